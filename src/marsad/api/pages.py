"""The dashboard's HTML pages, rendered server-side from the store: overview, story, actor, document and
document list pages work without JavaScript; the charts, the network and the map are drawn by the packaged
script from the JSON routes.

Templates are Jinja2 with autoescape on: article text, titles and names are always escaped.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from marsad.api.app import EventQuery, store_conn
from marsad.api.highlight import evidence_segments, segments
from marsad.api.i18n import COOKIE, DIRECTION, language, strings
from marsad.api.kbinfo import kb_actor
from marsad.export.formats import FORMATS
from marsad.store import Store, aggregates

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
STATUSES = ("reported", "planned", "negated", "hypothetical")
PAGE_EVENTS = 50
PAGE_STORIES = 20
PAGE_DOCUMENTS = 50
COOKIE_MAX_AGE = 365 * 24 * 3600

_env = Environment(loader=PackageLoader("marsad.web", "templates"), autoescape=True, trim_blocks=True)
_env.filters["quote_id"] = lambda value: quote(str(value), safe="")

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def _actor_label(actor: dict[str, Any] | None, lang: str = "ar") -> str:
    if not actor:
        return ""
    if lang == "en":
        return actor.get("name") or actor.get("name_ar") or actor.get("text") or actor.get("id") or ""
    return actor.get("name_ar") or actor.get("text") or actor.get("name") or actor.get("id") or ""


_env.filters["actor_label"] = _actor_label
# A link to an article's own URL must not become a javascript: or data: link.
_env.tests["web_url"] = lambda value: (
    isinstance(value, str) and value.lower().startswith(("http://", "https://"))
)


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lang, chosen = language(request)
    t = strings(lang)
    other = "en" if lang == "ar" else "ar"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    html = _env.get_template(name).render(
        lang=lang,
        dir=DIRECTION[lang],
        t=t,
        script_strings=t.for_script(),
        other_lang=other,
        other_lang_url=request.url.path + "?" + urlencode([*params, ("lang", other)]),
        path=request.url.path,
        **context,
    )
    response = HTMLResponse(html, status_code=status_code)
    if chosen:
        response.set_cookie(COOKIE, lang, max_age=COOKIE_MAX_AGE, samesite="lax")
    return response


def _not_found(request: Request, what: str, key: str) -> HTMLResponse:
    return _render(request, "not_found.html", 404, what=what, key=key)


def _store(request: Request) -> Store:
    return request.app.state.store


def _filter_context(request: Request, flt: dict[str, Any]) -> dict[str, Any]:
    """What the filter form needs: current values, choices, and the query string of the active filters."""
    active = {k: v for k, v in flt.items() if v}
    return {
        "filters": flt,
        "active_query": urlencode(active),
        "types": PLOVER_TYPES,
        "statuses": STATUSES,
        "modes": list(strings("ar").catalogue["modes"]),
        "outlets": aggregates.outlets(store_conn(_store(request))),
        "formats": FORMATS,
    }


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
        request,
        "index.html",
        **_filter_context(request, flt),
        events=events,
        total=total,
        offset=offset,
        next_query=urlencode({**active, "offset": next_offset}) if next_offset is not None else None,
        stories=stories,
        stories_total=stories_total,
        results=results,
        counts=store.counts(),
    )


@router.get("/network")
def network_page(request: Request, filters: Annotated[EventQuery, Depends()]):
    return _render(request, "network.html", **_filter_context(request, filters.filters))


@router.get("/map")
def map_page(request: Request, filters: Annotated[EventQuery, Depends()]):
    return _render(request, "map.html", **_filter_context(request, filters.filters))


@router.get("/documents")
def documents_page(
    request: Request,
    source: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    conn = store_conn(_store(request))
    total, docs = aggregates.documents(conn, source or None, None, None, q or None, PAGE_DOCUMENTS, offset)
    active = {k: v for k, v in {"source": source, "q": q}.items() if v}
    next_offset = offset + PAGE_DOCUMENTS if offset + PAGE_DOCUMENTS < total else None
    return _render(
        request,
        "documents.html",
        docs=docs,
        total=total,
        source=source or "",
        q=q or "",
        outlets=aggregates.outlets(conn),
        next_query=urlencode({**active, "offset": next_offset}) if next_offset is not None else None,
    )


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str):
    record = _store(request).document(doc_id)
    if record is None:
        return _not_found(request, "document", doc_id)
    return _render(request, "document.html", doc=record, segments=segments(record))


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str):
    story = _store(request).story(story_id)
    if story is None:
        return _not_found(request, "story", story_id)
    reports = [{"event": ev, "segments": evidence_segments(ev)} for ev in story["mentions"]]
    return _render(request, "story.html", story=story, reports=reports)


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str):
    store = _store(request)
    actor = store.actor(actor_id, kb=kb_actor)
    if actor is None:
        return _not_found(request, "actor", actor_id)
    conn = store_conn(store)
    total, events = store.events(actor_id=actor_id, limit=PAGE_EVENTS)
    return _render(
        request,
        "actor.html",
        actor=actor,
        events=events,
        total=total,
        counterparts=aggregates.counterparts(conn, actor_id),
        roles_seen=aggregates.roles_seen(conn, actor_id),
    )
