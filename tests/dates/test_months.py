"""Every month of every regional system, read with a day number (the expected numbers are written out here,
not taken from months.json, so a wrong entry in the data fails)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.dates import resolve_text

ANCHOR = date(2019, 5, 9)

EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
            "نوفمبر", "ديسمبر"]
LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]
MAGHREBI = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر",
            "ديسمبر"]
MOROCCAN = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر",
            "دجنبر"]
LIBYAN = ["أي النار", "النوار", "الربيع", "الطير", "الماء", "الصيف", "ناصر", "هانيبال", "الفاتح", "التمور",
          "الحرث", "الكانون"]
VARIANTS = [("إبريل", 4), ("ابريل", 4), ("يونيه", 6), ("يوليه", 7), ("اغسطس", 8), ("اكتوبر", 10),
            ("كانون ثاني", 1), ("تشرين أول", 10), ("أذار", 3), ("دجمبر", 12), ("افريل", 4)]

CASES = [(system, name, n + 1)
         for system, names in (("egyptian", EGYPTIAN), ("levantine", LEVANTINE), ("maghrebi", MAGHREBI),
                               ("moroccan", MOROCCAN), ("libyan", LIBYAN))
         for n, name in enumerate(names)]
CASES += [("variant", name, month) for name, month in VARIANTS]


@pytest.mark.parametrize(("system", "name", "month"), CASES, ids=[f"{c[0]}-{c[2]}-{c[1]}" for c in CASES])
def test_month_with_day_and_year(system: str, name: str, month: int) -> None:
    text = f"وقع الحادث في 7 {name} 2017 بحسب المصادر"
    got = resolve_text(text, ANCHOR)
    assert [(t.text, t.value, t.precision, t.anchor) for t in got] == [
        (f"7 {name} 2017", f"2017-{month:02d}-07", "day", "text")
    ]


@pytest.mark.parametrize(("system", "name", "month"), CASES, ids=[f"{c[0]}-{c[2]}-{c[1]}" for c in CASES])
def test_month_with_day_takes_nearest_year(system: str, name: str, month: int) -> None:
    got = resolve_text(f"في 12 {name}", ANCHOR)
    # Seen from 9 May 2019: 12 October 2019 is 156 days ahead; 12 November 2018 is 178 days back (2019: 187 ahead).
    year = 2018 if month >= 11 else 2019
    assert [(t.text, t.value, t.anchor) for t in got] == [(f"12 {name}", f"{year}-{month:02d}-12", "publication")]
