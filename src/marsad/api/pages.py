"""The dashboard's HTML pages, rendered server-side from the store (they work without JavaScript).

Templates are Jinja2 with autoescape on: article text, titles and names are always escaped.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from marsad.api.app import EventQuery
from marsad.api.highlight import segments
from marsad.store import Store

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
PAGE_EVENTS = 50
PAGE_STORIES = 20

_env = Environment(loader=PackageLoader("marsad.web", "templates"), autoescape=True, trim_blocks=True)
_env.filters["quote_id"] = lambda value: quote(str(value), safe="")

router = APIRouter(default_response_class=HTMLResponse)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    return actor.get("name_ar") or actor.get("text") or actor.get("name") or ""


_env.filters["actor_label"] = _actor_label
# A link to an article's own URL must not become a javascript: or data: link.
_env.tests["web_url"] = lambda value: (
    isinstance(value, str) and value.lower().startswith(("http://", "https://"))
)


def _render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status_code)


def _not_found(what: str, key: str) -> HTMLResponse:
    return _render("not_found.html", 404, what=what, key=key)


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("/")
def index(
    request: Request, filters: Annotated[EventQuery, Depends()], offset: Annotated[int, Query(ge=0)] = 0
):
    store = _store(request)
    flt = filters.filters
    total, events = store.events(**flt, limit=PAGE_EVENTS, offset=offset)
    stories_total, stories = store.stories(**flt, limit=PAGE_STORIES)
    results = store.search(flt["q"], limit=10) if flt["q"] else []
    active = {k: v for k, v in flt.items() if v}
    next_offset = offset + PAGE_EVENTS if offset + PAGE_EVENTS < total else None
    return _render(
        "index.html",
        filters=flt,
        types=PLOVER_TYPES,
        statuses=("reported", "planned", "negated", "hypothetical"),
        events=events,
        total=total,
        offset=offset,
        next_query=urlencode({**active, "offset": next_offset}) if next_offset is not None else None,
        stories=stories,
        stories_total=stories_total,
        results=results,
        counts=store.counts(),
    )


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str):
    record = _store(request).document(doc_id)
    if record is None:
        return _not_found("document", doc_id)
    return _render("document.html", doc=record, segments=segments(record))


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str):
    story = _store(request).story(story_id)
    if story is None:
        return _not_found("story", story_id)
    return _render("story.html", story=story)


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str):
    store = _store(request)
    actor = store.actor(actor_id)
    if actor is None:
        return _not_found("actor", actor_id)
    total, events = store.events(actor_id=actor_id, limit=PAGE_EVENTS)
    return _render("actor.html", actor=actor, events=events, total=total)
