"""Gregorian calendar arithmetic around an anchor date: year inference, weekdays, relative units, ISO values.

Pure functions on ``datetime.date``; the grammar decides what was said, this module decides which day it was.
"""

from __future__ import annotations

from datetime import date, timedelta

from marsad.dates.lexicon import CURRENT, FUTURE, PAST

# Years read from text outside this range are not Gregorian years of news interest: Hijri years (1436) and
# quantities (5000) would otherwise become dates. Checked on SaudiNewsNet, where Hijri years are frequent.
MIN_YEAR = 1700
MAX_YEAR = 2100


def is_year(n: int) -> bool:
    return MIN_YEAR <= n <= MAX_YEAR


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 April, 29 February of a common year)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_day_year(month: int, day: int, anchor: date, mod: str | None = None,
                   weekday: int | None = None) -> date | None:
    """The year that a day and month without a year most likely mean, seen from ``anchor``.

    past: the latest such day strictly before the anchor; future: the earliest strictly after; current: the
    anchor's year; otherwise the nearest to the anchor (a tie goes to the past: news reports what happened).
    A weekday said with the date ("الخميس 9 مايو") picks the year where the day falls on that weekday.
    """
    if mod == CURRENT:
        return safe_date(anchor.year, month, day)
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (d := safe_date(y, month, day)) is not None]
    if mod == PAST:
        candidates = [d for d in candidates if d < anchor]
        return max(candidates, default=None)
    if mod == FUTURE:
        candidates = [d for d in candidates if d > anchor]
        return min(candidates, default=None)
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday] or candidates
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor), default=None)


def infer_month_year(month: int, anchor: date, mod: str | None = None) -> int:
    """The year of a month named without a year (same rules as ``infer_day_year``, by whole months)."""
    if mod == CURRENT:
        return anchor.year
    here = anchor.year * 12 + anchor.month - 1
    candidates = [y * 12 + month - 1 for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if mod == PAST:
        return max(c for c in candidates if c < here) // 12
    if mod == FUTURE:
        return min(c for c in candidates if c > here) // 12
    return min(candidates, key=lambda c: (abs(c - here), c > here)) // 12


def resolve_weekday(weekday: int, anchor: date, mod: str | None = None) -> date:
    """The day named by a weekday: the latest on or before the anchor; past = strictly before; future = after."""
    back = (anchor.weekday() - weekday) % 7
    if mod == FUTURE:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if mod == PAST:
        back = back or 7
    return anchor - timedelta(days=back)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def yearless_value(month: int, day: int) -> str:
    return f"--{month:02d}-{day:02d}"
