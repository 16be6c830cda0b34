"""Downloads in every export format, the offline API reference at /docs, the language toggle, the story page's
highlighted evidence, and the new pages."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest


def test_export_jsonl_respects_filters_and_limit(client):
    resp = client.get("/api/export", params={"format": "jsonl", "type": "CONSULT"})
    assert resp.status_code == 200 and "attachment" in resp.headers["content-disposition"]
    records = [json.loads(line) for line in resp.text.splitlines()]
    assert len(records) == 3 and {r["type"] for r in records} == {"CONSULT"}
    assert len(client.get("/api/export", params={"limit": 2}).text.splitlines()) == 2


def test_export_csv_and_plover(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "csv"}).text)))
    assert len(rows) == 6 and rows[0]["source.id"] is not None and "evidence" in rows[0]
    plover = [json.loads(x) for x in client.get("/api/export", params={"format": "plover"}).text.splitlines()]
    assert len(plover) == 6 and "event" in plover[0] and "actor" in plover[0]


def test_export_parquet(client):
    import pyarrow.parquet as pq

    resp = client.get("/api/export", params={"format": "parquet", "actor": "Q_SISI"})
    table = pq.read_table(io.BytesIO(resp.content))
    assert table.num_rows == 2 and set(table.column("source.id").to_pylist()) == {"Q_SISI"}
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422


def test_openapi_json_and_offline_docs_page(client):
    spec = client.get("/openapi.json").json()
    assert "/api/aggregates/timeline" in spec["paths"] and "/api/export" in spec["paths"]
    assert not any(p.startswith(("/actors", "/stories")) for p in spec["paths"])  # pages are not API
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "swagger" not in page.lower()
    for path in ("/api/events", "/api/aggregates/edges", "/api/documents"):
        assert f"<code>{path}</code>" in page
    assert 'action="/api/events"' in page  # a try-it form for a GET route
    assert 'action="/api/actors/{actor_id}"' not in page  # none for a route with a path parameter
    assert "description" in page and "YYYY, YYYY-MM or YYYY-MM-DD" in page


def test_language_toggle_english_ltr_and_cookie(client):
    resp = client.get("/", params={"lang": "en"})
    assert '<html dir="ltr" lang="en">' in resp.text and ">Overview<" in resp.text
    assert resp.cookies.get("marsad_lang") == "en"
    again = client.get("/network")  # the cookie remembers the choice
    assert '<html dir="ltr" lang="en">' in again.text
    back = client.get("/", params={"lang": "ar"})
    assert '<html dir="rtl" lang="ar">' in back.text and "نظرة عامة" in back.text
    assert 'href="/?lang=en"' in back.text  # the toggle keeps the page and its filters
    assert 'href="/?type=CONSULT&amp;lang=en"' in client.get("/", params={"type": "CONSULT"}).text


def test_story_page_highlights_evidence_spans(client):
    page = client.get("/stories/st-meet").text
    marks = re.findall(r'<mark class="([^"]*)"[^>]*>([^<]*)</mark>', page)
    by_text = {text: css for css, text in marks}
    assert "trigger" in by_text["استقبل"] and "trigger" in by_text["التقى"]
    assert "role-source" in by_text["الرئيس عبد الفتاح السيسي"]
    assert "role-target" in by_text["الأمين العام للأمم المتحدة أنطونيو غوتيريش"]
    assert "timex" in by_text["اليوم الخميس"] and "timex" in by_text["أمس"]
    assert "mention-place" in by_text["القاهرة"]
    assert "ahram" in page and "2019-05-10" in page  # every report with its outlet and date


@pytest.mark.parametrize(("path", "marker"), [
    ("/network", 'id="network"'), ("/map", 'data-geometry="/static/world.geojson"'),
    ("/documents", "مظاهرات في الخرطوم"), ("/documents?source=alarabiya", "تهديد وعقوبات"),
])  # fmt: skip
def test_new_pages_render(client, path, marker):
    resp = client.get(path)
    assert resp.status_code == 200 and marker in resp.text
    assert "<script>alert" not in resp.text and "<i>outlet</i>" not in resp.text


def test_shipped_map_geometry(client):
    geo = client.get("/static/world.geojson").json()
    iso = {f["properties"]["iso3"] for f in geo["features"]}
    assert {"EGY", "SAU", "LBY", "MAR", "IRQ", "PSE", "ISR", "FRA", "NOR"} <= iso
    egypt = next(f for f in geo["features"] if f["properties"]["iso3"] == "EGY")
    lons = [p[0] for poly in egypt["geometry"]["coordinates"] for ring in poly for p in ring]
    lats = [p[1] for poly in egypt["geometry"]["coordinates"] for ring in poly for p in ring]
    assert 24 <= min(lons) <= 25.5 and 36 <= max(lons) <= 37 and 21.5 <= min(lats) <= 22.5 and max(lats) < 32


def test_documents_page_filters_by_outlet(client):
    page = client.get("/documents", params={"source": "alarabiya"}).text
    assert "تهديد وعقوبات" in page and "مظاهرات في الخرطوم" not in page
