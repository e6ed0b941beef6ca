"""An index on ``entities.key`` alone.

The writer looks entities up by key across kinds (``WHERE key IN (...)``, once
per article) and `tradelink path` resolves names the same way; the unique
(kind, key) index cannot serve that, so each lookup read every entity and
ingest slowed down as the knowledge base grew.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entities_key", "entities", ["key"])
    op.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.drop_index("ix_entities_key", "entities")
    op.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
