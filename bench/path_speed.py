"""`tradelink path` in-process on a stored database: p50/p95 wall and CPU.

    python bench/path_speed.py DB [--repeat 200] [--seed 7] [--evidence N]

The pairs are the ones `bench/scale.py --query-only DB` draws (same seed), so
the figures compare with its ``path`` row. Also times the search alone (the
shortest trails, no evidence) to tell the two costs apart. Prints figures; not
a test.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from scale import pct, pick_arguments  # noqa: E402


def timed(fns, repeat):
    wall, cpu = [], []
    for _ in range(max(1, repeat // len(fns))):
        for fn in fns:
            t, c = time.perf_counter(), time.process_time()
            fn()
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - t)
    f = lambda xs, q: pct(xs, q) * 1000  # noqa: E731
    return (f"wall p50 {f(wall, 50):.1f} p95 {f(wall, 95):.1f} | "
            f"CPU p50 {f(cpu, 50):.1f} p95 {f(cpu, 95):.1f} ms (n={len(cpu)})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--evidence", type=int, default=None)
    opts = ap.parse_args()
    from tradelink.store import graph as G
    from tradelink.store.db import open_reader, resolve

    pairs = pick_arguments(opts.db, random.Random(opts.seed), 20)["path"]
    reader = open_reader(resolve(str(opts.db)))
    conn = reader.conn
    kw = {} if opts.evidence is None else {"evidence": opts.evidence}

    def trails(a, b):
        try:
            s = {n.id for n in G.resolve(conn, a)}
            e = {n.id for n in G.resolve(conn, b)}
            if not s & e:
                G._shortest_trails(conn, s, e, G.DEFAULT_MAX_HOPS, G.MAX_PATHS)
        except Exception:  # noqa: BLE001 - as scale.py: still a timed answer
            pass

    def whole(a, b):
        try:
            G.shortest_paths(conn, a, b, **kw)
        except Exception:  # noqa: BLE001
            pass

    print(f"{opts.db} ({len(pairs)} pairs)")
    print("trails only:", timed([lambda a=a, b=b: trails(a, b) for a, b in pairs], opts.repeat))
    print("shortest_paths:", timed([lambda a=a, b=b: whole(a, b) for a, b in pairs], opts.repeat))
    reader.close()


if __name__ == "__main__":
    main()
