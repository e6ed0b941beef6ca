"""Indexes for the bounded read queries: newest questions and `path`.

* ``articles (ingested_at, id)``: `tradelink questions` lists the newest
  articles' questions first and stops after ``--limit``; without the index
  every article was sorted to find the newest.
* ``links (source_id, target_id, policy_id)``, ``(target_id, source_id,
  policy_id)`` and ``(policy_id, source_id, target_id)`` replace the three
  single-column indexes, which are their first columns: `tradelink path`
  reads a node's neighbours from the index alone (a hub has hundreds of
  thousands of links at 100k articles) and finds the links of one step (two
  given ends) without walking every link of either end.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ENDS = {  # new index -> (its columns, the single-column index it replaces)
    "ix_links_source_ends": (["source_id", "target_id", "policy_id"], "ix_links_source_id"),
    "ix_links_target_ends": (["target_id", "source_id", "policy_id"], "ix_links_target_id"),
    "ix_links_policy_ends": (["policy_id", "source_id", "target_id"], "ix_links_policy_id"),
}


def upgrade() -> None:
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at", "id"])
    for name, (columns, old) in ENDS.items():
        op.create_index(name, "links", columns)
        op.drop_index(old, "links")
    op.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")


def downgrade() -> None:
    for name, (columns, old) in ENDS.items():
        op.create_index(old, "links", columns[:1])
        op.drop_index(name, "links")
    op.drop_index("ix_articles_ingested_at", "articles")
    op.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
