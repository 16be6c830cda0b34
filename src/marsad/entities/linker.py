"""Entity stage: knowledge-base aliases, role phrases, countries, demonyms and places found in one pass.

One Aho-Corasick automaton holds every normalised alias; matches are kept when they sit on token boundaries
(allowing a proclitic chain before them: بخليفة حفتر، والسيسي، لمصر), overlaps go to the longest match, and
role phrases resolve to whoever held the office on the article's date.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import lru_cache

import ahocorasick

from marsad.entities.coref import Coreference
from marsad.entities.kb import Actor, KnowledgeBase
from marsad.entities.namesakes import Namesakes
from marsad.entities.places import Gazetteer, Place
from marsad.entities.vocabulary import (
    CAPITAL_NOUNS,
    DEPUTY_WORDS,
    FORMER_WORDS,
    LOCATIVE_WORDS,
    PATRONYMIC_WORDS,
    PERSON_HEADS,
    PLACE_NOUNS,
    load_lexicon,
)
from marsad.model import Article, Mention
from marsad.text.normalize import map_span, normalize_text
from marsad.text.tokens import PREFIX_CHAINS

# What a pattern stands for; lower number wins a tie between matches of the same length.
ACTOR, OFFICE, COUNTRY, DEMONYM, AGENT, WEAK_ACTOR, WEAK_COUNTRY, PLACE = 0, 1, 2, 3, 4, 5, 6, 7

# Confidence of a link by what matched (calibrated by eye on the example corpus; issue 3 measures it).
CONFIDENCE = {ACTOR: 0.95, OFFICE: 0.85, COUNTRY: 0.95, DEMONYM: 0.8, AGENT: 0.6, PLACE: 0.7, WEAK_ACTOR: 0.7,
              WEAK_COUNTRY: 0.75}
DESTINATION_WORDS = frozenset(normalize_text(w) for w in ("إلى", "الى", "لدى", "في"))
NER_KINDS = {"PERS": "person", "ORG": "organization"}  # LOC names come from the gazetteer
PROCLITIC_CHAINS = frozenset(PREFIX_CHAINS)
LIL_PREFIXES = frozenset({"لل", "ولل", "فلل"})
# Two mentions joined by at most this much text (spaces, a comma, a rank) form one title + name chain.
CHAIN_GAP = 3


def family_names(kb: KnowledgeBase) -> dict[str, str]:
    """Normalised family name -> the one person of the knowledge base whose Arabic name ends with it; not a
    patronymic's last word ("محمد بن سلمان"), nor a word of fewer than 3 letters."""
    owners: dict[str, set[str]] = {}
    for actor in kb.actors.values():
        if actor.kind != "person":
            continue
        for name in {actor.name_ar, *actor.aliases_ar}:
            words = normalize_text(name).split()
            if len(words) >= 2 and len(words[-1]) >= 3 and words[-2] not in PATRONYMIC_WORDS:
                owners.setdefault(words[-1], set()).add(actor.id)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}


def _head_before(text: str, start: int) -> int:
    """The start of a position noun right before a generic title ("رئيس" of "رئيس البرلمان سليم الجبوري"), else
    ``start``; a deputy's word is left out (the name after it is the deputy's anyway)."""
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if not j < i < start:
        return start
    word = normalize_text(text[j:i])
    for bare in (word, word[1:], word[2:]):  # "لرئيس"، "ولرئيس"
        if bare in PERSON_HEADS and bare not in DEPUTY_WORDS:
            return j
    return start


def place_id(place: Place) -> str:
    """A city's GeoNames id; a division has none: "region:SAU:Asir"."""
    return f"geo:{place.geonameid}" if place.geonameid is not None else f"region:{place.country}:{place.name}"


@lru_cache(maxsize=1)
def build_automaton() -> ahocorasick.Automaton:
    """Every alias of the knowledge base, countries and gazetteer, normalised, in one automaton."""
    kb = KnowledgeBase.load()
    gaz = Gazetteer.load()
    table: dict[str, list[tuple[int, str]]] = {}

    def add(phrase: str, kind: int, ref: str) -> None:
        key = normalize_text(phrase)
        if len(key) < 2:
            return
        entries = table.setdefault(key, [])
        if (kind, ref) not in entries:
            entries.append((kind, ref))

    for actor in kb.actors.values():
        for alias in {actor.name_ar, *actor.aliases_ar}:
            add(alias, ACTOR, actor.id)
        for alias in actor.weak_aliases_ar:
            add(alias, WEAK_ACTOR, actor.id)
    for office in kb.offices.values():
        for phrase in office.phrases_ar:
            add(phrase, OFFICE, office.id)
    for country in kb.countries.values():
        if country.kind != "country":
            continue
        weak = {normalize_text(w) for w in country.weak_ar}
        for alias in {country.name_ar, *country.aliases_ar}:
            if normalize_text(alias) not in weak:
                add(alias, COUNTRY, country.iso3)
        for alias in country.weak_ar:
            add(alias, WEAK_COUNTRY, country.iso3)
        for alias in country.demonyms_ar:
            if normalize_text(alias) not in weak:
                add(alias, DEMONYM, country.iso3)
        capital = normalize_text(country.capital_ar or "")
        if capital in gaz.by_name:
            # "العاصمة القطرية": the capital, a place (a singular feminine demonym with the article)
            for alias in country.demonyms_ar:
                adjective = normalize_text(alias)
                if adjective.startswith("ال") and adjective.endswith("يه"):
                    for noun in CAPITAL_NOUNS:
                        add(f"{noun} {adjective}", PLACE, capital)
    for phrase in load_lexicon().agents:
        add(phrase, AGENT, phrase)
    for name in gaz.by_name:
        if name not in gaz.stoplist:
            add(name, PLACE, name)
    # "فؤاد معصوم ... معصوم": a person's family name alone, once the article named them in full, when no other
    # person of the knowledge base bears it and it names nothing else
    for surname, actor_id in family_names(kb).items():
        if surname not in table:
            table[surname] = [(WEAK_ACTOR, actor_id)]
    # "للولايات المتحدة": ل + ال is written لل, so an alias starting with ال also matches without it after لل
    lil: dict[str, list[tuple[int, str]]] = {}
    for key, entries in table.items():
        if key.startswith("ال") and len(key) > 4:
            lil.setdefault(key[2:], []).extend(entries)
    automaton = ahocorasick.Automaton()
    for key in table.keys() | lil.keys():
        entries = sorted(table.get(key, []))
        automaton.add_word(key, (len(key), tuple(entries), tuple(sorted(lil.get(key, [])))))
    automaton.make_automaton()
    return automaton


class EntityLinker:
    """Fills Article.mentions with actors, role phrases, countries and places."""

    def __init__(self, kb: KnowledgeBase | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb or KnowledgeBase.load()
        self.gazetteer = gazetteer or Gazetteer.load()
        self.automaton = build_automaton()
        self._text = ""  # the article being linked (the linker is not shared across threads)
        self.ranks = load_lexicon().ranks
        self._max_gap = CHAIN_GAP + max((len(r) for r in self.ranks), default=0)
        self.agents = load_lexicon().agents
        self.metonyms = {normalize_text(m): c.iso3 for c in self.kb.countries.values() for m in c.metonyms_ar}
        self._demonym_words = frozenset(normalize_text(d) for c in self.kb.countries.values() for d in c.demonyms_ar)
        self.namesakes = Namesakes(self.kb, load_lexicon(), frozenset(self.agents) | self._demonym_words)
        self.coreference = Coreference(self.kb, load_lexicon(), self.office_mention, self._not_the_holder)

    def __call__(self, article: Article) -> Article:
        self._text = article.text
        norm = article.norm
        matches = self._matches(norm)
        when = article.published
        mentions: list[Mention] = []
        place_hits = []
        weak_hits = []
        for start, end, entries in matches:
            s, e = map_span(article.norm_offsets, start, end)
            kind, ref = entries[0]
            if kind == PLACE:
                place_hits.append((s, e, ref))
            elif kind in (WEAK_ACTOR, WEAK_COUNTRY):
                weak_hits.append((s, e, entries))
            else:
                mentions.append(self._mention(article.text[s:e], (s, e), kind, ref, when))
        # a short or ambiguous name ("حفتر", "فتح") counts only after the article named its actor in full
        # countries of strongly named actors count too: a Saudi outlet's "المملكة" next to King Salman; and an
        # actor's weak_context countries: "التحالف" in an article naming Yemen is the Saudi-led coalition
        named = {m.id for m in mentions if m.id} | {m.country for m in mentions if m.country}
        for s, e, entries in weak_hits:
            hit = next(((k, r) for k, r in entries if k in (WEAK_ACTOR, WEAK_COUNTRY)
                        and (r in named or k == WEAK_ACTOR and named.intersection(self.kb.actors[r].weak_context))),
                       None)
            if hit is not None:
                mentions.append(self._mention(article.text[s:e], (s, e), hit[0], hit[1], when))
            elif entries[-1][0] == PLACE:
                place_hits.append((s, e, entries[-1][1]))
        context = {m.country for m in mentions if m.country}
        for s, e, ref in place_hits:
            place = self.gazetteer.choose(ref, context)
            capital_of = self.metonyms.get(ref)
            if capital_of is not None and (place is None or place.country == capital_of) \
                    and not self._locative(article, s, e):
                country = self.kb.countries[capital_of]
                mentions.append(Mention(
                    text=article.text[s:e], span=(s, e), type="country", id=country.iso3, name=country.name,
                    name_ar=country.name_ar, country=country.iso3, sector="GOV", confidence=0.75,
                ))
                continue
            if place is not None:
                mentions.append(
                    Mention(
                        text=article.text[s:e], span=(s, e), type="place", id=place_id(place),
                        name=place.name, name_ar=place.name_ar, country=place.country, lat=place.lat,
                        lon=place.lon, geonameid=place.geonameid, confidence=CONFIDENCE[PLACE],
                    )
                )
        mentions.sort(key=lambda m: m.span)
        mentions = self.namesakes(article.text, mentions)
        article.mentions = self.coreference(article, self._chain(article, mentions))
        return article

    def _matches(self, norm: str) -> list[tuple[int, int, tuple[tuple[int, str], ...]]]:
        """Non-overlapping alias matches on token boundaries, longest first."""
        found = []
        n = len(norm)
        for last, (length, entries, lil_entries) in self.automaton.iter(norm):
            start, end = last - length + 1, last + 1
            if end < n and norm[end].isalpha():
                continue
            ts = start
            while ts > 0 and start - ts < 5 and norm[ts - 1].isalpha():
                ts -= 1
            if ts > 0 and norm[ts - 1].isalpha():
                continue  # inside a longer word: no proclitic chain is that long
            prefix = norm[ts:start]
            if lil_entries and prefix in LIL_PREFIXES:
                found.append((start, end, lil_entries))
                continue
            if not entries or (prefix and prefix not in PROCLITIC_CHAINS):
                continue
            found.append((start, end, entries))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[2][0][0], m[0]))
        taken: list[tuple[int, int, tuple[tuple[int, str], ...]]] = []
        occupied = bytearray(n + 1)
        for start, end, entries in found:
            if any(occupied[start:end]):
                continue
            occupied[start:end] = b"\x01" * (end - start)
            taken.append((start, end, entries))
        taken.sort()
        return taken

    def _mention(self, text: str, span: tuple[int, int], kind: int, ref: str, when: date | None) -> Mention:
        if kind in (ACTOR, WEAK_ACTOR):
            return self.actor_mention(self.kb.actors[ref], text, span, when, CONFIDENCE[kind])
        if kind == OFFICE:
            mention = self.office_mention(ref, text, span, when)
            if self._not_the_holder(span):
                # "نائب وزير الخارجية الروسي", "رئيس الحكومة الفرنسية الأسبق": someone other than the holder
                mention = dataclasses.replace(mention, id=None, name=None, name_ar=None, confidence=0.5)
            return mention
        if kind == AGENT:
            sector, agent_kind = self.agents[ref]
            return Mention(text=text, span=span, type=agent_kind, sector=sector, agent=True,
                           confidence=CONFIDENCE[AGENT])
        country = self.kb.countries[ref]
        # a singular demonym ("الإيراني"، "المصرية") qualifies a noun; plurals ("المصريين") name people
        adjective = kind == DEMONYM and not normalize_text(text).endswith(("ين", "ون"))
        if kind == DEMONYM and not adjective:
            return Mention(text=text, span=span, type="group", country=country.iso3, sector="CVL",
                           confidence=CONFIDENCE[kind])
        return Mention(
            text=text, span=span, type="country", id=country.iso3, name=country.name,
            name_ar=country.name_ar, country=country.iso3, adjective=adjective, confidence=CONFIDENCE[kind],
        )

    def _not_the_holder(self, span: tuple[int, int]) -> bool:
        before = normalize_text(self._text[max(0, span[0] - 12) : span[0]]).split()
        after = normalize_text(self._text[span[1] : span[1] + 12]).split()
        return bool(before and before[-1].lstrip("و") in DEPUTY_WORDS) or bool(after and after[0] in FORMER_WORDS)

    def add_names(self, article: Article, start: int, end: int) -> list[Mention]:
        """Names the knowledge base lacks, from the statistical NER model, in article.text[start:end].

        Run on demand (the event stage asks for it only in sentences whose triggers lack an argument, which keeps
        the model off the hot path). A title just before a name gives it country, sector and role ("رئيس البرلمان
        العراقي سليم الجبوري"). The new mentions are added to article.mentions and returned.
        """
        from marsad.entities.ner import NameTagger

        inside = [m for m in article.mentions if start <= m.span[0] < end]
        added: list[Mention] = []
        for s, e, typ in NameTagger.load().spans(article, start, end):
            kind = NER_KINDS.get(typ)
            if kind is None or any(m.span[0] < e and s < m.span[1] for m in inside):
                continue
            title = next((m for m in inside if m.span[1] <= s and article.text[m.span[1] : s].strip(" ،,") == ""
                          and (m.agent or m.role_only or m.adjective)), None)
            if title is not None and kind == "person":
                new = Mention(text=article.text[title.span[0] : e], span=(title.span[0], e), type=kind,
                              country=title.country, sector=title.sector,
                              role=title.role or article.text[title.span[0] : title.span[1]], confidence=0.6)
                article.mentions.remove(title)
                inside.remove(title)
            else:
                new = Mention(text=article.text[s:e], span=(s, e), type=kind, confidence=0.5)
            added.append(new)
            inside.append(new)
        article.mentions.extend(added)
        return added

    def actor_mention(self, actor: Actor, text: str, span: tuple[int, int], when: date | None,
                      confidence: float = 0.95) -> Mention:
        role = actor.role_on(when)
        office = self.kb.offices.get(role.office) if role and role.office else None
        return Mention(
            text=text, span=span, type=actor.kind, id=actor.id, name=actor.name, name_ar=actor.name_ar,
            country=self.kb.iso_country(actor.country), sector=(office.sector if office and office.sector else actor.sector),
            role=(office.name if office else (role.title_ar if role else None)),
            office=(office.id if office else None),
            confidence=confidence,
        )

    def office_mention(self, office_id: str, text: str, span: tuple[int, int], when: date | None) -> Mention:
        """A role phrase, linked to whoever held the office on ``when`` (unlinked when nobody is known)."""
        office = self.kb.offices[office_id]
        held = self.kb.holder(office_id, when)
        if held is None:
            return Mention(
                text=text, span=span, type="person", country=self.kb.iso_country(office.country), sector=office.sector,
                role=office.name, office=office.id, role_only=True, confidence=0.6,
            )
        actor, _role = held
        return Mention(
            text=text, span=span, type=actor.kind, id=actor.id, name=actor.name, name_ar=actor.name_ar,
            country=self.kb.iso_country(actor.country or office.country), sector=office.sector or actor.sector,
            role=office.name,
            office=office.id, role_only=True, confidence=CONFIDENCE[OFFICE],
        )

    def relink(self, mention: Mention, when: date | None, text: str) -> Mention:
        """The same mention resolved on another date (a role phrase names whoever held the role then)."""
        if mention.office is None:
            return mention
        if mention.id and mention.id in self.kb.actors and not mention.role_only:
            return self.actor_mention(self.kb.actors[mention.id], mention.text, mention.span, when,
                                      mention.confidence)
        return self.office_mention(mention.office, mention.text, mention.span, when)

    def _envoy_chains(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"مبعوث الأمين العام للأمم المتحدة إلى اليمن إسماعيل ولد الشيخ": a title that names no holder, its
        destination country, then a name, are one mention of the named person with that title."""
        out: list[Mention] = []
        i = 0
        while i < len(mentions):
            m = mentions[i]
            if m.role_only and m.id is None and i + 2 < len(mentions):
                dest, name = mentions[i + 1], mentions[i + 2]
                between = normalize_text(text[m.span[1] : dest.span[0]]).split()
                if dest.type == "country" and between and between[0] in DESTINATION_WORDS and len(between) == 1 \
                        and name.type == "person" and not name.role_only \
                        and text[dest.span[1] : name.span[0]].strip(" ،,") == "":
                    out.append(dataclasses.replace(name, text=text[m.span[0] : name.span[1]],
                                                   span=(m.span[0], name.span[1]),
                                                   role=text[m.span[0] : dest.span[1]]))
                    i += 3
                    continue
            out.append(m)
            i += 1
        return out

    def _chain(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """Join "title + name" and "name + title" into one mention; record ranks before names."""
        text = article.text
        mentions = self._envoy_chains(text, mentions)
        out: list[Mention] = []
        for k, m in enumerate(mentions):
            prev = out[-1] if out else None
            if prev is not None and prev.agent and m.type == "country" and text[prev.span[1] : m.span[0]].strip() == "":
                # "الجيش اليمني", "مجلس الوزراء الكويتي": the country's actor of the agent's sector
                out[-1] = dataclasses.replace(
                    prev, text=text[prev.span[0] : m.span[1]], span=(prev.span[0], m.span[1]), country=m.country,
                    agent=False, confidence=0.8,
                )
                continue
            if prev is not None and prev.agent and prev.type == "group" and self._demonym_group(text, prev, m):
                # "الجنود السعوديين": a plural demonym agreeing with the group before it is its adjective
                out[-1] = dataclasses.replace(prev, text=text[prev.span[0] : m.span[1]],
                                              span=(prev.span[0], m.span[1]), country=m.country, agent=False)
                continue
            if prev is not None and prev.adjective and m.type == "person" and m.country == prev.country \
                    and text[prev.span[1] : m.span[0]].strip(" ،,") == "":
                # "نظيره المصري سامح شكري": the demonym belongs to the title
                out[-1] = dataclasses.replace(m, text=text[prev.span[0] : m.span[1]], span=(prev.span[0], m.span[1]))
                continue
            if prev is not None and prev.agent and m.type == "person" and not m.role_only \
                    and text[prev.span[1] : m.span[0]].strip(" ،,") == "":
                # "وزير الخارجية سامح شكري": a generic title before a name is the name's role
                while len(out) > 1 and out[-2].agent and text[out[-2].span[1] : out[-1].span[0]].strip() == "":
                    out.pop()
                start = _head_before(text, out[-1].span[0])
                out[-1] = dataclasses.replace(m, text=text[start : m.span[1]], span=(start, m.span[1]),
                                              role=m.role or text[start : prev.span[1]])
                continue
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            title_of_next = (m.role_only and nxt is not None and nxt.type == "person" and not nxt.role_only
                             and self._adjacent(text, m, nxt))
            if prev is not None and not title_of_next and self._adjacent(text, prev, m):
                # "name + title" unless the title introduces the next name ("سلال رئيس المؤسسة ... صنع الله")
                merged = self._merge(article, prev, m)
                if merged is not None:
                    out[-1] = merged
                    continue
            if m.type == "person" and not m.role_only:
                self._take_rank(article, m)
            out.append(m)
        return out

    def _demonym_group(self, text: str, group: Mention, m: Mention) -> bool:
        """A plural demonym right after a group noun, in the same case: "الجنود السعوديين"، "المتظاهرون العراقيون",
        not "اتهم المسؤولون الأمريكيين" (nominative subject, accusative object)."""
        if m.type != "group" or m.id is not None or m.country is None or text[group.span[1] : m.span[0]].strip():
            return False
        word, head = normalize_text(m.text), normalize_text(group.text)
        if word not in self._demonym_words:
            return False
        return not (head.endswith("ون") and word.endswith("ين") or head.endswith("ين") and word.endswith("ون"))

    @staticmethod
    def _locative(article: Article, start: int, end: int) -> bool:
        """Whether the words around a capital make it a place ("في القاهرة"، "بالقاهرة"، a dateline
        "الرياض - واس:") rather than its government ("قال إن القاهرة ترفض")."""
        text = article.text
        after = text[end : end + 3].lstrip(" ")
        if after[:1] in (":", "-", "–", "(") or after[:1].isdigit():
            return True  # a dateline
        i = start
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        inner = normalize_text(text[i:start]).lstrip("وف")
        if inner:
            return "ب" in inner or "ل" in inner
        words = normalize_text(text[max(0, start - 24) : start]).split()
        if not words:
            return False
        word = words[-1].lstrip("و")
        # "في القاهرة"، "بمدينة الرياض"، "العاصمة طرابلس": a preposition or a place noun before it
        return word in LOCATIVE_WORDS or word in PLACE_NOUNS \
            or word[:1] in "بل" and (word[1:] in PLACE_NOUNS or word[1:] in LOCATIVE_WORDS)  # "بإعلان القاهرة"

    def _adjacent(self, text: str, a: Mention, b: Mention) -> bool:
        gap = text[a.span[1] : b.span[0]]
        if "\n" in gap or len(gap) > self._max_gap:
            return False
        stripped = normalize_text(gap.strip(" ،,"))
        # "الرئيس اليمني السابق علي عبدالله صالح": a former title still names the person after it
        return not stripped or stripped in self.ranks or stripped in FORMER_WORDS

    def _merge(self, article: Article, a: Mention, b: Mention) -> Mention | None:
        role, name = (a, b) if a.role_only else (b, a)
        if not role.role_only or name.role_only or name.type != "person":
            return None
        s, e = min(a.span[0], b.span[0]), max(a.span[1], b.span[1])
        if normalize_text(article.text[a.span[1] : b.span[0]].strip(" ،,")) in FORMER_WORDS:
            return dataclasses.replace(name, text=article.text[s:e], span=(s, e), rank=name.rank,
                                       role=f"former {role.role}" if role.role else None, office=None)
        return dataclasses.replace(
            name, text=article.text[s:e], span=(s, e), role=role.role, office=role.office,
            country=name.country or role.country, sector=role.sector or name.sector,
            rank=name.rank, role_only=False, confidence=max(a.confidence, b.confidence),
        )

    def _take_rank(self, article: Article, m: Mention) -> None:
        before = normalize_text(article.text[max(0, m.span[0] - 16) : m.span[0]])
        for rank in self.ranks:
            if before.endswith(rank) and (len(before) == len(rank) or not before[-len(rank) - 1].isalpha()):
                m.rank = rank
                return
