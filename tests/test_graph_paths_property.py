"""Property: `shortest_paths` (a bidirectional breadth-first search over the
links table) finds exactly the shortest paths a plain breadth-first search over
the whole graph finds, on random graphs: links in either direction, some
running through a policy, names that mean several entities at once (an alias
they share), and a cap on the number of paths (the first ones in node-id
order). Each step must count exactly the links that join its two nodes and show the
newest of them (highest id first), up to the evidence cap.
Hypothesis drives SQLite; seeded random graphs run on both backends."""

from __future__ import annotations

import random
import sqlite3
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradelink.errors import UsageError
from tradelink.store import graph as G
from tradelink.store.write import rebuild_indexes

N = 14  # entities e0..e13; e11..e13 are policies
POLICIES = range(11, N)
GROUP = "group"  # an alias some entities share, so one name means several of them


def _entities(group: set[int]) -> tuple[list[tuple], list[tuple]]:
    ents = [(i + 1, "policy" if i in POLICIES else "commodity", f"e{i}", f"e{i}", "x")
            for i in range(N)]
    aliases = [(i + 1, GROUP, GROUP) for i in sorted(group)]
    return ents, aliases


def _link_rows(links) -> list[tuple]:
    return [(s + 1, t + 1, None if p is None else p + 1) for s, t, p in links]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from tradelink.store.db import ensure_schema, open_engine, resolve

    path = tmp_path_factory.mktemp("prop") / "p.sqlite"
    engine = open_engine(resolve(str(path)))
    ensure_schema(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO articles (id, text, parser_version, ingested_at) "
                 "VALUES ('a', 'x', 1, '2026-01-01')")
    conn.commit()
    yield conn
    conn.close()


def fill_sqlite(conn, links, group: set[int]) -> None:
    ents, aliases = _entities(group)
    conn.execute("DELETE FROM links")
    conn.execute("DELETE FROM aliases")
    conn.execute("DELETE FROM entities")
    conn.executemany("INSERT INTO entities (id, kind, key, name, type) VALUES (?, ?, ?, ?, ?)", ents)
    conn.executemany("INSERT INTO aliases (entity_id, alias, key) VALUES (?, ?, ?)", aliases)
    conn.executemany(
        "INSERT INTO links (article_id, source_id, relation, predicate, target_id, policy_id,"
        " start, \"end\", text) VALUES ('a', ?, 'related_to', 'p', ?, ?, 0, 1, 'x')",
        _link_rows(links))
    rebuild_indexes(conn)  # raw inserts: index them as the writer does
    conn.commit()


def adjacency(links) -> dict[int, set[int]]:
    adj: dict[int, set[int]] = {}
    for s, t, p in links:
        pairs = [(s, t)] + ([(s, p), (t, p)] if p is not None else [])
        for x, y in pairs:
            if x != y:
                adj.setdefault(x, set()).add(y)
                adj.setdefault(y, set()).add(x)
    return adj


def bfs_paths(links, starts: set[int], ends: set[int], max_hops: int) -> list[list[int]]:
    """Every shortest path from a start to an end, by a BFS from the ends."""
    adj = adjacency(links)
    dist = {b: 0 for b in ends}
    queue = deque(sorted(ends))
    while queue:
        n = queue.popleft()
        for m in adj.get(n, ()):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    reached = [dist[a] for a in starts if a in dist]
    if not reached or min(reached) > max_hops:
        return []
    best = min(reached)
    out = []

    def walk(trail):
        n = trail[-1]
        if dist[n] == 0:
            out.append(trail)
            return
        for m in adj.get(n, ()):
            if dist.get(m) == dist[n] - 1:
                walk(trail + [m])

    for a in starts:
        if dist.get(a) == best:
            walk([a])
    return sorted(out)


def step_links(links, u: int, v: int) -> list[int]:
    """The (1-based) ids of the links a step u-v rests on, in id order: a link
    joins its ends, and each end to the policy it runs through."""
    out = []
    for i, (s, t, p) in enumerate(links, 1):
        pairs = {(s, t)} | ({(s, p), (p, t)} if p is not None else set())
        out += [i for pair in pairs if frozenset(pair) == frozenset((u, v))]
    return out


def node_set(name: str, group: set[int]) -> set[int]:
    return set(group) if name == GROUP else {int(name[1:])}


def check(conn, links, group, a: str, b: str, hops: int, limit: int, evidence: int = 0) -> None:
    starts, ends = node_set(a, group), node_set(b, group)
    if starts & ends:
        with pytest.raises(UsageError):
            G.shortest_paths(conn, a, b, max_hops=hops, limit=limit, evidence=evidence)
        return
    got = G.shortest_paths(conn, a, b, max_hops=hops, limit=limit, evidence=evidence)
    assert [[n.id - 1 for n in p.nodes] for p in got] == bfs_paths(links, starts, ends, hops)[:limit]
    for p in got:
        for step in p.steps:
            u, v = step.frm.id - 1, step.to.id - 1
            every = step_links(links, u, v)[::-1]  # newest (highest id) first
            assert step.total == len(every)
            assert [f.id for f in step.links] == every[:evidence or None]


node = st.integers(0, N - 1)
link = st.tuples(node, node, st.one_of(st.none(), st.sampled_from(list(POLICIES))))


# How the search looks for the nodes between two frontiers that no link joins:
# by expanding one of them (as for frontiers without hubs), in
# the database in order (the first few, as for hubs: neighbours read three at
# a time, one tried first, then 2, 4 ...), or in the database all at once (as
# when the first few are not found soon).
KNOBS = ("_MIDDLE_ROWS", "_MIDDLE_TRIES", "_MIDDLE_BATCH", "_MIDDLE_READ")
MIDDLE = {"expand": tuple(getattr(G, knob) for knob in KNOBS),
          "in order": (0, G._MIDDLE_TRIES, 1, 3), "all": (0, -1, 1, 3)}


def with_chains(order: list[int], cuts: list[int], extra: list[tuple]) -> list[tuple]:
    """Links along ``order`` (a permutation of the nodes) cut into chains at
    ``cuts``, then ``extra``: long shortest paths, and ladders of equal ones."""
    links = [(x, y, None) for i, (x, y) in enumerate(zip(order, order[1:])) if i not in cuts]
    return links + extra


@settings(max_examples=300, deadline=None)
@given(order=st.permutations(range(N)), cuts=st.lists(st.integers(0, N), max_size=4),
       extra=st.lists(link, max_size=24), chains=st.booleans(),
       ends=st.lists(node, min_size=2, max_size=2, unique=True),
       group=st.sets(node, min_size=2, max_size=5), grouped=st.sampled_from([None, 0, 1]),
       hops=st.sampled_from([10, 5, 4, 3, 2, 1]), limit=st.sampled_from([1, 2, 3, 10_000]),
       evidence=st.sampled_from([0, 1, 3]), middle=st.sampled_from(["expand", "in order", "all"]))
def test_paths_equal_bfs(db, order, cuts, extra, chains, ends, group, grouped, hops, limit,
                         evidence, middle):
    links = with_chains(order, cuts, extra) if chains else extra
    links = [(s, t, p) for s, t, p in links if s != t]
    names = [f"e{i}" for i in ends]
    if grouped is not None and group:
        names[grouped] = GROUP  # a name that means every entity of the group
    fill_sqlite(db, links, group)
    default = [getattr(G, knob) for knob in KNOBS]
    for knob, value in zip(KNOBS, MIDDLE[middle]):
        setattr(G, knob, value)
    try:
        check(db, links, group, names[0], names[1], hops, limit, evidence)
    finally:
        for knob, value in zip(KNOBS, default):
            setattr(G, knob, value)


@pytest.mark.parametrize("middle", list(MIDDLE))
@pytest.mark.parametrize("schema", [9, 8, 7])
def test_paths_equal_bfs_on_both_backends(store_url, monkeypatch, schema, middle):
    """Seeded random graphs, larger than Hypothesis draws, through the read
    path the CLI uses (stdlib sqlite3, or SQLAlchemy on PostgreSQL); read from
    ``link_ends`` with its newest ids (migration 0009), without them (as for
    a database of schema 8) and, as for a database from before 0008, from
    ``links``; with the nodes between two frontiers looked for in the database
    whenever they can be (in order, or all at once), and for hubs only."""
    monkeypatch.setattr(G, "has_link_ends", lambda conn: schema >= 8)
    monkeypatch.setattr(G, "has_newest", lambda conn: schema >= 9)
    for knob, value in zip(KNOBS, MIDDLE[middle]):
        monkeypatch.setattr(G, knob, value)
    from sqlalchemy import text

    from tradelink.store.db import open_engine, open_reader, resolve

    rng = random.Random(5)
    engine = open_engine(resolve(store_url))
    with engine.begin() as c:
        c.execute(text("INSERT INTO articles (id, text, parser_version, ingested_at)"
                       " VALUES ('a', 'x', 1, '2026-01-01')"))
    try:
        for k in range(16):
            links = [(s, t, rng.choice([None, None, None, *POLICIES]))
                     for s, t in (rng.sample(range(N), 2) for _ in range(rng.randrange(4, 24)))]
            if k % 2:
                links = with_chains(rng.sample(range(N), N), rng.sample(range(N), 2), links)
            group = set(rng.sample(range(N), rng.randrange(0, 3)))
            ents, aliases = _entities(group)
            with engine.begin() as c:
                for table in ("links", "aliases", "entities"):
                    c.execute(text(f"DELETE FROM {table}"))
                c.execute(text("INSERT INTO entities (id, kind, key, name, type)"
                               " VALUES (:id, :kind, :key, :name, :type)"),
                          [dict(zip(("id", "kind", "key", "name", "type"), e)) for e in ents])
                if aliases:
                    c.execute(text("INSERT INTO aliases (entity_id, alias, key) VALUES (:e, :a, :k)"),
                              [dict(zip("eak", x)) for x in aliases])
                c.execute(text(
                    "INSERT INTO links (id, article_id, source_id, relation, predicate, target_id,"
                    " policy_id, start, \"end\", text) VALUES (:id, 'a', :s, 'related_to', 'p', :t,"
                    " :p, 0, 1, 'x')"),
                    [{"id": i, "s": s, "t": t, "p": p}
                     for i, (s, t, p) in enumerate(_link_rows(links), 1)])
                if c.dialect.name == "sqlite":
                    rebuild_indexes(c)  # raw inserts: index them as the writer does
            names = [f"e{i}" for i in range(N)] + ([GROUP] if group else [])
            with open_reader(resolve(store_url)) as r:
                for _ in range(6):
                    a, b = rng.sample(names, 2)
                    check(r, links, group, a, b, rng.randrange(1, 11), rng.choice([1, 3, 10_000]),
                          rng.choice([0, 1, 2]))
    finally:
        engine.dispose()
