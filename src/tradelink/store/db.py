"""Where the database lives and how it is opened.

The database is named by a file path or any SQLAlchemy URL (``--db`` or
``TRADELINK_DB``); the default is ``data/tradelink.sqlite`` under the current
directory.  Two ways in:

* `open_engine` (writes): a SQLAlchemy engine.  On SQLite it turns on foreign
  keys, WAL and a busy timeout, takes the write lock at ``BEGIN`` and creates
  the file (and its folder) on first use.  `ensure_schema` creates or checks
  the schema; it is the one place schema creation happens.
* `open_reader` (queries): on SQLite a read-only stdlib ``sqlite3``
  connection, so a query never imports SQLAlchemy and never creates a file;
  on other databases SQLAlchemy Core runs the same SQL text.

This module imports only the standard library at the top.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tradelink.errors import DatabaseError

DEFAULT_PATH = Path("data") / "tradelink.sqlite"
ENV_VAR = "TRADELINK_DB"
BUSY_TIMEOUT_MS = 30_000
# A writer's page cache (SQLite's default is 2 MiB).  Every article updates the
# same indexes (entity and alias keys, mentions by entity, ...); past a few
# thousand articles they no longer fit the default and each insert re-reads
# their pages from the OS: at 10k articles, 64 MiB took the writer's system
# time from about 1.4 to 0.6 ms an article.
WRITER_CACHE_KIB = 64 * 1024


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved database location: a SQLite file or another SQLAlchemy URL."""

    url: str
    path: Path | None = None  # the file, for SQLite on disk

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def label(self) -> str:
        """How to name the database in a message (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        scheme, sep, rest = self.url.partition("://")
        if "@" in rest:
            rest = rest.split("@", 1)[1]
        return f"{scheme}{sep}{rest}"


def resolve(value: str | None = None) -> Target:
    """The database named by ``value``, else ``$TRADELINK_DB``, else the default path."""
    value = value or os.environ.get(ENV_VAR) or str(DEFAULT_PATH)
    if "://" not in value:
        path = Path(value).expanduser()
        return Target(url=f"sqlite:///{path}", path=path)
    if value.startswith("sqlite"):
        # sqlite:///relative, sqlite:////absolute, sqlite:// (memory)
        _, _, rest = value.partition(":///")
        rest = rest.split("?", 1)[0]
        return Target(url=value, path=Path(rest) if rest else None)
    return Target(url=value)


# --- writes: SQLAlchemy -----------------------------------------------------------


def open_engine(target: Target):
    """A SQLAlchemy engine for writing; creates a missing SQLite file and its folder."""
    from sqlalchemy import create_engine, event

    if not target.is_sqlite:
        try:
            return create_engine(target.url)
        except Exception as exc:  # unknown dialect, missing driver ...
            raise DatabaseError(f"cannot use database URL {target.label}: {_first_line(exc)}; "
                                "give a file path or a URL such as postgresql+psycopg://user@host/db") from exc
    if target.path is not None:
        if target.path.exists() and target.path.is_dir():
            raise DatabaseError(f"{target.path} is a directory, not a database file")
        blocker = next((p for p in target.path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise DatabaseError(f"cannot create {target.path}: {blocker} is a file, not a folder")
        try:
            target.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the folder for {target.path}: {exc.strerror or exc}"
            ) from exc
        _check_writable(target.path)
    engine = create_engine(target.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the driver, decide where transactions begin
        # (needed for SAVEPOINT); then set the pragmas outside any transaction.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if target.path is not None:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")  # WAL: a process crash loses nothing committed
            cur.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Take the write lock up front: two writers wait for each other
        # (busy timeout) instead of failing on a lock upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _check_writable(path: Path) -> None:
    """Refuse, before anything is written, a SQLite file that cannot be written:
    a read-only file, or a read-only folder (SQLite keeps its journal beside
    the file, so it needs to create files there)."""
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseError(f"{path} is read-only; make it writable or choose another --db "
                            "(queries still work)")
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        what = f"cannot write to {path}" if path.exists() else f"cannot create {path}"
        raise DatabaseError(f"{what}: the folder {folder} is read-only and SQLite keeps its "
                            "journal there; make it writable or choose another --db")


def ensure_schema(engine) -> None:
    """Create or upgrade the schema; refuse a database written by a newer tradelink.

    The one place a writer gets its tables (Alembic migrations, `tradelink.store.migrate`)."""
    from tradelink.store import migrate

    try:
        migrate.upgrade(engine)
    except DatabaseError as exc:
        label = _engine_label(engine)
        if label in str(exc):
            raise
        raise DatabaseError(f"{label}: {exc}") from None


def _engine_label(engine) -> str:
    if engine.dialect.name == "sqlite" and engine.url.database:
        return engine.url.database
    return engine.url.render_as_string(hide_password=True)


def _check_version(value: str, label: str) -> None:
    from tradelink.store.migrate import SCHEMA_VERSION

    try:
        found = int(value)
    except (TypeError, ValueError):
        raise DatabaseError(f"{label} has an unreadable schema version {value!r}") from None
    if found > SCHEMA_VERSION:
        raise DatabaseError(
            f"{label} was written by a newer tradelink (schema {found}, this one reads "
            f"up to {SCHEMA_VERSION}); upgrade tradelink"
        )


# --- reads: stdlib sqlite3 or SQLAlchemy Core --------------------------------------


class Reader:
    """Runs read-only SQL with ``:name`` parameters and returns rows as dicts."""

    dialect = "sqlite"  # or the SQLAlchemy dialect name, e.g. "postgresql"

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SqliteReader(Reader):
    def __init__(self, conn: sqlite3.Connection, label: str):
        self.conn = conn
        self.label = label
        conn.row_factory = sqlite3.Row
        # SQLite's lower() knows only ASCII; make it Unicode-aware, as on PostgreSQL.
        conn.create_function("lower", 1, _lower, deterministic=True)

    def rows(self, sql, params=None):
        try:
            cur = self.conn.execute(sql, params or {})
            return [dict(r) for r in cur.fetchall()]
        except sqlite3.DatabaseError as exc:
            raise _sqlite_error(exc, self.label) from exc

    def close(self):
        self.conn.close()


class CoreReader(Reader):
    def __init__(self, conn, label: str):
        self.conn = conn
        self.label = label
        self.dialect = conn.dialect.name

    def rows(self, sql, params=None):
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            result = self.conn.execute(text(sql), params or {})
            return [dict(m) for m in result.mappings().all()]
        except SQLAlchemyError as exc:
            msg = _first_line(exc.orig or exc)
            if "does not exist" in msg and ("relation" in msg or "column" in msg):
                raise DatabaseError(f"{self.label} lacks part of this tradelink's schema ({msg}); "
                                    "if it is a tradelink database, run `tradelink db upgrade` on it") from exc
            raise DatabaseError(f"cannot read {self.label}: {msg}") from exc

    def close(self):
        engine = self.conn.engine
        self.conn.close()
        engine.dispose()


def open_reader(target: Target) -> Reader:
    """A read-only connection to an existing tradelink database; creates nothing."""
    if target.is_sqlite:
        if target.path is None:
            raise DatabaseError("an in-memory database has nothing to query; use a file")
        if not target.path.exists():
            raise DatabaseError(
                f"no database at {target.path}; run `tradelink ingest PATH` first to create it"
            )
        if target.path.is_dir():
            raise DatabaseError(f"{target.path} is a directory, not a database file")
        reader: Reader = SqliteReader(connect_readonly(target.path), str(target.path))
    else:
        reader = _open_core_reader(target)
    try:
        _check_reader(reader, target.label)
    except BaseException:
        reader.close()
        raise
    return reader


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only stdlib connection to the SQLite file at ``path``.

    In a folder we may not write to, a WAL database cannot be opened the usual
    way (SQLite must create its shared-memory file beside it); if no write-ahead
    log is pending there, nobody can be writing it, so it is opened immutable."""
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = None
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        if not os.access(path.parent, os.W_OK):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL
        return conn
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        wal = path.with_name(path.name + "-wal")
        if os.access(path.parent, os.W_OK) or (wal.exists() and wal.stat().st_size > 0):
            raise _sqlite_error(exc, str(path)) from exc
    try:
        return sqlite3.connect(uri + "&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise _sqlite_error(exc, str(path)) from exc


def _open_core_reader(target: Target) -> Reader:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        engine = create_engine(target.url)
        conn = engine.connect()
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseError(f"cannot use database URL {target.label}: {_first_line(exc)}; "
                            "give a file path or a URL such as postgresql+psycopg://user@host/db") from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(
            f"cannot connect to {target.label}: {_first_line(getattr(exc, 'orig', None) or exc)}"
        ) from exc
    except Exception as exc:  # unknown dialect, missing driver
        raise DatabaseError(f"cannot use database URL {target.label}: {_first_line(exc)}") from exc
    return CoreReader(conn, target.label)


def _check_reader(reader: Reader, label: str) -> None:
    try:
        rows = reader.rows("SELECT value FROM meta WHERE key = 'schema_version'")
    except DatabaseError as exc:
        if "no such table" in str(exc) or "does not exist" in str(exc):
            raise DatabaseError(
                f"{label} is not a tradelink database; point --db at one "
                f"or run `tradelink ingest PATH` to create one"
            ) from None
        raise
    if not rows:
        raise DatabaseError(f"{label} is not a tradelink database (no schema version)")
    _check_version(rows[0]["value"], label)
    if isinstance(reader, SqliteReader):
        from tradelink.store import migrate

        try:
            migrate.check_sqlite(reader.conn)
        except DatabaseError as exc:
            raise DatabaseError(f"{label}: {exc}") from None


def _sqlite_error(exc: sqlite3.Error, label: str) -> DatabaseError:
    msg = _first_line(exc)
    if "file is not a database" in msg or "malformed" in msg:
        return DatabaseError(f"{label} is not a tradelink database or is corrupt ({msg})")
    if "unable to open" in msg:
        return DatabaseError(f"cannot open {label} ({msg}); check the path and its permissions")
    if "locked" in msg or "busy" in msg:
        return DatabaseError(f"{label} is busy ({msg}); try again when the other process is done")
    if "no such table" in msg or "no such column" in msg:
        return DatabaseError(f"{label} lacks part of this tradelink's schema ({msg}); "
                             "if it is a tradelink database, run `tradelink db upgrade` on it")
    return DatabaseError(f"database error on {label}: {msg}")


def _lower(value):
    return value.casefold() if isinstance(value, str) else value


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
