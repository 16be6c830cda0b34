"""Which time expression dates an event: the one governing the trigger's clause, then the sentence's, then for a
background clause ("وكان ... قد", "يذكر أن") the nearest earlier one of its paragraph, else the publication date.

The clause words live in date_words.json ("attachment"); the event coder calls ``attach_event_date``.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.errors import DataError
from marsad.model import Article, Sentence, TimeExpr
from marsad.text.normalize import normalize, normalize_text

FROM_TEXT, FROM_PUBLICATION = "text", "publication"
_CLAUSE_PUNCTUATION = "،,؛;:"
# How far before the trigger a background opener is looked for: "وكان وزير الخارجية السعودي عادل الجبير قد
# التقى" puts about 45 characters between كان and the verb; 120 leaves room for longer titles.
_BACKGROUND_REACH = 120


@dataclass(frozen=True)
class ClauseWords:
    opener: re.Pattern[str]  # a word that opens a clause
    background: re.Pattern[str]  # a background opener followed (later) by قد
    background_phrase: re.Pattern[str]


def _words(data: dict, key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataError(f"date_words.json: attachment.{key} must be a list of words")
    return sorted({normalize_text(w) for w in value}, key=len, reverse=True)


@lru_cache(maxsize=1)
def clause_words() -> ClauseWords:
    """The attachment vocabulary, read and validated once."""
    try:
        data = json.loads(resources.files("marsad.data").joinpath("date_words.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"date_words.json: cannot be read: {exc}") from exc
    att = data.get("attachment")
    if not isinstance(att, dict):
        raise DataError("date_words.json: 'attachment' must be an object")
    particle = att.get("background_particle")
    if not isinstance(particle, str) or not particle.strip():
        raise DataError("date_words.json: attachment.background_particle must be a word")

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    return ClauseWords(
        opener=re.compile(rf"(?<!\w)(?:{alt(_words(att, 'clause_openers'))})(?!\w)"),
        background=re.compile(rf"(?<!\w)(?:{alt(_words(att, 'background_openers'))})(?!\w).*?(?<!\w)"
                              rf"{re.escape(normalize_text(particle))}(?!\w)", re.S),
        background_phrase=re.compile(rf"(?<!\w)(?:{alt(_words(att, 'background_phrases'))})(?!\w)"),
    )


def _norm_view(article: Article) -> tuple[str, list[int]]:
    """The article's normalised text and offset map (computed here when the text stage has not run)."""
    if article.norm and len(article.norm_offsets) == len(article.norm) + 1:
        return article.norm, article.norm_offsets
    return normalize(article.text)


def clause_start(article: Article, sentence: Sentence, position: int) -> int:
    """Where the clause holding ``position`` begins: after the last comma-like mark or at the last clause opener
    ("وكان", "فيما") between the sentence start and ``position``."""
    text = article.text
    start = sentence.start
    for i in range(position - 1, sentence.start - 1, -1):
        if text[i] in _CLAUSE_PUNCTUATION:
            start = i + 1
            break
    norm, offsets = _norm_view(article)
    lo, hi = bisect_left(offsets, start), bisect_left(offsets, position)
    last = None
    for m in clause_words().opener.finditer(norm, lo, hi):
        last = m
    return offsets[last.start()] if last is not None else start


def is_background(article: Article, sentence: Sentence, trigger_start: int) -> bool:
    """True when the trigger's clause tells of an earlier event: "وكان ... قد زار", "يذكر أن ... زار"."""
    words = clause_words()
    norm, offsets = _norm_view(article)
    end = bisect_left(offsets, trigger_start)
    reach = bisect_left(offsets, max(sentence.start, trigger_start - _BACKGROUND_REACH))
    if words.background_phrase.search(norm, reach, end):
        return True
    return words.background.search(norm, bisect_left(offsets, clause_start(article, sentence, trigger_start)),
                                   end) is not None


def _paragraph_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def publication_date(article: Article) -> TimeExpr | None:
    if article.published is None:
        return None
    return TimeExpr(text="", span=(0, 0), value=article.published.isoformat(), precision="day",
                    anchor=FROM_PUBLICATION)


def _in_aside(text: str, sentence: Sentence, span: tuple[int, int], trigger: int) -> bool:
    """Whether the expression sits in parentheses that do not hold the trigger ("(التي تحتلها تركيا منذ
    1974)"): an aside dates something else."""
    open_at = text.rfind("(", sentence.start, span[0])
    if open_at < 0 or text.find(")", open_at, span[0]) >= 0:
        return False
    close_at = text.find(")", span[1], sentence.end)
    return close_at >= 0 and not open_at < trigger < close_at


def _since_absolute(text: str, timex: TimeExpr) -> bool:
    """"منذ 1974" dates the start of a state of affairs ("تحتله تركيا منذ 1974"), never the event; a relative
    "منذ ثلاثة أيام" (three days ago) does date it, and is kept."""
    if timex.anchor != "text":
        return False
    before = text[max(0, timex.span[0] - 6) : timex.span[0]].split()
    return timex.text.startswith("منذ") or (bool(before) and before[-1] == "منذ")


def attach_event_date(article: Article, sentence: Sentence, trigger_span: tuple[int, int],
                      window_end: int) -> tuple[TimeExpr | None, str | None]:
    """(time expression, date_source) of the event whose trigger is ``trigger_span`` in ``sentence``.

    1. the nearest expression of the trigger's clause: after the trigger up to ``window_end`` (the end of the
       event's arguments), or before it back to the last comma-like mark or clause opener;
    2. the nearest expression of the sentence;
    3. for a background clause, the nearest expression before the sentence in its paragraph;
    4. the publication date, said so (date_source "publication"); (None, None) without one.
    """
    tstart, tend = trigger_span
    in_sentence = [t for t in article.timexes if sentence.start <= t.span[0] and t.span[1] <= sentence.end
                   and not _in_aside(article.text, sentence, t.span, tstart) and not _since_absolute(article.text, t)]
    if in_sentence:
        cstart = clause_start(article, sentence, tstart)
        after = [t for t in in_sentence if tend <= t.span[0] < window_end]
        before = [t for t in in_sentence if cstart <= t.span[0] and t.span[1] <= tstart]
        candidates = after[:1] + before[-1:]
        if candidates:
            # nearest to the trigger; a tie goes to the expression after it (Arabic puts the time after the verb)
            best = min(candidates, key=lambda t: (t.span[0] - tend if t.span[0] >= tend else tstart - t.span[1],
                                                  t.span[0] < tstart))
            return best, FROM_TEXT
        return min(in_sentence, key=lambda t: abs(t.span[0] - tstart)), FROM_TEXT
    if is_background(article, sentence, tstart):
        para = _paragraph_start(article.text, sentence.start)
        earlier = [t for t in article.timexes if para <= t.span[0] and t.span[1] <= sentence.start]
        if earlier:
            return earlier[-1], FROM_TEXT
    published = publication_date(article)
    return (published, FROM_PUBLICATION) if published is not None else (None, None)
