"""Migrations: applied in order on a fresh database, recorded by name, and only the missing ones on re-open."""

from __future__ import annotations

import sqlite3

import pytest

from marsad.errors import MarsadError
from marsad.store import open_store
from marsad.store.migrations import MIGRATIONS, Migration, applied_migrations, apply_migrations

ALL = [m.name for m in MIGRATIONS]  # every migration the store ships, in order


def _conn(path: str) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_migrations_fresh_database_applies_all_and_records_names(db_path):
    with open_store(db_path) as store:
        assert store.applied_migrations == [m.name for m in MIGRATIONS]
    conn = _conn(db_path)
    assert applied_migrations(conn) == ALL
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    assert {"documents", "events", "event_actors", "documents_fts", "migrations"} <= tables


def test_migrations_reopen_applies_nothing(db_path):
    open_store(db_path).close()
    with open_store(db_path) as store:
        assert store.applied_migrations == []
    assert applied_migrations(_conn(db_path)) == ALL


def test_migrations_only_missing_ones_run_in_order(db_path):
    open_store(db_path).close()
    calls = []

    def add_column(conn):
        calls.append("0003")
        conn.execute("ALTER TABLE documents ADD COLUMN lang TEXT")

    extra = (
        *MIGRATIONS,
        Migration("9002_lang_index_table", ("CREATE TABLE extra (x INTEGER)",)),
        Migration("9003_lang", add_column),
    )
    conn = _conn(db_path)
    assert apply_migrations(conn, extra) == ["9002_lang_index_table", "9003_lang"]
    assert apply_migrations(conn, extra) == []
    assert calls == ["0003"]
    assert applied_migrations(conn) == [*ALL, "9002_lang_index_table", "9003_lang"]
    assert "lang" in {r[1] for r in conn.execute("PRAGMA table_info(documents)")}


def test_migration_failure_rolls_back_and_is_not_recorded(db_path):
    open_store(db_path).close()
    conn = _conn(db_path)
    broken = (*MIGRATIONS, Migration("9002_broken", ("CREATE TABLE half (x INTEGER)", "NOT SQL AT ALL")))
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn, broken)
    assert applied_migrations(conn) == ALL
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_migrations_must_be_sorted_and_unique(db_path):
    conn = _conn(db_path)
    with pytest.raises(MarsadError, match="sorted"):
        apply_migrations(conn, (Migration("0002_b", ()), Migration("0001_a", ())))


def test_store_pragmas(db_path):
    with open_store(db_path) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


@pytest.mark.parametrize("url", ["postgresql://u:p@host/db", "postgres://host/db"])
def test_open_store_postgres_is_a_clear_error(url):
    with pytest.raises(MarsadError, match="PostgreSQL support is not built yet"):
        open_store(url)


def test_open_store_sqlite_url_and_bad_urls(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        assert store.counts()["documents"] == 0
    assert (tmp_path / "a.db").exists()
    with pytest.raises(MarsadError, match="unsupported"):
        open_store("mysql://host/db")
    with pytest.raises(MarsadError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "a.db"))
    with pytest.raises(MarsadError, match="in-memory"):
        open_store(":memory:")


def test_closed_store_raises(db_path):
    store = open_store(db_path)
    store.close()
    with pytest.raises(MarsadError, match="closed"):
        store.counts()
