"""The CLI: exact output and exit codes, the --json contract, errors as one line."""

from __future__ import annotations

import json

import pytest

from tradelink import __version__, models

ROWS = {
    "articles": models.ArticleRow, "actors": models.ActorRow, "quotes": models.QuoteRow,
    "questions": models.QuestionRow, "commodities": models.CommodityRow,
    "policies": models.PolicyRow, "links": models.LinkRow,
}


def test_version(cli):
    r = cli("--version")
    assert (r.exit_code, r.stdout) == (0, f"tradelink {__version__}\n")


@pytest.mark.parametrize("command", list(ROWS))
def test_json_output_is_an_array_of_contract_rows(cli, handmade_db, command):
    r = cli(command, "--json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert isinstance(rows, list) and rows
    for row in rows:
        ROWS[command].model_validate(row)
        assert set(row) == set(ROWS[command].model_fields)
    assert r.stderr == ""


@pytest.mark.parametrize("command", [*ROWS, "timeline", "export"])
def test_query_on_missing_database_says_so_and_creates_nothing(cli, tmp_path, command):
    r = cli("--db", str(tmp_path / "d" / "x.sqlite"), command)
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (f"error: no database at {tmp_path / 'd' / 'x.sqlite'}; "
                        "run `tradelink ingest PATH` first to create it\n")
    assert not (tmp_path / "d").exists()


def test_default_database_is_not_created_by_a_query(cli, monkeypatch, tmp_path):
    monkeypatch.delenv("TRADELINK_DB")
    r = cli("quotes")
    assert r.exit_code == 1
    assert "no database at data/tradelink.sqlite" in r.stderr
    assert not (tmp_path / "data").exists()


def test_quotes_by_speaker_alias_piped_is_tab_separated(cli, handmade_db):
    r = cli("quotes", "--speaker", "whitfield")
    assert r.exit_code == 0
    assert r.stdout == (
        "speaker\tkind\tverb\tmedium\thedge\ttext\n"
        "Dana Whitfield\tindirect\tsaid\t\t\tchip licences were tied to the magnet deal\n"
        "Dana Whitfield\tdirect\ttold\tLedger Wire\t\tWe put the licences in the deal,\n"
        "Dana Whitfield\tindirect\twarned\t\t\tthe magnet deal could stall\n"
    )


def test_quotes_json_speaker_filter(cli, handmade_db):
    r = cli("quotes", "--speaker", "LAWMAKERS", "--json")
    rows = json.loads(r.stdout)
    assert [(q["speaker"], q["speaker_type"], q["hedge"], q["verb"]) for q in rows] == [
        ("lawmakers", "group", "reportedly", "criticised")]
    assert rows[0]["sentence"] == "Lawmakers reportedly criticised the move as 50% reckless_risky."


def test_questions_text_nests_follow_ups(cli, handmade_db):
    r = cli("questions")
    assert (r.exit_code, r.stdout) == (0, (
        "Questions for Investors\n"
        "  - Will the deal last?\n"
        "    · Who benefits from it?\n"
        "  - Is <script>alert(1)</script> a risk?\n"))


def test_actor_profile(cli, handmade_db):
    r = cli("actor", "okafor", "--json")
    assert r.exit_code == 0
    p = json.loads(r.stdout)
    assert (p["name"], p["type"], p["aliases"]) == ("Ngozi Okafor", "person", ["Okafor"])
    assert [x["role"] for x in p["roles"]] == ["Trade Minister"]
    assert [s["text"] for s in p["statements"]] == ["the talks would go on"]


def test_actor_unknown_name(cli, handmade_db):
    r = cli("actor", "nobody here")
    assert (r.exit_code, r.stderr) == (
        1, "error: no actor is called 'nobody here'; list them with `tradelink actors`\n")


def test_ingest_then_duplicate(cli, tmp_path):
    art = tmp_path / "one.txt"
    art.write_text("Chips and magnets\nThe ministry said exports would resume in April.\n")
    r = cli("ingest", str(art), "--published", "2025-07-01")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "1 new, 0 duplicates skipped, 0 failed\n", "")
    r = cli("ingest", str(art))
    assert (r.exit_code, r.stdout) == (0, "0 new, 1 duplicates skipped, 0 failed\n")
    r = cli("articles", "--json")
    assert [a["published"] for a in json.loads(r.stdout)] == ["2025-07-01"]


def test_ingest_stdin_with_metadata(cli):
    r = cli("ingest", "-", "--title", "Piped", "--outlet", "Desk", input="A line of news text.\n")
    assert (r.exit_code, r.stdout) == (0, "1 new, 0 duplicates skipped, 0 failed\n")
    rows = json.loads(cli("articles", "--json").stdout)
    assert [(a["title"], a["outlet"]) for a in rows] == [("Piped", "Desk")]


def test_ingest_reports_bad_files_and_keeps_good_ones(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Markets moved on chip news today.\n")
    (folder / "b.txt").write_text("   \n")
    (folder / "c.json").write_text("{}")
    r = cli("ingest", str(folder))
    assert r.exit_code == 1
    assert r.stdout == "1 new, 0 duplicates skipped, 1 failed\n"
    assert r.stderr == f"error: {folder / 'b.txt'}: the file is empty; nothing to ingest\n"


def test_ingest_missing_path_is_a_usage_error_and_creates_nothing(cli, tmp_path):
    r = cli("ingest", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2
    assert r.stderr == f"error: {tmp_path / 'nope.txt'}: no such file or folder; check the path\n"
    assert r.stdout == "0 new, 0 duplicates skipped, 1 failed\n"
    assert not (tmp_path / "test.sqlite").exists()


@pytest.mark.parametrize("args,message", [
    (["ingest", "x.txt", "--published", "July"], "error: --published July: not a date; use YYYY-MM-DD\n"),
    (["actors", "--type", "robot"], "error: --type robot: unknown actor type; use one of "
                                    "person, organization, government, group, media\n"),
    (["export", "--format", "pdf"], "error: --format pdf: unknown format; use md, html or json\n"),
    (["quotes", "--nope"], "error: No such option: --nope (see `tradelink quotes --help`)\n"),
    (["frobnicate"], "error: No such command 'frobnicate' (see `tradelink --help`)\n"),
])
def test_usage_errors_exit_2_with_one_line(cli, handmade_db, args, message):
    r = cli(*args)
    assert (r.exit_code, r.stderr, r.stdout) == (2, message, "")


def test_export_markdown_escapes_article_text(cli, handmade_db):
    r = cli("export")
    assert r.exit_code == 0
    assert r.stdout.startswith("# tradelink brief\n\nCovers all articles: ")
    assert "<script>" not in r.stdout
    assert "Is &lt;script&gt;alert(1)&lt;/script&gt; a risk?" in r.stdout
    for heading in ("## Sources", "## Key actors", "## Who said what", "## Policies", "## Links",
                    "## Open questions"):
        assert heading in r.stdout


def test_export_json_round_trips(cli, handmade_db):
    data = json.loads(cli("export", "--format", "json").stdout)
    assert set(data) == {"sources", "actors", "commodities", "quotes", "policies", "links", "questions"}
    assert data["quotes"] == json.loads(cli("quotes", "--json").stdout)


def test_export_to_file_refuses_to_overwrite(cli, handmade_db, tmp_path):
    out = tmp_path / "s.md"
    r = cli("export", "-o", str(out))
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", f"wrote {out}\n")
    r = cli("export", "-o", str(out))
    assert (r.exit_code, r.stderr) == (2, f"error: {out} exists; pass --force to overwrite it\n")
    assert cli("export", "-o", str(out), "--force").exit_code == 0


def test_not_a_database(cli, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"x" * 4096)
    r = cli("--db", str(bad), "quotes")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"error: {bad} is not a tradelink database or is corrupt")
    assert r.stderr.count("\n") == 1


def test_help_everywhere(cli):
    from tradelink.cli import app
    from typer.main import get_command

    for name in get_command(app).commands:
        r = cli(name, "--help")
        assert r.exit_code == 0 and "Usage: tradelink " + name in r.stdout


def test_query_commands_import_nothing_heavy(handmade_db):
    """Start-up: the read path uses stdlib sqlite3; no SQLAlchemy, pydantic or rich."""
    from conftest import run_counting_heavy_imports

    out, heavy = run_counting_heavy_imports('quotes', '--speaker', 'whitfield', '--about', 'deal', '--json')
    assert heavy == "[]\n"
    assert [q["verb"] for q in json.loads(out)] == ["said", "told", "warned"]
