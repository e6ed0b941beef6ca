"""`tradelink reparse`: read stored articles again with the current parser."""

from __future__ import annotations

import sys

import typer

from tradelink.cli.common import is_tty, note, target


def reparse(
    ctx: typer.Context,
    everything: bool = typer.Option(False, "--all", help="Every article, not only those read by an older parser."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print one line per article."),
) -> None:
    """Re-extract stored articles with this tradelink's parser, replacing their records."""
    from tradelink import PARSER_VERSION
    from tradelink.errors import DatabaseError
    from tradelink.store import migrate, reparse as lib
    from tradelink.store.db import open_engine

    where = target(ctx)
    if where.path is not None and not where.path.exists():
        raise DatabaseError(f"no database at {where.path}; run `tradelink ingest PATH` first to create it")
    engine = open_engine(where)
    try:
        migrate.upgrade(engine)
        ids = lib.pending(engine, everything=everything)
        if not ids:
            typer.echo(f"nothing to reparse: every article was read by parser version {PARSER_VERSION}")
            return
        done = failed = 0
        for out in _progress(lib.reparse(engine, ids), len(ids)):
            if out.ok:
                done += 1
                if verbose:
                    typer.echo(f"reparsed\t{out.article_id}\t{out.title or ''}")
            else:
                failed += 1
                note(f"error: {out.article_id}: {out.error} (its old records are kept)")
    finally:
        engine.dispose()
    typer.echo(f"{done} reparsed with parser version {PARSER_VERSION}, {failed} failed")
    raise typer.Exit(1 if failed else 0)


def _progress(items, total: int):
    if total < 2 or not (is_tty() and sys.stderr.isatty()):
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("reparsing", total=total)
        for item in items:
            bar.advance(task)
            yield item
