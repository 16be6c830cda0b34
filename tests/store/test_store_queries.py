"""Event filters, story aggregation, actor summaries and counts over the sample articles."""

from __future__ import annotations

import pytest

from marsad.errors import InputError
from marsad.store.sqlite import date_key


def _docs(items) -> list[str]:
    return sorted(r["doc_id"] for r in items)


def _types(items) -> list[str]:
    return sorted(r["type"] for r in items)


def test_events_unfiltered_newest_first(store):
    total, items = store.events()
    assert total == 5
    assert [r["date"] or r["doc"]["published"] for r in items] == [
        "2020-01-15",
        "2020-01-15",
        "2019-06",
        "2019-05-09",
        "2019-05-09",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"type": "CONSULT"}, ["CONSULT", "CONSULT"]),
        ({"type": "consult"}, ["CONSULT", "CONSULT"]),
        ({"mode": "host"}, ["CONSULT"]),
        ({"status": "planned"}, ["SANCTION"]),
        ({"country": "IRN"}, ["SANCTION", "THREATEN"]),  # as source of one, target of the other
        ({"country": "sdn"}, ["PROTEST"]),
        ({"source": "ahram"}, ["CONSULT", "PROTEST"]),
        ({"actor": "Q_GUTERRES"}, ["CONSULT", "CONSULT"]),  # knowledge-base id
        ({"actor": "غوتيريش"}, ["CONSULT", "CONSULT"]),  # surface text
        ({"actor": "السيسى"}, ["CONSULT", "CONSULT"]),  # alef maqsura variant of the name
        ({"actor": "guterres"}, ["CONSULT", "CONSULT"]),  # Latin name, any case
        ({"actor": "المحتجين"}, ["PROTEST"]),  # an actor without a knowledge-base id
        ({"actor": "البريطاني"}, ["SANCTION"]),  # a participant
        ({"actor_id": "USA"}, ["SANCTION", "THREATEN"]),
        ({"since": "2019-06"}, ["PROTEST", "SANCTION"]),  # the undated THREATEN is not in any range
        ({"since": "2019-06-15"}, ["PROTEST", "SANCTION"]),  # "2019-06" overlaps a range from mid-June
        ({"until": "2019-05"}, ["CONSULT", "CONSULT"]),
        ({"until": "2019-05-08"}, []),
        ({"since": "2019", "until": "2019"}, ["CONSULT", "CONSULT", "PROTEST"]),
        ({"q": "الخرطوم"}, ["PROTEST"]),
        ({"q": "الامم"}, ["CONSULT", "CONSULT"]),
        ({"type": "CONSULT", "source": "youm7", "actor": "Q_SISI"}, ["CONSULT"]),
        ({"type": "ASSAULT"}, []),
    ],
)
def test_events_filters(store, filters, expected):
    total, items = store.events(**filters)
    assert total == len(expected)
    assert _types(items) == expected


def test_events_pagination_total_and_items(store):
    total, first = store.events(limit=2)
    total2, rest = store.events(limit=2, offset=2)
    total3, last = store.events(limit=2, offset=4)
    assert total == total2 == total3 == 5
    assert len(first) == 2 and len(rest) == 2 and len(last) == 1
    assert len({r["id"] for r in first + rest + last}) == 5


@pytest.mark.parametrize("bad", [{"since": "yesterday"}, {"until": "2019/05/01"}, {"limit": -1}])
def test_events_bad_arguments_raise_input_error(store, bad):
    with pytest.raises(InputError):
        store.events(**bad)


def test_stories_aggregate_reports_across_outlets(store):
    total, stories = store.stories()
    assert total == 4
    meet = next(s for s in stories if s["id"] == "st-meet")
    assert meet["mentions_count"] == 2
    assert meet["outlets_count"] == 2 and meet["outlets"] == ["ahram", "youm7"]
    assert meet["first_report"] == "2019-05-09" and meet["last_report"] == "2019-05-10"
    assert meet["type"] == "CONSULT" and meet["date"] == "2019-05-09" and meet["date_precision"] == "day"
    assert [a["id"] for a in meet["actors"]] == ["Q_SISI", "Q_GUTERRES"]  # distinct by id
    assert meet["location"]["name"] == "Cairo"
    assert [m["doc_id"] for m in meet["mentions"]] == ["ahram-1", "youm7-7"]


def test_stories_filters_and_pagination(store):
    total, stories = store.stories(source="youm7")
    assert total == 1 and stories[0]["id"] == "st-meet"
    assert stories[0]["mentions_count"] == 2  # a matching story brings all its reports
    total, page = store.stories(limit=1, offset=1)
    assert total == 4 and len(page) == 1
    assert store.stories(country="IRN")[0] == 2


def test_story_by_id(store):
    assert store.story("st-protest")["actors"][0]["text"] == "آلاف المحتجين"
    assert store.story("missing") is None


def test_actor_summary(store):
    sisi = store.actor("Q_SISI")
    assert sisi["name"] == "Abdel Fattah el-Sisi" and sisi["country"] == "EGY"
    assert sisi["roles"] == ["president"]
    assert (sisi["events_count"], sisi["stories_count"], sisi["as_source"], sisi["as_target"]) == (2, 1, 2, 0)
    iran = store.actor("IRN")
    assert (iran["events_count"], iran["stories_count"], iran["as_source"], iran["as_target"]) == (2, 2, 1, 1)
    assert store.actor("nobody") is None


def test_actor_summary_with_knowledge_base(store):
    kb = {"Q_SISI": {"roles": [{"office": "egypt.president", "start": "2014-06"}]}, "Q_NEW": {"name": "New"}}
    assert store.actor("Q_SISI", kb=kb.get)["roles"] == [{"office": "egypt.president", "start": "2014-06"}]
    new = store.actor("Q_NEW", kb=kb.get)
    assert new["name"] == "New" and new["events_count"] == 0


def test_counts(store):
    assert store.counts() == {"documents": 4, "events": 5, "stories": 4, "actors": 4, "outlets": 3}


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("2019-05-09", "2019-05-09"),
        ("2019-05", "2019-05"),
        ("2019", "2019"),
        ("--05-09", None),
        ("2019-W19", "2019-05-06"),
        (None, None),
        ("garbage", None),
    ],
)
def test_date_key(value, key):
    assert date_key(value) == key
