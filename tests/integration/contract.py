"""Checks that a record has the shape docs/contract.md promises (used by the integration tests)."""

from __future__ import annotations

import re

PLOVER = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
             "MOBILIZE COERCE ASSAULT".split())
ACTOR_KEYS = {"text", "span", "id", "name", "name_ar", "kind", "country", "sector", "role"}
PLACE_KEYS = {"text", "span", "name", "name_ar", "country", "lat", "lon", "geonameid"}
EVENT_KEYS = {"id", "doc_id", "type", "mode", "cameo", "status", "source", "target", "participants", "date",
              "date_precision", "date_text", "date_source", "location", "evidence", "evidence_span", "confidence",
              "story_id", "doc"}
DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2}|\d{4}-W\d{2})$")


def check_actor(actor: dict, text: str | None = None) -> None:
    assert ACTOR_KEYS <= set(actor), actor
    assert actor["kind"] in {"person", "organization", "country", "group"}, actor
    assert actor["country"] is None or re.fullmatch(r"[A-Z]{3}", actor["country"]), actor
    s, e = actor["span"]
    assert 0 <= s < e
    if text is not None:
        assert text[s:e] == actor["text"]


def check_event(rec: dict, text: str | None = None) -> None:
    """Assert the event record is contract-valid; with the article text, that every span points at its text."""
    assert EVENT_KEYS <= set(rec), EVENT_KEYS - set(rec)
    assert rec["type"] in PLOVER
    assert rec["status"] in {"reported", "planned", "negated", "hypothetical"}
    check_actor(rec["source"], text)
    if rec["target"] is not None:
        check_actor(rec["target"], text)
    for p in rec["participants"]:
        check_actor(p, text)
    if rec["date"] is not None:
        assert DATE_RE.match(rec["date"]), rec["date"]
        assert rec["date_precision"] in {"day", "week", "month", "year"}
        assert rec["date_source"] in {"text", "publication"}
    if rec["location"] is not None:
        assert PLACE_KEYS <= set(rec["location"])
        if text is not None:
            s, e = rec["location"]["span"]
            assert text[s:e] == rec["location"]["text"]
    s, e = rec["evidence_span"]
    if text is not None:
        assert text[s:e] == rec["evidence"]
    assert 0.0 <= rec["confidence"] <= 1.0
    assert rec["story_id"]
    assert set(rec["doc"]) >= {"title", "url", "source", "published"}
