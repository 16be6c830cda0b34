"""The HTTP API: JSON routes over the store and the authenticated ingest route; ``create_app`` wires the
HTML pages (pages.py) and the packaged static files in.

GET routes read the store only. POST /api/documents is the one route that runs the pipeline; it is off unless
a token is configured.
"""

from __future__ import annotations

import hmac
import sqlite3
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from marsad.api.kbinfo import kb_actor
from marsad.errors import InputError
from marsad.ingest.records import record_to_document
from marsad.store import Store, open_store
from marsad.store.sqlite import BUSY_TIMEOUT_MS

MAX_LIMIT = 1000
MAX_POST_RECORDS = 1000  # one request is processed synchronously: bigger batches belong to `marsad ingest`
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty = no filter (an empty form field)
STATUSES = ("reported", "planned", "negated", "hypothetical")
SECURITY_HEADERS = {
    # Everything the dashboard needs is served from here; article text is never trusted to run.
    "Content-Security-Policy": "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class EventQuery:
    """The filters shared by /api/events, /api/stories and the dashboard, validated by FastAPI (422)."""

    def __init__(
        self,
        actor: Annotated[
            str | None, Query(max_length=200, description="knowledge-base id, or part of a name (Arabic or Latin)")
        ] = None,
        type: Annotated[  # noqa: A002
            str | None, Query(pattern=r"^([A-Za-z_]{2,20})?$", description="PLOVER event type, e.g. CONSULT")
        ] = None,
        country: Annotated[
            str | None, Query(pattern=r"^([A-Za-z]{3})?$", description="ISO 3166-1 alpha-3 of either party")
        ] = None,
        status: Annotated[
            str | None, Query(pattern="^(" + "|".join(STATUSES) + ")?$", description="reported, planned, ...")
        ] = None,
        since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
        q: Annotated[
            str | None, Query(max_length=500, description="words of the article text (clitics tolerated)")
        ] = None,
        mode: Annotated[str | None, Query(max_length=40, description="PLOVER mode, e.g. visit, host")] = None,
        source: Annotated[str | None, Query(max_length=200, description="outlet, as stored")] = None,
    ) -> None:
        # Empty form fields arrive as "": they mean "no filter".
        self.filters = {
            k: v or None
            for k, v in dict(
                actor=actor,
                type=type,
                country=country,
                status=status,
                since=since,
                until=until,
                q=q,
                mode=mode,
                source=source,
            ).items()
        }


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]


def store_conn(store: Store) -> sqlite3.Connection:
    """The calling thread's connection of the store, for the aggregate queries (marsad.store.aggregates)."""
    return store.connection


def open_reader(store: Store) -> sqlite3.Connection:
    """A connection of its own on the store's database, for a response streamed over several threads."""
    conn = sqlite3.connect(store.path, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    return conn


class Ingestor:
    """Runs posted records through the pipeline (created on first use) into the store, one at a time."""

    def __init__(self, store: Store, pipeline_factory: Callable[[], Any] | None = None) -> None:
        self.store = store
        # Anything with ``process(RawDocument) -> Article``; marsad.pipeline.Pipeline unless given (tests).
        self.pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._lock = threading.Lock()  # the pipeline keeps per-run state (stage timers, story clusterer)

    def _get_pipeline(self) -> Any:
        if self._pipeline is None:
            factory = self.pipeline_factory
            if factory is None:
                try:
                    from marsad.pipeline import Pipeline
                except ImportError as exc:
                    raise HTTPException(503, f"the pipeline is not available: {exc}") from exc
                factory = Pipeline
            self._pipeline = factory()
        return self._pipeline

    def ingest(self, records: list[Any]) -> dict[str, Any]:
        added = skipped = 0
        errors: list[dict[str, Any]] = []
        with self._lock:
            pipeline = self._get_pipeline()
            for i, record in enumerate(records):
                origin = f"request[{i}]"
                try:
                    raw = record_to_document(record, origin=origin, fallback_id="")
                    if not raw.doc_id:  # no id or url: name it by its content, stable across re-posts
                        raw.doc_id = "post-" + raw.content_hash[:16]
                    article = pipeline.process(raw)
                    if article is None:
                        raise InputError(origin, "no article text found")
                except InputError as exc:
                    errors.append({"index": i, "reason": exc.reason})
                    continue
                if self.store.add(article):
                    added += 1
                else:
                    skipped += 1
        return {"added": added, "skipped": skipped, "errors": errors}


def create_app(db_url: str, token: str | None = None) -> FastAPI:
    """The dashboard and HTTP API over the store at ``db_url``; ``token`` enables POST /api/documents."""
    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        store.close()

    # Swagger UI and ReDoc load their scripts from a CDN: off, the dashboard must work offline. The schema
    # stays at /openapi.json and /docs is an offline page rendered from it (marsad.api.docs).
    app = FastAPI(
        title="marsad",
        version="1",
        description="Political events coded from Arabic news: events, stories, actors, documents, aggregates.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.ingestor = Ingestor(store)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.get("/api/events")
    def api_events(filters: Annotated[EventQuery, Depends()], limit: Limit = 100, offset: Offset = 0) -> dict:
        total, items = store.events(**filters.filters, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/stories")
    def api_stories(
        filters: Annotated[EventQuery, Depends()], limit: Limit = 100, offset: Offset = 0
    ) -> dict:
        total, items = store.stories(**filters.filters, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> dict:
        return _found(store.story(story_id), "story", story_id)

    @app.get("/api/actors/{actor_id}")
    def api_actor(actor_id: str) -> dict:
        return _found(store.actor(actor_id, kb=kb_actor), "actor", actor_id)

    @app.get("/api/documents/{doc_id:path}")
    def api_document(doc_id: str) -> dict:
        return _found(store.document(doc_id), "document", doc_id)

    @app.get("/api/search")
    def api_search(q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20) -> dict:
        items = store.search(q, limit=limit)
        return {"total": len(items), "items": items}

    @app.get("/api/counts")
    def api_counts() -> dict:
        return store.counts()

    @app.post("/api/documents")
    async def api_post_documents(request: Request) -> dict:
        _check_token(token, request.headers.get("authorization"))
        try:
            body = await request.json()
        except ValueError as exc:
            raise HTTPException(422, f"the body is not valid JSON: {exc}") from exc
        records = body if isinstance(body, list) else [body]
        if len(records) > MAX_POST_RECORDS:
            raise HTTPException(413, f"at most {MAX_POST_RECORDS} records per request; use `marsad ingest`")
        return await run_in_threadpool(app.state.ingestor.ingest, records)

    # Imported here: these modules import EventQuery and the helpers above from this one.
    from marsad.api.charts import router as charts_router
    from marsad.api.docs import router as docs_router
    from marsad.api.pages import router as pages_router

    app.include_router(charts_router)
    app.include_router(docs_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(packages=[("marsad.web", "static")]), name="static")
    return app


def _found(value: dict | None, what: str, key: str) -> dict:
    if value is None:
        raise HTTPException(404, f"no {what} with id {key!r}")
    return value


def _check_token(expected: str | None, header: str | None) -> None:
    if not expected:
        raise HTTPException(403, "writing is off: start the server with --token or MARSAD_TOKEN to enable it")
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


__all__ = ["EventQuery", "Ingestor", "create_app"]
