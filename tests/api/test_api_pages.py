"""HTML pages: right-to-left dashboard, server-side lists, highlighted documents, escaping of article text."""

from __future__ import annotations

import re

import pytest


def test_dashboard_is_rtl_with_filters_and_server_rendered_events(client):
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    page = resp.text
    assert '<html dir="rtl" lang="ar">' in page
    assert 'id="filters"' in page and 'name="q"' in page and 'name="actor"' in page
    assert '<script src="/static/marsad.js"' in page
    assert "http://" not in page.replace('"http://"', "") and "https://cdn" not in page  # nothing from a CDN
    assert page.count('class="event ') == 6
    assert 'href="/stories/st-meet"' in page


def test_dashboard_filters_server_side(client):
    page = client.get("/", params={"type": "PROTEST"}).text
    assert page.count('class="event ') == 1
    assert "الخرطوم" in page
    page = client.get("/", params={"q": "الامم"}).text
    assert "مقالات مطابقة" in page and page.count('class="event ') == 2


def test_static_assets_are_served(client):
    js = client.get("/static/marsad.js")
    assert js.status_code == 200 and "fetch(" in js.text and "/api/events" in js.text
    assert "innerHTML" not in js.text  # text goes in with textContent only
    assert client.get("/static/marsad.css").status_code == 200


def test_document_page_highlights_spans(client):
    page = client.get("/documents/ahram-1").text
    by_text = {text: css for css, text in re.findall(r'<mark class="([^"]*)"[^>]*>([^<]*)</mark>', page)}
    assert "trigger" in by_text["استقبل"]
    assert "mention-person" in by_text["الرئيس عبد الفتاح السيسي"]
    assert "timex" in by_text["اليوم الخميس"]
    assert "mention-place" in by_text["القاهرة"]
    assert 'href="/actors/Q_SISI"' in page


def test_document_page_escapes_article_text(client):
    resp = client.get("/documents/xss-1")
    assert resp.status_code == 200
    page = resp.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<b>بغداد</b>" not in page and "&lt;b&gt;بغداد&lt;/b&gt;" in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt; شارك" in page  # boilerplate, shown apart and escaped
    assert 'class="boilerplate"' in page
    assert "javascript:alert(4)" not in page  # a non-web URL is not linked


@pytest.mark.parametrize("path", ["/", "/stories/st-%3Cx%3E", "/actors/Q_SISI", "/?q=%3Cscript%3E"])
def test_pages_escape_untrusted_fields(client, path):
    page = client.get(path).text
    assert "<script>alert" not in page and "<i>outlet</i>" not in page and "<b>spokesman</b>" not in page


def test_story_and_actor_pages(client):
    page = client.get("/stories/st-meet").text
    assert "ahram" in page and "youm7" in page and page.count('class="event ') == 2
    page = client.get("/actors/Q_SISI").text
    assert "عبد الفتاح السيسي" in page and "Abdel Fattah el-Sisi" in page and page.count('class="event ') == 2


@pytest.mark.parametrize("path", ["/documents/nope", "/stories/nope", "/actors/nope"])
def test_pages_unknown_ids_404(client, path):
    resp = client.get(path)
    assert resp.status_code == 404 and '<html dir="rtl"' in resp.text
