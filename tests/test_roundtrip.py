"""Property: ingest an article, `export --format json`, and get back exactly what
extraction read from it (quotes, questions, actors, metadata), with every
offset slicing the article text back to the record's text."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink.extract import ExtractionError, extract
from tradelink.models import ArticleMeta, normalise_text

FIRST = ["Ana", "Wen", "Jo", "Ngozi", "Lars", "Zoë", "O'Neil", "Mei-Ling"]
LAST = ["Varga", "Okafor", "Lindqvist", "de la Cruz", "McAdams", "Chen", "Brandt-Ruiz"]
ROLE = ["Commerce Secretary", "Trade Minister", "chief executive", "spokesperson", "analyst"]
ORG = ["Cormont Magnetics", "Halvard Semiconductor", "the ministry", "Reuters", "Beijing"]
WORDS = ["the deal", "rare earths", "magnets", "licences", "exports", "H20 chips", "talks",
         "50%", "under_score", "<script>alert(1)</script>", "'; DROP TABLE articles; --",
         "“curly”", '"straight', "‘single’", "tariffs", "gallium", "resume", "stall"]
QUOTES = ['"', "“", "”", "‘", "’", "«", "»", "'"]

name = st.builds(lambda f, l: f"{f} {l}", st.sampled_from(FIRST), st.sampled_from(LAST))
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
sentence = st.one_of(
    st.builds(lambda r, n, w: f'{r} {n} said, "{w}."', st.sampled_from(ROLE), name, words),
    st.builds(lambda w, n, r, o: f'“{w},” said {n}, the {r} of {o}.',
              words, name, st.sampled_from(ROLE), st.sampled_from(ORG)),
    st.builds(lambda n, o, w: f"{n} told {o} that {w} would resume.", name, st.sampled_from(ORG), words),
    st.builds(lambda w: f"Officials reportedly said {w} may stall.", words),
    st.builds(lambda w: f"Will {w} last?", words),
    st.builds(lambda q, w: f"{q}{w} remains open, he said.", st.sampled_from(QUOTES), words),
    words.map(lambda w: f"- Highlights: {w}."),
    words.map(lambda w: w.capitalize() + "."),
)
article = st.builds(
    lambda title, paras: title + "\n\n" + "\n\n".join(" ".join(p) for p in paras) + "\n",
    words.map(lambda w: w.title()[:60]),
    st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=1, max_size=5),
)
meta = st.fixed_dictionaries({
    "outlet": st.sampled_from([None, "Ledger Wire", "O'Brien & Sons <b>Daily</b>"]),
    "url": st.sampled_from([None, "https://example.com/a?x=1&y=%20"]),
    "published": st.sampled_from([None, "2025-07-15"]),
})


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(article, meta)
def test_ingest_then_export_json_round_trips(cli, _sqlite_template, text, sidecar):
    folder = Path(tempfile.mkdtemp(prefix="roundtrip"))
    try:
        db = folder / "kb.sqlite"
        shutil.copyfile(_sqlite_template, db)
        path = folder / "story.txt"
        path.write_text(text, encoding="utf-8")
        (folder / "story.meta.json").write_text(json.dumps(sidecar))
        try:
            expected = extract(text, ArticleMeta.model_validate(sidecar))
        except ExtractionError:
            r = cli("--db", str(db), "ingest", str(path))
            assert r.exit_code == 1 and r.stderr.count("\n") == 1
            return
        r = cli("--db", str(db), "ingest", str(path))
        assert (r.exit_code, r.stderr) == (0, ""), r.output
        out = cli("--db", str(db), "export", "--format", "json")
        assert out.exit_code == 0, out.stderr
        data = json.loads(out.stdout)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    body = normalise_text(text)
    art = expected.article
    (src,) = data["sources"]
    assert (src["id"], src["title"], src["outlet"], src["url"]) == (art.id, art.title, art.outlet, art.url)
    assert src["published"] == (art.published.isoformat() if isinstance(art.published, dt.date) else None)

    quotes = {(q["start"], q["end"], q["text"], q["kind"], q["verb"], q["hedge"]) for q in data["quotes"]}
    assert quotes == {(s.start, s.end, s.text, s.kind, s.verb, s.hedge) for s in expected.statements}
    assert {q["speaker"] for q in data["quotes"]} == {s.speaker for s in expected.statements}
    questions = {(q["start"], q["end"], q["text"], q["headline"]) for q in data["questions"]}
    assert questions == {(q.start, q.end, q.text, q.headline) for q in expected.questions}
    for row in data["quotes"] + data["questions"]:
        assert row["article"] == art.id
        assert body[row["start"]:row["end"]] == row["text"]
    assert {a["name"] for a in data["actors"]} == {a.name for a in expected.actors}
