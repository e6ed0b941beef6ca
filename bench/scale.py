"""Scale benchmark: ingest, database size and query latency at N articles.

    python bench/scale.py --sizes 1000,10000 [--jobs 1,2] [--out bench/out] [--seed 7]

For each N it writes a synthetic corpus (`bench/corpus.py`, seeded), then:

* ingests it with ``tradelink ingest DIR --jobs J`` for each J, as a whole
  process, reporting articles/s, MB/s, the peak RSS and PSS of the process
  tree (sampled every 20 ms from /proc; PSS shares a forked worker's pages
  with the parent instead of counting them twice) and CPU ms an article, of the whole tree
  and of the writing (top) process;
* reports database bytes per article (after a WAL checkpoint);
* times the queries ``quotes --speaker``, ``questions`` (the default: the
  newest 50), ``questions --about``, ``links --about``, ``path`` and
  ``search`` in-process (the library call on an open
  connection: p50/p95 over varied arguments) and as whole CLI processes;
* times the whole ``tradelink quotes --speaker X --json`` process against
  ``sqlite-utils query`` running the same SQL on the same file.

It prints a markdown report (append it to bench/RESULTS.md by hand) and
writes the raw figures to OUT/results-N.json. It is a script, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
ENV.pop("TRADELINK_DB", None)


# --- measuring processes --------------------------------------------------------


def _tree_mem_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) summed over a process and its descendants, in KB.

    RSS counts a page shared by forked workers once per process; PSS divides
    it among them, so the PSS sum is the memory the tree really holds."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
                        break
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss, pss


def _cpu_ticks(pid: int) -> int | None:
    """utime + stime of one process, in clock ticks (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return None


def run_measured(cmd: list[str]) -> tuple[float, tuple[int, int], subprocess.CompletedProcess, dict]:
    """(wall seconds, peak (RSS, PSS) of the process tree in KB, result, CPU seconds).

    CPU (user + system, less noisy than wall time on a shared machine): ``tree``
    is the whole process tree (workers included); ``main`` the top process alone
    (for ``ingest``, the writer), as last sampled, at most 20 ms before it ends."""
    peak = [0, 0]
    main_ticks = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    done = threading.Event()

    def sample():
        nonlocal peak, main_ticks
        while not done.is_set():
            rss, pss = _tree_mem_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            main_ticks = _cpu_ticks(proc.pid) or main_ticks
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = {"tree": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
           "main": round(main_ticks / os.sysconf("SC_CLK_TCK"), 2)}
    return wall, (peak[0], peak[1]), subprocess.CompletedProcess(cmd, proc.returncode, out, err), cpu


def timed_process(cmd: list[str]) -> float:
    start = time.perf_counter()
    res = subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True)
    wall = time.perf_counter() - start
    if res.returncode not in (0,):
        raise SystemExit(f"failed ({res.returncode}): {' '.join(cmd)}\n{res.stderr}")
    return wall


def pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def ms(values: list[float]) -> dict:
    return {"p50_ms": round(pct(values, 50) * 1000, 2), "p95_ms": round(pct(values, 95) * 1000, 2),
            "n": len(values)}


# --- the steps --------------------------------------------------------------------


def tradelink(db: Path, *args: str) -> list[str]:
    return [PY, "-m", "tradelink", "--db", str(db), *args]


def ingest(corpus: Path, db: Path, jobs: int, n: int, nbytes: int) -> dict:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    wall, peak, res, cpu = run_measured(tradelink(db, "ingest", str(corpus), "--jobs", str(jobs)))
    if res.returncode != 0:
        raise SystemExit(f"ingest failed: {res.stderr.strip()[-2000:]}")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    size = db.stat().st_size
    return {
        "jobs": jobs, "seconds": round(wall, 2), "articles": stored,
        "articles_per_s": round(n / wall, 1), "mb_per_s": round(nbytes / wall / 1e6, 3),
        "peak_rss_mb": round(peak[0] / 1024, 1), "peak_pss_mb": round(peak[1] / 1024, 1),
        "db_bytes": size,
        "cpu_s": cpu["tree"], "writer_cpu_s": cpu["main"],
        "cpu_ms_per_article": round(cpu["tree"] * 1000 / max(stored, 1), 2),
        "writer_cpu_ms_per_article": round(cpu["main"] * 1000 / max(stored, 1), 2),
        "db_bytes_per_article": round(size / max(stored, 1)),
        "summary": (res.stdout.strip() or res.stderr.strip()).splitlines()[-1:],
    }


def pick_arguments(db: Path, rng: random.Random, k: int) -> dict[str, list]:
    """Varied, realistic arguments drawn from what the database holds."""
    conn = sqlite3.connect(db)
    q = lambda sql: [r[0] for r in conn.execute(sql)]  # noqa: E731
    speakers = q("SELECT e.name FROM entities e WHERE e.kind = 'actor' AND e.id IN "
                 "(SELECT speaker_id FROM statements) ORDER BY e.id")
    abouts = q("SELECT e.name FROM entities e WHERE e.id IN (SELECT source_id FROM links) "
               "ORDER BY e.id")
    words = q("SELECT text FROM sentences WHERE id % 97 = 0 LIMIT 2000")
    conn.close()
    surnames = [s.split()[-1] for s in speakers if s.split()]
    pairs = []
    if len(abouts) >= 2:
        pairs = [rng.sample(abouts, 2) for _ in range(k)]
    terms = []
    for sentence in rng.sample(words, min(k, len(words))):
        toks = [t.strip(".,“”\"'?") for t in sentence.split() if len(t) > 5]
        if len(toks) >= 2:
            terms.append(" ".join(rng.sample(toks, 2)))
    return {
        "speaker": rng.sample(surnames, min(k, len(surnames))) or ["nobody"],
        "about": rng.sample(abouts, min(k, len(abouts))) or ["magnets"],
        "path": pairs,
        "search": terms or ["magnets"],
    }


def in_process(db: Path, args: dict[str, list], repeat: int) -> dict:
    from tradelink.store import graph, read, search
    from tradelink.store.db import open_reader, resolve

    reader = open_reader(resolve(str(db)))
    conn = reader.conn
    calls = {
        "quotes --speaker": [lambda a=a: read.quotes(reader, speaker=a) for a in args["speaker"]],
        # what `tradelink questions` runs: the newest 50 (+1 to know there are more)
        "questions": [lambda: read.newest_questions(reader)[0]],
        "questions --about": [lambda a=a: read.newest_questions(reader, about=a.split()[0])[0]
                              for a in args["search"]],
        "links --about": [lambda a=a: read.links(reader, about=a) for a in args["about"]],
        "path": [lambda a=a: _path(graph, conn, a) for a in args["path"]],
        "search": [lambda a=a: search.search(conn, a, limit=20) for a in args["search"]],
    }
    out = {}
    for name, fns in calls.items():
        if not fns:
            continue
        times, cpu, rows = [], [], 0
        budget = time.perf_counter() + 30  # seconds per query, for a slow one
        for _ in range(max(1, repeat // len(fns))):
            if time.perf_counter() > budget and len(times) >= 5:
                break
            for fn in fns:
                if time.perf_counter() > budget and len(times) >= 5:
                    break
                t, c = time.perf_counter(), time.process_time()
                result = fn()
                cpu.append(time.process_time() - c)
                times.append(time.perf_counter() - t)
                rows = max(rows, len(result) if hasattr(result, "__len__") else 0)
        # Wall time includes waiting for a CPU on a busy machine; CPU time does not.
        out[name] = {**ms(times), "cpu_p50_ms": ms(cpu)["p50_ms"], "cpu_p95_ms": ms(cpu)["p95_ms"],
                     "max_rows": rows}
    reader.close()
    return out


def _path(graph, conn, pair):
    try:
        return graph.shortest_paths(conn, pair[0], pair[1])
    except Exception:  # noqa: BLE001 - no path / ambiguous name: still a timed answer
        return []


def whole_process(db: Path, args: dict[str, list], runs: int) -> dict:
    cmds = {
        "quotes --speaker": [tradelink(db, "quotes", "--speaker", a, "--json")
                             for a in args["speaker"]],
        "questions": [tradelink(db, "questions", "--json")],
        "questions --about": [tradelink(db, "questions", "--about", a.split()[0], "--json")
                              for a in args["search"]],
        "links --about": [tradelink(db, "links", "--about", a, "--json") for a in args["about"]],
        "path": [tradelink(db, "path", a, b, "--json") for a, b in args["path"]],
        "search": [tradelink(db, "search", a, "--json") for a in args["search"]],
    }
    out = {}
    for name, variants in cmds.items():
        if not variants:
            continue
        times = []
        budget = time.perf_counter() + 60
        try:
            for i in range(runs):
                if time.perf_counter() > budget and len(times) >= 3:
                    break
                times.append(timed_process(variants[i % len(variants)]))
        except SystemExit as err:
            out[name] = {"error": str(err).splitlines()[-1]}
            continue
        out[name] = ms(times)
    return out


def quotes_sql(speaker: str) -> tuple[str, dict]:
    """The exact SQL and parameters `tradelink quotes --speaker` runs on SQLite."""
    from tradelink.store import read
    from tradelink.store.db import Reader

    class Recorder(Reader):
        dialect = "sqlite"
        seen: list = []

        def rows(self, sql, params=None):
            self.seen.append((sql, dict(params or {})))
            return []

    rec = Recorder()
    read.quotes(rec, speaker=speaker)
    return rec.seen[0]


def versus_sqlite_utils(db: Path, speakers: list[str], runs: int) -> dict:
    """Whole processes on the same file: `tradelink quotes --speaker X --json` against
    `sqlite-utils query` running the very SQL tradelink runs (JSON out, both)."""
    su = shutil.which("sqlite-utils") or str(Path(PY).with_name("sqlite-utils"))
    ours, theirs = [], []
    for i in range(runs):
        name = speakers[i % len(speakers)]
        sql, params = quotes_sql(name)
        ps = [x for k, v in params.items() for x in ("-p", k, str(v))]
        ours.append(timed_process(tradelink(db, "quotes", "--speaker", name, "--json")))
        theirs.append(timed_process([su, "query", str(db), sql, *ps]))
    base = [timed_process([PY, "-c", "pass"]) for _ in range(runs)]
    a, b = pct(ours, 50), pct(theirs, 50)
    return {"tradelink_quotes": ms(ours), "sqlite_utils_query": ms(theirs),
            "python_c_pass": ms(base), "ratio_p50": round(a / b, 2)}


def machine() -> dict:
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "free_h": free,
            "load": os.getloadavg()}


def report(n: int, res: dict) -> str:
    source = (f"{res['corpus_mb']:.1f} MB of text" if res["ingest"]
              else f"queries only, on {res.get('db')}")
    lines = [f"### N = {n:,} articles ({source})", ""]
    lines += ["| ingest | seconds | articles/s | MB/s | peak RSS MB | peak PSS MB | DB bytes/article "
              "| CPU ms/article | writer CPU ms/article |", "|---|---|---|---|---|---|---|---|---|"]
    for ing in res["ingest"]:
        lines.append(f"| --jobs {ing['jobs']} | {ing['seconds']} | {ing['articles_per_s']} | "
                     f"{ing['mb_per_s']} | {ing['peak_rss_mb']} | {ing.get('peak_pss_mb', '-')} | "
                     f"{ing['db_bytes_per_article']} | "
                     f"{ing.get('cpu_ms_per_article', '-')} | {ing.get('writer_cpu_ms_per_article', '-')} |")
    lines += ["", "| query | in-process p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | rows (max) "
              "| whole CLI p50 ms | p95 ms |", "|---|---|---|---|---|---|---|---|"]
    for name, ip in res["in_process"].items():
        wp = res["whole_process"].get(name, {})
        lines.append(f"| {name} | {ip['p50_ms']} | {ip['p95_ms']} | {ip.get('cpu_p50_ms', '-')} | "
                     f"{ip.get('cpu_p95_ms', '-')} | {ip['max_rows']} | "
                     f"{wp.get('p50_ms', wp.get('error', '-'))} | {wp.get('p95_ms', '-')} |")
    vs = res["versus"]
    lines += ["", f"whole `tradelink quotes --speaker X --json`: p50 "
              f"{vs['tradelink_quotes']['p50_ms']} ms; `sqlite-utils query` (same SQL, same "
              f"file): p50 {vs['sqlite_utils_query']['p50_ms']} ms; ratio {vs['ratio_p50']}; "
              f"`python -c pass`: {vs['python_c_pass']['p50_ms']} ms", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=200, help="in-process calls per query")
    ap.add_argument("--runs", type=int, default=20, help="whole-process runs per query")
    ap.add_argument("--skip-ingest", action="store_true", help="reuse OUT/N.sqlite")
    ap.add_argument("--query-only", type=Path, metavar="DB",
                    help="only time the queries, on this database (e.g. from bench/clone.py)")
    opts = ap.parse_args()
    opts.out.mkdir(parents=True, exist_ok=True)
    print(f"machine: {json.dumps(machine())}", file=sys.stderr)
    if opts.query_only:
        db = opts.query_only
        n = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        res = {"n": n, "db": str(db), "corpus_mb": 0.0, "machine": machine(), "ingest": [],
               "db_bytes_per_article": round(db.stat().st_size / n)}
        res["arguments"] = args = pick_arguments(db, random.Random(opts.seed), 20)
        res["in_process"] = in_process(db, args, opts.repeat)
        print(f"N={n} in-process: {json.dumps(res['in_process'])}", file=sys.stderr)
        res["whole_process"] = whole_process(db, args, opts.runs)
        res["versus"] = versus_sqlite_utils(db, args["speaker"], opts.runs)
        (opts.out / f"results-query-{n}.json").write_text(json.dumps(res, indent=2))
        print(report(n, res), flush=True)
        return
    for n in [int(s) for s in opts.sizes.split(",")]:
        corpus = opts.out / f"corpus-{n}"
        _, nbytes = write_corpus(corpus, n, opts.seed)
        db = opts.out / f"{n}.sqlite"
        res: dict = {"n": n, "corpus_mb": nbytes / 1e6, "machine": machine(), "ingest": []}
        if not opts.skip_ingest:
            for jobs in [int(j) for j in opts.jobs.split(",")]:
                one = ingest(corpus, opts.out / f"{n}-j{jobs}.sqlite", jobs, n, nbytes)
                print(f"N={n} ingest: {json.dumps(one)}", file=sys.stderr)
                res["ingest"].append(one)
                shutil.move(opts.out / f"{n}-j{jobs}.sqlite", db)
        args = pick_arguments(db, random.Random(opts.seed), 20)
        res["arguments"] = args
        res["in_process"] = in_process(db, args, opts.repeat)
        print(f"N={n} in-process: {json.dumps(res['in_process'])}", file=sys.stderr)
        res["whole_process"] = whole_process(db, args, opts.runs)
        res["versus"] = versus_sqlite_utils(db, args["speaker"], opts.runs)
        (opts.out / f"results-{n}.json").write_text(json.dumps(res, indent=2))
        print(report(n, res), flush=True)


if __name__ == "__main__":
    main()
