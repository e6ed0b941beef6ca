"""Extraction throughput: MB of article text per second on one core, whole pipeline.

    PYTHONPATH=src python bench/extract_speed.py [ROUNDS]

Extracts every dev article and the seed ROUNDS times (default 20) and prints
the figure; also per stage, so a slow stage stands out.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tradelink.extract import attribution, commodities, entities, extract, links, metadata, policies, questions, timex
from tradelink.extract.segment import segment
from tradelink.models import ArticleMeta, normalise_text

FILES = sorted(Path("/work/shared/dev/articles").glob("*.txt")) + [Path("seeds/000_0cd42d161d590e27.txt")]


def main(rounds: int) -> None:
    texts = [normalise_text(p.read_text(encoding="utf-8")) for p in FILES if p.exists()]
    size = sum(len(t.encode("utf-8")) for t in texts)
    for t in texts:  # warm the vocabulary caches
        extract(t)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for t in texts:
            extract(t)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    mb = size * rounds / 1e6
    print(f"whole pipeline: {mb:.2f} MB in {dt:.2f} s wall, {dc:.2f} s CPU = {mb / dc:.2f} MB/s per core (CPU time) "
          f"({len(texts)} articles x {rounds} rounds)")
    stages = {k: 0.0 for k in ("segment", "metadata", "timex", "entities", "commodities", "attribution",
                               "questions", "policies", "links")}
    for _ in range(max(1, rounds // 4)):
        for t in texts:
            c = time.perf_counter(); doc = segment(t); stages["segment"] += time.perf_counter() - c
            c = time.perf_counter(); info = metadata.read(doc, ArticleMeta()); stages["metadata"] += time.perf_counter() - c
            c = time.perf_counter(); times = timex.find(doc, info["published"]); stages["timex"] += time.perf_counter() - c
            c = time.perf_counter(); actors = entities.find(doc); stages["entities"] += time.perf_counter() - c
            c = time.perf_counter(); goods = commodities.find(doc); stages["commodities"] += time.perf_counter() - c
            c = time.perf_counter(); st = attribution.find(doc, actors, times); stages["attribution"] += time.perf_counter() - c
            c = time.perf_counter(); questions.find(doc); stages["questions"] += time.perf_counter() - c
            c = time.perf_counter(); pols = policies.find(doc, actors, goods, times); stages["policies"] += time.perf_counter() - c
            c = time.perf_counter(); links.find(doc, actors, goods, pols, st); stages["links"] += time.perf_counter() - c
    total = sum(stages.values())
    print("share of time per stage: " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in stages.items()))
    mine = ("segment", "metadata", "timex", "commodities", "questions", "policies", "links")
    share = sum(stages[k] for k in mine) / total
    print(f"segment+metadata+timex+commodities+questions+policies+links alone: "
          f"{mb / (dc * share):.2f} MB/s per core (CPU time x their share)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
