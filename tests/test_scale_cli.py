"""search, reparse and db commands; every command on PostgreSQL answers as on SQLite."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import SEEDS

SEARCH_KEYS = {"rank", "kind", "article", "title", "speaker", "section", "text", "start", "end",
               "highlights"}


def test_search_piped_is_tab_separated_with_matches_marked(cli, handmade_db):
    r = cli("search", "magnet deal")
    assert r.exit_code == 0, r.output
    assert r.stdout == (
        "rank\tkind\tarticle\ttitle\twho\tmatch\n"
        "1\tquote\t29176eccada5d681\tMagnet Talks Resume\tDana Whitfield\t"
        "the **magnet deal** could stall\n"
        "2\tquote\taafd011759ea7f13\tChips for Magnets\tDana Whitfield\t"
        "chip licences were tied to the **magnet deal**\n"
    )
    assert r.stderr == ""


def test_search_without_hits_prints_the_header_only(cli, handmade_db):
    r = cli("search", "zeppelin")
    assert (r.exit_code, r.stdout) == (0, "rank\tkind\tarticle\ttitle\twho\tmatch\n")


def test_search_json_rows_name_the_article_and_slice_back(cli, handmade_db):
    r = cli("search", "deal", "--json")
    assert r.exit_code == 0
    hits = json.loads(r.stdout)
    assert hits and [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    conn = sqlite3.connect(handmade_db)
    for hit in hits:
        assert set(hit) == SEARCH_KEYS
        (text,) = conn.execute("SELECT text FROM articles WHERE id = ?", (hit["article"],)).fetchone()
        assert text[hit["start"]:hit["end"]] == hit["text"]
        assert [text[s:e].lower() for s, e in hit["highlights"]] == ["deal"] * len(hit["highlights"])


@pytest.mark.parametrize("query", ['"', "*", "AND", "NEAR(", 'deal" OR "x', "deal*"])
def test_search_hostile_queries_exit_0(cli, handmade_db, query):
    r = cli("search", query, "--json")
    assert (r.exit_code, r.stderr) == (0, "")
    assert isinstance(json.loads(r.stdout), list)


@pytest.mark.parametrize("args, message", [
    (["search", "deal", "--kind", "tweet"],
     "error: unknown kind 'tweet'; choose from quote, question, sentence\n"),
    (["search", "deal", "--limit", "0"], "error: --limit must be at least 1, not 0\n"),
    (["search", "deal", "--limit", "x"], None),
])
def test_search_usage_errors_exit_2(cli, handmade_db, args, message):
    r = cli(*args)
    assert r.exit_code == 2
    if message:
        assert r.stderr == message


def test_search_limit_and_kind(cli, handmade_db):
    hits = json.loads(cli("search", "deal", "--limit", "1", "--kind", "quote", "--json").stdout)
    assert len(hits) == 1 and hits[0]["kind"] == "quote"
    hits = json.loads(cli("search", "deal", "--kind", "question,sentence", "--json").stdout)
    assert hits and {h["kind"] for h in hits} <= {"question", "sentence"}


# --- reparse -------------------------------------------------------------------------


@pytest.fixture
def articles_dir(tmp_path):
    import handmade

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(handmade.ARTICLE_A)
    (folder / "b.txt").write_text(handmade.ARTICLE_B)
    return folder


def _snapshot(cli, db):
    return {c: cli("--db", db, c, "--json").stdout for c in
            ("articles", "actors", "quotes", "questions", "policies", "links")}


def _age(cli, db, backend):
    """Pretend an older parser read every article."""
    from sqlalchemy import create_engine, text

    url = db if "://" in db else f"sqlite:///{db}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE articles SET parser_version = 0"))
        stamps = conn.execute(text("SELECT id, ingested_at FROM articles ORDER BY id")).all()
    engine.dispose()
    return stamps


def test_reparse_replaces_outdated_articles_and_keeps_the_rest(cli, db_url, backend, articles_dir):
    from tradelink import PARSER_VERSION

    assert cli("--db", db_url, "ingest", "--jobs", "1", str(articles_dir)).exit_code == 0
    r = cli("--db", db_url, "reparse")
    assert (r.exit_code, r.stdout) == (
        0, f"nothing to reparse: every article was read by parser version {PARSER_VERSION}\n")
    before = _snapshot(cli, db_url)
    stamps = _age(cli, db_url, backend)
    r = cli("--db", db_url, "reparse")
    assert (r.exit_code, r.stdout) == (0, f"2 reparsed with parser version {PARSER_VERSION}, 0 failed\n")
    assert _snapshot(cli, db_url) == before
    assert _age(cli, db_url, backend) == stamps  # ingested_at kept
    r = cli("--db", db_url, "reparse", "--all")
    assert (r.exit_code, r.stdout) == (0, f"2 reparsed with parser version {PARSER_VERSION}, 0 failed\n")
    assert _snapshot(cli, db_url) == before
    hits = json.loads(cli("--db", db_url, "search", "talks", "--json").stdout)
    # The search index survives reparsing: the sentence (or the quote read from it) is found.
    assert {h["text"] for h in hits} & {"Okafor said the talks would go on.", "the talks would go on"}


def test_reparse_keeps_the_old_records_of_an_article_it_cannot_read(cli, articles_dir, monkeypatch):
    import tradelink.extract
    from tradelink.extract import ExtractionError

    assert cli("ingest", "--jobs", "1", str(articles_dir)).exit_code == 0
    before = _snapshot(cli, "test.sqlite")
    real = tradelink.extract.extract

    def flaky(text, meta=None, source=None):
        if "Okafor" in text:
            raise ExtractionError("the parser broke")
        return real(text, meta, source)

    monkeypatch.setattr(tradelink.extract, "extract", flaky)
    r = cli("reparse", "--all")
    assert r.exit_code == 1
    assert r.stdout.endswith("1 reparsed with parser version 1, 1 failed\n")
    assert r.stderr.startswith("error: ") and "the parser broke (its old records are kept)" in r.stderr
    assert _snapshot(cli, "test.sqlite") == before


def test_reparse_on_a_missing_database_creates_nothing(cli, tmp_path):
    r = cli("--db", str(tmp_path / "none.sqlite"), "reparse")
    assert r.exit_code == 1
    assert r.stderr == (f"error: no database at {tmp_path / 'none.sqlite'}; "
                        "run `tradelink ingest PATH` first to create it\n")
    assert not (tmp_path / "none.sqlite").exists()


# --- db ----------------------------------------------------------------------------


def test_db_upgrade_from_the_first_release(cli, fresh_db_url):
    from sqlalchemy import create_engine

    from tradelink.store import migrate

    engine = create_engine(fresh_db_url)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    label = fresh_db_url.removeprefix("sqlite:///")
    head = migrate.SCHEMA_VERSION
    r = cli("--db", fresh_db_url, "db", "upgrade")
    assert r.exit_code == 0, r.output
    assert r.stdout.endswith(f": upgraded schema version 1 to {head}\n")
    r = cli("--db", fresh_db_url, "db", "upgrade")
    assert r.stdout.endswith(f": schema version {head}, already current\n")
    info = json.loads(cli("--db", fresh_db_url, "db", "version", "--json").stdout)
    assert info["schema_version"] == info["schema_head"] == head
    assert label


def test_db_refuses_a_database_from_a_newer_tradelink(cli, tmp_path):
    db = tmp_path / "new.sqlite"
    assert cli("--db", str(db), "db", "upgrade").exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    for args in (["db", "upgrade"], ["quotes"], ["ingest", str(SEEDS)], ["search", "chips"]):
        r = cli("--db", str(db), *args)
        assert r.exit_code == 1, args
        assert r.stderr.startswith("error: ") and "upgrade tradelink" in r.stderr, args
        assert r.stderr.count("\n") == 1


# --- every command on PostgreSQL ------------------------------------------------------

SAME = [
    ["articles"], ["actors"], ["actors", "--type", "person"], ["quotes"],
    ["quotes", "--speaker", "whitfield"], ["quotes", "--about", "magnet"], ["questions"],
    ["commodities"], ["policies"], ["links"], ["links", "--about", "magnets"], ["timeline"],
    ["actor", "Whitfield"], ["db", "version"],
]


@pytest.mark.postgres
def test_every_command_answers_on_postgresql_as_on_sqlite(cli, pg_url, tmp_path, articles_dir):
    sq = str(tmp_path / "same.sqlite")
    for db in (sq, pg_url):
        r = cli("--db", db, "ingest", "--jobs", "1", str(SEEDS), str(articles_dir))
        assert (r.exit_code, r.stdout) == (0, "3 new, 0 duplicates skipped, 0 failed\n"), r.output
    for args in SAME:
        a, b = cli("--db", sq, *args, "--json"), cli("--db", pg_url, *args, "--json")
        assert (b.exit_code, b.stderr, b.stdout) == (a.exit_code, a.stderr, a.stdout), args
        assert a.exit_code in (0, 1), args
    for fmt in ("md", "json"):
        a, b = cli("--db", sq, "export", "--format", fmt), cli("--db", pg_url, "export", "--format", fmt)
        assert b.exit_code == a.exit_code == 0
        assert b.stdout == a.stdout, fmt
    a, b = (json.loads(cli("--db", db, "search", "magnet deal", "--json").stdout) for db in (sq, pg_url))
    assert {(h["kind"], h["article"], h["start"]) for h in a} == \
        {(h["kind"], h["article"], h["start"]) for h in b}
    assert a and b


def test_search_imports_nothing_heavy(handmade_db):
    """Start-up: search on SQLite needs no SQLAlchemy, pydantic, rich or alembic."""
    from conftest import run_counting_heavy_imports

    out, heavy = run_counting_heavy_imports('search', 'deal', '--limit', '3', '--kind', 'quote', '--json')
    assert heavy == "[]\n"
    assert [h["kind"] for h in json.loads(out)] == ["quote"] * 3
