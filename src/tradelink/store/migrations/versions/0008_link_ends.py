"""link_ends: each distinct (source, target, policy) of the links, with its count.

`tradelink path` grows its search one frontier at a time from the nodes'
neighbours.  Read from ``links``, a hub's neighbours cost every link it has:
203,320 links (78 ms) for the busiest node of a 96k-article database, where
its distinct ends number 6,763; the whole table has 705,568 links and 36,951
distinct ends.  ``link_ends`` holds each distinct triple once, ``n`` the
number of links that have it, and ``policy_id`` 0 for a link through no policy
(so the triple is the primary key on both backends).  Path steps count their
links from ``n`` and pick their newest links triple by triple.

Kept in step with ``links``:

* SQLite: the writer (`tradelink.store.write.index_articles`) adds a
  transaction's new links just before the commit, as it does for the search
  indexes (0005, 0007); anything else that inserts links must do the same
  (or `write.rebuild_indexes`).  Triggers take deleted links off (reparse,
  cascades from articles and entities) and follow a change of ends (a policy
  deleted: ``policy_id`` set to NULL).
* PostgreSQL: statement-level triggers with transition tables, one grouped
  statement per INSERT, DELETE or UPDATE of ``links``.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FILL = ("INSERT INTO link_ends (source_id, target_id, policy_id, n) "
        "SELECT source_id, target_id, COALESCE(policy_id, 0), COUNT(*) FROM links "
        "GROUP BY source_id, target_id, COALESCE(policy_id, 0)")

_OLD = ("source_id = old.source_id AND target_id = old.target_id "
        "AND policy_id = COALESCE(old.policy_id, 0)")
_TAKE_OFF = (f"UPDATE link_ends SET n = n - 1 WHERE {_OLD}; "
             f"DELETE FROM link_ends WHERE {_OLD} AND n <= 0;")
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER link_ends_ad AFTER DELETE ON links BEGIN {_TAKE_OFF} END",
    "CREATE TRIGGER link_ends_au AFTER UPDATE OF source_id, target_id, policy_id ON links BEGIN "
    f"{_TAKE_OFF} "
    "INSERT INTO link_ends (source_id, target_id, policy_id, n) "
    "VALUES (new.source_id, new.target_id, COALESCE(new.policy_id, 0), 1) "
    "ON CONFLICT (source_id, target_id, policy_id) DO UPDATE SET n = n + 1; END",
)

# PostgreSQL: the net change of a statement, grouped by triple
_GROUPED = ("SELECT source_id, target_id, COALESCE(policy_id, 0) AS policy_id, {sign} AS n "
            "FROM {table}")
_APPLY = """
    INSERT INTO link_ends (source_id, target_id, policy_id, n)
    SELECT source_id, target_id, policy_id, SUM(n) FROM ({rows}) d
    GROUP BY source_id, target_id, policy_id
    ON CONFLICT (source_id, target_id, policy_id) DO UPDATE SET n = link_ends.n + EXCLUDED.n;
    DELETE FROM link_ends e USING (SELECT DISTINCT source_id, target_id, policy_id
                                   FROM ({rows}) g) d
    WHERE e.source_id = d.source_id AND e.target_id = d.target_id
      AND e.policy_id = d.policy_id AND e.n <= 0;
"""
PG_FUNCTIONS = {
    "link_ends_added": _GROUPED.format(sign=1, table="new_links"),
    "link_ends_removed": _GROUPED.format(sign=-1, table="old_links"),
    "link_ends_changed": _GROUPED.format(sign=1, table="new_links") + " UNION ALL "
                         + _GROUPED.format(sign=-1, table="old_links"),
}
PG_TRIGGERS = (
    ("link_ends_ai", "INSERT", "REFERENCING NEW TABLE AS new_links", "link_ends_added"),
    ("link_ends_ad", "DELETE", "REFERENCING OLD TABLE AS old_links", "link_ends_removed"),
    ("link_ends_au", "UPDATE", "REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links",
     "link_ends_changed"),
)


def upgrade() -> None:
    op.create_table(
        "link_ends",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source_id", "target_id", "policy_id"),
    )
    op.create_index("ix_link_ends_target", "link_ends", ["target_id", "policy_id", "source_id"])
    op.create_index("ix_link_ends_policy", "link_ends", ["policy_id", "source_id", "target_id"])
    op.execute(FILL)
    if op.get_bind().dialect.name == "sqlite":
        for sql in SQLITE_TRIGGERS:
            op.execute(sql)
    else:
        for name, rows in PG_FUNCTIONS.items():
            op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       f"{_APPLY.format(rows=rows)} RETURN NULL; END $$")
        for trigger, event, tables, function in PG_TRIGGERS:
            op.execute(f"CREATE TRIGGER {trigger} AFTER {event} ON links {tables} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()")
    op.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("link_ends_ad", "link_ends_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        for trigger, _event, _tables, _function in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON links")
        for name in PG_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_index("ix_link_ends_policy", "link_ends")
    op.drop_index("ix_link_ends_target", "link_ends")
    op.drop_table("link_ends")
    op.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
