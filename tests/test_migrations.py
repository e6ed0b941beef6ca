"""Alembic migrations: the first released schema upgrades without losing a row;
a database from a newer tradelink is refused; the head matches the models."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import MetaData, create_engine, func, select, text

from tradelink.errors import DatabaseError
from tradelink.store import migrate
from tradelink.store.schema import Base
from tradelink.store.search import search

# One row per table of revision 0001, foreign keys pointing at each other.
FIRST_RELEASE_ROWS = {
    "articles": [
        {"id": "a" * 16, "title": "T", "outlet": "O", "url": None, "published": None,
         "dateline": None, "text": "Ann Lee said chips matter. Why?", "source": "x.txt",
         "parser_version": 1, "ingested_at": "2026-01-01T00:00:00"},
        {"id": "b" * 16, "title": None, "outlet": None, "url": None, "published": None,
         "dateline": None, "text": "Second.", "source": None,
         "parser_version": 1, "ingested_at": "2026-01-01T00:00:01"},
    ],
    "entities": [
        {"id": 1, "kind": "actor", "key": "ann lee", "name": "Ann Lee", "type": "person",
         "party": None},
        {"id": 2, "kind": "commodity", "key": "chips", "name": "chips", "type": "chip",
         "party": None},
    ],
    "aliases": [{"id": 1, "entity_id": 1, "alias": "Lee", "key": "lee"}],
    "mentions": [{"id": 1, "entity_id": 1, "article_id": "a" * 16, "start": 0, "end": 7,
                  "text": "Ann Lee"}],
    "roles": [{"id": 1, "entity_id": 1, "article_id": "a" * 16, "role": "minister",
               "start": 0, "end": 7, "text": "Ann Lee"}],
    "sentences": [
        {"id": 1, "article_id": "a" * 16, "idx": 0, "section": None, "block": "paragraph",
         "start": 0, "end": 26, "text": "Ann Lee said chips matter."},
        {"id": 2, "article_id": "a" * 16, "idx": 1, "section": "Q", "block": "paragraph",
         "start": 27, "end": 31, "text": "Why?"},
    ],
    "time_expressions": [{"id": 1, "article_id": "b" * 16, "start": 0, "end": 6,
                          "text": "Second", "resolved": None}],
    "policy_facts": [{"id": 1, "policy_id": 2, "article_id": "a" * 16, "actor_id": 1,
                      "counterpart_id": None, "target": "chips", "status": None,
                      "when_text": None, "when_resolved": None, "start": 13, "end": 18,
                      "text": "chips", "sentence_start": 0, "sentence_end": 26}],
    "statements": [{"id": 1, "article_id": "a" * 16, "speaker_id": 1,
                    "speaker_descriptor": None, "kind": "indirect", "verb": "said",
                    "medium_id": None, "hedge": None, "start": 13, "end": 25,
                    "text": "chips matter", "sentence_start": 0, "sentence_end": 26,
                    "when_text": None, "when_resolved": None}],
    "questions": [{"id": 1, "article_id": "a" * 16, "parent_id": None, "headline": True,
                   "section": "Q", "start": 27, "end": 31, "text": "Why?"}],
    "links": [{"id": 1, "article_id": "a" * 16, "source_id": 1, "relation": "supports",
               "predicate": "said", "target_id": 2, "policy_id": None, "hedge": None,
               "start": 0, "end": 26, "text": "Ann Lee said chips matter.",
               "sentence_start": 0, "sentence_end": 26}],
}


def _fill_first_release(engine) -> dict[str, int]:
    meta = MetaData()
    with engine.begin() as conn:
        meta.reflect(conn, only=list(FIRST_RELEASE_ROWS))
        for name in FIRST_RELEASE_ROWS:  # parents first
            conn.execute(meta.tables[name].insert(), FIRST_RELEASE_ROWS[name])
    return {name: len(rows) for name, rows in FIRST_RELEASE_ROWS.items()}


def _counts(engine) -> dict[str, int]:
    meta = MetaData()
    with engine.connect() as conn:
        meta.reflect(conn, only=list(FIRST_RELEASE_ROWS))
        return {
            name: conn.execute(select(func.count()).select_from(meta.tables[name])).scalar()
            for name in FIRST_RELEASE_ROWS
        }


@pytest.fixture
def engine(fresh_db_url):
    eng = create_engine(fresh_db_url)
    yield eng
    eng.dispose()


def test_upgrade_builds_the_schema_the_models_describe(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    assert migrate.current_version(engine) == 0
    assert migrate.upgrade(engine) == migrate.SCHEMA_VERSION
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        version = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'"))
        assert version.scalar() == str(migrate.SCHEMA_VERSION)
    # Only search tables, which the models do not describe, may differ.
    assert [d for d in diff if not _is_search_table(d)] == []


def _is_search_table(diff) -> bool:
    """FTS5 tables (SQLite) and tsvector indexes (PostgreSQL) of revision 0002."""
    return diff[0] in ("remove_table", "remove_index") and diff[1].name.startswith("search_")


def test_upgrade_twice_changes_nothing(engine):
    migrate.upgrade(engine)
    assert migrate.upgrade(engine) == migrate.SCHEMA_VERSION
    assert migrate.current_version(engine) == migrate.SCHEMA_VERSION


def test_first_release_upgrades_to_head_without_losing_a_row(engine):
    assert migrate.upgrade(engine, "0001") == 1
    before = _fill_first_release(engine)
    migrate.upgrade(engine)
    assert migrate.current_version(engine) == migrate.SCHEMA_VERSION
    assert _counts(engine) == before
    with engine.connect() as conn:
        said = conn.execute(text("SELECT text FROM statements WHERE id = 1")).scalar()
        assert said == "chips matter"
        # Revision 0002 indexed the rows that were already there.
        hits = search(conn.connection.dbapi_connection if engine.dialect.name == "sqlite"
                      else conn, "chips")
    assert {(h["kind"], h["text"]) for h in hits} == {("quote", "chips matter")}


def test_database_from_before_migrations_is_adopted(engine):
    migrate.upgrade(engine, "0001")
    _fill_first_release(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    assert migrate.current_version(engine) == 0
    assert migrate.upgrade(engine) == migrate.SCHEMA_VERSION
    assert _counts(engine)["statements"] == 1


def test_database_from_a_newer_tradelink_is_refused(engine):
    migrate.upgrade(engine)
    newer = f"{migrate.SCHEMA_VERSION + 1:04d}"
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": newer})
    with pytest.raises(DatabaseError) as err:
        migrate.upgrade(engine)
    assert str(err.value) == (
        f"the database has schema revision {newer} but this tradelink 0.1.0 knows "
        f"revisions up to {migrate.HEAD}: upgrade tradelink to use it"
    )
    with engine.connect() as conn:  # untouched
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == newer


def test_stdlib_reader_sees_the_version_and_refuses_newer(tmp_path):
    path = tmp_path / "t.sqlite"
    eng = create_engine(f"sqlite:///{path}")
    migrate.upgrade(eng)
    eng.dispose()
    conn = sqlite3.connect(path)
    assert migrate.check_sqlite(conn) == migrate.SCHEMA_VERSION
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="upgrade tradelink"):
        migrate.check_sqlite(conn)
    conn.close()
    assert migrate.check_sqlite(sqlite3.connect(":memory:")) == 0


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database at all, just some words " * 50)
    with pytest.raises(DatabaseError, match="not a tradelink database"):
        migrate.upgrade(create_engine(f"sqlite:///{path}"))


def test_0007_moves_alias_and_link_indexing_to_the_writer_and_back(tmp_path):
    """0007 drops the per-row insert triggers of the alias-key and link-trigram
    indexes (the writer indexes a transaction's rows before it commits); its
    downgrade puts them back. Rows stored before and after stay searchable."""
    from alembic import command
    from alembic.config import Config

    from tradelink.store import nameindex

    path = tmp_path / "m.sqlite"
    eng = create_engine(f"sqlite:///{path}")
    migrate.upgrade(eng, "0006")
    _fill_first_release(eng)  # indexed by the 0003 triggers

    def triggers() -> set[str]:
        with eng.connect() as conn:
            return {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_ai'")}

    def found() -> tuple[list, list]:
        conn = sqlite3.connect(path)
        try:
            for fts in ("search_alias_keys", "search_link_trigrams"):
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
            named = sorted(r[0] for r in conn.execute(*nameindex.named_ids("sqlite", "lee")))
            linked = sorted(r[0] for r in conn.execute(
                "SELECT rowid FROM search_link_trigrams WHERE text LIKE '%chips%'"))
            return named, linked
        finally:
            conn.close()

    assert {"search_alias_keys_ai", "search_link_trigrams_ai"} <= triggers()
    assert migrate.upgrade(eng) == migrate.SCHEMA_VERSION
    assert not {"search_alias_keys_ai", "search_link_trigrams_ai"} & triggers()
    assert found() == ([1], [1])
    with eng.begin() as conn:  # a raw insert is indexed as the writer does it
        conn.exec_driver_sql("INSERT INTO aliases (id, entity_id, alias, key) "
                             "VALUES (2, 2, 'Lee chips', 'lee chips')")
        conn.exec_driver_sql(
            "INSERT INTO links (id, article_id, source_id, relation, predicate, target_id,"
            f" start, \"end\", text) VALUES (2, '{'b' * 16}', 2, 'supports', 'said', 1, 0, 7,"
            " 'Second chips.')")
        from tradelink.store.write import index_aliases, index_articles
        index_aliases(conn, 1)
        index_articles(conn, ["b" * 16])
    assert found() == ([1, 2], [1, 2])
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    assert {"search_alias_keys_ai", "search_link_trigrams_ai"} <= triggers()
    with eng.begin() as conn:
        assert conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'schema_version'").scalar() == "6"
        conn.exec_driver_sql("INSERT INTO aliases (id, entity_id, alias, key) "
                             "VALUES (3, 1, 'A. Lee', 'a. lee')")
    assert found() == ([1, 2], [1, 2])  # entity 1 already matched; the index is whole
    eng.dispose()
