"""How fast is `path A B` (the recursive CTE) on a larger graph? Prints figures.

    PYTHONPATH=src python bench/path_bench.py [--nodes 2000] [--links 8000] [--queries 40]
                                              [--pg postgresql+psycopg://postgres@127.0.0.1:5432]

Builds a random link graph (seeded, so the same every run) of --nodes entities
and --links links spread over 100 articles, in a SQLite file and, when --pg is
given, in a throwaway PostgreSQL database (dropped afterwards). Then times
`shortest_paths` between random pairs through the read path the CLI uses, and
`load_graph` plus the SVG layout of one article's graph.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, insert

from tradelink.report.graph import layout
from tradelink.store import schema as S
from tradelink.store.db import ensure_schema, open_engine, open_reader, resolve
from tradelink.store.graph import load_graph, shortest_paths

RELATIONS = ["sells", "supplies", "opposes", "exchanged_for", "restricts", "depends_on"]
KINDS = ["actor", "commodity", "policy"]


def rows(nodes: int, links: int, seed: int = 7):
    rng = random.Random(seed)
    arts = [{"id": f"{i:016x}", "title": f"a{i}", "outlet": None, "url": None,
             "published": None, "dateline": None, "text": "x" * 200, "source": None,
             "parser_version": 1, "ingested_at": "2026-01-01T00:00:00"} for i in range(100)]
    ents = [{"id": i + 1, "kind": KINDS[i % 3], "key": f"node {i}", "name": f"Node {i}",
             "type": "other", "party": None} for i in range(nodes)]
    # a few hubs, as in the news (China, the United States, chips ...)
    weights = [50 if i < nodes // 100 else 1 for i in range(nodes)]
    lks = []
    for i in range(links):
        a, b = rng.choices(range(1, nodes + 1), weights, k=2)
        if a == b:
            continue
        lks.append({"id": i + 1, "article_id": arts[i % 100]["id"], "source_id": a,
                    "relation": rng.choice(RELATIONS), "predicate": "p", "target_id": b,
                    "policy_id": None, "hedge": None, "start": 0, "end": 10,
                    "text": "x" * 10, "sentence_start": 0, "sentence_end": 50})
    return arts, ents, lks


def fill(engine, data) -> None:
    arts, ents, lks = data
    with engine.begin() as c:
        c.execute(insert(S.ArticleRow), arts)
        c.execute(insert(S.EntityRow), ents)
        c.execute(insert(S.LinkRow), lks)
        if c.dialect.name == "sqlite":
            from tradelink.store.write import rebuild_indexes

            rebuild_indexes(c)  # raw inserts: index them (and fill link_ends) as the writer does


def measure(label: str, url: str, nodes: int, queries: int) -> None:
    rng = random.Random(11)
    pairs = [(f"Node {rng.randrange(nodes)}", f"Node {rng.randrange(nodes)}")
             for _ in range(queries)]
    times, found, hops = [], 0, []
    with open_reader(resolve(url)) as r:
        shortest_paths(r, "Node 1", "Node 2")  # warm the cache
        for a, b in pairs:
            if a == b:
                continue
            t0 = time.perf_counter()
            paths = shortest_paths(r, a, b, max_hops=4)
            times.append(time.perf_counter() - t0)
            if paths:
                found += 1
                hops.append(paths[0].hops)
        t0 = time.perf_counter()
        g = load_graph(r, article=f"{0:016x}")
        t_load = time.perf_counter() - t0
        t0 = time.perf_counter()
        layout(g)
        t_layout = time.perf_counter() - t0
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{label}: path A B (max 4 hops) over {len(times)} random pairs: "
          f"median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {times[-1] * 1000:.1f} ms; {found} joined, hops {sorted(set(hops))}")
    print(f"{label}: load_graph(one article: {len(g.nodes)} nodes, {len(g.edges)} edges) "
          f"{t_load * 1000:.1f} ms; SVG layout {t_layout * 1000:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--links", type=int, default=8000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--pg", default=None, help="PostgreSQL server URL (no database name)")
    args = ap.parse_args()
    data = rows(args.nodes, args.links)
    print(f"graph: {args.nodes} entities, {len(data[2])} links, 100 articles")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        engine = open_engine(resolve(str(path)))
        ensure_schema(engine)
        fill(engine, data)
        engine.dispose()
        measure("sqlite", str(path), args.nodes, args.queries)
    if args.pg:
        from tradelink.store import migrate

        name = f"tradelink_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(f"{args.pg}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            engine = create_engine(f"{args.pg}/{name}")
            migrate.upgrade(engine)
            fill(engine, data)
            engine.dispose()
            measure("postgresql", f"{args.pg}/{name}", args.nodes, args.queries)
        finally:
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


if __name__ == "__main__":
    main()
