"""Tests of the entity scorer's matching and counting (tests/eval/entities_scorer.py), on hand-built mentions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entities_scorer import GoldMention, Scores, evaluate, late_id, predict, score_doc  # noqa: E402

from marsad.entities import EntityLinker  # noqa: E402
from marsad.entities.kb import KnowledgeBase  # noqa: E402
from marsad.model import Mention  # noqa: E402
from marsad.text import TextAnalyzer  # noqa: E402


def gold(start: int, end: int, kb_id: str | None, type_: str = "person", country: str | None = None,
         sector: str | None = None) -> GoldMention:
    return GoldMention(doc="d", text="x" * (end - start), start=start, end=end, kb_id=kb_id, expected=kb_id,
                       type=type_, country=country, sector=sector)


def pred(start: int, end: int, id_: str | None, country: str | None = None, sector: str | None = None) -> Mention:
    return Mention(text="x" * (end - start), span=(start, end), type="person", id=id_, country=country,
                   sector=sector)


def test_title_and_name_found_apart_count_once() -> None:
    sc = Scores()
    score_doc([gold(0, 30, "sau-jubeir", country="SAU")],
              [pred(0, 20, "sau-jubeir", "SAU"), pred(21, 30, "sau-jubeir", "SAU")], sc)
    assert (sc.linked_pred, sc.linked_correct, sc.gold_linked, sc.gold_with_id) == (2, 2, 1, 1)
    assert sc.linking_precision == 1.0 and sc.linking_recall == 1.0


def test_same_id_wins_over_larger_overlap() -> None:
    sc = Scores()
    # the prediction overlaps the country mention more, but carries the person's id
    golds = [gold(0, 4, "egy-sisi"), gold(4, 20, "EGY", "country", "EGY")]
    score_doc(golds, [pred(2, 18, "egy-sisi")], sc)
    assert sc.linked_correct == 1
    assert sc.gold_linked == 1
    # one prediction stands for one gold mention: the country it also overlaps counts as missed
    assert sc.detect_tp_gold == 1
    assert sc.misses[("x" * 16, "EGY", "nothing")] == 1


def test_wrong_id_and_unmatched_link_are_false_links() -> None:
    sc = Scores()
    score_doc([gold(0, 10, "yem-saleh")], [pred(0, 10, "yem-hadi"), pred(50, 55, "MAR")], sc)
    assert sc.linked_pred == 2 and sc.linked_correct == 0
    assert sc.detection_precision == 0.5
    assert sc.false_links[("x" * 10, "yem-hadi", "yem-saleh")] == 1
    assert sc.false_links[("x" * 5, "MAR", "(no gold mention)")] == 1
    assert sc.misses[("x" * 10, "yem-saleh", "yem-hadi (" + "x" * 10 + ")")] == 1


def test_unlinked_gold_wants_an_unlinked_mention_with_its_country() -> None:
    sc = Scores()
    golds = [gold(0, 10, None, "organization", "SYR", "MIL"), gold(20, 30, None, "group", "SYR", "CVL")]
    score_doc(golds, [pred(0, 10, None, "SYR", "MIL"), pred(25, 30, "SYR", "SYR")], sc)
    assert sc.null_gold_detected == 2 and sc.null_gold_unlinked_ok == 1
    assert sc.linked_pred == 1 and sc.linked_correct == 0  # a country id on the Syrian people is wrong
    assert (sc.country_ok, sc.country_n, sc.sector_ok, sc.sector_n) == (2, 2, 1, 2)


def test_missed_gold_counts_against_recall_only() -> None:
    sc = Scores()
    score_doc([gold(0, 5, "IRN", "country", "IRN"), gold(10, 15, "usa-kerry")], [pred(10, 15, "usa-kerry")], sc)
    assert sc.linking_precision == 1.0 and sc.linking_recall == 0.5
    assert sc.by_type["country"]["with_id"] == 1 and sc.by_type["country"]["linked"] == 0


def test_late_id_resolves_an_actor_the_kb_has_gained() -> None:
    kb = KnowledgeBase.load()
    assert late_id(kb, {"kb_id": None, "type": "person", "name": "Abdel Fattah el-Sisi"}) == "egy-sisi"
    assert late_id(kb, {"kb_id": None, "type": "country", "country": "EGY"}) == "EGY"
    assert late_id(kb, {"kb_id": None, "type": "person", "name": "Nobody Inparticular"}) is None
    assert late_id(kb, {"kb_id": "egy-sisi", "type": "person", "name": "Abdel Fattah el-Sisi"}) is None


@pytest.fixture(scope="module")
def stages() -> tuple[TextAnalyzer, EntityLinker]:
    return TextAnalyzer(tokens=False), EntityLinker()


def record(text: str, sentences: list[list[int]], mentions: list[dict], published: str = "2015-08-01") -> dict:
    return {"doc": {"id": "t", "url": None, "published": published, "text": text},
            "sentences": sentences, "mentions": mentions}


def test_predict_keeps_actors_inside_the_annotated_sentences(stages: tuple[TextAnalyzer, EntityLinker]) -> None:
    first = "قال الرئيس المصري عبد الفتاح السيسي في القاهرة إن مصر تدعم اليمن."
    text = first + " وقال الرئيس التركي رجب طيب أردوغان إن تركيا مستعدة."
    preds = predict(record(text, [[0, len(first)]], []), *stages)
    assert preds and all(m.span[0] < len(first) and not m.is_place for m in preds)
    assert "egy-sisi" in {m.id for m in preds}
    assert "tur-erdogan" not in {m.id for m in preds}


def test_evaluate_scores_a_role_phrase_by_date(stages: tuple[TextAnalyzer, EntityLinker]) -> None:
    text = "استقبل رئيس المخابرات العامة المصرية وفدا ليبيا."
    role = {"text": "رئيس المخابرات العامة المصرية", "start": 7, "type": "person", "country": "EGY",
            "sector": "SPY"}
    libya = {"text": "ليبيا", "start": text.index("ليبيا"), "kb_id": None, "type": "group", "country": "LBY",
             "sector": None}
    right = evaluate([record(text, [[0, len(text)]], [{**role, "kb_id": "egy-abbas-kamel"}, libya], "2019-05-01")])
    wrong = evaluate([record(text, [[0, len(text)]], [{**role, "kb_id": "egy-abbas-kamel"}, libya], "2025-05-01")])
    assert right.gold_linked == 1 and right.linking_recall == 1.0
    assert wrong.gold_linked == 0  # in 2025 the phrase names Hassan Rashad
