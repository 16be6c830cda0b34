"""Calendar arithmetic around the anchor: year inference, weekdays, weeks."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.dates.calendars import infer_day_year, infer_month_year, iso_week, resolve_weekday, shift_month


@pytest.mark.parametrize(("month", "day", "anchor", "mod", "weekday", "expected"), [
    (12, 28, date(2019, 1, 3), None, None, date(2018, 12, 28)),
    (1, 2, date(2018, 12, 30), None, None, date(2019, 1, 2)),
    (5, 9, date(2019, 5, 9), None, None, date(2019, 5, 9)),
    (5, 9, date(2019, 5, 9), "past", None, date(2018, 5, 9)),
    (5, 9, date(2019, 5, 9), "future", None, date(2020, 5, 9)),
    (11, 9, date(2019, 5, 9), "current", None, date(2019, 11, 9)),
    (2, 29, date(2019, 5, 9), None, None, date(2020, 2, 29)),  # the only leap year in reach
    (2, 29, date(2019, 5, 9), "current", None, None),
    # 9 May 2019 was a Thursday, 9 May 2018 a Wednesday: the weekday chooses the year
    (5, 9, date(2019, 1, 3), None, 2, date(2018, 5, 9)),
    (5, 9, date(2019, 1, 3), None, 3, date(2019, 5, 9)),
])
def test_infer_day_year(month: int, day: int, anchor: date, mod: str | None, weekday: int | None,
                        expected: date | None) -> None:
    assert infer_day_year(month, day, anchor, mod, weekday) == expected


@pytest.mark.parametrize(("month", "anchor", "mod", "expected"), [
    (12, date(2019, 1, 3), None, 2018),
    (1, date(2018, 12, 3), None, 2019),
    (5, date(2019, 5, 9), "past", 2018),
    (4, date(2019, 5, 9), "past", 2019),
    (5, date(2019, 5, 9), "future", 2020),
    (1, date(2019, 12, 9), "future", 2020),
    (11, date(2019, 5, 9), None, 2018),  # 6 months either way: a tie goes to the past
])
def test_infer_month_year(month: int, anchor: date, mod: str | None, expected: int) -> None:
    assert infer_month_year(month, anchor, mod) == expected


@pytest.mark.parametrize(("weekday", "mod", "expected"), [
    (3, None, date(2019, 5, 9)),
    (3, "past", date(2019, 5, 2)),
    (3, "future", date(2019, 5, 16)),
    (4, None, date(2019, 5, 3)),
    (4, "future", date(2019, 5, 10)),
    (2, "past", date(2019, 5, 8)),
])
def test_resolve_weekday_around_thursday(weekday: int, mod: str | None, expected: date) -> None:
    assert resolve_weekday(weekday, date(2019, 5, 9), mod) == expected


def test_shift_month_crosses_years() -> None:
    assert shift_month(2019, 1, -1) == (2018, 12)
    assert shift_month(2018, 12, 1) == (2019, 1)
    assert shift_month(2019, 5, 0) == (2019, 5)


def test_iso_week_uses_iso_year() -> None:
    assert iso_week(date(2018, 12, 31)) == "2019-W01"
    assert iso_week(date(2019, 5, 9)) == "2019-W19"
