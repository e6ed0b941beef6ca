"""Graph queries (store/graph.py) on SQLite and PostgreSQL: name resolution,
link filters, neighbours, shortest paths (two-sided BFS), the whole graph."""

from __future__ import annotations

import datetime as dt

import pytest
from _backends import BACKENDS
from graph_data import TRADE_DEAL, extraction, seed_like, syndicated
from graph_kb import connect, write, written

from tradelink.errors import TradelinkError, UsageError
from tradelink.store import graph as G


@pytest.fixture(scope="module", params=BACKENDS)
def kb_url(request, tmp_path_factory):
    """The seed-like article and a syndicated one, written once per backend."""
    with written(request, tmp_path_factory, [seed_like(), syndicated()]) as url:
        yield url


@pytest.fixture
def kb(kb_url):
    with connect(kb_url) as conn:
        yield conn


def names(path: G.Path) -> list[str]:
    return [n.name for n in path.nodes]


# --- resolve ------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("H20", ["H20 AI chips"]),
    ("h20 ai CHIPS", ["H20 AI chips"]),
    ("lutnick", ["Howard Lutnick"]),
    ("  Howard   Lutnick ", ["Howard Lutnick"]),
    ("Beijing", ["China"]),
    ("lawmakers", ["Bipartisan lawmakers"]),
    ("trade deal", [TRADE_DEAL]),  # no exact name: substring
    ("chips", ["H20 AI chips"]),  # exact alias? no: "AI chips" etc. -> substring, one entity
])
def test_resolve(kb, name, expected):
    assert [n.name for n in G.resolve(kb, name)] == expected


def test_resolve_substring_can_mean_several(kb):
    assert [n.name for n in G.resolve(kb, "export")] == [
        "April export ban", "H20 export licenses", "March export freeze"]


def test_resolve_unknown_says_where_to_look(kb):
    with pytest.raises(TradelinkError) as err:
        G.resolve(kb, "Atlantis")
    assert str(err.value) == (
        "nothing is called 'Atlantis'; see `tradelink actors`, `commodities` or `policies`")


def test_resolve_like_wildcards_are_literal(kb):
    with pytest.raises(TradelinkError):
        G.resolve(kb, "%")


# --- filter_links -------------------------------------------------------------------

def triples(facts):
    return [(f.source.name, f.relation, f.target.name) for f in facts]


@pytest.mark.parametrize("kw, expected", [
    ({"source": "lawmakers"}, [("Bipartisan lawmakers", "opposes", "H20 AI chips")]),
    ({"target": "h20"}, [("Nvidia", "sells", "H20 AI chips"),
                         ("Bipartisan lawmakers", "opposes", "H20 AI chips")]),
    ({"relation": "Exchanged for"}, [("H20 AI chips", "exchanged_for", "NdPr magnets")]),
    ({"relation": "dominates-supply-of"}, [("China", "dominates_supply_of", "rare earths")]),
    ({"source": "Washington", "target": "Beijing"},
     [("United States", "negotiates_with", "China")]),
    ({"source": "Beijing", "target": "Washington"}, []),  # direction counts
    ({"source": "lutnick", "relation": "confirms"},
     [("Howard Lutnick", "confirms", TRADE_DEAL)] * 2),
    ({"about": "drones"}, [("NdPr magnets", "used_in", "drones")]),
    ({"about": "trade deal"},  # the policy a link runs through counts
     [("H20 AI chips", "exchanged_for", "NdPr magnets")]
     + [("Howard Lutnick", "confirms", TRADE_DEAL)] * 2),
    ({"about": "talks"}, [("United States", "negotiates_with", "China")]),  # evidence
    ({"about": "100%"}, []),
])
def test_filter_links(kb, kw, expected):
    assert sorted(triples(G.filter_links(kb, **kw))) == sorted(expected)


def test_filter_links_by_article(kb):
    ex = syndicated()
    facts = G.filter_links(kb, article=ex.article.id[:6])
    assert triples(facts) == [("Howard Lutnick", "confirms", TRADE_DEAL)]
    assert facts[0].evidence.article == ex.article.id


def test_filter_links_since_uses_published_else_ingested(kb):
    # the syndicated copy was published 2025-07-16; the seed-like one has no
    # date and was ingested today
    assert len(G.filter_links(kb, since=dt.date(2025, 8, 1))) == 8
    assert len(G.filter_links(kb, since=dt.date(2099, 1, 1))) == 0
    assert len(G.filter_links(kb, since=dt.date(2025, 7, 16))) == 9


def test_unknown_relation_lists_the_vocabulary(kb):
    with pytest.raises(UsageError, match=r"^unknown relation 'swaps'; use one of: exchanged_for, "):
        G.filter_links(kb, relation="swaps")


@pytest.mark.parametrize("ref", ["zzz", "%", "_", ""])
def test_unknown_article(kb, ref):
    with pytest.raises(TradelinkError, match=f"^no article has the id {ref!r}"):
        G.filter_links(kb, article=ref)


def test_unknown_relation_lists_the_vocabulary(kb):
    with pytest.raises(UsageError, match=r"^unknown relation 'swaps'; use one of: exchanged_for, "):
        G.filter_links(kb, relation="swaps")


@pytest.mark.parametrize("ref", ["zzz", "%", "_", ""])
def test_unknown_article(kb, ref):
    with pytest.raises(TradelinkError, match=f"^no article has the id {ref!r}"):
        G.filter_links(kb, article=ref)


def test_article_prefix_must_be_unique(kb):
    # both hand-made ids are hex; an empty-ish prefix shared by both is refused
    a, b = seed_like().article.id, syndicated().article.id
    common = next((a[:i] for i in range(len(a), 0, -1) if b.startswith(a[:i])), None)
    if common:
        with pytest.raises(UsageError, match="starts 2 article ids"):
            G.filter_links(kb, article=common)


def test_link_row_matches_the_json_contract(kb):
    from tradelink.models import LinkRow

    for fact in G.filter_links(kb):
        LinkRow.model_validate(fact.row())
    row = G.filter_links(kb, relation="sells")[0].row()
    assert row == {
        "source": "Nvidia", "source_kind": "actor", "relation": "sells", "predicate": "sell",
        "target": "H20 AI chips", "target_kind": "commodity", "policy": None, "hedge": None,
        "evidence": "filing for licenses to sell its H20 AI chips to Chinese firms",
        "article": seed_like().article.id,
    }


def test_evidence_sentence_slices_the_article(kb):
    text = seed_like().article.text
    for f in G.filter_links(kb, article=seed_like().article.id):
        ev = f.evidence
        assert text[ev.start:ev.end] == ev.text
        assert text[ev.sentence_start:ev.sentence_end] == ev.sentence
        assert ev.sentence_start <= ev.start <= ev.end <= ev.sentence_end


def test_neighbours_in_both_directions(kb):
    assert sorted(triples(G.neighbours(kb, "H20"))) == [
        ("Bipartisan lawmakers", "opposes", "H20 AI chips"),
        ("H20 AI chips", "exchanged_for", "NdPr magnets"),
        ("Nvidia", "sells", "H20 AI chips"),
    ]


# --- paths --------------------------------------------------------------------------

def test_path_one_hop(kb):
    [path] = G.shortest_paths(kb, "H20", "NdPr magnets")
    assert names(path) == ["H20 AI chips", "NdPr magnets"]
    [step] = path.as_dict()["steps"]
    [link] = step["links"]
    assert link["relation"] == "exchanged_for"
    assert link["direction"] == "forward"
    assert link["policy"] == TRADE_DEAL
    assert link["article"] == seed_like().article.id
    assert "in exchange for" in link["sentence"]


def test_path_reports_direction_against_the_walk(kb):
    [path] = G.shortest_paths(kb, "NdPr magnets", "Nvidia")
    assert names(path) == ["NdPr magnets", "H20 AI chips", "Nvidia"]
    dirs = [[lk["direction"] for lk in s["links"]] for s in path.as_dict()["steps"]]
    assert dirs == [["backward"], ["backward"]]


def test_path_through_a_policy(kb):
    # Lutnick confirms the deal; chips were exchanged for magnets under it
    [path] = G.shortest_paths(kb, "Lutnick", "Nvidia")
    assert names(path) == ["Howard Lutnick", TRADE_DEAL, "H20 AI chips", "Nvidia"]
    steps = path.as_dict()["steps"]
    # two articles say Lutnick confirmed it: both are the step's evidence, newest first
    assert [lk["article"] for lk in steps[0]["links"]] == [
        syndicated().article.id, seed_like().article.id]
    assert steps[0]["links_total"] == 2
    assert steps[1]["links"][0]["direction"] == "via"


def test_path_respects_max_hops(kb):
    assert len(G.shortest_paths(kb, "Lutnick", "Nvidia", max_hops=3)) == 1
    assert G.shortest_paths(kb, "Lutnick", "Nvidia", max_hops=2) == []


def test_no_path_between_components(kb):
    assert G.shortest_paths(kb, "drones", "China") == []


def test_path_to_itself_is_refused(kb):
    with pytest.raises(UsageError, match="name the same entity"):
        G.shortest_paths(kb, "Beijing", "china")


def test_max_hops_must_be_positive(kb):
    with pytest.raises(UsageError, match="--max-hops must be at least 1"):
        G.shortest_paths(kb, "H20", "China", max_hops=0)


def _ring_and_diamond(db_url):
    """a-b-c-d-e in a line, plus a diamond a-x-c / a-y-c: two shortest a..c paths."""
    words = "a b c d e x y"
    lines = ["a to b", "b to c", "c to d", "d to e", "a to x", "x to c", "y to a", "y to c"]
    text = words + "\n" + "\n".join(lines)
    links = []
    for line in lines:
        s, _, t = line.split()
        links.append((s, "commodity", "related_to", "to", t, "commodity", line, None))
    ex = extraction(text, commodities=[(w, "other", []) for w in words.split()], links=links)
    write(db_url, [ex])


def test_all_shortest_paths_and_only_those(db_url):
    _ring_and_diamond(db_url)
    with connect(db_url) as conn:
        paths = G.shortest_paths(conn, "a", "c")
        assert sorted(names(p) for p in paths) == [["a", "b", "c"], ["a", "x", "c"],
                                                    ["a", "y", "c"]]
        assert [names(p) for p in G.shortest_paths(conn, "e", "a")] == [
            ["e", "d", "c", "b", "a"], ["e", "d", "c", "x", "a"], ["e", "d", "c", "y", "a"]]
        assert G.shortest_paths(conn, "e", "a", max_hops=3) == []
        assert len(G.shortest_paths(conn, "e", "a", limit=2)) == 2


# --- the whole graph ----------------------------------------------------------------

def test_load_graph_merges_repeated_links(kb):
    g = G.load_graph(kb)
    assert len(g.edges) == 8
    confirms = [e for e in g.edges if e.relation == "confirms"]
    assert len(confirms) == 1
    assert confirms[0].articles == sorted([seed_like().article.id, syndicated().article.id])
    assert {n.name for n in g.nodes} >= {"H20 AI chips", "NdPr magnets", TRADE_DEAL}


def test_load_graph_for_one_article(kb):
    g = G.load_graph(kb, article=syndicated().article.id)
    assert [(e.source.name, e.relation, e.target.name) for e in g.edges] == [
        ("Howard Lutnick", "confirms", TRADE_DEAL)]
    assert sorted(n.name for n in g.nodes) == ["Howard Lutnick", TRADE_DEAL]


# --- the brief's data, on both backends ----------------------------------------------

def test_brief_data(kb):
    from tradelink.report.brief import to_html, to_markdown
    from tradelink.store.brief import collect

    data = collect(kb)
    assert [a["id"] for a in data.articles] == [syndicated().article.id, seed_like().article.id]
    assert data.articles[0]["published"] == "2025-07-16"
    said = [s for s in data.statements if s["text"].startswith("We put that")]
    assert len(said) == 1 and len(said[0]["sources"]) == 2
    assert said[0]["roles"] == ["Commerce Secretary"] and said[0]["medium"] == "Reuters"
    assert [(q["text"], [f["text"] for f in q["follow_ups"]]) for q in data.questions] == [
        ("What are the terms of the magnet deal?", ["Is it a long-term deal?"]),
        ("Is this a barter system?", [])]
    ban = next(p for p in data.policies if p["name"] == "April export ban")
    assert (ban["status"], ban["when"], ban["actor"]) == ("reversed", "April", "United States")
    assert [t["when"] for t in data.timeline][:1] == ["2025-07-16"]
    assert {t["when"] for t in data.timeline} >= {"Monday", "April", "March"}
    assert len(data.graph.edges) == 8
    assert "<svg" in to_html(data) and "```mermaid" in to_markdown(data)


def test_brief_data_for_one_article(kb):
    from tradelink.store.brief import collect

    data = collect(kb, article=syndicated().article.id)
    assert [a["id"] for a in data.articles] == [syndicated().article.id]
    assert [s["sources"][0].article for s in data.statements] == [syndicated().article.id] * 2
    assert data.questions == [] and data.policies == []
    empty = collect(kb, since=dt.date(2099, 1, 1))
    assert (empty.articles, empty.statements, empty.graph.edges) == ([], [], [])
