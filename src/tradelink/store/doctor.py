"""`tradelink doctor`: check a database and say what is wrong with it.

`diagnose(conn)` runs every check on an open connection (stdlib
``sqlite3.Connection``, opened read-only, or a SQLAlchemy ``Connection`` for
PostgreSQL) and returns a `Diagnosis`. It never writes and never raises for a
problem it can describe: a problem is a failed `Check`, not an exception.

The checks:

* **integrity**: ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``
  on SQLite; on PostgreSQL (which has no such pragma) that the catalog answers
  and every table can be read.
* **schema**: the stored schema version against this tradelink's.
* **orphans**: per-article rows whose article is gone, rows pointing at a
  missing entity, and entities nothing refers to any more.
* **spans**: every stored ``[start, end)`` slices the article text back to the
  stored ``text`` (``substr(text, start + 1, end - start)``).
* **fts**: each full-text index holds as many rows as the table it indexes.
* **link_ends**: the distinct ends of the links and their counts (schema 8)
  are exactly those of ``links``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, field

# Tables whose rows belong to one article and carry a span of its text.
SPAN_TABLES = ("mentions", "roles", "sentences", "time_expressions", "policy_facts",
               "statements", "questions", "links")
# (table, column) pairs that must name an existing entity when not NULL.
ENTITY_REFS = (
    ("aliases", "entity_id"), ("mentions", "entity_id"), ("roles", "entity_id"),
    ("policy_facts", "policy_id"), ("policy_facts", "actor_id"),
    ("policy_facts", "counterpart_id"), ("statements", "speaker_id"),
    ("statements", "medium_id"), ("links", "source_id"), ("links", "target_id"),
    ("links", "policy_id"),
)
COUNTED = ("articles", "entities", "mentions", "statements", "questions", "links")
# What keeps an entity alive: something in an article refers to it.
_LIVE_REFS = tuple(ref for ref in ENTITY_REFS if ref[0] != "aliases")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    problems: int = 0  # how many rows (or issues) are wrong


@dataclass
class Diagnosis:
    database: str
    backend: str  # sqlite | postgresql
    checks: list[Check] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def problems(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def as_dict(self) -> dict:
        """The ``doctor --json`` shape."""
        return {"database": self.database, "backend": self.backend, "ok": self.ok,
                "checks": [asdict(c) for c in self.checks], "counts": self.counts}


# --- plumbing ----------------------------------------------------------------------


def _rows(conn, sql: str) -> list[tuple]:
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql).fetchall()
    from sqlalchemy import text

    return [tuple(r) for r in conn.execute(text(sql))]


def _scalar(conn, sql: str) -> int:
    return int(_rows(conn, sql)[0][0] or 0)


def _tables(conn, backend: str) -> set[str]:
    if backend == "sqlite":
        return {r[0] for r in _rows(conn, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {r[0] for r in _rows(
        conn, "SELECT table_name FROM information_schema.tables "
              "WHERE table_schema = current_schema()")}


def _first_line(exc: BaseException) -> str:
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _db_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
    try:
        from sqlalchemy.exc import SQLAlchemyError
    except ImportError:  # pragma: no cover - sqlalchemy is a dependency
        return errors
    return errors + (SQLAlchemyError,)


def connect(db):
    """Open a database read-only for checking: a `tradelink.store.db.Target`, a
    path or any SQLAlchemy URL. Returns ``(connection, label)``; the caller
    closes the connection. Unlike the query commands' reader this does not
    insist on a healthy tradelink database: finding out is the point."""
    from tradelink.errors import DatabaseError
    from tradelink.store.db import BUSY_TIMEOUT_MS, Target, connect_readonly, resolve

    where = db if isinstance(db, Target) else resolve(str(db))
    if where.is_sqlite:
        if where.path is None:
            raise DatabaseError("an in-memory database has nothing to check; use a file")
        if not where.path.exists():
            raise DatabaseError(f"no database at {where.path}; "
                                "run `tradelink ingest PATH` first to create it")
        if where.path.is_dir():
            raise DatabaseError(f"{where.path} is a directory, not a database file")
        try:
            return connect_readonly(where.path), where.label
        except DatabaseError:
            # Not openable even read-only: let the checks describe what they find.
            return sqlite3.connect(where.path.resolve().as_uri() + "?mode=ro", uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000), where.label
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    try:
        engine = create_engine(where.url, connect_args={"connect_timeout": 5}
                               if where.url.startswith("postgresql") else {})
        conn = engine.connect()
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError(f"cannot connect to {where.label}: {_first_line(exc)}; "
                            "check the --db URL and that the server is running") from None
    return conn, where.label


# --- the checks --------------------------------------------------------------------


def diagnose(conn, database: str, *, span_sample: int | None = None) -> Diagnosis:
    """Run every check on an open, read-only connection.

    ``span_sample`` limits the span check to that many rows per table (all when
    None)."""
    backend = "sqlite" if isinstance(conn, sqlite3.Connection) else conn.dialect.name
    diag = Diagnosis(database=database, backend=backend)
    errors = _db_errors()
    try:
        integrity = check_integrity(conn, backend)
    except errors as exc:
        diag.checks.append(Check("integrity", False, f"cannot read the database: "
                                 f"{_first_line(exc)}; it is not a tradelink database "
                                 "or it is damaged", 1))
        return diag
    diag.checks.append(integrity)
    try:
        tables = _tables(conn, backend)
        schema = check_schema(conn, tables)
        diag.checks.append(schema)
        if "articles" not in tables:
            return diag
        for step in (check_orphans, lambda c, t: check_spans(c, t, span_sample), check_fts,
                     check_link_ends):
            diag.checks.append(step(conn, tables))
        diag.counts = {t: _scalar(conn, f"SELECT count(*) FROM {t}")
                       for t in COUNTED if t in tables}
    except errors as exc:
        diag.checks.append(Check("read", False, f"reading the database failed: "
                                 f"{_first_line(exc)}", 1))
    return diag


def check_integrity(conn, backend: str) -> Check:
    if backend != "sqlite":
        # No integrity pragma on PostgreSQL: the server guards pages and foreign
        # keys. Check that the catalog answers and every table can be scanned.
        tables = _tables(conn, backend)
        for t in sorted(tables):
            _rows(conn, f'SELECT 1 FROM "{t}" LIMIT 1')
        return Check("integrity", True, f"the server answers; {len(tables)} tables readable")
    result = [r[0] for r in _rows(conn, "PRAGMA integrity_check")]
    if result != ["ok"]:
        shown = "; ".join(result[:3]) + (" ..." if len(result) > 3 else "")
        return Check("integrity", False, f"PRAGMA integrity_check: {shown}; restore a backup "
                     "or re-ingest the articles into a new database", len(result))
    fk = _rows(conn, "PRAGMA foreign_key_check")
    if fk:
        tables = sorted({r[0] for r in fk})
        return Check("integrity", False, f"{_plural(len(fk), 'row')} break foreign keys "
                     f"(in {', '.join(tables)})", len(fk))
    return Check("integrity", True, "PRAGMA integrity_check: ok; foreign keys hold")


def check_schema(conn, tables: set[str]) -> Check:
    from tradelink.store.migrate import SCHEMA_VERSION

    if "alembic_version" not in tables:
        if "articles" in tables:
            return Check("schema", True, f"tables from before migrations; the next ingest "
                         f"stamps them as version 1 (this tradelink: {SCHEMA_VERSION})")
        if not tables:
            return Check("schema", False, "the database is empty; run tradelink ingest", 1)
        return Check("schema", False, "no tradelink tables: this is some other database", 1)
    rows = _rows(conn, "SELECT version_num FROM alembic_version")
    revision = rows[0][0] if rows else None
    if revision is None or not str(revision).isdigit():
        return Check("schema", False, f"unknown schema revision {revision!r}; "
                     "this database was not made by tradelink", 1)
    version = int(revision)
    if version > SCHEMA_VERSION:
        return Check("schema", False, f"version {version} is newer than this tradelink "
                     f"knows ({SCHEMA_VERSION}); upgrade tradelink", 1)
    if version < SCHEMA_VERSION:
        return Check("schema", True, f"version {version}, older than this tradelink's "
                     f"{SCHEMA_VERSION}; the next ingest upgrades it")
    return Check("schema", True, f"version {version} (current)")


def check_orphans(conn, tables: set[str]) -> Check:
    found: dict[str, int] = {}
    for t in SPAN_TABLES:
        if t in tables:
            n = _scalar(conn, f"SELECT count(*) FROM {t} x WHERE NOT EXISTS "
                              f"(SELECT 1 FROM articles a WHERE a.id = x.article_id)")
            if n:
                found[f"{t} without article"] = n
    if "entities" in tables:
        for t, col in ENTITY_REFS:
            if t in tables:
                n = _scalar(conn, f"SELECT count(*) FROM {t} x WHERE x.{col} IS NOT NULL "
                                  f"AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = x.{col})")
                if n:
                    found[f"{t}.{col} without entity"] = n
        live = " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM {t} r WHERE r.{col} = e.id)"
            for t, col in _LIVE_REFS if t in tables)
        n = _scalar(conn, f"SELECT count(*) FROM entities e WHERE {live}") if live else 0
        if n:
            found["entities nothing refers to"] = n
    if not found:
        return Check("orphans", True, "no orphaned rows")
    total = sum(found.values())
    detail = ", ".join(f"{k}: {v:,}" for k, v in found.items())
    return Check("orphans", False, f"{_plural(total, 'orphaned row')} ({detail}); "
                 "re-ingest the affected articles", total)


def check_spans(conn, tables: set[str], sample: int | None = None) -> Check:
    bad: dict[str, int] = {}
    checked = 0
    for t in SPAN_TABLES:
        if t not in tables:
            continue
        src = f"(SELECT * FROM {t} ORDER BY id LIMIT {int(sample)})" if sample else t
        n, wrong = _rows(conn, (
            f'SELECT count(*), coalesce(sum(CASE WHEN x."start" < 0 OR x."end" < x."start" '
            f'OR substr(a.text, x."start" + 1, x."end" - x."start") <> x.text '
            f"THEN 1 ELSE 0 END), 0) FROM {src} x JOIN articles a ON a.id = x.article_id"))[0]
        checked += int(n)
        if wrong:
            bad[t] = int(wrong)
    scope = "sampled" if sample else "all"
    if not bad:
        return Check("spans", True, f"{_plural(checked, 'span')} slice back ({scope})")
    total = sum(bad.values())
    detail = ", ".join(f"{k}: {v:,}" for k, v in bad.items())
    return Check("spans", False, f"{total:,} of {_plural(checked, 'span')} do not slice back "
                 f"to their text ({detail}); delete and re-ingest those articles", total)


_FTS_CONTENT = re.compile(r"content\s*=\s*['\"]?(\w+)", re.IGNORECASE)


def check_fts(conn, tables: set[str]) -> Check:
    """Each full-text index against the table it indexes (row counts)."""
    if isinstance(conn, sqlite3.Connection):
        pairs = []
        for name, sql in _rows(conn, "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                     "AND lower(sql) LIKE 'create virtual table%using fts%'"):
            m = _FTS_CONTENT.search(sql or "")
            if m and m.group(1) in tables:
                pairs.append((name, m.group(1)))
        if not pairs:
            return Check("fts", True, "no full-text index")
        off = []
        for fts, content in pairs:
            # The docsize shadow table has one row per indexed row, even when
            # the index takes its content from another table.
            shadow = f"{fts}_docsize" if f"{fts}_docsize" in tables else fts
            n_fts = _scalar(conn, f'SELECT count(*) FROM "{shadow}"')
            n_src = _scalar(conn, f'SELECT count(*) FROM "{content}"')
            if n_fts != n_src:
                off.append((fts, f"{fts} has {_plural(n_fts, 'row')}, {content} has {n_src:,}"))
        if off:
            fix = "; ".join(f"INSERT INTO {f}({f}) VALUES('rebuild')" for f, _ in off)
            return Check("fts", False, "; ".join(m for _, m in off) +
                         f"; rebuild with: sqlite3 DB \"{fix}\"", len(off))
        n = len(pairs)
        return Check("fts", True, f"{n} index{'' if n == 1 else 'es'} in sync")
    return _check_pg_fts(conn, tables)


def _ends_sql(newest: bool = True) -> tuple[str, str]:
    """(the distinct ends of ``links`` with their counts and newest ids, the
    same as ``link_ends`` stores them); without the newest ids before 0009."""
    more = ", MAX(id) AS newest" if newest else ""
    return (f"SELECT source_id, target_id, COALESCE(policy_id, 0) AS policy_id, COUNT(*) AS n"
            f"{more} FROM links GROUP BY source_id, target_id, COALESCE(policy_id, 0)",
            f"SELECT source_id, target_id, policy_id, n{', newest' if newest else ''} FROM link_ends")


def link_ends_fix(newest: bool = True) -> str:
    """The SQL that rebuilds ``link_ends`` from ``links`` (``newest``: schema 9 on)."""
    columns = "source_id, target_id, policy_id, n" + (", newest" if newest else "")
    return f"DELETE FROM link_ends; INSERT INTO link_ends ({columns}) " + _ends_sql(newest)[0]


LINK_ENDS_FIX = link_ends_fix()


def check_link_ends(conn, tables: set[str]) -> Check:
    """``link_ends`` against ``links``: every distinct (source, target, policy) with its
    count and newest link id."""
    if "link_ends" not in tables:
        return Check("link_ends", True, "no link_ends table (schema before 8)")
    revision = _rows(conn, "SELECT version_num FROM alembic_version")[0][0]
    newest = int(revision) >= 9  # 8: no newest ids yet
    of_links, stored = _ends_sql(newest)
    off = _scalar(conn, f"SELECT count(*) FROM ({of_links} EXCEPT {stored}) a")
    off += _scalar(conn, f"SELECT count(*) FROM ({stored} EXCEPT {of_links}) b")
    if off:
        return Check("link_ends", False, f"link_ends differs from links on {_plural(off, 'row')}; "
                     f"rebuild it with: {link_ends_fix(newest)}", 1)
    n = _scalar(conn, "SELECT count(*) FROM link_ends")
    return Check("link_ends", True, f"{_plural(n, 'distinct end')} of the links, in sync")


def _check_pg_fts(conn, tables: set[str]) -> Check:
    # PostgreSQL full-text search is an expression index (GIN on to_tsvector);
    # the server keeps it in step with the table, so only its presence is news.
    n = _scalar(conn, "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                      "AND indexdef ILIKE '%to_tsvector%'")
    if not n:
        return Check("fts", True, "no full-text index")
    return Check("fts", True, f"{n} GIN index{'' if n == 1 else 'es'} (kept in sync by the server)")
