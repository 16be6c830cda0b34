"""What the knowledge base says about an actor, for the actor page and /api/actors/{id}: names and spelling
variants, and the offices held with their dates (read from the package data; no NLP)."""

from __future__ import annotations

from typing import Any

from marsad.entities.kb import KnowledgeBase


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def kb_actor(actor_id: str) -> dict[str, Any] | None:
    """The knowledge-base record of an actor or country as plain data, or None when the id is not in it."""
    kb = KnowledgeBase.load()
    actor = kb.actors.get(actor_id)
    if actor is not None:
        roles = []
        for role in sorted(actor.roles, key=lambda r: r.start.isoformat() if r.start else "", reverse=True):
            office = kb.offices.get(role.office) if role.office else None
            roles.append(
                {
                    "office": role.office,
                    "title": office.name if office else None,
                    "title_ar": role.title_ar or (office.name_ar if office else None),
                    "start": _iso(role.start),
                    "end": _iso(role.end),
                    "uncertain": role.uncertain,
                }
            )
        return {
            "id": actor.id,
            "name": actor.name,
            "name_ar": actor.name_ar,
            "kind": actor.kind,
            "country": actor.country,
            "sector": actor.sector,
            "aliases_ar": list(actor.aliases_ar),
            "aliases_en": list(actor.aliases_en),
            "roles": roles,
        }
    country = kb.countries.get(actor_id)
    if country is not None:
        return {
            "id": country.iso3,
            "name": country.name,
            "name_ar": country.name_ar,
            "kind": country.kind,
            "country": country.iso3 if country.kind == "country" else None,
            "aliases_ar": list(country.aliases_ar),
            "aliases_en": [],
            "roles": [],
        }
    return None
