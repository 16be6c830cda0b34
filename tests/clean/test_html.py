"""HTML pages: trafilatura extraction followed by the line cleaner."""

from __future__ import annotations

import difflib
from datetime import date

import pytest

from marsad.errors import InputError
from marsad.model import RawDocument

from .helpers import SHARED, raw_doc

CNN = SHARED / "cnn_arabic_html"
# Measured with trafilatura 2.3: the body after the title line equals the gold text paragraph for paragraph
# (ratio 1.0; trafilatura alone 0.913, because it keeps CNN's two comment-policy lines).
CNN_MIN_RATIO = 0.98


@pytest.fixture(scope="module")
def cnn_page():
    if not CNN.exists():
        pytest.skip("../shared/data/cnn_arabic_html is not available")
    html = (CNN / "arabic_article.html").read_text(encoding="utf-8")
    expected = (CNN / "arabic_article.expected_text.txt").read_text(encoding="utf-8")
    return html, expected


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_cnn_page_main_text_matches_gold(cleaner, cnn_page):
    html, expected = cnn_page
    article = cleaner(RawDocument("cnn", html, "arabic_article.html", content_type="html"))
    lines = article.text.split("\n")
    assert lines[0] == article.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    body, gold = "\n".join(lines[1:]), "\n".join(_paragraphs(expected))
    ratio = difflib.SequenceMatcher(None, body, gold, autojunk=False).ratio()
    assert ratio >= CNN_MIN_RATIO
    assert len(lines) - 1 == len(_paragraphs(expected))
    assert any("مراجعة التعليقات قبل نشرها" in line for line in article.boilerplate)


def test_cnn_page_metadata(cleaner, cnn_page):
    html, _ = cnn_page
    article = cleaner(RawDocument("cnn", html, "arabic_article.html", content_type="html"))
    assert article.source == "CNNArabic"
    assert article.url == "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"
    # from the page's date stamp "الأربعاء، 28 آب/اغسطس 2013", not a guess from the URL's year
    assert article.published == date(2013, 8, 28)
    assert article.dateline == "دمشق، سوريا (CNN) -- "
    assert article.text[article.dateline_span[0] : article.dateline_span[1]] == article.dateline


def test_cnn_page_raw_metadata_wins(cleaner, cnn_page):
    html, _ = cnn_page
    raw = RawDocument(
        "cnn",
        html,
        "arabic_article.html",
        content_type="html",
        title="عنوان آخر",
        source="CNN",
        published=date(2013, 8, 3),
    )
    article = cleaner(raw)
    assert (article.title, article.source, article.published) == ("عنوان آخر", "CNN", date(2013, 8, 3))
    assert article.text.startswith("عنوان آخر\nدمشق، سوريا (CNN) -- ")


def test_nav_and_footer_only_page_raises(cleaner):
    with pytest.raises(InputError) as info:
        cleaner(raw_doc("nav_only.html", content_type="html"))
    assert info.value.origin == "tests/clean/data/nav_only.html"
    assert "no main text" in info.value.reason or "no article text" in info.value.reason


def test_page_whose_text_is_all_boilerplate_raises(cleaner):
    html = (
        "<html><body><article><p>اترك تعليقاً</p><p>الاسم *</p><p>البريد الإلكتروني *</p>"
        "<p>© 2019 بوابة الوسط. جميع الحقوق محفوظة</p></article></body></html>"
    )
    with pytest.raises(InputError):
        cleaner(RawDocument("p", html, "page.html", content_type="html"))
