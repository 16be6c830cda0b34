"""Story clustering throughput: N synthetic CONSULT events (default 100,000) through one StoryIndex.

    python benchmarks/bench_stories.py [--n 100000] [--seed 1]

Events are drawn as reports of synthetic real-world meetings (2,000 actors of 60 countries over two years, 1 to
12 reports each, in visit/host/meet wording, a third with relative or publication dates, a tenth with a month
only), shuffled within a day of their date, so the index sees the mix and the candidate counts of a news
stream. Prints events/s and the B-cubed scores against the meetings the events were drawn from.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from marsad.model import Article, Event, Mention, TimeExpr
from marsad.stories import StoryIndex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "eval"))


def make_stream(n: int, seed: int) -> list[tuple[str, Article]]:
    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    actors = [(f"actor-{i}", rng.choice(countries)) for i in range(2000)]
    start = date(2019, 1, 1)
    stream: list[tuple[int, str, Article]] = []
    meeting = 0
    while len(stream) < n:
        meeting += 1
        (a, ca), (b, cb) = rng.sample(actors, 2)
        day = start + timedelta(days=rng.randrange(730))
        place_words = f"مكان{rng.randrange(500)} موضوع{rng.randrange(300)} وفد{rng.randrange(50)}"
        for r in range(rng.randint(1, 12)):
            if len(stream) >= n:
                break
            mode = rng.choice(("visit", "host", "meet"))
            src, tgt = Mention(a, (0, 1), "person", id=a, country=ca), Mention(b, (0, 1), "person", id=b, country=cb)
            if mode == "host":
                src, tgt = tgt, src
            elif mode == "visit" and rng.random() < 0.5:
                tgt = Mention(cb, (0, 1), "country", id=cb, country=cb)
            roll = rng.random()
            published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
            if roll < 0.1:
                timex, source = TimeExpr("", (0, 0), day.isoformat()[:7], "month", "text"), "text"
            elif roll < 0.3:
                timex, source = TimeExpr("", (0, 0), published.isoformat(), "day", "publication"), "publication"
            else:
                timex, source = TimeExpr("", (0, 0), day.isoformat(), "day", "text"), "text"
            text = f"التقى {a} {b} {place_words} تقرير{r}"
            ev = Event("CONSULT", mode, None, "reported", src, tgt, (0, len(text)), (0, 1), date=timex,
                       date_source=source)
            doc = f"m{meeting}-r{r}"
            art = Article(doc, text, doc, doc, events=[ev], published=published)
            stream.append((published.toordinal() * 1000 + rng.randrange(1000), f"m{meeting}", art))
    stream.sort(key=lambda t: t[0])
    return [(truth, art) for _, truth, art in stream]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="number of events")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    stream = make_stream(args.n, args.seed)
    index = StoryIndex()
    t = time.perf_counter()
    for _, art in stream:
        index.assign(art)
    seconds = time.perf_counter() - t
    from test_eval_stories import bcubed

    gold = {art.doc_id: truth for truth, art in stream}
    pred = {art.doc_id: art.events[0].story_id for _, art in stream}
    p, r = bcubed(gold, pred)
    sizes = defaultdict(int)
    for sid in pred.values():
        sizes[sid] += 1
    print(f"bench_stories: {len(stream)} events in {seconds:.1f} s = {len(stream) / seconds:,.0f} events/s; "
          f"{len(set(gold.values()))} true events, {len(sizes)} stories; B-cubed P {p:.3f} R {r:.3f}")


if __name__ == "__main__":
    main()
