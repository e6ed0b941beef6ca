"""tradelink.store.doctor on healthy and broken databases (built by hand)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from tradelink.errors import DatabaseError
from tradelink.store import doctor
from tradelink.store.migrate import SCHEMA_VERSION

TEXT = "Officials said the deal was done. “We agreed,” she said."


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A migrated SQLite database holding one small article, built once."""
    from sqlalchemy import create_engine

    from tradelink.store import migrate

    path = tmp_path_factory.mktemp("doctor") / "template.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("INSERT INTO articles (id, text, parser_version, ingested_at) "
                 "VALUES ('a1', ?, 1, '2026-01-01')", (TEXT,))
    conn.execute("INSERT INTO entities (id, kind, key, name, type) "
                 "VALUES (1, 'actor', 'officials', 'officials', 'group')")
    conn.execute("INSERT INTO mentions (entity_id, article_id, start, \"end\", text) "
                 "VALUES (1, 'a1', 0, 9, 'Officials')")
    start = TEXT.index("We")
    conn.execute("INSERT INTO statements (article_id, speaker_id, kind, verb, start, \"end\", "
                 "text) VALUES ('a1', 1, 'direct', 'said', ?, ?, 'We agreed')",
                 (start, start + len("We agreed")))
    # The writer indexes a transaction's new statements itself (no insert trigger).
    conn.execute("INSERT INTO search_statements(rowid, text) SELECT id, text FROM statements")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def db(template, tmp_path):
    path = tmp_path / "db.sqlite"
    shutil.copy(template, path)
    return path


def run(path):
    conn, label = doctor.connect(str(path))
    try:
        return doctor.diagnose(conn, label)
    finally:
        conn.close()


def summary(diag):
    return {c.name: c.ok for c in diag.checks}


def test_healthy_database(db):
    diag = run(db)
    assert diag.ok, diag.as_dict()
    assert summary(diag) == {"integrity": True, "schema": True, "orphans": True,
                             "spans": True, "fts": True, "link_ends": True}
    assert diag.counts == {"articles": 1, "entities": 1, "mentions": 1, "statements": 1,
                           "questions": 0, "links": 0}
    assert [c.detail for c in diag.checks] == [
        "PRAGMA integrity_check: ok; foreign keys hold",
        f"version {SCHEMA_VERSION} (current)",
        "no orphaned rows",
        "2 spans slice back (all)",
        "6 indexes in sync",
        "0 distinct ends of the links, in sync",
    ]


def test_link_ends_out_of_sync(db):
    edit(db, "INSERT INTO link_ends (source_id, target_id, policy_id, n) VALUES (1, 1, 0, 2)")
    check = next(c for c in run(db).checks if c.name == "link_ends")
    assert (check.ok, check.problems) == (False, 1)
    assert check.detail.startswith("link_ends differs from links on 1 row; rebuild it with: "
                                   "DELETE FROM link_ends; INSERT INTO link_ends ")


def test_doctor_does_not_write(db):
    before = db.read_bytes()
    run(db)
    assert db.read_bytes() == before


def edit(path, *sql):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    for s in sql:
        conn.execute(s)
    conn.commit()
    conn.close()


def test_orphans(db):
    edit(db, "DELETE FROM articles",
         "INSERT INTO entities (id, kind, key, name, type) VALUES (2, 'actor', 'x', 'X', 'person')")
    diag = run(db)
    assert summary(diag)["orphans"] is False
    check = next(c for c in diag.checks if c.name == "orphans")
    assert check.detail == ("3 orphaned rows (mentions without article: 1, statements without "
                            "article: 1, entities nothing refers to: 1); re-ingest the "
                            "affected articles")
    assert summary(diag)["integrity"] is False  # foreign_key_check sees them too


def test_bad_span(db):
    edit(db, "UPDATE statements SET start = start + 1")
    check = next(c for c in run(db).checks if c.name == "spans")
    assert (check.ok, check.problems) == (False, 1)
    assert check.detail == ("1 of 2 spans do not slice back to their text (statements: 1); "
                            "delete and re-ingest those articles")


def test_fts_out_of_sync(db):  # a row inserted without its index entry
    start = TEXT.index("the deal")
    edit(db, "INSERT INTO statements (article_id, kind, verb, start, \"end\", text) "
         f"VALUES ('a1', 'indirect', 'said', {start}, {start + 8}, 'the deal')")
    check = next(c for c in run(db).checks if c.name == "fts")
    assert (check.ok, check.detail) == (False, (
        "search_statements has 1 row, statements has 2; rebuild with: sqlite3 DB "
        "\"INSERT INTO search_statements(search_statements) VALUES('rebuild')\""))


def test_newer_schema(db):
    edit(db, "UPDATE alembic_version SET version_num = '0999'")
    check = next(c for c in run(db).checks if c.name == "schema")
    assert not check.ok
    assert check.detail.startswith("version 999 is newer than this tradelink knows")


def test_text_file_is_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes\n" * 100)
    diag = run(path)
    assert not diag.ok
    assert [c.detail for c in diag.checks] == [
        "cannot read the database: file is not a database; it is not a tradelink "
        "database or it is damaged"]


def test_corrupt_file(db):
    data = bytearray(db.read_bytes())
    data[100:] = bytes((i * 37 + 11) % 256 for i in range(len(data) - 100))
    db.write_bytes(bytes(data))
    diag = run(db)
    assert not diag.ok
    assert diag.checks[0].name == "integrity" and not diag.checks[0].ok


def test_missing_database(tmp_path):
    with pytest.raises(DatabaseError) as exc:
        doctor.connect(str(tmp_path / "none.sqlite"))
    assert str(exc.value) == (f"no database at {tmp_path / 'none.sqlite'}; "
                              "run `tradelink ingest PATH` first to create it")
    assert not (tmp_path / "none.sqlite").exists()


def test_unreachable_postgres():
    pytest.importorskip("psycopg")
    with pytest.raises(DatabaseError) as exc:
        doctor.connect("postgresql+psycopg://nobody:secret@127.0.0.1:1/x")
    message = str(exc.value)
    assert message.startswith("cannot connect to postgresql+psycopg://127.0.0.1:1/x: ")
    assert "secret" not in message and "\n" not in message


def test_empty_store_on_each_backend(store_url):
    diag = run(store_url)
    assert diag.ok, diag.as_dict()
    assert [c.name for c in diag.checks] == ["integrity", "schema", "orphans", "spans", "fts",
                                                "link_ends"]
    assert diag.counts["articles"] == 0


# --- the command --------------------------------------------------------------------


def test_cli_report_on_a_healthy_database(cli, handmade_db):
    r = cli("doctor")
    assert (r.exit_code, r.stderr) == (0, "")
    lines = r.stdout.splitlines()
    assert lines[0] == f"tradelink doctor: {handmade_db} (sqlite)"
    assert [line.split()[:2] for line in lines[1:7]] == [
        ["ok", "integrity"], ["ok", "schema"], ["ok", "orphans"], ["ok", "spans"], ["ok", "fts"],
        ["ok", "link_ends"]]
    assert lines[7].startswith("  holds 2 articles, ")
    assert lines[8:] == ["no problems found"]


def test_cli_reports_problems_and_exits_1(cli, handmade_db):
    edit(handmade_db, "UPDATE statements SET text = 'x' || text",
         "UPDATE alembic_version SET version_num = '0999'")
    r = cli("doctor")
    assert r.exit_code == 1
    problems = [line for line in r.stdout.splitlines() if line.startswith("  PROBLEM")]
    assert [p.split()[1] for p in problems] == ["schema", "spans"]
    assert r.stdout.endswith("2 problems found\n")


def test_cli_json(cli, handmade_db):
    import json

    r = cli("doctor", "--json", "--sample", "1")
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and data["ok"] is True
    assert set(data) == {"database", "backend", "ok", "checks", "counts"}
    assert [c["name"] for c in data["checks"]] == ["integrity", "schema", "orphans", "spans", "fts",
                                                "link_ends"]
    assert all(set(c) == {"name", "ok", "detail", "problems"} for c in data["checks"])
    assert data["checks"][3]["detail"].endswith("(sampled)")


def test_cli_on_a_text_file(cli, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    r = cli("--db", str(path), "doctor")
    assert r.exit_code == 1
    assert r.stdout == (f"tradelink doctor: {path} (sqlite)\n"
                        "  PROBLEM  integrity  cannot read the database: file is not a database; "
                        "it is not a tradelink database or it is damaged\n"
                        "1 problem found\n")
    assert path.read_text() == "hello\n"


def test_cli_on_a_missing_database_creates_nothing(cli, tmp_path):
    r = cli("--db", str(tmp_path / "no" / "db.sqlite"), "doctor")
    assert (r.exit_code, r.stdout) == (1, "")
    assert r.stderr == (f"error: no database at {tmp_path / 'no' / 'db.sqlite'}; "
                        "run `tradelink ingest PATH` first to create it\n")
    assert not (tmp_path / "no").exists()


def test_cli_after_an_ingest_on_each_backend(cli, db_url):
    import json

    from conftest import SEEDS

    assert cli("--db", db_url, "ingest", str(SEEDS)).exit_code == 0
    r = cli("--db", db_url, "doctor", "--json")
    data = json.loads(r.stdout)
    assert (r.exit_code, data["ok"]) == (0, True), data
    assert data["counts"]["articles"] == 1 and data["counts"]["statements"] > 0
    spans = next(c for c in data["checks"] if c["name"] == "spans")
    assert spans["detail"].endswith("slice back (all)")
