"""The fast lane for JSON queries answers exactly as the typer commands do."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.main import get_command

from conftest import pythonpath_env
from handmade import extraction_a
from tradelink import fastcli
from tradelink.cli import app


def test_fast_options_mirror_the_typer_commands():
    group = get_command(app)
    for name, options in fastcli.FAST.items():
        command = group.commands[name]
        by_opt = {opt: p.name for p in command.params for opt in getattr(p, "opts", [])}
        assert by_opt.get("--json") == "as_json", name
        for opt, dest in options.items():
            assert by_opt.get(opt) == dest, (name, opt)


@pytest.mark.parametrize("argv", [
    ["quotes", "--help", "--json"], ["quotes"], ["quotes", "--speaker", "x"],
    ["quotes", "--json", "--json"], ["quotes", "--speaker", "a", "--speaker", "b", "--json"],
    ["quotes", "--speaker", "--json"], ["quotes", "--nope", "--json"], ["--db"],
    ["--db", "x.db", "--db", "y.db", "quotes", "--json"], ["--version"], ["ingest", "x", "--json"],
    ["actor", "x", "--json"], ["search", "x", "--json"], ["-h"], [],
    ["questions", "--limit", "x", "--json"], ["questions", "-n", "-1", "--json"],
    ["questions", "--limit", "٣", "--json"],
])
def test_anything_unusual_goes_to_typer(argv):
    assert fastcli.parse(argv) is None


@pytest.mark.parametrize("argv,expected", [
    (["quotes", "--json"], (None, "quotes", {})),
    (["--db", "k.db", "quotes", "-s", "x", "--about=y z", "--json"],
     ("k.db", "quotes", {"speaker": "x", "about": "y z"})),
    (["--db=k.db", "links", "--json", "--from", "a", "-r", "sells"],
     ("k.db", "links", {"source": "a", "relation": "sells"})),
])
def test_fast_parse(argv, expected):
    assert fastcli.parse(argv) == expected


CASES = [
    ["quotes", "--json"], ["quotes", "--speaker", "whitfield", "--json"],
    ["quotes", "-s", "LAWMAKERS", "-a", "50%", "--json"], ["quotes", "--about=_", "--json"],
    ["questions", "--json"], ["articles", "--json"], ["actors", "--json"],
    ["actors", "--type", "person", "--json"], ["actors", "--type", "robot", "--json"],
    ["commodities", "--json"], ["policies", "--json"], ["links", "--json"],
    ["links", "--about", "beijing", "--json"], ["links", "--from", "china", "--json"],
    ["links", "--relation", "tied to", "--json"], ["links", "--relation", "no such", "--json"],
    ["timeline", "--json"],
    ["questions", "--limit", "1", "--json"], ["questions", "-n", "0", "--json"],
    ["questions", "--limit=2", "-a", "risk", "--json"], ["questions", "--about", "deal", "--json"],
    ["questions", "--about", "?", "--json"], ["questions", "--article", "ffff", "--json"],
    ["questions", "--article", extraction_a().article.id[:5], "--limit", "2", "--json"],
]


@pytest.mark.parametrize("argv", CASES, ids=" ".join)
def test_fast_and_typer_answers_are_identical(cli, handmade_db, capsys, argv):
    assert fastcli.parse(argv) is not None
    code = fastcli.run_fast(argv)
    out, err = capsys.readouterr()
    typer_result = cli(*argv)
    assert (code, out, err) == (typer_result.exit_code, typer_result.stdout, typer_result.stderr)


def test_fast_missing_database_is_the_same_error(cli, tmp_path, capsys):
    argv = ["--db", str(tmp_path / "none.sqlite"), "quotes", "--json"]
    code = fastcli.run_fast(argv)
    out, err = capsys.readouterr()
    r = cli(*argv)
    assert (code, out, err) == (r.exit_code, r.stdout, r.stderr) == (
        1, "", f"error: no database at {tmp_path / 'none.sqlite'}; run `tradelink ingest PATH` first to create it\n")
    assert not (tmp_path / "none.sqlite").exists()


def test_the_fast_lane_does_not_import_typer(handmade_db):
    probe = ("import runpy, sys\n"
             "sys.argv = ['tradelink', 'quotes', '--speaker', 'whitfield', '--json']\n"
             "try:\n    runpy.run_module('tradelink', run_name='__main__')\n"
             "except SystemExit as e:\n    assert not e.code, e.code\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'sqlalchemy', 'pydantic', 'rich'}),"
             " file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=pythonpath_env())
    assert done.stderr == "[]\n"
    assert '"speaker": "Dana Whitfield"' in done.stdout
