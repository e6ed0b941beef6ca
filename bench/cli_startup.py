"""Whole-process start-up of query commands, against `sqlite-utils query` on the same file.

    python bench/cli_startup.py DB [--speaker NAME] [-n 20]

Runs each command N times, interleaved (so machine load hits both alike), and
prints the median and minimum wall time. Uses this checkout's ``src`` and the
``sqlite-utils`` next to the running Python. A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--speaker", default="lutnick")
    ap.add_argument("-n", type=int, default=20)
    args = ap.parse_args()
    py = sys.executable
    sqlite_utils = str(Path(py).with_name("sqlite-utils"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    like = f"% {args.speaker.lower()} %"
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import typer'": [py, "-c", "import typer"],
        "tradelink --version": [py, "-m", "tradelink", "--version"],
        f"tradelink quotes --speaker {args.speaker} --json": [
            py, "-m", "tradelink", "--db", str(args.db), "quotes", "--speaker", args.speaker, "--json"],
        "tradelink questions --json": [py, "-m", "tradelink", "--db", str(args.db), "questions", "--json"],
        "sqlite-utils query (same speaker filter)": [
            sqlite_utils, "query", str(args.db),
            "select s.text from statements s join entities e on e.id = s.speaker_id "
            "where (' ' || e.key || ' ') like :p", "-p", "p", like],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.n):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append((time.perf_counter() - t) * 1000)
    print(f"{'command':55s} {'median':>8s} {'min':>8s}   (ms, n={args.n}, {os.cpu_count()} CPUs)")
    for name, ts in times.items():
        print(f"{name:55s} {statistics.median(ts):8.1f} {min(ts):8.1f}")


if __name__ == "__main__":
    main()
