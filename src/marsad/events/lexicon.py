"""The trigger lexicon (data/triggers.json): surface forms to PLOVER type, mode, CAMEO code and argument frame."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.errors import DataError
from marsad.text.normalize import normalize_text

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT".split()
)


@dataclass(frozen=True)
class Frame:
    name: str
    object_markers: frozenset[str]
    object_places: bool
    requires_marker: bool = False
    receive_verbs: frozenset[str] = frozenset()
    receive_marker: str | None = None
    genitive_subject: bool = False  # a verbal noun whose subject follows it ("استقبال الرئيس ... حفتر")
    target_optional: bool = False  # the event stands without a target ("أدانت مصر الهجوم")
    coordination: bool = False  # "وقعت مصر والسعودية اتفاقية": the coordinated actor is the target
    implicit_source_sector: str | None = None  # protesters: the trigger itself names the source group
    unidentified_source: bool = False  # "انفجرت عبوة ناسفة": no attacker named; the source is an unidentified one
    swap: bool = False  # the grammatical subject is the target ("تلقى X اتصالا من Y": Y called X)
    stops_at: frozenset[str] = frozenset()  # words ending the object search ("دعا X إلى ...": X, not what follows)
    theme_forces: bool = False  # forces without a name are what is moved, not the target ("أرسل قوات إلى ليبيا")
    pronoun_object: bool = True  # the verb may carry its object as a pronoun suffix ("الهجوم الذي شنته")
    clause_object: bool = False  # "إنه يتعين أن تتعاون الولايات المتحدة": the target is the next verb's subject


@dataclass(frozen=True)
class Trigger:
    lemma: str
    type: str
    mode: str | None
    cameo: str | None
    frame: Frame
    tense: str  # past | present | noun | participle (a circumstantial حال: "مشيدا"، "معربا عن")
    words: int = 1  # number of tokens of a multiword form
    requires: frozenset[str] = frozenset()  # one of these words must follow within ``window`` tokens
    window: int = 6
    absorbs: bool = True  # the required word is the event's noun: no second trigger up to it ("شنت غارات")


@dataclass(frozen=True)
class TriggerLexicon:
    single: dict[str, list[Trigger]]  # one-token forms (several triggers when they differ by ``requires``)
    multi: dict[str, dict[str, list[Trigger]]]  # first token -> full form -> triggers
    prepositions: frozenset[str]
    participant_markers: frozenset[str]
    planned: tuple[str, ...]
    negated: frozenset[str]
    denial: frozenset[str]
    hypothetical: tuple[str, ...]
    relatives: frozenset[str]  # الذي، التي: a verb after them has the antecedent as subject
    nominal_cues: frozenset[str]  # بعد، خلال: a verb form after them is a verbal noun
    fillers: frozenset[str]  # words that may stand between a verb and its subject (قد، أمس، من جهته)
    honorifics: frozenset[str]  # honorific pronouns standing for a person named before (معاليه، سموه)
    demonstratives: frozenset[str]  # "هذا اللقاء": a verbal noun after one refers to an event already told
    leader_markers: frozenset[str]  # "وفد حماس برئاسة مشعل": the leader is part of the actor, not its partner
    against_words: frozenset[str] = frozenset()  # "مظاهرات مناهضة للحكومة": ل after them reads as ضد
    via_nouns: frozenset[str] = frozenset()  # "أشاد بدور مصر": a verb reaches through these nouns to their genitive
    casualty_before: frozenset[str] = frozenset()  # "مقتل 25 من X": X is the victim of the attack told
    casualty_after: frozenset[str] = frozenset()  # "X قتلوا"
    casualty_hedges: tuple[tuple[str, ...], ...] = ()  # "40 شخصا على الأقل قتلوا": words skipped before those
    site_words: frozenset[str] = frozenset()  # "موقع الانفجار": the event already told
    proposal_verbs: frozenset[str] = frozenset()  # "خطة قدمها العبادي": the one whose proposal is accepted
    vehicle_nouns: frozenset[str] = frozenset()  # "ووصلت إلى عمان طائرة": a vehicle arrived, not a visitor
    defence_words: frozenset[str] = frozenset()  # "دفاعا عن مقاتلين": the actor after عن is defended
    invitation_nouns: frozenset[str] = frozenset()  # "قبلت الحركة الدعوة": the answer to a request told before
    by_which: frozenset[str] = frozenset()  # "حزمة ... دعا بموجبها العبادي": the clause's subject calls
    generic_demands: frozenset[str] = frozenset()  # "طالبت بضرورة تكاتف الجهود": no one asked, a generic call
    resumptives: frozenset[str] = frozenset()  # "الاتفاق الذي توسطت فيه موسكو": the subject follows the verb
    unidentified_ar: str | None = None  # the Arabic name of an attacker no one is named for
    member_markers: frozenset[str] = frozenset()  # "اجتماع ثلاثي يضم ..."
    multilateral_adjectives: frozenset[str] = frozenset()  # "اجتماع ثلاثي": three or more parties
    restating_prepositions: frozenset[str] = frozenset()  # "يلتقي X Y في اجتماع": the verb's own event
    svo_openers: frozenset[str] = frozenset()  # "لكن موسكو انتقدت": a past verb after its subject
    subordinators: frozenset[str] = frozenset()  # "حيث التقى": the verb shares the clause's subject
    masdar_governors: frozenset[str] = frozenset()  # "وأعلن الجيش عزل مرسي": عزل is the verbal noun
    time_anchors: frozenset[str] = frozenset()  # "بعد احتجاجات حاشدة": a noun after them dates another event
    relative_light_verbs: frozenset[str] = frozenset()  # "الزيارة التي قام بها X": X made the visit
    quantity_words: frozenset[str] = frozenset()  # "عن عشرات من المعتقلين": the count passes on its preposition
    verb_prepositions: frozenset[str] = frozenset()  # "وعبر الوزير": a sentence-opening عبر is the verb عبّر
    during_words: frozenset[str] = frozenset()  # "قال كيري خلال زيارة إلى ماليزيا": Kerry's visit
    speech_verbs: frozenset[str] = frozenset()  # "وقال تشاووش أوغلو": the speaker a later "وأضاف" carries
    # "على مدينة الحديدة الخاضعة لسيطرة الحوثيين": word tuples after a place naming who holds it
    control_phrases: tuple[tuple[str, ...], ...] = ()

    def stems(self) -> frozenset[str]:
        return frozenset(self.single)


# Frame flags read as booleans under their own name in triggers.json (absent: false).
FRAME_FLAGS = ("object_places", "requires_marker", "genitive_subject", "target_optional", "coordination",
               "unidentified_source", "swap", "theme_forces", "clause_object")
# Word lists of triggers.json read under their own name: required, or absent meaning none.
REQUIRED_WORD_LISTS = ("prepositions", "participant_markers", "demonstratives", "leader_markers")
WORD_LISTS = ("member_markers", "multilateral_adjectives", "restating_prepositions", "relatives", "nominal_cues",
              "via_nouns", "against_words", "casualty_before", "casualty_after", "site_words", "proposal_verbs",
              "vehicle_nouns", "defence_words", "invitation_nouns", "by_which", "resumptives", "generic_demands",
              "svo_openers", "subordinators", "masdar_governors", "time_anchors", "relative_light_verbs",
              "quantity_words", "verb_prepositions", "during_words", "speech_verbs")


def _words(raw: dict, key: str, required: bool = False) -> frozenset[str]:
    """The normalised words of list ``key`` of triggers.json (absent: none, unless ``required``)."""
    return frozenset(normalize_text(w) for w in (raw[key] if required else raw.get(key, [])))


@lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    raw = json.loads(resources.files("marsad.data").joinpath("triggers.json").read_text(encoding="utf-8"))
    frames = {}
    for name, f in raw["frames"].items():
        frames[name] = Frame(
            name=name,
            object_markers=frozenset(normalize_text(m) for m in f["object_markers"]),
            receive_verbs=frozenset(normalize_text(v) for v in f.get("receive_verbs", [])),
            receive_marker=normalize_text(f["receive_marker"]) if f.get("receive_marker") else None,
            implicit_source_sector=f.get("implicit_source_sector"),
            pronoun_object=bool(f.get("pronoun_object", True)),
            **{flag: bool(f.get(flag, False)) for flag in FRAME_FLAGS},
            stops_at=frozenset(normalize_text(w) for w in f.get("stops_at", [])),
        )
    single: dict[str, list[Trigger]] = {}
    multi: dict[str, dict[str, list[Trigger]]] = {}
    for entry in raw["triggers"]:
        if entry["type"] not in PLOVER_TYPES:
            raise DataError(f"triggers.json: {entry['lemma']!r} has unknown type {entry['type']!r}")
        if entry["frame"] not in frames:
            raise DataError(f"triggers.json: {entry['lemma']!r} has unknown frame {entry['frame']!r}")
        for tense in ("past", "present", "noun", "participle"):
            for form in entry.get(tense, []):
                key = normalize_text(form)
                words = key.split()
                trig = Trigger(entry["lemma"], entry["type"], entry.get("mode"), entry.get("cameo"),
                               frames[entry["frame"]], tense, len(words),
                               frozenset(normalize_text(w) for w in entry.get("requires", [])),
                               int(entry.get("window", 6)), bool(entry.get("absorbs", True)))
                bucket = single.setdefault(key, []) if len(words) == 1 else \
                    multi.setdefault(words[0], {}).setdefault(key, [])
                if trig not in bucket:
                    bucket.append(trig)
    # triggers with a condition are tried first: "وقع ... اتفاقية" before a bare "وقع"
    for bucket in [*single.values(), *(b for forms in multi.values() for b in forms.values())]:
        bucket.sort(key=lambda t: not t.requires)
    status = raw["status"]
    return TriggerLexicon(
        single=single,
        multi=multi,
        planned=tuple(normalize_text(p) for p in status["planned"]),
        negated=_words(status, "negated", required=True),
        denial=_words(status, "denial", required=True),
        hypothetical=tuple(normalize_text(p) for p in status["hypothetical"]),
        fillers=frozenset(w for f in raw.get("subject_fillers", []) for w in normalize_text(f).split()),
        honorifics=_words(raw, "honorific_pronouns", required=True),
        casualty_hedges=tuple(tuple(normalize_text(p).split()) for p in raw.get("casualty_hedges", [])),
        unidentified_ar=raw.get("unidentified_name_ar"),
        **{name: _words(raw, name, required=True) for name in REQUIRED_WORD_LISTS},
        **{name: _words(raw, name) for name in WORD_LISTS},
        control_phrases=tuple(tuple(normalize_text(p).split()) for p in raw.get("control_phrases", [])),
    )
