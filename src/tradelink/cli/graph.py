"""``tradelink path A B`` and ``tradelink graph --format F``: the link graph."""

from __future__ import annotations

import sys

import typer

from tradelink.cli import common
from tradelink.errors import UsageError

GRAPH_FORMATS = ("dot", "mermaid", "graphml", "json", "svg")


def parse_since(value: str | None):
    """``--since YYYY-MM-DD`` as a date."""
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--since {value}: not a date; use YYYY-MM-DD") from None


def path(ctx: typer.Context,
         a: str = typer.Argument(..., metavar="A", help="An actor, commodity or policy (any alias)."),
         b: str = typer.Argument(..., metavar="B", help="Another one."),
         max_hops: str = typer.Option("4", "--max-hops", "-n", metavar="N",
                                      help="The longest path to look for, in links (1 to 12)."),
         evidence: str = typer.Option("3", "--evidence", "-e", metavar="N",
                                      help="Links shown per step, newest first (0 for all)."),
         as_json: bool = typer.Option(False, "--json", help="Print JSON (a list of paths).")) -> None:
    """How is A linked to B? The shortest paths over the links, each step with its evidence.

    Links count in either direction (each step says which way it runs), and a
    link that runs through a policy also joins its ends to that policy. Each
    step shows its newest N links (--evidence, default 3; 0 shows all) and
    says how many more it rests on (`links_total` in JSON)."""
    from tradelink.store.graph import shortest_paths

    if not max_hops.strip().isdigit() or not 1 <= int(max_hops) <= 12:
        raise UsageError(f"--max-hops {max_hops}: not a number from 1 to 12")
    if not (evidence.strip().isascii() and evidence.strip().isdigit()):
        raise UsageError(f"--evidence {evidence}: not a number (0 shows every link)")
    hops = int(max_hops)
    with common.reader(ctx) as r:
        found = shortest_paths(r, a, b, max_hops=hops, evidence=int(evidence))
    if as_json:
        common.print_json([p.as_dict() for p in found])
    else:
        from tradelink.report.graph import paths_text

        if found:
            sys.stdout.write(paths_text(found))
    if not found:
        common.note(f"no path of at most {hops} links joins {a!r} and {b!r}")
        raise typer.Exit(1)


def graph(ctx: typer.Context,
          fmt: str = typer.Option("dot", "--format", "-f", metavar="|".join(GRAPH_FORMATS),
                                  help="dot, mermaid, graphml, json or svg."),
          output: str = typer.Option(None, "--output", "-o", metavar="FILE",
                                     help="Write to FILE instead of stdout."),
          article: str = typer.Option(None, "--article", help="Only this article's links (id or prefix)."),
          since: str = typer.Option(None, "--since", metavar="DATE",
                                    help="Only articles published (else ingested) on or after DATE.")) -> None:
    """Export the link graph: nodes are actors, commodities and policies; edges are links."""
    fmt = fmt.lower()
    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"--format {fmt}: unknown format; use {', '.join(GRAPH_FORMATS[:-1])} "
                         f"or {GRAPH_FORMATS[-1]}")
    from tradelink.report import graph as render
    from tradelink.store.graph import load_graph

    with common.reader(ctx) as r:
        g = load_graph(r, article=article, since=parse_since(since))
    text = render.to_svg(g) + "\n" if fmt == "svg" else render.render(g, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    from pathlib import Path

    Path(output).write_text(text, encoding="utf-8")
    common.note(f"wrote {output}: {len(g.nodes)} nodes, {len(g.edges)} edges")
