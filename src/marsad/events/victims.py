"""Whom an attack hit when its verb names no one (or only a place): the dead and wounded a sentence counts
("مقتل 25 من X"، "X لقوا مصرعهم"), the actor holding a place attacked ("الخاضعة لسيطرة الحوثيين"), the foreign
country of a site attacked ("على محطتي ضخ نفط في المملكة"). Vocabulary: triggers.json (casualty_before,
casualty_after, control_phrases)."""

from __future__ import annotations

import bisect
import dataclasses

from marsad.entities.kb import KnowledgeBase
from marsad.events.lexicon import TriggerLexicon
from marsad.events.location import country_of
from marsad.events.markers import FROM, IN, ON, Arg
from marsad.events.triggers import RELATIVE_REACH, Hit, bare_conj
from marsad.model import Mention, Token
from marsad.text.normalize import normalize_text

ON_REACH = 8  # tokens after the trigger where على may open the site attacked
# words before من where the casualty word may stand ("إصابة ضابطين ومجند من قوة الأمن")
FROM_REACH = 3
# words between an explosion noun (or its relative verb) and the actor it hit ("استهدف أمس مسجد قوات الطوارئ")
STRUCK_GAP = 2
SITE_WORDS = 4  # words naming the site between على and في + its country ("على محطتي ضخ نفط في")
CASUALTY_PROCLITICS = ("", "و", "ب", "وب", "ل")  # "وبإعدام"، "لمقتل"


class VictimReader:
    """Reads a sentence's casualties and attacked places; ``starts``: the start offsets of ``tokens``."""

    def __init__(self, lexicon: TriggerLexicon, kb: KnowledgeBase | None) -> None:
        self.lexicon = lexicon
        self.kb = kb

    def target(self, tokens: list[Token], starts: list[int], hit: Hit, args: list[Arg], after: list[Arg],
               source: Mention, named: bool) -> Mention | None:
        """The actor an attack hit: a casualty, else the holder of the place attacked, else (when the verb
        ``named`` no target, not even a place) the foreign country of the site."""
        return self.victim(tokens, starts, args, source) or self.holder(tokens, starts, after, source) \
            or (None if named else self.site_country(tokens, starts, hit, after, source))

    def victim(self, tokens: list[Token], starts: list[int], args: list[Arg], source: Mention) -> Mention | None:
        """The first actor other than ``source`` the sentence reports killed, hurt or hit."""
        return next((m for m in self.victims(tokens, starts, args) if m is not source
                     and (m.id is None or m.id != source.id)), None)

    def victims(self, tokens: list[Token], starts: list[int], args: list[Arg]) -> list[Mention]:
        """The actors the sentence reports killed, hurt or hit ("مقتل 25 من X"، "خسائر في صفوف X"، "X قتلوا"), in
        order, each once."""
        lex = self.lexicon
        out: list[Mention] = []
        for i, a in enumerate(args):
            m = a.mention
            if m.is_place or not (m.country or m.id):
                continue
            ti = bisect.bisect_left(starts, m.span[0])
            back = [t.norm for t in tokens[max(0, ti - 5) : ti]][::-1]  # nearest first
            if len(back) > 1 and back[0] != FROM and back[1] == FROM:
                back = back[1:]  # "قتل 2 من رجال المقاومة": a noun of people between من and the name
            reach = 1
            also = False  # "مقتل 42 حوثيا، و9 مقاتلين من المقاومة": a count joined to a victim told before
            if back and (back[0] == FROM or back[0].isdigit()):  # "مقتل 25 من X"، "قتل مسلحان من X"
                if len(back) > 3 and back[0] == FROM and back[2].isdigit() and back[3] == "و":
                    also = bool(out)  # (the tokeniser splits a digit from the و before it)
                back = back[2:] if len(back) > 1 and back[1].isdigit() else back[1:]
                reach = FROM_REACH
            k = self._skip_hedge(tokens, bisect.bisect_left(starts, m.span[1]))
            if also or any(bare_conj(w) in lex.casualty_before for w in back[:reach]):
                victim = m
            elif k < len(tokens) and bare_conj(tokens[k].norm) in lex.casualty_after:
                j = i
                while j > 0 and args[j].conj and not args[j - 1].mention.is_place:
                    j -= 1  # "24 من ميليشيات الحوثي وعناصر صالح لقوا مصرعهم": the first of the pair
                victim = args[j].mention
            else:
                continue
            if victim not in out and (victim.id is None or all(victim.id != v.id for v in out)):
                out.append(victim)
        return out

    def nationals(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A singular demonym right after a casualty word names a person of that country, a civilian: "يهدد
        بإعدام كرواتي"، "مقتل أمريكي" (elsewhere it qualifies a noun: "الجيش الأمريكي")."""
        out = mentions
        for i, m in enumerate(mentions):
            if not m.adjective or m.type != "country" or normalize_text(m.text).startswith("ال"):
                continue
            before = normalize_text(text[max(0, m.span[0] - 16) : m.span[0]]).split()
            word = before[-1] if before else ""
            if not any(word[len(p) :] in self.lexicon.casualty_before for p in CASUALTY_PROCLITICS if word.startswith(p)):
                continue
            if out is mentions:
                out = list(mentions)
            out[i] = dataclasses.replace(m, type="person", id=None, name=None, name_ar=None, adjective=False,
                                         sector="CVL")
        return out

    def struck(self, tokens: list[Token], starts: list[int], hit: Hit, after: list[Arg]) -> Arg | None:
        """What an explosion noun names as hit, right after it or after the verb of its relative clause:
        "تفجير مسجد قوات الطوارئ"، "التفجير الإرهابي الذي استهدف أمس مسجد قوات الطوارئ"."""
        anchor = hit.end_tok
        rel = self.relative_after(tokens, hit)
        if rel is not None:
            anchor = rel + 2  # after the relative word and its verb
        a = next((a for a in after if not a.mention.is_place and a.mention.type != "country"), None)
        if a is None:
            return None
        return a if 0 <= bisect.bisect_left(starts, a.mention.span[0]) - anchor <= STRUCK_GAP else None

    def relative_after(self, tokens: list[Token], hit: Hit) -> int | None:
        """The index of a relative word right after a noun ("الانفجارين اللذين وقعا"), else None."""
        return next((j for j in range(hit.end_tok, min(len(tokens), hit.end_tok + RELATIVE_REACH))
                     if tokens[j].norm in self.lexicon.relatives), None)

    def _skip_hedge(self, tokens: list[Token], k: int) -> int:
        """The token after a hedge starting at ``k`` ("على الأقل"), else ``k``."""
        for hedge in self.lexicon.casualty_hedges:
            if tuple(t.norm for t in tokens[k : k + len(hedge)]) == hedge:
                return k + len(hedge)
        return k

    def holder(self, tokens: list[Token], starts: list[int], after: list[Arg], source: Mention) -> Mention | None:
        """The actor holding a place attacked: "على مدينة الحديدة الخاضعة لسيطرة الحوثيين" → the Houthis."""
        for a in after:
            m = a.mention
            if m.is_place or m is source:
                continue
            ti = bisect.bisect_left(starts, m.span[0])
            before = tuple(t.norm for t in tokens[max(0, ti - 4) : ti])
            if any(before[-len(p) :] == p for p in self.lexicon.control_phrases):
                return m
        return None

    def site_country(self, tokens: list[Token], starts: list[int], hit: Hit, after: list[Arg],
                     source: Mention) -> Mention | None:
        """A foreign country where the site attacked lies: "هجوم على محطتي ضخ نفط في المملكة" → Saudi Arabia."""
        on = next((j for j in range(hit.end_tok, min(len(tokens), hit.end_tok + ON_REACH))
                   if tokens[j].norm == ON), None)
        if on is None:
            return None
        a = next((a for a in after if a.mention.span[0] >= tokens[on].end), None)
        if a is None or a.marker != IN or bisect.bisect_left(starts, a.mention.span[0]) - on - 1 > SITE_WORDS:
            return None
        country = country_of(self.kb, a.mention)
        return country if country is not None and country.country != source.country else None
