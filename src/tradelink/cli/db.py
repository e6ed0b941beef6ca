"""`tradelink db ...`: the database itself (schema version, upgrades)."""

from __future__ import annotations

import typer

from tradelink.cli.common import print_json, target

app = typer.Typer(help="The database itself: its schema version and upgrades.",
                  no_args_is_help=True)


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Create or upgrade the schema to this tradelink's version (writes happen on open anyway)."""
    from tradelink.store import migrate
    from tradelink.store.db import open_engine

    where = target(ctx)
    engine = open_engine(where)
    try:
        before = migrate.current_version(engine)
        after = migrate.upgrade(engine)
    finally:
        engine.dispose()
    if before == after:
        typer.echo(f"{where.label}: schema version {after}, already current")
    elif before == 0:
        typer.echo(f"{where.label}: created schema version {after}")
    else:
        typer.echo(f"{where.label}: upgraded schema version {before} to {after}")


@app.command("version")
def version(ctx: typer.Context,
            as_json: bool = typer.Option(False, "--json", help="Print a JSON object.")) -> None:
    """Show the database's schema version and the newest this tradelink knows."""
    from tradelink import PARSER_VERSION
    from tradelink.store import migrate
    from tradelink.store.db import open_reader

    with open_reader(target(ctx)) as reader:
        stored = reader.rows("SELECT value FROM meta WHERE key = 'schema_version'")
        outdated = reader.rows(
            "SELECT count(*) AS n FROM articles WHERE parser_version < :v", {"v": PARSER_VERSION})
    found = int(stored[0]["value"]) if stored else 0
    info = {"schema_version": found, "schema_head": migrate.SCHEMA_VERSION,
            "parser_version": PARSER_VERSION, "articles_outdated": int(outdated[0]["n"])}
    if as_json:
        print_json(info)
        return
    typer.echo(f"schema version {found} (this tradelink: {migrate.SCHEMA_VERSION})"
               + ("; run `tradelink db upgrade`" if found < migrate.SCHEMA_VERSION else ""))
    typer.echo(f"parser version {PARSER_VERSION}; {info['articles_outdated']} articles read by "
               "an older parser" + ("; run `tradelink reparse`" if info["articles_outdated"] else ""))
