"""The actor knowledge base: actors, offices and countries loaded from package data, with time-aware roles."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.errors import DataError


@dataclass(frozen=True)
class Role:
    office: str | None  # None for a role that is not a knowledge-base office (title_ar says what it is)
    start: date | None
    end: date | None  # None = still in office
    title_ar: str | None = None
    uncertain: bool = False

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass
class Actor:
    id: str
    kind: str
    name: str
    name_ar: str
    country: str | None
    sector: str | None
    aliases_ar: list[str] = field(default_factory=list)
    weak_aliases_ar: list[str] = field(default_factory=list)
    weak_context: list[str] = field(default_factory=list)  # countries whose mention licenses the weak aliases
    aliases_en: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def role_on(self, when: date | None) -> Role | None:
        """The role held on ``when`` (latest started first); without a date, the latest role."""
        roles = sorted(self.roles, key=lambda r: r.start or date.min, reverse=True)
        if when is None:
            return roles[0] if roles else None
        return next((r for r in roles if r.covers(when)), None)


@dataclass
class Office:
    id: str
    name: str
    name_ar: str
    country: str | None
    sector: str | None
    single_holder: bool
    phrases_ar: list[str]


@dataclass
class Country:
    iso3: str
    name: str
    name_ar: str
    aliases_ar: list[str]
    demonyms_ar: list[str]
    metonyms_ar: list[str]
    capital_ar: str | None
    kind: str = "country"  # or "igo": an intergovernmental body's code (UN, ARL ...), not an ISO country
    weak_ar: list[str] = field(default_factory=list)  # ambiguous forms ("مالي" = financial) not matched alone


def parse_kb_date(value: str | None, *, end: bool = False) -> date | None:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; an end date of lower precision takes the last day it covers."""
    if value in (None, ""):
        return None
    parts = str(value).split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError as exc:
        raise DataError(f"unparsable date {value!r}") from exc
    if len(nums) == 1:
        return date(nums[0], 12, 31) if end else date(nums[0], 1, 1)
    if len(nums) == 2:
        if not end:
            return date(nums[0], nums[1], 1)
        nxt = date(nums[0] + (nums[1] == 12), nums[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    if len(nums) == 3:
        return date(*nums)
    raise DataError(f"unparsable date {value!r}")


class KnowledgeBase:
    """Actors, offices and countries with lookups by id and by office-on-a-date."""

    def __init__(self, actors: list[Actor], offices: dict[str, Office], countries: list[Country]) -> None:
        self.actors = {a.id: a for a in actors}
        self.offices = offices
        self.countries = {c.iso3: c for c in countries}
        self._holders: dict[str, list[tuple[Role, Actor]]] = {}
        for actor in actors:
            for role in actor.roles:
                if role.office is None:
                    continue
                self._holders.setdefault(role.office, []).append((role, actor))

    def holder(self, office: str, when: date | None) -> tuple[Actor, Role] | None:
        """Who held ``office`` on ``when`` (the latest holder when no date is known)."""
        holders = self._holders.get(office, [])
        if when is None:
            current = [(r, a) for r, a in holders if r.end is None]
            if len(current) == 1:
                return current[0][1], current[0][0]
            return None
        covering = [(role, actor) for role, actor in holders if role.covers(when)]
        if not covering:
            return None
        # in a hand-over month both holders cover the date at month precision: the newer one took over
        role, actor = max(covering, key=lambda h: h[0].start or date.min)
        return actor, role

    def iso_country(self, code: str | None) -> str | None:
        """``code`` when it is an ISO 3166 country of the knowledge base; None for IGO codes and unknowns."""
        country = self.countries.get(code) if code else None
        return code if country is not None and country.kind == "country" else None

    def search(self, text: str) -> list[Actor]:
        from marsad.text.normalize import normalize_text

        needle = normalize_text(text).lower()
        out = []
        for actor in self.actors.values():
            names = [actor.name, actor.name_ar, *actor.aliases_ar, *actor.aliases_en]
            if any(needle in normalize_text(n).lower() for n in names):
                out.append(actor)
        return out

    @classmethod
    def load(cls) -> KnowledgeBase:
        return _load_default()


def _read_text(*path: str) -> str:
    return resources.files("marsad.data").joinpath("/".join(path)).read_text(encoding="utf-8")


def actor_from_record(rec: dict[str, Any]) -> Actor:
    """Build an Actor from one actors.jsonl record, raising DataError naming the record when it is invalid."""
    try:
        roles = [
            Role(
                office=r.get("office"),
                start=parse_kb_date(r.get("start")),
                end=parse_kb_date(r.get("end"), end=True),
                title_ar=r.get("title_ar"),
                uncertain=bool(r.get("uncertain", False)),
            )
            for r in rec.get("roles", [])
        ]
        return Actor(
            id=rec["id"],
            kind=rec["kind"],
            name=rec["name"],
            name_ar=rec["name_ar"],
            country=rec.get("country"),
            sector=rec.get("sector"),
            aliases_ar=list(rec.get("aliases_ar", [])),
            weak_aliases_ar=list(rec.get("weak_aliases_ar", [])),
            weak_context=list(rec.get("weak_context", [])),
            aliases_en=list(rec.get("aliases_en", [])),
            roles=roles,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"actor record {rec.get('id', '?')!r}: {exc}") from exc


def kb_files(stem: str, suffix: str) -> list[str]:
    """``stem + suffix`` and every ``stem_<part> + suffix`` in data/kb (the knowledge base is split by region)."""
    names = [p.name for p in resources.files("marsad.data").joinpath("kb").iterdir()]
    return sorted(n for n in names if n == stem + suffix or (n.startswith(stem + "_") and n.endswith(suffix)))


@lru_cache(maxsize=1)
def _load_default() -> KnowledgeBase:
    actors = []
    for name in kb_files("actors", ".jsonl"):
        for lineno, line in enumerate(_read_text("kb", name).splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"kb/{name}:{lineno}: {exc}") from exc
            actors.append(actor_from_record(rec))
    offices = {}
    office_items = [
        item for name in kb_files("offices", ".json") for item in json.loads(_read_text("kb", name)).items()
    ]
    for oid, rec in office_items:
        offices[oid] = Office(
            id=oid,
            name=rec["name"],
            name_ar=rec.get("name_ar", ""),
            country=rec.get("country"),
            sector=rec.get("sector"),
            single_holder=bool(rec.get("single_holder", False)),
            phrases_ar=list(rec.get("phrases_ar", [])),
        )
    countries = []
    for rec in json.loads(_read_text("countries.json")):
        countries.append(
            Country(
                iso3=rec["iso3"],
                name=rec["name"],
                name_ar=rec.get("name_ar", ""),
                aliases_ar=list(rec.get("aliases_ar", [])),
                demonyms_ar=list(rec.get("demonyms_ar", [])),
                metonyms_ar=list(rec.get("metonyms_ar", [])),
                capital_ar=rec.get("capital_ar"),
                kind=rec.get("kind", "country"),
                weak_ar=list(rec.get("weak_ar", [])),
            )
        )
    return KnowledgeBase(actors, offices, countries)
