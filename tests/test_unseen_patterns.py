"""Patterns of styles the held-out set had not seen (e1-e6: Guardian, WSJ,
Chinese state media, a press release, a hearing live blog, a newsletter); one
row per pattern, on sentences written for the test (no names from any article)."""

from __future__ import annotations

import pytest
from speech import run, shown

from tradelink.extract import entities, extract
from tradelink.extract.segment import segment
from tradelink.models import normalise_text




SPEECH = [
    # (text, speaker, words the statement contains, kind, verb)
    # A parenthetical between the speaker and the verb: party and state, an abbreviation.
    ("Senator Mara Quill (R-Ohio) said the tariff plan would hurt growers in her state.",
     "Mara Quill", "the tariff plan would hurt growers", "indirect", "said"),
    ("Prices will keep rising, the Ruritanian Cobalt Producers Association (RCPA) said on Friday.",
     "Ruritanian Cobalt Producers Association", "Prices will keep rising", "indirect", "said"),
    # Inverted "said the <lowercase title>, <Name>".
    ('"We are watching every cargo," said the deputy minister for trade, Oren Palisade.',
     "Oren Palisade", "We are watching every cargo", "direct", "said"),
    # Characterisation verbs with a quoted complement.
    ('Senator Kessa Ambrose opened the session by calling the proposal "an open invitation to smugglers".',
     "Kessa Ambrose", "an open invitation to smugglers", "direct", "calling"),
    ('Rep. Dana Whitcombe accused the agency of treating licences as "favours for friendly donors".',
     "Dana Whitcombe", "favours for friendly donors", "direct", "accused"),
    ('Chile rejected the duties, in a move Peru denounced as "a gift to its rivals abroad".',
     "Peru", "a gift to its rivals abroad", "direct", "denounced"),
    # An unnamed source before a colon quotation, or "As one X wrote:".
    ('A purchasing chief at a Swiss pump maker put it simply: "We buy what we can, when we can."',
     None, "We buy what we can", "direct", "said"),
    ('As one Lisbon-based customs lawyer wrote on Friday: "Nobody reads the annex until it bites."',
     None, "Nobody reads the annex until it bites", "direct", "wrote"),
    # Missing verbs.
    ("Odile Marchetti, a professor of economics, pointed out that smelters run on thin margins.",
     "Odile Marchetti", "smelters run on thin margins", "indirect", "pointed out"),
    # A group with a contact clause: "traders I spoke to say".
    ("Traders I spoke to say the spot price hides a thin market.",
     "Traders", "the spot price hides a thin market", "indirect", "say"),
    # "asked why ..., to which Y replied that ...": the question is no statement, the reply is.
    ('Senator Kessa Ambrose asked why the audit had stalled, to which Under Secretary Ilan Voskuijlen replied that '
     '"the auditors need another month".', "Ilan Voskuijlen", "the auditors need another month", "direct", "replied"),
    # A second participle: "..., saying ... and warning that ...".
    ('The Chilean Copper Council issued a statement on Monday, saying it was "alarmed by the new levy" and warning '
     'that smelters could close.', "Chilean Copper Council", "smelters could close", "indirect", "warned"),
    ('"Nobody was told in advance," Senator Kessa Ambrose said, noting that the envoy had heard it on the radio.',
     "Kessa Ambrose", "the envoy had heard it on the radio", "indirect", "noted"),
    # "..., X said on Tuesday, as Y warned that ...": two reports in one sentence.
    ("Copper quotas will stay, the Peruvian mining ministry said on Tuesday, as traders warned that prices would jump.",
     "Traders", "prices would jump", "indirect", "warned"),
    # "told the panel <clause>": the addressee is not the start of the words.
    ("Deputy Secretary Ilan Voskuijlen told the panel the Office of Export Enforcement had opened nine cases.",
     "Ilan Voskuijlen", "the Office of Export Enforcement had opened nine cases", "indirect", "told"),
    # A closing attribution governs the sentence: "A expects B to ..., the company said."
    ("Halvard Cobalt Mining expects the new mill to double output by 2029, the company said.",
     "Halvard Cobalt Mining", "Halvard Cobalt Mining expects the new mill to double output", "indirect", "said"),
    # An outlet that quotes a source "as saying": the source speaks, the outlet carries it.
    ("The Daily Courier quoted a senior customs official as saying the checks would last all winter.",
     None, "the checks would last all winter", "indirect", "said"),
    # A spokesperson with an adverb before the verb.
    ("A Treasury spokesperson later said the sanctions remained in force.",
     "Treasury", "the sanctions remained in force", "indirect", "said"),
]


@pytest.mark.parametrize("text,speaker,words,kind,verb", SPEECH)
def test_speech(text, speaker, words, kind, verb):
    stmts, _ = run(text)
    hits = [s for s in stmts if words in s.text]
    assert hits, shown(stmts)
    s = hits[0]
    assert (s.speaker, s.kind, s.verb) == (speaker, kind, verb)


def test_outlet_that_quotes_a_source_is_the_medium():
    stmts, _ = run("The Daily Courier quoted a senior customs official as saying the checks would last all winter.")
    assert [(s.speaker, s.speaker_descriptor, s.medium) for s in stmts] == \
        [(None, "a senior customs official", "Daily Courier")]


@pytest.mark.parametrize("text", [
    "Shipbuilders in Busan warn of steel shortages within weeks.",  # a topic, no words
    "Senators are calling for tighter rules on cobalt imports.",  # a request
    "Toshiba did not respond to a request for comment.",
    "A spokesperson for Toshiba declined to comment on the plant.",
])
def test_not_statements(text):
    stmts, _ = run(text)
    assert stmts == []


ACTORS = [
    # (text, actor name, type)
    ("Ministers met the General Administration of Quarantine on Monday.",
     "General Administration of Quarantine", "government"),
    ("Export permits are issued by the Bureau of Mines and Quarries in Lima.", "Bureau of Mines and Quarries", "government"),
    ("The Chilean Copper Council said prices would rise.", "Chilean Copper Council", "organization"),
    ("Elva Ruiz, a researcher at the Peruvian Academy of Mining and Metallurgy, said costs would fall.",
     "Peruvian Academy of Mining and Metallurgy", "organization"),
    ("In a post on Friday, Marit van der Berg, a former customs official, wrote that the rules were vague.",
     "Marit van der Berg", "person"),
    ("Toshiba declined to comment on its plans.", "Toshiba", "organization"),
    ("Kioxia did not respond to a request for comment.", "Kioxia", "organization"),
    ("Smugglers moved advanced Kioxia chips through three ports.", "Kioxia", "organization"),
    ("Regulators let Kioxia sell its older chips to buyers in Chile.", "Kioxia", "organization"),
    ("Kioxia, whose memory sales to Chile were cleared in May, declined to comment.", "Kioxia", "organization"),
    ("The agency said Kioxia and two battery makers would join the scheme.", "Kioxia", "organization"),
    ("Orders fell at the German parts supplier Brandt Antriebe last month.", "Brandt Antriebe", "organization"),
    ("Bukit Timah Metals Sdn. Bhd. will supply the oxide from 2027.", "Bukit Timah Metals Sdn. Bhd.", "organization"),
    ("Under Secretary Ilan Voskuijlen said licences would be reviewed.", "Ilan Voskuijlen", "person"),
]


@pytest.mark.parametrize("text,name,type_", ACTORS)
def test_actors(text, name, type_):
    _, actors = run(text)
    assert (name, type_) in [(a.name, a.type) for a in actors], [(a.name, a.type) for a in actors]


def test_abbreviation_in_brackets_is_an_alias():
    stmts, actors = run("The Andean Lithium Association (ALA) met on Monday. The ALA said quotas would stay.")
    assert [(s.speaker, s.text) for s in stmts] == [("Andean Lithium Association", "quotas would stay")]
    ala = next(a for a in actors if a.name == "Andean Lithium Association")
    assert "ALA" in ala.aliases


@pytest.mark.parametrize("text,not_a_person", [
    ("Osric Pell, Deputy Assistant Secretary of Commerce for Export Administration, said licences would slow.",
     "Export Administration"),
    ("News provided by Halvard Cobalt Mining", "News"),
    ("Ministers blocked the takeover of Porto chip designer Quartzo Silicon on Friday.", "Porto"),
    # A place before a kind of organisation only says where it is.
    ("Ilse Marwood, a researcher at a Harrowby thinktank, said exports would recover.", "Harrowby"),
    ("Ilse Marwood, an analyst at the Kestow brokerage Andes Capital, said prices fell.", "Kestow"),
])
def test_no_person_from_a_title_or_furniture(text, not_a_person):
    _, actors = run(text)
    assert not_a_person not in [a.name for a in actors]


def test_bare_group_in_the_headline_is_the_qualified_group():
    text = ("Tin rally fades; experts say it will return\n\n"
            "Tin prices fell on Monday, as Bolivian experts warned that mines would close.\n\n"
            "But experts stressed that the slump would pass.\n")
    stmts, actors = run(text)
    assert {s.speaker for s in stmts} == {"Bolivian experts"}
    assert [a.name for a in actors if a.type == "group"] == ["Bolivian experts"]


def _policies(text: str):
    from tradelink.extract import commodities, policies, timex
    text = normalise_text("A headline for the test piece\n" + text)
    doc = segment(text)
    return policies.find(doc, entities.find(doc), commodities.find(doc), timex.find(doc, None))


def test_a_government_written_before_a_measure_is_its_author():
    pols = _policies("Chile condemned the latest US restrictions on exports of gallium to its smelters.")
    assert ("export control", "United States") in [(p.kind, p.actor) for p in pols]


@pytest.mark.parametrize("text,kind", [
    ("Peru will post two more export control officers in Lima to check gallium cargoes.", "export control"),
    ('"Copper is the leverage, not tariffs, and everyone knows it," said Senator Kessa Ambrose.', "tariff"),
])
def test_no_measure_from_a_modifier_or_a_negation(text, kind):
    assert kind not in [p.kind for p in _policies(text)]


def test_a_number_with_thousands_stays_whole_in_a_policy_name():
    pols = _policies("Chile approved 1,250 gallium export licences in May.")
    assert [p.name for p in pols if p.kind == "licence"] == ["1,250 gallium export licences"]


# --- f1-f6 (Reuters EXCLUSIVE, AFP, a TV interview write-up, a mining trade outlet,
# a Korean explainer, an earnings-call transcript) ---------------------------------

ACTORS_F = [
    # Hyphenated given names after a short surname, and the surname alone later.
    ("Economist Yang Su-bin said margins were thin. Yang said costs would rise.", "Yang Su-bin", "person"),
    ("Trade Minister Ruan Mei-ling spoke to reporters on Monday.", "Ruan Mei-ling", "person"),
    # "X Y of <Employer> said": the employer sits between the name and the verb.
    ("Ilse Marwood of Dunmore Capital said in a note that prices would ease.", "Ilse Marwood", "person"),
    ("Olek Farrant of the Baltic Ore Traders Union said shipments had stopped.", "Olek Farrant", "person"),
    # A place word heading a name: an outlet's ("Lima Herald"), a company's after a company word,
    # an institute's "for ... and ..." name; media known by name win over their place.
    ("An official told the Lima Herald that talks were slow.", "Lima Herald", "media"),
    ("The Washington Post reported the talks.", "Washington Post", "media"),
    ("Peruvian toolmaker Lima Precision, which sells into Chile, said it would wait.", "Lima Precision",
     "organization"),
    ("Ada Lund, a fellow at the Peru Institute for Mining Economics and Trade, said costs rose.",
     "Peru Institute for Mining Economics and Trade", "organization"),
    ("Aron Vale of the Andes Water Action Network said the mine leaked.", "Andes Water Action Network", "organization"),
    ("Quarto Energy Solution and two battery makers declined to comment.", "Quarto Energy Solution", "organization"),
    # A name ending in a mineral is a miner's.
    ("Corrib Rare Earths said on Tuesday it was in talks with buyers.", "Corrib Rare Earths", "organization"),
    ("Tamar Lithium said output rose.", "Tamar Lithium", "organization"),
    # A bloc's abbreviation with a digit qualifies a group.
    ("G7 energy ministers said on Friday that they would share stockpiles.", "G7 energy ministers", "group"),
    # Mineral-producing countries.
    ("Ministers will speed up talks on graphite with Madagascar and Zambia.", "Madagascar", "government"),
    ("Ministers will speed up talks on graphite with Madagascar and Zambia.", "Zambia", "government"),
]


@pytest.mark.parametrize("text,name,type_", ACTORS_F)
def test_actors_f(text, name, type_):
    _, actors = run(text)
    assert (name, type_) in [(a.name, a.type) for a in actors], [(a.name, a.type) for a in actors]


@pytest.mark.parametrize("text,not_a_name", [
    # A place with a hyphenated suffix is no given name.
    ("A Lima-based broker and a South Korea-based fund bought the oxide.", "Lima-based"),
    ("A Lima-based broker and a South Korea-based fund bought the oxide.", "South Korea-based"),
    ("The Oslo-listed miner Fjell Metals said output fell.", "Oslo-listed"),
])
def test_hyphenated_place_words_are_no_names(text, not_a_name):
    _, actors = run(text)
    assert not any(not_a_name in a.name for a in actors), [a.name for a in actors]


@pytest.mark.parametrize("text", [
    # A "Most viewed" list: its headlines are no questions or statements.
    "Ore prices held steady, Dunmore Capital said.\nMost Viewed\n1. Is the copper boom over?\n2. Ministers said to plan new levy\n",
    "Ore prices held steady, Dunmore Capital said.\nMost popular\nWhat is antimony and why does it matter?\n",
    # An author bio after the story.
    "Ore prices held steady, Dunmore Capital said.\nTamsin Orly covers metals and mining for Ore.net. She previously reported "
    "on shipping from Rotterdam.\n",
])
def test_furniture_after_the_story(text):
    ex = extract(text, {})
    assert [(s.speaker, s.text) for s in ex.statements] == [("Dunmore Capital", "Ore prices held steady")]
    assert ex.questions == []


TRANSCRIPT = """Quarterly call, edited excerpt
Mara Quill, Chief Executive Officer: Thank you all. Orders for our sensors rose 12% in the quarter.
Operator: Our first question comes from Tomas Reyes with Halden Partners.
Tomas Reyes, Halden Partners: Thanks. Is the export licence still pending?
Mara Quill: Yes. We expect an answer from the ministry before the summer.
Tomas Reyes: Understood. And the new plant?
Mara Quill: It opens in March, on time and on budget.
"""


def test_transcript_turns_name_their_speakers():
    doc = segment(normalise_text(TRANSCRIPT))
    text = doc.text
    turns = [text[b.speaker[0]:b.speaker[1]] for b in doc.blocks if b.speaker]
    assert turns == ["Mara Quill", "Tomas Reyes", "Mara Quill", "Tomas Reyes", "Mara Quill"]
    assert [b.kind for b in doc.blocks if text[b.start:b.end].startswith("Operator:")] == ["furniture"]
    _, actors = run(TRANSCRIPT)
    assert {("Mara Quill", "person"), ("Tomas Reyes", "person")} <= {(a.name, a.type) for a in actors}


@pytest.mark.parametrize("text", [
    # Label lines that are no transcript: no name repeats, or no person's name.
    "Key terms: a price floor of $110.\nDuration: ten years.\nBuyer: the state.\n",
    "Mara Quill, minister: the talks went well.\nTomas Reyes, trader: prices fell.\nIda Brun, analyst: buyers wait.\n",
])
def test_no_transcript_without_turns(text):
    assert [b for b in segment(normalise_text(text)).blocks if b.speaker] == []


SPEECH_F = [
    # (text, speaker, words the statement contains, kind, verb)
    # "said X of the Y Network.": the employer after an inverted speaker's name.
    ('"The river has changed colour twice," said Ilse Marwood of the Andes Water Action Network.',
     "Ilse Marwood", "The river has changed colour twice", "direct", "said"),
    # An owner or a nationality before the title of a speaker after a quotation.
    ('"We are choosing jobs, not sides," Peru\'s mining minister Tomas Reyes told the Lima Herald.',
     "Tomas Reyes", "We are choosing jobs, not sides", "direct", "told"),
    ('"We are choosing jobs, not sides," Peruvian mining minister Tomas Reyes said on Monday.',
     "Tomas Reyes", "We are choosing jobs, not sides", "direct", "said"),
]


@pytest.mark.parametrize("text,speaker,words,kind,verb", SPEECH_F)
def test_speech_f(text, speaker, words, kind, verb):
    stmts, _ = run(text)
    got = [(s.speaker, s.kind, s.verb) for s in stmts if words in s.text]
    assert got == [(speaker, kind, verb)], [(s.speaker, s.text, s.kind, s.verb) for s in stmts]


def test_transcript_turns_are_statements_and_questions_are_not():
    ex = extract(TRANSCRIPT, {})
    assert [(s.speaker, s.text[:24], s.kind, s.verb) for s in ex.statements] == [
        ("Mara Quill", "Thank you all. Orders fo", "direct", "said"),
        ("Mara Quill", "Yes. We expect an answer", "direct", "said"),
        ("Mara Quill", "It opens in March, on ti", "direct", "said"),
    ]
    assert [q.text for q in ex.questions] == ["Is the export licence still pending?", "And the new plant?"]


def test_adding_things_to_a_list_reports_no_words():
    stmts, _ = run("The move came a week after Peru added two Chilean smelters to its entity list.")
    assert stmts == []


# l-batch patterns (a business weekly, a Brussels outlet, a ministerial media release, an analyst note,
# a tech site, a regional English-language site); invented text.

SPEECH_L = [
    # (text, speaker, words the statement contains, kind, verb)
    # Diplomatic and parliamentary titles stripped from the name.
    ("Canadian Commercial Counselor Ivo Brandt said the embassy would host a trade fair in May.",
     "Ivo Brandt", "the embassy would host a trade fair", "indirect", "said"),
    ("Trade Counsellor Mirela Dancu said the talks would resume in March.",
     "Mirela Dancu", "the talks would resume in March", "indirect", "said"),
    ("Senator the Hon Wendell Farraday said the levy would stay in place.",
     "Wendell Farraday", "the levy would stay in place", "indirect", "said"),
    ("The Hon Marla Tessington MP said the smelter would reopen next year.",
     "Marla Tessington", "the smelter would reopen next year", "indirect", "said"),
    ("Dutch Liberal MEP Saskia Brouwer said the bloc had waited too long.",
     "Saskia Brouwer", "the bloc had waited too long", "indirect", "said"),
    # "surnamed X": a person given by surname only.
    ('"Prices move every week now," said a trader surnamed Qiao, who asked not to be named in full.',
     "Qiao", "Prices move every week now", "direct", "said"),
    # Unnamed staff at counted firms: no speaker, and "one of them" is one of those staff.
    ("Purchasing staff at three big Peruvian miners told the Courier their companies had cut orders.",
     None, "their companies had cut orders", "indirect", "told"),
    # A data provider or research firm opening the sentence with "According to".
    ("According to Basalt Metal Intelligence, cobalt stocks in Chile fell by a fifth this year.",
     "Basalt Metal Intelligence", "cobalt stocks in Chile fell", "indirect", "According to"),
    # Capitalised "Data from X shows".
    ("Data from Peru's National Customs Office shows copper exports hit a record in May.",
     "National Customs Office", "copper exports hit a record in May", "indirect", "shows"),
    # An outlet's report, and what it says in a relative clause.
    ("Copper buyers have cut orders, according to a report from The Quill, which says two smelters have stopped buying.",
     "Quill", "Copper buyers have cut orders", "indirect", "according to"),
    ("Copper buyers have cut orders, according to a report from The Quill, which says two smelters have stopped buying.",
     "Quill", "two smelters have stopped buying", "indirect", "says"),
    ("Copper buyers have cut orders, according to a report from Vantor Metrics.",
     "Vantor Metrics", "Copper buyers have cut orders", "indirect", "according to"),
    ("Traders met Ilse Dunmore, who said at least two smelters had stopped buying.",
     "Ilse Dunmore", "at least two smelters had stopped buying", "indirect", "said"),
    # "X, for its part, said": an aside between a company and its verb.
    ("Velmora, for its part, said in Lima that orders from Chile were firm.",
     "Velmora", "orders from Chile were firm", "indirect", "said"),
    # A country's mission to a bloc speaks for itself.
    ('Peru\'s Mission to the EU said on Tuesday that Lima "serves every buyer alike."',
     "Peru's Mission to the EU", "serves every buyer alike", "direct", "said"),
    # '"...," and he said <clause>': the quotation is the first speaker's, the clause the second's.
    ('CFO Ben Ortiz spoke first. Chief executive Ana Lutz noted that the mine would run "until the close of the '
     'rainy season," and he said the smelter would stop in June.',
     "Ben Ortiz", "the smelter would stop in June", "indirect", "said"),
    ('CFO Ben Ortiz spoke first. Chief executive Ana Lutz noted that the mine would run "until the close of the '
     'rainy season," and he said the smelter would stop in June.',
     "Ana Lutz", "until the close of the rainy season", "direct", "noted"),
    # "according to its <document>": the subject's own.
    ("The European Commission will publish a levy plan in March, according to its annual work programme.",
     "European Commission", "will publish a levy plan in March", "indirect", "according to"),
    ("Velmora Corp. plans to double output by 2028, according to its annual report.",
     "Velmora Corp.", "plans to double output by 2028", "indirect", "according to"),
]


@pytest.mark.parametrize("text,speaker,words,kind,verb", SPEECH_L)
def test_speech_l(text, speaker, words, kind, verb):
    stmts, _ = run(text)
    got = [(s.speaker, s.kind, s.verb) for s in stmts if words in s.text]
    assert got == [(speaker, kind, verb)], [(s.speaker, s.text, s.kind, s.verb) for s in stmts]


ACTORS_L = [
    # (text, actor name, type)
    ("Tomas Wendt, a Swedish MEP who sits with the greens, said the plan was late.",
     "Tomas Wendt", "person"),
    ("Dutch Liberal MEP Saskia Brouwer said the bloc had waited too long.", "Saskia Brouwer", "person"),
    ("The Hon Marla Tessington MP said the smelter would reopen next year.", "Marla Tessington", "person"),
    ('"Prices move every week now," said a trader surnamed Qiao, who asked not to be named in full.', "Qiao", "person"),
    ("According to Basalt Metal Intelligence, cobalt stocks in Chile fell by a fifth this year.",
     "Basalt Metal Intelligence", "organization"),
    # An outlet with "The" in its one-word title, told something or reporting.
    ("A spokesperson for Velmora told The Quill that demand was strong.", "Quill", "media"),
    ("A spokesperson for Velmora tells The Quill that demand is strong.", "Quill", "media"),
    ("Copper buyers have cut orders, according to a report from The Quill.", "Quill", "media"),
    # A stock ticker after the name: a listed company.
    ("Shares of Velmora's (VLMR) parent rose after the Chilean deal.", "Velmora", "organization"),
    ("Analysts upgraded Tarnow Lindqvist (NASDAQ:TRNW) on Friday.", "Tarnow Lindqvist", "organization"),
    ("Peru's mission in Geneva said the levy was lawful.", "Peru's mission in Geneva", "government"),
    # "the centrist X group": a political group; "<region> governments": a group of governments.
    ("Tomas Wendt, who sits for the centrist Forward Europe group, voted against the plan.",
     "Forward Europe", "organization"),
    ("Asian governments are pressing Tokyo to act.", "Asian governments", "group"),
]


@pytest.mark.parametrize("text,name,type_", ACTORS_L)
def test_actors_l(text, name, type_):
    actors = entities.find(segment(normalise_text(text)))
    assert {a.name: a.type for a in actors}.get(name) == type_, [(a.name, a.type) for a in actors]


@pytest.mark.parametrize("text,not_a_person", [
    # near misses: "surnamed" with no capitalised name, a counsellor who is a role, not a title
    ("The firm was founded by two brothers surnamed in the register.", "register"),
    ("The MP for Eastholm voted against the levy.", "Eastholm"),
])
def test_no_person_l(text, not_a_person):
    actors = entities.find(segment(normalise_text(text)))
    assert not any(not_a_person in a.name and a.type == "person" for a in actors), [(a.name, a.type) for a in actors]


@pytest.mark.parametrize("text", [
    # A "Read more with <outlet>" list and a comments thread after the story.
    "Ore prices held steady, Dunmore Capital said.\nRead more with Ore Weekly\nIs the copper boom over already?\n",
    "Ore prices held steady, Dunmore Capital said.\nComments (17)\nOreFan22: Isn't this priced in?\n",
])
def test_furniture_after_the_story_l(text):
    ex = extract(text, {})
    assert [(s.speaker, s.text) for s in ex.statements] == [("Dunmore Capital", "Ore prices held steady")]
    assert ex.questions == []


def test_one_of_the_unnamed_staff():
    stmts, _ = run('Purchasing staff at three big Peruvian miners told the Courier their companies had cut '
                   'orders. One of them said ministers had "been very direct".')
    assert [(s.speaker, s.speaker_descriptor) for s in stmts if "very direct" in s.text] == [(None, "One of them")]


RELEASE_L = """Ministers announce smelter fund

The fund will open in March.

Quotes attributable to Minister for Mines and Energy, the Hon Marla Tessington MP:

"This fund puts new smelters within reach of every region. It turns ore into jobs.

"When a lender sees a contract, it will lend against it."

Quotes attributable to Minister for Trade, Senator the Hon Wendell Farraday:

"Our export markets remain open and we will keep them that way."

The losses are attributable to weak prices:

"Nobody saw the fall coming," a trader said.
"""


def test_quotes_attributable_to_a_minister_in_a_media_release():
    ex = extract(RELEASE_L, {})
    assert [(s.speaker, s.text[:20], s.kind) for s in ex.statements] == [
        ("Marla Tessington", "This fund puts new s", "direct"),
        ("Marla Tessington", "When a lender sees a", "direct"),
        ("Wendell Farraday", "Our export markets r", "direct"),
        (None, "Nobody saw the fall ", "direct"),
    ]


@pytest.mark.parametrize("text", [
    # near misses: a relative clause opening the sentence, an invented note by a person
    "Ilse Dunmore, who said last year that prices would fall, now expects a rise.",
    "Copper buyers have cut orders, according to a note by Ilse Dunmore, who spoke in May.",
])
def test_no_statement_from_a_leading_relative_clause(text):
    stmts, _ = run(text)
    assert not [s for s in stmts if "now expects" in s.text or s.verb == "spoke"], shown(stmts)


def test_the_medium_told_is_an_outlet_with_the_in_its_title():
    stmts, _ = run("A spokesperson for Velmora told The Quill that demand was strong.")
    assert [(s.speaker, s.medium) for s in stmts] == [("Velmora", "Quill")]


def test_a_quotation_closing_with_and_he_said_stays_his():
    stmts, _ = run('Ben Ortiz spoke first. "We will ship all the ore we can this year," and so Ben Ortiz said.')
    assert [(s.speaker, s.text) for s in stmts] == [("Ben Ortiz", "We will ship all the ore we can this year")]


@pytest.mark.parametrize("text", [
    "Dana Whitby's (2019) study was cited by the ministry.",  # a year in brackets is no ticker
    "The mission to the moon was delayed again.",
])
def test_no_company_or_mission_l(text):
    actors = entities.find(segment(normalise_text(text)))
    assert not [a for a in actors if a.type in ("organization", "government")], [(a.name, a.type) for a in actors]


def test_a_thing_confirmed_is_no_statement():
    stmts, _ = run('A Velmora spokesperson confirmed the memo\'s date but said the firm "talks to every buyer."')
    assert [(s.verb, s.text) for s in stmts] == [("said", "talks to every buyer.")]
    stmts, _ = run("A Velmora spokesperson confirmed the talks had ended.")
    assert [(s.verb, s.text) for s in stmts] == [("confirmed", "the talks had ended")]


def test_a_minister_and_his_counterpart_write_jointly():
    stmts, _ = run('In a joint op-ed, Chilean mining minister Tomas Reyes and his Peruvian counterpart '
                   'Ana Lutz wrote that smelters "must not be forgotten."')
    assert sorted((s.speaker, s.verb) for s in stmts) == [("Ana Lutz", "wrote"), ("Tomas Reyes", "wrote")]
    stmts, _ = run('Tomas Reyes met the minister and his deputy Ana Lutz wrote that smelters "must not be forgotten."')
    assert [s.speaker for s in stmts] == ["Ana Lutz"]



def test_a_passive_report_names_its_agent():
    stmts, _ = run('A buyer at a Lima cable maker says her company was warned by a Peruvian official that the '
                   'permits "come up for review together."')
    assert [(s.speaker_descriptor, s.verb, s.kind, s.text) for s in stmts] == [
        ("A buyer at a Lima cable maker", "says", "indirect", "her company was warned by a Peruvian official"),
        ("a Peruvian official", "warned", "direct", "come up for review together."),
    ]
    stmts, _ = run("Buyers were told by customs officials that the permits would be reviewed.")
    assert [(s.speaker, s.text) for s in stmts] == [("Customs officials", "the permits would be reviewed")]


@pytest.mark.parametrize("text", [
    "The firm was warned by the weather service about the storm.",  # no "that": no words
    "The firm was told by rivals it had to leave.",  # no "that" after the agent
])
def test_no_passive_report_without_that(text):
    stmts, _ = run(text)
    assert not [s for s in stmts if s.verb in ("warned", "told")], shown(stmts)
