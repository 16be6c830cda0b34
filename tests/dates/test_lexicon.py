"""The packaged date vocabulary validates, and the atom regex built from it behaves."""

from __future__ import annotations

import pytest

from marsad.dates.lexicon import MONTH, REL, WEEKDAY, Lexicon, load_lexicon
from marsad.dates.scanner import AtomScanner
from marsad.errors import DataError
from marsad.text.normalize import normalize_text


def test_lexicon_has_twelve_months_in_every_system() -> None:
    lex = load_lexicon()
    assert set(lex.systems) == {"egyptian", "levantine", "maghrebi", "moroccan", "libyan"}
    for system in lex.systems:
        months = {v.month for k, (kind, v) in lex.words.items() if kind == MONTH and system in v.systems}
        assert months == set(range(1, 13)), system


def test_lexicon_libyan_months_in_order() -> None:
    lex = load_lexicon()
    libyan = ["أي النار", "النوار", "الربيع", "الطير", "الماء", "الصيف", "ناصر", "هانيبال", "الفاتح", "التمور",
              "الحرث", "الكانون"]
    for n, name in enumerate(libyan, start=1):
        kind, value = lex.words[normalize_text(name)]
        assert (kind, value.month, value.ambiguous) == (MONTH, n, True)


def test_lexicon_shared_names_keep_all_systems() -> None:
    kind, value = load_lexicon().words[normalize_text("مارس")]
    assert value.systems == {"egyptian", "maghrebi", "moroccan"} and not value.ambiguous


def test_lexicon_keys_are_normalised() -> None:
    for key in load_lexicon().words:
        assert key == normalize_text(key)


def test_lexicon_weekdays_and_relative_days() -> None:
    words = load_lexicon().words
    assert words[normalize_text("الإثنين")] == (WEEKDAY, 0)
    assert words[normalize_text("الأحد")] == (WEEKDAY, 6)
    assert words[normalize_text("أول من أمس")] == (REL, -2)
    assert words[normalize_text("غداً")] == (REL, 1)


def test_lexicon_add_rejects_conflicting_word() -> None:
    lex = Lexicon()
    lex.add("الخميس", WEEKDAY, 3, "test")
    lex.add("الخميس", WEEKDAY, 3, "test")  # the same entry twice is harmless
    with pytest.raises(DataError, match="already"):
        lex.add("الخميس", REL, 0, "test")


@pytest.mark.parametrize(("text", "expected"), [
    ("امس", [("امس", "")]),
    ("اول امس", [("اول امس", "")]),  # the longest key at a word wins
    ("وامس", [("امس", "و")]),
    ("فبالامس", [("الامس", "فب")]),
    ("اول", []),  # not a key by itself
    ("امسك", []),  # a key inside a longer word
    ("طعام", []),  # a key ending a longer word ("عام")
    ("للعام", [("لعام", "ل")]),  # the ل-form after the preposition ل
    ("و16 و2015م", [("", "و"), ("", "و")]),  # numbers, with their proclitics
    ("H2 12345", []),  # a digit inside a word; five digits are no year
    ("(امس) «اليوم»\nغدا", [("امس", ""), ("اليوم", ""), ("غدا", "")]),  # after brackets, quotes, a newline
    ("مامس بوامس", []),  # letters before a key that are no proclitic chain
])
def test_scanner_finds_whole_words_only(text: str, expected: list) -> None:
    scanner = AtomScanner(load_lexicon())
    assert [(key, pre) for _, pre, key, _ in scanner.scan(text)] == expected
