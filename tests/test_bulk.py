"""Bulk ingest: parallel parsing, batches, one summary line, nothing lost."""

from __future__ import annotations

import json

import pytest

from tradelink import bulk
from tradelink.inputs import Source


def make_folder(root, n: int, bad: tuple[int, ...] = ()):
    folder = root / "corpus"
    (folder / "sub").mkdir(parents=True)
    for i in range(n):
        where = folder / "sub" if i % 3 == 0 else folder
        if i in bad:
            (where / f"{i:03d}.txt").write_bytes(b"\x00binary\x00")
        else:
            (where / f"{i:03d}.txt").write_text(
                f"Report {i}\nThe ministry said on Monday that exports of magnets would resume, "
                f"analyst number {i} said.\n")
    (folder / "skip.meta.json").write_text("{}")
    return folder


@pytest.mark.slow
def test_parallel_ingest_stores_every_good_file_once(cli, tmp_path):
    folder = make_folder(tmp_path, 40, bad=(7, 31))
    r = cli("ingest", str(folder), "--jobs", "2")
    assert r.exit_code == 1
    assert r.stdout == "38 new, 0 duplicates skipped, 2 failed\n"
    assert sorted(r.stderr.splitlines()) == sorted(
        f"error: {p}: is a binary file (it contains NUL bytes), not text; give a text or HTML article"
        for p in (folder / "007.txt", folder / "031.txt"))
    assert len(json.loads(cli("articles", "--json").stdout)) == 38
    r = cli("ingest", str(folder), "--jobs", "2")
    assert r.stdout == "0 new, 38 duplicates skipped, 2 failed\n"


def test_outcomes_come_in_order_and_a_parser_crash_loses_nothing(tmp_path, monkeypatch):
    from tradelink.store.db import ensure_schema, open_engine, resolve

    folder = make_folder(tmp_path, 6)
    files = sorted(folder.rglob("*.txt"))
    import tradelink.extract as ex

    real = ex.extract

    def flaky(text, meta=None, source=None):
        if source and source.endswith("004.txt"):
            raise RuntimeError("boom")
        return real(text, meta, source)

    monkeypatch.setattr(ex, "extract", flaky)

    def factory():
        engine = open_engine(resolve(str(tmp_path / "b.sqlite")))
        ensure_schema(engine)
        return engine

    outs = list(bulk.run([Source(f) for f in files], factory, jobs=1, batch=2))
    assert [o.name for o in outs] == [str(f) for f in files]
    assert [o.status for o in outs].count("new") == 5
    (crash,) = [o for o in outs if o.status == "failed"]
    assert crash.reason == (f"{folder / '004.txt'}: could not be read as an article "
                            "(RuntimeError: boom); please report this")


@pytest.mark.parametrize("error", ["integrity", "tradelink"])
def test_an_article_that_cannot_be_stored_costs_only_itself(tmp_path, monkeypatch, error):
    """The batch is written without savepoints first; when one article fails, the
    batch is redone a savepoint per article: the others are stored whole, the bad
    one not at all, and every index matches its table."""
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    from tradelink.errors import InputError
    from tradelink.store import write
    from tradelink.store.db import ensure_schema, open_engine, resolve

    folder = make_folder(tmp_path, 6)
    files = sorted(folder.rglob("*.txt"))
    real = write.ingest
    tries = []

    def flaky(session, x, *args):
        res = real(session, x, *args)  # its rows are written, then it fails
        if x.article.source.endswith("003.txt"):
            tries.append(x.article.id)
            if error == "integrity":
                raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed: x"))
            raise InputError("unstorable")
        return res

    monkeypatch.setattr(write, "ingest", flaky)
    db = tmp_path / "b.sqlite"

    def factory():
        engine = open_engine(resolve(str(db)))
        ensure_schema(engine)
        return engine

    outs = list(bulk.run([Source(f) for f in files], factory, jobs=1, batch=4))
    assert [o.name for o in outs] == [str(f) for f in files]
    bad = next(i for i, f in enumerate(files) if f.name == "003.txt")
    assert [o.status for o in outs] == ["failed" if i == bad else "new" for i in range(6)]
    assert outs[bad].reason.startswith(f"{files[bad]}: could not be stored (")
    assert len(tries) == (1 + 1 + bulk.RETRIES if error == "integrity" else 2)  # whole, then each
    conn = sqlite3.connect(db)
    stored = {r[0] for r in conn.execute("SELECT id FROM articles")}
    assert stored == {o.article_id for o in outs if o.status == "new"}
    assert outs[bad].article_id not in stored
    for table in ("sentences", "mentions", "statements", "links"):
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?",
                            (outs[bad].article_id,)).fetchone() == (0,)
    for fts in ("search_sentences", "search_statements", "search_questions",
                "search_link_trigrams", "search_alias_keys", "search_entity_keys"):
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        table = {"search_alias_keys": "aliases", "search_entity_keys": "entities",
                 "search_link_trigrams": "links"}.get(fts, fts.removeprefix("search_"))
        assert (conn.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()
                == conn.execute(f"SELECT count(*) FROM {table}").fetchone())
    conn.close()


def test_verbose_prints_one_line_per_article(cli, tmp_path):
    folder = make_folder(tmp_path, 2)
    r = cli("ingest", "-v", str(folder))
    lines = r.stdout.splitlines()
    assert [ln.split("\t")[0] for ln in lines[:-1]] == ["new", "new"]
    assert lines[-1] == "2 new, 0 duplicates skipped, 0 failed"


def test_title_applies_to_one_article_only(cli, tmp_path):
    folder = make_folder(tmp_path, 2)
    r = cli("ingest", str(folder), "--title", "One title")
    assert (r.exit_code, r.stderr) == (
        2, "error: --title and --url describe one article; ingest one file at a time with them\n")


@pytest.mark.slow
def test_two_ingests_and_a_reader_at_once_lose_nothing(tmp_path):
    """Two writers on one SQLite file (WAL, BEGIN IMMEDIATE, busy timeout) and a reader."""
    import subprocess
    import sys

    from conftest import pythonpath_env

    folder = make_folder(tmp_path, 60)
    files = sorted(folder.rglob("*.txt"))
    halves = [tmp_path / "h1", tmp_path / "h2"]
    for half, chunk in zip(halves, (files[:40], files[20:])):  # 20 files in both
        half.mkdir()
        for f in chunk:
            (half / f.name).write_bytes(f.read_bytes())
    db = tmp_path / "shared.sqlite"
    env = pythonpath_env()
    subprocess.run([sys.executable, "-m", "tradelink", "--db", str(db), "ingest", str(files[0])],
                   env=env, check=True, capture_output=True)
    cmd = [sys.executable, "-m", "tradelink", "--db", str(db)]
    writers = [subprocess.Popen([*cmd, "ingest", str(h), "--jobs", "1"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for h in halves]
    seen = []
    while any(w.poll() is None for w in writers):
        r = subprocess.run([*cmd, "articles", "--json"], env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        seen.append(len(json.loads(r.stdout)))
    outs = [w.communicate() for w in writers]
    assert [w.returncode for w in writers] == [0, 0], outs
    new = sum(int(out.split()[0]) for out, _ in outs)
    assert new == 59  # the first file was stored before
    final = subprocess.run([*cmd, "articles", "--json"], env=env, capture_output=True, text=True)
    assert len(json.loads(final.stdout)) == 60
    assert seen == sorted(seen)


def test_known_articles_are_not_extracted_again(cli, tmp_path, monkeypatch):
    folder = make_folder(tmp_path, 3)
    assert cli("ingest", str(folder)).exit_code == 0
    import tradelink.extract as ex

    def fail(*a, **k):
        raise AssertionError("extracted a stored article again")

    monkeypatch.setattr(ex, "extract", fail)
    r = cli("ingest", str(folder), "-v")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[-1] == "0 new, 3 duplicates skipped, 0 failed"
    assert [ln.split("\t")[0] for ln in r.stdout.splitlines()[:-1]] == ["duplicate"] * 3


# SIGKILL part-way through an ingest: tests/test_kill.py.
