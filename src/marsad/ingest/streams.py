"""Byte-stream plumbing for inputs that cannot seek (stdin, pipes): put back bytes read for sniffing, and
turn UTF-16/UTF-32 input into UTF-8 so the JSON readers see one encoding.
"""

from __future__ import annotations

import codecs
import io
from typing import Any, BinaryIO

from marsad.ingest.encoding import strip_bom

# Enough to see a BOM, a WARC/gzip magic number and the first tags of a page.
SNIFF_BYTES = 4096


class PrefixedStream(io.RawIOBase):
    """A raw stream that yields ``prefix`` and then whatever ``rest`` still holds."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if len(self._prefix):
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


class Utf8Transcoder(io.RawIOBase):
    """A raw stream that reads ``raw`` in ``encoding`` and yields UTF-8 (decoding errors propagate)."""

    def __init__(self, raw: BinaryIO, encoding: str) -> None:
        super().__init__()
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(encoding)()
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending and not self._done:
            chunk = self._raw.read(max(len(buffer), 2))
            if not chunk:
                self._done = True
            self._pending = self._decoder.decode(chunk, final=self._done).encode("utf-8")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def read_head(stream: BinaryIO, size: int = SNIFF_BYTES) -> bytes:
    """Read up to ``size`` bytes, looping over short reads from pipes."""
    parts: list[bytes] = []
    got = 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def rewind(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """A buffered stream over ``head`` followed by ``rest``."""
    return io.BufferedReader(PrefixedStream(head, rest))


def utf8_stream(stream: BinaryIO) -> io.BufferedReader:
    """The stream as UTF-8 without a BOM: a UTF-16/32 BOM switches on transcoding."""
    head = read_head(stream)
    body, codec = strip_bom(head)
    if codec is None or codec == "utf_8":
        return rewind(body, stream)
    return io.BufferedReader(Utf8Transcoder(PrefixedStream(body, stream), codec))  # type: ignore[arg-type]
