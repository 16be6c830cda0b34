"""Evaluation gate for stories: B-cubed precision and recall of the story ids the whole pipeline assigns, against
hand-made gold clusters of event mentions.

Gold (tests/eval/gold/stories/, see its README.md): every event the pipeline found in the 200 real SaudiNewsNet
articles of examples/saudinewsnet, each with the real-world event it reports; plus written hard cases (same
pair met twice, partial dates, host vs visit, a background mention). A gold mention is identified by
(doc_id, trigger, evidence sentence), so the gold survives changes of event ids; mentions the pipeline no longer
finds are counted and printed, and scores are computed over the mentions it does find.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from marsad.export.records import event_record
from marsad.ingest import read_inputs
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).parent / "gold" / "stories"
CORPUS = ROOT / "examples" / "saudinewsnet" / "articles.jsonl"

# Floors: set a little below the scores of the run this file was written on (SaudiNewsNet: 184 of the
# 255 gold mentions found by the pipeline of that day, B-cubed P 1.000 R 0.831; hard cases: 11 of 11, P 1.000
# R 1.000). The margin leaves room for the event coder's changes, which move mentions in and out of the gold.
# 2026-11-22: 202 of 255 found, P 0.995 R 0.907 (participants outside the KB matched by country, one-country
# statements blocked by their country so that reprints join).
FLOORS = {
    "saudinewsnet": {"precision": 0.95, "recall": 0.88},
    "hard_cases": {"precision": 0.95, "recall": 0.95},
}


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall over the mentions present in both mappings (mention -> cluster)."""
    items = [m for m in gold if m in pred]
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[str, set[str]] = defaultdict(set)
    for m in items:
        gold_members[gold[m]].add(m)
        pred_members[pred[m]].add(m)
    p = r = 0.0
    for m in items:
        g, s = gold_members[gold[m]], pred_members[pred[m]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    n = len(items) or 1
    return p / n, r / n


def run_pipeline(paths: list[Path]) -> list[dict]:
    pipeline = Pipeline()
    records = []
    for article in pipeline.run(read_inputs([str(p) for p in paths])):
        assert not isinstance(article, Exception), article
        records.extend(event_record(article, e) for e in article.events)
    return records


def match(gold_rows: list[dict], records: list[dict]) -> tuple[dict[str, str], dict[str, str], list[dict]]:
    """Pair each gold row with a pipeline event of the same document, trigger and evidence (in order, so two
    identical rows take two events); return gold and predicted clusters keyed by mention, and the unmatched."""
    pool: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for rec in records:
        pool[(rec["doc_id"], rec["trigger"], rec["evidence"])].append(rec)
    gold: dict[str, str] = {}
    pred: dict[str, str] = {}
    missing = []
    for i, row in enumerate(gold_rows):
        found = pool.get((row["doc_id"], row["trigger"], row["evidence"]))
        if not found:
            missing.append(row)
            continue
        rec = found.pop(0)
        gold[str(i)] = row["story"]
        pred[str(i)] = rec["story_id"]
    return gold, pred, missing


def load_gold(name: str) -> list[dict]:
    with open(GOLD / f"{name}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def report(name: str, gold_rows: list[dict], records: list[dict]) -> tuple[float, float]:
    gold, pred, missing = match(gold_rows, records)
    p, r = bcubed(gold, pred)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"\nstories/{name}: {len(gold_rows)} gold mentions, {len(gold)} found by the pipeline "
          f"({len(records)} events in all), {len(set(gold.values()))} gold stories, "
          f"{len(set(pred.values()))} predicted; B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for row in missing[:10]:
        print(f"  not found: {row['doc_id']} [{row['trigger']}] {row['evidence'][:60]}")
    return p, r


@pytest.fixture(scope="module")
def snn_records() -> list[dict]:
    return run_pipeline([CORPUS])


def test_gold_files_are_well_formed():
    for name in FLOORS:
        rows = load_gold(name)
        assert rows and all({"story", "doc_id", "trigger", "evidence"} <= row.keys() for row in rows)
        # Every gold story id names one real-world event: a story with mentions in many documents is the point.
        assert max(Counter(row["story"] for row in rows).values()) >= 3


@pytest.mark.slow
def test_eval_stories_saudinewsnet(snn_records):
    rows = load_gold("saudinewsnet")
    p, r = report("saudinewsnet", rows, snn_records)
    gold, _, _ = match(rows, snn_records)
    # The gold also keeps mentions an earlier version of the event coder found (they may come back): scores
    # are over the mentions found now, and too few found means the gold needs annotating again.
    assert len(gold) >= 0.5 * len(rows), "the pipeline finds too few gold mentions: re-annotate the gold"
    assert p >= FLOORS["saudinewsnet"]["precision"] and r >= FLOORS["saudinewsnet"]["recall"]


def test_eval_stories_hard_cases():
    rows = load_gold("hard_cases")
    records = run_pipeline([GOLD / "hard_cases_articles.jsonl"])
    p, r = report("hard_cases", rows, records)
    _, _, missing = match(rows, records)
    assert not missing, "the pipeline no longer finds a hard-case event: fix the case or the pipeline"
    assert p >= FLOORS["hard_cases"]["precision"] and r >= FLOORS["hard_cases"]["recall"]
