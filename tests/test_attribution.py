"""Who said what: one row per attribution pattern, on sentences written for the test."""

from __future__ import annotations

import pytest

from tradelink.extract import attribution, entities
from tradelink.extract.attribution import find_quotes
from tradelink.extract.segment import segment
from tradelink.models import normalise_text


def run(text: str):
    text = normalise_text(text)
    doc = segment(text)
    actors = entities.find(doc)
    return text, actors, attribution.find(doc, actors, [])


ROWS = [
    # (article text, speaker, words contained in the statement, kind, verb)
    ('Trade Secretary Mara Quill said, "We will not sign a deal that leaves our factories short."',
     "Mara Quill", "We will not sign a deal", "direct", "said"),
    ('"Prices will stay high until the new plants open," Mara Quill said.',
     "Mara Quill", "Prices will stay high", "direct", "said"),
    ('"The queue is getting longer every week," said Tobin Ashgrove, the head of supply at Perrin Motors.',
     "Tobin Ashgrove", "The queue is getting longer", "direct", "said"),
    ("Tobin Ashgrove, the head of supply at Perrin Motors, told Reuters that deliveries had slipped by a month.",
     "Tobin Ashgrove", "deliveries had slipped by a month", "indirect", "told"),
    ("Deliveries had slipped by a month, according to Tobin Ashgrove, the head of supply at Perrin Motors.",
     "Tobin Ashgrove", "Deliveries had slipped by a month", "indirect", "according to"),
    ("Perrin Motors said in a statement that it would cut output at two plants next quarter.",
     "Perrin Motors", "it would cut output at two plants", "indirect", "said"),
    ("Senator Ada Brennock: 'This deal sells our lead for a few months of supply.'",
     "Ada Brennock", "This deal sells our lead", "direct", "said"),
    ("Senator Ada Brennock called for hearings. She warned that the agreement was “a gift to our rivals at the worst moment.”",
     "Ada Brennock", "a gift to our rivals", "direct", "warned"),
    ("Analysts fear the freeze could spread to other metals within months.",
     "Analysts", "the freeze could spread to other metals", "indirect", "fear"),
    ("Rep. Hal Dorsey slammed the plan as reckless and short-sighted in a hearing.",
     "Hal Dorsey", "reckless and short-sighted", "indirect", "slammed"),
    ("Beijing denied that the permits were aimed at any single buyer.",
     "China", "the permits were aimed at any single buyer", "indirect", "denied"),
    # A group keeps its place in its name, as the labelled sets write it ("Critics in Congress").
    ("Officials in Washington have reportedly assured exporters that the licences will be approved.",
     "Officials in Washington", "the licences will be approved", "indirect", "assured"),
    ("The Morning Beacon reported, citing three people familiar with the talks, that the deal was close.",
     "Morning Beacon", "the deal was close", "indirect", "reported"),
]


@pytest.mark.parametrize("text,speaker,words,kind,verb", ROWS)
def test_speech_frames(text, speaker, words, kind, verb):
    _, _, stmts = run(text)
    hits = [s for s in stmts if words in s.text]
    assert hits, [(s.speaker, s.text) for s in stmts]
    s = hits[0]
    assert (s.speaker, s.kind, s.verb) == (speaker, kind, verb)


def test_anonymous_source_keeps_a_descriptor():
    _, _, stmts = run("A senior trade official who asked not to be named said the talks would resume in May.")
    (s,) = stmts
    assert s.speaker is None
    assert s.speaker_descriptor.startswith("A senior trade official who asked not to be named")
    assert "the talks would resume in May" in s.text


def test_split_quote_is_one_statement():
    text = '"We are ready to ship," said Lena Vastik, the chief executive of Orrin Metals. "The permits are not."'
    _, _, stmts = run(text)
    assert len(stmts) == 1
    assert stmts[0].speaker == "Lena Vastik" and stmts[0].text == "We are ready to ship"


def test_quote_continues_into_the_next_paragraph():
    text = ('"We are ready to ship the first cargo this month," Lena Vastik said.\n\n'
            '"The permits are the only thing still missing from the paperwork."')
    _, _, stmts = run(text)
    assert [s.speaker for s in stmts] == ["Lena Vastik", "Lena Vastik"]
    assert stmts[1].text.startswith("The permits are the only thing")


def test_pronoun_resolves_to_the_subject_not_the_nearest_name():
    text = ("Minister Ivo Petrak met Governor Sela Moravec on Tuesday. Petrak left the meeting early "
            "and thanked Moravec for her time. He said the two sides would meet again in June.")
    _, _, stmts = run(text)
    s = next(s for s in stmts if "meet again" in s.text)
    assert s.speaker == "Ivo Petrak"


def test_the_company_resolves_to_the_nearest_company():
    text = ("Orrin Metals sold its stake to Dace Holdings last year. Dace Holdings plans a new smelter. "
            "The company said it would open the smelter in 2028.")
    _, _, stmts = run(text)
    s = next(s for s in stmts if "open the smelter" in s.text)
    assert s.speaker == "Dace Holdings"


def test_joint_statement_gives_one_row_per_person():
    text = ("Rep. Ana Voss, a Texas Republican, and Rep. Lew Marran, an Oregon Democrat, said in a joint "
            'statement that the licences "reward the wrong behaviour at the wrong time."')
    _, actors, stmts = run(text)
    assert sorted(s.speaker for s in stmts) == ["Ana Voss", "Lew Marran"]
    parties = {a.name: a.party for a in actors if a.type == "person"}
    assert parties == {"Ana Voss": "Republican", "Lew Marran": "Democrat"}


def test_medium_carries_the_quote():
    _, _, stmts = run('Tobin Ashgrove told the Evening Courier that "no shipment has left the port since May."')
    (s,) = stmts
    assert s.speaker == "Tobin Ashgrove" and s.medium == "Evening Courier"


NOT_QUOTES = [
    "Traders have started calling the route the “magnet channel.”",
    "The ministry declined to say how many permits it had issued.",
    "Two lawmakers condemned the arrangement in a joint statement.",
    "Scope: Permits cover sintered magnets and any alloy of the two metals.",
    "Gallium exports have reportedly slowed since the spring.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(text):
    _, _, stmts = run(text)
    assert stmts == []


QUOTE_MARKS = [
    ('He said "one two three four" again.', ["one two three four"]),
    ("He said “one two three four” again.", ["one two three four"]),
    ("He said ‘the plant’s output is falling’ again.", ["the plant’s output is falling"]),
    ("He said 'the plant's output is falling' again.", ["the plant's output is falling"]),
    ("He said “one two three four and never closed", ["one two three four and never closed"]),
]


@pytest.mark.parametrize("text,inner", QUOTE_MARKS)
def test_quote_marks(text, inner):
    qs = find_quotes(text, 0, len(text))
    assert [text[q.start:q.end] for q in qs] == inner


def test_unbalanced_mark_does_not_derail_the_next_paragraph():
    text = ('Officials said the "review would take weeks.\n\n'
            '"We will know more in June," Dara Koss said.')
    _, _, stmts = run(text)
    assert any(s.speaker == "Dara Koss" and s.text == "We will know more in June" for s in stmts)


ACTORS = [
    ("Commerce Secretary Jory Falk met Beijing officials.", "Jory Falk", "person", "Commerce Secretary"),
    ("Nadia Orlo, the chief executive of Vantor Semiconductor, spoke first.", "Nadia Orlo", "person", "chief executive"),
    ("Vantor Semiconductor's chief financial officer, Pim Adler, spoke first.", "Pim Adler", "person", "chief financial officer"),
    ("Nadia Orlo, an analyst at Brindle Quay, spoke first.", "Brindle Quay", "organization", None),
    ("The consultancy Hollow Crane expects delays.", "Hollow Crane", "organization", None),
    ("Kettle Stone, a Danish maker of wind turbines, will bid.", "Kettle Stone", "organization", None),
    ("The Evening Courier reported the deal first.", "Evening Courier", "media", None),
    ("Washington and Tokyo agreed on the terms.", "United States", "government", None),
    ("The Commerce Department issued new rules.", "Commerce Department", "government", None),
    ("Korea's trade ministry said it would respond.", "South Korea's trade ministry", "government", None),
    ("Some analysts expect a rebound.", "Analysts", "group", None),
    ("European carmakers face shortages.", "European carmakers", "group", None),
]


@pytest.mark.parametrize("text,name,type_,role", ACTORS)
def test_actors(text, name, type_, role):
    _, actors, _ = run(text)
    by = {a.name: a for a in actors}
    assert name in by, list(by)
    assert by[name].type == type_
    if role:
        assert role in [r.title for r in by[name].roles]


def test_surname_is_the_same_person_and_pronouns_are_not_aliases():
    text = "Trade Minister Oren Valsh spoke on Monday. Valsh said he would visit the plant."
    _, actors, _ = run(text)
    people = [a for a in actors if a.type == "person"]
    assert [p.name for p in people] == ["Oren Valsh"]
    assert "Valsh" in people[0].aliases and "he" not in people[0].aliases


def test_outlet_in_a_dateline_is_not_an_actor():
    text = "BERLIN, May 4 (Evening Courier) - Germany said it would build a magnet reserve."
    _, actors, _ = run(text)
    assert "Evening Courier" not in {a.name for a in actors}


WIRE_ROWS = [
    # Wire-service forms
    ("Orlan Chief Executive Pim Vasko said on Tuesday the company would comply with the rules.",
     "Pim Vasko", "the company would comply with the rules", "indirect", "said"),
    ("Foreign ministry spokesperson Wen Tao told a regular news briefing that the measures were unfair.",
     "Wen Tao", "the measures were unfair", "indirect", "told"),
    ("Two people familiar with the matter told the Evening Courier the review had been delayed.",
     None, "the review had been delayed", "indirect", "told"),
    ("The rules are being reviewed again, said people familiar with the matter.",
     None, "The rules are being reviewed again", "indirect", "said"),
    ('Orlan named Pim Vasko in May. "We are watching this very closely," Vasko, 54, said in an interview.',
     "Pim Vasko", "We are watching this very closely", "direct", "said"),
    ("Industry groups warned that shortages could follow within weeks.",
     "Industry groups", "shortages could follow within weeks", "indirect", "warned"),
]


@pytest.mark.parametrize("text,speaker,words,kind,verb", WIRE_ROWS)
def test_wire_forms(text, speaker, words, kind, verb):
    _, _, stmts = run(text)
    hits = [s for s in stmts if words in s.text]
    assert hits, [(s.speaker, s.text) for s in stmts]
    s = hits[0]
    assert (s.speaker, s.kind, s.verb) == (speaker, kind, verb)


def test_employer_before_a_title_is_an_organisation():
    _, actors, _ = run("Orlan Chief Executive Pim Vasko spoke first.")
    by = {a.name: a for a in actors}
    assert by["Orlan"].type == "organization"
    assert by["Pim Vasko"].affiliation == "Orlan"
    assert [r.title for r in by["Pim Vasko"].roles] == ["Chief Executive"]


def test_the_ministry_is_never_another_government():
    text = "Washington imposed new tariffs. The ministry said it would respond."
    _, _, stmts = run(text)
    assert all(s.speaker != "United States" for s in stmts)


MORE_ROWS = [
    ('Rep. Lyle Gantz, R-Ohio, chairman of the House panel on trade, said the move "sends the wrong signal to everyone."',
     "Lyle Gantz", "sends the wrong signal", "direct", "said"),
    ("Orlan said in a filing with the Securities and Exchange Commission that China made up 13% of revenue.",
     "Orlan", "China made up 13% of revenue", "indirect", "said"),
    ("Seoul's trade ministry said it welcomed the decision and would keep talking.",
     "South Korea's trade ministry", "it welcomed the decision", "indirect", "said"),
]


@pytest.mark.parametrize("text,speaker,words,kind,verb", MORE_ROWS)
def test_more_forms(text, speaker, words, kind, verb):
    _, _, stmts = run(text)
    hits = [s for s in stmts if words in s.text]
    assert hits, [(s.speaker, s.text) for s in stmts]
    assert (hits[0].speaker, hits[0].kind, hits[0].verb) == (speaker, kind, verb)
    assert len(stmts) == 1


def test_party_from_a_state_abbreviation():
    _, actors, _ = run("Rep. Lyle Gantz, R-Ohio, and Sen. Ona Pell, D-Calif., spoke.")
    parties = {a.name: a.party for a in actors if a.type == "person"}
    assert parties == {"Lyle Gantz": "Republican", "Ona Pell": "Democrat"}


def test_participle_with_no_frame_takes_the_subject():
    text = "Orlan Metals raised its forecast on Monday, saying demand for its magnets was strong."
    _, _, stmts = run(text)
    assert [(s.speaker, s.verb) for s in stmts] == [("Orlan Metals", "said")]
    assert stmts[0].text.startswith("demand for its magnets was strong")


def test_a_speaker_named_only_where_it_speaks_becomes_an_actor():
    text = "Some analysts expect a rebound this year. Others argued that prices would stay low."
    _, actors, stmts = run(text)
    assert [s.speaker for s in stmts if "prices" in s.text] == ["Others"]
    assert "Others" in {a.name for a in actors}


def test_possessive_before_a_model_name_is_an_organisation():
    _, actors, _ = run("Buyers prefer Orlan’s Z40 accelerator to older parts.")
    assert {a.name: a.type for a in actors}.get("Orlan") == "organization"


NESTED_ROWS = [
    # A verb inside reported words belongs to the report.
    ("Orlan Corp said on Tuesday that buyers had paused orders after Beijing urged companies to avoid its chips.",
     [("Orlan Corp", "said")]),
    # A question quoted before a spokesperson for a named body.
    ('"Why would anyone buy it?" the spokesman for the Cyberspace Administration of China asked at a briefing.',
     [("Cyberspace Administration of China", "asked")]),
    # "asked them to ..." is a request.
    ("The regulator summoned executives and asked them to justify their purchases.", []),
    # A paragraph that looks like a "Label:" is a colon quotation.
    ('Trade Minister Oren Valsh spoke first.\n\nHe added: "This is only the start of a long negotiation."',
     [("Oren Valsh", "added")]),
    ("Chinese state media reported that regulators had summoned the company's executives.",
     [("Chinese state media", "reported")]),
]


@pytest.mark.parametrize("text,expected", NESTED_ROWS)
def test_frames_in_context(text, expected):
    _, _, stmts = run(text)
    assert [(s.speaker, s.verb) for s in stmts] == expected


def test_analysts_at_a_named_firm_speak_for_the_firm():
    _, _, stmts = run("Analysts at Orrin Securities said the payment would trim margins on exports.")
    assert [(s.speaker, s.speaker_type) for s in stmts] == [("Orrin Securities", "organization")]
