"""Hand-made extractions for the graph and brief tests.

The articles are written here (modelled on the seed's facts, not copied), so
the tests do not depend on how far extraction has come. `extraction` builds an
`Extraction` from a compact description, locating every record by its words.
"""

from __future__ import annotations

import re

from tradelink.models import (
    Actor,
    Article,
    Commodity,
    Extraction,
    Link,
    Policy,
    Question,
    Role,
    Sentence,
    Span,
    Statement,
    TimeExpression,
    article_id,
    normalise_text,
)

SEED_LIKE = """Highlights
- Nvidia wins approval to sell H20 chips to China in exchange for magnet concessions.
- Bipartisan lawmakers criticize the move as risky.
U.S. Commerce Secretary Howard Lutnick confirmed that chip sales are tied to rare earth magnet talks between Washington and Beijing.
Speaking to Reuters, Lutnick said, “We put that in the trade deal with the magnets.”
Nvidia confirmed Monday that it is filing for licenses to sell its H20 AI chips to Chinese firms. The move reverses an April export ban on AI chips.
Key Strategic Threads
- Bargaining: The U.S. softened chip restrictions in exchange for resumed Chinese exports of NdPr magnets used in drones.
- Backlash: Bipartisan lawmakers, Republican Rep. John Moolenaar and Democrat Rep. Raja Krishnamoorthi, slammed the move as dangerous.
- Dependence: China dominates the global rare earth supply. Its March export freeze hurt the U.S. defense base.
Unanswered Questions for Investors
- What are the terms of the magnet deal? Lutnick gave no details. Is it a long-term deal?
- Is this a barter system?"""

SYNDICATED = """Wire copy
Speaking to Reuters, Lutnick said, “We put that in the trade deal with the magnets.”
Officials said the <script>alert("x")</script> talks & "deals" <b>continue</b>."""


def find(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _span(cls, text, words, **kw):
    start, end = find(text, words)
    return cls(start=start, end=end, text=words, **kw)


def _sentence_of(text: str, start: int) -> Span:
    """The sentence around ``start``: lines split after a full stop that follows a
    lower-case letter and precedes a capital (good enough for hand-made text)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    left, right = line_start, line_end
    for m in re.finditer(r"(?<=[a-z]\.)\s+(?=[A-Z])", text[line_start:line_end]):
        cut = line_start + m.start()
        if cut < start:
            left = line_start + m.end()
        elif right == line_end:
            right = cut
    while text[left] in " -":
        left += 1
    return Span(start=left, end=right, text=text[left:right])


def extraction(text: str, *, title=None, outlet=None, published=None, actors=(),
               commodities=(), policies=(), statements=(), questions=(), links=(),
               times=()) -> Extraction:
    """Build an extraction; each record is described by the words it rests on.

    actors: (name, type, [aliases], [roles], party)
    commodities: (name, category, [aliases])
    policies: (name, kind, actor, target, status, when, evidence)
    statements: (speaker, kind, verb, words, medium, hedge)
    questions: (text, parent-or-None, section)
    links: (source, source_kind, relation, predicate, target, target_kind, evidence, policy)
    times: (words, resolved)
    """
    text = normalise_text(text)
    art = Article(id=article_id(text), title=title, outlet=outlet, published=published, text=text)
    ex = Extraction(article=art)
    pos = 0
    for line in text.split("\n"):
        start = text.index(line, pos)
        pos = start + len(line)
        if line.strip():
            ex.sentences.append(Sentence(start=start, end=pos, text=line))
    for name, typ, aliases, roles, party in actors:
        words = next((w for w in [name, *aliases] if w in text), None)
        start, end = find(text, words) if words else (0, 0)
        ex.actors.append(Actor(
            name=name, type=typ, aliases=list(aliases), party=party,
            start=start, end=end, text=text[start:end],
            roles=[_span(Role, text, r, title=r) for r in roles],
            mentions=[_span(Span, text, w) for w in [name, *aliases] if w in text],
        ))
    for name, cat, aliases in commodities:
        words = next(w for w in [name, *aliases] if w in text)
        ex.commodities.append(_span(Commodity, text, words, name=name, category=cat,
                                    aliases=list(aliases)))
    for name, kind, actor, target, status, when, evidence in policies:
        start, _ = find(text, evidence)
        w = None
        if when:
            w = _span(TimeExpression, text, when[0], resolved=when[1])
        ex.policies.append(_span(Policy, text, evidence, name=name, kind=kind, actor=actor,
                                 target=target, status=status, when=w,
                                 sentence=_sentence_of(text, start)))
    for speaker, kind, verb, words, medium, hedge in statements:
        start, _ = find(text, words)
        typ = next((a.type for a in ex.actors if a.name == speaker), None)
        ex.statements.append(_span(Statement, text, words, speaker=speaker, speaker_type=typ,
                                   kind=kind, verb=verb, medium=medium, hedge=hedge,
                                   sentence=_sentence_of(text, start)))
    for qtext, parent, section in questions:
        ex.questions.append(_span(Question, text, qtext, headline=parent is None,
                                  parent=parent, section=section))
    for src, skind, rel, pred, dst, dkind, evidence, policy in links:
        start, _ = find(text, evidence)
        ex.links.append(_span(Link, text, evidence, source=src, source_kind=skind, relation=rel,
                              predicate=pred, target=dst, target_kind=dkind, policy=policy,
                              sentence=_sentence_of(text, start)))
    for words, resolved in times:
        ex.times.append(_span(TimeExpression, text, words, resolved=resolved))
    assert not ex.check_spans(), ex.check_spans()
    return ex


SEED_ACTORS = [
    ("Nvidia", "organization", [], [], None),
    ("Howard Lutnick", "person", ["Lutnick", "U.S. Commerce Secretary Howard Lutnick"],
     ["Commerce Secretary"], None),
    ("John Moolenaar", "person", ["Rep. John Moolenaar"], ["Rep."], "Republican"),
    ("Raja Krishnamoorthi", "person", ["Rep. Raja Krishnamoorthi"], ["Rep."], "Democrat"),
    ("United States", "government", ["U.S.", "Washington"], [], None),
    ("China", "government", ["Beijing", "Chinese"], [], None),
    ("Reuters", "media", [], [], None),
    ("Bipartisan lawmakers", "group", ["lawmakers"], [], None),
    ("Chinese firms", "group", [], [], None),
]
SEED_COMMODITIES = [
    ("H20 AI chips", "chip", ["H20", "H20 chips", "AI chips"]),
    ("NdPr magnets", "magnet", ["magnets", "rare earth magnet"]),
    ("rare earths", "mineral", ["rare earth"]),
    ("drones", "other", []),
]
TRADE_DEAL = "rare earth magnet trade deal"


def seed_like() -> Extraction:
    return extraction(
        SEED_LIKE,
        title="Chips tied to magnets",
        outlet="Example Wire",
        actors=SEED_ACTORS,
        commodities=SEED_COMMODITIES,
        policies=[
            ("April export ban", "export ban", "United States", "H20 AI chips", "reversed",
             ("April", None), "reverses an April export ban on AI chips"),
            ("March export freeze", "export freeze", "China", "rare earths", None,
             ("March", None), "Its March export freeze hurt the U.S. defense base"),
            ("H20 export licenses", "licence", "Nvidia", "H20 AI chips", "filed", None,
             "filing for licenses to sell its H20 AI chips to Chinese firms"),
            (TRADE_DEAL, "trade deal", "United States", "NdPr magnets", None, None,
             "the trade deal with the magnets"),
        ],
        statements=[
            ("Howard Lutnick", "direct", "said", "We put that in the trade deal with the magnets",
             "Reuters", None),
            ("Howard Lutnick", "indirect", "confirmed",
             "chip sales are tied to rare earth magnet talks between Washington and Beijing",
             None, None),
            ("Nvidia", "indirect", "confirmed",
             "it is filing for licenses to sell its H20 AI chips to Chinese firms", None, None),
            ("John Moolenaar", "indirect", "slammed", "dangerous", None, None),
            ("Raja Krishnamoorthi", "indirect", "slammed", "dangerous", None, None),
            ("Bipartisan lawmakers", "indirect", "criticize", "risky", None, None),
        ],
        questions=[
            ("What are the terms of the magnet deal?", None, "Unanswered Questions for Investors"),
            ("Is it a long-term deal?", "What are the terms of the magnet deal?",
             "Unanswered Questions for Investors"),
            ("Is this a barter system?", None, "Unanswered Questions for Investors"),
        ],
        links=[
            ("H20 AI chips", "commodity", "exchanged_for", "in exchange for", "NdPr magnets",
             "commodity", "softened chip restrictions in exchange for resumed Chinese exports "
             "of NdPr magnets", TRADE_DEAL),
            ("Nvidia", "actor", "sells", "sell", "H20 AI chips", "commodity",
             "filing for licenses to sell its H20 AI chips to Chinese firms", None),
            ("China", "actor", "dominates_supply_of", "dominates", "rare earths", "commodity",
             "China dominates the global rare earth supply", None),
            ("Howard Lutnick", "actor", "confirms", "said", TRADE_DEAL, "policy",
             "We put that in the trade deal with the magnets", None),
            ("Bipartisan lawmakers", "actor", "opposes", "slammed", "H20 AI chips", "commodity",
             "slammed the move as dangerous", None),
            ("United States", "actor", "negotiates_with", "talks between", "China", "actor",
             "rare earth magnet talks between Washington and Beijing", None),
            ("United States", "actor", "reverses", "reverses", "April export ban", "policy",
             "The move reverses an April export ban", None),
            ("NdPr magnets", "commodity", "used_in", "used in", "drones", "commodity",
             "NdPr magnets used in drones", None),
        ],
        times=[("Monday", None), ("April", None), ("March", None)],
    )


def syndicated() -> Extraction:
    return extraction(
        SYNDICATED,
        title="Wire <copy> & more",
        outlet="Other <Wire>",
        published=__import__("datetime").date(2025, 7, 16),
        actors=[
            ("Howard Lutnick", "person", ["Lutnick"], [], None),
            ("Reuters", "media", [], [], None),
            ("U.S. officials", "group", ["Officials"], [], None),
        ],
        statements=[
            ("Howard Lutnick", "direct", "said", "We put that in the trade deal with the magnets",
             "Reuters", None),
            ("U.S. officials", "indirect", "said",
             'the <script>alert("x")</script> talks & "deals" <b>continue</b>', None, None),
        ],
        questions=[],
        links=[
            ("Howard Lutnick", "actor", "confirms", "said", TRADE_DEAL, "policy",
             "We put that in the trade deal with the magnets", None),
        ],
    )
