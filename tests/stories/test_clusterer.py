from marsad.model import Article, Event, Mention, TimeExpr
from marsad.stories import StoryClusterer


def event(src, tgt, value, mode="meet", etype="CONSULT"):
    m1 = Mention(src, (0, 1), "person", id=src)
    m2 = Mention(tgt, (2, 3), "person", id=tgt)
    return Event(etype, mode, None, "reported", m1, m2, (0, 3), (0, 1),
                 date=TimeExpr("", (0, 0), value, "day", "text"), date_source="text")


def story_ids(*events):
    art = Article("d", "x", "o", "h", events=list(events))
    StoryClusterer()(art)
    return [e.story_id for e in art.events]


def test_visit_host_and_meet_of_the_same_pair_on_the_same_day_are_one_story():
    a, b, c = story_ids(event("sisi", "haftar", "2019-05-09", "host"),
                        event("haftar", "sisi", "2019-05-09", "visit"),
                        event("sisi", "haftar", "2019-05-09", "meet"))
    assert a == b == c and a.startswith("st-")


def test_other_day_other_pair_other_type_are_other_stories():
    ids = story_ids(event("sisi", "haftar", "2019-05-09"), event("sisi", "haftar", "2019-06-09"),
                    event("sisi", "sarraj", "2019-05-09"), event("sisi", "haftar", "2019-05-09", None, "ACCUSE"))
    assert len(set(ids)) == 4


def test_story_ids_are_stable_across_runs():
    assert story_ids(event("a", "b", "2019-01-01")) == story_ids(event("a", "b", "2019-01-01"))


def test_unlinked_actors_compare_by_normalised_name():
    e1 = event("x", "y", "2019-05-09")
    e2 = event("x", "y", "2019-05-09")
    for e, surface in ((e1, "أحمد"), (e2, "احمد")):
        e.target.id = None
        e.target.text = surface
    assert len(set(story_ids(e1, e2))) == 1
