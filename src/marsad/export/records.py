"""The contract's records: an event record per event and an annotated-document record per article."""

from __future__ import annotations

import hashlib
from typing import Any

from marsad.model import Article, Event


def event_id(article: Article, event: Event) -> str:
    """Stable id of an event mention: the same document content and trigger give the same id."""
    actors = [m.span for m in (event.source, event.target) if m is not None]
    key = f"{article.content_hash}:{event.trigger_span}:{event.type}:{event.mode}:{actors}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def event_record(article: Article, event: Event) -> dict[str, Any]:
    """The contract's event record (``--format jsonl``)."""
    s, e = event.evidence_span
    date = event.date
    return {
        "id": event.id or event_id(article, event),
        "doc_id": article.doc_id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "status": event.status,
        "source": event.source.actor_record() if event.source else None,
        "target": event.target.actor_record() if event.target else None,
        "participants": [p.actor_record() for p in event.participants],
        "date": date.value if date else None,
        "date_precision": date.precision if date else None,
        "date_end": date.end if date else None,
        "date_text": date.text if date and event.date_source == "text" else None,
        "date_source": event.date_source,
        "location": event.location.place_record() if event.location else None,
        "evidence": article.text[s:e],
        "evidence_span": [s, e],
        "trigger": article.text[event.trigger_span[0] : event.trigger_span[1]],
        "trigger_span": list(event.trigger_span),
        "confidence": round(event.confidence, 3),
        "story_id": event.story_id,
        "doc": article.doc_record(),
    }


def annotation_record(article: Article) -> dict[str, Any]:
    """The contract's annotated document (``marsad annotate``)."""
    return {
        "doc_id": article.doc_id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "dateline": article.dateline,
        "byline": article.byline,
        "text": article.text,
        "boilerplate": list(article.boilerplate),
        "sentences": [[s.start, s.end] for s in article.sentences],
        "mentions": [m.record() for m in sorted(article.mentions, key=lambda m: m.span)],
        "dates": [t.record() for t in article.timexes],
        "events": [event_record(article, ev) for ev in article.events],
    }
