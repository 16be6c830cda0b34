"""One pass over normalised text for date atoms: lexicon words (Aho-Corasick) and numbers, with their proclitics.

An atom starts at a word boundary, optionally after proclitics (و ف then ب ل ك), and ends at one. Where several
keys start in the same word, the reading with the most proclitics wins, then the longest key (as a greedy regex
would); atoms never overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import ahocorasick

from marsad.dates import calendars
from marsad.dates.lexicon import MONTH, NDATE, NUM, REL, Lexicon

_ARTICLE = "ال"
_PREP_L = "ل"
_PROCLITIC_CHAINS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# Before a number the article too ("في الـ15 من شوال": the tatweel is gone after normalisation).
_NUMBER_CHAINS = _PROCLITIC_CHAINS + ("ال", "وال", "فال", "بال", "وبال", "لل", "ولل")
_DIGITS = "0123456789"
_DIGIT_KEY = ""  # the automaton's key for a digit: numbers are read by the number regex
# Characters a date word can follow. The automaton's keys start with a space and the text is scanned with these
# characters turned into spaces (same length, so offsets hold), so that it reports words only where they begin: a
# key inside a word ("عام" in "طعام", "اب" in "كتاب") costs nothing. The set covers 99.99% of word starts in
# SaudiNewsNet (counted on 3,000 articles); a word after another character is not seen. One space-led copy of
# the keys keeps the automaton small (0.7 MB): a copy per boundary (15 MB) ran twice as slow inside the pipeline,
# where the other stages push it out of the CPU caches.
_SPACE = " "
_OTHER_BOUNDARIES = "\n\t\xa0\u200b«(\"“'.-–—/،,:؛;[{#@*!؟?"
@dataclass(slots=True)
class Atom:
    kind: str
    start: int  # of the word, after any proclitics
    end: int
    pre: str  # the proclitics before it ("" mostly)
    value: Any  # MonthName, weekday number, offset, unit, modifier, int (num) or (y, m, d) (ndate)
    digits: int = 0  # for numbers: how many digits
    greg: bool = False  # for numbers: followed by a Gregorian marker (2011م)
    hijri: bool = False  # for numbers: followed by a Hijri marker (1436هـ)
    key: str = ""  # for words: the normalised lexicon key


class AtomScanner:
    """Finds every date atom of a normalised text in one Aho-Corasick pass."""

    def __init__(self, lex: Lexicon) -> None:
        self.words = lex.words
        keys = set(lex.words)
        # After ل the article's alef drops: للعام = ل + لعام. ``atoms`` maps the ل-form back to its key.
        keys |= {_PREP_L + k[len(_ARTICLE):] for k in lex.words if k.startswith(_ARTICLE)}
        keys |= set(_DIGITS)
        # One string can split two ways (" لعام" = ل + عام or the ل-form لعام): the longer proclitic chain wins,
        # as a greedy regex would have it.
        entries: dict[str, tuple[str, int]] = {}
        for key in keys:
            for pre in _NUMBER_CHAINS if key in _DIGITS else _PROCLITIC_CHAINS:
                old = entries.get(pre + key)
                if old is None or old[1] < len(pre):
                    entries[pre + key] = (key, len(pre))
        self.automaton = ahocorasick.Automaton()
        for word, (key, n_pre) in entries.items():
            value = (_DIGIT_KEY if key in _DIGITS else key, len(key), n_pre)
            self.automaton.add_word(_SPACE + word, value)
        self.automaton.make_automaton()
        greg = "|".join(re.escape(m) for m in lex.gregorian_markers) or "(?!)"
        hijri = "|".join(re.escape(m) for m in lex.hijri_markers) or "(?!)"
        self.number = re.compile(
            # "14/5/2019", "2019-05-14", "24 / 10 / 1436" (spaced the same way around both separators)
            r"(?:(?P<y1>[0-9]{4})(?P<s1> ?[-/.] ?)(?P<m1>[0-9]{1,2})(?P=s1)(?P<d1>[0-9]{1,2})"
            r"|(?P<d2>[0-9]{1,2})(?P<s2> ?[-/.] ?)(?P<m2>[0-9]{1,2})(?P=s2)(?P<y2>[0-9]{4})"
            rf"|(?P<num>[0-9]{{1,4}}))(?: ?(?P<greg>{greg})| ?(?P<hijri>{hijri}))?(?!\w)"
        )

    def scan(self, norm: str) -> list[tuple[int, str, str, int]]:
        """(start after the proclitics, proclitics, key, end) of every date word, in text order, without overlaps.

        Digits come with key "" and the end of their number.
        """
        found = []
        n = len(norm)
        number = self.number
        # The padding space lets a word at the very start match; offsets shift by one.
        spaced = _SPACE + norm
        for c in _OTHER_BOUNDARIES:
            spaced = spaced.replace(c, _SPACE)
        for end, (key, size, n_pre) in self.automaton.iter(spaced):
            start = end - size
            if key == _DIGIT_KEY:
                m = number.match(norm, start)
                if m is None:
                    continue
                end = m.end()
            elif end < n and (norm[end].isalnum() or norm[end] == "_"):
                continue
            found.append((start - n_pre, -n_pre, start - end, key, end))
        found.sort()
        out = []
        taken = 0
        for word_start, minus_pre, _, key, end in found:
            if word_start < taken:
                continue
            start = word_start - minus_pre
            out.append((start, norm[word_start:start], key, end))
            taken = end
        return out

    def atoms(self, norm: str) -> list[Atom]:
        out: list[Atom] = []
        words = self.words
        for start, pre, key, end in self.scan(norm):
            if key == _DIGIT_KEY:
                m = self.number.match(norm, start)
                assert m is not None
                num = m.group("num")
                if num is not None:
                    out.append(Atom(NUM, start, m.end(), pre, int(num), len(num), m.group("greg") is not None,
                                    m.group("hijri") is not None))
                    continue
                if m.group("y1"):
                    ymd = (int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
                else:
                    ymd = (int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
                if m.group("greg") is None and calendars.is_hijri_year(ymd[0]) and 1 <= ymd[1] <= 12:
                    # "21/10/1436هـ": a Hijri year (the marker is often left out); converted when resolved
                    out.append(Atom(NDATE, start, m.end(), pre, ymd, hijri=True))
                elif (m.group("hijri") is None and calendars.is_year(ymd[0])
                      and calendars.safe_date(*ymd) is not None):
                    out.append(Atom(NDATE, start, m.end(), pre, ymd))
                continue
            entry = words.get(key)
            if entry is None:  # the ل-form of an "ال" word: valid only right after the preposition ل
                if not pre.endswith(_PREP_L):
                    continue
                key = _ARTICLE + key[len(_PREP_L):]
                entry = words[key]
                if entry[0] == REL:
                    continue  # "لليوم الرابع على التوالي": "for the fourth day", not "today"
                pre, start = pre[:-1], start - 1  # the ل belongs to both: keep it in the span
            if pre and entry[0] == MONTH and entry[1].ambiguous:
                continue  # "بالماء", "لاب": a common word with a proclitic, never a month
            out.append(Atom(entry[0], start, end, pre, entry[1], key=key))
        return out
