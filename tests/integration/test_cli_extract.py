"""The whole pipeline through the command line, on real files: scraped text, HTML pages, the example corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from integration.contract import check_event
from marsad.cli import main

ROOT = Path(__file__).resolve().parents[2]
LIBYA = ROOT / "tests" / "clean" / "data" / "libya_wasat_haftar.txt"
EGYPT_HTML = ROOT / "examples" / "html" / "kenana-news-2019-05-09-sisi-haftar.html"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture(scope="module")
def libya_annotation():
    result = run("annotate", str(LIBYA))
    assert result.exit_code == 0, result.output
    (doc,) = jsonl(result.stdout)
    return doc


def test_scraped_article_events_are_found_with_evidence(libya_annotation):
    doc = libya_annotation
    got = {(e["mode"], e["source"]["id"], e["target"]["id"], e["date"]) for e in doc["events"]}
    assert got == {
        ("visit", "egy-abbas-kamel", "LBY", "2019-05-14"),
        ("meet", "egy-abbas-kamel", "lby-khalifa-haftar", "2019-05-14"),
        ("host", "egy-sisi", "lby-khalifa-haftar", "2019-05-09"),
    }
    for event in doc["events"]:
        check_event(event, doc["text"])
        assert event["date_source"] == "text"
    host = next(e for e in doc["events"] if e["mode"] == "host")
    assert host["date_text"] == "يوم 9 الماء/مايو الجاري"
    assert host["location"]["name"] == "Cairo"


def test_no_event_comes_from_boilerplate(libya_annotation):
    doc = libya_annotation
    removed = "\n".join(doc["boilerplate"])
    assert "اترك تعليقاً" in removed and "لن يتم نشر عنوان بريدك الإلكتروني" in removed
    assert "المجلس الرئاسي يعلن حالة الطوارئ في طرابلس" in removed  # ticker
    assert "حفتر يبحث مع السفير الفرنسي" in removed  # related articles
    assert "اترك تعليقاً" not in doc["text"] and "جميع الحقوق محفوظة" not in doc["text"]
    for event in doc["events"]:
        assert event["evidence"] in doc["text"]
        assert not any(event["evidence"] in line for line in doc["boilerplate"] if len(line) > 20)


def test_annotation_layers_point_into_the_text(libya_annotation):
    doc = libya_annotation
    text = doc["text"]
    assert doc["published"] == "2019-05-14"
    for s, e in doc["sentences"]:
        assert text[s:e].strip() == text[s:e]
    for m in doc["mentions"]:
        assert text[m["span"][0] : m["span"][1]] == m["text"]
    for t in doc["dates"]:
        assert text[t["span"][0] : t["span"][1]] == t["text"]
    assert any(m["type"] == "place" and m["name"] == "Benghazi" for m in doc["mentions"])


def test_same_meeting_reported_by_two_outlets_shares_a_story():
    result = run("extract", str(LIBYA), str(EGYPT_HTML))
    assert result.exit_code == 0
    events = jsonl(result.stdout)
    sisi_haftar = [e for e in events if {e["source"]["id"], e["target"]["id"]} == {"egy-sisi", "lby-khalifa-haftar"}]
    assert {e["doc_id"] for e in sisi_haftar} == {LIBYA.stem, EGYPT_HTML.stem}
    assert len({e["story_id"] for e in sisi_haftar}) == 1
    others = {e["story_id"] for e in events if e not in sisi_haftar}
    assert sisi_haftar[0]["story_id"] not in others


def test_published_option_anchors_relative_dates(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("استقبل الرئيس عبد الفتاح السيسي اليوم المشير خليفة حفتر في القاهرة.", encoding="utf-8")
    result = run("extract", str(path), "--published", "2019-05-09")
    (event,) = jsonl(result.stdout)
    assert event["date"] == "2019-05-09" and event["date_text"] == "اليوم"
    result = run("extract", str(path), "--published", "2020-01-02")
    (event,) = jsonl(result.stdout)
    assert event["date"] == "2020-01-02"


@pytest.mark.parametrize("fmt", ["csv", "plover", "parquet"])
def test_extract_formats(tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = run("extract", str(LIBYA), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0
    if fmt == "csv":
        import csv

        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert {r["target.id"] for r in rows} == {"LBY", "lby-khalifa-haftar"}
    elif fmt == "plover":
        recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert {r["event"] for r in recs} == {"CONSULT"} and len(recs) == 3
        assert {r["recipient_kb_id"] for r in recs} == {"LBY", "lby-khalifa-haftar"}
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == 3
        assert set(table.column("mode").to_pylist()) == {"visit", "meet", "host"}


@pytest.mark.slow
def test_example_corpus_extracts_without_errors():
    result = run("extract", str(ROOT / "examples"))
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    assert len(events) > 100
    for event in events:
        check_event(event)
