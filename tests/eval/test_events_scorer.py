"""Unit tests of the event scorer (tests/eval/events_scorer.py) on tiny hand-made articles."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_scorer import date_matches, evidence_overlap, same_actor, score  # noqa: E402

SISI = {"text": "الرئيس عبد الفتاح السيسي", "id": "egy-sisi", "country": "EGY", "sector": "GOV"}
HAFTAR = {"text": "المشير خليفة حفتر", "id": "lby-khalifa-haftar", "country": "LBY", "sector": "MIL"}
SARRAJ = {"text": "فائز السراج", "id": "lby-sarraj", "country": "LBY", "sector": "GOV"}
SENTENCE = "استقبل الرئيس عبد الفتاح السيسي، اليوم الخميس، بقصر الاتحادية المشير خليفة حفتر."
OTHER = "وأدانت مصر الهجوم الإرهابي على مسجد في سيناء."


def _gold_event(**kw):
    ev = {"type": "CONSULT", "mode": "host", "status": "reported", "source": SISI, "target": HAFTAR,
          "date": "2019-05-09", "date_precision": "day", "trigger": "استقبل", "evidence": SENTENCE}
    ev.update(kw)
    return ev


def _article(events):
    return [{"id": "a1", "title": "السيسي يستقبل حفتر", "text": SENTENCE + " " + OTHER, "events": events}]


def _pred(**kw):
    # the pipeline's evidence carries the cleaned text's spelling: alef and ta marbuta forms may differ
    ev = {"type": "CONSULT", "mode": "host", "status": "reported", "source": dict(SISI), "target": dict(HAFTAR),
          "date": "2019-05-09", "evidence": "استقبل الرئيس عبد الفتاح السيسي، اليوم الخميس، بقصر الاتحاديه المشير خليفه حفتر"}
    ev.update(kw)
    return ev


def _micro(scores, level):
    return scores["levels"][level]["micro"]


def test_exact_match_scores_one_at_every_level():
    s = score(_article([_gold_event()]), {"a1": [_pred()]})
    for level in ("type", "type+actors", "type+actors+date"):
        assert _micro(s, level) == {"tp": 1, "fp": 0, "fn": 0, "p": 1.0, "r": 1.0, "f1": 1.0}
    assert s["levels"]["type"]["per_type"]["CONSULT"]["f1"] == 1.0
    assert s["status_accuracy"] == 1.0


def test_wrong_target_matches_type_only():
    s = score(_article([_gold_event()]), {"a1": [_pred(target=dict(SARRAJ))]})
    assert _micro(s, "type")["tp"] == 1
    assert _micro(s, "type+actors") == {"tp": 0, "fp": 1, "fn": 1, "p": 0.0, "r": 0.0, "f1": 0.0}
    assert _micro(s, "type+actors+date")["tp"] == 0


def test_wrong_date_fails_only_the_date_level():
    s = score(_article([_gold_event()]), {"a1": [_pred(date="2019-05-08")]})
    assert _micro(s, "type+actors")["tp"] == 1
    assert _micro(s, "type+actors+date")["tp"] == 0
    # a coarser gold date is compared at its own precision
    s = score(_article([_gold_event(date="2019-05", date_precision="month")]), {"a1": [_pred(date="2019-05-08")]})
    assert _micro(s, "type+actors+date")["tp"] == 1


def test_extra_event_is_a_false_positive():
    extra = _pred(type="ACCUSE", mode=None, source={"text": "مصر", "id": "EGY", "country": "EGY", "sector": None},
                  target=None, evidence=OTHER)
    s = score(_article([_gold_event()]), {"a1": [_pred(), extra]})
    m = _micro(s, "type")
    assert (m["tp"], m["fp"], m["fn"]) == (1, 1, 0)
    assert m["p"] == 0.5 and m["r"] == 1.0
    assert s["levels"]["type"]["per_type"]["ACCUSE"]["fp"] == 1


def test_missing_event_is_a_false_negative():
    second = _gold_event(type="ACCUSE", mode=None, source={"text": "مصر", "id": "EGY", "country": "EGY", "sector": None},
                         target=None, evidence=OTHER)
    s = score(_article([_gold_event(), second]), {"a1": [_pred()]})
    m = _micro(s, "type")
    assert (m["tp"], m["fp"], m["fn"]) == (1, 0, 1)
    assert s["levels"]["type"]["per_type"]["ACCUSE"]["r"] == 0.0
    assert s["levels"]["type"]["per_type"]["CONSULT"]["r"] == 1.0


def test_same_type_in_another_sentence_does_not_match():
    s = score(_article([_gold_event()]), {"a1": [_pred(evidence=OTHER)]})
    assert _micro(s, "type")["tp"] == 0


def test_matching_is_one_to_one():
    s = score(_article([_gold_event()]), {"a1": [_pred(), _pred()]})
    m = _micro(s, "type+actors")
    assert (m["tp"], m["fp"], m["fn"]) == (1, 1, 0)


def test_greedy_matching_prefers_the_right_pair_at_the_actor_level():
    g1 = _gold_event()
    g2 = _gold_event(source=dict(SARRAJ), target=dict(HAFTAR))
    preds = [_pred(source=dict(SARRAJ)), _pred()]
    s = score(_article([g1, g2]), {"a1": preds})
    assert _micro(s, "type+actors")["tp"] == 2


def test_symmetric_gold_accepts_swapped_actors():
    swapped = _pred(source=dict(HAFTAR), target=dict(SISI))
    assert _micro(score(_article([_gold_event()]), {"a1": [swapped]}), "type+actors")["tp"] == 0
    assert _micro(score(_article([_gold_event(symmetric=True)]), {"a1": [swapped]}), "type+actors")["tp"] == 1


def test_headline_event_matches_a_prediction_from_the_title():
    title_pred = _pred(evidence="السيسي يستقبل حفتر")
    assert _micro(score(_article([_gold_event()]), {"a1": [title_pred]}), "type")["tp"] == 0
    gold = _gold_event(also_in_title=True)
    assert _micro(score(_article([gold]), {"a1": [title_pred]}), "type")["tp"] == 1


@pytest.mark.parametrize(("gold", "pred", "same"), [
    (SISI, {"text": "السيسي", "id": "egy-sisi"}, True),
    (SISI, {"text": "الرئيس عبد الفتاح السيسي", "id": "egy-mubarak"}, False),  # both ids: ids decide
    ({"text": "السلطات اليمنية", "id": None, "country": "YEM", "sector": "GOV"},
     {"text": "اليمن", "id": "YEM", "country": "YEM", "sector": None}, True),  # a bare state acts as GOV
    ({"text": "مستوطنون", "id": None, "country": "ISR", "sector": "CVL"},
     {"text": "إسرائيل", "id": "ISR", "country": "ISR", "sector": None}, False),
    ({"text": "المقاومة الشعبية", "id": None, "country": None, "sector": None},
     {"text": "المقاومه الشعبيه", "id": None, "country": None, "sector": None}, True),  # surface text
    (None, None, True),
    (SISI, None, False),
    # the annotation's unknown attacker (null) and the record's unidentified actor, which names no one
    (None, {"text": "انفجرت", "id": None, "country": None, "sector": None, "name": "unidentified"}, True),
    (None, {"text": "مسلحون", "id": None, "country": "IRQ", "sector": None}, False),
    (None, {"text": "فالون", "id": None, "country": None, "sector": "GOV"}, False),
])
def test_same_actor(gold, pred, same):
    assert same_actor(gold, pred) is same


@pytest.mark.parametrize(("gold", "precision", "pred", "same"), [
    ("2019-05-09", "day", "2019-05-09", True),
    ("2019-05-09", "day", "2019-05", False),
    ("2019", "year", "2019-11-02", True),
    ("2019-W20", "week", "2019-05-14", True),
    ("2019-W20", "week", "2019-05-21", False),
    ("--03-26", "day", "2015-03-26", True),
    (None, None, "2001-01-01", True),
    ("2019-05-09", "day", None, False),
])
def test_date_matches(gold, precision, pred, same):
    assert date_matches(gold, precision, pred) is same


def test_evidence_overlap_tolerates_spelling_and_rejects_other_sentences():
    assert evidence_overlap(SENTENCE, _pred()["evidence"]) == 1.0
    assert evidence_overlap(SENTENCE, OTHER) < 0.6
    longer = "القاهرة - " + SENTENCE + " وبحث الجانبان الأوضاع."
    assert evidence_overlap(SENTENCE, longer) == 1.0


def test_score_does_not_mutate_inputs():
    gold = _article([_gold_event()])
    before = copy.deepcopy(gold)
    score(gold, {"a1": [_pred()]})
    assert gold == before
