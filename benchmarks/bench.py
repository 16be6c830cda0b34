"""Throughput and memory benchmark: the whole pipeline over N SaudiNewsNet articles, against a regex baseline.

    python benchmarks/bench.py [--n 5000] [--data ../shared/data/saudinewsnet] [--out bench-output/bench.json]

Prints the figures and writes them as JSON; see benchmarks/README.md for what each one means.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import resource
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.model import RawDocument

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = REPO / "bench-output" / "bench.json"
BASELINE_TOKEN = re.compile(r"\w+")
MAX_REASONS = 5  # rejection reasons shown; the count covers all of them


def iter_records(data: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(origin, record) for every article, zips and their members in sorted order, one day file at a time."""
    zips = sorted(data.glob("*.zip"))
    if not zips:
        raise SystemExit(f"bench: no SaudiNewsNet zips in {data} (pass --data)")
    for zpath in zips:
        with zipfile.ZipFile(zpath) as zf:
            for member in sorted(zf.namelist()):
                with zf.open(member) as fh:
                    records = json.load(fh)
                for i, rec in enumerate(records):
                    yield f"{zpath.name}/{member}:{i}", rec


def to_raw(origin: str, rec: dict[str, Any]) -> RawDocument:
    url = rec.get("url") or None
    extracted = rec.get("date_extracted") or ""
    return RawDocument(
        doc_id="snn-" + hashlib.sha1((url or origin).encode("utf-8")).hexdigest()[:12],
        content=rec["content"],
        origin=origin,
        content_type="text",
        url=url,
        source=rec.get("source") or None,
        published=date.fromisoformat(extracted[:10]) if extracted else None,
        title=rec.get("title") or None,
    )


def load_raws(data: Path, n: int) -> list[RawDocument]:
    """The first n articles with non-empty content, in the deterministic order of iter_records."""
    raws: list[RawDocument] = []
    for origin, rec in iter_records(data):
        if (rec.get("content") or "").strip():
            raws.append(to_raw(origin, rec))
            if len(raws) >= n:
                break
    return raws


def run_baseline(raws: list[RawDocument]) -> tuple[float, int]:
    """Seconds for one regex tokenisation pass over every text, and the number of tokens it found."""
    t = time.perf_counter()
    tokens = 0
    for raw in raws:
        tokens += len(BASELINE_TOKEN.findall(raw.content))
    return time.perf_counter() - t, tokens


def run_pipeline(raws: list[RawDocument]) -> dict[str, Any]:
    # Imported here so that --baseline-only works while the pipeline is broken or absent.
    from marsad.pipeline import Pipeline

    t = time.perf_counter()
    pipe = Pipeline()
    construct_s = time.perf_counter() - t
    processed = sentences = events = 0
    reasons: Counter[str] = Counter()
    event_types: Counter[str] = Counter()
    t = time.perf_counter()
    for raw in raws:
        try:
            article = pipe.process(raw)
        except InputError as exc:  # a document with no article: counted, as the CLI would report it
            reasons[exc.reason] += 1
            continue
        except Exception:
            # Any other exception is a pipeline bug: name the document, then let it stop the run.
            print(f"bench: pipeline failed on {raw.origin} ({raw.url})", file=sys.stderr)
            raise
        processed += 1
        sentences += len(article.sentences)
        events += len(article.events)
        event_types.update(e.type for e in article.events)
    pipeline_s = time.perf_counter() - t
    stage_times = getattr(pipe, "stage_times", None)
    return {
        "construct_s": construct_s,
        "pipeline_s": pipeline_s,
        "processed": processed,
        "rejected": sum(reasons.values()),
        "rejected_reasons": dict(reasons.most_common(MAX_REASONS)),
        "sentences": sentences,
        "events": events,
        "event_types": dict(event_types.most_common()),
        "stage_times": dict(stage_times) if isinstance(stage_times, dict) else None,
    }


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS; it is the process's high-water mark so far.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def report(fig: dict[str, Any]) -> str:
    lines = [
        f"articles loaded       {fig['articles']}  ({fig['chars'] / 1e6:.1f} M chars, {fig['load_s']:.2f} s to load)",
        f"baseline \\w+ pass     {fig['baseline_s']:.3f} s  ({fig['baseline_tokens']} tokens)",
        f"RSS after loading     {fig['rss_after_load_mb']:.0f} MB",
    ]
    if fig.get("pipeline_s") is None:
        lines.append("pipeline              not run (--baseline-only)")
        return "\n".join(lines)
    lines += [
        f"pipeline construction {fig['construct_s']:.2f} s (not in the figures below)",
        f"pipeline              {fig['pipeline_s']:.2f} s",
        f"articles/s            {fig['articles_per_s']:.0f}  ({fig['processed']} processed, {fig['rejected']} rejected)",
        f"sentences/s           {fig['sentences_per_s']:.0f}  ({fig['sentences']} sentences)",
        f"events found          {fig['events']}  {fig['event_types']}",
        f"peak RSS              {fig['peak_rss_mb']:.0f} MB",
        f"ratio pipeline/base   {fig['ratio']:.0f}x",
    ]
    if fig["rejected_reasons"]:
        lines.append(
            "rejections            " + "; ".join(f"{n} x {r}" for r, n in fig["rejected_reasons"].items())
        )
    if fig["stage_times"]:
        total = sum(fig["stage_times"].values()) or 1.0
        lines.append("per stage:")
        for name, secs in fig["stage_times"].items():
            lines.append(f"  {name:<12} {secs:8.2f} s  {100 * secs / total:5.1f} %")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000, help="articles with non-empty content to process")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the SaudiNewsNet day zips")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the JSON figures go")
    ap.add_argument(
        "--baseline-only", action="store_true", help="load and time the baseline, skip the pipeline"
    )
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")

    t = time.perf_counter()
    raws = load_raws(args.data, args.n)
    fig: dict[str, Any] = {
        "n_requested": args.n,
        "articles": len(raws),
        "chars": sum(len(r.content) for r in raws),
        "load_s": time.perf_counter() - t,
        "data": str(args.data),
        "python": platform.python_version(),
        "machine": platform.platform(),
    }
    fig["baseline_s"], fig["baseline_tokens"] = run_baseline(raws)
    fig["rss_after_load_mb"] = peak_rss_mb()
    fig["pipeline_s"] = None
    if not args.baseline_only:
        fig |= run_pipeline(raws)
        secs = fig["pipeline_s"] or float("inf")
        fig["articles_per_s"] = len(raws) / secs
        fig["sentences_per_s"] = fig["sentences"] / secs
        fig["ratio"] = fig["pipeline_s"] / fig["baseline_s"] if fig["baseline_s"] else None
        fig["peak_rss_mb"] = peak_rss_mb()
    print(report(fig), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(fig, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
