"""The store: writes, entity resolution across articles, spans, the read path."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.orm import Session

import handmade
from tradelink import models
from tradelink.errors import DatabaseError
from tradelink.store import read
from tradelink.store.db import ensure_schema, open_engine, open_reader, resolve
from tradelink.store.write import ingest


@pytest.fixture
def engine(tmp_path):
    eng = open_engine(resolve(str(tmp_path / "w.sqlite")))
    ensure_schema(eng)
    yield eng
    eng.dispose()


def store(engine, x):
    with Session(engine) as s, s.begin():
        return ingest(s, x)


def test_same_text_twice_is_a_duplicate_and_adds_nothing(engine, tmp_path):
    first = store(engine, handmade.extraction_a())
    second = store(engine, handmade.extraction_a())
    assert (first.status, second.status) == ("new", "duplicate")
    with open_reader(resolve(str(tmp_path / "w.sqlite"))) as r:
        assert read.counts(r) == {"articles": 1, "statements": 3, "questions": 3, "links": 2,
                                  "policy_facts": 2, "actors": 4}


def _dump(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'search_%'")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def test_plain_form_stores_exactly_what_the_extraction_does(tmp_path):
    """Bulk workers send `plain(extraction)` (pickled); it stores the same rows."""
    import pickle

    from tradelink.store.plain import plain

    xs = [handmade.extraction_a(), handmade.extraction_b()]
    dumps = []
    for name, form in (("x", lambda x: x), ("p", lambda x: pickle.loads(pickle.dumps(plain(x))))):
        eng = open_engine(resolve(str(tmp_path / f"{name}.sqlite")))
        ensure_schema(eng)
        for x in xs:
            store(eng, form(x))
        eng.dispose()
        dump = _dump(tmp_path / f"{name}.sqlite")
        dump["articles"] = [row[:-1] for row in dump["articles"]]  # but ingested_at
        dumps.append(dump)
    assert dumps[0] == dumps[1]
    assert all(dumps[0][t] for t in ("entities", "aliases", "mentions", "statements", "links"))


def test_alias_lookup_reads_at_most_two_entities_a_kind_per_key(engine):
    """Resolution asks only whether exactly one entity has an alias; the SQLite
    lookup stops at two a kind, so a common surname costs the same at any size."""
    from sqlalchemy import text

    from tradelink.store.write import _Ops, _SqliteOps

    with Session(engine) as s, s.begin():
        for i, (kind, key) in enumerate([("actor", "ann ashman"), ("actor", "bo ashman"),
                                         ("actor", "cy ashman"), ("commodity", "ashman alloy"),
                                         ("actor", "di other")], 1):
            s.execute(text("INSERT INTO entities (id, kind, key, name, type)"
                           " VALUES (:i, :k, :key, :key, 'x')"),
                      {"i": i, "k": kind, "key": key})
            s.execute(text("INSERT INTO aliases (entity_id, alias, key) VALUES (:i, :a, :a)"),
                      {"i": i, "a": "ashman" if i < 5 else "other"})
        fast = sorted(_SqliteOps(s).aliases(["ashman", "other"]))
        full = sorted(tuple(r) for r in _Ops(s).aliases(["ashman", "other"]))
    assert [r[:3] for r in fast] == [("ashman", 1, "actor"), ("ashman", 2, "actor"),
                                     ("ashman", 4, "commodity"), ("other", 5, "actor")]
    assert set(fast) <= set(full) and len(full) == 5


def test_foreign_keys_are_on(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


SPAN_TABLES = ["mentions", "roles", "sentences", "time_expressions", "policy_facts",
               "statements", "questions", "links"]


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_every_stored_span_slices_back_to_its_text(handmade_db, seeded, table):
    for path in (handmade_db, seeded):
        conn = sqlite3.connect(path)
        texts = dict(conn.execute("SELECT id, text FROM articles"))
        rows = conn.execute(f'SELECT article_id, start, "end", text FROM {table}').fetchall()
        for aid, start, end, text in rows:
            assert texts[aid][start:end] == text, (table, start, end, text)
        if path == handmade_db:
            assert rows, f"the hand-built articles put rows in {table}"
        for extra in ("sentence_start",):
            cols = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            if extra in cols:
                for aid, s, e in conn.execute(
                        f"SELECT article_id, sentence_start, sentence_end FROM {table} "
                        "WHERE sentence_start IS NOT NULL"):
                    assert 0 <= s < e <= len(texts[aid])
        conn.close()


def test_surname_in_a_later_article_is_the_same_person(handmade_db):
    with open_reader(resolve(str(handmade_db))) as r:
        people = {a["name"]: a for a in read.actors(r, type="person")}
        assert set(people) == {"Dana Whitfield", "Ngozi Okafor"}
        assert people["Dana Whitfield"]["aliases"] == ["Whitfield"]
        assert people["Dana Whitfield"]["roles"] == ["Commerce Secretary"]
        assert people["Ngozi Okafor"]["aliases"] == ["Okafor"]
        assert people["Ngozi Okafor"]["roles"] == ["Trade Minister"]
        assert people["Dana Whitfield"]["mentions"] == 3  # two in A, one in B
        said = [(q["speaker"], q["verb"]) for q in read.quotes(r, speaker="okafor")]
        assert said == [("Ngozi Okafor", "said")]


def test_a_full_name_absorbs_an_earlier_surname_only_person(engine, tmp_path):
    store(engine, handmade.extraction_b())
    with open_reader(resolve(str(tmp_path / "w.sqlite"))) as r:
        names = sorted(a["name"] for a in read.actors(r))
    assert names == ["Ngozi Okafor", "Whitfield"]
    store(engine, handmade.extraction_a())
    with open_reader(resolve(str(tmp_path / "w.sqlite"))) as r:
        people = {a["name"]: a for a in read.actors(r, type="person")}
        profile = read.actor(r, "whitfield")
    assert set(people) == {"Dana Whitfield", "Ngozi Okafor"}
    assert [x["role"] for x in profile["roles"]] == ["Commerce Secretary"]
    assert [s["verb"] for s in profile["statements"]] == ["warned", "said", "told"]
    assert len(profile["articles"]) == 2


ROW_MODELS = [
    (read.articles, models.ArticleRow),
    (read.actors, models.ActorRow),
    (read.quotes, models.QuoteRow),
    (read.questions, models.QuestionRow),
    (read.commodities, models.CommodityRow),
    (read.policies, models.PolicyRow),
    (read.links, models.LinkRow),
]


@pytest.mark.parametrize("fn,model", ROW_MODELS, ids=[m.__name__ for _, m in ROW_MODELS])
def test_read_rows_match_the_json_contract(handmade_db, fn, model):
    with open_reader(resolve(str(handmade_db))) as r:
        rows = fn(r)
    assert rows
    for row in rows:
        model.model_validate(row, strict=False)
        assert set(row) == set(model.model_fields)


def test_questions_put_follow_ups_under_their_headline(handmade_db):
    with open_reader(resolve(str(handmade_db))) as r:
        rows = read.questions(r)
    assert [(q["text"], q["headline"], q["parent"]) for q in rows] == [
        ("Will the deal last?", True, None),
        ("Who benefits from it?", False, "Will the deal last?"),
        ("Is <script>alert(1)</script> a risk?", True, None),
    ]


@pytest.mark.parametrize("term,expected", [
    ("lutnick", []),
    ("WHITFIELD", ["Dana Whitfield", "Dana Whitfield", "Dana Whitfield"]),
    ("dana whitfield", ["Dana Whitfield", "Dana Whitfield", "Dana Whitfield"]),
    ("whit", []),  # whole words only
    ("%", []),
    ("_", []),
    ("' OR 1=1 --", []),
    ("lawmakers", ["lawmakers"]),
])
def test_speaker_filter_matches_aliases_as_text(handmade_db, term, expected):
    with open_reader(resolve(str(handmade_db))) as r:
        assert [q["speaker"] for q in read.quotes(r, speaker=term)] == expected


@pytest.mark.parametrize("term,count", [("50%", 1), ("50\\%", 0), ("reckless_risky", 1),
                                         ("reckless risky", 0), ("_", 1), ("LICENCES", 2)])
def test_about_filter_treats_wildcards_as_text(handmade_db, term, count):
    with open_reader(resolve(str(handmade_db))) as r:
        assert len(read.quotes(r, about=term)) == count


def test_links_about_matches_names_aliases_and_words(handmade_db):
    with open_reader(resolve(str(handmade_db))) as r:
        assert [ln["relation"] for ln in read.links(r, about="beijing")] == ["dominates_supply_of"]
        assert [ln["relation"] for ln in read.links(r, about="magnets")] == ["tied_to"]
        assert read.links(r, about="%") == []


def test_timeline_orders_dated_items(handmade_db):
    with open_reader(resolve(str(handmade_db))) as r:
        rows = read.timeline(r)
    dated = [(x["date"], x["kind"]) for x in rows if x["date"]]
    assert dated == sorted(dated, key=lambda d: d[0])
    assert ("2025-03", "policy") in dated[:2]


def test_query_on_a_missing_database_creates_nothing(tmp_path):
    where = tmp_path / "nested" / "none.sqlite"
    with pytest.raises(DatabaseError, match="no database at .*tradelink ingest"):
        open_reader(resolve(str(where)))
    assert not (tmp_path / "nested").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello, I am not a database " * 100)
    with pytest.raises(DatabaseError, match="not a tradelink database or is corrupt"):
        open_reader(resolve(str(bad)))


def test_a_plain_sqlite_file_is_not_a_tradelink_database(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(DatabaseError, match="is not a tradelink database"):
        open_reader(resolve(str(other)))


def test_a_database_from_a_newer_tradelink_is_refused(handmade_db):
    conn = sqlite3.connect(handmade_db)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer tradelink"):
        open_reader(resolve(str(handmade_db)))
    with pytest.raises(DatabaseError, match="upgrade tradelink"):
        ensure_schema(open_engine(resolve(str(handmade_db))))


def test_resolve_paths_and_urls(monkeypatch):
    monkeypatch.delenv("TRADELINK_DB")
    assert str(resolve().path) == "data/tradelink.sqlite"
    monkeypatch.setenv("TRADELINK_DB", "x.db")
    assert str(resolve().path) == "x.db"
    assert str(resolve("sqlite:///y.db").path) == "y.db"
    pg = resolve("postgresql+psycopg://u:secret@host/db")
    assert pg.path is None and not pg.is_sqlite and "secret" not in pg.label
