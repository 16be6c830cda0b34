"""Namesakes: a knowledge-base alias inside the name of someone the knowledge base does not know.

"عبدالله بن عبدالعزيز الربيعة" is not King Abdullah, and "سليمان هلال الأسد" is not Bashar al-Assad: the alias
matched, but the words around it make the name another person's. Such a mention stays a person with no id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from marsad.entities.kb import KnowledgeBase
from marsad.entities.ner_features import given_names
from marsad.entities.vocabulary import NOT_GIVEN_NAMES, NOT_NAMES, Lexicon
from marsad.model import Mention
from marsad.text.normalize import normalize_text

# A family name alone grows over at most this many given names before it ("سليمان هلال الأسد").
MAX_GIVEN_NAMES = 3
CONJUNCTION = "و"
OFFICE_NAME_REACH = 30  # characters after an office where its holder's name may follow ("عبده ربه منصور هادي")


class Namesakes:
    """Unlinks person mentions whose alias is part of a longer name of someone else."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, not_family_names: Collection[str]) -> None:
        self.kb = kb
        # ال-words after a name that do not extend it: the lexicon's titles and followers, agents, demonyms
        self.not_family_names = frozenset(not_family_names) | NOT_NAMES | lexicon.name_followers \
            | frozenset(lexicon.ranks)
        self.given_names = given_names() - NOT_GIVEN_NAMES
        self.latter = frozenset(normalize_text(w) for w in lexicon.latter)
        self._own: dict[str, frozenset[str]] = {}

    def __call__(self, text: str, mentions: list[Mention]) -> list[Mention]:
        out = [self.office_holder(text, self.patronymic(text, m), mentions) for m in mentions]
        return [self.given_name(text, m, out) for m in out]

    def office_holder(self, text: str, m: Mention, mentions: list[Mention]) -> Mention:
        """"الرئيس المصري أنور السادات" is not the president of the article's date: an office right before a given
        name that is not its holder's, and a second word that no mention starts ("سلطان بروناي" is a title), titles
        someone the knowledge base does not know, unless the holder is named just after ("الرئيس اليمني عبده ربه
        منصور هادي"). The mention keeps its country and sector, and no longer links to the office."""
        if m.office is None or m.id is None or text[m.span[1] : m.span[1] + 1] != " ":
            return m
        words = text[m.span[1] + 1 : m.span[1] + 1 + OFFICE_NAME_REACH].split()
        if len(words) < 2:
            return m
        given = normalize_text(words[0])
        if given[:1] == CONJUNCTION or given not in self.given_names or given in self._own_words(m.id):
            return m
        second = text.index(words[1], m.span[1] + 1)
        if any(o.span[0] == second or o.id == m.id and m.span[1] < o.span[0] <= m.span[1] + OFFICE_NAME_REACH
               for o in mentions):
            return m
        return dataclasses.replace(m, id=None, name=None, name_ar=None, office=None, confidence=0.5)

    def patronymic(self, text: str, m: Mention) -> Mention:
        """"عبدالله بن عبدالعزيز الربيعة" is not King Abdullah: a patronymic alias followed by another family
        name (a word with ال/آل that is not a title) names someone the knowledge base does not know."""
        if m.type != "person" or m.id is None or " بن " not in normalize_text(m.text):
            return m
        rest = text[m.span[1] : m.span[1] + 30]
        words = normalize_text(rest).split()
        if not words or not rest[:1].isspace():
            return m
        word = words[0]
        if word.startswith(("ال", "اال")) and len(word) >= 5 and word not in self.not_family_names:
            return dataclasses.replace(m, id=None, name=None, name_ar=None, role=None, office=None,
                                       confidence=0.5)
        return m

    def _own_words(self, actor_id: str) -> frozenset[str]:
        """The words of a known person's names ("بشار" for Bashar al-Assad), computed once per person."""
        if actor_id not in self._own:
            actor = self.kb.actors.get(actor_id)
            names = (actor.name_ar, *actor.aliases_ar) if actor is not None else ()
            self._own[actor_id] = frozenset(w for name in names for w in normalize_text(name).split())
        return self._own[actor_id]

    def given_name(self, text: str, m: Mention, mentions: list[Mention]) -> Mention:
        """"سليمان هلال الأسد"، "ابن هلال الأسد" are not Bashar al-Assad: a person named by a family name alone (one
        ال-word) right after given names that are not the person's own names someone the knowledge base does not
        know; the mention grows over those names."""
        if m.type != "person" or m.id is None:
            return m
        word = normalize_text(m.text)
        if " " in word or not word.startswith("ال") or word in self.latter:
            return m
        start = m.span[0]
        for _ in range(MAX_GIVEN_NAMES):
            end = start - 1
            if end < 1 or text[end] != " ":
                break
            begin = end
            while begin > 0 and text[begin - 1].isalpha():
                begin -= 1
            name = normalize_text(text[begin:end])
            if name not in self.given_names and name[:1] == CONJUNCTION and name[1:] in self.given_names:
                name, begin = name[1:], begin + 1  # "وحسين البديوي"
            if name not in self.given_names or name in self._own_words(m.id):
                break
            start = begin
        if start == m.span[0]:
            return m
        if any(o is not m and o.span[0] < m.span[0] and start < o.span[1] for o in mentions):
            start = m.span[0]  # the names before are another mention's words: unlink without growing
        return Mention(text=text[start : m.span[1]], span=(start, m.span[1]), type="person", confidence=0.5)
