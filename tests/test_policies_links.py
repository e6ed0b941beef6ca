"""Policies and links on articles written for the tests, with hand-built actors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tradelink.extract import commodities, links, policies, timex
from tradelink.extract.segment import segment
from tradelink.models import Statement, Span, normalise_text

from facts_helpers import actors, gold_actors

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_0cd42d161d590e27.txt"
from shared_data import seed_gold_path  # noqa: E402

SEED_GOLD = seed_gold_path()

ACTORS = {
    "Norland": ("government", ["Vessa"]),
    "Ostria": ("government", ["Kell", "Ostrian"]),
    "Quillon Devices": ("organization", ["Quillon"]),
    "Mara Velt": ("person", ["Velt"]),
    "Skeptical lawmakers": ("group", ["lawmakers"]),
    "Harbour Post": ("media", []),
}

STORY = normalise_text("""\
Quillon cleared to sell its Q77 chips to Ostria
Vessa and Kell are in trade negotiations over rare earth magnets.
Quillon said on Monday it is filing for licences to sell its Q77 AI chips to Ostrian buyers.
The step reverses a March export ban designed to keep Q77 AI chips out of Kell's hands.
Vessa appears to have eased chip curbs in exchange for Ostrian rare earth exports, particularly NdPr magnets.
Ostria dominates the global rare earth supply. Its May export freeze hit carmakers hard.
Skeptical lawmakers slammed the move as reckless.
Trade Minister Mara Velt said the magnets were "part of the trade deal with Kell," the Harbour Post reported.
""")


@pytest.fixture(scope="module")
def story():
    doc = segment(STORY)
    acts = actors(STORY, ACTORS)
    goods = commodities.find(doc)
    times = timex.find(doc, dt.date(2026, 6, 10))
    pols = policies.find(doc, acts, goods, times)
    return doc, acts, goods, times, pols


def test_policies_table(story):
    *_, pols = story
    got = {(p.name, p.kind, p.actor, p.counterpart, p.target, p.status, p.when.resolved if p.when else None)
           for p in pols}
    assert ("March export ban", "export ban", "Norland", "Ostria", "Q77 AI chips", "reversed", "2026-03") in got
    assert ("May export freeze", "export freeze", "Ostria", None, "rare earths", None, "2026-05") in got
    assert ("Q77 export licences", "licence", "Quillon Devices", "Ostria", "Q77 AI chips", None, "2026-06-08") in got
    deal = next(p for p in pols if p.kind == "trade deal")
    assert (deal.name, deal.actor, deal.counterpart, deal.target) == (
        "rare earth magnet trade deal", "Norland", "Ostria", "NdPr magnets")
    for p in pols:
        assert STORY[p.start:p.end] == p.text


def test_links_table(story):
    doc, acts, goods, times, pols = story
    text = doc.text
    q = text.index("part of the trade deal with Kell")
    stmt = Statement(start=q, end=q + len("part of the trade deal with Kell"), text="part of the trade deal with Kell",
                     speaker="Mara Velt", kind="direct", verb="said")
    got = {(l.source, l.relation, l.target): l for l in links.find(doc, acts, goods, pols, [stmt])}
    for key in [
        ("Q77 AI chips", "exchanged_for", "NdPr magnets"),
        ("Quillon Devices", "sells", "Q77 AI chips"),
        ("Quillon Devices", "seeks_licence_for", "Q77 AI chips"),
        ("Ostria", "dominates_supply_of", "rare earths"),
        ("Skeptical lawmakers", "opposes", "Q77 AI chips"),
        ("Mara Velt", "confirms", "rare earth magnet trade deal"),
        ("Norland", "bans", "Q77 AI chips"),
        ("Norland", "negotiates_with", "Ostria"),
    ]:
        assert key in got, key
    swap = got[("Q77 AI chips", "exchanged_for", "NdPr magnets")]
    assert swap.hedge == "appears to"
    assert swap.policy == "rare earth magnet trade deal"
    assert got[("Skeptical lawmakers", "opposes", "Q77 AI chips")].text == "slammed the move as reckless"
    for l in got.values():
        assert text[l.start:l.end] == l.text


@pytest.mark.parametrize("sentence,expected", [
    ("Norland signed an agreement with Ostria on tin.", ("Norland", "negotiates_with", "Ostria")),
    ("Quillon Devices is majority-funded by Norland.", ("Norland", "owns_stake_in", "Quillon Devices")),
    ("Quillon Devices agreed to pay Norland 10% of its chip revenue.", ("Quillon Devices", "pays_share_to", "Norland")),
    ("Quillon Devices, a maker of gallium nitride wafers, grew.", ("Quillon Devices", "produces", "gallium nitride wafers")),
    ("Ostria produces about 80% of the world's tungsten.", ("Ostria", "dominates_supply_of", "tungsten")),
    ("Dysprosium is added to magnets to keep them strong.", ("dysprosium", "used_in", "rare earth magnets")),
    ("Mara Velt criticised Quillon Devices for the delay.", ("Mara Velt", "criticises", "Quillon Devices")),
    ("Norland depends on Ostrian gallium.", ("Norland", "depends_on", "gallium")),
])
def test_link_rules(sentence, expected):
    text = normalise_text("A headline for the test piece\n" + sentence)
    doc = segment(text)
    acts = actors(text, ACTORS)
    goods = commodities.find(doc)
    got = {(l.source, l.relation, l.target) for l in links.find(doc, acts, goods, None, [])}
    assert expected in got


def _seed():
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = normalise_text(SEED.read_text(encoding="utf-8"))
    doc = segment(text)
    acts = gold_actors(text, gold)
    goods = commodities.find(doc)
    pols = policies.find(doc, acts, goods, timex.find(doc, None))
    return gold, text, doc, acts, goods, pols


def test_seed_policies_match_gold():
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not present")
    gold, text, doc, acts, goods, pols = _seed()
    got = {p.name: p for p in pols}
    for name, kind, actor, counterpart, target, status in [
        ("April export ban", "export ban", "United States", None, "H20 AI chips", "reversed"),
        ("March export freeze", "export freeze", "China", None, "rare earths", None),
        ("H20 export licenses", "licence", "Nvidia", None, "H20 AI chips", None),
        ("rare earth magnet trade deal", "trade deal", "United States", "China", "NdPr magnets", None),
    ]:
        p = got[name]
        assert (p.kind, p.actor, p.target, p.status) == (kind, actor, target, status)
        if counterpart:
            assert p.counterpart == counterpart
    assert got["April export ban"].when.text == "April"
    assert got["March export freeze"].when.text == "March"


def test_seed_links_match_gold():
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not present")
    gold, text, doc, acts, goods, pols = _seed()
    quote = "We put that in the trade deal with the magnets"
    q = text.index(quote)
    stmt = Statement(start=q, end=q + len(quote), text=quote, speaker="Howard Lutnick", kind="direct", verb="said",
                     sentence=Span(start=q, end=q + len(quote), text=quote))
    got = {(l.source, l.relation, l.target): l for l in links.find(doc, acts, goods, pols, [stmt])}
    relation = {"exchanged for": "exchanged_for", "sells": "sells", "dominates supply of": "dominates_supply_of",
                "confirmed": "confirms", "oppose sale of": "opposes"}
    for g in gold["links"]:
        key = (g["a"], relation[g["relation"]], g["b"])
        assert key in got, key
        link = got[key]
        assert link.text in g["evidence"] or g["evidence"] in link.text, (link.text, g["evidence"])


@pytest.mark.parametrize("sentence,expected", [
    # (kind, actor, counterpart, target)
    ("Norland and Ostria signed an agreement on Friday.", ("trade deal", "Norland", "Ostria", None)),
    ("Ostria will require exporters of gallium and tungsten carbide to obtain permits.",
     ("export control", "Ostria", None, "gallium")),
    ("Accelerators that Norland restricts for sale abroad are in demand.", ("export control", "Norland", None, "AI chips")),
    ("The freeze covers 40 applications, including several from Quillon Devices for its Q77 accelerator.",
     ("licence", "Quillon Devices", None, "Q77")),
    ("Norland froze most magnet shipments in May.", ("export freeze", "Norland", None, "rare earth magnets")),
])
def test_policy_rules(sentence, expected):
    text = normalise_text("A headline for the test piece\n" + sentence)
    doc = segment(text)
    acts = actors(text, ACTORS)
    goods = commodities.find(doc)
    got = {(p.kind, p.actor, p.counterpart, p.target) for p in policies.find(doc, acts, goods, timex.find(doc, None))}
    assert expected in got


def test_policy_targets_listed_together_each_get_a_link():
    text = normalise_text("A headline for the test piece\n"
                          "Ostria began requiring permits for exports of gallium and germanium in May.")
    doc = segment(text)
    acts = actors(text, ACTORS)
    goods = commodities.find(doc)
    pols = policies.find(doc, acts, goods, [])
    got = {(l.source, l.relation, l.target) for l in links.find(doc, acts, goods, pols, [])}
    assert {("Ostria", "restricts", "gallium"), ("Ostria", "restricts", "germanium")} <= got


@pytest.mark.parametrize("sentence,absent", [
    ("Regulators told Ostrian buyers to stop ordering the Q77 chips.", ("Ostria", "buys", "Q77")),
    ("Ministers blocked the sale of Quillon Devices, a consortium backed by Norland.",
     ("Norland", "owns_stake_in", "Quillon Devices")),
    ("Nothing has cleared customs since the eighth of May, Mara Velt said.", None),
])
def test_link_rules_that_must_not_fire(sentence, absent):
    text = normalise_text("A headline for the test piece\n" + sentence)
    doc = segment(text)
    acts = actors(text, ACTORS)
    goods = commodities.find(doc)
    found = links.find(doc, acts, goods, None, [])
    got = {(l.source, l.relation, l.target) for l in found}
    if absent is not None:
        assert absent not in got
    assert all(l.hedge != "May" for l in found)


def test_seed_end_to_end_policies_and_links():
    """The whole pipeline (real actors and statements) reads the seed's gold policies and links."""
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not present")
    from tradelink.extract import extract

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    ex = extract(SEED.read_text(encoding="utf-8"))
    assert not ex.check_spans()
    pols = {p.name: p for p in ex.policies}
    assert (pols["April export ban"].actor, pols["April export ban"].status) == ("United States", "reversed")
    assert pols["March export freeze"].actor == "China"
    assert pols["H20 export licenses"].actor == "Nvidia"
    deal = pols["rare earth magnet trade deal"]
    assert (deal.actor, deal.counterpart, deal.target) == ("United States", "China", "NdPr magnets")
    got = {(l.source, l.relation, l.target): l for l in ex.links}
    relation = {"exchanged for": "exchanged_for", "sells": "sells", "dominates supply of": "dominates_supply_of",
                "confirmed": "confirms", "oppose sale of": "opposes"}
    for g in gold["links"]:
        key = (g["a"], relation[g["relation"]], g["b"])
        assert key in got, key
        assert got[key].text in g["evidence"] or g["evidence"] in got[key].text
    assert got[("H20 AI chips", "exchanged_for", "NdPr magnets")].policy == "rare earth magnet trade deal"
    assert got[("H20 AI chips", "exchanged_for", "NdPr magnets")].hedge == "appears to"
    assert not any("Leave a Reply" in r.text for r in ex.located())


@pytest.mark.parametrize("text,relation", [
    # A plain "said" statement: the speaker confirms the policy it names.
    ("Chile's mining ministry said the export controls on lithium took effect on Monday.", "confirms"),
    # A complaint just before the policy: the same verb opposes it.
    ("Chile's mining ministry said it was deeply concerned about the abuse of export controls.", "opposes"),
    ("Chile's mining ministry said it would reject the new export controls on lithium.", "opposes"),
])
def test_a_said_statement_that_complains_opposes_the_policy(text, relation):
    from tradelink.extract import extract

    ex = extract(text, {})
    rels = {l.relation for l in ex.links if l.source == "Chile's mining ministry" and "export controls" in l.target}
    assert rels == {relation}, [(l.source, l.relation, l.target) for l in ex.links]


@pytest.mark.parametrize("text,maker", [
    # "X, a U.S. producer of Y": the company produces, not the country in its description.
    ("Halvard Metals, a U.S. producer of neodymium magnets, signed the deal.", "Halvard Metals"),
    # "Inc." is left out of the name, kept as an alias.
    ("Halvard Metals Inc. (NASDAQ: HLVD), a U.S. producer of neodymium magnets, signed the deal.", "Halvard Metals"),
])
def test_a_country_in_a_company_description_is_not_the_producer(text, maker):
    from tradelink.extract import extract

    ex = extract(text, {})
    assert [l.source for l in ex.links if l.relation == "produces"] == [maker], \
        [(l.source, l.relation, l.target) for l in ex.links]
