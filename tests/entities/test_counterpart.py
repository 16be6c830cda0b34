""""نظيره + demonym": the counterpart of the person named before, resolved to the office holder on the date."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.entities.linker import _head_before
from marsad.model import RawDocument
from marsad.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def mentions(pipeline: Pipeline, text: str, published: date):
    raw = RawDocument(doc_id="t", content=text, origin="test", content_type="text", published=published)
    return pipeline.process(raw).mentions


def counterpart(pipeline, text, published):
    return next(m for m in mentions(pipeline, text, published) if m.text.startswith("نظير"))


def test_a_foreign_ministers_counterpart_is_a_secretary_of_state_by_date(pipeline):
    text = "التقى وزير الخارجية المصري سامح شكري أمس بنظيره الأمريكي في القاهرة."
    m = counterpart(pipeline, text, date(2015, 8, 2))
    assert (m.id, m.country, m.sector, m.office) == ("usa-kerry", "USA", "GOV", "USA.secretary_of_state")
    assert m.text == "نظيره الأمريكي"  # the proclitic ب stays outside: it marks the object
    later = counterpart(pipeline, text, date(2018, 6, 1))
    assert later.id != "usa-kerry" and later.office == "USA.secretary_of_state"


def test_a_presidents_counterpart_and_a_bare_title(pipeline):
    m = counterpart(pipeline, "استقبل الرئيس عبد الفتاح السيسي نظيره الفرنسي في قصر الاتحادية.", date(2015, 8, 2))
    assert (m.id, m.country) == ("fra-hollande", "FRA")
    m = counterpart(pipeline, "معالي وزير الخارجية يلتقي نظيره الروسي", date(2015, 8, 2))
    assert m.id == "rus-lavrov"  # "وزير الخارجية" + "الروسي" is Russia's foreign minister


def test_a_counterpart_followed_by_a_name_or_without_antecedent_is_left_alone(pipeline):
    ms = mentions(pipeline, "استقبل الرئيس عبد الفتاح السيسي نظيره الفرنسي فرانسوا هولاند.", date(2015, 8, 2))
    assert not any(m.text.startswith("نظير") for m in ms)
    assert any(m.id == "fra-hollande" for m in ms)
    ms = mentions(pipeline, "وصل نظيره الروسي إلى القاهرة.", date(2015, 8, 2))
    assert not any(m.text.startswith("نظير") for m in ms)


def test_a_former_title_before_a_name_is_one_mention_of_that_person(pipeline):
    ms = mentions(pipeline, "جمدت تركيا أموال الرئيس اليمني السابق علي عبدالله صالح.", date(2015, 8, 2))
    saleh = next(m for m in ms if m.id == "yem-saleh")
    assert saleh.text == "الرئيس اليمني السابق علي عبدالله صالح"
    assert saleh.office is None and saleh.role.startswith("former")  # not the president in office in 2015
    assert not any(m.text == "الرئيس اليمني" for m in ms)


def test_a_bare_title_is_the_holder_the_article_named_before(pipeline):
    text = "أكد وزير الخارجية عادل الجبير دعم المملكة لليمن. ونقل معالي وزير الخارجية تعازي المملكة لأسرة الرضيع."
    bare = [m for m in mentions(pipeline, text, date(2015, 8, 2)) if m.span[0] > text.index(".")]
    assert bare[0].text == "وزير الخارجية" and bare[0].id == "sau-jubeir"
    # not a different ministry's minister, nor the deputy
    for other in ("أكد وزير الخارجية عادل الجبير دعم المملكة لليمن. وقال وزير الإعلام إن الحكومة ترفض ذلك.",
                  "أكد وزير الخارجية عادل الجبير دعم المملكة لليمن. وقال مساعد وزير الخارجية إن الحكومة ترفض ذلك."):
        later = [m for m in mentions(pipeline, other, date(2015, 8, 2)) if m.span[0] > other.index(".")]
        assert not any(m.id == "sau-jubeir" for m in later)


def test_a_spokesman_in_its_name_speaks_for_the_previous_subject(pipeline):
    text = ("أفاد البيت الأبيض أمس، أن واشنطن قد تتخذ خطوات إضافية للدفاع في سوريا. وحذر المتحدث باسمه جوش "
            "ايرنست، النظام السوري من التدخل.")
    ms = mentions(pipeline, text, date(2015, 8, 5))
    m = next(m for m in ms if m.text.startswith("المتحدث"))
    assert (m.text, m.id, m.role) == ("المتحدث باسمه", "usa-white-house", "المتحدث باسمه")
    assert not any(x.span[0] >= m.span[0] and x.span[1] <= m.span[1] and x is not m for x in ms)
    # no organisation before: nothing to speak for
    ms = mentions(pipeline, "وقال المتحدث باسمها إن الوضع هادئ.", date(2015, 8, 5))
    assert not any(x.id for x in ms)


def test_a_family_name_alone_is_the_person_the_article_named_in_full(pipeline):
    text = ("تدخل الرئيس العراقي فؤاد معصوم لإنقاذ الحكومة. وانتقدت قوى برلمانية عراقية تجاوز معصوم "
            "لصلاحياته.")
    ms = mentions(pipeline, text, date(2015, 8, 12))
    assert [m.id for m in ms if m.text == "معصوم"] == ["irq-masum"]
    group = next(m for m in ms if m.text.startswith("قوى برلمانية"))
    assert (group.country, group.sector) == ("IRQ", "LEG")
    # never named in full: the word alone is nobody
    ms = mentions(pipeline, "قال مصدر إن معصوم سيغادر.", date(2015, 8, 12))
    assert not any(m.id == "irq-masum" for m in ms)
    # a patronymic's last word is not a family name: "سلمان" alone is not Mohammed bin Salman
    ms = mentions(pipeline, "التقى الأمير محمد بن سلمان الوفد. وقال سلمان إن ...", date(2015, 8, 12))
    assert [m.id for m in ms if m.text == "سلمان"] != ["sau-mbs"]



@pytest.mark.parametrize(("text", "title", "head"), [
    ("وطلب من رئيس البرلمان سليم الجبوري التريث.", "البرلمان", "رئيس"),
    ("وأبرق لرئيس مجلس النواب سليم الجبوري.", "مجلس", "لرئيس"),
    ("وطلب من نائب البرلمان سليم الجبوري.", "البرلمان", None),  # a deputy's word stays out
    ("وطلب من البرلمان سليم الجبوري.", "البرلمان", None),
])
def test_a_position_noun_before_a_generic_title_joins_the_name(text, title, head):
    start = text.index(title)
    assert _head_before(text, start) == (text.index(head) if head else start)


def test_the_alias_automaton_is_built_once_per_process():
    from marsad.entities.linker import build_automaton
    assert build_automaton() is build_automaton()  # every EntityLinker shares it; building it takes seconds


@pytest.mark.parametrize(("text", "phrase", "country"), [
    ("نزل المئات من الجنود السعوديين في ميناء عدن.", "الجنود السعوديين", "SAU"),
    ("وقتل الجنود العراقيون مسلحين.", "الجنود العراقيون", "IRQ"),
])
def test_a_plural_demonym_after_a_group_is_its_adjective(pipeline, text, phrase, country):
    m = next(m for m in mentions(pipeline, text, date(2015, 8, 5)) if m.text == phrase)
    assert (m.country, m.sector, m.agent) == (country, "MIL", False)


def test_a_plural_demonym_in_another_case_is_not_an_adjective(pipeline):
    texts = [m.text for m in mentions(pipeline, "واتهم المسؤولون الأمريكيين بالتقصير.", date(2015, 8, 5))]
    assert "المسؤولون" in texts and "الأمريكيين" in texts
