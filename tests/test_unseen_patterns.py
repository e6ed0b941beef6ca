"""Patterns of styles the held-out set had not seen (e1-e6: Guardian, WSJ,
Chinese state media, a press release, a hearing live blog, a newsletter); one
row per pattern, on sentences written for the test (no names from any article)."""

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
    _, actors = run("The Andean Lithium Association (ALA) met on Monday. The ALA said quotas would stay.")
    ala = next(a for a in actors if a.name == "Andean Lithium Association")
    assert "ALA" in ala.aliases


@pytest.mark.parametrize("text,not_a_person", [
    ("Osric Pell, Deputy Assistant Secretary of Commerce for Export Administration, said licences would slow.",
     "Export Administration"),
    ("News provided by Halvard Cobalt Mining", "News"),
])
def test_no_person_from_a_title_or_furniture(text, not_a_person):
    _, actors = run(text)
    assert not_a_person not in [a.name for a in actors]


def test_bare_group_in_the_headline_is_the_qualified_group():
    text = ("Tin rally fades; experts say it will return\n\n"
            "Tin prices fell on Monday, as Bolivian experts warned that mines would close.\n\n"
            "But experts stressed that the slump would pass.\n")
    _, actors = run(text)
    assert [a.name for a in actors if a.type == "group"] == ["Bolivian experts"]
