"""Renderings of the link graph: DOT, Mermaid, GraphML, JSON and an SVG picture.

Every function takes a `tradelink.store.graph.Graph` (nodes and merged edges)
and returns text. Names and words from articles are escaped for each format.

The SVG uses a deterministic layered layout: actors, commodities and policies
stand in three columns (a link that skips a column passes through a reserved
slot in it), rows are ordered by the barycentre of their neighbours, links
within a column bow out to one side, and every edge label is placed at the
first spot along its edge that collides with no node and no other label. When
no spot is free the rows spread out and the layout starts again, so labels
never overlap. `layout` returns the geometry, which the tests check.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _xml_escape

FORMATS = ("dot", "mermaid", "graphml", "json")

KIND_ORDER = ("actor", "commodity", "policy")
# fill, stroke
KIND_COLOURS = {
    "actor": ("#dbeafe", "#1d4ed8"),
    "commodity": ("#dcfce7", "#15803d"),
    "policy": ("#fef3c7", "#b45309"),
}
KIND_PLURAL = {"actor": "actors", "commodity": "commodities", "policy": "policies"}


def node_id(node) -> str:
    return f"{node.kind}:{node.name}"


def relation_label(relation: str) -> str:
    return relation.replace("_", " ")


def edge_via(edge) -> list[str]:
    """The policies a link runs through, other than its own ends."""
    ends = {edge.source.name, edge.target.name}
    return [p for p in edge.policies if p not in ends]


def _via(edge) -> str:
    via = edge_via(edge)
    return f" (via {', '.join(via)})" if via else ""


# --- text formats --------------------------------------------------------------------


def to_json(graph) -> str:
    """``{"nodes": [...], "edges": [...]}``; edges refer to node ids."""
    nodes = [{"id": node_id(n), "name": n.name, "kind": n.kind, "type": n.type}
             for n in graph.nodes]
    edges = []
    for e in graph.edges:
        edges.append({
            "source": node_id(e.source), "target": node_id(e.target),
            "relation": e.relation, "predicates": e.predicates, "policies": e.policies,
            "hedges": e.hedges, "articles": e.articles,
            "evidence": [{"article": ev.article, "start": ev.start, "end": ev.end,
                          "text": ev.text, "sentence": ev.sentence} for ev in e.evidence],
        })
    return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False, indent=2) + "\n"


def _dot_quote(text: str) -> str:
    text = " ".join(text.split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(graph) -> str:
    """Graphviz DOT; every id and label is a quoted string."""
    out = ["digraph tradelink {",
           "  rankdir=LR;",
           '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
           '  edge [fontname="Helvetica", fontsize=10];']
    for n in graph.nodes:
        fill, stroke = KIND_COLOURS.get(n.kind, ("#eeeeee", "#555555"))
        out.append(f"  {_dot_quote(node_id(n))} [label={_dot_quote(n.name)}, "
                   f"kind={_dot_quote(n.kind)}, type={_dot_quote(n.type)}, "
                   f'fillcolor="{fill}", color="{stroke}"];')
    for e in graph.edges:
        label = relation_label(e.relation) + _via(e)
        out.append(f"  {_dot_quote(node_id(e.source))} -> {_dot_quote(node_id(e.target))} "
                   f"[label={_dot_quote(label)}, relation={_dot_quote(e.relation)}];")
    out.append("}")
    return "\n".join(out) + "\n"


_MERMAID_ESCAPES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;",
                    "`": "#96;", "|": "#124;", "\\": "#92;"}


def mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label (entity codes, no line breaks)."""
    return "".join(_MERMAID_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))


def to_mermaid(graph) -> str:
    """A Mermaid flowchart; node ids are ``n0, n1, ...`` with quoted labels."""
    ids = {node_id(n): f"n{i}" for i, n in enumerate(graph.nodes)}
    out = ["flowchart LR"]
    for n in graph.nodes:
        shape = ('(["', '"])') if n.kind == "commodity" else (
            ('{{"', '"}}') if n.kind == "policy" else ('["', '"]'))
        out.append(f"    {ids[node_id(n)]}{shape[0]}{mermaid_text(n.name)}{shape[1]}")
    for e in graph.edges:
        label = mermaid_text(relation_label(e.relation) + _via(e))
        out.append(f'    {ids[node_id(e.source)]} -->|"{label}"| {ids[node_id(e.target)]}')
    for kind in KIND_ORDER:
        members = [ids[node_id(n)] for n in graph.nodes if n.kind == kind]
        if members:
            fill, stroke = KIND_COLOURS[kind]
            out.append(f"    classDef {kind} fill:{fill},stroke:{stroke},color:#111")
            out.append(f"    class {','.join(members)} {kind}")
    return "\n".join(out) + "\n"


def to_graphml(graph) -> str:
    """GraphML (valid XML, built with ElementTree)."""
    import xml.etree.ElementTree as ET

    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    keys = [("name", "node"), ("kind", "node"), ("type", "node"), ("relation", "edge"),
            ("predicate", "edge"), ("policy", "edge"), ("articles", "edge"),
            ("evidence", "edge")]
    for name, domain in keys:
        ET.SubElement(root, f"{{{ns}}}key", {"id": f"{domain[0]}_{name}", "for": domain,
                                             "attr.name": name, "attr.type": "string"})
    g = ET.SubElement(root, f"{{{ns}}}graph", {"id": "tradelink", "edgedefault": "directed"})

    def data(parent, key, value):
        if value:
            ET.SubElement(parent, f"{{{ns}}}data", {"key": key}).text = _xml_safe(value)

    for n in graph.nodes:
        el = ET.SubElement(g, f"{{{ns}}}node", {"id": _xml_safe(node_id(n))})
        data(el, "n_name", n.name)
        data(el, "n_kind", n.kind)
        data(el, "n_type", n.type)
    for i, e in enumerate(graph.edges):
        el = ET.SubElement(g, f"{{{ns}}}edge", {"id": f"e{i}",
                                                "source": _xml_safe(node_id(e.source)),
                                                "target": _xml_safe(node_id(e.target))})
        data(el, "e_relation", e.relation)
        data(el, "e_predicate", "; ".join(e.predicates))
        data(el, "e_policy", "; ".join(e.policies))
        data(el, "e_articles", " ".join(e.articles))
        data(el, "e_evidence", " | ".join(ev.text for ev in e.evidence))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml_safe(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters)."""
    return "".join(ch for ch in text
                   if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                                         and ch not in "\ufffe\uffff"))


def render(graph, fmt: str) -> str:
    fmt = fmt.lower()
    renderers = {"dot": to_dot, "mermaid": to_mermaid, "graphml": to_graphml, "json": to_json}
    if fmt not in renderers:
        from tradelink.errors import UsageError

        raise UsageError(f"unknown graph format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return renderers[fmt](graph)


# --- geometry ------------------------------------------------------------------------

NODE_FONT = 14
EDGE_FONT = 12
SUB_FONT = 11
NODE_H = 30
NODE_PAD = 12
LABEL_PAD = 3
ROW_GAP = 44
DUMMY_H = 14
MARGIN = 16
LEGEND_H = 28
MIN_GAP = 70

# Advance widths (in em) of DejaVu Sans, the widest common sans-serif: an
# estimate that is never short for Liberation Sans, Arial or Helvetica.
_WIDTHS = {
    **dict.fromkeys("abdeghnopqu", 0.635), "c": 0.55, "f": 0.352, "i": 0.278, "j": 0.278,
    "k": 0.579, "l": 0.278, "m": 0.974, "r": 0.411, "s": 0.521, "t": 0.392,
    **dict.fromkeys("vxy", 0.592), "w": 0.818, "z": 0.525,
    **dict.fromkeys("ABKRVXZ", 0.70), **dict.fromkeys("CDGHNOQU", 0.79), "E": 0.632,
    "F": 0.575, "I": 0.295, "J": 0.295, "L": 0.557, "M": 0.863, "P": 0.603, "S": 0.635,
    "T": 0.611, "W": 0.989, "Y": 0.611, **dict.fromkeys("0123456789", 0.636),
    " ": 0.318, ".": 0.318, ",": 0.318, ":": 0.337, ";": 0.337, "-": 0.361, "_": 0.5,
    "'": 0.275, '"': 0.46, "(": 0.39, ")": 0.39, "/": 0.337, "&": 0.78, "!": 0.4,
    "\u2019": 0.318, "\u2018": 0.318,
}


LABEL_MAX = 42  # characters of a name shown in the picture; the tooltip has it all


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    """A label for the picture: one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def top_subgraph(graph, max_nodes: int):
    """The most linked ``max_nodes`` nodes and the edges among them (plus the
    policies those edges run through), so a picture of a large graph stays
    readable. Returns ``graph`` itself when it is small enough."""
    if len(graph.nodes) <= max_nodes:
        return graph
    degree: dict[str, int] = {}
    for e in graph.edges:
        for n in (e.source, e.target):
            degree[node_id(n)] = degree.get(node_id(n), 0) + 1
    ranked = sorted(graph.nodes, key=lambda n: (-degree.get(node_id(n), 0), n.kind, n.name))
    keep = {node_id(n) for n in ranked[:max_nodes]}
    edges = [e for e in graph.edges if node_id(e.source) in keep and node_id(e.target) in keep]
    used = {node_id(e.source) for e in edges} | {node_id(e.target) for e in edges}
    used |= {f"policy:{p}" for e in edges for p in e.policies}
    return type(graph)([n for n in graph.nodes if node_id(n) in used], edges)


def text_width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(ch, 1.0 if ord(ch) > 0x2E80 else 0.7) for ch in text) * size * 1.04


@dataclass(frozen=True)
class Box:
    x: float  # left
    y: float  # top
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return (self.x < other.x + other.w + gap and other.x < self.x + self.w + gap
                and self.y < other.y + other.h + gap and other.y < self.y + self.h + gap)


@dataclass
class DrawnEdge:
    edge: object
    path: list  # [(SVG command or "" to continue it, (x, y)), ...]
    label: str
    label_box: Box | None = None
    sub: str = ""  # a second, smaller line: the policy the link runs through

    @property
    def d(self) -> str:
        """The SVG path data."""
        return " ".join(f"{cmd}{_fmt(x)},{_fmt(y)}" for cmd, (x, y) in self.path)


@dataclass
class Layout:
    width: float
    height: float
    nodes: dict  # node id -> Box
    edges: list[DrawnEdge]
    columns: list[tuple[str, float]]  # (kind, centre x)

    def text_boxes(self) -> list[tuple[str, Box]]:
        """Every label on the picture with its box: nodes first, then edges."""
        out = [(shorten(nid.split(":", 1)[1]), box) for nid, box in self.nodes.items()]
        out += [(de.label + (f" / {de.sub}" if de.sub else ""), de.label_box)
                for de in self.edges if de.label_box]
        return out


def _clip(box: Box, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre to ``towards`` leaves the box."""
    dx, dy = towards[0] - box.cx, towards[1] - box.cy
    if dx == 0 and dy == 0:
        return box.cx, box.cy
    t = min(box.w / 2 / abs(dx) if dx else math.inf, box.h / 2 / abs(dy) if dy else math.inf)
    return box.cx + dx * t, box.cy + dy * t


def _quad(p0, c, p1, n=24):
    return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1])
            for t in (i / n for i in range(n + 1))]


def _along(points, frac):
    """The point ``frac`` of the way along a polyline."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:])]
    goal = sum(lengths) * frac
    for (a, b), seg in zip(zip(points, points[1:]), lengths):
        if goal <= seg and seg > 0:
            t = goal / seg
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        goal -= seg
    return points[-1]


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def layout(graph, *, max_tries: int = 8) -> Layout:
    """Place nodes and edge labels so that no two labels overlap."""
    spread = 1.0
    best = None
    for _ in range(max_tries):
        result, clashes = _layout_once(graph, spread)
        if best is None or clashes < best[1]:
            best = (result, clashes)
        if clashes == 0:
            break
        spread *= 1.35
    return best[0]


def _layout_once(graph, spread: float) -> tuple[Layout, int]:
    kinds = [k for k in KIND_ORDER if any(n.kind == k for n in graph.nodes)]
    kinds += sorted({n.kind for n in graph.nodes} - set(kinds))
    col_of = {k: i for i, k in enumerate(kinds)}
    ids = {node_id(n): n for n in graph.nodes}
    col = {nid: col_of[n.kind] for nid, n in ids.items()}

    # items per column: real nodes and one dummy slot per column a link skips
    columns: list[list[str]] = [[] for _ in kinds]
    for nid, n in ids.items():
        columns[col[nid]].append(nid)
    segments: list[tuple[str, str]] = []  # between adjacent columns, for ordering
    chains: dict[int, list[str]] = {}  # edge index -> items it passes through
    for i, e in enumerate(graph.edges):
        a, b = node_id(e.source), node_id(e.target)
        ca, cb = col[a], col[b]
        chain = [a]
        step = 1 if cb > ca else -1
        for c in range(ca + step, cb, step):
            dummy = f"~{i}:{c}"
            columns[c].append(dummy)
            col[dummy] = c
            chain.append(dummy)
        chain.append(b)
        chains[i] = chain
        segments.extend(zip(chain, chain[1:]))
    for e in graph.edges:  # a link through a policy pulls the policy towards its ends
        for p in e.policies:
            pid = f"policy:{p}"
            if pid in ids:
                segments += [(pid, node_id(e.source)), (pid, node_id(e.target))]
    neighbours: dict[str, list[str]] = {}
    for a, b in segments:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)

    # order rows: degree first, then barycentre sweeps
    def label_of(item):
        return ids[item].name.casefold() if item in ids else item

    for c in columns:
        c.sort(key=lambda it: (-len(neighbours.get(it, ())), label_of(it)))
    pos = {it: i for c in columns for i, it in enumerate(c)}
    for sweep in range(8):
        order = range(len(columns)) if sweep % 2 == 0 else reversed(range(len(columns)))
        for ci in order:
            def bary(it, ci=ci):
                ns = [pos[n] / max(1, len(columns[col[n]]) - 1) for n in neighbours.get(it, ())
                      if col[n] != ci]
                own = pos[it] / max(1, len(columns[ci]) - 1)
                return sum(ns) / len(ns) if ns else own
            columns[ci].sort(key=lambda it: (bary(it), label_of(it)))
            for i, it in enumerate(columns[ci]):
                pos[it] = i

    # node sizes
    size = {}
    for nid, n in ids.items():
        size[nid] = (text_width(shorten(n.name), NODE_FONT) + 2 * NODE_PAD, NODE_H)
    col_w = [max((size[it][0] for it in c if it in ids), default=40) for c in columns]

    # edge labels and the room they need between columns
    labels = [relation_label(e.relation) for e in graph.edges]
    subs = [shorten("via " + ", ".join(edge_via(e))) if edge_via(e) else "" for e in graph.edges]
    lab_size = [(max(text_width(t, EDGE_FONT), text_width(sub, SUB_FONT)) + 2 * LABEL_PAD,
                 EDGE_FONT + 2 * LABEL_PAD + (SUB_FONT + 3 if sub else 0))
                for t, sub in zip(labels, subs)]
    same_col = [i for i, e in enumerate(graph.edges)
                if col[node_id(e.source)] == col[node_id(e.target)]]
    # arcs bow left in the first column, right elsewhere
    bow_left = {i: col[node_id(graph.edges[i].source)] == 0 and len(columns) > 1
                for i in same_col}
    gap_need = [MIN_GAP] * max(0, len(columns) - 1)
    outer_left = outer_right = MARGIN
    for i, e in enumerate(graph.edges):
        ca, cb = sorted((col[node_id(e.source)], col[node_id(e.target)]))
        for g in range(ca, cb):
            gap_need[g] = max(gap_need[g], lab_size[i][0] + 40)
    arc_room = {}
    for i in same_col:
        c = col[node_id(graph.edges[i].source)]
        room = 40 + 0.1 * 40 * len(columns[c]) + lab_size[i][0] / 2 + 14
        arc_room[i] = room
        if bow_left[i]:
            outer_left = max(outer_left, room + MARGIN)
        elif c == len(columns) - 1:
            outer_right = max(outer_right, room + MARGIN)
        else:
            gap_need[c] = max(gap_need[c], room + MIN_GAP)

    # x of each column centre
    xs = []
    x = outer_left
    for ci, w in enumerate(col_w):
        xs.append(x + w / 2)
        x += w + (gap_need[ci] * spread ** 0.15 if ci < len(gap_need) else 0)
    width = x + outer_right

    # y: stack each column, centred on the tallest
    row_gap = ROW_GAP * spread
    heights = []
    for c in columns:
        hs = [size[it][1] if it in ids else DUMMY_H for it in c]
        heights.append(sum(hs) + row_gap * max(0, len(hs) - 1))
    tallest = max(heights, default=0)
    top = MARGIN + LEGEND_H + 10
    boxes: dict[str, Box] = {}
    points: dict[str, tuple[float, float]] = {}
    for ci, c in enumerate(columns):
        y = top + (tallest - heights[ci]) / 2
        for it in c:
            if it in ids:
                w, h = size[it]
                boxes[it] = Box(xs[ci] - w / 2, y, w, h)
                points[it] = (xs[ci], y + h / 2)
                y += h + row_gap
            else:
                points[it] = (xs[ci], y + DUMMY_H / 2)
                y += DUMMY_H + row_gap
    height = top + tallest + MARGIN + 8

    # edge geometry
    pair_count: dict[frozenset, int] = {}
    pair_seen: dict[frozenset, int] = {}
    for e in graph.edges:
        key = frozenset((node_id(e.source), node_id(e.target)))
        pair_count[key] = pair_count.get(key, 0) + 1
    drawn: list[DrawnEdge] = []
    polylines: list[list[tuple[float, float]]] = []
    for i, e in enumerate(graph.edges):
        a, b = node_id(e.source), node_id(e.target)
        key = frozenset((a, b))
        k = pair_seen.get(key, 0)
        pair_seen[key] = k + 1
        offset = (k - (pair_count[key] - 1) / 2) * 40
        ba, bb = boxes[a], boxes[b]
        if i in arc_room:
            sign = -1 if bow_left[i] else 1
            ci = col[a]
            side = xs[ci] + sign * (col_w[ci] / 2 + 10)
            y1, y2 = ba.cy, bb.cy
            bulge = 22 + abs(offset) + 6 * k + 0.1 * abs(y2 - y1)
            p0 = (ba.cx + sign * ba.w / 2, y1)
            p3 = (bb.cx + sign * bb.w / 2, y2)
            ctrl = (side + sign * 2 * bulge, (y1 + y2) / 2)
            curve = _quad((side, y1), ctrl, (side, y2))
            pts = [p0, *curve, p3]
            d = [("M", p0), ("L", (side, y1)), ("Q", ctrl), ("", (side, y2)), ("L", p3)]
        else:
            chain = [points[it] for it in chains[i]]
            if len(chain) == 2 and offset:
                (x0, y0), (x1, y1) = chain if a < b else chain[::-1]  # one normal per pair
                length = math.dist(chain[0], chain[1]) or 1
                nx, ny = -(y1 - y0) / length, (x1 - x0) / length
                mid = ((x0 + x1) / 2 + nx * offset * 2, (y0 + y1) / 2 + ny * offset * 2)
                start, end = _clip(ba, mid), _clip(bb, mid)
                pts = _quad(start, mid, end)
                d = [("M", start), ("Q", mid), ("", end)]
            else:
                start = _clip(ba, chain[1])
                end = _clip(bb, chain[-2])
                pts = [start, *chain[1:-1], end]
                d = [("M", pts[0])] + [("L", pt) for pt in pts[1:]]
        drawn.append(DrawnEdge(e, d, labels[i], sub=subs[i]))
        polylines.append(pts)

    # edge labels: first free spot along the edge
    placed: list[Box] = list(boxes.values())
    clashes = 0
    fracs = (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86)
    for i in sorted(range(len(drawn)), key=lambda j: (j not in arc_room, j)):
        w, h = lab_size[i]
        candidates = []
        if i in arc_room:
            sign = -1 if bow_left[i] else 1
            apex = _along(polylines[i], 0.5)
            # centred on the bow, then a row up or down, then further out
            spots = sorted(((dy, shift) for dy in (0, -1, 1, -2, 2, -3, 3, -4, 4)
                            for shift in (0, 0.5, 1.0)),
                           key=lambda p: (abs(p[0]) + 1.5 * p[1], p[1], p[0]))
            for dy, shift in spots:
                x0 = apex[0] - w / 2 + sign * shift * (w / 2 + 6)
                candidates.append(Box(x0, apex[1] - h / 2 + dy * (h + 2), w, h))
        else:
            for perp in (0, -1, 1, -2, 2):  # along the edge, then beside it
                for f in fracs:
                    px, py = _along(polylines[i], f)
                    py += perp * (h + 3)
                    candidates.append(Box(px - w / 2, py - h / 2, w, h))
        for cand in candidates:
            if not any(cand.overlaps(o, 2) for o in placed):
                drawn[i].label_box = cand
                placed.append(cand)
                break
        else:
            clashes += 1
            drawn[i].label_box = candidates[0]
            placed.append(candidates[0])

    # the picture moves and grows to hold every label and curve
    xs_all = [b.x for b in placed] + [p[0] for pts in polylines for p in pts]
    ys_all = [b.y for b in placed] + [p[1] for pts in polylines for p in pts]
    dx = max(0.0, MARGIN - min(xs_all, default=MARGIN))
    dy = max(0.0, top - min(ys_all, default=top))
    if dx or dy:
        boxes = {k: Box(b.x + dx, b.y + dy, b.w, b.h) for k, b in boxes.items()}
        xs = [x + dx for x in xs]
        for de in drawn:
            de.path = [(cmd, (pt[0] + dx, pt[1] + dy)) for cmd, pt in de.path]
            if de.label_box:
                de.label_box = Box(de.label_box.x + dx, de.label_box.y + dy,
                                   de.label_box.w, de.label_box.h)
    width += dx
    height += dy
    for de in drawn:
        if de.label_box:
            width = max(width, de.label_box.x + de.label_box.w + MARGIN)
            height = max(height, de.label_box.y + de.label_box.h + MARGIN)
    for pts in polylines:
        for px, py in pts:
            width = max(width, px + dx + MARGIN)
            height = max(height, py + dy + MARGIN)

    lay = Layout(width, height, boxes, drawn, list(zip(kinds, xs)))
    return lay, clashes


# --- SVG -----------------------------------------------------------------------------


def _esc(text: str) -> str:
    return _xml_escape(_xml_safe(text), {'"': "&quot;"})


def to_svg(graph, lay: Layout | None = None, *, element_id: str = "link-graph",
           anchors: dict | None = None, fit_below: float | None = None) -> str:
    """The graph as an inline SVG element. ``anchors`` maps an edge to the
    ``#id`` of its evidence, making each edge label a link. A picture narrower
    than ``fit_below`` pixels shrinks to fit its container; a wider one keeps
    its size (and scrolls), so its text stays legible."""
    if not graph.nodes:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" id="{element_id}" width="320" '
                'height="40" role="img" aria-label="No links"><text x="10" y="25" '
                'font-family="sans-serif" font-size="13">No links to draw.</text></svg>')
    lay = lay or layout(graph)
    anchors = anchors or {}
    font = "'DejaVu Sans','Liberation Sans',Arial,Helvetica,sans-serif"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{element_id}" class="link-graph" '
        f'viewBox="0 0 {_fmt(lay.width)} {_fmt(lay.height)}" width="{_fmt(lay.width)}" '
        f'height="{_fmt(lay.height)}" role="img" aria-labelledby="{element_id}-title" '
        + ('style="max-width:100%;height:auto" '
           if fit_below is not None and lay.width <= fit_below else "")
        + f'font-family="{font}">',
        f'<title id="{element_id}-title">How the actors, commodities and policies are linked'
        "</title>",
        "<defs>",
        f'<marker id="{element_id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#475569"/></marker>',
        "</defs>",
        f'<rect width="{_fmt(lay.width)}" height="{_fmt(lay.height)}" fill="#ffffff"/>',
    ]
    # legend and column headings
    x = MARGIN
    out.append('<g class="legend" font-size="12">')
    for kind in KIND_ORDER:
        if not any(n.kind == kind for n in graph.nodes):
            continue
        fill, stroke = KIND_COLOURS[kind]
        out.append(f'<rect x="{_fmt(x)}" y="{MARGIN}" width="14" height="14" rx="3" '
                   f'fill="{fill}" stroke="{stroke}"/>')
        out.append(f'<text x="{_fmt(x + 19)}" y="{MARGIN + 11}" fill="#111">'
                   f"{KIND_PLURAL[kind]}</text>")
        x += 19 + text_width(KIND_PLURAL[kind], 12) + 18
    if any(edge_via(e) for e in graph.edges):
        out.append(f'<text x="{_fmt(x)}" y="{MARGIN + 11}" fill="#92400e" font-style="italic">'
                   "via …</text>")
        out.append(f'<text x="{_fmt(x + text_width("via …", 12) + 5)}" y="{MARGIN + 11}" '
                   'fill="#111">the policy a link runs through</text>')
    out.append("</g>")

    out.append('<g class="edges" fill="none" stroke="#64748b" stroke-width="1.4">')
    for de in lay.edges:
        e = de.edge
        tip = (f"{e.source.name} {relation_label(e.relation)} {e.target.name}: "
               + " | ".join(ev.sentence for ev in e.evidence))
        out.append(f'<path d="{de.d}" marker-end="url(#{element_id}-arrow)">'
                   f"<title>{_esc(tip)}</title></path>")
    out.append("</g>")

    out.append(f'<g class="nodes" font-size="{NODE_FONT}">')
    by_id = {node_id(n): n for n in graph.nodes}
    for nid, box in lay.nodes.items():
        n = by_id[nid]
        fill, stroke = KIND_COLOURS.get(n.kind, ("#eeeeee", "#555555"))
        out.append(
            f'<g class="node {n.kind}"><title>{_esc(n.name)} ({_esc(n.kind)}, {_esc(n.type)})'
            f'</title><rect x="{_fmt(box.x)}" y="{_fmt(box.y)}" width="{_fmt(box.w)}" '
            f'height="{_fmt(box.h)}" rx="{"13" if n.kind == "commodity" else "4"}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
            f'<text x="{_fmt(box.cx)}" y="{_fmt(box.cy)}" text-anchor="middle" '
            f'dominant-baseline="central" fill="#0f172a">{_esc(shorten(n.name))}</text></g>')
    out.append("</g>")

    out.append(f'<g class="edge-labels" font-size="{EDGE_FONT}">')
    for de in lay.edges:
        b = de.label_box
        if b is None:
            continue
        body = (f'<rect x="{_fmt(b.x)}" y="{_fmt(b.y)}" width="{_fmt(b.w)}" height="{_fmt(b.h)}" '
                'rx="3" fill="#ffffff" fill-opacity="0.92" stroke="#cbd5e1" stroke-width="0.6"/>'
                f'<text x="{_fmt(b.cx)}" y="{_fmt(b.y + LABEL_PAD + EDGE_FONT / 2)}" '
                f'text-anchor="middle" dominant-baseline="central" fill="#334155">'
                f"{_esc(de.label)}</text>")
        if de.sub:
            body += (f'<text class="via" x="{_fmt(b.cx)}" '
                     f'y="{_fmt(b.y + LABEL_PAD + EDGE_FONT + 2 + SUB_FONT / 2)}" '
                     f'text-anchor="middle" dominant-baseline="central" font-size="{SUB_FONT}" '
                     f'font-style="italic" fill="#92400e">{_esc(de.sub)}</text>')
        href = anchors.get(id(de.edge))
        if href:
            body = f'<a href="#{_esc(href)}">{body}</a>'
        out.append(f'<g class="edge-label">{body}</g>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


# --- paths as text -------------------------------------------------------------------


def step_lines(step) -> list[str]:
    """How one hop reads: the link with its arrow the way it runs, then evidence."""
    out = []
    for fact in step.links:
        rel = relation_label(fact.relation)
        direction = step.direction(fact)
        if direction == "forward":
            line = f"{step.frm.name} --[{rel}]--> {step.to.name}"
        elif direction == "backward":
            line = f"{step.frm.name} <--[{rel}]-- {step.to.name}"
        else:
            line = (f"{step.frm.name} ~ {step.to.name}: {fact.source.name} --[{rel}]--> "
                    f"{fact.target.name} runs through {fact.policy}")
        if fact.policy and direction != "via" and fact.policy not in (
                fact.source.name, fact.target.name):
            line += f"  (via {fact.policy})"
        if fact.hedge:
            line += f"  [{fact.hedge}]"
        ev = fact.evidence
        out.append("  " + line)
        out.append(f'      "{" ".join(ev.sentence.split())}"')
        out.append(f"      article {ev.article} [{ev.start}:{ev.end}]")
    if step.more > 0:
        out.append(f"  … and {step.more} more (--evidence 0 shows all {step.total})")
    return out


def paths_text(paths) -> str:
    """``tradelink path`` for a reader: each path, each step with its evidence."""
    out = []
    for i, path in enumerate(paths, 1):
        hops = f"{path.hops} hop{'s' if path.hops != 1 else ''}"
        out.append(f"Path {i} of {len(paths)} ({hops}): "
                   + " -> ".join(n.name for n in path.nodes))
        for step in path.steps:
            out.extend(step_lines(step))
        out.append("")
    return "\n".join(out)
