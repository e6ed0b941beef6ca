"""`tradelink export`: the summary of the knowledge base as Markdown or JSON."""

from __future__ import annotations

import typer

from tradelink.cli.common import reader
from tradelink.errors import UsageError

FORMATS = ("md", "json")


def export(
    ctx: typer.Context,
    format: str = typer.Option("md", "--format", "-f", metavar="md|json", help="Output format."),
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
) -> None:
    """The summary: sources, key actors and roles, who said what, policies, links, open questions."""
    from tradelink.report import summary

    fmt = {"markdown": "md"}.get(format.lower(), format.lower())
    if fmt not in FORMATS:
        raise UsageError(f"--format {format}: unknown format; use md or json")
    with reader(ctx) as r:
        data = summary.build(r)
    text = summary.render(data, fmt)
    if output is None or output == "-":
        typer.echo(text, nl=False)
        return
    summary.write_file(output, text, force=force)
    typer.echo(f"wrote {output}", err=True)
