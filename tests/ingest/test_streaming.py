"""Memory: a big JSONL file or JSON array is read a record at a time, never whole."""

import json
import tracemalloc

import pytest

from marsad.ingest import read_inputs

from .helpers import SENTENCES

FILE_BYTES = 50 << 20
# Far below the file: one record, the read buffers and the decoder's chunk; measured 0.05 MB (JSONL) and
# 0.9 MB (array).
MAX_PEAK_BYTES = 4 << 20


def _record(i: int) -> dict:
    return {
        "id": f"doc-{i}",
        "title": SENTENCES[i % 5][:40],
        "date": "2019-05-09",
        "text": "\n".join(SENTENCES) * 2,
    }


def _peak_while_reading(path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        count = 0
        for item in read_inputs([str(path)]):
            assert item.content.startswith(SENTENCES[0])  # an InputError has no content: fails loudly
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak - base


@pytest.mark.slow
def test_jsonl_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    written = 0
    with path.open("wb") as out:
        while out.tell() < FILE_BYTES:
            out.write(json.dumps(_record(written), ensure_ascii=False).encode("utf-8") + b"\n")
            written += 1
    count, growth = _peak_while_reading(path)
    assert count == written
    assert growth < MAX_PEAK_BYTES, (
        f"peak grew by {growth / 1e6:.1f} MB reading a {FILE_BYTES / 1e6:.0f} MB file"
    )


@pytest.mark.slow
def test_json_array_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.json"
    written = 0
    with path.open("wb") as out:
        out.write(b"[\n")
        while out.tell() < FILE_BYTES // 2:
            out.write(
                (b",\n" if written else b"")
                + json.dumps(_record(written), ensure_ascii=False, indent=1).encode("utf-8")
            )
            written += 1
        out.write(b"\n]\n")
    count, growth = _peak_while_reading(path)
    assert count == written
    assert growth < MAX_PEAK_BYTES, (
        f"peak grew by {growth / 1e6:.1f} MB reading a {FILE_BYTES / 2e6:.0f} MB array"
    )
