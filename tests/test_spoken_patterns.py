"""Patterns behind the seventh round of held-out misses (a trade newsletter, a
broadcaster's explainer, a podcast transcript): radio-style transcript turns,
joint subjects, unnamed sources fronted or trailing, reported speech without
"that"; one row per pattern, on text written for the test (no names from any
article)."""

from __future__ import annotations

import pytest

from tradelink.extract import attribution, entities, extract
from tradelink.extract.segment import segment
from tradelink.models import normalise_text


def run(text: str):
    text = normalise_text(text)
    doc = segment(text)
    actors = entities.find(doc)
    return attribution.find(doc, actors, []), actors


# A radio transcript: "FULL NAME, ROLE:" the first time, the surname alone after; a
# played clip tagged "[CLIP]"; the host's turns are no statements, reported speech in them is.
RADIO = """Harbour Talk | Episode 9
MARA QUILL, HOST: Welcome back. Last week Chile said it would cap lithium exports to three buyers. I'm joined by Tomas Reyes of Halden Partners.
TOMAS REYES, GUEST: Thanks, Mara. Good to be here.
QUILL: Is the cap real?
REYES: Mostly. The ministry has named the buyers who still get licences, and smaller refiners are left out.
QUILL: Here is the minister at a hearing on Monday.
[CLIP] IDA BRUN: We have not closed the door to anyone who follows the rules.
QUILL: Do you believe her?
REYES: Not yet. The licences will tell us more than the speeches.
QUILL: Tomas Reyes, thank you.
REYES: Thank you.
"""


def test_radio_transcript_turns():
    ex = extract(RADIO, {})
    assert [(s.speaker, s.text[:22]) for s in ex.statements] == [
        ("Chile", "it would cap lithium e"),
        ("Tomas Reyes", "Mostly. The ministry h"),
        ("Ida Brun", "We have not closed the"),
        ("Tomas Reyes", "Not yet. The licences "),
    ]
    people = {a.name for a in ex.actors if a.type == "person"}
    assert {"Mara Quill", "Tomas Reyes", "Ida Brun"} <= people
    assert [q.text for q in ex.questions] == ["Is the cap real?", "Do you believe her?"]


@pytest.mark.parametrize("text", [
    # Capitalised run-in heads in a newsletter are no turns, even with a surname-like word.
    "TARIFF WATCH: Chile raised duties.\nCOBALT CORNER: Prices fell.\nWATCH: More next week.\n",
])
def test_no_radio_turns_in_run_in_heads(text):
    assert [b for b in segment(normalise_text(text)).blocks if b.speaker] == []


def test_a_source_cited_in_a_turn_is_its_own():
    ex = extract(RADIO.replace("than the speeches.", "than the speeches, according to a survey the "
                                                     "Andean Mining Council published in May."), {})
    assert ("Andean Mining Council", "according to") in {(s.speaker, s.verb) for s in ex.statements}
