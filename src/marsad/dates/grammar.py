"""What a time expression says, before it is anchored: atoms from the one regex, combined left to right.

``DateGrammar.read(norm)`` returns non-overlapping ``Reading``s with spans into the normalised text, longest
expression first at each position (a weekday with its date, a day with its month, paired month names, a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.dates import calendars
from marsad.dates.lexicon import (
    CURRENT,
    DAY_WORD,
    MOD,
    MOD_DELTA,
    MONTH,
    MONTH_WORD,
    NDATE,
    NUM,
    ORDINAL,
    REL,
    THIS_UNIT,
    TOD,
    UNIT,
    WEEKDAY,
    YEAR_WORD,
    Lexicon,
    MonthName,
    atom_regex,
)

_ARTICLE = "ال"
_PREP_L = "ل"
_CONJUNCTIONS = "وف"
_PREPOSITIONS = ("ب", "ل")  # "بمايو", "لعام": a preposition stuck to the word is context enough
_MAX_DAY = 31
_LEAP_YEAR = 2000  # a year-less date is valid when it exists in some year: check it in a leap year


@dataclass(slots=True)
class Atom:
    kind: str
    start: int  # of the word, after any proclitics
    end: int
    pre: str  # the proclitics before it ("" mostly)
    value: Any  # MonthName, weekday number, offset, unit, modifier, int (num) or (y, m, d) (ndate)
    digits: int = 0  # for numbers: how many digits
    greg: bool = False  # for numbers: followed by a Gregorian marker (2011م)


@dataclass(slots=True)
class Reading:
    """One expression: its span in normalised text and what it says (fields unused by its kind stay None)."""

    start: int
    end: int
    kind: str  # date | month | year | rel_day | weekday | rel_unit | month_day
    year: int | None = None
    year_delta: int | None = None  # "من العام الماضي": the year is relative to the anchor
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None
    mod: str | None = None
    unit: str | None = None


class DateGrammar:
    """Finds atoms with the lexicon's regex and combines them into readings."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.atom_re = atom_regex(lex)
        of = "|".join(re.escape(w) for w in lex.of_words) or "(?!)"
        corr = "|".join(re.escape(w) for w in lex.corresponding_words) or "(?!)"
        ctx = "|".join(re.escape(w) for w in sorted(lex.context_words, key=len, reverse=True)) or "(?!)"
        hijri = "|".join(re.escape(w) for w in lex.hijri_markers) or "(?!)"
        # Gaps allowed between atoms of one expression (matched on the text between them).
        self.gap_space = re.compile(r"\s+")
        self.gap_of = re.compile(rf"\s+(?:(?:{of})\s+)?")  # "مايو من العام الماضي", "15 من الشهر الجاري"
        self.gap_of_required = re.compile(rf"\s+(?:{of})\s+")  # "الثالث والعشرين من مايو"
        self.gap_year = re.compile(r"\s*[،,]?\s+|\s*[،,]\s*")  # "9 مايو 2019", "مايو، 2019"
        self.gap_pair = re.compile(r"\s*[/\\(-]\s*")  # "مايو/أيار", "مايو (أيار)", "أيار - مايو"
        self.gap_paren = re.compile(r"\s*\(\s*|\s+")  # "اليوم (الاثنين)"
        # "الخميس 9 مايو", "الخميس، 9 مايو", "الخميس (9 مايو)", "الخميس الموافق 9 مايو"
        self.gap_weekday_date = re.compile(rf"\s*[،,\-–(]?\s*(?:(?:{corr})\s+)?|\s+")
        self.close_paren = re.compile(r"\s*\)")
        self.context_before = re.compile(rf"(?<!\w)[{_CONJUNCTIONS}]?(?:{ctx})\s+$")
        self.hijri_after = re.compile(rf"\s*(?:{hijri})(?!\w)")

    # -- atoms -------------------------------------------------------------------------------------------

    def atoms(self, norm: str) -> list[Atom]:
        out: list[Atom] = []
        words = self.lex.words
        for m in self.atom_re.finditer(norm):
            pre = m.group("pre")
            start, end = m.start() + len(pre), m.end()
            word = m.group("word")
            if word is not None:
                key = " ".join(word.split())
                entry = words.get(key)
                if entry is None:  # the ل-form of an "ال" word: valid only right after the preposition ل
                    if not pre.endswith(_PREP_L):
                        continue
                    entry = words[_ARTICLE + key[len(_PREP_L):]]
                    if entry[0] == REL:
                        continue  # "لليوم الرابع على التوالي": "for the fourth day", not "today"
                    pre, start = pre[:-1], start - 1  # the ل belongs to both: keep it in the span
                kind, value = entry
                if kind == MONTH and m.group("pre") and value.ambiguous:
                    continue  # "بالماء", "لاب": a common word with a proclitic, never a month
                out.append(Atom(kind, start, end, pre, value))
            elif m.group("num") is not None:
                num = m.group("num")
                out.append(Atom(NUM, start, end, pre, int(num), len(num), m.group("greg") is not None))
            else:
                if m.group("y1"):
                    ymd = (int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
                else:
                    ymd = (int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
                if calendars.is_year(ymd[0]) and calendars.safe_date(*ymd) is not None:
                    out.append(Atom(NDATE, start, end, pre, ymd))
        return out

    # -- combination -------------------------------------------------------------------------------------

    def read(self, norm: str) -> list[Reading]:
        atoms = self.atoms(norm)
        readings: list[Reading] = []
        i = 0
        while i < len(atoms):
            got = self._parse(atoms, i, norm)
            if got is None:
                i += 1
                continue
            nxt, reading = got
            readings.append(reading)
            i = nxt
        return readings

    def _follow(self, atoms: list[Atom], j: int, pos: int, gap: re.Pattern[str], norm: str,
                *kinds: str) -> Atom | None:
        """atoms[j] when it is of one of ``kinds``, has no proclitic and the text from ``pos`` to it is ``gap``."""
        if j >= len(atoms):
            return None
        a = atoms[j]
        if a.kind in kinds and not a.pre and gap.fullmatch(norm, pos, a.start):
            return a
        return None

    def _close(self, norm: str, opened: bool, pos: int) -> int:
        if opened:
            m = self.close_paren.match(norm, pos)
            if m:
                return m.end()
        return pos

    def _has_context(self, norm: str, a: Atom) -> bool:
        """A bare month or year needs a preposition before it: "في مايو", "منذ 2011", "بمايو"."""
        if a.pre.endswith(_PREPOSITIONS):
            return True
        return self.context_before.search(norm, max(0, a.start - len(a.pre) - 16), a.start - len(a.pre)) is not None

    def _is_year(self, a: Atom, norm: str) -> bool:
        return (a.kind == NUM and a.digits == 4 and calendars.is_year(a.value)
                and not self.hijri_after.match(norm, a.end))

    def _parse(self, atoms: list[Atom], i: int, norm: str) -> tuple[int, Reading] | None:
        first = atoms[i]
        j = i
        # Optional "صباح" / "مساء" then optional "يوم" before the day itself: part of the expression's span.
        for prefix in (TOD, DAY_WORD):
            if atoms[j].kind == prefix:
                j += 1
                if j >= len(atoms) or atoms[j].pre or not self.gap_space.fullmatch(norm, atoms[j - 1].end,
                                                                                     atoms[j].start):
                    return None
        if j > i and atoms[j].kind not in (REL, WEEKDAY, NUM, ORDINAL, NDATE):
            return None
        got = self._core(atoms, j, norm, prefixed=j > i)
        if got is None:
            return None
        nxt, reading = got
        reading.start = first.start
        return nxt, reading

    def _core(self, atoms: list[Atom], j: int, norm: str, prefixed: bool) -> tuple[int, Reading] | None:
        a = atoms[j]
        kind = a.kind
        if kind == NDATE:
            y, m, d = a.value
            return j + 1, Reading(a.start, a.end, "date", year=y, month=m, day=d)
        if kind == ORDINAL:
            return self._day_month(atoms, j, norm)
        if kind == NUM:
            got = self._day_month(atoms, j, norm)
            if got is not None:
                return got
            if not prefixed and self._is_year(a, norm) and (a.greg or self._has_context(norm, a)):
                return j + 1, Reading(a.start, a.end, "year", year=a.value)
            return None
        if kind == WEEKDAY:
            return self._weekday(atoms, j, norm)
        if kind == REL:
            nxt, end = j + 1, a.end
            wd = self._follow(atoms, nxt, end, self.gap_paren, norm, WEEKDAY)
            if wd is not None:
                opened = "(" in norm[end:wd.start]
                dated = self._dated_weekday(atoms, nxt, norm)
                if dated is not None:
                    return dated
                nxt, end = nxt + 1, self._close(norm, opened, wd.end)
            return nxt, Reading(a.start, end, "rel_day", offset=a.value)
        if prefixed:
            return None
        if kind in (MONTH, MONTH_WORD):
            return self._month(atoms, j, norm)
        if kind == THIS_UNIT:
            return j + 1, Reading(a.start, a.end, "rel_unit", unit=a.value, mod=CURRENT)
        if kind == UNIT:
            mod = self._follow(atoms, j + 1, a.end, self.gap_space, norm, MOD)
            if mod is not None:
                return j + 2, Reading(a.start, mod.end, "rel_unit", unit=a.value, mod=mod.value)
            if a.value == "year":
                return self._year_number(atoms, j, norm)
            return None
        if kind == YEAR_WORD:
            return self._year_number(atoms, j, norm)
        return None

    def _year_number(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        a = atoms[j]
        num = self._follow(atoms, j + 1, a.end, self.gap_space, norm, NUM)
        if num is not None and self._is_year(num, norm):
            return j + 2, Reading(a.start, num.end, "year", year=num.value)
        return None

    def _weekday(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        dated = self._dated_weekday(atoms, j, norm)
        if dated is not None:
            return dated
        a = atoms[j]
        mod = self._follow(atoms, j + 1, a.end, self.gap_space, norm, MOD)
        if mod is not None:
            return j + 2, Reading(a.start, mod.end, "weekday", weekday=a.value, mod=mod.value)
        return j + 1, Reading(a.start, a.end, "weekday", weekday=a.value)

    def _dated_weekday(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """A weekday followed by its date: the date's value, the weekday helps choose the year."""
        wd = atoms[j]
        nxt = self._follow(atoms, j + 1, wd.end, self.gap_weekday_date, norm, NUM, ORDINAL, NDATE)
        if nxt is None:
            return None
        opened = "(" in norm[wd.end:nxt.start]
        if nxt.kind == NDATE:
            y, m, d = nxt.value
            got: tuple[int, Reading] | None = (j + 2, Reading(nxt.start, nxt.end, "date", year=y, month=m, day=d))
        else:
            got = self._day_month(atoms, j + 1, norm)
        if got is None:
            return None
        k, reading = got
        reading.weekday = wd.value
        reading.end = self._close(norm, opened, reading.end)
        return k, reading

    def _day_month(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """"9 مايو [2019 | الماضي | من العام الماضي]", "9 الماء/مايو", "15 من شهر يوليو",
        "الثالث والعشرين من مايو", "15 من الشهر الجاري"."""
        a = atoms[j]
        if a.kind == ORDINAL:
            gap = self.gap_of_required  # an ordinal is a day only in "الثالث من مايو"
        elif a.kind == NUM and a.digits <= 2 and 1 <= a.value <= _MAX_DAY and not a.greg:
            gap = self.gap_of
        else:
            return None
        unit = self._follow(atoms, j + 1, a.end, gap, norm, UNIT, THIS_UNIT)
        if unit is not None and unit.value == "month":
            if unit.kind == THIS_UNIT:
                return j + 2, Reading(a.start, unit.end, "month_day", day=a.value, mod=CURRENT)
            mod = self._follow(atoms, j + 2, unit.end, self.gap_space, norm, MOD)
            if mod is not None:
                return j + 3, Reading(a.start, mod.end, "month_day", day=a.value, mod=mod.value)
            return None
        k, pos = j + 1, a.end
        said_month = self._follow(atoms, k, pos, gap, norm, MONTH_WORD)
        if said_month is not None:
            k, pos, gap = k + 1, said_month.end, self.gap_space
        if self._follow(atoms, k, pos, gap, norm, MONTH) is None:
            return None
        k, end, number = self._month_pair(atoms, k, norm, allow_ambiguous=True)
        if number is None or calendars.safe_date(_LEAP_YEAR, number, a.value) is None:
            return None
        reading = Reading(a.start, end, "date", month=number, day=a.value)
        return self._year_part(atoms, k, norm, reading)

    def _month(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """"شهر مايو", "مايو 2019", "مايو الماضي", "في مايو", "أيار (مايو)"."""
        a = atoms[j]
        said_month = a.kind == MONTH_WORD
        if said_month:
            if self._follow(atoms, j + 1, a.end, self.gap_space, norm, MONTH) is None:
                return None
            j += 1
        k, end, number = self._month_pair(atoms, j, norm, allow_ambiguous=said_month)
        if number is None:
            return None
        reading = Reading(a.start, end, "month", month=number)
        k2, reading = self._year_part(atoms, k, norm, reading)
        if k2 == k and not said_month and not self._has_context(norm, atoms[j]):
            return None  # a bare month name ("مارس" is also a verb)
        return k2, reading

    def _month_pair(self, atoms: list[Atom], j: int, norm: str,
                    allow_ambiguous: bool) -> tuple[int, int, int | None]:
        """(next atom, end, month number) for a month name, with its other-system name if paired."""
        a = atoms[j]
        name: MonthName = a.value
        other = self._follow(atoms, j + 1, a.end, self.gap_pair, norm, MONTH)
        if other is not None and other.value.month == name.month:
            if name.ambiguous and other.value.ambiguous and not allow_ambiguous:
                return j, a.end, None
            opened = "(" in norm[a.end:other.start]
            return j + 2, self._close(norm, opened, other.end), name.month
        if name.ambiguous and not allow_ambiguous:
            return j, a.end, None
        return j + 1, a.end, name.month

    def _year_part(self, atoms: list[Atom], k: int, norm: str, reading: Reading) -> tuple[int, Reading]:
        """The year after a month: "2019", "عام 2019", "من العام الماضي", "هذا العام", or a modifier."""
        end = reading.end
        num = self._follow(atoms, k, end, self.gap_year, norm, NUM)
        if num is not None and self._is_year(num, norm):
            reading.year, reading.end = num.value, num.end
            return k + 1, reading
        word = self._follow(atoms, k, end, self.gap_of, norm, YEAR_WORD, UNIT, THIS_UNIT)
        if word is not None and word.value in (None, "year"):
            if word.kind == THIS_UNIT:
                reading.year_delta, reading.end = 0, word.end
                return k + 1, reading
            num = self._follow(atoms, k + 1, word.end, self.gap_space, norm, NUM)
            if num is not None and self._is_year(num, norm):
                reading.year, reading.end = num.value, num.end
                return k + 2, reading
            mod = self._follow(atoms, k + 1, word.end, self.gap_space, norm, MOD)
            if word.kind == UNIT and mod is not None:
                reading.year_delta, reading.end = MOD_DELTA[mod.value], mod.end
                return k + 2, reading
        mod = self._follow(atoms, k, end, self.gap_space, norm, MOD)
        if mod is not None:
            reading.mod, reading.end = mod.value, mod.end
            return k + 1, reading
        return k, reading
