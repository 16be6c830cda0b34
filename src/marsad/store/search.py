"""Full-text search over normalised Arabic: what is indexed for a document, how a user query becomes a safe
FTS5 expression, and the snippet shown for a hit.

The index has three columns: the normalised title, the normalised body, and the body's stems (each word with
its proclitics و ف ب ل ك ال removed) so that "الأمم" also finds "وللأمم". A user query never reaches FTS5
syntax as typed: it is normalised, cut into words, and every word is a quoted string, so quotes, ``*``,
``NEAR``, ``-`` or parentheses in the query are plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.normalize import normalize, normalize_text
from marsad.text.tokens import default_stem

# Words as unicode61 sees them: letters and digits of any script (underscore is a separator there too).
_WORD_RE = re.compile(r"[^\W_]+")
# A query word this short would, as a prefix query, match a large part of the index.
MIN_PREFIX_LEN = 2
MAX_QUERY_WORDS = 16
SNIPPET_RADIUS = 90  # characters of context either side of the first hit


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """A word without its proclitics; the same function for indexed text and queries, so both agree.

    Cached: news vocabulary is Zipfian, and segmenting every word anew made the stems column 80% of write time.
    """
    return default_stem(word)[1]


def stems_of(norm: str) -> str:
    """The stems column: every word of normalised text with its proclitic chain removed."""
    return " ".join([stem(w) for w in _WORD_RE.findall(norm)])


def query_words(q: str) -> list[str]:
    """The normalised, lower-cased words of a user query (at most MAX_QUERY_WORDS)."""
    return [w.lower() for w in _WORD_RE.findall(normalize_text(q))][:MAX_QUERY_WORDS]


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(q: str) -> str | None:
    """A safe FTS5 MATCH expression for a user query, or None when the query has no words.

    Every word must match (AND), each as itself or as a prefix (``"word"*``) in the title or body, or by its
    stem in the stems column: clitics and suffixes are tolerated, infixes are not.
    """
    parts = []
    for word in query_words(q):
        base = stem(word)
        prefix = "*" if len(word) >= MIN_PREFIX_LEN else ""
        alternatives = [f"{{title body}} : {_quote(word)}{prefix}"]
        if base != word:
            alternatives.append(f"stems : {_quote(base)}{prefix}")
        else:
            alternatives.append(f"stems : {_quote(base)}")
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts) if parts else None


def snippet(text: str, q: str, radius: int = SNIPPET_RADIUS) -> tuple[str, list[int] | None]:
    """A window of ``text`` around the first occurrence of a query word, and the hit's span in the window.

    Matching is done on the normalised text and mapped back, so the snippet shows the original spelling.
    """
    norm, offsets = normalize(text)
    low = norm.lower()
    if len(low) != len(norm):  # a few letters (e.g. "İ") lower-case to two characters: keep offsets aligned
        low = norm
    best: tuple[int, int] | None = None
    for word in query_words(q):
        for form in dict.fromkeys((word, stem(word))):
            i = low.find(form)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, i + len(form))
    if best is None:
        cut = text[: 2 * radius].strip()
        return (cut + "…" if len(text) > 2 * radius else cut), None
    start, end = offsets[best[0]], offsets[best[1] - 1] + 1
    lo, hi = max(0, start - radius), min(len(text), end + radius)
    # Widen to whole words so the snippet does not begin or end mid-word.
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    lead = "…" if lo > 0 else ""
    window = lead + text[lo:hi] + ("…" if hi < len(text) else "")
    return window, [start - lo + len(lead), end - lo + len(lead)]
