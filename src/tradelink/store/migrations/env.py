"""Alembic environment: run by `tradelink.store.migrate` on a live connection."""

from alembic import context

from tradelink.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline mode is not supported
    raise RuntimeError("tradelink migrations run through tradelink.store.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
