"""Validation of the knowledge-base files: every problem named with the record it is in."""

from __future__ import annotations

import json
import re
from importlib import resources

from marsad.entities.kb import actor_from_record, kb_files
from marsad.errors import DataError

KINDS = {"person", "organization", "group"}
_ARABIC = re.compile(r"[\u0621-\u064A]")


def validate_records(records: list[dict], offices: dict[str, dict], countries: set[str]) -> list[str]:
    """Problems in actor records: missing fields, non-Arabic names, bad dates, overlapping single holders."""
    problems: list[str] = []
    seen: set[str] = set()
    holders: dict[str, list[tuple]] = {}
    for rec in records:
        rid = rec.get("id", "?")
        if rid in seen:
            problems.append(f"{rid}: duplicate id")
        seen.add(rid)
        if not _ARABIC.search(rec.get("name_ar") or ""):
            problems.append(f"{rid}: no Arabic name")
        if rec.get("kind") not in KINDS:
            problems.append(f"{rid}: kind {rec.get('kind')!r} is not one of {sorted(KINDS)}")
        if rec.get("country") and rec["country"] not in countries:
            problems.append(f"{rid}: unknown country {rec['country']!r}")
        for code in rec.get("weak_context", []):
            if code not in countries:
                problems.append(f"{rid}: unknown weak_context country {code!r}")
        try:
            actor = actor_from_record(rec)
        except DataError as exc:
            problems.append(str(exc))
            continue
        for role in actor.roles:
            if role.office is None:
                if not role.title_ar:
                    problems.append(f"{rid}: a role has neither an office nor a title")
                continue
            if role.office not in offices:
                problems.append(f"{rid}: unknown office {role.office!r}")
                continue
            if role.start and role.end and role.start > role.end:
                problems.append(f"{rid}: role {role.office} ends before it starts")
            if offices[role.office].get("single_holder") and not role.uncertain:
                holders.setdefault(role.office, []).append((role, rid))
    for office, held in holders.items():
        held.sort(key=lambda h: h[0].start.toordinal() if h[0].start else 0)
        for (a, aid), (b, bid) in zip(held, held[1:]):
            a_end = a.end.toordinal() if a.end else 10**9
            b_start = b.start.toordinal() if b.start else 0
            # a hand-over on the same day or within the same month (month precision) is not an overlap
            if b_start < a_end and (a_end - b_start) > 31:
                problems.append(f"{office}: {aid} and {bid} overlap as holders of a single-holder office")
    return problems


def validate_kb() -> list[str]:
    """Validate the packaged knowledge base."""
    data = resources.files("marsad.data")
    records, problems = [], []
    for name in kb_files("actors", ".jsonl"):
        for lineno, line in enumerate(data.joinpath(f"kb/{name}").read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                problems.append(f"kb/{name}:{lineno}: {exc}")
    offices: dict[str, dict] = {}
    for name in kb_files("offices", ".json"):
        for oid, rec in json.loads(data.joinpath(f"kb/{name}").read_text(encoding="utf-8")).items():
            if oid in offices:
                problems.append(f"kb/{name}: office {oid} is defined twice")
            offices[oid] = rec
    countries = {c["iso3"] for c in json.loads(data.joinpath("countries.json").read_text(encoding="utf-8"))}
    return problems + validate_records(records, offices, countries)
