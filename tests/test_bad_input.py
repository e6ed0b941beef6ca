"""`tradelink ingest` on bad input, beyond tests/test_faults.py: the exact line for
each case, usage errors (exit 2), sidecars, HTML without its extra, and a batch
mixing every kind. The database is compared row by row before and after."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

import pytest

GOOD = ("Magnet deal\n\nCommerce officials said on Monday that licences for chip sales "
        "would resume. “We agreed,” the minister said.\n")


def snapshot(path: Path) -> dict[str, str] | None:
    """A digest of every table's rows, or None when there is no database."""
    if not path.exists():
        return None
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {}
        for t in tables:
            h = hashlib.sha256()
            for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1'):
                h.update(repr(row).encode())
            out[t] = h.hexdigest()
        return out
    finally:
        conn.close()


def make(tmp_path: Path, name: str, data) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


# (file name, bytes, extra options, exit code, message after "error: <path>: ")
CASES = [
    ("nbsp.txt", "\u00a0\u2003\n".encode(), [], 1, "the file holds only whitespace; nothing to ingest"),
    ("scan.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", [], 1,
     "is a JPEG image, not text; give a text or HTML article"),
    ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", [], 1,
     "is a PDF document, not text; give a text or HTML article"),
    ("wrongenc.txt", "Café crème, said the minister.".encode("latin-1"), ["--encoding", "utf-8"], 1,
     "is not valid utf-8 (byte 3); pass the right --encoding"),
    ("big.txt", GOOD * 10, ["--max-bytes", "500"], 1,
     f"{len(GOOD.encode()) * 10 / 1000:.1f} kB is over the 500 bytes limit; raise it with --max-bytes"),
    ("heading.txt", "Highlights\n", [], 1,
     "no sentences found; an article needs at least one sentence of prose"),
]


@pytest.fixture
def db(seeded):
    return seeded


@pytest.mark.parametrize("name,data,opts,code,message", CASES, ids=[c[0] for c in CASES])
def test_bad_file(cli, db, tmp_path, name, data, opts, code, message):
    before = snapshot(db)
    p = make(tmp_path, name, data)
    r = cli("ingest", str(p), *opts)
    assert (r.exit_code, r.stderr) == (code, f"error: {p}: {message}\n")
    assert r.stdout == "0 new, 0 duplicates skipped, 1 failed\n"
    assert snapshot(db) == before


def test_bad_sidecar(cli, db, tmp_path):
    before = snapshot(db)
    p = make(tmp_path, "story.txt", GOOD)
    make(tmp_path, "story.meta.json", '{"published": "yesterday"}')
    r = cli("ingest", str(p))
    assert r.exit_code == 1
    assert r.stderr == (f"error: {p}: sidecar story.meta.json: published: Input should be a "
                        "valid date or datetime, input is too short; it takes title, outlet, "
                        "url and published (YYYY-MM-DD)\n")
    assert snapshot(db) == before


@pytest.mark.parametrize("args,message", [
    (["ingest", "{tmp}/nope.txt"], "{tmp}/nope.txt: no such file or folder; check the path"),
    (["ingest", "{tmp}/empty_dir"], "{tmp}/empty_dir: no article files (*.txt, *.md, *.html) "
                                    "in this folder; point ingest at article files"),
    (["ingest", "--encoding", "klingon", "{tmp}/ok.txt"],
     "--encoding klingon: unknown encoding; try utf-8, cp1252 or latin-1"),
    (["ingest", "--published", "soon", "{tmp}/ok.txt"],
     "--published soon: not a date; use YYYY-MM-DD"),
])
def test_usage_errors_exit_2(cli, db, tmp_path, args, message):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "empty_dir" / "notes.png").write_bytes(b"\x89PNG")
    make(tmp_path, "ok.txt", GOOD)
    before = snapshot(db)
    r = cli(*[a.format(tmp=tmp_path) for a in args])
    assert r.exit_code == 2
    assert r.stderr == f"error: {message.format(tmp=tmp_path)}\n"
    assert snapshot(db) == before


def test_max_bytes_must_be_positive(cli, db, tmp_path):
    p = make(tmp_path, "ok.txt", GOOD)
    r = cli("ingest", "--max-bytes", "0", str(p))
    assert r.exit_code == 2
    assert len(r.stderr.splitlines()) == 1 and "--max-bytes" in r.stderr
    assert "Traceback" not in r.output


def test_html_without_the_extra(cli, db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    before = snapshot(db)
    p = make(tmp_path, "page.html", "<!doctype html><html><body><p>Officials said so.</p></body></html>")
    r = cli("ingest", str(p))
    assert r.exit_code == 1
    assert r.stderr == (f"error: {p}: is HTML, and reading HTML needs the html extra; "
                        "pip install 'tradelink[html]'\n")
    assert snapshot(db) == before


def test_a_batch_reports_and_skips_bad_files_and_stores_good_ones(cli, db, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    good = [make(folder, f"good{i}.txt", GOOD.replace("Monday", day))
            for i, day in enumerate(["Monday", "Tuesday", "Friday"])]
    bad = {
        make(folder, "a_empty.txt", b""): "the file is empty; nothing to ingest",
        make(folder, "b_image.txt", b"GIF89a\x01\x00\x00"): "is a GIF image, not text; give a text or HTML article",
        make(folder, "c_latin.txt", "Caf\u00e9".encode("latin-1")):
            "is not UTF-8 and its encoding is unclear; pass --encoding (e.g. --encoding latin-1)",
    }
    missing = tmp_path / "missing.txt"
    articles_before = _count(db, "articles")
    r = cli("ingest", str(folder), str(missing))
    assert r.exit_code == 2  # a missing path is a usage error, the worst of the run
    assert r.stdout == "3 new, 0 duplicates skipped, 4 failed\n"
    assert sorted(r.stderr.splitlines()) == sorted(
        [f"error: {missing}: no such file or folder; check the path"]
        + [f"error: {p}: {m}" for p, m in bad.items()])
    assert _count(db, "articles") == articles_before + len(good)
    assert "Traceback" not in r.output
    # The bad files alone: exit 1, nothing stored.
    r = cli("ingest", *map(str, bad))
    assert r.exit_code == 1
    assert _count(db, "articles") == articles_before + len(good)


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


# --- hostile values in the options test_faults.py does not cover -------------------------

HOSTILE = ['"', "'", "%", "_", "%_%", ";", "'; DROP TABLE articles; --", '" OR 1=1 --', "\\",
           "\\%", "<script>alert(1)</script>", "NULL", "*", "NEAR(a b)", "a OR b", "é%_", "-",
           "--json", "", "  "]
OPTIONS = [
    ["links", "--from"], ["links", "--to"], ["links", "--relation"], ["links", "--about"],
    ["quotes", "--speaker"], ["search"],
    ["search", "tariffs", "--kind"], ["path", "China"], ["path", "X", "--max-hops", "2"],
    ["export", "--article"], ["export", "--since"], ["graph", "--article"], ["graph", "--since"],
]


@pytest.mark.parametrize("option", OPTIONS, ids=" ".join)
def test_hostile_values_are_text_in_every_option(cli, handmade_db, option):
    before = snapshot(handmade_db)
    for value in HOSTILE:
        args = [*option, value]
        if option[:2] == ["path", "X"]:
            args = ["path", value, "China", "--max-hops", "2"]
        if option[0] in ("links", "search", "path", "quotes"):
            args.append("--json")
        r = cli(*args)
        assert "Traceback" not in r.output, (args, r.output)
        if r.exit_code == 0:
            assert r.stderr == "", args
            if option[:2] in (["links", "--from"], ["links", "--to"], ["links", "--relation"],
                              ["quotes", "--speaker"]):
                assert json.loads(r.stdout) == [], args  # no name or relation is like these
        else:
            assert r.exit_code in (1, 2), (args, r.exit_code)
            assert r.stderr.startswith("error: ") and r.stderr.count("\n") == 1, (args, r.stderr)
    assert snapshot(handmade_db) == before


@pytest.mark.slow
def test_a_single_1_mb_line_is_stored_whole(cli, tmp_path):
    # bench/adversarial.py times harder 1 MB lines; this one goes through the CLI.
    p = make(tmp_path, "line.txt", "Officials said the talks resumed. " + "word " * 200_000 + "end.\n")
    assert p.stat().st_size > 1_000_000
    r = cli("ingest", str(p))
    assert (r.exit_code, r.stdout, r.stderr) == (0, "1 new, 0 duplicates skipped, 0 failed\n", "")
    r = cli("doctor", "--json")
    assert r.exit_code == 0, r.stdout
    assert json.loads(cli("articles", "--json").stdout)[0]["statements"] == 1
