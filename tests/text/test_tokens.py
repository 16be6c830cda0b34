import pytest

from marsad.text.normalize import normalize
from marsad.text.tokens import is_proclitic_chain, proclitic_splits, tokenize


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("وبالخليفه", ("وبال", "خليفه")),
        ("للرييس", ("لل", "رييس")),
        ("فسيلتقي", ("فس", "يلتقي")),
        ("كالعاده", ("كال", "عاده")),
        ("لحفتر", ("ل", "حفتر")),
    ],
)
def test_proclitic_splits_include_the_linguistic_split(word, split):
    assert split in proclitic_splits(word)


def test_proclitic_splits_keep_a_minimum_stem():
    assert all(len(rest) >= 2 for _, rest in proclitic_splits("وبه"))


@pytest.mark.parametrize(("prefix", "ok"), [("و", True), ("وب", True), ("لل", True), ("فال", True), ("بو", False), ("x", False)])
def test_is_proclitic_chain(prefix, ok):
    assert is_proclitic_chain(prefix) is ok


def test_tokenize_spans_point_into_original_and_lexicon_guides_stem():
    text = "والتقى الرئيسُ بخليفة حفتر"
    norm, offsets = normalize(text)
    toks = tokenize(norm, offsets, known={"التقي", "خليفه"})
    assert [text[t.start : t.end] for t in toks] == ["والتقى", "الرئيسُ", "بخليفة", "حفتر"]
    assert (toks[0].prefix, toks[0].stem) == ("و", "التقي")
    assert (toks[2].prefix, toks[2].stem) == ("ب", "خليفه")
    assert (toks[1].prefix, toks[1].stem) == ("ال", "رييس")


def test_digits_glued_to_arabic_letters_are_separate_tokens():
    text = "سقوط 11مواطنا و9 مقاتلين من طراز إم1"
    norm, offsets = normalize(text)
    words = [text[t.start : t.end] for t in tokenize(norm, offsets)]
    assert words == ["سقوط", "11", "مواطنا", "و", "9", "مقاتلين", "من", "طراز", "إم", "1"]
