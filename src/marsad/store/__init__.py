"""The store: documents and events persisted with full-text search. SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

from pathlib import Path

from marsad.errors import MarsadError
from marsad.store.sqlite import Store

__all__ = ["Store", "open_store"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def open_store(url: str | Path = "marsad.db") -> Store:
    """Open (creating and migrating if needed) the store at ``url``: a file path, ``sqlite:///path``, or a
    ``postgresql://`` URL (not supported yet)."""
    text = str(url)
    if text.startswith(_POSTGRES_SCHEMES):
        raise MarsadError(
            f"PostgreSQL support is not built yet: use a SQLite file path instead of {text.split('@')[-1]!r}"
        )
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise MarsadError(f"unsupported database URL {text!r}: give a file path or a postgresql:// URL")
    if not text:
        raise MarsadError("empty database path")
    if text == ":memory:" or text.startswith("file:"):
        # Every thread opens its own connection: an in-memory database would be a different one in each.
        raise MarsadError("an in-memory store is not supported: give a file path")
    parent = Path(text).parent
    if not parent.is_dir():
        raise MarsadError(f"cannot create database {text!r}: folder {str(parent)!r} does not exist")
    return Store(text)
