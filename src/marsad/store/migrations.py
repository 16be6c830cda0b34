"""The store's schema as named, ordered, transactional migrations, recorded in a ``migrations`` table.

A migration is a name ("0001_initial") and either a tuple of SQL statements or a function of the connection.
Opening a store applies, in order, only the migrations whose names are not recorded yet; each one runs in its
own transaction together with the row that records it, so a crash leaves either all of it or none of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from marsad.errors import MarsadError

# unicode61 folds case and, with remove_diacritics 2, Latin accents; Arabic letter variants (alef/hamza forms,
# ta marbuta, alef maqsura) and tashkeel are folded by marsad's own normaliser before indexing, because
# unicode61 keeps shadda and does not fold hamza seats.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

_INITIAL = (
    """
    CREATE TABLE documents (
        doc_key TEXT PRIMARY KEY,          -- sha256 of the raw content: the idempotency key
        doc_id TEXT NOT NULL,
        title TEXT,
        url TEXT,
        source TEXT,
        published TEXT,                    -- ISO date or NULL
        text TEXT NOT NULL,                -- cleaned text; every span points into it
        norm TEXT NOT NULL,                -- normalised text, kept so the FTS index can be rebuilt
        annotation TEXT NOT NULL,          -- annotated-document JSON without "text" and "events"
        ingested_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX documents_doc_id ON documents(doc_id)",
    "CREATE INDEX documents_source ON documents(source)",
    "CREATE INDEX documents_published ON documents(published)",
    """
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_key TEXT NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
        story_id TEXT NOT NULL,            -- the record's story_id, or the event id for an unassigned event
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT NOT NULL,
        date TEXT,
        date_precision TEXT,
        date_key TEXT,                     -- sortable ISO prefix of date (weeks as their Monday; NULL if no year)
        source_id TEXT,
        source_country TEXT,
        target_id TEXT,
        target_country TEXT,
        record TEXT NOT NULL               -- the contract's event record, JSON
    )
    """,
    "CREATE INDEX events_doc_key ON events(doc_key)",
    "CREATE INDEX events_story ON events(story_id)",
    "CREATE INDEX events_type ON events(type, date_key)",
    "CREATE INDEX events_date ON events(date_key)",
    "CREATE INDEX events_source_country ON events(source_country)",
    "CREATE INDEX events_target_country ON events(target_country)",
    """
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        actor_id TEXT,                     -- knowledge-base id or NULL
        name TEXT,                         -- canonical name, else the surface text
        match_text TEXT NOT NULL,          -- normalised, lower-cased text | name | name_ar, for substring filters
        role TEXT NOT NULL CHECK (role IN ('source', 'target', 'participant')),
        country TEXT
    )
    """,
    "CREATE INDEX event_actors_event ON event_actors(event_id)",
    "CREATE INDEX event_actors_actor ON event_actors(actor_id)",
    # Contentless: the text already lives in documents.norm; search snippets are cut from documents.text.
    f"""
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, stems, content='', tokenize='{FTS_TOKENIZER}'
    )
    """,
)


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Sequence[str] | Callable[[sqlite3.Connection], None]

    def run(self, conn: sqlite3.Connection) -> None:
        if callable(self.apply):
            self.apply(conn)
        else:
            for statement in self.apply:
                conn.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (Migration("0001_initial", _INITIAL),)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database, in the order they were applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def apply_migrations(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded, in order; return the names applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``): transactions are explicit here.
    """
    names = [m.name for m in migrations]
    if names != sorted(names) or len(set(names)) != len(names):
        raise MarsadError(f"migrations must have unique names in sorted order, got {names}")
    done = set(applied_migrations(conn))
    applied = []
    for migration in migrations:
        if migration.name in done:
            continue
        # IMMEDIATE takes the write lock first, so two processes opening the same new database do not both
        # apply a migration: the second one re-checks under the lock and finds it recorded.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                conn.execute("COMMIT")
                continue
            migration.run(conn)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.name)
    return applied
