"""Reported-speech forms met in the held-out set's misses after the fifth round
(TV interview write-ups, trade outlets, explainers, state media, newsletters);
one row per pattern, on sentences written for the test (no names from any article)."""

from __future__ import annotations

import pytest
from speech import run, shown

from tradelink.extract import extract




SPEECH = [
    # (text, speaker, descriptor, words the statement contains, kind, verb, medium)
    # "X of <Employer> said": the employer between the name and the verb.
    ("Ilse Marwood of Dunmore Capital said in a note that prices would likely ease by June.",
     "Ilse Marwood", None, "prices would likely ease by June", "indirect", "said", None),
    ("Olek Farrant at the Baltic Ore Traders Union told reporters that shipments had stopped.",
     "Olek Farrant", None, "shipments had stopped", "indirect", "told", None),
    # An unnamed source whose employer's name holds commas.
    ('"Nobody asked us first," a senior official at the Ministry of Mines, Energy and Water told the Lima Herald '
     'on condition of anonymity.',
     None, "a senior official at the Ministry of Mines, Energy and Water", "Nobody asked us first", "direct", "told",
     "Lima Herald"),
    # An unnamed source with a relative clause naming a group: the group is not the speaker.
    ("Others were less sure: a Lima-based consultant who advises smelters warned that approvals could take months.",
     None, "a Lima-based consultant who advises smelters", "approvals could take months", "indirect", "warned", None),
    # A first verb phrase, then "but/and" and a reporting verb: the subject reports.
    ("Chief executive Rosa Vial backed the levy but warned that quotas alone would not fix prices.",
     "Rosa Vial", None, "quotas alone would not fix prices", "indirect", "warned", None),
    ("The Andean Copper Council welcomed the deal and said that smelters would reopen in May.",
     "Andean Copper Council", None, "smelters would reopen in May", "indirect", "said", None),
    # An outlet's own finding: "X learned from Y that ...".
    ("The Lima Herald learned from two smelters in Arequipa that orders had doubled since May.",
     "Lima Herald", None, "orders had doubled since May", "indirect", "learned", None),
    # A "clause" verb reports before a clause only.
    ("Peru signaled on Friday that it would cut the levy in May.",
     "Peru", None, "it would cut the levy in May", "indirect", "signaled", None),
    # A judgement with a partial quotation: the words are the object and its complement.
    ('Chilean state media described the levy as a "fair answer" to Lima\'s "pressure," while the ministry said '
     'nothing.', "Chilean state media", None, 'the levy as a "fair answer" to Lima', "direct", "described", None),
    # "called for X" is a request (nothing judged before "for"): the quotation before it stays the only words.
    ('Lima, 3 May: Prices rose again.\n\nHouse Republicans said the levy "rewards the wrong miners" and called '
     'for an inquiry before any new permits are issued.', "House Republicans", None, "rewards the wrong miners",
     "direct", "said", None),
]


@pytest.mark.parametrize("text,speaker,desc,words,kind,verb,medium", SPEECH)
def test_speech(text, speaker, desc, words, kind, verb, medium):
    stmts, _ = run(text)
    got = [(s.speaker, s.speaker_descriptor, s.kind, s.verb, s.medium) for s in stmts if words in s.text]
    assert got == [(speaker, desc, kind, verb, medium)], \
        [(s.speaker, s.speaker_descriptor, s.text, s.kind, s.verb, s.medium) for s in stmts]


# A document named earlier speaks for its author: "..., the note said.", "The draft says ...".
DOCUMENTS = [
    # (text, [(speaker, words), ...])
    ('Analysts at Brenner Capital said in a research note that demand would outrun supply. "Even with every mine '
     'running, the gap stays open until 2031," the note said.',
     [("Brenner Capital", "demand would outrun supply"), ("Brenner Capital", "the gap stays open until 2031")]),
    ('Peru\'s mining ministry said in a statement on Monday that quotas would stay. "We will review the quotas again '
     'in June," the statement said.', [("Peru's mining ministry", "We will review the quotas again in June")]),
    # A document nobody was said to write speaks for no one.
    ('Prices fell. "We will review the quotas again in June," the statement said.', []),
    ("Prices fell, according to the paper.", []),
    # "according to the paper" after "X said in a position paper": X speaks through it.
    ("The Andes Smelters Federation (ASF) said in a position paper released on Tuesday that the levy was too high. "
     "Around one in four firms it surveyed reported delays since May, according to the paper.",
     [("Andes Smelters Federation", "the levy was too high"),
      ("Andes Smelters Federation", "Around one in four firms it surveyed reported delays")]),
    # A draft seen by an outlet is the draft of the body whose plan it reports.
    ("The Andean Copper Council is preparing a joint stockpile of cobalt, according to a draft seen by the Lima "
     "Herald. The draft says the council could hold up to 90 days of demand by 2030.",
     [("Andean Copper Council", "is preparing a joint stockpile of cobalt"),
      ("Andean Copper Council", "the council could hold up to 90 days of demand")]),
]


@pytest.mark.parametrize("text,expected", DOCUMENTS)
def test_documents_speak_for_their_author(text, expected):
    stmts, _ = run(text)
    if not expected:
        assert [s.speaker for s in stmts] == []
    for speaker, words in expected:
        assert [s.speaker for s in stmts if words in s.text] == [speaker]


@pytest.mark.parametrize("text", [
    "The council learned its lesson after the 2019 floods.",  # no "that": nothing learned is reported
    "Lima has signaled flexibility.",  # a stance with no words
    "The ministry signalled its support for the plan on Monday.",
    'Officials described the talks as "useful."',  # a judgement of one scare-quoted word
    "Spokesperson Ilan Voskuijlen answered questions from reporters.",  # narration, no words
    "Does the Peruvian ministry expect copper exports to recover in the coming months?",  # a question asks
    # "called for X" is a request: nothing judged before "for".
    "Lima, 3 May: Prices rose again.\n\nHouse Republicans called for an inquiry before any new permits are issued.",
])
def test_not_statements(text):
    stmts, _ = run(text)
    assert stmts == [], [(s.speaker, s.text) for s in stmts]


def test_delayed_identification_lede():
    """'The head of X said ...' opens the story; the next paragraph names the person
    by a title: the person said it."""
    text = ("Lithium boss says Chile holds the cards\n\n"
            "The head of one of the few Peruvian companies refining lithium said on Monday that Chile would set "
            "prices for at least two more years.\n\n"
            '"We can refine it, but we cannot yet mine enough," Andes Salt CEO Rosa Vial said in an interview.\n')
    ex = extract(text, {})
    got = [(s.speaker, s.text[:20]) for s in ex.statements]
    assert got == [("Rosa Vial", "Chile would set pric"), ("Rosa Vial", "We can refine it, bu")]


def test_a_role_after_a_named_person_is_not_resolved_forward():
    text = ("Lithium boss says Chile holds the cards\n\n"
            "Andes Salt CEO Rosa Vial said on Monday that Chile would set prices for two more years.\n\n"
            "The head of one of the largest refiners in the region said on Tuesday that quotas would stay.\n\n"
            '"We are watching," Senator Kessa Ambrose said.\n')
    ex = extract(text, {})
    assert [(s.speaker, s.speaker_descriptor) for s in ex.statements if "quotas" in s.text] == \
        [(None, "The head of one of the largest refiners in the region")]


def test_a_machine_written_summary_box_is_furniture():
    text = ("Lithium boss says Chile holds the cards\n\n"
            "Key Points\nAI-generated summary. Check important info.\n"
            "- The chief executive of Andes Salt said Chilean quotas still decide prices.\n"
            "- The company plans a second refinery.\n\n"
            "Andes Salt CEO Rosa Vial said on Monday that Chile would set prices for two more years.\n")
    ex = extract(text, {})
    assert [s.text for s in ex.statements] == ["Chile would set prices for two more years"]


ACTORS = [
    # (text, actor name, type)
    # Company-name endings.
    ("Orders rose at Quillon Dynamics and Parra Robotics last month.", "Quillon Dynamics", "organization"),
    # A body "on the" its topic.
    ("The Select Committee on the Andean Pact met on Monday.", "Select Committee on the Andean Pact", "government"),
    ("The Council on the Pacific Rim said costs would rise.", "Council on the Pacific Rim", "organization"),
    # The subject of an inverted question: "How long can X keep ...?"
    ("How long can Kioxia keep selling into Chile under the current terms?", "Kioxia", "organization"),
    ("When will Toshiba resume shipments of its chips to Peru?", "Toshiba", "organization"),
]


@pytest.mark.parametrize("text,name,type_", ACTORS)
def test_actors(text, name, type_):
    _, actors = run(text)
    assert (name, type_) in [(a.name, a.type) for a in actors], [(a.name, a.type) for a in actors]


# Every statement of a sentence, in order.
STATEMENTS = [
    # (text, [(speaker, descriptor, words, verb, medium), ...]) - every statement, in order
    # A closing "told <Medium>," then a participle of the sources' own: the words are before.
    ("Smelters in Peru have quietly built up stocks of cobalt, three traders at Lima brokers told the Lima Herald, "
     "betting that Chile will cut its quotas.",
     [(None, "three traders at Lima brokers", "Smelters in Peru have quietly built up stocks of cobalt", "told",
       "Lima Herald")]),
    # An outlet reports, then quotes an unnamed source "as saying": two statements.
    ("The Lima Herald reported that copper output hit a record in May and quoted a senior customs official as "
     "saying supply was ample.",
     [("Lima Herald", None, "copper output hit a record in May", "reported", None),
      (None, "a senior customs official", "supply was ample", "said", "Lima Herald")]),
    # "according to a <noun> by <Org>": the organisation is the source.
    ("- Chile's newest mine uses no cobalt at all, according to a teardown by Lima-based research firm Quarry "
     "Insights.",
     [("Quarry Insights", None, "Chile's newest mine uses no cobalt at all", "according to", None)]),
    # "has long argued that".
    ("Senator Kessa Ambrose has long argued that the quotas should be lifted.",
     [("Kessa Ambrose", None, "the quotas should be lifted", "argued", None)]),
    # Two that-clauses of one verb, each with a partial quotation: one event, its words over both.
    ('A Treasury spokesperson said in a statement that the department "will respond in due course" and that every '
     'licence "is reviewed under strict standards."',
     [("Treasury", None, 'will respond in due course" and that every licence "is reviewed under strict standards',
       "said", None)]),
]


# "accused X of <doing>": the accusation is the words.
STATEMENTS += [
    ("A report by a Peruvian congressional committee last week accused Chilean companies of smuggling tin through "
     "brokers in Panama.",
     [("Peruvian congressional committee", None, "smuggling tin through brokers in Panama", "accused", None)]),
    ("Mara Quill accused Chilean smelters of dumping tin in Peru.",
     [("Mara Quill", None, "dumping tin in Peru", "accused", None)]),
    # No accuser, no charge, or no deed: nothing reported.
    ("Chile was accused of dumping tin in Peru.", []),
    ("Mara Quill accused Chile on Monday.", []),
    ("Mara Quill accused Chile of bad faith.", []),
    # The accused is no speaker.
    ("Mara Quill was accused of dumping tin in Peru.", []),
    ("Mara Quill, who was accused of dumping tin in Peru, resigned.", []),
]


@pytest.mark.parametrize("text,expected", STATEMENTS)
def test_statements(text, expected):
    stmts, _ = run(text)
    got = [(s.speaker, s.speaker_descriptor, s.text, s.verb, s.medium) for s in stmts]
    assert len(got) == len(expected), got
    for g, (speaker, desc, words, verb, medium) in zip(got, expected):
        assert (g[0], g[1], g[3], g[4]) == (speaker, desc, verb, medium) and words in g[2], got


def test_sources_referred_back_to_stay_unnamed():
    text = ("Cobalt stocks are rising fast, three traders at Lima brokers said.\n\n"
            "The buying began after Peru tied licences to end-use declarations, the traders said.\n")
    stmts, _ = run(text)
    assert [(s.speaker, s.speaker_descriptor) for s in stmts] == [
        (None, "three traders at Lima brokers"), (None, "the traders")]


def test_a_report_speaks_for_the_body_that_released_it():
    text = ("Last month, the Senate Mining Committee released a staff report finding that smugglers moved "
            "40 tonnes of cobalt through Arica. The report also concluded that port checks were \"thin and largely "
            "symbolic.\"\n")
    stmts, _ = run(text)
    assert [(s.speaker, s.verb, s.text[:22]) for s in stmts] == [
        ("Senate Mining Committee", "finding", "smugglers moved 40 ton"),
        ("Senate Mining Committee", "concluded", "thin and largely symbo")]


def test_a_committee_on_the_x_is_a_body_and_the_committee_speaks_for_it():
    text = ("Today, Select Committee on the Andean Pact Chairman Oren Palisade (R-Ohio) sent a letter to Lima. "
            "The committee said it would hold a hearing in May.")
    stmts, actors = run(text)
    assert {("Select Committee on the Andean Pact", "government"), ("Oren Palisade", "person")} <= \
        {(a.name, a.type) for a in actors}
    assert [(s.speaker, s.text) for s in stmts] == [("Select Committee on the Andean Pact",
                                                      "it would hold a hearing in May")]



BRIEFING = """Regular press conference of the Ruritanian trade ministry
Ilan Voskuijlen: Good afternoon. Let's go straight to your questions.
Lima Herald: Will the ministry ease its cobalt controls?
Ilan Voskuijlen: Our position has not changed. The controls follow international practice.
We hope the other side will correct its wrong practices and create conditions for normal trade.
Andes Post: What progress has been made on general licences?
Ilan Voskuijlen: The ministry has approved general licences for several exporters. Many foreign buyers have told us that the new procedures are quick and predictable.
Andes Post: Thank you.
Ilan Voskuijlen: If there are no more questions, today's briefing ends here.
Thank you all for coming.
"""


def test_briefing_turns_run_on_and_report_others():
    ex = extract(BRIEFING, {})
    got = [(s.speaker, s.text[:26]) for s in ex.statements]
    # A paragraph between two turns continues the first; others' words inside a turn are theirs
    # too; the page's closing line after the last turn is no statement.
    assert ("Ilan Voskuijlen", "We hope the other side wil") in got
    assert ("Foreign buyers", "the new procedures are qui") in got
    assert not [g for g in got if g[1].startswith("Thank you all")]
    assert "Thank you all for coming" not in " ".join(s.text for s in ex.statements)
    # Outlets asking at a briefing are media, not people.
    assert {("Lima Herald", "media"), ("Andes Post", "media")} <= {(a.name, a.type) for a in ex.actors}


def test_a_claim_inside_a_reporters_question_is_its_source_s():
    text = ("Regular press conference of the Ruritanian trade ministry\n"
            "Ilan Voskuijlen: Good afternoon. Let's go straight to your questions.\n"
            "Andes Post: A report by a Peruvian congressional committee last week accused Ruritanian firms of selling "
            "tin through brokers in Panama. How do you respond?\n"
            "Ilan Voskuijlen: The so-called report is full of bias. Our firms follow the law.\n")
    ex = extract(text, {})
    got = [(s.speaker, s.verb, s.text) for s in ex.statements]
    assert ("Peruvian congressional committee", "accused", "selling tin through brokers in Panama") in got, got
    assert ("Peruvian congressional committee", "government") in [(a.name, a.type) for a in ex.actors]


@pytest.mark.parametrize("opening,statement", [
    # A turn that only greets and opens or closes the briefing says nothing.
    ("Good morning, friends from the press. Welcome to this week's regular briefing. I have no announcements "
     "today, so let's go straight to your questions.", False),
    ("Good morning. There is nothing to announce today. The floor is open for questions.", False),
    ("If there are no more questions, this concludes today's briefing. Thank you all.", False),
    # A greeting before news is a statement.
    ("Good morning. The ministry will lift the tin quotas on Monday.", True),
    ("Welcome. We have no plans to lift the tin quotas this year.", True),
])
def test_a_procedural_turn_is_no_statement(opening, statement):
    text = ("Regular press conference of the Ruritanian trade ministry\n"
            f"Ilan Voskuijlen: {opening}\n"
            "Andes Post: Will the ministry ease its tin controls?\n"
            "Ilan Voskuijlen: Our position has not changed.\n")
    ex = extract(text, {})
    assert any(opening[:20] in s.text for s in ex.statements) == statement, [s.text for s in ex.statements]


def test_a_first_person_contraction_is_no_actor():
    _, actors = run("Honestly, I'd say most of the shortfall is timing, and I'm confident it will pass.")
    assert actors == []


def test_one_of_them_then_a_company_in_apposition():
    text = ("Chilean smelters rely on Peruvian ore almost entirely, and one of them, Arica-based Cobre Norte "
            "Refining, told investors this month that its supplier had cut allocations by 30%.")
    stmts, actors = run(text)
    assert ("Cobre Norte Refining", "organization") in [(a.name, a.type) for a in actors]
    assert [(s.speaker, s.text) for s in stmts] == [("Cobre Norte Refining", "its supplier had cut allocations by 30%")]


# Eighth round: a minister's spokeswoman, a delayed lede naming a company by its kind,
# a group with a participial phrase before its verb, and a second verb after ", but".
SPEECH_I = [
    # (text, speaker, words, verb)
    ('Mining Minister Aldo Paucar said the rules were fair. "We are a reliable supplier," Mr Paucar said. '
     'A spokeswoman for the minister said applications were being assessed.', "Aldo Paucar",
     "applications were being assessed", "said"),
    ("A Peruvian tin miner has warned that a deal between Lima and Santiago could leave local producers "
     "stranded.\n\nCusco-based Andes Crest Metals is building a smelter near Puno.", "Andes Crest Metals",
     "a deal between Lima and Santiago could leave", "warned"),
    ("The bloc held talks. Several associations representing car makers, turbine producers and the defence "
     "industry told the Commission that joint buying should stay voluntary.", "Associations",
     "joint buying should stay voluntary", "told"),
    ("Ministry spokesperson Lu Anwen said Peru had noted the decision to allow tin sales, but stressed that "
     "easing was not enough.", "Lu Anwen", "Peru had noted the decision", "said"),
    ("Ministry spokesperson Lu Anwen said Peru had noted the decision to allow tin sales, but stressed that "
     "easing was not enough.", "Lu Anwen", "easing was not enough", "stressed"),
]


@pytest.mark.parametrize("text,speaker,words,verb", SPEECH_I)
def test_speech_i(text, speaker, words, verb):
    stmts, _ = run(text)
    assert [(s.speaker, s.verb) for s in stmts if words in s.text] == [(speaker, verb)], \
        shown(stmts)


@pytest.mark.parametrize("text,speaker,words", [
    # A named subject after ", but" keeps its own words; a lede with no company after it stays unnamed.
    ("Lu Anwen said Peru had noted the decision, but Chile warned that easing was not enough.", "Chile",
     "easing was not enough"),
    ("A Peruvian tin miner has warned that a deal could hurt.\n\nThe smelter near Puno opens in May.", None,
     None),
])
def test_speech_i_near_misses(text, speaker, words):
    stmts, _ = run(text)
    if words is None:
        assert [s.speaker for s in stmts] in ([], [None]), [(s.speaker, s.text) for s in stmts]
    else:
        assert [s.speaker for s in stmts if words in s.text] == [speaker]


ACTORS_I = [
    # (text, name, type)
    ("The plan will now be discussed by the European Parliament and the member states.", "European Parliament",
     "government"),
    ("In its conclusions of 3 May, the European Council stressed that tin was scarce.", "European Council",
     "government"),
    # A broadcaster's station by city ("X Radio Cusco"), and a one-word name that heard what sources told it.
    ("Lena Holt told Andes Radio Cusco that the deal was bad.", "Andes Radio Cusco", "media"),
    ("Tin offers were scarce, sources told Metalwire, a step that could add weeks.", "Metalwire", "media"),
]


@pytest.mark.parametrize("text,name,type_", ACTORS_I)
def test_actors_i(text, name, type_):
    _, actors = run(text)
    assert (name, type_) in {(a.name, a.type) for a in actors}, [(a.name, a.type) for a in actors]


SPEECH_I2 = [
    # (text, speakers, words, verb)
    # A country's press as one source.
    ("Chile said last week it would review tin licences. Chilean media reported that the department has so "
     "far approved only a few.", ["Chilean media"], "the department has so far approved", "reported"),
    # "both sides" after a "Peru-Chile" compound or "between Peru and Chile": each country speaks.
    ("At the Peru-U.S. trade consultations last month, both sides confirmed that they would coordinate closely "
     "on tin.", ["Peru", "United States"], "they would coordinate closely on tin", "confirmed"),
    ("After talks between Peru and Chile, both sides said they would cut tariffs.", ["Chile", "Peru"],
     "they would cut tariffs", "said"),
]


@pytest.mark.parametrize("text,speakers,words,verb", SPEECH_I2)
def test_speech_i2(text, speakers, words, verb):
    stmts, _ = run(text)
    assert sorted((s.speaker, s.verb) for s in stmts if words in s.text) == sorted((sp, verb) for sp in speakers), \
        shown(stmts)


@pytest.mark.parametrize("text", [
    # "both sides" with no two countries named before it; a country's media companies are no outlet.
    "Both sides said they would cut tariffs.",
    "Chilean media companies expanded their tin coverage this year.",
])
def test_no_named_speaker_i2(text):
    stmts, actors = run(text)
    assert [s.speaker for s in stmts] in ([], [None]), [(s.speaker, s.text) for s in stmts]
    assert "media" not in {a.type for a in actors}, [(a.name, a.type) for a in actors]


def test_a_shimbun_is_an_outlet():
    _, actors = run("Q: A follow-up from the Osaka Keizai Shimbun. Will tin prices rise?\nA: They may.")
    assert ("Osaka Keizai Shimbun", "media") in {(a.name, a.type) for a in actors}
