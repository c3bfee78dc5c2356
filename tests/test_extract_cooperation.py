"""Cooperation (`rules/cooperation`): party, partners and the registry's areas, on made-up
sentences about the registry's places (areas are the registry's SKOS concepts)."""

from __future__ import annotations

import pytest

from regiongraph.extract import extract_text

from .test_extract_rules import registry


def cooperations(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(modality, [(role, entity or text)]) of each cooperation found, threshold or not."""
    return [(f.modality, [(a.role, a.entity or a.text) for a in f.args])
            for f in extract_text("t", text, registry()).facts if f.type == "cooperation"]


@pytest.mark.parametrize("text, expected", [
    # the verb's subject is the party, «с» the partner; areas after a frame noun, in order
    ("Кузбасс расширит сотрудничество с Беларусью в сферах образования, культуры и туризма.",
     ("future", [("party", "kuzbass"), ("partner", "belarus"), ("area", "area-education"),
                 ("area", "area-culture"), ("area", "area-tourism")])),
    # conjoined subjects; adjectives on the frame noun
    ("Кузбасс и Беларусь развивают сотрудничество в научной и промышленной сфере.",
     ("actual", [("party", "kuzbass"), ("partner", "belarus"), ("area", "area-science"),
                 ("area", "area-industry")])),
    # a verb of cooperating; an area of two words
    ("Кузбасс сотрудничает с Беларусью в области сельского хозяйства.",
     ("actual", [("party", "kuzbass"), ("partner", "belarus"),
                 ("area", "area-agriculture")])),
    # the noun's genitive; the area an adjective names with the noun
    ("Торгово-экономическое сотрудничество Кузбасса и Беларуси растет.",
     ("actual", [("party", "kuzbass"), ("partner", "belarus"), ("area", "area-trade")])),
])
def test_a_cooperation_names_its_party_partners_and_areas(text, expected):
    assert cooperations(text) == [expected]


def test_two_cooperation_words_each_with_its_partner_and_areas():
    text = ("Кузбасс расширит сотрудничество с Беларусью в сфере образования и взаимодействие "
            "с Китаем в сфере туризма.")
    assert [args for _, args in cooperations(text)] == [
        [("party", "kuzbass"), ("partner", "belarus"), ("area", "area-education")],
        [("party", "kuzbass"), ("partner", "china"), ("area", "area-tourism")]]


def test_areas_without_parties_continue_the_last_cooperation():
    text = ("Кузбасс расширит сотрудничество с Беларусью. Губернатор провел переговоры. В "
            "центре внимания будет развитие взаимодействия в сферах образования и культуры.")
    assert cooperations(text) == [
        # found, with no area: no fact of the graph (its shape asks for one), but the sides
        ("future", [("party", "kuzbass"), ("partner", "belarus")]),
        ("actual", [("party", "kuzbass"), ("partner", "belarus"),
                    ("area", "area-education"), ("area", "area-culture")])]


@pytest.mark.parametrize("text", [
    "Кузбасс развивает сотрудничество в сфере образования.",  # with whom?
    "Взаимодействие в сферах образования и культуры важно.",  # no cooperation before
    "Иван Петров сотрудничает с Олегом Смирновым в сфере образования.",  # people, not parties
])
def test_no_cooperation_without_a_party_and_a_partner(text):
    assert [args for _, args in cooperations(text) if any(r == "area" for r, _ in args)] == []
