"""Rollup tables: counts the dashboard's aggregates read instead of scanning a million events.

Kept on write by Store (``add_event``, in the same transaction as the event) and rebuilt from the detailed rows
by ``rebuild`` (migration 0005_rollups, bulk loads). The detailed queries in marsad.store.aggregates stay the
definition: a rollup answers only the filters it can answer exactly, and ``*_from_rollup`` returns None
otherwise so the caller falls back to the detailed query.

- ``rollup_timeline``: events per (date_key, type, mode, status); '' stands for NULL (a WITHOUT ROWID key
  cannot be NULL). Answers the timeline for any date range with type, mode and status filters.
- ``rollup_actors``: per period bucket and knowledge-base actor, distinct events and stories, and events as
  source and as target.
- ``rollup_dyads`` / ``rollup_pairs``: per period bucket and directed actor pair (and type), distinct stories
  and events; the pairs table is indexed by weight, so the network's heaviest pairs are read, not sorted.
- ``rollup_places`` (0006): per period bucket and place (lat, lon, place_key as the map groups them), events,
  distinct stories and the newest event's rowid (whose record names the place); ``rollup_countries`` (0006):
  per bucket and country, events with it as source country and as target country.
- ``actor_stories`` (0006): one row per (knowledge-base actor, event type or ``*``, story) with the story's
  newest sort_key among those events, indexed so that a story list filtered on an actor id (and a type) is
  read in page order: its total is a count of index entries, its page the first rows.

A period bucket is ``*`` (all events) or a year or a month. An event is in the buckets its date_key matches
under the event filters' prefix rule (marsad.store.queries.EventFilter): "2016-03-05" is in 2016 and 2016-03;
a year-precise "2016" is in 2016 and in each month of 2016, as a filter on March 2016 matches it. A filter
whose since and until name the same year or month is therefore answered by one bucket, exactly: distinct
story counts are kept per bucket (a story is counted again only in a bucket none of its earlier reports
reached), so they are never summed across buckets.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # queries imports this module (actor summaries)
    from marsad.store.queries import EventFilter

ALL = "*"  # the bucket of every event, dated or not
_BUCKET_RE = re.compile(r"^\d{4}(-\d{2})?$")

SCHEMA = (
    """
    CREATE TABLE rollup_timeline (
        date_key TEXT NOT NULL, type TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (date_key, type, mode, status)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE rollup_actors (
        bucket TEXT NOT NULL, actor_id TEXT NOT NULL,
        events INTEGER NOT NULL, stories INTEGER NOT NULL, as_source INTEGER NOT NULL, as_target INTEGER NOT NULL,
        PRIMARY KEY (bucket, actor_id)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE rollup_dyads (
        bucket TEXT NOT NULL, source_id TEXT NOT NULL, target_id TEXT NOT NULL, type TEXT NOT NULL,
        stories INTEGER NOT NULL, events INTEGER NOT NULL,
        PRIMARY KEY (bucket, source_id, target_id, type)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE rollup_pairs (
        bucket TEXT NOT NULL, source_id TEXT NOT NULL, target_id TEXT NOT NULL,
        stories INTEGER NOT NULL, events INTEGER NOT NULL,
        PRIMARY KEY (bucket, source_id, target_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX rollup_pairs_rank ON rollup_pairs(bucket, stories DESC, events DESC, source_id, target_id)",
)
TABLES_0005 = ("rollup_timeline", "rollup_actors", "rollup_dyads", "rollup_pairs")
# Key columns of a WITHOUT ROWID table cannot be NULL: a missing lon is '' (text never equals a REAL) and a
# missing place_key an empty blob (place_key is TEXT or NULL); the readers turn both back into NULL.
SCHEMA_0006 = (
    """
    CREATE TABLE rollup_places (
        bucket TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, place_key TEXT NOT NULL,
        events INTEGER NOT NULL, stories INTEGER NOT NULL, last_rowid INTEGER NOT NULL,
        PRIMARY KEY (bucket, lat, lon, place_key)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE rollup_countries (
        bucket TEXT NOT NULL, country TEXT NOT NULL, as_source INTEGER NOT NULL, as_target INTEGER NOT NULL,
        PRIMARY KEY (bucket, country)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE actor_stories (
        actor_id TEXT NOT NULL, type TEXT NOT NULL, story_id TEXT NOT NULL, newest TEXT NOT NULL,
        PRIMARY KEY (actor_id, type, story_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX actor_stories_newest ON actor_stories(actor_id, type, newest DESC, story_id)",
)
TABLES_0006 = ("rollup_places", "rollup_countries", "actor_stories")
TABLES = TABLES_0005 + TABLES_0006
ANY_TYPE = "*"  # the actor_stories rows of every type


def buckets(date_key: str | None) -> list[str]:
    """The period buckets an event with this date_key belongs to."""
    if not date_key:
        return [ALL]
    year = date_key[:4]
    if len(date_key) >= 7:
        return [ALL, year, date_key[:7]]
    return [ALL, year, *(f"{year}-{m:02d}" for m in range(1, 13))]


def filter_bucket(flt: EventFilter) -> str | None:
    """The one bucket holding exactly the events ``flt`` matches, or None when no bucket does."""
    if any((flt.actor, flt.actor_id, flt.type, flt.country, flt.status, flt.q, flt.mode, flt.source)):
        return None
    if not flt.since and not flt.until:
        return ALL
    if flt.since == flt.until and _BUCKET_RE.match(flt.since):
        return flt.since
    return None


# -- writes --------------------------------------------------------------------------------------------------
_UPSERT_TIMELINE = (
    "INSERT INTO rollup_timeline VALUES (?, ?, ?, ?, 1)"
    " ON CONFLICT DO UPDATE SET events = events + 1"
)
_UPSERT_ACTOR = (
    "INSERT INTO rollup_actors VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT DO UPDATE SET events = events + 1,"
    " stories = stories + excluded.stories, as_source = as_source + excluded.as_source,"
    " as_target = as_target + excluded.as_target"
)
_UPSERT_DYAD = (
    "INSERT INTO rollup_dyads VALUES (?, ?, ?, ?, ?, 1)"
    " ON CONFLICT DO UPDATE SET stories = stories + excluded.stories, events = events + 1"
)
_UPSERT_PLACE = (
    "INSERT INTO rollup_places VALUES (?, ?, COALESCE(?, ''), COALESCE(?, x''), 1, ?, ?)"
    " ON CONFLICT DO UPDATE SET events = events + 1, stories = stories + excluded.stories,"
    " last_rowid = max(last_rowid, excluded.last_rowid)"
)
_UPSERT_COUNTRY = (
    "INSERT INTO rollup_countries VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
    " as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target"
)
_UPSERT_ACTOR_STORY = (
    "INSERT INTO actor_stories VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET newest = max(newest, excluded.newest)"
)
_UPSERT_PAIR = (
    "INSERT INTO rollup_pairs VALUES (?, ?, ?, ?, 1)"
    " ON CONFLICT DO UPDATE SET stories = stories + excluded.stories, events = events + 1"
)


@dataclass(frozen=True)
class _Peer:
    buckets: frozenset[str]
    type: str
    source_id: str | None
    target_id: str | None
    actors: frozenset[str]
    place: tuple | None  # (lat, lon, place_key) where lat is known


def _peers(conn: sqlite3.Connection, story_id: str, event_id: str) -> list[_Peer]:
    """The story's other stored events: what decides whether this event is the story's first in a bucket."""
    rows: dict[str, list] = {}
    for eid, dk, etype, src, tgt, lat, lon, pk, aid in conn.execute(
        "SELECT e.id, e.date_key, e.type, e.source_id, e.target_id, e.lat, e.lon, e.place_key, a.actor_id"
        " FROM events e LEFT JOIN event_actors a ON a.event_id = e.id AND a.actor_id IS NOT NULL"
        " WHERE e.story_id = ? AND e.id != ?",
        (story_id, event_id),
    ):
        place = None if lat is None else (lat, lon, pk)
        row = rows.setdefault(eid, [dk, etype, src, tgt, set(), place])
        if aid is not None:
            row[4].add(aid)
    return [_Peer(frozenset(buckets(dk)), t, s, g, frozenset(a), p) for dk, t, s, g, a, p in rows.values()]


def add_event(conn: sqlite3.Connection, event_id: str) -> None:
    """Count one stored event (its row and its event_actors rows written) into every rollup."""
    row = conn.execute(
        "SELECT story_id, type, mode, status, date_key, source_id, target_id, source_country, target_country,"
        " lat, lon, place_key, COALESCE(sort_key, ''), rowid FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    story_id, etype, mode, status, dk, src, tgt, src_c, tgt_c, lat, lon, pk, sort_key, rowid = row
    conn.execute(_UPSERT_TIMELINE, (dk or "", etype, mode or "", status))
    mine = buckets(dk)
    if src_c is not None or tgt_c is not None:
        counts = [(c, s, t) for c, s, t in ((src_c, 1, 0), (tgt_c, 0, 1)) if c is not None]
        conn.executemany(_UPSERT_COUNTRY, [(b, c, s, t) for b in mine for c, s, t in counts])
    actors = {
        aid
        for (aid,) in conn.execute(
            "SELECT actor_id FROM event_actors WHERE event_id = ? AND actor_id IS NOT NULL", (event_id,)
        )
    }
    conn.executemany(
        _UPSERT_ACTOR_STORY, [(aid, t, story_id, sort_key) for aid in actors for t in (etype, ANY_TYPE)]
    )
    dyad = bool(src and tgt and src != tgt)
    if not actors and not dyad and lat is None:
        return
    peers = _peers(conn, story_id, event_id)
    if lat is not None:
        place = (lat, lon, pk)
        same_place = [p for p in peers if p.place == place]
        conn.executemany(
            _UPSERT_PLACE,
            [(b, lat, lon, pk, int(not any(b in p.buckets for p in same_place)), rowid) for b in mine],
        )
    conn.executemany(
        _UPSERT_ACTOR,
        [
            (b, aid, int(not any(aid in p.actors and b in p.buckets for p in peers)), int(aid == src),
             int(aid == tgt))  # fmt: skip
            for aid in sorted(actors)
            for b in mine
        ],
    )
    if dyad:
        same = [p for p in peers if (p.source_id, p.target_id, p.type) == (src, tgt, etype)]
        new = [(b, int(not any(b in p.buckets for p in same))) for b in mine]
        conn.executemany(_UPSERT_DYAD, [(b, src, tgt, etype, n) for b, n in new])
        conn.executemany(_UPSERT_PAIR, [(b, src, tgt, n) for b, n in new])


# -- rebuild -------------------------------------------------------------------------------------------------
def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every rollup from the events and event_actors rows (in the caller's transaction)."""
    rebuild_0005(conn)
    rebuild_0006(conn)


def _bucket_table(conn: sqlite3.Connection) -> None:
    """temp.rollup_bucket_of: each distinct date_key with its buckets, so that a grouping by bucket is one
    join, not a Python loop."""
    conn.execute("DROP TABLE IF EXISTS temp.rollup_bucket_of")
    conn.execute("CREATE TEMP TABLE rollup_bucket_of (dk TEXT NOT NULL, bucket TEXT NOT NULL)")
    keys = [k for (k,) in conn.execute("SELECT DISTINCT COALESCE(date_key, '') FROM events")]
    conn.executemany("INSERT INTO temp.rollup_bucket_of VALUES (?, ?)", _bucket_rows(keys))
    conn.execute("CREATE INDEX temp.rollup_bucket_of_dk ON rollup_bucket_of(dk)")


def rebuild_0006(conn: sqlite3.Connection) -> None:
    """Recompute the tables of migration 0006: places, countries, actor stories."""
    for table in TABLES_0006:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    _bucket_table(conn)
    conn.execute(
        "INSERT INTO rollup_places SELECT b.bucket, e.lat, COALESCE(e.lon, ''), COALESCE(e.place_key, x''),"
        " count(*), count(DISTINCT e.story_id), max(e.rowid) FROM events e"
        " JOIN temp.rollup_bucket_of b ON b.dk = COALESCE(e.date_key, '') WHERE e.lat IS NOT NULL"
        " GROUP BY 1, 2, 3, 4"
    )
    conn.execute(
        "INSERT INTO rollup_countries SELECT bucket, country, sum(s), sum(t) FROM ("
        " SELECT COALESCE(date_key, '') AS dk, source_country AS country, count(*) AS s, 0 AS t FROM events"
        "  WHERE source_country IS NOT NULL GROUP BY 1, 2"
        " UNION ALL SELECT COALESCE(date_key, ''), target_country, 0, count(*) FROM events"
        "  WHERE target_country IS NOT NULL GROUP BY 1, 2) x"
        " JOIN temp.rollup_bucket_of b ON b.dk = x.dk GROUP BY 1, 2"
    )
    conn.execute(
        "INSERT INTO actor_stories SELECT a.actor_id, e.type, e.story_id, max(COALESCE(e.sort_key, ''))"
        " FROM event_actors a JOIN events e ON e.id = a.event_id WHERE a.actor_id IS NOT NULL GROUP BY 1, 2, 3"
    )
    conn.execute(
        "INSERT INTO actor_stories SELECT actor_id, ?, story_id, max(newest) FROM actor_stories"
        " GROUP BY actor_id, story_id",
        (ANY_TYPE,),
    )
    conn.execute("DROP TABLE temp.rollup_bucket_of")


def rebuild_0005(conn: sqlite3.Connection) -> None:
    """Recompute the tables of migration 0005: timeline, actors, dyads, pairs."""
    for table in TABLES_0005:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    conn.execute(
        "INSERT INTO rollup_timeline SELECT COALESCE(date_key, ''), type, COALESCE(mode, ''), status, count(*)"
        " FROM events GROUP BY 1, 2, 3, 4"
    )
    _bucket_table(conn)
    conn.execute(
        "INSERT INTO rollup_actors"
        " SELECT b.bucket, x.actor_id, count(*), count(DISTINCT x.story_id), sum(x.src), sum(x.tgt) FROM"
        " (SELECT a.actor_id, a.event_id, e.story_id, COALESCE(e.date_key, '') AS dk,"
        "  max(a.role = 'source') AS src, max(a.role = 'target') AS tgt"
        "  FROM event_actors a JOIN events e ON e.id = a.event_id WHERE a.actor_id IS NOT NULL"
        "  GROUP BY a.actor_id, a.event_id) x"
        " JOIN temp.rollup_bucket_of b ON b.dk = x.dk GROUP BY b.bucket, x.actor_id"
    )
    conn.execute(
        "INSERT INTO rollup_dyads"
        " SELECT b.bucket, e.source_id, e.target_id, e.type, count(DISTINCT e.story_id), count(*) FROM events e"
        " JOIN temp.rollup_bucket_of b ON b.dk = COALESCE(e.date_key, '')"
        " WHERE e.source_id IS NOT NULL AND e.target_id IS NOT NULL AND e.source_id != e.target_id"
        " GROUP BY b.bucket, e.source_id, e.target_id, e.type"
    )
    conn.execute(
        "INSERT INTO rollup_pairs SELECT bucket, source_id, target_id, sum(stories), sum(events)"
        " FROM rollup_dyads GROUP BY bucket, source_id, target_id"
    )
    conn.execute("DROP TABLE temp.rollup_bucket_of")


def _bucket_rows(keys: Iterable[str]) -> Iterable[tuple[str, str]]:
    for key in keys:
        for bucket in buckets(key or None):
            yield key, bucket


# -- reads ---------------------------------------------------------------------------------------------------
def timeline_rows(conn: sqlite3.Connection, flt: EventFilter) -> list[tuple] | None:
    """(date_key, type, events) rows as the detailed timeline query groups them, or None when ``flt`` filters
    on something the rollup does not keep (actors, countries, outlet, text)."""
    if any((flt.actor, flt.actor_id, flt.country, flt.q, flt.source)):
        return None
    # The rollup table is aliased "e": it has the columns of events the remaining filters name.
    where, params = flt.where()
    if flt.until:
        where += " AND e.date_key != ''"  # '' (no date) passes the until test; NULL, in events, does not
    return conn.execute(
        f"SELECT NULLIF(e.date_key, ''), e.type, sum(e.events) FROM rollup_timeline e{where}"
        " GROUP BY e.type, e.date_key",
        params,
    ).fetchall()


def top_actor_rows(conn: sqlite3.Connection, flt: EventFilter, limit: int) -> list[tuple] | None:
    """(actor_id, events, stories) of the top actors, or None when no bucket answers ``flt``."""
    bucket = filter_bucket(flt)
    if bucket is None:
        return None
    return conn.execute(
        "SELECT actor_id, events, stories FROM rollup_actors WHERE bucket = ?"
        " ORDER BY events DESC, actor_id LIMIT ?",
        (bucket, limit),
    ).fetchall()


def pair_rows(conn: sqlite3.Connection, flt: EventFilter, limit: int) -> list[dict] | None:
    """The heaviest directed pairs as the network lists them, or None when no bucket answers ``flt``."""
    bucket = filter_bucket(flt)
    if bucket is None:
        return None
    out = []
    for src, tgt, stories, events in conn.execute(
        "SELECT source_id, target_id, stories, events FROM rollup_pairs INDEXED BY rollup_pairs_rank"
        " WHERE bucket = ? ORDER BY stories DESC, events DESC, source_id, target_id LIMIT ?",
        (bucket, limit),
    ).fetchall():
        types = dict(
            conn.execute(
                "SELECT type, stories FROM rollup_dyads WHERE bucket = ? AND source_id = ? AND target_id = ?"
                " ORDER BY type",
                (bucket, src, tgt),
            ).fetchall()
        )
        out.append({"source": src, "target": tgt, "stories": stories, "events": events, "types": types})
    return out


def actor_counts(conn: sqlite3.Connection, actor_id: str) -> tuple[int, int, int, int]:
    """(events, stories, as source, as target) of an actor over all stored events."""
    row = conn.execute(
        "SELECT events, stories, as_source, as_target FROM rollup_actors WHERE bucket = ? AND actor_id = ?",
        (ALL, actor_id),
    ).fetchone()
    return tuple(row) if row else (0, 0, 0, 0)  # type: ignore[return-value]


def place_rows(conn: sqlite3.Connection, flt: EventFilter, limit: int) -> list[tuple] | None:
    """(lat, lon, place_key, events, stories, newest rowid) of the places with most events, ordered as the
    detailed map query orders them, or None when no bucket answers ``flt``."""
    bucket = filter_bucket(flt)
    if bucket is None:
        return None
    return conn.execute(
        "SELECT lat, lon, place_key, events, stories, last_rowid FROM (SELECT lat, NULLIF(lon, '') AS lon,"
        " CASE WHEN typeof(place_key) = 'blob' THEN NULL ELSE place_key END AS place_key, events, stories,"
        " last_rowid FROM rollup_places WHERE bucket = ?) ORDER BY events DESC, lat, lon, place_key LIMIT ?",
        (bucket, limit),
    ).fetchall()


def country_rows(conn: sqlite3.Connection, flt: EventFilter) -> list[tuple] | None:
    """(country, events as source country, events as target country) by country, or None when no bucket
    answers ``flt``."""
    bucket = filter_bucket(flt)
    if bucket is None:
        return None
    return conn.execute(
        "SELECT country, as_source, as_target FROM rollup_countries WHERE bucket = ? ORDER BY country", (bucket,)
    ).fetchall()


def actor_story_page(conn: sqlite3.Connection, actor_id: str, etype: str | None, limit: int, offset: int):
    """(stories naming the actor in an event of the type, the page's story ids): newest event first, ties
    by story id, as marsad.store.queries.query_stories orders them."""
    key = (actor_id, etype.upper() if etype else ANY_TYPE)
    total = conn.execute("SELECT count(*) FROM actor_stories WHERE actor_id = ? AND type = ?", key).fetchone()[0]
    ids = [
        sid
        for (sid,) in conn.execute(
            "SELECT story_id FROM actor_stories INDEXED BY actor_stories_newest WHERE actor_id = ? AND type = ?"
            " ORDER BY newest DESC, story_id LIMIT ? OFFSET ?",
            (*key, limit, offset),
        )
    ]
    return total, ids
