"""Streaming readers for JSON inputs: JSON lines (one record a line, a bad line is reported and skipped), a
JSON array or a run of concatenated objects (decoded one element at a time from a chunked buffer, so a
multi-gigabyte array never sits in memory).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from marsad.errors import InputError
from marsad.ingest.records import record_to_document
from marsad.ingest.streams import rewind, utf8_stream
from marsad.model import RawDocument

Item = RawDocument | InputError

CHUNK_CHARS = 1 << 16
# One record larger than this is not an article but a broken file (an unterminated string swallowing the
# rest); stop rather than read the whole file into memory looking for its end.
MAX_RECORD_CHARS = 64 << 20
_WHITESPACE = " \t\r\n"
_WHITESPACE_BYTES = b" \t\r\n"
_decoder = json.JSONDecoder()


def iter_json_records(
    stream: BinaryIO,
    *,
    name: str,
    id_prefix: str,
    published: date | None = None,
    lines_only: bool = False,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Item]:
    """Records of a .json/.jsonl file or stream named ``name`` (used in origins, "name:LINE").

    ``[`` first: a JSON array. ``{`` first: JSON lines, unless the file is not ``lines_only`` and its first
    line is not a whole object (a pretty-printed object or several of them).
    """
    try:
        utf8 = utf8_stream(stream)
        first, skipped_lines = _skip_leading_whitespace(utf8)
    except UnicodeDecodeError as exc:
        yield InputError(name, f"not valid text in its byte-order-mark encoding: {exc.reason}")
        return
    if first is None:
        yield InputError(name, "empty file")
        return
    if first == b"[" or (not lines_only and first != b"{"):
        array = first == b"["
        yield from _iter_values(utf8, name, id_prefix, published, chunk_chars, 1 + skipped_lines, array=array)
        return
    if not lines_only:
        head = utf8.readline()
        utf8 = rewind(head, utf8)
        if not _is_whole_object(head):
            yield from _iter_values(
                utf8, name, id_prefix, published, chunk_chars, 1 + skipped_lines, array=False
            )
            return
    yield from _iter_lines(utf8, name, id_prefix, published, 1 + skipped_lines)


def _skip_leading_whitespace(stream: io.BufferedReader) -> tuple[bytes | None, int]:
    """Consume leading whitespace; return the first significant byte (not consumed) and newlines skipped."""
    newlines = 0
    while True:
        ahead = stream.peek(1)
        if not ahead:
            return None, newlines
        stripped = ahead.lstrip(_WHITESPACE_BYTES)
        if stripped:
            skip = len(ahead) - len(stripped)
            newlines += ahead.count(b"\n", 0, skip)
            stream.read(skip)
            return stripped[:1], newlines
        newlines += ahead.count(b"\n")
        stream.read(len(ahead))


def _is_whole_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        # A truncated first line of a JSON-lines file still looks like one: "{" ... "}" on one line.
        return line.strip().endswith(b"}")


def _iter_lines(
    stream: io.BufferedReader, name: str, id_prefix: str, published: date | None, first_line: int
) -> Iterator[Item]:
    number = first_line - 1
    while True:
        try:
            raw = stream.readline()
        except UnicodeDecodeError as exc:
            yield InputError(
                f"{name}:{number + 1}", f"not valid text in its byte-order-mark encoding: {exc.reason}"
            )
            return
        if not raw:
            return
        number += 1
        raw = raw.strip()
        if not raw:
            continue
        origin = f"{name}:{number}"
        try:
            record = json.loads(raw)
        except UnicodeDecodeError as exc:
            yield InputError(origin, f"line is not UTF-8: {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"invalid JSON: {_describe(exc, raw)}")
            continue
        try:
            yield record_to_document(
                record, origin=origin, fallback_id=f"{id_prefix}:{number}", published=published
            )
        except InputError as exc:
            yield exc


def _describe(exc: json.JSONDecodeError, raw: bytes) -> str:
    if exc.pos >= len(raw) - 1 or exc.msg.startswith("Unterminated string"):
        return f"truncated line ({exc.msg}, column {exc.colno})"
    return f"{exc.msg} (column {exc.colno})"


class _Truncated(Exception):
    """The buffer ends inside a value; more input may complete it."""


class _ValueReader:
    """Decodes JSON values one at a time from a text buffer refilled in chunks, tracking line numbers."""

    def __init__(self, stream: io.BufferedReader, chunk_chars: int, first_line: int) -> None:
        self._text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        self._chunk = chunk_chars
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = first_line  # line number at self._line_pos
        self._line_pos = 0

    def _fill(self, size: int) -> bool:
        """Append up to ``size`` more characters, dropping what was consumed; False at end of input."""
        if self._eof:
            return False
        data = self._text.read(size)
        if not data:
            self._eof = True
            return False
        self._line += self._buf.count("\n", self._line_pos, self._pos)
        self._buf = self._buf[self._pos :] + data
        self._pos = 0
        self._line_pos = 0
        return True

    def peek(self) -> str | None:
        """Skip whitespace; the next significant character (not consumed), None at end of input."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in _WHITESPACE:
                self._pos += 1
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill(self._chunk):
                return None

    def advance(self) -> None:
        self._pos += 1

    def line(self) -> int:
        """The line of the current position."""
        self._line += self._buf.count("\n", self._line_pos, self._pos)
        self._line_pos = self._pos
        return self._line

    def line_of(self, pos: int) -> int:
        """The line of ``pos`` (at or after the current position)."""
        return self._line + self._buf.count("\n", self._line_pos, pos)

    def value(self) -> Any:
        """Decode the value at the current position (after ``peek``); raise JSONDecodeError if invalid."""
        while True:
            try:
                value, end = _decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                if not self._maybe_truncated(exc):
                    raise
                if len(self._buf) - self._pos > MAX_RECORD_CHARS:
                    raise _Truncated(f"a record longer than {MAX_RECORD_CHARS >> 20} M characters") from exc
                # Doubling keeps a record spread over many chunks linear to decode.
                if not self._fill(max(self._chunk, len(self._buf) - self._pos)):
                    raise _Truncated(f"the input ends inside a record ({exc.msg})") from exc
                continue
            # A number at the very end of the buffer may go on in the next chunk ("12" | "34").
            if end == len(self._buf) and not self._eof and not isinstance(value, (dict, list, str)):
                if self._fill(self._chunk):
                    continue
            self._pos = end
            return value

    def _maybe_truncated(self, exc: json.JSONDecodeError) -> bool:
        if self._eof:
            return False
        # An error this close to the end of the buffer (or an unterminated string, reported at its start)
        # may be the chunk boundary, not the data; one further back is a real syntax error.
        return exc.msg.startswith("Unterminated string") or exc.pos >= len(self._buf) - 8


def _iter_values(
    stream: io.BufferedReader,
    name: str,
    id_prefix: str,
    published: date | None,
    chunk_chars: int,
    first_line: int,
    *,
    array: bool,
) -> Iterator[Item]:
    reader = _ValueReader(stream, chunk_chars, first_line)
    try:
        if array:
            reader.peek()
            reader.advance()  # the "["
        count = 0
        while True:
            char = reader.peek()
            if char is None:
                if array:
                    yield InputError(
                        f"{name}:{reader.line()}", "truncated JSON array: the input ends before ']'"
                    )
                return
            if array and char == "]":
                reader.advance()
                if reader.peek() is not None:
                    yield InputError(f"{name}:{reader.line()}", "unexpected data after the JSON array")
                return
            if array and count and char == ",":
                reader.advance()
                if reader.peek() == "]":  # tolerate a trailing comma
                    continue
            elif array and count:
                yield InputError(
                    f"{name}:{reader.line()}",
                    f"expected ',' or ']' between array elements, found {char!r}; rest of the file skipped",
                )
                return
            line = reader.line()
            origin = f"{name}:{line}"
            try:
                record = reader.value()
            except json.JSONDecodeError as exc:
                where = f"line {reader.line_of(exc.pos)}"
                yield InputError(origin, f"invalid JSON: {exc.msg} ({where}); rest of the file skipped")
                return
            except _Truncated as exc:
                yield InputError(origin, f"truncated JSON: {exc}; rest of the file skipped")
                return
            count += 1
            try:
                yield record_to_document(
                    record, origin=origin, fallback_id=f"{id_prefix}:{line}", published=published
                )
            except InputError as exc:
                yield exc
    except UnicodeDecodeError as exc:
        yield InputError(
            f"{name}:{reader.line()}", f"not valid UTF-8 text: {exc.reason}; rest of the file skipped"
        )
