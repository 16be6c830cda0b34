"""Hand-built Articles with mentions, dates and events, for the store and API tests (no pipeline needed)."""

from __future__ import annotations

import hashlib
from datetime import date

from marsad.model import Article, Event, Mention, Sentence, TimeExpr


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_article(
    doc_id: str,
    text: str,
    *,
    source: str,
    published: str,
    title: str | None = None,
    boilerplate: list[str] | None = None,
) -> Article:
    return Article(
        doc_id=doc_id,
        text=text,
        origin=f"test:{doc_id}",
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        url=f"https://{source}.example/{doc_id}",
        source=source,
        published=date.fromisoformat(published),
        boilerplate=boilerplate or [],
        sentences=[Sentence(0, len(text))],
    )


def actor(text: str, part: str, kind: str, **kw) -> Mention:
    return Mention(text=part, span=span_of(text, part), type=kind, **kw)


def add_event(article: Article, etype: str, trigger: str, **kw) -> Event:
    text = article.text
    ev = Event(
        type=etype,
        mode=kw.pop("mode", None),
        cameo=kw.pop("cameo", None),
        status=kw.pop("status", "reported"),
        source=kw.pop("source", None),
        target=kw.pop("target", None),
        evidence_span=(0, len(text)),
        trigger_span=span_of(text, trigger),
        **kw,
    )
    for m in [ev.source, ev.target, ev.location, *ev.participants]:
        if m is not None and m not in article.mentions:
            article.mentions.append(m)
    if ev.date is not None and ev.date not in article.timexes:
        article.timexes.append(ev.date)
    article.events.append(ev)
    return ev


SISI = dict(
    id="Q_SISI", name="Abdel Fattah el-Sisi", name_ar="عبد الفتاح السيسي", country="EGY", sector="GOV"
)
GUTERRES = dict(id="Q_GUTERRES", name="António Guterres", name_ar="أنطونيو غوتيريش", sector="IGO")


def sample_articles() -> list[Article]:
    """Four articles: two outlets reporting one meeting (story st-meet), a protest, and a threat + sanctions."""
    t1 = (
        "استقبل الرئيس عبد الفتاح السيسي في القاهرة اليوم الخميس الأمين العام للأمم المتحدة أنطونيو غوتيريش"
        " وبحث معه الأوضاع في المنطقة."
    )
    a1 = make_article("ahram-1", t1, source="ahram", published="2019-05-09", title="السيسي يستقبل غوتيريش")
    d1 = TimeExpr("اليوم الخميس", span_of(t1, "اليوم الخميس"), "2019-05-09", "day", "publication")
    cairo = actor(t1, "القاهرة", "place", name="Cairo", name_ar="القاهرة", country="EGY", geonameid=360630)
    add_event(
        a1,
        "CONSULT",
        "استقبل",
        mode="host",
        cameo="043",
        source=actor(t1, "الرئيس عبد الفتاح السيسي", "person", role="president", **SISI),
        target=actor(t1, "الأمين العام للأمم المتحدة أنطونيو غوتيريش", "person", **GUTERRES),
        date=d1,
        date_source="text",
        location=cairo,
        story_id="st-meet",
        confidence=0.9,
    )

    t2 = "التقى السيسي والأمين العام للأمم المتحدة غوتيريش أمس في القاهرة لبحث ملفات إقليمية."
    a2 = make_article("youm7-7", t2, source="youm7", published="2019-05-10")
    d2 = TimeExpr("أمس", span_of(t2, "أمس"), "2019-05-09", "day", "publication")
    add_event(
        a2,
        "CONSULT",
        "التقى",
        mode="meet",
        source=actor(t2, "السيسي", "person", **SISI),
        target=actor(t2, "غوتيريش", "person", **GUTERRES),
        date=d2,
        date_source="text",
        story_id="st-meet",
        confidence=0.8,
    )

    t3 = "تظاهر آلاف المحتجين في الخرطوم مطالبين بتسليم السلطة إلى حكومة مدنية في يونيو."
    a3 = make_article("ahram-2", t3, source="ahram", published="2019-06-03", title="مظاهرات في الخرطوم")
    add_event(
        a3,
        "PROTEST",
        "تظاهر",
        mode="demonstrate",
        source=actor(t3, "آلاف المحتجين", "group", country="SDN", sector="CVL"),
        date=TimeExpr("يونيو", span_of(t3, "يونيو"), "2019-06", "month", "publication"),
        date_source="text",
        story_id="st-protest",
    )

    t4 = (
        "هددت إيران الولايات المتحدة برد حاسم، فيما أعلنت واشنطن أنها ستفرض عقوبات جديدة على طهران"
        " بحضور وزير الخارجية البريطاني."
    )
    a4 = make_article("arabiya-3", t4, source="alarabiya", published="2020-01-15", title="تهديد وعقوبات")
    iran = actor(t4, "إيران", "country", id="IRN", name="Iran", name_ar="إيران", country="IRN", sector="GOV")
    usa = actor(
        t4, "الولايات المتحدة", "country", id="USA", name="United States", country="USA", sector="GOV"
    )
    add_event(a4, "THREATEN", "هددت", source=iran, target=usa, story_id="st-threat")
    add_event(
        a4,
        "SANCTION",
        "ستفرض",
        status="planned",
        source=actor(t4, "واشنطن", "country", id="USA", name="United States", country="USA", sector="GOV"),
        target=actor(t4, "طهران", "country", id="IRN", name="Iran", country="IRN", sector="GOV"),
        participants=[actor(t4, "وزير الخارجية البريطاني", "person", country="GBR", sector="GOV")],
        date=TimeExpr("", (0, 0), "2020-01-15", "day", "publication"),
        date_source="publication",
        story_id="st-sanction",
    )
    return [a1, a2, a3, a4]
