"""Extractions built by hand (text written for the tests), so the store and
CLI can be tested whatever the extraction stages currently find."""

from __future__ import annotations

import datetime as dt

from tradelink.models import (
    Actor, Article, Commodity, Extraction, Link, Policy, Question, Role, Sentence, Span,
    Statement, TimeExpression, article_id, normalise_text,
)

ARTICLE_A = """\
Chips for Magnets
Commerce Secretary Dana Whitfield said on Monday that chip licences were tied to the magnet deal.
"We put the licences in the deal," Whitfield told the Ledger Wire.
Lawmakers reportedly criticised the move as 50% reckless_risky.
Beijing controls most rare earth supply, and its March export freeze still bites.
Questions for Investors
- Will the deal last? Who benefits from it?
- Is <script>alert(1)</script> a risk?"""

ARTICLE_B = """\
Magnet Talks Resume
Whitfield warned that the magnet deal could stall.
Okafor said the talks would go on.
Trade Minister Ngozi Okafor, speaking later, confirmed the talks."""


def at(text: str, snippet: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(snippet, start + 1)
    return start, start + len(snippet)


def span(cls, text: str, snippet: str, nth: int = 0, **fields):
    s, e = at(text, snippet, nth)
    return cls(start=s, end=e, text=text[s:e], **fields)


def sentences(text: str) -> list[Sentence]:
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        if line:
            out.append(Sentence(start=pos, end=pos + len(line), text=line, paragraph=i))
        pos += len(line) + 1
    return out


def extraction_a(published: dt.date | None = dt.date(2025, 7, 15)) -> Extraction:
    t = normalise_text(ARTICLE_A)
    sent = lambda snip: span(Span, t, snip)  # noqa: E731
    monday = span(TimeExpression, t, "on Monday", resolved="2025-07-14" if published else None)
    march = span(TimeExpression, t, "March", resolved="2025-03" if published else None)
    whitfield = span(
        Actor, t, "Dana Whitfield", name="Dana Whitfield", type="person", aliases=["Whitfield"],
        roles=[span(Role, t, "Commerce Secretary", title="Commerce Secretary")],
        mentions=[span(Span, t, "Dana Whitfield"), span(Span, t, "Whitfield", 1)])
    return Extraction(
        article=Article(id=article_id(t), title="Chips for Magnets", outlet="Test Wire",
                        url="https://example.com/a", published=published, text=t, source="a.txt"),
        sentences=sentences(t),
        actors=[
            whitfield,
            span(Actor, t, "Ledger Wire", name="Ledger Wire", type="media"),
            span(Actor, t, "Lawmakers", name="lawmakers", type="group"),
            span(Actor, t, "Beijing", name="China", type="government", aliases=["Beijing"]),
        ],
        commodities=[
            span(Commodity, t, "chip", name="AI chips", category="chip", aliases=["chip"]),
            span(Commodity, t, "magnet", name="rare earth magnets", category="magnet"),
            span(Commodity, t, "rare earth", name="rare earths", category="mineral"),
        ],
        policies=[
            span(Policy, t, "magnet deal", name="magnet trade deal", kind="trade deal",
                 actor="Dana Whitfield", target="rare earth magnets", status="announced",
                 sentence=sent("Commerce Secretary Dana Whitfield said on Monday that chip licences were tied to the magnet deal.")),
            span(Policy, t, "export freeze", name="March export freeze", kind="export freeze",
                 actor="China", target="rare earths", when=march,
                 sentence=sent("Beijing controls most rare earth supply, and its March export freeze still bites.")),
        ],
        statements=[
            span(Statement, t, "chip licences were tied to the magnet deal", speaker="Dana Whitfield",
                 speaker_type="person", kind="indirect", verb="said", when=monday,
                 sentence=sent("Commerce Secretary Dana Whitfield said on Monday that chip licences were tied to the magnet deal.")),
            span(Statement, t, "We put the licences in the deal,", speaker="Dana Whitfield",
                 speaker_type="person", kind="direct", verb="told", medium="Ledger Wire",
                 sentence=sent('"We put the licences in the deal," Whitfield told the Ledger Wire.')),
            span(Statement, t, "the move as 50% reckless_risky", speaker="lawmakers",
                 speaker_type="group", kind="indirect", verb="criticised", hedge="reportedly",
                 sentence=sent("Lawmakers reportedly criticised the move as 50% reckless_risky.")),
        ],
        questions=[
            span(Question, t, "Will the deal last?", headline=True, section="Questions for Investors"),
            span(Question, t, "Who benefits from it?", parent="Will the deal last?",
                 section="Questions for Investors"),
            span(Question, t, "Is <script>alert(1)</script> a risk?", headline=True,
                 section="Questions for Investors"),
        ],
        links=[
            span(Link, t, "tied to", source="AI chips", source_kind="commodity", relation="tied_to",
                 predicate="tied to", target="rare earth magnets", target_kind="commodity",
                 policy="magnet trade deal"),
            span(Link, t, "controls most rare earth supply", source="China", source_kind="actor",
                 relation="dominates_supply_of", predicate="controls", target="rare earths",
                 target_kind="commodity"),
        ],
        times=[monday, march],
    )


def extraction_b() -> Extraction:
    t = normalise_text(ARTICLE_B)
    return Extraction(
        article=Article(id=article_id(t), title="Magnet Talks Resume", text=t,
                        published=dt.date(2025, 7, 20)),
        sentences=sentences(t),
        actors=[
            span(Actor, t, "Whitfield", name="Whitfield", type="person"),
            span(Actor, t, "Okafor", name="Okafor", type="person"),
            span(Actor, t, "Ngozi Okafor", name="Ngozi Okafor", type="person", aliases=["Okafor"],
                 roles=[span(Role, t, "Trade Minister", title="Trade Minister")]),
        ],
        statements=[
            span(Statement, t, "the magnet deal could stall", speaker="Whitfield", speaker_type="person",
                 kind="indirect", verb="warned"),
            span(Statement, t, "the talks would go on", speaker="Okafor", speaker_type="person",
                 kind="indirect", verb="said"),
        ],
    )
