"""Where inputs come from: paths, directories (walked recursively in sorted order), stdin; which reader a
file goes to (by extension, or by sniffing its first bytes when there is none); and the streaming
``read_inputs`` entry point that yields a document or an error for every record and never stops on bad input.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.encoding import decode_html, decode_text, strip_bom
from marsad.ingest.jsonstream import iter_json_records
from marsad.ingest.stats import IngestStats
from marsad.ingest.streams import read_head, rewind
from marsad.ingest.warc import iter_warc
from marsad.model import RawDocument

Item = RawDocument | InputError

STDIN = "-"
STDIN_NAME = "stdin"
# Longest first, so "x.warc.gz" is a WARC file and not an unknown ".gz".
EXTENSIONS = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "text"),
)
# One scraped article or saved page is kilobytes; a file this large is a corpus in the wrong format.
MAX_DOCUMENT_BYTES = 64 << 20
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|article|p|!--)[\s>/]", re.IGNORECASE
)


def read_inputs(
    paths: Iterable[str | os.PathLike[str]], published: date | None = None, stdin: BinaryIO | None = None
) -> InputReader:
    """Stream a RawDocument for every good input record and an InputError for every bad one.

    ``published`` is the publication date given to records that carry none. The returned iterator's
    ``stats`` counts documents, errors and what was skipped.
    """
    if isinstance(paths, (str, bytes)):
        raise TypeError("read_inputs takes a list of paths, not a single string")
    return InputReader(paths, published, stdin)


class InputReader(Iterator[Item]):
    """The iterator ``read_inputs`` returns; ``stats`` fills in as it is consumed."""

    def __init__(
        self, paths: Iterable[str | os.PathLike[str]], published: date | None, stdin: BinaryIO | None
    ) -> None:
        self.stats = IngestStats()
        self._published = published
        self._stdin = stdin
        self._items = self._generate(paths)

    def __next__(self) -> Item:
        item = next(self._items)
        if isinstance(item, InputError):
            self.stats.errors += 1
        else:
            self.stats.documents += 1
        return item

    def _generate(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item]:
        for path in paths:
            path = os.fspath(path)
            if path == STDIN:
                stream = self._stdin if self._stdin is not None else sys.stdin.buffer
                yield from self._read_stream(stream, STDIN_NAME, STDIN_NAME)
            elif os.path.isdir(path):
                yield from self._walk(path)
            elif os.path.exists(path):
                yield from self._read_file(path, explicit=True)
            else:
                yield InputError(path, "no such file or directory")

    def _walk(self, directory: str) -> Iterator[Item]:
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            yield InputError(directory, f"cannot list directory: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                self.stats.skipped_files["hidden"] += 1
                continue
            # Symlinked directories are not followed: a link back up the tree would never end.
            if entry.is_dir(follow_symlinks=False):
                yield from self._walk(entry.path)
            elif entry.is_file():
                if file_kind(entry.name) is None:
                    self.stats.skipped_files[os.path.splitext(entry.name)[1].lower() or "(none)"] += 1
                    continue
                yield from self._read_file(entry.path, explicit=False)

    def _read_file(self, path: str, *, explicit: bool) -> Iterator[Item]:
        kind = file_kind(path)
        try:
            handle = open(path, "rb")  # closed by the with below, once drained
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
            return
        with handle:
            if kind is None:
                # Named on the command line with an unknown extension: go by its content, like stdin.
                yield from self._read_stream(handle, path, file_stem(path))
            else:
                yield from self._read_kind(kind, handle, path, file_stem(path))

    def _read_stream(self, stream: BinaryIO, name: str, doc_id: str) -> Iterator[Item]:
        head = read_head(stream)
        yield from self._read_kind(sniff_kind(head), rewind(head, stream), name, doc_id)

    def _read_kind(self, kind: str, stream: BinaryIO, name: str, doc_id: str) -> Iterator[Item]:
        published = self._published
        if kind in ("json", "jsonl"):
            yield from iter_json_records(
                stream, name=name, id_prefix=doc_id, published=published, lines_only=kind == "jsonl"
            )
        elif kind == "warc":
            yield from iter_warc(stream, name=name, published=published, stats=self.stats)
        else:
            yield self._read_document(kind, stream, name, doc_id)

    def _read_document(self, kind: str, stream: BinaryIO, name: str, doc_id: str) -> Item:
        try:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as exc:
            return InputError(name, f"cannot read: {exc.strerror or exc}")
        if len(data) > MAX_DOCUMENT_BYTES:
            return InputError(name, f"file larger than {MAX_DOCUMENT_BYTES >> 20} MiB: not one article")
        try:
            decoded = decode_html(data, name) if kind == "html" else decode_text(data, name)
        except InputError as exc:
            return exc
        return RawDocument(
            doc_id=doc_id,
            content=decoded.text,
            origin=name,
            content_type="html" if kind == "html" else "text",
            published=self._published,
        )


def file_kind(path: str) -> str | None:
    """ "text", "html", "json", "jsonl" or "warc" by extension (any case); None for other files."""
    lower = path.lower()
    for extension, kind in EXTENSIONS:
        if lower.endswith(extension):
            return kind
    return None


def file_stem(path: str) -> str:
    """The file name without its (known, possibly double) extension: "a/b/2019.warc.gz" -> "2019"."""
    name = os.path.basename(path)
    lower = name.lower()
    for extension, _ in EXTENSIONS:
        if lower.endswith(extension) and len(name) > len(extension):
            return name[: -len(extension)]
    return os.path.splitext(name)[0] or name


def sniff_kind(head: bytes) -> str:
    """What a stream holds, from its first bytes: "warc", "json", "html" or "text"."""
    if head.startswith((b"WARC/", b"\x1f\x8b")):
        return "warc"
    body, codec = strip_bom(head)
    # Cut at a code-unit boundary so a BOM-marked UTF-16/32 head decodes; errors only hit the cut tail.
    text = body.decode(codec or "utf-8", errors="ignore").lstrip()
    if text[:1] in ("{", "["):
        return "json"
    if text.startswith("<") and _HTML_START.search(text):
        return "html"
    return "text"
