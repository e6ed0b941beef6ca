"""The link graph, queried in the database.

Entities (actors, commodities, policies) are the nodes; rows of ``links`` are
the directed edges. Everything here is plain SQL that runs unchanged on SQLite
(through the stdlib ``sqlite3`` module) and on PostgreSQL (through SQLAlchemy
Core ``text()``): both take ``:name`` bind parameters.

* `resolve` finds the entities a name means: an exact name or alias,
  case-insensitively, else a unique-enough substring of one.
* `filter_links` answers ``links --from A --to B --relation R --about TERM``.
* `neighbours` lists what an entity is linked to, in either direction.
* `shortest_paths` answers ``path A B``: a bidirectional breadth-first search
  walks the links as undirected edges (reachability ignores direction) and
  every step reports how many links it rests on and the newest of them, with
  their direction, evidence sentence and article.
* `load_graph` gathers nodes and merged edges for the exports and the brief.

The functions take an open connection (``sqlite3.Connection`` or a SQLAlchemy
``Connection``); the caller owns it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from tradelink.errors import TradelinkError, UsageError

DEFAULT_MAX_HOPS = 4
MAX_PATHS = 50
DEFAULT_EVIDENCE = 3  # links shown per step of a path; 0 shows them all


# --- plumbing ----------------------------------------------------------------------


def query(conn, sql: str, params: dict | None = None) -> list[tuple]:
    """Run ``sql`` with ``:name`` parameters; rows come back as tuples.

    ``conn`` is the store's `Reader` (``tradelink.store.db``), a stdlib
    ``sqlite3.Connection`` or a SQLAlchemy ``Connection``. Every selected
    column has its own name, so a reader that returns dicts loses nothing."""
    params = dict(params or {})
    raw = getattr(conn, "conn", conn)
    if isinstance(raw, sqlite3.Connection):
        for key, value in params.items():
            if isinstance(value, dt.date):
                params[key] = value.isoformat()
    if hasattr(conn, "rows"):
        return [tuple(row.values()) for row in conn.rows(sql, params)]
    if isinstance(conn, sqlite3.Connection):
        return [tuple(row) for row in conn.execute(sql, params).fetchall()]
    from sqlalchemy import text

    return [tuple(row) for row in conn.execute(text(sql), params)]


def _in(prefix: str, values, params: dict) -> str:
    """``:p0, :p1, ...`` for an IN list, adding the values to ``params``."""
    names = []
    for i, value in enumerate(values):
        names.append(f":{prefix}{i}")
        params[f"{prefix}{i}"] = value
    return ", ".join(names) or "NULL"


def _key(name: str) -> str:
    """A name's lookup key, as the store writes it: casefolded, spaces collapsed,
    curly apostrophes straightened."""
    return " ".join(name.replace("\u2019", "'").casefold().split())[:255]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- records -----------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    id: int
    kind: str  # actor | commodity | policy
    name: str
    type: str  # actor type | commodity category | policy kind

    def as_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "type": self.type}


@dataclass(frozen=True)
class Evidence:
    article: str
    start: int
    end: int
    text: str  # the link's evidence words
    sentence: str  # the sentence they stand in (the words themselves if unknown)
    sentence_start: int
    sentence_end: int

    def as_dict(self) -> dict:
        return {"article": self.article, "start": self.start, "end": self.end,
                "evidence": self.text, "sentence": self.sentence}


@dataclass
class LinkFact:
    """One row of ``links``, with its endpoints resolved."""

    id: int
    source: Node
    relation: str
    predicate: str
    target: Node
    policy: str | None
    hedge: str | None
    evidence: Evidence
    policy_id: int | None = None

    def row(self) -> dict:
        """The ``links --json`` row (`tradelink.models.LinkRow`)."""
        return {
            "source": self.source.name, "source_kind": self.source.kind,
            "relation": self.relation, "predicate": self.predicate,
            "target": self.target.name, "target_kind": self.target.kind,
            "policy": self.policy, "hedge": self.hedge,
            "evidence": self.evidence.text, "article": self.evidence.article,
        }


@dataclass
class Step:
    """One hop of a path: ``frm`` to ``to``, resting on ``total`` links, of
    which ``links`` holds the newest (all of them unless capped)."""

    frm: Node
    to: Node
    links: list[LinkFact]
    total: int = -1  # -1: len(links)

    def __post_init__(self):
        if self.total < 0:
            self.total = len(self.links)

    @property
    def more(self) -> int:
        """How many links the step rests on beyond the ones it shows."""
        return self.total - len(self.links)

    def direction(self, fact: LinkFact) -> str:
        ends = (fact.source.id, fact.target.id)
        if ends == (self.frm.id, self.to.id):
            return "forward"
        if ends == (self.to.id, self.frm.id):
            return "backward"
        return "via"

    def as_dict(self) -> dict:
        return {
            "from": self.frm.name,
            "to": self.to.name,
            "links": [
                {
                    "source": f.source.name, "relation": f.relation, "target": f.target.name,
                    "direction": self.direction(f),
                    "predicate": f.predicate, "policy": f.policy, "hedge": f.hedge,
                    **f.evidence.as_dict(),
                }
                for f in self.links
            ],
            "links_total": self.total,
        }


@dataclass
class Path:
    nodes: list[Node]
    steps: list[Step]

    @property
    def hops(self) -> int:
        return len(self.steps)

    def as_dict(self) -> dict:
        return {"hops": self.hops, "nodes": [n.as_dict() for n in self.nodes],
                "steps": [s.as_dict() for s in self.steps]}


@dataclass
class Edge:
    """Every link with the same source, relation and target, merged."""

    source: Node
    relation: str
    target: Node
    predicates: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({e.article for e in self.evidence})


@dataclass
class Graph:
    nodes: list[Node]
    edges: list[Edge]


# --- names -------------------------------------------------------------------------

_NODE_COLS = "e.id AS id, e.kind AS kind, e.name AS name, e.type AS type"


def resolve(conn, name: str) -> list[Node]:
    """The entities ``name`` means.

    An exact name or alias (case-insensitive) wins; otherwise every entity with
    a name or alias containing it. Raises when nothing matches."""
    key = _key(name)
    if not key:
        raise UsageError("an empty name matches nothing; give an actor, commodity or policy")
    exact = query(conn, f"""
        SELECT {_NODE_COLS} FROM entities e
        WHERE e.key = :key OR e.id IN (SELECT a.entity_id FROM aliases a WHERE a.key = :key)
        ORDER BY e.id""", {"key": key})
    if exact:
        return _by_name(exact)
    loose = query(conn, f"""
        SELECT {_NODE_COLS} FROM entities e
        WHERE e.key LIKE :pat ESCAPE '\\'
           OR e.id IN (SELECT a.entity_id FROM aliases a WHERE a.key LIKE :pat ESCAPE '\\')
        ORDER BY e.id""", {"pat": _like(key)})
    if loose:
        return _by_name(loose)
    raise TradelinkError(
        f"nothing is called {name!r}; see `tradelink actors`, `commodities` or `policies`"
    )


def _by_name(rows) -> list[Node]:
    # sorted here, not in SQL: the order must not depend on the database's collation
    return sorted((Node(*row) for row in rows), key=lambda n: (n.kind, n.name, n.id))


def nodes_by_id(conn, ids) -> dict[int, Node]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    params: dict = {}
    rows = query(conn, f"SELECT {_NODE_COLS} FROM entities e WHERE e.id IN ({_in('n', ids, params)})",
                 params)
    return {row[0]: Node(*row) for row in rows}


def normalise_relation(relation: str) -> str:
    """``"Exchanged for"`` -> ``"exchanged_for"``."""
    return "_".join(relation.replace("-", " ").split()).casefold()


def check_relation(relation: str) -> str:
    """The relation's canonical spelling; raises for one outside the vocabulary."""
    from typing import get_args

    from tradelink.models import Relation

    rel = normalise_relation(relation)
    known = get_args(Relation)
    if rel not in known:
        raise UsageError(f"unknown relation {relation!r}; use one of: {', '.join(known)}")
    return rel


def resolve_article(conn, ref: str) -> str:
    """The full id of the article whose id is or starts with ``ref``."""
    prefix = ref.strip().lower()
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = query(conn, "SELECT id FROM articles WHERE id LIKE :p ESCAPE '\\' ORDER BY id",
                 {"p": escaped + "%"}) if prefix else []
    if not rows:
        raise TradelinkError(f"no article has the id {ref!r}; see `tradelink articles`")
    if len(rows) > 1:
        raise UsageError(f"{ref!r} starts {len(rows)} article ids; give more of the id")
    return rows[0][0]


def article_filter(conn, alias: str, article: str | None = None,
                   since: dt.date | None = None, params: dict | None = None) -> str:
    """A SQL condition on ``{alias}.article_id`` for ``--article`` / ``--since``.

    ``since`` keeps articles published on or after the date, and those with no
    published date that were ingested on or after it."""
    conds = []
    if article is not None:
        params["article"] = resolve_article(conn, article)
        conds.append(f"{alias}.article_id = :article")
    if since is not None:
        params["since"] = since
        params["since_text"] = since.isoformat()
        conds.append(
            f"{alias}.article_id IN (SELECT x.id FROM articles x WHERE x.published >= :since"
            " OR (x.published IS NULL AND x.ingested_at >= :since_text))"
        )
    return " AND ".join(conds) or "1 = 1"


# --- links -------------------------------------------------------------------------

_LINK_SQL = """
    SELECT l.id AS id, l.source_id AS source_id, l.relation AS relation,
           l.predicate AS predicate, l.target_id AS target_id, p.name AS policy,
           l.policy_id AS policy_id, l.hedge AS hedge, l.article_id AS article,
           l.start AS start, l."end" AS "end", l.text AS text,
           COALESCE(l.sentence_start, l.start) AS s_start,
           COALESCE(l.sentence_end, l."end") AS s_end,
           SUBSTR(a.text, COALESCE(l.sentence_start, l.start) + 1,
                  COALESCE(l.sentence_end, l."end") - COALESCE(l.sentence_start, l.start))
               AS sentence
    FROM links l
    JOIN articles a ON a.id = l.article_id
    LEFT JOIN entities p ON p.id = l.policy_id
"""


def _facts(conn, where: str, params: dict) -> list[LinkFact]:
    rows = query(conn, f"{_LINK_SQL} WHERE {where} ORDER BY l.article_id, l.start, l.id", params)
    nodes = nodes_by_id(conn, [r[1] for r in rows] + [r[4] for r in rows])
    out = []
    for (lid, src, rel, pred, dst, policy, policy_id, hedge, art, start, end, text,
         s_start, s_end, sentence) in rows:
        ev = Evidence(art, start, end, text, sentence or text, s_start, s_end)
        out.append(LinkFact(lid, nodes[src], rel, pred, nodes[dst], policy, hedge, ev, policy_id))
    return out


def filter_links(conn, *, source: str | None = None, target: str | None = None,
                 relation: str | None = None, about: str | None = None,
                 article: str | None = None, since: dt.date | None = None) -> list[LinkFact]:
    """Links whose source is ``source``, target is ``target`` (names or aliases,
    case-insensitive), relation is ``relation``, and which mention ``about`` in
    an endpoint's name or alias, the policy, the predicate or the evidence."""
    params: dict = {}
    conds = [article_filter(conn, "l", article, since, params)]
    if source is not None:
        ids = [n.id for n in resolve(conn, source)]
        conds.append(f"l.source_id IN ({_in('s', ids, params)})")
    if target is not None:
        ids = [n.id for n in resolve(conn, target)]
        conds.append(f"l.target_id IN ({_in('t', ids, params)})")
    if relation is not None:
        params["relation"] = check_relation(relation)
        conds.append("l.relation = :relation")
    if about is not None:
        params["about"] = _like(_key(about))
        named = ("SELECT e.id FROM entities e WHERE e.key LIKE :about ESCAPE '\\'"
                 " UNION SELECT al.entity_id FROM aliases al WHERE al.key LIKE :about ESCAPE '\\'")
        conds.append(
            f"(l.source_id IN ({named}) OR l.target_id IN ({named})"
            f" OR l.policy_id IN ({named})"
            " OR LOWER(l.text) LIKE :about ESCAPE '\\' OR LOWER(l.predicate) LIKE :about ESCAPE '\\')"
        )
    return _facts(conn, " AND ".join(conds), params)


def neighbours(conn, name: str) -> list[LinkFact]:
    """Every link that touches an entity ``name`` means, in either direction."""
    params: dict = {}
    ids = _in("n", [n.id for n in resolve(conn, name)], params)
    return _facts(conn, f"(l.source_id IN ({ids}) OR l.target_id IN ({ids}))", params)


# --- paths -------------------------------------------------------------------------

# A link ``s -r-> t`` that runs through a policy ``P`` also joins s and t to P.
# The neighbours of a set of nodes, one row per link (each row names its three
# ends; which pairs they make is worked out in Python, the same for both
# databases). Every branch uses an index. From ``link_ends`` (migration 0008:
# each distinct ends triple once, policy 0 for none) a hub costs its distinct
# neighbours, not its links (6,763 rows, not 203,320, for the busiest of 96k
# articles); a database from before 0008 is read from ``links``.
_NEIGHBOURS_SQL = """
SELECT DISTINCT l.source_id AS s, l.target_id AS t, l.policy_id AS p FROM {table} l
WHERE l.source_id IN ({ids}) OR l.target_id IN ({ids}) OR l.policy_id IN ({ids})
"""
# Frontiers larger than this go to the database in several IN lists (SQLite
# and PostgreSQL both cap the number of bound parameters of one statement).
_CHUNK = 500
_STEPS = 100  # steps per query when collecting a path's links
# Frontiers that name more ends rows than this both are not expanded to see
# whether they are two steps apart: the database finds the nodes between them.
_MIDDLE_ROWS = 500


def _schema_version(conn) -> int:
    rows = query(conn, "SELECT value FROM meta WHERE key = 'schema_version'")
    return int(rows[0][0]) if rows and str(rows[0][0]).isdigit() else 0


def has_link_ends(conn) -> bool:
    """Whether the database has ``link_ends`` (schema 8 or later)."""
    return _schema_version(conn) >= 8


def has_newest(conn) -> bool:
    """Whether ``link_ends`` has each triple's newest link id (schema 9 or later)."""
    return _schema_version(conn) >= 9


def _expand(conn, frontier: set[int], table: str = "links") -> dict[int, set[int]]:
    """Each frontier node's neighbours (either direction, policies included),
    read from ``table``: ``links`` or ``link_ends``. A link (or ends triple)
    ``s, t, p`` joins s and t, and each of them to its policy p (None or 0: no
    policy); a node is never its own neighbour."""
    found: dict[int, set[int]] = {n: set() for n in frontier}
    ids = sorted(frontier)
    for i in range(0, len(ids), _CHUNK):
        params: dict = {}
        names = _in("f", ids[i:i + _CHUNK], params)
        for s, t, p in query(conn, _NEIGHBOURS_SQL.format(table=table, ids=names), params):
            # unrolled: a hub brings thousands of rows
            if s != t:
                if s in frontier:
                    found[s].add(t)
                if t in frontier:
                    found[t].add(s)
            if p:
                if p in frontier:
                    found[p].update(x for x in (s, t) if x != p)
                for x in (s, t):
                    if x != p and x in frontier:
                        found[x].add(p)
    return {n: got for n, got in found.items() if got}


# The links between two sets of nodes, as in `_NEIGHBOURS_SQL` (any two ends of
# a row are joined): six branches, each an index seek on both sets, so a hub
# in either set costs its links to the other set, not all its neighbours.
_BETWEEN_SQL = " UNION ".join(
    f"SELECT l.source_id AS s, l.target_id AS t, l.policy_id AS p FROM {{table}} l"
    f" WHERE l.{x} IN ({{{a}}}) AND l.{y} IN ({{{b}}})"
    for x, y in (("source_id", "target_id"), ("policy_id", "source_id"),
                 ("policy_id", "target_id"))
    for a, b in (("one", "two"), ("two", "one")))


def _between(conn, one: set[int], two: set[int], table: str) -> dict[int, set[int]]:
    """For each node of ``two`` joined to a node of ``one``, those nodes of
    ``one`` (the sets are disjoint and small: at most ``_CHUNK`` each)."""
    params: dict = {}
    sql = _BETWEEN_SQL.format(table=table, one=_in("o", sorted(one), params),
                              two=_in("w", sorted(two), params))
    found: dict[int, set[int]] = {}
    for s, t, p in query(conn, sql, params):
        ends = (s, t, p) if p else (s, t)
        for x in ends:
            if x in two:
                found.setdefault(x, set()).update(y for y in ends if y in one)
    return found


# Each pair of a link's ends, as (neighbour, node) columns.
_PAIR_COLUMNS = (("target_id", "source_id"), ("policy_id", "source_id"),
                 ("source_id", "target_id"), ("policy_id", "target_id"),
                 ("source_id", "policy_id"), ("target_id", "policy_id"))


def _pairs_sql(table: str, ids: str, side: int = 0, among: str | None = None) -> str:
    """(side, neighbour, node) rows for the nodes ``ids`` (an IN list), one per
    pair of ends of a row of ``table`` (their neighbours among ``among`` if
    given): six branches, each an index seek. Policy 0 on ``link_ends`` and
    NULL on ``links`` both fail ``<> 0``."""
    parts = []
    for x, y in _PAIR_COLUMNS:
        cond = f"l.{y} IN ({ids})"
        if x == "policy_id":
            cond += " AND l.policy_id <> 0"
        if among:
            cond += f" AND l.{x} IN ({among})"
        parts.append(f"SELECT {side} AS side, l.{x} AS x, l.{y} AS y FROM {table} l WHERE {cond}")
    return " UNION ALL ".join(parts)


# How many ends rows name a node of ``{ids}`` (as source, target or policy),
# counting at most ``{cap}`` of each: enough to tell a hub from the rest.
_DEGREE_SQL = " + ".join(
    f"(SELECT COUNT(*) FROM (SELECT 1 AS one FROM {{table}} l WHERE l.{col} IN ({{ids}})"
    f" LIMIT {{cap}}) {col[0]})"
    for col in ("source_id", "target_id", "policy_id"))
# The neighbours of one node ``:f`` above ``:after``, in order.
_NEXT_SQL = (
    "SELECT DISTINCT x FROM ("
    + " UNION ALL ".join(f"SELECT l.{x} AS x FROM {{table}} l WHERE l.{y} = :f"
                         + (" AND l.policy_id <> 0" if x == "policy_id" else "")
                         for x, y in _PAIR_COLUMNS)
    + ") n WHERE x > :after ORDER BY x LIMIT :n")


def _degree(conn, nodes: set[int], table: str) -> int:
    """The ends rows of ``table`` that name a node of ``nodes`` (at most
    ``_CHUNK`` nodes), up to ``_MIDDLE_ROWS`` + 1 of each kind: about what
    expanding them reads, and whether that is more than ``_MIDDLE_ROWS``."""
    params: dict = {}
    sql = _DEGREE_SQL.format(table=table, ids=_in("d", sorted(nodes), params),
                             cap=_MIDDLE_ROWS + 1)
    return int(query(conn, f"SELECT {sql} AS n", params)[0][0] or 0)


class _Search:
    """One side of the bidirectional search: the nodes it reached, their
    distance from its end, and for each node the nodes one step nearer."""

    def __init__(self, roots: set[int], table: str):
        self.table = table
        self.dist = {n: 0 for n in roots}
        self.nearer: dict[int, set[int]] = {}
        self.frontier = set(roots)
        self.depth = 0
        self._degree: int | None = None  # of the frontier, once asked

    def degree(self, conn) -> int:
        if self._degree is None:
            self._degree = _degree(conn, self.frontier, self.table)
        return self._degree

    def _advance(self, reached: dict[int, set[int]]) -> None:
        """One level further: ``reached`` maps each new node to its nodes on
        the old frontier."""
        self.depth += 1
        for n, around in reached.items():
            self.dist[n] = self.depth
            self.nearer[n] = around
        self.frontier = set(reached)
        self._degree = None

    def step(self, conn) -> None:
        """Reach the next level: every neighbour of the frontier not seen yet,
        with all its neighbours on the frontier (so every shortest route counts)."""
        nxt: dict[int, set[int]] = {}
        for node, around in _expand(conn, self.frontier, self.table).items():
            for other in around:
                if other not in self.dist:
                    nxt.setdefault(other, set()).add(node)
        self._advance(nxt)

    def join(self, other: "_Search", conn) -> set[int]:
        """Take the step to ``other``'s frontier only, when links join the two
        frontiers: what `step` then finds where the searches meet, without
        reading every neighbour of a hub. Returns the meeting nodes (none:
        nothing taken)."""
        found = _between(conn, self.frontier, other.frontier, self.table)
        if found:
            self._advance(found)
        return set(found)

    def middle(self, other: "_Search", conn) -> set[int]:
        """When no link joins the two frontiers: step both searches onto the
        nodes next to both frontiers, when there are any (what two `step`
        calls would find where the searches meet). The database finds those
        nodes, so a hub on a frontier costs its index entries, not thousands
        of rows in Python. Returns the meeting nodes (none: nothing taken)."""
        params: dict = {}
        small, big = sorted((self, other), key=lambda side: side.degree(conn))
        bigs = _pairs_sql(self.table, _in("b", sorted(big.frontier), params))
        smalls = _pairs_sql(self.table, _in("s", sorted(small.frontier), params))
        sql = f"SELECT DISTINCT b.x AS x FROM ({bigs}) b WHERE b.x IN (SELECT s.x FROM ({smalls}) s)"
        meet = {x for (x,) in query(conn, sql, params)
                if x not in self.dist and x not in other.dist}
        if not meet:
            return meet
        found: tuple[dict[int, set[int]], dict[int, set[int]]] = ({}, {})
        ids = sorted(meet)
        for i in range(0, len(ids), _CHUNK):
            params = {}
            among = _in("m", ids[i:i + _CHUNK], params)
            sql = " UNION ALL ".join(
                _pairs_sql(self.table, _in(name, sorted(side.frontier), params), k, among)
                for k, (name, side) in enumerate((("o", self), ("w", other))))
            for k, x, y in query(conn, sql, params):
                found[k].setdefault(x, set()).add(y)
        self._advance(found[0])
        other._advance(found[1])
        return meet


# `_middle_trails` tries this many neighbours of the forward frontier at most
# before it looks for every node between the frontiers at once instead.
_MIDDLE_TRIES = 2048
_MIDDLE_BATCH = 32  # neighbours tried at first; each batch of the same node twice as many
_MIDDLE_READ = 1024  # neighbours read at once


class _GiveUp(Exception):
    """`_middle_trails` tried too many neighbours."""


def _middle_trails(conn, fwd: _Search, bwd: _Search, ends: set[int],
                   limit: int) -> list[list[int]] | None:
    """The first ``limit`` shortest trails through a node next to both
    frontiers (which no link joins), in order, found without reading every
    such node: a trail is a route to a forward frontier node f, then a
    neighbour m of f next to the backward frontier, then a route from there to
    an end, so the m of each f are needed in ascending order and only until
    ``limit`` trails are found. Two frontier hubs can have thousands of common
    neighbours; f's neighbours are tried in order, a small batch at a time.
    ``[]``: there are none; None: more than `_MIDDLE_TRIES` neighbours were
    tried, or the backward frontier is not small (find them all at once)."""
    if len(bwd.frontier) > 64:
        return None
    ahead: dict[int, list[int]] = {}  # forward node -> the next ones towards the frontier
    for n, near in fwd.nearer.items():
        for m in near:
            ahead.setdefault(m, []).append(n)
    for nxt in ahead.values():
        nxt.sort()
    found: dict[int, list[tuple[int, list[int]]]] = {}  # f -> its (m, ends of m on bwd) so far
    tried: dict[int, int] = {}  # f -> the last neighbour read (all of them: -1)
    waiting: dict[int, list[int]] = {}  # f -> neighbours read, not tried (last first)
    batches: dict[int, int] = {}
    tries = 0
    trails: list[list[int]] = []

    def more(f: int) -> None:
        """Try the next batch of f's neighbours: keep those next to the
        backward frontier."""
        nonlocal tries
        if tries > _MIDDLE_TRIES:
            raise _GiveUp
        queue = waiting.setdefault(f, [])
        if not queue and tried[f] >= 0:
            # a hub's neighbours are read and sorted whatever the limit: take many
            rows = query(conn, _NEXT_SQL.format(table=fwd.table),
                         {"f": f, "after": tried[f], "n": _MIDDLE_READ})
            tried[f] = rows[-1][0] if len(rows) == _MIDDLE_READ else -1
            queue.extend(x for (x,) in reversed(rows))
        size = min(_MIDDLE_BATCH << batches.get(f, 0), 256)  # the first few may be enough
        batches[f] = batches.get(f, 0) + 1
        batch = [queue.pop() for _ in range(min(size, len(queue)))]
        tries += len(batch)
        page = {x for x in batch if x not in fwd.dist and x not in bwd.dist}
        near = _between(conn, bwd.frontier, page, fwd.table) if page else {}
        found[f].extend((m, sorted(near[m])) for m in sorted(near))

    def middles(f: int):
        got = found.setdefault(f, [])
        tried.setdefault(f, 0)
        i = 0
        while True:
            while i < len(got):
                yield got[i]
                i += 1
            if tried[f] < 0 and not waiting.get(f):
                return
            more(f)

    def suffixes(b: int):
        if b in ends:
            yield [b]
            return
        for n in sorted(bwd.nearer[b]):
            for rest in suffixes(n):
                yield [b, *rest]

    def walk(node: int, trail: list[int]) -> None:
        trail = [*trail, node]
        if fwd.dist[node] < fwd.depth:
            for n in ahead.get(node, ()):
                walk(n, trail)
                if len(trails) >= limit:
                    return
            return
        for m, bs in middles(node):
            for b in bs:
                for rest in suffixes(b):
                    trails.append([*trail, m, *rest])
                    if len(trails) >= limit:
                        return

    try:
        for root in sorted(n for n, d in fwd.dist.items() if d == 0):
            walk(root, [])
            if len(trails) >= limit:
                break
    except _GiveUp:
        return None
    return trails


def _shortest_trails(conn, starts: set[int], ends: set[int], max_hops: int,
                     limit: int, link_ends: bool | None = None) -> list[list[int]]:
    """The first ``limit`` shortest trails (node id lists, in ascending order)
    from any of ``starts`` to any of ``ends``, of at most ``max_hops`` steps.

    A breadth-first search from both sides, one level at a time; it stops at
    the first level where the two meet, so a hub two hops away is never
    expanded when the ends are joined in three. While both frontiers are
    small it first asks the database whether they are one link apart (the
    links between them) and then, if expanding either would read many rows,
    whether they are two apart (the nodes next to both: the first few in
    order, `_middle_trails`, else all of them); only when neither holds does
    it expand the frontier with fewer rows to read. The nodes where they meet
    all lie halfway along a shortest route; every shortest trail is a
    shortest route from a start to one of them followed by one from there to
    an end."""
    if link_ends is None:
        link_ends = has_link_ends(conn)
    table = "link_ends" if link_ends else "links"
    fwd, bwd = _Search(starts, table), _Search(ends, table)
    meet: set[int] = set()
    gap = 1  # the fewest links that can lie between the two frontiers
    while fwd.depth + bwd.depth + gap <= max_hops:
        if not fwd.frontier or not bwd.frontier:
            return []
        small = len(fwd.frontier) <= _CHUNK and len(bwd.frontier) <= _CHUNK
        if small and gap == 1:
            # Two frontiers joined by a link make the shortest routes one step
            # longer than the searches so far: find those links first (cheap
            # for small frontiers), and expand only when there are none.
            meet = fwd.join(bwd, conn)
            if meet:
                break
            gap = 2
            continue
        # What expanding each side would read: its ends rows (while small),
        # else its nodes.
        cost = ((fwd.degree(conn), bwd.degree(conn)) if small
                else (len(fwd.frontier), len(bwd.frontier)))
        if small and gap == 2 and min(cost) > _MIDDLE_ROWS:
            # Both frontiers read many rows when expanded: look for the nodes
            # next to both in the database instead, the first few in order
            # when they are many, else all of them.
            trails = _middle_trails(conn, fwd, bwd, ends, limit)
            if trails:
                return trails
            if trails is not None:  # none at all
                gap = 3
                continue
            meet = fwd.middle(bwd, conn)
            if meet:
                break
            gap = 3
            continue
        grow, other = (fwd, bwd) if cost[0] <= cost[1] else (bwd, fwd)
        grow.step(conn)
        meet = {n for n in grow.frontier if n in other.dist}
        if meet:
            break
        gap = max(gap - 1, 1)
    if not meet:
        return []
    # The forward half: walk back from the meeting nodes to the starts, keeping
    # only the nodes that lead to one of them; then enumerate in id order.
    mid = fwd.dist[next(iter(meet))]
    ahead: dict[int, set[int]] = {}  # node -> the next nodes towards the meeting level
    layer = set(meet)
    for _ in range(mid):
        back: set[int] = set()
        for n in layer:
            for m in fwd.nearer.get(n, ()):
                ahead.setdefault(m, set()).add(n)
                back.add(m)
        layer = back
    firsts = sorted(layer)
    following = {n: sorted(v) for n, v in ahead.items()}
    trails: list[list[int]] = []
    trail: list[int] = []

    def walk(node: int, depth: int) -> None:
        trail.append(node)
        if depth < mid:
            nxt = following[node]
        elif node in ends:
            trails.append(list(trail))
            nxt = []
        else:
            nxt = sorted(bwd.nearer[node])
        for n in nxt:
            if len(trails) >= limit:
                break
            walk(n, depth + 1)
        trail.pop()

    for n in firsts:
        if len(trails) >= limit:
            break
        walk(n, 0)
    return trails


def shortest_paths(conn, a: str, b: str, *, max_hops: int = DEFAULT_MAX_HOPS,
                   limit: int = MAX_PATHS, evidence: int = DEFAULT_EVIDENCE) -> list[Path]:
    """The shortest paths from ``a`` to ``b`` of at most ``max_hops`` links.

    Links count in either direction, and a link that runs through a policy also
    joins each of its ends to that policy. Each step counts the links it rests
    on and lists the newest ``evidence`` of them (all for 0), newest first,
    with their direction: ``forward``, ``backward`` or ``via`` (the step joins
    an end of the link to the policy it runs through). The newest links are
    the ones stored last (highest id: ingested or reparsed last). When there
    are more than ``limit`` paths, the first ``limit`` in the order of their
    node ids. Returns ``[]`` when no path is that short."""
    if max_hops < 1:
        raise UsageError("--max-hops must be at least 1")
    if evidence < 0:
        raise UsageError("--evidence must be 0 (all) or more")
    starts = resolve(conn, a)
    ends = resolve(conn, b)
    same = {n.id for n in starts} & {n.id for n in ends}
    if same:
        raise UsageError(f"{a!r} and {b!r} name the same entity; give two different ones")
    link_ends = has_link_ends(conn)
    trails = _shortest_trails(conn, {n.id for n in starts}, {n.id for n in ends},
                              max_hops, limit, link_ends)
    if not trails:
        return []
    pairs = sorted({tuple(sorted(pair)) for trail in trails for pair in zip(trail, trail[1:])})
    if link_ends:
        shown, totals = _step_links_by_ends(conn, pairs, evidence, has_newest(conn))
    else:
        shown, totals = _step_links(conn, pairs, evidence)
    nodes = nodes_by_id(conn, {n for trail in trails for n in trail})
    paths = []
    for trail in trails:
        steps = []
        for u, v in zip(trail, trail[1:]):
            pair = (min(u, v), max(u, v))
            steps.append(Step(nodes[u], nodes[v], shown[pair], totals[pair]))
        paths.append(Path([nodes[n] for n in trail], steps))
    return paths


def _joins(i: int) -> str:
    """The links that join ``:u{i}`` and ``:v{i}``: as their ends, or an end and
    the policy the link runs through. Six plain branches, so that each can
    take its own index (on ``link_ends`` every one is an index seek)."""
    return (f"((l.source_id = :u{i} AND l.target_id = :v{i})"
            f" OR (l.source_id = :v{i} AND l.target_id = :u{i})"
            f" OR (l.policy_id = :u{i} AND l.source_id = :v{i})"
            f" OR (l.policy_id = :u{i} AND l.target_id = :v{i})"
            f" OR (l.policy_id = :v{i} AND l.source_id = :u{i})"
            f" OR (l.policy_id = :v{i} AND l.target_id = :u{i}))")


def _pair_batches(pairs: list[tuple[int, int]]):
    """``(part, params)`` for up to ``_STEPS`` pairs at a time (SQLite caps a
    compound SELECT at 500 parts): the indexes of the pairs in the batch, and
    their ends bound as ``u{i}``, ``v{i}`` for `_joins`."""
    for first in range(0, len(pairs), _STEPS):
        part = range(first, min(first + _STEPS, len(pairs)))
        params: dict = {}
        for i in part:
            params[f"u{i}"], params[f"v{i}"] = pairs[i]
        yield part, params


def _step_links(conn, pairs: list[tuple[int, int]], evidence: int
                ) -> tuple[dict[tuple, list[LinkFact]], dict[tuple, int]]:
    """For each pair of nodes, the newest ``evidence`` links that join them
    (all for 0), newest first, and how many links join them.

    Counting and picking the newest read only the ends indexes; the text of
    a link and its sentence are read for the links shown, so a step that
    rests on ten thousand links costs about what one resting on three does."""
    chosen: dict[int, list[int]] = {}
    found: dict[int, int] = {}
    cap = f" LIMIT {int(evidence)}" if evidence else ""
    for part, params in _pair_batches(pairs):
        picks = " UNION ALL ".join(
            f"SELECT * FROM (SELECT {i} AS step, l.id AS id FROM links l WHERE {_joins(i)}"
            f" ORDER BY l.id DESC{cap}) p{i}" for i in part)
        for step, lid in query(conn, picks, params):
            chosen.setdefault(step, []).append(lid)
        if evidence:
            counts = " UNION ALL ".join(
                f"SELECT {i} AS step, COUNT(*) AS n FROM links l WHERE {_joins(i)}" for i in part)
            found.update(query(conn, counts, params))
    for got in chosen.values():
        got.sort(reverse=True)  # a UNION ALL keeps no order on PostgreSQL
    if not evidence:
        found = {i: len(got) for i, got in chosen.items()}
    facts = _facts_by_id(conn, {lid for got in chosen.values() for lid in got})
    shown, totals = {}, {}
    for i, pair in enumerate(pairs):
        shown[pair] = [facts[lid] for lid in chosen.get(i, [])]
        totals[pair] = found.get(i, 0)
    return shown, totals


def _step_links_by_ends(conn, pairs: list[tuple[int, int]], evidence: int, newest: bool = False
                        ) -> tuple[dict[tuple, list[LinkFact]], dict[tuple, int]]:
    """`_step_links` from ``link_ends``: each pair's distinct ends triples and
    their counts come from there, then each triple's newest links from
    ``links``, where all three ends are equal in one index and its entries run
    in id order (so ``ORDER BY id DESC LIMIT n`` stops after n).

    With ``newest`` (each triple's newest link id, schema 9) only the triples
    that can hold a step's newest ``evidence`` links are read: those with the
    highest newest ids, ``evidence`` of them; and a triple with one link is
    not read at all (its newest is its link)."""
    triples: dict[int, list[tuple[int, int, tuple[int, int, int]]]] = {}
    totals_by_step: dict[int, int] = {}
    top = "l.newest" if newest else "0"
    for part, params in _pair_batches(pairs):
        sql = " UNION ALL ".join(
            f"SELECT {i} AS step, l.source_id AS s, l.target_id AS t, l.policy_id AS p, l.n AS n,"
            f" {top} AS newest FROM link_ends l WHERE {_joins(i)}" for i in part)
        for step, s_, t, p, n, last in query(conn, sql, params):
            triples.setdefault(step, []).append((last, n, (s_, t, p)))
            totals_by_step[step] = totals_by_step.get(step, 0) + n
    known: dict[int, set[int]] = {}  # step -> ids of links it may show
    wanted: dict[tuple, list[int]] = {}  # triple -> the steps that read its links
    for step, got in triples.items():
        if newest and evidence:
            # a step's newest k links lie in its k triples with the newest links
            got = sorted(got, reverse=True)[:evidence]
        for last, n, ends in got:
            if newest and n == 1:
                known.setdefault(step, set()).add(last)
            else:
                wanted.setdefault(ends, []).append(step)
    every = sorted(wanted)
    cap = f" LIMIT {int(evidence)}" if evidence else ""
    for first in range(0, len(every), _STEPS):
        params = {}
        parts = []
        for k in range(first, min(first + _STEPS, len(every))):
            s_, t, p = every[k]
            params[f"s{k}"], params[f"t{k}"] = s_, t
            if p:
                params[f"p{k}"] = p
            policy = f"l.policy_id = :p{k}" if p else "l.policy_id IS NULL"
            parts.append(f"SELECT * FROM (SELECT {k} AS k, l.id AS id FROM links l"
                         f" WHERE l.source_id = :s{k} AND l.target_id = :t{k} AND {policy}"
                         f" ORDER BY l.id DESC{cap}) q{k}")
        for k, lid in query(conn, " UNION ALL ".join(parts), params):
            for step in wanted[every[k]]:
                known.setdefault(step, set()).add(lid)
    chosen = {}
    for step, got in known.items():
        ids = sorted(got, reverse=True)
        chosen[step] = ids[:evidence] if evidence else ids
    facts = _facts_by_id(conn, {lid for ids in chosen.values() for lid in ids})
    shown, totals = {}, {}
    for i, pair in enumerate(pairs):
        shown[pair] = [facts[lid] for lid in chosen.get(i, []) if lid in facts]
        totals[pair] = totals_by_step.get(i, 0)
    return shown, totals


def _facts_by_id(conn, ids) -> dict[int, LinkFact]:
    ids = sorted(ids)
    facts: dict[int, LinkFact] = {}
    for k in range(0, len(ids), _CHUNK):
        p: dict = {}
        for f in _facts(conn, f"l.id IN ({_in('i', ids[k:k + _CHUNK], p)})", p):
            facts[f.id] = f
    return facts


# --- the whole graph ---------------------------------------------------------------


def load_graph(conn, *, article: str | None = None, since: dt.date | None = None) -> Graph:
    """Nodes and merged edges of the links in scope (all articles by default)."""
    params: dict = {}
    facts = _facts(conn, article_filter(conn, "l", article, since, params), params)
    edges: dict[tuple, Edge] = {}
    nodes: dict[int, Node] = {}
    for f in facts:
        nodes[f.source.id] = f.source
        nodes[f.target.id] = f.target
        edge = edges.setdefault((f.source.id, f.relation, f.target.id),
                                Edge(f.source, f.relation, f.target))
        for attr, value in (("predicates", f.predicate), ("policies", f.policy),
                            ("hedges", f.hedge)):
            bucket = getattr(edge, attr)
            if value and value not in bucket:
                bucket.append(value)
        edge.evidence.append(f.evidence)
    via = {f.policy_id for f in facts if f.policy_id is not None} - set(nodes)
    nodes.update(nodes_by_id(conn, via))  # a policy a link runs through is drawn too
    ordered = sorted(nodes.values(), key=lambda n: (n.kind, n.name.casefold(), n.id))
    return Graph(ordered, sorted(edges.values(),
                                 key=lambda e: (e.source.name.casefold(), e.relation,
                                                e.target.name.casefold())))
