"""The ordered stages and the local runner: RawDocument in, Article with every layer out."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from marsad.clean import Cleaner
from marsad.config import Config
from marsad.dates import DateResolver
from marsad.entities import EntityLinker
from marsad.errors import InputError
from marsad.events import EventCoder
from marsad.events.lexicon import load_triggers
from marsad.export.records import event_id
from marsad.model import Article, RawDocument
from marsad.stories import StoryClusterer
from marsad.text import TextAnalyzer

Stage = Callable[[Article], Article]


class Pipeline:
    """clean → text → entities → dates → events → stories; times each stage in ``stage_times``."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.cleaner = Cleaner()
        linker = EntityLinker()
        self.stages: list[tuple[str, Stage]] = [
            ("text", TextAnalyzer(known_stems=load_triggers().stems(), tokens=False)),
            ("entities", linker),
            ("dates", DateResolver()),
            ("events", EventCoder(linker=linker, unknown_names=self.config.events.unknown_names)),
            ("stories", StoryClusterer()),
        ]
        self.stage_times: dict[str, float] = {"clean": 0.0, **{name: 0.0 for name, _ in self.stages}}

    def process(self, raw: RawDocument) -> Article:
        """Run every stage on one document; raises InputError when the document holds no article."""
        t = time.perf_counter()
        article = self.cleaner(raw)
        now = time.perf_counter()
        self.stage_times["clean"] += now - t
        for name, stage in self.stages:
            t = now
            article = stage(article)
            now = time.perf_counter()
            self.stage_times[name] += now - t
        for event in article.events:
            event.id = event_id(article, event)
        return article

    def run(self, inputs: Iterable[RawDocument | InputError]) -> Iterator[Article | InputError]:
        """Process a stream of inputs, passing input errors through so the caller can report them."""
        for item in inputs:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield self.process(item)
            except InputError as exc:
                yield exc
