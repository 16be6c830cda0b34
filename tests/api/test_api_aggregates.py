"""Aggregates for the charts: timeline, top actors, story-weighted pairs, places, actor search and counterparts,
documents and outlets; the mode and outlet filters."""

from __future__ import annotations

import pytest
from sample_articles import actor, add_event, make_article, span_of

from marsad.model import TimeExpr
from marsad.store import open_store


@pytest.fixture
def placed_client(db_path):
    """The sample store plus one located event (Riyadh, with coordinates) for the map."""
    from fastapi.testclient import TestClient

    from marsad.api.app import create_app

    text = "استقبل الملك سلمان في الرياض اليوم الرئيس عبد الفتاح السيسي."
    art = make_article("spa-9", text, source="spa", published="2019-05-20", title="استقبال")
    riyadh = actor(text, "الرياض", "place", name="Riyadh", name_ar="الرياض", country="SAU",
                   lat=24.68773, lon=46.72185, geonameid=108410)  # fmt: skip
    add_event(
        art,
        "CONSULT",
        "استقبل",
        mode="host",
        source=actor(text, "الملك سلمان", "person", id="Q_SALMAN", name="Salman", country="SAU"),
        target=actor(text, "الرئيس عبد الفتاح السيسي", "person", id="Q_SISI", name="Abdel Fattah el-Sisi",
                     name_ar="عبد الفتاح السيسي", country="EGY"),  # fmt: skip
        date=TimeExpr("اليوم", span_of(text, "اليوم"), "2019-05-20", "day", "publication"),
        date_source="text",
        location=riyadh,
        story_id="st-riyadh",
    )
    with open_store(db_path) as store:
        store.add(art)
    with TestClient(create_app(db_path)) as c:
        yield c


def test_timeline_days_with_gaps_filled_and_undated_counted(client):
    body = client.get("/api/aggregates/timeline").json()
    assert body["granularity"] == "day"  # 2019-05-09 .. 2020-01-15 is 252 days: readable per day
    dates = [b["date"] for b in body["buckets"]]
    assert dates[0] == "2019-05-09" and dates[-1] == "2020-01-15" and len(dates) == 252
    by_date = {b["date"]: b for b in body["buckets"]}
    assert by_date["2019-05-09"]["counts"] == {"CONSULT": 2}
    assert by_date["2020-01-15"]["counts"] == {"SANCTION": 1}
    assert by_date["2019-05-10"]["total"] == 0  # a day with no event is a bucket too
    # the month-precise protest, the undated threat and the undated xss event cannot sit on a day
    assert body["undated"] == 3
    assert body["types"][0] == "CONSULT"


def test_timeline_by_month_and_filtered(client):
    body = client.get("/api/aggregates/timeline", params={"granularity": "month"}).json()
    by_date = {b["date"]: b["counts"] for b in body["buckets"]}
    assert len(by_date) == 9  # 2019-05 .. 2020-01
    assert by_date["2019-05"] == {"CONSULT": 2} and by_date["2019-06"] == {"PROTEST": 1}
    assert by_date["2019-09"] == {}
    assert body["undated"] == 2
    only = client.get("/api/aggregates/timeline", params={"type": "PROTEST", "granularity": "year"}).json()
    assert only["buckets"] == [{"date": "2019", "total": 1, "counts": {"PROTEST": 1}}]
    assert client.get("/api/aggregates/timeline", params={"granularity": "week"}).status_code == 422


def test_top_actors_counts_events_and_stories(client):
    items = client.get("/api/aggregates/actors").json()["items"]
    by_id = {a["id"]: a for a in items}
    assert by_id["Q_SISI"]["events"] == 2 and by_id["Q_SISI"]["stories"] == 1  # two reports, one meeting
    assert by_id["IRN"]["events"] == 2 and by_id["IRN"]["stories"] == 2
    assert by_id["Q_SISI"]["name_ar"] == "عبد الفتاح السيسي"
    assert all(a["id"] for a in items)  # actors with no knowledge-base id are not ranked
    assert [a["id"] for a in client.get("/api/aggregates/actors", params={"type": "PROTEST"}).json()["items"]] == []


def test_edges_are_directed_and_weighted_by_stories(client):
    body = client.get("/api/aggregates/edges").json()
    pairs = {(e["source"], e["target"]): e for e in body["edges"]}
    assert set(pairs) == {("Q_SISI", "Q_GUTERRES"), ("IRN", "USA"), ("USA", "IRN")}
    meet = pairs[("Q_SISI", "Q_GUTERRES")]
    assert meet["stories"] == 1 and meet["events"] == 2 and meet["types"] == {"CONSULT": 1}
    assert pairs[("IRN", "USA")]["types"] == {"THREATEN": 1}
    assert body["edges"][0]["source"] == "Q_SISI"  # more events break the tie between one-story pairs
    assert {n["id"] for n in body["nodes"]} == {"Q_SISI", "Q_GUTERRES", "IRN", "USA"}
    planned = client.get("/api/aggregates/edges", params={"status": "planned"}).json()
    assert [(e["source"], e["target"]) for e in planned["edges"]] == [("USA", "IRN")]


def test_locations_group_places_and_count_countries(placed_client):
    body = placed_client.get("/api/aggregates/locations").json()
    assert body["places"] == [
        {"lat": 24.68773, "lon": 46.72185, "name": "Riyadh", "name_ar": "الرياض", "country": "SAU",
         "events": 1, "stories": 1}  # fmt: skip
    ]
    assert body["countries"]["EGY"] == 3 and body["countries"]["SAU"] == 1 and body["countries"]["IRN"] == 2
    empty = placed_client.get("/api/aggregates/locations", params={"type": "PROTEST"}).json()
    assert empty["places"] == []


def test_find_actors_by_arabic_or_latin_spelling(client):
    assert [a["id"] for a in client.get("/api/actors", params={"q": "السيسى"}).json()["items"]] == ["Q_SISI"]
    assert [a["id"] for a in client.get("/api/actors", params={"q": "guterres"}).json()["items"]] == ["Q_GUTERRES"]
    assert client.get("/api/actors", params={"q": "nobody"}).json() == {"total": 0, "items": []}
    assert client.get("/api/actors").status_code == 422


def test_counterparts_and_actor_timeline(placed_client):
    items = placed_client.get("/api/actors/Q_SISI/counterparts").json()["items"]
    assert [(c["id"], c["stories"], c["events"]) for c in items] == [("Q_GUTERRES", 1, 2), ("Q_SALMAN", 1, 1)]
    assert items[0]["types"] == ["CONSULT"]
    tl = placed_client.get("/api/actors/Q_SISI/timeline").json()
    assert sum(b["total"] for b in tl["buckets"]) == 3
    assert tl["roles_seen"] == [{"role": "president", "first": "2019-05-09", "last": "2019-05-09", "count": 1}]


def test_mode_and_outlet_filters(client):
    assert client.get("/api/events", params={"mode": "host"}).json()["total"] == 1
    assert client.get("/api/events", params={"source": "ahram"}).json()["total"] == 2
    assert client.get("/api/events", params={"source": "ahram", "type": "PROTEST"}).json()["total"] == 1
    stories = client.get("/api/stories", params={"source": "youm7"}).json()
    assert [s["id"] for s in stories["items"]] == ["st-meet"]


def test_documents_list_and_outlets(client):
    body = client.get("/api/documents").json()
    assert body["total"] == 5
    assert [d["doc_id"] for d in body["items"]][:2] == ["xss-1", "arabiya-3"]  # newest published first
    arabiya = next(d for d in body["items"] if d["doc_id"] == "arabiya-3")
    assert arabiya["events_count"] == 2 and arabiya["source"] == "alarabiya"
    assert client.get("/api/documents", params={"source": "ahram"}).json()["total"] == 2
    assert client.get("/api/documents", params={"q": "الخرطوم"}).json()["items"][0]["doc_id"] == "ahram-2"
    assert client.get("/api/documents", params={"since": "2020"}).json()["total"] == 2
    outlets = client.get("/api/outlets").json()["items"]
    assert outlets[0] == {"source": "ahram", "documents": 2} and len(outlets) == 4


def test_actor_api_merges_knowledge_base(client):
    # Q_SISI is not a knowledge-base id: the stored records describe it
    body = client.get("/api/actors/Q_SISI").json()
    assert body["roles"] == ["president"] and "roles_reported" not in body


def test_actor_api_knowledge_base_roles(tmp_path):
    """A knowledge-base actor gets its offices with dates from the shipped knowledge base."""
    from fastapi.testclient import TestClient

    from marsad.api.app import create_app

    text = "استقبل الرئيس عبد الفتاح السيسي وزير الخارجية."
    art = make_article("kb-1", text, source="ahram", published="2019-05-09")
    add_event(art, "CONSULT", "استقبل", source=actor(text, "الرئيس عبد الفتاح السيسي", "person", id="egy-sisi"))
    path = str(tmp_path / "kb.db")
    with open_store(path) as store:
        store.add(art)
    with TestClient(create_app(path)) as c:
        body = c.get("/api/actors/egy-sisi").json()
        assert body["name"] == "Abdel Fattah el-Sisi" and body["country"] == "EGY"
        head = next(r for r in body["roles"] if r["office"] == "EGY.head_of_state")
        assert head["start"] == "2014-06-08" and head["end"] is None
        page = c.get("/actors/egy-sisi").text
        assert "2014-06-08" in page and "رئيس الجمهورية" in page
