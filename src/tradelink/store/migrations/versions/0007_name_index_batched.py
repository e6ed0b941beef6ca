"""SQLite: the alias-key and link-trigram indexes are filled per transaction too.

Their insert triggers (0003) indexed one row at a time; for the trigram index
of ``links.text`` that cost the writer more than inserting the links
themselves (about 0.5 ms an article, against 0.04 ms for the same rows
indexed in one statement).  As for the search indexes in 0005, the writer
(`tradelink.store.write`) now adds a transaction's new links and aliases to
these two indexes just before the commit, in the same transaction; anything
else that inserts into ``links`` or ``aliases`` must do the same
(`write.index_articles`, `write.index_aliases`, or `write.rebuild_indexes`
for a test fixture).  The delete and update triggers stay.

The entity-key index keeps its insert trigger: the writer's surname lookup
reads it while it writes, and the entities inserted earlier in the same
transaction must be found there.

PostgreSQL: nothing changes.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# (FTS table, content table, column), as created by 0003
INDEXES = (("search_alias_keys", "aliases", "key"), ("search_link_trigrams", "links", "text"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, _table, _col in INDEXES:
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_ai")
    op.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, table, col in INDEXES:
            op.execute(
                f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END"
            )
    op.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
