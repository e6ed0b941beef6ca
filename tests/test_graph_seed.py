"""The link graph of the seed article, read by the real pipeline: the path the
user asked for, the picture's labels, and what the brief's graph shows."""

from __future__ import annotations

import json
import re

from graph_kb import connect

from tradelink.report import graph as R
from tradelink.store.graph import load_graph


def test_path_h20_to_ndpr_magnets_answers(cli, seeded):
    r = cli("path", "H20", "NdPr magnets", "--json")
    assert r.exit_code == 0, r.output
    paths = json.loads(r.stdout)
    assert paths and paths[0]["hops"] == 1
    relations = {lk["relation"] for lk in paths[0]["steps"][0]["links"]}
    assert "exchanged_for" in relations
    for link in paths[0]["steps"][0]["links"]:
        assert link["evidence"] in link["sentence"]


def test_seed_graph_labels_do_not_overlap(seeded):
    with connect(str(seeded)) as r:
        graph = load_graph(r)
    lay = R.layout(graph)
    boxes = lay.text_boxes()
    assert len(boxes) == len(graph.nodes) + len(graph.edges)
    clashes = [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:]
               if ba.overlaps(bb)]
    assert clashes == []


def test_seed_picture_shows_the_deal(cli, seeded):
    r = cli("export", "--format", "html")
    assert r.exit_code == 0
    svg = re.search(r"<svg .*?</svg>", r.stdout, re.S).group(0)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    for name in ("H20 AI chips", "NdPr magnets", "rare earth magnet trade deal",
                 "Howard Lutnick", "Bipartisan lawmakers", "exchanged for", "confirms",
                 "opposes", "via rare earth magnet trade deal"):
        assert name in texts, name
