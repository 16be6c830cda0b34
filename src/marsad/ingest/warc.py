"""WARC files (plain or gzipped, from a path or a pipe): HTML responses and resources become documents,
other payloads of responses/resources become InputErrors, and requests, metadata and warcinfo records are
passed over (counted).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from marsad.errors import InputError
from marsad.ingest.encoding import charset_from_content_type, decode_html
from marsad.ingest.records import parse_date
from marsad.ingest.stats import IngestStats
from marsad.model import RawDocument

Item = RawDocument | InputError

PAGE_RECORD_TYPES = frozenset({"response", "resource"})
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A single page above this is not an article (a video served as text/html, a broken Content-Length).
MAX_PAGE_BYTES = 32 << 20
_LOOKS_LIKE_HTML = re.compile(rb"^\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
# What can go wrong reading a damaged archive: bad headers, a truncated or corrupt gzip member.
_ARCHIVE_ERRORS = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError)


def iter_warc(
    stream: BinaryIO, *, name: str, published: date | None = None, stats: IngestStats | None = None
) -> Iterator[Item]:
    """Documents and errors for the records of the WARC stream ``name``, in archive order."""
    records = iter(ArchiveIterator(stream))
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except _ARCHIVE_ERRORS as exc:
            yield InputError(
                f"{name}#record {number + 1}", f"unreadable WARC data: {exc}; rest of the file skipped"
            )
            return
        number += 1
        if record.format != "warc":
            # warcio reads anything as an ARC file; a .warc path or WARC-sniffed stream must be WARC.
            yield InputError(f"{name}#record {number}", "not a WARC file (no WARC/1.x record header)")
            return
        if record.rec_type not in PAGE_RECORD_TYPES:
            if stats is not None:
                stats.skipped_records[record.rec_type or "unknown"] += 1
            continue
        yield _record_item(record, number, name, published)


def _ends_early(record: ArcWarcRecord) -> bool:
    """Whether the archive ended inside this record (warcio hands back the short payload without a word)."""
    raw = record.raw_stream
    if not isinstance(raw, LimitReader):
        return False
    # Drain what the payload reader left (a chunked body's final CRLF); a short read means the bytes are gone.
    while raw.limit > 0 and raw.read(min(raw.limit, 1 << 16)):
        pass
    return raw.limit > 0


def _record_item(record: ArcWarcRecord, number: int, name: str, published: date | None) -> Item:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    origin = f"{name}#record {number} ({uri})" if uri else f"{name}#record {number}"
    http = record.http_headers
    if record.rec_type == "response" and http is not None:
        status = http.get_statuscode()
        if not status or not status.startswith("2"):
            return InputError(origin, f"WARC response has HTTP status {status or 'missing'}, not a page")
        content_type = http.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")

    try:
        body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    except _ARCHIVE_ERRORS as exc:
        return InputError(origin, f"WARC record payload cannot be read: {exc}")
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type not in HTML_MEDIA_TYPES and not (not media_type and _LOOKS_LIKE_HTML.match(body)):
        return InputError(origin, f"WARC record is not HTML (content-type {content_type or 'missing'})")
    if len(body) > MAX_PAGE_BYTES:
        return InputError(origin, f"WARC record is larger than {MAX_PAGE_BYTES >> 20} MiB")
    if _ends_early(record):
        return InputError(origin, "WARC record is truncated: the file ends before its Content-Length")
    try:
        decoded = decode_html(body, origin, charset_from_content_type(content_type))
    except InputError as exc:
        return exc
    record_date = parse_date(record.rec_headers.get_header("WARC-Date"))
    return RawDocument(
        doc_id=uri or f"{name}#{number}",
        content=decoded.text,
        origin=origin,
        content_type="html",
        url=uri,
        # The host stands in for the outlet until the cleaner reads one from the page.
        source=(urlsplit(uri).hostname if uri else None),
        published=record_date or published,
    )
