"""Cut a document's text into flat segments at every annotation boundary, for the document page.

Each segment carries the CSS classes and tooltip of the annotations covering it; the template escapes each
piece and wraps annotated ones in ``<mark>``. Flat segments (no nesting) keep overlapping annotations (a
mention inside an event's evidence sentence) valid HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_CLASS_SAFE = re.compile(r"[^a-z0-9-]+")


@dataclass
class Segment:
    text: str
    classes: str = ""
    title: str = ""


@dataclass
class _Annotation:
    start: int
    end: int
    css: str
    title: str


def _css(*parts: str | None) -> str:
    return "-".join(_CLASS_SAFE.sub("", (p or "").lower()) for p in parts if p)


def _span(value: Any, n: int) -> tuple[int, int] | None:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    try:
        s, e = max(0, int(value[0])), min(n, int(value[1]))
    except (TypeError, ValueError):
        return None
    return (s, e) if s < e else None


def annotations_of(record: dict[str, Any]) -> list[_Annotation]:
    """Mentions, time expressions, event triggers and evidence sentences of an annotated-document record."""
    n = len(record.get("text") or "")
    out: list[_Annotation] = []
    for m in record.get("mentions") or []:
        span = _span(m.get("span"), n)
        if span:
            label = m.get("name") or m.get("name_ar") or m.get("text") or ""
            extra = ", ".join(str(x) for x in (m.get("id"), m.get("country"), m.get("sector")) if x)
            title = f"{m.get('type')}: {label}" + (f" ({extra})" if extra else "")
            out.append(_Annotation(*span, f"mention {_css('mention', m.get('type'))}", title))
    for t in record.get("dates") or []:
        span = _span(t.get("span"), n)
        if span:
            out.append(_Annotation(*span, "timex", f"date {t.get('value')} ({t.get('precision')})"))
    for ev in record.get("events") or []:
        label = "/".join(str(x) for x in (ev.get("type"), ev.get("mode")) if x) + f" [{ev.get('status')}]"
        span = _span(ev.get("evidence_span"), n)
        if span:
            out.append(_Annotation(*span, "evidence", label))
        span = _span(ev.get("trigger_span"), n)
        if span:
            out.append(_Annotation(*span, f"trigger {_css('trigger', ev.get('type'))}", label))
    return out


def segments(record: dict[str, Any]) -> list[Segment]:
    """The text cut at every annotation boundary; annotated pieces carry classes and a tooltip."""
    return _cut(record.get("text") or "", annotations_of(record))


def _cut(text: str, notes: list[_Annotation]) -> list[Segment]:
    cuts = sorted({0, len(text), *(a.start for a in notes), *(a.end for a in notes)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [x for x in notes if x.start <= a and x.end >= b]
        if not covering:
            out.append(Segment(text[a:b]))
            continue
        classes = " ".join(dict.fromkeys(c for x in covering for c in x.css.split()))
        title = " · ".join(dict.fromkeys(x.title for x in covering))
        out.append(Segment(text[a:b], classes, title))
    return out


def evidence_segments(event: dict[str, Any]) -> list[Segment]:
    """An event's evidence sentence cut at its actor, place, trigger and date spans (for the story page).

    Spans in the record point into the document; the sentence starts at ``evidence_span[0]``. The record keeps
    the words its date was read from (``date_text``) but not their span: the first occurrence inside the
    sentence is marked.
    """
    text = event.get("evidence") or ""
    start = (_span(event.get("evidence_span"), 10**12) or (0, 0))[0]
    notes: list[_Annotation] = []

    def add(span: Any, css: str, title: str) -> None:
        s = _span(span, 10**12)
        if s is None:
            return
        a, b = max(0, s[0] - start), min(len(text), s[1] - start)
        if a < b:
            notes.append(_Annotation(a, b, css, title))

    for role, actor in [("source", event.get("source")), ("target", event.get("target"))] + [
        ("participant", p) for p in event.get("participants") or []
    ]:
        if actor:
            label = actor.get("name") or actor.get("name_ar") or actor.get("text") or ""
            add(actor.get("span"), f"mention {_css('mention', actor.get('kind'))} {_css('role', role)}",
                f"{role}: {label}")  # fmt: skip
    place = event.get("location")
    if place:
        add(place.get("span"), "mention mention-place", f"place: {place.get('name') or place.get('text')}")
    label = "/".join(str(x) for x in (event.get("type"), event.get("mode")) if x)
    add(event.get("trigger_span"), f"trigger {_css('trigger', event.get('type'))}", label)
    date_text = event.get("date_text")
    if date_text and date_text in text:
        i = text.index(date_text)
        notes.append(_Annotation(i, i + len(date_text), "timex", f"date {event.get('date')}"))
    return _cut(text, notes)
