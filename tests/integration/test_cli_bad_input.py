"""Bad inputs are named on stderr with the reason, the run goes on, valid input is kept, and the exit code is 1."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main

GOOD = "استقبل الرئيس عبد الفتاح السيسي اليوم المشير خليفة حفتر في القاهرة لبحث الأوضاع في ليبيا."


def warc_with(tmp_path: Path, records: list[tuple[str, str, bytes]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    unknown = tmp_path / "russian.txt"
    unknown.write_bytes(("Привет, как дела? Это текст на русском языке. " * 20).encode("koi8_r"))
    lines = tmp_path / "records.jsonl"
    lines.write_text(
        json.dumps({"id": "a1", "text": GOOD, "published": "2019-05-09"}, ensure_ascii=False) + "\n"
        + '{"id": "broken", "text": "ناقص\n'
        + "not json at all\n"
        + json.dumps({"id": "a2", "content": GOOD, "date": "2019-05-10"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    no_article = tmp_path / "nav.html"
    no_article.write_text(
        "<html><body><nav><a href='/'>الرئيسية</a> | <a href='/a'>أخبار</a></nav>"
        "<footer>© 2019 جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8",
    )
    page = f"<html><head><title>خبر</title></head><body><article><h1>السيسي يستقبل حفتر</h1><p>{GOOD}</p>" \
           f"<p>{GOOD}</p></article></body></html>"
    warc = warc_with(tmp_path, [("https://example.org/news/1", "text/html; charset=utf-8", page.encode()),
                                ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n0000")])
    return {"good": good, "empty": empty, "binary": binary, "unknown": unknown, "lines": lines,
            "no_article": no_article, "warc": warc}


def test_each_bad_input_is_named_and_the_rest_is_kept(inputs):
    paths = [str(p) for p in inputs.values()]
    result = CliRunner().invoke(main, ["extract", *paths, "--published", "2019-05-09"])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{inputs['empty']}: empty file" in err
    assert f"{inputs['binary']}: binary file" in err
    assert f"{inputs['unknown']}: unknown encoding" in err
    assert f"{inputs['lines']}:2:" in err and f"{inputs['lines']}:3:" in err
    assert f"{inputs['no_article']}:" in err
    assert "not HTML" in err and "logo.png" in err
    events = [json.loads(line) for line in result.stdout.splitlines()]
    docs = {e["doc_id"] for e in events}
    assert docs == {"good", "a1", "a2", "https://example.org/news/1"}
    assert all(e["source"]["id"] == "egy-sisi" for e in events)
    dates = {e["doc_id"]: e["date"] for e in events}
    assert dates["a1"] == "2019-05-09" and dates["a2"] == "2019-05-10"


def test_stdin_is_read(inputs):
    result = CliRunner().invoke(main, ["extract", "-", "--published", "2019-05-09"], input=GOOD.encode("cp1256"))
    assert result.exit_code == 0, result.stderr
    (event,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert event["doc_id"] == "stdin" and event["target"]["id"] == "lby-khalifa-haftar"


def test_missing_path_is_an_input_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr


def test_usage_error_exits_2():
    result = CliRunner().invoke(main, ["extract", "x.txt", "--published", "yesterday"])
    assert result.exit_code == 2
