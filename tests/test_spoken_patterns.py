"""Patterns behind the seventh round of held-out misses (a trade newsletter, a
broadcaster's explainer, a podcast transcript): radio-style transcript turns,
joint subjects, unnamed sources fronted or trailing, reported speech without
"that"; one row per pattern, on text written for the test (no names from any
article)."""

from __future__ import annotations

import pytest
from speech import assert_speakers, run, shown

from tradelink.extract import extract
from tradelink.extract.segment import segment
from tradelink.models import normalise_text




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


SPEECH = [
    # (text, speakers (every one has a statement with the words; None is an unnamed source), words, kind, verb)
    # Two lawmakers, each with party and state in brackets, as one subject.
    ('In a letter sent Monday, Sens. Ada Pellworth (D-Vt.) and Rufus Kamm (R-Utah) wrote that the waiver '
     '"would hand away the only leverage we have."',
     ["Ada Pellworth", "Rufus Kamm"], "would hand away the only leverage", "direct", "wrote"),
    # A fronted "According to" a counted source briefed on something: unnamed, whatever the noun;
    # "One of them" then refers back to it.
    ('According to two shipping brokers briefed on the plan, the quota would halve cobalt exports. '
     'One of them described the new levy as "a tax on patience."', [None], "the quota would halve cobalt exports",
     "indirect", "According to"),
    ('According to two shipping brokers briefed on the plan, the quota would halve cobalt exports. '
     'One of them described the new levy as "a tax on patience."', [None], "a tax on patience", "direct",
     "described"),
    # "..., with X arguing that ...": the participle's subject follows "with".
    ("Miners plan to lobby the ministry this week, with the Andean Lithium Coalition arguing that new quotas "
     "would idle plants.", ["Andean Lithium Coalition"], "new quotas would idle plants", "indirect", "argued"),
    # "thinks that will ...": a "that" before a verb is the words' subject, kept.
    ("Oren Haldane, a former customs official, said the fund was small. Mr Haldane thinks that will not be enough.",
     ["Oren Haldane"], "that will not be enough", "indirect", "thinks"),
    ("Tin traders think prices will fall before the summer.", ["Tin traders"], "prices will fall", "indirect", "think"),
    ("Vera Lund, partner at Oslo-based consultancy Fjord Advisory, opined that quotas would backfire.",
     ["Vera Lund"], "quotas would backfire", "indirect", "opined"),
    # "X wrote to Y": a letter sent, no words; what "the letter" says is X's.
    ("The Chilean Lithium Council wrote to the ministry on Monday. The letter flagged that imports had doubled.",
     ["Chilean Lithium Council"], "imports had doubled", "indirect", "flagged"),
    # "As per" a source, as "according to"; figures of no one named are unnamed.
    ("As per industry estimates, Chile exported about 800 tonnes of lithium in 2025.", [None],
     "Chile exported about 800 tonnes", "indirect", "As per"),
    # "A government spokesperson": the government of the country named last.
    ('Norway has no magnet plant of its own. A government spokesperson said Norway was "watching the market '
     'closely".', ["Norway"], "watching the market closely", "direct", "said"),
    # An unnamed buyer (a head word of unnamed sources), "told <outlet>" and no "that".
    ("One cobalt buyer at a Dutch battery maker, who did not want to be named, told Reuters his firm had built up "
     "six months of stock.", [None], "his firm had built up six months of stock", "indirect", "told"),
    # "a system that buyers say": the relative clause's subject, not an unnamed "a ... buyers".
    ("Chile formalised a system that buyers say has already slowed deliveries.", ["Buyers"],
     "has already slowed deliveries", "indirect", "say"),
    # A company's officer, unnamed: "Acme's chief executive has argued for months that".
    ("Lima, 3 May: Prices rose again this week in the markets of the region.\n\n"
     "Halden Metals' chief executive has argued for months that the market will go to rivals.",
     ["Halden Metals' chief executive"], "the market will go to rivals", "indirect", "argued"),
    # 'told us that the company "..." and would not comment on ...': the second verb's words too.
    ('A spokesperson for Halden Metals told us in a statement that the company "follows every export rule" and '
     'would not comment on specific products.', ["Halden Metals"], "would not comment on specific products",
     "direct", "told"),
    # A group named with its place, and a second subject after "although" with its own verb.
    ('Lima, 3 May: Prices rose again this week in the markets of the region.\n\n'
     'Officials in Lima say the quota has "mostly worked", although smelters in Chile and Peru complain that '
     'permits still take weeks.', ["Officials in Lima"], 'the quota has "mostly worked"', "indirect", "say"),
    ('Lima, 3 May: Prices rose again this week in the markets of the region.\n\n'
     'Officials in Lima say the quota has "mostly worked", although smelters in Chile and Peru complain that '
     'permits still take weeks.', ["Smelters in Chile and Peru"], "permits still take weeks", "indirect",
     "complain"),
    # "according to the <descriptor> X" at the end: X, typed by the descriptor.
    ("Lima, 3 May: Prices rose again this week in the markets of the region.\n\n"
     "Cobalt prices in China have risen 18% since January, according to the price reporting agency Halvorsen "
     "Data.", ["Halvorsen Data"], "Cobalt prices in China have risen 18%", "indirect", "according to"),
]


@pytest.mark.parametrize("text,speakers,words,kind,verb", SPEECH)
def test_speech(text, speakers, words, kind, verb):
    assert_speakers(text, speakers, words, kind, verb)


ACTORS = [
    # (text, name, type)
    ("Sens. Ada Pellworth (D-Vt.) and Rufus Kamm (R-Utah) wrote to the agency.", "Rufus Kamm", "person"),
    ("Growers met the Andean Lithium Coalition on Friday to discuss quotas for the coming year.",
     "Andean Lithium Coalition", "organization"),
    # A chamber's party members are a group, not the chamber: "Senate Democrats".
    ("Lima, 3 May: Prices rose again this week in the markets of the region.\n\n"
     "Ten Senate Democrats are demanding that the agency release the full text.", "Senate Democrats", "group"),
    # The US trade representative's office by its acronym is a government body.
    ("Lima, 3 May: Prices rose again this week in the markets of the region.\n\n"
     "USTR said in a notice that it is considering an extension of the exclusions.", "USTR", "government"),
    # "Dr" without a stop (British style) is a title, not part of the name.
    ('Lima, 3 May: Prices rose again this week.\n\n"Peru worked out that lithium was its best lever," says '
     'Dr Lena Marsh, a senior fellow at the Nordic Minerals Institute.', "Lena Marsh", "person"),
]


@pytest.mark.parametrize("text", [
    # Adding firms to a list (any capitalised list) reports no words.
    "The deal lets Chile pause licences if Peru adds new firms to the Entity List.",
])
def test_no_statement(text):
    stmts, _ = run(text)
    assert stmts == [], shown(stmts)


@pytest.mark.parametrize("text,name,type_", ACTORS)
def test_actors(text, name, type_):
    _, actors = run(text)
    assert (name, type_) in {(a.name, a.type) for a in actors}, [(a.name, a.type) for a in actors]


# A ministry's press-conference transcript (eighth round): the site's name above a
# breadcrumb, the headline naming who gives the conference (a minister, surname in
# capitals first), opening remarks, then unlabelled "Q:" / "A:" turns. The answers and
# the opening remarks are the minister's; an answer may run on into a paragraph of its
# own; what others said, reported in a question or an answer, is theirs; "our estimates"
# in an answer are the minister's ministry's (named only by its initials).
BRIEFING = """Ministry of Harbours and Fisheries
Home > Newsroom > Briefings
Briefing by Minister of Harbours and Fisheries VALLO Mikael (Excerpt)
Tuesday, March 3, 2026, 10:02-10:20 a.m., Briefing Hall
Opening Remarks
Good afternoon. I have two items. The MHF will open a second licensing round for cobalt refiners in April.

Cobalt stocks are thin across the region. Our refiners must be ready, so we will not wait.

Questions and Answers
Q: Pelham Wire. The Chilean Trade Ministry announced on Monday that it would cap cobalt exports to three buyers. What is your view?
A: I have seen the announcement. We are studying what it means for our refiners.
Even so, steady cobalt supply matters greatly to battery makers. We will act with our partners.

Q: Coastline Daily here. Several Chilean battery makers say the cap is already hurting orders. Will you respond?
A: Our refiners have told us that orders are steady for now. According to our estimates, cobalt stocks cover four months of demand.

Thank you.
"""


def test_press_conference_transcript():
    ex = extract(BRIEFING, {})
    assert ex.article.title.startswith("Briefing by Minister")
    assert str(ex.article.published) == "2026-03-03"
    got = [(s.speaker, s.verb, s.text[:24]) for s in ex.statements]
    assert got == [
        ("Mikael Vallo", "said", "Good afternoon. I have t"),
        ("Mikael Vallo", "said", "Cobalt stocks are thin a"),
        ("Chilean Trade Ministry", "announced", "it would cap cobalt expo"),
        ("Mikael Vallo", "said", "I have seen the announce"),
        ("Mikael Vallo", "said", "Even so, steady cobalt s"),
        ("Chilean battery makers", "say", "the cap is already hurti"),
        ("Mikael Vallo", "said", "Our refiners have told u"),
        ("Cobalt refiners", "told", "orders are steady for no"),
        ("Ministry of Harbours and Fisheries", "According to", "cobalt stocks cover four"),
    ], got
    assert [q.text for q in ex.questions] == ["What is your view?", "Will you respond?"]


def test_q_and_a_interview_without_a_conference_header_is_unchanged():
    # A plain Q&A interview: answers are the interviewee's, the paragraph after the
    # interview (no next question) is prose.
    text = ("Lima, 3 May: Ines Rocha, the president of the Andean Cobalt Guild, said the quota was fair. We asked her more.\n\n"
            "Q: Will the quota hold?\nA: It will hold until the autumn.\n\n"
            "The guild meets again in June.\n")
    ex = extract(text, {})
    assert [(s.speaker, s.text) for s in ex.statements] == [
        ("Ines Rocha", "the quota was fair"), ("Ines Rocha", "It will hold until the autumn.")]


# A committee hearing transcript: turns labelled with a title and a surname in capitals
# ("SEN. X:", "CHAIRWOMAN X:", "SECRETARY X:"); the chair presides (no statements of her
# own); a witness thanks the committee in one turn and reads a prepared statement over
# unlabelled paragraphs; a member's question turn reports what others told the committee.
HEARING = """UNITED STATES SENATE
COMMITTEE ON MARITIME TRADE
HEARING: PORT SECURITY AND BATTERY METALS
WEDNESDAY, MARCH 4, 2026

CHAIRWOMAN HALBECK: The committee will come to order. We welcome the Assistant Secretary of Transportation, the Honorable Marguerite Ellstow. You are recognized for five minutes.

SECRETARY ELLSTOW: Thank you, Madam Chair, Ranking Member Quarles-Obi, and members of the committee.

The plan I bring today is modest. It lets the port authority inspect every cobalt cargo before it is unloaded, and it leaves tariffs where they are.

Over the past year, American exporters of cobalt, nickel and copper have told us they were days away from cancelling cargoes because inspections had stalled. Those delays were costly for everyone.

We will publish the inspection figures every month. I look forward to your questions.

CHAIRWOMAN HALBECK: Thank you. I'll recognize the ranking member.

SEN. QUARLES-OBI: Thank you, Madam Chair. Madam Secretary, the administration told this committee in June that inspections would never slow trade. Who approved the new schedule?

SECRETARY ELLSTOW: Senator, the schedule was set by the port authority after a public comment period. Most cargoes clear within a day.

SEN. QUARLES-OBI: But the backlog —

SECRETARY ELLSTOW: The backlog is shrinking. I won't pretend it has gone away.

SEN. QUARLES-OBI: With respect, a shrinking backlog is still a backlog. Shippers are paying for every idle day.

CHAIRWOMAN HALBECK: The senator's time has expired. Senator Pettibone.

SEN. PETTIBONE: Thank you. The Maritime Administration told my office last week that two cutters are out of service. Is that right?

SECRETARY ELLSTOW: I would defer to the Maritime Administration on that, Senator. We intend to hire forty more inspectors.

CHAIRWOMAN HALBECK: We'll take a short recess.
"""


def test_hearing_transcript_turns():
    ex = extract(HEARING, {})
    got = [(s.speaker, s.text[:28]) for s in ex.statements]
    assert got == [
        ("Marguerite Ellstow", "The plan I bring today is mo"),
        ("Marguerite Ellstow", "Over the past year, American"),
        ("American exporters", "they were days away from can"),
        ("Marguerite Ellstow", "We will publish the inspecti"),
        ("United States", "inspections would never slow"),
        ("Marguerite Ellstow", "Senator, the schedule was se"),
        ("Marguerite Ellstow", "The backlog is shrinking. I "),
        ("Quarles-Obi", "With respect, a shrinking ba"),
        ("Maritime Administration", "two cutters are out of servi"),
        ("Marguerite Ellstow", "I would defer to the Maritim"),
    ], got
    people = {a.name for a in ex.actors if a.type == "person"}
    assert {"Halbeck", "Marguerite Ellstow", "Quarles-Obi", "Pettibone"} <= people, people


@pytest.mark.parametrize("text", [
    # Run-in heads whose first word is a title are no turns ("GENERAL NOTES:").
    "Port report for the week\nGENERAL NOTES: Volumes rose.\nCHIEF CONCERNS: Delays.\n"
    "GENERAL NOTES: Rates fell.\nCHIEF CONCERNS: Labour.\n",
])
def test_no_titled_turns_in_run_in_heads(text):
    assert [b for b in segment(normalise_text(text)).blocks if b.speaker] == []
