"""Evaluation gate of the statistical name tagger: the SHIPPED model (marsad/data/ner.crfsuite) scored on the
ANERcorp test split (../shared/data/anercorp/split_test.txt), entity level, exact span and type (conlleval)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from marsad.entities.ner import NameTagger, format_scores, read_conll, score_chunks

TEST_SPLIT = Path(__file__).resolve().parents[2] / "../shared/data/anercorp/split_test.txt"

# F1 floors, a little below what the shipped model scored: the 2026-11-23 training (c1=0.05, c2=0.1, the best dev
# F1 of train_ner.GRID, trained on train+dev: `tools/train_ner.py --keep-clusters --c1 0.05 --c2 0.1`) measured
# ALL 0.853, PERS 0.839, LOC 0.907, ORG 0.805, MISC 0.762 (P 0.880, R 0.827).
FLOORS = {"ALL": 0.845, "PERS": 0.83, "LOC": 0.895, "ORG": 0.79, "MISC": 0.745}
# Tokens per second of tag_tokens (features + CRF); measured far above this, the floor catches a regression
# that would make the tagger dominate the pipeline.
MIN_TOKENS_PER_S = 5_000


@pytest.mark.skipif(not TEST_SPLIT.exists(), reason="needs ../shared/data/anercorp")
def test_ner_on_anercorp_test_split() -> None:
    sentences = read_conll(TEST_SPLIT)
    tagger = NameTagger.load()
    t0 = time.perf_counter()
    predicted = [tagger.tag_tokens(words) for words, _ in sentences]
    elapsed = time.perf_counter() - t0
    scores = score_chunks((tags, pred) for (_, tags), pred in zip(sentences, predicted, strict=True))
    tokens = sum(len(words) for words, _ in sentences)
    print(f"\nNER on ANERcorp split_test.txt ({len(sentences)} sentences, {tokens} tokens; "
          f"{tokens / elapsed:,.0f} tokens/s):")
    print(format_scores(scores))
    assert scores["ALL"].gold > 1_500  # the whole split was read
    for typ, floor in FLOORS.items():
        assert scores[typ].f1 >= floor, f"{typ} F1 {scores[typ].f1:.3f} < {floor}"
    assert tokens / elapsed >= MIN_TOKENS_PER_S
