"""Whether the actor before a verb is its subject (SVO) in Arabic, where VSO is the rule: a past verb takes a
subject before it only in "كان X قد فعل", after أن, opening a clause, or after a verb governing a verbal noun."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from marsad.events.clauses import ANNA, KANA, QAD, QUOTES
from marsad.events.lexicon import TriggerLexicon
from marsad.events.markers import LEADER, Arg
from marsad.events.triggers import Hit, bare_conj
from marsad.model import Token


def kept_svo_subject(lex: TriggerLexicon, text: str, tokens: list[Token], starts: list[int], hit: Hit,
                     before: list[Arg], svo_subject: Arg, plural: bool, gap_to: Callable[[int, int], int]
                     ) -> Arg | None:
    """``svo_subject`` when the last bare actor before the verb is its subject, else None. ``gap_to(ti, end)``:
    content words from token ``ti`` to offset ``end``."""
    trig = hit.trigger
    tstart = tokens[hit.start_tok].start

    def token_after(pos: int) -> int:
        return bisect.bisect_left(starts, pos)

    subject_end = svo_subject.mention.span[1]
    leader = next((a for a in before if a.marker == LEADER and a.mention.span[0] >= subject_end
                   and gap_to(token_after(subject_end), a.mention.span[0]) <= 1), None)
    if leader is not None:  # "وفدا من حركة حماس برئاسة خالد مشعل، التقى": the delegation met
        subject_end = leader.mention.span[1]
    gap = gap_to(token_after(subject_end), tstart)
    qad = QAD in {t.norm for t in tokens[max(0, hit.start_tok - 2) : hit.start_tok]} or bool(
        KANA & {t.norm for t in tokens[max(0, hit.start_tok - 12) : hit.start_tok]})
    si = token_after(svo_subject.mention.span[0]) - 1
    after_anna = si >= 0 and tokens[si].norm in ANNA  # "أعلنت مصر أن إسرائيل وحماس وافقتا"
    counted = si >= 0 and tokens[si].norm.isdigit()  # "أن 25 حوثيا قتلوا": a count, then a passive verb
    # a subject opening the sentence, or after لكن/بينما ..., right before its verb: "موسكو انتقدت واشنطن"
    opener = gap == 0 and (si < 0 or tokens[si].norm in lex.svo_openers)
    between_words = text[subject_end:tstart]
    if between_words[:1] in ('"', "»", "”"):
        between_words = between_words[1:]  # the quote closing the subject's name (تنظيم "داعش" يهدد)
    embedded = any(t.norm in ANNA for t in tokens[token_after(subject_end) : hit.start_tok])
    quoted = QUOTES & set(between_words) and not (after_anna and len(between_words.strip()) == 1)
    if quoted or embedded:  # (but "أن الحركة «قبلت الدعوة»": a quotation opening after a reported subject)
        # "وقال لافروف "يرفض ..."، "وقالت مصادر إن 40 شخصا قتلوا": the speaker, not the quoted or reported verb's
        # subject
        svo_subject = None
    elif plural and svo_subject.mention.type == "person" and not svo_subject.conj:
        svo_subject = None  # "هددوا همام بالتصفية، وفرضوا عليه": one person is no plural verb's subject
    elif hit.conj and gap == 0 and not qad:
        svo_subject = None  # "ضربات على داعش في سوريا والعراق ويتعاون مع تركيا": a clause joined by و
    elif trig.tense == "past" and not (qad or after_anna or opener or plural and not counted
                                       or gap == 0 and si >= 0
                                       and bare_conj(tokens[si].norm) in lex.masdar_governors):
        # a past verb takes its subject before it only in "كان X قد فعل", after أن, opening a clause, or
        # as the verbal noun after a verb and its subject ("وأعلن الجيش عزل مرسي")
        svo_subject = None
    elif trig.tense == "present" and gap > 0:
        svo_subject = None  # headline SVO: "حفتر يستقبل مدير المخابرات"
    return svo_subject
