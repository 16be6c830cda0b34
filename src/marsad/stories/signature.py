"""What the story clusterer compares: an event reduced to its participants, its date as a span of days, its place
and its evidence words, and the compatibility rules between two of them.

Dates are compared at their precision: a day is one day, a week its seven days, a month its days, a year its
days; "--05-09" (year unknown) fits the 9th of May of any year; a date taken from the publication date (the text
gave none) is soft: a reported event happened in the days up to publication, a planned one in the weeks after.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from marsad.model import Article, Event, Mention
from marsad.text.normalize import normalize_text

# A report with no date in its text is about something that happened in the last few days before publication
# (SaudiNewsNet: the wire copy of a meeting appears one to two days after it; 3 leaves one day of slack) ...
PUBLICATION_LAG_DAYS = 3
# ... and a planned event with no date is expected within the next weeks ("سيزور لاحقا").
PLANNED_HORIZON_DAYS = 30
# Two places closer than this are the same place for a story: a district and its city (Heliopolis is 12 km
# from Cairo's centre; Diriyah 15 km from Riyadh's), while neighbouring cities stay apart (Jeddah–Makkah 65 km).
SAME_PLACE_KM = 50.0
# Modes that describe the same face-to-face encounter from either side: "X visited Y", "Y received X",
# "X met Y". A phone call is not a meeting; other modes must be equal.
MODE_FAMILY = {"visit": "meet", "host": "meet", "meet": "meet", "multilateral": "meet", "third-party": "meet"}
COUNTRY_KINDS = frozenset({"country", "place"})
RELATIVE_ANCHORS = frozenset({"publication", "dateline"})

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
_WORD = re.compile(r"\w{2,}")


@dataclass(frozen=True)
class DateSpan:
    """The days an event date can mean: [lo, hi] as proleptic ordinals, or a month and day with no year."""

    lo: int | None
    hi: int | None
    month_day: tuple[int, int] | None = None
    value: str | None = None
    precision: str | None = None
    soft: bool = False  # taken from the publication date, not read in the text
    relative: bool = False  # a day read from a relative word ("اليوم", "أمس"), anchored on the publication date

    @property
    def width(self) -> int:
        """Days covered: 1 for a day; a year-unknown date counts as vague as a year."""
        if self.lo is None or self.hi is None:
            return 366
        return self.hi - self.lo + 1

    @property
    def vague(self) -> bool:
        return self.soft or self.width > 1

    def fits(self, other: DateSpan, tolerance: int = 0) -> bool:
        """Whether the two can be the same day, allowing ``tolerance`` days between day-precision dates."""
        if self.lo is not None and other.lo is not None:
            assert self.hi is not None and other.hi is not None
            return self.lo - tolerance <= other.hi and other.lo - tolerance <= self.hi
        if self.month_day and other.month_day:
            return self.month_day == other.month_day
        known, md = (self, other.month_day) if self.lo is not None else (other, self.month_day)
        assert md is not None and known.lo is not None and known.hi is not None
        lo, hi = date.fromordinal(known.lo), date.fromordinal(known.hi)
        for year in range(lo.year, hi.year + 1):
            try:
                day = date(year, *md).toordinal()
            except ValueError:  # 29 February in a common year
                continue
            if known.lo - tolerance <= day <= known.hi + tolerance:
                return True
        return False


def date_span(value: str | None, precision: str | None, *, soft: bool = False, relative: bool = False,
              planned: bool = False) -> DateSpan | None:
    """The span of an ISO partial date as the contract writes them ("2019-05-09", "2019-W19", "2019-05",
    "2019", "--05-09"); None when the value is missing or not one of those forms."""
    if not value:
        return None
    lo = hi = None
    md = None
    try:
        if m := _ISO_DAY.match(value):
            lo = hi = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
        elif m := _ISO_WEEK.match(value):
            lo = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
            hi = lo + 6
        elif m := _ISO_MONTH.match(value):
            first = date(int(m[1]), int(m[2]), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            lo, hi = first.toordinal(), nxt.toordinal() - 1
        elif m := _ISO_YEAR.match(value):
            lo, hi = date(int(m[1]), 1, 1).toordinal(), date(int(m[1]), 12, 31).toordinal()
        elif m := _MONTH_DAY.match(value):
            md = (int(m[1]), int(m[2]))
            date(2000, *md)  # validates the month and day (2000 is a leap year)
        else:
            return None
    except ValueError:
        return None
    if soft and lo is not None and hi is not None:
        # The publication date bounds the event: before it for a report, after it for a plan.
        if planned:
            hi = hi + PLANNED_HORIZON_DAYS
        else:
            lo = lo - PUBLICATION_LAG_DAYS
    return DateSpan(lo, hi, md, value, precision, soft, relative and not soft and lo == hi)


@dataclass(frozen=True)
class PlaceRef:
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None

    def fits(self, other: PlaceRef) -> bool:
        """Same place, one inside the other (a city inside its country), or two points closer than
        SAME_PLACE_KM (a district inside its city)."""
        if self.geonameid is not None and self.geonameid == other.geonameid:
            return True
        if self.country and other.country and self.country != other.country:
            return False
        if None in (self.lat, self.lon, other.lat, other.lon):
            return True  # a country, or a place with no coordinates: containment by country is all we know
        return distance_km(self, other) <= SAME_PLACE_KM


def distance_km(a: PlaceRef, b: PlaceRef) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def actor_key(mention: Mention | None) -> str:
    """Knowledge-base id when linked, else the normalised surface form."""
    return "" if mention is None else mention.key


@dataclass
class Signature:
    """One event as the story clusterer sees it."""

    type: str
    family: str | None  # mode family: visit/host/meet are one
    mode: str | None
    anchors: dict[str, str | None]  # person/organisation key -> its country
    countries: frozenset[str]  # countries acting as such ("مصر", "القاهرة" as a government)
    date: DateSpan | None
    place: PlaceRef | None
    words: frozenset[str] = field(default_factory=frozenset)  # evidence words, normalised

    def blocking_keys(self) -> list[str]:
        """Where candidate stories are filed: one key per participant, or the countries (a pair, or one) when
        no person or organisation takes part."""
        if self.anchors:
            return [f"{self.type}|a:{a}" for a in sorted(self.anchors)]
        if self.countries:
            # one country alone ("أكدت مصر رفضها"): only reprints of the same sentence will join (index.py)
            return [f"{self.type}|c:{','.join(sorted(self.countries))}"]
        return []


def signature(article: Article, event: Event) -> Signature:
    anchors: dict[str, str | None] = {}
    countries: set[str] = set()
    for mention in (event.source, event.target):
        if mention is None or mention.unidentified:
            continue  # an unidentified attacker names no one reports could share
        if mention.type in COUNTRY_KINDS:
            code = mention.country or (mention.id if mention.id and len(mention.id) == 3 else None)
            if code:
                countries.add(code)
            continue
        key = actor_key(mention)
        if key and key != "~":
            anchors[key] = mention.country
    span = None
    if event.date is not None:
        span = date_span(
            event.date.value,
            event.date.precision,
            soft=event.date_source == "publication",
            relative=event.date.anchor in RELATIVE_ANCHORS,
            planned=event.status in ("planned", "hypothetical"),
        )
    loc = event.location
    place = PlaceRef(loc.geonameid, loc.country, loc.lat, loc.lon) if loc is not None else None
    s, e = event.evidence_span
    words = frozenset(_WORD.findall(normalize_text(article.text[s:e])))
    return Signature(event.type, MODE_FAMILY.get(event.mode or "", event.mode), event.mode, anchors,
                     frozenset(countries), span, place, words)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


