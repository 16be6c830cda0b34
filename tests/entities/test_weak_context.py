"""Weak aliases licensed by a country named in the article (kb field weak_context), through the real pipeline."""

from __future__ import annotations

from datetime import date

from marsad.entities.validate import validate_records
from marsad.model import RawDocument
from marsad.pipeline import Pipeline


def mention_ids(text: str) -> set[str | None]:
    raw = RawDocument(doc_id="t", content=text, origin="test", content_type="text", published=date(2015, 8, 5))
    return {m.id for m in Pipeline().process(raw).mentions}


def test_the_coalition_in_a_yemen_story_is_the_saudi_led_coalition():
    assert "sau-coalition" in mention_ids("شنت قوات التحالف غارات على مواقع الحوثيين في مأرب اليمنية.")


def test_the_coalition_elsewhere_stays_unlinked():
    assert "sau-coalition" not in mention_ids("شنت قوات التحالف غارات على مواقع تنظيم داعش قرب الموصل العراقية.")


def test_an_unknown_weak_context_country_is_a_validation_problem():
    rec = {"id": "x-test", "kind": "organization", "name": "Test", "name_ar": "اختبار", "country": "SAU",
           "sector": "MIL", "weak_aliases_ar": ["الاختبار"], "weak_context": ["XXX"]}
    assert any("weak_context" in p for p in validate_records([rec], {}, {"SAU", "YEM"}))
