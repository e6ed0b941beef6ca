"""The indexed name and term lookups (migration 0003) give exactly the plain
queries' answers: same LIKE, only a narrower set of rows to test."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from tradelink.store import migrate, nameindex
from tradelink.store.names import key_of
from tradelink.store.write import rebuild_indexes

NAMES = ["Howard Lutnick", "Lutnick", "Dana Whitfield", "U.S. Commerce Department", "O'Brien",
         "Anne-Marie Dupré", "Ngozi Okafor-Lutnick", "rare earths", "NdPr magnets", "H20",
         "export ban (April)", "50% tariff", "Lutnickson", "Commerce Secretary Howard Lutnick"]
TEXTS = ["Nvidia sells H20 chips to China", "magnets for chips", "50% reckless_risky",
         "Lutnick confirmed the magnet deal", "the April export ban was reversed", "Zoë said so"]


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "n.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    c = sqlite3.connect(path)
    c.execute("INSERT INTO articles (id, text, parser_version, ingested_at) "
              "VALUES ('a', 'x', 1, 'now')")
    for i, name in enumerate(NAMES, 1):
        c.execute("INSERT INTO entities (id, kind, key, name, type) VALUES (?, ?, ?, ?, ?)",
                  (i, "actor" if i % 3 else "commodity", key_of(name), name,
                   "person" if i % 2 else "organization"))
        c.execute("INSERT INTO aliases (entity_id, alias, key) VALUES (?, ?, ?)",
                  (i, name.split()[-1], key_of(name.split()[-1])))
    for i, text in enumerate(TEXTS, 1):
        c.execute("INSERT INTO links (article_id, source_id, relation, predicate, target_id,"
                  " policy_id, start, \"end\", text) VALUES ('a', ?, 'related_to', 'x', ?, ?, 0, 1, ?)",
                  (i, i + 1, i + 2 if i % 2 else None, text))
    rebuild_indexes(c)  # raw inserts: index them as the writer does
    c.commit()
    yield c
    c.close()


def ids(conn, sql_params):
    sql, params = sql_params
    return sorted(r[0] for r in conn.execute(sql, params))


def same_named(conn, term, kind=None):
    fast = ids(conn, nameindex.named_ids("sqlite", term, kind=kind))
    plain = ids(conn, nameindex.named_ids("postgresql", term, kind=kind))
    assert fast == plain, term
    return fast


def test_names_match_whole_words_of_any_alias(conn):
    assert same_named(conn, "lutnick", kind="actor") == [1, 2, 14]  # not "okafor-lutnick"
    assert same_named(conn, "howard lutnick") == [1, 14]
    assert same_named(conn, "lutn") == []
    assert same_named(conn, "o'brien") == [5]
    assert same_named(conn, "DUPRÉ") == [6]
    assert same_named(conn, "50%") == [12]
    assert same_named(conn, "%") == []


def test_the_index_is_used(conn):
    sql, params = nameindex.named_ids("sqlite", "lutnick")
    plan = " ".join(str(r) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    # Rows come from the word indexes, not from a walk over every entity.
    assert "SCAN fe VIRTUAL TABLE" in plan and "SCAN fa VIRTUAL TABLE" in plan
    assert "SCAN e" not in plan and "(kind=?)" not in plan


def test_surname_lookup(conn):
    fast = ids(conn, nameindex.surname_ids("sqlite", "lutnick"))
    assert fast == ids(conn, nameindex.surname_ids("postgresql", "lutnick")) == [1]


def links_about(conn, dialect, term):
    cond, params = nameindex.links_about(dialect, term)
    return sorted(r[0] for r in conn.execute(f"SELECT l.id FROM links l WHERE {cond}", params))


@pytest.mark.parametrize("term", ["chips", "CHIP", "h20", "lutnick", "50%", "reckless_risky",
                                  "ban", "zoë", "ab", "magnets for", "April export"])
def test_links_about_is_unchanged(conn, term):
    assert links_about(conn, "sqlite", term) == links_about(conn, "postgresql", term)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("lutnick howard'%_\\\"*()-éÉ ")), max_size=16))
def test_any_term_gives_the_plain_answer(conn, term):
    same_named(conn, term)
    assert links_about(conn, "sqlite", term) == links_about(conn, "postgresql", term)
    key = key_of(term)
    if key and " " not in key:
        assert ids(conn, nameindex.surname_ids("sqlite", key)) == \
            ids(conn, nameindex.surname_ids("postgresql", key))
