"""The ``waqai`` command: a click group whose bare form opens the explorer.

Thin by design: it parses options, calls ``store``/``extract``/``tui`` and
prints. Errors a user should read exit with code 2 and one line, never a
traceback. Heavy modules (Textual, Rich tables) are imported only by the
commands that need them, so lookups start fast.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from datetime import date
from pathlib import Path

import click

from waqai.store.sanitize import safe_json, sanitize
from waqai.tui.output import OutputError, echo, echo_bytes, finish_stdout, printable, write_atomically


class UserError(click.ClickException):
    """A one-line error for the user, exit code 2 (sanitized: it may quote file names and article text)."""

    exit_code = 2

    def format_message(self) -> str:
        """The message on one line, without terminal controls (SQLite's own messages hold newlines)."""
        return " ".join(printable(self.message).split("\n"))


def _user_errors() -> tuple[type[Exception], ...]:
    """The store's and extractor's errors that are the user's to fix (imported only once one is raised:
    the reader and its decoders cost a lookup 4 ms of start-up)."""
    from waqai.extract.data_shape import DataFileError
    from waqai.extract.reader import UnreadableArticle
    from waqai.store.errors import InputError, QueryError, StoreError

    return StoreError, InputError, QueryError, UnreadableArticle, DataFileError


def _fail_cleanly(func):
    """Turn the store's and extractor's user-facing errors into UserError."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        import sqlite3

        try:
            result = func(*args, **kwargs)
            finish_stdout()
            return result
        except OutputError:
            raise
        except UnicodeEncodeError:
            raise UserError(f"standard output uses the {sys.stdout.encoding} encoding, which cannot show this text;"
                            " set PYTHONIOENCODING=utf-8") from None
        except _user_errors() as error:  # evaluated only when something was raised
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


def _shown(text: str | None, plain: bool = False) -> str:
    """One short field (a name, a date as written) as the output needs it: shaped and
    ordered on a terminal, logical when piped or with --plain."""
    from waqai.store.sanitize import sanitize

    if plain or not sys.stdout.isatty():
        return sanitize(text or "")
    from waqai.tui.bidi import render_line

    return render_line(text or "", 10_000)


def _print_fields(fields: list[tuple[str, str]], plain: bool, indent: int) -> None:
    """Labelled fields on one line, or on a terminal wrapped between fields (never inside an
    Arabic run, where the terminal's own wrapping would put its words out of order)."""
    if plain or not sys.stdout.isatty():
        echo(" " * indent + " · ".join(label + _shown(value, True) for label, value in fields if value))
        return
    from waqai.tui.bidi import label_lines

    for line in label_lines(fields, max(20, shutil.get_terminal_size().columns - indent)):
        echo(" " * indent + line)


def _print_event_line(event: dict, plain: bool) -> None:
    from waqai.store.export import date_label

    label = date_label(event)
    extra = []
    if event["corroboration"] > 1:
        extra.append(f"×{event['corroboration']}")
    if event.get("stance") == "denied":
        extra.append("denied")
    from waqai.store.edits import correction_note, markers

    extra += markers(event)
    if event.get("planned"):
        extra.append("planned")
    head = f"#{event['id']:<5} {label:<18} {' '.join(extra)}".rstrip()
    echo(head, **({"fg": "cyan"} if _styled() and not plain else {}))
    _print_text(event["title"], plain, indent=2)
    if event.get("note"):
        _print_text("✎ " + event["note"], plain, indent=2)
    if correction_note(event):
        _print_text(correction_note(event), plain, indent=2)


class OneLineUsageErrors(click.Group):
    """A click group whose usage errors (unknown option, bad value) are one line on
    standard error with exit code 2, like every other error, instead of click's usage block."""

    def make_context(self, *args, **kwargs) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as error:
            raise _one_line(error) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _one_line(error) from None


def _one_line(error: click.UsageError) -> UserError:
    where = error.ctx.command_path if error.ctx else "waqai"
    return UserError(f"{error.format_message()} (see: {where} --help)".replace("\n", " "))


@click.group(cls=OneLineUsageErrors, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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
    from waqai.store.db import set_upgrade_notice

    set_upgrade_notice(lambda line: echo(line, err=True))
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
@click.option("--field", "fields", multiple=True, metavar="ROLE=NAME",
              help="Dump field for a role (content, title, published, url, source), e.g. content=body.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on the Dask cluster at ADDRESS (tcp://host:8786; needs the dask extra); this process writes.")
@_fail_cleanly
def ingest(paths: tuple[str, ...], db_path: Path | None, published: str | None, source: str | None, url: str | None,
           jobs: int, fields: tuple[str, ...], dask_address: str | None) -> None:
    """Ingest article files, folders and dumps.

    Files: .txt, .md, .html, .htm. Dumps of many articles: .json (an array of
    objects), .jsonl/.ndjson, .csv and .zip of those, read row by row; their
    fields default to the common names (content/text/maintext/body,
    title/headline, date/date_publish/published/date_extracted, url,
    source/source_domain) and --field overrides them. A folder's manifest.json
    gives each file's publication date; a web page's own date meta tags are
    used when neither the manifest nor --published gives one. Ctrl+C stops
    after the current document; running the same command again finishes the job.
    """
    from waqai.extract.dumps import DumpError, FieldMap
    from waqai.store.db import default_db_path, open_for_writing
    from waqai.store.errors import IngestStopped
    from waqai.store.ingest import Dump, collect, ingest as run_ingest, parse_day

    day = parse_day(published, "--published") if published is not None else None
    try:
        field_map = FieldMap.parse(fields)
    except DumpError as error:
        raise UserError(str(error)) from None
    articles = collect(paths, day, source, url, field_map)
    db = open_for_writing(db_path or default_db_path())
    jobs = jobs or os.cpu_count() or 1
    runner = None
    if dask_address:
        from waqai.store.distributed import dask_runner

        runner = dask_runner(dask_address)
    has_dumps = any(isinstance(a, Dump) for a in articles)
    try:
        if (has_dumps or len(articles) > 20) and sys.stderr.isatty():
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("Ingesting", total=None if has_dumps else len(articles))
                summary = run_ingest(db, articles, progress=lambda _: bar.advance(task), jobs=jobs, runner=runner)
        else:
            summary = run_ingest(db, articles, jobs=jobs, runner=runner)
    except IngestStopped as stopped:
        echo(stopped.summary.line())  # what is stored, then the one-line reason
        raise UserError(str(stopped)) from None
    echo(summary.line())
    for row in summary.bad_rows[:20]:
        echo(f"skipped {sanitize(row.locator)}: {sanitize(row.reason)}", err=True)
    if len(summary.bad_rows) > 20:
        echo(f"… and {len(summary.bad_rows) - 20} more bad rows", err=True)
    for row in summary.failed:
        echo(f"failed {sanitize(row.locator)}: {sanitize(row.reason)} (the other articles are stored)", err=True)
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("urls", nargs=-1, required=True)
@db_option
@click.option("--since", metavar="YYYY-MM-DD", help="Only feed entries published on or after this day.")
@click.option("--pages", "pages_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where downloaded pages are kept (default: pages/ beside the database).")
@_fail_cleanly
def fetch(urls: tuple[str, ...], db_path: Path | None, since: str | None, pages_dir: Path | None) -> None:
    """Download pages and RSS/Atom feeds' articles over HTTP, then ingest them.

    Polite and repeatable for a daily cron: robots.txt is obeyed, requests
    time out and are retried with backoff, and an unchanged page or feed is
    not downloaded again (conditional GET). Exit code 1 when some URL failed.
    """
    from waqai.store.db import default_db_path, open_for_writing
    from waqai.store.fetch import Client, FetchState, fetch as run_fetch, parse_since
    from waqai.store.ingest import Article, ingest as run_ingest

    day = parse_since(since) if since else None
    path = Path(db_path or default_db_path())
    db = open_for_writing(path)
    state = FetchState.load(path.with_name(path.name + ".fetch-state.json"))
    summary = run_fetch(list(urls), pages_dir or path.parent / "pages", Client(state), day)
    stored = run_ingest(db, [Article(p.path, p.published, False, p.source, p.url) for p in summary.saved])
    if not stored.interrupted:
        state.save()
    echo(summary.line())
    echo(stored.line())
    for failure in summary.failures:
        echo(f"failed: {sanitize(failure)}", err=True)
    if stored.interrupted:
        sys.exit(130)
    if summary.failures:
        sys.exit(1)


def _edit_filters(func):
    for option in reversed([
        click.option("--marked", is_flag=True, help="Only events you marked (m in the explorer, waqai mark)."),
        click.option("--with-notes", "noted", is_flag=True, help="Only events with a note."),
        click.option("--include-hidden", "hidden", is_flag=True, help="Also the events hidden as noise (x in the explorer)."),
    ]):
        func = option(func)
    return func


@main.command(name="list")
@db_option
@_filters
@_edit_filters
@click.option("--limit", type=_SQLITE_INT, help="At most N events.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (contract shape).")
@click.option("--plain", is_flag=True, help="Logical-order text even on a terminal.")
@_fail_cleanly
def list_command(db_path, date_from, date_to, on, entity, query, limit, as_json, plain, marked=False, noted=False,
                 hidden=False) -> None:
    """List events in date order, filtered by date range, actor/place or text."""
    from waqai.store.queries import list_events, make_filter

    flt = make_filter(date_from, date_to, on, entity, query, marked=marked, noted=noted, hidden=hidden)
    db = open_store(db_path)
    if as_json:
        from waqai.store.edits import has_edits

        if not has_edits(db):
            from waqai.store.answer import events_json

            # Built in SQLite and passed on as bytes (already inert: controls escaped):
            # at 1M events building it in Python cost more than the query.
            echo_bytes(events_json(db, flt, limit))
            return
        from waqai.store.queries import contract_event

        # The analyst's marks, notes and corrections decorate events in Python.
        echo(safe_json([contract_event(e) for e in list_events(db, flt, limit)]))
        return
    events = list_events(db, flt, limit)
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

    db = open_store(db_path)
    event = get_event(db, event_id)
    if event is None:
        raise UserError(f"no event #{event_id}")
    if as_json:
        echo(safe_json(contract_event(event)))
        return
    _print_event_line(event, plain)
    if event["entities"]:
        echo("  actors/places: " + ", ".join(f"{e['name_en']} ({e['kind']})" for e in event["entities"]))
    from waqai.store.links import linked

    for link in linked(db, event_id):
        echo(f"  {link['relation']} #{link['id']} ({link['value']}):")
        _print_text(link["title"], plain, indent=4)
    for source in event["sources"]:
        echo("")
        from waqai.tui.cite import source_fields

        echo(f"  [{' · '.join(_shown(f, plain) for f in source_fields(source))}]")
        _print_text(source["title"] or "", plain, indent=2)
        _print_text("«" + source["sentence"] + "»", plain, indent=4)
        _print_fields([("date as written: ", source["timex"]), ("reported by: ", source.get("attribution") or "")], plain, 4)


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
@_edit_filters
@click.option("--format", "fmt", type=click.Choice(["md", "json", "csv", "timelinejs"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Write to FILE instead of standard output ('-' is standard output).")
@click.option("--limit", type=_SQLITE_INT)
@click.option("--lang", type=click.Choice(["ar", "en"]), default="ar", show_default=True,
              help="Language of the Markdown labels (headings, 'reported by', …).")
@click.option("--bom", is_flag=True, help="Start CSV with a UTF-8 byte order mark (for spreadsheet programs).")
@_fail_cleanly
def export(db_path, date_from, date_to, on, entity, query, fmt: str, output: Path | None, limit, lang: str, bom: bool,
           marked=False, noted=False, hidden=False) -> None:
    """Export the chronology (same filters as list) to Markdown, JSON, CSV or TimelineJS JSON."""
    from waqai.store.export import to_csv, to_json, to_markdown
    from waqai.store.queries import contract_event, list_events, make_filter
    from waqai.store.timelinejs import to_timelinejs

    flt = make_filter(date_from, date_to, on, entity, query, marked=marked, noted=noted, hidden=hidden)
    events = [contract_event(e) for e in list_events(open_store(db_path), flt, limit)]
    filters = [(k, v) for k, v in [("from", date_from), ("to", date_to), ("on", on), ("entity", entity), ("query", query),
                                   ("marked", "✓" if marked else None), ("noted", "✓" if noted else None),
                                   ("hidden", "✓" if hidden else None)] if v]
    text = {"md": lambda: to_markdown(events, filters=filters, lang=lang), "json": lambda: to_json(events),
            "csv": lambda: to_csv(events, bom=bom), "timelinejs": lambda: to_timelinejs(events)}[fmt]()
    if output is None or str(output) == "-":
        echo(text, nl=False)
        return
    write_atomically(output, text)
    echo(f"Wrote {len(events)} events to {output}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--dct", metavar="YYYY-MM-DD", help="Publication date (document creation time) for every file.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="manifest.json giving each file's date.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (contract shape).")
@click.option("--jsonl", "as_jsonl", is_flag=True,
              help="One record per article with everything ingest stores, for 'waqai load' (docs/extract-jsonl.md).")
@click.option("--source", help="With --jsonl: source name for files named on the command line.")
@click.option("--url", help="With --jsonl: URL for files named on the command line.")
@click.option("--field", "fields", multiple=True, metavar="ROLE=NAME", help="With --jsonl: dump field for a role, as for ingest.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --jsonl: worker processes (0: one per CPU).")
@_fail_cleanly
def extract(files: tuple[str, ...], dct: str | None, manifest: Path | None, as_json: bool, as_jsonl: bool,
            source: str | None, url: str | None, fields: tuple[str, ...], jobs: int) -> None:
    """Tag the temporal expressions of files ('-' reads standard input).

    With --jsonl, files, folders and dumps are read as ingest reads them and
    each article becomes one line that 'waqai load' stores.
    """
    from waqai.extract.reader import ARTICLE_SUFFIXES, article_from_bytes, read_article
    from waqai.extract.tagger import tag
    from waqai.store.ingest import parse_day, read_manifest

    default_day = parse_day(dct, "--dct") if dct is not None else None
    days: dict[str, date | None] = {}
    if manifest:
        days = {Path(file).name: (parse_day(row["published"], f"{manifest} ({file})") if row.get("published") else None)
                for file, row in read_manifest(manifest).items()}
    if as_jsonl:
        _extract_records(files, default_day, days, source, url, fields, jobs or os.cpu_count() or 1)
        return
    for name in files:
        suffix = Path(name).suffix.lower()
        if name != "-" and not Path(name).exists():
            raise UserError(f"{name}: no such file")
        if name != "-" and Path(name).is_dir():
            raise UserError(f"{name}: a folder; 'waqai extract --jsonl' reads folders, or name its files")
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
                echo(f"{base}\t{t.start}\t{t.end}\t{t.type}\t{t.value}\t{t.mod or ''}\t{_shown(t.text)}")


def _extract_records(files, day, days: dict, source, url, fields, jobs: int) -> None:
    """``extract --jsonl``: the records of files, folders and dumps, one line each."""
    from dataclasses import replace

    from waqai.extract.dumps import DumpError, FieldMap
    from waqai.store.ingest import Article, collect
    from waqai.store.records import extract_records

    if "-" in files:
        raise UserError("--jsonl reads files, folders and dumps, not standard input")
    try:
        field_map = FieldMap.parse(fields)
    except DumpError as error:
        raise UserError(str(error)) from None
    inputs = [replace(a, published=days[a.path.name]) if isinstance(a, Article) and a.path.name in days else a
              for a in collect(files, day, source, url, field_map)]
    bad_rows: list = []
    for item in extract_records(inputs, jobs, bad_rows):
        echo(safe_json(item))
    for row in bad_rows:
        echo(f"skipped {sanitize(row.locator)}: {sanitize(row.reason)}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@db_option
@_fail_cleanly
def load(files: tuple[Path, ...], db_path: Path | None) -> None:
    """Store records written by 'extract --jsonl' (.jsonl or .jsonl.gz), as ingest would.

    Same single writer, same merges, same skipping of stored texts; every line
    is checked before the first write.
    """
    from waqai.store.db import default_db_path, open_for_writing
    from waqai.store.records import load as run_load

    summary = run_load(open_for_writing(db_path or default_db_path()), list(files))
    echo(summary.line())
    if summary.interrupted:
        sys.exit(130)


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
    # Our page: a <title>, and fonts from textual-serve's static folder rather than Google's.
    templates = Path(__file__).resolve().parent / "web"
    Server(command, host=host, port=port, title="waqai — وقائع", templates_path=templates).serve()


main.add_command(importlib.import_module("waqai.tui.entities_cli").entities)  # waqai entities …

if __name__ == "__main__":
    from waqai.tui.cli import main as _main  # the importable module, which has every command registered

    _main()
else:
    from .edits_cli import COMMANDS as _ANALYST_COMMANDS

    for _command in _ANALYST_COMMANDS:
        main.add_command(_command)
