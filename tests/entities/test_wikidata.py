"""marsad kb import-wikidata on a small dump written here in Wikidata's JSON dump format."""

import gzip
import json

from click.testing import CliRunner

from marsad.cli import main
from marsad.entities.validate import validate_records


def claim(prop, value, qualifiers=None):
    snak = {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": {"value": value}}}
    if qualifiers:
        snak["qualifiers"] = qualifiers
    return snak


def time(value, precision=11):
    return [{"datavalue": {"value": {"time": value, "precision": precision}}}]


ENTITIES = [
    {"id": "Q79", "type": "item", "labels": {"ar": {"value": "مصر"}, "en": {"value": "Egypt"}},
     "claims": {"P298": [claim("P298", "EGY")]}},
    {"id": "Q191954", "type": "item", "labels": {"ar": {"value": "رئيس مصر"}, "en": {"value": "President of Egypt"}}},
    {"id": "Q7287", "type": "item", "labels": {"ar": {"value": "عبد الفتاح السيسي"}, "en": {"value": "Abdel Fattah el-Sisi"}},
     "aliases": {"ar": [{"value": "السيسي"}]},
     "claims": {"P31": [claim("P31", {"id": "Q5"})], "P27": [claim("P27", {"id": "Q79"})],
                "P39": [claim("P39", {"id": "Q191954"}, {"P580": time("+2014-06-08T00:00:00Z")})]}},
    {"id": "Q1", "type": "item", "labels": {"en": {"value": "Someone without Arabic"}},
     "claims": {"P31": [claim("P31", {"id": "Q5"})], "P39": [claim("P39", {"id": "Q191954"})]}},
    {"id": "Q2", "type": "item", "labels": {"ar": {"value": "شخص بلا منصب"}},
     "claims": {"P31": [claim("P31", {"id": "Q5"})]}},
    {"id": "Q3", "type": "item", "labels": {"ar": {"value": "حزب الاختبار"}, "en": {"value": "Test Party"}},
     "claims": {"P31": [claim("P31", {"id": "Q7278"})], "P17": [claim("P17", {"id": "Q79"})]}},
]


def write_dump(path, entities, compress=False):
    body = "[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in entities) + "\n]\n"
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(body)
    else:
        path.write_text(body, encoding="utf-8")


def test_import_keeps_people_with_positions_and_organisations_with_arabic_labels(tmp_path):
    dump = tmp_path / "dump.json.gz"
    write_dump(dump, ENTITIES, compress=True)
    out = tmp_path / "actors_wikidata.jsonl"
    result = CliRunner().invoke(main, ["kb", "import-wikidata", str(dump), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "1 people and 1 organisations written, 1 without an Arabic label" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in records}
    sisi = by_id["wd-q7287"]
    assert sisi["country"] == "EGY" and sisi["kind"] == "person" and sisi["aliases_ar"] == ["السيسي"]
    assert sisi["roles"] == [{"title_ar": "رئيس مصر", "start": "2014-06-08", "end": None,
                              "wikidata_position": "Q191954"}]
    assert by_id["wd-q3"]["kind"] == "organization" and by_id["wd-q3"]["country"] == "EGY"
    assert validate_records(records, offices={}, countries={"EGY"}) == []


def test_bad_lines_are_named_and_the_rest_is_kept(tmp_path):
    dump = tmp_path / "dump.json"
    write_dump(dump, ENTITIES)
    dump.write_text(dump.read_text(encoding="utf-8").replace('{"id": "Q3"', '{"id": "Q3" broken', 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["kb", "import-wikidata", str(dump)])
    assert result.exit_code == 1
    assert "invalid JSON" in result.stderr
    assert "wd-q7287" in result.stdout


def test_missing_dump_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["kb", "import-wikidata", str(tmp_path / "none.json")])
    assert result.exit_code == 1 and "no such file" in result.output
