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


def test_seed_brief_shows_the_acceptance_list(cli, seeded):
    """Every item of the seed's gold list is in the HTML brief, in the right place."""
    from shared_data import seed_gold

    from tradelink.report.brief import e

    gold = seed_gold()
    r = cli("export", "--format", "html")
    assert r.exit_code == 0
    page = r.stdout

    def section(name):
        return page.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]

    def rows(name):
        return section(name).split("<tr>")[1:]

    said = rows("said")
    for q in gold["quotes"]:
        assert any(f"<td>{e(q['speaker'])}</td>" in row and e(q["text_snippet"]) in row
                   for row in said), q
    asked = section("questions")
    for q in gold["questions"]:
        assert e(q["text"]) in asked, q["text"]
    for q in gold["questions"]:
        if not q["headline"]:  # the follow-up sits in its headline question's list item
            item = asked.split(e(q["under"]), 1)[1].split("</li>\n<li>", 1)[0]
            assert e(q["text"]) in item, q["text"]
    actors = section("actors")
    for a in gold["actors"]:
        assert f"<td>{e(a['name'])}</td>" in actors, a["name"]
    pols = rows("policies")
    for p in gold["policies"]:
        assert any(row.startswith(f"<td>{e(p['name'])}</td>") for row in pols), p["name"]
    ban = next(row for row in pols if row.startswith("<td>April export ban</td>"))
    assert "reversed" in ban
    links = rows("graph")
    for ln in gold["links"]:
        assert any(f"<td>{e(ln['a'])}</td>" in row and f"<td>{e(ln['b'])}</td>" in row
                   for row in links), ln
    for c in gold["commodities"]:
        assert f">{e(c['name'])}</text>" in section("graph"), c["name"]
    assert "Leave a Reply" not in page.split('<section id="texts">')[0]
