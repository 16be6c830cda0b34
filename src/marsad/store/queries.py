"""Read queries of the store: event filters as parameterised SQL, stories aggregated from their event records,
and actor summaries.

Filters are built from fixed SQL fragments; every user value is a bound parameter, never part of the SQL text.
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.errors import InputError
from marsad.store import rollups
from marsad.store.search import fts_query
from marsad.text.normalize import normalize_text

ISO_PREFIX_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Newest first: the event's own date where known, else the publication date of its document (sort_key is a
# generated, indexed column of events: migration 0003_query_indexes). Ties: the later-written event first.
ORDER_BY = "e.sort_key DESC, e.rowid DESC"


@dataclass
class EventFilter:
    actor: str | None = None
    actor_id: str | None = None  # exact knowledge-base id only (actor pages)
    type: str | None = None
    country: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    mode: str | None = None
    source: str | None = None  # outlet

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e`` alone and its parameters.

        Conditions on documents (outlet, text query) and actors are ``IN`` subqueries rather than joins, so that
        one event stays one row and SQLite can walk the sort_key index and stop at the page's end.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            # An id, or a part of any stored spelling (actor_names holds each distinct spelling once).
            clauses.append(
                "e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ? OR match_text IN"
                " (SELECT match_text FROM actor_names WHERE instr(match_text, ?) > 0))"
            )
            params += [self.actor, normalize_text(self.actor).lower()]
        if self.actor_id:
            clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
            params.append(self.actor_id)
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type.upper())
        if self.mode:
            clauses.append("e.mode = ?")
            params.append(self.mode.lower())
        if self.status:
            clauses.append("e.status = ?")
            params.append(self.status.lower())
        if self.country:
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.country.upper()] * 2
        # A partial date overlaps a bound when the two agree on their common prefix ("2019-05" is in a range
        # starting "2019-05-09"): compare both cut to the shorter length. The plain range before it is implied
        # by that test and lets an index on date_key narrow the scan.
        if self.since:
            _check_date("since", self.since)
            clauses.append("e.date_key >= ?")
            params.append(self.since[:4])
            clauses.append("substr(e.date_key, 1, length(?)) >= substr(?, 1, length(e.date_key))")
            params += [self.since] * 2
        if self.until:
            _check_date("until", self.until)
            clauses.append("e.date_key < ?")
            params.append(self.until + "~")  # "~" sorts after "-" and digits: all of the prefix's dates
            clauses.append("substr(e.date_key, 1, length(?)) <= substr(?, 1, length(e.date_key))")
            params += [self.until] * 2
        if self.source:
            clauses.append("e.doc_key IN (SELECT doc_key FROM documents WHERE source = ?)")
            params.append(self.source)
        if self.q:
            match = fts_query(self.q)
            if match is None:
                clauses.append("0")  # a query with no words matches nothing rather than everything
            else:
                clauses.append(
                    "e.doc_key IN (SELECT doc_key FROM documents WHERE rowid IN"
                    " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))"
                )
                params.append(match)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _check_date(name: str, value: str) -> None:
    if not ISO_PREFIX_RE.match(value):
        raise InputError(name, f"{value!r} is not an ISO date or prefix (YYYY, YYYY-MM or YYYY-MM-DD)")


def _page(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise InputError("limit/offset", "must not be negative")
    return limit, offset


def query_events(
    conn: sqlite3.Connection, flt: EventFilter, limit: int, offset: int
) -> tuple[int, list[dict]]:
    where, params = flt.where()
    limit, offset = _page(limit, offset)
    if flt.q and _few_text_matches(conn, flt.q):
        return _query_events_by_text(conn, where, params, limit, offset)
    total = conn.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT e.record FROM {_ordered_source(conn, flt, total, offset + limit)}{where}"
        f" ORDER BY {ORDER_BY} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [json.loads(r[0]) for r in rows]


# A text query matching at most this many documents is answered in one pass over its events (their order keys
# only, from the events_doc index), counted and cut to the page here; above it, the count and the page are two
# SQL queries as for other filters. Set on benchmarks/bench_api.py, where a searched word is in 1-3% of the
# documents (2,500-7,500 of 250,000).
MAX_TEXT_DOCS = 25_000


def _few_text_matches(conn: sqlite3.Connection, q: str) -> bool:
    match = fts_query(q)
    if match is None:
        return False
    docs = conn.execute(
        "SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)",
        (match, MAX_TEXT_DOCS + 1),
    ).fetchone()[0]
    return docs <= MAX_TEXT_DOCS


def _query_events_by_text(
    conn: sqlite3.Connection, where: str, params: list[Any], limit: int, offset: int
) -> tuple[int, list[dict]]:
    """query_events for a filter with a selective text query: the matching events' (sort_key, rowid) in one
    query, which the planner drives from the full-text match through events_doc without reading event rows;
    then only the page's records. Ordered as ORDER_BY orders them (a NULL sort_key sorts last)."""
    keys = conn.execute(
        f"SELECT e.sort_key IS NOT NULL, e.sort_key, e.rowid FROM events e{where}", params
    ).fetchall()
    page = [k[2] for k in heapq.nlargest(offset + limit, keys, key=lambda k: (k[0], k[1] or "", k[2]))[offset:]]
    records: dict[int, str] = {}
    for i in range(0, len(page), 500):  # under SQLite's bound-parameter limit
        chunk = page[i : i + 500]
        sql = f"SELECT rowid, record FROM events WHERE rowid IN ({','.join('?' * len(chunk))})"
        records.update(conn.execute(sql, chunk).fetchall())
    return len(keys), [json.loads(records[r]) for r in page]


# Walking the sort_key index newest first and testing each row is fast when matches are common (the page fills
# after a few thousand rows); collecting matches through other indexes and sorting them is fast when they are
# rare, but sorting reads sort_key, which is computed from the JSON record for every match. Above this many
# expected rows walked, the planner's own choice is kept. Calibrated on benchmarks/bench_api.py (1M events).
MAX_ORDERED_WALK = 20_000


def _ordered_source(conn: sqlite3.Connection, flt: EventFilter, matching: int, needed: int) -> str:
    """``events e``, or the same forced onto the sort_key index when walking it is the cheaper plan.

    The estimate assumes matches spread evenly over time, which a date filter breaks (they all lie in one
    stretch of the index): with one, the planner decides.
    """
    if matching == 0 or flt.since or flt.until:
        return "events e"
    size = conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0  # O(1): an estimate of the count
    return "events e INDEXED BY events_sort" if needed * size / matching <= MAX_ORDERED_WALK else "events e"


def iter_events(conn: sqlite3.Connection, flt: EventFilter, limit: int) -> Iterator[dict]:
    """Up to ``limit`` matching event records, newest first, read lazily (for downloads)."""
    where, params = flt.where()
    cur = conn.execute(f"SELECT e.record FROM events e{where} ORDER BY {ORDER_BY} LIMIT ?", [*params, limit])
    for (rec,) in cur:
        yield json.loads(rec)


def query_stories(
    conn: sqlite3.Connection, flt: EventFilter, limit: int, offset: int
) -> tuple[int, list[dict]]:
    """Stories having at least one event that matches the filter, the story with the newest matching event
    first; each story carries all its events.

    Matching events are read newest first and stories taken in order of first appearance (a story first
    appears at its newest matching event), so a page needs only the newest events, not a grouping of all.
    """
    limit, offset = _page(limit, offset)
    actor_id = _exact_actor(conn, flt)
    if actor_id is not None:
        total, ids = rollups.actor_story_page(conn, actor_id, flt.type, limit, offset)
        records = story_records(conn, ids)
        return total, [build_story(sid, records[sid]) for sid in ids]
    where, params = flt.where()
    total = conn.execute(f"SELECT count(DISTINCT e.story_id) FROM events e{where}", params).fetchone()[0]
    need = offset + limit
    first: dict[str, str] = {}
    boundary: str | None = None
    source = _ordered_source(conn, flt, total, need)
    cur = conn.execute(f"SELECT e.story_id, e.sort_key FROM {source}{where} ORDER BY e.sort_key DESC", params)
    for sid, key in cur:
        if sid in first:
            continue
        if len(first) >= need and key != boundary:
            break  # stories tied with the last one needed are kept, so ties order by id as documented
        first[sid] = key or ""
        if len(first) == need:
            boundary = key
    cur.close()
    ordered = sorted(first, key=lambda sid: sid)
    ordered.sort(key=lambda sid: first[sid], reverse=True)
    ids = ordered[offset:need]
    records = story_records(conn, ids)
    return total, [build_story(sid, records[sid]) for sid in ids]


def _exact_actor(conn: sqlite3.Connection, flt: EventFilter) -> str | None:
    """The knowledge-base id that alone decides which events ``flt`` matches, when its only other condition
    is a type (then rollups.actor_stories answers the story list); else None.

    ``actor`` matches an id or a part of any stored spelling: it is an exact id only when no spelling
    contains it (a scan of actor_names, thousands of rows).
    """
    if any((flt.country, flt.status, flt.since, flt.until, flt.q, flt.mode, flt.source)):
        return None
    if flt.actor_id and not flt.actor:
        return flt.actor_id
    if not flt.actor or flt.actor_id:
        return None
    needle = normalize_text(flt.actor).lower()
    if conn.execute("SELECT 1 FROM actor_names WHERE instr(match_text, ?) > 0 LIMIT 1", (needle,)).fetchone():
        return None
    return flt.actor


def story_records(conn: sqlite3.Connection, story_ids: list[str]) -> dict[str, list[dict]]:
    """Every event record of the given stories, grouped by story id."""
    out: dict[str, list[dict]] = {sid: [] for sid in story_ids}
    # Chunks stay under SQLite's bound-parameter limit; the placeholders are generated, the ids are bound.
    for i in range(0, len(story_ids), 500):
        chunk = story_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT story_id, record FROM events WHERE story_id IN ({marks}) ORDER BY rowid"
        for sid, rec in conn.execute(sql, chunk):
            out[sid].append(json.loads(rec))
    return out


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    return counts.most_common(1)[0][0] if counts else None


def _actor_key(actor: dict) -> str:
    return actor.get("id") or normalize_text(actor.get("name") or actor.get("text") or "").lower()


def story_actors(records: list[dict]) -> list[dict]:
    """Distinct actors of a story's events (by knowledge-base id, else by normalised name), sources first."""
    seen: dict[str, dict] = {}
    for rec in records:
        for actor in [rec.get("source"), rec.get("target"), *(rec.get("participants") or [])]:
            if not actor:
                continue
            key = _actor_key(actor)
            if key and key not in seen:
                seen[key] = {k: v for k, v in actor.items() if k != "span"}
    return list(seen.values())


def build_story(story_id: str, records: list[dict]) -> dict[str, Any]:
    """The STORY record: one real-world event and all its reports."""
    stype = _most_common(r["type"] for r in records)
    mode = _most_common(r.get("mode") for r in records if r["type"] == stype)
    # The date most outlets agree on among the most precise ones; a date with no year only as a last resort.
    dated = [r for r in records if r.get("date")]
    with_year = [r for r in dated if not r["date"].startswith("--")] or dated
    date = precision = None
    if with_year:
        best = min(PRECISION_RANK.get(r.get("date_precision") or "", 9) for r in with_year)
        date = _most_common(
            r["date"] for r in with_year if PRECISION_RANK.get(r.get("date_precision") or "", 9) == best
        )
        precision = next(r.get("date_precision") for r in with_year if r["date"] == date)
    locations = [r["location"] for r in records if r.get("location")]
    loc_key = _most_common(loc.get("geonameid") or loc.get("name") or loc.get("text") for loc in locations)
    location = next(
        (
            {k: v for k, v in loc.items() if k != "span"}
            for loc in locations
            if (loc.get("geonameid") or loc.get("name") or loc.get("text")) == loc_key
        ),
        None,
    )
    published = sorted(p for r in records if (p := (r.get("doc") or {}).get("published")))
    outlets = sorted({s for r in records if (s := (r.get("doc") or {}).get("source"))})
    mentions = sorted(records, key=lambda r: ((r.get("doc") or {}).get("published") or "", r["id"]))
    return {
        "id": story_id,
        "type": stype,
        "mode": mode,
        "date": date,
        "date_precision": precision,
        "actors": story_actors(records),
        "location": location,
        "first_report": published[0] if published else None,
        "last_report": published[-1] if published else None,
        "mentions_count": len(records),
        "documents_count": len({r.get("doc_id") for r in records}),
        "outlets_count": len(outlets),
        "outlets": outlets,
        "mentions": mentions,
    }


def _latest_records(conn: sqlite3.Connection, actor_id: str, n: int) -> Iterator[str]:
    """The records of the ``n`` latest events naming the actor, newest first.

    event_actors rows are written right after their event, so their rowids follow the events' order: walking
    the actor's index entries backwards reads only the events needed, where ordering by events.rowid would
    join and sort every event of the actor.
    """
    seen: set[str] = set()
    cur = conn.execute(
        "SELECT a.event_id, e.record FROM event_actors a JOIN events e ON e.id = a.event_id"
        " WHERE a.actor_id = ? ORDER BY a.rowid DESC",
        (actor_id,),
    )
    for event_id, record in cur:
        if event_id in seen:  # the actor in two roles of one event
            continue
        seen.add(event_id)
        yield record
        if len(seen) >= n:
            break
    cur.close()


def actor_summary(
    conn: sqlite3.Connection, actor_id: str, kb: Callable[[str], dict | None] | None = None
) -> dict[str, Any] | None:
    """An actor as the stored records describe it (and the knowledge base, when a lookup is given)."""
    counts = rollups.actor_counts(conn, actor_id)  # (events, stories, as source, as target)
    entry = kb(actor_id) if kb else None
    if not counts[0] and entry is None:
        return None
    name = name_ar = country = sector = kind = None
    roles: list[str] = []
    for rec_json in _latest_records(conn, actor_id, 200):
        rec = json.loads(rec_json)
        candidates = [rec.get("source"), rec.get("target"), *(rec.get("participants") or [])]
        for actor in candidates:
            if not actor or actor.get("id") != actor_id:
                continue
            name = name or actor.get("name")
            name_ar = name_ar or actor.get("name_ar")
            country = country or actor.get("country")
            sector = sector or actor.get("sector")
            kind = kind or actor.get("kind")
            if actor.get("role") and actor["role"] not in roles:
                roles.append(actor["role"])
    summary: dict[str, Any] = {
        "id": actor_id,
        "name": name,
        "name_ar": name_ar,
        "country": country,
        "sector": sector,
        "kind": kind,
        "roles": roles,
        "events_count": counts[0],
        "stories_count": counts[1],
        "as_source": counts[2],
        "as_target": counts[3],
    }
    if entry:
        # The knowledge base knows the canonical names and the offices with their dates; the titles the reports
        # used stay under roles_reported.
        summary["roles_reported"] = roles
        for key in ("name", "name_ar", "country", "sector", "kind", "roles", "aliases_ar", "aliases_en"):
            if entry.get(key):
                summary[key] = entry[key]
    return summary
