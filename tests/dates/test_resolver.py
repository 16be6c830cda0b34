"""The dates stage on Arabic phrases: forms, relative words, weekdays, pairs, digits, negatives and spans."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from marsad.dates import DateResolver, resolve_text
from marsad.errors import InputError
from marsad.model import Article
from marsad.text.normalize import normalize

THU = date(2019, 5, 9)  # a Thursday
JAN3 = date(2019, 1, 3)  # a Thursday, three days into the year
DEC28 = date(2018, 12, 28)  # a Friday


def read(text: str, anchor: date | None) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.value, t.precision, t.anchor) for t in resolve_text(text, anchor)]


# (text, anchor, [(timex text, value, precision, anchor)])
ABSOLUTE = [
    ("التقى الوزير نظيره في 9 مايو 2019 بالقاهرة", THU, [("9 مايو 2019", "2019-05-09", "day", "text")]),
    ("صدر القرار في 14 مايو 2019م", THU, [("14 مايو 2019م", "2019-05-14", "day", "text")]),
    ("اندلعت الاحتجاجات في مايو 2018", THU, [("مايو 2018", "2018-05", "month", "text")]),
    ("في شهر مارس عام 1980", THU, [("شهر مارس عام 1980", "1980-03", "month", "text")]),
    ("انتخب عام 2014 رئيسا", THU, [("عام 2014", "2014", "year", "text")]),
    ("منذ العام 2011م والبلاد في أزمة", THU, [("العام 2011م", "2011", "year", "text")]),
    ("تأسست الشركة سنة 2010", THU, [("سنة 2010", "2010", "year", "text")]),
    ("وجرى ذلك في 2019 أيضا", THU, [("2019", "2019", "year", "text")]),
    ("منذ 2011 لم يعقد أي اجتماع", THU, [("2011", "2011", "year", "text")]),
    ("لعام 2015 ارتفعت الأرباح", THU, [("عام 2015", "2015", "year", "text")]),
    ("خطة للعام 2016 كاملة", THU, [("للعام 2016", "2016", "year", "text")]),
    ("في العام 2006 م والرفاع", THU, [("العام 2006 م", "2006", "year", "text")]),
    ("تاريخ 14/5/2019 مهم", THU, [("14/5/2019", "2019-05-14", "day", "text")]),
    ("بتاريخ 2019-05-14 صدر", THU, [("2019-05-14", "2019-05-14", "day", "text")]),
    ("بتاريخ 14-05-2019 صدر", THU, [("14-05-2019", "2019-05-14", "day", "text")]),
    ("بتاريخ 2019/5/14 صدر", THU, [("2019/5/14", "2019-05-14", "day", "text")]),
    ("الأول من مايو 2019", THU, [("الأول من مايو 2019", "2019-05-01", "day", "text")]),
    ("الثالث والعشرين من شهر أغسطس 2015", THU,
     [("الثالث والعشرين من شهر أغسطس 2015", "2015-08-23", "day", "text")]),
    ("11 سبتمبر 2001", None, [("11 سبتمبر 2001", "2001-09-11", "day", "text")]),
    # a day that does not exist is dropped, the month it names is kept
    ("31 فبراير 2019", THU, [("فبراير 2019", "2019-02", "month", "text")]),
]

RELATIVE = [
    ("قال الوزير اليوم إن", THU, [("اليوم", "2019-05-09", "day", "publication")]),
    ("وصل أمس إلى الرياض", THU, [("أمس", "2019-05-08", "day", "publication")]),
    ("وصل بالأمس إلى الرياض", THU, [("الأمس", "2019-05-08", "day", "publication")]),
    ("البارحة وقع الانفجار", THU, [("البارحة", "2019-05-08", "day", "publication")]),
    ("أول أمس", THU, [("أول أمس", "2019-05-07", "day", "publication")]),
    ("أول من أمس", THU, [("أول من أمس", "2019-05-07", "day", "publication")]),
    ("أمس الأول", THU, [("أمس الأول", "2019-05-07", "day", "publication")]),
    ("يصل غدا", THU, [("غدا", "2019-05-10", "day", "publication")]),
    ("يصل غداً", THU, [("غداً", "2019-05-10", "day", "publication")]),
    ("يصل بعد غد", THU, [("بعد غد", "2019-05-11", "day", "publication")]),
    ("صباح اليوم", THU, [("صباح اليوم", "2019-05-09", "day", "publication")]),
    ("مساء أمس", THU, [("مساء أمس", "2019-05-08", "day", "publication")]),
    ("ظهر اليوم", THU, [("ظهر اليوم", "2019-05-09", "day", "publication")]),
    ("ليلة أمس", THU, [("ليلة أمس", "2019-05-08", "day", "publication")]),
    ("فجر أمس الأربعاء", THU, [("فجر أمس الأربعاء", "2019-05-08", "day", "publication")]),
    ("الشهر الماضي", THU, [("الشهر الماضي", "2019-04", "month", "publication")]),
    ("الشهر الجاري", THU, [("الشهر الجاري", "2019-05", "month", "publication")]),
    ("الشهر المقبل", THU, [("الشهر المقبل", "2019-06", "month", "publication")]),
    ("العام الماضي", THU, [("العام الماضي", "2018", "year", "publication")]),
    ("العام الجاري", THU, [("العام الجاري", "2019", "year", "publication")]),
    ("العام المقبل", THU, [("العام المقبل", "2020", "year", "publication")]),
    ("السنة الماضية", THU, [("السنة الماضية", "2018", "year", "publication")]),
    ("هذا العام", THU, [("هذا العام", "2019", "year", "publication")]),
    ("للعام الجاري", THU, [("للعام الجاري", "2019", "year", "publication")]),
    ("الأسبوع الماضي", THU, [("الأسبوع الماضي", "2019-W18", "week", "publication")]),
    ("الأسبوع المقبل", THU, [("الأسبوع المقبل", "2019-W20", "week", "publication")]),
    ("مايو الماضي", THU, [("مايو الماضي", "2018-05", "month", "publication")]),
    ("أبريل الماضي", THU, [("أبريل الماضي", "2019-04", "month", "publication")]),
    ("مايو الجاري", THU, [("مايو الجاري", "2019-05", "month", "publication")]),
    ("مايو المقبل", THU, [("مايو المقبل", "2020-05", "month", "publication")]),
    ("يونيو المقبل", THU, [("يونيو المقبل", "2019-06", "month", "publication")]),
    ("مايو من العام الماضي", THU, [("مايو من العام الماضي", "2018-05", "month", "publication")]),
    ("15 من الشهر الجاري", THU, [("15 من الشهر الجاري", "2019-05-15", "day", "publication")]),
    ("20 الشهر الماضي", THU, [("20 الشهر الماضي", "2019-04-20", "day", "publication")]),
    ("9 مايو الماضي", date(2019, 5, 20), [("9 مايو الماضي", "2019-05-09", "day", "publication")]),
    ("9 مايو الماضي", THU, [("9 مايو الماضي", "2018-05-09", "day", "publication")]),
    ("في مارس", THU, [("مارس", "2019-03", "month", "publication")]),
    ("منذ 15 من شهر يوليو", THU, [("15 من شهر يوليو", "2019-07-15", "day", "publication")]),
]

YEAR_BOUNDARY = [
    ("28 ديسمبر", JAN3, [("28 ديسمبر", "2018-12-28", "day", "publication")]),
    ("ديسمبر الماضي", JAN3, [("ديسمبر الماضي", "2018-12", "month", "publication")]),
    ("5 يناير", JAN3, [("5 يناير", "2019-01-05", "day", "publication")]),
    ("الشهر الماضي", JAN3, [("الشهر الماضي", "2018-12", "month", "publication")]),
    ("3 يناير", DEC28, [("3 يناير", "2019-01-03", "day", "publication")]),
    ("يناير المقبل", DEC28, [("يناير المقبل", "2019-01", "month", "publication")]),
    ("الشهر المقبل", DEC28, [("الشهر المقبل", "2019-01", "month", "publication")]),
    ("العام المقبل", DEC28, [("العام المقبل", "2019", "year", "publication")]),
    ("الثلاثاء", JAN3, [("الثلاثاء", "2019-01-01", "day", "publication")]),
    ("الأحد", JAN3, [("الأحد", "2018-12-30", "day", "publication")]),
    ("الأسبوع الماضي", JAN3, [("الأسبوع الماضي", "2018-W52", "week", "publication")]),
    ("بعد غد", date(2018, 12, 31), [("بعد غد", "2019-01-02", "day", "publication")]),
]

WEEKDAYS = [
    ("الخميس", THU, [("الخميس", "2019-05-09", "day", "publication")]),  # on or before the anchor
    ("الأربعاء", THU, [("الأربعاء", "2019-05-08", "day", "publication")]),
    ("الجمعة", THU, [("الجمعة", "2019-05-03", "day", "publication")]),
    ("السبت", THU, [("السبت", "2019-05-04", "day", "publication")]),
    ("الاثنين", THU, [("الاثنين", "2019-05-06", "day", "publication")]),
    ("الإثنين", THU, [("الإثنين", "2019-05-06", "day", "publication")]),
    ("يوم الأحد", THU, [("يوم الأحد", "2019-05-05", "day", "publication")]),
    ("والثلاثاء", THU, [("الثلاثاء", "2019-05-07", "day", "publication")]),
    ("الخميس الماضي", THU, [("الخميس الماضي", "2019-05-02", "day", "publication")]),  # strictly before
    ("الجمعة الماضية", THU, [("الجمعة الماضية", "2019-05-03", "day", "publication")]),
    ("الخميس المقبل", THU, [("الخميس المقبل", "2019-05-16", "day", "publication")]),  # strictly after
    ("الجمعة المقبلة", THU, [("الجمعة المقبلة", "2019-05-10", "day", "publication")]),
    ("يوم السبت القادم", THU, [("يوم السبت القادم", "2019-05-11", "day", "publication")]),
    ("اليوم الخميس", THU, [("اليوم الخميس", "2019-05-09", "day", "publication")]),
    ("اليوم (الخميس)", THU, [("اليوم (الخميس)", "2019-05-09", "day", "publication")]),
    ("أمس الأربعاء", THU, [("أمس الأربعاء", "2019-05-08", "day", "publication")]),
    ("مساء الخميس", THU, [("مساء الخميس", "2019-05-09", "day", "publication")]),
    ("صباح يوم الأربعاء", THU, [("صباح يوم الأربعاء", "2019-05-08", "day", "publication")]),
    ("الخميس 9 مايو", THU, [("الخميس 9 مايو", "2019-05-09", "day", "publication")]),
    ("الخميس، 16 مايو 2019", THU, [("الخميس، 16 مايو 2019", "2019-05-16", "day", "text")]),
    ("الخميس (2 مايو)", THU, [("الخميس (2 مايو)", "2019-05-02", "day", "publication")]),
    ("يوم الأحد الموافق 12 مايو", THU, [("يوم الأحد الموافق 12 مايو", "2019-05-12", "day", "publication")]),
    # 9 May 2018 was a Wednesday: the weekday chooses the year the nearest-date rule would not
    ("الأربعاء 9 مايو", JAN3, [("الأربعاء 9 مايو", "2018-05-09", "day", "publication")]),
    ("الخميس 9 مايو", JAN3, [("الخميس 9 مايو", "2019-05-09", "day", "publication")]),
    ("الخميس 14/5/2015", THU, [("الخميس 14/5/2015", "2015-05-14", "day", "text")]),
]

PAIRS = [
    ("في 9 الماء/مايو", THU, [("9 الماء/مايو", "2019-05-09", "day", "publication")]),
    ("28 إبريل/ نيسان", THU, [("28 إبريل/ نيسان", "2019-04-28", "day", "publication")]),
    ("في أغسطس/آب", THU, [("أغسطس/آب", "2019-08", "month", "publication")]),
    ("في مايو (أيار)", THU, [("مايو (أيار)", "2019-05", "month", "publication")]),
    ("أيار (مايو) 2018", THU, [("أيار (مايو) 2018", "2018-05", "month", "text")]),
    ("9 أيار/مايو 2019", THU, [("9 أيار/مايو 2019", "2019-05-09", "day", "text")]),
    ("آب/أغسطس 2014", THU, [("آب/أغسطس 2014", "2014-08", "month", "text")]),
    ("حزيران - يونيو الماضي", THU, [("حزيران - يونيو الماضي", "2018-06", "month", "publication")]),
    ("الطير/أبريل 2009", THU, [("الطير/أبريل 2009", "2009-04", "month", "text")]),
    ("3 آب", THU, [("3 آب", "2019-08-03", "day", "publication")]),
    ("شهر آب الماضي", THU, [("شهر آب الماضي", "2018-08", "month", "publication")]),
    ("الثاني من آب (أغسطس) المقبلين", THU,
     [("الثاني من آب (أغسطس) المقبلين", "2019-08-02", "day", "publication")]),
]

DIGITS = [
    ("9 مايو 2019", THU, [("9 مايو 2019", "2019-05-09", "day", "text")]),
    ("٩ مايو ٢٠١٩", THU, [("٩ مايو ٢٠١٩", "2019-05-09", "day", "text")]),
    ("۹ مايو ۲۰۱۹", THU, [("۹ مايو ۲۰۱۹", "2019-05-09", "day", "text")]),
    ("١٤/٥/٢٠١٩", THU, [("١٤/٥/٢٠١٩", "2019-05-14", "day", "text")]),
    ("عام ۲۰۱۴", THU, [("عام ۲۰۱۴", "2014", "year", "text")]),
    ("۱۲ أيار", THU, [("۱۲ أيار", "2019-05-12", "day", "publication")]),
]

NO_ANCHOR = [
    ("9 مايو", None, [("9 مايو", "--05-09", "day", "text")]),
    ("29 فبراير", None, [("29 فبراير", "--02-29", "day", "text")]),
    ("أمس", None, []),
    ("الخميس", None, []),
    ("مايو الماضي", None, []),
    ("العام الماضي", None, []),
    ("في مايو", None, []),
    ("عام 2014 ثم أمس", None, [("عام 2014", "2014", "year", "text")]),
]

NEGATIVE = [
    "شرب الماء",
    "فصل الربيع",
    "جمال عبد الناصر",
    "في الصيف",
    "عادت الطير إلى أعشاشها",
    "الربيع العربي",
    "بالماء والصابون",
    "مارس الرئيس ضغوطا كبيرة",
    "اشترى 2019 سهما",
    "ارتفع عدد الضحايا إلى 15",
    "الأمين العام للأمم المتحدة",
    "الرأي العام",
    "سيارة نيسان جديدة",
    "لليوم الرابع على التوالي",
    "31/2/2019",
    "الساعة 9 م",
    "ناصر القصبي",
    "حقق الفاتح فوزا على التمور",
    "نهاية الحرث والكانون",
]


@pytest.mark.parametrize(("text", "anchor", "expected"),
                         ABSOLUTE + RELATIVE + YEAR_BOUNDARY + WEEKDAYS + PAIRS + DIGITS + NO_ANCHOR)
def test_resolve_text_reads_expression(text: str, anchor: date | None, expected: list) -> None:
    assert read(text, anchor) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_resolve_text_ignores_non_dates(text: str) -> None:
    assert read(text, THU) == []


def make_article(text: str, published: date | None = THU, dateline: str | None = None) -> Article:
    norm, offsets = normalize(text)
    return Article(doc_id="d", text=text, origin="test:1", content_hash="h", published=published,
                   dateline=dateline, norm=norm, norm_offsets=offsets)


def test_resolver_spans_point_into_original_text_with_tashkeel() -> None:
    text = "قالت الوزارة يومَ الخميـــس ٩ مَايو ٢٠١٩ إنّ الوفدَ وصل أمسِ، ويغادر غداً."
    art = DateResolver()(make_article(text))
    assert [(t.text, t.value) for t in art.timexes] == [
        ("يومَ الخميـــس ٩ مَايو ٢٠١٩", "2019-05-09"),
        ("أمسِ", "2019-05-08"),
        ("غداً", "2019-05-10"),
    ]
    for t in art.timexes:
        assert text[t.span[0]:t.span[1]] == t.text


def test_resolver_timexes_in_order_and_disjoint() -> None:
    text = ("أعلن الرئيس أمس الأربعاء أن القمة ستعقد في 20 يونيو/حزيران المقبل، بعد اجتماع عقد الشهر الماضي "
            "وآخر في 3 آذار 2018، فيما تنتهي الخطة عام 2030. وكان قد زار القاهرة يوم السبت.")
    got = DateResolver()(make_article(text)).timexes
    assert [(t.text, t.value) for t in got] == [
        ("أمس الأربعاء", "2019-05-08"),
        ("20 يونيو/حزيران المقبل", "2019-06-20"),
        ("الشهر الماضي", "2019-04"),
        ("3 آذار 2018", "2018-03-03"),
        ("عام 2030", "2030"),
        ("يوم السبت", "2019-05-04"),
    ]
    ends = [t.span for t in got]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))


def test_resolver_uses_dateline_date_as_anchor() -> None:
    art = make_article("وصل الوفد أمس إلى العاصمة", published=date(2019, 5, 20),
                       dateline="الرياض - 14 مايو 2019 -")
    got = DateResolver()(art).timexes
    assert [(t.value, t.anchor) for t in got] == [("2019-05-13", "dateline")]


def test_resolver_dateline_without_date_falls_back_to_publication() -> None:
    art = make_article("وصل الوفد أمس", published=date(2019, 5, 20), dateline="القاهرة - ")
    assert [(t.value, t.anchor) for t in DateResolver()(art).timexes] == [("2019-05-19", "publication")]


def test_resolver_accepts_datetime_publication() -> None:
    art = make_article("وصل الوفد أمس", published=datetime(2019, 5, 20, 23, 50))
    assert [t.value for t in DateResolver()(art).timexes] == ["2019-05-19"]


def test_resolver_normalises_when_text_stage_did_not_run() -> None:
    art = Article(doc_id="d", text="في ٩ مايو ٢٠١٩", origin="t", content_hash="h")
    assert [t.value for t in DateResolver()(art).timexes] == ["2019-05-09"]
    assert art.norm == ""  # the text layer is not the dates stage's to fill


def test_resolver_rejects_inconsistent_offsets() -> None:
    art = make_article("أمس")
    art.norm_offsets = art.norm_offsets[:-1]
    with pytest.raises(InputError, match="norm_offsets"):
        DateResolver()(art)


def test_resolver_rejects_non_date_publication() -> None:
    art = make_article("أمس", published="2019-05-09")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="publication date"):
        DateResolver()(art)


def test_resolve_text_rejects_non_string() -> None:
    with pytest.raises(InputError):
        resolve_text(b"\xd8\xa3\xd9\x85\xd8\xb3", THU)  # type: ignore[arg-type]
