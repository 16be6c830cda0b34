"""Ranges (one expression: the start's value, the end in ``end``), durations counted from the anchor, ordinal
days without من, and the dateline as anchor."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.dates import DateResolver, resolve_text
from marsad.model import Article
from marsad.text.normalize import normalize

THU = date(2019, 5, 9)  # a Thursday
JAN3 = date(2019, 1, 3)


def read(text: str, anchor: date | None = THU) -> list[tuple]:
    return [(t.text, t.value, t.precision, t.end) for t in resolve_text(text, anchor)]


RANGES = [
    ("في 9-10 مايو", [("9-10 مايو", "2019-05-09", "day", "2019-05-10")]),
    ("بين 14- 16 أبريل", [("14- 16 أبريل", "2019-04-14", "day", "2019-04-16")]),
    ("من 14 إلى 16 أبريل", [("14 إلى 16 أبريل", "2019-04-14", "day", "2019-04-16")]),
    ("من 14 الى 16 أبريل 2018", [("14 الى 16 أبريل 2018", "2018-04-14", "day", "2018-04-16")]),
    ("بين 14 و16 أبريل", [("14 و16 أبريل", "2019-04-14", "day", "2019-04-16")]),
    ("من 3 حتى 5 حزيران المقبل", [("3 حتى 5 حزيران المقبل", "2019-06-03", "day", "2019-06-05")]),
    ("من 28 أبريل إلى 2 مايو", [("28 أبريل إلى 2 مايو", "2019-04-28", "day", "2019-05-02")]),
    ("من 14 أبريل حتى 16 مايو 2015", [("14 أبريل حتى 16 مايو 2015", "2015-04-14", "day", "2015-05-16")]),
    ("بين 1 و3 الماء/مايو", [("1 و3 الماء/مايو", "2019-05-01", "day", "2019-05-03")]),
    ("من مايو إلى يوليو 2018", [("مايو إلى يوليو 2018", "2018-05", "month", "2018-07")]),
    ("من 2011 إلى 2014", [("2011 إلى 2014", "2011", "year", "2014")]),
    ("في الفترة من 1/5/2019 إلى 15/5/2019", [("1/5/2019 إلى 15/5/2019", "2019-05-01", "day", "2019-05-15")]),
    ("في 14 و16 أبريل", [("16 أبريل", "2019-04-16", "day", None)]),  # without بين: two days, not a range
    ("فاز 3 - 1 مايو", [("1 مايو", "2019-05-01", "day", None)]),  # a range must go forward
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_range_is_one_expression(text: str, expected: list) -> None:
    assert read(text) == expected


DURATIONS = [
    ("منذ ثلاثة أيام", [("منذ ثلاثة أيام", "2019-05-06", "day", None)]),
    ("قبل 3 أيام", [("قبل 3 أيام", "2019-05-06", "day", None)]),
    ("قبل يومين", [("قبل يومين", "2019-05-07", "day", None)]),
    ("بعد يومين", [("بعد يومين", "2019-05-11", "day", None)]),
    ("قبل يوم", [("قبل يوم", "2019-05-08", "day", None)]),
    ("قبل أسبوع", [("قبل أسبوع", "2019-W18", "week", None)]),
    ("بعد أسبوع", [("بعد أسبوع", "2019-W20", "week", None)]),
    ("منذ أسبوعين", [("منذ أسبوعين", "2019-W17", "week", None)]),
    ("قبل شهر", [("قبل شهر", "2019-04", "month", None)]),
    ("منذ شهرين", [("منذ شهرين", "2019-03", "month", None)]),
    ("قبل ستة أشهر", [("قبل ستة أشهر", "2018-11", "month", None)]),
    ("منذ عامين", [("منذ عامين", "2017", "year", None)]),
    ("قبل عام", [("قبل عام", "2018", "year", None)]),
    ("منذ 15 عاما", [("منذ 15 عاما", "2004", "year", None)]),
    ("قبل خمس سنوات", [("قبل خمس سنوات", "2014", "year", None)]),
    ("منذ سنتين", [("منذ سنتين", "2017", "year", None)]),
    ("بعد أسبوع من 9 مايو", [("بعد أسبوع من 9 مايو", "2019-05-16", "day", None)]),
    ("قبل ثلاثة أيام من 1 يناير 2019", [("قبل ثلاثة أيام من 1 يناير 2019", "2018-12-29", "day", None)]),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_duration_counted_from_anchor(text: str, expected: list) -> None:
    assert read(text) == expected


NOT_DURATIONS = [
    ("منذ أيام", []),  # how many is not said
    ("قبل يومين من الانتخابات", []),  # counted from an event
    ("بعد أسبوع من المفاوضات", []),
    ("خلال ثلاثة أيام", []),  # within: no point in time
    ("لمدة أسبوع", []),
    ("منذ عام 2011", [("عام 2011", "2011", "year", None)]),  # the year, not "a year ago"
    ("بعد شهر رمضان", [("شهر رمضان", "2019-05", "month", "2019-06")]),
    ("بعد يوم الخميس", [("يوم الخميس", "2019-05-09", "day", None)]),
    ("قبل ساعات", []),
]


@pytest.mark.parametrize(("text", "expected"), NOT_DURATIONS)
def test_duration_words_that_are_no_duration(text: str, expected: list) -> None:
    assert read(text) == expected


def test_duration_needs_anchor() -> None:
    assert read("منذ ثلاثة أيام", None) == []


ORDINALS = [
    # 11 September 2019 is 125 days ahead of 9 May 2019, 11 September 2018 240 days back
    ("في الحادي عشر سبتمبر", [("الحادي عشر سبتمبر", "2019-09-11", "day", None)]),
    ("الثالث مايو", [("الثالث مايو", "2019-05-03", "day", None)]),
    ("الخامس والعشرين يناير 2011", [("الخامس والعشرين يناير 2011", "2011-01-25", "day", None)]),
    ("في الثالث من الشهر الجاري", [("الثالث من الشهر الجاري", "2019-05-03", "day", None)]),
    ("الأول من يونيو المقبل", [("الأول من يونيو المقبل", "2019-06-01", "day", None)]),
    ("الحادي والثلاثين من ديسمبر", [("الحادي والثلاثين من ديسمبر", "2018-12-31", "day", None)]),
    ("الربع الأول", []),
    ("الأول الماء", []),  # an ordinal straight before an ambiguous Libyan name
    # without من the ordinal is no day of the month: only the month is read
    ("الثالث الشهر الجاري", [("الشهر الجاري", "2019-05", "month", None)]),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS)
def test_ordinal_day_with_or_without_min(text: str, expected: list) -> None:
    assert read(text) == expected


WEEKDAY_DATES = [
    ("الخميس المقبل 16 مايو", [("الخميس المقبل 16 مايو", "2019-05-16", "day", None)]),
    ("الأحد الماضي 5 مايو", [("الأحد الماضي 5 مايو", "2019-05-05", "day", None)]),
    ("الخميس الماضي", [("الخميس الماضي", "2019-05-02", "day", None)]),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_DATES)
def test_weekday_with_modifier_and_date(text: str, expected: list) -> None:
    assert read(text) == expected


def article(text: str, published: date | None, dateline: str | None) -> Article:
    norm, offsets = normalize(text)
    return Article(doc_id="d", text=text, origin="t", content_hash="h", published=published, dateline=dateline,
                   norm=norm, norm_offsets=offsets)


DATELINES = [
    ("القاهرة، 27 ديسمبر", "2018-12-27"),
    ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "2015-08-11"),
    ("جدة 25 شوال 1436 هـ", "2015-08-10"),
    ("بيروت - 3 كانون الثاني 2019 -", "2019-01-03"),
]


@pytest.mark.parametrize(("dateline", "day"), DATELINES)
def test_dateline_date_anchors_relative_words(dateline: str, day: str) -> None:
    text = dateline + "\nوصل الوفد أمس إلى العاصمة"
    got = DateResolver()(article(text, JAN3, dateline)).timexes
    yesterday = date.fromordinal(date.fromisoformat(day).toordinal() - 1).isoformat()
    assert (got[-1].text, got[-1].value, got[-1].anchor) == ("أمس", yesterday, "dateline")


SUN = date(2015, 8, 2)  # a Sunday: the Gulf week starting that day is ISO week 32 (3-9 August)
FORMS_FROM_SAUDINEWSNET = [
    ("15 يونيو وحتى 15 سبتمبر 2015م", THU, ("15 يونيو وحتى 15 سبتمبر 2015م", "2015-06-15", "day", "2015-09-15")),
    ("في الـ12 من شهر اغسطس الحالي", date(2015, 8, 1), ("12 من شهر اغسطس الحالي", "2015-08-12", "day", None)),
    ("في 8 أغسطس (آب) 1516", THU, ("8 أغسطس (آب) 1516", "1516-08-08", "day", None)),
    ("يحكم مصر عام 1501م", THU, ("عام 1501م", "1501", "year", None)),
    ("منذ 1424 لم يتغير", THU, None),  # a Hijri year without هـ: no Gregorian year
    ("قبل أربعة عشر عامًا", date(2015, 8, 1), ("قبل أربعة عشر عامًا", "2001", "year", None)),
    ("لهذا العام 1436", date(2015, 8, 10), ("هذا العام 1436", "2014", "year", "2015")),
    ("العام الجاري 1436هـ", date(2015, 8, 10), ("العام الجاري 1436هـ", "2014", "year", "2015")),
    ("العام الجاري 2015م", date(2015, 8, 10), ("العام الجاري 2015م", "2015", "year", None)),
    ("السادس من جمادى الآخرة لعام 1436ه", THU, ("السادس من جمادى الآخرة لعام 1436ه", "2015-03-26", "day", None)),
    ("خلال الأسبوع الجاري", SUN, ("الأسبوع الجاري", "2015-W32", "week", None)),
    ("الأسبوع الماضي", date(2015, 8, 8), ("الأسبوع الماضي", "2015-W31", "week", None)),  # a Saturday
    ("اليوم الأربعاء", date(2015, 8, 6), ("اليوم الأربعاء", "2015-08-05", "day", None)),  # the weekday wins
    ("امس الثلاثاء", date(2015, 8, 1), ("امس الثلاثاء", "2015-07-28", "day", None)),
    ("بعد غد الأحد", date(2015, 8, 1), ("بعد غد الأحد", "2015-08-02", "day", None)),
    ("الأحد القادم 24 / 10 / 1436 هـ الموافق 9 / 8 / 2015 م", date(2015, 8, 6),
     ("الأحد القادم 24 / 10 / 1436 هـ الموافق 9 / 8 / 2015 م", "2015-08-09", "day", None)),
    ("بتاريخ 30/ 8/ 1436 هـ", THU, ("30/ 8/ 1436 هـ", "2015-06-17", "day", None)),
    ("يوم الخميس 07/10/1436هـ", THU, ("يوم الخميس 07/10/1436هـ", "2015-07-23", "day", None)),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), FORMS_FROM_SAUDINEWSNET)
def test_forms_seen_in_saudinewsnet(text: str, anchor: date, expected: tuple | None) -> None:
    assert read(text, anchor) == ([expected] if expected else [])
