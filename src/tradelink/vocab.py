"""Vocabulary files: the data that drives extraction.

They live in ``data/vocab/`` in the repository and are shipped inside the wheel
as ``tradelink/vocab/``. Two formats, both meant to be read and extended by an
analyst:

* ``NAME.txt``: one entry per line; ``#`` starts a comment; blank lines ignored.
* ``NAME.toml``: structured entries (tables of aliases, categories, ...).

Loading is stdlib-only and cached, so it costs nothing on the query path.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path


@functools.cache
def vocab_dir() -> Path:
    """The installed ``tradelink/vocab`` directory, or the repository's ``data/vocab``."""
    packaged = Path(__file__).with_name("vocab")
    if packaged.is_dir():
        return packaged
    repo = Path(__file__).resolve().parents[2] / "data" / "vocab"
    if repo.is_dir():
        return repo
    raise FileNotFoundError(
        "tradelink's vocabulary files are missing; reinstall tradelink"
    )


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """Entries of ``NAME.txt``, in file order, comments and blanks removed."""
    out = []
    for raw in (vocab_dir() / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)


@functools.cache
def table(name: str) -> dict:
    """The parsed ``NAME.toml``."""
    with open(vocab_dir() / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
