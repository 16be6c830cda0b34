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
from marsad.store import rollups

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


# The dashboard's read paths at a million events (benchmarks/bench_api.py). Generated columns are computed from
# the event record when a row is written, so the writer (sqlite.py) needs no change, and they can be indexed:
# - sort_key orders events newest first without joining documents: the event date where known, else the
#   publication date, then the publication date to order ties (a space sorts below "-", so "2019-05" comes
#   after "2019-05-09" in a descending scan, as a month-precise date should);
# - lat, lon, place_key let the map group events by place from an index instead of parsing every record;
# - actor_names holds each distinct normalised actor text once, so a name filter scans thousands of names,
#   not millions of event_actors rows.
_PUBLISHED = "json_extract(record, '$.doc.published')"
_QUERY_INDEXES = (
    "ALTER TABLE events ADD COLUMN sort_key TEXT GENERATED ALWAYS AS"
    f" (COALESCE(date_key, {_PUBLISHED}) || ' ' || COALESCE({_PUBLISHED}, '')) VIRTUAL",
    "ALTER TABLE events ADD COLUMN lat REAL GENERATED ALWAYS AS (json_extract(record, '$.location.lat')) VIRTUAL",
    "ALTER TABLE events ADD COLUMN lon REAL GENERATED ALWAYS AS (json_extract(record, '$.location.lon')) VIRTUAL",
    "ALTER TABLE events ADD COLUMN place_key TEXT GENERATED ALWAYS AS (COALESCE("
    "json_extract(record, '$.location.geonameid'), json_extract(record, '$.location.name'),"
    " json_extract(record, '$.location.text'))) VIRTUAL",
    "CREATE INDEX events_sort ON events(sort_key)",
    # Covering for lists and aggregates over a period: a date range is read from this index alone, never from
    # the table rows, whose generated columns would re-parse every record.
    "CREATE INDEX events_period ON events(date_key, type, status, mode, story_id, source_id, target_id,"
    " source_country, target_country, sort_key, lat, lon, place_key, id)",
    "DROP INDEX events_date",  # events_period starts with date_key: the planner must not pick the narrow one
    "CREATE INDEX events_source_country_type ON events(source_country, type, sort_key)",
    "CREATE INDEX events_target_country_type ON events(target_country, type, sort_key)",
    "CREATE INDEX events_type_sort ON events(type, sort_key)",
    "CREATE INDEX events_story_sort ON events(story_id, sort_key)",
    "CREATE INDEX events_place ON events(lat, lon, place_key) WHERE lat IS NOT NULL",
    "CREATE INDEX events_pair ON events(source_id, target_id, story_id)",
    "CREATE INDEX event_actors_actor_event ON event_actors(actor_id, event_id)",
    "CREATE INDEX event_actors_event_actor ON event_actors(event_id, actor_id)",  # covering for top actors
    "CREATE INDEX event_actors_match ON event_actors(match_text, event_id)",
    "CREATE TABLE actor_names (match_text TEXT PRIMARY KEY) WITHOUT ROWID",
    "INSERT OR IGNORE INTO actor_names (match_text) SELECT match_text FROM event_actors",
    """
    CREATE TRIGGER event_actors_names AFTER INSERT ON event_actors BEGIN
        INSERT OR IGNORE INTO actor_names (match_text) VALUES (new.match_text);
    END
    """,
)

# Stories kept between ingests (marsad.store.stories): each story's canonical event as StoryIndex state (JSON),
# filed under its blocking keys so that a new event loads only its candidates; near-duplicate documents through
# their MinHash signatures (64 x 32 bits) and LSH band keys. Stories stored before this migration keep their ids
# but are not candidates for new events (their events were stored without the state this needs).
_STORIES = (
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        date TEXT,                         -- the most precise date its reports gave (ISO partial)
        date_precision TEXT,
        size INTEGER NOT NULL,             -- mentions assigned to it
        state TEXT NOT NULL,               -- StoryState.to_json(): participants, date span, place, evidence words
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    "CREATE TABLE story_keys (key TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (key, story_id)) WITHOUT ROWID",
    "CREATE TABLE doc_signatures (doc_key TEXT PRIMARY KEY, signature BLOB NOT NULL, duplicate_of TEXT)",
    "CREATE TABLE doc_bands (band INTEGER NOT NULL, doc_key TEXT NOT NULL)",
    "CREATE INDEX doc_bands_band ON doc_bands(band)",
    "ALTER TABLE documents ADD COLUMN duplicate_of TEXT",  # doc_key of the earlier document it copies
)



def _fast_paths(conn: sqlite3.Connection) -> None:
    """The map's places and countries per period, and story lists per actor (marsad.store.rollups), filled
    from the stored events; and events by document with their date and order keys, so that a text search
    within a period is answered from the index without reading the event rows (it replaces events_doc_key,
    of which it is an extension)."""
    for statement in rollups.SCHEMA_0006:
        conn.execute(statement)
    rollups.rebuild_0006(conn)
    conn.execute("CREATE INDEX events_doc ON events(doc_key, date_key, sort_key)")
    conn.execute("DROP INDEX events_doc_key")


def _rollups(conn: sqlite3.Connection) -> None:
    """Rollup tables for the dashboard's aggregates (marsad.store.rollups), filled from the stored events."""
    for statement in rollups.SCHEMA:
        conn.execute(statement)
    rollups.rebuild_0005(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
    Migration("0003_query_indexes", _QUERY_INDEXES),
    Migration("0004_stories", _STORIES),
    Migration("0005_rollups", _rollups),
    Migration("0006_fast_paths", _fast_paths),
)


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
