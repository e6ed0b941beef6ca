"""Graph renderings (report/graph.py): each format is valid and escapes what
it must; the SVG layout places labels that never overlap."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradelink.report import graph as R
from tradelink.store.graph import Edge, Evidence, Graph, Node

NASTY = 'Q "quoted" <script>alert(1)</script> & #1 | `tick` \\ back'


def node(i, name, kind="actor", typ="person"):
    return Node(i, kind, name, typ)


def ev(text="evidence", article="a" * 16):
    return Evidence(article, 0, len(text), text, text, 0, len(text))


def make_graph(nodes, triples, policies=None):
    by_name = {n.name: n for n in nodes}
    edges = []
    for src, rel, dst in triples:
        e = Edge(by_name[src], rel, by_name[dst], predicates=[rel], evidence=[ev()])
        if policies and (src, rel, dst) in policies:
            e.policies.append(policies[(src, rel, dst)])
        edges.append(e)
    return Graph(list(nodes), edges)


SEED_NODES = [
    node(1, "Nvidia", "actor", "organization"),
    node(2, "Howard Lutnick"),
    node(3, "Bipartisan lawmakers", "actor", "group"),
    node(4, "China", "actor", "government"),
    node(5, "United States", "actor", "government"),
    node(6, "H20 AI chips", "commodity", "chip"),
    node(7, "NdPr magnets", "commodity", "magnet"),
    node(8, "rare earths", "commodity", "mineral"),
    node(9, "rare earth magnet trade deal", "policy", "trade deal"),
    node(10, "April export ban", "policy", "export ban"),
]
SEED_TRIPLES = [
    ("H20 AI chips", "exchanged_for", "NdPr magnets"),
    ("Nvidia", "sells", "H20 AI chips"),
    ("China", "dominates_supply_of", "rare earths"),
    ("Howard Lutnick", "confirms", "rare earth magnet trade deal"),
    ("Bipartisan lawmakers", "opposes", "H20 AI chips"),
    ("United States", "negotiates_with", "China"),
    ("United States", "reverses", "April export ban"),
    ("April export ban", "bans", "H20 AI chips"),
]
SEED_GRAPH = make_graph(SEED_NODES, SEED_TRIPLES, {
    ("H20 AI chips", "exchanged_for", "NdPr magnets"): "rare earth magnet trade deal"})


def nasty_graph():
    return make_graph([node(1, NASTY), node(2, "chips\nnew line", "commodity", "chip")],
                      [(NASTY, "sells", "chips\nnew line")])


# --- text formats ---------------------------------------------------------------------

_DOT_STRING = r'"(?:[^"\\]|\\.)*"'


def test_dot_quotes_every_id_and_label():
    text = R.to_dot(nasty_graph())
    assert text.startswith("digraph tradelink {\n") and text.endswith("}\n")
    body = [ln.strip() for ln in text.splitlines()[4:-1]]
    node_line = re.compile(rf"^{_DOT_STRING} \[(\w+=({_DOT_STRING}|\"#[0-9a-f]{{6}}\")(, )?)+\];$")
    edge_line = re.compile(rf"^{_DOT_STRING} -> {_DOT_STRING} \[label={_DOT_STRING}, "
                           rf"relation={_DOT_STRING}\];$")
    assert node_line.match(body[0]) and node_line.match(body[1])
    assert edge_line.match(body[2])
    assert r'"actor:Q \"quoted\" <script>alert(1)</script> & #1 | `tick` \\ back"' in text
    assert '"commodity:chips new line"' in text  # no raw newline inside a string


@pytest.mark.skipif(shutil.which("dot") is None,
                    reason="Graphviz `dot` is not installed (apt-get install graphviz)")
def test_dot_is_accepted_by_graphviz():
    for g in (SEED_GRAPH, nasty_graph()):
        done = subprocess.run(["dot", "-Tsvg"], input=R.to_dot(g), capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        ET.fromstring(done.stdout)


def test_mermaid_escapes_labels():
    text = R.to_mermaid(nasty_graph())
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert lines[1] == ('    n0["Q #quot;quoted#quot; #lt;script#gt;alert(1)#lt;/script#gt; '
                        '#amp; #35;1 #124; #96;tick#96; #92; back"]')
    assert lines[2] == '    n1(["chips new line"])'
    assert lines[3] == '    n0 -->|"sells"| n1'
    for line in lines[1:]:
        assert "<" not in line and "\n" not in line


def test_mermaid_seed_graph():
    text = R.to_mermaid(SEED_GRAPH)
    assert '-->|"exchanged for (via rare earth magnet trade deal)"|' in text
    assert "    n8{{\"rare earth magnet trade deal\"}}" in text or "{{\"rare earth magnet" in text
    assert text.count("-->") == len(SEED_TRIPLES)


def test_graphml_is_valid_xml_and_round_trips():
    g = make_graph([node(1, NASTY + "\x01"), node(2, "chips", "commodity", "chip")],
                   [(NASTY + "\x01", "sells", "chips")])
    root = ET.fromstring(R.to_graphml(g))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = root.findall("g:graph/g:node", ns)
    edges = root.findall("g:graph/g:edge", ns)
    assert len(nodes) == 2 and len(edges) == 1
    names = [n.find("g:data[@key='n_name']", ns).text for n in nodes]
    assert names == [NASTY, "chips"]  # the control character is dropped
    assert edges[0].get("source") == "actor:" + NASTY
    assert edges[0].find("g:data[@key='e_relation']", ns).text == "sells"


def test_json_nodes_and_edges():
    data = json.loads(R.to_json(SEED_GRAPH))
    ids = {n["id"] for n in data["nodes"]}
    assert len(ids) == len(SEED_NODES)
    assert {(e["source"], e["relation"], e["target"]) for e in data["edges"]} == {
        (f"{SEED_GRAPH.nodes[[n.name for n in SEED_NODES].index(s)].kind}:{s}", r,
         f"{SEED_GRAPH.nodes[[n.name for n in SEED_NODES].index(t)].kind}:{t}")
        for s, r, t in SEED_TRIPLES}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    assert data["edges"][0].keys() == {"source", "target", "relation", "predicates", "policies",
                                       "hedges", "articles", "evidence"}


def test_unknown_format():
    from tradelink.errors import UsageError

    with pytest.raises(UsageError, match="unknown graph format 'png'; use one of: dot, "):
        R.render(SEED_GRAPH, "png")


# --- layout and SVG -------------------------------------------------------------------

def overlapping(lay):
    boxes = lay.text_boxes()
    return [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:]
            if ba.overlaps(bb)]


def inside(lay):
    return all(0 <= b.x and b.x + b.w <= lay.width and 0 <= b.y and b.y + b.h <= lay.height
               for _, b in lay.text_boxes())


def test_seed_graph_labels_do_not_overlap():
    lay = R.layout(SEED_GRAPH)
    assert len(lay.text_boxes()) == len(SEED_NODES) + len(SEED_TRIPLES)
    assert overlapping(lay) == []
    assert inside(lay)


def test_columns_by_kind():
    lay = R.layout(SEED_GRAPH)
    assert [k for k, _ in lay.columns] == ["actor", "commodity", "policy"]
    xs = {kind: x for kind, x in lay.columns}
    for n in SEED_NODES:
        assert lay.nodes[R.node_id(n)].cx == pytest.approx(xs[n.kind])


def test_layout_is_deterministic():
    assert R.to_svg(SEED_GRAPH) == R.to_svg(SEED_GRAPH)


def test_svg_is_xml_and_escapes_names():
    svg = R.to_svg(nasty_graph())
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert R.shorten(NASTY) in texts  # long names are shortened in the picture ...
    titles = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(t.startswith(NASTY) for t in titles)  # ... and whole in the tooltip
    assert "<script>" not in svg


def test_svg_labels_a_link_with_the_policy_it_runs_through():
    svg = R.to_svg(SEED_GRAPH)
    subs = re.findall(r'<text class="via"[^>]*>([^<]*)</text>', svg)
    assert subs == ["via rare earth magnet trade deal"]


def test_top_subgraph_keeps_the_most_linked():
    small = R.top_subgraph(SEED_GRAPH, 4)
    # H20 has 4 links; China, the United States and the April ban 2 each
    assert {n.name for n in small.nodes} == {"H20 AI chips", "China", "United States",
                                             "April export ban"}
    assert {(e.source.name, e.relation, e.target.name) for e in small.edges} == {
        ("United States", "negotiates_with", "China"),
        ("United States", "reverses", "April export ban"),
        ("April export ban", "bans", "H20 AI chips")}
    assert R.top_subgraph(SEED_GRAPH, 40) is SEED_GRAPH


def test_empty_graph():
    svg = R.to_svg(Graph([], []))
    assert "No links to draw." in svg
    ET.fromstring(svg)


KINDS = ["actor", "commodity", "policy"]


@st.composite
def graphs(draw):
    n = draw(st.integers(1, 12))
    names = draw(st.lists(st.text("abcdefghij XYZ", min_size=1, max_size=28)
                          .map(lambda s: " ".join(s.split()) or "x"),
                          min_size=n, max_size=n, unique=True))
    nodes = [node(i, name, draw(st.sampled_from(KINDS)), "t") for i, name in enumerate(names)]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1),
                                    st.sampled_from(["sells", "dominates_supply_of", "used_in",
                                                     "exchanged_for", "opposes"])),
                          max_size=16, unique=True))
    triples = [(nodes[a].name, rel, nodes[b].name) for a, b, rel in pairs if a != b]
    used = {s for s, _, _ in triples} | {t for _, _, t in triples}
    return make_graph([x for x in nodes if x.name in used] or nodes[:1], triples)


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_labels_never_overlap(g):
    lay = R.layout(g)
    assert overlapping(lay) == []
    assert inside(lay)
