"""Bad input, database faults and hostile values (issue 5, items 3-5), through the CLI.

Every failure is one line on stderr naming the file or database and saying what
to do, a non-zero exit (2 usage, 1 input/database), no traceback, and an
unchanged database."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from tradelink.store import read
from tradelink.store.db import open_reader, resolve


def counts(path) -> dict:
    with open_reader(resolve(str(path))) as r:
        return read.counts(r)


def one_line(stderr: str) -> str:
    assert stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    return stderr


BAD_INPUTS = [
    # name, bytes, extra args, exit code, what the message says
    ("empty.txt", b"", [], 1, "the file is empty"),
    ("blank.txt", b" \n\t\n", [], 1, "the file is empty"),
    ("nul.txt", b"text\x00with\x00nuls" * 10, [], 1, "not text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, [], 1, "a PNG image"),
    ("latin.txt", "Caf\u00e9 cr\u00e8me r\u00e9sum\u00e9 news.\n".encode("latin-1"), [], 1, "--encoding"),
    ("big.txt", b"Chips for magnets, said the minister. " * 10, ["--max-bytes", "100"], 1, "--max-bytes"),
    ("furniture.txt", b"Leave a Reply\n", [], 1, "no sentences"),
]


@pytest.mark.parametrize("name,data,args,code,says", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_and_leaves_the_database_unchanged(cli, handmade_db, tmp_path,
                                                                name, data, args, code, says):
    before = counts(handmade_db)
    bad = tmp_path / name
    bad.write_bytes(data)
    r = cli("ingest", str(bad), *args)
    assert r.exit_code == code
    line = one_line(r.stderr)
    assert line.startswith(f"error: {bad}") and says in line
    assert r.stdout == "0 new, 0 duplicates skipped, 1 failed\n"
    assert counts(handmade_db) == before


def test_bad_input_creates_no_database(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = cli("ingest", str(tmp_path / "empty.txt"))
    assert r.exit_code == 1
    assert not (tmp_path / "test.sqlite").exists()


def test_a_folder_with_no_articles_is_a_usage_error(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.json").write_text("{}")
    r = cli("ingest", str(tmp_path / "empty"))
    assert r.exit_code == 2
    assert one_line(r.stderr).startswith(f"error: {tmp_path / 'empty'}: no article files")


def test_cp1252_is_read_with_a_warning(cli, tmp_path):
    art = tmp_path / "win.txt"
    art.write_bytes("\u201cChips for magnets,\u201d the minister said on Monday.\n".encode("cp1252"))
    r = cli("ingest", str(art))
    assert (r.exit_code, r.stdout) == (0, "1 new, 0 duplicates skipped, 0 failed\n")
    assert one_line(r.stderr).startswith(f"warning: {art}: not UTF-8; read as Windows-1252")


def test_an_explicit_encoding_reads_latin_1(cli, tmp_path):
    art = tmp_path / "latin.txt"
    art.write_bytes("Caf\u00e9 owners said prices rose.\n".encode("latin-1"))
    r = cli("ingest", str(art), "--encoding", "latin-1")
    assert (r.exit_code, r.stderr) == (0, "")
    assert json.loads(cli("articles", "--json").stdout)[0]["statements"] >= 0


@pytest.mark.parametrize("text", [
    'He said, "this never ends.\nShe said nothing.\n',
    '"' * 5000 + "\nThe ministry said the talks would resume.\n",
    "word " * 20_000 + "\n",  # a single 100 kB line (1 MB: bench/adversarial.py)
    "“Curly” and ‘single’ marks, said the analyst, “are unbalanced.\n",
])
def test_awkward_text_is_stored(cli, tmp_path, text):
    art = tmp_path / "odd.txt"
    art.write_text(text, encoding="utf-8")
    r = cli("ingest", str(art))
    assert (r.exit_code, r.stdout, r.stderr) == (0, "1 new, 0 duplicates skipped, 0 failed\n", "")


def test_one_bad_file_in_a_batch_does_not_lose_the_others(cli, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Article {i}: the ministry said exports would resume.\n")
    (folder / "2b.txt").write_bytes(b"\x00\x01\x02")
    r = cli("ingest", str(folder))
    assert r.exit_code == 1
    assert r.stdout == "5 new, 0 duplicates skipped, 1 failed\n"
    assert one_line(r.stderr).startswith(f"error: {folder / '2b.txt'}: is a binary file")
    r = cli("ingest", str(folder))
    assert r.stdout == "0 new, 5 duplicates skipped, 1 failed\n"


# --- database faults --------------------------------------------------------------------


def corrupt_copy(src, dest):
    data = bytearray(src.read_bytes())
    for i in range(4096, len(data), 4096):  # keep the header, wreck every page after it
        data[i:i + 64] = b"\xde\xad" * 32
    dest.write_bytes(bytes(data))
    return dest


@pytest.mark.parametrize("command", [["quotes"], ["ingest", "SEED"]])
def test_a_corrupt_database_is_one_line(cli, handmade_db, tmp_path, command):
    from conftest import SEEDS

    bad = corrupt_copy(handmade_db, tmp_path / "corrupt.sqlite")
    before = bad.read_bytes()
    args = [str(SEEDS) if a == "SEED" else a for a in command]
    r = cli("--db", str(bad), *args)
    assert r.exit_code == 1
    line = one_line(r.stderr)
    assert line.startswith("error: ") and str(bad) in line
    assert bad.read_bytes() == before


@pytest.mark.parametrize("command", [["quotes"], ["ingest", "SEED"]])
def test_a_file_that_is_not_a_database(cli, tmp_path, command):
    from conftest import SEEDS

    bad = tmp_path / "notes.sqlite"
    bad.write_text("shopping list\n" * 500)
    args = [str(SEEDS) if a == "SEED" else a for a in command]
    r = cli("--db", str(bad), *args)
    assert r.exit_code == 1
    assert "not a tradelink database or" in one_line(r.stderr)
    assert bad.read_text() == "shopping list\n" * 500


def test_a_database_from_a_newer_tradelink_is_refused_by_every_command(cli, handmade_db):
    from conftest import SEEDS

    conn = sqlite3.connect(handmade_db)
    conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    for args in (["quotes"], ["ingest", str(SEEDS)], ["export"]):
        r = cli(*args)
        assert r.exit_code == 1
        assert "upgrade tradelink" in one_line(r.stderr)


def test_a_path_under_a_file_is_refused(cli, tmp_path):
    from conftest import SEEDS

    (tmp_path / "plain").write_text("x")
    r = cli("--db", str(tmp_path / "plain" / "kb.sqlite"), "ingest", str(SEEDS))
    assert (r.exit_code, r.stderr) == (
        1, f"error: cannot create {tmp_path / 'plain' / 'kb.sqlite'}: {tmp_path / 'plain'} is a file, not a folder\n")


@pytest.mark.parametrize("command", [["quotes"], ["ingest", "SEED"]])
def test_an_unreachable_postgresql_url_is_one_line(cli, command):
    from conftest import SEEDS

    args = [str(SEEDS) if a == "SEED" else a for a in command]
    r = cli("--db", "postgresql+psycopg://postgres:secret@127.0.0.1:1/none", *args)
    assert r.exit_code == 1
    line = one_line(r.stderr)
    assert "127.0.0.1:1/none" in line and "secret" not in line


def test_an_unknown_url_scheme_says_what_to_give(cli):
    r = cli("--db", "nosuchdb://x/y", "quotes")
    assert r.exit_code == 1
    assert one_line(r.stderr).endswith("give a file path or a URL such as postgresql+psycopg://user@host/db\n")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_database_file_can_be_queried_not_written(cli, handmade_db):
    from conftest import SEEDS

    handmade_db.chmod(0o444)
    try:
        assert cli("quotes", "--json").exit_code == 0
        r = cli("ingest", str(SEEDS))
        assert r.exit_code == 1 and one_line(r.stderr).startswith("error: ")
    finally:
        handmade_db.chmod(0o644)


def test_query_connections_are_read_only(handmade_db):
    from tradelink.errors import DatabaseError

    with open_reader(resolve(str(handmade_db))) as r:
        with pytest.raises(DatabaseError, match="readonly|read-only"):
            r.rows("DELETE FROM articles")
    assert counts(handmade_db)["articles"] == 2


# --- hostile values -----------------------------------------------------------------------

HOSTILE = ['"', "'", "%", "_", "%_%", ";", "'; DROP TABLE articles; --", '" OR 1=1 --', "\\", "\\%",
           "Robert'); DELETE FROM statements;--", "<script>alert(1)</script>", "NULL", "*"]


@pytest.mark.parametrize("option", [["quotes", "--speaker"], ["quotes", "--about"], ["links", "--about"],
                                    ["actors", "--type"], ["actor"]], ids=" ".join)
def test_hostile_values_are_plain_text(cli, handmade_db, option):
    before = counts(handmade_db)
    every = json.loads(cli("quotes", "--json").stdout)
    for value in HOSTILE:
        r = cli(*option, value, "--json")
        if option[0] in ("actors", "actor"):  # no such type / actor: a clean one-line error
            assert r.exit_code in (1, 2) and one_line(r.stderr).startswith("error: ")
        elif option == ["quotes", "--about"]:  # exactly the quotes containing the text as written
            expected = [q for q in every
                        if value.casefold() in (q["text"] + "\n" + (q["sentence"] or "")).casefold()]
            assert (r.exit_code, r.stderr) == (0, ""), value
            assert json.loads(r.stdout) == expected, value
        else:
            assert (r.exit_code, r.stdout, r.stderr) == (0, "[]\n", ""), value
    assert counts(handmade_db) == before


def test_an_older_schema_says_to_upgrade(cli, handmade_db):
    conn = sqlite3.connect(handmade_db)
    conn.execute("DROP TABLE statements")
    conn.commit()
    conn.close()
    r = cli("quotes")
    assert r.exit_code == 1
    assert one_line(r.stderr) == (f"error: {handmade_db} lacks part of this tradelink's schema "
                                  "(no such table: statements); if it is a tradelink database, "
                                  "run `tradelink db upgrade` on it\n")


def test_hostile_values_in_every_other_option_are_text_too(cli, handmade_db):
    """search, path, links --from/--to/--relation, export --article/--since: a clean
    answer or one `error:` line, never a traceback, and the database unchanged."""
    before = counts(handmade_db)
    commands = [["search"], ["path", "China"], ["links", "--from"], ["links", "--to"],
                ["links", "--relation"], ["export", "--article"], ["export", "--since"]]
    for value in [*HOSTILE, "NEAR(", "a AND", '"unbalanced', "-"]:
        for command in commands:
            args = ["path", value, "China"] if command[0] == "path" else [*command, value]
            r = cli(*args)
            assert r.exit_code in (0, 1, 2), (args, r.output)
            assert r.stderr == "" or one_line(r.stderr).startswith("error: "), (args, r.stderr)
            if r.exit_code:
                assert r.stderr, args
    assert counts(handmade_db) == before
