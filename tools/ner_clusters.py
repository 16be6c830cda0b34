"""Distributional word classes for the name tagger's features (src/marsad/data/ner_clusters.txt); used by
tools/train_ner.py (`make train-ner`), which adds the context profiles and writes the file.

Words of SaudiNewsNet (../shared/data/saudinewsnet, build time only) and the ANERcorp training and dev text
(never the test split) are described by the words seen right before and after them (positive PMI), reduced by
truncated SVD and grouped by spherical k-means at several granularities (LEVELS), standing in for Brown
clusters: a transliterated foreign name the training data never saw still falls in the class of the names it
did see. Deterministic for a given numpy/scipy (fixed seeds).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.entities.ner_features import PROFILE_TYPES
from marsad.text.normalize import normalize_text
from marsad.text.tokens import TOKEN_RE

ROOT = Path(__file__).resolve().parent.parent
SAUDINEWSNET = ROOT.parent / "shared/data/saudinewsnet"
ANERCORP = ROOT.parent / "shared/data/anercorp"
# Sizes chosen for a build of about a minute on two cores.
VOCAB, CONTEXTS, MIN_COUNT = 60_000, 3_000, 5
DIMS, ITERATIONS, SEED = 100, 20, 7
# k-means levels, the columns of the file: 400 fine classes, the same grouped into 40 coarse ones (k-means of
# the fine centroids), then independent 1000 and 2000 classes. 5-fold cross-validation on ANERcorp train+dev
# (averaged perceptron, 2026-11-22): the last two add +0.005 entity F1; also used as neighbour features, 0.
FINE, COARSE, EXTRA = 400, 40, (1000, 2000)
SENTENCE_END = re.compile(r"[.!?؟\n]+")
MAX_SENTENCE = 80  # longer runs of words without a full stop are cut into pieces of this many words


def news_texts(news: Path) -> Iterator[str]:
    """Normalised text of every SaudiNewsNet article, in file order."""
    for zpath in sorted(news.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for rec in json.loads(zf.read(name)):
                    yield normalize_text(rec.get("content") or "")


def news_sentences(news: Path = SAUDINEWSNET) -> Iterator[tuple[list[str], list[str]]]:
    """(words, gaps) of the SaudiNewsNet sentences of three words or more, as Featurizer.sentence takes them."""
    for text in news_texts(news):
        for sentence in SENTENCE_END.split(text):
            words: list[str] = []
            gaps: list[str] = []
            pos = 0
            for m in TOKEN_RE.finditer(sentence):
                gaps.append(sentence[pos : m.start()])
                words.append(m.group())
                pos = m.end()
            gaps.append(sentence[pos:])
            if len(words) >= 3:
                for k in range(0, len(words), MAX_SENTENCE):
                    yield words[k : k + MAX_SENTENCE], gaps[k : k + MAX_SENTENCE + 1]


def corpus_words(news: Path, anercorp: Path) -> list[str]:
    words: list[str] = []
    for text in news_texts(news):
        words.extend(TOKEN_RE.findall(text.lower()))
    for split in ("split_train.txt", "split_dev.txt"):
        for line in (anercorp / split).read_text(encoding="utf-8").splitlines():
            words.extend(TOKEN_RE.findall(normalize_text(line.rpartition(" ")[0]).lower()))
    return words


def kmeans(x: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Spherical k-means (rows of ``x`` are unit vectors); labels of the rows."""
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)]
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(ITERATIONS):
        labels = np.argmax(x @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-12))
    return labels


def word_vectors(words: list[str]) -> tuple[list[str], np.ndarray]:
    """The VOCAB most frequent words (>= MIN_COUNT) and their unit vectors (PPMI of ±2 contexts, SVD)."""
    counts = Counter(words)
    vocab = [w for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= MIN_COUNT][:VOCAB]
    index = {w: i for i, w in enumerate(vocab)}
    ids = np.fromiter((index.get(w, -1) for w in words), dtype=np.int64, count=len(words))
    rows, cols = [], []
    for slot, shift in enumerate((-2, -1, 1, 2)):
        # context = the word ``shift`` places away from the target
        target, context = (ids[:-shift], ids[shift:]) if shift > 0 else (ids[-shift:], ids[:shift])
        keep = (target >= 0) & (context >= 0) & (context < CONTEXTS)
        rows.append(target[keep])
        cols.append(slot * CONTEXTS + context[keep])
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.csr_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), 4 * CONTEXTS))
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel()
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    v0 = np.random.default_rng(SEED).standard_normal(min(ppmi.shape))
    u, s, _ = svds(ppmi, k=DIMS, v0=v0)
    vec = u * np.sqrt(s)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)
    return vocab, vec


def build(news: Path = SAUDINEWSNET, anercorp: Path = ANERCORP) -> dict[str, tuple[str, ...]]:
    """word -> its classes at each level (FINE, COARSE, *EXTRA)."""
    words = corpus_words(news, anercorp)
    vocab, vec = word_vectors(words)
    fine = kmeans(vec, FINE, SEED)
    centres = np.zeros((FINE, DIMS))
    np.add.at(centres, fine, vec)
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    levels = [fine, kmeans(centres, COARSE, SEED)[fine], *(kmeans(vec, k, SEED) for k in EXTRA)]
    print(f"clusters: {len(words):,} words of text, {len(vocab):,} classed", flush=True)
    return {w: tuple(str(level[i]) for level in levels) for i, w in enumerate(vocab)}


def write(out: Path, classes: dict[str, tuple[str, ...]], profiles: dict[str, str]) -> None:
    """ner_clusters.txt: a line per word with classes or a profile ("-" for what it lacks)."""
    none = ("-",) * (2 + len(EXTRA))
    lines = ["\t".join((w, *classes.get(w, none), profiles.get(w, "-"))) + "\n"
             for w in sorted(classes.keys() | profiles.keys())]
    out.write_text(f"# word<TAB>k-means classes ({FINE} fine, {COARSE} coarse, {' '.join(map(str, EXTRA))})"
                   f"<TAB>context profile (a digit per {' '.join(PROFILE_TYPES)}); generated by tools/train_ner.py,"
                   " see README.md\n" + "".join(lines), encoding="utf-8")
    print(f"{len(classes):,} words classed, {len(profiles):,} profiled -> {out}", flush=True)
