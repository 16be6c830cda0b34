"""The cleaner on real, mostly clean articles (SaudiNewsNet): it must keep article lines and stay fast."""

from __future__ import annotations

import json
import time
import zipfile

import pytest

from marsad.errors import InputError
from marsad.model import RawDocument

from .helpers import SHARED

ZIP = SHARED / "saudinewsnet" / "2015-07-22.zip"
SAMPLE = 300
# On all 31,030 SaudiNewsNet articles the cleaner removes 0.26% of the non-empty lines, nearly all of them "***"
# separators, "(تصوير: ...)" credits and header date lines; on this sample of 300 it removes 0-1 lines.
MAX_REMOVED_FRACTION = 0.01
# Measured 7,000-7,800 articles/s (3,368 articles, one core) on the development machine;
# the floor leaves room for slow CI machines.
MIN_ARTICLES_PER_SECOND = 800


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    if not ZIP.exists():
        pytest.skip("../shared/data/saudinewsnet is not available")
    with zipfile.ZipFile(ZIP) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".json"))
        records = json.loads(archive.read(name).decode("utf-8"))
    return [r for r in records if r["content"].strip()][:SAMPLE]


def _raw(i: int, record: dict) -> RawDocument:
    return RawDocument(
        str(i),
        record["content"],
        f"2015-07-22.json:{i}",
        "text",
        record["url"],
        record["source"],
        None,
        record["title"],
    )


def test_real_articles_keep_their_lines(cleaner, articles):
    total = removed = 0
    for i, record in enumerate(articles):
        cleaned = cleaner.clean_lines(record["content"], record["title"])
        total += len(cleaned.decisions)
        removed += len(cleaned.removed)
        for line in cleaned.removed:
            assert len(line) <= cleaner.rules.max_rule_chars, line  # a long paragraph is never boilerplate
        article = cleaner(_raw(i, record))
        assert article.text.startswith(" ".join(record["title"].split()))
    assert total > 500
    assert removed / total <= MAX_REMOVED_FRACTION


def test_throughput_on_real_articles(cleaner, articles):
    raws = [_raw(i, r) for i, r in enumerate(articles)]
    start = time.perf_counter()
    for _ in range(3):
        for raw in raws:
            try:
                cleaner(raw)
            except InputError:
                pass  # titles with empty bodies are legitimately rejected
    rate = 3 * len(raws) / (time.perf_counter() - start)
    assert rate >= MIN_ARTICLES_PER_SECOND
