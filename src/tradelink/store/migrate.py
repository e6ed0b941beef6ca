"""Schema migrations: create or upgrade a database, refuse one that is too new.

The schema is defined by `tradelink.store.schema` and built by the Alembic
revisions in ``tradelink/store/migrations/versions`` (``0001``, ``0002``, ...).
`upgrade` is the one way a database gets its tables; it is cheap when the
database is already current (one query, no Alembic import).

Importing this module is cheap: SQLAlchemy and Alembic are imported inside the
functions that use them, so the stdlib read path can call `check_sqlite`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tradelink.errors import DatabaseError

if TYPE_CHECKING:
    import sqlite3

    from sqlalchemy import Connection, Engine

# The newest revision this tradelink knows; its number is the schema version.
HEAD = "0009"
SCHEMA_VERSION = int(HEAD)

MIGRATIONS = Path(__file__).with_name("migrations")
# Any number will do, as long as it is the same for every tradelink process.
_PG_LOCK = 0x7472_6C6B  # "trlk"


def _too_new(revision: str) -> DatabaseError:
    return DatabaseError(
        f"the database has schema revision {revision} but this tradelink "
        f"{_version()} knows revisions up to {HEAD}: upgrade tradelink to use it"
    )


def _version() -> str:
    from tradelink import __version__

    return __version__


def _check(revision: str | None) -> int:
    """The schema version of ``revision``; `DatabaseError` if we do not know it."""
    if revision is None:
        return 0
    if not (revision.isdigit() and 1 <= int(revision) <= SCHEMA_VERSION):
        raise _too_new(revision)
    return int(revision)


def check_sqlite(conn: sqlite3.Connection) -> int:
    """The schema version of an open stdlib SQLite connection (0 if it has none).

    Raises `DatabaseError` if a newer tradelink wrote the database."""
    import sqlite3

    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise DatabaseError(f"cannot read the database: {exc}") from exc
        row = None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"not a tradelink database or corrupt ({exc})") from exc
    return _check(row[0] if row else None)


def stored_revision(conn: Connection) -> str | None:
    """The Alembic revision recorded in the database, or None if it has none."""
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_version(engine: Engine) -> int:
    """The schema version of the database behind ``engine`` (0 when empty)."""
    return _current(engine)


def upgrade(engine: Engine, revision: str = "head") -> int:
    """Create or upgrade the schema to ``revision``; return the schema version.

    Safe to call on every open for writing: a current database costs one query
    and no Alembic import; concurrent callers are serialised (SQLite
    ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock); each upgrade is one
    transaction; a database written by a newer tradelink is refused with
    `DatabaseError` and left untouched.
    """
    from sqlalchemy.exc import SQLAlchemyError

    target = SCHEMA_VERSION if revision == "head" else _check(revision)
    try:
        if _current(engine) >= target:
            return target
        migrator = _migration_engine(engine)
        try:
            with migrator.connect() as conn:
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
                _upgrade_locked(conn, f"{target:04d}")
                conn.commit()
        finally:
            if migrator is not engine:
                migrator.dispose()
        return _current(engine)
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseError(f"cannot upgrade the database {where}: {first}") from exc


def _upgrade_locked(conn: Connection, target: str) -> None:
    from sqlalchemy import inspect

    current = stored_revision(conn)  # again, now that we hold the lock
    _check(current)
    if current is None and inspect(conn).has_table("articles"):
        # Made before migrations existed (metadata.create_all): that is 0001.
        _alembic(conn, "stamp", "0001")
    _alembic(conn, "upgrade", target)
    if conn.dialect.name == "sqlite":
        bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise DatabaseError(
                f"upgrading the database would break {len(bad)} foreign keys; nothing was changed"
            )


def _sqlite_file(engine: Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return None
    db = engine.url.database
    return db if db and db != ":memory:" and not db.startswith("file:") else None


def _current(engine: Engine) -> int:
    """The stored schema version, read without taking any lock."""
    path = _sqlite_file(engine)
    if path is None:
        with engine.connect() as conn:
            return _check(stored_revision(conn))
    import sqlite3

    if not Path(path).exists():
        return 0
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return check_sqlite(conn)
    finally:
        conn.close()


def _migration_engine(engine: Engine) -> Engine:
    """An engine to migrate with. For a SQLite file: foreign keys off (a table
    rebuild must not cascade deletes) and DDL inside ``BEGIN IMMEDIATE``."""
    path = _sqlite_file(engine)
    if path is None:
        return engine
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    migrator = create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": 30})

    @event.listens_for(migrator, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")
        dbapi_conn.execute("PRAGMA busy_timeout=30000")

    @event.listens_for(migrator, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return migrator


def _alembic(conn: Connection, command_name: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    getattr(command, command_name)(cfg, revision)
