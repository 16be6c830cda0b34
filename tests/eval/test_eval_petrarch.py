"""Evaluation on the peer's gold (UniversalPetrarch Arabic validation set, ../shared/data/universalpetrarch_arabic):
each gold sentence is run through the pipeline as a one-sentence article published on the sentence's date; we
report detection of its PLOVER category (a predicted event of that type in the sentence) and, on the detected
ones, agreement of the source/target country and sector with the gold codes. Floors are pinned; `make eval`
prints the figures."""

from __future__ import annotations

import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_scorer import run_pipeline  # noqa: E402

ROOT_TAG = re.compile(r"<([A-Za-z][\w.-]*)")
DATA = Path(__file__).resolve().parents[2] / "../shared/data/universalpetrarch_arabic/gold_events"

# Floors a little below the run they were measured on (working tree on commit 74fb202 with the coder then in progress,
# 272 PROTEST sentences): PROTEST recall 0.239 (65 detected); on the detected, source sector 0.547 (n=53), source
# country 0.588 (n=17), target country 0.000 (n=32), target sector 0.133 (n=30). Precision is 1.0 by construction
# here: this copy of the set holds PROTEST sentences only. Raise the floors as the coder improves.
FLOORS = {
    # raised after the PROTEST triggers of احتشد/تجمهر/اعتصم/تجمع...: recall 0.496, source sector 0.731 (n=119)
    # 0.544 after the verbs تجمع/خرج/نظم with co-words and the noun forms; 0.669 once nouns with ال/ب/ل count
    ("PROTEST", "recall"): 0.63,
    ("PROTEST", "source_sector"): 0.68,
}


def parse_gold(path: Path) -> list[dict]:
    """Sentences of a PETRARCH validation file; the protest file lacks its closing root tag (SOURCE.txt)."""
    raw = path.read_text(encoding="utf-8").strip()
    root_tag = ROOT_TAG.search(raw).group(1)  # the first element after the XML declaration
    if not raw.endswith(f"</{root_tag}>"):
        raw += f"\n</{root_tag}>"
    out = []
    for sent in ET.fromstring(raw).iter("Sentence"):
        coding = sent.find("EventCoding")
        text = (sent.findtext("Text") or "").strip()
        if coding is None or not text:
            continue
        out.append({
            "id": sent.get("id"),
            "category": sent.get("category") or coding.get("plover"),
            "date": dt.datetime.strptime(sent.get("date"), "%Y%m%d").date().isoformat(),
            "text": text,
            "source": _code(coding.get("sourcecode")),
            "target": _code(coding.get("targetcode")),
        })
    return out


def _code(value: str | None) -> tuple[str | None, str | None]:
    """'TUN None' -> ('TUN', None): PETRARCH's country and sector codes, 'None' meaning unknown."""
    parts = (value or "None None").split()
    parts += ["None"] * (2 - len(parts))
    return tuple(None if p == "None" else p for p in parts[:2])  # type: ignore[return-value]


@cache
def gold_sentences() -> tuple[dict, ...]:
    files = sorted(DATA.glob("*.xml"))
    if not files:
        pytest.skip(f"no UniversalPetrarch gold under {DATA}")
    return tuple(s for f in files for s in parse_gold(f))


@cache
def evaluate() -> dict:
    sents = gold_sentences()
    articles = [{"id": s["id"], "title": None, "text": s["text"], "published": s["date"],
                 "source": "universalpetrarch", "url": None} for s in sents]
    errors: list[str] = []
    preds = run_pipeline(articles, errors)
    categories = sorted({s["category"] for s in sents} | {"ASSAULT"})
    result: dict = {"sentences": Counter(s["category"] for s in sents), "errors": errors, "by_type": {}}
    for cat in categories:
        gold_n = sum(s["category"] == cat for s in sents)
        with_pred = [s for s in sents if any(e["type"] == cat for e in preds[s["id"]])]
        hits = [s for s in with_pred if s["category"] == cat]
        agree: dict[str, list[bool]] = {k: [] for k in ("source_country", "source_sector",
                                                        "target_country", "target_sector")}
        for s in hits:
            ev = next(e for e in preds[s["id"]] if e["type"] == cat)
            for role in ("source", "target"):
                country, sector = s[role]
                actor = ev.get(role) or {}
                if country:
                    agree[f"{role}_country"].append(actor.get("country") == country)
                if sector:
                    agree[f"{role}_sector"].append(actor.get("sector") == sector)
        result["by_type"][cat] = {
            "gold": gold_n,
            "detected": len(hits),
            "recall": len(hits) / gold_n if gold_n else None,
            "precision": len(hits) / len(with_pred) if with_pred else None,
            **{k: (sum(v) / len(v) if v else None, len(v)) for k, v in agree.items()},
        }
    return result


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def test_petrarch_gold_parses():
    sents = gold_sentences()
    assert len(sents) >= 200
    assert all(s["category"] in {"PROTEST", "ASSAULT"} for s in sents)
    assert all(len(s["date"]) == 10 for s in sents)


def test_petrarch_detection_meets_floors():
    r = evaluate()
    print()
    print(f"UniversalPetrarch gold: {dict(r['sentences'])} sentences, {len(r['errors'])} rejected by the pipeline")
    for cat, m in r["by_type"].items():
        if not m["gold"] and not m["detected"]:
            print(f"{cat:<8} no gold sentences in this copy of the set")
            continue
        agree = ", ".join(f"{k} {_fmt(v[0])} (n={v[1]})" for k, v in m.items() if isinstance(v, tuple))
        print(f"{cat:<8} gold {m['gold']} detected {m['detected']} recall {_fmt(m['recall'])} "
              f"precision {_fmt(m['precision'])}; on detected: {agree}")
    for (cat, what), floor in FLOORS.items():
        got = r["by_type"][cat][what]
        got = got[0] if isinstance(got, tuple) else got
        assert got is not None and got >= floor, (cat, what, got, floor)
