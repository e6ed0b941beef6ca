"""`tradelink ingest PATH...`: read articles into the knowledge base."""

from __future__ import annotations

import datetime as dt
import os

import typer

from tradelink.cli.common import is_tty, note, target
from tradelink.errors import UsageError


def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., metavar="PATH...",
                                      help="Article files or folders (*.txt, *.md, *.html); - reads stdin."),
    title: str = typer.Option(None, "--title", help="Title (overrides the article and its .meta.json)."),
    url: str = typer.Option(None, "--url", help="Source URL."),
    outlet: str = typer.Option(None, "--outlet", help="Outlet name, e.g. Reuters."),
    published: str = typer.Option(None, "--published", metavar="YYYY-MM-DD", help="Publication date."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Parallel parser processes [default: CPU count]."),
    encoding: str = typer.Option(None, "--encoding", help="Text encoding of the files, if not UTF-8."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1, help="Refuse files larger than this."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print one line per article."),
) -> None:
    """Read articles into the database: files, folders or - (stdin); same text twice is a no-op."""
    from tradelink import bulk, inputs

    meta = _meta(title=title, url=url, outlet=outlet, published=published)
    if encoding is not None:
        inputs.check_encoding(encoding)
    sources, missing = inputs.collect(paths)
    if ("title" in meta or "url" in meta) and len(sources) > 1:
        raise UsageError("--title and --url describe one article; ingest one file at a time with them")
    where = target(ctx)
    opts = bulk.Options(meta=meta, encoding=encoding, max_bytes=max_bytes, known=_known_ids(where))
    outcomes = bulk.run(sources, lambda: _open_store(where), opts=opts, jobs=jobs or os.cpu_count())
    tally = {"new": 0, "duplicate": 0, "failed": 0}
    code = max((e.exit_code for e in missing), default=0)
    for err in missing:
        note(f"error: {err}")
        tally["failed"] += 1
    finished = False
    try:
        for out in _progress(outcomes, len(sources)):
            tally[out.status] += 1
            for w in out.warnings:
                note(f"warning: {w}")
            if out.status == "failed":
                note(f"error: {out.reason}")
                code = max(code, out.exit_code)
            elif verbose:
                typer.echo(f"{out.status}\t{out.article_id}\t{out.name}")
        finished = True
    finally:  # when the database fails mid-run, say what was done before it did
        if finished or any(tally.values()):
            typer.echo(f"{tally['new']} new, {tally['duplicate']} duplicates skipped, {tally['failed']} failed")
    raise typer.Exit(code)


def _meta(**given) -> dict:
    meta = {k: v for k, v in given.items() if v is not None}
    if "published" in meta:
        try:
            meta["published"] = dt.date.fromisoformat(meta["published"])
        except ValueError:
            raise UsageError(f"--published {given['published']}: not a date; use YYYY-MM-DD") from None
    return meta


def _known_ids(where) -> frozenset[str]:
    """Ids of the articles already stored (so their files are not extracted again)."""
    if where.is_sqlite and (where.path is None or not where.path.is_file()):
        return frozenset()
    from tradelink.errors import DatabaseError
    from tradelink.store.db import open_reader
    from tradelink.store.read import article_ids

    try:
        with open_reader(where) as r:
            return frozenset(article_ids(r))
    except DatabaseError:
        return frozenset()  # opening for writing says what is wrong


def _open_store(where):
    from tradelink.store.db import ensure_schema, open_engine

    engine = open_engine(where)
    ensure_schema(engine)
    return engine


def _progress(outcomes, total: int):
    """Pass outcomes through, with a progress bar on stderr when both streams are a terminal."""
    import sys

    if total < 2 or not (is_tty() and sys.stderr.isatty()):
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingesting", total=total)
        for out in outcomes:
            bar.advance(task)
            yield out


