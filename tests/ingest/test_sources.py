import io
import json
from datetime import date

import pytest

from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.ingest.sources import file_kind, file_stem, sniff_kind
from marsad.model import RawDocument

from .helpers import ARTICLE, PNG_BYTES, SENTENCES
from .test_warc import PAGE, make_warc

JSONL = "".join(
    json.dumps({"id": f"j{i}", "text": s, "date": "2019-05-09"}, ensure_ascii=False) + "\n"
    for i, s in enumerate(SENTENCES[:2])
).encode("utf-8")


def _split(items):
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_bytes(ARTICLE.encode("cp1256"))
    (root / "b" / "page.HTM").write_bytes(PAGE.encode("utf-8"))
    (root / "b" / "deeper" / "feed.jsonl").write_bytes(JSONL)
    (root / "b" / "arr.json").write_text(
        json.dumps([{"url": "https://x/1", "content": SENTENCES[3]}], ensure_ascii=False), encoding="utf-8"
    )
    (root / "c.warc.gz").write_bytes(make_warc(gzip=True))
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "image.png").write_bytes(PNG_BYTES)
    (root / ".hidden.txt").write_text("secret", encoding="utf-8")
    (root / ".git" / "config.txt").write_text("x", encoding="utf-8")
    return root


def test_directory_walk_sorted_recursive_with_counts(corpus):
    reader = read_inputs([str(corpus)], published=date(2021, 3, 4))
    docs, errors = _split(list(reader))
    assert [(d.doc_id, d.origin.replace(str(corpus), "")) for d in docs] == [
        ("a", "/a.txt"),
        ("https://x/1", "/b/arr.json:1"),
        ("j0", "/b/deeper/feed.jsonl:1"),
        ("j1", "/b/deeper/feed.jsonl:2"),
        ("page", "/b/page.HTM"),
        ("https://news.example/a", "/c.warc.gz#record 3 (https://news.example/a)"),
        ("https://news.example/b", "/c.warc.gz#record 7 (https://news.example/b)"),
    ]
    assert (
        docs[0].content == ARTICLE
        and docs[0].content_type == "text"
        and docs[0].published == date(2021, 3, 4)
    )
    assert docs[4].content_type == "html" and docs[4].content == PAGE
    assert docs[2].published == date(2019, 5, 9)  # the record's own date beats --published
    assert len(errors) == 3 and all(e.origin.startswith(str(corpus / "c.warc.gz")) for e in errors)
    assert reader.stats.documents == 7 and reader.stats.errors == 3
    assert reader.stats.skipped_files == {"hidden": 2, ".pdf": 1, ".png": 1}
    assert reader.stats.skipped_records == {"warcinfo": 1, "request": 1}


def test_bad_inputs_each_reported_and_the_rest_go_through(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(PNG_BYTES)
    (tmp_path / "russian.txt").write_bytes(
        "Президент России заявил сегодня, что переговоры продолжатся.".encode("koi8_r")
    )
    good, bad = JSONL.splitlines(keepends=True)
    (tmp_path / "mixed.jsonl").write_bytes(good + b'{"id": "cut", "text": "\xd9\x82\xd8\xa7\n' + bad)
    (tmp_path / "good.txt").write_text(SENTENCES[4], encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    paths = (
        [str(tmp_path / n) for n in ("empty.txt", "image.txt")]
        + [missing]
        + [str(tmp_path / n) for n in ("russian.txt", "mixed.jsonl", "good.txt")]
    )
    docs, errors = _split(list(read_inputs(paths)))
    assert [d.doc_id for d in docs] == ["j0", "j1", "good"]
    assert [(e.origin.replace(str(tmp_path), ""), e.reason.split(":")[0].split(" (")[0]) for e in errors] == [
        ("/empty.txt", "empty file"),
        ("/image.txt", "binary file"),
        ("/missing.txt", "no such file or directory"),
        ("/russian.txt", "unknown encoding"),
        ("/mixed.jsonl:2", "invalid JSON"),
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"WARC/1.0\r\n", "warc"),
        (b"\x1f\x8b\x08\x00", "warc"),
        (b'  \n{"text": "a"}', "json"),
        (b"[1]", "json"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"\n<html lang='ar'>", "html"),
        ("<p>نص</p>".encode("utf-16"), "html"),
        ("<عاجل> خبر".encode(), "text"),
        (ARTICLE.encode("cp1256"), "text"),
    ],
)
def test_sniff_kind(data, kind):
    assert sniff_kind(data) == kind


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (JSONL, [("j0", "stdin:1"), ("j1", "stdin:2")]),
        (b'{"text": "a"}\n{"text": "b"}\n', [("stdin:1", "stdin:1"), ("stdin:2", "stdin:2")]),
        (PAGE.encode("cp1256"), [("stdin", "stdin")]),
        (ARTICLE.encode("iso8859_6"), [("stdin", "stdin")]),
        (
            make_warc(gzip=True),
            [
                ("https://news.example/a", "stdin#record 3 (https://news.example/a)"),
                ("https://news.example/b", "stdin#record 7 (https://news.example/b)"),
            ],
        ),
    ],
)
def test_stdin_sniffed(data, expected):
    docs, _ = _split(list(read_inputs(["-"], stdin=io.BytesIO(data))))
    assert [(d.doc_id, d.origin) for d in docs] == expected


def test_stdin_content_decoded():
    docs, errors = _split(list(read_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode("iso8859_6")))))
    assert docs[0].content == ARTICLE and docs[0].content_type == "text" and not errors
    docs, _ = _split(list(read_inputs(["-"], stdin=io.BytesIO(PAGE.encode("utf-16")))))
    assert docs[0].content == PAGE and docs[0].content_type == "html"


class _Trickle(io.RawIOBase):
    """A pipe that hands out a few bytes per read, like a slow producer."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), 3, len(self._data))
        buffer[:n] = self._data[:n]
        self._data = self._data[n:]
        return n


def test_stdin_short_reads():
    docs, _ = _split(list(read_inputs(["-"], stdin=_Trickle(JSONL))))  # type: ignore[arg-type]
    assert [d.content for d in docs] == SENTENCES[:2]


def test_stdin_empty():
    (error,) = list(read_inputs(["-"], stdin=io.BytesIO(b"")))
    assert isinstance(error, InputError) and (error.origin, error.reason) == ("stdin", "empty file")


def test_explicit_file_with_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "dump.out"
    path.write_bytes(JSONL)
    assert [d.origin for d in read_inputs([str(path)])] == [f"{path}:1", f"{path}:2"]


def test_single_string_is_a_programming_error():
    with pytest.raises(TypeError):
        read_inputs("corpus/")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "kind", "stem"),
    [
        ("x/2019-05-09.warc.gz", "warc", "2019-05-09"),
        ("A.WARC", "warc", "A"),
        ("feed.JSONL", "jsonl", "feed"),
        ("a.b.json", "json", "a.b"),
        ("page.htm", "html", "page"),
        ("p.Html", "html", "p"),
        ("news.txt", "text", "news"),
        ("x.gz", None, "x"),
        ("README", None, "README"),
    ],
)
def test_file_kind_and_stem(name, kind, stem):
    assert file_kind(name) == kind
    assert file_stem(name) == stem


def test_html_file_in_windows_1256_with_meta_charset(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="windows-1256">')
    path = tmp_path / "Page.Html"
    path.write_bytes(page.encode("cp1256"))
    (doc,) = list(read_inputs([path], published=date(2019, 5, 9)))
    assert (doc.doc_id, doc.content_type, doc.content, doc.published) == (
        "Page",
        "html",
        page,
        date(2019, 5, 9),
    )
