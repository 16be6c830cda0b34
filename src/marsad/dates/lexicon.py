"""The date vocabulary (months.json, hijri_months.json, date_words.json): loading and validation.

Every key is normalised with ``normalize_text`` so that matching runs on ``Article.norm``; the scanner
(scanner.py) finds the words in one pass and the grammar (grammar.py) combines them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from marsad.errors import DataError
from marsad.text.normalize import normalize_text

# Atom kinds: what a matched word is, for the grammar.
MONTH = "month"
WEEKDAY = "weekday"
REL = "rel"  # a relative day word: اليوم، أمس، غدا ...
UNIT = "unit"  # العام، الشهر، الأسبوع (take a modifier or, for years, a number)
THIS_UNIT = "this_unit"  # هذا العام ...
YEAR_WORD = "year_word"  # عام 2014
MONTH_WORD = "month_word"  # شهر مايو
DAY_WORD = "day_word"  # يوم الخميس
MOD = "mod"  # الماضي / الجاري / المقبل
TOD = "tod"  # صباح، مساء ... (a time of day before a day expression)
ORDINAL = "ordinal"  # الثالث والعشرين (من مايو)، غرة
DUR_DIR = "dur_dir"  # منذ، قبل، بعد (before a duration)
COUNT = "count"  # ثلاثة، أربع ... (a count word before a unit noun)
DUR_UNIT = "dur_unit"  # أيام، أسبوعين، عاما ... (unit nouns that are no other kind of atom)
NUM = "num"
NDATE = "ndate"

PAST, CURRENT, FUTURE = "past", "current", "future"
MOD_DELTA = {PAST: -1, CURRENT: 0, FUTURE: 1}

HIJRI = "hijri"  # the system name of Hijri month names


@dataclass(frozen=True)
class MonthName:
    month: int
    systems: frozenset[str]
    ambiguous: bool

    @property
    def hijri(self) -> bool:
        return HIJRI in self.systems


@dataclass
class Lexicon:
    """Normalised date vocabulary: ``words`` maps a normalised key to (atom kind, payload)."""

    words: dict[str, tuple[str, Any]] = field(default_factory=dict)
    context_words: frozenset[str] = frozenset()
    of_words: tuple[str, ...] = ()
    corresponding_words: tuple[str, ...] = ()
    hijri_markers: tuple[str, ...] = ()
    gregorian_markers: tuple[str, ...] = ()
    and_words: tuple[str, ...] = ()
    range_to: tuple[str, ...] = ()  # إلى، حتى: between the start and the end of a range
    range_between: tuple[str, ...] = ()  # بين: before a range whose parts are joined by و
    systems: dict[str, str] = field(default_factory=dict)
    # unit noun -> (unit, count or None when a number must come before it); see date_words.json
    duration_units: dict[str, tuple[str, int | None]] = field(default_factory=dict)

    def add(self, key: str, kind: str, payload: Any, origin: str) -> None:
        norm = normalize_text(key)
        if not norm:
            raise DataError(f"{origin}: empty word")
        old = self.words.get(norm)
        if old is not None and old != (kind, payload):
            raise DataError(f"{origin}: {key!r} is already a {old[0]} ({old[1]!r})")
        self.words[norm] = (kind, payload)


def _read_json(name: str) -> dict[str, Any]:
    try:
        text = resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{name}: cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{name}: expected a JSON object")
    return data


def _require(data: dict[str, Any], key: str, kind: type, origin: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise DataError(f"{origin}: {key!r} must be a {kind.__name__}")
    return value


def _add_months(lex: Lexicon, data: dict[str, Any]) -> None:
    origin = "months.json"
    lex.systems = dict(_require(data, "systems", dict, origin))
    merged: dict[str, MonthName] = {}
    for n, entry in enumerate(_require(data, "months", list, origin)):
        where = f"{origin}: months[{n}]"
        if not isinstance(entry, dict):
            raise DataError(f"{where}: expected an object")
        month = entry.get("month")
        system = entry.get("system")
        names = entry.get("names")
        if not isinstance(month, int) or not 1 <= month <= 12:
            raise DataError(f"{where}: month must be 1..12")
        if system not in lex.systems:
            raise DataError(f"{where}: unknown system {system!r}")
        if not isinstance(names, list) or not names or not all(isinstance(x, str) for x in names):
            raise DataError(f"{where}: names must be a non-empty list of strings")
        ambiguous = bool(entry.get("ambiguous", False))
        for name in names:
            key = normalize_text(name)
            old = merged.get(key)
            if old is not None and old.month != month:
                raise DataError(f"{where}: {name!r} is month {old.month} in {sorted(old.systems)}")
            systems = (old.systems if old else frozenset()) | {system}
            merged[key] = MonthName(month, systems, ambiguous or bool(old and old.ambiguous))
    for key, month_name in merged.items():
        lex.add(key, MONTH, month_name, origin)
    for system in lex.systems:
        got = {m.month for m in merged.values() if system in m.systems}
        if got != set(range(1, 13)):
            raise DataError(f"{origin}: system {system!r} lacks months {sorted(set(range(1, 13)) - got)}")


def _add_hijri_months(lex: Lexicon, data: dict[str, Any]) -> None:
    origin = "hijri_months.json"
    seen = set()
    for n, entry in enumerate(_require(data, "months", list, origin)):
        where = f"{origin}: months[{n}]"
        month = entry.get("month") if isinstance(entry, dict) else None
        names = entry.get("names") if isinstance(entry, dict) else None
        if not isinstance(month, int) or not 1 <= month <= 12:
            raise DataError(f"{where}: month must be 1..12")
        if not isinstance(names, list) or not names or not all(isinstance(x, str) for x in names):
            raise DataError(f"{where}: names must be a non-empty list of strings")
        value = MonthName(month, frozenset({HIJRI}), bool(entry.get("ambiguous", False)))
        for name in names:
            lex.add(name, MONTH, value, origin)
        seen.add(month)
    if seen != set(range(1, 13)):
        raise DataError(f"{origin}: lacks months {sorted(set(range(1, 13)) - seen)}")


def _add_durations(lex: Lexicon, data: dict[str, Any]) -> None:
    origin = "date_words.json"
    for word, sign in _require(data, "duration_directions", dict, origin).items():
        if sign not in (-1, 1):
            raise DataError(f"{origin}: duration direction {word!r} must be -1 or 1")
        lex.add(word, DUR_DIR, sign, origin)
    for word, count in _require(data, "count_words", dict, origin).items():
        if not isinstance(count, int) or count < 1:
            raise DataError(f"{origin}: count word {word!r} must be a positive integer")
        lex.add(word, COUNT, count, origin)
    for word, spec in _require(data, "duration_units", dict, origin).items():
        if (not isinstance(spec, list) or len(spec) != 2 or spec[0] not in ("day", "week", "month", "year")
                or not (spec[1] is None or isinstance(spec[1], int))):
            raise DataError(f"{origin}: duration unit {word!r} must be [day|week|month|year, count or null]")
        key = normalize_text(word)
        lex.duration_units[key] = (spec[0], spec[1])
        if key not in lex.words:  # يوم، شهر، عام are other atoms already: the grammar reads them by key
            lex.add(word, DUR_UNIT, spec[0], origin)
    ranges = _require(data, "range_words", dict, origin)
    lex.range_to = tuple(normalize_text(w) for w in ranges.get("to", []))
    lex.range_between = tuple(normalize_text(w) for w in ranges.get("between", []))


def _add_words(lex: Lexicon, data: dict[str, Any]) -> None:
    origin = "date_words.json"
    for word, wd in _require(data, "weekdays", dict, origin).items():
        if not isinstance(wd, int) or not 0 <= wd <= 6:
            raise DataError(f"{origin}: weekday {word!r} must be 0..6")
        lex.add(word, WEEKDAY, wd, origin)
    for word, offset in _require(data, "relative_days", dict, origin).items():
        if not isinstance(offset, int):
            raise DataError(f"{origin}: relative day {word!r} must be an integer offset")
        lex.add(word, REL, offset, origin)
    for word, day in _require(data, "ordinal_days", dict, origin).items():
        if not isinstance(day, int) or not 1 <= day <= 31:
            raise DataError(f"{origin}: ordinal day {word!r} must be 1..31")
        lex.add(word, ORDINAL, day, origin)
    for table, kind in (("units", UNIT), ("this_units", THIS_UNIT)):
        for word, unit in _require(data, table, dict, origin).items():
            if unit not in ("year", "month", "week"):
                raise DataError(f"{origin}: {table} {word!r}: unit must be year, month or week")
            lex.add(word, kind, unit, origin)
    for table, kind in (("year_words", YEAR_WORD), ("month_words", MONTH_WORD), ("day_words", DAY_WORD),
                        ("times_of_day", TOD)):
        for word in _require(data, table, list, origin):
            lex.add(word, kind, None, origin)
    mods = _require(data, "modifiers", dict, origin)
    for direction in (PAST, CURRENT, FUTURE):
        for word in mods.get(direction, []):
            lex.add(word, MOD, direction, origin)
    lex.context_words = frozenset(normalize_text(w) for w in _require(data, "context_words", list, origin))
    connectors = _require(data, "connectors", dict, origin)
    lex.of_words = tuple(normalize_text(w) for w in connectors.get("of", []))
    lex.corresponding_words = tuple(normalize_text(w) for w in connectors.get("corresponding", []))
    lex.and_words = tuple(normalize_text(w) for w in connectors.get("and", []))
    lex.hijri_markers = tuple(normalize_text(w) for w in _require(data, "hijri_markers", list, origin))
    lex.gregorian_markers = tuple(normalize_text(w) for w in _require(data, "gregorian_markers", list, origin))


def load_lexicon() -> Lexicon:
    """Read and validate the data files; raises DataError naming the faulty entry."""
    lex = Lexicon()
    _add_months(lex, _read_json("months.json"))
    _add_hijri_months(lex, _read_json("hijri_months.json"))
    words = _read_json("date_words.json")
    _add_words(lex, words)
    _add_durations(lex, words)
    return lex
