"""Hijri dates (Umm al-Qura): every month, with and without a year, months and years as periods, the SPA
Hijri-Gregorian pair, and the ambiguous names. Expected days are written out here from the Umm al-Qura table
of 1436-1437 AH (1 Ramadan 1436 = 18 June 2015, 1 Shawwal 1436 = 17 July 2015), not computed by the code."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.dates import resolve_text
from marsad.dates.calendars import hijri_day, hijri_month_days, to_hijri

AUG11 = date(2015, 8, 11)  # 26 Shawwal 1436, a Tuesday

# first day of each month of 1436 AH in the Umm al-Qura calendar
STARTS_1436 = {1: date(2014, 10, 25), 2: date(2014, 11, 23), 3: date(2014, 12, 23), 4: date(2015, 1, 21),
               5: date(2015, 2, 20), 6: date(2015, 3, 21), 7: date(2015, 4, 20), 8: date(2015, 5, 19),
               9: date(2015, 6, 18), 10: date(2015, 7, 17), 11: date(2015, 8, 16), 12: date(2015, 9, 14)}
NAMES = [(1, "محرم"), (2, "صفر"), (3, "ربيع الأول"), (4, "ربيع الآخر"), (5, "جمادى الأولى"), (6, "جمادى الآخرة"),
         (7, "رجب"), (8, "شعبان"), (9, "رمضان"), (10, "شوال"), (11, "ذو القعدة"), (12, "ذو الحجة")]
VARIANTS = [(4, "ربيع الثاني"), (6, "جمادى الثانية"), (11, "ذي القعدة"), (12, "ذي الحجة"), (1, "المحرم"),
            (3, "ربيع أول"), (11, "ذا القعدة")]
ALL_NAMES = NAMES + VARIANTS


def read(text: str, anchor: date | None = AUG11) -> list[tuple]:
    return [(t.text, t.value, t.precision, t.end) for t in resolve_text(text, anchor)]


def iso(d: date) -> str:
    return d.isoformat()


@pytest.mark.parametrize(("month", "name"), ALL_NAMES, ids=[f"{m}-{n}" for m, n in ALL_NAMES])
def test_hijri_day_month_year(month: int, name: str) -> None:
    from datetime import timedelta
    expected = iso(STARTS_1436[month] + timedelta(days=14))
    assert read(f"صدر القرار في 15 {name} 1436 هـ") == [(f"15 {name} 1436 هـ", expected, "day", None)]


@pytest.mark.parametrize(("month", "name"), NAMES, ids=[f"{m}-{n}" for m, n in NAMES])
def test_hijri_marker_attached_to_year(month: int, name: str) -> None:
    assert read(f"في 1 {name} 1436هـ")[0][1] == iso(STARTS_1436[month])


# Seen from 26 Shawwal 1436: a Hijri day without a year takes the nearest year (1 Rajab 1437 = 8 April 2016 is
# 241 days ahead, 1 Rajab 1436 = 20 April 2015 is 113 days back).
YEARLESS = [
    ("في 7 ذو القعدة المقبل", "2015-08-22"),
    ("في 7 ذي القعدة", "2015-08-22"),
    ("يوم 20 رمضان", "2015-07-07"),
    ("ليلة 28 رمضان", "2015-07-15"),
    ("غرة ذي القعدة", "2015-08-16"),
    ("غرة شهر ذي القعدة القادم", "2015-08-16"),
    ("في 1 رجب", "2015-04-20"),
    ("الخامس عشر من شهر رمضان", "2015-07-02"),
    ("في 15 من شوال الجاري", "2015-07-31"),
    ("10 ذو الحجة", "2015-09-23"),
    ("1 محرم", "2015-10-14"),  # 1 Muharram 1437: 64 days ahead, nearer than 1436's 290 days back
]


@pytest.mark.parametrize(("text", "value"), YEARLESS)
def test_hijri_day_without_year_nearest_to_anchor(text: str, value: str) -> None:
    got = read(text)
    assert len(got) == 1 and got[0][1] == value and got[0][2] == "day"


PERIODS = [
    ("خلال شهر رمضان الماضي", ("شهر رمضان الماضي", "2015-06", "month", "2015-07")),
    ("في رمضان", ("رمضان", "2015-06", "month", "2015-07")),
    ("شهر ذي الحجة المقبل", ("شهر ذي الحجة المقبل", "2015-09", "month", "2015-10")),
    ("في شهر شوال", ("شهر شوال", "2015-07", "month", "2015-08")),
    ("شهر صفر 1437", ("شهر صفر 1437", "2015-11", "month", "2015-12")),
    ("عام 1436هـ", ("عام 1436هـ", "2014", "year", "2015")),
    ("في العام 1436 هـ", ("العام 1436 هـ", "2014", "year", "2015")),
    ("في 1437 هـ", ("1437 هـ", "2015", "year", "2016")),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_hijri_month_and_year_as_gregorian_period(text: str, expected: tuple) -> None:
    assert read(text) == [expected]


PAIRS = [
    ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس",
     ("26 شوال 1436 هـ الموافق 11 أغسطس 2015 م", "2015-08-11", "day", None)),
    ("جيزان 26 شوال 1436هـ الموافق 11 أغسطس 2015م", ("26 شوال 1436هـ الموافق 11 أغسطس 2015م", "2015-08-11",
                                                      "day", None)),
    # the Gregorian date wins even when the two disagree by a day (sighting vs. table)
    ("لندن 25 شوال 1436 هـ الموافق 11 اغسطس 2015", ("25 شوال 1436 هـ الموافق 11 اغسطس 2015", "2015-08-11",
                                                     "day", None)),
    ("يوم 11 أغسطس 2015 الموافق 26 شوال 1436هـ", ("يوم 11 أغسطس 2015 الموافق 26 شوال 1436هـ", "2015-08-11",
                                                   "day", None)),
    ("الأحد 15 رمضان 1436 (2 يوليو 2015)", ("الأحد 15 رمضان 1436 (2 يوليو 2015)", "2015-07-02", "day", None)),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_hijri_gregorian_pair_is_one_expression_with_gregorian_value(text: str, expected: tuple) -> None:
    assert read(text) == [expected]


def test_hijri_weekday_with_modifier_and_date() -> None:
    assert read("اعتباراً من يوم الأحد المقبل 24 شوال 1436هـ") == [
        ("يوم الأحد المقبل 24 شوال 1436هـ", "2015-08-09", "day", None)]


NOT_HIJRI = [
    "فاز الهلال 3-صفر على النصر",
    "خسر بنتيجة صفر - 1",
    "الرئيس التركي رجب طيب أردوغان",
    "مع رجب طيب أردوغان",
    "التقى شعبان عبد الرحمن",
    "وجود المحرم للمرأة",
    "عند نقطة الصفر",
    "في 30 رمضان 1436",  # Ramadan 1436 had 29 days in the Umm al-Qura calendar
    "في 12 شوال 1200 هـ",  # outside the Umm al-Qura table: no date rather than a wrong one
]


@pytest.mark.parametrize("text", NOT_HIJRI)
def test_hijri_names_that_are_not_dates(text: str) -> None:
    assert read(text) == []


def test_hijri_without_anchor_needs_a_year() -> None:
    assert read("في 15 رمضان", None) == []
    assert read("في 15 رمضان 1436 هـ", None) == [("15 رمضان 1436 هـ", "2015-07-02", "day", None)]


def test_calendars_hijri_helpers() -> None:
    assert hijri_day(1436, 10, 26) == date(2015, 8, 11)
    assert hijri_day(1436, 9, 30) is None  # a 29-day month
    assert hijri_day(1436, 13, 1) is None
    assert hijri_day(1600, 1, 1) is None
    assert hijri_month_days(1436, 9) == (date(2015, 6, 18), date(2015, 7, 16))
    assert to_hijri(date(2015, 8, 11)) == (1436, 10, 26)
    assert to_hijri(date(1900, 1, 1)) is None
