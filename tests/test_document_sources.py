"""Patterns behind the k round of held-out misses: a document as the source
("the suit alleges", "According to the complaint", "Per the complaint", "Per
<Org>"), a court filing named as one document under its several names, and a
company's legal form dropped from its canonical name. One row per pattern, on
text written for the test (no names from any article)."""

from __future__ import annotations

import pytest
from speech import assert_speakers, run, shown

FILED = ("In a complaint filed Friday in the U.S. District Court for the District of Oregon, Brimwell Optics Inc. "
         "says the agency ignored its application. ")

ROWS = [
    # A court filing the named plaintiff speaks through: each of its names, later.
    (FILED + "According to the complaint, Brimwell shipped 400 lenses to a lab in Xian.",
     ["Brimwell Optics"], "Brimwell shipped 400 lenses", "indirect", "According to"),
    (FILED + "Per the complaint, Brimwell has lost about $9 million in sales.",
     ["Brimwell Optics"], "Brimwell has lost about $9 million", "indirect", "Per"),
    (FILED + "That delay, the suit alleges, broke the agency's own deadlines.",
     ["Brimwell Optics"], "broke the agency's own deadlines", "indirect", "alleges"),
    # "Per <Org>," opening a sentence: the organisation's figures.
    ("Per the Tolland Glass Federation, fewer than one in five glassmakers has a second supplier.",
     ["Tolland Glass Federation"], "fewer than one in five glassmakers", "indirect", "Per"),
]


@pytest.mark.parametrize("text,speakers,words,kind,verb", ROWS)
def test_document_source(text, speakers, words, kind, verb):
    assert_speakers(text, speakers, words, kind, verb)


NOT_SOURCES = [
    # "per" inside a sentence, units and idioms: no source.
    "Output rose to 40 tonnes per day, or 3 per cent more than in March.",
    "The company earned $1.20 per share in the quarter.",
    "Shipments left the port as per usual on Monday.",
    "Per capita income in the province rose by a third.",
    # A complaint no one filed is nobody's document: "the complaint" alone names no one.
    "According to the complaint, the boards were shipped in April.",
]


@pytest.mark.parametrize("text", NOT_SOURCES)
def test_not_a_document_source(text):
    stmts, _ = run(text)
    assert [s for s in stmts if s.speaker is not None] == [], shown(stmts)


def test_legal_form_left_out_of_the_name():
    _, actors = run("Brimwell Optics Inc. sued the agency. Later, Harnden Corp. joined the suit.")
    names = {a.name: a.aliases for a in actors}
    assert "Brimwell Optics Inc." in names.get("Brimwell Optics", []), names
    assert "Harnden Corp." in names, names  # one word left: the legal form stays
