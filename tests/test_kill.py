"""Atomic ingest: SIGKILL an ingest part-way, and nothing is half-stored.

After every kill the database opens, passes ``PRAGMA integrity_check``, and holds
only whole articles: each stored article has exactly the records a clean ingest
of the same file gives it. Running the same ingest again completes the rest,
without duplicates.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT, pythonpath_env

N_ARTICLES = 70  # more than one write batch (bulk.BATCH = 64)
# Tables whose rows belong to one article.
PER_ARTICLE = ("sentences", "mentions", "roles", "time_expressions", "policy_facts",
               "statements", "questions", "links")


def corpus(folder, n: int):
    """Write *n* synthetic articles (bench/corpus.py, fixed seed) into *folder*."""
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "bench" / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.write_corpus(folder, n, seed=11)
    return folder


def fingerprint(path) -> dict[str, tuple]:
    """Per article id: the number of rows in each per-article table, and the
    sorted (start, end, text) of its statements, questions and mentions."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        out = {}
        for aid in ids:
            counts = tuple(conn.execute(f"SELECT count(*) FROM {t} WHERE article_id = ?",
                                        (aid,)).fetchone()[0] for t in PER_ARTICLE)
            spans = tuple(
                tuple(conn.execute(f'SELECT start, "end", text FROM {t} WHERE article_id = ? '
                                   'ORDER BY start, "end", text', (aid,)).fetchall())
                for t in ("statements", "questions", "mentions"))
            out[aid] = (counts, spans)
        return out
    finally:
        conn.close()


def check_whole(path, clean: dict) -> int:
    """Assert the database is sound and holds only whole articles; return how many."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT count(*) FROM statements s WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = s.article_id)").fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()
    got = fingerprint(path)
    for aid, fp in got.items():
        assert fp == clean[aid], f"article {aid} is not whole after the kill"
    return len(got)


def ingest_cmd(db, folder):
    return [sys.executable, "-m", "tradelink", "--db", str(db), "ingest", str(folder), "--jobs", "1"]


def stored(db) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # the schema is not there yet


@pytest.mark.slow
def test_sigkill_part_way_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    folder = corpus(tmp_path / "corpus", N_ARTICLES)
    env = pythonpath_env()

    clean_db = tmp_path / "clean.sqlite"
    r = subprocess.run(ingest_cmd(clean_db, folder), env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    clean = fingerprint(clean_db)
    assert len(clean) == N_ARTICLES

    db = tmp_path / "killed.sqlite"
    kills = []
    # First kill: as soon as the first batch is committed, part-way through the
    # next. Second kill: a second into the re-run, wherever it is.
    for first in (True, False):
        proc = subprocess.Popen(ingest_cmd(db, folder), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        started = time.monotonic()
        while proc.poll() is None and time.monotonic() - started < 60:
            if (stored(db) > 0) if first else (time.monotonic() - started > 1.0):
                break
            time.sleep(0.01)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        kills.append((proc.returncode, check_whole(db, clean)))
    assert kills[0][0] == -signal.SIGKILL, "the first ingest finished before it could be killed"
    assert 0 < kills[0][1] < N_ARTICLES

    r = subprocess.run(ingest_cmd(db, folder), env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    done = kills[-1][1]
    assert r.stdout == (f"{N_ARTICLES - done} new, {done} duplicates skipped, 0 failed\n")
    assert fingerprint(db) == clean
    assert check_whole(db, clean) == N_ARTICLES
    r = subprocess.run([sys.executable, "-m", "tradelink", "--db", str(db), "doctor"],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout
