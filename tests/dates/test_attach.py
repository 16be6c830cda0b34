"""attach_event_date: clause, then sentence, then the paragraph for background clauses, then publication."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.dates import DateResolver
from marsad.dates.attach import attach_event_date, clause_start, is_background
from marsad.model import Article, Sentence
from marsad.text.normalize import normalize

THU = date(2019, 5, 9)


def build(text: str, published: date | None = THU) -> Article:
    norm, offsets = normalize(text)
    art = Article(doc_id="d", text=text, origin="t", content_hash="h", published=published, norm=norm,
                  norm_offsets=offsets)
    art.sentences = []
    start = 0
    for i, ch in enumerate(text):
        if ch in ".\n":
            if text[start:i].strip():
                art.sentences.append(Sentence(start, i))
            start = i + 1
    if text[start:].strip():
        art.sentences.append(Sentence(start, len(text)))
    return DateResolver()(art)


def date_of(text: str, trigger: str, published: date | None = THU, nth: int = 0) -> tuple[str | None, str | None,
                                                                                           str | None]:
    art = build(text, published)
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(trigger, pos + 1)
    sent = next(s for s in art.sentences if s.start <= pos < s.end)
    timex, source = attach_event_date(art, sent, (pos, pos + len(trigger)), sent.end)
    return (timex.text if timex else None, timex.value if timex else None, source)


CASES = [
    # the clause's own expression, after the trigger
    ("استقبل الرئيس أمس وزير الخارجية", "استقبل", ("أمس", "2019-05-08", "text")),
    # before the trigger, in the same clause
    ("وفي 3 مايو الماضي استقبل الرئيس الوزير", "استقبل", ("3 مايو الماضي", "2019-05-03", "text")),
    # the nearest expression of the clause wins over a farther one of the sentence
    ("قال الوزير اليوم، إن الرئيس زار القاهرة يوم الأحد الماضي", "زار", ("يوم الأحد الماضي", "2019-05-05", "text")),
    ("قال الوزير اليوم، إن الرئيس زار القاهرة يوم الأحد الماضي", "قال", ("اليوم", "2019-05-09", "text")),
    # a clause opener cuts the clause: "فيما" starts a clause of its own
    ("التقى الوزير أمس نظيره فيما يزور الرئيس باريس", "يزور", ("أمس", "2019-05-08", "text")),
    # no expression in the clause: the sentence's nearest
    ("أكد الرئيس دعمه للحكومة، وذلك خلال لقائه أمس بالوفد", "أكد", ("أمس", "2019-05-08", "text")),
    # background clause without a date: the paragraph's earlier expression
    ("استقبل الرئيس الوزير اليوم الخميس. وكان الوزير قد زار الرياض", "زار", ("اليوم الخميس", "2019-05-09", "text")),
    ("التقى الأمير الوفد أمس. يذكر أن الوفد وصل إلى جدة", "وصل", ("أمس", "2019-05-08", "text")),
    # not background: the publication date, said so
    ("استقبل الرئيس الوزير اليوم الخميس. وزار الوزير الرياض", "وزار", ("", "2019-05-09", "publication")),
    # background, but the earlier date is in another paragraph
    ("استقبل الرئيس الوزير أمس\nوكان الوزير قد زار الرياض", "زار", ("", "2019-05-09", "publication")),
    # no date anywhere
    ("استقبل الرئيس الوزير", "استقبل", ("", "2019-05-09", "publication")),
    # "since 1974" dates a state of affairs, not the event; a parenthetical aside dates something else
    ("ندد الرئيس خلال زيارة إلى قبرص التي تحتلها تركيا منذ 1974 بالهجوم", "ندد", ("", "2019-05-09", "publication")),
    ("ندد الرئيس (في بيان صدر في 3 مايو 2018 عن الرئاسة) بالهجوم أمس", "ندد", ("أمس", "2019-05-08", "text")),
    # a relative "منذ" is a date
    ("وصل الوفد منذ ثلاثة أيام إلى الرياض", "وصل", ("منذ ثلاثة أيام", "2019-05-06", "text")),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_attach_event_date(text: str, trigger: str, expected: tuple) -> None:
    assert date_of(text, trigger) == expected


def test_attach_without_publication_date_gives_none() -> None:
    assert date_of("استقبل الرئيس الوزير", "استقبل", published=None) == (None, None, None)


def test_attach_respects_window_end() -> None:
    text = "استقبل الرئيس الوزير ثم سافر إلى باريس الأحد"
    art = build(text)
    sent = art.sentences[0]
    pos = text.index("استقبل")
    timex, source = attach_event_date(art, sent, (pos, pos + 6), text.index("ثم"))
    # outside the window the expression still dates the sentence
    assert timex is not None and (timex.text, source) == ("الأحد", "text")


def test_clause_start_and_background() -> None:
    text = "قال الوزير، وكان الرئيس قد زار المدينة"
    art = build(text)
    sent = art.sentences[0]
    assert clause_start(art, sent, text.index("زار")) == text.index("وكان")
    assert is_background(art, sent, text.index("زار"))
    assert not is_background(art, sent, text.index("قال"))
