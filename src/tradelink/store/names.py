"""How names are compared: one key per name, and LIKE patterns that treat input as text.

Standard library only: the read path uses it without importing SQLAlchemy."""

from __future__ import annotations


def key_of(name: str) -> str:
    """The lookup key of a name: casefolded, spaces collapsed, curly apostrophes straightened."""
    return " ".join(name.replace("\u2019", "'").casefold().split())[:255]


def escape_like(term: str) -> str:
    """``term`` for a LIKE pattern with ``ESCAPE '\\'``: ``%``, ``_`` and ``\\`` match themselves."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(term: str) -> str:
    """A LIKE pattern matching text that contains ``term`` (lower-cased)."""
    return "%" + escape_like(" ".join(term.casefold().split())) + "%"


def words(term: str) -> str:
    """A LIKE pattern matching ``' ' || key || ' '`` when the key contains ``term`` as whole words."""
    return "% " + escape_like(key_of(term)) + " %"
