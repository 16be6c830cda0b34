"""Clause structure through the whole pipeline: a plural verb's subject, a reported clause's own subject, a
headline retold by its lead; sentences taken from or modelled on the SaudiNewsNet gold."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.events.clauses import first_person
from marsad.events.triggers import plural_verb
from marsad.model import RawDocument
from marsad.pipeline import Pipeline
from marsad.text.normalize import normalize_text


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def process(pipeline: Pipeline, text: str, title: str | None = None):
    raw = RawDocument(doc_id="t", title=title, content=text, origin="test", content_type="text",
                      published=date(2015, 8, 5))
    return pipeline.process(raw).events


@pytest.mark.parametrize(("word", "tense", "plural"), [
    ("طردوا", "past", True), ("واسروه", "past", True), ("يطالبون", "present", True), ("يلتقوا", "present", True),
    ("يتهمونه", "present", True), ("التقى", "past", False), ("يدعو", "present", False), ("زيارة", "noun", False),
])
def test_plural_verb(word, tense, plural):
    assert plural_verb(word, tense) is plural


def test_the_actor_after_a_plural_verb_is_its_object(pipeline):
    (ev,) = process(pipeline, "وأضافت المصادر أن وحدات الجيش اليمني طردوا أيضاً الحوثيين من مدينة لودر.")
    assert (ev.type, ev.source.country, ev.source.sector, ev.target.id) == ("ASSAULT", "YEM", "MIL", "yem-houthis")


def test_a_count_before_a_plural_verb_reads_it_as_passive(pipeline):
    (ev,) = process(pipeline, "ذكرت مصادر صحفية أن 25 حوثياً قتلوا جراء قصف جوي شنته قوات التحالف على مواقعهم.")
    assert (ev.source.id, ev.target.id) == ("sau-coalition", "yem-houthis")


def test_a_reported_clause_does_not_take_the_speaker_as_its_subject(pipeline):
    evs = process(pipeline, "وقالت مصادر عراقية إن 40 شخصا على الأقل قتلوا حينما انفجرت سيارة ملغومة في سوق بعقوبة.")
    assert not any(e.source.text.startswith("مصادر") for e in evs)


def test_a_headline_shortening_its_target_is_retold_by_the_lead(pipeline):
    evs = process(pipeline, "جمدت تركيا رسميا أموال الرئيس اليمني السابق علي عبدالله صالح المتحالف مع المتمردين "
                            "الحوثيين وعدد من قادة التمرد.", title="تركيا تجمد أموال المخلوع وقادة حوثيين")
    (sanction,) = [e for e in evs if e.type == "SANCTION"]
    assert sanction.evidence_span[0] > 0 and sanction.target.id == "yem-saleh"


def test_a_headline_split_by_its_punctuation_is_one_title_sentence_retold_once(pipeline):
    title = "العراق.. الجبوري يطالب العبادي بإقالة وزراء"
    evs = process(pipeline, "طالب رئيس مجلس النواب العراقي سليم الجبوري أمس الاثنين رئيس الوزراء حيدر العبادي "
                            "باقالة الوزراء الفاسدين.", title=title)
    (req,) = [e for e in evs if e.type == "REQUEST"]
    assert req.evidence_span[0] > len(title) and (req.source.id, req.target.id) == ("irq-salim-jabouri", "irq-abadi")


def test_a_headline_is_retold_by_a_lead_whose_misspelt_source_names_no_country(pipeline):
    evs = process(pipeline, "علمت «المدينة» أن السلطات اليمينة طلبت من الأردن استقبال أعداد إضافية من الجرحى.",
                  title="اليمن يطلب من الأردن استقبال أعداد إضافية من الجرحى")
    (req,) = [e for e in evs if e.type == "REQUEST"]
    assert req.evidence_span[0] > 0 and req.target.id == "JOR"


def test_a_present_verb_describing_an_indefinite_object_acts_for_the_clause_subject(pipeline):
    evs = process(pipeline, "وتقود الولايات المتحدة حاليا تحالفا يشن ضربات جوية على داعش في سوريا والعراق ويتعاون "
                            "مع تركيا.")
    assert {(e.type, e.source.id, e.target.id) for e in evs} >= {("ASSAULT", "USA", "isis"),
                                                                 ("COOPERATE", "USA", "TUR")}
    (req,) = process(pipeline, "أصدر مجلس الأمن الدولي اليوم الجمعة قرارا بالإجماع يطلب من الأمين العام للأمم "
                               "المتحدة وضع خطة لتأسيس جهة تحقيق.")
    assert (req.type, req.source.id, req.target.sector) == ("REQUEST", "un-security-council", "IGO")


def test_a_verb_after_a_fronted_phrase_takes_the_subject_carried_from_before(pipeline):
    evs = process(pipeline, "وينتقل كيري، غدا الإثنين، إلى الدوحة. وبعد الدوحة ينتقل إلى سنغافورة وماليزيا وفيتنام.")
    assert [(e.source.id, e.target.id) for e in evs] == [("usa-kerry", "QAT"), ("usa-kerry", "SGP")]


def test_a_possessive_suffix_is_the_person_named_before_not_a_group(pipeline):
    evs = process(pipeline, "تدخل الرئيس العراقي فؤاد معصوم لإنقاذ الحكومة، وطلب من رئيس البرلمان سليم الجبوري "
                            "التريث. وانتقدت قوى برلمانية عراقية تجاوز معصوم لصلاحياته مستغربة اجتماعه المفاجئ مع "
                            "الجبوري في مكتبه بالبرلمان.")
    (meeting,) = [e for e in evs if e.type == "CONSULT"]
    assert (meeting.source.id, meeting.target.id) == ("irq-masum", "irq-salim-jabouri")


def test_a_trilateral_meeting_lists_its_members_and_a_plural_office_names_each_holder(pipeline):
    evs = process(pipeline, "حيث يعقد اجتماع ثلاثي يضم وزراء خارجية المملكة العربية السعودية والولايات المتحدة "
                            "والاتحاد الروسي، حيث يلتقي معالي الأستاذ عادل الجبير السيد كيري ولافروف في اجتماع "
                            "ثلاثي لبحث ملفات الأوضاع في سوريا والعلاقات مع إيران.")
    assert [(e.mode, e.source.id, e.target.id) for e in evs] == [
        ("multilateral", "sau-jubeir", "usa-kerry"),  # the members, each his country's foreign minister
        ("meet", "sau-jubeir", "usa-kerry"),  # "في اجتماع ثلاثي" restates the verb's meeting: no Kerry-Iran
    ]
    (ev,) = process(pipeline, "كما أوضح المصدر أن محاور اللقاء الثلاثي الذي جمع وزير الخارجية السعودي بنظيره الروسي "
                              "سيرغي لافروف والأميركي جون كيري ستكون على الطاولة.")
    assert (ev.mode, ev.source.id, ev.target.id) == ("multilateral", "sau-jubeir", "rus-lavrov")


def test_a_meeting_noun_after_fi_is_kept_when_the_verb_before_told_none(pipeline):
    evs = process(pipeline, "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة أمس. وبحث في لقائه مع نظيره المصري "
                            "سامح شكري العلاقات بين البلدين.")
    assert ("usa-kerry", "egy-shoukry") in [(e.source.id, e.target.id) for e in evs if e.mode == "meet"]


def test_a_verb_joined_by_wa_takes_the_subject_of_the_verb_opening_the_sentence(pipeline):
    (req,) = process(pipeline, "تدخل الرئيس العراقي فؤاد معصوم لإنقاذ الحكومة من السقوط، وطلب أمس من رئيس البرلمان "
                               "سليم الجبوري التريث.")
    assert (req.type, req.source.id, req.target.id) == ("REQUEST", "irq-masum", "irq-salim-jabouri")
    assert req.target.text == "رئيس البرلمان سليم الجبوري"  # the position noun before the generic title is his


@pytest.mark.parametrize(("text", "target"), [
    ("قصف شنه الحوثيون على أحياء سكنية في مدينة تعز.", ("YEM", "CVL")),  # the people of the place
    ("قال الجيش التركي إن مسلحين من حزب العمال الكردستاني اقتحموا موقعا عسكريا في شرق البلاد.", ("TUR", "MIL")),
    ("قالت التقارير إن اللجان الشعبية استعادت القاعدة الجوية في محافظة لحج من المسلحين الحوثيين.", ("YEM", "REB")),
])
def test_the_target_of_an_attack_on_a_place_is_its_people_and_a_recapture_is_from_someone(pipeline, text, target):
    evs = [e for e in process(pipeline, text) if e.type == "ASSAULT"]
    assert evs and all((e.target.country, e.target.sector) == target for e in evs)


def test_a_bare_definite_head_noun_is_the_body_named_before(pipeline):
    evs = process(pipeline, "حذر مجلس التعاون لدول الخليج العربية حزب الله اللبناني من مواصلة أعماله العدائية، بعد "
                            "أن صنف المجلس الحزب منظمة إرهابية في مارس.")
    assert ("SANCTION", "gcc", "lbn-hezbollah") in [(e.type, e.source.id, e.target.id) for e in evs]
    (ev,) = process(pipeline, "أصدر مجلس الأمن الدولي قرارا. وهدد المجلس بالفعل بفرض عقوبات على الحكومة السورية.")
    assert (ev.type, ev.source.id, ev.source.text) == ("THREATEN", "un-security-council", "المجلس")
    evs = process(pipeline, "التقى الرئيس المصري ممثلي المجلس الوطني. وأصدر مجلس الأمن الدولي قرارا.")
    assert not any(m.text == "المجلس" for e in evs for m in (e.source, e.target) if m is not None)


def test_a_place_after_a_visit_noun_is_where_it_goes_not_the_visitor(pipeline):
    evs = process(pipeline, "وذكرت أن لافروف وجه الدعوة لقيادة «حماس» لزيارة موسكو.")
    assert not any(e.type == "CONSULT" and e.source.id == "RUS" for e in evs)


def test_recognition_is_support_and_a_suffixed_noun_takes_the_subject_opening_the_sentence(pipeline):
    (ev,) = process(pipeline, "أعلنت السويد اليوم الخميس اعترافها بدولة فلسطين.")
    assert (ev.type, ev.mode, ev.source.id, ev.target.id) == ("SUPPORT", "recognize", "SWE", "PSE")
    assert not process(pipeline, "واعترف المتهم بالجريمة أمام المحكمة.")  # no actor recognised


def test_a_count_right_after_a_verb_leaves_its_group_the_object(pipeline):
    events = process(pipeline, "وأضافت المصادر أن وحدات الجيش اليمني طردوا الحوثيين من مدينة لودر، وأسروا عدداً من "
                               "مقاتلي الحوثيين.")
    seized = [ev for ev in events if ev.type == "COERCE"]
    assert [(ev.source.country, ev.source.sector, ev.target.id) for ev in seized] == [("YEM", "MIL", "yem-houthis")]


def test_a_count_right_after_a_verb_leaves_its_group_the_subject(pipeline):
    (ev,) = process(pipeline, 'وقال المصدر "نزل المئات من الجنود السعوديين أمس الأحد في ميناء عدن".')
    assert ev.source.text == "الجنود السعوديين"
    assert (ev.type, ev.source.country, ev.source.sector, ev.target.id) == ("MOBILIZE", "SAU", "MIL", "YEM")


def test_an_unnamed_source_after_a_verb_takes_no_subject_from_before(pipeline):
    events = process(pipeline, "نشر التحالف العربي مئات الجنود حول عدن. ورفض المصدر إعطاء المزيد من التفاصيل حول "
                               "العسكريين والبلدان التي ينتمون إليها.")
    assert [ev.type for ev in events] == ["MOBILIZE"]


def test_a_verbal_noun_after_a_preposition_is_the_verbs_object(pipeline):
    events = process(pipeline, "وكان وزير النقل اليمني قد أعلن أن الأردن وافق على استقبال جرحى يمنيين مدنيين.")
    assert [(ev.type, ev.source.id, ev.target.country, ev.target.sector) for ev in events] == [
        ("AGREE", "JOR", "YEM", "CVL")]


def test_helping_forces_is_military_cooperation(pipeline):
    events = process(pipeline, "وقال الوزير إن الطائرات البريطانية ساعدت القوات العراقية التي تحارب على الأرض.")
    ev = next(ev for ev in events if ev.type == "COOPERATE")
    assert (ev.mode, ev.cameo, ev.source.country, ev.source.sector, ev.target.country, ev.target.sector) == (
        "military", "062", "GBR", "MIL", "IRQ", "MIL")


def test_a_second_subject_of_a_blockade_is_not_its_target(pipeline):
    events = process(pipeline, "يضاف إلى ذلك الحصار المشدد الذي يفرضه الجيش النظامي والمليشيات المسلحة التابعة له "
                               "على المخيم.")
    ev = next(ev for ev in events if ev.type == "COERCE")
    assert (ev.mode, ev.source.sector, ev.target) == ("blockade", "MIL", None)


def test_armed_groups_without_a_name_are_rebels_of_the_articles_country(pipeline):
    events = process(pipeline, "أفاد المرصد السوري عن مقتل تسعة من قوات النظام السوري في الاشتباكات التي اندلعت بعد "
                               "أن شنت عدة جماعات مقاتلة هجومها على مواقع الجيش السوري في حلب.")
    ev = next(ev for ev in events if ev.type == "ASSAULT" and ev.source.sector == "REB")
    assert (ev.source.text, ev.source.country) == ("جماعات مقاتلة", "SYR")


def test_welcoming_a_thing_is_support_without_a_target(pipeline):
    events = process(pipeline, "ورحب الرئيس اليمني عبد ربه منصور هادي بالهدنة التي أعلنها المبعوث الأممي.")
    ev = next(ev for ev in events if ev.type == "SUPPORT")
    assert (ev.source.id, ev.target) == ("yem-hadi", None)


def test_a_verbal_noun_of_purpose_shares_the_clause_subject_and_takes_its_genitive_as_object(pipeline):
    events = process(pipeline, "يسعى وزير الخارجية الأمريكي جون كيري إلى إنعاش الشراكة الاستراتيجية، في جولة تقوده إلى "
                               "قطر للقاء وزراء خارجية دول الخليج لمناقشة تداعيات الاتفاق النووي.")
    meet = next(e for e in events if e.type == "CONSULT" and e.target is not None and e.target.type != "country")
    assert meet.source.id == "usa-kerry"
    assert meet.target.text == "وزراء خارجية دول الخليج"  # the phrase ends before لمناقشة
    assert (meet.target.country, meet.target.sector) == (None, "GOV")


def test_after_an_invitation_the_invited_would_visit(pipeline):
    events = process(pipeline, "وذكرت أن لافروف وجّه الدعوة لقيادة «حماس» لزيارة موسكو.")
    assert not any(e.type == "CONSULT" and e.source.id == "rus-lavrov" for e in events)


@pytest.mark.parametrize(("word", "tense", "we"), [
    ("التقينا", "past", True), ("وواصلنا", "past", True), ("نلتقي", "present", True), ("لنناقش", "present", True),
    ("سنشن", "present", True), ("أرفض", "present", True), ("أعلنا", "past", False), ("التقى", "past", False),
    ("يلتقي", "present", False), ("نفذ", "past", False),
])
def test_first_person(word, tense, we):
    assert first_person(normalize_text(word), tense, {"اعلن", "التقي"}) is we


def test_a_first_person_verb_in_a_quotation_is_the_speakers(pipeline):
    evs = process(pipeline, 'وقال وزير الخارجية عادل الجبير: "التقينا بنظيرنا الروسي سيرغي لافروف في الدوحة".')
    (meet,) = [e for e in evs if e.type == "CONSULT"]
    assert (meet.source.id, meet.target.id) == ("sau-jubeir", "rus-lavrov")


def test_a_capital_naming_a_meeting_is_where_it_met_not_who(pipeline):
    evs = process(pipeline, "وقال وزير الخارجية الروسي سيرغي لافروف إننا في اجتماع الدوحة قبل أسبوع واصلنا النقاش "
                            "مع وزير الخارجية عادل الجبير.")
    (meet,) = [e for e in evs if e.type == "CONSULT"]
    assert (meet.source.id, meet.target.id) == ("rus-lavrov", "sau-jubeir")
