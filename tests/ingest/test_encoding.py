import codecs
import json
import zipfile
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest.encoding import charset_from_content_type, decode_html, decode_text, strip_bom

from .helpers import ARTICLE, PNG_BYTES, SENTENCES


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_decode_text_legacy_arabic_article(encoding):
    decoded = decode_text(ARTICLE.encode(encoding), "a.txt")
    assert decoded.text == ARTICLE
    assert decoded.encoding == encoding


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_decode_text_legacy_arabic_each_sentence(encoding, sentence):
    assert decode_text(sentence.encode(encoding), "s.txt").text == sentence


def test_legacy_encodings_give_different_bytes():
    # The two tests above only mean something if the byte streams differ.
    assert ARTICLE.encode("cp1256") != ARTICLE.encode("iso8859_6")


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf_8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf_16_le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf_16_be"),
    ],
)
def test_decode_text_bom(bom, codec, name):
    decoded = decode_text(bom + ARTICLE.encode(codec), "bom.txt")
    assert decoded.text == ARTICLE
    assert decoded.encoding == name
    assert not decoded.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_text_utf16_without_bom(codec):
    assert decode_text(ARTICLE.encode(codec), "nobom.txt").text == ARTICLE


def test_decode_text_plain_utf8_with_latin_words():
    text = "قال وزير الخارجية لوكالة Reuters إن المحادثات (الجولة 3) مستمرة."
    assert decode_text(text.encode("utf-8"), "u.txt").text == text


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8 + b"  \n", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")]
)
def test_decode_text_empty(data):
    with pytest.raises(InputError) as info:
        decode_text(data, "e.txt")
    assert info.value.reason == "empty file"
    assert info.value.origin == "e.txt"


@pytest.mark.parametrize(
    "data",
    [
        PNG_BYTES,
        b"\x00\x01\x02\x03" * 64,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(range(256)),
        "نص".encode() + b"\x00" * 3,
    ],
)
def test_decode_text_binary(data):
    with pytest.raises(InputError) as info:
        decode_text(data, "b.txt")
    assert info.value.reason == "binary file"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Президент России заявил сегодня, что переговоры с Украиной продолжатся на следующей неделе.",
            "koi8_r",
        ),
        ("日本政府は本日、新しい経済対策を発表しました。首相は記者会見で説明した。", "shift_jis"),
        (
            "Ο πρωθυπουργός της Ελλάδας δήλωσε σήμερα ότι η κυβέρνηση θα συνεχίσει τις μεταρρυθμίσεις.",
            "iso8859_7",
        ),
    ],
)
def test_decode_text_unknown_encoding(text, encoding):
    with pytest.raises(InputError) as info:
        decode_text(text.encode(encoding), "x.txt")
    assert info.value.reason.startswith("unknown encoding")


def test_strip_bom_prefers_utf32_over_utf16():
    assert strip_bom(codecs.BOM_UTF32_LE + b"a\x00\x00\x00") == (b"a\x00\x00\x00", "utf_32_le")
    assert strip_bom(b"plain") == (b"plain", None)


def _page(charset_tag: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head>{charset_tag}<title>خبر</title></head><body><p>{body}</p></body></html>"
    )


@pytest.mark.parametrize(
    "tag",
    [
        '<meta charset="windows-1256">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
    ],
)
def test_decode_html_meta_charset(tag):
    page = _page(tag, SENTENCES[0])
    decoded = decode_html(page.encode("cp1256"), "p.html")
    assert decoded.text == page
    assert decoded.encoding == "cp1256"


def test_decode_html_header_charset_wins_over_detection():
    page = _page("", SENTENCES[1])
    decoded = decode_html(page.encode("iso8859_6"), "p.html", header_charset="ISO-8859-6")
    assert decoded.text == page
    assert decoded.encoding == "iso8859_6"


def test_decode_html_wrong_latin1_declaration_falls_back_to_detection():
    # Old Arabic sites declared iso-8859-1 and served windows-1256.
    page = _page('<meta charset="iso-8859-1">', " ".join(SENTENCES))
    assert decode_html(page.encode("cp1256"), "p.html").text == page


def test_decode_html_utf8_despite_stale_meta():
    page = _page('<meta charset="windows-1256">', SENTENCES[2])
    assert decode_html(page.encode("utf-8"), "p.html").text == page


def test_decode_html_binary():
    with pytest.raises(InputError) as info:
        decode_html(PNG_BYTES, "img.html")
    assert info.value.reason == "binary file"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html; charset=windows-1256", "windows-1256"),
        ('text/html;charset="UTF-8"', "UTF-8"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_from_content_type(value, expected):
    assert charset_from_content_type(value) == expected


# Texts charset-normalizer alone rejects (it finds the RLM / bidi embeddings messy): strict decoding of the
# core code pages must bring them back.
QUAKE = "وقع زلزال قوته 5.\u200f7 درجة قرب جزر سليمان (سولومون) في جنوب المحيط الهادي اليوم (السبت)."
EMBEDDED = "\u202bمهرجان\u202c\n\n* انطلقت أعمال «كوميك كون» التظاهرة التي تستمر حتى الثاني عشر من هذا الشهر."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (QUAKE, "cp1256"),
        (QUAKE, "utf-16-le"),
        (QUAKE, "utf-16-be"),
        (EMBEDDED, "utf-16-le"),
        (EMBEDDED, "utf-16-be"),
    ],
)
def test_decode_text_bidi_marks(text, encoding):
    assert decode_text(text.encode(encoding), "q.txt").text == text


SAUDINEWSNET = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "saudinewsnet" / "2015-07-21.zip"
)


@pytest.mark.skipif(not SAUDINEWSNET.exists(), reason="shared SaudiNewsNet data not present")
def test_decode_text_real_articles_in_every_arabic_encoding():
    with zipfile.ZipFile(SAUDINEWSNET) as archive:
        articles = [a["content"] for name in archive.namelist() for a in json.loads(archive.read(name))][:150]
    wrong = []
    for article in articles:
        for encoding in ("cp1256", "iso8859_6", "utf-16-le", "utf-16-be"):
            data = article.encode(encoding, errors="ignore")  # ISO-8859-6 lacks some punctuation
            expected = data.decode(encoding)
            if expected.strip() and decode_text(data, "a.txt").text != expected:
                wrong.append((encoding, expected[:40]))
    assert len(articles) == 150
    assert wrong == []
