"""Extraction throughput: MB of article text per second on one core, whole pipeline.

    PYTHONPATH=src python bench/extract_speed.py [ROUNDS] [--dir DIR]

Extracts every dev article and the seed ROUNDS times (default 20) and prints
the figure, then the CPU time of each stage, so a slow stage stands out.
``--dir DIR`` takes the ``*.txt`` of DIR instead (tests/heldout/articles, or a
corpus from bench/corpus.py).

All figures are CPU time of this process (`time.process_time`), the best of
ROUNDS passes: on a shared machine wall time mostly measures the wait for a
core, and the best pass is the one least disturbed by other processes.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tradelink.extract import attribution, commodities, entities, extract, links, metadata, policies, questions, timex
from tradelink.extract.segment import segment
from tradelink.models import ArticleMeta, normalise_text

FILES = sorted(Path("/work/shared/dev/articles").glob("*.txt")) + [Path("seeds/000_0cd42d161d590e27.txt")]
STAGES = ("segment", "metadata", "timex", "entities", "commodities", "attribution", "questions", "policies", "links")


def _pass(texts: list[str]) -> dict[str, float]:
    """One pass over every text, stage by stage; CPU seconds per stage."""
    cpu = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    for t in texts:
        c = cpu(); doc = segment(t); spent["segment"] += cpu() - c
        c = cpu(); info = metadata.read(doc, ArticleMeta()); spent["metadata"] += cpu() - c
        c = cpu(); times = timex.find(doc, info["published"]); spent["timex"] += cpu() - c
        c = cpu(); actors = entities.find(doc); spent["entities"] += cpu() - c
        c = cpu(); goods = commodities.find(doc); spent["commodities"] += cpu() - c
        c = cpu(); said = attribution.find(doc, actors, times); spent["attribution"] += cpu() - c
        c = cpu(); questions.find(doc); spent["questions"] += cpu() - c
        c = cpu(); pols = policies.find(doc, actors, goods, times); spent["policies"] += cpu() - c
        c = cpu(); links.find(doc, actors, goods, pols, said); spent["links"] += cpu() - c
    return spent


def main(rounds: int, folder: str | None = None) -> None:
    files = sorted(Path(folder).glob("*.txt")) if folder else [p for p in FILES if p.exists()]
    texts = [normalise_text(p.read_text(encoding="utf-8")) for p in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts:  # warm the vocabulary caches
        extract(t)
    whole = []
    for _ in range(rounds):
        c = time.process_time()
        for t in texts:
            extract(t)
        whole.append(time.process_time() - c)
    best = min(whole)
    print(f"whole pipeline: {mb:.3f} MB per pass, best of {rounds} passes {1000 * best:.1f} ms CPU "
          f"= {mb / best:.2f} MB/s per core (median pass {mb / sorted(whole)[len(whole) // 2]:.2f} MB/s; "
          f"{len(texts)} articles)")
    stages = dict.fromkeys(STAGES, float("inf"))
    for _ in range(rounds):
        for k, v in _pass(texts).items():
            stages[k] = min(stages[k], v)
    total = sum(stages.values())
    print("CPU ms per pass by stage (best of each): " + ", ".join(
        f"{k} {1000 * v:.1f} ({100 * v / total:.0f}%)" for k, v in stages.items()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=20, help="passes; the best one counts")
    parser.add_argument("--dir", help="the *.txt of this folder instead of the dev articles and the seed")
    args = parser.parse_args()
    main(args.rounds, args.dir)
