"""The dates stage: time expressions of an article resolved to ISO 8601 values against its anchor date.

The anchor is the date in the dateline when there is one, else the publication date. Also owns the helpers
other stages use: ``resolve_text`` (a bare string) and ``parse_date`` (header and metadata date strings).
"""

from __future__ import annotations

import email.utils
import hashlib
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from marsad.dates import calendars
from marsad.dates.grammar import HIJRI, DateGrammar, Reading
from marsad.dates.lexicon import CURRENT, MOD_DELTA, Lexicon, load_lexicon
from marsad.errors import InputError
from marsad.model import Article, TimeExpr
from marsad.text.normalize import map_span, normalize

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
FROM_TEXT, FROM_PUBLICATION, FROM_DATELINE = "text", "publication", "dateline"

Resolved = tuple[str, str, str]  # value, precision, anchor


def resolve_reading(r: Reading, anchor: date | None, label: str) -> Resolved | None:
    """The ISO value of a reading; None when it needs an anchor and has none, or names no real day.

    A range's end is resolved by ``resolve_end``; a Hijri month or year gives the Gregorian month or year it
    starts in (``resolve_end`` gives the one it ends in).
    """
    if r.calendar == HIJRI:
        return _resolve_hijri(r, anchor, label)
    if r.kind == "date":
        assert r.month is not None and r.day is not None
        if r.year is not None:
            d = calendars.safe_date(r.year, r.month, r.day)
            return (calendars.day_value(d), DAY, FROM_TEXT) if d else None
        if anchor is None:
            return (calendars.yearless_value(r.month, r.day), DAY, FROM_TEXT) if r.year_delta is None else None
        if r.year_delta is not None:
            d = calendars.safe_date(anchor.year + r.year_delta, r.month, r.day)
        else:
            d = calendars.infer_day_year(r.month, r.day, anchor, r.mod, r.weekday)
        return (calendars.day_value(d), DAY, label) if d else None
    if r.kind == "year":
        assert r.year is not None
        return calendars.year_value(r.year), YEAR, FROM_TEXT
    if r.kind == "month":
        assert r.month is not None
        if r.year is not None:
            return calendars.month_value(r.year, r.month), MONTH, FROM_TEXT
        if anchor is None:
            return None
        if r.year_delta is not None:
            year = anchor.year + r.year_delta
        else:
            year = calendars.infer_month_year(r.month, anchor, r.mod)
        return calendars.month_value(year, r.month), MONTH, label
    if r.kind == "duration" and r.base is not None:
        base = resolve_reading(r.base, anchor, label)
        if base is None or base[1] != DAY or base[0].startswith("--"):
            return None
        return _shift(r, date.fromisoformat(base[0]), base[2])
    if anchor is None:
        return None  # every other kind is relative to the anchor
    if r.kind == "rel_day":
        assert r.offset is not None
        d = anchor + timedelta(days=r.offset)
        if r.weekday is not None and d.weekday() != r.weekday:
            # "اليوم الأربعاء" in an article dated Thursday: the date in the metadata lags the article (crawl
            # time, a print edition dated the next morning); the weekday the text states wins.
            d = calendars.nearest_weekday(d, r.weekday)
        return calendars.day_value(d), DAY, label
    if r.kind == "weekday":
        assert r.weekday is not None
        return calendars.day_value(calendars.resolve_weekday(r.weekday, anchor, r.mod)), DAY, label
    if r.kind == "duration":
        return _shift(r, anchor, label)
    delta = MOD_DELTA[r.mod or CURRENT]
    if r.kind == "rel_unit":
        if r.unit == YEAR:
            return calendars.year_value(anchor.year + delta), YEAR, label
        if r.unit == MONTH:
            return calendars.month_value(*calendars.shift_month(anchor.year, anchor.month, delta)), MONTH, label
        return calendars.iso_week(anchor + timedelta(weeks=delta)), WEEK, label
    if r.kind == "month_day":
        assert r.day is not None
        year, month = calendars.shift_month(anchor.year, anchor.month, delta)
        d = calendars.safe_date(year, month, r.day)
        return (calendars.day_value(d), DAY, label) if d else None
    raise ValueError(f"unknown reading kind {r.kind!r}")


def _shift(r: Reading, origin: date, label: str) -> Resolved | None:
    """A duration counted from ``origin``: "منذ ثلاثة أيام" is a day, "قبل أسبوع" a week, "منذ عامين" a year."""
    assert r.count is not None and r.offset is not None
    n = r.count * r.offset
    try:
        if r.unit == DAY or r.unit == WEEK and r.base is not None:  # "بعد أسبوع من 9 مايو" is a day
            return calendars.day_value(origin + timedelta(days=n * (7 if r.unit == WEEK else 1))), DAY, label
        if r.unit == WEEK:
            return calendars.iso_week(origin + timedelta(weeks=n)), WEEK, label
    except OverflowError:
        return None
    if r.unit == MONTH:
        year, month = calendars.shift_month(origin.year, origin.month, n)
        return (calendars.month_value(year, month), MONTH, label) if calendars.is_year(year) else None
    year = origin.year + n
    return (calendars.year_value(year), YEAR, label) if calendars.is_year(year) else None


def _hijri_year(r: Reading, anchor: date | None) -> tuple[int, int] | None:
    """(Hijri year, current Hijri month) the reading's year is counted from, or None without year and anchor."""
    here = calendars.to_hijri(anchor) if anchor is not None else None
    if r.year is not None:
        return r.year, here[1] if here else 1
    if here is None:
        return None
    return here[0] + (r.year_delta or 0), here[1]


def _hijri_span(r: Reading, anchor: date | None) -> tuple[date, date] | None:
    """First and last Gregorian day of what a Hijri reading names."""
    if r.kind == "year":
        assert r.year is not None
        first = calendars.hijri_month_days(r.year, 1)
        last = calendars.hijri_month_days(r.year, 12)
        return (first[0], last[1]) if first and last else None
    assert r.month is not None
    if r.kind == "date":
        assert r.day is not None
        if r.year is None and r.year_delta is None:
            d = calendars.infer_hijri_day(r.month, r.day, anchor, r.mod, r.weekday) if anchor else None
        else:
            got = _hijri_year(r, anchor)
            d = calendars.hijri_day(got[0], r.month, r.day) if got else None
        return (d, d) if d else None
    got = _hijri_year(r, anchor)
    if got is None:
        return None
    year = got[0]
    if r.year is None and r.year_delta is None:
        year = calendars.nearest_month_year(r.month, got[0], got[1], r.mod)
    return calendars.hijri_month_days(year, r.month)


def _resolve_hijri(r: Reading, anchor: date | None, label: str) -> Resolved | None:
    span = _hijri_span(r, anchor)
    if span is None:
        return None
    used = FROM_TEXT if r.year is not None else label
    if r.kind == "date":
        return calendars.day_value(span[0]), DAY, used
    if r.kind == "month":
        return calendars.month_value(span[0].year, span[0].month), MONTH, used
    return calendars.year_value(span[0].year), YEAR, used


def resolve_end(r: Reading, start: Resolved, anchor: date | None, label: str) -> str | None:
    """The last day, month or year of a range or a Hijri period; None for a single time."""
    if r.calendar == HIJRI and r.kind in ("month", "year") and r.until is None:
        span = _hijri_span(r, anchor)
        if span is None:
            return None
        last = span[1]
        end = calendars.month_value(last.year, last.month) if r.kind == "month" else calendars.year_value(last.year)
        return end if end != start[0] else None
    if r.until is None:
        return None
    got = resolve_reading(r.until, anchor, label)
    if got is None or got[1] != start[1]:
        return None
    end = got[0]
    if r.until.calendar == HIJRI and r.until.kind in ("month", "year"):
        end = resolve_end(r.until, got, anchor, label) or end
    # ISO partials of one precision compare as strings; a range ending before it starts is no range
    return end if end > start[0] and not end.startswith("--") else None


def _as_date(value: object, origin: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):  # a datetime would not compare with dates
        return value.date()
    if isinstance(value, date):
        return value
    raise InputError(origin, f"publication date must be a datetime.date, got {type(value).__name__}")


class DateResolver:
    """Fills ``Article.timexes``: every time expression, in text order, resolved against the article's anchor."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.grammar = DateGrammar(self.lexicon)

    def __call__(self, article: Article) -> Article:
        norm, offsets = article.norm, article.norm_offsets
        if not norm and article.text:
            # The text stage has not run (a stage test, a header string): normalise here, leave its layer alone.
            norm, offsets = normalize(article.text)
        elif len(offsets) != len(norm) + 1:
            raise InputError(article.origin, "norm_offsets does not match norm (run the text stage first)")
        anchor, label = self.anchor_of(article)
        timexes = []
        for reading in self.grammar.read(norm):
            resolved = resolve_reading(reading, anchor, label)
            if resolved is None:
                continue
            start, end = map_span(offsets, reading.start, reading.end)
            value, precision, used = resolved
            last = resolve_end(reading, resolved, anchor, label)
            timexes.append(TimeExpr(article.text[start:end], (start, end), value, precision, used, last))
        article.timexes = timexes
        return article

    def anchor_of(self, article: Article) -> tuple[date | None, str]:
        """The date relative expressions are resolved against, and what it came from."""
        published = _as_date(article.published, article.origin)
        if article.dateline:
            d = self.first_day(article.dateline, published)
            if d is not None:
                return d, FROM_DATELINE
        return published, FROM_PUBLICATION

    def first_day(self, text: str, anchor: date | None = None) -> date | None:
        """The first calendar date written in ``text`` ("14 مايو 2019", "14/5/2019"), resolved on ``anchor``."""
        norm, _ = normalize(text)
        for reading in self.grammar.read(norm):
            if reading.kind != "date":
                continue
            resolved = resolve_reading(reading, anchor, FROM_PUBLICATION)
            if resolved is not None and not resolved[0].startswith("--"):
                return date.fromisoformat(resolved[0])
        return None


@lru_cache(maxsize=1)
def default_resolver() -> DateResolver:
    """One shared resolver (the data files are read once per process)."""
    return DateResolver()


def resolve_text(text: str, published: date | None = None) -> list[TimeExpr]:
    """Time expressions of a bare string, resolved against ``published`` (spans point into ``text``)."""
    if not isinstance(text, str):
        raise InputError("resolve_text", f"expected a string, got {type(text).__name__}")
    norm, offsets = normalize(text)
    article = Article(
        doc_id="text",
        text=text,
        origin="resolve_text",
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        published=published,
        norm=norm,
        norm_offsets=offsets,
    )
    return default_resolver()(article).timexes


_ISO_DATE = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:[T ]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?\s*(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_DMY_DATE = re.compile(r"(?P<d>[0-9]{1,2})[/.-](?P<m>[0-9]{1,2})[/.-](?P<y>[0-9]{4})(?:\s+[0-9:]+)?")


def parse_date(s: str) -> date | None:
    """The date of a header or metadata string, or None when it holds none.

    Reads ISO dates and datetimes ("2015-07-21 10:22:00", "2019-05-14T08:00:00Z"), day-first numeric dates
    ("14/05/2019"), e-mail style dates ("Tue, 14 May 2019 10:00:00 +0300") and Arabic dates in any month
    system ("14 مايو 2019", "الثلاثاء 14 أيار 2019").
    """
    if not isinstance(s, str):
        raise InputError("parse_date", f"expected a string, got {type(s).__name__}")
    norm, _ = normalize(s.strip())
    for pattern in (_ISO_DATE, _DMY_DATE):
        m = pattern.fullmatch(norm)
        if m:
            return calendars.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if norm[:1].isascii() and norm[:1].isalpha():
        try:
            return email.utils.parsedate_to_datetime(norm).date()
        except (TypeError, ValueError):
            pass  # not an e-mail date either: the Arabic reader below decides
    return default_resolver().first_day(norm)
