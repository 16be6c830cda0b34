from datetime import date

import pytest

from marsad.errors import InputError
from marsad.ingest.records import parse_date, record_to_document

from .helpers import SENTENCES

TEXT = SENTENCES[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-05-09", date(2019, 5, 9)),
        ("2015-07-21 02:51:32", date(2015, 7, 21)),
        ("2019-05-09T23:30:00Z", date(2019, 5, 9)),
        ("2019-05-09T23:30:00.123+03:00", date(2019, 5, 9)),
        ("2019-05-09T08:15-0500", date(2019, 5, 9)),
        ("2019/5/9", date(2019, 5, 9)),
        (" 2019-05-09 ", date(2019, 5, 9)),
        ("2019-02-30", None),
        ("09/05/2019", None),
        ("yesterday", None),
        ("", None),
        (20190509, None),
        (None, None),
    ],
)
def test_parse_date_forms(value, expected):
    assert parse_date(value) == expected


def _doc(record, published=None):
    return record_to_document(record, origin="f.jsonl:3", fallback_id="f:3", published=published)


def test_record_fields_first_present_wins():
    doc = _doc(
        {
            "id": "art-1",
            "url": "https://example.com/a",
            "content": "second choice",
            "text": TEXT,
            "title": "عنوان",
            "date_publish": "2020-01-02",
            "published": "2019-05-09 10:00:00",
            "source_domain": "example.com",
            "source": "الأهرام",
        }
    )
    assert (doc.doc_id, doc.content, doc.content_type, doc.url) == (
        "art-1",
        TEXT,
        "text",
        "https://example.com/a",
    )
    assert (doc.title, doc.source, doc.published, doc.origin) == (
        "عنوان",
        "الأهرام",
        date(2019, 5, 9),
        "f.jsonl:3",
    )


def test_record_saudinewsnet_shape():
    doc = _doc(
        {
            "source": "aawsat",
            "url": "http://aawsat.com/home/article/1",
            "date_extracted": "2015-07-21 02:51:32",
            "title": "t",
            "author": "a",
            "content": TEXT,
        }
    )
    assert doc.doc_id == "http://aawsat.com/home/article/1"
    assert doc.content == TEXT and doc.source == "aawsat" and doc.published == date(2015, 7, 21)


def test_record_id_fallbacks():
    assert _doc({"text": TEXT}).doc_id == "f:3"
    assert _doc({"id": 42, "text": TEXT}).doc_id == "42"
    assert _doc({"url": "u", "maintext": TEXT}).doc_id == "u"


def test_record_html_only_is_a_page():
    doc = _doc({"html": "<html><body><p>x</p></body></html>", "text": "  "})
    assert doc.content_type == "html"
    assert doc.content.startswith("<html>")


def test_record_paragraph_list_is_joined():
    assert _doc({"text": SENTENCES[:2]}).content == "\n".join(SENTENCES[:2])


def test_record_source_object():
    assert _doc({"text": TEXT, "source": {"id": "bbc-arabic", "name": "BBC عربي"}}).source == "BBC عربي"


def test_published_argument_fills_only_undated_records():
    fallback = date(2021, 1, 1)
    assert _doc({"text": TEXT}, fallback).published == fallback
    assert _doc({"text": TEXT, "date": "2019-05-09"}, fallback).published == date(2019, 5, 9)
    # An unreadable date is a date the record carries: kept as None, not overwritten.
    assert _doc({"text": TEXT, "date": "الخميس الماضي"}, fallback).published is None


def test_unparsable_first_date_falls_through_to_next_field():
    assert _doc({"text": TEXT, "published": "n/a", "date": "2019-05-09"}).published == date(2019, 5, 9)


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2], "record is a JSON array, not an object"),
        ("text", "record is a JSON string, not an object"),
        (
            {"title": "t"},
            "record has no text: none of text, content, maintext, html holds a non-empty string",
        ),
        ({"text": ""}, "record has no text: none of text, content, maintext, html holds a non-empty string"),
        ({"text": {"ar": "x"}}, "field 'text' is a JSON object, not a string"),
        ({"content": 5}, "field 'content' is a JSON number, not a string"),
    ],
)
def test_bad_records(record, reason):
    with pytest.raises(InputError) as info:
        _doc(record)
    assert info.value.reason == reason
    assert info.value.origin == "f.jsonl:3"
