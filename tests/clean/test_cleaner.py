"""The clean stage end to end on scraped-text fixtures: RawDocument -> Article."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.errors import InputError
from marsad.model import Article

from .helpers import LIBYA, SPA, raw_doc, read_fixture

LIBYA_TITLE = "رئيس المخابرات المصرية يصل إلى ليبيا ويلتقي المشير خليفة حفتر في بنغازي"
SPA_TITLE = "وزير الخارجية يستقبل نظيره اليمني في الرياض ويبحثان مستجدات الأوضاع"


@pytest.fixture(scope="module")
def libya(cleaner) -> Article:
    return cleaner(raw_doc(LIBYA))


@pytest.fixture(scope="module")
def spa(cleaner) -> Article:
    return cleaner(raw_doc(SPA))


def test_article_fields_filled(libya):
    assert libya.doc_id == "libya_wasat_haftar"
    assert libya.origin == "tests/clean/data/libya_wasat_haftar.txt"
    assert libya.content_hash == raw_doc(LIBYA).content_hash
    assert libya.title == LIBYA_TITLE
    assert libya.source == "بوابة الوسط"
    assert libya.published == date(2019, 5, 14)
    assert libya.byline == "كتب: محمد عبدالله"


def test_title_is_first_line_exactly_once(libya, spa):
    for article, title in ((libya, LIBYA_TITLE), (spa, SPA_TITLE)):
        lines = article.text.split("\n")
        assert lines[0] == title
        assert lines.count(title) == 1
        assert title in article.boilerplate  # the second copy in the body was removed


def test_article_sentences_kept(libya):
    text = libya.text
    assert (
        "توجه رئيس جهاز المخابرات العامة المصرية، اللواء عباس كامل، اليوم الثلاثاء إلى ليبيا والتقى خلال زيارته بخليفة حفتر"
        in text
    )
    assert "يوم 9 الماء/مايو الجاري" in text
    assert "كل خبر عاجل يصلها من جبهات القتال حول طرابلس، وأن الموقع الجغرافي لليبيا" in text
    assert "ولم يصدر حتى الآن أي تعليق رسمي من المجلس الرئاسي على الزيارة." in text
    assert "تنسيق أمني" in text.split("\n")  # a short sub-heading is article text
    assert len(text.split("\n")) == 7  # title + 6 body lines, nothing else


def test_text_and_boilerplate_partition_the_input(libya):
    source_lines = [line.strip() for line in read_fixture(LIBYA).splitlines() if line.strip()]
    remaining = list(source_lines)
    for line in libya.text.split("\n"):
        remaining.remove(line)  # the kept title is the first copy
    # every other line was removed, and they are listed in input order
    assert libya.boilerplate == remaining


def test_dateline_span_points_into_text(libya, spa):
    assert libya.dateline == "القاهرة - بوابة الوسط: "
    assert libya.text[libya.dateline_span[0] : libya.dateline_span[1]] == libya.dateline
    assert libya.dateline_span[0] == len(LIBYA_TITLE) + 1
    assert spa.dateline == "الرياض 27 يوليو 2015 (واس) - "
    assert spa.text[spa.dateline_span[0] : spa.dateline_span[1]] == spa.dateline


def test_header_from_eastern_digits_and_byline_word(spa):
    assert spa.published == date(2015, 7, 27)
    assert spa.byline == "متابعات"
    assert spa.title == SPA_TITLE  # found after the ticker block, with no raw title
    assert "الهلال يتعاقد مع مدافع برازيلي" in spa.boilerplate


def test_raw_metadata_wins(cleaner):
    raw = raw_doc(
        LIBYA, title=LIBYA_TITLE, source="Al Wasat", published=date(2019, 5, 15), url="https://alwasat.ly/x"
    )
    article = cleaner(raw)
    assert (article.source, article.published, article.url) == (
        "Al Wasat",
        date(2019, 5, 15),
        "https://alwasat.ly/x",
    )
    assert article.text.split("\n")[0] == LIBYA_TITLE
    assert article.text.count(LIBYA_TITLE) == 1


def test_raw_title_prepended_when_missing_from_text(cleaner):
    raw = raw_doc(SPA, title="الجبير يبحث مع نظيره اليمني تطورات الأوضاع")
    article = cleaner(raw)
    assert article.title == "الجبير يبحث مع نظيره اليمني تطورات الأوضاع"
    assert article.text.startswith("الجبير يبحث مع نظيره اليمني تطورات الأوضاع\n")
    # with a title given, the last ticker line before the header is a ticker item like the others
    assert SPA_TITLE in article.boilerplate


def test_title_detected_from_first_line_without_ticker(cleaner):
    content = (
        "السراج يلتقي وزير الخارجية الإيطالي في طرابلس\n"
        "طرابلس - التقى رئيس المجلس الرئاسي فائز السراج اليوم الأربعاء وزير الخارجية الإيطالي في العاصمة طرابلس، "
        "وبحث معه تطورات الأوضاع الأمنية والعسكرية جنوب العاصمة.\n"
        "السراج يلتقي وزير الخارجية الإيطالي في طرابلس\n"
    )
    article = cleaner(raw_doc(LIBYA).__class__("d1", content, "inline"))
    assert article.title == "السراج يلتقي وزير الخارجية الإيطالي في طرابلس"
    assert article.text.count(article.title) == 1
    assert article.boilerplate == ["السراج يلتقي وزير الخارجية الإيطالي في طرابلس"]
    assert article.dateline == "طرابلس - "


def test_standalone_dateline_line_kept(cleaner):
    content = (
        "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\n"
        "استقبل صاحب السمو الملكي الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع في مكتبه بالرياض اليوم وزير "
        "الخارجية الأمريكي جون كيري، وجرى خلال الاستقبال بحث العلاقات الثنائية.\n"
    )
    article = cleaner(raw_doc(LIBYA).__class__("d2", content, "inline", title="ولي ولي العهد يستقبل كيري"))
    assert article.published == date(2015, 8, 11)
    assert article.dateline == "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"
    assert article.text.split("\n")[1] == article.dateline
    # without a given title the dateline line is not mistaken for the headline
    untitled = cleaner(raw_doc(LIBYA).__class__("d2", content, "inline"))
    assert untitled.title is None
    assert untitled.text.split("\n")[0] == untitled.dateline


def test_all_boilerplate_text_raises(cleaner):
    with pytest.raises(InputError, match="no article text found after removing boilerplate") as info:
        cleaner(raw_doc("all_boilerplate.txt"))
    assert info.value.origin == "tests/clean/data/all_boilerplate.txt"


def test_title_only_text_raises(cleaner):
    raw = raw_doc(LIBYA).__class__("d3", LIBYA_TITLE + "\n\n", "inline", title=LIBYA_TITLE)
    with pytest.raises(InputError):
        cleaner(raw)


def test_unknown_content_type_raises(cleaner):
    with pytest.raises(InputError, match="unknown content type"):
        cleaner(raw_doc(LIBYA, content_type="pdf"))
