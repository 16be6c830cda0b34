"""Sentence splitting aware of Arabic punctuation, quotes, decimals and one-letter abbreviations."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ (and runs of them), optionally followed by closing quotes/brackets, or at a newline.
_END = re.compile(r"[.!?؟…]+[\"»”’)\]]*|\n+")
_OPEN_QUOTES = "«“\""
_CLOSE_QUOTES = "»”\""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences of ``text``, with surrounding whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0  # inside «...» the period does not end the sentence unless the quote closes right after
    pos = 0
    n = len(text)
    for m in _END.finditer(text):
        s, e = m.span()
        depth += _quote_balance(text, pos, s)
        pos = e
        token = m.group()
        if token[0] != "\n":
            depth += _quote_balance(text, s, e)
            if token[0] == "." and len(token) == 1:
                if 0 < s and e < n and text[s - 1].isdigit() and text[e].isdigit():
                    continue  # decimal number
                if _is_abbreviation(text, s) and e < n and text[e] == " ":
                    continue
            if depth > 0 and e < n and text[e] not in "\n":
                continue
        depth = 0 if token[0] == "\n" else depth
        _append(text, spans, start, e)
        start = e
    _append(text, spans, start, n)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """One letter before the dot, preceded by a space or the start: "د." (doctor), "م." (AD), "أ."."""
    return dot >= 1 and text[dot - 1].isalpha() and (dot == 1 or text[dot - 2].isspace())


def _quote_balance(text: str, s: int, e: int) -> int:
    seg = text[s:e]
    return seg.count("«") + seg.count("“") - seg.count("»") - seg.count("”")


def _append(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and re.search(r"\w", text[s:e]):
        spans.append((s, e))
