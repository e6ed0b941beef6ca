"""Writing an `Extraction` into the database.

`ingest(session, extraction)` stores one article and everything read out of
it, from an `Extraction` or its `tradelink.store.plain` form.  The caller owns
the transaction (``with Session(engine) as s, s.begin():``, a savepoint per
article, or a batch that is rolled back whole if any article fails: see
`tradelink.bulk`), so an article is stored whole or not at all.  The same
normalised text again (same article id) adds nothing.

On SQLite the writer runs plain SQL on the driver's cursor inside the
session's transaction (`_SqliteOps`); elsewhere, SQLAlchemy Core (`_Ops`).

Entities (actors, commodities, policies) are global: one row per kind and
casefolded canonical name, whatever article they came from.  An actor named
differently in another article still resolves to one row:

* a name or alias already known as an alias of an entity resolves to it;
* a person known only by surname ("Example") resolves to the unique person
  whose full name ends with it, and a new full name absorbs an earlier
  surname-only person (renaming it, keeping the surname as an alias).

Everything else (mentions, roles, statements, questions, links, policy facts,
sentences, time expressions) belongs to one article and carries its span.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import bindparam, event, func, insert, select, text, update
from sqlalchemy.orm import Session

from tradelink import PARSER_VERSION
from tradelink.models import Extraction
from tradelink.store import nameindex
from tradelink.store import schema as S
from tradelink.store.names import key_of as _key_of
from tradelink.store.plain import Plain, plain


# Names repeat across articles (the writer asks for about 200 keys an
# article, most of them common names): the recent ones are kept.  4096 hit
# nearly as often as 65536 (75.0k against 76.0k of 88k lookups on 2,000
# synthetic articles) and stay about 1 MB however many names there are.
_key = functools.lru_cache(maxsize=4096)(_key_of)


@dataclass(slots=True)
class IngestResult:
    article_id: str
    status: Literal["new", "duplicate"]
    title: str | None = None
    source: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


def ingest(session: Session, extraction: Extraction | Plain,
           parser_version: int = PARSER_VERSION) -> IngestResult:
    """Store one article's extraction (or its `plain` form); a text already stored
    is reported as a duplicate."""
    x = plain(extraction)
    art = x.article
    db = _ops(session)
    if db.has_article(art.id):
        return IngestResult(art.id, "duplicate", art.title, art.source)
    db.insert(S.ArticleRow, _ARTICLE_COLS, [(
        art.id, art.title, art.outlet, art.url, db.date(art.published), art.dateline, art.text,
        art.source, parser_version,
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"))])
    if db.sqlite:
        _note_unindexed(session, art.id)
    _ArticleWriter(session, db, x).write()
    counts = {"actors": len(x.actors), "commodities": len(x.commodities),
              "policies": len(x.policies), "statements": len(x.statements),
              "questions": len(x.questions), "links": len(x.links)}
    return IngestResult(art.id, "new", art.title, art.source, counts)


# --- search indexes (SQLite) ------------------------------------------------------
# Five full-text indexes have no insert trigger (migrations 0005, 0007): those
# of sentences, statements, questions and links (by article) and that of alias
# keys.  The ids of the articles stored in a transaction collect in
# ``session.info``, with the highest alias id from before its first article;
# the new rows are indexed in one statement per index just before the
# transaction commits, so an index never lags a commit.

_UNINDEXED = "tradelink_unindexed_articles"
_ALIASES_AFTER = "tradelink_unindexed_aliases_after"
# (FTS table, content table, indexed column); rows found by article id
_ARTICLE_INDEXES = (("search_sentences", "sentences", "text"), ("search_statements", "statements", "text"),
                    ("search_questions", "questions", "text"), ("search_link_trigrams", "links", "text"))
_ALIAS_INDEX = ("search_alias_keys", "aliases", "key")


# The distinct ends of the links, their counts (migration 0008) and newest
# ids (0009), likewise added per transaction; delete and update triggers take
# links off.
_LINK_ENDS = ("INSERT INTO link_ends (source_id, target_id, policy_id, n, newest) "
              "SELECT source_id, target_id, COALESCE(policy_id, 0), COUNT(*), MAX(id) FROM links "
              "WHERE {where} GROUP BY source_id, target_id, COALESCE(policy_id, 0) "
              "ON CONFLICT (source_id, target_id, policy_id) "
              "DO UPDATE SET n = n + excluded.n, newest = MAX(newest, excluded.newest)")


def index_articles(connection, article_ids) -> None:
    """Add the sentences, statements, questions and links of these (new) articles to the SQLite
    indexes, and their links' ends to ``link_ends``.

    ``connection``: SQLAlchemy's or the stdlib's, as for the two functions below."""
    ids = sorted(set(article_ids))
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for fts, table, col in _ARTICLE_INDEXES:
            _exec(connection, f"INSERT INTO {fts}(rowid, {col}) SELECT id, {col} FROM {table} "
                  f"WHERE article_id IN ({marks}) ORDER BY id", tuple(chunk))
        _exec(connection, _LINK_ENDS.format(where=f"article_id IN ({marks})"), tuple(chunk))


def index_aliases(connection, after_id: int) -> None:
    """Add the aliases with an id above ``after_id`` (new ones) to the SQLite alias-key index."""
    fts, table, col = _ALIAS_INDEX
    _exec(connection, f"INSERT INTO {fts}(rowid, {col}) SELECT id, {col} FROM {table} "
          f"WHERE id > ? ORDER BY id", (after_id,))


def rebuild_indexes(connection) -> None:
    """Rebuild every SQLite index without an insert trigger (for rows inserted by hand)."""
    for fts, _table, _col in (*_ARTICLE_INDEXES, _ALIAS_INDEX):
        _exec(connection, f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    _exec(connection, "DELETE FROM link_ends")
    _exec(connection, _LINK_ENDS.format(where="1 = 1"))


def _exec(connection, sql: str, params: tuple = ()) -> None:
    """Run ``sql`` on a SQLAlchemy connection or a stdlib sqlite3 one."""
    run = getattr(connection, "exec_driver_sql", None) or connection.execute
    run(sql, params)


def _note_unindexed(session: Session, article_id: str) -> None:
    info = session.info
    if _ALIASES_AFTER not in info:  # before this transaction writes its first alias
        info[_ALIASES_AFTER] = session.connection().exec_driver_sql(
            "SELECT coalesce(max(id), 0) FROM aliases").scalar()
    info.setdefault(_UNINDEXED, set()).add(article_id)


@event.listens_for(Session, "before_commit")
def _index_before_commit(session: Session) -> None:
    if session.get_nested_transaction() is not None:
        return  # a savepoint: the outer transaction indexes everything at once
    ids = session.info.pop(_UNINDEXED, None)
    after = session.info.pop(_ALIASES_AFTER, None)
    if ids:
        index_articles(session.connection(), ids)
    if after is not None:
        index_aliases(session.connection(), after)


@event.listens_for(Session, "after_transaction_end")
def _forget_on_rollback(session: Session, transaction) -> None:
    if transaction.parent is None:  # the outer transaction ended: committed ids are gone already
        session.info.pop(_UNINDEXED, None)
        session.info.pop(_ALIASES_AFTER, None)


# Each table's columns, in the order the writer builds its rows.
_ARTICLE_COLS = ("id", "title", "outlet", "url", "published", "dateline", "text", "source",
                 "parser_version", "ingested_at")
_ENTITY_COLS = ("kind", "key", "name", "type", "party")
_ALIAS_COLS = ("entity_id", "alias", "key")
_MENTION_COLS = ("entity_id", "article_id", "start", "end", "text")
_ROLE_COLS = ("entity_id", "article_id", "role", "start", "end", "text")
_SENTENCE_COLS = ("article_id", "idx", "section", "block", "start", "end", "text")
_TIME_COLS = ("article_id", "resolved", "start", "end", "text")
_FACT_COLS = ("policy_id", "article_id", "actor_id", "counterpart_id", "target", "status",
              "when_text", "when_resolved", "start", "end", "text", "sentence_start", "sentence_end")
_STATEMENT_COLS = ("article_id", "speaker_id", "speaker_descriptor", "kind", "verb", "medium_id",
                   "hedge", "when_text", "when_resolved", "start", "end", "text",
                   "sentence_start", "sentence_end")
_LINK_COLS = ("article_id", "source_id", "relation", "predicate", "target_id", "policy_id", "hedge",
              "start", "end", "text", "sentence_start", "sentence_end")
_QUESTION_COLS = ("article_id", "parent_id", "headline", "section", "start", "end", "text")


def _fix(rows: list[tuple], cols: tuple[str, ...], real: dict[int, int]) -> list[tuple]:
    """``rows`` with the placeholder ids of new entities made real (not on SQLite:
    there new entities get their ids up front)."""
    at = [i for i, c in enumerate(cols) if c in _ENTITY_COLUMNS]
    out = []
    for row in rows:
        if any((row[i] or 0) < 0 for i in at):
            row = list(row)
            for i in at:
                if (row[i] or 0) < 0:
                    row[i] = real[row[i]]
            row = tuple(row)
        out.append(row)
    return out


class _ArticleWriter:
    """Writes the per-article rows, resolving names to global entities on the way.

    Entities and aliases that any name of the article could match are fetched
    up front in two queries; only a surname that matches nothing known falls
    back to a query of its own."""

    def __init__(self, session: Session, db: _Ops, x: Plain):
        self.s = session
        self.db = db
        self.x = x
        self.aid = x.article.id
        self.ids: dict[tuple[str, str], int] = {}  # (kind, key) -> entity id, this article
        self.by_key: dict[tuple[str, str], _Ent] = {}  # (kind, key) -> entity, from the db
        self.by_alias: dict[tuple[str, str], set[int]] = {}  # (kind, alias key) -> entity ids
        self.ents: dict[int, _Ent] = {}
        self.alias_keys: dict[int, set[str]] = {}  # entity id -> alias keys it has
        self.new_aliases: list[tuple] = []  # (entity id, alias, key)
        # New entities wait here and are inserted in one statement, under the ids
        # SQLite will give them, or (other databases) negative placeholders.
        self.pending: dict[int, dict] = {}
        self.first_new_id: int | None = None

    def write(self) -> None:
        x, aid = self.x, self.aid
        self.prefetch()
        resolve, ref, node = self.resolve, self.actor_ref, self.node
        mentions, roles = [], []
        for name, type_, aliases, party, spans, actor_roles in x.actors:
            eid = resolve("actor", name, type_, aliases, party)
            mentions += [(eid, aid, *m) for m in spans]
            roles += [(eid, aid, *r) for r in actor_roles]
        for name, category, aliases, spans in x.commodities:
            eid = resolve("commodity", name, category, aliases)
            mentions += [(eid, aid, *m) for m in spans]
        # Names resolve in the order they come: policy, actor, counterpart; speaker,
        # medium; source, target, policy (a new entity's id depends on it).
        facts = [(resolve("policy", name, kind), aid, ref(actor), ref(counterpart), *rest)
                 for name, kind, actor, counterpart, rest in x.policies]
        statements = [(aid, ref(speaker, speaker_type), *head, ref(medium, "media"), *tail)
                      for speaker, speaker_type, medium, head, tail in x.statements]
        links = [(aid, node(skind, source), relation, predicate, node(tkind, target),
                  node("policy", policy) if policy else None, *tail)
                 for skind, source, tkind, target, policy, (relation, predicate), tail in x.links]
        tables = [(S.AliasRow, _ALIAS_COLS, self.new_aliases), (S.MentionRow, _MENTION_COLS, mentions),
                  (S.RoleRow, _ROLE_COLS, roles)]
        real = self.insert_pending()
        if real:
            tables = [(model, cols, _fix(rows, cols, real)) for model, cols, rows in tables]
            facts = _fix(facts, _FACT_COLS, real)
            statements = _fix(statements, _STATEMENT_COLS, real)
            links = _fix(links, _LINK_COLS, real)
        insert = self.db.insert
        for model, cols, rows in tables:
            insert(model, cols, rows)
        insert(S.SentenceRow, _SENTENCE_COLS, [(aid, i, *s) for i, s in enumerate(x.sentences)])
        insert(S.TimeRow, _TIME_COLS, [(aid, *t) for t in x.times])
        insert(S.PolicyFactRow, _FACT_COLS, facts)
        insert(S.StatementRow, _STATEMENT_COLS, statements)
        insert(S.LinkRow, _LINK_COLS, links)
        self.write_questions()

    def insert_pending(self) -> dict[int, int]:
        """Insert the new entities; map their placeholder ids (if any) to real ones."""
        if not self.pending:
            return {}
        temp = list(self.pending)
        if temp[0] > 0:  # ids known already
            self.db.insert(S.EntityRow, ("id", *_ENTITY_COLS), [
                (t, *[self.pending[t][c] for c in _ENTITY_COLS]) for t in temp])
            return {}
        ids = self.db.insert_returning_ids(S.EntityRow, _ENTITY_COLS, [
            tuple(self.pending[t][c] for c in _ENTITY_COLS) for t in temp])
        return dict(zip(temp, ids))

    def write_questions(self) -> None:
        qs, aid = self.x.questions, self.aid
        heads = [q for q in qs if q[0]]
        parents: dict[str, int] = {}
        if heads:  # headline questions first, ids back in order: follow-ups point at them
            ids = self.db.insert_returning_ids(S.QuestionRow, _QUESTION_COLS, [
                (aid, None, True, section, *span) for _h, _p, section, *span in heads])
            for q, qid in zip(heads, ids):
                parents.setdefault(q[-1], qid)
        self.db.insert(S.QuestionRow, _QUESTION_COLS, [
            (aid, parents.get(parent) if parent else None, False, section, *span)
            for headline, parent, section, *span in qs if not headline])

    # --- names -> entity ids ------------------------------------------------------

    def prefetch(self) -> None:
        """Load every entity and alias whose key is one of this article's names."""
        x = self.x
        names = [n for a in x.actors for n in (a[0], *a[2])]
        names += [n for c in x.commodities for n in (c[0], *c[2])]
        names += [p[0] for p in x.policies] + [n for p in x.policies for n in p[2:4]]  # actor, counterpart
        names += [n for st in x.statements for n in (st[0], st[2])]
        names += [n for ln in x.links for n in (ln[1], ln[3], ln[4])]
        named = {_key(n) for n in names if n}
        # Surnames, for absorbing: only an entity whose key is one matters then.
        # Aliases are looked up by the names themselves (a common surname is an
        # alias of more and more people as the knowledge base grows).
        keys = named | {k.split()[-1] for k in named if " " in k}
        if not keys:
            return
        db = self.db
        for chunk in _chunks(sorted(keys)):
            for row in db.entities(chunk):
                self._know(row)
        for chunk in _chunks(sorted(named)):
            for alias_key, *row in db.aliases(chunk):
                self._know(row)
                self.by_alias.setdefault((row[1], alias_key), set()).add(row[0])
        # The alias keys a known entity has matter only for those it may be given
        # here: this article's names and its own name.
        wanted = sorted(named | {k for e in self.ents.values() for k in (e.key, _key(e.name))})
        for ids in _chunks(sorted(self.ents)):
            for chunk in _chunks(wanted):
                for eid, k in db.alias_keys(ids, chunk):
                    self.alias_keys.setdefault(eid, set()).add(k)

    def _know(self, row) -> _Ent:
        """Remember an entity row (id, kind, key, name, type) from the database."""
        ent = self.ents.get(row[0])
        if ent is None:
            ent = self.ents[row[0]] = _Ent(*row)
            self.by_key[(ent.kind, ent.key)] = ent
        return ent

    def actor_ref(self, name: str | None, type_: str | None = None) -> int | None:
        if not name:
            return None
        return self.resolve("actor", name, type_ or _guess_type(name))

    def node(self, kind: str, name: str) -> int:
        if kind == "actor":
            return self.resolve("actor", name, _guess_type(name))
        return self.resolve(kind, name, "other")

    def new_id(self) -> int:
        """The id of the next new entity: as SQLite will number it (the writer holds
        the write lock, so that is the highest id + 1), else a negative placeholder."""
        if not self.pending:
            self.first_new_id = self.db.next_entity_id()
        if self.first_new_id is None:
            return -1 - len(self.pending)
        return self.first_new_id + len(self.pending)

    def resolve(self, kind: str, name: str, type_: str, aliases=(), party: str | None = None) -> int:
        """The id of the global entity for ``name``, created or merged as needed."""
        k = _key(name)
        eid = self.ids.get((kind, k))
        if eid is not None and not aliases and party is None:
            return eid
        if eid is None:
            ent = self._match(kind, name, type_, aliases)
            if ent is None:
                new_id = self.new_id()
                self.pending[new_id] = {"kind": kind, "key": k, "name": name, "type": type_,
                                        "party": party}
                ent = _Ent(new_id, kind, k, name, type_)
                self.ents[new_id] = ent
                self.by_key[(kind, k)] = ent
                self.alias_keys[new_id] = set()
            eid = ent.id
        if party and eid in self.pending:
            self.pending[eid]["party"] = self.pending[eid]["party"] or party
        elif party:
            self.s.execute(update(S.EntityRow.__table__)
                           .where(S.EntityRow.id == eid, S.EntityRow.party.is_(None))
                           .values(party=party))
        self._add_aliases(eid, [self.ents[eid].name, name, *aliases])
        for n in (name, *aliases):
            self.ids.setdefault((kind, _key(n)), eid)
        return eid

    def _match(self, kind: str, name: str, type_: str, aliases) -> _Ent | None:
        k = _key(name)
        ent = self.by_key.get((kind, k))
        if ent is not None:
            return ent
        # The name is a known alias of exactly one entity.
        found = self.by_alias.get((kind, k), set())
        if len(found) == 1:
            return self.ents[next(iter(found))]
        # One of our aliases is the name of exactly one entity.
        others = {self.by_key[(kind, a)].id for a in {_key(a) for a in aliases} - {k}
                  if (kind, a) in self.by_key}
        if len(others) == 1:
            return self._absorb(self.ents[others.pop()], name, type_)
        if kind == "actor" and type_ == "person":
            words = k.split()
            if len(words) == 1:  # a surname: the unique person whose full name ends with it
                found_rows = self.db.surname(k)
                new = [e for e in self.ents.values()
                       if e.id in self.pending and e.type == "person" and e.key.endswith(" " + k)]
                if len(found_rows) + len(new) == 1:
                    if new:
                        return new[0]
                    ent = self._know(found_rows[0])
                    self.alias_keys.setdefault(ent.id, set()).update(
                        k for _eid, k in self.db.alias_keys([ent.id]))
                    return ent
            else:  # a full name: absorbs an earlier surname-only person
                ent = self.by_key.get(("actor", words[-1]))
                if ent is not None and ent.type == "person":
                    return self._absorb(ent, name, type_)
        return None

    def _absorb(self, ent: _Ent, name: str, type_: str) -> _Ent:
        """An earlier short name of a person meets its full form: rename the entity."""
        k = _key(name)
        if type_ == "person" and ent.type == "person" and k.endswith(" " + ent.key):
            if ent.id in self.pending:
                self.pending[ent.id].update(name=name, key=k)
            else:
                self.s.execute(update(S.EntityRow.__table__).where(S.EntityRow.id == ent.id)
                               .values(name=name, key=k))
            del self.by_key[(ent.kind, ent.key)]
            ent.key, ent.name = k, name
            self.by_key[(ent.kind, k)] = ent
        return ent

    def _add_aliases(self, eid: int, names) -> None:
        have = self.alias_keys.setdefault(eid, set())
        kind = self.ents[eid].kind
        for n in names:
            n = " ".join(n.split())
            k = _key(n)
            if n and k not in have:
                have.add(k)
                self.by_alias.setdefault((kind, k), set()).add(eid)
                self.new_aliases.append((eid, n, k))


@dataclass(slots=True)
class _Ent:
    id: int
    kind: str
    key: str
    name: str
    type: str


KINDS = ("actor", "commodity", "policy")


# --- the writer's statements -----------------------------------------------------


def _ops(session: Session) -> _Ops:
    if session.get_bind().dialect.name == "sqlite":
        return _SqliteOps(session)
    return _Ops(session)


class _Ops:
    """The writer's lookups and inserts through SQLAlchemy Core (any database).

    Entity rows come back as tuples (id, kind, key, name, type)."""

    sqlite = False

    def __init__(self, session: Session):
        self.s = session

    def date(self, value: dt.date | None):
        return value

    def has_article(self, article_id: str) -> bool:
        return self.s.scalar(_queries()["article"], {"id": article_id}) is not None

    def insert(self, model, cols: tuple[str, ...], rows: list[tuple]) -> None:
        """Insert ``rows``, tuples of the values of ``cols``."""
        if rows:  # Core executemany: no ORM bookkeeping per row
            self.s.execute(_insert(model.__table__), [dict(zip(cols, r)) for r in rows])

    def insert_returning_ids(self, model, cols: tuple[str, ...], rows: list[tuple]) -> list[int]:
        """Insert ``rows``; their new ids, in the same order."""
        return list(self.s.execute(_insert_returning_id(model.__table__),
                                   [dict(zip(cols, r)) for r in rows]).scalars())

    def next_entity_id(self) -> int | None:
        """The id the next entity inserted will get, if known before inserting it."""
        return None

    def entities(self, keys: list[str]) -> list[tuple]:
        """Entities whose key is one of ``keys``."""
        return [tuple(r) for r in self.s.execute(_queries()["entities"], {"keys": keys})]

    def aliases(self, keys: list[str]) -> list[tuple]:
        """(alias key, *entity) for aliases whose key is one of ``keys``: at least two
        entities of a kind per key where there are two or more (whether one alone
        has it is all the writer asks)."""
        return [tuple(r) for r in self.s.execute(_queries()["aliases"], {"keys": keys})]

    def alias_keys(self, ids: list[int], keys: list[str] | None = None) -> list[tuple]:
        """(entity id, alias key) for the aliases of these entities (whose key is one of ``keys``)."""
        if keys is None:
            return [tuple(r) for r in self.s.execute(_queries()["alias_keys"], {"ids": ids})]
        return [tuple(r) for r in self.s.execute(_queries()["alias_keys_in"], {"ids": ids, "keys": keys})]

    def surname(self, surname_key: str) -> list[tuple]:
        """Up to two people whose key ends with the word ``surname_key``."""
        sql, params = nameindex.surname_ids(self.s.get_bind().dialect.name, surname_key)
        return [tuple(r) for r in self.s.execute(text(sql), params)]


class _SqliteOps(_Ops):
    """The same statements as plain SQL on the stdlib driver's cursor, in the
    session's transaction: building and compiling SQLAlchemy statements cost
    the writer more than SQLite spent running them."""

    sqlite = True

    def __init__(self, session: Session):
        super().__init__(session)
        self.cur = session.connection().connection.driver_connection.cursor()

    def date(self, value: dt.date | None):
        return None if value is None else value.isoformat()  # as SQLAlchemy's Date stores it

    def has_article(self, article_id: str) -> bool:
        return self.cur.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def insert(self, model, cols, rows):
        if rows:
            self.cur.executemany(_driver_insert(model.__tablename__, cols), rows)

    def insert_returning_ids(self, model, cols, rows):
        sql, ids = _driver_insert(model.__tablename__, cols), []
        for row in rows:
            ids.append(self.cur.execute(sql, row).lastrowid)
        return ids

    def next_entity_id(self):
        # An INTEGER PRIMARY KEY without AUTOINCREMENT: the highest id + 1.
        return self.cur.execute("SELECT coalesce(max(id), 0) + 1 FROM entities").fetchone()[0]

    def entities(self, keys):
        # kind first: the (kind, key) unique index answers it
        return self.cur.execute(
            "SELECT id, kind, key, name, type FROM entities WHERE kind IN ('actor', 'commodity', 'policy')"
            f" AND key IN ({_marks(len(keys))})", keys).fetchall()

    def aliases(self, keys):
        # A common surname is an alias of more people as the knowledge base grows: two a kind do.
        return self.cur.execute(
            "SELECT key, id, kind, ekey, name, type FROM (SELECT a.key, e.id, e.kind, e.key AS ekey,"
            " e.name, e.type, row_number() OVER (PARTITION BY a.key, e.kind ORDER BY e.id) AS n"
            f" FROM aliases a JOIN entities e ON a.entity_id = e.id WHERE a.key IN ({_marks(len(keys))}))"
            " WHERE n <= 2", keys).fetchall()

    def alias_keys(self, ids, keys=None):
        sql = f"SELECT entity_id, key FROM aliases WHERE entity_id IN ({_marks(len(ids))})"
        if keys is None:
            return self.cur.execute(sql, ids).fetchall()
        return self.cur.execute(f"{sql} AND key IN ({_marks(len(keys))})", [*ids, *keys]).fetchall()

    def surname(self, surname_key):
        sql, params = nameindex.surname_ids("sqlite", surname_key)
        return self.cur.execute(sql, params).fetchall()


@functools.cache
def _marks(n: int) -> str:
    return ", ".join("?" * n)


@functools.cache
def _insert(table):
    return insert(table)


@functools.cache
def _driver_insert(table: str, cols: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in cols)
    return f'INSERT INTO "{table}" ({names}) VALUES ({_marks(len(cols))})'


@functools.cache
def _insert_returning_id(table):
    return insert(table).returning(table.c.id, sort_by_parameter_order=True)


@functools.cache
def _queries() -> dict:
    """The writer's lookups, built once (building a select costs more than running it)."""
    E, A = S.EntityRow.__table__.c, S.AliasRow.__table__.c
    return {
        "article": select(S.ArticleRow.id).where(S.ArticleRow.id == bindparam("id")),
        # kind first: the (kind, key) unique index answers it
        "entities": select(E.id, E.kind, E.key, E.name, E.type)
        .where(E.kind.in_(KINDS), E.key.in_(bindparam("keys", expanding=True))),
        "aliases": select(A.key, E.id, E.kind, E.key.label("ekey"), E.name, E.type)
        .join_from(S.AliasRow.__table__, S.EntityRow.__table__, A.entity_id == E.id)
        .where(A.key.in_(bindparam("keys", expanding=True))),
        "alias_keys": select(A.entity_id, A.key).where(A.entity_id.in_(bindparam("ids", expanding=True))),
        "alias_keys_in": select(A.entity_id, A.key).where(A.entity_id.in_(bindparam("ids", expanding=True)),
                                                         A.key.in_(bindparam("keys", expanding=True))),
    }


_ENTITY_COLUMNS = ("entity_id", "policy_id", "actor_id", "counterpart_id", "speaker_id",
                   "medium_id", "source_id", "target_id")


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _guess_type(name: str) -> str:
    """Type for an actor named only in a statement or link: groups are lower-case nouns."""
    return "group" if name[:1].islower() or name.split()[-1].islower() else "organization"


def article_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(S.ArticleRow)) or 0
