"""A minimal writer of `Extraction`s into the schema, for the graph tests.

Stands in for the store's own writer until the tests can use that; it fills
only the tables the graph and the brief read.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from tradelink.models import Extraction
from tradelink.store import schema as S


def write(engine, extractions: list[Extraction]) -> None:
    S.Base.metadata.create_all(engine)
    with engine.begin() as c:
        ids: dict[tuple[str, str], int] = {}

        def entity(kind: str, name: str, typ: str, aliases=(), party=None) -> int:
            key = (kind, name.casefold())
            if key not in ids:
                found = c.execute(select(S.EntityRow.id).where(
                    S.EntityRow.kind == kind, S.EntityRow.key == key[1])).scalar()
                if found is None:
                    found = c.execute(insert(S.EntityRow).values(
                        kind=kind, key=key[1], name=name, type=typ, party=party
                    ).returning(S.EntityRow.id)).scalar_one()
                ids[key] = found
            eid = ids[key]
            for alias in aliases:
                have = c.execute(select(S.AliasRow.id).where(
                    S.AliasRow.entity_id == eid, S.AliasRow.key == alias.casefold())).scalar()
                if have is None:
                    c.execute(insert(S.AliasRow).values(entity_id=eid, alias=alias,
                                                        key=alias.casefold()))
            return eid

        def node(kind: str, name: str) -> int:
            return ids.get((kind, name.casefold())) or entity(kind, name, "other")

        for ex in extractions:
            a = ex.article
            aid = a.id
            c.execute(insert(S.ArticleRow).values(
                id=aid, title=a.title, outlet=a.outlet, url=a.url, published=a.published,
                text=a.text, parser_version=1,
                ingested_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC).isoformat()))
            for i, s in enumerate(ex.sentences):
                c.execute(insert(S.SentenceRow).values(
                    article_id=aid, idx=i, section=s.section, block=s.block,
                    start=s.start, end=s.end, text=s.text))
            for t in ex.times:
                c.execute(insert(S.TimeRow).values(article_id=aid, start=t.start, end=t.end,
                                                   text=t.text, resolved=t.resolved))
            for act in ex.actors:
                eid = entity("actor", act.name, act.type, act.aliases, act.party)
                for r in act.roles:
                    c.execute(insert(S.RoleRow).values(entity_id=eid, article_id=aid, role=r.title,
                                                       start=r.start, end=r.end, text=r.text))
                for m in act.mentions:
                    c.execute(insert(S.MentionRow).values(entity_id=eid, article_id=aid,
                                                          start=m.start, end=m.end, text=m.text))
            for com in ex.commodities:
                entity("commodity", com.name, com.category, com.aliases)
            for pol in ex.policies:
                pid = entity("policy", pol.name, pol.kind)
                c.execute(insert(S.PolicyFactRow).values(
                    policy_id=pid, article_id=aid,
                    actor_id=node("actor", pol.actor) if pol.actor else None,
                    target=pol.target, status=pol.status,
                    when_text=pol.when.text if pol.when else None,
                    when_resolved=pol.when.resolved if pol.when else None,
                    start=pol.start, end=pol.end, text=pol.text,
                    sentence_start=pol.sentence.start if pol.sentence else None,
                    sentence_end=pol.sentence.end if pol.sentence else None))
            for st in ex.statements:
                c.execute(insert(S.StatementRow).values(
                    article_id=aid,
                    speaker_id=node("actor", st.speaker) if st.speaker else None,
                    kind=st.kind, verb=st.verb,
                    medium_id=node("actor", st.medium) if st.medium else None,
                    hedge=st.hedge, start=st.start, end=st.end, text=st.text,
                    sentence_start=st.sentence.start if st.sentence else None,
                    sentence_end=st.sentence.end if st.sentence else None))
            qids: dict[str, int] = {}
            for q in ex.questions:
                qids[q.text] = c.execute(insert(S.QuestionRow).values(
                    article_id=aid, parent_id=qids.get(q.parent) if q.parent else None,
                    headline=q.headline, section=q.section, start=q.start, end=q.end,
                    text=q.text).returning(S.QuestionRow.id)).scalar_one()
            for ln in ex.links:
                c.execute(insert(S.LinkRow).values(
                    article_id=aid, source_id=node(ln.source_kind, ln.source),
                    relation=ln.relation, predicate=ln.predicate,
                    target_id=node(ln.target_kind, ln.target),
                    policy_id=node("policy", ln.policy) if ln.policy else None,
                    hedge=ln.hedge, start=ln.start, end=ln.end, text=ln.text,
                    sentence_start=ln.sentence.start if ln.sentence else None,
                    sentence_end=ln.sentence.end if ln.sentence else None))
