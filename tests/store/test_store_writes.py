"""Writes: idempotent by content hash, one transaction per document, batched add_many."""

from __future__ import annotations

import json

import pytest
from sample_articles import add_event, make_article, sample_articles

from marsad.export.records import annotation_record


def _rows(store, table: str) -> int:
    return store._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _fts_rows(store) -> int:
    # A contentless FTS5 table still answers count(*) through its docsize shadow table.
    return store._conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0]


def test_add_same_content_twice_is_stored_once(empty_store):
    article = sample_articles()[0]
    assert empty_store.add(article) is True
    before = empty_store.counts()
    again = sample_articles()[0]  # a fresh object with the same content
    again.doc_id = "another-id"
    assert empty_store.add(again) is False
    assert empty_store.counts() == before
    assert before["documents"] == 1 and before["events"] == 1
    assert _fts_rows(empty_store) == 1


def test_add_stores_document_events_actors_and_fts(store):
    assert _rows(store, "documents") == 4
    assert _rows(store, "events") == 5
    # 4 events with source+target, the protest with a source only, one participant
    assert _rows(store, "event_actors") == 4 * 2 + 1 + 1
    assert _fts_rows(store) == 4
    roles = dict(store._conn.execute("SELECT role, count(*) FROM event_actors GROUP BY role").fetchall())
    assert roles == {"source": 5, "target": 4, "participant": 1}


class Unserialisable:
    pass


def test_add_failure_mid_document_writes_nothing(empty_store):
    article = sample_articles()[3]
    assert len(article.events) == 2
    article.events[1].mode = Unserialisable()  # json.dumps fails after the document and first event rows
    with pytest.raises(TypeError):
        empty_store.add(article)
    assert _rows(empty_store, "documents") == 0
    assert _rows(empty_store, "events") == 0
    assert _rows(empty_store, "event_actors") == 0
    assert _fts_rows(empty_store) == 0
    assert not empty_store._conn.in_transaction
    # The failed document is not remembered as stored: the repaired article goes in.
    assert empty_store.add(sample_articles()[3]) is True
    assert empty_store.counts()["events"] == 2


def test_add_many_counts_and_skips_duplicates(empty_store):
    articles = sample_articles() + sample_articles()[:2]
    assert empty_store.add_many(articles, batch_size=2) == (4, 2)
    assert empty_store.add_many(sample_articles()) == (0, 4)
    assert empty_store.counts()["documents"] == 4


@pytest.mark.parametrize("batch_size", [1, 200])
def test_add_many_failure_keeps_earlier_articles_and_raises(empty_store, batch_size):
    articles = sample_articles()
    articles[2].events[0].mode = Unserialisable()
    with pytest.raises(TypeError):
        empty_store.add_many(articles, batch_size=batch_size)
    ids = {r[0] for r in empty_store._conn.execute("SELECT doc_id FROM documents")}
    assert ids == {"ahram-1", "youm7-7"}
    assert not empty_store._conn.in_transaction


def test_event_id_collision_within_document_gets_suffix(empty_store):
    text = "التقى الوزير نظيره المصري والأردني في عمان."
    article = make_article("dup", text, source="petra", published="2021-03-01")
    add_event(article, "CONSULT", "التقى", mode="meet")
    add_event(article, "CONSULT", "التقى", mode="meet")
    assert empty_store.add(article)
    total, items = empty_store.events()
    ids = sorted(r["id"] for r in items)
    assert total == 2 and ids[1] == ids[0] + "-2"


def test_document_round_trips_the_annotation_record(store):
    article = sample_articles()[0]
    expected = annotation_record(article)
    stored = store.document("ahram-1")
    assert stored.pop("doc_key") == article.content_hash
    assert list(stored) == list(expected)  # same fields, contract order
    assert json.loads(json.dumps(stored)) == json.loads(json.dumps(expected))
    assert store.document(article.content_hash)["doc_id"] == "ahram-1"
    assert store.document("nope") is None
