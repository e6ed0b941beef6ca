"""Helpers for the facts tests: hand-built actors, so policy and link rules can be
tested without the entity stage."""

from __future__ import annotations

import re

from tradelink.models import Actor, Span


def actors(text: str, table: dict[str, tuple[str, list[str]]]) -> list[Actor]:
    """``{name: (type, [other forms])}`` → actors with every mention found in *text*."""
    out = []
    taken: list[tuple[int, int]] = []
    forms = sorted(((f, name) for name, (_, alts) in table.items() for f in [name, *alts]),
                   key=lambda x: -len(x[0]))
    found: dict[str, list[tuple[int, int]]] = {}
    for form, name in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.setdefault(name, []).append((m.start(), m.end()))
    for name, spans in found.items():
        spans.sort()
        s, e = spans[0]
        out.append(Actor(start=s, end=e, text=text[s:e], name=name, type=table[name][0],
                         mentions=[Span(start=a, end=b, text=text[a:b]) for a, b in spans]))
    return out


def gold_actors(text: str, gold: dict) -> list[Actor]:
    return actors(text, {a["name"]: (a["type"], a.get("aliases", [])) for a in gold["actors"]})
