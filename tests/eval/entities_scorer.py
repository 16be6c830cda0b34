"""Scores the entity stage against tests/eval/gold/entities/mentions.jsonl (issue 3).

Each gold record is one document (a SaudiNewsNet article or a constructed sentence) with the sentence spans that
were annotated exhaustively and the actor mentions inside them (see docs/entity_annotation.md). The scorer runs
only the text and entity stages on an Article built from the gold text, so every predicted span is an offset into
the same string as the gold offsets; places are not actors and are left out; predictions outside the annotated
sentences are ignored.

Matching is many-to-one: each prediction goes to the overlapping gold mention with the same id if there is one,
else to the one it overlaps most. A title and its name found as two mentions of the same actor therefore count
once, not as one hit and one false positive; a prediction spanning two gold mentions stands for one of them only.

    python tests/eval/entities_scorer.py [--gold PATH]      prints the scores and the error tables
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.entities import EntityLinker
from marsad.entities.kb import KnowledgeBase
from marsad.entities.vocabulary import load_lexicon
from marsad.model import Article, Mention
from marsad.text import TextAnalyzer
from marsad.text.normalize import normalize_text

GOLD = Path(__file__).resolve().parent / "gold" / "entities" / "mentions.jsonl"
TYPES = ("person", "organization", "country", "group")
SECTORS = frozenset(
    "GOV MIL SPY COP REB OPP PTY LEG JUD IGO NGO MED BUS CVL REL EDU LAB INS UAF".split()
)


@dataclass
class GoldMention:
    doc: str
    text: str
    start: int
    end: int
    kb_id: str | None  # as annotated
    expected: str | None  # kb_id, or the id the knowledge base has since given the named actor
    type: str
    country: str | None
    sector: str | None
    name: str | None = None


@dataclass
class Pair:
    """A gold mention and the prediction that stands for it (None: missed)."""

    gold: GoldMention
    pred: Mention | None


@dataclass
class Scores:
    n_docs: int = 0
    n_gold: int = 0
    n_pred: int = 0
    detect_tp_pred: int = 0  # predictions overlapping a gold mention
    detect_tp_gold: int = 0  # gold mentions some prediction stands for
    linked_pred: int = 0
    linked_correct: int = 0
    gold_with_id: int = 0
    gold_linked: int = 0
    null_gold_detected: int = 0
    null_gold_unlinked_ok: int = 0  # predicted unlinked with the gold country
    country_n: int = 0
    country_ok: int = 0
    sector_n: int = 0
    sector_ok: int = 0
    late_ids: list[GoldMention] = field(default_factory=list)
    by_type: dict[str, Counter[str]] = field(default_factory=dict)
    false_links: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (text, pred id, gold id)
    misses: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (text, gold id, what was predicted)
    attr_errors: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)  # (field, text, gold, predicted)

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def detection_precision(self) -> float:
        return self.ratio(self.detect_tp_pred, self.n_pred)

    @property
    def detection_recall(self) -> float:
        return self.ratio(self.detect_tp_gold, self.n_gold)

    @property
    def linking_precision(self) -> float:
        return self.ratio(self.linked_correct, self.linked_pred)

    @property
    def linking_recall(self) -> float:
        return self.ratio(self.gold_linked, self.gold_with_id)

    @property
    def country_accuracy(self) -> float:
        return self.ratio(self.country_ok, self.country_n)

    @property
    def sector_accuracy(self) -> float:
        return self.ratio(self.sector_ok, self.sector_n)

    @property
    def unlinked_accuracy(self) -> float:
        return self.ratio(self.null_gold_unlinked_ok, self.null_gold_detected)

    def figures(self) -> dict[str, float]:
        return {
            "detection_precision": self.detection_precision,
            "detection_recall": self.detection_recall,
            "linking_precision": self.linking_precision,
            "linking_recall": self.linking_recall,
            "country_accuracy": self.country_accuracy,
            "sector_accuracy": self.sector_accuracy,
            "unlinked_accuracy": self.unlinked_accuracy,
        }


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def late_id(kb: KnowledgeBase, rec: dict[str, Any]) -> str | None:
    """The id of an actor annotated as "not in the KB" that the KB has since gained (matched on English name)."""
    if rec["kb_id"] is not None:
        return None
    if rec["type"] == "country" and rec.get("country") in kb.countries:
        return rec["country"]
    name = (rec.get("name") or "").casefold()
    if not name:
        return None
    for actor in kb.actors.values():
        if name in {actor.name.casefold(), *(a.casefold() for a in actor.aliases_en)}:
            return actor.id
    return None


def gold_mentions(rec: dict[str, Any], kb: KnowledgeBase) -> list[GoldMention]:
    out = []
    for m in rec["mentions"]:
        late = late_id(kb, m)
        out.append(
            GoldMention(
                doc=rec["doc"]["id"], text=m["text"], start=m["start"], end=m["start"] + len(m["text"]),
                kb_id=m["kb_id"], expected=m["kb_id"] or late, type=m["type"], country=m.get("country"),
                sector=m.get("sector"), name=m.get("name"),
            )
        )
    return out


# Anaphors the linker resolves but the guideline leaves unannotated: "الأخير" (the latter), "بلاده" (his country),
# a bare head noun for a body named before ("المجلس"، "التنظيم").
ANAPHORA = load_lexicon().latter | load_lexicon().own_country | frozenset(load_lexicon().head_anaphors)


def predict(rec: dict[str, Any], analyzer: TextAnalyzer, linker: EntityLinker) -> list[Mention]:
    """Actor mentions the text + entity stages find inside the annotated sentences."""
    doc = rec["doc"]
    published = date.fromisoformat(doc["published"]) if doc.get("published") else None
    article = Article(doc_id=doc["id"], text=doc["text"], origin=doc.get("origin") or doc["id"], content_hash="",
                      url=doc.get("url"), source=doc.get("source"), published=published)
    article = linker(analyzer(article))
    spans = rec["sentences"]
    # Anaphora ("الأخير"، "بلاده") are left out of the gold by the guideline (docs/entity_annotation.md): not scored.
    return [
        m for m in article.mentions
        if not m.is_place and normalize_text(m.text) not in ANAPHORA
        and any(s <= m.span[0] < e for s, e in spans)
    ]


def overlap(g: GoldMention, m: Mention) -> int:
    return max(0, min(g.end, m.span[1]) - max(g.start, m.span[0]))


def assign(golds: list[GoldMention], preds: list[Mention]) -> dict[int, int | None]:
    """Prediction index -> gold index it stands for (same id first, then largest overlap), or None."""
    out: dict[int, int | None] = {}
    for i, m in enumerate(preds):
        cands = [(j, overlap(g, m)) for j, g in enumerate(golds) if overlap(g, m) > 0]
        if not cands:
            out[i] = None
            continue
        out[i] = max(cands, key=lambda c: (m.id is not None and golds[c[0]].expected == m.id, c[1]))[0]
    return out


def score_doc(golds: list[GoldMention], preds: list[Mention], sc: Scores) -> list[Pair]:
    owner = assign(golds, preds)
    sc.n_gold += len(golds)
    sc.n_pred += len(preds)
    for i, m in enumerate(preds):
        j = owner[i]
        sc.detect_tp_pred += j is not None
        if m.id is None:
            continue
        sc.linked_pred += 1
        gold_id = golds[j].expected if j is not None else None
        if gold_id == m.id:
            sc.linked_correct += 1
        else:
            sc.false_links[(m.text, m.id, str(gold_id) if j is not None else "(no gold mention)")] += 1
    pairs = []
    for j, g in enumerate(golds):
        mine = [preds[i] for i, o in owner.items() if o == j]
        best = next((m for m in mine if g.expected is not None and m.id == g.expected), None)
        best = best or max(mine, key=lambda m: overlap(g, m), default=None)
        pairs.append(Pair(g, best))
        counts = sc.by_type.setdefault(g.type, Counter())
        counts["gold"] += 1
        if g.kb_id is None and g.expected is not None:
            sc.late_ids.append(g)
        if best is not None:
            sc.detect_tp_gold += 1
            counts["detected"] += 1
        if g.expected is not None:
            sc.gold_with_id += 1
            counts["with_id"] += 1
            if best is not None and best.id == g.expected:
                sc.gold_linked += 1
                counts["linked"] += 1
            else:
                got = "nothing" if best is None else f"{best.id} ({best.text})"
                sc.misses[(g.text, g.expected, got)] += 1
        elif best is not None:
            sc.null_gold_detected += 1
            sc.null_gold_unlinked_ok += best.id is None and best.country == g.country
        if best is not None and g.country is not None:
            sc.country_n += 1
            sc.country_ok += best.country == g.country
            if best.country != g.country:
                sc.attr_errors[("country", g.text, g.country, str(best.country))] += 1
        if best is not None and g.sector is not None:
            sc.sector_n += 1
            sc.sector_ok += best.sector == g.sector
            if best.sector != g.sector:
                sc.attr_errors[("sector", g.text, g.sector, str(best.sector))] += 1
    return pairs


def evaluate(records: list[dict[str, Any]] | None = None) -> Scores:
    records = records if records is not None else load_gold()
    kb = KnowledgeBase.load()
    analyzer, linker = TextAnalyzer(tokens=False), EntityLinker()
    sc = Scores(n_docs=len(records))
    for rec in records:
        score_doc(gold_mentions(rec, kb), predict(rec, analyzer, linker), sc)
    return sc


def report(sc: Scores, top: int = 20) -> str:
    f = sc.figures()
    lines = [
        f"entities gold: {sc.n_docs} documents, {sc.n_gold} gold mentions ({sc.gold_with_id} with a KB id), "
        f"{sc.n_pred} predicted actor mentions in the annotated sentences",
        f"  mention detection   P {f['detection_precision']:.3f}  R {f['detection_recall']:.3f}   (span overlap)",
        f"  linking             P {f['linking_precision']:.3f}  R {f['linking_recall']:.3f}   "
        f"({sc.linked_correct}/{sc.linked_pred} predicted links right, {sc.gold_linked}/{sc.gold_with_id} gold ids found)",
        f"  country accuracy    {f['country_accuracy']:.3f}  ({sc.country_ok}/{sc.country_n} detected gold mentions with a country)",
        f"  sector accuracy     {f['sector_accuracy']:.3f}  ({sc.sector_ok}/{sc.sector_n} detected gold mentions with a sector)",
        f"  unlinked gold found as unlinked with the right country {f['unlinked_accuracy']:.3f} "
        f"({sc.null_gold_unlinked_ok}/{sc.null_gold_detected})",
        "  per gold type:      gold  detected  with-id  linked  link-recall",
    ]
    for t in TYPES:
        c = sc.by_type.get(t, Counter())
        lines.append(
            f"    {t:<14} {c['gold']:6d} {c['detected']:9d} {c['with_id']:8d} {c['linked']:7d}   "
            f"{Scores.ratio(c['linked'], c['with_id']):.3f}"
        )
    if sc.late_ids:
        lines.append(f"  {len(sc.late_ids)} gold mentions annotated without id now resolve by name (update the gold):")
        lines += [f"    {g.doc} {g.text!r} -> {g.expected}" for g in sc.late_ids[:top]]
    lines.append(f"  top {top} wrong links (predicted text, predicted id, gold id) x count:")
    lines += [f"    {n:3d} x {t!r} -> {p}   gold: {g}" for (t, p, g), n in sc.false_links.most_common(top)]
    lines.append(f"  top {top} missed links (gold text, gold id, what was predicted) x count:")
    lines += [f"    {n:3d} x {t!r} {g}   got: {p}" for (t, g, p), n in sc.misses.most_common(top)]
    lines.append(f"  top {top} wrong countries / sectors of detected gold mentions (field, gold text, gold, predicted):")
    lines += [f"    {n:3d} x {f} {t!r} {g}   got: {p}" for (f, t, g, p), n in sc.attr_errors.most_common(top)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL file")
    ap.add_argument("--top", type=int, default=20, help="rows in each error table")
    args = ap.parse_args(argv)
    print(report(evaluate(load_gold(args.gold)), args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
