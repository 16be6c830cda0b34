"""Demonym adjectives standing for their country as an event argument: the agent of a verbal noun ("الغارات
الإسرائيلية" = Israel's strikes) and the object of a noun with ل ("أعرب عن تقديره للدور المصري" = for Egypt)."""

from __future__ import annotations

import bisect
import dataclasses

from marsad.entities.kb import KnowledgeBase
from marsad.events.location import country_of
from marsad.events.markers import Arg
from marsad.events.triggers import Hit
from marsad.model import Mention, Token
from marsad.text.normalize import normalize_text

# Verbal nouns whose demonym adjective names the agent ("الغارات الإسرائيلية"، "العقوبات الأمريكية").
DEMONYM_AGENT_TYPES = frozenset({"ASSAULT", "SANCTION", "MOBILIZE", "COERCE", "AID"})


def demonym_agent(kb: KnowledgeBase | None, tokens: list[Token], starts: list[int], hit: Hit,
                  countries: list[Mention]) -> Arg | None:
    """The country of a demonym right after a verbal noun, or after one adjective ("الغارات الجوية
    الإسرائيلية"), as the noun's agent; ``starts``: the start offsets of ``tokens``. ``countries`` may hold other
    mentions: of those, a country spelled like its feminine demonym counts ("الطائرة الإغاثية السعودية")."""
    for c in countries:
        if not c.adjective and not (c.type == "country" and _adjective_spelling(c.text)):
            continue
        ti = bisect.bisect_left(starts, c.span[0])
        if hit.end_tok <= ti <= hit.end_tok + 1 and c.country \
                and (ti == hit.end_tok or tokens[hit.end_tok].norm.startswith("ال")):
            country = country_of(kb, dataclasses.replace(c, adjective=False))
            if country is not None:
                return Arg(country, "")
    return None


def _adjective_spelling(text: str) -> bool:
    """"السعودية": a country's name that is also its feminine demonym with the article."""
    word = normalize_text(text)
    return " " not in word and word.startswith("ال") and word.endswith("يه")


def adjective_object(tokens: list[Token], starts: list[int], countries: list[Mention], tend: int, window_end: int,
                     subject: Arg) -> Arg | None:
    """"أعرب عن تقديره للدور المصري": a demonym on a noun with ل, between ``tend`` and ``window_end``, stands for
    its country as the object."""
    for c in countries:
        if not tend <= c.span[0] < window_end or c.country == subject.mention.country:
            continue
        ti = bisect.bisect_left(starts, c.span[0])
        if ti > 0 and tokens[ti - 1].norm[:1] == "ل" and tokens[ti - 1].norm[:2] != "لا":
            return Arg(dataclasses.replace(c, adjective=False), "ل")
    return None
