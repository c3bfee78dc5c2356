"""The meeting rule on sentences written for it: who met whom, how sure, and whether it was held.

The sentences are made up (no names of the seed articles or the benchmark), one per way Russian
news states a meeting, and one per way a meeting word does not name one.
"""

from __future__ import annotations

import pytest

from regiongraph.extract import extract_text, records
from regiongraph.extract.extractor import MIN_CONFIDENCE
from regiongraph.extract.lexicon import lexicon
from regiongraph.extract.rules.base import Arg, Found, Scope, widest
from regiongraph.extract.rules.events import REMOTE_MEETING, reception

PETROV_SMIRNOV = [("participant", "Иван Петров"), ("participant", "Сергей Смирнов")]


def meetings(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(modality, [(role, text)]) of every meeting found, confidence threshold or not."""
    return [(f.modality, [(a.role, a.text) for a in f.args])
            for f in extract_text("t", text).facts if f.type == "meeting"]


def participants_and_confidence(text: str) -> list[tuple[list[str], float]]:
    """([participant], confidence) of every meeting found, confidence threshold or not."""
    return [([a.text for a in f.args if a.role == "participant"], f.confidence)
            for f in extract_text("t", text).facts if f.type == "meeting"]


@pytest.mark.parametrize("text", [
    "Иван Петров встретился с Сергеем Смирновым.",
    "Иван Петров провел телефонный разговор с Сергеем Смирновым.",
    "Губернатор Иван Петров принял Сергея Смирнова.",
    "У Ивана Петрова состоялась встреча с Сергеем Смирновым.",
    "В ходе встречи с Сергеем Смирновым Иван Петров заявил, что сотрудничество будет расширено.",
])
def test_a_meeting_of_two_people_stated_as_held(text):
    participants = sorted(PETROV_SMIRNOV)
    ((modality, args),) = meetings(text)
    assert (modality, sorted(args)) == ("actual", participants)


def test_the_subjects_of_a_light_verb_with_talks_meet_where_the_talks_were():
    assert meetings("Иван Петров и Сергей Смирнов провели переговоры в Риме.") == [
        ("actual", [*PETROV_SMIRNOV, ("where", "Рим")])]


@pytest.mark.parametrize("text", [
    "Переговоры между Италией и Грузией прошли в Риме.",
    "Саммит Италии и Грузии прошел в Риме.",
])
def test_countries_meet_by_between_or_by_the_genitive(text):
    assert meetings(text) == [
        ("actual", [("participant", "Италия"), ("participant", "Грузия"), ("where", "Рим")])]


def test_countries_that_negotiate_and_sign_after_talks():
    assert meetings("Италия ведет переговоры с Грузией о поставках газа.") == [
        ("actual", [("participant", "Италия"), ("participant", "Грузия")])]
    assert meetings("По итогам переговоров Италия и Грузия подписали соглашение.") == [
        ("actual", [("participant", "Италия"), ("participant", "Грузия")])]


def test_what_failed_at_the_talks_does_not_make_them_not_held():
    assert meetings("Иван Петров и Сергей Смирнов не смогли договориться на переговорах.") == [
        ("actual", PETROV_SMIRNOV)]


def test_a_delegation_stands_for_the_country_it_comes_from():
    assert meetings("Иван Петров встретился с делегацией Грузии.") == [
        ("actual", [("participant", "Иван Петров"), ("participant", "Грузия")])]


@pytest.mark.parametrize(("text", "modality"), [
    ("Иван Петров планирует встретиться с Сергеем Смирновым.", "future"),
    ("Иван Петров встретится с Сергеем Смирновым на следующей неделе.", "future"),
    ("Иван Петров не встречался с Сергеем Смирновым.", "negated"),
    ("Иван Петров отказался от встречи с Сергеем Смирновым.", "negated"),
    ("Иван Петров может встретиться с Сергеем Смирновым.", "possible"),
])
def test_a_planned_cancelled_or_possible_meeting_is_not_reported_as_held(text, modality):
    assert meetings(text) == [(modality, PETROV_SMIRNOV)]


@pytest.mark.parametrize("text", [
    "Губернатор Иван Петров принял решение уйти в отставку.",
    "Иван Петров принял участие в форуме вместе с Сергеем Смирновым.",
    "Компания «Альфа» приняла на работу Сергея Смирнова.",
    "Иван Петров встретился с журналистами.",
    "Иван Петров встретился с Петровым.",
    "Иван Петров встретится с Сергеем Смирновым в финале турнира.",
])
def test_no_meeting_in_a_decision_a_hiring_a_generic_guest_oneself_or_a_match(text):
    assert meetings(text) == []


def test_he_who_meets_is_the_person_last_seen_as_a_subject_and_the_rule_is_less_sure():
    found = [f for f in extract_text("t", "Иван Петров прибыл в Рим. Он встретился с Сергеем "
                                           "Смирновым.").facts if f.type == "meeting"]
    assert [([a.text for a in f.args], f.confidence) for f in found] == [
        (["Иван Петров", "Сергей Смирнов"], 0.81)]


def test_a_meeting_inside_a_wider_one_of_the_same_sentence_is_dropped():
    def meeting(*entities: str) -> Found:
        return Found("meeting", [Arg("participant", e, 0, 1, e) for e in entities], 0.8,
                     "meeting", 0)

    pair, trio, other = meeting("a", "b"), meeting("a", "b", "c"), meeting("a", "d")
    assert widest([pair, trio, other, meeting("b", "a")]) == [trio, other]


def test_countries_or_companies_that_negotiate_stay_below_the_threshold():
    (talks,) = [f for f in extract_text("t", "Италия ведет переговоры с Грузией.").facts
                if f.type == "meeting"]
    assert talks.confidence == 0.3 < MIN_CONFIDENCE


def test_with_two_people_the_place_beside_them_is_no_participant():
    assert participants_and_confidence(
        "Иван Петров встретился с Марко Росси и делегацией Грузии.") == [
        (["Иван Петров", "Марко Росси"], 0.97)]


@pytest.mark.parametrize("text", [
    "Иван Петров провел телефонный разговор с Сергеем Смирновым.",
    "Иван Петров поговорил по телефону с Сергеем Смирновым.",
])
def test_a_call_is_no_meeting_in_person_and_stays_below_the_threshold(text):
    assert participants_and_confidence(text) == [
        (["Иван Петров", "Сергей Смирнов"], REMOTE_MEETING)]
    assert records(extract_text("t", text)) == []  # not printed at the default threshold


def test_talks_with_several_guests_are_one_meeting_but_plural_meetings_are_one_each():
    talks = "Иван Петров провел переговоры с Сергеем Смирновым и Марко Росси."
    assert participants_and_confidence(talks) == [
        (["Иван Петров", "Сергей Смирнов", "Марко Росси"], 0.97)]
    plural = "Иван Петров провел встречи с Сергеем Смирновым и Марко Росси."
    assert participants_and_confidence(plural) == [
        (["Иван Петров", "Сергей Смирнов"], 0.97), (["Иван Петров", "Марко Росси"], 0.97)]


@pytest.mark.parametrize(("text", "found"), [
    # no host word: the protagonist hosts, each guest apart («встречи»)
    ("Иван Петров прибыл в Рим. С Сергеем Смирновым и с Марко Росси уже проведены встречи.",
     [(["Иван Петров", "Сергей Смирнов"], 0.81), (["Иван Петров", "Марко Росси"], 0.81)]),
    # hosts the rule cannot name (a plural post): no host, and the guests meet no one
    ("Иван Петров прибыл в Рим. Вчера губернаторы провели встречу с Сергеем Смирновым и Марко "
     "Росси.", []),
])
def test_guests_meet_the_host_never_each_other_even_with_no_host_named(text, found):
    assert participants_and_confidence(text) == found


@pytest.mark.parametrize("text", [
    "На переговорах с участием Ивана Петрова и Сергея Смирнова удалось сблизить позиции.",
    "Переговоры между Иваном Петровым и Сергеем Смирновым прошли успешно.",
])
def test_those_taking_part_and_the_sides_between_are_participants(text):
    assert participants_and_confidence(text) == [(["Иван Петров", "Сергей Смирнов"], 0.97)]


def test_who_left_to_meet_is_the_host():
    text = "Иван Петров вылетел в Рим, чтобы провести встречу с Сергеем Смирновым."
    assert participants_and_confidence(text) == [(["Иван Петров", "Сергей Смирнов"], 0.97)]


def test_a_second_meeting_word_of_the_sentence_keeps_the_host_of_the_first():
    text = "Состоялись переговоры Ивана Петрова с Сергеем Смирновым, а потом беседа с Марко Росси."
    assert participants_and_confidence(text) == [
        (["Иван Петров", "Сергей Смирнов"], 0.97), (["Иван Петров", "Марко Росси"], 0.81)]


@pytest.mark.parametrize(("text", "found"), [
    ("Иван Петров прибыл в Рим. Вчера губернатор после встречи с Сергеем Смирновым заявил о "
     "поддержке.", [(["Иван Петров", "Сергей Смирнов"], 0.81)]),
    ("Иван Петров прибыл в Рим. Вчера губернаторы после встречи с Сергеем Смирновым заявили о "
     "поддержке.", []),
])
def test_a_post_with_no_holder_named_stands_for_the_protagonist_if_singular(text, found):
    assert participants_and_confidence(text) == found


def test_he_receives_a_guest_the_parser_took_for_an_adverbial():
    text = "Губернатор Иван Петров принял президента Грузии Сергея Смирнова."
    extraction = extract_text("t", text)
    sentence, mentions = extraction.sentences[0], extraction.mentions[0]
    (verb,) = [t for t in sentence.tokens if t.lemma == "принять"]
    (guest,) = [t for t in sentence.tokens if t.rel == "obj" and t.head == verb.index]
    guest.rel = "obl"  # as the parser tags the object after a place: «принял в X президента»
    scope = Scope(0, sentence, mentions, lexicon())
    assert [[m.normal for m in scope.actors(words)] for words in reception(scope, verb)] == [
        ["Иван Петров"], ["Сергей Смирнов"]]


def test_a_name_the_tagger_missed_stands_for_the_person_of_that_name_met_before():
    text = ("Об этом сообщил Марко Конти. По словам Конти, переговоры были трудными. Конти "
            "прибыл в Москву и встретился с Сергеем Смирновым.")
    assert participants_and_confidence(text) == [(["Марко Конти", "Сергей Смирнов"], 0.97)]


def test_he_receives_a_guest_the_parser_hung_on_the_place():
    text = "Иван Петров принял в загородной резиденции своего грузинского коллегу Сергея Смирнова."
    assert participants_and_confidence(text) == [
        (["Иван Петров", "Сергей Смирнов"], 0.97)]


def test_a_thing_the_parser_made_the_subject_is_no_host():
    text = ("Иван Петров прибыл в Рим. Он отказался назвать, какие именно темы хочет обсудить "
            "с Сергеем Смирновым.")
    assert participants_and_confidence(text) == [
        (["Иван Петров", "Сергей Смирнов"], 0.81)]


def test_a_counterpart_whose_title_has_adjectives_joined_by_and():
    # the parser joins «Послом» to «Чрезвычайным» and the «с» hangs on the noun: the noun is
    # put back in the adjectives' place (nlp.adjectives_on_their_noun)
    text = ("Иван Петров провел в Зеленограде переговоры с Чрезвычайным и Полномочным Послом "
            "Республики Альфинии в Российской Федерации Сергеем Смирновым.")
    assert meetings(text) == [("actual", [*PETROV_SMIRNOV, ("where", "Зеленоград")])]


def test_what_was_agreed_during_a_meeting_does_not_make_it_one_to_come():
    # «договориться» above a meeting makes it planned («договорились о встрече»), not when
    # the meeting is the frame of the agreement
    assert meetings("В ходе встречи Иван Петров и Сергей Смирнов договорились о "
                    "сотрудничестве.") == [("actual", PETROV_SMIRNOV)]


def test_a_meeting_set_in_a_visit_told_before_takes_its_place_and_date():
    from regiongraph.extract import extract_text

    text = ("Делегация Тверской области посетила Зеленоград 15 апреля 2025 года. В рамках "
            "визита Иван Петров провел переговоры с Олегом Смирновым.")
    (meeting,) = [f for f in extract_text("t", text).facts if f.type == "meeting"]
    assert [(a.role, a.text) for a in meeting.args] == [
        ("participant", "Иван Петров"), ("participant", "Олег Смирнов"),
        ("where", "Зеленоград"), ("when", "15 апреля 2025 года")]
    # a visit of its own in the sentence is another visit: nothing is taken
    other = text.replace("В рамках визита", "В рамках визита в Тулу")
    (meeting,) = [f for f in extract_text("t", other).facts if f.type == "meeting"]
    assert [a.role for a in meeting.args] == ["participant", "participant"]
