"""Extraction cost in machine instructions, which do not depend on the machine's load.

    PYTHONPATH=src python bench/extract_instructions.py [PASSES]

MB/s per core (bench/extract_speed.py) is the figure issue 3 asks for, but on a shared
machine it moves with the load and from one machine to the next. This script runs the
same work under valgrind's callgrind twice, once with one pass over the dev articles and
the seed and once with PASSES passes (default 4), and prints the difference per pass:
the instructions one pass costs, free of start-up and import. The same code, inputs and
environment give the same count, so two commits can be compared on a busy machine.

Needs valgrind (on every machine kind here). Takes about a minute.
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

FILES = sorted(Path("/work/shared/dev/articles").glob("*.txt")) + [Path("seeds/000_0cd42d161d590e27.txt")]


def _work(passes: int) -> None:
    from tradelink.extract import extract
    from tradelink.models import normalise_text

    texts = [normalise_text(p.read_text(encoding="utf-8")) for p in FILES if p.exists()]
    for t in texts:  # warm the vocabulary caches
        extract(t)
    gc.disable()
    for _ in range(passes):
        for t in texts:
            extract(t)


def _count(passes: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        env = dict(os.environ, PYTHONHASHSEED="0")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        sys.executable, __file__, "--work", str(passes)],
                       env=env, check=True, capture_output=True)
        m = re.search(r"^summary:\s*(\d+)", out.read_text(), re.M)
        if m is None:
            raise SystemExit("error: no summary line in callgrind's output")
        return int(m.group(1))


def main(passes: int) -> None:
    size = sum(len(p.read_text(encoding="utf-8").encode("utf-8")) for p in FILES if p.exists()) / 1e6
    one, many = _count(1), _count(passes)
    per_pass = (many - one) / (passes - 1)
    print(f"extraction: {per_pass / 1e6:.1f}M instructions per pass over {size:.3f} MB "
          f"({per_pass / size / 1e9:.2f}G instructions per MB; callgrind, PYTHONHASHSEED=0, "
          f"passes 1 and {passes})")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--work"]:
        _work(int(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
