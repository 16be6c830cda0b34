"""Dates compared at their precision, places by containment and distance."""

from datetime import date

import pytest
from story_helpers import article, event

from marsad.model import Mention
from marsad.stories.signature import PUBLICATION_LAG_DAYS, PlaceRef, date_span, signature


def day(value: str) -> int:
    return date.fromisoformat(value).toordinal()


@pytest.mark.parametrize(
    ("value", "precision", "lo", "hi"),
    [
        ("2019-05-09", "day", "2019-05-09", "2019-05-09"),
        ("2019-W19", "week", "2019-05-06", "2019-05-12"),
        ("2019-05", "month", "2019-05-01", "2019-05-31"),
        ("2019-12", "month", "2019-12-01", "2019-12-31"),
        ("2020-02", "month", "2020-02-01", "2020-02-29"),
        ("2019", "year", "2019-01-01", "2019-12-31"),
    ],
)
def test_date_span_covers_the_days_of_its_precision(value, precision, lo, hi):
    span = date_span(value, precision)
    assert (span.lo, span.hi) == (day(lo), day(hi))


@pytest.mark.parametrize("value", ["", None, "2019-13", "May 2019", "--02-30", "2019-02-30"])
def test_date_span_rejects_what_is_not_a_date(value):
    assert date_span(value, "day") is None


def test_dates_fit_at_their_precision():
    d9 = date_span("2019-05-09", "day")
    assert date_span("--05-09", "day").fits(d9) and d9.fits(date_span("--05-09", "day"))
    assert not date_span("--05-10", "day").fits(d9)
    assert date_span("2019-05", "month").fits(d9)
    assert not date_span("2019-04", "month").fits(d9)
    assert date_span("2019-W19", "week").fits(d9)
    assert not date_span("2019-W20", "week").fits(d9)
    assert not date_span("2019-05-10", "day").fits(d9)
    assert date_span("2019-05-10", "day").fits(d9, tolerance=1)
    assert date_span("--05-09", "day").fits(date_span("2019", "year"))


def test_publication_dates_are_soft_windows():
    reported = date_span("2019-05-12", "day", soft=True)
    assert reported.vague and reported.hi - reported.lo == PUBLICATION_LAG_DAYS
    assert reported.fits(date_span("2019-05-09", "day"))
    assert not reported.fits(date_span("2019-05-13", "day"))  # a report does not precede its event
    planned = date_span("2019-05-02", "day", soft=True, planned=True)
    assert planned.fits(date_span("2019-05-09", "day")) and not planned.fits(date_span("2019-04-30", "day"))


def test_relative_flag_only_for_text_days():
    assert date_span("2019-05-09", "day", relative=True).relative
    assert not date_span("2019-05", "month", relative=True).relative
    assert not date_span("2019-05-09", "day", relative=True, soft=True).relative


CAIRO = PlaceRef(360630, "EGY", 30.06263, 31.24967)
HELIOPOLIS = PlaceRef(None, "EGY", 30.0911, 31.3225)  # مصر الجديدة, a district of Cairo
EGYPT = PlaceRef(357994, "EGY", None, None)
ALEXANDRIA = PlaceRef(361058, "EGY", 31.20176, 29.91582)
JEDDAH = PlaceRef(105343, "SAU", 21.54238, 39.19797)
MAKKAH = PlaceRef(104515, "SAU", 21.42664, 39.82563)


def test_places_fit_by_containment_and_distance():
    assert HELIOPOLIS.fits(CAIRO) and CAIRO.fits(HELIOPOLIS)
    assert CAIRO.fits(EGYPT) and HELIOPOLIS.fits(EGYPT)
    assert not CAIRO.fits(ALEXANDRIA)
    assert not JEDDAH.fits(MAKKAH)  # 65 km apart: two cities
    assert not CAIRO.fits(JEDDAH) and not EGYPT.fits(JEDDAH)


def test_an_unidentified_attacker_is_no_anchor():
    bomber = Mention("انفجرت", (0, 6), "group", name="unidentified", name_ar="مجهول")
    police = Mention("قوات الأمن", (0, 1), "group", country="EGY", sector="COP")
    ev = event(bomber, police, "2015-08-05", mode="bombing", etype="ASSAULT")
    sig = signature(article("a-1", (ev, "انفجرت عبوة ناسفة")), ev)
    assert list(sig.anchors) == ["~" + "قوات الامن"]
