"""Database backends for the store and CLI tests: SQLite and PostgreSQL.

`db_url` runs a test once per backend. SQLite gets a fresh file per test.
PostgreSQL gets one fresh database per test session (a unique name, dropped at
the end), migrated once; each test starts from empty tables.
`store_url` is the same with the schema in place on both backends (SQLite:
a copy of a file migrated once per session).

Without a server the PostgreSQL cases skip and say why -- unless ``CI`` is set,
where they fail: CI must test both backends.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG_SERVER = os.environ.get("TRADELINK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _no_server(reason: str) -> None:
    message = f"PostgreSQL is not reachable at {PG_SERVER} ({reason})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI runs every store test on PostgreSQL too", pytrace=False)
    pytest.skip(f"{message}; start it (or set TRADELINK_TEST_PG) to run the PostgreSQL tests")


class PgServer:
    """Creates and drops uniquely named databases on the test server."""

    def __init__(self, admin_url: str):
        from sqlalchemy import create_engine

        self.admin = create_engine(
            f"{admin_url}/postgres", isolation_level="AUTOCOMMIT",
            connect_args={"connect_timeout": 3},
        )

    def check(self) -> None:
        try:
            with self.admin.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except Exception as exc:  # driver missing, refused, timed out ...
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            _no_server(reason[0] if reason else type(exc).__name__)

    @contextmanager
    def database(self) -> Iterator[str]:
        name = f"tradelink_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield f"{PG_SERVER}/{name}"
        finally:
            with self.admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _no_server("psycopg is not installed: pip install 'tradelink[postgres]'")
    server = PgServer(PG_SERVER)
    server.check()
    yield server
    server.admin.dispose()


@pytest.fixture(scope="session")
def pg_session_url(pg_server: PgServer) -> Iterator[str]:
    """A database for the whole session, with the current schema."""
    from sqlalchemy import create_engine

    from tradelink.store import migrate

    with pg_server.database() as url:
        engine = create_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        yield url


@pytest.fixture(scope="session")
def _pg_empty(pg_session_url: str):
    """A function that empties every table (DELETE, children first: on tiny
    tables far faster than TRUNCATE) and restarts the id sequences."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from tradelink.store.schema import Base

    engine = create_engine(pg_session_url, poolclass=StaticPool)
    tables = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name != "meta"]
    sql = "; ".join(f'DELETE FROM "{name}"' for name in tables) + (
        "; SELECT setval(c.oid, 1, false) FROM pg_class AS c WHERE c.relkind = 'S'"
    )

    def empty() -> None:
        with engine.begin() as conn:
            conn.exec_driver_sql(sql)

    yield empty
    engine.dispose()


@pytest.fixture
def pg_url(pg_session_url: str, _pg_empty) -> str:
    """The session's PostgreSQL database, emptied for this test."""
    _pg_empty()
    return pg_session_url


@pytest.fixture
def pg_fresh_url(pg_server: PgServer) -> Iterator[str]:
    """A brand-new empty PostgreSQL database for one test (e.g. migrations)."""
    with pg_server.database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_url(backend: str, request, tmp_path) -> str:
    """A database to write to, once per backend: a new SQLite file path, or an
    emptied PostgreSQL database URL (schema already in place)."""
    if backend == "sqlite":
        return str(tmp_path / "tradelink.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    from sqlalchemy import create_engine

    from tradelink.store import migrate

    path = tmp_path_factory.mktemp("template") / "tradelink.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def store_url(backend: str, request, tmp_path) -> str:
    """An empty database with the current schema, once per backend: a SQLite
    file path, or a PostgreSQL URL."""
    if backend == "sqlite":
        path = tmp_path / "tradelink.sqlite"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        return str(path)
    return request.getfixturevalue("pg_url")


@pytest.fixture
def fresh_db_url(backend: str, request, tmp_path) -> str:
    """An empty database with no schema at all, once per backend."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    return request.getfixturevalue("pg_fresh_url")
