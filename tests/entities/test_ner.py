"""The statistical name tagger: the packaged model loads, tags Arabic names the knowledge base does not hold,
and gives spans into the article text, for a sentence range."""

from __future__ import annotations

from importlib import resources

import pytest

from marsad.entities.kb import KnowledgeBase
from marsad.entities.ner import NameTagger, bio_chunks, score_chunks
from marsad.entities.ner_features import (
    load_clusters,
    load_name_lists,
    name_lists_from,
    parse_clusters,
    parse_gazetteer,
    split_words,
)
from marsad.errors import DataError
from marsad.model import Article
from marsad.text.analyzer import TextAnalyzer
from marsad.text.normalize import normalize_text

DATA = resources.files("marsad") / "data"


@pytest.fixture(scope="module")
def tagger() -> NameTagger:
    return NameTagger.load()


def make_article(text: str) -> Article:
    return TextAnalyzer(tokens=False)(Article(doc_id="t", text=text, origin="test", content_hash="x"))


def names(article: Article, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(article.text[s:e], t) for s, e, t in spans]


def test_model_file_exists_and_is_small() -> None:
    size = (DATA / "ner.crfsuite").stat().st_size
    assert 100_000 < size < 10_000_000


def test_load_is_cached(tagger: NameTagger) -> None:
    assert NameTagger.load() is tagger


def test_person_name_not_in_kb_is_tagged(tagger: NameTagger) -> None:
    # a made-up full name after a speech verb: no knowledge-base alias can find it
    name = "سليم حداد"
    assert not KnowledgeBase.load().search(name)
    words = "وقال الكاتب سليم حداد إن المفاوضات ستستأنف الأسبوع المقبل .".split()
    tags = tagger.tag_tokens(words)
    assert tags[2:4] == ["B-PERS", "I-PERS"]
    assert tags[0] == "O" and tags[4:] == ["O"] * (len(words) - 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى وزير الخارجية المصري سامح شكري نظيره الفرنسي في باريس أمس .",
         [("سامح شكري", "PERS"), ("باريس", "LOC")]),
        ("أعلنت منظمة الصحة العالمية عن حالات جديدة في اليمن .",
         [("منظمة الصحة العالمية", "ORG"), ("اليمن", "LOC")]),
        ("وصرح المتحدث باسم الحكومة فهد الرشيدي للصحفيين في الرياض .",
         [("فهد الرشيدي", "PERS"), ("الرياض", "LOC")]),
    ],
)
def test_spans_of_sentences(tagger: NameTagger, text: str, expected: list[tuple[str, str]]) -> None:
    article = make_article(text)
    assert names(article, tagger.spans(article, 0, len(article.text))) == expected


def test_spans_point_into_original_text_of_a_range(tagger: NameTagger) -> None:
    # diacritics and tatweel are removed by the normaliser: spans must still point into the original text,
    # and only names inside the requested range come back
    first = "انتهت المباراة بالتعادل ."
    second = "وقال المدرّب خالد الـعـمري إن فريقه لعب جيدا في جدة ."
    text = first + " " + second
    article = make_article(text)
    start = len(first) + 1
    spans = tagger.spans(article, start, len(text))
    assert all(start <= s < e <= len(text) for s, e, _ in spans)
    found = names(article, spans)
    assert ("خالد الـعـمري", "PERS") in found
    assert ("جدة", "LOC") in found
    assert tagger.spans(article, 0, len(first)) == []


def test_spans_without_text_layer(tagger: NameTagger) -> None:
    article = Article(doc_id="t", text="وقال الرئيس الأمريكي باراك أوباما", origin="test", content_hash="x")
    assert names(article, tagger.spans(article, 0, len(article.text))) == [("باراك أوباما", "PERS")]


def test_tag_tokens_empty_and_punctuation(tagger: NameTagger) -> None:
    assert tagger.tag_tokens([]) == []
    assert tagger.tag_tokens([",", "."]) == ["O", "O"]


def test_split_words_keeps_punctuation_as_gaps() -> None:
    words, gaps, owner = split_words(["قال", "،", "(أحمد)", "."])
    assert words == ["قال", "احمد"]
    assert [g.strip() for g in gaps] == ["", "،(", ")."]
    assert owner == [0, 2]


@pytest.mark.parametrize(
    ("tags", "chunks"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], [(0, 1, "PERS"), (3, 3, "LOC")]),
        (["O", "I-ORG", "I-ORG", "B-ORG"], [(1, 2, "ORG"), (3, 3, "ORG")]),  # I- after O starts a name
        (["B-PERS", "I-LOC"], [(0, 0, "PERS"), (1, 1, "LOC")]),
        (["O", "O"], []),
    ],
)
def test_bio_chunks(tags: list[str], chunks: list[tuple[int, int, str]]) -> None:
    assert bio_chunks(tags) == chunks


def test_score_chunks_exact_match() -> None:
    gold = ["B-PERS", "I-PERS", "O", "B-LOC"]
    pred = ["B-PERS", "O", "O", "B-LOC"]  # the person is cut short: wrong
    scores = score_chunks([(gold, pred)])
    assert (scores["ALL"].gold, scores["ALL"].pred, scores["ALL"].correct) == (2, 2, 1)
    assert scores["LOC"].f1 == 1.0 and scores["PERS"].f1 == 0.0


def test_gazetteer_and_clusters_load() -> None:
    lists = load_name_lists()
    assert normalize_text("الرئيس") in lists.words["title"]
    assert "pers" in lists.classes(normalize_text("ومحمد"))
    assert "loc" in lists.classes(normalize_text("بالقاهرة"))
    clusters = load_clusters()
    assert len(clusters.classes) > 10_000 and len(clusters.profiles) > 10_000
    assert len({len(c) for c in clusters.classes.values()}) == 1  # every classed word has every level


def test_gazetteer_phrases_match_longest_first_with_proclitics() -> None:
    lists = name_lists_from(parse_gazetteer("[org]\nالأمم المتحدة\nمجلس الأمن\nمجلس الأمن الدولي\n"
                                            "[loc]\nالولايات المتحدة\nالقاهرة\n[pers]\nالقاهرة\n"))
    words = normalize_text("قال مجلس الأمن الدولي وللأمم المتحدة في القاهرة").split()
    assert lists.phrases.matches(words) == [(1, 4, ("org",)), (4, 6, ("org",)), (7, 8, ("pers", "loc"))]


def test_clusters_file_format() -> None:
    parsed = parse_clusters("# header\nكلمه\t3\t1\t7\t9\t0400\nنادره\t-\t-\t-\t-\t1000\nعاديه\t5\t2\t8\t9\t-\n")
    assert parsed.classes == {"كلمه": ("3", "1", "7", "9"), "عاديه": ("5", "2", "8", "9")}
    assert parsed.profiles == {"كلمه": "0400", "نادره": "1000"}
    with pytest.raises(DataError):
        parse_clusters("كلمه\t3\t1\t7\t9\t04\n")  # a profile has a digit per type
    with pytest.raises(DataError):
        parse_clusters("كلمه\t3\t1\t7\t9\t0400\nعاديه\t5\t2\t0400\n")  # every line has every level


def test_gazetteer_rejects_unknown_section() -> None:
    with pytest.raises(DataError):
        parse_gazetteer("[nope]\nword\n")
