"""Query commands: read-only listings of what the knowledge base holds.

Each opens the database read-only (stdlib sqlite3 on SQLite), calls one
function of `tradelink.store.read` and prints the rows.
"""

from __future__ import annotations

import typer

from tradelink.cli.common import nonblank, note, print_json, print_rows, reader
from tradelink.store import read

JSON = typer.Option(False, "--json", help="Print a JSON array (the documented contract) and nothing else.")


def articles(ctx: typer.Context, as_json: bool = JSON) -> None:
    """List the stored articles."""
    with reader(ctx) as r:
        rows = read.articles(r)
    print_rows(rows, ("id", "published", "outlet", "title", "statements", "questions"),
               as_json=as_json, title="Articles")


def actors(ctx: typer.Context,
           type: str = typer.Option(None, "--type", "-t", metavar="TYPE",
                                    help="Only this type: person, organization, government, group, media."),
           as_json: bool = JSON) -> None:
    """List actors with their type, roles, aliases and number of mentions."""
    with reader(ctx) as r:
        rows = read.actors(r, type=type)
    print_rows(rows, ("name", "type", "roles", "aliases", "mentions"), as_json=as_json, title="Actors")


def actor(ctx: typer.Context, name: str = typer.Argument(..., help="A name or alias, e.g. nvidia."),
          as_json: bool = JSON) -> None:
    """Show one actor's profile: aliases, roles, statements, links and articles."""
    with reader(ctx) as r:
        profile = read.actor(r, name)
    if as_json:
        print_json(profile)
        return
    from tradelink.report.summary import actor_text

    typer.echo(actor_text(profile), nl=False)


def quotes(ctx: typer.Context,
           speaker: str = typer.Option(None, "--speaker", "-s", callback=nonblank, help="Only this speaker (any alias)."),
           about: str = typer.Option(None, "--about", "-a", callback=nonblank, help="Only quotes whose text or sentence mentions TERM."),
           as_json: bool = JSON) -> None:
    """Who said what: direct quotes and reported speech."""
    with reader(ctx) as r:
        rows = read.quotes(r, speaker=speaker, about=about)
    if not as_json:
        for row in rows:
            row["speaker"] = row["speaker"] or (f"({row['speaker_descriptor']})" if row["speaker_descriptor"] else "")
    print_rows(rows, ("speaker", "kind", "verb", "medium", "hedge", "text"), as_json=as_json, title="Quotes")


def questions(ctx: typer.Context,
              about: str = typer.Option(None, "--about", "-a", callback=nonblank, metavar="TEXT",
                                        help="Only questions with every word of TEXT (stemmed: \"chip\" finds chips)."),
              article: str = typer.Option(None, "--article", callback=nonblank, metavar="ID",
                                          help="Only this article's questions (its id or a prefix)."),
              limit: int = typer.Option(read.QUESTIONS_LIMIT, "--limit", "-n", metavar="N",
                                        help="Show the N newest (0 for all)."),
              as_json: bool = JSON) -> None:
    """The open questions, newest article first, each follow-up under its headline question."""
    with reader(ctx) as r:
        rows, more = read.newest_questions(r, limit=limit, about=about, article=article)
    if as_json:
        print_json(rows)
    else:
        from tradelink.report.summary import questions_text

        typer.echo(questions_text(rows), nl=False)
    if more:
        note(more)


def commodities(ctx: typer.Context, as_json: bool = JSON) -> None:
    """List commodities (chips, magnets, minerals) and their aliases."""
    with reader(ctx) as r:
        rows = read.commodities(r)
    print_rows(rows, ("name", "category", "aliases"), as_json=as_json, title="Commodities")


def policies(ctx: typer.Context, as_json: bool = JSON) -> None:
    """List policies: bans, freezes, licences, deals, with actor, status and date."""
    with reader(ctx) as r:
        rows = read.policies(r)
    print_rows(rows, ("name", "kind", "actor", "target", "status", "when", "evidence"),
               as_json=as_json, title="Policies")


def links(ctx: typer.Context,
          about: str = typer.Option(None, "--about", "-a", callback=nonblank, help="Only links touching TERM (a name, alias or word)."),
          source: str = typer.Option(None, "--from", callback=nonblank, metavar="A", help="Only links from A (a name or alias)."),
          target: str = typer.Option(None, "--to", callback=nonblank, metavar="B", help="Only links to B (a name or alias)."),
          relation: str = typer.Option(None, "--relation", "-r", callback=nonblank, metavar="R",
                                       help="Only links of relation R, e.g. exchanged_for."),
          as_json: bool = JSON) -> None:
    """How chips, magnets, policies and actors are linked."""
    with reader(ctx) as r:
        rows = read.links(r, about=about, source=source, target=target, relation=relation)
    print_rows(rows, ("source", "relation", "target", "policy", "hedge", "evidence"),
               as_json=as_json, title="Links")


def timeline(ctx: typer.Context, as_json: bool = JSON) -> None:
    """Dated policies, statements and time expressions, earliest first."""
    with reader(ctx) as r:
        rows = read.timeline(r)
    print_rows(rows, ("date", "kind", "what", "time_text", "text"), as_json=as_json, title="Timeline")
