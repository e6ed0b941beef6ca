"""Snapshot every article's full extraction, or check it is byte-identical to a snapshot.

    PYTHONPATH=src python bench/extract_snapshot.py write /tmp/snap.json [DIR ...]
    PYTHONPATH=src python bench/extract_snapshot.py check /tmp/snap.json [DIR ...]

Articles: the seeds, the dev set, tests/heldout/articles and the ``*.txt`` of any
DIR given (a synthetic corpus from bench/corpus.py, say). A speed change must leave
`check` silent; it prints the first differing article otherwise and exits 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tradelink.extract import extract
from tradelink.models import normalise_text

DIRS = [Path("seeds"), Path("/work/shared/dev/articles"), Path("tests/heldout/articles")]


def dump(extra: list[Path]) -> dict[str, str]:
    out = {}
    for d in DIRS + extra:
        for p in sorted(d.glob("*.txt")):
            text = normalise_text(p.read_text(encoding="utf-8"))
            out[str(p)] = json.dumps(extract(text).model_dump(mode="json"), sort_keys=True)
    return out


def main(argv: list[str]) -> int:
    mode, path, *extra = argv
    now = dump([Path(d) for d in extra])
    if mode == "write":
        Path(path).write_text(json.dumps(now, indent=0), encoding="utf-8")
        print(f"{len(now)} articles written to {path}")
        return 0
    old = json.loads(Path(path).read_text(encoding="utf-8"))
    bad = [k for k in sorted(set(old) | set(now)) if old.get(k) != now.get(k)]
    for k in bad[:3]:
        print(f"differs: {k}")
    print(f"{len(now)} articles, {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
