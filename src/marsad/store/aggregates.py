"""Aggregates of the stored events for the dashboard's charts: counts by date and type, top actors, directed
actor pairs weighted by stories (the network), event places (the map), an actor's counterparts and timeline,
and the list of documents.

Every function takes the same EventFilter as the event lists, so a chart always shows the events the list
shows. Pairs and counterparts are counted in distinct stories, not mentions: ten outlets reporting one meeting
are one meeting.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from marsad.store import rollups
from marsad.store.queries import EventFilter, _page
from marsad.store.search import fts_query
from marsad.text.normalize import normalize_text

GRANULARITY_LEN = {"day": 10, "month": 7, "year": 4}
# More buckets than this and the timeline is re-cut one level coarser (a bar per day over ten years is noise).
MAX_BUCKETS = 400


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


# Timelines already computed, by connection, filter and granularity, valid while the store is unchanged: the
# overview asks for the same all-time chart on every load, and on a million events it costs ~100-250 ms.
# The entry keeps its connection alive, so id(conn) cannot be reused by another connection while cached.
_TIMELINE_CACHE: dict[tuple, tuple[sqlite3.Connection, tuple[int, int], dict[str, Any]]] = {}
_TIMELINE_CACHE_SIZE = 64


def timeline(conn: sqlite3.Connection, flt: EventFilter, granularity: str | None = None) -> dict[str, Any]:
    """The cached :func:`compute_timeline` while no write happened since (this connection's total_changes and
    SQLite's data_version, which moves when another connection commits)."""
    version = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
    key = (id(conn), dataclasses.astuple(flt), granularity)
    hit = _TIMELINE_CACHE.get(key)
    if hit is not None and hit[0] is conn and hit[1] == version:
        return copy.deepcopy(hit[2])
    result = compute_timeline(conn, flt, granularity)
    if len(_TIMELINE_CACHE) >= _TIMELINE_CACHE_SIZE:
        _TIMELINE_CACHE.pop(next(iter(_TIMELINE_CACHE)))
    _TIMELINE_CACHE[key] = (conn, version, copy.deepcopy(result))
    return result


def compute_timeline(conn: sqlite3.Connection, flt: EventFilter, granularity: str | None = None) -> dict[str, Any]:
    """Event counts per date bucket and type: ``{"granularity", "types", "buckets": [{"date", "total",
    "counts": {type: n}}]}``. Events are counted under their own date at the bucket's precision; an event whose
    date is coarser than the bucket (a month, on a daily chart) is left out of it and counted in ``undated``.

    Without a granularity, the finest of day, month, year giving at most MAX_BUCKETS buckets is chosen.
    """
    where, params = flt.where()
    if granularity is not None and granularity not in GRANULARITY_LEN:
        raise ValueError(f"granularity must be one of {', '.join(GRANULARITY_LEN)}")
    # One pass at the stored precision, re-cut in Python: the grouped rows are few compared with events. From
    # the rollup when the filter allows; else grouped in the order of the (type, date_key) index, so SQLite
    # aggregates as it scans, without sorting.
    rows = rollups.timeline_rows(conn, flt)
    if rows is None:
        rows = conn.execute(
            f"SELECT e.date_key, e.type, count(*) FROM events e{where} GROUP BY e.type, e.date_key", params
        ).fetchall()
    dated = [k for k, _t, _n in rows if k]
    if granularity is None:
        # The finest level whose continuous range of buckets, from the first date to the last, stays readable.
        granularity = "year"
        for level in ("day", "month"):
            keys = [k for k in dated if len(k) >= GRANULARITY_LEN[level]]
            if keys and len(_bucket_range(min(keys), max(keys), level)) <= MAX_BUCKETS:
                granularity = level
                break
    size = GRANULARITY_LEN[granularity]
    buckets: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    undated = 0
    type_totals: dict[str, int] = defaultdict(int)
    for key, etype, n in rows:
        if not key or len(key) < size:
            undated += n
            continue
        buckets[key[:size]][etype] += n
        type_totals[etype] += n
    if buckets:  # empty buckets too, so that the chart's x axis is time, not a list of busy days
        for key in _bucket_range(min(buckets), max(buckets), granularity):
            buckets.setdefault(key, defaultdict(int))
    types = sorted(type_totals, key=lambda t: (-type_totals[t], t))  # ties by name: any row order
    return {
        "granularity": granularity,
        "types": types,
        "undated": undated,
        "buckets": [
            {"date": k, "total": sum(v.values()), "counts": dict(v)} for k, v in sorted(buckets.items())
        ],
    }


def _bucket_range(first: str, last: str, level: str) -> list[str]:
    """Every bucket key from ``first`` to ``last`` inclusive at ``level`` (both cut to the level's length)."""
    size = GRANULARITY_LEN[level]
    a, b = first[:size], last[:size]
    if level == "year":
        return [str(y) for y in range(int(a), int(b) + 1)]
    if level == "month":
        ya, ma, yb, mb = int(a[:4]), int(a[5:7]), int(b[:4]), int(b[5:7])
        return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(ya * 12 + ma - 1, yb * 12 + mb)]
    try:
        da, db = date.fromisoformat(a), date.fromisoformat(b)
    except ValueError:  # a malformed stored date: show the buckets that exist
        return [a, b]
    if (db - da).days > 40_000:
        return [a, b]
    return [(da + timedelta(days=i)).isoformat() for i in range((db - da).days + 1)]


def _names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Display fields of actors by id, from the latest record naming each (one indexed row per actor)."""
    out: dict[str, dict[str, Any]] = {}
    for aid in ids:
        row = conn.execute(
            "SELECT a.name, a.country, e.record FROM event_actors a JOIN events e ON e.id = a.event_id"
            " WHERE a.actor_id = ? ORDER BY a.rowid DESC LIMIT 1",
            (aid,),
        ).fetchone()
        if row is None:
            continue
        name, country, rec_json = row
        out[aid] = {"id": aid, "name": name, "country": country}
        # The Arabic name and kind live in the event record only.
        rec = json.loads(rec_json)
        for actor in (rec.get("source"), rec.get("target"), *(rec.get("participants") or [])):
            if actor and actor.get("id") == aid:
                out[aid].update({"name_ar": actor.get("name_ar"), "kind": actor.get("kind")})
                break
    return out


def top_actors(conn: sqlite3.Connection, flt: EventFilter, limit: int = 20) -> list[dict[str, Any]]:
    """Knowledge-base actors by number of matching events they take part in (as source, target or participant),
    with their story counts."""
    rows = rollups.top_actor_rows(conn, flt, limit)
    if rows is None:
        where, params = flt.where()
        rows = conn.execute(
            "SELECT a.actor_id, count(DISTINCT a.event_id) AS n, count(DISTINCT e.story_id)"
            f" FROM events e JOIN event_actors a ON a.event_id = e.id{_and(where, 'a.actor_id IS NOT NULL')}"
            " GROUP BY a.actor_id ORDER BY n DESC, a.actor_id LIMIT ?",
            [*params, limit],
        ).fetchall()
    names = _names(conn, [r[0] for r in rows])
    return [{**names.get(aid, {"id": aid}), "events": n, "stories": s} for aid, n, s in rows]


def edges(conn: sqlite3.Connection, flt: EventFilter, limit: int = 100) -> dict[str, Any]:
    """Directed source → target pairs of knowledge-base actors, weighted by distinct stories, with the types
    of event between them: ``{"nodes": [...], "edges": [{"source", "target", "stories", "events",
    "types": {type: stories}}]}``, heaviest first."""
    top = rollups.pair_rows(conn, flt, limit)
    if top is None:
        top = _edges_detailed(conn, flt, limit)
    ids = sorted({x for p in top for x in (p["source"], p["target"])})
    names = _names(conn, ids)
    degree: dict[str, int] = defaultdict(int)
    for p in top:
        degree[p["source"]] += p["stories"]
        degree[p["target"]] += p["stories"]
    nodes = [{**names.get(i, {"id": i}), "stories": degree[i]} for i in ids]
    return {"nodes": nodes, "edges": top}


def _edges_detailed(conn: sqlite3.Connection, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
    where, params = flt.where()
    cond = "e.source_id IS NOT NULL AND e.target_id IS NOT NULL AND e.source_id != e.target_id"
    rows = conn.execute(
        "SELECT e.source_id, e.target_id, e.type, count(DISTINCT e.story_id), count(*)"
        f" FROM events e{_and(where, cond)} GROUP BY e.source_id, e.target_id, e.type",
        params,
    ).fetchall()
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for src, tgt, etype, stories, events in rows:
        pair = pairs.setdefault((src, tgt), {"source": src, "target": tgt, "stories": 0, "events": 0, "types": {}})
        # A story has one type, so stories add up across types.
        pair["stories"] += stories
        pair["events"] += events
        pair["types"][etype] = stories
    return sorted(pairs.values(), key=lambda p: (-p["stories"], -p["events"], p["source"], p["target"]))[:limit]


def counterparts(conn: sqlite3.Connection, actor_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """The actors ``actor_id`` shares events with (as the other party), ranked by shared stories."""
    rows = conn.execute(
        "SELECT o.actor_id, count(DISTINCT e.story_id) AS s, count(DISTINCT e.id),"
        " group_concat(DISTINCT e.type)"
        " FROM event_actors a JOIN events e ON e.id = a.event_id"
        " JOIN event_actors o ON o.event_id = a.event_id AND o.actor_id IS NOT NULL AND o.actor_id != a.actor_id"
        " WHERE a.actor_id = ? GROUP BY o.actor_id ORDER BY s DESC, o.actor_id LIMIT ?",
        (actor_id, limit),
    ).fetchall()
    names = _names(conn, [r[0] for r in rows])
    return [
        {**names.get(oid, {"id": oid}), "stories": s, "events": n, "types": sorted((types or "").split(","))}
        for oid, s, n, types in rows
    ]


def locations(conn: sqlite3.Connection, flt: EventFilter, limit: int = 500) -> dict[str, Any]:
    """Places of matching events (``{"places": [{"lat", "lon", "name", "name_ar", "country", "events",
    "stories"}]}``, most events first) and event counts per country of either party (``countries``)."""
    where, params = flt.where()
    # From the rollups when one period bucket answers the filter. Ties in events are ordered by place, so
    # that the cut at ``limit`` is the same either way.
    rows = rollups.place_rows(conn, flt, limit)
    if rows is None:
        rows = conn.execute(
            "SELECT e.lat, e.lon, e.place_key, count(*) AS n, count(DISTINCT e.story_id), max(e.rowid)"
            f" FROM events e{_and(where, 'e.lat IS NOT NULL')} GROUP BY e.lat, e.lon, e.place_key"
            " ORDER BY n DESC, e.lat, e.lon, e.place_key LIMIT ?",
            [*params, limit],
        ).fetchall()
    places = []
    for lat, lon, _key, n, stories, rowid in rows:
        name, name_ar, country = conn.execute(
            "SELECT json_extract(record, '$.location.name'), json_extract(record, '$.location.name_ar'),"
            " json_extract(record, '$.location.country') FROM events WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        places.append(
            {"lat": lat, "lon": lon, "name": name, "name_ar": name_ar, "country": country, "events": n,
             "stories": stories}  # fmt: skip
        )
    countries: dict[str, int] = defaultdict(int)
    counted = rollups.country_rows(conn, flt)
    if counted is not None:
        # In the detailed loop's order (source countries by code, then target-only ones), which decides ties.
        for i in (1, 2):
            for row in counted:
                if row[i]:
                    countries[row[0]] += row[i]
    else:
        for column in ("source_country", "target_country"):
            for code, n in conn.execute(
                f"SELECT e.{column}, count(*) FROM events e{_and(where, f'e.{column} IS NOT NULL')} GROUP BY 1",
                params,
            ):
                countries[code] += n
    return {"places": places, "countries": dict(sorted(countries.items(), key=lambda kv: -kv[1]))}


def find_actors(conn: sqlite3.Connection, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Knowledge-base actors whose stored spelling (Arabic or Latin, normalised) contains ``q``, by events."""
    needle = normalize_text(q).lower().strip()
    if not needle:
        return []
    rows = conn.execute(
        "SELECT a.actor_id, count(*) AS n FROM event_actors a WHERE a.actor_id IN"
        " (SELECT actor_id FROM event_actors WHERE actor_id IS NOT NULL AND match_text IN"
        "  (SELECT match_text FROM actor_names WHERE instr(match_text, ?) > 0))"
        " GROUP BY a.actor_id ORDER BY n DESC, a.actor_id LIMIT ?",
        (needle, limit),
    ).fetchall()
    names = _names(conn, [r[0] for r in rows])
    return [{**names.get(aid, {"id": aid}), "events": n} for aid, n in rows]


def roles_seen(conn: sqlite3.Connection, actor_id: str, scan: int = 5000) -> list[dict[str, Any]]:
    """The titles reports gave the actor, each with the first and last event date it was seen on and how
    often (over the actor's ``scan`` newest events): how the actor's role changed, as the news said it."""
    seen: dict[str, dict[str, Any]] = {}
    rows = conn.execute(
        "SELECT e.record FROM event_actors a JOIN events e ON e.id = a.event_id WHERE a.actor_id = ?"
        " ORDER BY e.sort_key DESC LIMIT ?",
        (actor_id, scan),
    )
    for (rec_json,) in rows:
        rec = json.loads(rec_json)
        when = rec.get("date") or (rec.get("doc") or {}).get("published")
        for actor in (rec.get("source"), rec.get("target"), *(rec.get("participants") or [])):
            if not actor or actor.get("id") != actor_id or not actor.get("role"):
                continue
            entry = seen.setdefault(actor["role"], {"role": actor["role"], "first": when, "last": when, "count": 0})
            entry["count"] += 1
            if when and not when.startswith("--"):
                entry["first"] = min(filter(None, (entry["first"], when)))
                entry["last"] = max(filter(None, (entry["last"], when)))
    return sorted(seen.values(), key=lambda r: (r["first"] or "", r["role"]))


def documents(
    conn: sqlite3.Connection,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of stored documents, newest published first) with their event counts."""
    limit, offset = _page(limit, offset)
    clauses, params = [], []
    if source:
        clauses.append("d.source = ?")
        params.append(source)
    if since:
        clauses.append("d.published >= ?")
        params.append(since)
    if until:
        clauses.append("substr(d.published, 1, length(?)) <= ?")
        params += [until, until]
    if q:
        match = fts_query(q)
        clauses.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)" if match else "0")
        if match:
            params.append(match)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    total = conn.execute(f"SELECT count(*) FROM documents d{where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT d.doc_id, d.doc_key, d.title, d.source, d.published, d.url,"
        " (SELECT count(*) FROM events e WHERE e.doc_key = d.doc_key)"
        f" FROM documents d{where} ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    keys = ("doc_id", "doc_key", "title", "source", "published", "url", "events_count")
    return total, [dict(zip(keys, r, strict=True)) for r in rows]


def outlets(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every outlet with its number of documents, most first (for the outlet filter)."""
    rows = conn.execute(
        "SELECT source, count(*) AS n FROM documents WHERE source IS NOT NULL GROUP BY source ORDER BY n DESC"
    )
    return [{"source": s, "documents": n} for s, n in rows]
