"""JSON routes: shapes, filters, pagination, 404 and 422."""

from __future__ import annotations

import pytest


def test_api_events_shape_and_pagination(client):
    body = client.get("/api/events", params={"limit": 2}).json()
    assert body["total"] == 6 and len(body["items"]) == 2
    ev = body["items"][0]
    for key in (
        "id",
        "doc_id",
        "type",
        "mode",
        "status",
        "source",
        "target",
        "participants",
        "date",
        "date_precision",
        "evidence",
        "evidence_span",
        "story_id",
        "doc",
    ):
        assert key in ev
    page3 = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    assert page3["total"] == 6 and len(page3["items"]) == 2
    beyond = client.get("/api/events", params={"offset": 100}).json()
    assert beyond == {"total": 6, "limit": 100, "offset": 100, "items": []}


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"type": "consult"}, 3),
        ({"actor": "Q_SISI"}, 2),
        ({"actor": "السيسى"}, 2),
        ({"country": "irn"}, 2),
        ({"status": "planned"}, 1),
        ({"since": "2019-06", "until": "2020"}, 2),
        ({"q": "الامم المتحده"}, 2),
        ({"q": 'NEAR("الأمم" -*'}, 0),
        ({"type": "", "actor": ""}, 6),  # empty form fields are no filter
    ],
)
def test_api_events_filters(client, params, total):
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 200
    assert resp.json()["total"] == total


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 1001},
        {"limit": 0},
        {"offset": -1},
        {"since": "last week"},
        {"until": "2019-5-1"},
        {"country": "EGYPT"},
        {"status": "rumoured"},
        {"type": "CON SULT"},
        {"limit": "ten"},
    ],
)
def test_api_events_bad_params_422(client, params):
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 422
    assert "detail" in resp.json()


def test_api_stories(client):
    body = client.get("/api/stories", params={"type": "CONSULT"}).json()
    assert body["total"] == 2
    meet = next(s for s in body["items"] if s["id"] == "st-meet")
    assert meet["mentions_count"] == 2 and meet["outlets_count"] == 2
    assert {
        "id",
        "type",
        "mode",
        "date",
        "actors",
        "location",
        "first_report",
        "last_report",
        "outlets",
        "mentions",
    } <= set(meet)
    one = client.get("/api/stories", params={"limit": 1}).json()
    assert one["total"] == 5 and len(one["items"]) == 1
    assert client.get("/api/stories/st-meet").json()["mentions_count"] == 2


def test_api_actor(client):
    body = client.get("/api/actors/Q_GUTERRES").json()
    assert body["id"] == "Q_GUTERRES" and body["as_target"] == 2 and body["events_count"] == 2


def test_api_search(client):
    body = client.get("/api/search", params={"q": "الخرطوم"}).json()
    assert body["total"] == 1 and body["items"][0]["doc_id"] == "ahram-2"
    assert client.get("/api/search").status_code == 422  # q is required


def test_api_document(client):
    body = client.get("/api/documents/ahram-1").json()
    assert body["doc_id"] == "ahram-1" and body["events"][0]["story_id"] == "st-meet"
    assert body["text"].startswith("استقبل")


@pytest.mark.parametrize(
    "path",
    ["/api/documents/nope", "/api/actors/nope", "/api/stories/nope"],
)
def test_api_unknown_ids_404_json(client, path):
    resp = client.get(path)
    assert resp.status_code == 404
    assert "nope" in resp.json()["detail"]


def test_api_counts_and_security_headers(client):
    resp = client.get("/api/counts")
    assert resp.json()["documents"] == 5
    assert "default-src 'self'" in resp.headers["content-security-policy"]
