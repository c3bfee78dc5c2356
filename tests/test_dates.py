import pytest

from regiongraph.dates import DateSyntaxError, Period, Point, parse_temporal


@pytest.mark.parametrize(("text", "expected"), [
    ("2025", Point(2025)),
    ("2025-06", Point(2025, 6)),
    ("2025-06-23", Point(2025, 6, 23)),
    ("2023-summer", Period(Point(2023, 6), Point(2023, 8), "season")),
    ("2024-winter", Period(Point(2024, 12), Point(2025, 2), "season")),
    ("2025-H2", Period(Point(2025, 7), Point(2025, 12), "half-year")),
    ("2024-Q1", Period(Point(2024, 1), Point(2024, 3), "quarter")),
    ("2025-06-21/2025-06-23", Period(Point(2025, 6, 21), Point(2025, 6, 23), "day")),
])
def test_accepted_forms(text, expected):
    assert parse_temporal(text) == expected


def test_points_carry_their_xsd_type():
    assert [Point(2025).xsd, Point(2025, 6).xsd, Point(2025, 6, 1).xsd] == [
        "gYear", "gYearMonth", "date"]


@pytest.mark.parametrize(("text", "message"), [
    ("June 2025", "'June 2025' is not a date; use one of YYYY, YYYY-MM, YYYY-MM-DD, "
                  "YYYY-spring|summer|autumn|winter, YYYY-Q1..Q4, YYYY-H1|H2, START/END"),
    ("2025-02-30", "'2025-02-30' is not a valid date (day is out of range for month)"),
    ("2025-06-23/2025-06-21", "'2025-06-23/2025-06-21': the period ends before it starts"),
    ("2025-06/2025-06-21", "'2025-06/2025-06-21': start and end must have the same precision"),
])
def test_rejected_forms(text, message):
    with pytest.raises(DateSyntaxError) as error:
        parse_temporal(text)
    assert str(error.value) == message
