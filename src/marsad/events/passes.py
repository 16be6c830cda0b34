"""Passes over the events of a sentence or an article once they are coded."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from itertools import islice

from marsad.dates.attach import FROM_TEXT
from marsad.entities.vocabulary import PLACE_NOUNS, SITUATING_PREPOSITIONS
from marsad.events.lexicon import TriggerLexicon
from marsad.events.triggers import bare_conj
from marsad.model import Article, Event, Mention
from marsad.text.normalize import normalize_text

_WORD = re.compile(r"\w+")


def told_before(event: Event, events: Iterable[Event]) -> bool:
    """An event of the same type and mode from the same source is among ``events`` ("زار كيري مصر" told,
    "وقال خلال زيارته" is that visit)."""
    return any((ev.type, ev.mode, ev.source.key) == (event.type, event.mode, event.source.key) for ev in events)


def dedupe(article: Article, events: list[Event]) -> list[Event]:
    """A headline repeated in the body counts once: keep the body's mention, drop the title's. The headline's
    actors may be told shorter ("مبعوث الأمين العام" for the envoy the body names) and it seldom dates its event."""

    def key(ev: Event) -> tuple:
        ids = frozenset(m.key for m in (ev.source, ev.target) if m is not None)
        return ev.type, ids, ev.date.value if ev.date else None, ev.status

    title_spans = {(s.start, s.end) for s in article.sentences if s.is_title}
    body = [ev for ev in events if ev.evidence_span not in title_spans]
    # the lead: the first body sentence that tells an event (a dateline line "القاهرة 25 شوال ... واس" tells none)
    lead = min((ev.evidence_span for ev in body), default=None)
    # "تظاهر الآلاف ... احتجاجا على"، "تصاعد الاحتجاجات ... المظاهرات": protesters named by the trigger itself
    # are those of the sentence's other protest of the type
    told = {(ev.type, ev.evidence_span) for ev in events if not implicit(ev)}
    out, seen = [], set()
    for ev in events:
        if ev.evidence_span in title_spans and any(_retold(ev, b, b.evidence_span == lead) for b in body):
            continue
        if implicit(ev):
            if (ev.type, ev.evidence_span) in told:
                continue
            told.add((ev.type, ev.evidence_span))
        k = key(ev)
        if (k, ev.mode, ev.evidence_span) in seen:
            continue
        seen.add((k, ev.mode, ev.evidence_span))
        out.append(ev)
    return out


def implicit(ev: Event) -> bool:
    """The source is the trigger itself ("خرجت مظاهرات"، "انفجرت عبوة"): no one named."""
    return ev.source.span == ev.trigger_span


def _retold(title: Event, body: Event, in_lead: bool) -> bool:
    """The body event tells the headline's: same type and status, a date the headline does not contradict, and
    actors that agree; the lead sentence retells the headline's event by the same source even when the headline
    shortens its target ("تركيا تجمد أموال المخلوع وقادة حوثيين" for "جمدت تركيا رسميا أموال الرئيس اليمني
    السابق علي عبدالله صالح ... وعدد من قادة التمرد"), or by the same target from a source it names with no
    country."""
    if title.type != body.type or title.status != body.status:
        return False
    if title.date is not None and title.date_source == FROM_TEXT and (
            body.date is None or body.date.value != title.date.value):
        return False
    if _same_actor(title.source, body.source):
        return in_lead or _same_actor(title.target, body.target)
    # "اليمن يطلب من الأردن" told in the lead by "السلطات اليمينة طلبت من الأردن" (a misspelt, placeless source)
    return in_lead and body.source.country is None and body.source.id is None \
        and title.target is not None and _same_actor(title.target, body.target)


def _same_actor(a: Mention | None, b: Mention | None) -> bool:
    """Both absent, the same actor, or one unlinked with the other's country and sector."""
    if a is None or b is None:
        return a is b
    if a.key == b.key or a.unidentified and b.unidentified:
        return True
    return (a.id is None or b.id is None) and bool(a.country or a.sector) \
        and (a.country, a.sector) == (b.country, b.sector)


def sentence_passes(text: str, mentions: list[Mention], events: list[Event], lexicon: TriggerLexicon) -> list[Event]:
    """The passes over one sentence's events once coded: arrivals of vehicles dropped, targets found through
    another event or a proposal."""
    events = [forces_arriving(ev, lexicon.vehicle_nouns) for ev in events
              if not vehicle_arrival(text, ev, lexicon.vehicle_nouns)]
    events = proposers(text, mentions, perpetrators_accused(events), lexicon.proposal_verbs)
    return inviters(text, events, lexicon.invitation_nouns)


# A vehicle named this close after an arrival verb is what arrived.
VEHICLE_REACH = 6
_QUOTE = re.compile('["«“]')


def vehicle_arrival(text: str, ev: Event, vehicles: frozenset[str]) -> bool:
    """"ووصلت إلى عمان الليلة قبل الماضية طائرة من الخطوط اليمنية": a plane arrived, not the visitor the article
    spoke of before (a visit whose source the sentence does not name, with a vehicle right after the verb)."""
    if ev.type != "CONSULT" or ev.mode != "visit" or ev.evidence_span[0] <= ev.source.span[0] < ev.evidence_span[1]:
        return False
    end = ev.evidence_span[1]
    quote = _QUOTE.search(text, ev.trigger_span[1], end)  # "وأضاف خلال زيارة إلى ماليزيا "تصل طائرات": a quotation
    words = islice(_WORD.finditer(text, ev.trigger_span[1], quote.start() if quote else end), VEHICLE_REACH)
    return any(normalize_text(w.group()) in vehicles for w in words)


# PLOVER MOBILIZE as CAMEO 150 (demonstrate military power): forces moved somewhere
MOBILIZE_CAMEO = "150"


def forces_arriving(ev: Event, vehicles: frozenset[str]) -> Event:
    """"ووصلت قوات سعودية إلى عدن"، "إن مقاتلات أمريكية ستصل إلى قواعد تركية": troops or warplanes arriving
    are deployed (MOBILIZE troops or weapons), they visit no one."""
    source = ev.source
    if ev.type != "CONSULT" or ev.mode != "visit" or source.id is not None or source.sector != "MIL" \
            or source.type != "group":
        return ev
    head = normalize_text(source.text).split(" ", 1)[0].removeprefix("و")
    mode = "weapons" if head in vehicles else "troops"
    return dataclasses.replace(ev, type="MOBILIZE", mode=mode, cameo=MOBILIZE_CAMEO)


def perpetrators_accused(events: list[Event]) -> list[Event]:
    """A condemnation naming no one accuses the perpetrator of the attack the same sentence tells after it
    ("أدانت السعودية الجريمة التي نفذها مستوطنون إسرائيليون")."""
    out = list(events)
    for i, ev in enumerate(out):
        if ev.type != "ACCUSE" or ev.target is not None:
            continue
        attack = next((a for a in out[i + 1 :] if a.type == "ASSAULT" and a.trigger_span[0] > ev.trigger_span[0]), None)
        if attack is not None and not (attack.source.id is not None and attack.source.id == ev.source.id) \
                and attack.source is not ev.source and not implicit(attack):
            out[i] = dataclasses.replace(ev, target=attack.source)
    return out


# Events whose target is the author of the proposal they answer ("وافق البرلمان على خطة قدمها العبادي").
ANSWER_TYPES = frozenset({"AGREE", "REJECT", "SUPPORT"})
# A proposal's author is named this close after the trigger and after the proposal verb.
PROPOSAL_REACH, AUTHOR_REACH = 12, 3


def proposers(text: str, mentions: list[Mention], events: list[Event], verbs: frozenset[str]) -> list[Event]:
    """An approval, rejection or welcome naming no one answers the author of the plan it names ("وافق البرلمان
    بالإجماع على خطة للإصلاح قدمها رئيس الوزراء حيدر العبادي"): the actor right after the proposal verb."""
    out = list(events)
    for i, ev in enumerate(out):
        if ev.type not in ANSWER_TYPES or ev.target is not None:
            continue
        words = list(islice(_WORD.finditer(text, ev.trigger_span[1], ev.evidence_span[1]), PROPOSAL_REACH))
        k = next((k for k, w in enumerate(words) if normalize_text(w.group()).removeprefix("و") in verbs), None)
        if k is None or k + 1 >= len(words):
            continue
        reach = words[min(k + AUTHOR_REACH, len(words) - 1)].end()
        author = next((m for m in mentions if words[k + 1].start() <= m.span[0] < reach and not m.is_place
                       and not m.adjective and m is not ev.source and m.key != ev.source.key), None)
        if author is not None:
            out[i] = dataclasses.replace(ev, target=author)
    return out


# An invitation noun this close after an acceptance or refusal is what it answers.
INVITATION_REACH = 2


def inviters(text: str, events: list[Event], invitations: frozenset[str]) -> list[Event]:
    """An acceptance or refusal of an invitation or offer, naming no one, answers the request told before it in the
    sentence ("وجّه لافروف الدعوة لقيادة حماس لزيارة موسكو، مضيفة أن الحركة قبلت الدعوة" → Hamas agrees with
    Lavrov; not "حث نتنياهو المشرعين على رفض الاتفاق", which is the request itself)."""
    out = list(events)
    for i, ev in enumerate(out):
        if ev.type not in ("AGREE", "REJECT") or ev.target is not None:
            continue
        # (from the trigger's own words: a light verb's span is its noun, "قبلت الدعوة" → "الدعوة")
        words = islice(_WORD.finditer(text, ev.trigger_span[0], ev.evidence_span[1]), INVITATION_REACH + 1)
        if not any(normalize_text(w.group()).removeprefix("و").removeprefix("ب") in invitations for w in words):
            continue
        request = next((r for r in reversed(out[:i]) if r.type == "REQUEST" and r.trigger_span[1] <= ev.trigger_span[0]
                        and not implicit(r) and r.source.key != ev.source.key), None)
        if request is not None:
            out[i] = dataclasses.replace(ev, target=request.source)
    return out


# Organisations that act in the country an article is about when the phrase names none ("البرلمان"، "الجيش").
LOCAL_ORG_SECTORS = frozenset({"LEG", "MIL", "JUD", "PTY", "OPP", "REB"})


def localise(m: Mention, country: str | None, local: frozenset[str] = frozenset()) -> Mention:
    """A generic group without a country ("المقاومة الشعبية"، "المعتصمون"), a parliament, army, court or party
    ("البرلمان") or a government word of ``local`` ("الحكومة") acts in ``country``, the one the article names most
    (ministries are left alone: "الداخلية" is as often an adjective as the ministry)."""
    if m.agent and m.country is None and country is not None \
            and (m.type == "group" or m.type == "organization" and (
                m.sector in LOCAL_ORG_SECTORS or normalize_text(m.text).lstrip("و") in local)):
        return dataclasses.replace(m, country=country, agent=False, confidence=m.confidence * 0.8)
    return m


def situated(m: Mention, mentions: list[Mention], text: str) -> str | None:
    """The country of the place named right after a generic agent: "مسجد قوات الطوارئ في منطقة عسير" is the
    Saudi police's, whatever country the article names most."""
    if not m.agent or m.country is not None:
        return None
    place = next((p for p in mentions if p.is_place and p.span[0] >= m.span[1]), None)
    if place is None or not place.country:
        return None
    words = normalize_text(text[m.span[1] : place.span[0]]).split()
    if not words:
        return None
    head, rest = words[0], words[1:]
    if head not in SITUATING_PREPOSITIONS:
        if not (head[:1] in SITUATING_PREPOSITIONS and head[1:] in PLACE_NOUNS):
            return None
        rest = [head[1:], *rest]  # "بمنطقة عسير"
    return place.country if len(rest) <= 2 and all(w in PLACE_NOUNS for w in rest) else None


def main_country(mentions: list[Mention]) -> str | None:
    """The country an article names most (actors, places, demonyms): where its generic agents act."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.country:
            counts[m.country] = counts.get(m.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


SPEAKER_REACH = 3  # words from a sentence-opening speech verb to its named speaker ("وقال أمس تشاووش أوغلو")


def opening_speaker(lexicon: TriggerLexicon, text: str, start: int, end: int, mentions: list[Mention],
                    mstarts: list[int]) -> Mention | None:
    """The named actor a sentence opens with as the subject of a speech verb ("وقال تشاووش أوغلو لمؤسسة
    الإذاعة ..."): the speaker a later pro-drop verb carries ("وأضاف خلال زيارة إلى ماليزيا"). None for an unnamed
    speaker ("وقال مصدر")."""
    words = list(islice(_WORD.finditer(text, start, end), SPEAKER_REACH + 1))
    if not words or bare_conj(normalize_text(words[0].group())) not in lexicon.speech_verbs:
        return None
    i = bisect.bisect_left(mstarts, words[0].end())
    m = mentions[i] if i < len(mentions) else None
    if m is None or m.span[0] >= words[-1].end() or m.agent or m.role_only and m.id is None \
            or m.type not in ("person", "organization", "group", "country") or not (m.id or m.country):
        return None
    return m
