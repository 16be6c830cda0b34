"""The line classifier and its data file (boilerplate.json)."""

from __future__ import annotations

import copy
import re

import pytest

from marsad.clean.boilerplate import BoilerplateRules, load_rules_data, validate_rules
from marsad.errors import DataError

from .helpers import LIBYA, SPA, read_fixture


@pytest.fixture(scope="module")
def rules() -> BoilerplateRules:
    return BoilerplateRules.load()


# (fixture, line as in the fixture, the kind of boilerplate it is)
BOILERPLATE_LINES = [
    (LIBYA, "الرئيسية | أخبار ليبيا | اقتصاد | رياضة | ثقافة | اتصل بنا | من نحن", "menu"),
    (SPA, "الرئيسية   محليات   عربي ودولي   اقتصاد   رياضة   مقالات", "menu"),
    (LIBYA, "عاجل", "ticker_marker"),
    (LIBYA, "انقطاع الكهرباء عن مناطق واسعة في الجنوب الليبي", "ticker_marker"),
    (SPA, "شريط الأخبار", "ticker_marker"),
    (SPA, "الهلال يتعاقد مع مدافع برازيلي", "ticker_marker"),
    (LIBYA, "شارك | طباعة | أرسل لصديق", "share_buttons"),
    (LIBYA, "فيسبوك   تويتر   واتساب", "share_buttons"),
    (LIBYA, "حجم الخط", "share_buttons"),
    (SPA, "واتساب • تويتر • فيسبوك • طباعة", "share_buttons"),
    (LIBYA, "اترك تعليقاً", "comment_form"),
    (LIBYA, "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comment_notice"),
    (LIBYA, "الاسم *", "comment_form"),
    (LIBYA, "البريد الإلكتروني *", "comment_form"),
    (LIBYA, "الموقع", "comment_form"),
    (LIBYA, "التعليق", "comment_form"),
    (LIBYA, "إرسال التعليق", "comment_form"),
    (SPA, "أضف تعليق", "comment_form"),
    (
        LIBYA,
        "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا، وباستمرارك في تصفح الموقع فإنك توافق على ذلك.",
        "cookie_notice",
    ),
    (SPA, "يستخدم هذا الموقع ملفات تعريف الارتباط لضمان حصولك على أفضل تجربة.", "cookie_notice"),
    (LIBYA, "موافق", "cookie_button"),
    (LIBYA, "أخبار ذات صلة", "related_marker"),
    (LIBYA, "حفتر يبحث مع السفير الفرنسي تطورات الوضع جنوب طرابلس", "related_marker"),
    (SPA, "اقرأ أيضاً", "related_marker"),
    (SPA, "الأمم المتحدة تدعو إلى هدنة إنسانية في اليمن", "related_marker"),
    (LIBYA, "© 2019 بوابة الوسط. جميع الحقوق محفوظة", "copyright"),
    (SPA, "جميع الحقوق محفوظة لصحيفة الرياض © 2015 - All rights reserved", "copyright"),
    (LIBYA, "(صورة: أرشيفية لرئيس المخابرات المصرية اللواء عباس كامل)", "photo_caption"),
    (SPA, "صورة أرشيفية", "photo_caption"),
    (LIBYA, "الوسوم: ليبيا، مصر، خليفة حفتر، المخابرات المصرية", "tags"),
    (SPA, "كلمات مفتاحية: اليمن، السعودية، الجبير", "tags"),
    (LIBYA, "عدد المشاهدات: 1520", "view_counter"),
    (SPA, "2,345 مشاهدة", "view_counter"),
    (LIBYA, "رئيس المخابرات المصرية يصل إلى ليبيا ويلتقي المشير خليفة حفتر في بنغازي", "repeated_title"),
    (SPA, "وزير الخارجية يستقبل نظيره اليمني في الرياض ويبحثان مستجدات الأوضاع", "repeated_title"),
]


@pytest.mark.parametrize(("fixture", "line", "kind"), BOILERPLATE_LINES)
def test_boilerplate_kind_removed(cleaner, fixture, line, kind):
    assert line in read_fixture(fixture).splitlines()
    cleaned = cleaner.clean_lines(read_fixture(fixture))
    kinds = [d.kind for d in cleaned.decisions if d.line == line]
    assert kind in kinds
    if kind != "repeated_title":  # the title itself stays, once, as the headline
        assert line not in cleaned.body
        assert cleaned.title != line


@pytest.mark.parametrize(
    "line",
    [
        # marker words inside long article sentences
        "وأكد مصدر دبلوماسي مصري أن القاهرة تتابع باهتمام كل خبر عاجل يصلها من جبهات القتال حول طرابلس، وأن الموقع "
        "الجغرافي لليبيا على الحدود الغربية لمصر يجعل استقرارها جزءا لا يتجزأ من الأمن القومي المصري.",
        "وقال المتحدث إن الحكومة ستنشر صورة أرشيفية للاجتماع الذي عقده الطرفان في القاهرة العام الماضي بحضور المبعوث الأممي.",
        "وأضاف أن جميع الحقوق محفوظة للشعب الليبي في ثرواته النفطية، وأن أي اتفاق لا يراعي ذلك سيكون مرفوضا من البرلمان.",
        # short article lines that only look like boilerplate
        "ولم يصدر حتى الآن أي تعليق رسمي من المجلس الرئاسي على الزيارة.",
        "تنسيق أمني",
        "الأحمدي: طول القامة مشكلة الأخضر",
        "المزيد من المعاناة",
        "مصر",
        "شارك في المؤتمر خمسون وفدا",
    ],
)
def test_article_line_kept(rules, line):
    assert rules.classify(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("عاجل", "ticker_marker"),
        ("عاجل: مقتل خمسة في انفجار ببنغازي", "ticker_item"),
        ("الموقع", "comment_form"),
        ("• شارك", "share_buttons"),
        ("اقرأ أيضا: السراج يلتقي وزير الخارجية الإيطالي", "related_inline"),
        ("المزيد من أخبار ليبيا", "related_more"),
        ("Copyright © 2019 Al Wasat", "copyright"),
        ("الرئيسية > أخبار ليبيا > رئيس المخابرات المصرية يصل إلى ليبيا", "breadcrumb"),
        ("تصوير: المحرر", "photo_caption"),
        ("صورة من الاجتماع", "photo_caption"),
        ("٣٥٤ قراءة", "view_counter"),
        ("منذ 3 ساعات", "timestamp"),
        ("* * *", "empty"),
        ("إعلان", "advertisement"),
    ],
)
def test_short_marker_line_classified(rules, line, kind):
    rule = rules.classify(line)
    assert rule is not None and rule.name == kind and rule.reason


def test_contains_marker_needs_short_line(rules):
    # "صورة أرشيفية" drops a caption but not an 81+ character line that mentions it.
    assert rules.classify("صورة أرشيفية للقاء") is not None
    long_line = (
        "صورة أرشيفية " + "نشرتها الرئاسة المصرية للقاء الذي جمع الرئيس السيسي والمشير حفتر في القاهرة"
    )
    assert len(long_line) > 80
    assert rules.classify(long_line) is None


def test_data_file_every_rule_named_and_reasoned():
    data = load_rules_data()
    for section in ("phrase_rules", "vocab_lines", "line_rules"):
        assert data[section]
        for entry in data[section]:
            assert entry["name"].strip() and entry["reason"].strip()
    for entry in data["line_rules"]:
        re.compile(entry["pattern"])
    validate_rules(data)


@pytest.mark.parametrize(
    ("section", "index", "change", "message"),
    [
        ("phrase_rules", 0, {"reason": ""}, "missing reason"),
        ("phrase_rules", 1, {"match": "somewhere"}, "match must be one of"),
        ("phrase_rules", 2, {"phrases": []}, "non-empty list"),
        ("line_rules", 0, {"pattern": "([unclosed"}, "does not compile"),
        ("vocab_lines", 0, {"name": None}, "missing name"),
        ("line_rules", 1, {"max_chars": -3}, "positive integer"),
    ],
)
def test_data_file_validation_rejects(section, index, change, message):
    data = copy.deepcopy(load_rules_data())
    data[section][index].update(change)
    with pytest.raises(DataError, match=message):
        validate_rules(data)
