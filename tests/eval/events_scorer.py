"""Scores predicted event records against the gold events of tests/eval/gold/events (guideline: docs/annotation.md).

A predicted event matches a gold event of the same article when its evidence sentence overlaps the gold evidence
(normalised text; the pipeline's cleaned text may differ a little from the raw content) and its type is the same.
Three levels add conditions: "type", "type+actors" (source and target equal), "type+actors+date" (plus the date
at the gold's precision). Matching is greedy and one-to-one, separately at each level.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from marsad.text.normalize import normalize_text

LEVELS = ("type", "type+actors", "type+actors+date")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# Share of the shorter evidence's words that must occur in the other one. Sentence splits differ between the gold
# (one sentence) and the pipeline (which may cut at a semicolon or join a title line); 0.6 keeps those and rejects
# neighbouring sentences that share only names (checked by hand on tests/eval/gold/events, commit 74fb202).
EVIDENCE_OVERLAP = 0.6
# ... and at least this many shared words, so that a three-word headline does not match a body sentence that
# merely names the same two people.
MIN_SHARED_WORDS = 4
_WORD = re.compile(r"\w+")

Event = Mapping[str, Any]


def normalize_words(text: str | None) -> list[str]:
    """Normalised words of a text: orthographic folds of marsad's normaliser, punctuation dropped."""
    return _WORD.findall(normalize_text(text or ""))


def evidence_overlap(gold: str, pred: str) -> float:
    """Share of the shorter text's words found in the other (multiset), 1.0 when one contains the other, 0.0
    when fewer than MIN_SHARED_WORDS words are shared."""
    g, p = normalize_words(gold), normalize_words(pred)
    if not g or not p:
        return 0.0
    if " ".join(g) in " ".join(p) or " ".join(p) in " ".join(g):
        return 1.0
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    pool: dict[str, int] = {}
    for w in long_:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in short:
        if pool.get(w, 0):
            pool[w] -= 1
            hit += 1
    return hit / len(short) if hit >= MIN_SHARED_WORDS else 0.0


def same_actor(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """Same KB id; when either lacks an id, same country + sector, or the same normalised surface text. A null
    actor (the annotation's unknown attacker) equals null or an actor that identifies no one: no id, country or
    sector (the record's "unidentified" actor, which the contract's required source needs)."""
    if gold is None or pred is None:
        other = pred if gold is None else gold
        return other is None or not (other.get("id") or other.get("country") or other.get("sector"))
    gid, pid = gold.get("id"), pred.get("id")
    if gid and pid:
        return gid == pid
    if gold.get("country") and gold.get("country") == pred.get("country") and _sector(gold) == _sector(pred):
        return True
    gt, pt = normalize_words(gold.get("text")), normalize_words(pred.get("text"))
    return bool(gt) and gt == pt


def _sector(actor: Mapping[str, Any]) -> str | None:
    """A bare state (its id is its ISO3 code, no sector) acts through its government: PLOVER's convention."""
    if actor.get("sector"):
        return actor["sector"]
    return "GOV" if actor.get("id") and actor.get("id") == actor.get("country") else None


def actors_match(gold: Event, pred: Event) -> bool:
    """Source and target equal; a gold event marked symmetric (meetings, clashes) also accepts them swapped."""
    if same_actor(gold.get("source"), pred.get("source")) and same_actor(gold.get("target"), pred.get("target")):
        return True
    return bool(gold.get("symmetric")) and same_actor(gold.get("source"), pred.get("target")) \
        and same_actor(gold.get("target"), pred.get("source"))


def date_matches(gold: str | None, precision: str | None, pred: str | None) -> bool:
    """The predicted date equals the gold date at the gold's precision; a gold date of null is not scored."""
    if gold is None:
        return True
    if not pred:
        return False
    if precision == "week" or "-W" in gold:
        if "-W" in pred:
            return pred == gold
        try:
            year, week, _ = dt.date.fromisoformat(pred[:10]).isocalendar()
        except ValueError:
            return False
        return f"{year}-W{week:02d}" == gold
    if gold.startswith("--"):  # year unknown: month and day must agree
        return pred[-5:] == gold[-5:]
    return pred[: len(gold)] == gold


def _evidences(gold: Event, title: str | None) -> list[str]:
    out = [gold.get("evidence") or ""]
    if title and (gold.get("also_in_title") or gold.get("in_title")):
        out.append(title)
    return out


def _candidates(golds: Sequence[Event], preds: Sequence[Event], title: str | None,
                level: str) -> list[tuple[float, int, int]]:
    pairs = []
    for gi, g in enumerate(golds):
        evidences = _evidences(g, title)
        for pi, p in enumerate(preds):
            if p.get("type") != g.get("type"):
                continue
            overlap = max(evidence_overlap(e, p.get("evidence") or "") for e in evidences)
            if overlap < EVIDENCE_OVERLAP:
                continue
            if level != "type" and not actors_match(g, p):
                continue
            if level == "type+actors+date" and not date_matches(g.get("date"), g.get("date_precision"), p.get("date")):
                continue
            # ties: prefer the same mode and status, then text order
            bonus = 0.01 * (p.get("mode") == g.get("mode")) + 0.01 * (p.get("status") == g.get("status"))
            pairs.append((overlap + bonus, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    return pairs


def match_article(golds: Sequence[Event], preds: Sequence[Event], level: str,
                  title: str | None = None) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of one article's gold and predicted events at one level: (gold, pred) indices."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in _candidates(golds, preds, title, level):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def score(gold_articles: Iterable[Mapping[str, Any]],
          predicted_events_by_article: Mapping[str, Sequence[Event]]) -> dict[str, Any]:
    """Per-type and micro P/R/F1 at each level, plus status agreement on the type+actors matches.

    ``predicted_events_by_article`` maps a gold article id to its predicted event records (the contract's records;
    fields used: type, mode, status, source, target, date, evidence). Predictions for ids not in the gold are ignored.
    """
    counts = {lvl: {t: [0, 0, 0] for t in PLOVER_TYPES} for lvl in LEVELS}
    n_gold = n_pred = n_articles = 0
    status_same = status_total = 0
    for art in gold_articles:
        n_articles += 1
        golds = list(art.get("events") or [])
        preds = list(predicted_events_by_article.get(art["id"], []))
        n_gold += len(golds)
        n_pred += len(preds)
        for lvl in LEVELS:
            pairs = match_article(golds, preds, lvl, art.get("title"))
            mg = {g for g, _ in pairs}
            mp = {p for _, p in pairs}
            table = counts[lvl]
            for gi, g in enumerate(golds):
                row = table.setdefault(g["type"], [0, 0, 0])
                row[0 if gi in mg else 2] += 1
            for pi, p in enumerate(preds):
                if pi not in mp:
                    table.setdefault(p.get("type") or "?", [0, 0, 0])[1] += 1
            if lvl == "type+actors":
                for gi, pi in pairs:
                    status_total += 1
                    status_same += golds[gi].get("status") == preds[pi].get("status")
    out: dict[str, Any] = {"articles": n_articles, "gold_events": n_gold, "predicted_events": n_pred, "levels": {}}
    for lvl in LEVELS:
        per_type = {t: _prf(*row) for t, row in counts[lvl].items()}
        tp, fp, fn = (sum(row[i] for row in counts[lvl].values()) for i in range(3))
        out["levels"][lvl] = {"micro": _prf(tp, fp, fn), "per_type": per_type}
    out["status_accuracy"] = round(status_same / status_total, 4) if status_total else None
    return out


def format_scores(scores: Mapping[str, Any], title: str = "") -> str:
    """A plain-text table: one row per type with gold support, P/R/F1 at each level, then the micro row."""
    levels = scores["levels"]
    head = f"{'type':<10} {'gold':>4} {'pred':>4} " + " ".join(f"{lvl:>22}" for lvl in LEVELS)
    lines = [title, f"articles {scores['articles']}, gold events {scores['gold_events']}, "
             f"predicted {scores['predicted_events']}, status agreement on matches {scores['status_accuracy']}",
             head, " " * 21 + " ".join(f"{'P     R     F1':>22}" for _ in LEVELS)]

    def row(name: str, cells: list[Mapping[str, Any]]) -> str:
        first = cells[0]
        return f"{name:<10} {first['tp'] + first['fn']:>4} {first['tp'] + first['fp']:>4} " + " ".join(
            f"{c['p']:>10.2f}{c['r']:>6.2f}{c['f1']:>6.2f}" for c in cells)

    types = [t for t in levels["type"]["per_type"]
             if levels["type"]["per_type"][t]["tp"] + levels["type"]["per_type"][t]["fn"]
             + levels["type"]["per_type"][t]["fp"]]
    for t in types:
        lines.append(row(t, [levels[lvl]["per_type"][t] for lvl in LEVELS]))
    lines.append(row("micro", [levels[lvl]["micro"] for lvl in LEVELS]))
    return "\n".join(lines)


def run_pipeline(gold_articles: Iterable[Mapping[str, Any]],
                 errors: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Run marsad's Pipeline on each gold article (its raw text, title, outlet, url and publication date) and
    return the contract's event records by article id.

    An article the pipeline rejects (InputError) raises, unless an ``errors`` list is given: then the message is
    appended there and the article counts as predicting no event.
    """
    from marsad.errors import InputError
    from marsad.export.records import event_record
    from marsad.model import RawDocument
    from marsad.pipeline import Pipeline

    pipeline = Pipeline()
    out: dict[str, list[dict[str, Any]]] = {}
    for art in gold_articles:
        published = art.get("published")
        raw = RawDocument(doc_id=art["id"], content=art["text"], origin=f"gold:{art['id']}", content_type="text",
                          url=art.get("url"), source=art.get("source"),
                          published=dt.date.fromisoformat(published) if published else None,
                          title=art.get("title"))
        try:
            article = pipeline.process(raw)
        except InputError as exc:
            if errors is None:
                raise
            errors.append(f"{art['id']}: {exc}")
            out[art["id"]] = []
            continue
        out[art["id"]] = [event_record(article, ev) for ev in article.events]
    return out
