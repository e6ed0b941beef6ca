"""Writing hand-made extractions through the store, and reading them back the
way a query command does (for the graph and brief tests)."""

from __future__ import annotations

from contextlib import contextmanager

from tradelink.store.db import ensure_schema, open_engine, open_reader, resolve


def write(url: str, extractions) -> None:
    from sqlalchemy.orm import Session

    from tradelink.store.write import ingest

    engine = open_engine(resolve(url))
    try:
        ensure_schema(engine)
        for x in extractions:
            with Session(engine) as s, s.begin():
                ingest(s, x)
    finally:
        engine.dispose()


@contextmanager
def written(request, tmp_path_factory, extractions):
    """A database holding ``extractions`` on the backend a ``BACKENDS``-parametrised
    fixture asked for (``request.param``); yields its ``--db`` URL."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("kb") / "kb.sqlite")
        write(url, extractions)
        yield url
        return
    with request.getfixturevalue("pg_server").database() as url:
        write(url, extractions)
        yield url


@contextmanager
def connect(url: str):
    """The read-only connection a query command opens."""
    with open_reader(resolve(url)) as reader:
        yield reader
