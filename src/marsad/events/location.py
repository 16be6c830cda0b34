"""Where an event happens, and places standing for their country."""

from __future__ import annotations

import dataclasses

from marsad.entities.kb import KnowledgeBase
from marsad.entities.vocabulary import LOCATIVE_WORDS
from marsad.events.markers import IN, Arg
from marsad.model import Article, Mention
from marsad.text.normalize import normalize_text


def dateline_place(article: Article) -> Mention | None:
    """The dateline's place ("القاهرة - "): where the report was filed, the event's place when the sentence
    names none."""
    if not article.dateline_span:
        return None
    s, e = article.dateline_span
    return next((m for m in article.mentions if m.is_place and s <= m.span[0] < e), None)


def event_location(article: Article, after: list[Arg], obj: Arg | None, mode: str | None,
                   source: Mention) -> Mention | None:
    """The place an object names, else the first place after في/ب or a place noun ("شرق مدينة بنغازي"), else the
    dateline's place for a host in his own country, who receives at home (only where it fits: a Libyan outlet's
    "القاهرة -" says nothing of a meeting its correspondent reports from Benghazi)."""
    if obj is not None and obj.mention.is_place:
        return obj.mention
    for a in after:
        if a.mention.is_place and (a.marker in ("في", "ب") or a.marker == ""
                                   and after_locative(article, a.mention)):
            return a.mention
    place = dateline_place(article)
    return place if place is not None and mode == "host" and place.country == source.country else None


def after_locative(article: Article, place: Mention) -> bool:
    """A place after "مدينة"، "العاصمة"، "شرق" ... ("في مقر القيادة شرق مدينة بنغازي")."""
    words = normalize_text(article.text[max(0, place.span[0] - 16) : place.span[0]]).split()
    return bool(words) and words[-1].lstrip("وب") in LOCATIVE_WORDS


def country_of(kb: KnowledgeBase | None, place: Mention) -> Mention | None:
    """A place named as what is visited stands for its country ("وصل إلى القاهرة" → Egypt)."""
    if not place.country:
        return None
    kb_country = kb.countries.get(place.country) if kb else None
    return dataclasses.replace(
        place, type="country", id=place.country, name=kb_country.name if kb_country else None,
        name_ar=kb_country.name_ar if kb_country else None, lat=None, lon=None, geonameid=None,
        confidence=place.confidence * 0.9,
    )


def hosts(kb: KnowledgeBase | None, after: list[Arg], subject: Arg) -> Arg | None:
    """A meeting noun naming no partner, in a foreign state named as such ("لقاءات الجبير في روسيا"), is with that
    state: the first country after في, when it is not the subject's own. Cities are not enough ("في نيويورك" is the
    UN's), nor verbs ("سيبحث النزاعين في اليمن": في names the topic)."""
    place = next((a for a in after if a.marker == IN and a.mention.type == "country"), None)
    if place is None or place.mention.country in (None, subject.mention.country):
        return None
    return place
