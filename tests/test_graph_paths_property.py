"""Property: the recursive CTE finds exactly the shortest paths a plain
breadth-first search finds, on random graphs (links in either direction, some
running through a policy)."""

from __future__ import annotations

import sqlite3
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradelink.store import graph as G

N = 9  # entities e0..e8; e6..e8 are policies


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
    for i in range(N):
        kind = "policy" if i >= 6 else "commodity"
        conn.execute("INSERT INTO entities (id, kind, key, name, type) VALUES (?, ?, ?, ?, 'x')",
                     (i + 1, kind, f"e{i}", f"e{i}"))
    conn.commit()
    yield conn
    conn.close()


def bfs_paths(links, a, b, max_hops):
    adj: dict[int, set[int]] = {}
    for s, t, p in links:
        pairs = [(s, t)] + ([(s, p), (t, p)] if p is not None else [])
        for x, y in pairs:
            if x != y:
                adj.setdefault(x, set()).add(y)
                adj.setdefault(y, set()).add(x)
    dist = {b: 0}
    queue = deque([b])
    while queue:
        n = queue.popleft()
        for m in adj.get(n, ()):
            if m not in dist:
                dist[m] = dist[n] + 1
                queue.append(m)
    if a not in dist or dist[a] > max_hops:
        return []
    out = []

    def walk(trail):
        n = trail[-1]
        if n == b:
            out.append(trail)
            return
        for m in adj.get(n, ()):
            if dist.get(m) == dist[n] - 1:
                walk(trail + [m])

    walk([a])
    return sorted(out)


link = st.tuples(st.integers(0, 5), st.integers(0, 5),
                 st.one_of(st.none(), st.integers(6, 8)))


@settings(max_examples=60, deadline=None)
@given(links=st.lists(link, max_size=14), a=st.integers(0, 8), b=st.integers(0, 8),
       hops=st.integers(1, 5))
def test_cte_paths_equal_bfs(db, links, a, b, hops):
    links = [(s, t, p) for s, t, p in links if s != t]
    db.execute("DELETE FROM links")
    db.executemany(
        "INSERT INTO links (article_id, source_id, relation, predicate, target_id, policy_id,"
        " start, \"end\", text) VALUES ('a', ?, 'related_to', 'p', ?, ?, 0, 1, 'x')",
        [(s + 1, t + 1, None if p is None else p + 1) for s, t, p in links])
    db.commit()
    if a == b:
        return
    got = G.shortest_paths(db, f"e{a}", f"e{b}", max_hops=hops, limit=10_000)
    assert sorted([int(n.name[1:]) for n in p.nodes] for p in got) == bfs_paths(links, a, b, hops)
    for p in got:  # every step rests on a link that joins its two nodes
        for step in p.steps:
            assert step.links
