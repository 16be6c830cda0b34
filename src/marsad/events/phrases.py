"""Actor phrases the knowledge base does not name: a head noun and what follows it, up to the phrase's end.

"استقبل المستشار بالديوان الملكي المشرف العام على مركز الملك سلمان ... د. عبدالله الربيعة أمس وزيرة الإعلام
اليمنية د. نادية السقاف": the linker finds pieces (a centre, a partial name, a demonym); the event coder needs the
two people. A phrase starts at a head (data/agents.json: phrase_heads and the single-word generic agents), runs
over genitives, adjectives and names, and stops at punctuation, a time expression, another trigger, a stop word
or a second head once the phrase already names its country. It takes:
- the name that ends it, when the last mention inside is a named person ("... د. عبدالله بن عبدالعزيز");
- else country from the first actor, country or place named inside, and sector from the head or, for positions
  ("مدير"، "المتحدث"، "الأمين العام"), from the organisation named inside ("مدير ... لمنظمة الصحة العالمية" = IGO).
The phrase replaces the mentions inside it as one argument of the event.
"""

from __future__ import annotations

import dataclasses
import json
from functools import lru_cache
from importlib import resources

from marsad.errors import DataError
from marsad.model import Mention, Token
from marsad.text.normalize import normalize_text

# Tokens a phrase may span (set on tests/eval/gold/events: the longest real title chain has 14 words).
MAX_PHRASE_TOKENS = 16
_PUNCT = frozenset("،,.:;؛!?()[]{}\n")  # not quotes: "تنظيم «داعش» الإرهابي" is one phrase
_ABBREVIATIONS = frozenset({"د", "م", "أ", "ا"})
NON_STATE_SECTORS = frozenset({"REB", "OPP", "PTY", "INS", "REL"})  # a patron's sector its followers share
HEAD_PROCLITICS = ("ول", "و", "ف", "ل")  # proclitics a phrase head may carry, longest first
LADA = "لدي"  # normalised لدى: "سفير خادم الحرمين الشريفين لدى اليمن" continues through it
MAX_NAME_WORDS = 4  # words of a name after the title ("محمد بن عبدالله همام")
MIN_SURNAME = 3  # letters of a family name that a later bare mention may repeat
FROM = "من"  # "وفد من حماس"، "مسلحين من حزب العمال الكردستاني": right after the head, من continues the phrase  # "د. نادية": the full stop of a title does not end a phrase


@dataclasses.dataclass(frozen=True)
class Head:
    sector: str
    kind: str
    inherit: bool  # a position: the sector of the organisation named inside wins


@dataclasses.dataclass(frozen=True)
class PhraseLexicon:
    heads: dict[str, Head]
    stops: frozenset[str]
    inside_preps: frozenset[str]
    inside_nouns: frozenset[str]
    conjoined: frozenset[str]  # "حكومة وشعب المملكة": و-words that continue a phrase
    local: frozenset[str] = frozenset()  # "الحكومة": naming no country, the government of the article's country
    patrons: frozenset[str] = frozenset()  # "القوات الموالية لهادي": the actor after them is the group's patron
    member_states: frozenset[str] = frozenset()  # "وزراء خارجية دول مجلس التعاون": the members' ministers
    state_groups: tuple[str, ...] = ()  # "وزراء خارجية دول الخليج": several states' officials, stateless


@lru_cache(maxsize=1)
def load_phrase_lexicon() -> PhraseLexicon:
    data = json.loads(resources.files("marsad.data").joinpath("agents.json").read_text(encoding="utf-8"))
    heads: dict[str, Head] = {}
    not_heads = {normalize_text(w) for w in data["phrase_not_heads"]}
    for agent in data["agents"]:
        phrase = normalize_text(agent["phrase"])
        if " " not in phrase and phrase not in not_heads:
            heads[phrase] = Head(agent["sector"], agent["kind"], False)
    for entry in data["phrase_heads"]:
        if entry.get("kind") not in ("person", "organization", "group") or not entry.get("sector"):
            raise DataError(f"agents.json: phrase head {entry!r} needs a kind and a sector")
        heads[normalize_text(entry["word"])] = Head(entry["sector"], entry["kind"], bool(entry.get("inherit")))
    inside = data["phrase_inside"]
    return PhraseLexicon(
        heads=heads,
        stops=frozenset(normalize_text(w) for w in data["phrase_stops"]),
        inside_preps=frozenset(normalize_text(w) for w in inside["prepositions"]),
        inside_nouns=frozenset(normalize_text(w) for w in inside["nouns"]),
        conjoined=frozenset(normalize_text(w) for w in data["phrase_conjoined"]),
        patrons=frozenset(normalize_text(w) for w in data.get("phrase_patrons", [])),
        local=frozenset(normalize_text(w) for w in data.get("local_organizations", [])),
        member_states=frozenset(normalize_text(w) for w in data.get("phrase_member_states", [])),
        state_groups=tuple(f" {normalize_text(w)} " for w in data.get("phrase_state_groups", [])),
    )


class PhraseFinder:
    """Builds actor phrases in one sentence; see the module docstring."""

    def __init__(self, lexicon: PhraseLexicon | None = None, rank_words: frozenset[str] = frozenset()) -> None:
        self.lex = lexicon or load_phrase_lexicon()
        self.rank_words = rank_words
        # the article's titled names the knowledge base lacks, by family name (normalised): "محافظ البنك المركزي
        # اليمني محمد همام" told, a later "هددوا همام" is the governor
        self.surnames: dict[str, Mention] = {}

    def reset(self) -> None:
        """Forget the names of the previous article."""
        self.surnames = {}

    def head(self, tok: Token) -> Head | None:
        lex = self.lex.heads
        split = self._split_head(tok.norm)
        return lex[tok.norm[split:]] if split is not None else None

    def _split_head(self, word: str) -> int | None:
        """The length of the proclitics before a head word ("والمقاومة"، "لوزراء"), or None when it is no head."""
        lex = self.lex.heads
        if word in lex:
            return 0
        return next((len(p) for p in HEAD_PROCLITICS if word.startswith(p) and word[len(p) :] in lex), None)

    @staticmethod
    def _name_follows(tokens: list[Token], j: int, mentions: list[Mention], mi: int) -> bool:
        """A named person starts within two words of token ``j`` ("اليمنية د. نادية السقاف"), or لدى
        continues the title ("سفير خادم الحرمين الشريفين لدى اليمن")."""
        if j < len(tokens) and tokens[j].norm == LADA:
            return True
        nxt = next((m for m in mentions[mi:] if m.span[0] >= tokens[j].start), None) if j < len(tokens) else None
        return nxt is not None and _named(nxt) and j + 2 < len(tokens) and nxt.span[0] <= tokens[j + 2].start

    @staticmethod
    def _appositive(text: str, tok: Token, before: list[Mention]) -> bool:
        """"محمد بن سلمان ولي ولي العهد ووزير الدفاع": a title joined by و right after a name is the name's."""
        if tok.norm[:1] != "و" or not before or not _named(before[-1]):
            return False
        return text[before[-1].span[1] : tok.start].strip(" ،,") == ""

    def _governs(self, tok: Token) -> bool:
        """A head word before this one ("لرئيس مجلس الوزراء"): the word is inside a larger title."""
        word = tok.norm
        return word in self.lex.heads or any(word.startswith(p) and word[len(p) :] in self.lex.heads
                                             for p in ("ل", "ب", "و", "ول", "وب"))

    def apply(self, text: str, tokens: list[Token], mentions: list[Mention], blocked: list[tuple[int, int]],
              triggers: list[tuple[int, int]]) -> list[Mention]:
        """The sentence's mentions with actor phrases in place of the mentions they contain.

        ``blocked``: spans a phrase never enters (time expressions); ``triggers``: trigger spans (a phrase stops
        before one)."""
        if self.surnames:
            mentions = self._recall(text, tokens, mentions)
        out: list[Mention] = []
        mi = 0
        ti = 0
        n = len(tokens)
        while ti < n:
            tok = tokens[ti]
            while mi < len(mentions) and mentions[mi].span[1] <= tok.start:
                out.append(mentions[mi])
                mi += 1
            inside = mi < len(mentions) and mentions[mi].span[0] < tok.end
            generic = inside and (mentions[mi].agent or mentions[mi].role_only and mentions[mi].id is None)
            head = None if inside and not generic else self.head(tok)
            if head is None or _in(tok.start, blocked) or _in(tok.start, triggers) \
                    or ti > 0 and self._governs(tokens[ti - 1]) or self._appositive(text, tok, out):
                ti += 1
                continue
            end_ti, inner = self._extent(text, tokens, ti, mentions, mi, blocked, triggers)
            loyal = self._loyal(text, tokens, ti, end_ti, head, inner)
            if loyal is not None:
                out.append(loyal)
                while mi < len(mentions) and mentions[mi].span[0] < loyal.span[1]:
                    mi += 1
                while ti < n and tokens[ti].start < loyal.span[1]:
                    ti += 1
                continue
            # "وزراء خارجية السعودية والولايات المتحدة": coreference made each country its minister
            holders = head.kind == "group" and bool(inner) and inner[0].type == "person" and inner[0].office
            phrase = None if holders else self._phrase(text, tokens, ti, end_ti, head, inner)
            if phrase is None:
                ti += 1
                continue
            out.append(phrase)
            if phrase.type == "person" and phrase.id is None and phrase.country is not None:
                self._remember(tokens, ti, end_ti, inner, phrase)
            while mi < len(mentions) and mentions[mi].span[0] < phrase.span[1]:
                mi += 1
            ti = end_ti
        out.extend(mentions[mi:])
        return out

    def _remember(self, tokens: list[Token], ti: int, end_ti: int, inner: list[Mention], phrase: Mention) -> None:
        """Keep the family name of a titled name the phrase ends with: two to four words with no article after the
        last country or organisation named inside ("محافظ البنك المركزي اليمني محمد همام")."""
        if not inner or inner[-1].type not in ("country", "organization", "group"):
            return
        name = [t for t in tokens[ti + 1 : end_ti] if t.start >= inner[-1].span[1]]
        if not 2 <= len(name) <= MAX_NAME_WORDS or any(t.norm.startswith("ال") or t.norm in self.rank_words
                                                       or t.norm in self.lex.stops or self.head(t) is not None
                                                       for t in name):
            return
        surname = name[-1].norm
        if len(surname) >= MIN_SURNAME:
            self.surnames[surname] = phrase

    def _recall(self, text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """The sentence's mentions with the family names remembered from earlier phrases ("هددوا همام") added."""
        added = []
        for tok in tokens:
            key = tok.norm if tok.norm in self.surnames else tok.norm[1:] if tok.norm[:1] == "و" else ""
            named = self.surnames.get(key)
            if named is None or any(m.span[0] < tok.end and tok.start < m.span[1] for m in mentions):
                continue
            start = tok.start + (key != tok.norm)
            added.append(dataclasses.replace(named, text=text[start : tok.end], span=(start, tok.end), confidence=0.5))
        return sorted(mentions + added, key=lambda m: m.span) if added else mentions

    def _extent(self, text: str, tokens: list[Token], ti: int, mentions: list[Mention], mi: int,
                blocked: list[tuple[int, int]], triggers: list[tuple[int, int]]) -> tuple[int, list[Mention]]:
        """Index of the token after the phrase starting at ``ti``, and the mentions inside it."""
        inner: list[Mention] = []
        j = ti + 1
        has_country = False
        while j < len(tokens) and j - ti < MAX_PHRASE_TOKENS:
            tok = tokens[j]
            gap = text[tokens[j - 1].end : tok.start]
            if any(c in _PUNCT for c in gap) and not (gap.strip() == "." and tokens[j - 1].norm in _ABBREVIATIONS):
                break
            if _in(tok.start, blocked) or _in(tok.start, triggers):
                break
            while mi < len(mentions) and mentions[mi].span[1] <= tok.start:
                mi += 1
            m = mentions[mi] if mi < len(mentions) and mentions[mi].span[0] <= tok.start else None
            if m is not None:
                if m.type == "place" and j > ti + 1 and not _genitive(tokens[j]):
                    break  # a place right after the head ("محافظ عدن") or in the genitive belongs to the phrase
                if m.type in ("country", "place") and has_country and not m.adjective and not _genitive(tokens[j]) \
                        and tokens[j - 1].norm != LADA:
                    break  # "وفد من حماس المملكة": a second country is another argument
                inner.append(m)
                has_country = has_country or m.country is not None
                first_tok = j
                while j < len(tokens) and tokens[j].start < m.span[1]:
                    j += 1
                mi += 1
                if _named(m) and first_tok > ti + 1:
                    break  # the name ends the phrase; one right after the head is its principal (سفير خادم الحرمين)
                if m.type in ("country", "place") and not self._name_follows(tokens, j, mentions, mi):
                    break  # "وفد من حماس المملكة": a country closes the phrase unless the person's name follows
                continue
            word = tok.norm
            if word == FROM and j == ti + 1:
                j += 1
                continue
            if word in self.lex.stops:
                break
            if word == LADA:
                j += 1
                continue
            if word in self.lex.inside_preps:
                if j + 1 < len(tokens) and tokens[j + 1].norm in self.lex.inside_nouns:
                    j += 1
                    continue
                break
            if word[:1] == "ب" and _strip_b(word) not in self.lex.inside_nouns:
                break  # "المتمردين باحترام الهدنة"; but "وزير الخارجية بجمهورية مصر"
            if word in self.lex.conjoined:
                j += 1
                continue
            if word[:1] == "و" and word[1:] not in ("لي",) and len(word) > 3:
                break  # a conjunction: "الأمين العام ومبعوثه" are two actors
            if has_country and self.head(tok) is not None and not _genitive(tok):
                break  # a second actor: "وزير الخارجية اليمني رئيس الوفد"
            j += 1
        return j, inner

    def _head_start(self, tokens: list[Token], ti: int) -> int:
        """Where the actor of a phrase headed by token ``ti`` starts: "والمقاومة الشعبية"، "لوزراء خارجية": the
        proclitics are not part of the actor (the coder reads them)."""
        return tokens[ti].start + (self._split_head(tokens[ti].norm) or 0)

    def _loyal(self, text: str, tokens: list[Token], ti: int, end_ti: int, head: Head,
               inner: list[Mention]) -> Mention | None:
        """"القوات الموالية للرئيس عبد ربه منصور هادي"، "معسكر اللواء 35 الموالي لصالح": a group whose patron
        follows it acts in the patron's country, in the patron's sector when that is not a state's (forces loyal to
        the Houthis are rebels)."""
        if head.kind != "group":
            return None
        k = next((k for k in range(ti + 1, end_ti - 1) if tokens[k].norm in self.lex.patrons
                  and _genitive(tokens[k + 1])), None)
        if k is None:
            return None
        patron = next((m for m in inner if m.span[0] >= tokens[k + 1].start), None)
        if patron is None or patron.country is None:
            return None
        sector = patron.sector if patron.sector in NON_STATE_SECTORS else head.sector
        start = self._head_start(tokens, ti)
        return Mention(text=text[start : patron.span[1]], span=(start, patron.span[1]), type="group",
                       country=patron.country, sector=sector, confidence=0.6)

    def _phrase(self, text: str, tokens: list[Token], ti: int, end_ti: int, head: Head,
                inner: list[Mention]) -> Mention | None:
        start, end = self._head_start(tokens, ti), tokens[end_ti - 1].end
        last = inner[-1] if inner else None
        if last is not None and _named(last) and last.span[1] == end and last.span[0] > tokens[ti].end + 1:
            # "وزيرة الإعلام اليمنية د. نادية السقاف": the named person, titled by the phrase
            return dataclasses.replace(last, text=text[start:end], span=(start, end),
                                       role=last.role or text[start : last.span[0]].strip(" ،,"),
                                       country=last.country or _first_country(inner),
                                       sector=last.sector or head.sector)
        first = inner[0] if inner else None
        after_head = ti + 1  # past من and heads of organisations: "وفد من حركة «حماس»" is Hamas's
        while after_head + 1 < end_ti and (tokens[after_head].norm == FROM or (
                (h := self.head(tokens[after_head])) is not None and h.kind != "person")):
            after_head += 1
        if first is not None and head.kind != "person" and first.id and first.type in ("organization", "group") \
                and first.span[0] <= tokens[after_head].start:
            # "تنظيم داعش"، "حركة حماس": the head names the kind of a known organisation
            return dataclasses.replace(first, text=text[start : first.span[1]], span=(start, first.span[1]))
        if end_ti - ti == 1 and head.kind == "person":
            return None  # a bare title: the generic agent already stands for it
        country = _first_country(inner)
        sector = head.sector
        if first is not None and first.agent and first.span[0] == start and first.sector:
            sector = first.sector  # "قوات الطوارئ": a generic agent longer than the head knows its sector
        if first is not None and first.sector == "IGO" and first.span[0] <= tokens[ti + 1].start:
            country, sector = None, "IGO"  # "مبعوث الأمين العام للأمم المتحدة": the UN's, not Korea's
        members = False  # "وزراء خارجية دول مجلس التعاون": the member states' governments, named though stateless
        if head.inherit:
            # a named organisation, else a generic one of another sector ("دائرة الإرهاب في محكمة الجنايات")
            org = next((m for m in inner if m.type in ("organization", "group") and m.sector and not m.agent),
                       next((m for m in inner if m.agent and m.sector not in (None, head.sector)), None))
            before_org = next((t.norm for t in reversed(tokens[ti:end_ti]) if t.end <= org.span[0]), "") \
                if org is not None else ""
            members = before_org in self.lex.member_states
            if org is not None and not members:
                sector, country = org.sector, org.country or country
        if country is None and any(g in f" {normalize_text(text[start:end])} " for g in self.lex.state_groups):
            members = True
        return Mention(text=text[start:end], span=(start, end), type=head.kind, country=country, sector=sector,
                       role=text[start:end] if head.kind == "person" else None,
                       agent=country is None and sector != "IGO" and not members,
                       confidence=0.6 if country else 0.4)


def _strip_b(word: str) -> str:
    """The word without the preposition ب (بالديوان -> الديوان، بجمهورية -> جمهورية)."""
    return word[1:]


def _named(m: Mention) -> bool:
    return m.type == "person" and not m.role_only and not m.agent


def _first_country(inner: list[Mention]) -> str | None:
    return next((m.country for m in inner if m.country), None)


def _genitive(tok: Token) -> bool:
    """A word with the genitive ل/لل ("لهيئة الإغاثة", "للأمم المتحدة")."""
    return tok.norm[:1] == "ل" and tok.norm[:2] != "لا"


def _in(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
