"""Writing an `Extraction` into the database.

`ingest(session, extraction)` stores one article and everything read out of
it.  The caller owns the transaction (``with Session(engine) as s, s.begin():``
or a savepoint per article in a batch), so an article is stored whole or not
at all.  The same normalised text again (same article id) adds nothing.

Entities (actors, commodities, policies) are global: one row per kind and
casefolded canonical name, whatever article they came from.  An actor named
differently in another article still resolves to one row:

* a name or alias already known as an alias of an entity resolves to it;
* a person known only by surname ("Lutnick") resolves to the unique person
  whose full name ends with it, and a new full name absorbs an earlier
  surname-only person (renaming it, keeping the surname as an alias).

Everything else (mentions, roles, statements, questions, links, policy facts,
sentences, time expressions) belongs to one article and carries its span.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from tradelink import PARSER_VERSION
from tradelink.models import Actor, Extraction
from tradelink.store import schema as S
from tradelink.store.names import escape_like as _escape_like
from tradelink.store.names import key_of


@dataclass(slots=True)
class IngestResult:
    article_id: str
    status: Literal["new", "duplicate"]
    title: str | None = None
    source: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


def ingest(session: Session, extraction: Extraction, parser_version: int = PARSER_VERSION) -> IngestResult:
    """Store one article's extraction; a text already stored is reported as a duplicate."""
    art = extraction.article
    if session.scalar(select(S.ArticleRow.id).where(S.ArticleRow.id == art.id)) is not None:
        return IngestResult(art.id, "duplicate", art.title, art.source)
    session.execute(insert(S.ArticleRow), [{
        "id": art.id, "title": art.title, "outlet": art.outlet, "url": art.url,
        "published": art.published, "dateline": art.dateline, "text": art.text,
        "source": art.source, "parser_version": parser_version,
        "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
    }])
    _ArticleWriter(session, extraction).write()
    x = extraction
    counts = {"actors": len(x.actors), "commodities": len(x.commodities),
              "policies": len(x.policies), "statements": len(x.statements),
              "questions": len(x.questions), "links": len(x.links)}
    return IngestResult(art.id, "new", art.title, art.source, counts)


def _span(rec) -> dict:
    return {"start": rec.start, "end": rec.end, "text": rec.text}


def _sentence(rec) -> dict:
    s = rec.sentence
    return {"sentence_start": s.start if s else None, "sentence_end": s.end if s else None}


class _ArticleWriter:
    """Writes the per-article rows, resolving names to global entities on the way."""

    def __init__(self, session: Session, extraction: Extraction):
        self.s = session
        self.x = extraction
        self.aid = extraction.article.id
        self.ids: dict[tuple[str, str], int] = {}  # (kind, key) -> entity id, this article

    def write(self) -> None:
        x, aid = self.x, self.aid
        rows = self._rows
        for actor in x.actors:
            eid = self.resolve_actor(actor.name, actor.type, actor.aliases, actor.party, actor)
            spans = actor.mentions or [actor]
            rows("mentions", [{"entity_id": eid, "article_id": aid, **_span(m)} for m in spans])
            rows("roles", [{"entity_id": eid, "article_id": aid, "role": r.title, **_span(r)}
                           for r in actor.roles])
        for com in x.commodities:
            eid = self.resolve("commodity", com.name, com.category, com.aliases)
            spans = com.mentions or [com]
            rows("mentions", [{"entity_id": eid, "article_id": aid, **_span(m)} for m in spans])
        rows("sentences", [{"article_id": aid, "idx": i, "section": s.section, "block": s.block,
                            **_span(s)} for i, s in enumerate(x.sentences)])
        rows("times", [{"article_id": aid, "resolved": t.resolved, **_span(t)} for t in x.times])
        rows("policy_facts", [{
            "policy_id": self.resolve("policy", p.name, p.kind),
            "article_id": aid,
            "actor_id": self.actor_ref(p.actor),
            "counterpart_id": self.actor_ref(p.counterpart),
            "target": p.target, "status": p.status,
            "when_text": p.when.text if p.when else None,
            "when_resolved": p.when.resolved if p.when else None,
            **_span(p), **_sentence(p),
        } for p in x.policies])
        rows("statements", [{
            "article_id": aid,
            "speaker_id": self.actor_ref(st.speaker, st.speaker_type),
            "speaker_descriptor": st.speaker_descriptor,
            "kind": st.kind, "verb": st.verb,
            "medium_id": self.actor_ref(st.medium, "media"),
            "hedge": st.hedge,
            "when_text": st.when.text if st.when else None,
            "when_resolved": st.when.resolved if st.when else None,
            **_span(st), **_sentence(st),
        } for st in x.statements])
        rows("links", [{
            "article_id": aid,
            "source_id": self.node(ln.source_kind, ln.source),
            "relation": ln.relation, "predicate": ln.predicate,
            "target_id": self.node(ln.target_kind, ln.target),
            "policy_id": self.node("policy", ln.policy) if ln.policy else None,
            "hedge": ln.hedge, **_span(ln), **_sentence(ln),
        } for ln in x.links])
        self.write_questions()

    _MODELS = {"mentions": S.MentionRow, "roles": S.RoleRow, "sentences": S.SentenceRow,
               "times": S.TimeRow, "policy_facts": S.PolicyFactRow,
               "statements": S.StatementRow, "links": S.LinkRow}

    def _rows(self, table: str, rows: list[dict]) -> None:
        if rows:
            self.s.execute(insert(self._MODELS[table]), rows)

    def write_questions(self) -> None:
        qs = self.x.questions
        parents: dict[str, int] = {}
        for q in qs:  # headline questions first: follow-ups point at them
            if q.headline:
                parents.setdefault(q.text, self.s.execute(insert(S.QuestionRow).returning(S.QuestionRow.id), {
                    "article_id": self.aid, "parent_id": None, "headline": True,
                    "section": q.section, **_span(q)}).scalar_one())
        self._rows_q([{
            "article_id": self.aid, "parent_id": parents.get(q.parent) if q.parent else None,
            "headline": False, "section": q.section, **_span(q),
        } for q in qs if not q.headline])

    def _rows_q(self, rows: list[dict]) -> None:
        if rows:
            self.s.execute(insert(S.QuestionRow), rows)

    # --- names -> entity ids ------------------------------------------------------

    def actor_ref(self, name: str | None, type_: str | None = None) -> int | None:
        if not name:
            return None
        return self.resolve_actor(name, type_ or _guess_type(name), (), None, None)

    def node(self, kind: str, name: str) -> int:
        if kind == "actor":
            return self.resolve_actor(name, _guess_type(name), (), None, None)
        if kind == "commodity":
            return self.resolve("commodity", name, "other")
        return self.resolve("policy", name, "other")

    def resolve_actor(self, name: str, type_: str, aliases, party: str | None,
                      actor: Actor | None) -> int:
        return self.resolve("actor", name, type_, aliases, party=party)

    def resolve(self, kind: str, name: str, type_: str, aliases=(), party: str | None = None) -> int:
        """The id of the global entity for ``name``, created or merged as needed."""
        k = key_of(name)
        cached = self.ids.get((kind, k))
        if cached is not None and not aliases and party is None:
            return cached
        s = self.s
        eid, ename = cached, None
        if eid is None:
            eid, ename = self._match(kind, name, type_, aliases)
        if eid is None:
            eid = s.execute(insert(S.EntityRow).returning(S.EntityRow.id), {
                "kind": kind, "key": k, "name": name, "type": type_, "party": party,
            }).scalar_one()
            ename = name
        elif party:
            s.execute(update(S.EntityRow).where(S.EntityRow.id == eid, S.EntityRow.party.is_(None))
                      .values(party=party))
        if ename is None:
            ename = s.scalar(select(S.EntityRow.name).where(S.EntityRow.id == eid))
        self._add_aliases(eid, [ename, name, *aliases])
        for n in (name, *aliases):
            self.ids.setdefault((kind, key_of(n)), eid)
        return eid

    def _match(self, kind: str, name: str, type_: str, aliases) -> tuple[int | None, str | None]:
        s = self.s
        E, A = S.EntityRow, S.AliasRow
        k = key_of(name)
        row = s.execute(select(E.id, E.name).where(E.kind == kind, E.key == k)).first()
        if row is not None:
            return row.id, row.name
        # The name is a known alias of exactly one entity.
        found = s.execute(select(E.id, E.name, E.type).join(A, A.entity_id == E.id)
                          .where(E.kind == kind, A.key == k).distinct()).all()
        if len(found) == 1:
            return found[0].id, found[0].name
        # One of our aliases is the name of exactly one entity.
        alias_keys = sorted({key_of(a) for a in aliases} - {k})
        if alias_keys:
            found = s.execute(select(E.id, E.name, E.type)
                              .where(E.kind == kind, E.key.in_(alias_keys))).all()
            if len(found) == 1:
                return self._absorb(found[0], name, type_)
        if kind == "actor" and type_ == "person":
            words = k.split()
            if len(words) == 1:  # a surname: the unique person whose full name ends with it
                found = s.execute(select(E.id, E.name, E.type).where(
                    E.kind == "actor", E.type == "person",
                    E.key.like("% " + _escape_like(k), escape="\\"))).all()
                if len(found) == 1:
                    return found[0].id, found[0].name
            else:  # a full name: absorbs an earlier surname-only person
                found = s.execute(select(E.id, E.name, E.type).where(
                    E.kind == "actor", E.type == "person", E.key == words[-1])).all()
                if len(found) == 1:
                    return self._absorb(found[0], name, type_)
        return None, None

    def _absorb(self, row, name: str, type_: str) -> tuple[int, str]:
        """An earlier short name of a person meets its full form: rename the entity."""
        old_k, k = key_of(row.name), key_of(name)
        if (type_ == "person" and row.type == "person" and k.endswith(" " + old_k)):
            self.s.execute(update(S.EntityRow).where(S.EntityRow.id == row.id)
                           .values(name=name, key=k))
            return row.id, name
        return row.id, row.name

    def _add_aliases(self, eid: int, names) -> None:
        A = S.AliasRow
        wanted = {}
        for n in names:
            n = " ".join(n.split())
            if n and key_of(n) not in wanted:
                wanted[key_of(n)] = n
        have = set(self.s.scalars(select(A.key).where(A.entity_id == eid, A.key.in_(list(wanted)))))
        rows = [{"entity_id": eid, "alias": n, "key": k} for k, n in wanted.items() if k not in have]
        if rows:
            self.s.execute(insert(A), rows)


def _guess_type(name: str) -> str:
    """Type for an actor named only in a statement or link: groups are lower-case nouns."""
    return "group" if name[:1].islower() or name.split()[-1].islower() else "organization"


def article_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(S.ArticleRow)) or 0
