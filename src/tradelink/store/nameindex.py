"""Indexed name and term lookups (migration 0003), with unchanged results.

A name filter matches whole words of an entity's key or alias key:
``(' ' || key || ' ') LIKE '% smith %'``. Run as is, that reads every
entity and alias. On SQLite the FTS5 word indexes of migration 0003 first
narrow the rows to those containing the same words (a phrase query: a superset
of the LIKE's matches), and the same LIKE then decides, so the answer is the
one the plain query gives. Evidence terms (``links --about``) use the trigram
index on ``links.text`` the same way. Other databases run the plain SQL.

Standard library only; the read path imports it.
"""

from __future__ import annotations

import re

from tradelink.store.names import contains, escape_like, key_of, words

_ESC = "ESCAPE '\\'"
_WORD = re.compile(r"\w")


def fts_phrase(term: str) -> str | None:
    """An FTS5 phrase for the words of ``term`` (None when it has no word characters)."""
    key = key_of(term).replace('"', " ")
    return f'"{key}"' if _WORD.search(key) else None


def named_ids(dialect: str, term: str, *, kind: str | None = None, param: str = "name",
              ) -> tuple[str, dict]:
    """SQL selecting the ids of entities (of ``kind``, if given) whose key or one of
    whose alias keys contains ``term`` as whole words, and its parameters."""
    params: dict = {param: words(term)}
    on_kind = ""
    if kind is not None:
        params[f"{param}_kind"] = kind
        on_kind = f"e.kind = :{param}_kind AND "
    phrase = fts_phrase(term) if dialect == "sqlite" else None
    if phrase is None:
        return (
            f"SELECT e.id FROM entities e WHERE {on_kind}(' ' || e.key || ' ') LIKE :{param} {_ESC}"
            f" UNION SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id"
            f" WHERE {on_kind}(' ' || a.key || ' ') LIKE :{param} {_ESC}"
        ), params
    params[f"{param}_fts"] = phrase
    # CROSS JOIN keeps SQLite from walking every entity of the kind: rows come
    # from the word index first.
    return (
        f"SELECT e.id FROM search_entity_keys AS fe CROSS JOIN entities AS e ON e.id = fe.rowid"
        f" WHERE fe.key MATCH :{param}_fts AND {on_kind}(' ' || e.key || ' ') LIKE :{param} {_ESC}"
        f" UNION SELECT a.entity_id FROM search_alias_keys AS fa"
        f" CROSS JOIN aliases AS a ON a.id = fa.rowid CROSS JOIN entities AS e ON e.id = a.entity_id"
        f" WHERE fa.key MATCH :{param}_fts AND {on_kind}(' ' || a.key || ' ') LIKE :{param} {_ESC}"
    ), params


def surname_ids(dialect: str, surname_key: str) -> tuple[str, dict]:
    """SQL selecting up to two people whose key ends with the word ``surname_key``."""
    like = "% " + escape_like(surname_key)
    cols = "SELECT e.id, e.kind, e.key, e.name, e.type FROM entities e"
    where = f"e.kind = 'actor' AND e.type = 'person' AND e.key LIKE :like {_ESC}"
    phrase = fts_phrase(surname_key) if dialect == "sqlite" else None
    if phrase is None:
        return f"{cols} WHERE {where} LIMIT 2", {"like": like}
    return (f"SELECT e.id, e.kind, e.key, e.name, e.type FROM search_entity_keys AS fe"
            f" CROSS JOIN entities AS e ON e.id = fe.rowid"
            f" WHERE fe.key MATCH :phrase AND {where} LIMIT 2",
            {"like": like, "phrase": phrase})


def links_about(dialect: str, term: str) -> tuple[str, dict]:
    """A condition on ``links l``: an end or the policy is named ``term`` (whole
    words, any alias) or the evidence contains it; and its parameters."""
    named, params = named_ids(dialect, term, param="about_name")
    params["about"] = contains(term)
    exact = (f"(l.source_id IN ({named}) OR l.target_id IN ({named})"
             f" OR l.policy_id IN ({named}) OR lower(l.text) LIKE :about {_ESC})")
    if dialect != "sqlite":
        return exact, params
    text = " ".join(term.casefold().split())
    if len(text) < 3 or any(c in text for c in "%_\\"):
        return exact, params  # the trigram index cannot narrow these; same answer, slower
    params["about_tri"] = f"%{text}%"
    # Candidate ids through indexes (source, target, policy, trigram), then the exact test.
    candidates = (
        f"SELECT id FROM links WHERE source_id IN ({named})"
        f" UNION SELECT id FROM links WHERE target_id IN ({named})"
        f" UNION SELECT id FROM links WHERE policy_id IN ({named})"
        f" UNION SELECT rowid FROM search_link_trigrams WHERE text LIKE :about_tri"
    )
    return f"l.id IN ({candidates}) AND {exact}", params
