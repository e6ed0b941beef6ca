"""Shared fixtures. Backend fixtures (SQLite and PostgreSQL) live in `_backends`."""

from _backends import (  # noqa: F401  (fixtures)
    backend,
    db_url,
    fresh_db_url,
    pg_fresh_url,
    pg_server,
    pg_session_url,
    pg_url,
    store_url,
    _pg_empty,
    _sqlite_template,
)
