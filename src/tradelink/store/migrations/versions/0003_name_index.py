"""Indexes for name and term lookups, so they stay fast at 100k articles.

Name filters (``quotes --speaker``, ``links --about``, the writer's surname
lookup) match whole words of ``entities.key`` and ``aliases.key`` with LIKE,
which scans every row. On SQLite this revision adds word indexes (FTS5,
external content, kept by triggers) on both keys, and a trigram index on
``links.text`` for substring terms; queries use them as a prefilter and keep
the same LIKE, so results do not change (`tradelink.store.nameindex`).

Both databases get an index on ``links.policy_id``. PostgreSQL otherwise runs
the plain queries (a trigram index would need the pg_trgm extension).

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (FTS table, content table, column, tokenizer)
INDEXES = [
    ("search_entity_keys", "entities", "key", "unicode61 remove_diacritics 0"),
    ("search_alias_keys", "aliases", "key", "unicode61 remove_diacritics 0"),
    ("search_link_trigrams", "links", "text", "trigram"),
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, table, col, tokenize in INDEXES:
            op.execute(
                f"CREATE VIRTUAL TABLE {fts} USING fts5("
                f"{col}, content='{table}', content_rowid='id', tokenize='{tokenize}')"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col} ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); "
                f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END"
            )
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    # Links through a policy, found by `links --about POLICY`.
    op.create_index("ix_links_policy_id", "links", ["policy_id"])
    op.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.drop_index("ix_links_policy_id", "links")
    if op.get_bind().dialect.name == "sqlite":
        for fts, _table, _col, _tok in INDEXES:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
