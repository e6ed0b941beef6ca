"""CPU time of the entities stage alone: `entities.find` over the dev articles and the seed.

    PYTHONPATH=src python bench/entities_speed.py [REPS] [--snap]

Segments every text once, then times `entities.find` on all of them, best of
REPS (default 15), with `time.process_time` (CPU time). ``--snap`` adds the 300
synthetic articles of /work/benchdata/snapcorpus.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tradelink.extract import entities
from tradelink.extract.segment import segment
from tradelink.models import normalise_text

FILES = sorted(Path("/work/shared/dev/articles").glob("*.txt")) + [Path("seeds/000_0cd42d161d590e27.txt")]
SNAP = sorted(Path("/work/benchdata/snapcorpus").glob("*.txt"))


def main(reps: int, snap: bool) -> None:
    files = FILES + (SNAP if snap else [])
    texts = [normalise_text(p.read_text(encoding="utf-8")) for p in files if p.exists()]
    size = sum(len(t.encode("utf-8")) for t in texts)
    docs = [segment(t) for t in texts]
    for d in docs:  # warm the vocabulary caches
        entities.find(d)
    best = float("inf")
    for _ in range(reps):
        c = time.process_time()
        for d in docs:
            entities.find(d)
        best = min(best, time.process_time() - c)
    print(f"entities.find: {len(docs)} articles, {size / 1e6:.3f} MB, best of {reps}: "
          f"{best * 1000:.1f} ms CPU = {size / 1e6 / best:.2f} MB/s per core (CPU time)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 15, "--snap" in sys.argv)
