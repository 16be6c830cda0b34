"""Train the statistical name tagger (src/marsad/data/ner.crfsuite) on ANERcorp and score it on its test split.

1. Regenerates the name sections of src/marsad/data/ner_gazetteer.txt ([pers] [loc] [org] from ANERGazet and
   the knowledge base, [demonym] from countries.json); the hand-written cue sections are kept as they are.
2. Chooses the L1/L2 regularisation (c1, c2) on split_dev.txt from a small grid, training on split_train.txt.
3. Trains on train + dev with the chosen values, writes the model, and prints entity-level precision, recall
   and F1 (exact span and type, conlleval-style) per type and overall on split_test.txt.

Deterministic: L-BFGS with fixed parameters, inputs read in file order. ANERcorp is read at build time only
(../shared/data/anercorp); the product never needs it.

Usage: .venv/bin/python tools/train_ner.py [--data DIR] [--c1 X --c2 Y] [--keep-clusters] [--max-iterations N]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

import ner_clusters
import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from marsad.entities.kb import KnowledgeBase  # noqa: E402
from marsad.entities.ner import NameTagger, format_scores, read_conll, score_chunks  # noqa: E402
from marsad.entities.ner_features import (  # noqa: E402
    CLUSTER_FILE,
    GAZETTEER_FILE,
    NAME_SECTIONS,
    Featurizer,
    name_lists_from,
    parse_clusters,
    parse_gazetteer,
    split_words,
)
from marsad.text.normalize import normalize_text  # noqa: E402
from marsad.text.tokens import TOKEN_RE  # noqa: E402

DATA = ROOT.parent / "shared/data/anercorp"
DATA_DIR = ROOT / "src/marsad/data"
MODEL = DATA_DIR / "ner.crfsuite"
GAZETTEER = DATA_DIR / GAZETTEER_FILE
CLUSTERS = DATA_DIR / CLUSTER_FILE
ANERGAZET = {"pers": "AlignedPersGazetteer.txt", "loc": "AlignedLocGazetteer.txt", "org": "AlignedOrgGazetteer.txt"}
# c1 (L1) also prunes features, which keeps the model small (2.5 MB); the grid is small because each fit takes
# 2-10 minutes on two shared cores (two fits run at a time). Dev F1 of the 2025-11-22 run: 0.799 0.792 0.789 0.803.
GRID = [(0.05, 0.01), (0.1, 0.01), (0.2, 0.01), (0.1, 0.05)]
MAX_ITERATIONS = 300
# Features seen fewer times than this in training are dropped (1 = keep all; L1 already prunes).
MIN_FREQ = 1


def anergazet_words(data: Path, section: str) -> set[str]:
    """Single normalised words of one ANERGazet list ("====" lines separate the groups)."""
    text = (data / "ANERGazet" / ANERGAZET[section]).read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("===="):
            words.update(w for w in normalize_text(line).split() if _is_word(w))
    return words


def _is_word(w: str) -> bool:
    return len(w) >= 2 and TOKEN_RE.fullmatch(w) is not None


def kb_words() -> dict[str, set[str]]:
    """Single normalised words of the knowledge base's names, by section."""
    kb = KnowledgeBase.load()
    out: dict[str, set[str]] = {name: set() for name in NAME_SECTIONS}

    def add(section: str, phrases: list[str | None]) -> None:
        for phrase in phrases:
            if phrase:
                out[section].update(w for w in normalize_text(phrase).split() if _is_word(w))

    for actor in kb.actors.values():
        add("pers" if actor.kind == "person" else "org", [actor.name_ar, *actor.aliases_ar])
    for country in kb.countries.values():
        if country.kind == "country":
            add("loc", [country.name_ar, *country.aliases_ar, country.capital_ar, *country.metonyms_ar])
            add("demonym", list(country.demonyms_ar))
    return out


def write_gazetteer(data: Path) -> None:
    """Rewrite the generated sections of ner_gazetteer.txt, keeping the header and cue sections."""
    text = GAZETTEER.read_text(encoding="utf-8")
    head = text[: text.index(f"\n[{NAME_SECTIONS[0]}]\n") + 1]
    from_kb = kb_words()
    parts = [head]
    for section in NAME_SECTIONS:
        words = from_kb[section] | (anergazet_words(data, section) if section in ANERGAZET else set())
        parts.append(f"[{section}]\n" + "".join(w + "\n" for w in sorted(words)))
    GAZETTEER.write_text("".join(parts), encoding="utf-8")


def make_featurizer() -> Featurizer:
    """The featurizer over the files just written (not the installed package's copies)."""
    return Featurizer(name_lists_from(parse_gazetteer(GAZETTEER.read_text(encoding="utf-8"))),
                      parse_clusters(CLUSTERS.read_text(encoding="utf-8")))


def featurize(featurizer: Featurizer, sentences: list[tuple[list[str], list[str]]]) -> list[tuple[list, list]]:
    """CRF items and labels of each sentence: a raw token's tag goes to its first word, I- to the others."""
    out = []
    for raw, tags in sentences:
        words, gaps, owner = split_words(raw)
        if not words:
            continue
        labels = []
        for i, k in enumerate(owner):
            tag = tags[k]
            if i > 0 and owner[i - 1] == k and tag != "O":
                tag = "I-" + tag[2:]
            labels.append(tag)
        out.append((featurizer.sentence(words, gaps), labels))
    return out


def train(items: list[tuple[list, list]], path: Path, c1: float, c2: float, max_iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in items:
        trainer.append(xseq, yseq)
    trainer.select("lbfgs")
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": max_iterations,
        "feature.possible_transitions": True, "feature.minfreq": MIN_FREQ,
    })
    trainer.train(str(path))


def evaluate(tagger: NameTagger, sentences: list[tuple[list[str], list[str]]]) -> dict:
    return score_chunks((tags, tagger.tag_tokens(raw)) for raw, tags in sentences)


_GRID_DATA: tuple = ()


def _grid_point(point: tuple[float, float]) -> tuple[float, float, float, float]:
    """Dev F1 of a model trained on train with (c1, c2) = ``point``."""
    train_items, dev_s, max_iterations = _GRID_DATA
    c1, c2 = point
    t0 = time.perf_counter()
    path = MODEL.with_suffix(f".grid-{c1}-{c2}.crfsuite")
    try:
        train(train_items, path, c1, c2, max_iterations)
        f1 = evaluate(NameTagger.from_file(path, make_featurizer()), dev_s)["ALL"].f1
    finally:
        path.unlink(missing_ok=True)
    return f1, c1, c2, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="ANERcorp folder (split_*.txt, ANERGazet/)")
    ap.add_argument("--c1", type=float, help="L1 weight (with --c2: skip the grid search on dev)")
    ap.add_argument("--c2", type=float, help="L2 weight")
    ap.add_argument("--max-iterations", type=int, default=MAX_ITERATIONS)
    ap.add_argument("--keep-clusters", action="store_true", help="reuse ner_clusters.txt instead of rebuilding")
    ap.add_argument("--no-dev", action="store_true", help="train the final model on train only")
    args = ap.parse_args(argv)

    write_gazetteer(args.data)
    if not args.keep_clusters or not CLUSTERS.exists():
        ner_clusters.build(out=CLUSTERS)
    featurizer = make_featurizer()
    train_s = read_conll(args.data / "split_train.txt")
    dev_s = read_conll(args.data / "split_dev.txt")
    test_s = read_conll(args.data / "split_test.txt")
    train_items = featurize(featurizer, train_s)
    dev_items = featurize(featurizer, dev_s)

    c1, c2 = args.c1, args.c2
    if c1 is None or c2 is None:
        # the grid's fits run in parallel (forked workers share the featurised data)
        global _GRID_DATA
        _GRID_DATA = (train_items, dev_s, args.max_iterations)
        workers = min(len(GRID), os.cpu_count() or 1)
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_grid_point, GRID)
        for f1, gc1, gc2, seconds in results:
            print(f"dev c1={gc1} c2={gc2}: F1 {f1:.4f} ({seconds:.0f} s)", flush=True)
        _, c1, c2, _ = max(results)
    items = train_items if args.no_dev else train_items + dev_items
    t0 = time.perf_counter()
    train(items, MODEL, c1, c2, args.max_iterations)
    print(f"trained on {'train' if args.no_dev else 'train+dev'} with c1={c1} c2={c2} "
          f"in {time.perf_counter() - t0:.0f} s: {MODEL} ({MODEL.stat().st_size / 1e6:.1f} MB)")
    tagger = NameTagger.from_file(MODEL, featurizer)
    print("split_test.txt, entity level (exact span and type):")
    print(format_scores(evaluate(tagger, test_s)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
