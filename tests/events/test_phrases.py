"""Actor phrases outside the knowledge base, verbal nouns with proclitics and carried subjects, through the whole
pipeline (real linker, dates and coder) on sentences taken from or modelled on the SaudiNewsNet gold."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import RawDocument
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events(pipeline: Pipeline, text: str, published: date = date(2015, 8, 5)):
    raw = RawDocument(doc_id="t", content=text, origin="test", content_type="text", published=published)
    return pipeline.process(raw).events


def event_of(pipeline: Pipeline, text: str, type_: str):
    """The first event of ``type_`` coded in ``text``."""
    return next(e for e in events(pipeline, text) if e.type == type_)


def actor(m):
    return None if m is None else (m.id, m.country, m.sector)


def test_titled_people_the_kb_lacks_are_host_and_guest(pipeline):
    (ev,) = events(pipeline, "استقبل المستشار بالديوان الملكي المشرف العام على مركز الملك سلمان للإغاثة والأعمال "
                             "الإنسانية د. عبدالله بن عبدالعزيز الربيعة أمس وزيرة الإعلام اليمنية د. نادية السقاف، "
                             "وذلك بمقر المركز بالرياض.")
    assert (ev.type, ev.mode) == ("CONSULT", "host")
    assert (ev.source.country, ev.source.sector) == ("SAU", "GOV")
    assert ev.source.text.startswith("المستشار بالديوان الملكي") and ev.source.text.endswith("عبدالعزيز")
    assert ev.target.text.startswith("وزيرة الإعلام اليمنية")
    assert (ev.target.id, ev.target.country, ev.target.sector) == (None, "YEM", "GOV")


def test_a_party_named_by_its_head_noun_and_demonym(pipeline):
    evs = events(pipeline, "رحب حزب الجيل الديمقراطى المصري برئاسة ناجي الشهابي بزيارة الأمير محمد بن سلمان ولي "
                           "ولي العهد السعودى ووزير الدفاع لمصر.")
    visit = next(e for e in evs if e.type == "CONSULT")
    assert actor(visit.source) == ("sau-mbs", "SAU", "GOV")  # "بزيارة": a verbal noun with the proclitic ب
    assert visit.target.id == "EGY"
    # "ووزير الدفاع" is MBS's own title, not a second actor swallowing "لمصر"
    assert "ووزير الدفاع" not in {e.source.text for e in evs}


def test_an_ambassador_is_not_his_king_and_keeps_his_name(pipeline):
    (ev,) = events(pipeline, "استقبل الوزير عادل الجبير امس بالرياض سفير خادم الحرمين الشريفين لدى اليمن محمد "
                             "سعيد آل جابر.")
    assert ev.target.id != "sau-salman"
    assert ev.target.country == "SAU"
    assert ev.target.text.startswith("سفير خادم الحرمين الشريفين لدى اليمن")


def test_a_head_noun_before_a_known_organisation_keeps_its_id(pipeline):
    (ev,) = events(pipeline, 'اتهم رئيس الوزراء التركي احمد داود اوغلو تنظيم "داعش" بالوقوف وراء الهجوم.')
    assert ev.type == "ACCUSE"
    assert ev.target.id == "isis"


def test_an_envoy_of_the_un_secretary_general_is_the_un_not_korea(pipeline):
    (ev,) = events(pipeline, "واستقبل الرئيس اليمني عبدربه منصور هادي مبعوث الأمين العام للأمم المتحدة، بحضور "
                             "نائب رئيس الجمهورية.")
    assert ev.target.country is None and ev.target.sector == "IGO"


def test_a_phrase_stops_at_a_word_with_b_and_at_a_second_country(pipeline):
    (ev,) = events(pipeline, "طالب الرئيس اليمني عبدربه منصور هادي المتمردين باحترام الهدنة الإنسانية.")
    assert ev.target.text == "المتمردين"
    visits = [e for e in events(pipeline, "وحول زيارة وفد من حماس المملكة قال الجبير إنها كانت لأداء العمرة.")
              if e.type == "CONSULT"]
    assert visits and visits[0].target.id == "SAU"


def test_verbal_nouns_with_the_article_are_found(pipeline):
    evs = events(pipeline, "وتأتي تلك الغارات مع استمرار المواجهات المسلحة بين الحوثيين والمقاومة الشعبية في "
                           "عدة جبهات قتالية بمأرب.")
    clash = [e for e in evs if e.type == "ASSAULT"]
    assert clash and clash[0].source.id == "yem-houthis"
    # the group the KB does not name acts in the country the article names most
    assert (clash[0].target.country, clash[0].target.sector) == ("YEM", "REB")


def test_a_demonstrative_noun_refers_to_the_meeting_already_told(pipeline):
    evs = events(pipeline, "استقبل الرئيس عبد الفتاح السيسي اليوم المشير خليفة حفتر. ويعد هذا اللقاء الثاني بين "
                           "الرئيس السيسي والمشير حفتر خلال أقل من شهر.", published=date(2019, 5, 9))
    assert len(evs) == 1


def test_an_honorific_pronoun_is_the_person_named_before(pipeline):
    request = event_of(pipeline, "أدان وزير الخارجية عادل الجبير الجريمة الإرهابية التي نفذها مستوطنون. وطالب معاليه "
                                 "المجتمع الدولي بحماية الفلسطينيين.", "REQUEST")
    assert request.source.id == "sau-jubeir"


def test_a_pronoun_suffix_on_an_event_noun_is_the_last_source(pipeline):
    evs = events(pipeline, "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة أمس. وبحث في لقائه مع نظيره المصري "
                           "سامح شكري العلاقات بين البلدين.")
    meet = [e for e in evs if e.mode == "meet"]
    assert meet and meet[0].source.id == "usa-kerry" and meet[0].target.id == "egy-shoukry"


def test_a_pronoun_after_inna_is_the_speaker_and_the_reported_clause_keeps_its_own_date(pipeline):
    (ev,) = [e for e in events(pipeline, "قالت مصر اليوم السبت إنها ترفض تدخل قطر في شؤونها الداخلية.",
                               published=date(2015, 7, 25)) if e.type == "REJECT"]
    assert (ev.source.id, ev.target.id) == ("EGY", "QAT")
    (visit,) = [e for e in events(pipeline, 'اعلن وزير الخارجية الفرنسي لوران فابيوس امس انه سيتوجه الى ايران '
                                            '"الاسبوع المقبل".', published=date(2015, 7, 22)) if e.type == "CONSULT"]
    assert visit.status == "planned" and visit.date.value == "2015-W31"


def test_a_delegation_of_a_known_movement_is_the_movement_and_its_leader_is_not_the_host(pipeline):
    (ev,) = events(pipeline, "أفاد وزير الخارجية السعودي، عادل الجبير، أمس، بأن زيارة وفد حركة «حماس» برئاسة خالد "
                             "مشعل إلى المملكة كانت لأداء العمرة.")
    assert (ev.type, ev.mode, ev.source.id, ev.target.id) == ("CONSULT", "visit", "pse-hamas", "SAU")


def test_movement_verbs_and_light_verbs(pipeline):
    evs = events(pipeline, "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة. وينتقل كيري، غدا الإثنين، إلى الدوحة.")
    assert ("CONSULT", "visit", "usa-kerry", "QAT") in [(e.type, e.mode, e.source.id, e.target.id) for e in evs]
    (ev,) = events(pipeline, "وكان المتمردون الحوثيون قد فرضوا الإقامة الجبرية على محافظ البنك المركزي اليمني "
                             "محمد همام.")
    assert (ev.type, ev.mode, ev.source.id) == ("COERCE", "detain", "yem-houthis")
    assert (ev.target.country, ev.target.sector) == ("YEM", "GOV")


def test_a_demonym_on_a_noun_with_li_is_the_supported_country(pipeline):
    (ev,) = events(pipeline, "ومن جانبه، أعرب المشير خليفة حفتر عن تقديره للدور المصري الداعم للشعب الليبي.")
    assert (ev.type, ev.source.id, ev.target.id) == ("SUPPORT", "lby-khalifa-haftar", "EGY")


def test_relative_clauses_with_an_object_pronoun_have_their_subject_after_the_verb(pipeline):
    evs = events(pipeline, "ندد وزير الخارجية سامح شكري بالهجوم الذي شنته ميليشيا الحوثي بطائرات مسيرة على محطتي ضخ "
                           "نفط في المملكة العربية السعودية.")
    assert ("ASSAULT", "yem-houthis") in [(e.type, e.source.id) for e in evs]
    (curfew,) = [e for e in events(pipeline, "تحدى آلاف المتظاهرين العراقيين حظر التجول الذي فرضته السلطات العراقية "
                                             "في بغداد.") if e.type == "COERCE"]
    assert (curfew.mode, curfew.cameo, curfew.source.country) == ("curfew", "1723", "IRQ")


def test_a_definite_verbal_noun_takes_no_genitive_subject(pipeline):
    evs = events(pipeline, "حضر الاستقبال الأمير محمد بن نايف ولي العهد والأمير محمد بن سلمان ولي ولي العهد.")
    assert not [e for e in evs if e.type == "CONSULT"]
    evs = events(pipeline, "وأكد أن ما حدث هنا من أعمال إرهابية قام بها الإرهابيون لن يتكرر.")
    assert not [e for e in evs if e.type == "SUPPORT"]  # هنا (here) is not هنأ (congratulated)


def test_a_circumstantial_participle_shares_the_subject_of_its_clause(pipeline):
    evs = events(pipeline, "وقال وزير الخارجية سامح شكري إن مصر ترفض التدخل، ومشيدا بدور الجيش الليبي.")
    support = [e for e in evs if e.type == "SUPPORT"]
    assert len(support) == 1  # "مشيدا": the minister who spoke praised, not مصر of the reported clause
    assert support[0].source.id == "egy-shoukry"
    assert (support[0].target.country, support[0].target.sector) == ("LBY", "MIL")  # through "بدور"
    # the reported clause's arguments end where the participle begins
    reject = next(e for e in evs if e.type == "REJECT")
    assert reject.target is None


def test_a_verb_reaches_through_a_governing_noun_to_its_genitive(pipeline):
    (ev,) = events(pipeline, "أشاد الرئيس عبد الفتاح السيسي بجهود السعودية في اليمن.")
    assert (ev.type, ev.source.id, ev.target.id) == ("SUPPORT", "egy-sisi", "SAU")
    assert not events(pipeline, "أشاد الرئيس عبد الفتاح السيسي بالجهود المبذولة.")


def test_the_victims_named_are_the_target_of_an_attack_not_its_city(pipeline):
    (ev,) = events(pipeline, "ذكرت مصادر صحفية أن 25 حوثياً قتلوا جراء قصف جوي شنته قوات التحالف على مواقعهم بمدينة "
                             "مأرب شرقي اليمن.")
    assert (ev.type, ev.source.id, ev.target.id) == ("ASSAULT", "sau-coalition", "yem-houthis")
    assert ev.location is not None and ev.location.country == "YEM"  # the city hit stays as the place
    (ev,) = events(pipeline, "قال الجيش التركي إن 3 جنود قتلوا وأصيب 31 في هجوم انتحاري نفذه حزب العمال الكردستاني "
                             "في شرق تركيا أمس.")
    assert ev.source.id == "tur-pkk"
    assert (ev.target.text, ev.target.country, ev.target.sector) == ("جنود", "TUR", "MIL")
    (ev,) = events(pipeline, "وسبق أن شنت مقاتلات التحالف غارات جوية على تلك المواقع خلفت خسائر في صفوف الحوثيين.")
    assert ev.target.id == "yem-houthis"
    # no casualty word: the city named after على stays the target's country
    (ev,) = events(pipeline, "شنت مقاتلات التحالف غارات جوية على صنعاء.")
    assert ev.target.id == "YEM"


def test_a_subject_opening_the_sentence_before_a_past_verb(pipeline):
    (ev,) = events(pipeline, "لكن موسكو انتقدت الولايات المتحدة لعدم قيامها بالتنسيق مع سوريا حليفة روسيا.")
    assert (ev.type, ev.source.id, ev.target.id) == ("ACCUSE", "RUS", "USA")


def test_a_condemnation_accuses_the_perpetrator_the_sentence_names(pipeline):
    evs = events(pipeline, "ودان اتحاد المحامين العرب الجريمة الإرهابية البشعة التي ارتكبها العدو الصهيوني.")
    accuse = next(e for e in evs if e.type == "ACCUSE")
    assert accuse.source.text == "اتحاد المحامين العرب"  # the phrase stops before the object it condemns
    assert accuse.source.sector == "NGO"
    assert accuse.target.id == "ISR"  # "العدو الصهيوني" is Israel, the perpetrator of the relative clause
    assert any(e.type == "ASSAULT" and e.source.id == "ISR" for e in evs)
    # ongoing "crimes" and programmes an agency carried out are no attack
    evs = events(pipeline, "ودان اتحاد المحامين العرب الجرائم المتواصلة التي يرتكبها العدو الصهيوني.")
    assert [e.type for e in evs] == ["ACCUSE"]
    assert not events(pipeline, "واستعرض اللقاء البرامج الإغاثية التي نفذها المركز للتخفيف من معاناة الشعب اليمني.")


def test_a_demonym_on_an_attack_noun_is_its_agent_and_the_accused(pipeline):
    evs = events(pipeline, "أدان الأمين العام لجامعة الدول العربية أحمد أبو الغيط الغارات الإسرائيلية على قطاع غزة، "
                           "وطالب مجلس الأمن بالتحرك الفوري لوقف الحرب.")
    by_type = {e.type: e for e in evs}
    assert (by_type["ASSAULT"].source.id, by_type["ASSAULT"].target.id) == ("ISR", "PSE")
    assert by_type["ACCUSE"].target.id == "ISR"
    # the conjoined verb keeps the main clause's subject, not the noun's agent; "مجلس الأمن" is the UN's
    assert (by_type["REQUEST"].source.id, by_type["REQUEST"].target.id) == ("egy-aboul-gheit",
                                                                           "un-security-council")


def test_counted_people_from_a_group_and_forces_sent_somewhere(pipeline):
    (ev,) = events(pipeline, "أفرجت جماعة الحوثي اليوم عن 20 أسيرا من القوات الحكومية في تعز.")
    assert (ev.type, ev.mode, ev.source.id) == ("RETREAT", "release", "yem-houthis")
    assert (ev.target.country, ev.target.sector) == ("YEM", "MIL")  # "عن 20 أسيرا من": عن reaches the group
    (ev,) = events(pipeline, "قال الرئيس التركي رجب طيب أردوغان إن بلاده تعتزم إرسال قوات إلى ليبيا.")
    # "بلاده" is the speaker's country and the subject of the plan
    assert (ev.type, ev.status, ev.source.id, ev.target.id) == ("MOBILIZE", "planned", "TUR", "LBY")


def test_the_one_called_on_comes_before_the_demand(pipeline):
    (ev,) = events(pipeline, "ودعا المعتصمون إلى إعدام سليمان الأسد ابن هلال الأسد.")
    assert ev.type == "REQUEST" and ev.target is None  # the demand's object is not who is asked
    (ev,) = events(pipeline, "وطالب وزير الخارجية سامح شكري المجتمع الدولي بالاضطلاع بمسؤولياته لحماية الفلسطينيين.")
    assert (ev.source.id, ev.target.text, ev.target.sector) == ("egy-shoukry", "المجتمع الدولي", "IGO")


def test_counterparts_delegations_and_meetings_told_by_a_speaker(pipeline):
    evs = events(pipeline, "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة أمس. وسيلتقي، اليوم، نظيره المصري سامح شكري.")
    meet = next(e for e in evs if e.mode == "meet")
    assert (meet.source.id, meet.target.id, meet.status) == ("usa-kerry", "egy-shoukry", "planned")
    (ev,) = events(pipeline, "وقالت الحركة، في بيان، إن «وفدًا من حركة حماس برئاسة خالد مشعل، التقى سيرغي لافروف في الدوحة».")
    assert (ev.source.id, ev.target.id) == ("pse-hamas", "rus-lavrov")  # the leader's name is part of the subject
    (ev,) = events(pipeline, "تحدث وزير الخارجية الروسي سيرغي لافروف عن اجتماعين مع وزير الخارجية الأمريكي جون كيري.")
    assert (ev.type, ev.source.id, ev.target.id) == ("CONSULT", "rus-lavrov", "usa-kerry")


def test_the_word_right_after_a_verb_is_its_subject_not_a_carried_subjects_object(pipeline):
    request = event_of(pipeline, "ونفذ أكثر من ألف سوري اعتصاما في مدينة اللاذقية. ودعا المعتصمون إلى إعدام سليمان الأسد.", "REQUEST")
    assert request.source.text == "المعتصمون" and request.target is None


def test_the_subject_of_a_relative_clause_is_its_antecedent_whatever_marks_it(pipeline):
    evs = events(pipeline, "انطلقت في الدوحة أعمال الاجتماع التشاوري لوزراء خارجية دول مجلس التعاون الخليجي مع "
                           "نظيرهم الأمريكي جون كيري، الذي وصل إلى العاصمة القطرية، اليوم الاثنين.")
    visit = next(e for e in evs if e.mode == "visit")
    assert visit.source.id == "usa-kerry"  # "مع كيري الذي وصل": the antecedent, though مع governs it
    assert visit.target.id == "QAT"
    ev = event_of(pipeline, "ونقل الموقع عن وزير الدفاع البريطاني مايكل فالون الذي يزور العراق حالياً أن "
                            "الطائرات ساعدت القوات العراقية.", "CONSULT")
    assert (ev.mode, ev.source.country, ev.target.id) == ("visit", "GBR", "IRQ")


def test_the_capital_named_by_a_demonym_is_a_place(pipeline):
    raw = RawDocument(doc_id="t", content="وصل الوزير إلى العاصمة الليبية أمس.", origin="test", content_type="text",
                      published=date(2015, 8, 5))
    (place,) = [m for m in pipeline.process(raw).mentions if m.type == "place"]
    assert (place.text, place.name, place.country) == ("العاصمة الليبية", "Tripoli", "LBY")


def test_a_relative_verb_with_an_object_pronoun_takes_the_antecedent_as_object(pipeline):
    evs = events(pipeline, "يسعى وزير الخارجية الأمريكي جون كيري، أثناء زيارته إلى مصر التي وصلها أمس، إلى إنعاش "
                           "الشراكة الاستراتيجية بين البلدين. وسيلتقي، اليوم، نظيره المصري سامح شكري.")
    visit = next(e for e in evs if e.mode == "visit")
    assert (visit.source.id, visit.target.id) == ("usa-kerry", "EGY")  # "مصر التي وصلها": Egypt is visited
    meet = next(e for e in evs if e.mode == "meet")  # the next sentence's pro-drop verb: Kerry again
    assert (meet.source.id, meet.target.id) == ("usa-kerry", "egy-shoukry")


def test_a_clash_is_between_the_two_sides_whose_dead_the_sentence_counts(pipeline):
    evs = events(pipeline, "فقد أعلنت المقاومة الشعبية، عن مقتل 42 حوثياً على الأقل، و9 مقاتلين من المقاومة، في "
                           "مواجهات اندلعت في قرى بجبل صبر المطل على مدينة تعز، على مدار اليومين الماضيين.")
    (clash,) = [e for e in evs if e.mode == "clash"]
    assert {clash.source.id, clash.target.id} == {"yem-houthis", None}
    assert clash.target.text == "المقاومة" and clash.target.sector == "REB"
    evs = events(pipeline, "لقي 24 عنصرًا من ميليشيات الحوثي المتمردة وعناصر الرئيس المخلوع علي عبدالله صالح مصرعهم، "
                           "بينما قتل 2 من رجال المقاومة الشعبية في المعارك العنيفة التي اندلعت بين الجانبين.")
    (clash,) = [e for e in evs if e.mode == "clash"]
    # the first of the coordinated dead ("الحوثي وعناصر صالح لقوا مصرعهم"), and the resistance men
    assert (clash.source.id, clash.target.text) == ("yem-houthis", "المقاومة الشعبية")


def test_an_attack_on_a_place_targets_who_holds_it_and_on_a_site_the_foreign_country(pipeline):
    evs = events(pipeline, "بدأت القوات اليمنية المدعومة من التحالف بقيادة السعودية اليوم الأربعاء هجوما واسعا على "
                           "مدينة الحديدة الخاضعة لسيطرة الحوثيين، فيما شنت مقاتلات التحالف غارات جوية على مواقع "
                           "الحوثيين جنوب المدينة.")
    first, second = [e for e in evs if e.type == "ASSAULT"]
    assert (first.source.country, first.source.sector, first.target.id) == ("YEM", "MIL", "yem-houthis")
    assert first.location is not None and first.location.geonameid == 79415  # Al Hudaydah
    assert (second.source.id, second.target.id) == ("sau-coalition", "yem-houthis")  # "على مواقع الحوثيين"
    attack = event_of(pipeline, "ندد وزير الخارجية سامح شكري بالهجوم الذي شنته ميليشيا الحوثي بطائرات مسيرة على محطتي "
                                "ضخ نفط في المملكة العربية السعودية الأسبوع الماضي.", "ASSAULT")
    assert (attack.source.id, attack.target.id) == ("yem-houthis", "SAU")


def test_his_country_is_the_country_of_the_sentence_subject(pipeline):
    (visit,) = [e for e in events(pipeline, "من جانبه، وصف وزير الإعلام الأردني الدكتور محمد المومني، زيارة الأمير "
                                            "محمد بن سلمان، لبلاده بـ«التاريخية».") if e.type == "CONSULT"]
    assert (visit.source.id, visit.target.id, visit.target.text) == ("sau-mbs", "JOR", "بلاده")
    (req,) = events(pipeline, "قال وزير الخارجية البريطاني فيليب هاموند إن الحكومة العراقية لم تطلب من بلاده ذلك.")
    # SVO after أن across the negation; "بلاده": the speaker's country, not Iraq named after him
    assert (req.type, req.status, req.source.country, req.target.id) == ("REQUEST", "negated", "IRQ", "GBR")


def test_an_undated_headline_repeated_by_a_dated_body_counts_once(pipeline):
    raw = RawDocument(doc_id="t", title="رئيس مجلس النواب العراقي يندد بتفجير مسجد قوات الطوارئ بعسير",
                      content="ندد رئيس مجلس النواب العراقي سليم الجبوري أمس بالتفجير الإرهابي الذي استهدف مسجد "
                              "قوات الطوارئ في منطقة عسير.", origin="test", content_type="text",
                      published=date(2015, 8, 7))
    accusations = [e for e in pipeline.process(raw).events if e.type == "ACCUSE"]
    assert len(accusations) == 1  # the body's, dated "أمس"; the headline's publication date is no date
    assert accusations[0].date is not None and accusations[0].date.value == "2015-08-06"


def test_a_headline_naming_an_actor_shorter_than_the_body_counts_once(pipeline):
    raw = RawDocument(doc_id="t", title="الأمين العام لمجلس التعاون الخليجي يجتمع مع مبعوث الأمين العام للأمم المتحدة "
                                        "إلى الجمهورية اليمنية",
                      content="اجتمع معالي الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف بن راشد "
                              "الزياني، في مكتبه بمدينة الرياض اليوم، مع مبعوث الأمين العام للأمم المتحدة إلى اليمن "
                              "إسماعيل ولد الشيخ أحمد.", origin="test", content_type="text", published=date(2015, 8, 11))
    (meeting,) = pipeline.process(raw).events
    assert meeting.source.id == "gcc-zayani" and meeting.target.sector == "IGO"
    assert meeting.evidence_span[0] > 0  # the body's sentence, not the headline (a capital after بمدينة is a place)


def test_a_verb_joined_by_wa_does_not_take_the_noun_before_it_as_subject(pipeline):
    evs = events(pipeline, "وتقود الولايات المتحدة حاليا تحالفا يشن ضربات جوية على داعش في سوريا والعراق ويتعاون مع "
                           "تركيا.")
    assert not any(e.type == "COOPERATE" and e.source.id == "IRQ" for e in evs)  # "والعراق ويتعاون"
    (req,) = events(pipeline, "ودعا رئيس مجلس النواب سليم الجبوري رؤساء الكتل السياسية في مجلس النواب، الى تأييد "
                              "ورقة الاصلاح السياسي.")
    assert req.target.text == "رؤساء الكتل السياسية في مجلس النواب"  # a plural head ends the speaker's phrase
    assert all(m.name != "Ar Raqqah" for m in req.participants)


def test_an_invitation_from_someone_is_their_request_to_the_visitor(pipeline):
    evs = events(pipeline, "وكان الأمير محمد بن سلمان، وصل أمس إلى المملكة الأردنية الهاشمية تلبية لدعوة من العاهل "
                           "الأردني.")
    (invite,) = [e for e in evs if e.type == "REQUEST"]
    assert (invite.source.id, invite.target.id) == ("jor-abdullah-ii", "sau-mbs")


def test_a_verb_whose_first_letter_is_waw_keeps_its_subject_before_it(pipeline):
    evs = events(pipeline, "وذكرت المصادر أن لافروف وجّه الدعوة لقيادة «حماس» لزيارة موسكو.")
    invite = next(e for e in evs if e.mode == "invite")
    # "وجّه" is no و + جه; "لقيادة «حماس»" reaches Hamas through the governing noun
    assert (invite.source.id, invite.target.id) == ("rus-lavrov", "pse-hamas")


def test_a_relative_verb_after_a_thing_takes_the_clause_subject(pipeline):
    strike = event_of(pipeline, "قال وزير الدفاع البريطاني مايكل فالون: إن بريطانيا ستُمدد الضربات الجوية التي تشنها "
                                "على تنظيم داعش في العراق لمدة عام.", "ASSAULT")
    assert (strike.source.id, strike.target.id) == ("GBR", "isis")
    # "على أرض اليمن" is where, not a subject: the coalition wages the campaign
    strike = event_of(pipeline, "أكبر قوة ينشرها التحالف على أرض اليمن منذ بدء الحملة الجوية التي يشنها على قوات "
                                "الحوثيين.", "ASSAULT")
    assert strike.source.text == "التحالف"
    assert strike.target.id == "yem-houthis"


def test_subjects_joined_by_wa_are_not_the_object(pipeline):
    accuse = event_of(pipeline, "وتتهم بريطانيا وفرنسا والولاياتُ المتحدة النظام السوري بتنفيذ هجمات بالغاز السام.", "ACCUSE")
    assert accuse.source.id == "GBR"
    assert (accuse.target.country, accuse.target.sector) == ("SYR", "GOV")


def test_the_sides_of_a_clash_split_at_min_jiha(pipeline):
    clash = event_of(pipeline, "تصاعدت حدة المعارك، ليلة السبت، بين المقاومة الشعبية والجيش الوطني اليمني من جهة، "
                               "والمتمردين الحوثيين وميليشيات علي عبدالله صالح من جهة أخرى.", "ASSAULT")
    assert clash.source.text == "المقاومة الشعبية"
    assert clash.target.id == "yem-houthis"


def test_its_spokesman_warns_for_the_white_house(pipeline):
    warn = event_of(pipeline, "أفاد البيت الأبيض أمس، أن واشنطن قد تتخذ خطوات إضافية للدفاع في سوريا عن القوات "
                              "المعارضة التي دربتها. وحذر المتحدث باسمه جوش ايرنست، النظام السوري من التدخل.", "THREATEN")
    assert warn.source.id == "usa-white-house"
    assert (warn.target.country, warn.target.sector) == ("SYR", "GOV")


def test_protests_are_the_protesters_not_the_speakers(pipeline):
    text = ("قال نائب رئيس الوزراء العراقي بهاء الأعرجي مع تصاعد وتيرة المظاهرات الجماهيرية ضد سوء الخدمات إن "
            "الحكومات السابقة أهدرت الأموال.")
    (protest,) = [e for e in events(pipeline, text) if e.type == "PROTEST"]
    # no one named: a civilian group of the article's country, not the minister who speaks
    assert (protest.source.id, protest.source.country, protest.source.sector) == (None, "IRQ", "CVL")
    evs = events(pipeline, "تظاهر عشرات الآلاف من اللبنانيين في بيروت لليوم الخامس احتجاجا على الضرائب الجديدة.")
    assert len([e for e in evs if e.type == "PROTEST"]) == 1  # "احتجاجا على" tells the same protest


def test_an_accusative_plural_after_the_verb_is_not_its_subject(pipeline):
    evs = events(pipeline, "وصرح الوزير من بغداد؛ حيث التقى مسؤولين عراقيين، أن العراق بحاجة للدعم.")
    assert not any(e.type == "CONSULT" and e.source.text == "مسؤولين عراقيين" for e in evs)


def test_a_quoted_verb_does_not_take_the_speaker_as_subject(pipeline):
    evs = events(pipeline, 'وقال لافروف "يرفض شركاؤنا الأمريكيون وبعض دول المنطقة بإصرار الاعتراف بالاسد".')
    (reject,) = [e for e in evs if e.type == "REJECT"]
    assert reject.source.country == "USA"
    # a quote closing the subject's name is no break: the branch threatens
    evs = events(pipeline, 'تنظيم "داعش" يهدد بإعدام رهينة كرواتي.')
    assert any(e.type == "THREATEN" and e.source.id == "isis" for e in evs)


def test_attacks_named_as_aggressions(pipeline):
    evs = events(pipeline, "يشارك الرئيس الفلسطيني محمود عباس في اجتماع بالقاهرة لمناقشة اعتداءات المستوطنين على "
                           "الشعب الفلسطيني.")
    (attack,) = [e for e in evs if e.type == "ASSAULT"]
    assert attack.source.text == "المستوطنين"
    assert attack.target.country == "PSE"


def test_a_past_form_after_a_verb_taking_a_verbal_noun_is_that_noun(pipeline):
    text = ("عزل الجيش الرئيس السابق محمد مرسي في منتصف 2013. وأعلن الجيش عزل مرسي بعد احتجاجات حاشدة على "
            "حكمه.")
    ousting = [e for e in events(pipeline, text) if e.type == "COERCE"]
    assert ousting and ousting[-1].source.text == "الجيش" and ousting[-1].target.id == "egy-morsi"
    (sanction,) = [e for e in events(pipeline, "أعادت الولايات المتحدة اليوم فرض العقوبات على إيران.")
                   if e.type == "SANCTION"]
    assert (sanction.source.id, sanction.target.id) == ("USA", "IRN")  # and العقوبات, with its article


def test_summits_are_multilateral_meetings_of_their_chair_or_participants(pipeline):
    evs = events(pipeline, "انطلقت في شرم الشيخ اليوم الأحد أعمال القمة العربية الأوروبية الأولى برئاسة الرئيس عبد "
                           "الفتاح السيسي، بمشاركة الأمين العام للأمم المتحدة.")
    (summit,) = [e for e in evs if e.type == "CONSULT"]
    assert (summit.mode, summit.source.id, summit.target) == ("multilateral", "egy-sisi", None)
    evs = events(pipeline, "شهدت الرياض قمة خليجية بمشاركة الرئيس الأمريكي جو بايدن وقادة دول مجلس التعاون.")
    (summit,) = [e for e in evs if e.type == "CONSULT"]
    assert summit.source.id == "usa-biden" and summit.target is not None
    evs = events(pipeline, "يشارك الرئيس الفلسطيني محمود عباس في اجتماع لجنة مبادرة السلام العربية اليوم.")
    assert [(e.mode, e.source.id) for e in evs if e.type == "CONSULT"] == [("multilateral", "pse-abbas")]


def test_an_event_noun_made_by_the_actor_after_a_relative_light_verb(pipeline):
    (talks,) = events(pipeline, "سوف تستكمل المباحثات التي أجراها الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع "
                                "السعودي مع المسؤولين الروس.")
    assert talks.source.id == "sau-mbs"
    assert (talks.target.country, talks.target.sector) == ("RUS", "GOV")
    visit = event_of(pipeline, "أكد الوزير أن بلاده تولي أهمية خاصة للزيارة التي قام بها الأمير محمد بن سلمان إلى روسيا.", "CONSULT")
    assert (visit.mode, visit.source.id, visit.target.id) == ("visit", "sau-mbs", "RUS")


def test_a_named_body_without_a_country_can_be_the_target(pipeline):
    req = event_of(pipeline, "وكانت فلسطين دعت لجنة متابعة مبادرة السلام العربية، لعقد اجتماع على مستوى وزراء "
                             "الخارجية.", "REQUEST")
    assert req.source.id == "PSE"
    assert req.target.text == "لجنة متابعة مبادرة السلام العربية"


def test_a_verbal_noun_after_a_time_word_dates_another_event(pipeline):
    evs = events(pipeline, "وأعلن الجيش عزل الرئيس محمد مرسي بعد احتجاجات حاشدة على حكمه.")
    assert [e.type for e in evs] == ["COERCE"]  # "بعد احتجاجات" is when, not a second event


@pytest.mark.parametrize(("text", "source", "country", "sector"), [
    ("منذ أن استعادت القوات الموالية للرئيس عبد ربه منصور هادي السيطرة على عدن في منتصف يوليو.",
     "القوات الموالية للرئيس عبد ربه منصور هادي", "YEM", "MIL"),
    ("وهاجم مسلحون تابعون لجماعة الحوثي مواقع الجيش.", "مسلحون تابعون لجماعة الحوثي", "YEM", "REB"),
])
def test_a_group_loyal_to_an_actor_acts_in_its_country(pipeline, text, source, country, sector):
    ev = event_of(pipeline, text, "ASSAULT")
    assert (ev.source.text, ev.source.country, ev.source.sector) == (source, country, sector)


def test_a_states_organ_speaking_of_its_states_act_is_its_source(pipeline):
    ev = event_of(pipeline, "وأكدت الخارجية المصرية في تصريح اليوم تضامن جمهورية مصر العربية مع حكومة وشعب المملكة "
                            "العربية السعودية.", "SUPPORT")
    assert (actor(ev.source), ev.target.country) == (("egy-mfa", "EGY", "GOV"), "SAU")


@pytest.mark.parametrize("text", [
    "قال رئيس الوزراء العراقي إن مظاهرات واسعة مناهضة للحكومة العراقية خرجت في بغداد.",
    "تغلي الساحة العراقية وسط تصاعد حدة الاحتجاجات على فساد الحكومة ومطالبات بالمحاسبة.",
])
def test_a_protest_is_against_the_actor_after_against_words_and_via_nouns(pipeline, text):
    ev = event_of(pipeline, text, "PROTEST")
    assert (ev.target.country, ev.target.sector) == ("IRQ", "GOV")


def test_a_definite_meeting_noun_is_of_the_actor_after_li(pipeline):
    ev = event_of(pipeline, "انطلقت في الدوحة أعمال الاجتماع التشاوري لوزراء خارجية دول مجلس التعاون الخليجي مع نظيرهم "
                            "الأمريكي جون كيري.", "CONSULT")
    assert (ev.source.text, ev.source.sector, ev.target.id) == ("وزراء خارجية دول مجلس التعاون الخليجي", "GOV",
                                                                 "usa-kerry")


def test_a_via_noun_before_in_reaches_the_place_named_after_it(pipeline):
    ev = event_of(pipeline, "أدانت الحكومة اليمنية بشدة التفجير الإرهابي. وعبّر البيان عن تعازي اليمن للقيادة في "
                            "المملكة العربية السعودية ولأسر الشهداء.", "SUPPORT")
    assert (ev.source.country, ev.target.id) == ("YEM", "SAU")


def test_an_air_force_strikes_a_camp_loyal_to_a_leader(pipeline):
    ev = event_of(pipeline, 'ونقل الموقع عن مصادر في اليمن، في وقت شن فيه طيران التحالف غارات على معسكر "اللواء 35" '
                            'الموالي لـ"صالح" في مدينة تعز.', "ASSAULT")
    assert (actor(ev.source), ev.target.country, ev.target.sector) == (("sau-coalition", "SAU", "MIL"), "YEM", "MIL")


def test_ministers_of_member_states_are_not_the_hosts_government(pipeline):
    ev = event_of(pipeline, "استقبل الشيخ تميم بن حمد أمير دولة قطر، اليوم، وزراء خارجية دول مجلس التعاون الخليجي.",
                  "CONSULT")
    assert (ev.source.id, ev.target.country, ev.target.sector) == ("qat-tamim", None, "GOV")
