import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from marsad.export.formats import COLUMNS, flatten, open_writer, to_plover

RECORD = {
    "id": "ev-1", "doc_id": "d1", "type": "CONSULT", "mode": "host", "cameo": "043", "status": "reported",
    "source": {"text": "السيسي", "span": [10, 16], "id": "egy-sisi", "name": "Abdel Fattah el-Sisi",
               "name_ar": "عبد الفتاح السيسي", "kind": "person", "country": "EGY", "sector": "GOV",
               "role": "President of Egypt"},
    "target": {"text": "حفتر", "span": [30, 34], "id": "lby-haftar", "name": "Khalifa Haftar", "name_ar": "خليفة حفتر",
               "kind": "person", "country": "LBY", "sector": "MIL", "role": None},
    "participants": [],
    "date": "2019-05-09", "date_precision": "day", "date_text": "اليوم الخميس", "date_source": "text",
    "location": {"text": "القاهرة", "span": [40, 47], "name": "Cairo", "name_ar": "القاهرة", "country": "EGY",
                 "lat": 30.06, "lon": 31.25, "geonameid": 360630},
    "evidence": "استقبل السيسي حفتر", "evidence_span": [0, 50], "trigger": "استقبل", "trigger_span": [0, 6],
    "confidence": 0.9, "story_id": "st-1",
    "doc": {"title": "t", "url": "u", "source": "s", "published": "2019-05-09"},
}


def test_flatten_has_one_value_per_leaf():
    flat = flatten(RECORD)
    assert list(flat) == list(COLUMNS)
    assert flat["source.id"] == "egy-sisi" and flat["source.span.1"] == 16
    assert flat["location.lat"] == 30.06 and flat["evidence_span.1"] == 50
    assert flatten({**RECORD, "target": None, "location": None})["target.id"] is None


def test_csv_round_trip():
    out = io.StringIO()
    w = open_writer("csv", text_out=out)
    w.write(RECORD)
    w.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["target.name"] == "Khalifa Haftar" and rows[0]["type"] == "CONSULT"


def test_plover_field_names():
    rec = to_plover(RECORD)
    for key in ("actor", "recipient", "event", "mode", "date", "event_loc", "event_text", "text_info", "cite_info"):
        assert key in rec
    assert rec["actor"] == "Abdel Fattah el-Sisi" and rec["recipient_country"] == "LBY"
    assert rec["event_loc"]["geonameid"] == 360630


@pytest.mark.parametrize("seekable", [True, False])
def test_parquet(tmp_path, seekable):
    path = tmp_path / "e.parquet"
    with open(path, "wb") as fh:
        sink = fh if seekable else _Unseekable(fh)
        w = open_writer("parquet", binary_out=sink)
        for i in range(3):
            w.write({**RECORD, "id": f"ev-{i}"})
        w.close()
    table = pq.read_table(path)
    assert table.num_rows == 3
    assert table.column("id").to_pylist() == ["ev-0", "ev-1", "ev-2"]
    assert table.column("source.span.0").to_pylist() == [10, 10, 10]


def test_jsonl():
    out = io.StringIO()
    w = open_writer("jsonl", text_out=out)
    w.write(RECORD)
    w.close()
    assert json.loads(out.getvalue()) == RECORD


class _Unseekable:
    def __init__(self, fh):
        self.fh = fh

    def write(self, b):
        return self.fh.write(b)

    def flush(self):
        self.fh.flush()

    def seekable(self):
        return False
