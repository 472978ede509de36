"""The ``waqai`` command: a click group whose bare form opens the explorer.

Thin by design: it parses options, calls ``store``/``extract``/``tui`` and
prints. Errors a user should read exit with code 2 and one line, never a
traceback. Heavy modules (Textual, Rich tables) are imported only by the
commands that need them, so lookups start fast.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import date
from pathlib import Path

import click

from waqai.store.sanitize import safe_json


class UserError(click.ClickException):
    """A one-line error for the user, exit code 2."""

    exit_code = 2


def _fail_cleanly(func):
    """Turn the store's and extractor's user-facing errors into UserError."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        import sqlite3

        from waqai.extract.reader import UnreadableArticle
        from waqai.store.errors import InputError, QueryError, StoreError

        try:
            return func(*args, **kwargs)
        except (StoreError, InputError, QueryError, UnreadableArticle) as error:
            raise UserError(str(error)) from None
        except sqlite3.DatabaseError as error:
            from waqai.store.db import describe_error

            raise UserError(describe_error(kwargs.get("db_path") or "the database", error)) from None
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)

    return wrapper


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Database file (default: $WAQAI_DB, else waqai.db in the user data directory).",
)


def _filters(func):
    for option in reversed([
        click.option("--from", "date_from", metavar="DATE", help="Events ending on or after DATE (2021, 2021-06, 2021-06-29)."),
        click.option("--to", "date_to", metavar="DATE", help="Events beginning on or before DATE."),
        click.option("--on", metavar="DATE", help="Events overlapping DATE."),
        click.option("--entity", metavar="NAME", help="Events naming an actor or place (Arabic or English name)."),
        click.option("--query", metavar="TEXT", help="Events whose source sentences contain TEXT (Arabic-normalized)."),
    ]):
        func = option(func)
    return func


def open_store(db_path: Path | None):
    """Open the database for lookups, building it from the bundled corpus on first use.

    A read-only database (no write permission) is opened read-only and
    serves every lookup.
    """
    from waqai.store.db import default_db_path, open_for_lookup, open_for_writing

    path = db_path or default_db_path()
    if not path.exists():
        from waqai.store.ingest import bundled_corpus, collect, ingest

        click.echo(f"First run: building {path} from the bundled corpus…", err=True)
        db = open_for_writing(path)
        summary = ingest(db, collect([bundled_corpus()]))
        click.echo(summary.line(), err=True)
        return db
    return open_for_lookup(path)


def _styled() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _print_text(text: str, plain: bool, indent: int = 0) -> None:
    """Print Arabic text: bidi-rendered and right-aligned on a terminal, logical otherwise."""
    from waqai.store.sanitize import sanitize

    if plain or not sys.stdout.isatty():
        click.echo(" " * indent + sanitize(text))
        return
    from waqai.tui.bidi import render

    width = max(20, shutil.get_terminal_size().columns - indent)
    for line in render(text, width):
        click.echo(" " * indent + line.aligned(width))


def _print_event_line(event: dict, plain: bool) -> None:
    from waqai.store.export import date_label

    label = date_label(event)
    extra = []
    if event["corroboration"] > 1:
        extra.append(f"×{event['corroboration']}")
    if event.get("stance") == "denied":
        extra.append("denied")
    if event.get("planned"):
        extra.append("planned")
    head = f"#{event['id']:<5} {label:<18} {' '.join(extra)}".rstrip()
    if _styled() and not plain:
        head = click.style(head, fg="cyan")
    click.echo(head)
    _print_text(event["title"], plain, indent=2)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.option("--bidi", type=click.Choice(["app", "terminal"]), default="app", show_default=True,
              help="app: waqai reorders Arabic; terminal: the terminal does bidi itself.")
@click.version_option(package_name="waqai")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, bidi: str) -> None:
    """waqai (وقائع): a chronology explorer for Arabic news.

    With no command, opens the explorer on the default database (built from
    the bundled corpus on first use).
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui, db_path=db_path, bidi=bidi)


@main.command()
@db_option
@click.option("--bidi", type=click.Choice(["app", "terminal"]), default="app", show_default=True,
              help="app: waqai reorders Arabic; terminal: the terminal does bidi itself.")
@_fail_cleanly
def tui(db_path: Path | None, bidi: str) -> None:
    """Open the explorer (keyboard-driven; press ? for help)."""
    db = open_store(db_path)
    from waqai.tui.app import WaqaiApp

    WaqaiApp(db, bidi=bidi).run()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for files named on the command line.")
@click.option("--source", help="Source name for files named on the command line.")
@click.option("--url", help="URL for files named on the command line.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes for extraction (0: one per CPU); one process writes.")
@_fail_cleanly
def ingest(paths: tuple[str, ...], db_path: Path | None, published: str | None, source: str | None, url: str | None,
           jobs: int) -> None:
    """Ingest article files and folders (.txt, .md, .html, .htm).

    A folder's manifest.json gives each file's publication date; a web page's
    own date meta tags are used when neither the manifest nor --published
    gives one. Ctrl+C stops after the current document; running the same
    command again finishes the job.
    """
    from waqai.store.db import default_db_path, open_for_writing
    from waqai.store.ingest import collect, ingest as run_ingest, parse_day

    day = parse_day(published, "--published") if published else None
    articles = collect(paths, day, source, url)
    db = open_for_writing(db_path or default_db_path())
    jobs = jobs or os.cpu_count() or 1
    if len(articles) > 20 and sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Ingesting", total=len(articles))
            summary = run_ingest(db, articles, progress=lambda _: bar.advance(task), jobs=jobs)
    else:
        summary = run_ingest(db, articles, jobs=jobs)
    click.echo(summary.line())
    if summary.interrupted:
        sys.exit(130)


@main.command(name="list")
@db_option
@_filters
@click.option("--limit", type=click.IntRange(min=1), help="At most N events.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (contract shape).")
@click.option("--plain", is_flag=True, help="Logical-order text even on a terminal.")
@_fail_cleanly
def list_command(db_path, date_from, date_to, on, entity, query, limit, as_json, plain) -> None:
    """List events in date order, filtered by date range, actor/place or text."""
    from waqai.store.queries import contract_event, list_events, make_filter

    flt = make_filter(date_from, date_to, on, entity, query)
    events = list_events(open_store(db_path), flt, limit)
    if as_json:
        click.echo(safe_json([contract_event(e) for e in events]))
        return
    for event in events:
        _print_event_line(event, plain)
    if not events:
        click.echo("No events match.", err=True)


@main.command()
@click.argument("event_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the event as JSON (contract shape).")
@click.option("--plain", is_flag=True, help="Logical-order text even on a terminal.")
@_fail_cleanly
def show(event_id: int, db_path, as_json: bool, plain: bool) -> None:
    """Show one event with every source sentence, article and publication date."""
    from waqai.store.queries import contract_event, get_event

    event = get_event(open_store(db_path), event_id)
    if event is None:
        raise UserError(f"no event #{event_id}")
    if as_json:
        click.echo(safe_json(contract_event(event)))
        return
    _print_event_line(event, plain)
    if event["entities"]:
        click.echo("  actors/places: " + ", ".join(f"{e['name_en']} ({e['kind']})" for e in event["entities"]))
    for source in event["sources"]:
        click.echo("")
        meta = " · ".join(filter(None, [source["doc"], source.get("source"), source.get("published") or "publication date unknown"]))
        click.echo(f"  [{meta}]")
        _print_text(source["title"] or "", plain, indent=2)
        _print_text("«" + source["sentence"] + "»", plain, indent=4)
        click.echo(f"    date as written: {source['timex']}" + (f" · reported by: {source['attribution']}" if source.get("attribution") else ""))


@main.command()
@click.argument("text")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print matches as JSON.")
@click.option("--plain", is_flag=True, help="Logical-order text even on a terminal.")
@_fail_cleanly
def search(text: str, db_path, limit: int, as_json: bool, plain: bool) -> None:
    """Full-text search over sentences (hamza, ta marbuta, alef maqsura, harakat folded)."""
    from waqai.store.queries import search_sentences

    hits = search_sentences(open_store(db_path), text, limit)
    if as_json:
        click.echo(safe_json(hits))
        return
    for hit in hits:
        events = ", ".join(f"#{e}" for e in hit["events"])
        click.echo(f"{hit['doc']} · {hit['published'] or 'date unknown'}" + (f" · events {events}" if events else ""))
        _print_text(hit["sentence"], plain, indent=2)
    if not hits:
        click.echo("No sentence matches.", err=True)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True)
@_fail_cleanly
def stats(db_path, as_json: bool) -> None:
    """Counts, the chronology's span, and documents lacking a publication date."""
    from waqai.store.queries import stats as compute

    figures = compute(open_store(db_path))
    if as_json:
        click.echo(safe_json(figures))
        return
    for key in ("documents", "sentences", "timexes", "events", "corroborated_events", "denied_events", "entities"):
        click.echo(f"{key.replace('_', ' '):<22} {figures[key]}")
    click.echo(f"{'chronology':<22} {figures['first_day']} … {figures['last_day']}")
    for doc in figures["documents_without_publication_date"]:
        click.echo(f"\n{doc['doc']} has no publication date: only its absolute dates are in the chronology.")
        if doc["published_on_or_after"]:
            click.echo(f"  it mentions dates up to {doc['published_on_or_after']}, so it was published on or after that day")
        if doc["unresolved"]:
            click.echo(f"  relative expressions waiting for a date: {', '.join(doc['unresolved'])}")
        if doc["candidates"]:
            click.echo(f"  weekday+date pairs fit these days: {', '.join(doc['candidates'][:10])}")
        click.echo("  set it with: waqai ingest FILE --published YYYY-MM-DD (into a fresh database)")


@main.command()
@db_option
@_filters
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Write to FILE instead of standard output.")
@click.option("--limit", type=click.IntRange(min=1))
@_fail_cleanly
def export(db_path, date_from, date_to, on, entity, query, fmt: str, output: Path | None, limit) -> None:
    """Export the chronology (same filters as list) to Markdown, JSON or CSV."""
    from waqai.store.export import to_csv, to_json, to_markdown
    from waqai.store.queries import contract_event, list_events, make_filter

    events = [contract_event(e) for e in list_events(open_store(db_path), make_filter(date_from, date_to, on, entity, query), limit)]
    text = {"md": lambda: to_markdown(events), "json": lambda: to_json(events), "csv": lambda: to_csv(events)}[fmt]()
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror}") from None
    click.echo(f"Wrote {len(events)} events to {output}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--dct", metavar="YYYY-MM-DD", help="Publication date (document creation time) for every file.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="manifest.json giving each file's date.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (contract shape).")
@_fail_cleanly
def extract(files: tuple[str, ...], dct: str | None, manifest: Path | None, as_json: bool) -> None:
    """Tag the temporal expressions of files ('-' reads standard input)."""
    from waqai.extract.reader import article_from_bytes, read_article
    from waqai.extract.tagger import tag
    from waqai.store.ingest import parse_day, read_manifest

    default_day = parse_day(dct, "--dct") if dct else None
    days: dict[str, date | None] = {}
    if manifest:
        days = {Path(file).name: (parse_day(row["published"], f"{manifest} ({file})") if row.get("published") else None)
                for file, row in read_manifest(manifest).items()}
    for name in files:
        read = article_from_bytes(sys.stdin.buffer.read()) if name == "-" else read_article(name)
        base = "-" if name == "-" else Path(name).name
        day = days.get(base, default_day) or read.published
        timexes = tag(read.text, day)
        if as_json:
            click.echo(safe_json({"doc": base, "dct": day.isoformat() if day else None,
                                   "timexes": [t.as_json() for t in timexes]}))
        else:
            for t in timexes:
                click.echo(f"{base}\t{t.start}\t{t.end}\t{t.type}\t{t.value}\t{t.mod or ''}\t{t.text}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder holding the gold documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@_fail_cleanly
def evaluate(gold: Path, corpus: Path | None, as_json: bool) -> None:
    """Score the tagger against a gold JSONL file (TempEval-3: strict, relaxed, value, type F1)."""
    from waqai.extract.evaluate import Score, score_document
    from waqai.extract.reader import read_article
    from waqai.extract.tagger import tag
    from waqai.store.ingest import parse_day

    score = Score()
    for number, line in enumerate(gold.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            name, gold_timexes = doc["doc"], doc["timexes"]
        except (ValueError, KeyError, TypeError) as error:
            raise UserError(f"{gold}:{number}: not a gold document ({error})") from None
        if "text" in doc:
            text = doc["text"]
        else:
            folder = corpus or gold.parent
            if not (folder / name).is_file():
                raise UserError(f"{gold}:{number}: no file {folder / name} (pass --corpus DIR)")
            text = read_article(folder / name).text
        day = parse_day(doc["dct"], f"{gold}:{number}") if doc.get("dct") else None
        score_document(name, gold_timexes, [t.as_json() for t in tag(text, day)], score)
    figures = score.figures()
    if as_json:
        click.echo(safe_json({**figures, "misses": score.misses, "wrong_values": score.wrong_values,
                               "spurious": score.spurious}))
        return
    for key in ("strict_f1", "relaxed_f1", "value_f1", "type_f1"):
        click.echo(f"{key:<12} {figures[key]:.4f}")
    click.echo(f"gold {figures['documents_gold_timexes']} · system {figures['system_timexes']}")
    for miss in score.misses:
        click.echo(f"miss   {miss['doc']} {miss['start']}-{miss['end']} {miss['text']} = {miss.get('value')}")
    for wrong in score.wrong_values:
        click.echo(f"value  {wrong['doc']} {wrong['text']}: gold {wrong['gold']}, got {wrong['system']}")
    for extra in score.spurious:
        click.echo(f"extra  {extra['doc']} {extra['start']}-{extra['end']} {extra['text']} = {extra.get('value')}")


@main.command()
@db_option
@click.option("--host", default="localhost", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@_fail_cleanly
def serve(db_path: Path | None, host: str, port: int) -> None:
    """Serve the explorer in a browser (needs the 'serve' extra: textual-serve).

    Each browser tab runs its own explorer process on the same database.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UserError("waqai serve needs textual-serve: pip install 'waqai[serve]'") from None
    import shlex

    command = shlex.join([sys.executable, "-m", "waqai.tui.cli", "tui", *(["--db", str(db_path)] if db_path else [])])
    Server(command, host=host, port=port, title="waqai").serve()


if __name__ == "__main__":
    main()
