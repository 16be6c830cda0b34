"""What governs an argument of an event: the preposition before a mention ("بخليفة حفتر"، "مع"، "إلى"), carried by
a rank ("بالمشير") or a place noun ("في محافظة لحج"), passed on by a count ("عن 20 أسيرا من X") or by a noun
governing it ("بزيارة الأمير محمد"، "بدور مصر")."""

from __future__ import annotations

import bisect
import dataclasses

from marsad.entities.coref import clitic_word_re
from marsad.entities.vocabulary import PLACE_NOUNS, load_lexicon
from marsad.events.lexicon import TriggerLexicon
from marsad.events.triggers import CONJUNCTIONS, Hit
from marsad.model import Article, Mention, Token
from marsad.text.normalize import normalize_text

FROM = "من"
IN = "في"
BAYNA = "بين"
WITH = "مع"
SIDE = ("من", "جهه")  # "بين X وY من جهة، وZ من جهة أخرى": the first side ends at من جهة
AGAINST = "ضد"  # the marker of the actor after a word of against_words ("مناهضة للحكومة")
LEADER = "leader"  # the marker of a name after برئاسة/بقيادة
DEFENDED = "defended"  # the marker of an actor after "دفاعا عن": no frame takes it as a target
ABOUT = "عن"
ON = "علي"  # على, normalised
VICTIM = "victim"  # the marker of an actor after a casualty noun carrying ب/ل ("يهدد بإعدام كرواتي")
# Prepositions written on a noun and the marker they give its genitive ("بدور مصر" -> ب، "للجهود" -> ل).
PREP_PROCLITICS = (("وب", "ب"), ("ب", "ب"), ("لل", "ل"), ("ول", "ل"), ("ل", "ل"))


@dataclasses.dataclass
class Arg:
    """A mention as an argument: the marker that governs it."""

    mention: Mention
    marker: str  # "" (no preposition), "ب", "ل", "مع", "الى", "من", "بين" ...
    conj: bool = False  # joined to the previous words by و ("مصر والسعودية")
    via: str = ""  # the proclitic of a verbal noun governing it: "رحب بزيارة الأمير محمد" reaches MBS through ب


class MarkerReader:
    """Reads the marker of each mention of a sentence (the coder's argument attachment works on markers)."""

    def __init__(self, lexicon: TriggerLexicon, ranks: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.ranks = ranks
        self.verb_ends: set[int] = set()  # the last token of each verb trigger of the sentence being read
        counterparts = load_lexicon().counterpart
        # "نظيره"، "بنظيرهم" (group 1: the proclitics)
        self._counterpart = clitic_word_re(counterparts) if counterparts else None
        # via nouns with a preposition attached -> the preposition ("بدور" -> "ب", "للجهود" -> "ل")
        self._via_forms = {prefix + noun: marker for noun in lexicon.via_nouns for prefix, marker in PREP_PROCLITICS}

    def marker(self, article: Article, tokens: list[Token], starts: list[int], m: Mention) -> tuple[str, bool]:
        """The preposition governing a mention (its own proclitic, بخليفة, or the word before it, مع، إلى) and
        whether it is coordinated by و."""
        ti = bisect.bisect_right(starts, m.span[0]) - 1
        if ti < 0:
            return "", False
        tok = tokens[ti]
        inner = normalize_text(article.text[tok.start : m.span[0]]) if tok.start < m.span[0] else ""
        if not inner and m.is_place:
            # "في محافظة لحج"، "بمدينة مأرب": the preposition governs the place noun, and through it the name
            j = ti - 1
            while j >= 0 and ti - j <= 2:
                prefix, noun = _bare_prep(tokens[j].norm)
                if noun not in PLACE_NOUNS:
                    break
                if prefix:
                    return prefix, False
                j -= 1
            if j < ti - 1 and j >= 0 and tokens[j].norm in self.lexicon.prepositions:
                return tokens[j].norm, False
        if not inner:
            j = ti - 1
            # a rank before the name may carry the preposition ("بالمشير خليفة حفتر") or the و ("ونظيره")
            rank_conj = False
            while j >= 0 and self.rank_prefix(tokens[j]) is not None:
                inner = self.rank_prefix(tokens[j]) or ""
                rank_conj = rank_conj or tokens[j].norm[:1] == "و"
                if inner:
                    break
                j -= 1
            if rank_conj and not inner:
                return "", True
            if not inner:
                if j < 0:
                    return "", False
                prev = tokens[j].norm
                conj = prev[:1] in CONJUNCTIONS and prev[1:] in self.lexicon.prepositions
                if conj:
                    prev = prev[1:]
                if prev in self.lexicon.verb_prepositions and j == 0:
                    return "", False  # "وعبر الوزير عن ...": the sentence's first word is the verb عبّر
                if prev == FROM and not conj:
                    outer = self._partitive(tokens, j)
                    if outer is not None:
                        return outer, False
                if prev == ABOUT and self._defence(tokens, j):
                    return DEFENDED, conj
                if prev in self.lexicon.prepositions:
                    return prev, conj
                if prev in self.lexicon.leader_markers:
                    return LEADER, False  # never an object: "وفد حماس برئاسة خالد مشعل" is Hamas's delegation
                if prev[:1] in ("ب", "ل") and prev[1:] in self.lexicon.casualty_before:
                    return VICTIM, False  # the one killed or abducted: never a verb's subject
                if j > 0 and tokens[j - 1].norm == ABOUT and self._defence(tokens, j - 1):
                    return DEFENDED, False  # "للدفاع عن مقاتلين سوريين": the demonym of the defended
                return "", prev == "و"
        inner = inner.rstrip()
        conj = inner[:1] in CONJUNCTIONS
        if conj:
            inner = inner[1:]
        for prefix, marker in (("لل", "ل"), ("ب", "ب"), ("ل", "ل"), ("ك", "ك")):
            if inner.startswith(prefix):
                return marker, conj
        return "", conj

    def _partitive(self, tokens: list[Token], j: int) -> str | None:
        """"عن 20 أسيرا من القوات الحكومية"، "على 300 من مؤيدي ...": the preposition before a count of people
        governs the group they are from (``j``: the index of من); a count right after a verb leaves the group
        bare, the verb's subject or object ("وأسروا عدداً من مقاتلي المتمردين"، "نزل المئات من الجنود")."""
        k = j - 1
        counted = False
        while k >= 0 and j - k <= 2:
            word = tokens[k].norm
            if word.isdigit() or word in self.lexicon.quantity_words or word.endswith("ا") and len(word) > 3 \
                    and k not in self.verb_ends:
                counted = True
                k -= 1
                continue
            break
        if not counted or k < 0 or tokens[k].norm == FROM:
            return None
        if tokens[k].norm in self.lexicon.prepositions:
            return tokens[k].norm
        return "" if k in self.verb_ends else None

    def _defence(self, tokens: list[Token], j: int) -> bool:
        """Whether the عن at ``j`` follows a word of defence_words, maybe quoted ("«للدفاع» عن مجموعة")."""
        k = j - 1
        while k >= 0 and j - k <= 2 and not tokens[k].norm.isalnum():
            k -= 1
        return k >= 0 and tokens[k].norm in self.lexicon.defence_words

    def rank_prefix(self, tok: Token) -> str | None:
        """The proclitics on a rank word ("" for a bare rank), or None when the token is not a rank; a counterpart
        word counts as one ("مع نظيرهم الأمريكي جون كيري": مع governs the name)."""
        counterpart = self._counterpart.fullmatch(tok.norm) if self._counterpart is not None else None
        if counterpart is not None:
            return counterpart.group(1).lstrip("وف")  # the proclitic the counterpart word carries (بنظيره -> ب)
        for prefix in ("", "و", "ب", "وب", "ل", "ول"):
            if tok.norm.startswith(prefix) and tok.norm[len(prefix) :] in self.ranks:
                return prefix.lstrip("و")
            if tok.norm.startswith(prefix + "ال") and prefix and ("ال" + tok.norm[len(prefix) + 2 :]) in self.ranks:
                return prefix.lstrip("و")
        return None

    def via(self, tokens: list[Token], starts: list[int], m: Mention, governed: dict[int, str]) -> str:
        """The preposition on the noun governing the mention: "ب" for the genitive of a verbal noun carrying ب
        (بزيارة الأمير محمد) or of a noun of via_nouns ("بدور مصر"، "على جهود السعودية"), else ""."""
        ti = bisect.bisect_left(starts, m.span[0])
        if 0 < ti and m.span[0] < tokens[ti - 1].end and ti - 1 in governed:
            return governed[ti - 1]  # the mention starts inside a token after a governing noun: "مناهضة للحكومة"
        while ti > 0 and self.rank_prefix(tokens[ti - 1]) is not None:
            ti -= 1
        return governed.get(ti, "")

    @staticmethod
    def between(tokens: list[Token], starts: list[int], after: list[Arg]) -> tuple[Arg | None, Arg | None]:
        """The two sides of "بين X وY": the first actor after بين and the next one joined by و; where the first
        side is closed by "من جهة" ("بين المقاومة والجيش من جهة، والحوثيين"), the first one joined after it."""
        first = next((a for a in after if a.marker == BAYNA and not a.mention.is_place), None)
        if first is None:
            return None, None
        later = [b for b in after if b.mention.span[0] > first.mention.span[1] and b.conj and not b.mention.is_place]
        if not later:
            return first, None
        ti = bisect.bisect_left(starts, first.mention.span[1])
        last = bisect.bisect_left(starts, later[-1].mention.span[0])
        side_end = next((tokens[k + 1].end for k in range(ti, last - 1)
                         if (tokens[k].norm, tokens[k + 1].norm) == SIDE), None)
        if side_end is not None:
            return first, next((b for b in later if b.mention.span[0] > side_end), later[0])
        return first, later[0]

    def summit_sides(self, tokens: list[Token], hit: Hit, after: list[Arg], window_end: int) -> tuple[Arg, Arg | None] | None:
        """Source and target of a summit named by a noun ("القمة العربية الأوروبية برئاسة السيسي"، "قمة جدة بمشاركة
        بايدن وقادة دول الخليج"): its chair alone, else its first two participants."""
        leader = next((a for a in after if a.marker == LEADER), None)
        if leader is not None:
            return leader, None
        named = self.participants(tokens, hit, after, set(), window_end, members=True)
        if not named:
            return None
        return Arg(named[0], ""), (Arg(named[1], "") if len(named) > 1 else None)

    def participants(self, tokens: list[Token], hit: Hit, after: list[Arg], exclude: set[int],
                     window_end: int, members: bool = False) -> list[Mention]:
        """The actors after a participant marker ("بحضور"، "بمشاركة"), or with ``members`` a verb listing a
        meeting's members ("يضم"، "الذي جمع"), in the trigger's window, but those of ``exclude`` (ids of the source
        and target mentions)."""
        markers = self.lexicon.participant_markers | self.lexicon.member_markers if members \
            else self.lexicon.participant_markers
        marker_pos = next((t.end for t in tokens[hit.end_tok :] if t.start < window_end
                           and t.norm in markers), None)
        if marker_pos is None:
            return []
        return [a.mention for a in after
                if a.mention.span[0] >= marker_pos and not a.mention.is_place and id(a.mention) not in exclude]

    def governed(self, tokens: list[Token], hits: list[Hit]) -> dict[int, str]:
        """Token index -> preposition, for the tokens right after a noun governed by a preposition."""
        governed = {h.end_tok: "ب" for h in hits if h.trigger.tense == "noun" and governed_noun(tokens[h.start_tok].norm)}
        via, forms, preps = self.lexicon.via_nouns, self._via_forms, self.lexicon.prepositions
        last = len(tokens) - 1
        for i, tok in enumerate(tokens[:-1]):
            word = tok.norm
            if word in via and i > 0 and tokens[i - 1].norm in preps:
                marker = tokens[i - 1].norm  # "أثنى على جهود"
            elif word in forms:
                marker = forms[word]  # "بدور مصر"
            elif word in self.lexicon.against_words:
                marker = AGAINST  # "مظاهرات مناهضة للحكومة"
            else:
                continue
            j = i + 1
            while j < last and tokens[j].norm[:1] == "و" and tokens[j].norm[1:] in via:
                j += 1  # "لشعب وحكومة المملكة": a coordinated noun shares the preposition
            governed.setdefault(j, marker)
            if tokens[j].norm == IN and j < last:
                governed.setdefault(j + 1, marker)  # "للقيادة في المملكة": the leadership in the kingdom
        return governed


def _bare_prep(word: str) -> tuple[str, str]:
    """(preposition, rest) of a place noun carrying ب/ل (and و) proclitics (وبمحافظة -> ("ب", "محافظه"))."""
    for prefix, marker in (*PREP_PROCLITICS, ("و", "")):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2 and word[len(prefix) :] in PLACE_NOUNS:
            return marker, word[len(prefix) :]
    return "", word


def governed_noun(word: str) -> bool:
    """A verbal noun carrying the preposition ب (بزيارة، وبالاتفاق)."""
    return word[:1] == "ب" or word[:2] == "وب"
