"""Property: whatever extraction finds, ingest then `export --format json` gives it back."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from tradelink.errors import InputError
from tradelink.extract import extract
from tradelink.report import summary
from tradelink.store.db import open_engine, open_reader, resolve
from tradelink.store.write import ingest

WORDS = ["the", "ministry", "said", "Nvidia", "chips", "magnets", "rare", "earths", "Beijing",
         "told", "Reuters", "reportedly", "export", "ban", "licence", "deal", "Minister",
         "Ana", "Vale", "warned", "?", ",", ".", "“", "”", '"', ":", "-", "\n", "\n- ", "April"]

texts = st.lists(st.sampled_from(WORDS), min_size=3, max_size=80).map(" ".join)


@pytest.fixture
def db_file(_sqlite_template, tmp_path):
    path = tmp_path / "rt.sqlite"
    shutil.copyfile(_sqlite_template, path)
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_ingest_then_export_json_round_trips(db_file, text):
    try:
        x = extract(text)
    except InputError:
        return
    engine = open_engine(resolve(str(db_file)))
    with Session(engine) as s, s.begin():
        ingest(s, x)
    engine.dispose()
    with open_reader(resolve(str(db_file))) as r:
        data = summary.build(r)
    aid = x.article.id
    assert aid in [a["id"] for a in data["sources"]]
    quotes = [(q["text"], q["start"], q["end"], q["kind"], q["verb"], q["hedge"])
              for q in data["quotes"] if q["article"] == aid]
    assert sorted(quotes) == sorted((s.text, s.start, s.end, s.kind, s.verb, s.hedge)
                                    for s in x.statements)
    questions = [(q["text"], q["start"], q["headline"], q["parent"])
                 for q in data["questions"] if q["article"] == aid]
    assert sorted(questions) == sorted((q.text, q.start, q.headline, q.parent if not q.headline else None)
                                       for q in x.questions)
    links = [(ln["relation"], ln["evidence"]) for ln in data["links"] if ln["article"] == aid]
    assert sorted(links) == sorted((ln.relation, ln.text) for ln in x.links)
    # a policy's name and kind are global (the first article to name it sets them); its evidence is per article
    policies = [p["evidence"] for p in data["policies"] if p["article"] == aid]
    assert sorted(policies) == sorted(p.text for p in x.policies)
    for q in data["quotes"]:
        if q["article"] == aid:
            assert x.article.text[q["start"]:q["end"]] == q["text"]
