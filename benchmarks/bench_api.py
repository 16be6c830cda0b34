"""API latency benchmark: a synthetic store of one million events, then p50/p95 of the main API calls.

    python benchmarks/bench_api.py [--events 1000000] [--requests 40] [--db PATH] [--keep]

The store is built in a temporary folder (or at --db, reused when it already holds enough events) with
realistic shapes: actors and countries from the shipped knowledge base with Zipf-like popularity, dates over
2012-2024 with bursts, PLOVER types and modes in news-like proportions, 1-5 reports per story, places from the
shipped gazetteer. Rows are written with sqlite3 directly (the schema's own migrations create the tables, so
the generated columns, indexes and triggers are the real ones; the rollup tables are then rebuilt from the rows). Requests go through FastAPI's TestClient, a
bounded number per route with varied parameters; each figure is wall time of one request in the process.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from marsad.store import open_store, rollups
from marsad.store.search import stems_of
from marsad.text.normalize import normalize_text

TYPES = {  # share of events; CONSULT dominates news as in GDELT/POLECAT counts
    "CONSULT": 0.38, "SUPPORT": 0.09, "AGREE": 0.07, "COOPERATE": 0.06, "ACCUSE": 0.07, "REQUEST": 0.05,
    "REJECT": 0.04, "AID": 0.03, "THREATEN": 0.04, "PROTEST": 0.05, "ASSAULT": 0.05, "COERCE": 0.03,
    "SANCTION": 0.02, "MOBILIZE": 0.01, "CONCEDE": 0.005, "RETREAT": 0.005,
}  # fmt: skip
MODES = {"CONSULT": ["visit", "host", "meet", "phone"], "PROTEST": ["demonstrate"], "ASSAULT": ["aerial"]}
STATUSES = (["reported"] * 85) + (["planned"] * 8) + (["negated"] * 4) + (["hypothetical"] * 3)
OUTLETS = ["ahram", "youm7", "alwasat", "spa", "wam", "sana", "aljazeera", "alarabiya", "asharq", "almasry"]
WORDS = (
    "استقبل التقى بحث الرئيس وزير الخارجية العلاقات الثنائية التعاون المنطقة الأوضاع اتصالا هاتفيا زيارة"
    " وفد رسمي اجتماع القمة الأمن الاستقرار الحكومة البرلمان المعارضة مظاهرات العاصمة بيان مشترك اتفاق"
).split()
START, DAYS = date(2012, 1, 1), 13 * 365
DOC_EVENTS = 4  # events per synthetic document


def _kb() -> tuple[list[dict], list[dict], dict[str, list[tuple]]]:
    data = resources.files("marsad.data")
    actors = [
        json.loads(line)
        for line in data.joinpath("kb/actors.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    countries = [c for c in json.loads(data.joinpath("countries.json").read_text()) if c["kind"] == "country"]
    places: dict[str, list[tuple]] = {}
    for line in data.joinpath("places.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        gid, name, name_ar, iso, lat, lon, _pop = line.split("\t")
        places.setdefault(iso, []).append((int(gid), name, name_ar.split("|")[0], iso, float(lat), float(lon)))
    return actors, countries, places


def _vocabulary() -> list[str]:
    """WORDS, then the words of actor names, then place names: the order is the words' Zipf rank."""
    actors, _countries, places = _kb()
    return list(dict.fromkeys(WORDS + [w for a in actors for w in a["name_ar"].split()]
                              + [p[2] for ps in places.values() for p in ps]))  # fmt: skip


def _actor_record(a: dict) -> dict:
    return {
        "text": a["name_ar"], "span": [0, 0], "id": a.get("id") or a.get("iso3"), "name": a["name"],
        "name_ar": a["name_ar"], "kind": a.get("kind", "country") if "id" in a else "country",
        "country": a.get("country") or a.get("iso3"), "sector": a.get("sector"), "role": None,
    }  # fmt: skip


def build_store(path: Path, n_events: int, seed: int = 7) -> None:
    """Write ``n_events`` synthetic events (in documents of DOC_EVENTS) into a new store at ``path``."""
    rng = random.Random(seed)
    actors, countries, places = _kb()
    pool = [_actor_record(a) for a in actors] + [_actor_record(c) for c in countries]
    # As the store writes it: normalised, lower-cased surface text | name | Arabic name.
    match = {a["id"]: "|".join(normalize_text(x).lower() for x in (a["text"], a["name"], a["name_ar"])) for a in pool}
    pool_cw = list(itertools.accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(pool))))  # Zipf-like popularity
    rng.shuffle(pool)
    types, type_cw = list(TYPES), list(itertools.accumulate(TYPES.values()))
    # A vocabulary of a few thousand Arabic words (place and actor names from the package data and common news
    # words), Zipf-distributed as words in news are, so that a search hits a realistic share of documents.
    vocab = _vocabulary()
    vocab_cw = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(vocab))))  # cumulative: O(log n) draws
    store = open_store(path)
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")  # 1 GB of page cache while loading
    # Secondary indexes are dropped for the load and rebuilt after it, as a bulk load should: the same
    # definitions the migrations created, read back from the schema.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('events', 'event_actors', 'documents')"
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("BEGIN")
    story_n, story_left, story = 0, 0, None
    t0 = time.perf_counter()
    for d in range(n_events // DOC_EVENTS):
        # Bursts: a third of the documents fall in a few crisis months.
        day = rng.randrange(DAYS) if rng.random() > 0.3 else rng.choice((400, 1500, 2900, 4200)) + rng.randrange(60)
        published = (START + timedelta(days=day)).isoformat()
        source = rng.choice(OUTLETS)
        text = " ".join(rng.choices(vocab, cum_weights=vocab_cw, k=60))
        norm = normalize_text(text)
        key = hashlib.sha256(f"{seed}:{d}".encode()).hexdigest()
        doc_id = f"{source}-{d}"
        doc = {"title": " ".join(rng.choices(WORDS, k=6)), "url": f"https://{source}.example/{d}",
               "source": source, "published": published}  # fmt: skip
        cur = conn.execute(
            "INSERT INTO documents (doc_key, doc_id, title, url, source, published, text, norm, annotation,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, doc_id, doc["title"], doc["url"], source, published, text, norm,
             json.dumps({"doc_id": doc_id, "events": [], "text": None}), published),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
            (cur.lastrowid, normalize_text(doc["title"]), norm, stems_of(normalize_text(doc["title"]) + " " + norm)),
        )
        for k in range(DOC_EVENTS):
            if story_left == 0:
                story_n += 1
                etype = rng.choices(types, cum_weights=type_cw)[0]
                src, tgt = rng.choices(pool, cum_weights=pool_cw, k=2)
                ev_day = max(0, day - rng.randrange(3))
                precision = rng.choices(["day", "month", "year"], [0.85, 0.12, 0.03])[0]
                iso = (START + timedelta(days=ev_day)).isoformat()
                when = {"day": iso, "month": iso[:7], "year": iso[:4]}[precision] if rng.random() > 0.1 else None
                place = rng.choice(places.get(src["country"] or "", [None])) if rng.random() < 0.5 else None
                story = {
                    "id": f"st-{story_n:08d}", "type": etype, "mode": rng.choice(MODES.get(etype, [None])),
                    "status": rng.choice(STATUSES), "source": src, "target": tgt if rng.random() > 0.15 else None,
                    "date": when, "precision": precision if when else None, "place": place,
                }  # fmt: skip
                story_left = rng.choice((1, 1, 1, 2, 2, 3, 5))
            story_left -= 1
            s = story
            place = s["place"]
            record = {
                "id": f"ev-{d:07d}-{k}", "doc_id": doc_id, "type": s["type"], "mode": s["mode"], "cameo": None,
                "status": s["status"], "source": s["source"], "target": s["target"], "participants": [],
                "date": s["date"], "date_precision": s["precision"], "date_text": None,
                "date_source": "text" if s["date"] else None,
                "location": None if place is None else {
                    "text": place[2], "span": [0, 0], "name": place[1], "name_ar": place[2], "country": place[3],
                    "lat": place[4], "lon": place[5], "geonameid": place[0]},
                "evidence": text[:120], "evidence_span": [0, 120], "trigger": text[:6], "trigger_span": [0, 6],
                "confidence": 0.8, "story_id": s["id"], "doc": doc,
            }  # fmt: skip
            src, tgt = s["source"], s["target"] or {}
            conn.execute(
                "INSERT INTO events (id, doc_key, story_id, type, mode, status, date, date_precision, date_key,"
                " source_id, source_country, target_id, target_country, record)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record["id"], key, s["id"], s["type"], s["mode"], s["status"], s["date"], s["precision"],
                 s["date"], src["id"], src["country"], tgt.get("id"), tgt.get("country"),
                 json.dumps(record, ensure_ascii=False, separators=(",", ":"))),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO event_actors (event_id, actor_id, name, match_text, role, country)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(record["id"], a["id"], a["name"], match[a["id"]], role, a["country"])
                 for role, a in (("source", src), ("target", s["target"])) if a],
            )  # fmt: skip
        if d % 20_000 == 0 and d:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            done = d * DOC_EVENTS
            print(f"  {done:,} events ({done / (time.perf_counter() - t0):,.0f}/s)", file=sys.stderr)
    conn.execute("COMMIT")
    t1 = time.perf_counter()
    for _name, sql in indexes:
        conn.execute(sql)
    print(f"  indexes rebuilt in {time.perf_counter() - t1:.0f} s", file=sys.stderr)
    # Rows written here bypass Store.add, which keeps the rollup tables: fill them from the rows, as migration
    # 0005_rollups does for an older store.
    t1 = time.perf_counter()
    conn.execute("BEGIN")
    rollups.rebuild(conn)
    conn.execute("COMMIT")
    print(f"  rollups built in {time.perf_counter() - t1:.0f} s", file=sys.stderr)
    conn.execute("ANALYZE")
    conn.close()


def _requests(
    rng: random.Random, n: int, top_actors: list[str], words: list[str]
) -> dict[str, list[tuple[str, dict]]]:
    """The routes measured, each with ``n`` varied parameter sets; ``words`` are searched for."""

    def period() -> dict[str, str]:
        y = rng.randrange(2012, 2025)
        m = rng.randrange(1, 13)
        # A chosen month or year, as the dashboard's period filter is used (an open-ended "since 2013" is, for
        # the aggregates, the whole store: see "timeline (all)" and "top actors (all)").
        return {"since": f"{y}-{m:02d}", "until": f"{y}-{m:02d}"} if rng.random() < 0.5 else {"since": str(y), "until": str(y)}

    types = list(TYPES)
    return {
        "events (newest page)": [("/api/events", {"limit": 50, "offset": rng.choice((0, 50, 100))}) for _ in range(n)],
        "events ?type&period": [("/api/events", {"type": rng.choice(types), **period(), "limit": 50}) for _ in range(n)],
        "events ?actor=id": [("/api/events", {"actor": rng.choice(top_actors), "limit": 50}) for _ in range(n)],
        "events ?actor=name": [("/api/events", {"actor": rng.choice(("السيسي", "أردوغان", "حفتر", "ترامب")),
                                                "limit": 50}) for _ in range(n)],
        "events ?country&type": [("/api/events", {"country": rng.choice(("EGY", "SAU", "TUR", "LBY", "IRN")),
                                                  "type": rng.choice(types), "limit": 50}) for _ in range(n)],
        "events ?q": [("/api/events", {"q": rng.choice(words),
                                       **period(), "limit": 50}) for _ in range(n)],
        "stories (newest page)": [("/api/stories", {"limit": 20}) for _ in range(n)],
        "stories ?actor&type": [("/api/stories", {"actor": rng.choice(top_actors), "type": "CONSULT", "limit": 20})
                                for _ in range(n)],
        "search ?q": [("/api/search", {"q": rng.choice(words)}) for _ in range(n)],
        "timeline (all)": [("/api/aggregates/timeline", {}) for _ in range(n)],
        "timeline ?period&type": [("/api/aggregates/timeline", {**period(), "type": rng.choice(types)})
                                  for _ in range(n)],
        "top actors ?period": [("/api/aggregates/actors", {**period(), "limit": 15}) for _ in range(n)],
        "top actors (all)": [("/api/aggregates/actors", {"limit": 15}) for _ in range(max(2, n // 5))],
        "network (all)": [("/api/aggregates/edges", {"limit": 60}) for _ in range(max(2, n // 5))],
        "network ?period": [("/api/aggregates/edges", {**period(), "limit": 60}) for _ in range(n)],
        "locations ?period": [("/api/aggregates/locations", period()) for _ in range(n)],
        "actor ?id": [(f"/api/actors/{rng.choice(top_actors)}", {}) for _ in range(n)],
    }  # fmt: skip


def measure(db: Path, n: int, seed: int = 11) -> dict[str, dict[str, float]]:
    from fastapi.testclient import TestClient

    from marsad.api.app import create_app

    conn = sqlite3.connect(db)
    top = [r[0] for r in conn.execute(
        "SELECT actor_id FROM event_actors WHERE actor_id IS NOT NULL GROUP BY actor_id"
        " ORDER BY count(*) DESC LIMIT 40")]  # fmt: skip
    conn.close()
    rng = random.Random(seed)
    # Words a reader would search for: a name or a place in 0.5-3% of the documents, not a stop word.
    vocab = _vocabulary()
    words = [w for w in vocab[300:1000] if len(w) >= 4][:60]
    results: dict[str, dict[str, float]] = {}
    with TestClient(create_app(str(db))) as client:
        client.get("/api/counts")  # open the connection, warm the page cache once
        for name, calls in _requests(rng, n, top, words).items():
            times = []
            for path, params in calls:
                t = time.perf_counter()
                resp = client.get(path, params=params)
                times.append((time.perf_counter() - t) * 1000)
                if resp.status_code != 200:
                    raise SystemExit(f"{path} {params}: HTTP {resp.status_code} {resp.text[:200]}")
            times.sort()
            results[name] = {
                "p50_ms": statistics.median(times),
                "p95_ms": times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))],
                "max_ms": times[-1],
            }
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=40, help="requests per route")
    ap.add_argument("--db", type=Path, help="store to build or reuse (default: a temporary folder)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        have = 0
        if db.exists():
            with sqlite3.connect(db) as c:
                have = c.execute("SELECT count(*) FROM events").fetchone()[0]
        if have < args.events:
            if db.exists():
                raise SystemExit(f"{db} holds {have} events, fewer than --events: remove it first")
            t = time.perf_counter()
            build_store(db, args.events)
            print(f"built {db}: {args.events:,} events in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        results = measure(db, args.requests)
    worst = max(r["p95_ms"] for r in results.values())
    print(f"{'route':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, r in results.items():
        print(f"{name:28} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f}")
    print(f"worst p95: {worst:.1f} ms over {args.requests} requests per route, {args.events:,} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
