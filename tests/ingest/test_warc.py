import io
from datetime import date

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.errors import InputError
from marsad.ingest.stats import IngestStats
from marsad.ingest.warc import iter_warc
from marsad.model import RawDocument

from .helpers import PNG_BYTES, SENTENCES

PAGE = f"<!DOCTYPE html><html><head><title>خبر</title></head><body><p>{SENTENCES[0]}</p></body></html>"


def _response(writer, uri, body, content_type, status="200 OK", date_="2019-05-09T12:00:00Z"):
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type)] if content_type else [], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date_},
    )
    writer.write_record(record)


def make_warc(gzip=False) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "marsad tests"}))
    request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/a", "request", payload=io.BytesIO(b""), http_headers=request
        )
    )
    _response(writer, "https://news.example/a", PAGE.encode("cp1256"), "text/html; charset=windows-1256")
    _response(writer, "https://news.example/logo.png", PNG_BYTES, "image/jpeg")
    _response(writer, "https://news.example/robots.txt", b"User-agent: *\n", "text/plain")
    _response(
        writer,
        "https://news.example/gone",
        b"<html><body>404</body></html>",
        "text/html",
        status="404 Not Found",
    )
    resource = writer.create_warc_record(
        "https://news.example/b",
        "resource",
        payload=io.BytesIO(PAGE.replace(SENTENCES[0], SENTENCES[1]).encode("utf-8")),
        warc_content_type="text/html",
        warc_headers_dict={"WARC-Date": "2020-01-02T00:00:00Z"},
    )
    writer.write_record(resource)
    return out.getvalue()


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_records(gzip):
    stats = IngestStats()
    items = list(
        iter_warc(io.BytesIO(make_warc(gzip)), name="crawl.warc", published=date(2000, 1, 1), stats=stats)
    )
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]

    assert [d.doc_id for d in docs] == ["https://news.example/a", "https://news.example/b"]
    first = docs[0]
    assert first.content == PAGE  # decoded by the HTTP charset
    assert (first.content_type, first.url, first.source) == ("html", "https://news.example/a", "news.example")
    assert first.origin == "crawl.warc#record 3 (https://news.example/a)"
    assert first.published == date(2019, 5, 9)  # WARC-Date, not the fallback
    assert SENTENCES[1] in docs[1].content and docs[1].published == date(2020, 1, 2)

    assert [(e.origin, e.reason) for e in errors] == [
        (
            "crawl.warc#record 4 (https://news.example/logo.png)",
            "WARC record is not HTML (content-type image/jpeg)",
        ),
        (
            "crawl.warc#record 5 (https://news.example/robots.txt)",
            "WARC record is not HTML (content-type text/plain)",
        ),
        ("crawl.warc#record 6 (https://news.example/gone)", "WARC response has HTTP status 404, not a page"),
    ]
    assert stats.skipped_records == {"warcinfo": 1, "request": 1}


def test_warc_html_without_content_type_is_sniffed():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    _response(writer, "https://news.example/c", PAGE.encode("utf-8"), None)
    items = list(iter_warc(io.BytesIO(out.getvalue()), name="w"))
    assert isinstance(items[0], RawDocument) and items[0].content == PAGE


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_truncated_inside_a_page(gzip):
    data = make_warc(gzip)
    # Cut halfway through the HTML payload of record 3.
    cut = data.index(b"<!DOCTYPE") + 40 if not gzip else _gzip_member_cut(data, 3)
    items = list(iter_warc(io.BytesIO(data[:cut]), name="cut.warc"))
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("InputError", "cut.warc#record 3 (https://news.example/a)")
    ]
    assert items[0].reason == "WARC record is truncated: the file ends before its Content-Length"


def _gzip_member_cut(data: bytes, member: int) -> int:
    """An offset inside the deflate stream of the given (1-based) gzip member, past its header."""
    starts = [i for i in range(len(data)) if data.startswith(b"\x1f\x8b\x08", i)]
    start, end = starts[member - 1], starts[member]
    return start + (end - start) * 3 // 4


def test_warc_not_a_warc():
    items = list(iter_warc(io.BytesIO(b"this is plain text, not an archive\n"), name="x.warc"))
    assert len(items) == 1 and items[0].origin == "x.warc#record 1"
    assert items[0].reason == "not a WARC file (no WARC/1.x record header)"


def test_warc_corrupt_gzip():
    items = list(iter_warc(io.BytesIO(b"\x1f\x8b\x08\x00garbage that is not deflate"), name="z.warc.gz"))
    assert len(items) == 1 and items[0].origin == "z.warc.gz#record 1"
    # warcio either fails to read it or reads it as an (ARC) header line; both must end in one clear error.
    assert items[0].reason.startswith(("unreadable WARC data", "not a WARC file"))
