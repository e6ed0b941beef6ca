"""Where the labelled articles live: ``shared/`` beside the checkout.

Locally that is ``/work/shared``; CI clones the repository into another folder
with a copy of ``shared/`` beside it. Tests read gold labels from there (the
parser never does). When it cannot be found the tests that need it fail, with
the paths tried: acceptance checks must not pass by being skipped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CANDIDATES = [
    Path(os.environ["TRADELINK_SHARED"]) if os.environ.get("TRADELINK_SHARED") else None,
    ROOT.parent / "shared",
    ROOT.parent.parent / "shared",
    Path("/work/shared"),
]


def shared_dir() -> Path:
    for candidate in _CANDIDATES:
        if candidate is not None and (candidate / "seeds").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _CANDIDATES if c is not None)
    raise FileNotFoundError(f"shared/ with the gold labels not found (tried {tried}); "
                            "set TRADELINK_SHARED")


SEED_STEM = "000_0cd42d161d590e27"


def seed_gold_path() -> Path:
    return shared_dir() / "seeds" / f"{SEED_STEM}.gold.json"


def seed_gold() -> dict:
    return json.loads(seed_gold_path().read_text(encoding="utf-8"))


def dev_dir() -> Path:
    return shared_dir() / "dev"
