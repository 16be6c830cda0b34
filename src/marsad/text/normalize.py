"""Arabic orthographic normalisation with an offset map back to the original text.

Matching (aliases, triggers, month names) runs on the normalised string; every hit is mapped back through the
offset map so that spans always point into the cleaned article text.
"""

from __future__ import annotations

import re

# One pass of str.translate does the 1:1 folds and the deletions; expansions (lam-alef ligatures) are rare and
# handled in the slow path only when present.
_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # Persian kaf
    "ؤ": "و",
    "ئ": "ي",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
# tashkeel (fathatan .. sukun, superscript alef), Quranic marks, tatweel
_DELETE = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"] + [chr(c) for c in range(0x06D6, 0x06ED)]
_DELETE += ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c"]  # joiners and direction marks
_EXPAND = {"ﻻ": "لا", "ﻷ": "لا", "ﻹ": "لا", "ﻵ": "لا", "ﻼ": "لا", "ﻸ": "لا", "ﻺ": "لا", "ﻶ": "لا"}

_TABLE = str.maketrans({**_FOLD, **_DIGITS, **{c: None for c in _DELETE}})
_CHANGED = re.compile("[" + re.escape("".join(_DELETE) + "".join(_EXPAND)) + "]")
# The hamza before و sits on ya or on waw by house style ("المسئول"، "المسؤول"؛ "شئون"، "شؤون"): one form for both.
# (One character for one, so the offset map stays the same.)
_YA_HAMZA_WAW, _WAW_HAMZA_WAW = "ئو", "ؤو"


def normalize(text: str) -> tuple[str, list[int]]:
    """Return (normalised text, offsets) where ``offsets[i]`` is the index in ``text`` of normalised char ``i``.

    ``offsets`` has one extra final entry equal to ``len(text)`` so that an end offset maps too.
    """
    text = text.replace(_YA_HAMZA_WAW, _WAW_HAMZA_WAW)
    if not _CHANGED.search(text):
        # Only 1:1 folds: the offset map is the identity.
        return text.translate(_TABLE), list(range(len(text) + 1))
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _CHANGED.finditer(text):
        i = m.start()
        if pos < i:
            pieces.append(text[pos:i])
            offsets.extend(range(pos, i))
        rep = _EXPAND.get(m.group())
        if rep is not None:
            pieces.append(rep)
            offsets.extend([i] * len(rep))
        pos = i + 1
    if pos < len(text):
        pieces.append(text[pos:])
        offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(pieces).translate(_TABLE), offsets


def normalize_text(text: str) -> str:
    """Normalised form of a word or phrase (for lexicon keys); no offset map."""
    if _CHANGED.search(text):
        text = "".join(_EXPAND.get(c, c) for c in text)
    return " ".join(text.replace(_YA_HAMZA_WAW, _WAW_HAMZA_WAW).translate(_TABLE).split())


def map_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of normalised text back to the original text.

    The end maps to where the next normalised character came from, so that diacritics and tatweel after the
    span's last letter belong to the span ("الرئيسُ", not "الرئيس").
    """
    if end <= start:
        o = offsets[start]
        return o, o
    return offsets[start], max(offsets[end], offsets[end - 1] + 1)
