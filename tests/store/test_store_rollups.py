"""The rollup tables (marsad.store.rollups) give the same numbers as the detailed queries they stand in for.

A small store is built with what makes distinct counts hard: stories reported over several articles with
different dates (day, month, year, week, undated) and types, an actor in two roles of one event, self-pairs and
events with no target. Every aggregate is computed twice, through the rollups and through the detailed SQL (the
rollup readers patched to decline), and must agree; so must the incrementally kept tables and a rebuild.
"""

from __future__ import annotations

import random
import sqlite3

import pytest
from sample_articles import actor, add_event, make_article

from marsad.model import TimeExpr
from marsad.store import Store, open_store, queries, rollups
from marsad.store import aggregates as agg
from marsad.store.queries import EventFilter, actor_summary, query_stories

ACTORS = [  # (Arabic text in the article, id, country)
    ("مصر", "EGY", "EGY"), ("الأردن", "JOR", "JOR"), ("السعودية", "SAU", "SAU"), ("قطر", "QAT", "QAT"),
    ("السيسي", "Q_SISI", "EGY"), ("غوتيريش", "Q_GUTERRES", None),
]  # fmt: skip
TYPES = ("CONSULT", "AGREE", "ACCUSE", "PROTEST")
MODES = {"CONSULT": ("visit", "phone", None), "PROTEST": ("demonstrate",)}


def _date(rng: random.Random) -> TimeExpr | None:
    y, m, d = rng.choice((2016, 2017)), rng.randint(1, 4), rng.randint(1, 28)
    kind = rng.choice(("day", "day", "day", "month", "year", "week", None))
    if kind is None:
        return None
    value = {"day": f"{y}-{m:02d}-{d:02d}", "month": f"{y}-{m:02d}", "year": str(y), "week": f"{y}-W{m * 4:02d}"}
    return TimeExpr("", (0, 0), value[kind], kind, "text")


PLACES = [  # (Arabic, name, lat, lon, geonameid): one without a geonameid, grouped by its name
    ("القاهرة", "Cairo", 30.06, 31.25, 360630), ("عمان", "Amman", 31.95, 35.93, 250441),
    ("الرياض", "Riyadh", 24.69, 46.72, 108410), ("الدوحة", "Doha", 25.29, 51.53, None),
]  # fmt: skip


def _place(rng: random.Random, text: str):
    if rng.random() < 0.3:
        return None
    ar, name, lat, lon, gid = rng.choice(PLACES)
    return actor(text, ar, "place", name=name, name_ar=ar, country=None, lat=lat, lon=lon, geonameid=gid)


def articles(n: int, seed: int, start: int = 0):
    rng = random.Random(seed)
    places = random.Random(seed + 100)  # its own draws: the other data stay as they were
    names = " و".join(a[0] for a in ACTORS)
    where = " و".join(p[0] for p in PLACES)
    for i in range(start, start + n):
        text = f"خبر رقم {i}: بحثت {names} ملفات المنطقة في {where}."
        art = make_article(f"r-{i}", text, source=rng.choice(("ahram", "spa")), published="2017-05-01")
        for _ in range(rng.randint(1, 3)):
            (s_ar, s_id, s_c), (t_ar, t_id, t_c) = rng.choice(ACTORS), rng.choice(ACTORS)  # may be equal
            src = actor(text, s_ar, "country", id=s_id, country=s_c, name=s_ar)
            tgt = actor(text, t_ar, "country", id=t_id, country=t_c, name=t_ar) if rng.random() > 0.2 else None
            # Sometimes the source again as a participant: one event, two roles, counted once.
            parts = [actor(text, s_ar, "country", id=s_id, country=s_c, name=s_ar)] if rng.random() < 0.2 else []
            etype = rng.choice(TYPES)
            when = _date(rng)
            add_event(
                art, etype, "بحثت", source=src, target=tgt, participants=parts, date=when,
                date_source="text" if when else None, mode=rng.choice(MODES.get(etype, (None,))),
                status=rng.choice(("reported", "reported", "planned")), story_id=f"st-{rng.randrange(25)}",
                location=_place(places, text),
            )  # fmt: skip
        yield art


FILTERS = [
    {},
    {"since": "2016", "until": "2016"},
    {"since": "2017-02", "until": "2017-02"},
    {"since": "2016-03", "until": "2016-03"},
    {"since": "2016-03"},
    {"until": "2016-02"},
    {"since": "2016-02", "until": "2017-01"},
    {"since": "2016-03-05", "until": "2016-03-05"},
    {"type": "CONSULT"},
    {"type": "CONSULT", "since": "2016", "until": "2016"},
    {"mode": "visit", "until": "2017"},
    {"status": "planned"},
    {"country": "EGY"},
    {"actor": "Q_SISI", "since": "2016", "until": "2016"},
]


# Story lists answered by actor_stories: an id as ``actor`` (no spelling contains it) or ``actor_id``, with or
# without a type; and an unknown id.
STORY_FILTERS = [
    {"actor": "Q_SISI", "type": "CONSULT"},
    {"actor": "Q_GUTERRES", "type": "accuse"},
    {"actor_id": "EGY", "type": "PROTEST"},
    {"actor_id": "JOR"},
    {"actor": "Q_SISI"},
    {"actor": "Q_NOBODY", "type": "AGREE"},
    {"actor": "السيس", "type": "CONSULT"},  # a spelling: the detailed query both times
]


def _detailed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("timeline_rows", "top_actor_rows", "pair_rows", "place_rows", "country_rows"):
        monkeypatch.setattr(rollups, name, lambda *a, **k: None)
    monkeypatch.setattr(queries, "_exact_actor", lambda *a, **k: None)


def _answers(conn: sqlite3.Connection) -> list:
    out = []
    for f in FILTERS:
        flt = EventFilter(**f)
        out.append(
            (f, agg.timeline(conn, flt), agg.timeline(conn, flt, "day"), agg.top_actors(conn, flt, 50),
             agg.edges(conn, flt, 100), agg.locations(conn, flt), agg.locations(conn, flt, 3))  # fmt: skip
        )
    for f in STORY_FILTERS:
        flt = EventFilter(**f)
        out.append((f, *(query_stories(conn, flt, lim, off) for lim, off in ((5, 0), (4, 3), (100, 0)))))
    return out


def _detailed_actor_counts(conn: sqlite3.Connection, actor_id: str) -> tuple:
    return conn.execute(
        "SELECT count(DISTINCT a.event_id), count(DISTINCT e.story_id),"
        " count(DISTINCT CASE WHEN a.role = 'source' THEN a.event_id END),"
        " count(DISTINCT CASE WHEN a.role = 'target' THEN a.event_id END)"
        " FROM event_actors a JOIN events e ON e.id = a.event_id WHERE a.actor_id = ?",
        (actor_id,),
    ).fetchone()


def _tables(conn: sqlite3.Connection) -> dict[str, list]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4").fetchall() for t in rollups.TABLES}


def _check_equal(store: Store, monkeypatch: pytest.MonkeyPatch) -> list:
    conn = store.connection
    fast = _answers(conn)
    for _id, aid, _c in ACTORS:
        assert rollups.actor_counts(conn, aid) == _detailed_actor_counts(conn, aid), aid
    with monkeypatch.context() as m:
        _detailed(m)
        slow = _answers(conn)
    for (f, *got), (_f, *want) in zip(fast, slow, strict=True):
        assert got == want, f
    return fast


@pytest.fixture
def rolled(db_path: str):
    with open_store(db_path) as store:
        store.add_many(articles(120, seed=3))
        yield store


def test_rollups_equal_detailed_queries(rolled: Store, monkeypatch: pytest.MonkeyPatch):
    answers = _check_equal(rolled, monkeypatch)
    conn = rolled.connection
    # The data exercise what they should: stories over several buckets, year-only dates, non-trivial counts.
    assert conn.execute("SELECT count(*) FROM events WHERE length(date_key) = 4").fetchone()[0] > 5
    assert conn.execute("SELECT count(*) FROM events WHERE date_key IS NULL").fetchone()[0] > 5
    spread = conn.execute(
        "SELECT count(*) FROM (SELECT story_id FROM events GROUP BY story_id HAVING count(DISTINCT date_key) > 1)"
    ).fetchone()[0]
    assert spread > 5
    top_all = answers[0][3]
    assert all(a["events"] >= a["stories"] > 0 for a in top_all) and top_all[0]["events"] > 30
    assert answers[0][4]["edges"] and answers[1][4]["edges"]
    # The single-bucket filters really are answered by the rollups (else this test compares a query to itself).
    for f in ({}, {"since": "2016", "until": "2016"}, {"since": "2016-03", "until": "2016-03"}):
        assert rollups.top_actor_rows(conn, EventFilter(**f), 5)
        assert rollups.pair_rows(conn, EventFilter(**f), 5)
    assert rollups.timeline_rows(conn, EventFilter(type="CONSULT", until="2016-02"))
    assert rollups.top_actor_rows(conn, EventFilter(type="CONSULT"), 5) is None
    assert rollups.timeline_rows(conn, EventFilter(country="EGY")) is None
    assert rollups.place_rows(conn, EventFilter(since="2016", until="2016"), 5)
    assert rollups.country_rows(conn, EventFilter())
    assert rollups.place_rows(conn, EventFilter(type="CONSULT"), 5) is None
    # Maps with places over several buckets and stories reported at one place several times.
    assert answers[0][5]["places"] and any(p["events"] > p["stories"] for p in answers[0][5]["places"])
    assert len(answers[0][6]["places"]) == 3 and answers[0][5]["countries"]
    # Story lists: the fast path is taken for ids, not for a part of a spelling, and its pages are non-trivial.
    assert queries._exact_actor(conn, EventFilter(actor="Q_SISI", type="CONSULT")) == "Q_SISI"
    assert queries._exact_actor(conn, EventFilter(actor="السيس")) is None
    assert queries._exact_actor(conn, EventFilter(actor_id="EGY", since="2016")) is None
    stories = {str(a[0]): a for a in answers if a[0] in STORY_FILTERS}
    total, page = stories[str({"actor_id": "JOR"})][1]
    assert total > 5 and len(page) == 5 and stories[str({"actor": "Q_NOBODY", "type": "AGREE"})][1] == (0, [])


def test_rollups_kept_on_write_equal_a_rebuild(rolled: Store):
    conn = rolled.connection
    kept = _tables(conn)
    conn.execute("BEGIN")
    rollups.rebuild(conn)
    conn.execute("COMMIT")
    assert _tables(conn) == kept


def test_ingesting_more_documents_updates_rollups(rolled: Store, monkeypatch: pytest.MonkeyPatch):
    conn = rolled.connection
    before = agg.top_actors(conn, EventFilter(), 50)
    summary_before = actor_summary(conn, "EGY")
    added, _ = rolled.add_many(articles(60, seed=4, start=1000))
    assert added == 60
    after = _check_equal(rolled, monkeypatch)[0]
    assert sum(a["events"] for a in after[3]) > sum(a["events"] for a in before)
    summary_after = actor_summary(conn, "EGY")
    assert summary_after["events_count"] > summary_before["events_count"]
    assert (summary_after["events_count"], summary_after["stories_count"], summary_after["as_source"],
            summary_after["as_target"]) == _detailed_actor_counts(conn, "EGY")  # fmt: skip
    # Re-adding the same documents changes nothing.
    kept = _tables(conn)
    assert rolled.add_many(articles(60, seed=4, start=1000)) == (0, 60)
    assert _tables(conn) == kept


def test_migration_backfills_rollups_of_an_older_store(db_path: str, monkeypatch: pytest.MonkeyPatch):
    with open_store(db_path) as store:
        store.add_many(articles(80, seed=5))
        kept = _tables(store.connection)
    # Make it a store from before 0005_rollups: no rollup tables, the migrations not recorded.
    conn = sqlite3.connect(db_path, isolation_level=None)
    for table in rollups.TABLES:
        conn.execute(f"DROP TABLE {table}")
    conn.execute("CREATE INDEX events_doc_key ON events(doc_key)")
    conn.execute("DROP INDEX events_doc")
    conn.execute("DELETE FROM migrations WHERE name IN ('0005_rollups', '0006_fast_paths')")
    conn.close()
    with open_store(db_path) as store:
        assert store.applied_migrations == ["0005_rollups", "0006_fast_paths"]
        assert _tables(store.connection) == kept
        _check_equal(store, monkeypatch)


def test_actor_summary_reads_latest_records(rolled: Store):
    conn = rolled.connection
    summary = actor_summary(conn, "Q_SISI")
    assert summary["name"] == "السيسي" and summary["country"] == "EGY"
    assert summary["events_count"] == _detailed_actor_counts(conn, "Q_SISI")[0]
    assert actor_summary(conn, "NOBODY") is None


def test_text_query_in_one_pass_equals_count_and_page(rolled: Store, monkeypatch: pytest.MonkeyPatch):
    conn = rolled.connection
    cases = [
        ({"q": "بحثت"}, 10, 0), ({"q": "بحثت", "since": "2016", "until": "2016"}, 7, 3),
        ({"q": "17"}, 50, 0), ({"q": "المنطقة", "type": "CONSULT", "until": "2016-03"}, 5, 4),
        ({"q": "خبر", "since": "2017-02", "until": "2017-02"}, 100, 0), ({"q": "غائبة"}, 10, 0),
    ]  # fmt: skip
    taken = []
    one_pass = queries._query_events_by_text
    monkeypatch.setattr(queries, "_query_events_by_text", lambda *a: taken.append(1) or one_pass(*a))
    fast = [queries.query_events(conn, EventFilter(**f), n, off) for f, n, off in cases]
    assert len(taken) == len(cases)
    monkeypatch.setattr(queries, "MAX_TEXT_DOCS", -1)
    slow = [queries.query_events(conn, EventFilter(**f), n, off) for f, n, off in cases]
    assert len(taken) == len(cases)  # the second time, the detailed count and page
    assert fast == slow
    # Non-trivial: full pages with ties in sort_key (one publication date), a small match, and none.
    assert fast[0][0] > 100 and len(fast[0][1]) == 10 and 0 < fast[2][0] < 20 and fast[5] == (0, [])
    assert len({e["doc"]["published"] for e in fast[0][1]}) == 1


def test_timeline_cache_is_dropped_on_write(tmp_path):
    """The cached overview chart is recomputed as soon as the store changes."""
    from sample_articles import sample_articles

    from marsad.store import open_store
    from marsad.store.aggregates import compute_timeline, timeline
    from marsad.store.queries import EventFilter

    arts = sample_articles()
    with open_store(str(tmp_path / "c.db")) as store:
        store.add(arts[0])
        conn = store.connection
        first = timeline(conn, EventFilter())
        assert first == compute_timeline(conn, EventFilter())
        assert timeline(conn, EventFilter()) == first  # served from the cache
        for art in arts[1:]:
            store.add(art)
        after = timeline(conn, EventFilter())
        assert after == compute_timeline(conn, EventFilter())
        assert sum(b["total"] for b in after["buckets"]) > sum(b["total"] for b in first["buckets"])
