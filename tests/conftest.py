"""Shared fixtures.

* Every test runs in its own temporary directory with ``TRADELINK_DB`` pointing
  at a file there, so nothing touches a real database or the checkout.
* The seed database is built once per session (the seed article through the
  real pipeline plus two hand-built extractions) and copied for each test
  that asks for ``seeded``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from _backends import (  # noqa: E402,F401  (fixtures: SQLite and PostgreSQL backends)
    _pg_empty,
    _sqlite_template,
    backend,
    db_url,
    fresh_db_url,
    pg_fresh_url,
    pg_server,
    pg_session_url,
    pg_url,
    store_url,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRADELINK_DB", str(tmp_path / "test.sqlite"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


def _build(path: Path) -> None:
    from sqlalchemy.orm import Session

    import handmade
    from tradelink.store.db import ensure_schema, open_engine, resolve
    from tradelink.store.write import ingest

    engine = open_engine(resolve(str(path)))
    ensure_schema(engine)
    for x in (handmade.extraction_a(), handmade.extraction_b()):
        with Session(engine) as s, s.begin():
            ingest(s, x)
    engine.dispose()


@pytest.fixture(scope="session")
def _handmade_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("handmade") / "handmade.sqlite"
    _build(path)
    return path


@pytest.fixture(scope="session")
def _seed_db(tmp_path_factory) -> Path:
    from tradelink import bulk
    from tradelink.inputs import collect
    from tradelink.store.db import ensure_schema, open_engine, resolve

    path = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    sources, errors = collect([str(SEEDS)])
    assert not errors

    def factory():
        engine = open_engine(resolve(str(path)))
        ensure_schema(engine)
        return engine

    outcomes = list(bulk.run(sources, factory, jobs=1))
    assert [o.status for o in outcomes] == ["new"], outcomes
    return path


def _copy(src: Path, dest: Path, monkeypatch) -> Path:
    shutil.copyfile(src, dest)
    monkeypatch.setenv("TRADELINK_DB", str(dest))
    return dest


@pytest.fixture
def handmade_db(_handmade_db, tmp_path, monkeypatch) -> Path:
    """A copy of the database holding the two hand-built articles; TRADELINK_DB points at it."""
    return _copy(_handmade_db, tmp_path / "handmade.sqlite", monkeypatch)


@pytest.fixture
def seeded(_seed_db, tmp_path, monkeypatch) -> Path:
    """A copy of the database holding the seed article; TRADELINK_DB points at it."""
    return _copy(_seed_db, tmp_path / "seed.sqlite", monkeypatch)


@pytest.fixture
def cli():
    """Run the CLI in-process: ``cli("quotes", "--json")`` → result with stdout, stderr, exit_code."""
    from typer.testing import CliRunner

    from tradelink.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return run


def pythonpath_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


HEAVY = ("alembic", "pydantic", "rich", "sqlalchemy")

_PROBE = """\
import runpy, sys
sys.argv = ['tradelink', *sys.argv[1:]]
try:
    runpy.run_module('tradelink', run_name='__main__')
except SystemExit as e:
    assert not e.code, e.code
print(sorted({m.split('.')[0] for m in sys.modules} & set(%r)), file=sys.stderr)
"""


def run_counting_heavy_imports(*args: str) -> tuple[str, str]:
    """Run ``tradelink ARGS`` in a fresh interpreter, as the console script does.

    Returns its stdout and, on stderr's last line, the heavy packages
    (`HEAVY`) it imported: ``"[]"`` when start-up stayed lean."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _PROBE % (HEAVY,), *args],
                          capture_output=True, text=True, env=pythonpath_env())
    return done.stdout, done.stderr
