"""JSON routes for the dashboard's charts and lists: aggregates (timeline, top actors, the actor network,
places), actor search and an actor's counterparts, the document list, outlets, and downloads of events in
every export format.

All of them read the store with the same filters as /api/events (EventQuery).
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from marsad.api.app import DATE_PATTERN, EventQuery, Limit, Offset, open_reader, store_conn
from marsad.api.kbinfo import kb_actor
from marsad.export.formats import FORMATS, open_writer
from marsad.store import aggregates
from marsad.store.queries import EventFilter, iter_events

MAX_EXPORT = 100_000  # events per download; the CLI (`marsad events`) has no such cap
EXPORT_CHUNK = 500  # records per streamed piece
MEDIA = {
    "jsonl": "application/x-ndjson",
    "plover": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
SUFFIX = {"jsonl": "jsonl", "plover": "plover.jsonl", "csv": "csv", "parquet": "parquet"}

router = APIRouter()


def _conn(request: Request):  # type: ignore[no-untyped-def]
    return store_conn(request.app.state.store)


def _filter(filters: EventQuery) -> EventFilter:
    return EventFilter(**filters.filters)


@router.get("/api/aggregates/timeline", tags=["aggregates"])
def api_timeline(
    request: Request,
    filters: Annotated[EventQuery, Depends()],
    granularity: Annotated[str | None, Query(pattern="^(day|month|year)?$")] = None,
) -> dict:
    """Matching events per date bucket and type (the overview's timeline)."""
    return aggregates.timeline(_conn(request), _filter(filters), granularity or None)


@router.get("/api/aggregates/actors", tags=["aggregates"])
def api_top_actors(
    request: Request, filters: Annotated[EventQuery, Depends()], limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> dict:
    """Knowledge-base actors taking part in the most matching events."""
    return {"items": aggregates.top_actors(_conn(request), _filter(filters), limit)}


@router.get("/api/aggregates/edges", tags=["aggregates"])
def api_edges(
    request: Request, filters: Annotated[EventQuery, Depends()], limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> dict:
    """Directed actor → actor pairs weighted by distinct stories (the network and the top dyads)."""
    return aggregates.edges(_conn(request), _filter(filters), limit)


@router.get("/api/aggregates/locations", tags=["aggregates"])
def api_locations(
    request: Request, filters: Annotated[EventQuery, Depends()], limit: Annotated[int, Query(ge=1, le=5000)] = 500
) -> dict:
    """Places of matching events with counts, and event counts per country (the map)."""
    return aggregates.locations(_conn(request), _filter(filters), limit)


@router.get("/api/actors", tags=["actors"])
def api_find_actors(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="part of a name, Arabic or Latin")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict:
    """Knowledge-base actors whose stored spelling contains ``q``, most events first."""
    items = aggregates.find_actors(_conn(request), q, limit)
    return {"total": len(items), "items": items}


@router.get("/api/actors/{actor_id}/counterparts", tags=["actors"])
def api_counterparts(
    request: Request, actor_id: str, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> dict:
    """The actors sharing events with this one, ranked by shared stories."""
    return {"items": aggregates.counterparts(_conn(request), actor_id, limit)}


@router.get("/api/actors/{actor_id}/timeline", tags=["actors"])
def api_actor_timeline(request: Request, actor_id: str) -> dict:
    """The actor's events per date bucket and type, and the titles reports gave it over time."""
    conn = _conn(request)
    data = aggregates.timeline(conn, EventFilter(actor_id=actor_id))
    data["roles_seen"] = aggregates.roles_seen(conn, actor_id)
    entry = kb_actor(actor_id)
    data["roles_kb"] = entry.get("roles", []) if entry else []
    return data


@router.get("/api/documents", tags=["documents"])
def api_documents(
    request: Request,
    source: Annotated[str | None, Query(max_length=200, description="outlet")] = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="published on or after")] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="published on or before")] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Stored documents, newest published first, with their event counts."""
    total, items = aggregates.documents(_conn(request), source or None, since or None, until or None, q or None,
                                        limit, offset)  # fmt: skip
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/api/outlets", tags=["documents"])
def api_outlets(request: Request) -> dict:
    """Every outlet with its number of stored documents."""
    return {"items": aggregates.outlets(_conn(request))}


@router.get("/api/export", tags=["events"], response_model=None)
def api_export(
    request: Request,
    filters: Annotated[EventQuery, Depends()],
    format: Annotated[str, Query(pattern="^(" + "|".join(FORMATS) + ")$")] = "jsonl",  # noqa: A002
    limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = 10_000,
) -> Response:
    """Matching events as a download in any export format (jsonl, csv, plover, parquet), newest first."""
    flt = _filter(filters)
    headers = {"Content-Disposition": f'attachment; filename="marsad-events.{SUFFIX[format]}"'}
    if format == "parquet":  # a Parquet footer is written last: the file is built whole, then sent
        buf = io.BytesIO()
        writer = open_writer("parquet", binary_out=buf)
        for rec in iter_events(_conn(request), flt, limit):
            writer.write(rec)
        writer.close()
        return Response(buf.getvalue(), media_type=MEDIA[format], headers=headers)
    # The stream is consumed piece by piece, possibly on different worker threads while other requests use
    # the store's per-thread connections: it reads through a connection of its own, closed at its end.
    conn = open_reader(request.app.state.store)
    return StreamingResponse(_stream(conn, flt, format, limit), media_type=MEDIA[format], headers=headers)


def _stream(conn: sqlite3.Connection, flt: EventFilter, fmt: str, limit: int) -> Iterator[bytes]:
    try:
        buf = io.StringIO()
        writer = open_writer(fmt, text_out=buf)
        n = 0
        for rec in iter_events(conn, flt, limit):
            writer.write(rec)
            n += 1
            if n % EXPORT_CHUNK == 0:
                yield buf.getvalue().encode("utf-8")
                buf.seek(0)
                buf.truncate()
        writer.close()
        if buf.getvalue():
            yield buf.getvalue().encode("utf-8")
    finally:
        conn.close()

