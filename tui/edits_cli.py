"""``waqai edits``: list, export, import and undo the analyst's edits; ``mark`` and ``note`` from the shell.

Registered on the main group by ``tui/cli.py``; the logic is in ``store/edits.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from waqai.store.sanitize import safe_json

from .cli import UserError, _fail_cleanly, db_option, open_store


def _describe(edit: dict) -> str:
    from waqai.store.sanitize import sanitize

    target = f"#{edit['event_id']}" if edit["event_id"] is not None else "(article not in this database)"
    value = edit["value"]
    if edit["kind"] == "date":
        stored = json.loads(value)
        value = " ".join(filter(None, [stored["value"], stored.get("mod")]))
    elif edit["kind"] in ("mark", "hide"):
        value = {"1": "on", "0": "off"}[value]
    elif edit["kind"] == "merge":
        value = "absorbed the event reported at offset " + str(json.loads(value)["other"][3])
    elif edit["kind"] == "split":
        value = "this source taken off into an event of its own"
    elif edit["kind"] == "published":
        stored = json.loads(value)
        value = f"publication date {stored['published']} (was {stored['was'] or 'unknown'})"
        target = "(document)" if edit["doc"] else target
    where = f"{edit['doc'] or edit['doc_sha256'][:12]}:{edit['timex_start']}"
    return sanitize(f"{edit['id']:>4}  {edit['created_at']}  {target:<8} {edit['kind']:<5} {value}  [{where}]")


@click.group(name="edits", invoke_without_command=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the edits as JSON.")
@click.pass_context
@_fail_cleanly
def edits(ctx: click.Context, db_path: Path | None, as_json: bool) -> None:
    """List the analyst's edits (marks, notes, hides, date and title corrections), oldest first.

    Edits are kept beside the machine's output, keyed by the article's
    SHA-256 and offsets, so they survive re-ingesting the articles.
    """
    if ctx.invoked_subcommand is not None:
        return
    from waqai.store.edits import list_edits

    rows = list_edits(open_store(db_path))
    if as_json:
        click.echo(safe_json(rows))
        return
    for row in rows:
        click.echo(_describe(row))
    if not rows:
        click.echo("No edits yet.", err=True)


@edits.command(name="export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@_fail_cleanly
def export_command(file: Path, db_path: Path | None) -> None:
    """Write every edit to FILE (JSON), for another database or a rebuilt one."""
    from waqai.store.edits import export_edits

    data = export_edits(open_store(db_path))
    try:
        file.write_text(safe_json(data, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write {file}: {error.strerror}") from None
    click.echo(f"Wrote {len(data['edits'])} edits to {file}", err=True)


@edits.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@_fail_cleanly
def import_command(file: Path, db_path: Path | None) -> None:
    """Add the edits of FILE (written by ``waqai edits export``) to this database.

    A database that does not exist yet is created empty: the edits wait for
    their articles, and apply when those are ingested.
    """
    from waqai.store.db import default_db_path, open_for_writing
    from waqai.store.edits import import_edits

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UserError(f"{file}: not a waqai edits file ({error})") from None
    added, present = import_edits(open_for_writing(db_path or default_db_path()), data)
    click.echo(f"Imported {added} edits ({present} already present)")


@edits.command()
@db_option
@_fail_cleanly
def undo(db_path: Path | None) -> None:
    """Undo the newest edit."""
    from waqai.store.edits import undo_last

    done = undo_last(open_store(db_path))
    if done is None:
        raise UserError("no edit to undo")
    click.echo(f"Undid edit {done['id']} ({done['kind']})" + (f" of event #{done['event_id']}" if done["event_id"] else ""))


@click.command()
@click.argument("event_id", type=int)
@db_option
@click.option("--off", is_flag=True, help="Remove the mark.")
@_fail_cleanly
def mark(event_id: int, db_path: Path | None, off: bool) -> None:
    """Mark an event for the working chronology (list --marked, export --marked)."""
    from waqai.store.edits import add_edit

    add_edit(open_store(db_path), event_id, "mark", "0" if off else "1")
    click.echo(f"#{event_id} {'unmarked' if off else 'marked'}")


@click.command()
@click.argument("event_id", type=int)
@click.argument("text")
@db_option
@_fail_cleanly
def note(event_id: int, text: str, db_path: Path | None) -> None:
    """Set the note of an event (an empty TEXT removes it)."""
    from waqai.store.edits import add_edit

    add_edit(open_store(db_path), event_id, "note", text)
    click.echo(f"#{event_id} note {'set' if text.strip() else 'removed'}")


COMMANDS = [edits, mark, note]


@click.command()
@click.argument("kept", type=int)
@click.argument("absorbed", type=int)
@db_option
@_fail_cleanly
def merge(kept: int, absorbed: int, db_path: Path | None) -> None:
    """Merge event ABSORBED into KEPT: two reports of one happening (waqai edits undo reverses it)."""
    from waqai.store.regroup import merge as merge_events

    merge_events(open_store(db_path), kept, absorbed)
    click.echo(f"#{absorbed} merged into #{kept}")


@click.command()
@click.argument("event_id", type=int)
@click.argument("source", type=int)
@db_option
@_fail_cleanly
def split(event_id: int, source: int, db_path: Path | None) -> None:
    """Take source number SOURCE (as waqai show lists them) off an event into an event of its own."""
    from waqai.store.regroup import split as split_source

    new = split_source(open_store(db_path), event_id, source)
    click.echo(f"source {source} of #{event_id} is now event #{new}")


@click.command()
@click.argument("document")
@click.argument("published", metavar="YYYY-MM-DD")
@db_option
@_fail_cleanly
def redate(document: str, published: str, db_path: Path | None) -> None:
    """Correct a document's publication date (its file name, or a SHA-256 prefix); its relative dates are resolved again."""
    from waqai.store.redate import redate as redate_document

    done = redate_document(open_store(db_path), document, published)
    click.echo(f"{done['doc']}: published {done['published']} (was {done['was'] or 'unknown'}); its dates resolved again")


COMMANDS += [merge, split, redate]
