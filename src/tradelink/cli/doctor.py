"""`tradelink doctor`: check the database and say what is wrong, on one screen."""

from __future__ import annotations

import typer

from tradelink.cli.common import print_json, target


def doctor(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON object instead of the report."),
    sample: int = typer.Option(0, "--sample", min=0, metavar="N",
                               help="Check only the first N spans of each table [default: all]."),
) -> None:
    """Check the database: integrity, schema version, orphaned rows, spans, full-text index.

    Reads only; exits 1 when it finds a problem."""
    from tradelink.store import doctor as lib

    conn, label = lib.connect(target(ctx))
    try:
        diag = lib.diagnose(conn, label, span_sample=sample or None)
    finally:
        conn.close()
    if as_json:
        print_json(diag.as_dict())
    else:
        typer.echo(render(diag))
    raise typer.Exit(0 if diag.ok else 1)


def render(diag) -> str:
    """The report: one line per check, the table sizes, and a verdict."""
    lines = [f"tradelink doctor: {diag.database} ({diag.backend})"]
    width = max((len(c.name) for c in diag.checks), default=0)
    for c in diag.checks:
        lines.append(f"  {'ok' if c.ok else 'PROBLEM':<8} {c.name:<{width}}  {c.detail}")
    if diag.counts:
        lines.append("  holds " + ", ".join(f"{n:,} {t}" for t, n in diag.counts.items()))
    n = len(diag.problems)
    lines.append("no problems found" if n == 0 else f"{n} problem{'s' if n > 1 else ''} found")
    return "\n".join(lines)
