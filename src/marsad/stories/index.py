"""StoryIndex: incremental cross-document event coreference. Each new event joins the best compatible story it
finds among the candidates filed under its participants, or starts a new one; stories keep their id for life.

A story is kept as a canonical event (type, mode, participants, the most precise date any of its reports gave,
place, a few evidence word sets) and its blocking keys; where those live is a backend: ``MemoryStories`` for one
run (``marsad extract``), ``marsad.store.stories.SqliteStories`` for the store (``marsad ingest``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Protocol

from marsad.model import Article, Event
from marsad.stories.signature import DateSpan, PlaceRef, Signature, date_span, jaccard, signature

# Two day-precision dates one day apart are the same day only when one of them was read from a relative word
# ("اليوم", "أمس") resolved against a publication date that may be a day late (a wire copy reprinted the next
# day, a scrape date instead of the print date) AND the two evidence sentences are near-identical copies.
# 0.6: the lowest word Jaccard between reprints of one SPA sentence that differ by "اليوم"/"أمس" and the
# outlet's honorifics in tests/eval/gold/stories (0.71, MBS's arrival in Jordan, 2015-08-04); the highest
# between two different receptions by the same host on consecutive days was 0.52 (Rabiah, 2015-08-10/11).
EVIDENCE_SIMILAR = 0.6
RELATIVE_DAY_TOLERANCE = 1
# A headline and the sentence of its article it summarises share most of the headline's words: 0.71 for
# "الرئيس اليمني يطالب المتمردين باحترام الهدنة الإنسانية" and its lead sentence (tests/eval/gold/stories), while
# a headline and another story of its article shared at most 0.38 (Mogherini's talks / her trip to Iran).
HEADLINE_OVERLAP = 0.5
MAX_EVIDENCE = 4  # evidence word sets kept per story: the first reports, enough to recognise a reprint


@dataclass
class StoryState:
    """A story as the clusterer needs it: its canonical event and what new events are compared with."""

    id: str
    type: str
    family: str | None
    mode: str | None
    anchors: dict[str, str | None]  # participant key -> country
    countries: set[str]  # every country taking part, as an actor or as a participant's country
    country_actors: set[str]  # countries that took part as such ("زار القاهرة")
    date: DateSpan | None
    place: PlaceRef | None
    evidence: list[frozenset[str]] = field(default_factory=list)
    size: int = 0
    created: int = 0  # creation order: ties between candidates go to the oldest story

    def keys(self) -> list[str]:
        keys = [f"{self.type}|a:{a}" for a in sorted(self.anchors)]
        keys += [f"{self.type}|c:{a},{b}" for a, b in combinations(sorted(self.countries), 2)]
        if not self.anchors and len(self.countries) == 1:
            keys.append(f"{self.type}|c:{next(iter(self.countries))}")  # a one-country story: its reprints
        return keys

    # -- (de)serialisation for persistent backends --------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        d = self.date
        return {
            "type": self.type,
            "family": self.family,
            "mode": self.mode,
            "anchors": self.anchors,
            "countries": sorted(self.countries),
            "country_actors": sorted(self.country_actors),
            "date": None if d is None else {"value": d.value, "precision": d.precision, "soft": d.soft,
                                            "relative": d.relative, "lo": d.lo, "hi": d.hi},
            "place": None if self.place is None else [self.place.geonameid, self.place.country,
                                                      self.place.lat, self.place.lon],
            "evidence": [" ".join(sorted(words)) for words in self.evidence],
            "size": self.size,
        }

    @classmethod
    def from_json(cls, story_id: str, data: dict[str, Any], created: int = 0) -> StoryState:
        d = data.get("date")
        span = None
        if d is not None:
            # lo/hi are stored because a soft date's span is wider than its value says.
            base = date_span(d["value"], d["precision"])
            md = base.month_day if base else None
            span = DateSpan(d["lo"], d["hi"], md, d["value"], d["precision"], d["soft"], d["relative"])
        place = PlaceRef(*data["place"]) if data.get("place") else None
        return cls(story_id, data["type"], data.get("family"), data.get("mode"), dict(data["anchors"]),
                   set(data["countries"]), set(data.get("country_actors", ())), span, place,
                   [frozenset(e.split()) for e in data.get("evidence", [])], data.get("size", 0), created)


class StoryBackend(Protocol):
    def candidates(self, keys: list[str]) -> list[StoryState]:
        """Stories filed under any of the keys, each once, oldest first."""
        ...

    def save(self, state: StoryState, new_keys: list[str]) -> None:
        """Store the story (new or grown) and file it under ``new_keys`` as well."""
        ...

    def next_created(self) -> int:
        ...

    def has(self, story_id: str) -> bool:
        ...

    def get(self, story_id: str) -> StoryState | None:
        ...


class MemoryStories:
    """Stories of one run, in memory."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[StoryState]] = {}
        self.stories: dict[str, StoryState] = {}

    def candidates(self, keys: list[str]) -> list[StoryState]:
        if len(keys) == 1:
            return list(self.by_key.get(keys[0], ()))
        seen: dict[str, StoryState] = {}
        for key in keys:
            for state in self.by_key.get(key, ()):
                seen.setdefault(state.id, state)
        return sorted(seen.values(), key=lambda s: s.created)

    def save(self, state: StoryState, new_keys: list[str]) -> None:
        self.stories[state.id] = state
        for key in new_keys:
            self.by_key.setdefault(key, []).append(state)

    def next_created(self) -> int:
        return len(self.stories)

    def has(self, story_id: str) -> bool:
        return story_id in self.stories

    def get(self, story_id: str) -> StoryState | None:
        return self.stories.get(story_id)


def _more_precise(new: DateSpan, old: DateSpan | None) -> bool:
    if old is None:
        return True
    if new.soft != old.soft:
        return old.soft
    return new.width < old.width


class StoryIndex:
    """Sets ``Event.story_id`` on the events of each article it is given, across all articles it has seen."""

    def __init__(self, backend: StoryBackend | None = None) -> None:
        self.backend: StoryBackend = backend if backend is not None else MemoryStories()

    def assign(self, article: Article) -> None:
        sigs = [(event, signature(article, event)) for event in article.events]
        # Precise events first, so that a headline with only the publication date joins the story its own
        # body's dated sentence has just found or started, instead of starting a vaguer one.
        sigs.sort(key=lambda pair: 2 if pair[1].date is None else int(pair[1].date.vague))
        touched: dict[str, list[frozenset[str]]] = {}  # this article's stories -> its mentions' words
        deferred = []
        for event, sig in sigs:
            chosen = self._find(event, sig, touched)
            if chosen is None and (sig.date is None or sig.date.vague):
                deferred.append((event, sig))  # another mention of the article may yet give it a story
                continue
            self._settle(article, event, sig, chosen, touched)
        for event, sig in deferred:
            self._settle(article, event, sig, self._find(event, sig, touched), touched)

    def _settle(self, article: Article, event: Event, sig: Signature, chosen: StoryState | None,
                touched: dict[str, list[frozenset[str]]]) -> None:
        event.story_id = self._join(chosen, sig) if chosen is not None else self._found(article, event, sig)
        touched.setdefault(event.story_id, []).append(sig.words)

    def _find(self, event: Event, sig: Signature, touched: dict[str, list[frozenset[str]]]) -> StoryState | None:
        # An event that already carries a story id got it from an earlier index over the same run (the
        # pipeline's, before the store's): it stays in that story when this index knows it, so that the two
        # agree; when it does not, the event joins a compatible known story, or founds one under that id.
        if event.story_id and (known := self.backend.get(event.story_id)) is not None:
            return known
        keys = sig.blocking_keys()
        candidates = self.backend.candidates(keys) if keys else []
        scored = []
        for state in candidates:
            score = compatibility(sig, state)
            if score is not None:
                scored.append((score, -state.created, state))
        if sig.date is not None and not sig.date.vague:
            return max(scored, key=lambda t: (t[0], t[1]))[2] if scored else None
        chosen = _only_fit([t[2] for t in scored], sig, touched)
        if chosen is None and not scored:
            # A headline ("الرئيس اليمني يطالب المتمردين ...") names the participants differently from the
            # sentence below it (المتمردين / الميليشيات الحوثية): within one article, an undated mention that
            # shares a participant and most of its words with exactly one of the article's stories is that story.
            own = [s for s in candidates if s.id in touched
                   and max(overlap(sig.words, w) for w in touched[s.id]) >= HEADLINE_OVERLAP
                   and compatibility(sig, s, lenient=True) is not None]
            chosen = own[0] if len(own) == 1 else None
        return chosen

    def _found(self, article: Article, event: Event, sig: Signature) -> str:
        state = new_story(article, event, sig, self.backend.next_created())
        state.id = event.story_id or state.id
        n = 1
        base = state.id
        while self.backend.has(state.id):  # one trigger read twice (two dates, two places): keep both
            n += 1
            state.id = f"{base}-{n}"
        self.backend.save(state, state.keys())
        return state.id

    def _join(self, state: StoryState, sig: Signature) -> str:
        old_keys = set(state.keys())
        grow(state, sig)
        self.backend.save(state, [k for k in state.keys() if k not in old_keys])
        return state.id


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter text's words found in the other (a headline inside its article's sentence)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _only_fit(fits: list[StoryState], sig: Signature, touched: dict[str, list[frozenset[str]]]) -> StoryState | None:
    """The story a vague mention (a month, a week, a year, no date at all) refers to, if it is clear.

    It must fit exactly one story: a background mention of "their meeting in April" is that meeting, unless
    the pair met twice in April. Failing that, exactly one among those its own article reports (a headline
    with no date and the dated sentence below it), or exactly one with a known date.
    """
    if len(fits) == 1:
        return fits[0]
    for narrowed in ([s for s in fits if s.id in touched], [s for s in fits if s.date is not None]):
        if len(narrowed) == 1:
            return narrowed[0]
    return None


def compatibility(sig: Signature, state: StoryState, lenient: bool = False) -> float | None:
    """How well an event fits a story (higher is better), or None when it cannot be the same event.

    ``lenient`` (a mention of the story's own article) asks only for one shared participant: the others may
    be named or linked differently."""
    if sig.type != state.type:
        return None
    if sig.family and state.family and sig.family != state.family:
        return None
    shared = sig.anchors.keys() & state.anchors.keys()
    if sig.anchors:
        if not shared:
            return None
        # A participant the story lacks may stand for a country the story has as such: "Sisi received Haftar"
        # fits "Haftar visited Egypt", "Haftar visited Egypt" fits "Haftar met Sisi". A second guest of the same
        # host, even from the guest's country, is a different meeting (Sisi–Sarraj is not Sisi–Haftar), and so
        # is a second host of the shared participant's own country (a minister's two audiences).
        home = {c for a in shared for c in (sig.anchors[a], state.anchors[a]) if c}
        similarity = max((jaccard(sig.words, words) for words in state.evidence), default=0.0)
        for key, country in sig.anchors.items() if not lenient else ():
            if key in shared or _same_unnamed(key, country, state, shared, similarity):
                continue
            if country is None or country in home or country not in state.country_actors:
                return None
        for country in sig.countries if not lenient else ():
            if country in home or country not in state.countries:
                return None
    elif not sig.countries or not sig.countries <= state.countries \
            or len(sig.countries) == 1 and len(state.countries) > 1:
        return None  # one country alone joins only a one-country story (and then only a reprint, below)
    else:
        similarity = max((jaccard(sig.words, words) for words in state.evidence), default=0.0)
    # One participant alone ("Carter arrived") says too little to tell two events apart: such a mention joins
    # only a story whose evidence it copies.
    if len(sig.anchors) + len(sig.countries) < 2 and similarity < EVIDENCE_SIMILAR and not lenient:
        return None
    score = 2.0 * len(shared) + similarity
    if sig.date is not None and state.date is not None:
        tolerance = 0
        if (sig.date.relative or state.date.relative) and similarity >= EVIDENCE_SIMILAR:
            tolerance = RELATIVE_DAY_TOLERANCE
        if not sig.date.fits(state.date, tolerance):
            return None
        if sig.date.value == state.date.value:
            score += 1.0
    if sig.place is not None and state.place is not None:
        if not sig.place.fits(state.place):
            return None
        score += 0.5
    if sig.mode and sig.mode == state.mode:
        score += 0.5
    return score


def _same_unnamed(key: str, country: str | None, state: StoryState, shared: set[str], similarity: float) -> bool:
    """Whether a participant the story lacks may be one it has under another name, because one of the two is
    not in the knowledge base ("~" keys): "المتمردين" (YEM) and yem-houthis, "وزير الدفاع الكويتي" and "نائب رئيس
    مجلس الوزراء وزير الدفاع بدولة الكويت". Same country, or, for an unnamed participant of no country
    ("مبعوث الأمين العام للأمم المتحدة"), a copy of the story's evidence."""
    others = [(k, c) for k, c in state.anchors.items() if k not in shared]
    if country is None:
        return key.startswith("~") and bool(others) and similarity >= EVIDENCE_SIMILAR
    return any(c == country and (key.startswith("~") or k.startswith("~")) for k, c in others)


def story_id_for(article: Article, event: Event, sig: Signature) -> str:
    """Fixed at creation from the founding mention: the same input gives the same id in every run."""
    date = sig.date.value if sig.date else ""
    key = (f"{article.content_hash}|{event.trigger_span}|{event.type}|{sorted(sig.anchors)}|"
           f"{sorted(sig.countries)}|{date}")
    return "st-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def new_story(article: Article, event: Event, sig: Signature, created: int) -> StoryState:
    state = StoryState(story_id_for(article, event, sig), sig.type, sig.family, sig.mode, {}, set(), set(), None,
                       None, created=created)
    grow(state, sig)
    return state


def grow(state: StoryState, sig: Signature) -> None:
    """Add a mention to a story: participants accumulate; the date and place become the most precise seen."""
    for key, country in sig.anchors.items():
        if state.anchors.get(key) is None:
            state.anchors[key] = country
    state.countries |= sig.countries
    state.country_actors |= sig.countries
    state.countries |= {c for c in sig.anchors.values() if c}
    if sig.date is not None and _more_precise(sig.date, state.date):
        state.date = sig.date
    if sig.place is not None and (state.place is None or (state.place.lat is None and sig.place.lat is not None)):
        state.place = sig.place
    if state.mode is None:
        state.mode = sig.mode
    if state.family is None:
        state.family = sig.family
    if len(state.evidence) < MAX_EVIDENCE and sig.words:
        state.evidence.append(sig.words)
    state.size += 1


