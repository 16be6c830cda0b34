import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import map_span, normalize, normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آكار", "اكار"),
        ("القاهرة", "القاهره"),
        ("مصطفى", "مصطفي"),
        ("مُحَمَّد", "محمد"),
        ("جـــامعة", "جامعه"),
        ("٢٠١٩", "2019"),
        ("۱۴۰۲", "1402"),
        ("مؤتمر", "موتمر"),
        ("ﻻ", "لا"),
        ("الرئيس\u200fالمصري", "الرييسالمصري"),
        ("المسئول", "المسوول"),  # the hamza before و on ya or on waw: one form for both house styles
        ("المسؤول", "المسوول"),
        ("شئون", "شوون"),
        ("رئيس", "رييس"),  # not before و: ئ stays ya
    ],
)
def test_normalize_folds_variants(raw, expected):
    assert normalize(raw)[0] == expected
    assert normalize_text(raw) == expected


def test_normalize_offsets_map_back_to_original():
    text = "استقبلَ الرئيسُ المصريّ، اليومَ ٩ مايو"
    norm, offsets = normalize(text)
    start = norm.index("المصري")
    s, e = map_span(offsets, start, start + len("المصري"))
    assert text[s:e] == "المصريّ"
    d = norm.index("9")
    assert text[offsets[d]] == "٩"


def test_normalize_identity_offsets_when_nothing_deleted():
    text = "التقى السيسي حفتر"
    norm, offsets = normalize(text)
    assert offsets == list(range(len(text) + 1))
    assert len(norm) == len(text)


@given(st.text(alphabet=st.sampled_from(list("ابتثأإآةىيـًٌٍَُِّْ ﻻ٠١٢و.،")), max_size=60))
def test_normalize_offset_map_is_monotonic_and_complete(text):
    norm, offsets = normalize(text)
    assert len(offsets) == len(norm) + 1
    assert offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    for i, ch in enumerate(norm):
        # every normalised char comes from a char that normalises to something containing it
        assert ch in normalize(text[offsets[i]])[0]
