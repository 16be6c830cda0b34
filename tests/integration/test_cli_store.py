"""ingest is idempotent; events and stories query the store; kb validates."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import main

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "examples" / "html"


def test_ingest_twice_stores_once_and_queries_work(tmp_path):
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(HTML), "--db", db])
    assert first.exit_code == 0, first.stderr
    assert "4 added, 0 already stored" in first.stderr
    again = runner.invoke(main, ["ingest", str(HTML), "--db", db])
    assert "0 added, 4 already stored" in again.stderr

    events = runner.invoke(main, ["events", "--db", db, "--actor", "egy-sisi"])
    recs = [json.loads(line) for line in events.stdout.splitlines()]
    assert recs and all("egy-sisi" in (r["source"]["id"], r["target"]["id"]) for r in recs)

    since = runner.invoke(main, ["events", "--db", db, "--since", "2020-01-01"])
    assert all(json.loads(line)["date"] >= "2020" for line in since.stdout.splitlines())

    # the meeting of that day is one story told by two outlets (Haftar's thanks to Egypt that day is another)
    stories = runner.invoke(main, ["stories", "--db", db, "--actor", "lby-khalifa-haftar", "--type", "CONSULT",
                                   "--since", "2019-05-09", "--until", "2019-05-09"])
    (story,) = [json.loads(line) for line in stories.stdout.splitlines()]
    assert story["mentions_count"] == 2 and story["outlets_count"] == 2


def test_events_on_missing_db_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_kb_commands():
    runner = CliRunner()
    result = runner.invoke(main, ["kb", "validate"])
    assert result.exit_code == 0, result.stderr
    assert "0 problems" in result.stdout
    shown = json.loads(runner.invoke(main, ["kb", "show", "egy-abbas-kamel"]).stdout)
    assert shown["country"] == "EGY" and any(r["office"] == "EGY.intelligence_chief" for r in shown["roles"])
    assert "egy-sisi" in runner.invoke(main, ["kb", "search", "السيسي"]).stdout
