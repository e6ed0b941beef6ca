"""Patterns of regional wire and broadcaster styles (a Taiwanese wire, a German
broadcaster, an Indian business daily): names followed by the name in its own
script, associations whose names hold a plural possessive or "and", figures after
"said about", inverted speakers with a job description, documents that speak for
their authors; one row per pattern, on sentences written for the test (no names
from any article)."""

from __future__ import annotations

import pytest
from speech import run, shown


SPEECH = [
    # (text, speaker, words the statement contains, kind, verb); speaker None is an unnamed source.
    # A name in its own script between the romanised name and its apposition.
    ("Tsai Wen-hsiung (蔡文雄), chairman of Keelung-based cable maker Formosa Wirecraft, said orders from Japan "
     "had doubled.", "Tsai Wen-hsiung", "orders from Japan had doubled", "indirect", "said"),
    ("Ivan Sorokin (Иван Сорокин), a metals trader in Riga, said nickel cargoes were stuck.",
     "Ivan Sorokin", "nickel cargoes were stuck", "indirect", "said"),
    ("Smelter union secretary-general Kuo Ming-chuan (郭明全) told the Lima Herald that members had waited for "
     "weeks. Kuo said some mills were idle.", "Kuo Ming-chuan", "some mills were idle", "indirect", "said"),
    # "said about 40 percent ...": a figure, not a topic ("warned of shortages").
    ("Mara Quill, chief executive of Dunmore Cobalt, said about 40 percent of its ore came from Peru.",
     "Mara Quill", "about 40 percent of its ore came from Peru", "indirect", "said"),
    # "said the rule largely codified checks that ...": a clause, not an addressee before "that".
    ("Ilse Marwood, an economist, said the rule largely codified checks that smelters already run.",
     "Ilse Marwood", "the rule largely codified checks", "indirect", "said"),
    # An association's name with a plural possessive or "and" in it speaks whole.
    ("Tin prices will fall, according to the Ruritanian Smelters' Association (RSA).",
     "Ruritanian Smelters' Association", "Tin prices will fall", "indirect", "according to"),
    ("Lithium buyers face delays, according to the Peru Copper and Cobalt Producers Association.",
     "Peru Copper and Cobalt Producers Association", "Lithium buyers face delays", "indirect", "according to"),
    ("The Andean Iron and Steel Federation said mills would cut output.",
     "Andean Iron and Steel Federation", "mills would cut output", "indirect", "said"),
    # "X of the <Institute> for the <topic>": the name runs on past "for the".
    ("Economists disagree. Aron Vale of the Lisbon Institute for the Atlantic Economy argued that the levy "
     "would backfire.", "Aron Vale", "the levy would backfire", "indirect", "argued"),
    # Names with diacritics, inverted after the words, then "she said" for the newly named woman.
    ("At a supplier near Lyon, managing director Odile Marchetti said stocks were thin. Copper will stay scarce, "
     'noted Ingrid Müller, a metals analyst at the Vienna-based think tank Danube Forum. "Buyers are nervous '
     'about it," she said.', "Ingrid Müller", "Buyers are nervous about it", "direct", "said"),
    ("Copper will stay scarce, noted Ingrid Müller, a metals analyst at Danube Forum.",
     "Ingrid Müller", "Copper will stay scarce", "indirect", "noted"),
    ("Tomás Ibáñez, a customs broker, said checks were slow at the port.",
     "Tomás Ibáñez", "checks were slow at the port", "indirect", "said"),
    # "Ministry of" names of more than one word, and their owner when the country opened a sentence before.
    ("The Ministry of Heavy Machinery said the plan was fine.",
     "Ministry of Heavy Machinery", "the plan was fine", "indirect", "said"),
    ("Peru, which sits in the middle tier under the older US export rules, wants more. Officials at the "
     "Ministry of Energy and Mines maintained that supplies were safe.",
     "Peru's Ministry of Energy and Mines", "supplies were safe", "indirect", "maintained"),
    # "opined that"; "people aware of the matter" are unnamed sources.
    ("Ilse Marwood, partner at Lima-based consultancy Andes Strategy Advisors, opined that the levy was too low.",
     "Ilse Marwood", "the levy was too low", "indirect", "opined"),
    ("The Ruritanian Smelters Association wrote to the Ministry of Mines last week seeking help, people aware of "
     "the matter said.", None, "wrote to the Ministry of Mines last week", "indirect", "said"),
    # "X wrote to <addressee>": "The letter flagged that ..." is X's.
    ("The Ruritanian Smelters Association wrote to the Ministry of Mines last week seeking help, people aware of "
     "the matter said. The letter flagged that 11 mills had cut output.",
     "Ruritanian Smelters Association", "11 mills had cut output", "indirect", "flagged"),
    # ", with spokesperson X saying that ...": X speaks, not the body the sentence opened with.
    ("Peru's Mining Office criticized the levy, with spokesperson Tomas Reyes saying that the government was "
     "selling out the miners.", "Tomas Reyes", "the government was selling out the miners", "indirect", "said"),
    # ... and with a place or time between the participle and "that".
    ("Peru's Mining Office criticized the levy, with spokesperson Tomas Reyes saying at a regular news briefing "
     'that the government was "selling out the miners."', "Tomas Reyes", "selling out the miners", "direct", "said"),
    ("Peru's Mining Office criticized the levy, with spokesperson Tomas Reyes saying on Monday that the government "
     "was selling out the miners.", "Tomas Reyes", "the government was selling out the miners", "indirect", "said"),
    ("Mara Quill welcomed the levy, saying at a regular press conference that demand had slowed.", "Mara Quill",
     "demand had slowed", "indirect", "said"),
    # A sentence may start with a capital with a diacritic.
    ("Ilse Marwood, a trader, said prices rose sharply. Łukasz Nowak of Baltic Metals said demand had fallen again.",
     "Łukasz Nowak", "demand had fallen again", "indirect", "said"),
    # A Singapore-style name after an honorific: English given name, surname, then the
    # Chinese given names ("Mr Dennis Lim Boon Keat"); "Mr Lim" later is the same man.
    ('"Prices doubled in a month," said Mr Dennis Lim Boon Keat, director of Jurong-based wire maker Kelvar Cables. '
     '"We cannot wait."', "Dennis Lim Boon Keat", "Prices doubled in a month", "direct", "said"),
    ('"Prices doubled in a month," said Mr Dennis Lim Boon Keat, director of Jurong-based wire maker Kelvar Cables. '
     "Mr Lim said his firm had cut orders.", "Dennis Lim Boon Keat", "his firm had cut orders", "indirect", "said"),
    # A ministry named bare in a report datelined in a country's capital is that country's,
    # though another country was named last ...
    ("Cable makers brace for delays\n\nKUALA LUMPUR – Cable makers are stocking copper.\n\nSome buyers said "
     "prices in China had doubled.\n\nThe Ministry of Cables and Wires said in response to queries that it was "
     "watching prices.", "Malaysia's Ministry of Cables and Wires", "it was watching prices", "indirect", "said"),
    # ... but not where that other country opens the sentence before it, nor under a US dateline.
    ("Cable makers brace for delays\n\nKUALA LUMPUR – Cable makers are stocking copper.\n\nChina raised its "
     "copper quota. The Ministry of Cables and Wires said it was watching prices.",
     "China's Ministry of Cables and Wires", "it was watching prices", "indirect", "said"),
    ("Cable makers brace for delays\n\nWASHINGTON – Cable makers are stocking copper.\n\nSome buyers said "
     "prices in China had doubled.\n\nThe Ministry of Cables and Wires said it was watching prices.",
     "China's Ministry of Cables and Wires", "it was watching prices", "indirect", "said"),
]


@pytest.mark.parametrize("text,speaker,words,kind,verb", SPEECH)
def test_speech(text, speaker, words, kind, verb):
    stmts, _ = run(text)
    got = [(s.speaker, s.kind, s.verb) for s in stmts if words in s.text]
    assert got == [(speaker, kind, verb)], [(s.speaker, s.text, s.kind, s.verb) for s in stmts]


ACTORS = [
    # (text, name, type)
    ("Kuo Ming-chuan (郭明全), a researcher at the Andes Mining Institute, said ore grades were falling.",
     "Kuo Ming-chuan", "person"),
    ("Aron Vale of the Lisbon Institute for the Atlantic Economy said the levy would backfire.",
     "Lisbon Institute for the Atlantic Economy", "organization"),
    ("The Ministry of Electronics and Information Technology said the plan was fine.",
     "Ministry of Electronics and Information Technology", "government"),
    ("Ministry of Commerce Spokesperson Lu Anwen said the plan was fine.", "Ministry of Commerce", "government"),
    # Outlets known by name, and an outlet's initials after its name.
    ("A spokeswoman for the ministry told DW that the rules were fair.", "DW", "media"),
    ("Taipei, Nov. 25 (CNA) A person familiar with the plan told CNA that it was fair.", "CNA", "media"),
    ("The Lima Times reported the levy on Monday. Two traders told LT that cargoes were stuck.", "LT", "media"),
    ("Liu Wen-ching, a researcher at the Andes Institution for Mining Research (AIMR), said grades fell.",
     "Andes Institution for Mining Research", "organization"),
]


@pytest.mark.parametrize("text,name,type_", ACTORS)
def test_actor_type(text, name, type_):
    _, actors = run(text)
    assert [(a.name, a.type) for a in actors if a.name == name] == [(name, type_)], \
        [(a.name, a.type) for a in actors]


@pytest.mark.parametrize("text", [
    # A participle with an object and a place is no report, even with "that" further on.
    "Peru raised the levy, adding at least five metals to the list that Chile drew up.",
    "Andes Tin cut its forecast, saying goodbye at a meeting that ran late.",
])
def test_participle_with_an_object_reports_nothing(text):
    stmts, _ = run(text)
    assert stmts == [], shown(stmts)


def test_headline_adding_to_a_list_reports_no_words():
    stmts, _ = run("Peru adds copper cathodes to export control list amid US-China talks")
    assert stmts == []


def test_added_that_a_body_expects_to_act_still_reports():
    stmts, _ = run("Mara Quill said the rules were fair. She added that the panel expects to mark up her stockpile "
                   "bill in May.")
    assert [(s.speaker, s.verb) for s in stmts if "mark up her stockpile" in s.text] == [("Mara Quill", "added")]
