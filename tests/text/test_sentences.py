import pytest

from marsad.text.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_split_on_arabic_question_mark_and_period():
    text = "هل يلتقي الرئيسان؟ التقى السيسي حفتر. ثم غادر!"
    assert sentences(text) == ["هل يلتقي الرئيسان؟", "التقى السيسي حفتر.", "ثم غادر!"]


def test_comma_and_semicolon_do_not_split():
    text = "استقبل الرئيس، اليوم الخميس، المشير خليفة حفتر؛ وبحثا الأوضاع."
    assert sentences(text) == [text]


def test_period_inside_quotes_does_not_split():
    text = "وقال الوزير «الوضع صعب. لكننا سنعمل» ثم غادر. وانتهى الاجتماع."
    assert sentences(text) == ["وقال الوزير «الوضع صعب. لكننا سنعمل» ثم غادر.", "وانتهى الاجتماع."]


@pytest.mark.parametrize("text", ["بلغ النمو 3.5 في المئة.", "التقى د. محمد بالوزير."])
def test_decimals_and_one_letter_abbreviations_do_not_split(text):
    assert sentences(text) == [text]


def test_newlines_split_paragraphs_and_spans_are_trimmed():
    text = "  العنوان هنا\n\nالفقرة الأولى بدون نقطة\nالفقرة الثانية.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["العنوان هنا", "الفقرة الأولى بدون نقطة", "الفقرة الثانية."]
