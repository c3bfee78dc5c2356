"""Dates with their precision: a day, a month, a year, or a period such as a season.

Sources give time as precisely as they can ("23 June 2025", "June 2025", "summer 2023",
"the second half of 2025"). We keep that precision instead of inventing a day: a point is an
xsd:date, xsd:gYearMonth or xsd:gYear literal; a period is a start and an end at their own
precision plus the precision of the period as a whole.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: Calendar periods written as YEAR-NAME, with their first and last month and precision.
#: Seasons are meteorological (northern hemisphere); winter runs into the next year.
_NAMED_PERIODS: dict[str, tuple[int, int, str]] = {
    "winter": (12, 2, "season"), "spring": (3, 5, "season"),
    "summer": (6, 8, "season"), "autumn": (9, 11, "season"),
    "Q1": (1, 3, "quarter"), "Q2": (4, 6, "quarter"),
    "Q3": (7, 9, "quarter"), "Q4": (10, 12, "quarter"),
    "H1": (1, 6, "half-year"), "H2": (7, 12, "half-year"),
}

_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NAMED = re.compile(r"^(\d{4})-(" + "|".join(_NAMED_PERIODS) + r")$")


class DateSyntaxError(ValueError):
    """A value that is not one of the accepted date forms."""


@dataclass(frozen=True, order=True)
class Point:
    """A calendar point at day, month or year precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def xsd(self) -> str:
        """The XSD datatype local name that carries exactly this precision."""
        return {"day": "date", "month": "gYearMonth", "year": "gYear"}[self.precision]

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True)
class Period:
    """A period from `start` to `end` (inclusive) with the precision the source gave."""

    start: Point
    end: Point
    precision: str

    def __str__(self) -> str:
        return f"{self.start}/{self.end}"


TemporalValue = Point | Period

FORMS = ("YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-spring|summer|autumn|winter", "YYYY-Q1..Q4",
         "YYYY-H1|H2", "START/END")


def parse_point(text: str) -> Point:
    match = _POINT.match(text)
    if not match:
        raise DateSyntaxError(f"'{text}' is not a date; use one of {', '.join(FORMS)}")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise DateSyntaxError(f"'{text}' is not a valid date ({exc})") from None
    return Point(year, month, day)


def parse_temporal(value: object) -> TemporalValue:
    """Parse a data file's date: a point, a named period of a year, or START/END."""
    text = str(value).strip()
    named = _NAMED.match(text)
    if named:
        year = int(named.group(1))
        first, last, precision = _NAMED_PERIODS[named.group(2)]
        end_year = year + 1 if last < first else year
        return Period(Point(year, first), Point(end_year, last), precision)
    if "/" in text:
        start_text, _, end_text = text.partition("/")
        start, end = parse_point(start_text), parse_point(end_text)
        if start.precision != end.precision:
            raise DateSyntaxError(f"'{text}': start and end must have the same precision")
        if end < start:
            raise DateSyntaxError(f"'{text}': the period ends before it starts")
        return Period(start, end, start.precision)
    return parse_point(text)


def format_temporal(value: TemporalValue) -> str:
    """The data-file form of a date or period: the inverse of `parse_temporal`, so that values
    taken from the graph (a review file of extracted facts) load back as the same values.

    A period is written by its name (`2023-summer`, `2024-Q1`, `2025-H2`) when it is one, else
    as START/END; a period whose precision is neither raises DateSyntaxError, because no
    written form would give it back.
    """
    if isinstance(value, Point):
        return str(value)
    start, end = value.start, value.end
    for name, (first, last, precision) in _NAMED_PERIODS.items():
        end_year = start.year + 1 if last < first else start.year
        if value == Period(Point(start.year, first), Point(end_year, last), precision):
            return f"{start.year:04d}-{name}"
    if value.precision == start.precision == end.precision and not end < start:
        return str(value)
    raise DateSyntaxError(f"the period {value} at precision '{value.precision}' has no written "
                          f"form; use one of {', '.join(FORMS)}")
