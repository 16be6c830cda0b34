"""The SQLite store: opening (WAL, foreign keys, migrations), idempotent transactional writes of Articles, and
the read methods the CLI and the API call.

Each thread gets its own connection (the API serves requests from a thread pool); WAL lets readers run while
a writer commits.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.export.records import annotation_record
from marsad.model import Article
from marsad.store import rollups
from marsad.store.migrations import apply_migrations
from marsad.store.queries import (
    EventFilter,
    actor_summary,
    build_story,
    query_events,
    query_stories,
    story_records,
)
from marsad.store.search import fts_query, snippet, stems_of
from marsad.store.stories import index_article, record_duplicate, story_record
from marsad.text.normalize import normalize, normalize_text

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another process's transaction before failing
BATCH_SIZE = 200  # documents per commit in add_many: fewer fsyncs, while a crash loses at most one batch
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def date_key(value: str | None) -> str | None:
    """A sortable ISO prefix for an event date: weeks become their Monday; a date with no year has none."""
    if not value or value.startswith("--"):
        return None
    week = _WEEK_RE.match(value)
    if week:
        try:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        except ValueError:
            return week[1]
    m = _DATE_RE.match(value)
    return m.group() if m else None


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _match_text(actor: dict) -> str:
    parts = (actor.get("text"), actor.get("name"), actor.get("name_ar"))
    return "|".join(normalize_text(p).lower() for p in parts if p)


class Store:
    """Documents and their events in SQLite, with full-text search over the normalised text."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False
        self.applied_migrations = apply_migrations(self._conn)

    # -- connections -------------------------------------------------------------------------------------
    @property
    def connection(self) -> sqlite3.Connection:
        """The calling thread's connection (autocommit mode), for read queries outside this class
        (marsad.store.aggregates); writes go through add and add_many, which keep the rollups in step."""
        return self._conn

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise MarsadError(f"store {self.path} is closed")
        conn = getattr(self._local, "conn", None)
        if conn is None:
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE / SAVEPOINT) so that add() controls
            # exactly what one transaction holds.
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable across app crashes, fast
            conn.execute("PRAGMA foreign_keys = ON")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ------------------------------------------------------------------------------------------
    def add(self, article: Article) -> bool:
        """Store one article with its events; False (and nothing written) when its content is stored already."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            added = self._insert(conn, article)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return added

    def add_many(self, articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> tuple[int, int]:
        """Store many articles, committing every ``batch_size`` documents; return (added, skipped).

        An article that fails is rolled back alone; the articles before it are committed and the error is raised.
        """
        conn = self._conn
        added = skipped = pending = 0
        conn.execute("BEGIN IMMEDIATE")
        try:
            for article in articles:
                conn.execute("SAVEPOINT article")
                try:
                    ok = self._insert(conn, article)
                except BaseException:
                    conn.execute("ROLLBACK TO article")
                    conn.execute("RELEASE article")
                    raise
                conn.execute("RELEASE article")
                if ok:
                    added += 1
                    pending += 1
                else:
                    skipped += 1
                if pending >= batch_size:
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                    pending = 0
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
        return added, skipped

    def _insert(self, conn: sqlite3.Connection, article: Article) -> bool:
        key = article.content_hash
        if conn.execute("SELECT 1 FROM documents WHERE doc_key = ?", (key,)).fetchone():
            return False
        # Stories (marsad.store.stories): re-assign the events' story ids against the stories already stored,
        # so that an ingest extends them, and note which stored document this one copies.
        duplicate_of = index_article(conn, article)
        annotation = annotation_record(article)
        events = annotation["events"]
        # The text and the events are stored in their own columns and tables; the annotation keeps their keys
        # (so the record comes back with its fields in contract order) but not a second copy of them.
        slim = {**annotation, "text": None, "events": []}
        norm = article.norm or normalize(article.text)[0]
        title_norm = normalize_text(article.title or "")
        cur = conn.execute(
            "INSERT INTO documents (doc_key, doc_id, title, url, source, published, text, norm, annotation,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                article.doc_id,
                article.title,
                article.url,
                article.source,
                annotation["published"],
                article.text,
                norm,
                _dumps(slim),
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )
        record_duplicate(conn, key, duplicate_of)
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
            (cur.lastrowid, title_norm, norm, stems_of(title_norm + "\n" + norm)),
        )
        used: set[str] = set()
        for record in events:
            self._insert_event(conn, key, record, used)
        return True

    def _insert_event(self, conn: sqlite3.Connection, key: str, record: dict, used: set[str]) -> None:
        # One trigger can yield two events of the same type (met A, met B): their ids would collide, so the
        # second one gets a suffix rather than failing the whole document.
        base = record["id"]
        n = 1
        while (
            record["id"] in used
            or conn.execute("SELECT 1 FROM events WHERE id = ?", (record["id"],)).fetchone()
        ):
            n += 1
            record["id"] = f"{base}-{n}"
        used.add(record["id"])
        src, tgt = record.get("source") or {}, record.get("target") or {}
        conn.execute(
            "INSERT INTO events (id, doc_key, story_id, type, mode, status, date, date_precision, date_key,"
            " source_id, source_country, target_id, target_country, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record["id"],
                key,
                record.get("story_id") or record["id"],
                record["type"],
                record.get("mode"),
                record["status"],
                record.get("date"),
                record.get("date_precision"),
                date_key(record.get("date")),
                src.get("id"),
                src.get("country"),
                tgt.get("id"),
                tgt.get("country"),
                _dumps(record),
            ),
        )
        actors = [("source", src), ("target", tgt)] + [
            ("participant", p) for p in record.get("participants") or []
        ]
        conn.executemany(
            "INSERT INTO event_actors (event_id, actor_id, name, match_text, role, country)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    record["id"],
                    a.get("id"),
                    a.get("name") or a.get("text"),
                    _match_text(a),
                    role,
                    a.get("country"),
                )
                for role, a in actors
                if a
            ],
        )
        rollups.add_event(conn, record["id"])

    # -- reads -------------------------------------------------------------------------------------------
    def events(
        self,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002 - the contract's parameter name
        country: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        q: str | None = None,
        mode: str | None = None,
        source: str | None = None,
        limit: int = 100,
        offset: int = 0,
        actor_id: str | None = None,
    ) -> tuple[int, list[dict]]:
        """(total matching, one page of event records), newest first."""
        flt = EventFilter(actor, actor_id, type, country, status, since, until, q, mode, source)
        return query_events(self._conn, flt, limit, offset)

    def stories(
        self,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
        country: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        q: str | None = None,
        mode: str | None = None,
        source: str | None = None,
        limit: int = 100,
        offset: int = 0,
        actor_id: str | None = None,
    ) -> tuple[int, list[dict]]:
        """(total matching, one page of stories): stories with at least one event matching the filters."""
        flt = EventFilter(actor, actor_id, type, country, status, since, until, q, mode, source)
        return query_stories(self._conn, flt, limit, offset)

    def story_record(self, story_id: str) -> dict | None:
        """The story with its canonical event and its copies (marsad.store.stories.story_record)."""
        return story_record(self._conn, story_id)

    def story(self, story_id: str) -> dict | None:
        records = story_records(self._conn, [story_id])[story_id]
        return build_story(story_id, records) if records else None

    def document(self, doc_id: str) -> dict | None:
        """The annotated-document record, by content hash or by doc_id (the latest ingested one)."""
        conn = self._conn
        row = conn.execute(
            "SELECT doc_key, text, annotation FROM documents WHERE doc_key = ?", (doc_id,)
        ).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT doc_key, text, annotation FROM documents WHERE doc_id = ? ORDER BY rowid DESC LIMIT 1",
                (doc_id,),
            ).fetchone()
        if row is None:
            return None
        key, text, annotation = row
        record = json.loads(annotation)
        record["text"] = text
        record["events"] = [
            json.loads(r[0])
            for r in conn.execute("SELECT record FROM events WHERE doc_key = ? ORDER BY rowid", (key,))
        ]
        record["doc_key"] = key
        return record

    def actor(self, actor_id: str, kb: Callable[[str], dict | None] | None = None) -> dict | None:
        return actor_summary(self._conn, actor_id, kb)

    def search(self, q: str, limit: int = 20) -> list[dict]:
        """Documents matching an Arabic or Latin query, best first, each with a snippet around the hit."""
        match = fts_query(q)
        if match is None:
            return []
        rows = self._conn.execute(
            "SELECT d.doc_id, d.doc_key, d.title, d.source, d.published, d.text"
            " FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
            " WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 4.0, 1.0, 0.5) LIMIT ?",
            (match, limit),
        ).fetchall()
        out = []
        for doc_id, key, title, source, published, text in rows:
            snip, hit = snippet(text, q)
            out.append(
                {
                    "doc_id": doc_id,
                    "doc_key": key,
                    "title": title,
                    "source": source,
                    "published": published,
                    "snippet": snip,
                    "snippet_hit": hit,
                }
            )
        return out

    def counts(self) -> dict[str, int]:
        conn = self._conn
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "events": one("SELECT count(*) FROM events"),
            "stories": one("SELECT count(DISTINCT story_id) FROM events"),
            "actors": one("SELECT count(DISTINCT actor_id) FROM event_actors WHERE actor_id IS NOT NULL"),
            "outlets": one("SELECT count(DISTINCT source) FROM documents WHERE source IS NOT NULL"),
        }
