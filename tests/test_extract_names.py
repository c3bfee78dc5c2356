"""The names entities get: a mention put in the nominative, all its agreeing words with it.
Every name here is made up; the NER tags each test sentence's name as one span."""

from __future__ import annotations

import pytest

from regiongraph.extract import extract_text
from regiongraph.extract.mentions import Registry
from regiongraph.extract.nlp import analyse, models, normalise
from regiongraph.model import Entity

from .extract_helpers import hand_tokens


def names(text: str) -> list[tuple[str, str]]:
    """(type, nominative) of every NER span of a text."""
    return [(span.type, span.normal) for sentence in analyse(text) for span in sentence.spans]


def test_a_hyphenated_adjective_the_tagger_left_without_a_case_takes_its_nouns():
    # the tagger gives a hyphenated adjective no features at times, as here by hand
    tokens = hand_tokens([("в", "ADP", 3, "case", "в"),
                          ("Северо-Зеленском", "ADJ", 3, "amod", "северо-зеленский"),
                          ("федеральном", "ADJ", 3, "amod", "федеральный",
                           {"Case": "Loc", "Gender": "Masc", "Number": "Sing"}),
                          ("округе", "NOUN", -1, "root", "округ",
                           {"Case": "Loc", "Gender": "Masc", "Number": "Sing"})])
    assert normalise(models(), tokens[1:]) == "Северо-Зеленский федеральный округ"


def test_adjectives_joined_by_a_conjunction_both_agree_with_their_noun():
    assert names("Представители Всемирной продовольственной и лесной организации приехали.") \
        == [("ORG", "Всемирная продовольственная и лесная организация")]


def test_an_adjective_parsed_as_the_head_of_its_noun_agrees_with_it_in_number():
    # «Соединённых» made the head, «Провинций» hung on it: both are put in the nominative
    assert names("Гость из Соединённых Провинций Альфии прибыл.")[0] == \
        ("LOC", "Соединённые Провинции")


def test_a_noun_after_a_noun_stays_in_its_case():
    assert names("Он работал в Министерстве лесного хозяйства.") == \
        [("ORG", "Министерство лесного хозяйства")]


@pytest.mark.parametrize(("text", "name"), [
    ("Смерть Жози Сетрадзе потрясла всех.", "Жози Сетрадзе"),  # not «Жозь»: either gender
    ("Визит Анне Зольде начался.", "Анна Зольде"),  # a woman's name, so «Анна»
])
def test_an_indeclinable_first_name_stays_as_written_unless_its_gender_says_otherwise(text,
                                                                                     name):
    assert names(text) == [("PER", name)]


@pytest.mark.parametrize(("text", "name"), [
    ("Он встретился с Тимуром Калзаем.", "Тимур Калзай"),
    ("Визит Тимура Калзая начался.", "Тимур Калзай"),
])
def test_a_mans_surname_the_dictionary_cannot_read_loses_its_case_ending(text, name):
    assert names(text) == [("PER", name)]


@pytest.mark.parametrize(("text", "name"), [
    ("Мы говорили об Ирине Зольде.", "Ирина Зольде"),  # not «Зольда»
    ("Мы говорили об Ирине Сетраковой.", "Ирина Сетракова"),
    ("Мы встретили Ирину Сетракову.", "Ирина Сетракова"),  # «-у» of a surname the
])                                                          # dictionary reads declines
def test_a_womans_foreign_surname_in_a_vowel_does_not_decline(text, name):
    assert names(text) == [("PER", name)]


def test_a_hyphenated_word_keeps_the_capitals_of_each_part():
    from regiongraph.extract.nlp import shape_like

    assert shape_like("пресс-служба", "Пресс-службы") == "Пресс-служба"
    assert shape_like("северо-зеленский", "Северо-Зеленском") == "Северо-Зеленский"


def test_a_noun_in_its_second_locative_is_put_in_the_nominative():
    # «в аэропорту» is pymorphy2's loc2, which the tagger calls Loc
    assert names("Самолет приземлился в Зеленоградском аэропорту.") == [
        ("LOC", "Зеленоградский аэропорт")]


@pytest.mark.parametrize(("text", "name"), [("Встреча с Игорем Лосиным прошла.", "Игорь Лосин"),
                                            ("Мы говорили с Олегом Лосиным.", "Олег Лосин")])
def test_a_mans_surname_in_in_that_the_dictionary_reads_as_an_adjective_keeps_its_stem(text, name):
    # «Лосиным» is the adjective «лосиный» to the dictionary, which knows no such surname
    assert names(text) == [("PER", name)]


def petrov_registry() -> Registry:
    return Registry.of({"ivan-petrov": Entity(
        id="ivan-petrov", cls="Person", labels=(("ru", "Иван Петров"),),
        aliases=("Иван Петров", "Петров"))})


@pytest.mark.parametrize("text", [
    "Совещание провел Иван Сергеевич Петров.",
    "Совещание провел Петров Иван Сергеевич.",
])
def test_a_registry_person_named_with_a_patronymic_or_surname_first_is_that_person(text):
    mentions = [m for group in extract_text("t", text, petrov_registry()).mentions
                for m in group]
    assert [(m.entity, m.how) for m in mentions] == [("ivan-petrov", "registry")]


def test_another_person_with_the_same_surname_is_not_the_registry_person():
    mentions = [m for group in extract_text("t", "Совещание провел Олег Сергеевич Петров.",
                                            petrov_registry()).mentions for m in group]
    assert [(m.entity, m.how) for m in mentions] == [
        ("x-per-oleg-sergeevich-petrov", "candidate")]


def test_a_surname_and_a_first_name_the_ner_split_are_one_person():
    assert names("Губернатор Альфинской области Цапкин Сергей провел совещание.") == [
        ("LOC", "Альфинская область"), ("PER", "Цапкин Сергей")]
