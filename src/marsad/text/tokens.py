"""Tokeniser over normalised text with Arabic proclitic segmentation (و ف ب ل ك ال س لـ)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from marsad.model import Token

# Letters, digits and the Arabic letter block; "ـ" is removed by the normaliser before this runs.
TOKEN_RE = re.compile(r"[0-9A-Za-z]+|[\u0621-\u064A\u0671-\u06D3]+")

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
ARTICLE = "ال"
MIN_STEM = 2


def _prefix_chains() -> tuple[str, ...]:
    """Every proclitic chain: optional conjunction, then a preposition or the future marker, then the article
    (with "لل" = ل + ال)."""
    chains = set()
    for conj in ("",) + CONJUNCTIONS:
        for prep in ("",) + PREPOSITIONS + (FUTURE,):
            for art in ("", ARTICLE):
                if prep == FUTURE and art:
                    continue
                chains.add(conj + "لل" if prep == "ل" and art else conj + prep + art)
    chains.discard("")
    return tuple(sorted(chains, key=len))


PREFIX_CHAINS = _prefix_chains()
_CHAIN_SET = frozenset(PREFIX_CHAINS)


@lru_cache(maxsize=100_000)
def proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """Every (prefix, rest) split of ``word`` into a proclitic chain and a remainder, shortest prefix first.

    The stage that matches lexicons decides which split is right.
    """
    out = [("", word)]
    for prefix in PREFIX_CHAINS:
        if len(word) - len(prefix) >= MIN_STEM and word.startswith(prefix):
            out.append((prefix, word[len(prefix) :]))
    return tuple(out)


def is_proclitic_chain(prefix: str) -> bool:
    """True when ``prefix`` (normalised) is a valid chain of proclitics, e.g. "وب", "لل", "فال"."""
    return not prefix or prefix in _CHAIN_SET


@lru_cache(maxsize=100_000)
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
    known_set = known if isinstance(known, frozenset) else frozenset(known)
    tokens = []
    for m in TOKEN_RE.finditer(norm):
        word = m.group()
        prefix, stem = _segment(word, known_set)
        s, e = m.span()
        tokens.append(Token(start=offsets[s], end=max(offsets[e], offsets[e - 1] + 1), norm=word, stem=stem, prefix=prefix))
    return tokens


@lru_cache(maxsize=200_000)
def _segment(word: str, known: frozenset[str]) -> tuple[str, str]:
    if word in known:
        return "", word
    for prefix, rest in proclitic_splits(word):
        if rest in known:
            return prefix, rest
    return default_stem(word)


def tokenize_span(norm: str, offsets: list[int], start: int, end: int,
                  known: frozenset[str] = frozenset(), segment: bool = True) -> list[Token]:
    """Tokens of the original-text range [start, end) only (stages tokenise just the sentences they need).

    With ``segment=False`` the proclitics are not split off (stem = the whole word): for callers that match
    normalised words themselves, this halves the cost.
    """
    ns = bisect.bisect_left(offsets, start)
    ne = bisect.bisect_left(offsets, end)
    tokens = []
    for m in TOKEN_RE.finditer(norm, ns, ne):
        word = m.group()
        prefix, stem = _segment(word, known) if segment else ("", word)
        s, e = m.span()
        tokens.append(Token(offsets[s], max(offsets[e], offsets[e - 1] + 1), word, stem, prefix))
    return tokens
