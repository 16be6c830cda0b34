"""The entity stage's vocabulary (data/entity_words.json, data/agents.json): ranks, generic agents, anaphors and
the word lists the linker, its coreference and the event coder read. Each file is read once."""

from __future__ import annotations

import dataclasses
import json
import re
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from marsad.entities.coref import clitic_word_re, latter_re
from marsad.text.normalize import normalize_text


@lru_cache(maxsize=2)
def _data(name: str) -> Any:
    return json.loads(resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8"))


def _word_set(key: str) -> frozenset[str]:
    return frozenset(normalize_text(w) for w in _data("entity_words.json")[key])


# A role phrase after these names the holder's deputy or adviser; before these, a former holder.
DEPUTY_WORDS = _word_set("deputy_words")
FORMER_WORDS = _word_set("former_words")
# Words that start with ال but are no family name ("محمد بن سلمان إلى الأردن").
NOT_NAMES = _word_set("not_family_names")
# Words before a name's last word that make it a father's or tribe's name, not a family name ("محمد بن سلمان").
PATRONYMIC_WORDS = _word_set("patronymic_words")
# Given names of the name tagger's gazetteer that are mostly other words (طالب = demanded).
NOT_GIVEN_NAMES = _word_set("not_given_names")
# Words before a capital that make it a place ("في القاهرة") rather than its government ("أعلنت القاهرة").
LOCATIVE_WORDS = _word_set("locative_words")
# Nouns before a place name that pass on their preposition ("في محافظة لحج").
PLACE_NOUNS = _word_set("place_nouns")
SITUATING_PREPOSITIONS = _word_set("situating_prepositions")
# Nouns that name a country's capital with its demonym ("العاصمة القطرية").
CAPITAL_NOUNS = _word_set("capital_nouns")

# Position nouns that head a person's title ("رئيس" of "رئيس البرلمان سليم الجبوري"): agents.json phrase_heads.
PERSON_HEADS = frozenset(normalize_text(h["word"]) for h in _data("agents.json")["phrase_heads"]
                         if h.get("kind") == "person")


@dataclasses.dataclass(frozen=True)
class Lexicon:
    ranks: tuple[str, ...]
    agents: dict[str, tuple[str, str]]  # normalised phrase -> (sector, kind)
    name_followers: frozenset[str]
    latter: frozenset[str]
    both_sides: frozenset[str]
    counterpart: frozenset[str] = frozenset()
    counterpart_offices: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # function -> class
    own_country: frozenset[str] = frozenset()  # بلاده: the country of the sentence's subject
    clause_openers: frozenset[str] = frozenset()  # فيما، بينما: a second clause with its own subject
    spokesman_of: frozenset[str] = frozenset()  # "المتحدث باسمه": the spokesman of the organisation named before
    plural_offices: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # "وزراء خارجية" -> functions
    head_anaphors: dict[str, str] = dataclasses.field(default_factory=dict)  # "المجلس" -> "مجلس"
    head_adjectives: frozenset[str] = frozenset()  # "المجلس الأعلى": after a head noun, another body

    @cached_property
    def rank_words(self) -> frozenset[str]:
        """The words of the ranks ("صاحب السمو الملكي" → صاحب، السمو، الملكي)."""
        return frozenset(w for r in self.ranks for w in r.split())

    @property
    def latter_re(self) -> re.Pattern[str]:
        """The anaphor as a whole word, after an optional و; group 2 is the word."""
        return latter_re(self.latter)


def is_counterpart(word: str) -> bool:
    """A normalised word that is "نظيره"، "بنظيره"، "ونظيرهم" ... (entity_words.json: counterpart)."""
    words = load_lexicon().counterpart
    return bool(words) and clitic_word_re(words).fullmatch(word) is not None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = _data("entity_words.json")
    agents = _data("agents.json")["agents"]
    return Lexicon(
        ranks=tuple(sorted({normalize_text(r) for r in raw["ranks"]}, key=len, reverse=True)),
        agents={normalize_text(a["phrase"]): (a["sector"], a["kind"]) for a in agents},
        name_followers=frozenset(normalize_text(w).split()[0] for w in raw.get("name_followers", [])),
        latter=frozenset(normalize_text(w) for w in raw.get("latter", [])),
        both_sides=frozenset(normalize_text(w) for w in raw.get("both_sides", [])),
        counterpart=frozenset(normalize_text(w) for w in raw.get("counterpart", [])),
        counterpart_offices={f: tuple(group) for group in raw.get("counterpart_offices", []) for f in group},
        own_country=frozenset(normalize_text(w) for w in raw.get("own_country", [])),
        clause_openers=frozenset(normalize_text(w) for w in raw.get("clause_openers", [])),
        spokesman_of=frozenset(normalize_text(w) for w in raw.get("spokesman_of", [])),
        plural_offices={normalize_text(k): tuple(v) for k, v in raw.get("plural_offices", {}).items()},
        head_anaphors={normalize_text(k): normalize_text(v) for k, v in raw.get("head_anaphors", {}).items()},
        head_adjectives=frozenset(normalize_text(w) for w in raw.get("head_adjectives", [])),
    )
