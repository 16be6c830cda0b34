"""The statistical name tagger: a CRF (python-crfsuite) trained on ANERcorp that finds person, place,
organisation and other names (PERS LOC ORG MISC) the knowledge base does not hold.

The model (data/ner.crfsuite) is trained by tools/train_ner.py (`make train-ner`); features: ner_features.py.
"""

from __future__ import annotations

import bisect
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.entities.ner_features import Featurizer, default_featurizer, split_words
from marsad.errors import DataError
from marsad.model import Article
from marsad.text.normalize import map_span, normalize
from marsad.text.tokens import TOKEN_RE

MODEL_FILE = "ner.crfsuite"
TYPES = ("PERS", "LOC", "ORG", "MISC")


class NameTagger:
    """BIO tags for words and (start, end, type) name spans for a range of an article."""

    def __init__(self, tagger: pycrfsuite.Tagger, featurizer: Featurizer) -> None:
        self._tagger = tagger
        self._featurizer = featurizer

    @classmethod
    def load(cls) -> NameTagger:
        """The packaged model (loaded once per process)."""
        return _load_default()

    @classmethod
    def from_file(cls, path: str | Path, featurizer: Featurizer | None = None) -> NameTagger:
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(path))
        except (OSError, ValueError) as exc:
            raise DataError(f"{path}: not a CRFsuite model ({exc})") from exc
        return cls(tagger, featurizer or default_featurizer())

    def tag_words(self, words: list[str], gaps: list[str]) -> list[str]:
        """Tags of normalised TOKEN_RE words; ``gaps`` as in Featurizer.sentence."""
        if not words:
            return []
        return list(self._tagger.tag(self._featurizer.sentence(words, gaps)))

    def tag_tokens(self, words: list[str]) -> list[str]:
        """BIO tags of raw tokens (ANERcorp style: punctuation and proclitics may be attached; any spelling).

        A token that is punctuation only is inside a name when the words on both sides are (عبد - الله).
        """
        sub, gaps, owner = split_words(words)
        sub_tags = self.tag_words(sub, gaps)
        tags = ["O"] * len(words)
        tagged: set[int] = set()
        for tag, k in zip(sub_tags, owner, strict=True):
            if k not in tagged:  # a token takes the tag of its first word
                tags[k] = tag
                tagged.add(k)
        for k in range(1, len(words) - 1):
            if k in tagged:
                continue
            prev, nxt = tags[k - 1], tags[k + 1]
            if prev != "O" and nxt.startswith("I-") and prev[2:] == nxt[2:]:
                tags[k] = nxt
        return tags

    def spans(self, article: Article, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, type) of the names in article.text[start:end], offsets into article.text."""
        if article.norm_offsets:
            norm, offsets = article.norm, article.norm_offsets
        else:
            norm, offsets = normalize(article.text)
        ns = bisect.bisect_left(offsets, start)
        ne = bisect.bisect_left(offsets, end)
        words: list[str] = []
        gaps: list[str] = []
        bounds: list[tuple[int, int]] = []
        pos = ns
        for m in TOKEN_RE.finditer(norm, ns, ne):
            gaps.append(norm[pos : m.start()])
            words.append(m.group())
            bounds.append(m.span())
            pos = m.end()
        gaps.append(norm[pos:ne])
        out = []
        for first, last, typ in bio_chunks(self.tag_words(words, gaps)):
            s, e = map_span(offsets, bounds[first][0], bounds[last][1])
            out.append((s, e, typ))
        return out


@lru_cache(maxsize=1)
def _load_default() -> NameTagger:
    # CRFsuite opens a file path only: a zipped install gets the model copied out once.
    ref = resources.files("marsad.data").joinpath(MODEL_FILE)
    with resources.as_file(ref) as path:
        if Path(path).exists():
            return NameTagger.from_file(path)
    data = ref.read_bytes()
    fd, tmp = tempfile.mkstemp(suffix=".crfsuite")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return NameTagger.from_file(tmp)


def bio_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) index ranges of the names in a tag sequence, read as conlleval reads it: a name
    starts at B-X, or at I-X after O or after another type."""
    out = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else ""
        begins = tag.startswith("B-") or (kind and kind != typ)
        if start >= 0 and (tag == "O" or begins):
            out.append((start, i - 1, typ))
            start, typ = -1, ""
        if kind and (begins or start < 0):
            start, typ = i, kind
    return out


# ---- evaluation helpers (tools/train_ner.py and tests/eval/test_eval_ner.py) ----


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a CoNLL file of "token TAG" lines (blank line between sentences, -DOCSTART- skipped)."""
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        word, _, tag = line.rpartition(" ")
        tag = tag.strip("\u200e\u200f") or "O"  # one dev line has a stray direction mark for its tag
        if not (tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in TYPES)):
            raise DataError(f"{path}:{lineno}: unknown tag {tag!r}")
        words.append(word)
        tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_chunks(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict[str, Score]:
    """Entity-level scores (exact span and type, as conlleval) per type and "ALL" (micro) over
    (gold tags, predicted tags) pairs."""
    scores = {t: Score() for t in (*TYPES, "ALL")}
    for gold, pred in pairs:
        g = set(bio_chunks(gold))
        p = set(bio_chunks(pred))
        for typ in (*TYPES, "ALL"):
            gs = {c for c in g if typ in ("ALL", c[2])}
            ps = {c for c in p if typ in ("ALL", c[2])}
            scores[typ].gold += len(gs)
            scores[typ].pred += len(ps)
            scores[typ].correct += len(gs & ps)
    return scores


def format_scores(scores: dict[str, Score]) -> str:
    lines = [f"{'type':<5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for typ, s in scores.items():
        lines.append(f"{typ:<5} {s.gold:>5} {s.pred:>5} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    return "\n".join(lines)
