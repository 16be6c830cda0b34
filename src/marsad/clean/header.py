"""Article header fields of scraped text: publication-date lines, outlet lines, bylines, and the dateline at the
start of the first body paragraph ("القاهرة - ", "الرياض 27 يوليو 2015 (واس) -").

Vocabulary (month names of the Egyptian, Levantine, Maghrebi and Libyan systems, weekdays, outlets, byline
markers) lives in data/clean_header.json; month and weekday names are the dates stage's (months.json,
date_words.json).
"""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from typing import Any

from marsad.clean.boilerplate import EDGE_CHARS, fold
from marsad.errors import DataError
from marsad.text.normalize import map_span, normalize

MONTHS_FILE = "months.json"
DATE_WORDS_FILE = "date_words.json"
HEADER_FILE = "clean_header.json"
# A header date line is short: weekday + date + time + "آخر تحديث" fits in 80 characters (the longest date line in
# the fixtures is 57; CNN's "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)" is 56).
DATE_LINE_MAX_CHARS = 80
# Bylines are a marker plus a name or two ("كتب: محمد علي - طرابلس"); real sentences starting "كتب ..." are longer.
BYLINE_MAX_CHARS = 70
# Outlet lines are a bare name, at most "المصدر: وكالة الأنباء السعودية".
OUTLET_MAX_CHARS = 50
# Words left on a date line once the date, weekday, time and filler ("الموافق", "آخر تحديث") are removed: a place
# and an agency at most ("الرياض ... واس"); a short sentence with a date in it has more.
DATE_LINE_MAX_OTHER_WORDS = 3
MIN_YEAR, MAX_YEAR = 1900, 2100
DATELINE_MAX_CHARS = 100
_DATELINE_SEPARATOR = re.compile(r"[-–—:]")
_AR_WORD = r"[\u0621-\u064A]+"
_WORD = re.compile(r"[^\W\d_]+")


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8")
    )
    return data


def header_months() -> dict[str, Any]:
    """The dates stage's Gregorian month names and weekdays, shaped for the header parser:
    ``{"months": {"1": {system: [names]}, ...}, "weekdays": [...]}`` (one vocabulary for the whole project)."""
    table: dict[str, dict[str, list[str]]] = {}
    for entry in _read(MONTHS_FILE)["months"]:
        table.setdefault(str(entry["month"]), {}).setdefault(entry["system"], []).extend(entry["names"])
    return {"months": table, "weekdays": list(_read(DATE_WORDS_FILE)["weekdays"])}


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def validate_header_data(months: dict[str, Any], header: dict[str, Any]) -> None:
    """Raise DataError when the month or header vocabulary is malformed."""
    table = months.get("months")
    if not isinstance(table, dict) or sorted(table, key=int) != [str(i) for i in range(1, 13)]:
        raise DataError(f"{MONTHS_FILE}: months must have the keys 1..12")
    for number, systems in table.items():
        if not isinstance(systems, dict) or not all(
            isinstance(names, list) and names and all(isinstance(n, str) and n.strip() for n in names)
            for names in systems.values()
        ):
            raise DataError(f"{MONTHS_FILE}: month {number}: every system needs a non-empty list of names")
    keys = ("outlets", "byline_prefixes", "byline_prefixes_bare", "byline_lines", "dateline_stopwords")
    for key in keys + ("outlet_prefixes", "date_filler", "hijri_months"):
        values = header.get(key)
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) and v.strip() for v in values)
        ):
            raise DataError(f"{HEADER_FILE}: {key} must be a non-empty list of strings")
    if not isinstance(months.get("weekdays"), list) or len(months["weekdays"]) < 7:
        raise DataError(f"{MONTHS_FILE}: weekdays must list the seven days")


class HeaderParser:
    """Recognises the header lines of an article and its dateline; all matching runs on folded text."""

    def __init__(self, months: dict[str, Any], header: dict[str, Any]) -> None:
        validate_header_data(months, header)
        self.month_numbers: dict[str, int] = {}
        for number, systems in months["months"].items():
            for names in systems.values():
                for name in names:
                    self.month_numbers[fold(name)] = int(number)
        month = _alternation(list(self.month_numbers))
        self._month_name = re.compile(month)
        # "14 مايو 2019", "28 آب/اغسطس 2013", "9 الماء (مايو) 2019"; the year is optional only in datelines.
        named = rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({month})(?:\s*[/(]\s*{month}\s*\)?)?\s*[،,]?\s*(\d{{4}})?(?!\d)"
        self._named_date = re.compile(named)
        self._iso_date = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
        self._dmy_date = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
        self.weekdays = frozenset(fold(w) for w in months["weekdays"])
        filler = [fold(w) for w in header["date_filler"] + header["hijri_months"] + months["weekdays"]]
        self._date_filler = re.compile(rf"(?<!\w){_alternation(filler)}(?!\w)")
        self._date_any = re.compile(
            rf"{self._named_date.pattern}|{self._iso_date.pattern}|{self._dmy_date.pattern}|\d+(?::\d+)?"
        )
        self.outlets = {fold(o).strip(EDGE_CHARS): o for o in header["outlets"]}
        outlet_prefix = _alternation([fold(p) for p in header["outlet_prefixes"]])
        self._outlet_prefix = re.compile(rf"^{outlet_prefix}\s*[:：\-–]\s*(.+)$")
        byline_prefix = _alternation([fold(p) for p in header["byline_prefixes"]])
        bare_prefix = _alternation([fold(p) for p in header["byline_prefixes_bare"]])
        # "كتب: فلان" / "حوار - فلان" need the separator ("حوار يقرن بالذهب" is a line of verse); "بقلم فلان" does not.
        self._byline = re.compile(rf"^(?:{byline_prefix}\s*[:：\-–—]|{bare_prefix}(?:\s*[:：\-–—]|\s))\s*\S")
        self.byline_lines = frozenset(fold(b).strip(EDGE_CHARS) for b in header["byline_lines"])
        self.dateline_stopwords = frozenset(fold(w) for w in header["dateline_stopwords"])
        outlet_names = _alternation([k for k in self.outlets if len(k) > 2])
        short_date = (
            rf"(?:\d{{1,2}}\s+{month}(?:\s*/\s*{month})?(?:\s+\d{{4}})?|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})"
        )
        place = rf"(?P<place>{_AR_WORD}(?:\s+{_AR_WORD}){{0,2}})"
        self._dateline = re.compile(
            rf"^{place}"
            rf"(?:\s*[،,]\s*{_AR_WORD}(?:\s+{_AR_WORD})?)?"  # "دمشق، سوريا"
            rf"(?P<paren>\s*\(\s*{_AR_WORD}(?:\s+{_AR_WORD})?\s*\))?"  # "طرابلس (ليبيا)", "مكة (واس)"
            rf"(?P<date>\s+{short_date})?"
            rf"(?P<agency>\s*\([^()\n]{{1,25}}\))?"  # "(واس)", "(CNN)", "(أ ف ب)"
            rf"\s*(?P<sep>-{{1,2}}|–|—|:)\s*"
            rf"(?:(?P<outlet>{outlet_names})\s*[:\-–—]\s*)?"
        )

    @classmethod
    def load(cls) -> HeaderParser:
        return cls(header_months(), _read(HEADER_FILE))

    # -- dates ---------------------------------------------------------------------------------------------
    def find_date(self, folded: str) -> date | None:
        """The first complete Gregorian date in a folded line (named month, ISO, or day/month/year)."""
        for m in self._named_date.finditer(folded):
            if m.group(3):
                found = _make_date(int(m.group(3)), self.month_numbers[m.group(2)], int(m.group(1)))
                if found:
                    return found
        m = self._iso_date.search(folded)
        if m:
            found = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found:
                return found
        m = self._dmy_date.search(folded)
        if m:
            return _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return None

    def date_line(self, line: str, folded: str) -> tuple[date, list[str]] | None:
        """(date, other words) when ``line`` is a header date line ("الثلاثاء 14 مايو 2019", "14/05/2019 - 10:30").

        The other words are what is left besides date, weekday, time and filler: empty for a plain date stamp,
        a place and an agency for a stand-alone dateline ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس").
        """
        if len(line) > DATE_LINE_MAX_CHARS or not any(c.isdigit() for c in folded):
            return None
        found = self.find_date(folded)
        if found is None:
            return None
        rest = self._date_filler.sub(" ", self._date_any.sub(" ", folded))
        others = _WORD.findall(rest)
        if len(others) > DATE_LINE_MAX_OTHER_WORDS:
            return None
        return found, others

    # -- outlet and byline ---------------------------------------------------------------------------------
    def outlet(self, folded: str) -> str | None:
        """The outlet's name when the line names the site ("بوابة الوسط", "المصدر: واس")."""
        if len(folded) > OUTLET_MAX_CHARS:
            return None
        key = folded.strip(EDGE_CHARS)
        if key in self.outlets:
            return self.outlets[key]
        m = self._outlet_prefix.match(key)
        if m:
            name = m.group(1).strip(EDGE_CHARS)
            return self.outlets.get(name, name) if name else None
        return None

    def byline(self, line: str, folded: str) -> str | None:
        """The byline as written ("كتب: محمد علي", "متابعات", "محرر الشؤون الليبية"), or None."""
        if len(line) > BYLINE_MAX_CHARS:
            return None
        key = folded.strip(EDGE_CHARS)
        if key in self.byline_lines or self._byline.match(key):
            return line.strip(EDGE_CHARS.replace(":", "").replace("(", "").replace(")", ""))
        return None

    # -- dateline ------------------------------------------------------------------------------------------
    def dateline(self, paragraph: str) -> tuple[int, int] | None:
        """[start, end) of the dateline opening ``paragraph`` (end includes the separator and its space)."""
        # The longest datelines seen ("طرابلس (ليبيا) 27 ديسمبر (واس) - بوابة الوسط: ") end within 80 characters;
        # no dash or colon there means no dateline, and saves normalising the paragraph's head.
        head = paragraph[:DATELINE_MAX_CHARS]
        if not _DATELINE_SEPARATOR.search(head):
            return None
        norm, offsets = normalize(head)
        m = self._dateline.match(norm)
        if m is None:
            return None
        words = m.group("place").split()
        if any(w in self.dateline_stopwords or w in self.weekdays for w in words):
            return None
        if self._month_name.fullmatch(m.group("place")):
            return None
        # A colon after bare words is a quote or a heading ("وأضاف المتحدث:"), not a dateline.
        if m.group("sep") == ":" and not any(m.group(g) for g in ("paren", "date", "agency", "outlet")):
            return None
        end = m.end()
        if end >= len(norm):  # nothing after it: a short line, not a dateline
            return None
        start, stop = map_span(offsets, 0, end)
        return start, stop


def _make_date(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
