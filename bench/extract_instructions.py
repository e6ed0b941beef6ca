"""Extraction cost in machine instructions, which do not depend on the machine's load.

    PYTHONPATH=src python bench/extract_instructions.py [PASSES] [--stage NAME] [--dir DIR]

MB/s per core (bench/extract_speed.py) is the figure issue 3 asks for, but on a shared
machine it moves with the load and from one machine to the next. This script runs the
same work under valgrind's callgrind twice, once with one pass over the dev articles and
the seed and once with PASSES passes (default 4), and prints the difference per pass:
the instructions one pass costs, free of start-up and import. The same code, inputs and
environment give the same count, so two commits can be compared on a busy machine.

``--stage NAME`` counts one stage alone (segment, metadata, timex, entities,
commodities, attribution, questions, policies, links), its inputs computed before
the passes; ``--dir DIR`` takes the ``*.txt`` of DIR instead of the dev articles
(tests/heldout/articles, or a corpus from bench/corpus.py).

Needs valgrind (on every machine kind here). Takes about a minute.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

FILES = sorted(Path("/work/shared/dev/articles").glob("*.txt")) + [Path("seeds/000_0cd42d161d590e27.txt")]
STAGES = ("segment", "metadata", "timex", "entities", "commodities", "attribution", "questions", "policies", "links")


def _files(folder: str | None) -> list[Path]:
    return sorted(Path(folder).glob("*.txt")) if folder else [p for p in FILES if p.exists()]


def _stage_call(stage: str, text: str):
    """A function running *stage* alone on *text*, every input it needs computed now."""
    from tradelink.extract import attribution, commodities, entities, links, metadata, policies, questions, timex
    from tradelink.extract.segment import segment
    from tradelink.models import ArticleMeta

    doc = segment(text)
    info = metadata.read(doc, ArticleMeta())
    times = timex.find(doc, info["published"])
    actors = entities.find(doc)
    goods = commodities.find(doc)
    said = attribution.find(doc, actors, times)
    pols = policies.find(doc, actors, goods, times)

    def fresh():
        return segment(text)  # a new document: stages memoise on it

    calls = {
        "segment": lambda: segment(text),
        "metadata": lambda d: metadata.read(d, ArticleMeta()),
        "timex": lambda d: timex.find(d, info["published"]),
        "entities": lambda d: entities.find(d),
        "commodities": lambda d: commodities.find(d),
        "attribution": lambda d: attribution.find(d, list(actors), times),
        "questions": lambda d: questions.find(d),
        "policies": lambda d: policies.find(d, actors, goods, times),
        "links": lambda d: links.find(d, actors, goods, pols, said),
    }
    if stage == "segment":
        return calls["segment"], None
    return calls[stage], fresh


def _work(passes: int, stage: str | None, folder: str | None) -> None:
    from tradelink.extract import extract
    from tradelink.models import normalise_text

    texts = [normalise_text(p.read_text(encoding="utf-8")) for p in _files(folder)]
    ok = []
    for t in texts:  # warm the vocabulary caches; skip what cannot be read as an article
        try:
            extract(t)
        except Exception:
            continue
        ok.append(t)
    gc.disable()
    if stage is None:
        for _ in range(passes):
            for t in ok:
                extract(t)
        return
    # One stage alone: each pass segments every document afresh (stages memoise on the
    # document), so `main` takes a segment-only count away.
    prepared = [_stage_call(stage, t) for t in ok]
    for _ in range(passes):
        for call, fresh in prepared:
            if fresh is None:
                call()
            else:
                call(fresh())


def _count(passes: int, stage: str | None, folder: str | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        env = dict(os.environ, PYTHONHASHSEED="0")
        args = [sys.executable, __file__, "--work", str(passes)]
        if stage:
            args += ["--stage", stage]
        if folder:
            args += ["--dir", folder]
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *args],
                       env=env, check=True, capture_output=True)
        m = re.search(r"^summary:\s*(\d+)", out.read_text(), re.M)
        if m is None:
            raise SystemExit("error: no summary line in callgrind's output")
        return int(m.group(1))


def main(passes: int, stage: str | None, folder: str | None) -> None:
    size = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in _files(folder)) / 1e6
    per_pass = (_count(passes, stage, folder) - _count(1, stage, folder)) / (passes - 1)
    what = "extraction" if stage is None else f"stage {stage}"
    if stage not in (None, "segment"):
        # Each pass segments afresh before the stage runs: take that away.
        seg = (_count(passes, "segment", folder) - _count(1, "segment", folder)) / (passes - 1)
        per_pass -= seg
    print(f"{what}: {per_pass / 1e6:.1f}M instructions per pass over {size:.3f} MB "
          f"({per_pass / size / 1e9:.2f}G instructions per MB; callgrind, PYTHONHASHSEED=0, "
          f"passes 1 and {passes})")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("passes", nargs="?", type=int, default=4)
    ap.add_argument("--work", type=int)
    ap.add_argument("--stage", choices=STAGES)
    ap.add_argument("--dir")
    a = ap.parse_args()
    if a.work is not None:
        _work(a.work, a.stage, a.dir)
    else:
        if a.passes < 2:
            raise SystemExit("error: PASSES must be 2 or more (the count is a difference of two runs)")
        main(a.passes, a.stage, a.dir)
