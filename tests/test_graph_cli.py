"""`path`, `graph`, `links --from/--to/--relation` and `export --format html|md`:
exact output, exit codes, escaping, anchors."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from _backends import BACKENDS
from graph_data import TRADE_DEAL, seed_like, syndicated
from graph_kb import write, written

from tradelink import fastcli

SEED_ID = seed_like().article.id
WIRE_ID = syndicated().article.id


@pytest.fixture(scope="session")
def _kb_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("graphkb") / "kb.sqlite"
    write(str(path), [seed_like(), syndicated()])
    return path


@pytest.fixture
def kb(_kb_file, tmp_path, monkeypatch):
    path = tmp_path / "kb.sqlite"
    shutil.copyfile(_kb_file, path)
    monkeypatch.setenv("TRADELINK_DB", str(path))
    return path


# --- path ---------------------------------------------------------------------------

def test_path_prints_each_step_with_its_evidence(cli, kb):
    r = cli("path", "H20", "NdPr magnets")
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout == (
        "Path 1 of 1 (1 hop): H20 AI chips -> NdPr magnets\n"
        f"  H20 AI chips --[exchanged for]--> NdPr magnets  (via {TRADE_DEAL})\n"
        '      "Bargaining: The U.S. softened chip restrictions in exchange for resumed Chinese'
        ' exports of NdPr magnets used in drones."\n'
        f"      article {SEED_ID} [561:643]\n")


def test_path_through_a_policy_and_backwards(cli, kb):
    r = cli("path", "lutnick", "nvidia")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == ("Path 1 of 1 (3 hops): Howard Lutnick -> rare earth magnet trade deal"
                        " -> H20 AI chips -> Nvidia")
    steps = [ln.strip() for ln in lines if ln.startswith("  ") and not ln.startswith("      ")]
    assert steps == [
        f"Howard Lutnick --[confirms]--> {TRADE_DEAL}",
        f"Howard Lutnick --[confirms]--> {TRADE_DEAL}",  # said in two articles
        f"{TRADE_DEAL} ~ H20 AI chips: H20 AI chips --[exchanged for]--> NdPr magnets"
        f" runs through {TRADE_DEAL}",
        "H20 AI chips <--[sells]-- Nvidia",
    ]


def test_path_json(cli, kb):
    r = cli("path", "H20", "NdPr magnets", "--json")
    assert r.exit_code == 0
    [path] = json.loads(r.stdout)
    assert path["hops"] == 1
    assert [n["name"] for n in path["nodes"]] == ["H20 AI chips", "NdPr magnets"]
    [link] = path["steps"][0]["links"]
    assert link == {
        "source": "H20 AI chips", "relation": "exchanged_for", "target": "NdPr magnets",
        "direction": "forward", "predicate": "in exchange for", "policy": TRADE_DEAL,
        "hedge": None, "article": SEED_ID, "start": 561, "end": 643,
        "evidence": "softened chip restrictions in exchange for resumed Chinese exports of "
                    "NdPr magnets",
        "sentence": "Bargaining: The U.S. softened chip restrictions in exchange for resumed "
                    "Chinese exports of NdPr magnets used in drones.",
    }


@pytest.fixture(scope="module", params=BACKENDS)
def kb_url(request, tmp_path_factory):
    """The same two articles, written once per backend (`--db URL`)."""
    with written(request, tmp_path_factory, [seed_like(), syndicated()]) as url:
        yield url


LUTNICK_SAID = ('      "Speaking to Reuters, Lutnick said, \u201cWe put that in the trade deal with the'
                ' magnets.\u201d"\n')
REST_OF_LUTNICK_NVIDIA = (
    f"  {TRADE_DEAL} ~ H20 AI chips: H20 AI chips --[exchanged for]--> NdPr magnets"
    f" runs through {TRADE_DEAL}\n"
    '      "Bargaining: The U.S. softened chip restrictions in exchange for resumed Chinese'
    ' exports of NdPr magnets used in drones."\n'
    f"      article {SEED_ID} [561:643]\n"
    "  H20 AI chips <--[sells]-- Nvidia\n"
    '      "Nvidia confirmed Monday that it is filing for licenses to sell its H20 AI chips to'
    ' Chinese firms."\n'
    f"      article {SEED_ID} [402:463]\n")


BOTH_CONFIRMS = (LUTNICK_SAID + f"      article {WIRE_ID} [46:92]\n"
                 f"  Howard Lutnick --[confirms]--> {TRADE_DEAL}\n"
                 + LUTNICK_SAID + f"      article {SEED_ID} [318:364]\n")


@pytest.mark.parametrize("evidence, confirms", [
    # the newest link first (the syndicated article was stored last), then the note
    (["--evidence", "1"], LUTNICK_SAID + f"      article {WIRE_ID} [46:92]\n"
                          "  … and 1 more (--evidence 0 shows all 2)\n"),
    (["-e", "0"], BOTH_CONFIRMS),
    ([], BOTH_CONFIRMS),  # the default, 3, shows both
])
def test_path_evidence_cap_on_both_backends(cli, kb_url, evidence, confirms):
    r = cli("--db", kb_url, "path", "lutnick", "nvidia", *evidence)
    assert (r.exit_code, r.stderr) == (0, "")
    assert r.stdout == (
        "Path 1 of 1 (3 hops): Howard Lutnick -> rare earth magnet trade deal -> H20 AI chips"
        " -> Nvidia\n"
        f"  Howard Lutnick --[confirms]--> {TRADE_DEAL}\n"
        + confirms + REST_OF_LUTNICK_NVIDIA)


def test_path_json_evidence_cap_on_both_backends(cli, kb_url):
    from tradelink.models import PathRow

    r = cli("--db", kb_url, "path", "lutnick", "nvidia", "--evidence", "1", "--json")
    assert (r.exit_code, r.stderr) == (0, "")
    [path] = json.loads(r.stdout)
    PathRow.model_validate(path)
    steps = [(s["from"], s["to"], [(lk["article"], lk["start"]) for lk in s["links"]],
              s["links_total"]) for s in path["steps"]]
    assert steps == [
        ("Howard Lutnick", TRADE_DEAL, [(WIRE_ID, 46)], 2),
        (TRADE_DEAL, "H20 AI chips", [(SEED_ID, 561)], 1),
        ("H20 AI chips", "Nvidia", [(SEED_ID, 402)], 1),
    ]


PATH_CASES = [
    ["path", "lutnick", "nvidia", "--json"], ["path", "H20", "NdPr magnets", "--json"],
    ["path", "--json", "-e", "1", "lutnick", "nvidia"], ["path", "lutnick", "nvidia", "--json", "-e", "0"],
    ["path", "lutnick", "nvidia", "--max-hops=2", "--json"],
    ["path", "drones", "China", "--json", "--max-hops", "2"],
    ["path", "Atlantis", "China", "--json"], ["path", "Beijing", "china", "--json"],
]


@pytest.mark.parametrize("argv", PATH_CASES, ids=" ".join)
def test_path_fast_and_typer_answers_are_identical(cli, kb, capsys, argv):
    assert fastcli.parse(argv) is not None
    code = fastcli.run_fast(argv)
    out, err = capsys.readouterr()
    typer_result = cli(*argv)
    assert (code, out, err) == (typer_result.exit_code, typer_result.stdout, typer_result.stderr)


@pytest.mark.parametrize("argv", [
    ["path", "a", "--json"], ["path", "a", "b", "c", "--json"], ["path", "a", "b"],
    ["path", "a", "b", "--json", "--max-hops", "0"], ["path", "a", "b", "--json", "-n", "13"],
    ["path", "a", "b", "--json", "--evidence", "x"], ["path", "a", "b", "--json", "-e", "-1"],
    ["path", "", "b", "--json"], ["path", "a", "b", "--json", "-e", "1", "-e", "2"],
])
def test_unusual_path_goes_to_typer(argv):
    assert fastcli.parse(argv) is None


def test_no_path_exits_1(cli, kb):
    r = cli("path", "drones", "China")
    assert (r.exit_code, r.stdout) == (1, "")
    assert r.stderr == "no path of at most 4 links joins 'drones' and 'China'\n"
    r = cli("path", "drones", "China", "--json", "--max-hops", "2")
    assert (r.exit_code, r.stdout) == (1, "[]\n")


@pytest.mark.parametrize("args, code, message", [
    (["path", "Atlantis", "China"], 1,
     "error: nothing is called 'Atlantis'; see `tradelink actors`, `commodities` or `policies`\n"),
    (["path", "Beijing", "china"], 2,
     "error: 'Beijing' and 'china' name the same entity; give two different ones\n"),
    (["path", "H20", "China", "--max-hops", "0"], 2,
     "error: --max-hops 0: not a number from 1 to 12\n"),
    (["path", "H20", "China", "--max-hops", "x"], 2,
     "error: --max-hops x: not a number from 1 to 12\n"),
    (["graph", "--format", "png"], 2,
     "error: --format png: unknown format; use dot, mermaid, graphml, json or svg\n"),
    (["graph", "--since", "July"], 2, "error: --since July: not a date; use YYYY-MM-DD\n"),
    (["links", "--relation", "swaps"], 2,
     "error: unknown relation 'swaps'; use one of: exchanged_for, tied_to, sells, buys, "
     "seeks_licence_for, restricts, bans, lifts, reverses, supplies, dominates_supply_of, "
     "depends_on, negotiates_with, criticises, opposes, supports, confirms, used_in, "
     "owns_stake_in, pays_share_to, produces, targets, related_to\n"),
    (["export", "--format", "json", "--article", "abc"], 2,
     "error: --article and --since apply to md and html; for JSON use the query commands' "
     "--json\n"),
    (["export", "--article", "zzz"], 1,
     "error: no article has the id 'zzz'; see `tradelink articles`\n"),
])
def test_errors_are_one_line(cli, kb, args, code, message):
    r = cli(*args)
    assert (r.exit_code, r.stderr, r.stdout) == (code, message, "")


def test_path_imports_nothing_heavy(kb):
    from conftest import run_counting_heavy_imports

    out, heavy = run_counting_heavy_imports('path', 'H20', 'NdPr magnets', '--max-hops', '3')
    assert heavy == "[]\n"
    assert out.startswith("Path 1 of 1 (1 hop): H20 AI chips -> NdPr magnets\n")


# --- links filters --------------------------------------------------------------------

def _links(cli, *args):
    r = cli("links", *args, "--json")
    assert r.exit_code == 0, r.output
    return [(x["source"], x["relation"], x["target"]) for x in json.loads(r.stdout)]


def test_links_from_to_relation(cli, kb):
    assert _links(cli, "--from", "lawmakers") == [
        ("Bipartisan lawmakers", "opposes", "H20 AI chips")]
    assert _links(cli, "--to", "h20") == [("Nvidia", "sells", "H20 AI chips"),
                                          ("Bipartisan lawmakers", "opposes", "H20 AI chips")]
    assert _links(cli, "--relation", "exchanged for") == [
        ("H20 AI chips", "exchanged_for", "NdPr magnets")]
    assert _links(cli, "--from", "washington", "--to", "BEIJING") == [
        ("United States", "negotiates_with", "China")]
    assert _links(cli, "--from", "beijing", "--to", "washington") == []
    assert _links(cli, "--from", "lutnick", "--relation", "confirms", "--about", "magnets") == [
        ("Howard Lutnick", "confirms", TRADE_DEAL)] * 2


def test_links_rows_keep_the_contract(cli, kb):
    from tradelink.models import LinkRow

    for row in json.loads(cli("links", "--to", "h20", "--json").stdout):
        LinkRow.model_validate(row)


# --- graph ----------------------------------------------------------------------------

def test_graph_formats(cli, kb, tmp_path):
    dot = cli("graph").stdout
    assert dot.startswith("digraph tradelink {") and '"commodity:H20 AI chips"' in dot
    assert cli("graph", "-f", "mermaid").stdout.startswith("flowchart LR\n")
    ET.fromstring(cli("graph", "-f", "graphml").stdout.split("\n", 1)[1])
    data = json.loads(cli("graph", "-f", "json").stdout)
    assert len(data["edges"]) == 8
    ET.fromstring(cli("graph", "-f", "svg").stdout)
    out = tmp_path / "g.dot"
    r = cli("graph", "-o", str(out))
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr == f"wrote {out}: 11 nodes, 8 edges\n"
    assert out.read_text() == dot


def test_graph_for_one_article(cli, kb):
    data = json.loads(cli("graph", "-f", "json", "--article", WIRE_ID[:5]).stdout)
    assert [(e["source"], e["relation"], e["target"]) for e in data["edges"]] == [
        ("actor:Howard Lutnick", "confirms", f"policy:{TRADE_DEAL}")]


# --- the brief ------------------------------------------------------------------------

def _html(cli, *args):
    r = cli("export", "--format", "html", *args)
    assert (r.exit_code, r.stderr) == (0, ""), r.output
    return r.stdout


def test_html_brief_is_self_contained_and_escaped(cli, kb):
    page = _html(cli)
    assert page.startswith("<!DOCTYPE html>\n")
    assert "default-src 'none'" in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "Wire &lt;copy&gt; &amp; more" in page
    # nothing is loaded from anywhere: no src, no stylesheet link, no url(), no @import
    assert not re.search(r"\ssrc=|<link\b|url\((?!#)|@import|<iframe|<object|<embed", page)


def test_every_anchor_has_its_target(cli, kb):
    page = _html(cli)
    ids = set(re.findall(r'\sid="([^"]+)"', page))
    hrefs = set(re.findall(r'href="#([^"]+)"', page))
    assert hrefs and hrefs <= ids
    marks = re.findall(r'<mark id="([^"]+)">(.*?)</mark>', page, re.S)
    assert len(marks) > 10
    # the link H20 -> magnets points at its sentence, marked in the article text
    sentence = ("Bargaining: The U.S. softened chip restrictions in exchange for resumed "
                "Chinese exports of NdPr magnets used in drones.")
    mark_id = next(i for i, text in marks if text == sentence)
    assert f'href="#{mark_id}"' in page


def test_brief_sections_and_roles(cli, kb):
    page = _html(cli)
    for heading in ("Headline facts", "Who said what", "Open questions", "Policies",
                    "Link graph", "Timeline", "Key actors", "Sources", "Article texts"):
        assert f"<h2>{heading}</h2>" in page
    assert "<td>Howard Lutnick</td><td>Commerce Secretary</td>" in page
    assert "<td>John Moolenaar</td><td>Rep., Republican</td>" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="link-graph"' in page
    assert "reversed</span>" in page


def test_syndicated_statement_appears_once_with_both_sources(cli, kb):
    page = _html(cli)
    said = "<q>We put that in the trade deal with the magnets</q>"
    assert page.count(said) == 1
    row = page[page.index(said):].split("</tr>", 1)[0]
    assert row.count('<a href="#a') == 2


def test_brief_for_one_article(cli, kb):
    page = _html(cli, "--article", WIRE_ID[:6])
    assert "Covers one article: 1 article, 2 statements" in page
    assert "Chips tied to magnets" not in page
    page = _html(cli, "--since", "2099-01-01")
    assert "Covers articles since 2099-01-01: 0 articles" in page


def test_markdown_brief_has_a_mermaid_graph(cli, kb):
    r = cli("export", "--format", "md")
    assert r.exit_code == 0
    text = r.stdout
    assert text.startswith("# tradelink brief\n")
    block = text.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert block.startswith("flowchart LR\n")
    assert "<script>" not in text
    assert text.count("“We put that in the trade deal with the magnets”") == 1
    assert "1. **What are the terms of the magnet deal?**" in text
    assert "    - Is it a long-term deal?" in text
