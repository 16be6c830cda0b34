"""POST /api/documents: off without a token, 401 on a wrong one, records in through the pipeline with one."""

from __future__ import annotations

import importlib.util

import pytest
from sample_articles import actor, add_event, make_article

from marsad.errors import InputError
from marsad.model import Article, RawDocument

RECORD = {
    "id": "post-1",
    "text": "استقبل الرئيس المصري في القاهرة وزير الخارجية الأردني اليوم.",
    "title": "لقاء",
    "published": "2023-04-05T10:00:00",
    "source": "ahram",
}


class FakePipeline:
    """Stands in for marsad.pipeline.Pipeline: one CONSULT event per article, so the route is tested alone."""

    def process(self, raw: RawDocument) -> Article:
        if "استقبل" not in raw.content:
            raise InputError(raw.origin, "no article text found")
        published = raw.published.isoformat() if raw.published else "2000-01-01"
        art = make_article(
            raw.doc_id, raw.content, source=raw.source or "", published=published, title=raw.title
        )
        art.published = raw.published
        art.url = raw.url
        add_event(
            art,
            "CONSULT",
            "استقبل",
            mode="host",
            source=actor(raw.content, "الرئيس المصري", "person", id="Q_SISI", country="EGY"),
            story_id="st-posted",
        )
        return art


@pytest.fixture
def fake_client(token_client):
    token_client.app.state.ingestor.pipeline_factory = FakePipeline
    return token_client


def test_post_without_configured_token_is_403(client, auth):
    resp = client.post("/api/documents", json=RECORD, headers=auth)
    assert resp.status_code == 403
    assert "writing is off" in resp.json()["detail"]


@pytest.mark.parametrize(
    "header", [None, "Bearer wrong", "Bearer ", "{token}", "Basic {token}", "Bearer {token}x"]
)
def test_post_with_wrong_or_missing_token_is_401(token_client, auth, header):
    token = auth["Authorization"].removeprefix("Bearer ")
    headers = {} if header is None else {"Authorization": header.format(token=token)}
    resp = token_client.post("/api/documents", json=RECORD, headers=headers)
    assert resp.status_code == 401
    assert token_client.get("/api/counts").json()["documents"] == 5


def test_post_with_token_adds_skips_and_reports_errors(fake_client, auth):
    records = [
        RECORD,
        {**RECORD, "id": "post-1-again"},
        {"id": "bad", "text": "نص بلا حدث"},
        ["not", "a", "dict"],
        {"id": "no-text"},
    ]
    resp = fake_client.post("/api/documents", json=records, headers=auth)
    assert resp.status_code == 200
    body = resp.json()
    assert body["added"] == 1 and body["skipped"] == 1
    assert [e["index"] for e in body["errors"]] == [2, 3, 4]
    assert "no article text" in body["errors"][0]["reason"]
    assert "not an object" in body["errors"][1]["reason"]
    assert "no text" in body["errors"][2]["reason"]
    doc = fake_client.get("/api/documents/post-1").json()
    assert doc["published"] == "2023-04-05" and doc["source"] == "ahram"
    assert (
        fake_client.get("/api/events", params={"actor": "Q_SISI"}).json()["total"] == 3
    )  # 2 stored + 1 posted
    assert fake_client.get("/api/stories/st-posted").json()["mentions"][0]["doc_id"] == "post-1"


def test_post_single_object_and_bad_json(fake_client, auth):
    assert fake_client.post("/api/documents", json=RECORD, headers=auth).json()["added"] == 1
    resp = fake_client.post(
        "/api/documents", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
    )
    assert resp.status_code == 422


def test_post_too_many_records_413(fake_client, auth):
    resp = fake_client.post("/api/documents", json=[RECORD] * 1001, headers=auth)
    assert resp.status_code == 413


def test_post_maps_contract_fields(fake_client, auth):
    record = {
        "url": "https://x.example/a",
        "content": RECORD["text"],
        "date_publish": "2020-01-02 03:04:05",
        "source_domain": "x.example",
        "title": "عنوان",
    }
    assert fake_client.post("/api/documents", json=record, headers=auth).json()["added"] == 1
    doc = fake_client.get("/api/documents/https://x.example/a").json()
    assert doc["published"] == "2020-01-02" and doc["source"] == "x.example" and doc["title"] == "عنوان"


def test_post_without_id_gets_a_content_id(fake_client, auth):
    text = RECORD["text"] + " نص آخر"
    assert fake_client.post("/api/documents", json={"text": text}, headers=auth).json()["added"] == 1
    total, items = fake_client.get("/api/search", params={"q": "آخر"}).json().values()
    assert total == 1 and items[0]["doc_id"].startswith("post-")


@pytest.mark.skipif(
    importlib.util.find_spec("marsad.pipeline") is None, reason="marsad.pipeline is not built yet"
)
def test_post_with_real_pipeline(token_client, auth):
    text = (
        "القاهرة - استقبل الرئيس عبد الفتاح السيسي اليوم الخميس في القاهرة وزير الخارجية الأردني أيمن الصفدي"
        " وبحث معه العلاقات الثنائية."
    )
    resp = token_client.post(
        "/api/documents",
        json=[{"id": "real-1", "text": text, "published": "2019-05-09", "source": "ahram"}],
        headers=auth,
    )
    assert resp.status_code == 200
    body = resp.json()
    assert body["added"] == 1 and body["errors"] == []
    doc = token_client.get("/api/documents/real-1").json()
    assert "الصفدي" in doc["text"]
    again = token_client.post(
        "/api/documents",
        json={"id": "real-1", "text": text, "published": "2019-05-09", "source": "ahram"},
        headers=auth,
    ).json()
    assert again["added"] == 0 and again["skipped"] == 1
