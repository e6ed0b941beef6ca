"""The analyst's brief, as one self-contained HTML file or as Markdown.

`to_html(data)` and `to_markdown(data)` render a `tradelink.store.brief.BriefData`:
headline facts, who said what (with each speaker's role), the open questions
with their follow-ups, policies with status and dates, the link graph, a
timeline, the sources and, in HTML, the text of every article.

The HTML makes no network fetch: its styles are inline, the graph is an inline
SVG, there is no script, and a Content-Security-Policy of ``default-src
'none'`` says so to the browser. Every record links to the sentence it rests
on in the article text, where that sentence is marked and highlighted when
it is the link's target. Everything taken from an article is escaped.
"""

from __future__ import annotations

import html
import re

from tradelink.report.graph import (
    edge_via,
    relation_label,
    to_mermaid,
    to_svg,
    top_subgraph,
)

GRAPH_MAX_NODES = 40  # a bigger picture is not one a person can read

# Headline facts lead with the trade itself, then sales, measures, supply, stances.
HEADLINE_ORDER = (
    {"exchanged_for", "tied_to"},
    {"sells", "buys", "seeks_licence_for", "pays_share_to", "owns_stake_in"},
    {"bans", "restricts", "lifts", "reverses", "targets"},
    {"dominates_supply_of", "supplies", "depends_on", "produces", "used_in"},
    {"negotiates_with", "opposes", "criticises", "supports", "confirms"},
)

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
       color: #0f172a; background: #f8fafc; margin: 0; }
main { max-width: 1180px; margin: 0 auto; padding: 1.2rem 1.5rem 4rem; }
header h1 { font-size: 1.6rem; margin: .2rem 0; }
.scope { color: #475569; margin: 0 0 .6rem; }
nav { font-size: .9rem; margin-bottom: 1rem; }
nav a { margin-right: .9rem; }
section { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px;
          padding: .6rem 1.1rem 1rem; margin: 1rem 0; }
h2 { font-size: 1.2rem; margin: .5rem 0 .6rem; color: #1e293b; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid #e2e8f0; padding: .35rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; }
q { quotes: "\\201C" "\\201D"; }
.muted { color: #64748b; }
.kind { font-size: .8rem; color: #475569; }
.refs a { font-size: .8rem; text-decoration: none; border: 1px solid #cbd5e1;
          border-radius: 4px; padding: 0 .3rem; margin-right: .2rem; white-space: nowrap; }
.graph { overflow-x: auto; }
.graph svg { max-width: none; display: block; }
.graph svg a:hover rect { stroke: #0f172a; }
ol.questions > li { margin: .5rem 0; }
ol.questions ul { margin: .2rem 0; }
.facts li { margin: .25rem 0; }
.article-text { white-space: pre-wrap; font-size: .93rem; line-height: 1.6;
                border-left: 3px solid #e2e8f0; padding-left: .8rem; }
mark { background: #fef9c3; color: inherit; border-radius: 2px; scroll-margin-top: 5rem; }
mark:target { background: #fde047; outline: 2px solid #ca8a04; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 9px;
         background: #e2e8f0; color: #334155; }
.status-reversed, .status-lifted { background: #fee2e2; color: #991b1b; }
"""


def e(text) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def _safe_url(url: str | None) -> str | None:
    if url and re.match(r"(?i)^https?://[^\s\"'<>]+$", url.strip()):
        return url.strip()
    return None


class Anchors:
    """Marks in the article texts: one ``<mark id>`` per group of overlapping
    sentences, so every record can link to where its sentence is highlighted."""

    def __init__(self, data):
        self.number = {a["id"]: i for i, a in enumerate(data.articles, 1)}
        self.titles = {a["id"]: a["title"] or a["id"] for a in data.articles}
        spans: dict[str, set[tuple[int, int]]] = {a["id"]: set() for a in data.articles}
        for src in self._all_sources(data):
            if src.article in spans:
                spans[src.article].add((src.sentence_start, src.sentence_end))
        self.clusters: dict[str, list[tuple[int, int]]] = {}
        self.where: dict[tuple[str, int, int], str] = {}
        for art, found in spans.items():
            merged: list[list[int]] = []
            for start, end in sorted(found):
                if merged and start < merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], end)
                else:
                    merged.append([start, end])
            self.clusters[art] = [(s, t) for s, t in merged]
            for start, end in found:
                owner = next(s for s, t in merged if s <= start and end <= t)
                self.where[(art, start, end)] = self.mark_id(art, owner)

    @staticmethod
    def _all_sources(data):
        for group in (data.statements, data.policies, data.timeline, data.actors):
            for rec in group:
                yield from rec["sources"]
        for q in data.questions:
            yield from q["sources"]
            for f in q["follow_ups"]:
                yield from f["sources"]
        for f in data.links:
            yield _link_source(f)

    def mark_id(self, article: str, start: int) -> str:
        return f"a{self.number[article]}-{start}"

    def href(self, src) -> str:
        return "#" + self.where[(src.article, src.sentence_start, src.sentence_end)]

    def refs(self, sources) -> str:
        """Little numbered links, one per source, to the highlighted sentences."""
        out = []
        for src in sorted(sources, key=lambda s: (self.number[s.article], s.start)):
            n = self.number[src.article]
            out.append(f'<a href="{e(self.href(src))}" title="{e(self.titles[src.article])}">'
                       f"[{n}]</a>")
        return f'<span class="refs">{"".join(out)}</span>'

    def text(self, article: dict) -> str:
        """The article text with its marked sentences, escaped."""
        text = article["text"]
        out, pos = [], 0
        for start, end in self.clusters.get(article["id"], []):
            out.append(e(text[pos:start]))
            out.append(f'<mark id="{self.mark_id(article["id"], start)}">{e(text[start:end])}'
                       "</mark>")
            pos = end
        out.append(e(text[pos:]))
        return "".join(out)


def _link_source(fact):
    from tradelink.store.brief import Source

    ev = fact.evidence
    return Source(ev.article, ev.start, ev.end, ev.sentence_start, ev.sentence_end)


def _edge_sources(edge):
    from tradelink.store.brief import Source

    return [Source(ev.article, ev.start, ev.end, ev.sentence_start, ev.sentence_end)
            for ev in edge.evidence]


def _link_via(fact) -> str | None:
    """The policy a link runs through, unless it is one of the link's own ends."""
    return None if fact.policy in (fact.source.name, fact.target.name) else fact.policy


def _speaker(rec) -> str:
    return rec["speaker"] or rec["descriptor"] or "unattributed"


def _role(rec) -> str:
    bits = list(rec["roles"])
    if rec.get("party"):
        bits.append(rec["party"])
    if not bits and rec.get("speaker_type"):
        bits.append(rec["speaker_type"])
    return ", ".join(bits)


def _when(rec) -> str:
    if rec.get("when") and rec.get("when_resolved") and rec["when_resolved"] != rec["when"]:
        return f"{rec['when']} ({rec['when_resolved']})"
    return rec.get("when") or rec.get("when_resolved") or ""


def headline_facts(data) -> list[tuple[str, list]]:
    """Plain-text facts with their sources: each link, then each policy's state."""
    facts = []
    rank = {a["id"]: i for i, a in enumerate(data.articles)}

    def first(edge):
        weight = next((i for i, group in enumerate(HEADLINE_ORDER) if edge.relation in group),
                      len(HEADLINE_ORDER))
        return weight, min((rank.get(s.article, len(rank)), s.start)
                           for s in _edge_sources(edge))

    for edge in sorted(data.graph.edges, key=first):
        line = f"{edge.source.name} {relation_label(edge.relation)} {edge.target.name}"
        if edge_via(edge):
            line += f", via {', '.join(edge_via(edge))}"
        if edge.hedges:
            line += f" ({', '.join(edge.hedges)})"
        facts.append((line, _edge_sources(edge)))
    for pol in data.policies:
        bits = [b for b in (pol["actor"] and f"by {pol['actor']}",
                            pol["target"] and f"on {pol['target']}",
                            pol["status"], _when(pol)) if b]
        facts.append((f"{pol['name']} ({pol['kind']})" + (": " + ", ".join(bits) if bits else ""),
                      pol["sources"]))
    return facts


def _counts(data) -> str:
    n = len(data.articles)
    parts = [f"{n} article{'s' if n != 1 else ''}",
             f"{len(data.statements)} statements", f"{len(data.questions)} open questions",
             f"{len(data.policies)} policies", f"{len(data.graph.edges)} links"]
    return ", ".join(parts)


# --- HTML ----------------------------------------------------------------------------


def to_html(data, *, title: str = "tradelink brief") -> str:
    anchors = Anchors(data)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f'<header><h1>{e(title)}</h1><p class="scope">Covers {e(data.scope)}: '
        f"{e(_counts(data))}.</p></header>",
        '<nav><a href="#facts">Headline facts</a><a href="#said">Who said what</a>'
        '<a href="#questions">Open questions</a><a href="#policies">Policies</a>'
        '<a href="#graph">Link graph</a><a href="#timeline">Timeline</a>'
        '<a href="#actors">Key actors</a><a href="#sources">Sources</a>'
        '<a href="#texts">Article texts</a></nav>',
    ]

    out.append('<section id="facts"><h2>Headline facts</h2>')
    facts = headline_facts(data)
    if facts:
        out.append('<ul class="facts">')
        for line, sources in facts:
            out.append(f"<li>{e(line)} {anchors.refs(sources)}</li>")
        out.append("</ul>")
    else:
        out.append('<p class="muted">No links or policies in scope.</p>')
    out.append("</section>")

    out.append('<section id="said"><h2>Who said what</h2>')
    if data.statements:
        out.append('<table class="statements"><thead><tr><th>Speaker</th><th>Role</th>'
                   "<th>Said</th><th>How</th><th>Sources</th></tr></thead><tbody>")
        for s in data.statements:
            said = f"<q>{e(s['text'])}</q>" if s["kind"] == "direct" else e(s["text"])
            how = [s["verb"]]
            if s["hedge"]:
                how.append(s["hedge"])
            if s["medium"]:
                how.append(f"to/in {s['medium']}")
            out.append(
                f"<tr><td>{e(_speaker(s))}</td><td>{e(_role(s))}</td><td>{said}</td>"
                f'<td><span class="kind">{e(s["kind"])}</span> {e(", ".join(how))}</td>'
                f"<td>{anchors.refs(s['sources'])}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No statements in scope.</p>')
    out.append("</section>")

    out.append('<section id="questions"><h2>Open questions</h2>')
    if data.questions:
        out.append('<ol class="questions">')
        for q in data.questions:
            out.append(f"<li><strong>{e(q['text'])}</strong> {anchors.refs(q['sources'])}")
            if q["follow_ups"]:
                out.append("<ul>")
                for f in q["follow_ups"]:
                    out.append(f"<li>{e(f['text'])} {anchors.refs(f['sources'])}</li>")
                out.append("</ul>")
            out.append("</li>")
        out.append("</ol>")
    else:
        out.append('<p class="muted">No open questions in scope.</p>')
    out.append("</section>")

    out.append('<section id="policies"><h2>Policies</h2>')
    if data.policies:
        out.append('<table class="policies"><thead><tr><th>Policy</th><th>Kind</th><th>By</th>'
                   "<th>Target</th><th>Status</th><th>When</th><th>Sources</th></tr></thead>"
                   "<tbody>")
        for p in data.policies:
            by = p["actor"] or ""
            if p["counterpart"]:
                by += f" with {p['counterpart']}"
            status = (f'<span class="badge status-{e(p["status"].split()[0].lower())}">'
                      f'{e(p["status"])}</span>' if p["status"] else "")
            out.append(f"<tr><td>{e(p['name'])}</td><td>{e(p['kind'])}</td><td>{e(by)}</td>"
                       f"<td>{e(p['target'])}</td><td>{status}</td><td>{e(_when(p))}</td>"
                       f"<td>{anchors.refs(p['sources'])}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No policies in scope.</p>')
    out.append("</section>")

    out.append('<section id="graph"><h2>Link graph</h2>')
    edge_href = {id(edge): anchors.href(_edge_sources(edge)[0])[1:]
                 for edge in data.graph.edges if edge.evidence}
    shown = top_subgraph(data.graph, GRAPH_MAX_NODES)
    note = ""
    if shown is not data.graph:
        note = (f" The picture shows the {len(shown.nodes)} most linked of "
                f"{len(data.graph.nodes)} nodes; the table below lists every link.")
    out.append('<p class="muted">Arrows run from source to target; click a label to read '
               f"its evidence.{e(note)}</p>")
    out.append(f'<div class="graph">{to_svg(shown, anchors=edge_href, fit_below=1500)}</div>')
    if data.links:
        out.append('<h3>Links</h3><table class="links"><thead><tr><th>Source</th>'
                   "<th>Relation</th><th>Target</th><th>Via</th><th>Evidence</th>"
                   "<th>Source</th></tr></thead><tbody>")
        for f in data.links:
            rel = relation_label(f.relation)
            if f.hedge:
                rel += f" ({f.hedge})"
            out.append(f"<tr><td>{e(f.source.name)}</td><td>{e(rel)}</td>"
                       f"<td>{e(f.target.name)}</td><td>{e(_link_via(f))}</td>"
                       f"<td>{e(f.evidence.text)}</td>"
                       f"<td>{anchors.refs([_link_source(f)])}</td></tr>")
        out.append("</tbody></table>")
    out.append("</section>")

    out.append('<section id="timeline"><h2>Timeline</h2>')
    if data.timeline:
        out.append('<table class="timeline"><thead><tr><th>When</th><th>What</th>'
                   "<th>Sources</th></tr></thead><tbody>")
        for t in data.timeline:
            when = t["when"]
            if t["resolved"] and t["resolved"] != when:
                when = f"{when} ({t['resolved']})"
            refs = anchors.refs(t["sources"]) if t["sources"] else (
                f'<span class="refs"><a href="#art-{anchors.number[t["article"]]}">'
                f'[{anchors.number[t["article"]]}]</a></span>')
            out.append(f"<tr><td>{e(when)}</td><td>{e(t['what'])}</td><td>{refs}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No dates in scope.</p>')
    out.append("</section>")

    out.append('<section id="actors"><h2>Key actors</h2>')
    if data.actors:
        out.append('<table class="actors"><thead><tr><th>Actor</th><th>Type</th><th>Roles</th>'
                   "<th>Party</th><th>Mentions</th><th>First seen</th></tr></thead><tbody>")
        for a in data.actors:
            out.append(f"<tr><td>{e(a['name'])}</td><td>{e(a['type'])}</td>"
                       f"<td>{e(', '.join(a['roles']))}</td><td>{e(a['party'])}</td>"
                       f"<td>{a['mentions']}</td><td>{anchors.refs(a.get('sources', []))}</td>"
                       "</tr>")
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No actors in scope.</p>')
    out.append("</section>")

    out.append('<section id="sources"><h2>Sources</h2>')
    if data.articles:
        out.append("<ol>")
        for a in data.articles:
            n = anchors.number[a["id"]]
            bits = [x for x in (a["outlet"], a["published"]) if x]
            url = _safe_url(a["url"])
            link = (f' <a href="{e(url)}" rel="noreferrer noopener">{e(url)}</a>' if url
                    else (f' <span class="muted">{e(a["url"])}</span>' if a["url"] else ""))
            out.append(f'<li id="source-{n}"><a href="#art-{n}"><strong>'
                       f"{e(a['title'] or a['id'])}</strong></a>"
                       f"{' — ' + e(', '.join(bits)) if bits else ''}{link}"
                       f' <span class="muted">id {e(a["id"])}</span></li>')
        out.append("</ol>")
    else:
        out.append('<p class="muted">No articles in scope.</p>')
    out.append("</section>")

    out.append('<section id="texts"><h2>Article texts</h2>')
    for a in data.articles:
        n = anchors.number[a["id"]]
        out.append(f'<article id="art-{n}"><h3>[{n}] {e(a["title"] or a["id"])}</h3>'
                   f'<div class="article-text">{anchors.text(a)}</div></article>')
    out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


# --- Markdown ------------------------------------------------------------------------

def md(text) -> str:
    """Article text for Markdown: one line, no markup, no HTML."""
    from tradelink.report.summary import md as escape

    return escape(text)


def to_markdown(data, *, title: str = "tradelink brief") -> str:
    number = {a["id"]: i for i, a in enumerate(data.articles, 1)}

    def refs(sources) -> str:
        return " ".join(f"[{number[s.article]}:{s.start}]" for s in sources)

    out = [f"# {md(title)}", "", f"Covers {md(data.scope)}: {md(_counts(data))}.",
           "", "References read [article number:character offset] into the Sources list.", ""]
    out += ["## Headline facts", ""]
    facts = headline_facts(data)
    out += [f"- {md(line)} {refs(sources)}" for line, sources in facts] or ["None in scope."]
    out += ["", "## Who said what", ""]
    if data.statements:
        out += ["| Speaker | Role | Said | How | Sources |", "|---|---|---|---|---|"]
        for s in data.statements:
            said = f"“{md(s['text'])}”" if s["kind"] == "direct" else md(s["text"])
            how = ", ".join(x for x in (s["kind"], s["verb"], s["hedge"],
                                        s["medium"] and f"to/in {s['medium']}") if x)
            out.append(f"| {md(_speaker(s))} | {md(_role(s))} | {said} | {md(how)} | "
                       f"{refs(s['sources'])} |")
    else:
        out.append("None in scope.")
    out += ["", "## Open questions", ""]
    for i, q in enumerate(data.questions, 1):
        out.append(f"{i}. **{md(q['text'])}** {refs(q['sources'])}")
        out += [f"    - {md(f['text'])} {refs(f['sources'])}" for f in q["follow_ups"]]
    if not data.questions:
        out.append("None in scope.")
    out += ["", "## Policies", ""]
    if data.policies:
        out += ["| Policy | Kind | By | Target | Status | When | Sources |",
                "|---|---|---|---|---|---|---|"]
        for p in data.policies:
            by = (p["actor"] or "") + (f" with {p['counterpart']}" if p["counterpart"] else "")
            out.append(f"| {md(p['name'])} | {md(p['kind'])} | {md(by)} | {md(p['target'])} | "
                       f"{md(p['status'])} | {md(_when(p))} | {refs(p['sources'])} |")
    else:
        out.append("None in scope.")
    out += ["", "## Links", ""]
    if data.graph.edges:
        out += ["```mermaid", to_mermaid(data.graph).rstrip("\n"), "```", ""]
        out += ["| Source | Relation | Target | Via | Evidence | Source |",
                "|---|---|---|---|---|---|"]
        for f in data.links:
            rel = relation_label(f.relation) + (f" ({f.hedge})" if f.hedge else "")
            out.append(f"| {md(f.source.name)} | {md(rel)} | {md(f.target.name)} | "
                       f"{md(_link_via(f))} | {md(f.evidence.text)} | {refs([_link_source(f)])} |")
    else:
        out.append("No links in scope.")
    out += ["", "## Timeline", ""]
    if data.timeline:
        out += ["| When | What | Sources |", "|---|---|---|"]
        for t in data.timeline:
            when = t["when"] + (f" ({t['resolved']})" if t["resolved"] and
                                t["resolved"] != t["when"] else "")
            src = refs(t["sources"]) if t["sources"] else f"[{number[t['article']]}]"
            out.append(f"| {md(when)} | {md(t['what'])} | {src} |")
    else:
        out.append("No dates in scope.")
    out += ["", "## Key actors", ""]
    if data.actors:
        out += ["| Actor | Type | Roles | Party | Mentions |", "|---|---|---|---|---|"]
        for a in data.actors:
            out.append(f"| {md(a['name'])} | {md(a['type'])} | {md(', '.join(a['roles']))} | "
                       f"{md(a['party'])} | {a['mentions']} |")
    else:
        out.append("No actors in scope.")
    out += ["", "## Sources", ""]
    for a in data.articles:
        bits = [md(x) for x in (a["outlet"], a["published"]) if x]
        url = _safe_url(a["url"])
        line = f"{number[a['id']]}. **{md(a['title'] or a['id'])}**"
        if bits:
            line += " — " + ", ".join(bits)
        if url:
            line += f" <{url}>"
        line += f" (id `{a['id']}`)"
        out.append(line)
    if not data.articles:
        out.append("No articles in scope.")
    return "\n".join(out) + "\n"
