"""What a time expression says, before it is anchored: atoms from the scanner, combined left to right.

``DateGrammar.read(norm)`` returns non-overlapping ``Reading``s with spans into the normalised text, longest
expression first at each position (a weekday with its date, a day with its month, paired month names, a year,
a Hijri date with its Gregorian equivalent, a range, a duration before or after the anchor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.dates import calendars
from marsad.dates.lexicon import (
    COUNT,
    CURRENT,
    DAY_WORD,
    DUR_DIR,
    DUR_UNIT,
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
)
from marsad.dates.scanner import Atom, AtomScanner

GREGORIAN, HIJRI = "gregorian", "hijri"
_PREP_L = "ل"
_AND = "و"  # the conjunction stuck to the second part of a range ("بين 14 و16 أبريل")
_CONJUNCTIONS = "وف"
_PREPOSITIONS = ("ب", "ل")  # "بمايو", "لعام": a preposition stuck to the word is context enough
_MAX_DAY = 31
_NEVER_FIRST = frozenset({MOD, COUNT, DUR_UNIT})  # atoms that only continue an expression
_LEAP_YEAR = 2000  # a year-less date is valid when it exists in some year: check it in a leap year


@dataclass(slots=True)
class Reading:
    """One expression: its span in normalised text and what it says (fields unused by its kind stay None)."""

    start: int
    end: int
    kind: str  # date | month | year | rel_day | weekday | rel_unit | month_day | duration
    year: int | None = None
    year_delta: int | None = None  # "من العام الماضي": the year is relative to the anchor
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None
    mod: str | None = None
    unit: str | None = None
    calendar: str = GREGORIAN  # of year, month and day: a Hijri reading is converted when resolved
    count: int | None = None  # duration: how many units, and ``offset`` its direction (-1 back, 1 forward)
    until: Reading | None = None  # a range: its last day, month or year
    base: Reading | None = None  # a duration counted from a date ("بعد أسبوع من 9 مايو"), not the anchor


class DateGrammar:
    """Finds atoms with the scanner and combines them into readings."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.scanner = AtomScanner(lex)

        def alt(words: tuple[str, ...] | frozenset[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

        of, corr, ctx = alt(lex.of_words), alt(lex.corresponding_words), alt(lex.context_words)
        # Gaps allowed between atoms of one expression (matched on the text between them).
        self.gap_space = re.compile(r"\s+")
        self.gap_of = re.compile(rf"\s+(?:(?:{of})\s+)?")  # "مايو من العام الماضي", "15 من الشهر الجاري"
        self.gap_of_required = re.compile(rf"\s+(?:{of})\s+")  # "الثالث والعشرين من الشهر الجاري"
        self.gap_year = re.compile(r"\s*[،,]?\s+|\s*[،,]\s*")  # "9 مايو 2019", "مايو، 2019"
        self.gap_pair = re.compile(r"\s*[/\\(-]\s*")  # "مايو/أيار", "مايو (أيار)", "أيار - مايو"
        self.gap_paren = re.compile(r"\s*\(\s*|\s+")  # "اليوم (الاثنين)"
        # "الخميس 9 مايو", "الخميس، 9 مايو", "الخميس (9 مايو)", "الخميس الموافق 9 مايو"
        self.gap_weekday_date = re.compile(rf"\s*[،,\-–(]?\s*(?:(?:{corr})\s+)?|\s+")
        # "26 شوال 1436 هـ الموافق 11 أغسطس 2015", "15 رمضان 1436 (2 يوليو 2015)"
        self.gap_equivalent = re.compile(rf"\s*[،,\-–(]?\s*(?:(?:{corr})\s+)?")
        # "14- 16", "14 إلى 16", "15 يونيو وحتى 15 سبتمبر"
        self.gap_range = re.compile(rf"\s*[-–]\s*|\s+{_AND}?(?:{alt(lex.range_to)})\s+")
        self.gap_and = re.compile(r"\s+")  # "بين 14 و16": the و is the second number's proclitic
        self.between_before = re.compile(rf"(?<!\w)(?:{alt(lex.range_between)})\s+$")
        self.close_paren = re.compile(r"\s*\)")
        self.context_before = re.compile(rf"(?<!\w)[{_CONJUNCTIONS}]?(?:{ctx})\s+$")
        self.of_after = re.compile(rf"\s+(?:{of})(?!\w)")

    def atoms(self, norm: str) -> list[Atom]:
        return self.scanner.atoms(norm)

    # -- combination -------------------------------------------------------------------------------------

    def read(self, norm: str) -> list[Reading]:
        atoms = self.atoms(norm)
        readings: list[Reading] = []
        i = 0
        while i < len(atoms):
            if atoms[i].kind in _NEVER_FIRST:
                i += 1
                continue
            got = self._parse(atoms, i, norm)
            if got is None:
                i += 1
                continue
            nxt, reading = got
            got = self._joined(atoms, nxt, norm, reading)
            if got is not None:
                nxt, reading = got
            readings.append(reading)
            i = nxt
        return readings

    def _joined(self, atoms: list[Atom], k: int, norm: str, first: Reading) -> tuple[int, Reading] | None:
        """A reading joined to the next one: its other-calendar equivalent, or the end of a range."""
        if k >= len(atoms) or atoms[k].pre or first.until is not None or first.kind not in ("date", "month", "year"):
            return None
        gap = norm[first.end:atoms[k].start]
        if first.kind == "date" and first.year is not None and self.gap_equivalent.fullmatch(gap):
            got = self._parse(atoms, k, norm)
            if got is not None and got[1].kind == "date" and got[1].calendar != first.calendar:
                nxt, other = got
                greg = other if other.calendar == GREGORIAN else first
                if greg.year is not None:
                    greg.start, greg.weekday = first.start, greg.weekday if greg.weekday is not None else first.weekday
                    greg.end = self._close(norm, "(" in gap, other.end)
                    return nxt, greg
        if self.gap_range.fullmatch(gap):
            got = self._parse(atoms, k, norm)
            if got is not None:
                nxt, last = got
                if last.kind == first.kind and last.calendar == first.calendar and last.until is None:
                    if first.kind != "year" and first.year is None and first.year_delta is None:
                        first.year, first.year_delta = last.year, last.year_delta
                    first.until, first.end = last, last.end
                    return nxt, first
        return None

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

    @staticmethod
    def _is_year(a: Atom, norm: str, loose: bool = False) -> bool:
        """A Gregorian year. ``loose`` (after a month name or عام): also an older year ("8 أغسطس 1516",
        "عام 1501م"), except one in the Hijri table's range written without م (Saudi text omits the هـ)."""
        if a.kind != NUM or a.digits != 4 or a.hijri:
            return False
        if calendars.is_year(a.value):
            return True
        return loose and calendars.OLD_MIN_YEAR <= a.value <= calendars.MAX_YEAR and (
            a.greg or not calendars.is_hijri_year(a.value))

    @staticmethod
    def _hijri_year_end(a: Atom, marked: bool) -> int | None:
        """Where a Hijri year ends (its هـ included), or None when ``a`` is none.

        ``marked``: standing alone, the number needs its هـ and must be in the Umm al-Qura table's range; after a
        Hijri month any four-digit year is its year (one outside the table then gives no date, not a wrong one).
        """
        if a.kind != NUM or a.digits != 4 or a.greg:
            return None
        if marked:
            return a.end if a.hijri and calendars.is_hijri_year(a.value) else None
        return a.end

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
            return j + 1, self._numeric_date(a)
        if kind == ORDINAL:
            return self._day_month(atoms, j, norm)
        if kind == NUM:
            got = self._day_month(atoms, j, norm)
            if got is not None:
                return got
            if prefixed:
                return None
            if self._is_year(a, norm) and (a.greg or self._has_context(norm, a)):
                return j + 1, Reading(a.start, a.end, "year", year=a.value)
            end = self._hijri_year_end(a, marked=True)
            if end is not None:  # "1436 هـ"
                return j + 1, Reading(a.start, end, "year", year=a.value, calendar=HIJRI)
            return None
        if kind == WEEKDAY:
            return self._weekday(atoms, j, norm)
        if kind == REL:
            nxt, end, weekday = j + 1, a.end, None
            wd = self._follow(atoms, nxt, end, self.gap_paren, norm, WEEKDAY)
            if wd is not None:
                opened = "(" in norm[end:wd.start]
                dated = self._dated_weekday(atoms, nxt, norm)
                if dated is not None:
                    return dated
                nxt, end, weekday = nxt + 1, self._close(norm, opened, wd.end), wd.value
            return nxt, Reading(a.start, end, "rel_day", offset=a.value, weekday=weekday)
        if prefixed:
            return None
        if kind in (MONTH, MONTH_WORD):
            return self._month(atoms, j, norm)
        if kind == THIS_UNIT:
            reading = Reading(a.start, a.end, "rel_unit", unit=a.value, mod=CURRENT)
            return self._said_year(atoms, j + 1, norm, reading)
        if kind == DUR_DIR:
            return self._duration(atoms, j, norm)
        if kind == UNIT:
            mod = self._follow(atoms, j + 1, a.end, self.gap_space, norm, MOD)
            if mod is not None:
                reading = Reading(a.start, mod.end, "rel_unit", unit=a.value, mod=mod.value)
                return self._said_year(atoms, j + 2, norm, reading) if mod.value == CURRENT else (j + 2, reading)
            if a.value == "year":
                return self._year_number(atoms, j, norm)
            return None
        if kind == YEAR_WORD:
            return self._year_number(atoms, j, norm)
        return None

    @staticmethod
    def _numeric_date(a: Atom) -> Reading:
        y, m, d = a.value
        return Reading(a.start, a.end, "date", year=y, month=m, day=d, calendar=HIJRI if a.hijri else GREGORIAN)

    def _said_year(self, atoms: list[Atom], k: int, norm: str, reading: Reading) -> tuple[int, Reading]:
        """"هذا العام 1436", "العام الجاري 2015م": the year the text names after "this year" is the value."""
        if reading.unit != "year":
            return k, reading
        num = self._follow(atoms, k, reading.end, self.gap_space, norm, NUM)
        if num is None:
            return k, reading
        if self._is_year(num, norm):
            return k + 1, Reading(reading.start, num.end, "year", year=num.value)
        if self._hijri_year_end(num, marked=False) is not None and calendars.is_hijri_year(num.value):
            return k + 1, Reading(reading.start, num.end, "year", year=num.value, calendar=HIJRI)
        return k, reading

    def _year_number(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """"عام 2014", "العام 2011م", "عام 1436 هـ"."""
        a = atoms[j]
        num = self._follow(atoms, j + 1, a.end, self.gap_space, norm, NUM)
        if num is None:
            return None
        if self._is_year(num, norm, loose=True):
            return j + 2, Reading(a.start, num.end, "year", year=num.value)
        end = self._hijri_year_end(num, marked=True)
        if end is not None:
            return j + 2, Reading(a.start, end, "year", year=num.value, calendar=HIJRI)
        return None

    def _duration(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """"منذ ثلاثة أيام", "قبل أسبوع", "منذ عامين", "بعد 10 أيام", "بعد أسبوع من 9 مايو"."""
        d = atoms[j]
        k = j + 1
        count = None
        num = self._follow(atoms, k, d.end, self.gap_space, norm, NUM, COUNT)
        if num is not None and (num.kind == COUNT or num.digits <= 3):
            count, k = num.value, k + 1
        pos = atoms[k - 1].end
        unit = self._follow(atoms, k, pos, self.gap_space, norm, DUR_UNIT, DAY_WORD, MONTH_WORD, YEAR_WORD)
        spec = self.lex.duration_units.get(unit.key) if unit is not None else None
        if unit is None or spec is None:
            return None
        if count is None:
            if spec[1] is None:
                return None  # "منذ أيام": how many is not said
            if self._parse(atoms, k, norm) is not None:
                return None  # "منذ عام 2011", "بعد يوم الخميس": the unit word opens another expression
            count = spec[1]
        elif spec[1] not in (None, 1):
            return None  # "3 يومين"
        reading = Reading(d.start, unit.end, "duration", unit=spec[0], count=count, offset=d.value)
        k += 1
        if self.of_after.match(norm, unit.end):
            # "بعد أسبوع من ...": counted from what follows, which only a date lets us resolve
            # ("قبل يومين من الانتخابات" is counted from an event: no date)
            if k >= len(atoms) or atoms[k].pre or not self.gap_of_required.fullmatch(norm, unit.end, atoms[k].start):
                return None
            got = self._parse(atoms, k, norm)
            if got is None or got[1].kind != "date":
                return None
            k, reading.base = got[0], got[1]
            reading.end = reading.base.end
        return k, reading

    def _weekday(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        dated = self._dated_weekday(atoms, j, norm)
        if dated is not None:
            return dated
        a = atoms[j]
        mod = self._follow(atoms, j + 1, a.end, self.gap_space, norm, MOD)
        if mod is not None:
            # "الأحد المقبل 24 شوال 1436هـ": the date that follows says which Sunday
            dated = self._dated_weekday(atoms, j + 1, norm, weekday=a)
            if dated is not None:
                return dated
            return j + 2, Reading(a.start, mod.end, "weekday", weekday=a.value, mod=mod.value)
        return j + 1, Reading(a.start, a.end, "weekday", weekday=a.value)

    def _dated_weekday(self, atoms: list[Atom], j: int, norm: str,
                       weekday: Atom | None = None) -> tuple[int, Reading] | None:
        """A weekday followed by its date: the date's value, the weekday helps choose the year."""
        wd = atoms[j]
        nxt = self._follow(atoms, j + 1, wd.end, self.gap_weekday_date, norm, NUM, ORDINAL, NDATE)
        if nxt is None:
            return None
        opened = "(" in norm[wd.end:nxt.start]
        if nxt.kind == NDATE:
            got: tuple[int, Reading] | None = (j + 2, self._numeric_date(nxt))
        else:
            got = self._day_month(atoms, j + 1, norm)
        if got is None:
            return None
        k, reading = got
        reading.weekday = (weekday or wd).value
        reading.start = (weekday or wd).start
        reading.end = self._close(norm, opened, reading.end)
        return k, reading

    def _day_month(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """"9 مايو [2019 | الماضي | من العام الماضي]", "9 الماء/مايو", "15 من شهر يوليو", "الثالث والعشرين من مايو",
        "غرة ذي القعدة", "26 شوال 1436 هـ", "15 من الشهر الجاري", "9-10 مايو", "بين 14 و16 أبريل"."""
        a = atoms[j]
        if a.kind == ORDINAL:
            unit_gap = self.gap_of_required  # "الثالث من الشهر الجاري"
        elif a.kind == NUM and a.digits <= 2 and 1 <= a.value <= _MAX_DAY and not a.greg:
            unit_gap = self.gap_of
        else:
            return None
        gap = self.gap_of
        unit = self._follow(atoms, j + 1, a.end, unit_gap, norm, UNIT, THIS_UNIT)
        if unit is not None and unit.value == "month":
            if unit.kind == THIS_UNIT:
                return j + 2, Reading(a.start, unit.end, "month_day", day=a.value, mod=CURRENT)
            mod = self._follow(atoms, j + 2, unit.end, self.gap_space, norm, MOD)
            if mod is not None:
                return j + 3, Reading(a.start, mod.end, "month_day", day=a.value, mod=mod.value)
            return None
        ranged = self._day_range(atoms, j, norm)
        if ranged is not None:
            return ranged
        k, pos = j + 1, a.end
        said_month = self._follow(atoms, k, pos, gap, norm, MONTH_WORD)
        if said_month is not None:
            k, pos, gap = k + 1, said_month.end, self.gap_space
        month = self._follow(atoms, k, pos, gap, norm, MONTH)
        if month is None:
            return None
        if a.kind == ORDINAL and month.value.ambiguous and said_month is None and pos == a.end and \
                self.gap_space.fullmatch(norm, a.end, month.start):
            return None  # an ordinal straight before an ambiguous name: "الأول الربيع" is no date
        k, end, number = self._month_pair(atoms, k, norm, allow_ambiguous=True)
        if number is None:
            return None
        hijri = month.value.hijri
        if hijri and a.value > 30 or not hijri and calendars.safe_date(_LEAP_YEAR, number, a.value) is None:
            return None
        reading = Reading(a.start, end, "date", month=number, day=a.value, calendar=HIJRI if hijri else GREGORIAN)
        return self._year_part(atoms, k, norm, reading)

    def _day_range(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """"9-10 مايو", "14 إلى 16 أبريل", "بين 14 و16 أبريل": the first day takes the month of the last."""
        a, b = atoms[j], atoms[j + 1] if j + 1 < len(atoms) else None
        if a.kind != NUM or b is None or b.kind != NUM:
            return None
        if b.pre == _AND:
            between = self.between_before.search(norm, max(0, a.start - 12), a.start - len(a.pre))
            if between is None or not self.gap_and.fullmatch(norm, a.end, b.start - 1):
                return None
        elif b.pre or not self.gap_range.fullmatch(norm, a.end, b.start):
            return None
        got = self._day_month(atoms, j + 1, norm)
        if got is None or got[1].kind != "date" or got[1].day is None or got[1].day <= a.value:
            return None
        k, last = got
        first = Reading(a.start, last.end, "date", year=last.year, year_delta=last.year_delta, month=last.month,
                        day=a.value, mod=last.mod, calendar=last.calendar, until=last)
        return k, first

    def _month(self, atoms: list[Atom], j: int, norm: str) -> tuple[int, Reading] | None:
        """"شهر مايو", "مايو 2019", "مايو الماضي", "في مايو", "أيار (مايو)", "رمضان الماضي"."""
        a = atoms[j]
        said_month = a.kind == MONTH_WORD
        if said_month:
            if self._follow(atoms, j + 1, a.end, self.gap_space, norm, MONTH) is None:
                return None
            j += 1
        k, end, number = self._month_pair(atoms, j, norm, allow_ambiguous=said_month)
        if number is None:
            return None
        hijri = atoms[j].value.hijri
        reading = Reading(a.start, end, "month", month=number, calendar=HIJRI if hijri else GREGORIAN)
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
        if (other is not None and other.value.month == name.month and other.value.hijri == name.hijri
                and not name.hijri):
            if name.ambiguous and other.value.ambiguous and not allow_ambiguous:
                return j, a.end, None
            opened = "(" in norm[a.end:other.start]
            return j + 2, self._close(norm, opened, other.end), name.month
        if name.ambiguous and not allow_ambiguous:
            return j, a.end, None
        return j + 1, a.end, name.month

    def _year_part(self, atoms: list[Atom], k: int, norm: str, reading: Reading) -> tuple[int, Reading]:
        """The year after a month: "2019", "عام 2019", "1436 هـ", "من العام الماضي", "هذا العام", or a modifier."""
        end = reading.end
        hijri = reading.calendar == HIJRI
        num = self._follow(atoms, k, end, self.gap_year, norm, NUM)
        if num is not None:
            year_end = self._hijri_year_end(num, marked=False) if hijri else (
                num.end if self._is_year(num, norm, loose=True) else None)
            if year_end is not None:
                reading.year, reading.end = num.value, year_end
                return k + 1, reading
        word = self._follow(atoms, k, end, self.gap_of, norm, YEAR_WORD, UNIT, THIS_UNIT)
        if word is None and k < len(atoms) and atoms[k].pre == _PREP_L and atoms[k].kind == YEAR_WORD and \
                self.gap_space.fullmatch(norm, end, atoms[k].start - 1):
            word = atoms[k]  # "السادس من جمادى الآخرة لعام 1436ه"
        if word is not None and word.value in (None, "year"):
            if word.kind == THIS_UNIT:
                reading.year_delta, reading.end = 0, word.end
                return k + 1, reading
            num = self._follow(atoms, k + 1, word.end, self.gap_space, norm, NUM)
            if num is not None:
                year_end = self._hijri_year_end(num, marked=False) if hijri else (
                    num.end if self._is_year(num, norm, loose=True) else None)
                if year_end is not None:
                    reading.year, reading.end = num.value, year_end
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
