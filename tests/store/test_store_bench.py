"""A small store benchmark: 2,000 synthetic articles in, filtered queries out; prints the times.

Bounds are loose (about 10x what this machine measures) so that the check catches a lost index or a per-row
commit, not a slow CI runner.
"""

from __future__ import annotations

import random
import time

import pytest
from sample_articles import actor, add_event, make_article

from marsad.model import TimeExpr
from marsad.store import open_store

N_ARTICLES = 2000
TYPES = ("CONSULT", "AGREE", "PROTEST", "ACCUSE", "THREATEN", "ASSAULT")
COUNTRIES = (("مصر", "EGY"), ("الأردن", "JOR"), ("السعودية", "SAU"), ("قطر", "QAT"), ("المغرب", "MAR"))
OUTLETS = ("ahram", "youm7", "alarabiya", "aljazeera", "hespress")


def synthetic_articles(n: int, seed: int = 7):
    rng = random.Random(seed)
    for i in range(n):
        (src_ar, src), (tgt_ar, tgt) = rng.sample(COUNTRIES, 2)
        etype = rng.choice(TYPES)
        day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        filler = " ".join(
            rng.choice(("قال", "مصدر", "الحكومة", "اليوم", "الوزير", "الأمم", "المتحدة")) for _ in range(60)
        )
        text = f"أعلنت {src_ar} أنها بحثت مع {tgt_ar} ملفات المنطقة في لقاء رقم {i}. {filler}"
        art = make_article(f"syn-{i}", text, source=rng.choice(OUTLETS), published=day, title=f"خبر {i}")
        add_event(
            art,
            etype,
            "بحثت",
            source=actor(text, src_ar, "country", id=src, country=src, sector="GOV"),
            target=actor(text, tgt_ar, "country", id=tgt, country=tgt, sector="GOV"),
            date=TimeExpr("", (0, 0), day, "day", "publication"),
            date_source="publication",
            story_id=f"st-{i % 700}",
        )
        yield art


@pytest.mark.slow
def test_store_benchmark_2000_articles(tmp_path):
    with open_store(str(tmp_path / "bench.db")) as store:
        t = time.perf_counter()
        added, skipped = store.add_many(synthetic_articles(N_ARTICLES))
        add_s = time.perf_counter() - t
        assert (added, skipped) == (N_ARTICLES, 0)
        t = time.perf_counter()
        assert store.add_many(synthetic_articles(N_ARTICLES)) == (0, N_ARTICLES)
        readd_s = time.perf_counter() - t

        timings = {}
        queries = {
            "all": {},
            "type": {"type": "PROTEST"},
            "country+since": {"country": "JOR", "since": "2020-01", "until": "2021-12"},
            "actor text": {"actor": "السعوديه"},
            "q": {"q": "الأمم المتحدة"},
            "q+type+offset": {"q": "لقاء", "type": "CONSULT", "offset": 100},
        }
        for name, flt in queries.items():
            t = time.perf_counter()
            total, items = store.events(**flt, limit=100)
            timings[name] = time.perf_counter() - t
            assert total > 0 and items
        t = time.perf_counter()
        stories_total, stories = store.stories(country="EGY", limit=50)
        timings["stories"] = time.perf_counter() - t
        t = time.perf_counter()
        hits = store.search("الأمم", limit=20)
        timings["search"] = time.perf_counter() - t
        assert stories_total > 0 and stories and hits

    print(
        f"\nstore benchmark: add {N_ARTICLES} articles {add_s:.2f}s ({N_ARTICLES / add_s:.0f}/s), "
        f"re-add (all skipped) {readd_s:.2f}s"
    )
    for name, secs in timings.items():
        print(f"  {name}: {secs * 1000:.1f} ms")
    assert add_s < 30
    assert max(timings.values()) < 2.0
