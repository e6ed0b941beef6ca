"""`tradelink search QUERY`: full-text search over sentences, quotes and questions."""

from __future__ import annotations

import os
import re
import sys

import typer

from tradelink.cli.common import is_tty, print_json, reader


def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="Words to find (all of them; \"chip\" also finds chips)."),
    limit: int = typer.Option(20, "--limit", "-n", help="Show at most N hits."),
    kind: str = typer.Option(None, "--kind", "-k", metavar="KIND[,KIND]",
                             help="Only these kinds of hit: quote, question, sentence."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array and nothing else."),
) -> None:
    """Ranked full-text search; shows each match highlighted and the article it is in."""
    from tradelink.store.search import KINDS
    from tradelink.store.search import search as run

    with reader(ctx) as r:
        kinds = tuple(k.strip() for k in kind.split(",") if k.strip()) if kind else KINDS
        hits = run(r.conn, query, limit=limit, kinds=kinds)
    if as_json:
        print_json(hits)
    elif is_tty():
        _table(hits)
    else:
        _plain(hits)


def _who(hit: dict) -> str:
    return hit["speaker"] or hit["section"] or ""


def _segments(hit: dict) -> list[tuple[str, bool]]:
    """The hit's text as (piece, matched) pieces, whitespace runs squeezed to one space."""
    text, base, out, pos = hit["text"], hit["start"], [], 0
    for start, end in hit["highlights"]:
        out += [(text[pos:start - base], False), (text[start - base:end - base], True)]
        pos = end - base
    out.append((text[pos:], False))
    return [(re.sub(r"\s+", " ", piece), hot) for piece, hot in out if piece]


def _plain(hits: list[dict]) -> None:
    lines = ["rank\tkind\tarticle\ttitle\twho\tmatch"]
    for h in hits:
        match = "".join(f"**{p}**" if hot else p for p, hot in _segments(h)).strip()
        title = " ".join((h["title"] or "").split())
        lines.append("\t".join([str(h["rank"]), h["kind"], h["article"], title, _who(h), match]))
    sys.stdout.write("\n".join(lines) + "\n")


def _table(hits: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(no_color="NO_COLOR" in os.environ or None, highlight=False)
    if not hits:
        console.print("(nothing found)")
        return
    table = Table(show_lines=False)
    for col in ("#", "kind", "who", "match", "article"):
        table.add_column(col, overflow="fold")
    for h in hits:
        match = Text()
        for piece, hot in _segments(h):
            match.append(piece, style="bold reverse" if hot else None)
        title = h["title"] or ""
        table.add_row(str(h["rank"]), h["kind"], _who(h), match,
                      f"{title} ({h['article']})" if title else h["article"])
    console.print(table)
