"""Clause shapes the event coder reads around a trigger: a verb opening its sentence and its subject, a verb after a
fronted phrase, a verb describing an indefinite object, a relative light verb, a meeting noun restating a verb's
meeting. Pure functions of the sentence's tokens and the trigger lexicon (data/triggers.json)."""

from __future__ import annotations

from collections.abc import Container

from marsad.entities.vocabulary import is_counterpart
from marsad.events.lexicon import Trigger, TriggerLexicon
from marsad.events.markers import ON, WITH, Arg, governed_noun
from marsad.events.triggers import RELATIVE_REACH, Hit, bare_conj
from marsad.model import Event, Mention, Token
from marsad.text.normalize import normalize_text

BARE = frozenset({""})  # the object markers of a transitive frame: a bare object

# The complementizer أن/إن (with its proclitics), after which the subject comes before the verb.
ANNA = frozenset({"ان", "بان", "لان", "وان", "فان"})
# "كان X قد فعل": the particle and the auxiliary that put a past verb's subject before it.
QAD = "قد"
KANA = frozenset({"كان", "وكان", "كانت", "وكانت"})
# Punctuation between a speaker and a verb that opens a quotation ("وقال لافروف "يرفض ...").
QUOTES = frozenset('"«»“”:')
# The ending of a sound masculine plural in the accusative or genitive ("مسؤولين"): never a verb's subject.
ACCUSATIVE_PLURAL = "ين"
# "قالت مصر إنها ترفض تدخل قطر": after a complementizer with a pronoun, the verb's subject is the speaker
MEDIA = "MED"
# "قال إنه يتعين": أن with the pronoun of the matter (ضمير الشأن), which introduces a clause with no subject
ANNA_MATTER = frozenset(p + a + "ه" for p in ("", "و", "ب", ON) for a in ("ان", "لان"))
ANNA_PRONOUN = frozenset(p + a + s for p in ("", "و", "ب") for a in ("ان", "لان") for s in ("ه", "ها", "هم", "هما"))
# the proclitic prepositions of a fronted phrase after و ("وبعد"، "وفي"، "ولدى"، "وعلى"، "ومن")
FRONTED_PREPOSITIONS = ("ب", "ف", "ل", "ع", "م")


def opening_subject(tokens: list[Token], arg: Arg) -> bool:
    """``arg`` is the subject right after the verb that opens the sentence ("تدخل الرئيس العراقي ...")."""
    return arg.marker == "" and not arg.mention.is_place and len(tokens) > 1 \
        and tokens[1].start <= arg.mention.span[0] <= tokens[min(3, len(tokens) - 1)].start


def is_actor(arg: Arg) -> bool:
    """An actor argument: not a place (the linker already turned capitals used for their governments,
    "أعلنت القاهرة", into countries)."""
    return not arg.mention.is_place


def clause_subject(before: list[Arg]) -> Arg | None:
    """The clause's subject, the last actor before the trigger with no marker and not reached through a noun: the
    actor of a verb whose antecedent or object is a thing ("بريطانيا ستمدد الضربات التي تشنها"، "تقود الولايات
    المتحدة تحالفا يشن")."""
    return next((a for a in reversed(before) if a.marker == "" and not a.via and not a.mention.is_place), None)


def fronted(tokens: list[Token], hit: Hit, before: list[Arg]) -> bool:
    """A verb opening its sentence after a fronted prepositional phrase naming no actor ("وبعد الدوحة ينتقل
    إلى سنغافورة"، "وفي وقت لاحق، التقى"): a pro-drop verb like one opening the sentence."""
    first = tokens[0].norm if tokens else ""
    return 1 < hit.start_tok <= 4 and first[:1] == "و" and first[1:2] in FRONTED_PREPOSITIONS \
        and not any(a.mention.type in ("person", "organization", "group") for a in before)


def describes_indefinite(lexicon: TriggerLexicon, tokens: list[Token], i: int, before: list[Arg],
                         nouns: frozenset[str] = frozenset()) -> bool:
    """The verb at ``i`` follows an indefinite noun in the accusative (تحالفا، قرارا), at most across
    prepositional words (قرارا بالإجماع يطلب), with no actor between: an adjectival clause on that noun; or
    follows, within three words, a noun the verb requires (``nouns``: "جولة شرق أوسطية تقوده إلى قطر")."""
    if any(tokens[j].norm in nouns for j in range(max(0, i - 3), i)):
        return True
    for j in range(i - 1, max(-1, i - 4), -1):
        word = bare_conj(tokens[j].norm)
        if word.endswith("ا") and not word.startswith("ال") and len(word) > 3 and not word.endswith("يا") \
                and word not in lexicon.fillers:
            return not any(a.mention.span[0] >= tokens[j].start for a in before)
        if not word.startswith(("ب", "ل")):
            return False
    return False


def relative_light_verb(lexicon: TriggerLexicon, tokens: list[Token], i: int) -> bool:
    """Tokens from ``i`` read "التي قام بها"، "الذي أجراه": a relative and a light verb with its pronoun."""
    if i + 1 >= len(tokens) or tokens[i].norm not in lexicon.relatives:
        return False
    one = tokens[i + 1].norm
    return one in lexicon.relative_light_verbs or (
        i + 2 < len(tokens) and f"{one} {tokens[i + 2].norm}" in lexicon.relative_light_verbs)


def restates(lexicon: TriggerLexicon, tokens: list[Token], hit: Hit, coded: list[Hit]) -> bool:
    """"يلتقي الجبير كيري ولافروف في اجتماع ثلاثي": a meeting noun after في/خلال restates the meeting a verb
    before it in the sentence told (``coded``: the hits that made an event); not so an attack ("قتل 2 ... في
    المعارك التي اندلعت" tells the clash)."""
    if hit.trigger.tense != "noun" or hit.trigger.type != "CONSULT" or hit.start_tok == 0 \
            or tokens[hit.start_tok - 1].norm not in lexicon.restating_prepositions:
        return False
    return any(h.trigger.type == hit.trigger.type and h.trigger.tense != "noun" for h in coded)


def content_gap(rank_words: Container[str], fillers: Container[str], timexes: list[tuple[int, int]],
                tokens: list[Token], ti: int, end: int) -> int:
    """Content words from token ``ti`` to offset ``end``: ranks, fillers and time expressions don't count."""
    n = 0
    while ti < len(tokens) and tokens[ti].start < end:
        tok = tokens[ti]
        word = bare_conj(tok.norm)
        if not (word in rank_words or word in fillers or any(s <= tok.start < e for s, e in timexes)):
            n += 1
        ti += 1
    return n


def killed_fighting(trig: Trigger, after: list[Arg]) -> Arg | None:
    """"هلال الأسد الذي قتل في معارك مع الثوار": an attack verb after a relative with no subject after it is a
    passive (قُتل), and the side fought, after مع, is the attacker."""
    if trig.type != "ASSAULT" or trig.tense != "past":
        return None
    return next((a for a in after if a.marker == WITH and is_actor(a)), None)


def reports_none(lex: TriggerLexicon, trig: Trigger, prev_word: str) -> bool:
    """A trigger that tells no event for the word before it: a verb form after a preposition is a verbal noun ("بعد
    طلب من"); a noun after a demonstrative is the event already told ("ويعد هذا اللقاء الثاني بين") and one after a
    time anchor dates another ("بعد احتجاجات حاشدة"); a demand with no one named making it ("ويجب أن تكون بريطانيا
    أمة واحدة", but "قال إنه يتعين").
    """
    if trig.frame.clause_object and prev_word not in ANNA_MATTER:
        return True
    if trig.tense != "noun":
        return prev_word in lex.prepositions or prev_word in lex.nominal_cues
    return prev_word in lex.demonstratives or bare_conj(prev_word) in lex.time_anchors


def stopped_window(tokens: list[Token], hit: Hit, window_end: int) -> int:
    """Where a trigger's arguments end when its frame stops at a word: "دعا المعتصمون إلى إعدام سليمان الأسد"
    (the one called on comes before إلى, not in the demand)."""
    stops = hit.trigger.frame.stops_at
    if not stops:
        return window_end
    return next((t.start for t in tokens[hit.end_tok :] if t.start < window_end and t.norm in stops), window_end)


# words before a trigger within which its frame's verb of receiving may stand ("تلقى ... اتصالا هاتفيا")
RECEIVE_REACH = 6


def received(tokens: list[Token], hit: Hit) -> bool:
    """"تلقى الملك اتصالا هاتفيا من ...": a verb of receiving (the frame's receive_verbs) shortly before the
    trigger: its subject is the event's target, the caller its source."""
    verbs = hit.trigger.frame.receive_verbs
    if not verbs:
        return False
    prev_words = {t.norm for t in tokens[max(0, hit.start_tok - RECEIVE_REACH) : hit.start_tok]}
    return bool((prev_words | {bare_conj(w) for w in prev_words}) & verbs)


def speaker(args: list[Arg], tokens: list[Token], hit: Hit) -> Arg | None:
    """The actor named last before "إنها" (the speaker of "قالت مصر ... إنها ترفض")."""
    pos = tokens[hit.start_tok - 1].start
    # (a news agency reports, it is never the speaker: "ونقلت وكالة الصحافة الفرنسية عن غابريال قوله إنه")
    bare = [a for a in args if a.mention.span[1] <= pos and a.marker == "" and not a.mention.is_place
            and a.mention.sector != MEDIA]
    if not bare:
        return None
    k = len(bare) - 1
    while k > 0 and bare[k - 1].mention.span[1] < bare[k].mention.span[0]:
        # "وتقول الولايات المتحدة وحليفتها السعودية والمعارضة السورية إنه": the first of coordinated speakers
        between = [t.norm for t in tokens if bare[k - 1].mention.span[1] <= t.start < bare[k].mention.span[0]]
        if not (bare[k].conj and not between or len(between) == 1 and between[0].startswith("و")):
            break
        k -= 1
    return bare[k]


def window_end(lexicon: TriggerLexicon, tokens: list[Token], hits: list[Hit], k: int, sent_end: int) -> int:
    """Where a trigger's arguments end: at the next trigger, except that a verb reaches over verbal nouns
    governed by a preposition ("رحب حزب الجيل بزيارة الأمير محمد"، "وافق على استقبال جرحى يمنيين"): they are its
    object, not a new clause."""
    verb = hits[k].trigger.tense != "noun"
    unnamed = hits[k].trigger.frame.unidentified_source
    for h in hits[k + 1 :]:
        if hits[k].trigger.frame.clause_object and h.start_tok - hits[k].end_tok <= 1:
            continue  # "يتعين ان تتعاون الولايات المتحدة": the demand's target is the next verb's subject
        # (and "وصف الوزير زيارة الأمير محمد بـ«التاريخية»": over the nouns before the word the verb requires)
        if verb and h.trigger.tense == "noun" and (governed_noun(tokens[h.start_tok].norm) or h.start_tok > 0
                                                   and tokens[h.start_tok - 1].norm in lexicon.prepositions
                                                   or h.end_tok < hits[k].required_end):
            continue
        if unnamed and not verb and h.start_tok - hits[k].end_tok <= RELATIVE_REACH \
                and tokens[h.start_tok - 1].norm in lexicon.relatives:
            continue  # "التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ": the explosion's target
        return tokens[h.start_tok].start
    return sent_end


DURING_OPENER = 2  # "وأضاف خلال زيارة": the noun's index after a pro-drop verb opening the sentence and خلال
DURING_MODES = frozenset({"visit", "meet"})  # "خلال اشتباكات"، "خلال قمة": the clause's subject is not a side
RECALLED_TYPE = "CONSULT"  # other types' anaphoric nouns ("في معركتها ضد داعش") are told before or generic


def anaphoric(lexicon: TriggerLexicon, tokens: list[Token], hit: Hit) -> bool:
    """"خلال زيارته"، "أثناء لقائه"، "خلال الاستقبال": a verbal noun with a pronoun or the article after a time
    cue is the event already told, not a new one (and must not cut the window of the verb around it); so is any
    verbal noun after a word for its scene ("إلى موقع الانفجار"، "موقع انفجار محيط المحكمة")."""
    if hit.start_tok == 0:
        return False
    before = bare_conj(tokens[hit.start_tok - 1].norm)
    return before in lexicon.site_words or (hit.pronoun or hit.definite) and before in lexicon.nominal_cues


def split_anaphoric(lexicon: TriggerLexicon, tokens: list[Token], hits: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """The hits that may tell a new event, and the anaphoric meeting nouns with a pronoun ("خلال زيارته إلى
    ماليزيا"): an event told before, unless the article told none (the coder then codes them apart)."""
    fresh, recalled = [], []
    for h in hits:
        if not anaphoric(lexicon, tokens, h):
            fresh.append(h)
        elif h.pronoun and h.trigger.type == RECALLED_TYPE:
            recalled.append(h)
    return fresh, recalled


def indefinite_group(m: Mention) -> bool:
    """An unnamed group without the article ("جرحى يمنيين"، "لاجئين"): after a transitive verbal noun it is the
    object ("استقبال جرحى يمنيين"), not the genitive subject."""
    return m.type == "group" and m.id is None and not m.text.startswith("ال")


def first_content(tokens: list[Token], j: int, fillers: frozenset[str], timex_spans: list[tuple[int, int]],
                  rank_words: frozenset[str] = frozenset()) -> int:
    """Index of the first token from ``j`` that is not a filler, a rank word or inside a time expression."""
    while j < len(tokens) and (bare_conj(tokens[j].norm) in fillers or tokens[j].norm in rank_words
                               or any(s <= tokens[j].start < e for s, e in timex_spans)):
        j += 1
    return j


def subject_start(tokens: list[Token], hit: Hit, fillers: frozenset[str], timex_spans: list[tuple[int, int]]) -> int:
    """The offset of the first word after a verb that is not a filler or a time word: where its subject is."""
    j = first_content(tokens, hit.end_tok, fillers, timex_spans)
    return tokens[j].start if j < len(tokens) else -1


def unknown_name_likely(lexicon: TriggerLexicon, rank_words: frozenset[str], timex_spans: list[tuple[int, int]],
                        tokens: list[Token], hits: list[Hit], found: list[Event], mentions: list[Mention]) -> bool:
    """Whether a verb trigger without an event has a word no mention covers right after it (skipping time
    words and ranks): the likely place of a name the knowledge base lacks. Keeps the NER model off most
    sentences (it costs ~1 ms a sentence)."""
    coded = {ev.trigger_span for ev in found}
    covered = [m.span for m in mentions]
    for hit in hits:
        if hit.trigger.tense == "noun" or (tokens[hit.start_tok].start, tokens[hit.end_tok - 1].end) in coded:
            continue
        j = first_content(tokens, hit.end_tok, lexicon.fillers, timex_spans, rank_words)
        if j >= len(tokens):
            continue
        tok = tokens[j]
        if tok.norm in lexicon.prepositions or len(tok.norm) < 3:
            continue
        if not any(s <= tok.start < e for s, e in covered):
            return True
    return False


def purpose_noun(lexicon: TriggerLexicon, tokens: list[Token], hit: Hit) -> bool:
    """A verbal noun of purpose, ل with no article ("في جولة تقوده إلى قطر للقاء وزراء خارجية دول الخليج"): it
    shares the subject of its clause, and its genitive is its object."""
    word = bare_conj(tokens[hit.start_tok].norm)
    return hit.trigger.tense == "noun" and not hit.definite and not hit.pronoun and word[:1] == "ل" \
        and any(t.tense == "noun" for t in lexicon.single.get(word[1:], ()))


def pronoun_readings(tokens: list[Token], before: list[Arg], previous_source: Mention | None,
                     carried: Mention | None) -> list[tuple[Arg, bool]]:
    """The subjects a verbal noun's pronoun suffix may stand for ("زيارته إلى مصر"، "لقائه مع ..."): the
    sentence's or the article's last source; "مستغربة اجتماعه": ه is one person, so unless the last source is a
    person, first the nearest person before."""
    readings = []
    nearest = next((a for a in reversed(before) if a.mention.type == "person"), None)
    if nearest is not None and not (previous_source is not None and previous_source.type == "person"):
        readings.append((nearest, True))
    if (previous_source or carried) is not None:
        readings.append((Arg(previous_source or carried, ""), True))  # type: ignore[arg-type]
    elif before and opening_subject(tokens, before[0]):
        readings.append((before[0], True))  # "أعلنت النرويج ... اعترافها بدولة فلسطين"
    return readings


# the actors a pronoun may stand for: ه a person, ها a state or body, هم a group or people
REFERENTS = {"ه": ("person",), "ها": ("country", "organization", "group"), "هم": ("group", "person"),
             "هما": ("person", "country", "group")}
# على with a pronoun ("عليه"، "عليها"), and what the pronoun may stand for
ON_REFERENTS = {ON + suffix: kinds for suffix, kinds in REFERENTS.items()}


def relative_clause(tokens: list[Token], hit: Hit, before: list[Arg], actors_after: list[Arg],
                    next_to_antecedent: bool, fixed_pair: tuple[Arg, Arg] | None
                    ) -> tuple[Arg | None, Arg | None, tuple[Arg, Arg] | None]:
    """The subject after, the subject before and the fixed (source, target) pair of a verb after a relative
    ("الهجوم الذي شنته ميليشيا الحوثي": the subject follows the verb, however long the gap).
    ``next_to_antecedent``: nothing but the relative between the last actor before and the verb."""
    first = next((a for a in actors_after if a.marker == ""), None)
    svo_subject = None
    antecedent = before[-1] if before else None
    if first is not None and (main := imposed_on(tokens, hit, before)) is not None:
        fixed_pair = (first, main)  # "الإقامة الجبرية التي فرضها عليه المتمردون": on the clause's subject
    if first is None and antecedent is not None and next_to_antecedent:
        # "كيري، أثناء زيارته إلى مصر التي وصلها": no subject after the verb; the antecedent is its object and
        # the clause's subject its subject
        main = next((a for a in before if a.marker == "" and is_actor(a)), None)
        if main is not None and main is not antecedent:
            fixed_pair = (main, antecedent)
    elif first is None:
        # "بريطانيا ستمدد الضربات الجوية التي تشنها على داعش": the antecedent is a thing, the verb's subject the
        # clause's (the last subject before)
        svo_subject = clause_subject(before)
    return first, svo_subject, fixed_pair


def imposed_on(tokens: list[Token], hit: Hit, before: list[Arg]) -> Arg | None:
    """"تمكن المحافظ من كسر حاجز الإقامة الجبرية الذي فرضه عليه المتمردون": a relative verb followed by على and a
    pronoun acts on the subject of the clause (the first bare actor before it)."""
    if hit.end_tok >= len(tokens) or tokens[hit.end_tok].norm not in ON_REFERENTS:
        return None
    return next((a for a in before if a.marker == "" and is_actor(a)), None)


def on_pronoun_object(tokens: list[Token], hit: Hit, before: list[Arg], subject: Arg) -> Arg | None:
    """"هددوا همام ... وفرضوا عليه الإقامة الجبرية": a verb joined by و to the one before it, whose object is على
    and a pronoun, acts on the nearest actor of the pronoun's kind named before it in the sentence, not its own
    subject (the caller checks the و and the shared subject: "مدينة لا تزال الحكومة تسيطر عليها" is a thing's)."""
    if hit.trigger.tense == "noun" or hit.end_tok >= len(tokens):
        return None
    kinds = ON_REFERENTS.get(tokens[hit.end_tok].norm)
    if kinds is None:
        return None
    return next((a for a in reversed(before) if a.mention.type in kinds and is_actor(a)
                 and a.mention is not subject.mention and (a.mention.id is None or a.mention.id != subject.mention.id)),
                None)


def participle_readings(before: list[Arg], previous_source: Mention | None,
                        carried: Mention | None) -> list[tuple[Arg, bool]]:
    """"قال شكري إن ...، مشيدا بدور الجيش": a circumstantial participle shares the subject of the clause it follows
    (the sentence's first subject), else of the sentence's last event, else the article's."""
    main = next((a for a in before if a.marker == "" and is_actor(a)), None)
    antecedent = next((m for m in (main and main.mention, previous_source, carried) if m is not None), None)
    return [(Arg(antecedent, ""), True)] if antecedent is not None else []


def object_pronoun_pair(lexicon: TriggerLexicon, tokens: list[Token], hit: Hit, before: list[Arg],
                        after: list[Arg]) -> tuple[Arg, Arg] | None:
    """"يهدد بإعدام كرواتي ...، خطفه التنظيم": a past verb with an object pronoun, read like a verbal noun with
    its pronoun, but followed right away by a bare actor: that actor did it, to the person named last before."""
    if not hit.pronoun or hit.trigger.tense != "noun" or hit.start_tok == 0 or hit.end_tok >= len(tokens):
        return None
    prev = bare_conj(tokens[hit.start_tok - 1].norm)
    if prev in lexicon.prepositions or prev in lexicon.nominal_cues or prev in lexicon.time_anchors:
        return None
    stem = bare_conj(tokens[hit.start_tok].norm)[:-1]  # one letter of pronoun: ه
    if not any(t.tense == "past" and t.type == hit.trigger.type for t in lexicon.single.get(stem, ())):
        return None
    doer = next((a for a in after if a.marker == "" and is_actor(a)), None)
    victim = next((a for a in reversed(before) if a.mention.type == "person"), None)
    if doer is None or victim is None or doer.mention.span[0] != tokens[hit.end_tok].start:
        return None
    return doer, victim


def counterpart(text: str, m: Mention) -> bool:
    """A mention opening with, or right after, نظيره/نظيرهم ... (any proclitic): "نظيره المصري سامح شكري"."""
    before = normalize_text(text[max(0, m.span[0] - 14) : m.span[0]]).split()
    return any(is_counterpart(w) for w in [normalize_text(m.text).split(" ", 1)[0], *before[-1:]])


# "واصلنا"، "التقينا" (past, we) and "نناقش"، "لنناقش"، "سنواصل"، "أرفض" (present, we or I)
WE_PAST = "نا"
FIRST_PERSON_PRESENT = ("ن", "أ", "ا")  # أ is ا once normalised
PRESENT_PROCLITICS = ("ل", "س")  # "لنناقش"، "سنشن" (و and ف go with bare_conj)
# "وقال إننا"، "وأضاف: نطالب": a statement opening this close to the sentence start has its speaker dropped
SPEECH_VERB_REACH = 1
# إن/أن with the pronouns that open a reported clause ("إننا"، "أنه")
COMPLEMENTIZERS = frozenset(a + p for a in ANNA for p in ("", "ه", "ها", "هم", "هما", "نا", "ني"))


def first_person(word: str, tense: str, forms: Container[str] = ()) -> bool:
    """A verb conjugated for "we" or "I": in news its subject is the speaker of the quotation or statement
    around it ("وقال لافروف إننا واصلنا النقاش مع الجبير"). ``forms``: the lexicon's verb forms, for "أعلنا"
    (they two announced: أعلن + ا), spelled like "أعلنّا" (we announced)."""
    word = bare_conj(word)
    if tense == "past":
        return len(word) >= 5 and word.endswith(WE_PAST) and word[:-1] not in forms
    if tense == "present":
        if word[:1] in PRESENT_PROCLITICS and len(word) >= 4 and word[1] in FIRST_PERSON_PRESENT:
            word = word[1:]
        return len(word) >= 3 and word[0] in FIRST_PERSON_PRESENT
    return False


def statement_speaker(text: str, tokens: list[Token], before: list[Arg], hit: Hit) -> tuple[int, Arg | None]:
    """Where the statement a first-person verb stands in opens (the token index of إن، أن، إننا ...، or of the
    first word after a colon or a quote mark; the verb's own index when none does) and its speaker: the actor
    named right before that opening ("وقال وزير الخارجية عادل الجبير: التقينا"), or None."""
    start = tokens[hit.start_tok].start
    quote = next((i for i in range(tokens[0].start, start) if text[i] in QUOTES), start)
    opener = next((k for k, t in enumerate(tokens[: hit.start_tok]) if t.norm in COMPLEMENTIZERS or t.start > quote),
                  hit.start_tok)
    begin = tokens[opener].start if opener < hit.start_tok else start
    said = next((a for a in reversed(before) if a.mention.span[1] <= begin), None)
    if said is None or said.marker != "" or said.mention.is_place \
            or any(t.start >= said.mention.span[1] for t in tokens[:opener]):
        return opener, None
    return opener, said


def we_readings(text: str, tokens: list[Token], before: list[Arg], hit: Hit, previous_source: Mention | None,
                carried: Mention | None, forms: Container[str]) -> list[tuple[Arg, bool]] | None:
    """A first-person verb's subject: the statement's speaker, else the sentence's or the article's last source
    ("وقال إننا ... واصلنا النقاش": the speaker carried from before); None for other verbs."""
    if not first_person(tokens[hit.start_tok].norm, hit.trigger.tense, forms):
        return None
    opener, said = statement_speaker(text, tokens, before, hit)
    if said is not None:
        return [(said, True)]
    if opener > SPEECH_VERB_REACH or opener == hit.start_tok:
        # a speaker the sentence names but the knowledge base does not, or a quotation going on from an earlier
        # sentence ("ونحث السلطات ..."): no one to guess
        return []
    # "وقال إننا ..."، "وأضاف: نطالب": the speaker is the one the article last spoke of
    antecedent = next((Arg(m, "") for m in (previous_source, carried) if m is not None), None)
    return [(antecedent, True)] if antecedent is not None else []


def during_readings(tokens: list[Token], hit: Hit, before: list[Arg], after: list[Arg], previous_source: Mention | None,
                    speaker: Mention | None, lexicon: TriggerLexicon) -> list[tuple[Arg, bool]]:
    """The subject of a verbal noun with no genitive after "خلال"/"أثناء": the clause's subject before it ("وقال كيري
    خلال زيارة إلى ماليزيا"), or, right after a pro-drop verb opening the sentence ("وأضاف خلال زيارة إلى
    ماليزيا"), the sentence's last source or the article's last speaker. None when a relative light verb follows
    ("خلال زيارة يقوم بها كيري": the subject is after), a person follows ("خلال زيارة لوزير الخارجية جون كيري":
    his visit) or the subject is only after ("خلال زيارة ... شدد أوباما"). Visits and meetings only."""
    if hit.trigger.mode not in DURING_MODES \
            or " ".join(t.norm for t in tokens[hit.end_tok : hit.end_tok + 2]) in lexicon.relative_light_verbs:
        return []
    if after and after[0].mention.type == "person" and hit.end_tok < len(tokens) \
            and after[0].mention.span[0] <= tokens[hit.end_tok].end:
        return []
    subject = clause_subject(before)
    if subject is not None:
        return [(subject, True)]
    told = previous_source or speaker
    return [(Arg(told, ""), True)] if told is not None and hit.start_tok == DURING_OPENER and not before else []


def noun_readings(svo_subject: Arg | None, previous_source: Mention | None) -> list[tuple[Arg, bool]]:
    """The subjects of a verbal noun whose frame names none after it: the clause's subject, then the sentence's
    last source."""
    readings = [(svo_subject, False)] if svo_subject is not None else []
    if previous_source is not None:
        readings.append((Arg(previous_source, ""), True))
    return readings
