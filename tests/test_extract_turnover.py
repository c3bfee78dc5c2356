"""Trade turnover (`rules/flows.turnover`) and the relative years it is dated by
(`when.dates_in`): exact arguments on made-up sentences and on the registry's places."""

from __future__ import annotations

import pytest

from regiongraph.dates import Point
from regiongraph.extract import extract_text
from regiongraph.extract.when import dates_in

from .test_extract_rules import registry

DATE = Point(2025, 3)


def turnovers(text: str) -> list[list[tuple[str, str, str]]]:
    """(role, text, value) of each turnover's arguments: a date's value, an amount's money."""
    return [[(a.role, a.text, str(a.value) if a.role == "when" else
              f"{a.value.amount} {a.value.currency}" if a.role == "amount" else "")
             for a in fact.args]
            for fact in extract_text("t", text, registry(), date=DATE).facts
            if fact.type == "turnover"]


@pytest.mark.parametrize("text, expected", [
    ("По итогам прошлого года товарооборот между Кузбассом и Беларусью составил 420 миллионов "
     "долларов.",
     [("party", "Кузбасс", ""), ("party", "Беларусь", ""),
      ("amount", "420 миллионов долларов", "420000000.0 USD"),
      ("when", "прошлого года", "2024")]),
    # the genitive and «с»; a year named
    ("Товарооборот Италии с Грузией в 2023 году достиг 2 млрд евро.",
     [("party", "Италия", ""), ("party", "Грузия", ""),
      ("amount", "2 млрд евро", "2000000000.0 EUR"), ("when", "2023 году", "2023")]),
    # «оборот» with an adjective of trade; names below common nouns
    ("За минувший год внешнеторговый оборот между компаниями Италии и фермерами Грузии вырос.",
     [("party", "Италия", ""), ("party", "Грузия", ""), ("when", "За минувший год", "2024")]),
])
def test_a_turnover_names_its_parties_money_and_period(text, expected):
    assert turnovers(text) == [expected]


@pytest.mark.parametrize("text, amount", [
    # a change is no amount; the amount of a verb sharing the subject is
    ("Товарооборот Кузбасса с Беларусью вырос на 50 млн долларов и достиг 420 млн долларов.",
     "420 млн долларов"),
    # another noun's money is not the turnover's
    ("Инвестиции в размере 5 млрд рублей и товарооборот между Кузбассом и Беларусью в 300 млн "
     "долларов обсудили стороны.", "300 млн долларов"),
])
def test_a_turnover_takes_its_own_money(text, amount):
    (fact,) = turnovers(text)
    assert [value for role, value, _ in fact if role == "amount"] == [amount]


def test_what_a_period_gave_dates_a_turnover_but_not_an_event():
    text = ("По итогам прошлого года товарооборот Кузбасса и Беларуси вырос. Сергей Петров и "
            "Иван Смирнов встретились и обсудили итоги 2023 года.")
    facts = extract_text("t", text, registry(), date=DATE).facts
    assert [(f.type, [str(a.value) for a in f.args if a.role == "when"]) for f in facts
            if f.type in ("turnover", "meeting")] == [("turnover", ["2024"]), ("meeting", [])]


@pytest.mark.parametrize("text", [
    "Товарооборот Кузбасса вырос на 10%.",  # one party: with whom?
    "Оборот компании «Альфа» составил 5 млн рублей.",  # a company's sales, not trade between
])
def test_no_turnover_without_two_parties_or_a_word_of_trade(text):
    assert turnovers(text) == []


def test_a_turnover_to_come_says_so():
    (fact,) = [f for f in extract_text(
        "t", "Кузбасс и Беларусь планируют нарастить товарооборот между Кузбассом и "
             "Беларусью.", registry()).facts if f.type == "turnover"]
    assert fact.modality == "future"


@pytest.mark.parametrize("text, found", [
    ("По итогам прошлого года", [("прошлого года", "2024")]),
    ("За минувший год", [("За минувший год", "2024")]),
    ("в следующем году и в этом году", [("в следующем году", "2026"), ("в этом году", "2025")]),
    ("в начале текущего года", [("текущего года", "2025")]),
    ("летом прошлого года", [("летом прошлого года", "2024-06/2024-08")]),
    ("Этот год был трудным", []),  # no preposition, no genitive: not a date of anything
    # a comparison's baseline is not a date of anything
    ("вырос на 10% по сравнению с аналогичным периодом прошлого года", []),
    ("вырос вдвое с прошлого года", []),
    # a month before a relative year is that month
    ("в январе прошлого года", [("январе прошлого года", "2024-01")]),
])
def test_relative_years_resolve_against_the_article(text, found):
    assert [(w.text, str(w.value)) for w in dates_in(text, DATE)] == found
