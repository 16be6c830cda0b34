"""Train the statistical name tagger (src/marsad/data/ner.crfsuite) on ANERcorp and score it on its test split.

1. Regenerates the name sections of src/marsad/data/ner_gazetteer.txt ([pers] [loc] [org] from ANERGazet, the
   knowledge base and places.tsv, [demonym] from countries.json) and the seen sections (the names tagged in the
   training text, by type); the hand-written cue sections are kept. A training sentence's seen-name features
   come from the names of the other folds' sentences (FOLDS), so the model learns how far a name seen elsewhere
   can be trusted in a new sentence.
2. Rebuilds src/marsad/data/ner_clusters.txt: the word classes of ner_clusters.py, and each word's context
   profile: a CRF that sees only the words around a word, never the word itself, is trained on split_train.txt
   and tags every SaudiNewsNet sentence; a word's profile is the share of its occurrences tagged as each name
   type. A name ANERcorp never saw gets the types of the contexts it is used in across 8.8 million words of
   news; since the context model never sees the word, a training word's profile is no more telling than a new
   word's, and no cross-fitting is needed.
3. Chooses the L1/L2 regularisation (c1, c2) on split_dev.txt from a small grid, training on split_train.txt.
4. Trains on train + dev with the chosen values, writes the model, and prints entity-level precision, recall
   and F1 (exact span and type, conlleval-style) per type and overall on split_test.txt.

Deterministic: L-BFGS with fixed parameters, inputs read in file order. ANERcorp is read at build time only
(../shared/data/anercorp); the product never needs it.

Usage: .venv/bin/python tools/train_ner.py [--data DIR] [--c1 X --c2 Y] [--keep-clusters] [--max-iterations N]
"""

from __future__ import annotations

import argparse
import bisect
import multiprocessing
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
import ner_clusters  # noqa: E402

from marsad.entities.kb import KnowledgeBase  # noqa: E402
from marsad.entities.ner import NameTagger, bio_chunks, format_scores, read_conll, score_chunks  # noqa: E402
from marsad.entities.ner_features import (  # noqa: E402
    CLUSTER_FILE,
    GAZETTEER_FILE,
    NAME_SECTIONS,
    PROFILE_TYPES,
    SEEN_SECTIONS,
    Featurizer,
    NameLists,
    PhraseTable,
    WordClasses,
    name_lists_from,
    parse_clusters,
    parse_gazetteer,
    phrase_key,
    split_words,
)
from marsad.entities.places import Gazetteer  # noqa: E402

DATA = ROOT.parent / "shared/data/anercorp"
DATA_DIR = ROOT / "src/marsad/data"
MODEL = DATA_DIR / "ner.crfsuite"
GAZETTEER = DATA_DIR / GAZETTEER_FILE
CLUSTERS = DATA_DIR / CLUSTER_FILE
ANERGAZET = {"pers": "AlignedPersGazetteer.txt", "loc": "AlignedLocGazetteer.txt", "org": "AlignedOrgGazetteer.txt"}
# c1 (L1) also prunes features, which keeps the model small; each fit takes 3-5 minutes on two shared cores (two
# fits run at a time). Dev F1 (train on split_train, entity level) measured 2026-11-23 with the current features:
# (0.02, 0.05) 0.833, (0.02, 0.1) 0.831, (0.05, 0.05) 0.832, (0.05, 0.1) 0.834, (0.05, 0.2) 0.833, (0.1, 0.02)
# 0.829, (0.1, 0.05) 0.830, (0.1, 0.1) 0.831, (0.2, 0.05) 0.828: a flat optimum; the shipped model uses the best.
GRID = [(0.02, 0.05), (0.02, 0.1), (0.05, 0.05), (0.05, 0.1), (0.05, 0.2), (0.1, 0.02), (0.1, 0.05), (0.1, 0.1),
        (0.2, 0.05)]
MAX_ITERATIONS = 300
# Features seen fewer times than this in training are dropped (1 = keep all; L1 already prunes).
MIN_FREQ = 1
# Context profile digits: 0 = never tagged as the type, then 1 + the number of these bounds the share of the
# word's occurrences tagged as it reaches; words seen fewer than PROFILE_MIN times in SaudiNewsNet get none.
# Bounds set by hand; the profile adds +0.009 entity F1 in 5-fold cross-validation on train+dev (2026-11-22).
PROFILE_BOUNDS, PROFILE_MIN = (0.02, 0.05, 0.15, 0.40), 3
# Folds of the seen-name features of training sentences (sentence i is in fold i % FOLDS); 5-fold
# cross-validation on train+dev (averaged perceptron, 2026-11-22): +0.015 entity F1.
FOLDS = 5
# The context model: L-BFGS as the tagger, fewer iterations (it has few features: ~1 minute).
CONTEXT_C1, CONTEXT_C2, CONTEXT_ITERATIONS = 0.1, 0.05, 200


def anergazet_entries(data: Path, section: str) -> set[str]:
    """Entries of one ANERGazet list ("====" lines separate the groups)."""
    text = (data / "ANERGazet" / ANERGAZET[section]).read_text(encoding="utf-8")
    return {line for line in text.splitlines() if line.strip() and not line.startswith("====")}


def name_entries(data: Path) -> dict[str, set[str]]:
    """Name entries by section: ANERGazet, the knowledge base's actors (persons; organisations and groups) and
    countries (with capitals, metonyms and demonyms; IGOs as organisations), and places.tsv's cities."""
    kb = KnowledgeBase.load()
    out: dict[str, set[str]] = {name: set() for name in NAME_SECTIONS}
    for section in ANERGAZET:
        out[section] |= anergazet_entries(data, section)
    for actor in kb.actors.values():
        out["pers" if actor.kind == "person" else "org"].update([actor.name_ar, *actor.aliases_ar])
    for country in kb.countries.values():
        if country.kind == "country":
            out["loc"].update([country.name_ar, *country.aliases_ar, country.capital_ar, *country.metonyms_ar])
            out["demonym"].update(country.demonyms_ar)
        else:
            out["org"].update([country.name_ar, *country.aliases_ar])
    places = Gazetteer.load()
    out["loc"].update(name for name in places.by_name if name not in places.stoplist)
    return out


def seen_names(sentences: list[tuple[list[str], list[str]]]) -> dict[str, set[str]]:
    """The names tagged in ``sentences`` (normalised), under the SEEN_SECTIONS of their most frequent type(s)."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for raw, tags in sentences:
        for first, last, typ in bio_chunks(tags):
            key = " ".join(phrase_key(" ".join(raw[first : last + 1])))
            if key:
                types[key][typ] += 1
    out: dict[str, set[str]] = {name: set() for name in SEEN_SECTIONS}
    for key, c in types.items():
        top = max(c.values())
        for typ, n in c.items():
            if n == top:
                out["seen_" + typ.lower()].add(key)
    return out


def write_gazetteer(data: Path, sentences: list[tuple[list[str], list[str]]]) -> None:
    """Rewrite the generated sections of ner_gazetteer.txt (normalised entries; words of >= 2 letters in the name
    sections), the seen sections from ``sentences``, keeping the header and cue sections."""
    text = GAZETTEER.read_text(encoding="utf-8")
    head = text[: text.index(f"\n[{NAME_SECTIONS[0]}]\n") + 1]
    parts = [head]
    for section, entries in name_entries(data).items():
        keys = {" ".join(w for w in phrase_key(entry) if len(w) >= 2) for entry in entries if entry}
        parts.append(f"[{section}]\n" + "".join(k + "\n" for k in sorted(keys) if k))
    for section, keys in seen_names(sentences).items():
        parts.append(f"[{section}]\n" + "".join(k + "\n" for k in sorted(keys)))
    GAZETTEER.write_text("".join(parts), encoding="utf-8")


def gazetteer_lists() -> NameLists:
    """The name lists of the gazetteer just written (not the installed package's copy)."""
    return name_lists_from(parse_gazetteer(GAZETTEER.read_text(encoding="utf-8")))


def make_featurizer() -> Featurizer:
    """The featurizer over the files just written (not the installed package's copies)."""
    return Featurizer(gazetteer_lists(), parse_clusters(CLUSTERS.read_text(encoding="utf-8")))


def featurize(featurizer: Featurizer, sentences: list[tuple[list[str], list[str]]],
              context_only: bool = False) -> list[tuple[list, list]]:
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
        out.append((featurizer.sentence(words, gaps, context_only), labels))
    return out


def featurize_folds(featurizer: Featurizer, sentences: list[tuple[list[str], list[str]]]) -> list[tuple[list, list]]:
    """Training items whose seen-name features come from the names of the other folds' sentences."""
    items = []
    for k in range(FOLDS):
        others = [s for i, s in enumerate(sentences) if i % FOLDS != k]
        seen = PhraseTable.build(seen_names(others))
        items += featurize(featurizer.with_seen(seen), sentences[k::FOLDS])
    return items


def context_profiles(featurizer: Featurizer, sentences: list[tuple[list[str], list[str]]]) -> dict[str, str]:
    """word -> context profile (a digit per PROFILE_TYPES), from a context-only model trained on ``sentences``
    that tags SaudiNewsNet (``featurizer`` has no profiles yet)."""
    path = MODEL.with_suffix(".context.crfsuite")
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    t0 = time.perf_counter()
    try:
        train(featurize(featurizer, sentences, context_only=True), path, CONTEXT_C1, CONTEXT_C2, CONTEXT_ITERATIONS)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        for words, gaps in ner_clusters.news_sentences():
            for word, tag in zip(words, tagger.tag(featurizer.sentence(words, gaps, context_only=True)), strict=True):
                counts[word.lower()][tag[2:]] += 1  # "" for O
    finally:
        path.unlink(missing_ok=True)
    profiles = {}
    for word, c in counts.items():
        total = c.total()
        if total >= PROFILE_MIN:
            profiles[word] = "".join(str(1 + bisect.bisect_right(PROFILE_BOUNDS, c[t] / total)) if c[t] else "0"
                                     for t in PROFILE_TYPES)
    print(f"context profiles: {sum(c.total() for c in counts.values()):,} words of news tagged "
          f"in {time.perf_counter() - t0:.0f} s", flush=True)
    return profiles


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
    train_items, dev_featurizer, dev_s, max_iterations = _GRID_DATA
    c1, c2 = point
    t0 = time.perf_counter()
    path = MODEL.with_suffix(f".grid-{c1}-{c2}.crfsuite")
    try:
        train(train_items, path, c1, c2, max_iterations)
        f1 = evaluate(NameTagger.from_file(path, dev_featurizer), dev_s)["ALL"].f1
    finally:
        path.unlink(missing_ok=True)
    return f1, c1, c2, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="ANERcorp folder (split_*.txt, ANERGazet/)")
    ap.add_argument("--c1", type=float, help="L1 weight (with --c2: skip the grid search on dev)")
    ap.add_argument("--c2", type=float, help="L2 weight")
    ap.add_argument("--max-iterations", type=int, default=MAX_ITERATIONS)
    ap.add_argument("--keep-clusters", action="store_true",
                    help="reuse ner_clusters.txt (classes and profiles) instead of rebuilding it")
    ap.add_argument("--no-dev", action="store_true", help="train the final model on train only")
    args = ap.parse_args(argv)

    train_s = read_conll(args.data / "split_train.txt")
    dev_s = read_conll(args.data / "split_dev.txt")
    test_s = read_conll(args.data / "split_test.txt")
    final_s = train_s if args.no_dev else train_s + dev_s
    write_gazetteer(args.data, final_s)  # the seen names of the shipped model: those of its training text
    if not args.keep_clusters or not CLUSTERS.exists():
        classes = ner_clusters.build(anercorp=args.data)
        # the context model is trained on split_train.txt only: the dev scores of the grid stay honest
        profiles = context_profiles(Featurizer(gazetteer_lists(), WordClasses(classes, {})), train_s)
        ner_clusters.write(CLUSTERS, classes, profiles)
    featurizer = make_featurizer()

    c1, c2 = args.c1, args.c2
    if c1 is None or c2 is None:
        # the grid's fits run in parallel (forked workers share the featurised data); dev is tagged with the
        # names seen in split_train.txt only
        global _GRID_DATA
        dev_featurizer = featurizer.with_seen(PhraseTable.build(seen_names(train_s)))
        _GRID_DATA = (featurize_folds(featurizer, train_s), dev_featurizer, dev_s, args.max_iterations)
        workers = min(len(GRID), os.cpu_count() or 1)
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_grid_point, GRID)
        for f1, gc1, gc2, seconds in results:
            print(f"dev c1={gc1} c2={gc2}: F1 {f1:.4f} ({seconds:.0f} s)", flush=True)
        _, c1, c2, _ = max(results)
    t0 = time.perf_counter()
    train(featurize_folds(featurizer, final_s), MODEL, c1, c2, args.max_iterations)
    print(f"trained on {'train' if args.no_dev else 'train+dev'} with c1={c1} c2={c2} "
          f"in {time.perf_counter() - t0:.0f} s: {MODEL} ({MODEL.stat().st_size / 1e6:.1f} MB)")
    tagger = NameTagger.from_file(MODEL, featurizer)
    print("split_test.txt, entity level (exact span and type):")
    print(format_scores(evaluate(tagger, test_s)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
