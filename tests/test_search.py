"""Full-text search on both backends: ranking, highlights, records over
sentences, sync on delete and update, and hostile queries."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, create_engine, event, text

from tradelink.store import migrate
from tradelink.store.search import fts5_query, highlights, search

ART1 = "a1" * 8
ART2 = "b2" * 8
TEXT1 = ("Ann Lee said the chips would be exchanged for magnets. "
         "Rare earths dominate the talks. Will the licences hold?")
TEXT2 = "Magnets and more magnets were shipped. Nobody said anything about chips."


def _fill(engine) -> None:
    meta = MetaData()
    with engine.begin() as conn:
        meta.reflect(conn)
        t = meta.tables
        conn.execute(t["articles"].insert(), [
            {"id": ART1, "title": "Chips for magnets", "text": TEXT1, "parser_version": 1,
             "ingested_at": "2026-01-01"},
            {"id": ART2, "title": "Shipments", "text": TEXT2, "parser_version": 1,
             "ingested_at": "2026-01-01"},
        ])
        conn.execute(t["entities"].insert(), [
            {"id": 1, "kind": "actor", "key": "ann lee", "name": "Ann Lee", "type": "person"},
        ])
        sentences = []
        for art, body in ((ART1, TEXT1), (ART2, TEXT2)):
            start = 0
            for i, part in enumerate(body.split(". ")):
                s = body.index(part, start)
                e = s + len(part) + (1 if body[s + len(part):s + len(part) + 1] == "." else 0)
                sentences.append({"article_id": art, "idx": i, "section": None,
                                  "block": "paragraph", "start": s, "end": e, "text": body[s:e]})
                start = e
        conn.execute(t["sentences"].insert(), sentences)
        quote = "the chips would be exchanged for magnets"
        qs = TEXT1.index(quote)
        conn.execute(t["statements"].insert(), [{
            "article_id": ART1, "speaker_id": 1, "kind": "indirect", "verb": "said",
            "start": qs, "end": qs + len(quote), "text": quote,
        }])
        question = "Will the licences hold?"
        qq = TEXT1.index(question)
        conn.execute(t["questions"].insert(), [{
            "article_id": ART1, "headline": True, "section": "Questions",
            "start": qq, "end": qq + len(question), "text": question,
        }])
        if conn.dialect.name == "sqlite":  # raw inserts: index them as the writer does
            from tradelink.store.write import index_articles
            index_articles(conn, [ART1, ART2])


@pytest.fixture
def store(store_url):
    """(engine, open a read connection) on a filled database, per backend."""
    url = store_url if "://" in store_url else f"sqlite:///{store_url}"
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA foreign_keys=ON"))
    migrate.upgrade(engine)
    _fill(engine)

    opened = []

    def reader():
        if engine.dialect.name == "sqlite":
            conn = sqlite3.connect(engine.url.database)
        else:
            conn = engine.connect()
        opened.append(conn)
        return conn

    yield engine, reader
    for conn in opened:
        conn.close()
    engine.dispose()


def _brief(hits):
    return [(h["kind"], h["article"], h["text"]) for h in hits]


def test_words_are_stemmed_and_all_required(store):
    _, reader = store
    hits = search(reader(), "magnet shipped")
    assert _brief(hits) == [("sentence", ART2, "Magnets and more magnets were shipped.")]
    assert [TEXT2[s:e] for s, e in hits[0]["highlights"]] == ["Magnets", "magnets", "shipped"]


def test_a_quote_is_reported_as_the_record_with_its_speaker(store):
    _, reader = store
    hits = search(reader(), "chips exchanged")
    assert len(hits) == 1
    hit = hits[0]
    assert (hit["kind"], hit["speaker"], hit["title"]) == ("quote", "Ann Lee", "Chips for magnets")
    assert TEXT1[hit["start"]:hit["end"]] == hit["text"]
    assert [TEXT1[s:e] for s, e in hit["highlights"]] == ["chips", "exchanged"]


def test_questions_are_searchable_with_their_section(store):
    _, reader = store
    [hit] = search(reader(), "licences", kinds=("question",))
    assert (hit["kind"], hit["section"], hit["text"]) == ("question", "Questions",
                                                          "Will the licences hold?")


def test_results_are_ranked_and_limited(store):
    _, reader = store
    hits = search(reader(), "magnets", limit=2)
    assert [h["rank"] for h in hits] == [1, 2]
    # The sentence that says "magnets" twice outranks the rest.
    assert hits[0]["article"] == ART2


def test_deleting_an_article_removes_its_hits(store):
    engine, reader = store
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": ART1})
    assert {h["article"] for h in search(reader(), "chips")} == {ART2}
    assert search(reader(), "licences") == []


def test_updating_a_text_reindexes_it(store):
    engine, reader = store
    with engine.begin() as conn:
        conn.execute(text("UPDATE questions SET text = 'Will the tariffs hold?'"))
    assert search(reader(), "licences", kinds=("question",)) == []
    assert len(search(reader(), "tariffs", kinds=("question",))) == 1


HOSTILE = ['"', "*", "AND", "NEAR(", "chips AND", '"chips', "chips*", "-chips", "(", ")", "^",
           "chips OR", "NOT", "col:chips", "text:chips", "'", "\\", "", "   ", "%", "_",
           "NEAR(chips magnets, 2)", "chips; DROP TABLE articles", "{text}: chips"]


def test_hostile_queries_do_not_error(store):
    _, reader = store
    conn = reader()
    for query in HOSTILE:
        assert isinstance(search(conn, query), list), query
    assert len(search(conn, "chips; DROP TABLE articles")) == 0
    assert len(search(conn, '"chips*')) == 2


def test_fts5_query_quotes_every_word():
    assert fts5_query('NEAR(chips "magnets" AND *') == '"NEAR" "chips" "magnets" "AND"'
    assert fts5_query('"*') == ""


def test_highlights_parse_marks_and_reject_mismatches():
    assert highlights("a \ue000bc\ue001 d", "a bc d", 10) == [[12, 14]]
    assert highlights("\ue000a\ue001 \ue000b\ue001", "a b") == [[0, 3]]
    assert highlights("a \ue000x\ue001", "a b") == []
    assert highlights(None, "a") == []


@pytest.fixture(scope="module")
def sqlite_conn(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "t.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    _fill(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_query_is_safe(sqlite_conn, query):
    for hit in search(sqlite_conn, query):
        assert hit["text"]
