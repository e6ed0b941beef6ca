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
