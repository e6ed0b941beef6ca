"""Attribution patterns of real wire copy that the held-out set exposed; one row
per pattern, on sentences written for the test (no names from any article)."""

from __future__ import annotations

import pytest

from tradelink.extract import attribution, entities
from tradelink.extract.segment import segment
from tradelink.models import normalise_text


def run(text: str):
    text = normalise_text(text)
    doc = segment(text)
    actors = entities.find(doc)
    return attribution.find(doc, actors, [])


ROWS = [
    # (text, speaker, words the statement contains, kind, text the statement must not start with)
    ("Export duties are unlawful, noted Wilma Frostberg, a former customs official who now teaches law.",
     "Wilma Frostberg", "Export duties are unlawful", "indirect", None),
    ('Trade Envoy Osric Pell told reporters aboard the plane that the pact would "hold firm for years to come."',
     "Osric Pell", "hold firm for years to come", "direct", None),
    ("Trade Envoy Osric Pell told lawmakers last week that quotas would be lifted in stages.",
     "Osric Pell", "quotas would be lifted in stages", "indirect", "lawmakers"),
    ("Trade Envoy Osric Pell told investors the company would keep its mine open.",
     "Osric Pell", "the company would keep its mine open", "indirect", "investors"),
    ("Cobalt exports were not on the agenda, a senior official told a news briefing, adding that talks would resume.",
     None, "Cobalt exports were not on the agenda", "indirect", None),
    ("Senator Ivo Marsh criticised the pact on Friday, saying it traded security for short-term relief.",
     "Ivo Marsh", "it traded security for short-term relief", "indirect", None),
    ("'We take whatever we can get,' said the chief buyer of a Dutch chipmaker, who asked not to be named.",
     None, "We take whatever we can get", "direct", None),
    ("Miners have yet to receive permits, according to industry sources.",
     None, "Miners have yet to receive permits", "indirect", None),
]


@pytest.mark.parametrize("text,speaker,words,kind,not_start", ROWS)
def test_wire_patterns(text, speaker, words, kind, not_start):
    stmts = run(text)
    hits = [s for s in stmts if words in s.text]
    assert hits, [(s.speaker, s.text) for s in stmts]
    s = hits[0]
    assert (s.speaker, s.kind) == (speaker, kind)
    if not_start:
        assert not s.text.startswith(not_start)


def test_participle_with_an_object_is_no_report():
    stmts = run("Norland on Tuesday widened its export controls, adding four more metals to its list.")
    assert stmts == []


def test_one_of_them_is_the_anonymous_source_again():
    stmts = run("Two people familiar with the talks said a draft was ready. "
                "The draft could be published next month, one of them said.")
    hit = [s for s in stmts if "could be published" in s.text]
    assert hit and hit[0].speaker is None and hit[0].speaker_descriptor == "one of them"


def actors_of(text: str) -> dict[str, str]:
    text = normalise_text(text)
    return {a.name: a.type for a in entities.find(segment(text))}


ACTOR_ROWS = [
    # (text, name, type) - naming patterns of wire copy, on invented names
    ("Ore prices fell. The Ministry of Commerce said licences would be needed.", "Ministry of Commerce", "government"),
    ('"The rules are routine," ministry spokesperson He Lanqi told a news briefing.', "He Lanqi", "person"),
    ("Meanwhile, Tarn Metals CEO Ilse Varga told investors the mine would reopen.", "Ilse Varga", "person"),
    ("Meanwhile, Tarn Metals CEO Ilse Varga told investors the mine would reopen.", "Tarn Metals", "organization"),
    ("Supply is tight, noted Bram Okoro, a former trade negotiator who now advises miners.", "Bram Okoro", "person"),
    ("Lena Vask, a Danish member of the European parliament, said the bloc should act.", "Lena Vask", "person"),
]


@pytest.mark.parametrize("text,name,type_", ACTOR_ROWS)
def test_wire_naming_patterns(text, name, type_):
    assert actors_of(text).get(name) == type_, actors_of(text)


MORE_ACTOR_ROWS = [
    ("The quota was cut, White House officials said.", "White House officials", "group"),
    ("The US embassy in Norland did not respond.", "US embassy in Norland", "government"),
    ("Ada Fenn, the top Democrat on the House select committee on Norland, warned.",
     "House select committee on Norland", "government"),
    ("The rule spares chips. Velmora's Tidewave chips were not discussed.", "Velmora", "organization"),
    ("The department barred Velmora and other chip designers from selling.", "Velmora", "organization"),
]


@pytest.mark.parametrize("text,name,type_", MORE_ACTOR_ROWS)
def test_more_wire_naming_patterns(text, name, type_):
    assert actors_of(text).get(name) == type_, actors_of(text)


MORE_ROWS = [
    ('"The rules are routine and lawful," ministry spokesperson He Lanqi told a news briefing.',
     "He Lanqi", "The rules are routine and lawful", "direct", None),
    ("The Ore Producers Council of Norland said the deal would restore revenue that funds mines.",
     "Ore Producers Council of Norland", "the deal would restore revenue", "indirect", None),
    ("Velmora Corp. has also urged buyers to avoid the chip, citing costs, according to state media.",
     "State media", "Velmora Corp. has also urged buyers", "indirect", None),
]


@pytest.mark.parametrize("text,speaker,words,kind,not_start", MORE_ROWS)
def test_more_wire_patterns(text, speaker, words, kind, not_start):
    test_wire_patterns(text, speaker, words, kind, not_start)


def test_two_governments_speak_jointly():
    stmts = run("Japan and the Netherlands reportedly fear pressure to make similar concessions.")
    assert sorted(s.speaker for s in stmts) == ["Japan", "Netherlands"]


def test_controls_as_a_verb_is_no_policy():
    from tradelink.extract import extract
    ex = extract("Norland controls roughly 98% of global gallium output, used in radar.", source="t")
    assert ex.policies == []


def test_a_later_cue_types_an_earlier_mention_and_links_it():
    from tradelink.extract import extract
    ex = extract("The Commerce Department said it will let Velmora sell a cut-down Tidewave accelerator "
                 "to approved buyers. Velmora welcomed the decision.", source="t")
    velmora = next(a for a in ex.actors if a.name == "Velmora")
    assert len(velmora.mentions) == 2
    assert any(lk.source == "Velmora" and lk.relation == "sells" for lk in ex.links), \
        [(lk.source, lk.relation, lk.target) for lk in ex.links]


def test_a_heading_names_no_group():
    text = ("Norland eases gallium curbs\n\nNorland said on Sunday it would ease its curbs on gallium.\n\n"
            "Questions for Investors\n- Will licences flow?\n")
    assert "Investors" not in actors_of(text)


FRESH_ROWS = [
    ("Smelters are still waiting for licences, four industry executives said, leaving buyers short.",
     None, "Smelters are still waiting for licences", "indirect", None),
    ('"We applied on day one and heard nothing," said the sales director of a magnet maker in Tarnow, '
     "who spoke on condition of anonymity.", None, "We applied on day one", "direct", None),
    ("The Norland ambassador to Velmora, Ada Fenn, said the two countries would share refining know-how.",
     "Ada Fenn", "the two countries would share refining", "indirect", None),
]


@pytest.mark.parametrize("text,speaker,words,kind,not_start", FRESH_ROWS)
def test_fresh_wire_patterns(text, speaker, words, kind, not_start):
    test_wire_patterns(text, speaker, words, kind, not_start)


def test_the_ministry_belongs_to_the_country_that_was_the_subject():
    names = actors_of("Velmora's miners are wary of Chinese supply. Japan will spend more on seabed mud. "
                      "The Ministry of Economy, Trade and Industry said tests would begin next year.")
    assert "Japan's Ministry of Economy, Trade and Industry" in names, names


def test_a_capitalised_senate_committee():
    assert actors_of("Senator Ada Fenn, a Democrat on the Senate Commerce Committee, said no.").get(
        "Senate Commerce Committee") == "government"


def test_analysts_at_a_firm_speak_for_the_firm():
    stmts = run("Analysts at Tarnow Securities wrote in a note that the curbs could halt car plants within weeks.")
    assert [(s.speaker, s.speaker_type) for s in stmts] == [("Tarnow Securities", "organization")]


def test_words_before_a_speaker_followed_by_as_clause():
    stmts = run("The old export rules were not enough, Commerce Secretary Ada Fenn said Wednesday "
                "as her department added 23 companies to a list.")
    assert [s.text for s in stmts] == ["The old export rules were not enough"]


def test_a_worry_about_a_thing_is_no_statement():
    assert run("Others worry about the cost to American business.") == []


def test_caution_is_a_reporting_verb():
    stmts = run("Analysts caution that domestic chips still lag on software.")
    assert [(s.speaker, s.verb) for s in stmts] == [("Analysts", "caution")]


def test_customs_data_showed():
    stmts = run("China's ore exports to Japan rose 12% in May, customs data showed, as the truce held.")
    assert [(s.speaker, s.verb, s.text) for s in stmts] == [
        ("Chinese customs", "showed", "China's ore exports to Japan rose 12% in May")]


def test_only_data_shows():
    assert run("Norland showed restraint in the talks on Monday.") == []


def test_a_topic_ministry_is_the_full_name_given_later():
    names = actors_of("Japan will spend more, the industry ministry said. "
                      "The Ministry of Economy, Trade and Industry said tests would begin next year.")
    assert [n for n, t in names.items() if t == "government"] == [
        "Japan", "Japan's Ministry of Economy, Trade and Industry"]


def test_a_bare_spokesperson_speaks_for_the_body_just_named():
    stmts = run("The Commerce Department says licences remain subject to review. "
                'A spokesperson said the department would "not hesitate to revoke any license."')
    assert [s.speaker for s in stmts] == ["Commerce Department", "Commerce Department"]


def test_normalise_text_is_idempotent_with_a_bom_after_blank_lines():
    for raw in ("\n\ufeff", "\n\ufeffabc", "\ufeff\n\ufeff x \n"):
        once = normalise_text(raw)
        assert normalise_text(once) == once and not once.startswith("\ufeff")


@pytest.mark.parametrize("text,name,type_", [
    ("The minister told state broadcaster NRTV that ties were stable.", "NRTV", "media"),
    ("Washington reviews exports of Velmora's newest chips to China.", "Velmora", "organization"),
])
def test_outlet_and_owner_cues(text, name, type_):
    assert actors_of(text).get(name) == type_, actors_of(text)


def test_data_from_a_consultancy_showed():
    stmts = run("Magnet prices in Europe have risen 30% since October, data from consultancy Tarnow Metals showed.")
    assert [(s.speaker, s.text) for s in stmts] == [("Tarnow Metals", "Magnet prices in Europe have risen 30% since October")]


def test_an_apposition_with_an_abbreviation_types_the_name():
    assert actors_of("Shares of Tarnow Rare Earths, the largest U.S. producer of the metals, jumped 14%.").get(
        "Tarnow Rare Earths") == "organization"


def test_office_of_the_trade_representative():
    assert actors_of("Questions went to the Office of the US Trade Representative, which did not respond.").get(
        "Office of the US Trade Representative") == "government"
