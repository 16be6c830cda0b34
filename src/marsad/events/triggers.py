"""Trigger detection: one Aho-Corasick pass finds candidate sentences, then each sentence's tokens are matched
against the lexicon with their proclitics (و ف س), required co-words and light verbs."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import ahocorasick

from marsad.events.lexicon import Trigger, TriggerLexicon
from marsad.model import Article, Token

CONJUNCTIONS = ("و", "ف")
FUTURE = "س"
# Proclitic chains a verbal noun may carry ("الاحتجاجات"، "بزيارة"، "والاشتباكات"، "للقاء"); verbs never take them.
NOUN_PREFIXES = ("وبال", "فال", "وال", "بال", "لل", "ال", "وب", "ول", "ب", "ل")
MAX_PREFIX = max(len(p) for p in NOUN_PREFIXES)
# Pronoun suffixes on a verbal noun ("زيارته"، "لقائه"، "اجتماعهما"): the noun's subject is someone named before.
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")
MAX_SUFFIX = max(len(p) for p in PRONOUN_SUFFIXES)
SUFFIX_INITIALS = frozenset(p[0] for p in PRONOUN_SUFFIXES)
TA_MARBUTA, TA = "ه", "ت"  # normalised ة, and the ت it is written as before a suffix ("زيارة"، "زيارته")
# Types whose verb after a relative and a resumptive pronoun is read otherwise: "الهجوم الذي قتل فيه 20 شخصا" is a
# passive, "المبلغ الذي تدين به اليونان" a debt.
UNRESUMED = frozenset({"ASSAULT", "ACCUSE"})
RELATIVE_REACH = 4  # words between an antecedent noun and its الذي/التي ("الهجوم الإرهابي الذي")
BEFORE_REACH = 3  # words before a trigger where its required noun may stand ("ألغام زرعتها"، "الحصار المشدد الذي يفرضه")


@dataclasses.dataclass
class Hit:
    trigger: Trigger
    start_tok: int  # index of the first token of the trigger
    end_tok: int  # index after the last token
    future: bool
    resume: int = 0  # where the next trigger may start (after a light verb's required noun)
    pronoun: bool = False  # a verbal noun with a pronoun suffix ("زيارته"): its subject is an antecedent
    definite: bool = False  # a verbal noun with the article ("الاستقبال"): it cannot take a genitive subject
    relative: bool = False  # "الهجوم الذي شنته الميليشيا": a verb whose object is the antecedent, subject after
    head: tuple[int, int] | None = None  # token range of a light verb's noun when it is a trigger itself
    required_end: int = 0  # after the required word found after the trigger ("وصف ... بالتاريخية"); 0: none
    # "الاتفاق الذي توسطت فيه موسكو": a verb after a relative, then a preposition whose pronoun is the antecedent
    resumed: bool = False
    conj: bool = False  # the first token carries و/ف ("ويتعاون"، "وسيلتقي"); not a form starting with و ("وصل")


class TriggerFinder:
    """Finds trigger words in the text and trigger hits in a sentence's tokens."""

    def __init__(self, lexicon: TriggerLexicon) -> None:
        self.lexicon = lexicon
        self.automaton = trigger_automaton(lexicon)
        self.after_preposition = lexicon.prepositions | lexicon.nominal_cues

    def positions(self, article: Article) -> list[int]:
        """Text offsets of words that may be triggers: one Aho-Corasick pass over the normalised text."""
        norm = article.norm
        out = []
        for last, length in self.automaton.iter(norm):
            end = last + 1
            if end < len(norm) and norm[end].isalpha():
                if norm[end] not in SUFFIX_INITIALS:
                    continue
                we = end
                while we < len(norm) and norm[we].isalpha() and we - end <= MAX_SUFFIX:
                    we += 1
                if norm[end:we] not in PRONOUN_SUFFIXES:
                    continue  # inside a longer word; but "زيارته"، "مصر التي وصلها" carry a pronoun
            start = end - length
            ws = start
            while ws > 0 and norm[ws - 1].isalpha():
                ws -= 1
            if start - ws > MAX_PREFIX:
                continue
            out.append(article.norm_offsets[ws])
        return out

    def find(self, tokens: list[Token], t0: int, t1: int) -> list[Hit]:
        hits = []
        lex = self.lexicon
        i = t0
        while i < t1:
            hit = None
            # where a light verb's noun may stand before it: further back across a relative ("الجريمة الإرهابية
            # البشعة التي نفذها")
            reach = RELATIVE_REACH + 1 if i > t0 and tokens[i - 1].norm in lex.relatives else BEFORE_REACH
            b0 = max(t0, i - reach)
            matched = ""
            # "على رفض مصر"، "جراء قصف المخيم": after a preposition a verb's form is its verbal noun
            nominal = i > t0 and tokens[i - 1].norm in self.after_preposition
            for cand, future, noun, pronoun, definite in self._candidates(tokens[i].norm):
                matched = cand
                noun = noun or nominal
                forms = lex.multi.get(cand)
                if forms:
                    for form, trigs in forms.items():
                        n = trigs[0].words
                        if i + n <= t1 and " ".join([cand] + [t.norm for t in tokens[i + 1 : i + n]]) == form:
                            found = self._satisfied(trigs, tokens, i + n, t1, future, noun, b0, i)
                            if found is not None:
                                hit = Hit(found[0], i, i + n, future, found[1], pronoun=pronoun,
                                          definite=definite, required_end=found[2])
                                break
                if hit is None and cand in lex.single:
                    found = self._satisfied(lex.single[cand], tokens, i + 1, t1, future, noun, b0, i)
                    if found is not None:
                        hit = Hit(found[0], i, i + 1, future, found[1], pronoun=pronoun, definite=definite,
                                  required_end=found[2])
                if hit:
                    break
            if i > t0 and tokens[i - 1].norm in lex.relatives:
                if hit is None:
                    hit = self._relative(tokens, i, t0)
                elif hit.trigger.tense != "noun" and tokens[i].norm.endswith(PRONOUN_SUFFIXES):
                    hit.relative = True  # a form listed with its suffix ("شنته"، "نفذها")
                elif hit.trigger.tense != "noun" and hit.trigger.type not in UNRESUMED and hit.end_tok < t1 \
                        and tokens[hit.end_tok].norm in lex.resumptives:
                    hit.resumed = True  # "الاتفاق الذي توسطت فيه موسكو"
            if hit:
                hit.conj = hit.trigger.tense != "noun" and bare_conj(tokens[i].norm) != tokens[i].norm \
                    and not tokens[i].norm.startswith(matched)
                if hit.resume > hit.end_tok:
                    # "أجرى ... اتصالا هاتفيا": the noun, when it is a trigger itself, names the event
                    noun = self.find(tokens, hit.resume - 1, min(t1, hit.resume + 2))
                    if noun and noun[0].start_tok == hit.resume - 1:
                        hit.head = (noun[0].start_tok, noun[0].end_tok)
                        hit.resume = max(hit.resume, noun[0].end_tok)
                hits.append(hit)
                i = max(hit.end_tok, hit.resume)
            else:
                i += 1
        return hits

    def _relative(self, tokens: list[Token], i: int, t0: int) -> Hit | None:
        """"الهجوم الذي شنته ميليشيا الحوثي"، "حظر التجول الذي فرضته السلطات": a verb with an object pronoun after
        a relative pronoun; a light verb's required noun is the antecedent, just before the relative."""
        word = tokens[i].norm
        for suffix in PRONOUN_SUFFIXES:
            if not word.endswith(suffix) or len(word) - len(suffix) < 2:
                continue
            stem = word[: -len(suffix)]
            stem = stem[1:] if stem[:1] in CONJUNCTIONS and stem[1:] in self.lexicon.single else stem
            for trig in self.lexicon.single.get(stem, ()):
                if trig.tense == "noun" or not trig.frame.pronoun_object:
                    continue
                if trig.requires:
                    before = tokens[max(t0, i - 1 - RELATIVE_REACH) : i - 1]
                    if not any(_bare(t.norm) in trig.requires or t.norm in trig.requires for t in before):
                        continue
                return Hit(trig, i, i + 1, False, i + 1, relative=True)
        return None

    @staticmethod
    def _satisfied(trigs: list[Trigger], tokens: list[Token], after: int, t1: int,
                   future: bool, noun: bool = False, b0: int = 0, b1: int = 0) -> tuple[Trigger, int, int] | None:
        """The first trigger whose conditions hold (tense for the future proclitic, a required following word),
        with where the next trigger may start and the index of the token after its required word when it follows
        (else 0): "شنت طائرات التحالف غارات" is one event, so the light verb absorbs its noun (غارات is not a
        second trigger)."""
        for trig in trigs:
            if future and trig.tense != "present" or noun and trig.tense != "noun":
                continue
            if not trig.requires:
                return trig, after, 0
            if any(_required(t.norm, trig.requires) for t in tokens[b0:b1]):
                return trig, after, 0  # the required noun before: "ألغام زرعتها الميليشيا"، "الاتفاقية التي وقعها"
            for j in range(after, min(t1, after + trig.window)):
                if _required(tokens[j].norm, trig.requires):
                    return trig, j + 1 if trig.absorbs else after, j + 1
        return None

    @staticmethod
    @lru_cache(maxsize=1 << 13)
    def _candidates(word: str) -> tuple[tuple[str, bool, bool, bool, bool], ...]:
        """(form, future, noun only, pronoun suffix, definite) readings of a word with its clitics removed (cached:
        news repeats its words, and this runs on every token of every candidate sentence)."""
        out = [(word, False, False, False, False)]
        rest = bare_conj(word)
        if rest == word and len(word) == 3 and word[0] in CONJUNCTIONS:
            rest = word[1:]  # a two-letter root after و/ف: "وشن"، "وحث"
        rest = rest if rest != word else None
        if rest:
            out.append((rest, False, False, False, False))
        for w in (word, rest):
            if w and w.startswith(FUTURE) and len(w) > 3:
                out.append((w[1:], True, False, False, False))
        bare = [word]
        for prefix in NOUN_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                out.append((word[len(prefix) :], False, True, False, prefix.endswith("ال") or prefix.endswith("لل")))
                bare.append(word[len(prefix) :])
        for w in bare:
            for suffix in PRONOUN_SUFFIXES:
                if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                    stem = w[: -len(suffix)]
                    # زيارت-ه -> زياره (ta marbuta), لقاي-ه -> لقاء (hamza on the seat), اجتماع-ه
                    for form in (stem[:-1] + TA_MARBUTA if stem[-1] == TA else stem,
                                 stem[:-1] + "ء" if stem[-1] == "ي" else None):
                        if form:
                            out.append((form, False, True, True, False))
                    break
        return tuple(out)


def bare_conj(word: str) -> str:
    """A word without a conjunction (وأصيب -> أصيب)."""
    return word[1:] if word[:1] in CONJUNCTIONS and len(word) > 3 else word


# the object pronouns a verb may carry after its plural ending (أسروه، يتهمونه)
OBJECT_CLITICS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني")
# the present prefixes (with the future سـ): يـ and تـ agree with a third person
PRESENT_PREFIXES = ("ي", "ت", "سي", "ست")


def plural_verb(word: str, tense: str) -> bool:
    """A verb conjugated for a plural subject (طردوا، وأسروه، يطالبون، لم يلتقوا): in Arabic a verb before its
    subject stays singular, so such a verb's subject came before it or is dropped, and the actor after it is its
    object ("طردوا أيضاً الحوثيين")."""
    word = bare_conj(word)
    if tense == "past":
        return any(word.endswith("وا" if not c else "و" + c) for c in OBJECT_CLITICS) and len(word) > 4
    if tense == "present":
        return word.startswith(PRESENT_PREFIXES) and len(word) > 4 \
            and any(word.endswith(e + c) for e in ("ون", "وا") for c in OBJECT_CLITICS if not (e == "وا" and c))
    return False


def _required(word: str, requires: frozenset[str]) -> bool:
    """A light verb's required noun, with or without its article, prepositions or و (الغارات، بالهجوم، وغارات)."""
    return word in requires or _bare(word) in requires or (word[:1] in CONJUNCTIONS and word[1:] in requires)


def _bare(word: str) -> str:
    """A word without its article and prepositions (بالهجوم -> هجوم), to compare with a light verb's nouns."""
    for prefix in NOUN_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def trigger_automaton(lexicon: TriggerLexicon) -> ahocorasick.Automaton:
    """The first word of every trigger form; proclitics (و ف س) are checked at match time. A form ending in ة
    (normalised ه) is also found as its stem before a pronoun ("زيارته")."""
    automaton = ahocorasick.Automaton()
    words = set(lexicon.single) | set(lexicon.multi)
    for word in words | {w[:-1] + TA for w in words if w.endswith(TA_MARBUTA)}:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton
