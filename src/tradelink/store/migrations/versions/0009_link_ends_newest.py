"""link_ends.newest: the id of the newest link with each distinct ends triple.

A step of `tradelink path` shows the newest few of the links that join its two
nodes (three by default). Those links spread over the step's ends triples: a
hub pair such as a commodity and a government rests on hundreds of triples
(one per policy), most of them with a single link. Knowing each triple's
newest link id, a step reads the links of its newest few triples only (the
newest k links all lie in the k triples with the highest ``newest``), and
none at all for a triple with one link, whose newest is its link.

Kept in step with ``links`` as ``n`` is (0008):

* SQLite: the writer (`tradelink.store.write.index_articles`) takes the
  highest id of a transaction's new links per triple; the delete and update
  triggers look the newest up again when they take off the link that was it.
* PostgreSQL: the statement-level triggers take the highest new id per
  triple and look the newest up again for every triple a statement took
  links off.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_NEWEST_OF = ("(SELECT MAX(l.id) FROM links l WHERE l.source_id = {e}.source_id "
              "AND l.target_id = {e}.target_id AND COALESCE(l.policy_id, 0) = {e}.policy_id)")
FILL = f"UPDATE link_ends SET newest = COALESCE({_NEWEST_OF.format(e='link_ends')}, 0)"

# SQLite: a link taken off was its triple's newest: the newest left (IS: a
# link through no policy has policy_id NULL; an index seek either way).
_OLD = ("source_id = old.source_id AND target_id = old.target_id "
        "AND policy_id = COALESCE(old.policy_id, 0)")
_NEWEST_LEFT = ("(SELECT MAX(l.id) FROM links l WHERE l.source_id = old.source_id "
                "AND l.target_id = old.target_id AND l.policy_id IS old.policy_id)")
_TAKE_OFF = (f"UPDATE link_ends SET n = n - 1, newest = CASE WHEN newest = old.id "
             f"THEN COALESCE({_NEWEST_LEFT}, 0) ELSE newest END WHERE {_OLD}; "
             f"DELETE FROM link_ends WHERE {_OLD} AND n <= 0;")
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER link_ends_ad AFTER DELETE ON links BEGIN {_TAKE_OFF} END",
    "CREATE TRIGGER link_ends_au AFTER UPDATE OF source_id, target_id, policy_id ON links BEGIN "
    f"{_TAKE_OFF} "
    "INSERT INTO link_ends (source_id, target_id, policy_id, n, newest) "
    "VALUES (new.source_id, new.target_id, COALESCE(new.policy_id, 0), 1, new.id) "
    "ON CONFLICT (source_id, target_id, policy_id) "
    "DO UPDATE SET n = n + 1, newest = MAX(newest, excluded.newest); END",
)

# PostgreSQL: the net change of a statement, grouped by triple; links taken
# off bring newest 0 (no candidate), and their triples are looked up again.
_GROUPED = ("SELECT source_id, target_id, COALESCE(policy_id, 0) AS policy_id, {sign} AS n, "
            "{newest} AS newest FROM {table}")
_ADDED = _GROUPED.format(sign=1, newest="id", table="new_links")
_REMOVED = _GROUPED.format(sign=-1, newest=0, table="old_links")
_APPLY = """
    INSERT INTO link_ends (source_id, target_id, policy_id, n, newest)
    SELECT source_id, target_id, policy_id, SUM(n), MAX(newest) FROM ({rows}) d
    GROUP BY source_id, target_id, policy_id
    ON CONFLICT (source_id, target_id, policy_id)
    DO UPDATE SET n = link_ends.n + EXCLUDED.n, newest = GREATEST(link_ends.newest, EXCLUDED.newest);
    DELETE FROM link_ends e USING (SELECT DISTINCT source_id, target_id, policy_id
                                   FROM ({rows}) g) d
    WHERE e.source_id = d.source_id AND e.target_id = d.target_id
      AND e.policy_id = d.policy_id AND e.n <= 0;
"""
_LOOK_AGAIN = f"""
    UPDATE link_ends e SET newest = COALESCE({_NEWEST_OF.format(e='e')}, 0)
    FROM (SELECT DISTINCT source_id, target_id, COALESCE(policy_id, 0) AS policy_id
          FROM old_links) d
    WHERE e.source_id = d.source_id AND e.target_id = d.target_id
      AND e.policy_id = d.policy_id;
"""
PG_FUNCTIONS = {
    "link_ends_added": _APPLY.format(rows=_ADDED),
    "link_ends_removed": _APPLY.format(rows=_REMOVED) + _LOOK_AGAIN,
    "link_ends_changed": _APPLY.format(rows=f"{_ADDED} UNION ALL {_REMOVED}") + _LOOK_AGAIN,
}


def _functions(functions: dict[str, str]) -> None:
    for name, body in functions.items():
        op.execute(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {body} RETURN NULL; END $$")


def _sqlite_triggers(triggers) -> None:
    for name in ("link_ends_ad", "link_ends_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in triggers:
        op.execute(sql)


def upgrade() -> None:
    op.add_column("link_ends", sa.Column("newest", sa.Integer(), nullable=False,
                                         server_default="0"))
    op.execute(FILL)
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers(SQLITE_TRIGGERS)
    else:
        _functions(PG_FUNCTIONS)
    op.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")


def _revision_0008():
    """Revision 0008's module (its triggers and functions, to put back)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "tradelink_migration_0008", Path(__file__).with_name("0008_link_ends.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    before = _revision_0008()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers(before.SQLITE_TRIGGERS)
    else:
        _functions({name: before._APPLY.format(rows=rows)
                    for name, rows in before.PG_FUNCTIONS.items()})
    op.drop_column("link_ends", "newest")
    op.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
