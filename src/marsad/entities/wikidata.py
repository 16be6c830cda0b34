"""Import of actors from a Wikidata JSON dump: people and organisations with an Arabic label.

The dump (``latest-all.json`` or a filtered extract, optionally gzip or bz2) is one entity per line inside a JSON
array. Two streaming passes keep memory flat: the first collects the labels of positions (P39 values) and the ISO
codes of countries (P298), the second writes one knowledge-base record per kept entity. Dates come from the
position qualifiers (P580 start, P582 end) at the precision Wikidata gives (year, month or day).
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from marsad.errors import InputError

HUMAN = "Q5"
# Instance-of classes kept as organisations (organization, political party, government agency, armed
# organization, militant group, ministry, government, legislature, news agency, intergovernmental organization).
ORGANIZATION_CLASSES = frozenset({
    "Q43229", "Q7278", "Q327333", "Q17149090", "Q2001305", "Q192350", "Q35798", "Q11204", "Q192283", "Q245065",
    "Q484652", "Q1752939", "Q1140229",
})
ARMED_CLASSES = frozenset({"Q17149090", "Q2001305"})
# Wikidata time precision: 9 year, 10 month, 11 day.
PRECISION_CHARS = {9: 4, 10: 7, 11: 10}


@dataclass
class ImportStats:
    entities: int = 0
    people: int = 0
    organizations: int = 0
    skipped_no_arabic: int = 0
    errors: list[str] = field(default_factory=list)


def open_dump(path: str | Path) -> IO[str]:
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_entities(path: str | Path, stats: ImportStats | None = None) -> Iterator[dict[str, Any]]:
    """Entities of the dump, one per line; a line that is not JSON is reported in ``stats.errors``."""
    with open_dump(path) as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip().rstrip(",")
            if not line or line in ("[", "]"):
                continue
            try:
                entity = json.loads(line)
            except json.JSONDecodeError as exc:
                if stats is not None:
                    stats.errors.append(f"{path}:{lineno}: invalid JSON ({exc.msg})")
                continue
            if isinstance(entity, dict) and entity.get("id"):
                yield entity


def _claim_ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and value.get("id"):
            out.append(value["id"])
    return out


def _claim_strings(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            out.append(value)
    return out


def _label(entity: dict[str, Any], lang: str) -> str | None:
    return (entity.get("labels", {}).get(lang) or {}).get("value")


def _time(qualifiers: dict[str, Any], prop: str) -> str | None:
    for q in qualifiers.get(prop, []):
        value = q.get("datavalue", {}).get("value")
        if isinstance(value, dict) and value.get("time"):
            chars = PRECISION_CHARS.get(value.get("precision", 11))
            if chars is None:
                return None  # decade or coarser: not a usable date
            return value["time"].lstrip("+")[:chars]
    return None


def import_dump(path: str | Path, out: IO[str]) -> ImportStats:
    """Write one actor record (actors.jsonl format) per person or organisation with an Arabic label."""
    stats = ImportStats()
    positions: dict[str, str] = {}
    countries: dict[str, str] = {}
    for entity in iter_entities(path):
        iso3 = _claim_strings(entity, "P298")
        if iso3:
            countries[entity["id"]] = iso3[0]
        positions[entity["id"]] = _label(entity, "ar") or _label(entity, "en") or entity["id"]
    for entity in iter_entities(path, stats):
        stats.entities += 1
        record = entity_record(entity, positions, countries)
        if record is None:
            continue
        if record == "no-arabic":
            stats.skipped_no_arabic += 1
            continue
        if record["kind"] == "person":
            stats.people += 1
        else:
            stats.organizations += 1
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return stats


def entity_record(entity: dict[str, Any], positions: dict[str, str],
                  countries: dict[str, str]) -> dict[str, Any] | str | None:
    """The actor record of one entity; None when it is neither a person with positions nor an organisation,
    "no-arabic" when it would be kept but has no Arabic label."""
    classes = set(_claim_ids(entity, "P31"))
    is_person = HUMAN in classes
    held = entity.get("claims", {}).get("P39", [])
    if is_person and not held:
        return None
    if not is_person and not classes & ORGANIZATION_CLASSES:
        return None
    name_ar = _label(entity, "ar")
    if not name_ar:
        return "no-arabic"
    qid = entity["id"]
    country_ids = _claim_ids(entity, "P27" if is_person else "P17")
    roles = []
    for claim in held:
        pos = claim.get("mainsnak", {}).get("datavalue", {}).get("value", {})
        pos_id = pos.get("id") if isinstance(pos, dict) else None
        if not pos_id:
            continue
        qualifiers = claim.get("qualifiers", {})
        roles.append({"title_ar": positions.get(pos_id, pos_id), "start": _time(qualifiers, "P580"),
                      "end": _time(qualifiers, "P582"), "wikidata_position": pos_id})
    return {
        "id": f"wd-{qid.lower()}",
        "kind": "person" if is_person else ("group" if classes & ARMED_CLASSES else "organization"),
        "name": _label(entity, "en") or name_ar,
        "name_ar": name_ar,
        "aliases_ar": sorted({a["value"] for a in entity.get("aliases", {}).get("ar", []) if a.get("value")}),
        "aliases_en": sorted({a["value"] for a in entity.get("aliases", {}).get("en", []) if a.get("value")}),
        "country": next((countries[c] for c in country_ids if c in countries), None),
        "sector": None,
        "roles": roles,
        "wikidata": qid,
    }


def check_dump(path: str | Path) -> None:
    """Raise InputError when the dump cannot be read at all."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.stat().st_size == 0:
        raise InputError(str(path), "empty file")
