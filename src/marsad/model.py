"""The types that flow through the pipeline: RawDocument in, Article through every stage, Story out.

Every span is a pair of character offsets into ``Article.text`` (the cleaned text), never into normalised text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The name of an actor the text does not identify (an attacker no one is named for)
UNIDENTIFIED = "unidentified"

Span = tuple[int, int]


@dataclass
class RawDocument:
    """One input record, decoded to text by ingest but not yet cleaned."""

    doc_id: str
    content: str
    origin: str  # where it came from, for messages: "dir/file.jsonl:12"
    content_type: str = "text"  # "text" (scraped text) or "html" (a page)
    url: str | None = None
    source: str | None = None  # outlet
    published: date | None = None
    title: str | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    is_title: bool = False


@dataclass(slots=True)
class Token:
    start: int  # offsets into Article.text
    end: int
    norm: str  # normalised surface form
    stem: str  # normalised form with proclitics removed
    prefix: str = ""  # the normalised proclitics removed ("و", "وب", "ال" ...)


@dataclass(slots=True)
class Mention:
    """An actor or a place found in the text (the contract's MENTION)."""

    text: str
    span: Span
    type: str  # person | organization | country | group | place
    id: str | None = None
    name: str | None = None
    name_ar: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None
    role: str | None = None
    office: str | None = None  # knowledge-base office id when the mention is a role phrase
    rank: str | None = None
    role_only: bool = False  # a role phrase with no name next to it ("الرئيس المصري")
    adjective: bool = False  # a demonym used as an adjective ("التدخل الإيراني"): a country, not an actor
    agent: bool = False  # a generic agent ("الجيش"، "المتظاهرون") not yet tied to a country
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    confidence: float = 1.0

    @property
    def unidentified(self) -> bool:
        """An actor that identifies no one: no id, country or sector ("انفجرت عبوة ناسفة")."""
        return self.name == UNIDENTIFIED and self.id is None

    @property
    def is_place(self) -> bool:
        return self.type == "place"

    @property
    def key(self) -> str:
        """Who the mention stands for: the knowledge-base id when linked, else "~" + the normalised surface."""
        if self.id:
            return self.id
        from marsad.text.normalize import normalize_text  # here: marsad.text imports this module

        return "~" + normalize_text(self.text)

    def actor_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.type if self.type != "place" else "country",
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
        }

    def place_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "name": self.name,
            "name_ar": self.name_ar,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }

    def record(self) -> dict[str, Any]:
        """The contract's MENTION: ACTOR or PLACE fields plus "type"."""
        rec = self.place_record() if self.is_place else self.actor_record()
        rec["type"] = self.type
        if self.id is not None and self.is_place:
            rec["id"] = self.id
        return rec


@dataclass
class TimeExpr:
    text: str
    span: Span
    value: str  # ISO 8601 partial: "2019-05-09", "2019-05", "2019", "--05-09", "2019-W19"
    precision: str  # day | week | month | year
    anchor: str  # text | publication | dateline
    end: str | None = None  # a range's last day, month or year (ISO partial like value); None for a single time

    def record(self) -> dict[str, Any]:
        rec = {
            "text": self.text,
            "span": list(self.span),
            "value": self.value,
            "precision": self.precision,
            "anchor": self.anchor,
        }
        if self.end is not None:
            rec["end"] = self.end  # a range ("بين 14 و16 أبريل"): value is its start
        return rec


@dataclass
class Event:
    type: str
    mode: str | None
    cameo: str | None
    status: str
    source: Mention | None
    target: Mention | None
    evidence_span: Span
    trigger_span: Span
    participants: list[Mention] = field(default_factory=list)
    date: TimeExpr | None = None
    date_source: str | None = None  # text | publication | None
    location: Mention | None = None
    confidence: float = 0.5
    story_id: str | None = None
    id: str = ""


@dataclass
class Article:
    doc_id: str
    text: str
    origin: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    dateline: str | None = None  # the dateline words ("القاهرة - ")
    dateline_span: Span | None = None
    byline: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    # text layer
    norm: str = ""
    norm_offsets: list[int] = field(default_factory=list)  # norm index -> text index
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    # later layers
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def doc_record(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass
class Story:
    id: str
    type: str
    mode: str | None
    date: str | None
    date_precision: str | None
    actors: list[dict[str, Any]]
    location: dict[str, Any] | None
    mentions: list[dict[str, Any]]  # event records
    first_report: str | None = None
    last_report: str | None = None

    @property
    def outlets(self) -> list[str]:
        return sorted({m["doc"]["source"] for m in self.mentions if m["doc"].get("source")})
