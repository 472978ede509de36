"""``waqai entities``: the actors and places of the archive, names the gazetteer lacks, adding names.

    waqai entities                      # actors and places in the archive, by number of events
    waqai entities --unknown            # frequent names the gazetteer does not know, with an example
    waqai entities find الحوثي          # what a name resolves to (or close names)
    waqai entities add "أبو فدك" --to pmf             # a new spelling of a known entity
    waqai entities add "لواء الطفوف" --kind group --en "Liwa al-Tafuf" --country IQ

Added names go to the user gazetteer (``gazetteer.json`` in the user config
directory, or ``$WAQAI_CONFIG_DIR``), merged over the bundled one; the
events already stored are re-linked from their stored sentences.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

from waqai.store.sanitize import safe_json, sanitize


def _cli():
    # Imported when a command runs: tui/cli.py imports this module to register it.
    from waqai.tui import cli

    return cli


def _fail_cleanly(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return _cli()._fail_cleanly(func)(*args, **kwargs)

    return wrapper


_db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    callback=lambda ctx, param, value: _cli()._inherited(ctx, param, value),  # waqai --db X entities …
    help="Database file (default: $WAQAI_DB, else waqai.db in the user data directory).",
)


@click.group(name="entities", invoke_without_command=True)
@_db_option
@click.option("--unknown", is_flag=True, help="List frequent names the gazetteer does not know.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N rows.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@_fail_cleanly
def entities(ctx: click.Context, db_path: Path | None, unknown: bool, limit: int, as_json: bool) -> None:
    """Actors and places: those in the archive, or (--unknown) names to add to the gazetteer."""
    if ctx.invoked_subcommand is not None:
        return
    db = _cli().open_store(db_path)
    if unknown:
        from waqai.store.entities import unknown_names

        found = unknown_names(db, limit)
        if as_json:
            click.echo(safe_json([u.as_json() for u in found]))
            return
        if not found:
            click.echo("No frequent unknown names.", err=True)
        for u in found:
            click.echo(f"{u.count:>5}  {sanitize(u.name)}  ({u.kind}, after {sanitize('/'.join(sorted(u.cues)))})")
            click.echo(f"       {u.doc}: {_shorten(sanitize(u.example), u.name)}")
        return
    rows = db.execute(
        "SELECT en.id, en.name, en.name_en, en.kind, COUNT(*) FROM entities en JOIN event_entities ee ON ee.entity_id = en.id"
        " GROUP BY en.id ORDER BY COUNT(*) DESC, en.name_en LIMIT ?", [limit]
    ).fetchall()
    if as_json:
        click.echo(safe_json([{"id": r[0], "name": r[1], "name_en": r[2], "kind": r[3], "events": r[4]} for r in rows]))
        return
    for entity_id, name, name_en, kind, n in rows:
        click.echo(f"{n:>6}  {kind:<7} {entity_id:<22} {sanitize(name_en or '')}  {sanitize(name)}")


def _shorten(sentence: str, name: str, width: int = 110) -> str:
    """The part of a long example sentence around the name."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    at = max(0, sentence.find(name) - width // 3)
    piece = sentence[at:at + width]
    return ("…" if at else "") + piece + ("…" if at + width < len(sentence) else "")


@entities.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_fail_cleanly
def find(name: str, as_json: bool) -> None:
    """Show the actor or place NAME resolves to (any alias, spelling or English name)."""
    from waqai.extract.gazetteer import gazetteer
    from waqai.store.entities import resolve_entity

    entity = gazetteer().entities[resolve_entity(name)]
    row = {"id": entity.id, "name": entity.name, "name_en": entity.name_en, "kind": entity.kind,
           "country": entity.country, "generic": entity.generic, "lat": entity.lat, "lon": entity.lon}
    if as_json:
        click.echo(safe_json(row))
        return
    where = f" · {entity.country}" if entity.country else ""
    coords = f" · {entity.lat}, {entity.lon}" if entity.lat is not None else ""
    click.echo(f"{entity.id}: {entity.name} — {entity.name_en} ({entity.kind}{where}{coords})")


@entities.command()
@click.argument("name")
@click.option("--to", "target", metavar="ENTITY", help="Add NAME as another name of ENTITY (id, name or English name).")
@click.option("--kind", type=click.Choice(["group", "person", "place", "country"]), help="Kind of a new entity.")
@click.option("--en", "name_en", metavar="TEXT", help="English name of a new entity.")
@click.option("--id", "entity_id", metavar="ID", help="Id of a new entity (default: from the English name).")
@click.option("--country", metavar="CC", help="ISO country code of a new entity (IQ, SY, YE…).")
@click.option("--lat", type=float, help="Latitude of a new place.")
@click.option("--lon", type=float, help="Longitude of a new place.")
@click.option("--no-relink", is_flag=True, help="Only write the user gazetteer; leave stored events as they are.")
@_db_option
@_fail_cleanly
def add(name: str, target: str | None, kind: str | None, name_en: str | None, entity_id: str | None,
        country: str | None, lat: float | None, lon: float | None, no_relink: bool, db_path: Path | None) -> None:
    """Add NAME to your gazetteer, as a spelling of an entity (--to) or a new one (--kind),
    and re-link the stored events (no re-ingest needed)."""
    from waqai.extract.gazetteer import user_gazetteer_path
    from waqai.store.entities import add_to_user_gazetteer, relink

    if target is None and kind is None:
        raise _cli().UserError("say what NAME is: --to ENTITY (another name of it) or --kind KIND (a new entity)")
    row = add_to_user_gazetteer(name, target, kind, name_en, entity_id, country, lat, lon)
    what = f"another name of {row['id']}" if target else f"a new {row['kind']} ({row['id']})"
    click.echo(f"Added {sanitize(name)} as {what} to {user_gazetteer_path()}")
    if no_relink:
        return
    from waqai.store.db import default_db_path, open_for_writing

    path = db_path or default_db_path()
    if not path.exists():
        return
    summary = relink(open_for_writing(path))
    click.echo(f"Re-linked {summary.events} events: {summary.events_with_entity_before} → "
               f"{summary.events_with_entity_after} with an actor or place, {summary.links_before} → {summary.links_after} links")
