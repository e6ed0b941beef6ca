"""`tradelink export`: the brief (Markdown or one self-contained HTML file) or the
summary as JSON."""

from __future__ import annotations

import typer

from tradelink.cli.common import reader
from tradelink.errors import UsageError

FORMATS = ("md", "json", "html")


def export(
    ctx: typer.Context,
    format: str = typer.Option("md", "--format", "-f", metavar="md|html|json", help="Output format."),
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    article: str = typer.Option(None, "--article", metavar="ID",
                                help="Only this article (its id or the start of it); md and html."),
    since: str = typer.Option(None, "--since", metavar="DATE",
                              help="Only articles published (else ingested) on or after DATE; md and html."),
) -> None:
    """The brief: headline facts, who said what, open questions, policies, the link graph,
    a timeline and the sources. html is one self-contained file that fetches nothing."""
    from tradelink.report import summary

    fmt = {"markdown": "md", "htm": "html"}.get(format.lower(), format.lower())
    if fmt not in FORMATS:
        raise UsageError(f"--format {format}: unknown format; use md, html or json")
    if fmt == "json":
        if article or since:
            raise UsageError("--article and --since apply to md and html; "
                             "for JSON use the query commands' --json")
        with reader(ctx) as r:
            data = summary.build(r)
        text = summary.render(data, fmt)
    else:
        from tradelink.cli.graph import parse_since
        from tradelink.report import brief
        from tradelink.store.brief import collect

        with reader(ctx) as r:
            data = collect(r, article=article, since=parse_since(since))
        text = brief.to_html(data) if fmt == "html" else brief.to_markdown(data)
    if output is None or output == "-":
        typer.echo(text, nl=False)
        return
    summary.write_file(output, text, force=force)
    typer.echo(f"wrote {output}", err=True)
