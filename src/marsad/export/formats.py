"""Event writers for every export format: jsonl, csv (flattened), plover (PLOVER JSON), parquet.

Each writer streams: ``write(record)`` per event, ``close()`` at the end; memory stays flat except for
Parquet, which buffers one row group at a time.
"""

from __future__ import annotations

import csv
import io
import json
from typing import IO, Any

from marsad import __version__

FORMATS = ("jsonl", "csv", "plover", "parquet")

_ACTOR_FIELDS = ("text", "span.0", "span.1", "id", "name", "name_ar", "kind", "country", "sector", "role")
_PLACE_FIELDS = ("text", "span.0", "span.1", "name", "name_ar", "country", "lat", "lon", "geonameid")
COLUMNS: tuple[str, ...] = (
    ("id", "doc_id", "type", "mode", "cameo", "status")
    + tuple(f"source.{f}" for f in _ACTOR_FIELDS)
    + tuple(f"target.{f}" for f in _ACTOR_FIELDS)
    + ("participants", "date", "date_precision", "date_end", "date_text", "date_source")
    + tuple(f"location.{f}" for f in _PLACE_FIELDS)
    + ("evidence", "evidence_span.0", "evidence_span.1", "trigger", "confidence", "story_id")
    + ("doc.title", "doc.url", "doc.source", "doc.published")
)
_NUMERIC = {c for c in COLUMNS if c.endswith((".0", ".1", "lat", "lon", "geonameid", "confidence"))}


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One value per leaf field of the event record (participants as a JSON list of actors)."""
    out: dict[str, Any] = {}
    for col in COLUMNS:
        if col == "participants":
            out[col] = json.dumps(record.get("participants") or [], ensure_ascii=False)
            continue
        value: Any = record
        for part in col.split("."):
            if value is None:
                break
            value = value[int(part)] if isinstance(value, list) else value.get(part)
        out[col] = value
    return out


def _actor_plover(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "actor_text": actor["text"],
        "actor_name": actor.get("name") or actor.get("name_ar") or actor["text"],
        "actor_kb_id": actor.get("id"),
        "actor_country": actor.get("country"),
        "actor_sector": actor.get("sector"),
        "actor_role": actor.get("role"),
    }


def to_plover(record: dict[str, Any]) -> dict[str, Any]:
    """The event as a PLOVER record (POLECAT field names), with marsad's extra fields kept alongside."""
    loc = record.get("location")
    doc = record.get("doc") or {}
    actor = _actor_plover(record.get("source")) or {}
    recipient = _actor_plover(record.get("target")) or {}
    return {
        "id": record["id"],
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        "date_end": record.get("date_end"),
        "event": record["type"],
        "mode": record.get("mode"),
        "context": [],
        "status": record.get("status"),
        "cameo": record.get("cameo"),
        "actor": actor.get("actor_name"),
        "actor_country": actor.get("actor_country"),
        "actor_sector": actor.get("actor_sector"),
        "actor_kb_id": actor.get("actor_kb_id"),
        "actor_text": actor.get("actor_text"),
        "recipient": recipient.get("actor_name"),
        "recipient_country": recipient.get("actor_country"),
        "recipient_sector": recipient.get("actor_sector"),
        "recipient_kb_id": recipient.get("actor_kb_id"),
        "recipient_text": recipient.get("actor_text"),
        "event_loc": (
            {"name": loc.get("name") or loc.get("text"), "country": loc.get("country"), "lat": loc.get("lat"),
             "lon": loc.get("lon"), "geonameid": loc.get("geonameid")}
            if loc else None
        ),
        "event_text": record.get("evidence"),
        "story_id": record.get("story_id"),
        "text_info": {"doc_id": record.get("doc_id"), "title": doc.get("title"), "language": "ar",
                      "evidence_span": record.get("evidence_span")},
        "cite_info": {"url": doc.get("url"), "source": doc.get("source"), "pub_date": doc.get("published")},
        "coder_info": {"coder": "marsad", "version": __version__, "confidence": record.get("confidence")},
    }


class JsonlWriter:
    def __init__(self, out: IO[str], plover: bool = False) -> None:
        self.out = out
        self.plover = plover

    def write(self, record: dict[str, Any]) -> None:
        rec = to_plover(record) if self.plover else record
        self.out.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()


class CsvWriter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=list(COLUMNS))
        self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        self.writer.writerow(flatten(record))

    def close(self) -> None:
        self.out.flush()


class ParquetWriter:
    """Flattened columns (as CSV) in row groups of ``batch`` events."""

    def __init__(self, out: IO[bytes], batch: int = 5000) -> None:
        import pyarrow as pa

        self.pa = pa
        self.out = out
        self.batch = batch
        self.rows: list[dict[str, Any]] = []
        fields = []
        for col in COLUMNS:
            if col in _NUMERIC:
                kind = pa.float64() if col.endswith(("lat", "lon", "confidence")) else pa.int64()
            else:
                kind = pa.string()
            fields.append(pa.field(col, kind))
        self.schema = pa.schema(fields)
        self.sink = out if _seekable(out) else io.BytesIO()
        self.writer = None

    def write(self, record: dict[str, Any]) -> None:
        self.rows.append(flatten(record))
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        if self.writer is None:
            self.writer = pq.ParquetWriter(self.sink, self.schema)
        table = self.pa.Table.from_pylist(self.rows, schema=self.schema)
        self.writer.write_table(table)
        self.rows = []

    def close(self) -> None:
        if self.rows or self.writer is None:
            self._flush()
        assert self.writer is not None
        self.writer.close()
        if self.sink is not self.out:
            self.out.write(self.sink.getvalue())
        self.out.flush()


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, ValueError):
        return False


def open_writer(fmt: str, text_out: IO[str] | None = None, binary_out: IO[bytes] | None = None):
    """A writer for ``fmt``; parquet writes bytes, the others text."""
    if fmt == "parquet":
        assert binary_out is not None
        return ParquetWriter(binary_out)
    assert text_out is not None
    if fmt == "jsonl":
        return JsonlWriter(text_out)
    if fmt == "plover":
        return JsonlWriter(text_out, plover=True)
    if fmt == "csv":
        return CsvWriter(text_out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
