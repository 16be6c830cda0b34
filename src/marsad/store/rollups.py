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
TABLES = ("rollup_timeline", "rollup_actors", "rollup_dyads", "rollup_pairs")


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


def _peers(conn: sqlite3.Connection, story_id: str, event_id: str) -> list[_Peer]:
    """The story's other stored events: what decides whether this event is the story's first in a bucket."""
    rows: dict[str, list] = {}
    for eid, dk, etype, src, tgt, aid in conn.execute(
        "SELECT e.id, e.date_key, e.type, e.source_id, e.target_id, a.actor_id FROM events e"
        " LEFT JOIN event_actors a ON a.event_id = e.id AND a.actor_id IS NOT NULL"
        " WHERE e.story_id = ? AND e.id != ?",
        (story_id, event_id),
    ):
        row = rows.setdefault(eid, [dk, etype, src, tgt, set()])
        if aid is not None:
            row[4].add(aid)
    return [_Peer(frozenset(buckets(dk)), t, s, g, frozenset(a)) for dk, t, s, g, a in rows.values()]


def add_event(conn: sqlite3.Connection, event_id: str) -> None:
    """Count one stored event (its row and its event_actors rows written) into every rollup."""
    row = conn.execute(
        "SELECT story_id, type, mode, status, date_key, source_id, target_id FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    story_id, etype, mode, status, dk, src, tgt = row
    conn.execute(_UPSERT_TIMELINE, (dk or "", etype, mode or "", status))
    actors = {
        aid
        for (aid,) in conn.execute(
            "SELECT actor_id FROM event_actors WHERE event_id = ? AND actor_id IS NOT NULL", (event_id,)
        )
    }
    dyad = bool(src and tgt and src != tgt)
    if not actors and not dyad:
        return
    peers = _peers(conn, story_id, event_id)
    mine = buckets(dk)
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
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    conn.execute(
        "INSERT INTO rollup_timeline SELECT COALESCE(date_key, ''), type, COALESCE(mode, ''), status, count(*)"
        " FROM events GROUP BY 1, 2, 3, 4"
    )
    # Each distinct date_key with its buckets, so that the grouping below is one join, not a Python loop.
    conn.execute("DROP TABLE IF EXISTS temp.rollup_bucket_of")
    conn.execute("CREATE TEMP TABLE rollup_bucket_of (dk TEXT NOT NULL, bucket TEXT NOT NULL)")
    keys = [k for (k,) in conn.execute("SELECT DISTINCT COALESCE(date_key, '') FROM events")]
    conn.executemany("INSERT INTO temp.rollup_bucket_of VALUES (?, ?)", _bucket_rows(keys))
    conn.execute("CREATE INDEX temp.rollup_bucket_of_dk ON rollup_bucket_of(dk)")
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
