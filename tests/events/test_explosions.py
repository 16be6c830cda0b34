"""Explosions no one is named for: an unidentified attacker (ACLED's "unidentified armed group"), what was hit,
and no such event where the text names the attacker. Sentences from the SaudiNewsNet gold, through the whole
pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import RawDocument
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def assaults(pipeline: Pipeline, text: str):
    raw = RawDocument(doc_id="t", content=text, origin="test", content_type="text", published=date(2015, 8, 6))
    return [e for e in pipeline.process(raw).events if e.type == "ASSAULT"]


def unidentified(m) -> bool:
    return (m.id, m.country, m.sector, m.name) == (None, None, None, "unidentified")


def test_an_explosion_with_no_attacker_has_an_unidentified_source_and_its_casualties_as_target(pipeline):
    (ev,) = assaults(pipeline, "انفجرت عبوة ناسفة بدائية الصنع اليوم بمحيط ميدان المحكمة بمصر الجديدة، أدى إلى "
                               "إصابة ضابطين ومجند من قوة الأمن المصرية .")
    assert (ev.mode, ev.cameo) == ("bombing", "183")
    assert unidentified(ev.source) and ev.source.text == "انفجرت"
    assert (ev.target.country, ev.target.sector) == ("EGY", "COP")  # the casualty word three words before من


def test_counted_people_killed_at_least_are_the_victims(pipeline):
    (ev,) = assaults(pipeline, "وقالت مصادر إن 40 شخصا على الأقل قتلوا وأصيب 72 حينما انفجرت سيارة ملغومة في سوق "
                               "بمدينة بعقوبة بشرق العراق.")
    assert unidentified(ev.source)
    assert (ev.target.text, ev.target.country, ev.target.sector) == ("شخصا", "IRQ", "CVL")
    assert ev.location is not None and ev.location.name == "Baqubah"  # a city ANERcorp leaves untagged


def test_a_condemned_bombing_hits_what_its_relative_clause_names(pipeline):
    text = "أدانت الحكومة اليمنية بشدة التفجير الإرهابي الذي استهدف أمس مسجد قوات الطوارئ في منطقة عسير."
    (ev,) = assaults(pipeline, text)
    assert unidentified(ev.source) and ev.source.text == "التفجير"
    # the police of the region named right after them (regions.json), not of the Yemeni government condemning it
    assert (ev.target.text, ev.target.country, ev.target.sector) == ("قوات الطوارئ", "SAU", "COP")


def test_the_condemnation_accuses_no_one_and_the_next_sentence_carries_the_condemner(pipeline):
    raw = RawDocument(doc_id="t", content="أدانت الحكومة اليمنية بشدة التفجير الإرهابي. وعبّر البيان عن تعازي اليمن "
                      "للقيادة في المملكة العربية السعودية.", origin="test", content_type="text",
                      published=date(2015, 8, 6))
    events = pipeline.process(raw).events
    accuse = next(e for e in events if e.type == "ACCUSE")
    support = next(e for e in events if e.type == "SUPPORT")
    assert accuse.target is None
    assert (support.source.country, support.target.id) == ("YEM", "SAU")  # not the unidentified bomber


def test_a_named_attacker_leaves_no_unidentified_one(pipeline):
    (ev,) = assaults(pipeline, "أكد مدير عام مكتب الصحة بمحافظة عدن سقوط 11 مواطنا وإصابة 33 آخرين في انفجار "
                               "لألغام زرعتها مليشيات الحوثي في محافظة عدن.")
    assert ev.source.id == "yem-houthis" and ev.mode == "mines"


def test_the_scene_of_an_explosion_is_not_a_new_one(pipeline):
    text = ("انفجرت عبوة ناسفة أمس أمام محكمة مصر الجديدة. وانتقل ضباط الحماية المدنية وخبراء المفرقعات إلى موقع "
            "انفجار محيط المحكمة، للوقوف على ملابسات الواقعة.")
    assert len(assaults(pipeline, text)) == 1


def test_a_headline_is_told_again_by_the_first_body_event_after_a_dateline(pipeline):
    raw = RawDocument(doc_id="t", title="عام / انفجار عبوة ناسفة بميدان المحكمة بمصر الجديدة",
                      content="عام / انفجار عبوة ناسفة بميدان المحكمة بمصر الجديدة\nالقاهرة 25 شوال 1436 هـ الموافق "
                              "10 أغسطس 2015 م واس\nانفجرت عبوة ناسفة بدائية الصنع اليوم بمحيط ميدان المحكمة بمصر "
                              "الجديدة، أدى إلى إصابة ضابطين ومجند من قوة الأمن المصرية .",
                      origin="test", content_type="text", published=date(2015, 8, 10))
    article = pipeline.process(raw)
    (ev,) = [e for e in article.events if e.type == "ASSAULT"]
    assert article.text[ev.evidence_span[0]:].startswith("انفجرت")  # the body's, with its casualties
    assert ev.target.sector == "COP"


def test_citizens_counted_with_a_glued_number_are_the_victims_of_the_mines(pipeline):
    (ev,) = assaults(pipeline, "أكد مدير عام مكتب الصحة بمحافظة عدن الدكتور الخضر لصور سقوط 11مواطنا وإصابة 33 آخرين "
                               "في انفجار لألغام زرعتها مليشيات الحوثي في محافظة عدن.")
    assert ev.source.id == "yem-houthis"
    assert (ev.target.text, ev.target.country, ev.target.sector) == ("مواطنا", "YEM", "CVL")


@pytest.mark.parametrize("text", [
    "مرحلة خطرة، لم يعد فيها القتل والتفجير أمراً استثنائياً.",  # an explosion as a kind of act
    "من جهته، قال احد سكان المدينة انه سمع دوي انفجار قوي.",  # nothing hit, no one hurt, no clause telling it
    "كسر أبناء عدن حاجز الخوف، والمجتمع ينفجر وليس أمامه إلا المقاومة.",  # a figurative explosion
])
def test_no_explosion_told(pipeline, text):
    assert assaults(pipeline, text) == []
