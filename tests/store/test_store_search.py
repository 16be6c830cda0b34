"""Full-text search over normalised Arabic: spelling variants, clitics, Latin text, hostile query syntax."""

from __future__ import annotations

import pytest
from sample_articles import make_article

from marsad.store.search import fts_query, query_words, snippet, stems_of


def _ids(results) -> list[str]:
    return sorted(r["doc_id"] for r in results)


@pytest.mark.parametrize(
    "query",
    [
        "الامم المتحدة",  # bare alef for hamza-on-alef
        "الأمم المتحده",  # ha for ta marbuta
        "الأُمَم المتّحدة",  # with tashkeel and shadda
        "الامـــم",  # tatweel
        "أمم",  # without the article: found through the stems column
        "للامم",  # with a preposition the text does not have here
    ],
)
def test_search_matches_spelling_variants(store, query):
    assert _ids(store.search(query)) == ["ahram-1", "youm7-7"]


def test_search_title_and_latin(empty_store):
    empty_store.add(
        make_article(
            "en-1",
            "Guterres met Sisi in Cairo on Thursday.",
            source="ap",
            published="2019-05-09",
            title="UN chief in Egypt",
        )
    )
    assert _ids(empty_store.search("CAIRO")) == ["en-1"]
    assert _ids(empty_store.search("egypt")) == ["en-1"]  # the title is indexed too
    assert _ids(empty_store.search("cair")) == ["en-1"]  # prefix


def test_search_all_words_must_match(store):
    assert _ids(store.search("السيسي الخرطوم")) == []
    assert _ids(store.search("السيسي غوتيريش")) == ["ahram-1", "youm7-7"]


def test_search_result_shape_and_snippet(store):
    (hit,) = store.search("الخرطوم")
    assert set(hit) >= {"doc_id", "title", "source", "published", "snippet"}
    assert (
        hit["title"] == "مظاهرات في الخرطوم" and hit["source"] == "ahram" and hit["published"] == "2019-06-03"
    )
    s, e = hit["snippet_hit"]
    assert hit["snippet"][s:e] == "الخرطوم"


def test_snippet_maps_back_to_original_spelling():
    text = "قال مصدر " + "كلام " * 40 + "إنّ الأمم المتحدة ستجتمع " + "كلام " * 40
    window, (s, e) = snippet(text, "الامم")
    assert window[s:e] == "الأمم"
    assert window.startswith("…") and window.endswith("…")
    assert len(window) < len(text)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "الأمم*",
        "NEAR(الأمم المتحدة)",
        "-الأمم",
        "الأمم OR",
        "AND",
        "(",
        "title:الأمم",
        "{title}: x",
        "^الأمم",
        "'; DROP TABLE documents; --",
        'الأمم " OR "1"="1',
        "\x00",
        "ـــ",
        "  ",
    ],
)
def test_search_special_characters_do_not_crash(store, query):
    results = store.search(query)
    assert isinstance(results, list)
    total, _ = store.events(q=query)
    assert total >= 0
    assert store.counts()["documents"] == 4  # nothing was dropped


def test_special_characters_are_plain_text(store):
    # The words survive, the operators do not act: "-" is not NOT, NEAR is a word to match.
    assert _ids(store.search("-الخرطوم")) == ["ahram-2"]
    assert _ids(store.search("NEAR(الخرطوم)")) == []  # no document has the word "near"


def test_fts_query_quotes_every_term():
    q = fts_query('الأمم" OR *')
    assert q is not None
    assert '"الامم"*' in q and "stems" in q
    assert " OR *" not in q
    assert fts_query("!!! ---") is None
    assert query_words("الأمم المتحدة") == ["الامم", "المتحده"]


def test_stems_column_strips_proclitics():
    assert stems_of("وللامم المتحده") == "امم متحده"
