"""The `marsad` command line: thin commands that open the library object, make one call, report errors."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date

import click

from marsad import __version__
from marsad.errors import InputError, MarsadError
from marsad.export.formats import FORMATS, open_writer
from marsad.export.records import annotation_record, event_record
from marsad.model import Article
from marsad.progress import Progress

DEFAULT_DB = "marsad.db"


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _report(error: InputError) -> None:
    click.echo(f"marsad: error: {error.origin}: {error.reason}", err=True)


def _articles(paths: tuple[str, ...], published: date | None, progress: Progress,
              names: bool = False) -> Iterator[Article]:
    """Every article of the inputs; input errors are reported on stderr and counted."""
    from marsad.config import Config, EventsConfig
    from marsad.ingest import read_inputs
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(Config(events=EventsConfig(unknown_names=names)))
    for item in pipeline.run(read_inputs(paths, published=published)):
        if isinstance(item, InputError):
            _report(item)
            progress.update(failed=True)
            continue
        progress.update(events=len(item.events))
        yield item


def _output(path: str | None, binary: bool):
    if path is None or path == "-":
        return sys.stdout.buffer if binary else sys.stdout
    return open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """marsad: Arabic news in, evidence-backed political event data out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_parse_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="Output format of the event records.")
@click.option("-o", "--output", "output", default=None, help="Write to FILE instead of standard output.")
@click.option("--names/--no-names", default=False, show_default=True,
              help="Also find actors the knowledge base lacks with the statistical name tagger (slower).")
def extract(paths: tuple[str, ...], published: date | None, fmt: str, output: str | None, names: bool) -> None:
    """Run the whole pipeline on PATHS (files, directories or - for stdin) and write one record per event."""
    progress = Progress("extract")
    binary = fmt == "parquet"
    out = _output(output, binary)
    writer = open_writer(fmt, text_out=None if binary else out, binary_out=out if binary else None)
    try:
        for article in _articles(paths, published, progress, names):
            for event in article.events:
                writer.write(event_record(article, event))
        writer.close()
    finally:
        if out not in (sys.stdout, sys.stdout.buffer):
            out.close()
    progress.close()
    sys.exit(1 if progress.failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_parse_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("-o", "--output", "output", default=None, help="Write to FILE instead of standard output.")
@click.option("--names/--no-names", default=False, show_default=True,
              help="Also find actors the knowledge base lacks with the statistical name tagger (slower).")
def annotate(paths: tuple[str, ...], published: date | None, output: str | None, names: bool) -> None:
    """Write one JSON object per document with every layer the pipeline found."""
    progress = Progress("annotate")
    out = _output(output, False)
    for article in _articles(paths, published, progress, names):
        out.write(json.dumps(annotation_record(article), ensure_ascii=False) + "\n")
    out.flush()
    if out is not sys.stdout:
        out.close()
    progress.close()
    sys.exit(1 if progress.failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or postgresql:// URL.")
@click.option("--published", callback=_parse_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--names/--no-names", default=False, show_default=True,
              help="Also find actors the knowledge base lacks with the statistical name tagger (slower).")
def ingest(paths: tuple[str, ...], db: str, published: date | None, names: bool) -> None:
    """Add documents to the store; a document already stored (same content) is skipped."""
    from marsad.store import open_store

    progress = Progress("ingest")
    try:
        with open_store(db) as store:
            added, skipped = store.add_many(_articles(paths, published, progress, names))
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    progress.close()
    click.echo(f"ingest: {added} added, {skipped} already stored, {progress.failed} failed", err=True)
    sys.exit(1 if progress.failed else 0)


def _query_options(func):
    for option in reversed([
        click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or postgresql:// URL."),
        click.option("--actor", help="Knowledge-base id, or part of an actor's name (Arabic or Latin)."),
        click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT."),
        click.option("--mode", help="PLOVER mode, e.g. visit."),
        click.option("--country", help="ISO 3166-1 alpha-3 code of the source or target."),
        click.option("--status", type=click.Choice(["reported", "planned", "negated", "hypothetical"])),
        click.option("--since", help="Earliest event date (YYYY-MM-DD)."),
        click.option("--until", help="Latest event date (YYYY-MM-DD)."),
        click.option("--q", "q", help="Full-text query over the documents."),
        click.option("--limit", type=int, default=100, show_default=True, help="Most records to return."),
        click.option("--offset", type=int, default=0, show_default=True, help="Records to skip."),
    ]):
        func = option(func)
    return func


def _filters(**kw) -> dict:
    return {
        "actor": kw["actor"], "type": kw["type_"], "mode": kw["mode"], "country": kw["country"],
        "status": kw["status"], "since": kw["since"], "until": kw["until"], "q": kw["q"],
        "limit": kw["limit"], "offset": kw["offset"],
    }


def _open_existing(db: str):
    from marsad.store import open_store

    if "://" not in db and not os.path.exists(db):
        raise click.ClickException(f"{db}: no such database (run `marsad ingest` first)")
    return open_store(db)


@main.command()
@_query_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", "output", default=None, help="Write to FILE instead of standard output.")
def events(fmt: str, output: str | None, **kw) -> None:
    """Query stored events."""
    try:
        with _open_existing(kw["db"]) as store:
            total, items = store.events(**_filters(**kw))
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    binary = fmt == "parquet"
    out = _output(output, binary)
    writer = open_writer(fmt, text_out=None if binary else out, binary_out=out if binary else None)
    for rec in items:
        writer.write(rec)
    writer.close()
    click.echo(f"events: {len(items)} of {total}", err=True)


@main.command()
@_query_options
@click.option("-o", "--output", "output", default=None, help="Write to FILE instead of standard output.")
def stories(output: str | None, **kw) -> None:
    """Query stories (one real-world event with all its reports), one JSON object per line."""
    try:
        with _open_existing(kw["db"]) as store:
            total, items = store.stories(**_filters(**kw))
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from exc
    out = _output(output, False)
    for story in items:
        out.write(json.dumps(story, ensure_ascii=False) + "\n")
    out.flush()
    click.echo(f"stories: {len(items)} of {total}", err=True)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--token", envvar="MARSAD_TOKEN", default=None,
              help="Bearer token that enables POST /api/documents (or set MARSAD_TOKEN).")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the dashboard and the HTTP API."""
    import uvicorn

    from marsad.api.app import create_app

    click.echo(f"marsad: serving {db} on http://{host}:{port}", err=True)
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")


@main.group()
def kb() -> None:
    """Inspect and validate the actor knowledge base."""


@kb.command("validate")
def kb_validate() -> None:
    """Check the knowledge-base files: required fields, dates, single-holder offices."""
    from marsad.entities.validate import validate_kb

    problems = validate_kb()
    for problem in problems:
        click.echo(f"marsad: kb: {problem}", err=True)
    from marsad.entities.kb import KnowledgeBase

    base = KnowledgeBase.load()
    click.echo(f"kb: {len(base.actors)} actors, {len(base.offices)} offices, {len(base.countries)} countries, "
               f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


def _actor_json(actor) -> dict:
    return {
        "id": actor.id, "kind": actor.kind, "name": actor.name, "name_ar": actor.name_ar,
        "country": actor.country, "sector": actor.sector, "aliases_ar": actor.aliases_ar,
        "roles": [{"office": r.office, "start": r.start.isoformat() if r.start else None,
                   "end": r.end.isoformat() if r.end else None, "uncertain": r.uncertain} for r in actor.roles],
    }


@kb.command("show")
@click.argument("actor_id")
def kb_show(actor_id: str) -> None:
    """Print one actor record."""
    from marsad.entities.kb import KnowledgeBase

    actor = KnowledgeBase.load().actors.get(actor_id)
    if actor is None:
        raise click.ClickException(f"{actor_id}: no such actor")
    click.echo(json.dumps(_actor_json(actor), ensure_ascii=False, indent=2))


@kb.command("search")
@click.argument("text")
def kb_search(text: str) -> None:
    """Actors whose names contain TEXT (Arabic or Latin)."""
    from marsad.entities.kb import KnowledgeBase

    for actor in KnowledgeBase.load().search(text):
        click.echo(f"{actor.id}\t{actor.name}\t{actor.name_ar}\t{actor.country or ''}")


@kb.command("import-wikidata")
@click.argument("dump")
@click.option("-o", "--output", "output", default=None,
              help="Write the records to FILE (put it in src/marsad/data/kb/ as actors_<name>.jsonl to use it).")
def kb_import_wikidata(dump: str, output: str | None) -> None:
    """Read a Wikidata JSON dump (.json, .json.gz, .json.bz2) and write actor records for the people (with
    positions held) and organisations that have an Arabic label."""
    from marsad.entities.wikidata import check_dump, import_dump

    try:
        check_dump(dump)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    out = _output(output, False)
    stats = import_dump(dump, out)
    out.flush()
    if out is not sys.stdout:
        out.close()
    for error in stats.errors:
        click.echo(f"marsad: error: {error}", err=True)
    click.echo(f"kb import-wikidata: {stats.entities} entities read, {stats.people} people and "
               f"{stats.organizations} organisations written, {stats.skipped_no_arabic} without an Arabic label",
               err=True)
    sys.exit(1 if stats.errors else 0)


if __name__ == "__main__":
    main()
