"""The built wheel, installed in a fresh virtual environment, ingests the seed.

This proves the wheel (not only the checkout) carries the vocabulary files.
It builds with the current environment's hatchling and installs the
dependencies from the package registry into the new environment."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def run(*args, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kw)


def test_wheel_installs_and_ingests_the_seed(tmp_path):
    dist = tmp_path / "dist"
    built = run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = dist.glob("tradelink-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tradelink/vocab/furniture.txt" in names
    assert not any(n.startswith(("tests/", "seeds/")) for n in names)

    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    pip = run(venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel)
    assert pip.returncode == 0, pip.stderr[-2000:]

    work = tmp_path / "work"  # outside the checkout: only the installed package can be found
    work.mkdir()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path)}
    tl = venv / "bin" / "tradelink"
    ingested = run(tl, "ingest", SEEDS, cwd=work, env=env)
    assert (ingested.returncode, ingested.stdout) == (0, "1 new, 0 duplicates skipped, 0 failed\n"), ingested.stderr
    assert (work / "data" / "tradelink.sqlite").is_file()
    articles = run(tl, "articles", "--json", cwd=work, env=env)
    assert json.loads(articles.stdout)[0]["outlet"] == "Rare Earth Exchanges"
    where = run(venv / "bin" / "python", "-c", "from tradelink import vocab; print(vocab.vocab_dir())",
                cwd=work, env=env)
    assert where.stdout.strip().startswith(str(venv)), where
