"""The agreement rule on made-up sentences: who agreed with whom, about what, and whether it
happened."""

from __future__ import annotations

import pytest

from regiongraph.dates import Point
from regiongraph.extract import extract_text


def agreements(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(modality, [(role, text)]) of every agreement found."""
    return [(f.modality, [(a.role, a.text) for a in f.args])
            for f in extract_text("t", text).facts if f.type == "agreement"]


PETROV_SMIRNOV = [("participant", "Иван Петров"), ("participant", "Сергей Смирнов")]
CITIES = [("participant", "Зеленоград"), ("participant", "Тверь")]


@pytest.mark.parametrize("text, expected", [
    ("Иван Петров и Сергей Смирнов подписали соглашение о сотрудничестве.",
     [("actual", PETROV_SMIRNOV)]),
    ("Компания «Альфа» заключила договор с компанией «Бета».",
     [("actual", [("participant", "Альфа"), ("participant", "Бета")])]),
    # a passive, «между» on the noun, a name in the «о» phrase as the topic
    ("Между Зеленоградом и Тверью достигнута договоренность о строительстве завода «Гамма».",
     [("actual", [*CITIES, ("topic", "Гамма")])]),
    # a verb of agreeing with an infinitive
    ("Иван Петров и Сергей Смирнов договорились расширить поставки.",
     [("actual", PETROV_SMIRNOV)]),
    # the parser hangs the verb on the noun as a clause of its own
    ("Мирный договор между Зеленоградом и Тверью заключен.", [("actual", CITIES)]),
])
def test_an_agreement_reached_names_its_parties(text, expected):
    assert agreements(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Делегация Тверской области посетила Зеленоград. В ходе визита стороны подписали "
     "соглашение о сотрудничестве.", [("participant", "Тверская область"),
                                      ("participant", "Зеленоград")]),
    ("Иван Петров встретился с Сергеем Смирновым. Олег Сидоров уехал в отпуск. Стороны "
     "договорились о сотрудничестве.", PETROV_SMIRNOV),
])
def test_the_sides_are_the_parties_of_the_last_event_before(text, expected):
    assert agreements(text) == [("actual", expected)]


def test_a_side_is_not_the_topic_too():
    text = ("Делегация Тверской области посетила Зеленоград. Стороны договорились о развитии "
            "Зеленограда.")
    assert agreements(text) == [("actual", [("participant", "Тверская область"),
                                            ("participant", "Зеленоград")])]


@pytest.mark.parametrize("text, modality", [
    ("Иван Петров и Сергей Смирнов планируют подписать соглашение.", "future"),
    ("Между Зеленоградом и Тверью будет подписано соглашение.", "future"),
    ("Иван Петров и Сергей Смирнов не смогли договориться.", "negated"),
    ("Мирный договор между Зеленоградом и Тверью не заключен.", "negated"),
])
def test_an_agreement_planned_or_not_reached_says_so(text, modality):
    assert [m for m, _ in agreements(text)] == [modality]


@pytest.mark.parametrize("text", [
    # an agreement to buy is a deal (the deal rule's), not an agreement besides
    "Компания «Альфа» подписала соглашение о покупке компании «Бета».",
    # one party, or parties named elsewhere («стороны»)
    "Иван Петров подписал договор.",
    "Стороны подписали соглашение о сотрудничестве.",
    # no agreement's noun
    "Иван Петров и Сергей Смирнов подписали указ.",
])
def test_no_agreement(text):
    assert agreements(text) == []


@pytest.mark.parametrize("text, when", [
    # the year is the earlier agreements', not when these parties agreed
    ("Зеленоград и Тверь договорились о пересмотре соглашений 2009 года.", []),
    ("Зеленоград и Тверь договорились о сотрудничестве 12 мая.", ["12 мая"]),
    # a stretch of time is no thing: «в начале мая 2025 года» dates the agreement
    ("В начале мая 2025 года Зеленоград и Тверь договорились о сотрудничестве.",
     ["мая 2025 года"]),
])
def test_an_agreement_is_dated_by_its_own_date_not_by_a_things(text, when):
    (found,) = [f for f in extract_text("t", text, date=Point(2026, 11, 20)).facts
                if f.type == "agreement"]
    assert [a.text for a in found.args if a.role == "when"] == when
