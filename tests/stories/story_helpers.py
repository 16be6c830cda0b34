"""Hand-built articles with events for the story tests: one sentence per event, spans into the text."""

from __future__ import annotations

from datetime import date

from marsad.model import Article, Event, Mention, TimeExpr


def person(key: str, country: str | None) -> Mention:
    return Mention(key, (0, 1), "person", id=key, country=country)


def country(code: str) -> Mention:
    return Mention(code, (0, 1), "country", id=code, country=code)


def place(name: str, country_code: str, lat: float | None = None, lon: float | None = None,
          geonameid: int | None = None) -> Mention:
    return Mention(name, (0, 1), "place", name=name, country=country_code, lat=lat, lon=lon, geonameid=geonameid)


def event(src: Mention | None, tgt: Mention | None, value: str | None, *, mode: str | None = "meet",
          etype: str = "CONSULT", precision: str = "day", source: str = "text", anchor: str = "text",
          status: str = "reported", location: Mention | None = None) -> Event:
    timex = TimeExpr("", (0, 0), value, precision, anchor) if value else None
    return Event(etype, mode, None, status, src, tgt, (0, 0), (0, 1), date=timex,
                 date_source=source if value else None, location=location)


def article(doc_id: str, *events_and_evidence: tuple[Event, str], published: str | None = None) -> Article:
    """An article whose text is the events' evidence sentences, one per line; each event's spans point to it."""
    text = ""
    evs = []
    for ev, sentence in events_and_evidence:
        start = len(text)
        text += sentence + "\n"
        ev.evidence_span = (start, start + len(sentence))
        ev.trigger_span = (start, start + 1)
        evs.append(ev)
    return Article(doc_id, text, doc_id, "h-" + doc_id, source=doc_id.split("-")[0], events=evs,
                   published=date.fromisoformat(published) if published else None)
