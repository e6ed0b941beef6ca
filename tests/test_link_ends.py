"""``link_ends`` (migration 0008): each distinct (source, target, policy) of the
links, how many links have it and the id of the newest (0009), which `path`
walks instead of every link.
It must follow ``links`` through every way rows come and go, on both backends:
the writer, reparse, an article deleted (cascade), a policy deleted (its links
keep their ends but lose the policy; links from or to it go), raw inserts
(rebuilt), and the migration that fills it for an existing database."""

from __future__ import annotations

import sqlite3

import pytest
from graph_data import seed_like, syndicated
from graph_kb import write
from sqlalchemy import create_engine

from tradelink.store import doctor, migrate
from tradelink.store.db import open_engine, resolve

GROUPED = ("SELECT source_id, target_id, COALESCE(policy_id, 0), COUNT(*), MAX(id) FROM links "
           "GROUP BY source_id, target_id, COALESCE(policy_id, 0)")


def ends(url: str) -> tuple[list, list]:
    """(link_ends, the same computed from links), sorted."""
    engine = open_engine(resolve(url))
    try:
        with engine.connect() as conn:
            stored = sorted(tuple(r) for r in conn.exec_driver_sql(
                "SELECT source_id, target_id, policy_id, n, newest FROM link_ends"))
            wanted = sorted(tuple(r) for r in conn.exec_driver_sql(GROUPED))
        return stored, wanted
    finally:
        engine.dispose()


def in_step(url: str) -> list:
    stored, wanted = ends(url)
    assert stored == wanted
    return stored


def run_sql(url: str, *statements: str) -> None:
    engine = open_engine(resolve(url))
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def test_the_writer_keeps_it(db_url):
    write(db_url, [seed_like()])
    first = in_step(db_url)
    assert first and all(n >= 1 for *_, n, _newest in first)
    write(db_url, [syndicated()])  # the same Lutnick-confirms-the-deal link again
    after = in_step(db_url)
    assert sum(n for *_, n, _newest in after) > sum(n for *_, n, _newest in first)
    assert any(n == 2 for *_, n, _newest in after)


def test_deleting_an_article_takes_its_links_off(db_url):
    write(db_url, [seed_like(), syndicated()])
    both = {row[:3]: row[3:] for row in in_step(db_url)}
    run_sql(db_url, f"DELETE FROM articles WHERE id = '{syndicated().article.id}'")
    left = {row[:3]: row[3:] for row in in_step(db_url)}
    # a triple both articles link keeps one link, the older: its newest now
    shared = [ends for ends, (n, _newest) in both.items() if n == 2]
    assert shared
    assert all(left[e][0] == 1 and left[e][1] < both[e][1] for e in shared)
    run_sql(db_url, f"DELETE FROM articles WHERE id = '{seed_like().article.id}'")
    assert in_step(db_url) == []


def test_deleting_a_policy_moves_its_links(db_url):
    write(db_url, [seed_like(), syndicated()])
    run_sql(db_url, "DELETE FROM entities WHERE id IN (SELECT MIN(policy_id) FROM links)")
    in_step(db_url)


def test_reparse_keeps_it(db_url):
    from tradelink.store import reparse

    write(db_url, [seed_like(), syndicated()])
    engine = open_engine(resolve(db_url))
    try:
        list(reparse.reparse(engine, reparse.pending(engine, everything=True)))
    finally:
        engine.dispose()
    in_step(db_url)


def test_doctor_sees_it_out_of_step(db_url):
    write(db_url, [seed_like()])
    run_sql(db_url, "UPDATE link_ends SET n = n + 1 WHERE source_id = "
                    "(SELECT MIN(source_id) FROM link_ends)")
    conn, label = doctor.connect(db_url)
    try:
        check = next(c for c in doctor.diagnose(conn, label).checks if c.name == "link_ends")
    finally:
        conn.close()
    assert (check.ok, check.problems) == (False, 1)
    run_sql(db_url, doctor.LINK_ENDS_FIX.split("; ")[0], doctor.LINK_ENDS_FIX.split("; ")[1])
    in_step(db_url)


def _downgraded(path, revision: str):
    """An engine on ``path`` after Alembic's downgrade to ``revision``."""
    from alembic import command
    from alembic.config import Config

    eng = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    with eng.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    return eng


def test_0008_fills_it_and_downgrades(tmp_path):
    path = tmp_path / "m.sqlite"
    write(str(path), [seed_like(), syndicated()])  # at head: the writer filled it
    expected = in_step(str(path))
    eng = _downgraded(path, "0007")
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'link_ends%'")}
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    conn.close()
    assert (names, version) == (set(), "7")
    assert migrate.upgrade(eng) == migrate.SCHEMA_VERSION
    eng.dispose()
    assert in_step(str(path)) == expected
    run_sql(str(path), f"DELETE FROM articles WHERE id = '{seed_like().article.id}'")
    in_step(str(path))


def test_0009_fills_the_newest_and_downgrades(tmp_path):
    path = tmp_path / "m.sqlite"
    write(str(path), [seed_like(), syndicated()])
    expected = in_step(str(path))
    eng = _downgraded(path, "0008")
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(link_ends)")]
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"DELETE FROM articles WHERE id = '{syndicated().article.id}'")  # 0008's triggers
    conn.execute("UPDATE link_ends SET n = n + 1 WHERE source_id = "
                 "(SELECT MIN(source_id) FROM link_ends)")
    conn.commit()
    conn.close()
    assert columns == ["source_id", "target_id", "policy_id", "n"]
    # doctor reads a schema-8 link_ends as such, and says how to rebuild it
    diag, label = doctor.connect(str(path))
    try:
        check = next(c for c in doctor.diagnose(diag, label).checks if c.name == "link_ends")
    finally:
        diag.close()
    assert (check.ok, check.problems) == (False, 1)
    assert check.detail.endswith(doctor.link_ends_fix(newest=False))
    run_sql(str(path), *doctor.link_ends_fix(newest=False).split("; "))
    assert migrate.upgrade(eng) == migrate.SCHEMA_VERSION
    eng.dispose()
    assert in_step(str(path)) != expected  # filled again, after the delete
    run_sql(str(path), f"DELETE FROM articles WHERE id = '{seed_like().article.id}'")
    assert in_step(str(path)) == []


@pytest.mark.postgres
def test_0008_and_0009_on_postgresql(pg_fresh_url):
    eng = create_engine(pg_fresh_url)
    migrate.upgrade(eng, "0007")
    eng.dispose()
    write(pg_fresh_url, [seed_like(), syndicated()])  # upgrades to head first, then writes
    in_step(pg_fresh_url)
    eng = create_engine(pg_fresh_url)
    try:
        with eng.begin() as conn:
            migrate._alembic(conn, "downgrade", "0008")  # 0008's trigger functions again
            conn.exec_driver_sql(f"DELETE FROM articles WHERE id = '{syndicated().article.id}'")
            left = sorted(tuple(r) for r in conn.exec_driver_sql(
                "SELECT source_id, target_id, policy_id, n FROM link_ends"))
            assert left == [row[:4] for row in sorted(
                tuple(r) for r in conn.exec_driver_sql(GROUPED))]
        assert migrate.upgrade(eng) == migrate.SCHEMA_VERSION
    finally:
        eng.dispose()
    in_step(pg_fresh_url)
