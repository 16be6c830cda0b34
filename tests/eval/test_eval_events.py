"""Evaluation gate for the event stage (issue 5): runs the pipeline on the event gold (tests/eval/gold/events:
real.jsonl, SaudiNewsNet articles; written.jsonl, articles written for the guideline docs/annotation.md), prints
P/R/F1 per type at three levels and asserts pinned floors. `make eval` prints the tables."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_scorer import LEVELS, PLOVER_TYPES, format_scores, run_pipeline, score  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "events"

# Floors set a little below the run they were measured on: working tree on commit 74fb202 plus the parallel
# sessions' uncommitted changes (its coder codes CONSULT and a few statement types), gold real.jsonl 61 articles /
# 208 events (215 since the review of 2026-11-23, docs/annotation.md), written.jsonl 45 articles / 98 events.
# Measured then (micro F1): real type 0.19, type+actors 0.08, +date 0.07, CONSULT type 0.28 / type+actors 0.14;
# written type 0.41, type+actors 0.29, +date 0.26, CONSULT type 0.72 / type+actors 0.61.
# Raise them as the coder improves; (file, level, "micro" or a type) -> minimum F1.
# Raised to the coder of the commit "Coordinated subjects before the verb" (all 16 types, agents, coreference):
# real micro F1 type 0.38, type+actors 0.17, +date 0.15, CONSULT 0.48 / 0.39; written 0.47 / 0.35 / 0.31,
# CONSULT 0.79 / 0.74. Floors sit a little below.
# Raised 2026-11-22 after actor phrases (events/phrases.py), verbal nouns with ال/ب/ل, honorific pronouns and
# carried subjects: real 0.48 / 0.23 / 0.20, CONSULT 0.59 / 0.51; written 0.51 / 0.40 / 0.34, CONSULT 0.79 / 0.79.
# Later the same day (verbs reaching over ب-nouns, speakers of إنها, leaders after برئاسة, relative clauses, more
# light verbs): real 0.53 / 0.24 / 0.21; written 0.60 / 0.42 / 0.37.
# 2026-11-23 (participles, victims as targets, counterparts, bare titles, demonym agents, partitives ...):
# real 0.58 / 0.31 / 0.28, CONSULT 0.64 / 0.54; written 0.63 / 0.51 / 0.45, CONSULT 0.79 / 0.79.
# 2026-11-23, later (relative clauses, clashes between the counted dead, holders of places attacked, بلاده,
# headline dedupe): real 0.64 / 0.40 / 0.34, CONSULT 0.76 / 0.64; written 0.68 / 0.57 / 0.52, CONSULT 0.89 / 0.89.
# 2026-11-23 (relative clauses after things, co-subjects, من جهة, spokesmen باسمه, protest nouns' protesters,
# summits, masdar objects, family names): real 0.67 / 0.48 / 0.40, CONSULT 0.77 / 0.67; written 0.69 / 0.58 /
# 0.53, CONSULT 0.92 / 0.92.
# 2026-11-23, a later session (plural verbs, adjectival clauses, multilateral meetings and plural offices, head-noun
# anaphora, places attacked as their people): real 0.71 / 0.56 / 0.48, CONSULT 0.82 / 0.77; written 0.72 / 0.59 /
# 0.54, CONSULT 0.92 / 0.92.
# 2026-11-23, another session (unidentified bombers, victims counted, purpose nouns, 55 more triggers): real
# 0.77 / 0.64 / 0.55, CONSULT 0.84 / 0.80; written 0.76 / 0.61 / 0.56, CONSULT 0.92 / 0.92.
# 2026-11-24 (regions, agents placed by the place after them, بلاده in a second clause, حيث, headline titles named
# later, نفذ/كشف/وصف triggers): real 0.78 / 0.67 / 0.59, CONSULT 0.87 / 0.83; written 0.77 / 0.62 / 0.57,
# CONSULT 0.92 / 0.92.
# 2026-11-23, a later session (titles split by their punctuation, first-person speakers, namesakes, aid planes,
# proposals' authors, courts, the gold's review: 215 events): real 0.79 / 0.69 / 0.60, CONSULT 0.88 / 0.86;
# written 0.77 / 0.62 / 0.57, CONSULT 0.92 / 0.92. 2026-11-23b (the defended, invitations accepted, by-which
# clauses, the likeliest subject when no reading finds an object, victims by nationality, object pronouns, troops
# arriving): real 0.81 / 0.73 / 0.63, CONSULT 0.88 / 0.86; written 0.77 / 0.62 / 0.57, CONSULT 0.92 / 0.92.
# 2026-11-23c (mediation, demands "إنه يتعين", resumptive relatives, members after a subject, passive kills after a
# relative, a far بين): real 0.81 / 0.75 / 0.66, CONSULT 0.89 / 0.87; written unchanged.
# 2026-11-23d (a family name alone after its titled phrase, على and a pronoun after a joined verb, one person is no
# plural verb's subject, the noun استنكار): real 0.83 / 0.76 / 0.67, CONSULT 0.90 / 0.88; written unchanged.
# 2026-11-23e ("خلال زيارته" coded when no visit of its source was told, "خلال زيارة" as the clause subject's or the
# last speaker's, a meeting noun in a foreign state, plural counterparts, offices before an unknown name, ئو = ؤو):
# real 0.84 / 0.78 / 0.69, CONSULT 0.95 / 0.93; written unchanged.
FLOORS = {
    ("real", "type", "micro"): 0.82,
    ("real", "type+actors", "micro"): 0.76,
    ("real", "type+actors+date", "micro"): 0.67,
    ("real", "type", "CONSULT"): 0.92,
    ("real", "type+actors", "CONSULT"): 0.90,
    ("written", "type", "micro"): 0.75,
    ("written", "type+actors", "micro"): 0.60,
    ("written", "type+actors+date", "micro"): 0.55,
    ("written", "type", "CONSULT"): 0.90,
    ("written", "type+actors", "CONSULT"): 0.90,
}
GOALS = {("real", "type+actors", "micro"): 0.80}  # issue 5's target, printed, not asserted


def load(name: str) -> list[dict]:
    with open(GOLD / f"{name}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@cache
def scores_for(name: str) -> dict:
    gold = load(name)
    return score(gold, run_pipeline(gold))


@pytest.mark.parametrize("name", ["real", "written"])
def test_gold_is_well_formed(name):
    gold = load(name)
    assert len(gold) >= {"real": 60, "written": 40}[name]
    assert len({a["id"] for a in gold}) == len(gold)
    for art in gold:
        assert art["published"] and art["text"]
        for ev in art["events"]:
            assert ev["type"] in PLOVER_TYPES, ev
            assert ev["status"] in {"reported", "planned", "negated", "hypothetical"}, ev
            where = art["title"] if ev.get("in_title") else art["text"]
            assert ev["evidence"] in where, (art["id"], ev["evidence"][:60])
            assert ev["trigger"] in ev["evidence"], (art["id"], ev["trigger"])
            assert (ev["date"] is None) == (ev["date_precision"] is None), ev
            for role in ("source", "target"):
                actor = ev[role]
                if actor is not None:
                    assert set(actor) >= {"text", "id", "name", "country", "sector"}, actor
    types = {ev["type"] for art in gold for ev in art["events"]}
    if name == "written":
        assert types == set(PLOVER_TYPES)  # every type is covered by the written articles


@pytest.mark.parametrize("name", ["real", "written"])
def test_event_scores_meet_floors(name):
    s = scores_for(name)
    print()
    print(format_scores(s, f"events — {name}.jsonl (type / type+actors / type+actors+date)"))
    for (fname, level, _what), goal in GOALS.items():
        if fname == name:
            got = s["levels"][level]["micro"]["f1"]
            print(f"goal {level} micro F1 >= {goal}: {got:.2f}")
    failures = []
    for (fname, level, what), floor in FLOORS.items():
        if fname != name:
            continue
        assert level in LEVELS
        cell = s["levels"][level]["micro"] if what == "micro" else s["levels"][level]["per_type"][what]
        if cell["f1"] < floor:
            failures.append(f"{level} {what} F1 {cell['f1']:.3f} < {floor}")
    assert not failures, failures
