"""Read-only databases and folders: writes are refused in one line before anything
is written; queries and `doctor` still work.

Root ignores file modes, so as root the commands run under `setpriv` without
CAP_DAC_OVERRIDE, which makes the kernel apply them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import SEEDS, pythonpath_env

PRIV = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
        "--bounding-set=-dac_override,-dac_read_search", "--"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
pytestmark = pytest.mark.skipif(IS_ROOT and shutil.which("setpriv") is None,
                                reason="as root, needs setpriv to make file modes count")


def run(db, *args):
    cmd = [sys.executable, "-m", "tradelink", "--db", str(db), *args]
    return subprocess.run((PRIV if IS_ROOT else []) + cmd, env=pythonpath_env(),
                          capture_output=True, text=True)


def listing(folder):
    return sorted((p.name, p.stat().st_size) for p in folder.iterdir())


@pytest.fixture
def folder(tmp_path, _handmade_db):
    folder = tmp_path / "kb"
    folder.mkdir()
    shutil.copyfile(_handmade_db, folder / "kb.sqlite")
    yield folder
    folder.chmod(0o755)
    for p in folder.iterdir():
        p.chmod(0o644)


def test_read_only_file(folder):
    db = folder / "kb.sqlite"
    db.chmod(0o444)
    before = db.read_bytes()
    r = run(db, "ingest", str(SEEDS))
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == (f"error: {db} is read-only; make it writable or choose another --db "
                        "(queries still work)\n")
    assert db.read_bytes() == before
    r = run(db, "articles", "--json")
    assert (r.returncode, r.stderr) == (0, "")
    assert run(db, "doctor").returncode == 0


def test_read_only_folder(folder):
    db = folder / "kb.sqlite"
    before = listing(folder)
    folder.chmod(0o555)
    r = run(db, "ingest", str(SEEDS))
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == (f"error: cannot write to {db}: the folder {folder} is read-only and "
                        "SQLite keeps its journal there; make it writable or choose another --db\n")
    # Queries (the fast JSON lane and typer's) and doctor still read it.
    for args in (["articles", "--json"], ["quotes"], ["doctor"]):
        r = run(db, *args)
        assert (r.returncode, r.stderr) == (0, ""), (args, r.stderr, r.stdout)
    assert listing(folder) == before


def test_new_database_in_a_read_only_folder(folder):
    folder.chmod(0o555)
    db = folder / "new.sqlite"
    r = run(db, "ingest", str(SEEDS))
    assert r.returncode == 1
    assert r.stderr == (f"error: cannot create {db}: the folder {folder} is read-only and "
                        "SQLite keeps its journal there; make it writable or choose another --db\n")
    assert not db.exists()


@pytest.mark.parametrize("fault", ["newer", "text", "corrupt"])
def test_a_refused_database_is_left_byte_for_byte(folder, fault):
    import sqlite3

    db = folder / "kb.sqlite"
    if fault == "newer":
        conn = sqlite3.connect(db)
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    elif fault == "text":
        db.write_text("not a database\n" * 300)
    else:
        data = bytearray(db.read_bytes())
        data[4096:] = bytes((i * 131 + 7) % 256 for i in range(len(data) - 4096))
        db.write_bytes(bytes(data))
    for p in folder.glob("kb.sqlite-*"):
        p.unlink()
    before = db.read_bytes()
    for args in (["ingest", str(SEEDS)], ["quotes", "--json"], ["db", "upgrade"]):
        r = run(db, *args)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, (args, r.stderr)
        assert "Traceback" not in r.stderr
        assert db.read_bytes() == before, args
        # A reader may leave SQLite's empty log and index files beside a WAL
        # database (read-only connections do not remove them); nothing more.
        assert [(n, size) for n, size in listing(folder) if n != "kb.sqlite-shm"] in (
            [("kb.sqlite", len(before))], [("kb.sqlite", len(before)), ("kb.sqlite-wal", 0)]), args
