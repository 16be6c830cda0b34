"""Light coreference over an article's linked mentions: "الأخير" (the latter), "نظيره الروسي" (the counterpart of
the person named before, in the demonym's country) and bare titles ("وزير الخارجية") naming a holder the article
named before. Vocabulary: data/entity_words.json (latter, counterpart, counterpart_offices)."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from marsad.entities.kb import KnowledgeBase
from marsad.model import Article, Mention
from marsad.text.normalize import map_span, normalize_text

if TYPE_CHECKING:
    from marsad.entities.vocabulary import Lexicon


@lru_cache(maxsize=4)
def latter_re(words: frozenset[str]) -> re.Pattern[str]:
    """The anaphor as a whole word, after an optional و; group 2 is the word."""
    return re.compile(r"(?<![\w])(و?)(" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w])")


@lru_cache(maxsize=16)
def clitic_word_re(words: frozenset[str]) -> re.Pattern[str]:
    """One of ``words`` with optional و/ف and ب/ل proclitics ("بنظيره"، "لبلاده"): group 2 is the bare word."""
    return re.compile(r"(?<![\w])((?:و|ف)?(?:ب|ل)?)(" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w])")


# A head anaphor's antecedent is named in its sentence or at most this many sentences before.
HEAD_ANAPHOR_REACH = 3
# The endings of a nisba adjective (الوطني، الوطنية, normalised): after a head noun it names another body.
NISBA = ("ي", "يه")


def _sentence_start(article: Article, pos: int) -> int:
    return next((st.start for st in reversed(article.sentences) if st.start <= pos), 0)


def _sentence_end(article: Article, pos: int) -> int:
    return next((st.end for st in article.sentences if st.start <= pos < st.end), pos)


def _lead_end(article: Article) -> int:
    """End of the headline and the first body sentence."""
    body = [st for st in article.sentences if not st.is_title]
    return body[0].end if body else (article.sentences[-1].end if article.sentences else 0)


def _title_end(article: Article, mentions: list[Mention], k: int) -> int:
    """End of the title starting at mentions[k]: "وزير" + "الخارجية" are two agent mentions."""
    end = mentions[k].span[1]
    for m in mentions[k + 1 :]:
        if not m.agent or article.text[end : m.span[0]].strip():
            break
        end = m.span[1]
    return end


class Coreference:
    """Resolves the anaphors of one article's mentions (sorted by span) against the mentions before them."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon,
                 office_mention: Callable[[str, str, tuple[int, int], date | None], Mention],
                 not_the_holder: Callable[[tuple[int, int]], bool]) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.office_mention = office_mention  # a role phrase linked to the office's holder on a date
        self.not_the_holder = not_the_holder  # a deputy's or former holder's title

    def __call__(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        mentions = self.counterparts(article, self.latter(article, self.spokesmen(article, mentions)))
        mentions = self.head_anaphors(article, self.plural_offices(article, mentions))
        return self.bare_titles(article, self.own_country(article, mentions))

    def own_country(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """"بلاده" (his country): the country of the sentence's first actor before it, its subject or speaker ("قال
        لافروف إن بلاده" → Russia), or of its clause's after فيما، بينما ..., else of the last actor named before."""
        words = self.lexicon.own_country
        if not words or not any(w in article.norm for w in words):
            return mentions
        out = list(mentions)
        openers = [map_span(article.norm_offsets, o.start(), o.end())[1]
                   for o in latter_re(self.lexicon.clause_openers).finditer(article.norm)] \
            if self.lexicon.clause_openers else []
        for hit in clitic_word_re(words).finditer(article.norm):
            s, e = map_span(article.norm_offsets, hit.start(2), hit.end(2))
            # the sentence's, or after "فيما"، "بينما" ... the second clause's ("فيما نفى ظريف أن تكون بلاده")
            sent_start = max([_sentence_start(article, s), *(o for o in openers if o <= s)])
            # a demonym counts: it qualifies the title of an actor the linker has not built ("وزير الإعلام الأردني")
            actors = [m for m in mentions if m.span[1] <= s and m.country and not m.is_place]
            antecedent = next((m for m in actors if m.span[0] >= sent_start), None) or next(
                (m for m in reversed(actors) if m.span[0] < sent_start), None)
            country = self.kb.countries.get(antecedent.country or "") if antecedent is not None else None
            if country is not None:
                out.append(Mention(text=article.text[s:e], span=(s, e), type="country", id=country.iso3,
                                   name=country.name, name_ar=country.name_ar, country=country.iso3,
                                   confidence=antecedent.confidence * 0.8))
        out.sort(key=lambda m: m.span)
        return out

    def spokesmen(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """"وحذر المتحدث باسمه" (its spokesman): the organisation or country named last before, speaking through
        him; the phrase replaces the bare title's agent mentions inside it."""
        words = self.lexicon.spokesman_of
        if not words or "باسم" not in article.norm:
            return mentions
        out = list(mentions)
        for hit in clitic_word_re(words).finditer(article.norm):
            s, e = map_span(article.norm_offsets, hit.start(2), hit.end(2))
            sent_start = _sentence_start(article, s)
            actors = [m for m in mentions if m.span[1] <= s and not m.is_place and m.country
                      and m.type in ("organization", "country", "group")]
            # the sentence's first such actor, else the previous sentence's first (its subject, as a rule)
            antecedent = next((m for m in actors if m.span[0] >= sent_start), None)
            if antecedent is None and actors:
                prev_start = _sentence_start(article, actors[-1].span[0])
                antecedent = next(m for m in actors if m.span[0] >= prev_start)
            if antecedent is None:
                continue
            out = [m for m in out if not (s <= m.span[0] and m.span[1] <= e)]
            out.append(dataclasses.replace(antecedent, text=article.text[s:e], span=(s, e), rank=None,
                                           role=article.text[s:e], confidence=antecedent.confidence * 0.8))
        out.sort(key=lambda m: m.span)
        return out

    def latter(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """"الأخير" (the latter) is the last person or organisation named before it."""
        lexicon = self.lexicon
        if not any(word in article.norm for word in lexicon.latter):
            return mentions
        hits = list(lexicon.latter_re.finditer(article.norm))
        if not hits:
            return mentions
        out = list(mentions)
        for hit in hits:
            s, e = map_span(article.norm_offsets, hit.start(2), hit.end(2))
            sent_start = _sentence_start(article, s)
            actors = [m for m in mentions if m.span[1] <= s and m.type in ("person", "organization", "group")
                      and (m.id or m.name)]
            in_sentence = [m for m in actors if m.span[0] >= sent_start]
            # "التقى X بـ Y ... وأكد الأخير" is Y; "... X. واستقبل Y الأخير" is X, not the subject Y
            antecedent = in_sentence[-1] if len(in_sentence) >= 2 else next(
                (m for m in reversed(actors) if m.span[0] < sent_start), None)
            if antecedent is not None:
                out.append(dataclasses.replace(antecedent, text=article.text[s:e], span=(s, e), rank=None,
                                               confidence=antecedent.confidence * 0.8))
        out.sort(key=lambda m: m.span)
        return out

    def counterparts(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """"نظيره الروسي": the holder of the same office as the person named before it in the sentence, in the
        demonym's country ("التقى وزير الخارجية السعودي ... نظيره الروسي" → Russia's foreign minister); a name
        right after ("نظيره الروسي سيرغي لافروف") is linked on its own."""
        words = self.lexicon.counterpart
        if not any(w in article.norm for w in words):
            return mentions
        out = list(mentions)
        for hit in clitic_word_re(words).finditer(article.norm):
            s, e = map_span(article.norm_offsets, hit.start(2), hit.end(2))
            k = bisect.bisect_left([m.span[0] for m in out], e)
            if k >= len(out) or not out[k].adjective or not out[k].country or article.text[e : out[k].span[0]].strip():
                continue
            demonym = out[k]
            after = out[k + 1] if k + 1 < len(out) else None
            if after is not None and after.type == "person" and not article.text[demonym.span[1] : after.span[0]].strip():
                continue
            sent_start = _sentence_start(article, s)
            antecedent = next((m for m in reversed(out[:k]) if sent_start <= m.span[0] and m.span[1] <= s
                               and m.type == "person" and (m.office or m.agent)), None)
            office = None
            if antecedent is not None:
                title_end = _title_end(article, out, out.index(antecedent))
                office = self._counterpart_office(antecedent, article.text[antecedent.span[0] : title_end], demonym)
            if office is not None:
                out[k] = self.office_mention(office, article.text[s : demonym.span[1]], (s, demonym.span[1]),
                                             article.published)
        return out

    def head_anaphors(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """"وهدد المجلس"، "قبلت الحركة الدعوة": a bare definite head noun is the last organisation or group named in
        the three sentences before whose name holds that noun (مجلس الأمن الدولي، حركة حماس); not when a nisba
        adjective follows it ("المجلس الوطني" is another body)."""
        heads = self.lexicon.head_anaphors
        if not heads or not any(h in article.norm for h in heads):
            return mentions
        out = list(mentions)
        for hit in clitic_word_re(frozenset(heads)).finditer(article.norm):
            s, e = map_span(article.norm_offsets, hit.start(2), hit.end(2))
            if any(m.span[0] <= s < m.span[1] and not (m.agent and m.span == (s, e)) for m in out):
                continue  # inside a name; a generic agent of the same words ("الحزب" = PTY) gives way
            nxt = article.norm[hit.end(2) :].split(" ", 2)[1:2]
            if nxt and nxt[0].startswith("ال") and (nxt[0].endswith(NISBA) or nxt[0] in self.lexicon.head_adjectives):
                continue  # "المجلس الوطني"، "المجلس الأعلى": another body
            noun = heads[hit.group(2)]
            window = _sentence_start(article, s)
            for _ in range(HEAD_ANAPHOR_REACH):
                window = _sentence_start(article, max(0, window - 1))
            antecedent = next((m for m in reversed(out) if window <= m.span[0] and m.span[1] <= s and m.id
                               and m.type in ("organization", "group") and self._named_by(m, noun)), None)
            if antecedent is not None:
                out = [m for m in out if m.span != (s, e)]
                out.append(dataclasses.replace(antecedent, text=article.text[s:e], span=(s, e), rank=None,
                                               confidence=antecedent.confidence * 0.8))
        out.sort(key=lambda m: m.span)
        return out

    def _named_by(self, m: Mention, noun: str) -> bool:
        """Whether the mention's text, or its KB actor's name or an alias, holds ``noun`` as a word."""
        actor = self.kb.actors.get(m.id or "")
        names = [m.text, *((actor.name_ar, *actor.aliases_ar) if actor is not None else ())]
        return any(noun in normalize_text(n).split() or "ل" + noun in normalize_text(n).split() for n in names)

    def plural_offices(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """"وزراء خارجية السعودية والولايات المتحدة وروسيا": each country joined after a plural office stands for
        its holder of that office on the publication date (entity_words.json: plural_offices)."""
        offices = self.lexicon.plural_offices
        if not offices or not any(p in article.norm for p in offices):
            return mentions
        out = list(mentions)
        starts = [m.span[0] for m in out]
        for hit in clitic_word_re(frozenset(offices)).finditer(article.norm):
            functions = offices[hit.group(2)]
            _, end = map_span(article.norm_offsets, hit.start(2), hit.end(2))
            k = bisect.bisect_left(starts, end)
            while k < len(out) and out[k].type == "country" and out[k].id \
                    and article.text[end : out[k].span[0]].strip(" ،,و") == "":
                m = out[k]
                office = next((o for o in (f"{m.id}.{f}" for f in functions) if o in self.kb.offices), None)
                if office is None:
                    break
                out[k] = self.office_mention(office, m.text, m.span, article.published)
                end, k = m.span[1], k + 1
        return out

    def bare_titles(self, article: Article, mentions: list[Mention]) -> list[Mention]:
        """A bare title ("وزير الخارجية"، "الرئيس") after the article named a holder of such an office is that
        person: the last one named whose office the title begins ("وزير الخارجية" → "وزير الخارجية السعودي")."""
        out = list(mentions)
        for k, m in enumerate(out):
            if not (m.agent and m.type == "person" and m.country is None):
                continue
            end = _title_end(article, out, k)
            title = normalize_text(article.text[m.span[0] : end])
            nxt = normalize_text(article.text[end : end + 20]).split()
            if " " not in title or nxt and nxt[0].startswith("ال") or self.not_the_holder((m.span[0], end)):
                continue  # "وزير" of "وزير الإعلام"، "مساعد وزير الخارجية": not the holder named before
            # the holder named before; in the headline or the lead, the holder the article goes on to name
            # ("معالي وزير الخارجية يلتقي نظيره الروسي" before "التقى وزير الخارجية عادل الجبير")
            lead = m.span[0] < _lead_end(article)  # named after its own sentence: not its counterpart there
            later = [o for o in out[k + 1 :] if o.span[0] >= _sentence_end(article, m.span[0])
                     and self._titled(article, o, title)] if lead else []
            for prior in [*reversed(out[:k]), *later]:
                office = prior.office if prior.span[0] < m.span[0] else self._office_on(prior, article.published)
                if prior.type == "person" and prior.id and office in self.kb.offices \
                        and any(p == title or p.startswith(title + " ") for p in self._phrases_of(office)):
                    out[k] = dataclasses.replace(prior, text=article.text[m.span[0] : end], span=(m.span[0], end),
                                                 rank=m.rank, confidence=prior.confidence * 0.8)
                    break
        return [m for i, m in enumerate(out) if i == 0 or not (m.span[0] < out[i - 1].span[1] and m.agent)]

    def _titled(self, article: Article, m: Mention, title: str) -> bool:
        """``m`` is a name the same bare title comes right before ("وزير الخارجية الأستاذ عادل الجبير"), not a
        title with a demonym ("وزير الخارجية الروسي")."""
        own = normalize_text(m.text).split()
        n = len(title.split())
        if " ".join(own[:n]) == title:
            return len(own) > n and not own[n].startswith("ال")
        before = normalize_text(article.text[max(0, m.span[0] - 60) : m.span[0]]).split()
        while before and before[-1] in self.lexicon.rank_words:
            before.pop()
        return " ".join(before[-n:]) == title

    def _office_on(self, m: Mention, when: date | None) -> str | None:
        """The office ``m`` holds on ``when``: the one it was named by, else its actor's role then."""
        actor = self.kb.actors.get(m.id or "")
        role = actor.role_on(when) if actor is not None and when is not None else None
        return m.office or (role.office if role is not None else None)

    def _phrases_of(self, office: str) -> list[str]:
        return self._office_phrase_lists.get(office, [])

    @cached_property
    def _office_phrase_lists(self) -> dict[str, list[str]]:
        return {oid: [normalize_text(p) for p in (office.name_ar, *office.phrases_ar)]
                for oid, office in self.kb.offices.items()}

    def _counterpart_office(self, antecedent: Mention, title: str, demonym: Mention) -> str | None:
        """The office of ``antecedent`` (or the office its title names with the demonym: "وزير الخارجية" +
        "الروسي") in the demonym's country."""
        if antecedent.office and "." in antecedent.office:
            function = antecedent.office.split(".", 1)[1]
            equivalent = self.lexicon.counterpart_offices.get(function, (function,))
            return next((o for o in (f"{demonym.country}.{f}" for f in equivalent) if o in self.kb.offices), None)
        phrase = f"{normalize_text(title)} {normalize_text(demonym.text)}"
        return self._office_phrases.get(phrase)

    @cached_property
    def _office_phrases(self) -> dict[str, str]:
        return {p: oid for oid, phrases in self._office_phrase_lists.items() for p in phrases}
