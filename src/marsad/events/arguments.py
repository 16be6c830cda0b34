"""The object of an event and the arguments no mention names: the first argument after the subject that the
trigger's frame accepts, the actor coordinated with the subject, protesters named by the trigger itself."""

from __future__ import annotations

import dataclasses

from marsad.events.lexicon import Frame
from marsad.events.markers import Arg
from marsad.events.triggers import Hit
from marsad.model import UNIDENTIFIED, Article, Mention, Token
from marsad.text.normalize import normalize_text

# sectors whose actors need no country to be a target (the UN, a church)
STATELESS_SECTORS = frozenset({"IGO", "REL"})
# a generic agent of at most this many words is bare ("المسؤولين"، "وزراء الخارجية"); a longer one names a body
# ("لجنة متابعة مبادرة السلام العربية")
BARE_WORDS = 2
# characters between a subject and a member marker's first member ("، التي تضم ")
MEMBER_REACH = 12


def choose_object(after: list[Arg], subject: Arg, frame: Frame, receive: bool, text: str = "",
                  members: frozenset[str] = frozenset()) -> Arg | None:
    """The first argument after the subject that the frame accepts; a bare generic agent ("المسؤولين") is too
    vague to be a target, a title set off by a comma after a person's name is that person's ("كشف بهاء
    الأعرجي، نائب رئيس الوزراء العراقي، عن هدر ...") and the actors after one of ``members`` right after the
    subject are its members ("أبرمته مجموعة 5+1، التي تضم روسيا وبريطانيا ...، مع إيران")."""
    markers = frame.object_markers
    if receive and frame.receive_marker:
        markers = frozenset({frame.receive_marker})
    chain_end = subject.mention.span[1]
    listing = False  # in the list of the subject's members
    for a in after:
        if a is subject or a.mention is subject.mention:
            continue
        if a.mention.id is not None and a.mention.id == subject.mention.id:
            continue  # an appositive of the subject ("نائب الرئيس اليمني رئيس مجلس الوزراء خالد بحاح")
        if a.mention.span[0] < subject.mention.span[1] and subject in after:
            continue
        if text and subject.mention.type == a.mention.type == "person" and a.mention.id is None \
                and text[subject.mention.span[1] : a.mention.span[0]].strip() in ("،", ","):
            continue
        if members and 0 <= a.mention.span[0] - chain_end <= MEMBER_REACH and (
                listing and a.conj or members.intersection(normalize_text(text[chain_end : a.mention.span[0]]).split())):
            chain_end, listing = a.mention.span[1], True
            continue
        listing = False
        if a.conj and not frame.coordination and 0 <= a.mention.span[0] - chain_end <= 3:
            chain_end = a.mention.span[1]
            continue  # "قصف شنه الحوثيون وميليشيات صالح على ...": a second subject, not the object
        if a.mention.is_place and not frame.object_places:
            continue
        if a.mention.agent and a.mention.country is None and a.mention.sector not in STATELESS_SECTORS \
                and len(a.mention.text.split()) <= BARE_WORDS:
            continue
        if frame.theme_forces and a.mention.id is None and a.mention.sector == "MIL" and a.marker == "":
            continue  # "إرسال قوات إلى ليبيا": the forces sent; the target is where they go
        if a.marker in markers or a.via in markers and a.via:
            return a
    return None


def coordinated(text: str, after: list[Arg], subject: Arg) -> Arg | None:
    """The actor joined to the subject by و: "وقعت مصر والسعودية اتفاقية" → Saudi Arabia."""
    end = subject.mention.span[1]
    nxt = next((a for a in after if a.mention.span[0] >= end), None)
    if nxt is None or nxt.mention.is_place:
        return None
    if nxt.conj and nxt.mention.span[0] - end <= 3:
        return nxt
    if text[end : nxt.mention.span[0]].strip() in ("-", "–", "/"):
        return nxt  # "مباحثات الجبير - لافروف"
    return None


def implicit_source(article: Article, tokens: list[Token], hit: Hit, args: list[Arg], frame: Frame,
                    main_country: str | None) -> Mention:
    """Protesters named by the trigger itself ("خرجت مظاهرات في القاهرة"): a group of the country the sentence
    names first, else of the article's main country."""
    country = next((a.mention.country for a in args if a.mention.country and a.mention.type in
                    ("country", "place")), main_country)
    return dataclasses.replace(_trigger_group(article, tokens, hit), country=country,
                               sector=frame.implicit_source_sector)


def unidentified_source(article: Article, tokens: list[Token], hit: Hit, name_ar: str) -> Mention:
    """The attacker of an explosion no one is named for ("انفجرت عبوة ناسفة"، "التفجير الذي استهدف المسجد"): an
    actor that identifies no one (no id, country or sector), told by the trigger itself, as ACLED's
    "unidentified armed group"."""
    return dataclasses.replace(_trigger_group(article, tokens, hit), name=UNIDENTIFIED, name_ar=name_ar)


def _trigger_group(article: Article, tokens: list[Token], hit: Hit) -> Mention:
    """A group named by the trigger's own words (passes.dedupe knows it by its span)."""
    tstart, tend = tokens[hit.start_tok].start, tokens[hit.end_tok - 1].end
    return Mention(text=article.text[tstart:tend], span=(tstart, tend), type="group", confidence=0.5)
