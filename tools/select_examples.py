"""Select the bundled SaudiNewsNet example corpus (examples/saudinewsnet/) from the 18 day zips.

Deterministic: the same zips give byte-identical output. Picks political/regional stories (meetings, visits and
phone calls first, since the first event coder codes CONSULT; then conflict and officials' statements), balanced
across outlets, plus groups of one story reported by several outlets so that story clustering has material.

    .venv/bin/python tools/select_examples.py [--data ../shared/data/saudinewsnet] [--out examples/saudinewsnet]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.text.normalize import normalize_text

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_OUT = REPO / "examples" / "saudinewsnet"

# The selection criteria are a dev tool's filter, not product vocabulary: they stay here, next to the code that
# uses them. Every form is written out (no suffix wildcards): "زار" + any suffix would also hit "وزارة".
# fmt: off
MEETING_FORMS = (
    "استقبل", "استقبلت", "يستقبل", "تستقبل", "استقباله", "التقى", "التقت", "يلتقي", "تلتقي", "التقيا",
    "زار", "زارت", "يزور", "تزور", "زيارة", "زيارته", "زيارتها", "وصل إلى", "وصلت إلى", "يصل إلى", "تصل إلى",
    "بحث مع", "بحثت مع", "يبحث مع", "تبحث مع", "بحثا", "مباحثات", "محادثات", "اتصالا هاتفيا", "اتصالاً هاتفياً",
    "اتصالًا هاتفيًا", "اتصال هاتفي", "اتصالين هاتفيين", "تلقى اتصالا", "تلقت اتصالا", "اجتمع", "اجتمعت",
    "يجتمع", "لقائه", "لقائها", "لقاءه",
)
CONFLICT_FORMS = (
    "غارة", "غارات", "قصف", "قصفت", "هجوم", "هجوما", "هجمات", "اشتباكات", "معارك", "تفجير", "تفجيرا",
    "اعتداء", "استهدف", "استهدفت", "اقتحم", "اقتحمت", "اقتحام",
)
STATEMENT_VERBS = (
    "أكد", "أكدت", "قال", "قالت", "صرح", "أعلن", "أعلنت", "دعا", "دعت", "طالب", "طالبت", "دان", "أدان",
    "أدانت", "استنكر", "استنكرت", "حذر", "حذرت", "شدد", "نفى", "رحب", "رحبت", "اتهم", "اتهمت",
)
OFFICIAL_TITLES = (
    "وزير", "وزيرة", "رئيس", "ملك", "عاهل", "ولي العهد", "أمير", "متحدث", "المتحدث", "سفير", "سفيرة",
    "الأمين العام", "مبعوث", "قائد", "نائب", "مستشار", "وفد", "سمو", "معالي", "فخامة", "جلالة", "الخارجية",
    "الحكومة", "مجلس الوزراء", "البرلمان", "مجلس النواب",
)
# Actor -> surface forms; demonyms are given as their masculine singular and inflected below.
REGIONAL_ACTORS = {
    "EGY": ("مصر", "القاهرة", "*مصري"), "JOR": ("الأردن", "*أردني"), "SYR": ("سوريا", "سورية", "دمشق", "*سوري"),
    "IRQ": ("العراق", "بغداد", "*عراقي"), "LBN": ("لبنان", "بيروت", "*لبناني"),
    "YEM": ("اليمن", "صنعاء", "عدن", "تعز", "*يمني"), "HOUTHI": ("الحوثي", "الحوثيين", "الحوثيون"),
    "KWT": ("الكويت", "*كويتي"), "QAT": ("قطر", "الدوحة", "*قطري"), "BHR": ("البحرين", "المنامة", "*بحريني"),
    "ARE": ("الإمارات", "أبوظبي", "دبي", "*إماراتي"), "OMN": ("عمان", "سلطنة عمان", "مسقط", "*عماني"),
    "PSE": ("فلسطين", "غزة", "رام الله", "الضفة الغربية", "*فلسطيني"), "LBY": ("ليبيا", "طرابلس", "*ليبي"),
    "TUN": ("تونس", "*تونسي"), "DZA": ("الجزائر", "*جزائري"), "MAR": ("المغرب", "الرباط", "*مغربي"),
    "SDN": ("السودان", "الخرطوم", "*سوداني"), "MRT": ("موريتانيا", "*موريتاني"), "SOM": ("الصومال", "*صومالي"),
    "DJI": ("جيبوتي",), "COM": ("جزر القمر",), "IRN": ("إيران", "طهران", "*إيراني"),
    "TUR": ("تركيا", "أنقرة", "*تركي"), "USA": ("الولايات المتحدة", "واشنطن", "أمريكا", "*أمريكي", "*أميركي"),
    "RUS": ("روسيا", "موسكو", "*روسي"), "ISR": ("إسرائيل", "*إسرائيلي", "الاحتلال"),
    "ISIS": ("داعش",), "HEZBOLLAH": ("حزب الله",), "HAMAS": ("حماس",), "UN": ("الأمم المتحدة", "مجلس الأمن"),
    "ARAB_LEAGUE": ("الجامعة العربية", "جامعة الدول العربية"), "GCC": ("مجلس التعاون",),
    "FRA": ("فرنسا", "*فرنسي"), "GBR": ("بريطانيا", "*بريطاني"), "DEU": ("ألمانيا", "*ألماني"),
    "CHN": ("الصين", "*صيني"), "PAK": ("باكستان", "*باكستاني"),
}
# Titles that give a sports, market, weather or airport story away even when it "attacks" or "receives".
OFF_TOPIC_TITLE = (
    "مباراة", "الدوري", "منتخب", "نادي", "النادي", "لاعب", "كأس", "المدرب", "بطولة", "الذهب", "النفط", "البورصة",
    "الأسهم", "أمطار", "الهلال", "النصر", "الأهلي", "القادسية", "برشلونة", "ريال مدريد", "مطار", "رحلة",
    "الرحلات", "جوازات", "طلبات", "المهنئين",
)
# fmt: on
SPORTS_SOURCES = frozenset({"arreyadi", "arriyadiyah"})
MIN_CHARS, MAX_CHARS = 300, 6000
LEAD_CHARS = 600  # the title and the first paragraph say what a news story is about
# Same-story thresholds, set by reading the groups they produce on the 2015 corpus (SELECTION.md): formulaic
# titles ("خادم الحرمين يستقبل ...") reach a 0.6 ratio for different visitors, so a title match also needs some
# shared opening text; condolence stories share one stock phrase (~0.1 containment) and must stay apart.
TITLE_RATIO, TITLE_CONTAINMENT, LEAD_CONTAINMENT, MAX_DAYS_APART = 0.75, 0.2, 0.5, 2
SHINGLE, LEAD_WORDS, COMMON_SHINGLE = 4, 120, 30
MAX_GROUPS, MAX_GROUP_SIZE = 20, 6
MAX_PER_OUTLET = 30
OUTPUT_FIELDS = ("id", "source", "url", "date_extracted", "title", "author", "content")
_WORD = re.compile(r"\w+")
_SPA_PREFIX = re.compile(r"^\s*\w+\s*/\s*")  # "سياسي / " section label on SPA titles
_SPA_SUFFIX = re.compile(r"\s*(?:/\s*)?إضافة\s.*$")  # "إضافة أولى" continuation marks


def _forms_regex(forms: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One alternation over normalised forms, allowing the conjunction/preposition proclitics only."""
    alts = sorted({normalize_text(f) for f in forms}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:[وفبل]|ال|وال|بال|لل|فال)?(" + "|".join(map(re.escape, alts)) + r")(?!\w)")


def _demonym_forms(base: str) -> list[str]:
    return [base, base + "ة", base + "ون", base + "ين"]


MEETING_RE = _forms_regex(MEETING_FORMS)
CONFLICT_RE = _forms_regex(CONFLICT_FORMS)
STATEMENT_RE = _forms_regex(STATEMENT_VERBS)
OFFICIAL_RE = _forms_regex(OFFICIAL_TITLES)
OFF_TOPIC_RE = _forms_regex(OFF_TOPIC_TITLE)
ACTOR_RES = {
    code: _forms_regex([g for f in forms for g in (_demonym_forms(f[1:]) if f.startswith("*") else [f])])
    for code, forms in REGIONAL_ACTORS.items()
}


@dataclass
class Candidate:
    rec: dict[str, str]
    id: str
    day: date
    kind: str  # meeting | conflict | statement
    score: int
    actors: frozenset[str]
    title_key: str
    shingles: frozenset[str] = field(default_factory=frozenset)

    @property
    def source(self) -> str:
        return self.rec["source"]


def stable_id(url: str) -> str:
    return "snn-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def iter_records(data: Path) -> Iterator[dict[str, str]]:
    """Every article of every day zip, zips and members in sorted order (one day in memory at a time)."""
    zips = sorted(data.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no SaudiNewsNet zips in {data}")
    for zpath in zips:
        with zipfile.ZipFile(zpath) as zf:
            for member in sorted(zf.namelist()):
                with zf.open(member) as fh:
                    yield from json.load(fh)


def title_key(title: str) -> str:
    return normalize_text(_SPA_SUFFIX.sub("", _SPA_PREFIX.sub("", title)))


def classify(rec: dict[str, str]) -> Candidate | None:
    """A Candidate when the record is a regional political story within the length bounds, else None."""
    content = rec.get("content") or ""
    if rec.get("source") in SPORTS_SOURCES or not (MIN_CHARS <= len(content.strip()) <= MAX_CHARS):
        return None
    title = normalize_text(rec.get("title") or "")
    if not title or OFF_TOPIC_RE.search(title):
        return None
    lead = normalize_text(content[:LEAD_CHARS])
    head = title + " \n " + lead
    actors = frozenset(code for code, rx in ACTOR_RES.items() if rx.search(head))
    if not actors:
        return None
    # The event must be what the story is about: its trigger and an official in the title or first sentence.
    first_sentence = lead.split(".", 1)[0]
    top = title + " \n " + first_sentence
    official = bool(OFFICIAL_RE.search(top))
    if MEETING_RE.search(top) and official:
        kind, score = "meeting", 4 + 2 * bool(MEETING_RE.search(title))
    elif CONFLICT_RE.search(top):
        kind, score = "conflict", 3 + 2 * bool(CONFLICT_RE.search(title))
    elif STATEMENT_RE.search(top) and official:
        kind, score = "statement", 3 + 2 * bool(STATEMENT_RE.search(title))
    else:
        return None
    score += min(len(actors), 3)
    words = _WORD.findall(normalize_text(content))[:LEAD_WORDS]
    shingles = frozenset(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    return Candidate(
        rec=rec,
        id=stable_id(rec["url"]),
        day=date.fromisoformat(rec["date_extracted"][:10]),
        kind=kind,
        score=score,
        actors=actors,
        title_key=title_key(rec["title"]),
        shingles=shingles,
    )


def collect_candidates(data: Path) -> list[Candidate]:
    seen_urls: set[str] = set()
    seen_bodies: set[str] = set()  # the same article re-crawled under another URL
    out = []
    for rec in iter_records(data):
        url = rec.get("url") or ""
        if not url or url in seen_urls:
            continue
        seen_urls.add(url)
        cand = classify(rec)
        if cand is None:
            continue
        body = hashlib.sha1((rec["source"] + normalize_text(rec["content"])).encode("utf-8")).hexdigest()
        if body in seen_bodies:
            continue
        seen_bodies.add(body)
        out.append(cand)
    return out


def same_story(a: Candidate, b: Candidate, shared: int) -> bool:
    if a.source == b.source or abs((a.day - b.day).days) > MAX_DAYS_APART:
        return False
    containment = shared / min(len(a.shingles), len(b.shingles)) if a.shingles and b.shingles else 0.0
    if containment >= LEAD_CONTAINMENT:
        return True
    return (
        containment >= TITLE_CONTAINMENT
        and difflib.SequenceMatcher(None, a.title_key, b.title_key).ratio() >= TITLE_RATIO
    )


def find_groups(cands: list[Candidate]) -> list[list[Candidate]]:
    """Cross-outlet groups of one story: pairs that share opening shingles or have near-equal titles."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        for s in c.shingles:
            index[s].append(i)
        for w in set(c.title_key.split()):
            index["t:" + w].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    title_pairs: set[tuple[int, int]] = set()
    for key, ids in index.items():
        if len(ids) < 2 or len(ids) > COMMON_SHINGLE:
            continue  # stock phrases and common words link unrelated stories
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                if key.startswith("t:"):
                    title_pairs.add((ids[x], ids[y]))
                else:
                    shared[(ids[x], ids[y])] += 1
    matches: dict[int, set[int]] = defaultdict(set)
    for x, y in sorted(set(shared) | title_pairs):
        if same_story(cands[x], cands[y], shared.get((x, y), 0)):
            matches[x].add(y)
            matches[y].add(x)
    # Star groups, not connected components: a chain a~b~c can join two different events (two Lebanese
    # officials meeting the same visitor), so every member must match the group's anchor directly.
    order = sorted(
        matches, key=lambda i: (cands[i].source != "was", -len(matches[i]), -cands[i].score, cands[i].id)
    )
    used: set[int] = set()
    groups = []
    for anchor in order:
        if anchor in used:
            continue
        best: dict[str, int] = {cands[anchor].source: anchor}
        for i in sorted(matches[anchor] - used, key=lambda i: (-cands[i].score, cands[i].day, cands[i].id)):
            best.setdefault(cands[i].source, i)  # one report per outlet
        if len(best) < 2:
            continue
        members = sorted(best.values(), key=lambda i: (i != anchor, -cands[i].score, cands[i].id))[
            :MAX_GROUP_SIZE
        ]
        used.update(members)
        groups.append([cands[i] for i in members])
    return groups


def round_robin(
    pool: list[Candidate], n: int, chosen: dict[str, Candidate], per_outlet: Counter[str]
) -> None:
    """Take up to n from pool, one outlet at a time (outlets in name order), best score first."""
    by_outlet: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(pool, key=lambda c: (-c.score, c.day, c.id)):
        if c.id not in chosen:
            by_outlet[c.source].append(c)
    taken = 0
    while taken < n and any(by_outlet.values()):
        for outlet in sorted(by_outlet):
            queue = by_outlet[outlet]
            while queue and per_outlet[outlet] >= MAX_PER_OUTLET:
                queue.clear()
            if not queue or taken >= n:
                continue
            c = queue.pop(0)
            chosen[c.id] = c
            per_outlet[outlet] += 1
            taken += 1


def select(
    cands: list[Candidate], meetings: int, others: int
) -> tuple[list[Candidate], list[list[Candidate]]]:
    groups = find_groups(cands)
    groups.sort(
        key=lambda g: (
            not any(c.source == "was" for c in g),
            g[0].kind != "meeting",
            -len(g),
            g[0].day,
            g[0].id,
        )
    )
    chosen: dict[str, Candidate] = {}
    per_outlet: Counter[str] = Counter()
    kept_groups = []
    quota = Counter(meeting=meetings, other=others)
    for g in groups[:MAX_GROUPS]:
        kept_groups.append(g)
        for c in g:
            chosen[c.id] = c
            per_outlet[c.source] += 1
            quota["meeting" if c.kind == "meeting" else "other"] -= 1
    round_robin([c for c in cands if c.kind == "meeting"], max(quota["meeting"], 0), chosen, per_outlet)
    # conflict and statement stories share the remaining quota half and half
    half = max(quota["other"], 0) // 2
    round_robin([c for c in cands if c.kind == "conflict"], half, chosen, per_outlet)
    rest = others + meetings - len(chosen)
    round_robin([c for c in cands if c.kind == "statement"], rest, chosen, per_outlet)
    rest = others + meetings - len(chosen)
    round_robin([c for c in cands if c.kind != "meeting"], rest, chosen, per_outlet)
    selected = sorted(chosen.values(), key=lambda c: (c.rec["date_extracted"], c.source, c.id))
    return selected, kept_groups


def write_output(out: Path, selected: list[Candidate], groups: list[list[Candidate]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "articles.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for c in selected:
            rec = {"id": c.id} | {k: c.rec.get(k, "") for k in OUTPUT_FIELDS if k != "id"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    kinds = Counter(c.kind for c in selected)
    outlets = Counter(c.source for c in selected)
    lines = [
        "# What tools/select_examples.py selected",
        "",
        "Generated file; re-create with `.venv/bin/python tools/select_examples.py`.",
        "",
        f"{len(selected)} articles in `articles.jsonl`: "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        + " (kind = the tool's keyword guess, not a gold label).",
        "",
        "| outlet | articles |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in sorted(outlets.items())),
        "",
        f"## {len(groups)} stories reported by several outlets",
        "",
        "Found by near-equal titles or shared opening word 4-grams, within two days; material for story clustering",
        "(the ids of a group should end up in one story; not checked by hand). Each member matches the group's first",
        "article directly, so one event can show up as two groups, e.g. the same-day and the next-day reports.",
        "",
    ]
    for n, g in enumerate(groups, 1):
        lines.append(
            f"{n}. {g[0].kind}: "
            + "; ".join(f"`{c.id}` ({c.source}, {c.rec['date_extracted'][:10]})" for c in g)
        )
        lines.append(f"   — {g[0].rec['title'].strip()}")
    (out / "SELECTION.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the SaudiNewsNet day zips")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where articles.jsonl and SELECTION.md go")
    ap.add_argument("--meetings", type=int, default=120, help="meeting / visit / phone-call stories")
    ap.add_argument("--others", type=int, default=80, help="conflict and officials' statement stories")
    args = ap.parse_args(argv)
    cands = collect_candidates(args.data)
    selected, groups = select(cands, args.meetings, args.others)
    write_output(args.out, selected, groups)
    kinds = Counter(c.kind for c in selected)
    print(
        f"{len(cands)} candidates, {len(selected)} selected {dict(sorted(kinds.items()))}, "
        f"{len(groups)} multi-outlet groups ({sum(map(len, groups))} articles)",
        file=sys.stderr,
    )
    print(dict(sorted(Counter(c.source for c in selected).items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
