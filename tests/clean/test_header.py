"""Header lines of scraped text: dates with regional month names, outlets, bylines, datelines."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from marsad.clean.boilerplate import fold
from marsad.clean.header import HEADER_FILE, HeaderParser, _read, header_months, validate_header_data
from marsad.errors import DataError


@pytest.fixture(scope="module")
def header() -> HeaderParser:
    return HeaderParser.load()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الثلاثاء 14 مايو 2019", date(2019, 5, 14)),
        ("الثلاثاء 14 مايو 2019 - 03:25 مساء", date(2019, 5, 14)),
        ("14 أيار 2019", date(2019, 5, 14)),  # Levantine
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", date(2013, 8, 28)),  # double form
        ("9 الماء/مايو 2019", date(2019, 5, 9)),  # Libyan
        ("3 كانون الثاني 2020", date(2020, 1, 3)),
        ("15 تشرين الأول 2018", date(2018, 10, 15)),
        ("12 يوليوز 2016", date(2016, 7, 12)),  # Maghrebi
        ("٢٧/٠٧/٢٠١٥ - ١٠:٣٠ ص", date(2015, 7, 27)),  # Eastern digits, day/month/year
        ("14/05/2019 - 10:30", date(2019, 5, 14)),
        ("2019-05-14", date(2019, 5, 14)),
        ("نشر في: 2019-05-14 10:30", date(2019, 5, 14)),
    ],
)
def test_date_line_parsed(header, line, expected):
    found = header.date_line(line, fold(line))
    assert found is not None
    assert found[0] == expected
    assert found[1] == []  # nothing but the date stamp


@pytest.mark.parametrize(
    "line",
    [
        "31 فبراير 2019",  # no such day
        "14 مايو",  # no year: not a publication date
        "وصل الرئيس إلى الرياض يوم 10 أغسطس 2015 في زيارة رسمية",  # a sentence with a date
        "رقم القرار 2216",
    ],
)
def test_date_line_rejected(header, line):
    assert header.date_line(line, fold(line)) is None


def test_standalone_dateline_keeps_place_and_agency(header):
    line = "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"
    found = header.date_line(line, fold(line))
    assert found == (date(2015, 8, 11), ["الرياض", "واس"])


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("بوابة الوسط", "بوابة الوسط"),
        ("المصدر: واس", "واس"),
        ("- اليوم السابع -", "اليوم السابع"),
        ("ليبيا", None),
    ],
)
def test_outlet_line(header, line, outlet):
    assert header.outlet(fold(line)) == outlet


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("كتب: محمد عبدالله", "كتب: محمد عبدالله"),
        ("بقلم د. أحمد إبراهيم", "بقلم د. أحمد إبراهيم"),
        ("متابعات", "متابعات"),
        ("- محرر الشؤون الليبية", "محرر الشؤون الليبية"),
        ("حوار - حاتم البراهيم", "حوار - حاتم البراهيم"),
        ("حوار يقرن بالذهب .. واللوالي", None),  # verse, no separator after the marker
        ("كتب الرئيس رسالة إلى نظيره الفرنسي يدعوه فيها إلى دعم الحل السياسي في ليبيا وإنهاء التدخلات", None),
    ],
)
def test_byline_line(header, line, byline):
    assert header.byline(line, fold(line)) == byline


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("القاهرة - توجه رئيس جهاز المخابرات إلى ليبيا.", "القاهرة - "),
        ("طرابلس - بوابة الوسط: قال المجلس الرئاسي إن ...", "طرابلس - بوابة الوسط: "),
        ("الرياض 27 يوليو 2015 (واس) - استقبل وزير الخارجية ...", "الرياض 27 يوليو 2015 (واس) - "),
        ("طرابلس (ليبيا) 27 ديسمبر (واس) - أعلنت حكومة الوفاق ...", "طرابلس (ليبيا) 27 ديسمبر (واس) - "),
        ("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة ...", "دمشق، سوريا (CNN) -- "),
        ("بنغازي – أعلن الجيش ...", "بنغازي – "),
        ("مكة المكرمة (واس): أعلنت الرئاسة ...", "مكة المكرمة (واس): "),
    ],
)
def test_dateline_found(header, paragraph, dateline):
    span = header.dateline(paragraph)
    assert span is not None
    assert paragraph[span[0] : span[1]] == dateline


@pytest.mark.parametrize(
    "paragraph",
    [
        "وأضاف المتحدث: إن الاجتماع كان مثمرا.",  # colon after plain words is a quote
        "قال الرئيس - في كلمة متلفزة - إن ...",  # verb, not a place
        "أكد وزير الخارجية أن الزيارة ناجحة.",
        "في القاهرة - عقد اجتماع ...",
    ],
)
def test_dateline_rejected(header, paragraph):
    assert header.dateline(paragraph) is None


def test_dateline_offsets_with_diacritics_and_tatweel(header):
    paragraph = "القـاهرةُ - توجه الوفد إلى بنغازي."
    span = header.dateline(paragraph)
    assert span is not None and paragraph[span[0] : span[1]] == "القـاهرةُ - "


def test_header_data_files_validate():
    months, header = header_months(), _read(HEADER_FILE)
    validate_header_data(months, header)
    assert len(months["months"]) == 12
    broken = copy.deepcopy(months)
    del broken["months"]["5"]
    with pytest.raises(DataError, match="1..12"):
        validate_header_data(broken, header)
    broken_header = copy.deepcopy(header)
    broken_header["outlets"] = []
    with pytest.raises(DataError, match="outlets"):
        validate_header_data(months, broken_header)
