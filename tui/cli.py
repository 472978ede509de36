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
from waqai.tui.output import OutputError, echo, finish_stdout, printable, write_atomically


class UserError(click.ClickException):
    """A one-line error for the user, exit code 2 (sanitized: it may quote file names and article text)."""

    exit_code = 2

    def format_message(self) -> str:
        """The message without terminal controls."""
        return printable(self.message)


class SafeGroup(click.Group):
    """A click group whose own usage errors (which quote what was typed) are sanitized too."""

    def make_context(self, *args, **kwargs):
        """Parse the group's options; a bad value's echo is sanitized."""
        with _sanitized_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        """Run the subcommand; its parsing errors are sanitized."""
        with _sanitized_errors():
            return super().invoke(ctx)


class _sanitized_errors:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> bool:
        if isinstance(error, click.ClickException):
            error.message = printable(error.message)
        return False


def _fail_cleanly(func):
    """Turn the store's and extractor's user-facing errors into UserError."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        import sqlite3

        from waqai.extract.data_shape import DataFileError
        from waqai.extract.reader import UnreadableArticle
        from waqai.store.errors import InputError, QueryError, StoreError

        try:
            result = func(*args, **kwargs)
            finish_stdout()
            return result
        except OutputError:
            raise
        except UnicodeEncodeError:
            raise UserError(f"standard output uses the {sys.stdout.encoding} encoding, which cannot show this text;"
                            " set PYTHONIOENCODING=utf-8") from None
        except (StoreError, InputError, QueryError, UnreadableArticle, DataFileError) as error:
            raise UserError(str(error)) from None
        except sqlite3.DatabaseError as error:
            from waqai.store.db import describe_error

            raise UserError(describe_error(kwargs.get("db_path") or "the database", error)) from None
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)

    return wrapper


def _inherited(ctx: click.Context, param: click.Parameter, value):
    """An option not given after the subcommand takes the value given before it (``waqai --db X list``)."""
    if value is None and ctx.parent is not None:
        value = ctx.parent.params.get(param.name)
    return value


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None, callback=_inherited,
    help="Database file (default: $WAQAI_DB, else waqai.db in the user data directory).",
)
bidi_option = click.option(
    "--bidi", type=click.Choice(["app", "terminal"]), default=None, callback=_inherited,
    help="app (default): waqai reorders Arabic; terminal: the terminal does bidi itself.",
)


_SQLITE_INT = click.IntRange(min=1, max=2**63 - 1)  # ids and limits beyond this are not SQLite integers


def _bidi() -> str:
    """The --bidi mode given before the subcommand, for commands that print Arabic."""
    return click.get_current_context().find_root().params.get("bidi") or "app"


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
    """Open the database for lookups; only the default one is built from the bundled corpus on first use.

    A path the user named (``--db``, ``$WAQAI_DB``) that does not exist is an
    error, never a new database: a typo must not grow a sample archive. A
    read-only database (no write permission) is opened read-only and serves
    every lookup.
    """
    from waqai.store.db import default_db_path, open_for_lookup, open_for_writing

    named = db_path is not None or bool(os.environ.get("WAQAI_DB"))
    path = db_path or default_db_path()
    if not path.exists() and not named:
        from waqai.store.ingest import bundled_corpus, collect, ingest

        echo(f"First run: building {path} from the bundled corpus…", err=True)
        db = open_for_writing(path)
        summary = ingest(db, collect([bundled_corpus()]))
        echo(summary.line(), err=True)
        return db
    return open_for_lookup(path)


def _styled() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _print_text(text: str, plain: bool, indent: int = 0) -> None:
    """Print Arabic text: bidi-rendered and right-aligned on a terminal, logical otherwise."""
    from waqai.store.sanitize import sanitize

    if plain or not sys.stdout.isatty() or _bidi() == "terminal":
        echo(" " * indent + sanitize(text))
        return
    from waqai.tui.bidi import render

    width = max(20, shutil.get_terminal_size().columns - indent)
    for line in render(text, width):
        echo(" " * indent + line.aligned(width))


def _print_event_line(event: dict, plain: bool) -> None:
    from waqai.store.export import date_label

    label = date_label(event)
    extra = []
    if event["corroboration"] > 1:
        extra.append(f"×{event['corroboration']}")
    if event.get("stance") == "denied":
        extra.append("denied")
    head = f"#{event['id']:<5} {label:<18} {' '.join(extra)}".rstrip()
    echo(head, **({"fg": "cyan"} if _styled() and not plain else {}))
    _print_text(event["title"], plain, indent=2)


@click.group(cls=SafeGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@bidi_option
@click.version_option(package_name="waqai")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, bidi: str | None) -> None:
    """waqai (وقائع): a chronology explorer for Arabic news.

    With no command, opens the explorer on the default database (built from
    the bundled corpus on first use). --db and --bidi given here apply to
    every command.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui, db_path=db_path, bidi=bidi)


@main.command()
@db_option
@bidi_option
@_fail_cleanly
def tui(db_path: Path | None, bidi: str | None) -> None:
    """Open the explorer (keyboard-driven; press ? for help)."""
    db = open_store(db_path)
    from waqai.tui.app import WaqaiApp

    WaqaiApp(db, bidi=bidi or "app").run()


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
    from waqai.store.errors import IngestStopped
    from waqai.store.ingest import collect, ingest as run_ingest, parse_day

    day = parse_day(published, "--published") if published is not None else None
    articles = collect(paths, day, source, url)
    db = open_for_writing(db_path or default_db_path())
    jobs = jobs or os.cpu_count() or 1
    try:
        if len(articles) > 20 and sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("Ingesting", total=len(articles))
                summary = run_ingest(db, articles, progress=lambda _: bar.advance(task), jobs=jobs)
        else:
            summary = run_ingest(db, articles, jobs=jobs)
    except IngestStopped as stopped:
        echo(stopped.summary.line())  # what is stored, then the one-line reason
        raise UserError(str(stopped)) from None
    echo(summary.line())
    if summary.interrupted:
        sys.exit(130)


@main.command(name="list")
@db_option
@_filters
@click.option("--limit", type=_SQLITE_INT, help="At most N events.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (contract shape).")
@click.option("--plain", is_flag=True, help="Logical-order text even on a terminal.")
@_fail_cleanly
def list_command(db_path, date_from, date_to, on, entity, query, limit, as_json, plain) -> None:
    """List events in date order, filtered by date range, actor/place or text."""
    from waqai.store.queries import contract_event, list_events, make_filter

    flt = make_filter(date_from, date_to, on, entity, query)
    events = list_events(open_store(db_path), flt, limit)
    if as_json:
        echo(safe_json([contract_event(e) for e in events]))
        return
    for event in events:
        _print_event_line(event, plain)
    if not events:
        echo("No events match.", err=True)


@main.command()
@click.argument("event_id", type=_SQLITE_INT)
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
        echo(safe_json(contract_event(event)))
        return
    _print_event_line(event, plain)
    if event["entities"]:
        echo("  actors/places: " + ", ".join(f"{e['name_en']} ({e['kind']})" for e in event["entities"]))
    for source in event["sources"]:
        echo("")
        meta = " · ".join(filter(None, [source["doc"], source.get("source"), source.get("published") or "publication date unknown"]))
        echo(f"  [{meta}]")
        _print_text(source["title"] or "", plain, indent=2)
        _print_text("«" + source["sentence"] + "»", plain, indent=4)
        echo(f"    date as written: {source['timex']}" + (f" · reported by: {source['attribution']}" if source.get("attribution") else ""))


@main.command()
@click.argument("text")
@db_option
@click.option("--limit", type=_SQLITE_INT, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print matches as JSON.")
@click.option("--plain", is_flag=True, help="Logical-order text even on a terminal.")
@_fail_cleanly
def search(text: str, db_path, limit: int, as_json: bool, plain: bool) -> None:
    """Full-text search over sentences (hamza, ta marbuta, alef maqsura, harakat folded)."""
    from waqai.store.queries import search_sentences

    hits = search_sentences(open_store(db_path), text, limit)
    if as_json:
        echo(safe_json(hits))
        return
    for hit in hits:
        events = ", ".join(f"#{e}" for e in hit["events"])
        echo(f"{hit['doc']} · {hit['published'] or 'date unknown'}" + (f" · events {events}" if events else ""))
        _print_text(hit["sentence"], plain, indent=2)
    if not hits:
        echo("No sentence matches.", err=True)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True)
@_fail_cleanly
def stats(db_path, as_json: bool) -> None:
    """Counts, the chronology's span, and documents lacking a publication date."""
    from waqai.store.queries import stats as compute

    figures = compute(open_store(db_path))
    if as_json:
        echo(safe_json(figures))
        return
    for key in ("documents", "sentences", "timexes", "events", "corroborated_events", "denied_events", "entities"):
        echo(f"{key.replace('_', ' '):<22} {figures[key]}")
    echo(f"{'chronology':<22} {figures['first_day']} … {figures['last_day']}")
    for doc in figures["documents_without_publication_date"]:
        echo(f"\n{doc['doc']} has no publication date: only its absolute dates are in the chronology.")
        if doc["published_on_or_after"]:
            echo(f"  it mentions dates up to {doc['published_on_or_after']}, so it was published on or after that day")
        if doc["unresolved"]:
            echo(f"  relative expressions waiting for a date: {', '.join(doc['unresolved'])}")
        if doc["candidates"]:
            echo(f"  weekday+date pairs fit these days: {', '.join(doc['candidates'][:10])}")
        echo("  set it with: waqai ingest FILE --published YYYY-MM-DD (into a fresh database)")


@main.command()
@db_option
@_filters
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Write to FILE instead of standard output.")
@click.option("--limit", type=_SQLITE_INT)
@_fail_cleanly
def export(db_path, date_from, date_to, on, entity, query, fmt: str, output: Path | None, limit) -> None:
    """Export the chronology (same filters as list) to Markdown, JSON or CSV."""
    from waqai.store.export import to_csv, to_json, to_markdown
    from waqai.store.queries import contract_event, list_events, make_filter

    events = [contract_event(e) for e in list_events(open_store(db_path), make_filter(date_from, date_to, on, entity, query), limit)]
    text = {"md": lambda: to_markdown(events), "json": lambda: to_json(events), "csv": lambda: to_csv(events)}[fmt]()
    if output is None:
        echo(text, nl=False)
        return
    write_atomically(output, text)
    echo(f"Wrote {len(events)} events to {output}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--dct", metavar="YYYY-MM-DD", help="Publication date (document creation time) for every file.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="manifest.json giving each file's date.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (contract shape).")
@_fail_cleanly
def extract(files: tuple[str, ...], dct: str | None, manifest: Path | None, as_json: bool) -> None:
    """Tag the temporal expressions of files ('-' reads standard input)."""
    from waqai.extract.reader import ARTICLE_SUFFIXES, article_from_bytes, read_article
    from waqai.extract.tagger import tag
    from waqai.store.ingest import parse_day, read_manifest

    default_day = parse_day(dct, "--dct") if dct is not None else None
    days: dict[str, date | None] = {}
    if manifest:
        days = {Path(file).name: (parse_day(row["published"], f"{manifest} ({file})") if row.get("published") else None)
                for file, row in read_manifest(manifest).items()}
    for name in files:
        suffix = Path(name).suffix.lower()
        if name != "-" and suffix not in ARTICLE_SUFFIXES:
            raise UserError(f"{name}: unsupported file type {suffix or '(none)'!r}; waqai reads .txt, .md, .html and .htm")
    for name in files:
        read = article_from_bytes(sys.stdin.buffer.read()) if name == "-" else read_article(name)
        base = "-" if name == "-" else Path(name).name
        day = days.get(base, default_day) or read.published
        timexes = tag(read.text, day)
        if as_json:
            echo(safe_json({"doc": base, "dct": day.isoformat() if day else None,
                                   "timexes": [t.as_json() for t in timexes]}))
        else:
            for t in timexes:
                echo(f"{base}\t{t.start}\t{t.end}\t{t.type}\t{t.value}\t{t.mod or ''}\t{t.text}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder holding the gold documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@_fail_cleanly
def evaluate(gold: Path, corpus: Path | None, as_json: bool) -> None:
    """Score the tagger against a gold JSONL file (TempEval-3: strict, relaxed, value, type F1)."""
    from waqai.extract.evaluate import Score, score_document
    from waqai.extract.gold import GoldError, parse_gold_line
    from waqai.extract.reader import read_article
    from waqai.extract.tagger import tag
    from waqai.store.ingest import parse_day

    score = Score()
    try:
        lines = gold.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{gold}: cannot read the gold file ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            doc = parse_gold_line(line)
        except GoldError as error:
            raise UserError(f"{gold}:{number}: not a gold document: {error}") from None
        name, gold_timexes = doc["doc"], doc["timexes"]
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
        echo(safe_json({**figures, "misses": score.misses, "wrong_values": score.wrong_values,
                               "spurious": score.spurious}))
        return
    for key in ("strict_f1", "relaxed_f1", "value_f1", "type_f1"):
        echo(f"{key:<12} {figures[key]:.4f}")
    echo(f"gold {figures['documents_gold_timexes']} · system {figures['system_timexes']}")
    for miss in score.misses:
        echo(f"miss   {miss['doc']} {miss['start']}-{miss['end']} {miss['text']} = {miss.get('value')}")
    for wrong in score.wrong_values:
        echo(f"value  {wrong['doc']} {wrong['text']}: gold {wrong['gold']}, got {wrong['system']}")
    for extra in score.spurious:
        echo(f"extra  {extra['doc']} {extra['start']}-{extra['end']} {extra['text']} = {extra.get('value')}")


@main.command()
@db_option
@bidi_option
@click.option("--host", default="localhost", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@_fail_cleanly
def serve(db_path: Path | None, bidi: str | None, host: str, port: int) -> None:
    """Serve the explorer in a browser (needs the 'serve' extra: textual-serve).

    Each browser tab runs its own explorer process on the same database.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise UserError("waqai serve needs textual-serve: pip install 'waqai[serve]'") from None
    import shlex

    command = shlex.join([sys.executable, "-m", "waqai.tui.cli", "tui", *(["--db", str(db_path)] if db_path else []),
                         *(["--bidi", bidi] if bidi else [])])
    Server(command, host=host, port=port, title="waqai").serve()


if __name__ == "__main__":
    main()
