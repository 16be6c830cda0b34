"""One JSON record (crawler output, a JSONL line, an array element) to a RawDocument: the contract's field
names, first present wins, and the publication-date formats crawlers write.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from marsad.errors import InputError
from marsad.model import RawDocument

# The contract's field names, in priority order.
ID_FIELDS = ("id", "url")
TEXT_FIELDS = ("text", "content", "maintext")
HTML_FIELDS = ("html",)
TITLE_FIELDS = ("title",)
DATE_FIELDS = ("published", "date_publish", "date", "date_extracted")
SOURCE_FIELDS = ("source", "source_domain")
URL_FIELDS = ("url",)

# "2019-05-09", "2019-05-09 14:03:00", "2019-05-09T14:03:00.123Z", "2019-05-09T14:03+03:00", "2019/05/09".
# The calendar date is taken as written: it is the outlet's local date, which is what articles mean by
# "today", so no time-zone conversion.
_DATE = re.compile(
    r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?\s*",
    re.IGNORECASE,
)


def parse_date(value: Any) -> date | None:
    """The calendar date of a crawler's date string, or None when it is not one of the known forms."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    m = _DATE.fullmatch(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # 2019-02-30: the right shape, not a day
        return None


def record_to_document(
    record: Any, *, origin: str, fallback_id: str, published: date | None = None
) -> RawDocument:
    """Map one decoded JSON value to a RawDocument; raise InputError when it cannot be an article."""
    if not isinstance(record, Mapping):
        raise InputError(origin, f"record is a JSON {_json_type(record)}, not an object")

    content_type = "text"
    content = _first_text(record, TEXT_FIELDS, origin)
    if content is None:
        content = _first_text(record, HTML_FIELDS, origin)
        content_type = "html"
    if content is None:
        names = ", ".join(TEXT_FIELDS + HTML_FIELDS)
        raise InputError(origin, f"record has no text: none of {names} holds a non-empty string")

    record_id = _first_scalar(record, ID_FIELDS)
    doc_published = _record_date(record)
    if doc_published is None and not any(record.get(name) not in (None, "") for name in DATE_FIELDS):
        # --published fills only records that carry no date; an unreadable date is left as None.
        doc_published = published
    return RawDocument(
        doc_id=record_id if record_id is not None else fallback_id,
        content=content,
        origin=origin,
        content_type=content_type,
        url=_first_scalar(record, URL_FIELDS),
        source=_source(record),
        published=doc_published,
        title=_first_scalar(record, TITLE_FIELDS),
    )


def _first_text(record: Mapping[str, Any], names: tuple[str, ...], origin: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            # Some crawlers store the article as a list of paragraphs.
            value = "\n".join(value)
        if not isinstance(value, str):
            raise InputError(origin, f"field {name!r} is a JSON {_json_type(value)}, not a string")
        if value.strip():
            return value
    return None


def _first_scalar(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _source(record: Mapping[str, Any]) -> str | None:
    for name in SOURCE_FIELDS:
        value = record.get(name)
        # NewsAPI-style {"id": ..., "name": ...}
        if isinstance(value, Mapping):
            value = value.get("name") or value.get("id")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _record_date(record: Mapping[str, Any]) -> date | None:
    for name in DATE_FIELDS:
        value = record.get(name)
        if value in (None, ""):
            continue
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "null" if value is None else type(value).__name__
