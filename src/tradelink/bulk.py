"""Bulk ingest: read and extract many files in parallel, store them in batches.

`run` yields one `Outcome` per source, in order: ``new``, ``duplicate`` or
``failed`` with a one-line reason.  Extraction is pure, so worker processes
read and extract files and send back their records as plain tuples
(`tradelink.store.plain`: cheaper to unpickle than `Extraction`); the parent alone
writes, one batch transaction at a time (`_write`), so every article is stored
whole or not at all, and one bad file never costs the others.

Nothing here prints; the CLI renders progress from the outcomes.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from tradelink.errors import DatabaseError, TradelinkError
from tradelink.inputs import DEFAULT_MAX_BYTES, Source

BATCH = 64  # articles per write transaction
CHUNK = 8  # files per task sent to a worker
IN_PROCESS_BELOW = 16  # fewer files than this: no worker processes
RETRIES = 2  # an article that meets a concurrent writer's row is tried again


@dataclass(slots=True)
class Options:
    """What applies to every file: metadata overrides and input limits."""

    meta: dict = field(default_factory=dict)  # ArticleMeta fields given on the command line
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    known: frozenset[str] = frozenset()  # ids of articles already stored: not extracted again


@dataclass(slots=True)
class Outcome:
    name: str
    status: Literal["new", "duplicate", "failed"]
    article_id: str | None = None
    title: str | None = None
    reason: str | None = None
    exit_code: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Parsed:
    name: str
    extraction: object | None = None  # store.plain.Plain: cheap to send between processes
    duplicate: str | None = None  # the id of an article already stored
    reason: str | None = None
    exit_code: int = 1
    warnings: list[str] = field(default_factory=list)


def parse(source: Source, opts: Options) -> _Parsed:
    """Read and extract one source; every failure becomes a one-line reason."""
    from tradelink import inputs
    from tradelink.extract import extract
    from tradelink.models import ArticleMeta, article_id
    from tradelink.store.plain import plain

    try:
        got = inputs.read(source, encoding=opts.encoding, max_bytes=opts.max_bytes)
        if opts.known:
            aid = article_id(got.text)
            if aid in opts.known:
                return _Parsed(source.name, duplicate=aid, warnings=list(got.warnings))
        meta = got.meta or ArticleMeta()
        if opts.meta:
            meta = meta.model_copy(update=opts.meta)
        x = extract(got.text, meta, source=None if source.path is None else str(source.path))
        return _Parsed(source.name, plain(x), warnings=list(got.warnings))
    except TradelinkError as err:
        msg = str(err)
        if not msg.startswith(source.name):
            msg = f"{source.name}: {msg}"
        return _Parsed(source.name, reason=msg, exit_code=err.exit_code)
    except Exception as err:  # a parser bug must not lose the other files
        return _Parsed(source.name, reason=f"{source.name}: could not be read as an article "
                       f"({type(err).__name__}: {_first_line(err)}); please report this",
                       exit_code=1)


_WORKER_OPTIONS: Options | None = None


def _set_options(opts: Options) -> None:
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = opts


def _parse_chunk(sources: list[Source], opts: Options | None) -> list[_Parsed]:
    opts = opts or _WORKER_OPTIONS or Options()
    return [parse(s, opts) for s in sources]


def parsed(sources: Sequence[Source], opts: Options, jobs: int) -> Iterator[_Parsed]:
    """Parse every source, in order; in worker processes when there are many."""
    local = [s for s in sources if s.path is None]  # stdin is read here
    files = [s for s in sources if s.path is not None]
    for s in local:
        yield parse(s, opts)
    if jobs <= 1 or len(files) < IN_PROCESS_BELOW:
        for s in files:
            yield parse(s, opts)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(CHUNK, len(files) // (jobs * 4) or 1))
    chunks = [files[i:i + chunk] for i in range(0, len(files), chunk)]
    # The options (with the set of known ids) go to each worker once, not with every task.
    with ProcessPoolExecutor(max_workers=jobs, initializer=_set_options, initargs=(opts,)) as pool:
        pending: deque = deque()
        todo = iter(chunks)
        for c in todo:  # keep a bounded window in flight so memory stays flat
            pending.append(pool.submit(_parse_chunk, c, None))
            if len(pending) >= jobs * 4:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def run(sources: Sequence[Source], engine_factory: Callable[[], object], *,
        opts: Options | None = None, jobs: int | None = None, batch: int = BATCH) -> Iterator[Outcome]:
    """Ingest every source; yield an `Outcome` per source once its batch is committed.

    ``engine_factory`` is called on the first article to store, so a run in
    which every file fails creates no database; the engine is disposed at the end."""
    opts = opts or Options()
    jobs = jobs or os.cpu_count() or 1
    engine = None
    buffer: list[_Parsed] = []
    try:
        for item in parsed(sources, opts, jobs):
            if item.duplicate is not None:
                if buffer:
                    yield from _write(engine, buffer)
                    buffer = []
                yield Outcome(item.name, "duplicate", item.duplicate, warnings=item.warnings)
                continue
            if item.extraction is None:
                if buffer:  # keep outcomes in order
                    yield from _write(engine, buffer)
                    buffer = []
                yield Outcome(item.name, "failed", reason=item.reason, exit_code=item.exit_code,
                              warnings=item.warnings)
                continue
            if engine is None:
                engine = engine_factory()
                if engine.dialect.name != "sqlite":
                    batch = 1  # a transaction per article: concurrent writers never deadlock
            buffer.append(item)
            if len(buffer) >= batch:
                yield from _write(engine, buffer)
                buffer = []
        if buffer:
            yield from _write(engine, buffer)
    finally:
        if engine is not None:
            engine.dispose()


def _write(engine, items: list[_Parsed]) -> list[Outcome]:
    """Store a batch in one transaction; an article that cannot be stored costs only itself.

    On SQLite the batch is first written without a savepoint per article (a
    savepoint makes SQLite's full-text indexes write out their pending terms,
    so a savepoint per article cost a third of the writer's time).  If any
    article fails, that transaction is rolled back whole and the batch is
    written again with a savepoint per article, so every article is still
    stored whole or not at all and the failure is reported against its own
    file.  PostgreSQL batches hold one article (`run`): savepoints, as before."""
    from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

    try:
        if len(items) > 1 and engine.dialect.name == "sqlite":
            try:
                return _write_whole(engine, items)
            except (IntegrityError, TradelinkError):
                pass  # rolled back: redo the batch an article at a time
        return _write_each(engine, items)
    except OperationalError as err:
        raise DatabaseError(f"cannot write to {engine.url.render_as_string(hide_password=True)}: "
                            f"{_first_line(err.orig or err)}") from err
    except SQLAlchemyError as err:
        raise DatabaseError(f"database error while storing: {_first_line(err)}") from err


def _write_whole(engine, items: list[_Parsed]) -> list[Outcome]:
    """The batch in one transaction without savepoints; any error rolls it all back."""
    from sqlalchemy.orm import Session

    from tradelink.store.write import ingest

    with Session(engine) as session, session.begin():
        results = [(item, ingest(session, item.extraction)) for item in items]
    return [Outcome(item.name, res.status, res.article_id, res.title, warnings=item.warnings)
            for item, res in results]


def _write_each(engine, items: list[_Parsed]) -> list[Outcome]:
    """The batch in one transaction with a savepoint per article."""
    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm import Session

    from tradelink.store.write import ingest

    out: list[Outcome] = []
    with Session(engine) as session, session.begin():
        for item in items:
            x = item.extraction
            for attempt in range(RETRIES + 1):
                try:
                    with session.begin_nested():
                        res = ingest(session, x)
                    out.append(Outcome(item.name, res.status, res.article_id, res.title,
                                       warnings=item.warnings))
                    break
                except IntegrityError as err:
                    # Another writer stored the same article or entity meanwhile
                    # (PostgreSQL): the retry sees its row and resolves to it.
                    if attempt < RETRIES:
                        continue
                    failed = err
                except TradelinkError as err:
                    failed = err
                out.append(Outcome(item.name, "failed", x.article.id, x.article.title,
                                   reason=f"{item.name}: could not be stored ({_first_line(failed)})",
                                   exit_code=1, warnings=item.warnings))
                break
    return out


def _first_line(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0]
