"""`tradelink questions`: newest first, a default --limit with a note on stderr
when the list was cut, --about (the search index) and --article; exact output
and exit codes on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

import handmade
from graph_kb import write
from handmade import span
from tradelink.models import Article, Extraction, Question, article_id, normalise_text

SECTION = "Questions for Traders"


def story(k: int) -> Extraction:
    """A short article with one headline question and its follow-up."""
    t = normalise_text(f"Tin report {k}\n{SECTION}\n- Will tin prices rise in week {k}? "
                       f"Who pays for smelter {k}?")
    head = f"Will tin prices rise in week {k}?"
    return Extraction(
        article=Article(id=article_id(t), title=f"Tin report {k}", text=t),
        sentences=handmade.sentences(t),
        questions=[span(Question, t, head, headline=True, section=SECTION),
                   span(Question, t, f"Who pays for smelter {k}?", parent=head, section=SECTION)],
    )


A_ID = handmade.extraction_a().article.id


@pytest.fixture
def kb(db_url, monkeypatch):
    """Article A (three questions), then three tin reports, stored in that order."""
    write(db_url, [handmade.extraction_a(), story(1), story(2), story(3)])
    monkeypatch.setenv("TRADELINK_DB", db_url)
    return db_url


def tin(k: int) -> str:
    return f"  - Will tin prices rise in week {k}?\n    · Who pays for smelter {k}?\n"


ARTICLE_A = ("Questions for Investors\n  - Will the deal last?\n    · Who benefits from it?\n"
             "  - Is <script>alert(1)</script> a risk?\n")


def test_newest_article_first_every_question_under_the_default_limit(cli, kb):
    r = cli("questions")
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout == f"{SECTION}\n" + tin(3) + tin(2) + tin(1) + ARTICLE_A


def test_limit_cuts_the_list_and_says_so_on_stderr(cli, kb):
    r = cli("questions", "--limit", "3")
    assert (r.exit_code, r.stdout, r.stderr) == (
        0, f"{SECTION}\n" + tin(3) + "  - Will tin prices rise in week 2?\n",
        "showing the newest 3 questions; there are more (--limit 0 for all)\n")
    rows = json.loads(cli("questions", "-n", "2", "--json").stdout)
    assert [(q["text"], q["headline"], q["parent"]) for q in rows] == [
        ("Will tin prices rise in week 3?", True, None),
        ("Who pays for smelter 3?", False, "Will tin prices rise in week 3?")]


def test_a_limit_that_fits_exactly_says_nothing(cli, kb):
    r = cli("questions", "--limit", "9")
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout == cli("questions", "--limit", "0").stdout == cli("questions").stdout
    assert len(json.loads(cli("questions", "--limit", "0", "--json").stdout)) == 9


def test_about_matches_every_word_stemmed(cli, kb):
    r = cli("questions", "--about", "smelters 2", "--json")
    assert (r.exit_code, r.stderr) == (0, "")
    start = story(2).article.text.index("Who pays for smelter 2?")
    assert json.loads(r.stdout) == [{
        "text": "Who pays for smelter 2?", "headline": False,
        "parent": "Will tin prices rise in week 2?", "section": SECTION,
        "article": story(2).article.id, "start": start, "end": start + 23}]
    r = cli("questions", "--about", "DEAL")
    assert (r.exit_code, r.stdout, r.stderr) == (
        0, "Questions for Investors\n  - Will the deal last?\n", "")
    r = cli("questions", "--about", "tin", "--limit", "1")
    assert (r.exit_code, r.stdout, r.stderr) == (
        0, f"{SECTION}\n  - Will tin prices rise in week 3?\n",
        "showing the newest 1 questions; there are more (--limit 0 for all)\n")


def test_about_without_a_match_or_a_word(cli, kb):
    for about in ("cobalt", "?!"):
        r = cli("questions", "--about", about, "--json")
        assert (r.exit_code, r.stdout, r.stderr) == (0, "[]\n", "")


def test_article_by_id_or_prefix(cli, kb):
    r = cli("questions", "--article", A_ID[:6])
    assert (r.exit_code, r.stdout, r.stderr) == (0, ARTICLE_A, "")
    r = cli("questions", "--article", story(1).article.id, "--about", "smelter", "--json")
    assert [q["text"] for q in json.loads(r.stdout)] == ["Who pays for smelter 1?"]


def test_bad_options(cli, kb):
    r = cli("questions", "--article", "zz")
    assert (r.exit_code, r.stdout, r.stderr) == (
        1, "", "error: no article has the id 'zz'; see `tradelink articles`\n")
    r = cli("questions", "--limit", "-1")
    assert (r.exit_code, r.stdout, r.stderr) == (
        2, "", "error: --limit must be 0 (all) or more, not -1\n")
    r = cli("questions", "--limit", "many")
    assert (r.exit_code, r.stdout, r.stderr) == (
        2, "", "error: Invalid value for '--limit' / '-n': Input should be a valid integer,"
        " unable to parse string as an integer (see `tradelink questions --help`)\n")
    r = cli("questions", "--about", " ")
    assert r.exit_code == 2 and r.stdout == ""


def test_the_seed_prints_in_full_by_default(cli, seeded):
    r = cli("questions", "--json")
    assert (r.exit_code, r.stderr) == (0, "")
    rows = json.loads(r.stdout)
    assert rows == json.loads(cli("questions", "--limit", "0", "--json").stdout)
    assert sum(q["headline"] for q in rows) == 3
    assert len(rows) > 3  # the follow-ups too


def test_a_common_word_walks_the_articles_and_answers_the_same(cli, kb, monkeypatch):
    from tradelink.store import read

    argvs = [("questions", "--about", "tin", "--limit", n) for n in ("1", "2", "3", "50")]
    argvs += [("questions", "--about", "smelter", "-n", "2"), ("questions", "--about", "cobalt")]
    sorted_ = [cli(*argv) for argv in argvs]
    monkeypatch.setattr(read, "_COMMON", 1)  # every match list counts as common
    walked = [cli(*argv) for argv in argvs]
    assert [(r.exit_code, r.stdout, r.stderr) for r in walked] == [
        (r.exit_code, r.stdout, r.stderr) for r in sorted_]
    assert walked[0].stdout == f"{SECTION}\n  - Will tin prices rise in week 3?\n"
