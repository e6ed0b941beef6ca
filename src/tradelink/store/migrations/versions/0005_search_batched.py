"""SQLite: the search indexes of sentences, statements and questions are filled per batch.

Their insert triggers (0002) indexed every row inside the article's savepoint,
and FTS5 writes out its pending terms at every savepoint, so a bulk ingest
wrote one tiny index segment per article and table; that was about a third of
the writer's time.  Now the writer (`tradelink.store.write`) inserts each
committed transaction's new rows into these three indexes just before the
commit, in the same transaction, so the index and its table still change
together.  Anything else that inserts into these tables must do the same
(`write.index_articles`).  The delete and update triggers stay: deletes,
cascades and text updates still reach the index by themselves.  The name
indexes (0003) keep their insert triggers: the writer looks names up in them
while it writes, across the articles of one transaction.  The link-trigram
index (0003) keeps its trigger too (not measured separately yet).

PostgreSQL: nothing changes (GIN expression indexes follow the table).

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SOURCES = ("sentences", "statements", "questions")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in SOURCES:
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_ai")
    op.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in SOURCES:
            fts = f"search_{table}"
            op.execute(
                f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
            )
    op.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
