"""Resolver speed on real articles (SaudiNewsNet, 500 articles): it must stay a small share of the pipeline."""

from __future__ import annotations

import glob
import json
import time
import zipfile
from pathlib import Path

import pytest

from marsad.dates import DateResolver, parse_date
from marsad.model import Article
from marsad.text.normalize import normalize

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "saudinewsnet"
N_ARTICLES = 500
# Measured at about 0.15 ms per article (1,900 characters on average) on the development machine; the bound
# leaves room for slow CI runners while still failing on an accidental quadratic path or a per-call compile.
MAX_MS_PER_ARTICLE = 2.0


def load_articles() -> list[Article]:
    zips = sorted(glob.glob(str(DATA / "*.zip")))
    if not zips:
        pytest.skip(f"SaudiNewsNet not found in {DATA}")
    articles: list[Article] = []
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for n, rec in enumerate(json.loads(z.read(name))):
                    if not rec.get("content"):
                        continue
                    norm, offsets = normalize(rec["content"])
                    articles.append(Article(doc_id=f"{name}:{n}", text=rec["content"], origin=f"{path}:{n}",
                                            content_hash="", published=parse_date(rec["date_extracted"]),
                                            norm=norm, norm_offsets=offsets))
                    if len(articles) == N_ARTICLES:
                        return articles
    return articles


@pytest.mark.slow
def test_resolver_throughput_on_saudinewsnet() -> None:
    articles = load_articles()
    resolver = DateResolver()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for article in articles:
            resolver(article)
        best = min(best, time.perf_counter() - start)
    ms = best / len(articles) * 1000
    found = sum(len(a.timexes) for a in articles)
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"\ndates: {ms:.3f} ms/article ({chars:.0f} chars), {len(articles) / best:.0f} articles/s, {found} timexes")
    assert found > len(articles)  # news text is full of dates: a silent matcher would be fast too
    for article in articles:
        for t in article.timexes:
            assert article.text[t.span[0]:t.span[1]] == t.text
    assert ms < MAX_MS_PER_ARTICLE
