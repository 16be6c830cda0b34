"""The store's side of stories: the persistent backends of StoryIndex and DuplicateIndex (tables ``stories``,
``story_keys``, ``doc_signatures``, ``doc_bands``, migration 0004_stories), the hook that runs them on each
article as it is stored, and the story record with its canonical event and its copies.

Ingest compares a new document's events only with the stories filed under its participants, loaded from SQLite:
nothing is recomputed, and a story's id never changes once stored.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Any

import numpy as np

from marsad.model import Article
from marsad.store.queries import build_story, story_records
from marsad.stories.duplicates import DuplicateIndex, signature_bytes, signature_from_bytes
from marsad.stories.index import StoryIndex, StoryState

MAX_CANDIDATES = 20  # documents compared in full with a new one, those sharing the most LSH bands first


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _chunks(items: list, size: int = 500):
    # Stays under SQLite's bound-parameter limit; the placeholders are generated, the values are bound.
    for i in range(0, len(items), size):
        yield items[i : i + size]


class SqliteStories:
    """StoryIndex backend over the ``stories`` and ``story_keys`` tables of one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def candidates(self, keys: list[str]) -> list[StoryState]:
        rows: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            sql = (f"SELECT s.rowid, s.id, s.state FROM stories s WHERE s.id IN"
                   f" (SELECT story_id FROM story_keys WHERE key IN ({marks}))")
            for rowid, sid, state in self.conn.execute(sql, chunk):
                rows[sid] = (rowid, state)
        return [StoryState.from_json(sid, json.loads(state), rowid)
                for sid, (rowid, state) in sorted(rows.items(), key=lambda kv: kv[1][0])]

    def save(self, state: StoryState, new_keys: list[str]) -> None:
        data = state.to_json()
        date = data["date"] or {}
        now = _now()
        self.conn.execute(
            "INSERT INTO stories (id, type, mode, date, date_precision, size, state, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET mode = excluded.mode,"
            " date = excluded.date, date_precision = excluded.date_precision, size = excluded.size,"
            " state = excluded.state, updated_at = excluded.updated_at",
            (state.id, state.type, state.mode, date.get("value"), date.get("precision"), state.size,
             json.dumps(data, ensure_ascii=False, separators=(",", ":")), now, now),
        )
        self.conn.executemany("INSERT OR IGNORE INTO story_keys (key, story_id) VALUES (?, ?)",
                              [(key, state.id) for key in new_keys])

    def next_created(self) -> int:
        return self.conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM stories").fetchone()[0]

    def has(self, story_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None

    def get(self, story_id: str) -> StoryState | None:
        row = self.conn.execute("SELECT rowid, state FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else StoryState.from_json(story_id, json.loads(row[1]), row[0])


class SqliteDuplicates:
    """DuplicateIndex backend over ``doc_signatures`` (256-byte MinHash per document) and ``doc_bands``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def candidates(self, bands: list[int]) -> list[tuple[str, np.ndarray, str | None]]:
        # The documents sharing the most bands are the most similar: a template-heavy feed (every article of
        # an outlet opening with the same lines) can share a band with thousands, and only the best few matter.
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(
            "SELECT s.doc_key, s.signature, s.duplicate_of FROM doc_signatures s JOIN"
            f" (SELECT doc_key, count(*) AS shared FROM doc_bands WHERE band IN ({marks}) GROUP BY doc_key"
            f" ORDER BY shared DESC LIMIT {MAX_CANDIDATES}) b ON b.doc_key = s.doc_key",
            bands,
        ).fetchall()
        return [(key, signature_from_bytes(blob), dup) for key, blob, dup in rows]

    def save(self, key: str, sig: np.ndarray, bands: list[int], duplicate_of: str | None) -> None:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO doc_signatures (doc_key, signature, duplicate_of) VALUES (?, ?, ?)",
            (key, signature_bytes(sig), duplicate_of),
        )
        # Only originals are filed under their bands: a later copy finds the original itself, and a story
        # reprinted by fourteen outlets adds one document's bands, not fourteen.
        if cur.rowcount and duplicate_of is None:
            self.conn.executemany("INSERT INTO doc_bands (band, doc_key) VALUES (?, ?)",
                                  [(band, key) for band in bands])


def index_article(conn: sqlite3.Connection, article: Article) -> str | None:
    """Assign the article's events to stored stories (creating and growing them) and file its MinHash; return
    the content hash (doc_key) of the earlier stored document it copies, or None. Runs inside the caller's
    transaction, so a rolled-back document leaves no story behind."""
    duplicate_of = DuplicateIndex(SqliteDuplicates(conn), key=lambda a: a.content_hash).add(article)
    StoryIndex(SqliteStories(conn)).assign(article)
    return duplicate_of


def record_duplicate(conn: sqlite3.Connection, doc_key: str, duplicate_of: str | None) -> None:
    if duplicate_of is not None:
        conn.execute("UPDATE documents SET duplicate_of = ? WHERE doc_key = ?", (duplicate_of, doc_key))


def story_record(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """The STORY record (queries.build_story: id, type, mode, date, actors, place, first and last report,
    counts, outlets, every mention with its evidence) plus ``canonical``: the event the clusterer keeps for the
    story (participants, date span, place), and ``copies``: the documents that reprint an earlier one."""
    records = story_records(conn, [story_id])[story_id]
    if not records:
        return None
    story = build_story(story_id, records)
    row = conn.execute("SELECT state, created_at, updated_at FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is not None:
        state = json.loads(row[0])
        date = state.get("date") or {}
        story["canonical"] = {
            "type": state["type"],
            "mode": state.get("mode"),
            "participants": sorted(state["anchors"]),
            "countries": state["countries"],
            "date": date.get("value"),
            "date_precision": date.get("precision"),
            "date_source": "publication" if date.get("soft") else ("text" if date else None),
            "place": dict(zip(("geonameid", "country", "lat", "lon"), state["place"])) if state["place"] else None,
            "created_at": row[1],
            "updated_at": row[2],
        }
    keys = sorted({r["doc_key"] for r in _doc_keys(conn, story_id)})
    copies = []
    for chunk in _chunks(keys):
        marks = ",".join("?" * len(chunk))
        for doc_key, doc_id, source, dup in conn.execute(
            f"SELECT doc_key, doc_id, source, duplicate_of FROM documents WHERE doc_key IN ({marks})"
            " AND duplicate_of IS NOT NULL ORDER BY rowid", chunk
        ):
            copies.append({"doc_key": doc_key, "doc_id": doc_id, "source": source, "duplicate_of": dup})
    story["copies"] = copies
    story["original_documents_count"] = len(keys) - len(copies)
    return story


def _doc_keys(conn: sqlite3.Connection, story_id: str) -> list[dict[str, str]]:
    return [{"doc_key": r[0]} for r in conn.execute("SELECT DISTINCT doc_key FROM events WHERE story_id = ?",
                                                     (story_id,))]
