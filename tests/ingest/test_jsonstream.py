import codecs
import io
import json
from datetime import date

import pytest

from marsad.errors import InputError
from marsad.ingest.jsonstream import iter_json_records
from marsad.model import RawDocument

from .helpers import SENTENCES


def _read(data: bytes, *, lines_only=False, chunk_chars=1 << 16, published=None):
    return list(
        iter_json_records(
            io.BytesIO(data),
            name="in.json",
            id_prefix="in",
            published=published,
            lines_only=lines_only,
            chunk_chars=chunk_chars,
        )
    )


def _records(n=3):
    return [
        {"id": f"r{i}", "text": SENTENCES[i % len(SENTENCES)], "date": f"2019-05-0{i + 1}"} for i in range(n)
    ]


def _jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _summary(items):
    return [(i.doc_id, i.origin) if isinstance(i, RawDocument) else ("ERROR", i.origin) for i in items]


@pytest.mark.parametrize("lines_only", [True, False])
def test_jsonl_records_with_line_origins(lines_only):
    items = _read(_jsonl(_records()), lines_only=lines_only)
    assert _summary(items) == [("r0", "in.json:1"), ("r1", "in.json:2"), ("r2", "in.json:3")]
    assert items[1].content == SENTENCES[1]
    assert items[2].published == date(2019, 5, 3)


def test_jsonl_bad_lines_in_the_middle_do_not_stop_the_file():
    good = [json.dumps(r, ensure_ascii=False) for r in _records(4)]
    lines = [
        good[0],
        good[1][: len(good[1]) // 2],
        "",
        good[2],
        "{not json}",
        "[1, 2]",
        '{"title": "no text"}',
        good[3],
    ]
    items = _read("\n".join(lines).encode("utf-8"), lines_only=True)
    assert _summary(items) == [
        ("r0", "in.json:1"),
        ("ERROR", "in.json:2"),
        ("r2", "in.json:4"),
        ("ERROR", "in.json:5"),
        ("ERROR", "in.json:6"),
        ("ERROR", "in.json:7"),
        ("r3", "in.json:8"),
    ]
    assert items[1].reason.startswith("invalid JSON: truncated line")
    assert items[3].reason.startswith("invalid JSON: Expecting property name")
    assert items[4].reason == "record is a JSON array, not an object"
    assert items[5].reason.startswith("record has no text")


def test_jsonl_fallback_ids_and_blank_lines():
    data = b'\n\n{"text": "a"}\n   \n{"text": "b"}\n'
    assert _summary(_read(data, lines_only=True)) == [("in:3", "in.json:3"), ("in:5", "in.json:5")]


def test_jsonl_line_not_utf8():
    data = b'{"text": "a"}\n' + '{"text": "عربي"}'.encode("cp1256") + b'\n{"text": "c"}\n'
    items = _read(data, lines_only=True)
    assert _summary(items) == [("in:1", "in.json:1"), ("ERROR", "in.json:2"), ("in:3", "in.json:3")]
    assert items[1].reason.startswith("line is not UTF-8")


@pytest.mark.parametrize("chunk_chars", [5, 17, 1 << 16])
def test_json_array_streamed_in_chunks_smaller_than_a_record(chunk_chars):
    records = _records(4)
    data = json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8")
    assert chunk_chars < len(json.dumps(records[0], ensure_ascii=False)) or chunk_chars > len(data)
    items = _read(data, chunk_chars=chunk_chars)
    assert [i.doc_id for i in items] == ["r0", "r1", "r2", "r3"]
    assert [i.content for i in items] == [r["text"] for r in records]
    # indent=2: "[" on line 1, each record 5 lines long
    assert [i.origin for i in items] == ["in.json:2", "in.json:7", "in.json:12", "in.json:17"]


def test_json_array_scalar_split_by_a_chunk_is_one_element():
    items = _read(b'[123456789, {"text": "x"}]', chunk_chars=3)
    assert isinstance(items[0], InputError) and items[0].reason == "record is a JSON number, not an object"
    assert _summary(items[1:]) == [("in:1", "in.json:1")]


def test_json_array_element_errors_keep_going_syntax_errors_stop():
    data = b'[{"text": "a"},\n "str",\n {"text": "b"},\n {"text": oops},\n {"text": "never"}]'
    items = _read(data, chunk_chars=8)
    assert _summary(items) == [
        ("in:1", "in.json:1"),
        ("ERROR", "in.json:2"),
        ("in:3", "in.json:3"),
        ("ERROR", "in.json:4"),
    ]
    assert (
        items[3].reason.startswith("invalid JSON: Expecting value")
        and "rest of the file skipped" in items[3].reason
    )


def test_json_array_truncated_file():
    items = _read(b'[{"text": "a"}, {"text": "b', chunk_chars=4)
    assert _summary(items) == [("in:1", "in.json:1"), ("ERROR", "in.json:1")]
    assert items[1].reason.startswith("truncated JSON: the input ends inside a record")


def test_json_array_missing_comma_and_trailing_data():
    items = _read(b'[{"text": "a"} {"text": "b"}]')
    assert isinstance(items[1], InputError) and items[1].reason.startswith("expected ',' or ']'")
    items = _read(b'[{"text": "a"}] garbage')
    assert items[1].reason == "unexpected data after the JSON array"


def test_json_array_trailing_comma_tolerated_and_empty_array():
    assert _summary(_read(b'[{"text": "a"},\n]')) == [("in:1", "in.json:1")]
    assert _read(b"  [ ]  ") == []


def test_json_single_pretty_object_and_concatenated_objects():
    record = {"id": "one", "text": SENTENCES[0], "published": "2019-05-09T10:00:00Z"}
    pretty = json.dumps(record, ensure_ascii=False, indent=4).encode("utf-8")
    items = _read(b"\n" + pretty, chunk_chars=6)
    assert _summary(items) == [("one", "in.json:2")]
    assert items[0].published == date(2019, 5, 9)
    items = _read(pretty + b"\n" + pretty.replace(b'"one"', b'"two"'))
    assert [i.doc_id for i in items] == ["one", "two"]


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
@pytest.mark.parametrize("as_array", [False, True])
def test_json_with_bom(bom, codec, as_array):
    records = _records(2)
    text = json.dumps(records, ensure_ascii=False) if as_array else _jsonl(records).decode("utf-8")
    items = _read(bom + text.encode(codec), chunk_chars=9)
    assert [(i.doc_id, i.content) for i in items] == [("r0", SENTENCES[0]), ("r1", SENTENCES[1])]


def test_json_empty_input():
    items = _read(b"  \n ")
    assert len(items) == 1 and items[0].reason == "empty file"


def test_jsonl_published_argument():
    items = _read(b'{"text": "a"}\n{"text": "b", "date": "2019-05-09"}\n', published=date(2020, 2, 2))
    assert [i.published for i in items] == [date(2020, 2, 2), date(2019, 5, 9)]
