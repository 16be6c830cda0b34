"""The store keeps stories between ingests: later documents join stored stories, copies are recorded."""

from __future__ import annotations

import sqlite3

import pytest
from story_helpers import article, country, event, person

from marsad.store import open_store

SISI, HAFTAR = person("egy-sisi", "EGY"), person("lby-haftar", "LBY")
TEXT = ("استقبل الرئيس عبد الفتاح السيسي اليوم المشير خليفة حفتر قائد الجيش الوطني الليبي في قصر الاتحادية "
        "وتناول اللقاء جهود مكافحة الإرهاب وتطورات الأوضاع في طرابلس وسبل دعم الاستقرار في ليبيا")


def test_ingest_extends_stored_stories_across_sessions(tmp_path):
    db = str(tmp_path / "m.db")
    with open_store(db) as store:
        first = article("ahram-1", (event(SISI, HAFTAR, "2019-05-09", mode="host"), TEXT), published="2019-05-09")
        assert store.add(first)
        story_id = first.events[0].story_id
    with open_store(db) as store:
        # A new process: its own run proposed another story id; the store knows better.
        visit = article("libya-2", (event(HAFTAR, country("EGY"), "2019-05-09", mode="visit"),
                                    "زار المشير خليفة حفتر القاهرة أمس والتقى الرئيس المصري"), published="2019-05-10")
        visit.events[0].story_id = "st-proposed-by-a-run"
        copy = article("youm7-3", (event(SISI, HAFTAR, "2019-05-09", mode="host"), TEXT), published="2019-05-09")
        other = article("ahram-4", (event(SISI, HAFTAR, "2019-06-09", mode="host"), TEXT.replace("اليوم", "")),
                        published="2019-06-09")
        assert store.add_many([visit, copy, other]) == (3, 0)
        assert visit.events[0].story_id == story_id == copy.events[0].story_id
        assert other.events[0].story_id != story_id
        record = store.story_record(story_id)
    assert record["mentions_count"] == 3 and record["outlets"] == ["ahram", "libya", "youm7"]
    assert record["canonical"]["participants"] == ["egy-sisi", "lby-haftar"]
    assert record["canonical"]["date"] == "2019-05-09" and record["canonical"]["date_precision"] == "day"
    assert [(c["doc_id"], c["duplicate_of"]) for c in record["copies"]] == [("youm7-3", first.content_hash)]
    assert record["original_documents_count"] == 2


def test_rolled_back_document_leaves_no_story(tmp_path):
    db = str(tmp_path / "m.db")
    with open_store(db) as store:
        good = article("a-1", (event(SISI, HAFTAR, "2019-05-09"), TEXT))
        bad = article("b-2", (event(SISI, HAFTAR, "2019-07-01"), "التقى السيسي حفتر"))
        bad.events[0].type = None  # events.type is NOT NULL: the insert fails after the story was filed
        with pytest.raises(sqlite3.IntegrityError):
            store.add_many([good, bad])
        stories = store._conn.execute("SELECT date FROM stories").fetchall()
    assert stories == [("2019-05-09",)]
