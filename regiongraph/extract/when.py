"""Dates and amounts of money in a sentence. Dates: absolute ones from Natasha's
DatesExtractor, relative ones («на этой неделе», «осенью этого года», «в прошлом году», «за
минувший год», «по итогам прошлого года») resolved against the article's date.

Each date keeps the precision the text gives: «летом 2023 года» is the season, not a day of
it; «на этой неделе» is the article's own date at the article's precision (a week is finer
than a month-dated article can say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..dates import DateSyntaxError, Point, TemporalValue, parse_point, parse_temporal
from ..model import Money

SEASONS = {"зимой": "winter", "весной": "spring", "летом": "summer", "осенью": "autumn"}
#: Words that place a year relative to the article's (this, last, next), by their stem: any
#: case of «этот», «текущий», «прошлый», «минувший», «следующий», …
SHIFTS = {"эт": 0, "текущ": 0, "нынешн": 0, "прошл": -1, "минувш": -1, "следующ": 1,
          "будущ": 1}
_RELATIVE = r"((?:" + "|".join(SHIFTS) + r")\w*)"
SEASON = re.compile(r"\b(зимой|весной|летом|осенью)\s+(?:" + _RELATIVE + r"\s+года|(\d{4})\s*"
                    r"(?:года|г\.))", re.IGNORECASE)
#: «в прошлом году», «за минувший год», «по итогам прошлого года», «этого года».
YEAR = re.compile(r"\b(?:(?:в|во|за)\s+" + _RELATIVE + r"\s+год(?:у)?|" + _RELATIVE +
                  r"\s+года)\b", re.IGNORECASE)
NOW = re.compile(r"\b(сегодня|вчера|завтра|на\s+этой\s+неделе|на\s+днях|в\s+этом\s+месяце)\b",
                 re.IGNORECASE)


#: Words before a relative year that make it a comparison's baseline, not a date of anything:
#: «по сравнению с аналогичным периодом прошлого года», «с прошлого года», «против …».
BASELINE = re.compile(r"(?:\b(?:с|со|против)|период\w*)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A month right before a relative year: «в январе прошлого года» is that month.
MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
          "октябр", "ноябр", "декабр")  # their stems, «март» before «ма»(й)
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")(?:ь|я|е|й|а|ом)?\s+$", re.IGNORECASE)


def shift(word: str) -> int:
    """How many years from the article's a relative word means («прошлого»: -1)."""
    return next(value for stem, value in SHIFTS.items() if word.lower().startswith(stem))


def point(year: int, month: int | None, day: int | None) -> Point | None:
    """A valid calendar point, or None («31 июня» is not a date)."""
    text = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    try:
        return parse_point(text)
    except DateSyntaxError:
        return None


@dataclass(frozen=True)
class When:
    """A date found in a text: offsets into it, the words, and the value."""

    start: int
    stop: int
    text: str
    value: TemporalValue


@cache
def money_extractor():
    from natasha import MoneyExtractor

    from .nlp import models

    return MoneyExtractor(models().vocab)


def money_in(text: str) -> list[tuple[int, int, Money]]:
    """Amounts of money in `text`: offsets and the amount with its ISO 4217 currency, from
    Natasha's MoneyExtractor (decimal from its float through its shortest text form, so
    1,2 млрд is 1200000000 exactly)."""
    found = []
    for match in money_extractor()(text):
        amount = Decimal(repr(float(match.fact.amount)))
        if match.fact.currency:
            found.append((match.start, match.stop, Money(amount, match.fact.currency)))
    return found


@cache
def extractor():
    from natasha import DatesExtractor

    from .nlp import models

    return DatesExtractor(models().vocab)


def dates_in(text: str, article: Point | None) -> list[When]:
    """Dates of `text` in order of appearance; relative ones only when the article's date is
    known, absolute ones without a year take the article's year."""
    found: list[When] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, stop: int, value: TemporalValue | None) -> None:
        if value is not None and not any(s < stop and start < e for s, e in taken):
            taken.append((start, stop))
            found.append(When(start, stop, text[start:stop], value))

    for match in SEASON.finditer(text):
        year = int(match.group(3)) if match.group(3) else (
            article.year + shift(match.group(2)) if article else None)
        if year is not None:
            add(match.start(), match.end(),
                parse_temporal(f"{year}-{SEASONS[match.group(1).lower()]}"))
    if article is not None:
        for match in YEAR.finditer(text):
            before = text[max(0, match.start() - 40):match.start()]
            if BASELINE.search(before):
                continue
            year = article.year + shift(match.group(1) or match.group(2))
            month = MONTH.search(before) if match.group(2) else None
            if month is not None:  # «в январе прошлого года»
                add(month.start() + match.start() - len(before), match.end(),
                    Point(year, MONTHS.index(month.group(1).lower()) + 1))
            else:
                add(match.start(), match.end(), Point(year))
        for match in NOW.finditer(text):
            add(match.start(), match.end(), article)
    for match in extractor()(text):
        fact = match.fact
        year = fact.year or (article.year if article else None)
        if year is None or not 1000 <= year <= 2999:
            continue
        month = fact.month if fact.month else None
        day = fact.day if month and fact.day else None
        add(match.start, match.stop, point(year, month, day))
    return sorted(found, key=lambda w: w.start)
