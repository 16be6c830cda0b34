"""Calendar arithmetic around an anchor date: year inference, weekdays, relative units, Hijri (Umm al-Qura)
conversion, ISO values.

Pure functions on ``datetime.date``; the grammar decides what was said, this module decides which day it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from marsad.dates.lexicon import CURRENT, FUTURE, PAST

# Years read from text outside this range are not Gregorian years of news interest: Hijri years (1436) and
# quantities (5000) would otherwise become dates. Checked on SaudiNewsNet, where Hijri years are frequent.
MIN_YEAR = 1700
MAX_YEAR = 2100
# After a month name or the word عام an older year is read too ("8 أغسطس 1516", "عام 1501م").
OLD_MIN_YEAR = 1000
SUNDAY = 6
# The years hijridate's Umm al-Qura table covers; a four-digit number in this range followed by هـ is a Hijri year.
HIJRI_MIN_YEAR = 1343
HIJRI_MAX_YEAR = 1500


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
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    return pick_day((safe_date(y, month, day) for y in years), anchor, mod, weekday)


def pick_day(days: Iterable[date | None], anchor: date, mod: str | None = None,
             weekday: int | None = None) -> date | None:
    """The candidate day a year-less date means (the rule of ``infer_day_year``, for any calendar)."""
    candidates = [d for d in days if d is not None]
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
    return nearest_month_year(month, anchor.year, anchor.month, mod)


def nearest_month_year(month: int, year: int, current: int, mod: str | None = None) -> int:
    """The year of ``month`` seen from month ``current`` of ``year`` (any calendar of twelve months)."""
    if mod == CURRENT:
        return year
    here = year * 12 + current - 1
    candidates = [y * 12 + month - 1 for y in (year - 1, year, year + 1)]
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


def nearest_weekday(d: date, weekday: int) -> date:
    """The day with ``weekday`` nearest to ``d`` (a tie of three days each way goes to the earlier one)."""
    back = (d.weekday() - weekday) % 7
    return d - timedelta(days=back) if back <= 3 else d + timedelta(days=7 - back)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def iso_week(d: date) -> str:
    """The ISO week an Arabic week falls in. The week starts on Sunday in the Gulf (Saturday in Egypt), so a
    Sunday belongs with the Monday after it: "الأسبوع الجاري" said on a Sunday is the week that begins then."""
    if d.weekday() == SUNDAY:
        d += timedelta(days=1)
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


# -- Hijri (Umm al-Qura, via hijridate: years 1343-1500 AH, 1924-2077 CE; outside that no date is given) -------

def hijri_day(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri date, or None when it does not exist or is outside the Umm al-Qura table."""
    try:
        h = Hijri(year, month, 1)
        if not 1 <= day <= h.month_length():  # hijridate accepts a 30th in a 29-day month
            return None
        g = Hijri(year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)  # a plain date: hijridate's subclass carries Hijri helpers
    except (ValueError, OverflowError):
        return None


def hijri_month_days(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri month, or None outside the table."""
    try:
        h = Hijri(year, month, 1)
        g = h.to_gregorian()
        first = date(g.year, g.month, g.day)
        return first, first + timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError):
        return None


def to_hijri(d: date) -> tuple[int, int, int] | None:
    """(year, month, day) of a Gregorian day in the Hijri calendar, or None outside the table."""
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def is_hijri_year(n: int) -> bool:
    return HIJRI_MIN_YEAR <= n <= HIJRI_MAX_YEAR


def infer_hijri_day(month: int, day: int, anchor: date, mod: str | None = None,
                    weekday: int | None = None) -> date | None:
    """A Hijri day and month without a year, resolved around ``anchor`` by the rule of ``infer_day_year``."""
    here = to_hijri(anchor)
    if here is None:
        return None
    if mod == CURRENT:
        return hijri_day(here[0], month, day)
    years = (here[0] - 1, here[0], here[0] + 1)
    return pick_day((hijri_day(y, month, day) for y in years), anchor, mod, weekday)
