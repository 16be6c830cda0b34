"""EventCoder on hand-built articles: mentions and dates are placed by the test, not by other stages."""

from datetime import date

import pytest

from marsad.events import EventCoder
from marsad.events.lexicon import load_triggers
from marsad.model import Article, Mention, TimeExpr
from marsad.text import TextAnalyzer

SISI = dict(type="person", id="egy-sisi", name="Abdel Fattah el-Sisi", country="EGY", sector="GOV")
HAFTAR = dict(type="person", id="lby-khalifa-haftar", name="Khalifa Haftar", country="LBY", sector="MIL")
KAMEL = dict(type="person", id="egy-abbas-kamel", name="Abbas Kamel", country="EGY", sector="SPY")
LIBYA = dict(type="country", id="LBY", name="Libya", country="LBY")
CAIRO = dict(type="place", id="geo:360630", name="Cairo", country="EGY", lat=30.06, lon=31.25, geonameid=360630)


def make_article(text, mentions, timexes=(), published=date(2019, 5, 14), title=None):
    art = Article(doc_id="t", text=text, origin="test", content_hash="h", title=title, published=published)
    TextAnalyzer(known_stems=load_triggers().stems())(art)
    found = []
    for surface, fields in mentions:
        s = text.index(surface)
        found.append(Mention(text=surface, span=(s, s + len(surface)), **fields))
    art.mentions = sorted(found, key=lambda m: m.span)
    for surface, value, precision in timexes:
        s = text.index(surface)
        art.timexes.append(TimeExpr(surface, (s, s + len(surface)), value, precision, "publication"))
    return EventCoder()(art)


def summary(ev):
    return (ev.type, ev.mode, ev.source.id if ev.source else None, ev.target.id if ev.target else None)


def test_vso_host_skips_time_place_and_titles():
    text = "استقبل الرئيس عبد الفتاح السيسي، اليوم الخميس، بقصر الاتحادية، المشير خليفة حفتر."
    art = make_article(text, [("عبد الفتاح السيسي", SISI), ("خليفة حفتر", HAFTAR)],
                       [("اليوم الخميس", "2019-05-09", "day")], published=date(2019, 5, 9))
    assert [summary(e) for e in art.events] == [("CONSULT", "host", "egy-sisi", "lby-khalifa-haftar")]
    ev = art.events[0]
    assert ev.cameo == "043" and ev.status == "reported"
    assert ev.date.value == "2019-05-09" and ev.date_source == "text"
    assert text[ev.evidence_span[0] : ev.evidence_span[1]] == text
    assert text[ev.trigger_span[0] : ev.trigger_span[1]] == "استقبل"


def test_svo_headline():
    text = "حفتر يستقبل عباس كامل في بنغازي"
    art = make_article(text, [("حفتر", HAFTAR), ("عباس كامل", KAMEL)])
    assert [summary(e) for e in art.events] == [("CONSULT", "host", "lby-khalifa-haftar", "egy-abbas-kamel")]


def test_pro_drop_coordinated_verbs_share_the_subject():
    text = "توجه عباس كامل اليوم الثلاثاء إلى ليبيا والتقى خلال زيارته بخليفة حفتر."
    art = make_article(text, [("عباس كامل", KAMEL), ("ليبيا", LIBYA), ("خليفة حفتر", HAFTAR)],
                       [("اليوم الثلاثاء", "2019-05-14", "day")])
    assert [summary(e) for e in art.events] == [
        ("CONSULT", "visit", "egy-abbas-kamel", "LBY"),
        ("CONSULT", "meet", "egy-abbas-kamel", "lby-khalifa-haftar"),
    ]
    assert all(e.date.value == "2019-05-14" for e in art.events)


def test_arrival_at_a_city_visits_its_country_and_sets_location():
    text = "وصل المشير خليفة حفتر إلى القاهرة مساء أمس."
    art = make_article(text, [("خليفة حفتر", HAFTAR), ("القاهرة", CAIRO)])
    (ev,) = art.events
    assert summary(ev) == ("CONSULT", "visit", "lby-khalifa-haftar", "EGY")
    assert ev.location.name == "Cairo"
    assert ev.date_source == "publication" and ev.date.value == "2019-05-14"


def test_discuss_needs_a_partner_after_ma():
    text = "بحث الرئيس السيسي مع المشير حفتر الأوضاع في ليبيا."
    art = make_article(text, [("السيسي", SISI), ("حفتر", HAFTAR), ("ليبيا", LIBYA)])
    assert [summary(e) for e in art.events] == [("CONSULT", "meet", "egy-sisi", "lby-khalifa-haftar")]


def test_no_event_without_partner():
    text = "بحث الباحثون في القاهرة تاريخ المدينة."
    assert make_article(text, [("القاهرة", CAIRO)]).events == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("سيلتقي السيسي حفتر الأسبوع المقبل.", "planned"),
        ("من المقرر أن يلتقي السيسي حفتر.", "planned"),
        ("لم يلتق السيسي حفتر.", "reported"),  # jussive form is not in the lexicon: no event at all
        ("لن يلتقي السيسي حفتر.", "negated"),
        ("إذا التقى السيسي حفتر فسيكون ذلك تحولا.", "hypothetical"),
        ("التقى السيسي حفتر.", "reported"),
    ],
)
def test_status(text, status):
    art = make_article(text, [("السيسي", SISI), ("حفتر", HAFTAR)])
    if "يلتق " in text:
        assert art.events == []
        return
    assert [e.status for e in art.events] == [status]


def test_headline_repeated_in_body_counts_once():
    title = "السيسي يستقبل حفتر"
    text = title + "\nاستقبل الرئيس السيسي اليوم المشير حفتر."
    art = make_article(text, [("السيسي", SISI), ("حفتر", HAFTAR)], title=title)
    art_mentions = art.mentions
    assert len(art_mentions) == 2  # the surface index finds the first occurrences only
    # both sentences carry the same key once the body mentions are present too
    body = text.index("استقبل")
    art2 = make_article(text, [], title=title)
    art2.mentions = [
        Mention("السيسي", (0, 6), **SISI), Mention("حفتر", (15, 19), **HAFTAR),
        Mention("السيسي", (text.index("السيسي", body), text.index("السيسي", body) + 6), **SISI),
        Mention("حفتر", (text.index("حفتر", body), text.index("حفتر", body) + 4), **HAFTAR),
    ]
    EventCoder()(art2)
    assert len(art2.events) == 1
    assert art2.events[0].evidence_span[0] == body
