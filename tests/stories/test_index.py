"""StoryIndex: one story per real-world event across documents, stable ids, incremental state."""

from __future__ import annotations

import sqlite3

import pytest
from story_helpers import article, country, event, person, place

from marsad.model import Mention
from marsad.store.migrations import apply_migrations
from marsad.store.stories import SqliteStories
from marsad.stories import MemoryStories, StoryIndex

SISI, HAFTAR, SARRAJ = person("egy-sisi", "EGY"), person("lby-haftar", "LBY"), person("lby-sarraj", "LBY")
KAMEL = person("egy-kamel", "EGY")
EGY, LBY = country("EGY"), country("LBY")
MEETING = "استقبل الرئيس عبد الفتاح السيسي اليوم المشير خليفة حفتر في قصر الاتحادية وبحث معه الأوضاع في ليبيا"


def assign(index: StoryIndex, *articles):
    out = []
    for art in articles:
        index.assign(art)
        out.append([e.story_id for e in art.events])
    return out


def test_visit_host_and_meet_told_by_three_outlets_are_one_story():
    index = StoryIndex()
    ids = assign(
        index,
        article("ahram-1", (event(SISI, HAFTAR, "2019-05-09", mode="host"), "استقبل السيسي حفتر")),
        article("libya-2", (event(HAFTAR, EGY, "2019-05-09", mode="visit"), "زار حفتر القاهرة")),
        article("wasat-3", (event(HAFTAR, SISI, "2019-05-09", mode="meet"), "التقى حفتر السيسي")),
    )
    assert ids[0] == ids[1] == ids[2]
    assert ids[0][0].startswith("st-")


def test_same_pair_a_month_apart_and_other_pairs_and_types_are_other_stories():
    ids = assign(
        StoryIndex(),
        article("a", (event(SISI, HAFTAR, "2019-05-09"), "التقى السيسي حفتر")),
        article("b", (event(SISI, HAFTAR, "2019-06-09"), "التقى السيسي حفتر")),
        article("c", (event(SISI, SARRAJ, "2019-05-09"), "التقى السيسي السراج")),
        article("d", (event(SISI, HAFTAR, "2019-05-09", mode=None, etype="ACCUSE"), "اتهم السيسي حفتر")),
        article("e", (event(SISI, HAFTAR, "2019-05-09", mode="phone"), "اتصل السيسي بحفتر")),
    )
    assert len({i[0] for i in ids}) == 5


def test_a_second_guest_from_the_same_country_or_a_second_host_is_another_meeting():
    ids = assign(
        StoryIndex(),
        article("a", (event(SISI, HAFTAR, "2019-05-09", mode="host"), "استقبل السيسي حفتر")),
        article("b", (event(SISI, SARRAJ, "2019-05-09", mode="host"), "استقبل السيسي السراج")),
        article("c", (event(KAMEL, HAFTAR, "2019-05-09", mode="host"), "استقبل كامل حفتر")),
    )
    assert len({i[0] for i in ids}) == 3


def test_background_month_mention_joins_the_only_meeting_of_that_month():
    index = StoryIndex()
    ids = assign(
        index,
        article("a", (event(SISI, HAFTAR, "2019-04-14"), "استقبل السيسي حفتر")),
        article("b", (event(SISI, HAFTAR, "2019-05-09"), "استقبل السيسي حفتر")),
        article("c", (event(SISI, HAFTAR, "2019-04", precision="month"), "التقى السيسي حفتر في أبريل الماضي")),
        article("d", (event(SISI, HAFTAR, "2019-W19", precision="week"), "يزور حفتر القاهرة الأسبوع المقبل")),
        article("e", (event(HAFTAR, SISI, "--05-09"), "التقى حفتر السيسي يوم 9 مايو")),
    )
    assert ids[2] == ids[0] and ids[3] == ids[1] and ids[4] == ids[1]


def test_month_mention_with_two_meetings_in_that_month_starts_its_own_story():
    ids = assign(
        StoryIndex(),
        article("a", (event(SISI, HAFTAR, "2019-05-02"), "استقبل السيسي حفتر")),
        article("b", (event(SISI, HAFTAR, "2019-05-20"), "استقبل السيسي حفتر")),
        article("c", (event(SISI, HAFTAR, "2019-05", precision="month"), "التقى السيسي حفتر في مايو")),
    )
    assert ids[2][0] not in (ids[0][0], ids[1][0])


def test_relative_day_off_by_one_joins_only_a_near_identical_reprint():
    index = StoryIndex()
    first = article("was-1", (event(SISI, HAFTAR, "2019-05-09", anchor="publication"), MEETING))
    reprint = article("okaz-2", (event(SISI, HAFTAR, "2019-05-10", anchor="publication"), MEETING))
    other = article("okaz-3", (event(SISI, HAFTAR, "2019-05-10", anchor="publication"),
                               "التقى السيسي حفتر مرة أخرى لبحث ملف النفط والحدود"))
    explicit = article("ahram-4", (event(SISI, HAFTAR, "2019-05-10"), MEETING))
    ids = assign(index, first, reprint, other, explicit)
    assert ids[1] == ids[0]
    assert ids[2] != ids[0]
    assert ids[3] != ids[0]  # a date written out in full is not a resolution slip


def test_publication_dated_mention_fits_the_days_before_publication():
    ids = assign(
        StoryIndex(),
        article("a", (event(SISI, HAFTAR, "2019-05-09"), "استقبل السيسي حفتر")),
        article("b", (event(HAFTAR, SISI, "2019-05-11", source="publication"), "حفتر والسيسي يبحثان الأزمة")),
        article("c", (event(HAFTAR, SISI, "2019-05-20", source="publication"), "حفتر والسيسي يبحثان الأزمة")),
    )
    assert ids[1] == ids[0] and ids[2] != ids[0]


def test_places_must_be_compatible():
    cairo = place("Cairo", "EGY", 30.06263, 31.24967, 360630)
    heliopolis = place("Heliopolis", "EGY", 30.0911, 31.3225)
    alexandria = place("Alexandria", "EGY", 31.20176, 29.91582, 361058)
    ids = assign(
        StoryIndex(),
        article("a", (event(SISI, HAFTAR, "2019-05-09", location=cairo), "استقبل السيسي حفتر بالقاهرة")),
        article("b", (event(SISI, HAFTAR, "2019-05-09", location=heliopolis), "استقبل السيسي حفتر بمصر الجديدة")),
        article("c", (event(SISI, HAFTAR, "2019-05-09", location=alexandria), "استقبل السيسي حفتر بالإسكندرية")),
    )
    assert ids[1] == ids[0] and ids[2] != ids[0]


def test_a_lone_participant_joins_only_a_copy_of_the_story_evidence():
    ids = assign(
        StoryIndex(),
        article("a", (event(SISI, HAFTAR, "2019-05-09"), MEETING)),
        article("b", (event(SISI, None, "2019-05-09"), "استقبل الرئيس السيسي اليوم وفدا")),
        article("c", (event(SISI, None, "2019-05-09"), MEETING)),
    )
    assert ids[1] != ids[0] and ids[2] == ids[0]


def test_headline_joins_the_sentence_it_summarises_in_its_own_article():
    houthis, rebels = person("yem-houthis", "YEM"), person("~المتمردين", None)
    hadi = person("yem-hadi", "YEM")
    art = article(
        "alweeam-1",
        (event(hadi, rebels, "2015-07-26", mode=None, etype="REQUEST", source="publication"),
         "الرئيس اليمني يطالب المتمردين باحترام الهدنة الإنسانية"),
        (event(hadi, houthis, "2015-07-26", mode=None, etype="REQUEST", source="publication"),
         "طالب الرئيس اليمني عبدربه منصور هادي المليشيات الحوثية وقوات صالح باحترام الهدنة الإنسانية"),
    )
    (ids,) = assign(StoryIndex(), art)
    assert ids[0] == ids[1]


def test_story_id_is_fixed_when_the_story_grows_and_stable_across_runs():
    def run():
        index = StoryIndex()
        return index, assign(
            index,
            article("a", (event(HAFTAR, EGY, "2019-05", precision="month", mode="visit"), "زار حفتر مصر")),
            article("b", (event(SISI, HAFTAR, "2019-05-09", mode="host"), "استقبل السيسي حفتر")),
        )
    index, ids = run()
    assert ids[1] == ids[0]
    state = index.backend.get(ids[0][0])
    assert state.date.value == "2019-05-09" and state.size == 2  # the story narrowed to the precise date
    assert run()[1] == ids


def test_event_keeps_a_story_id_its_index_knows():
    index = StoryIndex()
    (first,) = assign(index, article("a", (event(SISI, HAFTAR, "2019-05-09"), "استقبل السيسي حفتر")))
    other = article("b", (event(SISI, SARRAJ, "2019-07-01"), "استقبل السيسي السراج"))
    other.events[0].story_id = first[0]
    assign(index, other)
    assert other.events[0].story_id == first[0] and index.backend.get(first[0]).size == 2


@pytest.fixture
def conn(tmp_path):
    c = sqlite3.connect(str(tmp_path / "s.db"), isolation_level=None)
    apply_migrations(c)
    yield c
    c.close()


def test_sqlite_backend_continues_the_stories_of_an_earlier_run(conn):
    articles = [
        article("ahram-1", (event(SISI, HAFTAR, "2019-05-09", mode="host"), "استقبل السيسي حفتر")),
        article("libya-2", (event(HAFTAR, EGY, "2019-05-09", mode="visit"), "زار حفتر القاهرة")),
        article("ahram-3", (event(SISI, HAFTAR, "2019-06-09", mode="host"), "استقبل السيسي حفتر")),
        article("wasat-4", (event(HAFTAR, SISI, "2019-06", precision="month"), "التقى حفتر السيسي في يونيو")),
    ]
    in_memory = assign(StoryIndex(MemoryStories()), *[article(a.doc_id, *[(e, a.span_text(e.evidence_span))
                                                                          for e in a.events]) for a in articles])
    for art in articles:
        for ev in art.events:
            ev.story_id = None
    first = assign(StoryIndex(SqliteStories(conn)), *articles[:2])
    second = assign(StoryIndex(SqliteStories(conn)), *articles[2:])  # a new index: state comes from SQLite
    assert first + second == in_memory
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == 2
    row = conn.execute("SELECT date, size FROM stories WHERE id = ?", (second[0][0],)).fetchone()
    assert row == ("2019-06-09", 2)


def unnamed(text: str, country_code: str | None, sector: str = "REB") -> Mention:
    """A participant outside the knowledge base: no id, so its key is its normalised text."""
    return Mention(text, (0, 1), "group", country=country_code, sector=sector)


HADI, HOUTHIS = person("yem-hadi", "YEM"), person("yem-houthis", "YEM")
TRUCE = "طالب الرئيس اليمني عبدربه منصور هادي المليشيات الحوثية باحترام الهدنة الإنسانية"


def test_a_participant_outside_the_kb_matches_a_named_one_of_its_country():
    ids = assign(
        StoryIndex(),
        article("wam-1", (event(HADI, HOUTHIS, "2015-07-26", mode=None, etype="REQUEST"), TRUCE)),
        article("okaz-2", (event(HADI, unnamed("المتمردين", "YEM"), "2015-07-26", mode=None, etype="REQUEST"),
                           "الرئيس اليمني يطالب المتمردين باحترام الهدنة")),
        # an unnamed participant of another country is someone else
        article("sabq-3", (event(HADI, unnamed("مسلحي القاعدة", "SAU"), "2015-07-26", mode=None,
                                 etype="REQUEST"), "طالب هادي مسلحي القاعدة بالانسحاب")),
    )
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]


def test_reprints_of_a_one_country_statement_are_one_story_other_statements_are_not():
    rejects = "أكدت الخارجية المصرية مجددا رفض مصر الكامل للتدخل الإيراني في الشؤون الداخلية للدول العربية"
    ids = assign(
        StoryIndex(),
        article("ahram-1", (event(EGY, None, "2015-07-21", mode=None, etype="REJECT"), rejects)),
        article("okaz-2", (event(EGY, None, "2015-07-21", mode=None, etype="REJECT"), rejects + ".")),
        article("wam-3", (event(EGY, None, "2015-07-21", mode=None, etype="REJECT"),
                          "رفضت مصر مشروع القرار المقدم إلى مجلس الأمن بشأن سد النهضة")),
        # a one-country mention does not join a two-country story
        article("sabq-4", (event(EGY, LBY, "2015-07-21", mode=None, etype="REJECT"), rejects)),
    )
    assert ids[0] == ids[1]
    assert ids[2] != ids[0] and ids[3] != ids[0]
