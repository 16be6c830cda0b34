"""Fixtures for the store tests: a fresh database file and one filled with the hand-built sample articles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sample_articles import sample_articles  # noqa: E402

from marsad.store import Store, open_store  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "marsad.db")


@pytest.fixture
def empty_store(db_path: str):
    with open_store(db_path) as store:
        yield store


@pytest.fixture
def store(empty_store: Store) -> Store:
    for article in sample_articles():
        assert empty_store.add(article)
    return empty_store
