"""Fixtures for the API tests: a store filled with the hand-built sample articles, and test clients."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent.parent / "store"))

from sample_articles import actor, add_event, make_article, sample_articles  # noqa: E402

from marsad.api.app import create_app  # noqa: E402
from marsad.store import open_store  # noqa: E402

TOKEN = "s3cret-token"
XSS_TEXT = 'قال المتحدث <script>alert(1)</script> إن الوفد "وصل" & غادر <b>بغداد</b>.'


def xss_article():
    art = make_article(
        "xss-1",
        XSS_TEXT,
        source="<i>outlet</i>",
        published="2022-02-02",
        title="<img src=x onerror=alert(2)>",
        boilerplate=["<script>alert(3)</script> شارك"],
    )
    add_event(
        art,
        "CONSULT",
        "وصل",
        source=actor(XSS_TEXT, "المتحدث", "person", name="<b>spokesman</b>"),
        story_id="st-<x>",
    )
    art.url = "javascript:alert(4)"
    return art


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "api.db")
    with open_store(path) as store:
        store.add_many([*sample_articles(), xss_article()])
    return path


@pytest.fixture
def client(db_path: str):
    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def token_client(db_path: str):
    with TestClient(create_app(db_path, token=TOKEN)) as c:
        yield c
