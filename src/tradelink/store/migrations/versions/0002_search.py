"""Full-text search over sentences, statements and questions.

SQLite: one external-content FTS5 table per source table (``search_sentences``,
``search_statements``, ``search_questions``; rowid = the source row's id, Porter
stemming), kept in sync by triggers, so writers need do nothing: inserts,
deletes (cascades from ``articles`` included) and updates all reach the index.

PostgreSQL: a GIN index on ``to_tsvector('english', text)`` of each table; the
query uses the same expression.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SOURCES = ("sentences", "statements", "questions")
TOKENIZE = "porter unicode61 remove_diacritics 2"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in SOURCES:
            fts = f"search_{table}"
            op.execute(
                f"CREATE VIRTUAL TABLE {fts} USING fts5("
                f"text, content='{table}', content_rowid='id', tokenize='{TOKENIZE}')"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_au AFTER UPDATE OF text ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); "
                f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
            )
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    else:
        for table in SOURCES:
            op.execute(
                f"CREATE INDEX search_{table}_tsv ON {table} "
                f"USING gin (to_tsvector('english', text))"
            )
    op.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in SOURCES:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS search_{table}")
    else:
        for table in SOURCES:
            op.execute(f"DROP INDEX IF EXISTS search_{table}_tsv")
    op.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
