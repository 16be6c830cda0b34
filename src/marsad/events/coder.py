"""Event stage: PLOVER events from triggers (verbs, verbal nouns, light verbs) and their arguments.

Arguments attach by Arabic word order: VSO bodies ("استقبل الرئيس المصري، اليوم، المشير خليفة حفتر"), SVO
headlines ("حفتر يستقبل مدير المخابرات") and pro-drop coordinated verbs ("توجه X إلى ليبيا والتقى بحفتر").
"""

from __future__ import annotations

import bisect
import dataclasses

from marsad.dates.attach import attach_event_date
from marsad.entities.linker import EntityLinker
from marsad.entities.vocabulary import load_lexicon
from marsad.events.arguments import choose_object, coordinated, implicit_source, unidentified_source
from marsad.events.clauses import (
    ACCUSATIVE_PLURAL,
    ANNA_PRONOUN,
    BARE,
    clause_subject,
    content_gap,
    counterpart,
    describes_indefinite,
    during_readings,
    fronted,
    indefinite_group,
    is_actor,
    killed_fighting,
    noun_readings,
    object_pronoun_pair,
    on_pronoun_object,
    opening_subject,
    participle_readings,
    pronoun_readings,
    purpose_noun,
    received,
    relative_clause,
    relative_light_verb,
    reports_none,
    restates,
    speaker,
    split_anaphoric,
    stopped_window,
    subject_start,
    unknown_name_likely,
    we_readings,
    window_end,
)
from marsad.events.demonyms import DEMONYM_AGENT_TYPES, adjective_object, demonym_agent
from marsad.events.lexicon import TriggerLexicon, load_triggers
from marsad.events.location import after_locative, country_of, event_location, hosts
from marsad.events.markers import BAYNA, FROM, ON, WITH, Arg, MarkerReader
from marsad.events.passes import (
    dedupe,
    implicit,
    localise,
    main_country,
    opening_speaker,
    sentence_passes,
    situated,
    told_before,
)
from marsad.events.phrases import PhraseFinder
from marsad.events.status import event_confidence, event_status, to_date
from marsad.events.subjects import kept_svo_subject
from marsad.events.triggers import Hit, TriggerFinder, bare_conj, plural_verb
from marsad.events.victims import VictimReader
from marsad.model import Article, Event, Mention, Sentence, Token
from marsad.text.normalize import normalize_text
from marsad.text.tokens import tokenize_span

# Sectors whose actor named before a protest noun may be its protesters ("خرج أنصار الحزب في مظاهرات").
PROTESTER_SECTORS = frozenset({"CVL", "OPP", "PTY", "LAB", "EDU", "REL", "NGO"})
# Content words allowed between a verb and its subject (set on the example corpus: "وطالب الجبوري رؤساء الكتل"
# must not reach the next known actor; "استقبل صاحب السمو الملكي الأمير محمد" counts 0 thanks to ranks).
MAX_SUBJECT_GAP = 1
# Content words from a trigger to the actor after its "بين" ("اجتماع ثلاثي مغلق بين X"; times and ranks are free)
BETWEEN_REACH = 5


class EventCoder:
    """Fills Article.events."""

    def __init__(self, linker: EntityLinker | None = None, lexicon: TriggerLexicon | None = None,
                 unknown_names: bool = False) -> None:
        self.unknown_names = unknown_names
        self.lexicon = lexicon or load_triggers()
        self.linker = linker
        self.kb = linker.kb if linker is not None else None  # countries of places standing for them
        self.ranks = frozenset(load_lexicon().ranks)
        self.rank_words = load_lexicon().rank_words
        self.markers = MarkerReader(self.lexicon, self.ranks)
        self.victims = VictimReader(self.lexicon, self.kb)
        self._starts: list[int] = []
        self._text = ""
        self._last_pair: tuple[Mention, Mention] | None = None  # the two parties of the last two-party event
        self._last_source: Mention | None = None  # the article's last event source (pro-drop across sentences)
        self._last_person: Mention | None = None  # the last person who was a source: "معاليه" is a person
        self._speaker: Mention | None = None  # the last source or named speaker ("وقال تشاووش أوغلو")
        self._main_country: str | None = None
        self.both_sides = load_lexicon().both_sides
        self._timex_spans: list[tuple[int, int]] = []
        self._unnamed: set[int] = set()  # starts of the sentence's unnamed speakers ("المصدر")
        self._hits: list[Hit] = []  # the sentence's trigger hits
        self.finder = TriggerFinder(self.lexicon)
        self.phrases = PhraseFinder(rank_words=self.rank_words)

    def __call__(self, article: Article) -> Article:
        mentions = sorted(article.mentions, key=lambda m: m.span)
        mstarts = [m.span[0] for m in mentions]
        self._last_pair = None
        self._last_source = None
        self._last_person = None
        self._speaker = None
        self.phrases.reset()
        self._main_country = main_country(mentions)
        sent_starts = [s.start for s in article.sentences]
        candidate_sentences = sorted({bisect.bisect_right(sent_starts, pos) - 1
                                      for pos in self.finder.positions(article)} - {-1})
        events: list[Event] = []
        heard = 0  # the sentences read so far for a speaker ("وقال تشاووش أوغلو ...")
        for si in candidate_sentences:
            for other in article.sentences[heard:si]:
                self._hear(article, other, mentions, mstarts)
            heard = si + 1
            sent = article.sentences[si]
            tokens = tokenize_span(article.norm, article.norm_offsets, sent.start, sent.end, segment=False)
            hits, recalled = split_anaphoric(self.lexicon, tokens, self.finder.find(tokens, 0, len(tokens)))
            found = self._code_sentence(article, sent, tokens, hits, mentions, mstarts, recalled, events) \
                if hits or recalled else []
            if self.unknown_names and len(found) < len(hits) and self.linker is not None and unknown_name_likely(
                    self.lexicon, self.rank_words, self._timex_spans, tokens, hits, found, mentions) \
                    and self.linker.add_names(article, sent.start, sent.end):
                # a trigger lacked an argument: names outside the knowledge base may supply it
                mentions = sorted(article.mentions, key=lambda m: m.span)
                mstarts = [m.span[0] for m in mentions]
                found = self._code_sentence(article, sent, tokens, hits, mentions, mstarts, recalled, events)
            events.extend(found)
            told = [ev for ev in found if not implicit(ev)]  # no one to carry from "انفجرت عبوة"
            if not told:
                self._hear(article, sent, mentions, mstarts)
            else:
                self._last_source = self._speaker = told[-1].source
                self._last_person = next((ev.source for ev in reversed(found) if ev.source.type == "person"),
                                         self._last_person)
            for ev in found:
                if ev.target is not None and ev.target.type != "country":
                    self._last_pair = (ev.source, ev.target)
        article.events = dedupe(article, events)
        return article

    def _code_sentence(self, article: Article, sent: Sentence, tokens: list[Token], hits: list[Hit],
                       mentions: list[Mention], mstarts: list[int], recalled: list[Hit],
                       told: list[Event]) -> list[Event]:
        """The sentence's events. ``recalled``: anaphoric verbal nouns ("خلال زيارته إلى ماليزيا"), coded after the
        others (they never cut a verb's window) and kept when neither ``told`` (the article's events so far) nor
        the sentence has an event of their type, mode and source."""
        starts = [t.start for t in tokens]
        # per-sentence context for the helpers below (the coder is not shared across threads)
        self._starts = starts
        self._text = article.text
        self._timex_spans = [t.span for t in article.timexes if sent.start <= t.span[0] < sent.end]
        m0 = bisect.bisect_left(mstarts, sent.start)
        m1 = bisect.bisect_left(mstarts, sent.end)
        trigger_spans = [(tokens[h.start_tok].start, tokens[h.end_tok - 1].end) for h in hits]
        # a light verb's noun ("شنت مقاتلات التحالف غارات") ends an actor phrase too
        trigger_spans += [(tokens[h.resume - 1].start, tokens[h.resume - 1].end) for h in hits
                          if h.resume > h.end_tok and h.resume - 1 < len(tokens)]
        trigger_spans.sort()
        self.markers.verb_ends = {h.end_tok - 1 for h in hits if h.trigger.tense != "noun"}
        self._hits = hits
        in_sentence = self.phrases.apply(article.text, tokens, self.victims.nationals(article.text, mentions[m0:m1]),
                                         self._timex_spans, trigger_spans)
        local = self.phrases.lex.local
        args = [Arg(localise(m, situated(m, in_sentence, article.text) or self._main_country, local),
                    *self.markers.marker(article, tokens, starts, m))
                for m in in_sentence if not m.adjective and not (m.agent and m.type == "person")]
        # "ورفض المصدر إعطاء ...": an unnamed speaker is the subject; no actor is carried from before
        self._unnamed = {m.span[0] for m in in_sentence if m.agent and m.type == "person"}
        countries = [m for m in in_sentence if m.adjective]
        governed = self.markers.governed(tokens, hits)
        for a in args:
            a.via = self.markers.via(tokens, starts, a.mention, governed)
        previous_source: Mention | None = None
        out = []
        coded: list[Hit] = []  # the hits that made an event
        for k, hit in enumerate(hits):
            if restates(self.lexicon, tokens, hit, coded):
                continue
            event = self._code(article, sent, tokens, hit, args, window_end(self.lexicon, tokens, hits, k, sent.end),
                               previous_source, countries, self._last_source)
            if event is not None:
                out.append(event)
                coded.append(hit)
                if (hit.trigger.tense != "noun" or event.source.type != "country") and not implicit(event):
                    previous_source = event.source  # not the agent of a noun ("الغارات الإسرائيلية")
        for hit in recalled:
            among = sorted(hits + [hit], key=lambda h: h.start_tok)
            event = self._code(article, sent, tokens, hit, args, window_end(self.lexicon, tokens, among,
                                                                         among.index(hit), sent.end),
                               previous_source, countries, self._last_source)
            if event is not None and not told_before(event, (*told, *out)):
                out.append(event)
        return sentence_passes(article.text, in_sentence, out, self.lexicon)

    def _code(self, article: Article, sent: Sentence, tokens: list[Token], hit: Hit, args: list[Arg],
              window_end: int, previous_source: Mention | None, countries: list[Mention],
              carried: Mention | None = None) -> Event | None:
        """One event from a trigger hit, or None. ``previous_source``: the source of the sentence's previous
        event; ``carried``: the article's last source, the subject of a pro-drop verb opening a sentence
        ("وأضاف"، "وطالب معاليه")."""
        trig = hit.trigger
        frame = trig.frame
        tstart, tend = tokens[hit.start_tok].start, tokens[hit.end_tok - 1].end
        window_end = stopped_window(tokens, hit, window_end)
        after = [a for a in args if tend <= a.mention.span[0] < window_end]
        before = [a for a in args if sent.start <= a.mention.span[1] <= tstart]
        actors_after = [a for a in after if is_actor(a)]
        first = next((a for a in actors_after if a.marker == ""), None)
        if first is not None and (counterpart(self._text, first.mention) or trig.tense != "noun" and first.mention.id is None
                                  and first.mention.type == "group" and first.mention.text.split()[0].endswith(ACCUSATIVE_PLURAL)):
            # "وسيلتقي نظيره المصري": the counterpart is the object, never the subject; so is a plural in the
            # accusative ("التقى مسؤولين عراقيين"; a subject would read مسؤولون)
            first = None
        plural = plural_verb(tokens[hit.start_tok].norm, trig.tense)
        if plural:
            first = None  # "طردوا أيضاً الحوثيين": a plural verb's subject is before it or dropped
        svo_subject = next((a for a in reversed(before) if a.marker == "" and is_actor(a)), None)
        if svo_subject is not None and svo_subject.conj:
            # "إسرائيل وحركة حماس وافقتا": the first of a coordinated pair is the subject
            i = before.index(svo_subject)
            if i > 0 and before[i - 1].marker == "" and svo_subject.mention.span[0] - before[i - 1].mention.span[1] <= 3:
                svo_subject = before[i - 1]
        prev_word = tokens[hit.start_tok - 1].norm if hit.start_tok > 0 else ""
        lex = self.lexicon
        if reports_none(lex, trig, prev_word):
            return None
        if first is not None and self._gap(article, tokens, hit.end_tok, first.mention.span[0]) > MAX_SUBJECT_GAP:
            first = None  # the word after the verb is an unknown subject: do not reach for a later actor
        ante = mate = None
        if prev_word in lex.relatives:  # the actor the relative clause hangs on, right before الذي / التي
            ante = next((a for a in reversed(before) if is_actor(a)), None)
            if ante is not None and self._gap(article, tokens, self._token_after(tokens, ante.mention.span[1]),
                                              tokens[hit.start_tok - 1].start) > 0:
                ante = None
            if hit.resumed and ante is None and first is not None \
                    and self._gap(article, tokens, hit.end_tok + 1, first.mention.span[0]) == 0:
                # "الاتفاق الذي توسطت فيه موسكو": the subject follows; "خطاب كاميرون الذي دعا فيه": the antecedent
                hit = dataclasses.replace(hit, relative=True)
        antecedent_subject = not hit.relative and prev_word in lex.relatives
        if antecedent_subject:
            # "التفجير الذي استهدف"، "جون كيري، الذي وصل إلى الدوحة": the subject is the antecedent right before
            # the relative word, whatever marks it (مع كيري الذي وصل)
            mate = killed_fighting(trig, after) if first is None else None
            first, svo_subject = None, ante
            if svo_subject is None:
                return None
        elif svo_subject is not None:
            svo_subject = kept_svo_subject(lex, self._text, tokens, self._starts, hit, before, svo_subject, plural,
                                           lambda ti, end: self._gap(article, tokens, ti, end))
        if trig.tense == "present" and first is None and not hit.relative \
                and describes_indefinite(self.lexicon, tokens, hit.start_tok, before, trig.requires):
            # "تقود الولايات المتحدة تحالفا يشن ضربات"، "أصدر مجلس الأمن قرارا بالإجماع يطلب من": the verb describes
            # the object of the clause, which acts for the clause's subject
            svo_subject = clause_subject(before)
        if trig.tense != "noun" and hit.end_tok < len(tokens) and tokens[hit.end_tok].norm in lex.by_which:
            first, svo_subject = None, clause_subject(before)  # "أقر البرلمان حزمة، دعا بموجبها العبادي إلى"
        fixed_pair = (mate, ante) if antecedent_subject and mate else object_pronoun_pair(lex, tokens, hit, before, after)
        if hit.relative:
            next_to_antecedent = bool(before) and self._gap(
                article, tokens, self._token_after(tokens, before[-1].mention.span[1]),
                tokens[hit.start_tok - 1].start) == 0
            first, svo_subject, fixed_pair = relative_clause(tokens, hit, before, actors_after, next_to_antecedent,
                                                             fixed_pair)
        # "اجتماع ثلاثي يضم وزراء خارجية ..."، "اللقاء الثلاثي الذي جمع X بـ Y و Z": three or more parties
        noun_end = max(hit.end_tok, hit.resume)  # after a light verb's noun: "يعقد اجتماع ثلاثي"
        multilateral = trig.mode == "multilateral" or trig.type == "CONSULT" \
            and noun_end < len(tokens) and tokens[noun_end].norm in lex.multilateral_adjectives
        if multilateral and (trig.tense == "noun" or first is None and svo_subject is None):
            fixed_pair = self.markers.summit_sides(tokens, hit, after, window_end)
        readings: list[tuple[Arg, bool]] = []  # (subject, pro-drop) in order of preference
        if trig.tense == "noun" and trig.type in DEMONYM_AGENT_TYPES:
            agent = demonym_agent(self.kb, tokens, self._starts, hit, countries + [a.mention for a in after])
            if agent is not None:  # "الغارات الإسرائيلية على غزة": Israel's strikes
                readings.append((agent, False))
        if hit.pronoun:
            readings.extend(pronoun_readings(tokens, before, previous_source, carried))
        elif trig.tense == "participle":
            readings.extend(participle_readings(before, previous_source, carried))
        elif hit.definite and frame.genitive_subject:
            # "حضر الاستقبال الأمير": no genitive after the article; only "الاجتماع بين X و Y" (below) names it, or
            # a relative light verb: "الزيارة التي قام بها الأمير"
            maker = next((a for a in actors_after if a.marker == ""), None)
            owner = actors_after[0] if actors_after and actors_after[0].marker == "ل" else None
            if maker is not None and relative_light_verb(self.lexicon, tokens, hit.end_tok):
                readings.append((maker, False))
            elif owner is not None and self._gap(article, tokens, hit.end_tok, owner.mention.span[0]) <= 2 \
                    and not (frame.object_places and owner.mention.type in ("country", "place")):
                readings.append((owner, False))  # "الاجتماع التشاوري لوزراء خارجية دول الخليج مع كيري"
        elif frame.genitive_subject and trig.type != "REQUEST" and purpose_noun(lex, tokens, hit) \
                and not any(h.trigger.type == "REQUEST" for h in self._hits if h.start_tok < hit.start_tok):
            # "وجّه الدعوة لقيادة حماس لزيارة موسكو": after an invitation the invited would visit
            subject_of = clause_subject(before) or next((Arg(m, "") for m in (previous_source, carried) if m), None)
            if subject_of is not None and first is not None and self._adjacent(article, tend, first.mention.span[0]):
                fixed_pair = (subject_of, first)
            elif subject_of is not None:
                readings.append((subject_of, True))
        elif frame.genitive_subject:
            # the subject of a verbal noun is its genitive, right after it; no pro-drop for nouns
            if first is not None and self._adjacent(article, tend, first.mention.span[0]):
                if not (frame.object_places and first.mention.type in ("country", "place")
                        or frame.object_markers == BARE and indefinite_group(first.mention)):
                    # "لزيارة موسكو": a place after a visit is where it goes; "أكدت الخارجية المصرية تضامن مصر
                    # مع": a state's organ speaking of its state's act is its source
                    organ = None
                    if first.mention.type == "country":
                        organ = next((a for a in before if a.marker == "" and a.mention.type != "country"
                                      and a.mention.country == first.mention.country), None)
                    readings.append((organ or first, False))
            elif svo_subject is not None and frame.coordination and any(a.marker == WITH for a in after):
                readings.append((svo_subject, True))  # "تحدث لافروف عن اجتماعين مع كيري"
            elif bare_conj(prev_word) in lex.during_words and not hit.definite:
                readings.extend(during_readings(tokens, hit, before, after, previous_source, self._speaker, lex))
            elif trig.type == "REQUEST" and previous_source is not None and after and after[0].marker == FROM \
                    and is_actor(after[0]) and self._gap(article, tokens, hit.end_tok, after[0].mention.span[0]) == 0:
                # "وصل الأمير ... تلبية لدعوة من العاهل الأردني": the king invited the visitor
                fixed_pair = (after[0], Arg(previous_source, ""))
        elif trig.tense == "noun" and frame.implicit_source_sector:
            # "مع تصاعد وتيرة المظاهرات": protests are the protesters', not the speaker's or the clause subject's
            if svo_subject is not None and svo_subject.mention.sector in PROTESTER_SECTORS:
                readings.append((svo_subject, False))
        elif trig.tense == "noun":
            readings.extend(noun_readings(svo_subject, previous_source))
        elif (we := we_readings(self._text, tokens, before, hit, previous_source, carried, lex.single)) is not None:
            readings.extend(we)  # "وقال لافروف إننا واصلنا النقاش مع الجبير": we, the speaker
        else:
            headline_svo = trig.tense == "present" and svo_subject is not None
            if svo_subject is not None and trig.tense == "past":
                readings.append((svo_subject, False))  # "وكان X قد زار القاهرة": X, not القاهرة
            if first is not None and not headline_svo:
                readings.append((first, False))
            honorific = hit.end_tok < len(tokens) and tokens[hit.end_tok].norm in lex.honorifics
            said_by = speaker(args, tokens, hit) if prev_word in ANNA_PRONOUN else None
            if said_by is not None:
                readings.insert(0, (said_by, True))
            antecedent = previous_source if previous_source is not None and previous_source.type == "person" \
                else self._last_person
            if honorific and antecedent is not None:
                readings.insert(0, (Arg(antecedent, ""), True))  # "وطالب معاليه": his excellency, named before
            elif subject_start(tokens, hit, self.lexicon.fillers, self._timex_spans) in self._unnamed:
                pass  # "ورفض المصدر إعطاء التفاصيل": a subject not named; none carried from before
            elif previous_source is not None and hit.conj:
                readings.append((Arg(previous_source, ""), True))
            elif hit.conj and first is None and before and opening_subject(tokens, before[0]):
                # "تدخل الرئيس العراقي فؤاد معصوم ... وطلب أمس من رئيس البرلمان": the subject of the verb that
                # opens the sentence
                readings.append((before[0], True))
            elif first is None and bare_conj(prev_word) in lex.subordinators and after \
                    and (clause_subj := clause_subject(before)) is not None \
                    and self._gap(article, tokens, hit.end_tok, after[0].mention.span[0]) == 0:
                readings.append((clause_subj, True))  # "وصرح فالون من بغداد؛ حيث التقى مسؤولين"
            elif carried is not None and (hit.conj and hit.start_tok <= 1 or fronted(tokens, hit, before)):
                readings.append((Arg(carried, ""), True))
            if svo_subject is not None and (first is None or headline_svo):
                readings.append((svo_subject, False))
        receive = received(tokens, hit)
        subject = obj = None
        pro_drop = False
        if self._last_pair is not None and hit.end_tok < len(tokens) and trig.tense != "noun":
            nxt = tokens[hit.end_tok].norm
            if nxt in self.both_sides or nxt[1:] in self.both_sides:
                if trig.type == "CONSULT":
                    return None  # "وبحث الجانبان": the meeting told; "واتفق الطرفان": its two parties agree
                subject, obj = Arg(self._last_pair[0], ""), Arg(self._last_pair[1], "")
                readings = []
        between, partner = self.markers.between(tokens, self._starts, after)
        if between is not None and trig.mode != "clash" and self._gap(  # (fights are between sides, however far)
                article, tokens, noun_end, between.mention.span[0]) > BETWEEN_REACH:
            between = None  # "يتوجه الوزير إلى طهران بعد التوصل إلى اتفاق بين إيران والقوى الكبرى": another noun's
        if subject is None and fixed_pair is not None:
            subject, obj = fixed_pair
        if subject is not None:
            pass
        elif between is not None and partner is not None and BAYNA not in frame.object_markers:
            subject, obj = between, partner  # (a mediator's "بين X و Y" are its targets)
        else:
            for reading in readings:
                subject, pro_drop = reading
                obj = choose_object(after, subject, frame, receive, self._text, lex.member_markers)
                if obj is None and frame.coordination:
                    obj = coordinated(self._text, args, subject)
                if obj is not None and pro_drop and first is not None and obj.mention is first.mention \
                        and readings[0][0] is first and previous_source is None \
                        and self._gap(article, tokens, hit.end_tok, first.mention.span[0]) == 0:
                    # "ودعا المعتصمون إلى ...": the word right after the verb is its subject, not the object
                    # of a subject carried from before
                    subject, pro_drop, obj = first, False, None
                    break
                if obj is not None:
                    break
            else:
                subject, pro_drop = readings[0] if readings else (None, False)  # no object: the likeliest subject
        if trig.mode == "clash" and trig.tense == "noun" and (subject is None or obj is None):
            # "مقتل 42 حوثيا و9 من المقاومة في مواجهات": a clash between the two sides whose dead the sentence counts
            sides = self.victims.victims(tokens, self._starts, args)
            if len(sides) >= 2:
                subject, obj = Arg(sides[0], ""), Arg(sides[1], "")
        if subject is None and frame.implicit_source_sector:
            subject = Arg(implicit_source(article, tokens, hit, args + [Arg(c, "") for c in countries], frame,
                                           self._main_country), "")
            obj = choose_object(after, subject, frame, receive, self._text, lex.member_markers)
        elif subject is None and frame.unidentified_source:
            subject = Arg(unidentified_source(article, tokens, hit, lex.unidentified_ar), "")
            obj = self.victims.struck(tokens, self._starts, hit, after) if trig.tense == "noun" else None
        if subject is not None and obj is None and ON in frame.object_markers and pro_drop and hit.conj:
            obj = on_pronoun_object(tokens, hit, before, subject)
        if subject is not None and obj is None and trig.mode == "meet" and trig.tense == "noun":
            obj = hosts(self.kb, after, subject)  # "لقاءات الجبير في روسيا": with Russia
        if subject is not None and "ل" in frame.object_markers:
            adj = adjective_object(tokens, self._starts, countries, tend, window_end, subject)
            if adj is not None and (obj is None or adj.mention.span[0] < obj.mention.span[0]):
                obj = adj  # the first object named: "تقديره للدور المصري الداعم للشعب الليبي" is for Egypt
        if subject is None or (obj is None and not frame.target_optional):
            return None
        if obj is not None and obj.mention is subject.mention:
            return None
        source = subject.mention
        if source.is_place:  # a capital speaking for its government ("أعلنت القاهرة")
            source = country_of(self.kb, source)
            if source is None:
                return None
        target = obj.mention if obj is not None else None
        if (receive or frame.swap) and target is not None:
            source, target = target, source
        location = event_location(article, after, obj, trig.mode, source)
        if trig.type == "ASSAULT" and (target is None or target.is_place or target.type == "country"
                                       and after_locative(article, target)):
            victim = self.victims.target(tokens, self._starts, hit, args, after, source, named=target is not None)
            if victim is not None:  # "25 حوثيا قتلوا جراء قصف ... على مأرب": whoever was hit, not the city
                location = location or target
                target = victim
        if target is None and source.unidentified and trig.tense == "noun" \
                and self.victims.relative_after(tokens, hit) is None:
            return None  # "القتل والتفجير"، "سمع دوي انفجار قوي": no victim, nothing hit, no clause: none told
        if target is not None and target.is_place:
            target = country_of(self.kb, target)
            if target is None:
                return None
        if trig.type == "CONSULT" and target is not None and target.type == "country" and target.id == source.country:
            return None  # a trip at home ("ووصل إلى حضرموت"، "خلال زيارته لسواحل جنوب إيران") consults no one
        if target is not None and trig.tense == "noun" and target.id is not None and target.id == source.country \
                and self._adjacent(article, tend, target.span[0]):
            target = None  # "على رفض مصر لكافة أشكال التدخل": the genitive is the subject, that Egypt's organ tells
        if target is None and (not frame.target_optional or trig.type == "REQUEST" and hit.end_tok < len(tokens)
                               and tokens[hit.end_tok].norm in lex.generic_demands) \
                or target is not None and source.id is not None and source.id == target.id:
            return None  # (nor is "وطالبت بضرورة تكاتف الجهود", a generic call naming no one asked)
        participants = self.markers.participants(tokens, hit, after, {id(source), id(target)}, window_end)
        timex, date_source = attach_event_date(article, sent, (tstart, tend), window_end)
        when = to_date(timex.value) if timex else article.published
        if self.linker is not None and when is not None and when != article.published:
            source = self.linker.relink(source, when, article.text)
            target = self.linker.relink(target, when, article.text) if target is not None else None
        status = event_status(self.lexicon, article, tokens, hit, sent, timex)
        confidence = event_confidence(source, target, pro_drop, sent.is_title)
        trigger_span = (tokens[hit.head[0]].start, tokens[hit.head[1] - 1].end) if hit.head else (tstart, tend)
        return Event(type=trig.type, mode="multilateral" if multilateral else trig.mode, cameo=trig.cameo,
                     status=status, source=source, target=target, evidence_span=(sent.start, sent.end),
                     participants=participants, trigger_span=trigger_span, date=timex, date_source=date_source,
                     location=location, confidence=confidence)

    def _hear(self, article: Article, sent: Sentence, mentions: list[Mention], mstarts: list[int]) -> None:
        """A sentence opening with a speech verb and a named speaker ("وقال تشاووش أوغلو") makes the speaker the
        subject of a later "وأضاف خلال زيارة"."""
        self._speaker = opening_speaker(self.lexicon, article.text, sent.start, sent.end, mentions, mstarts) \
            or self._speaker

    def _token_after(self, tokens: list[Token], pos: int) -> int:
        """Index of the first token of the current sentence starting at or after ``pos``."""
        return bisect.bisect_left(self._starts, pos)

    def _gap(self, article: Article, tokens: list[Token], ti: int, end: int) -> int:
        """Content words between token ``ti`` and offset ``end``: ranks, fillers and time expressions don't count."""
        return content_gap(self.rank_words, self.lexicon.fillers, self._timex_spans, tokens, ti, end)

    def _adjacent(self, article: Article, end: int, start: int) -> bool:
        """Only spaces or a rank between a verbal noun and its genitive subject."""
        gap = normalize_text(article.text[end:start])
        return not gap or gap in self.ranks or all(w in self.rank_words or w in self.lexicon.fillers
                                                   for w in gap.split())
