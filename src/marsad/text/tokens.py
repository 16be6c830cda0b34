"""Tokeniser over normalised text with Arabic proclitic segmentation (و ف ب ل ك ال س لـ)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.model import Token

# Letters, digits and the Arabic letter block; "ـ" is removed by the normaliser before this runs.
TOKEN_RE = re.compile(r"[0-9A-Za-z\u0621-\u064A\u0671-\u06D3]+")

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
ARTICLE = "ال"
MIN_STEM = 2


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """Every (prefix, rest) split of ``word`` into a proclitic chain and a remainder, shortest prefix first.

    The chain is: optional conjunction, then a preposition or the future marker, then the article
    (with "لل" = ل + ال). The stage that matches lexicons decides which split is right.
    """
    out = [("", word)]
    seen = {""}

    def add(prefix: str) -> None:
        if prefix not in seen and len(word) - len(prefix) >= MIN_STEM and word.startswith(prefix):
            seen.add(prefix)
            out.append((prefix, word[len(prefix) :]))

    for conj in ("",) + CONJUNCTIONS:
        for prep in ("",) + PREPOSITIONS + (FUTURE,):
            for art in ("", ARTICLE):
                if prep == FUTURE and art:
                    continue
                prefix = conj + prep + art
                if prep == "ل" and art:
                    prefix = conj + "لل"  # ل + ال is written لل
                if prefix:
                    add(prefix)
    out.sort(key=lambda p: len(p[0]))
    return out


def is_proclitic_chain(prefix: str) -> bool:
    """True when ``prefix`` (normalised) is a valid chain of proclitics, e.g. "وب", "لل", "فال"."""
    if not prefix:
        return True
    return any(p == prefix for p, _ in proclitic_splits(prefix + "xx"))


def default_stem(word: str) -> tuple[str, str]:
    """Conservative segmentation without a lexicon: conjunction + preposition + article, keeping >= 3 letters."""
    best = ("", word)
    for prefix, rest in proclitic_splits(word):
        if len(rest) >= 3 and not prefix.endswith(FUTURE):
            best = (prefix, rest)
    return best


def tokenize(norm: str, offsets: list[int], known: Iterable[str] = ()) -> list[Token]:
    """Tokens of normalised text, with spans mapped back to the original through ``offsets``.

    ``known`` is a set of lexicon stems: a split whose remainder is known wins over the default one.
    """
    known_set = known if isinstance(known, (set, frozenset)) else set(known)
    tokens = []
    for m in TOKEN_RE.finditer(norm):
        word = m.group()
        prefix, stem = "", word
        if known_set and word not in known_set:
            for p, rest in proclitic_splits(word):
                if rest in known_set:
                    prefix, stem = p, rest
                    break
            else:
                prefix, stem = default_stem(word)
        elif not known_set:
            prefix, stem = default_stem(word)
        s, e = m.span()
        tokens.append(Token(start=offsets[s], end=max(offsets[e], offsets[e - 1] + 1), norm=word, stem=stem, prefix=prefix))
    return tokens
