"""An `Extraction` as the writer needs it: named tuples of plain tuples.

Bulk ingest parses in worker processes and writes in one; what crosses
between them is pickled.  A pydantic `Extraction` costs the writing process
about 1.4 ms an article to unpickle (one object per record, validated
fields); the same facts as plain tuples of strings and numbers cost a
fraction of that and are what `tradelink.store.write` works from anyway.
`plain(extraction)` is lossless for everything the writer stores and keeps
every list in its order (entity ids depend on it).

Standard library only: worker processes import it without SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Article(NamedTuple):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    dateline: str | None
    text: str
    source: str | None


class Plain(NamedTuple):
    """One article's records, each a tuple in the order its table's row wants it.

    A span is ``start, end, text``; a sentence reference is ``sentence_start,
    sentence_end``; a time is ``when_text, when_resolved``."""

    article: Article
    # (section, block, *span)
    sentences: list[tuple]
    # (resolved, *span)
    times: list[tuple]
    # (name, type, aliases, party, mentions: [span], roles: [(title, *span)])
    actors: list[tuple]
    # (name, category, aliases, mentions: [span])
    commodities: list[tuple]
    # (name, kind, actor, counterpart, (target, status, *time, *span, *sentence))
    policies: list[tuple]
    # (speaker, speaker_type, medium, (descriptor, kind, verb), (hedge, *time, *span, *sentence))
    statements: list[tuple]
    # (source_kind, source, target_kind, target, policy, (relation, predicate), (hedge, *span, *sentence))
    links: list[tuple]
    # (headline, parent, section, *span)
    questions: list[tuple]


def plain(x) -> Plain:
    """The plain form of an `Extraction` (already plain: returned as is)."""
    if isinstance(x, Plain):
        return x
    a = x.article
    return Plain(
        Article(a.id, a.title, a.outlet, a.url, a.published, a.dateline, a.text, a.source),
        [(s.section, s.block, s.start, s.end, s.text) for s in x.sentences],
        [(t.resolved, t.start, t.end, t.text) for t in x.times],
        [(c.name, c.type, tuple(c.aliases), c.party, _spans(c.mentions or [c]),
          [(r.title, r.start, r.end, r.text) for r in c.roles]) for c in x.actors],
        [(c.name, c.category, tuple(c.aliases), _spans(c.mentions or [c])) for c in x.commodities],
        [(p.name, p.kind, p.actor, p.counterpart,
          (p.target, p.status, *_when(p.when), p.start, p.end, p.text, *_sentence(p.sentence)))
         for p in x.policies],
        [(st.speaker, st.speaker_type, st.medium, (st.speaker_descriptor, st.kind, st.verb),
          (st.hedge, *_when(st.when), st.start, st.end, st.text, *_sentence(st.sentence)))
         for st in x.statements],
        [(ln.source_kind, ln.source, ln.target_kind, ln.target, ln.policy, (ln.relation, ln.predicate),
          (ln.hedge, ln.start, ln.end, ln.text, *_sentence(ln.sentence)))
         for ln in x.links],
        [(q.headline, q.parent, q.section, q.start, q.end, q.text) for q in x.questions],
    )


def _spans(records) -> list[tuple]:
    return [(r.start, r.end, r.text) for r in records]


def _when(t) -> tuple:
    return (t.text, t.resolved) if t is not None else (None, None)


def _sentence(s) -> tuple:
    return (s.start, s.end) if s is not None else (None, None)
