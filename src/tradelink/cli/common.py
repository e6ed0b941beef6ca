"""What every command shares: the database target and how rows are printed.

Output rules: ``--json`` prints one JSON array and nothing else on stdout; a
terminal gets a rich table (colour off under ``NO_COLOR``); a pipe gets plain
tab-separated text with a header line.  Messages and errors go to stderr.
Standard library at the top; rich is imported only when a terminal needs it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence

import typer

from tradelink.store.db import Reader, Target, open_reader, resolve


def target(ctx: typer.Context) -> Target:
    """The database chosen by ``--db``, ``$TRADELINK_DB`` or the default."""
    root = ctx.find_root()
    return resolve((root.obj or {}).get("db"))


def reader(ctx: typer.Context) -> Reader:
    """A read-only connection; says so (and creates nothing) when there is no database."""
    return open_reader(target(ctx))


def nonblank(value: str | None) -> str | None:
    """Option callback: an empty name or term is a usage error, not "no filter"
    (a script passing an empty variable would otherwise get every row)."""
    if value is not None and not value.strip():
        raise typer.BadParameter("is empty; give a name or term")
    return value


def is_tty() -> bool:
    return sys.stdout.isatty()


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return " ".join(str(value).split())


def print_rows(rows: list[dict], columns: Sequence[str], *, as_json: bool,
               title: str | None = None) -> None:
    """Print ``rows``: JSON, a rich table on a terminal, or tab-separated text."""
    if as_json:
        print_json(rows)
        return
    if is_tty():
        from rich.console import Console
        from rich.table import Table

        console = Console(no_color="NO_COLOR" in os.environ or None, highlight=False)
        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(_escape(_cell(row.get(c))) for c in columns))
        console.print(table)
        if not rows:
            console.print("(nothing found)")
        return
    out = ["\t".join(columns)]
    out += ["\t".join(_cell(row.get(c)) for c in columns) for row in rows]
    sys.stdout.write("\n".join(out) + "\n")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def note(message: str) -> None:
    """A message for the user on stderr (never on stdout, which scripts read)."""
    typer.echo(message, err=True)
