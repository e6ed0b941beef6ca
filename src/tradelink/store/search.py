"""Full-text search over sentences and records (statements, questions).

SQLite answers from the FTS5 tables of migration 0002 (BM25 ranking, Porter
stemming: "chip" finds "chips"); PostgreSQL from ``to_tsvector('english', ...)``
GIN indexes (``ts_rank``, ``ts_headline``). Either way every word of the query
must match. A user's query is never passed through as query syntax: it is cut
into words and each word is quoted, so ``"``, ``*``, ``AND`` or ``NEAR(`` are
just text.

A hit is a plain dict (see `search`). A sentence that holds a matching quote or
question is reported once, as that record. Ranking scores (BM25 on SQLite,
``ts_rank`` on PostgreSQL) use the whole index, but each kind ranks only its
`CANDIDATES` newest matching rows (all of them when there are fewer). On
SQLite what still grows with the corpus is BM25 counting the rows that hold
each query word, once per query and kind (FTS5 keeps no document
frequencies): ~10 ms for a word in a fifth of 2 million sentences.

Stdlib only at import time. The caller passes an open connection: a stdlib
``sqlite3.Connection`` or a SQLAlchemy ``Connection`` (PostgreSQL).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from tradelink.errors import DatabaseError, UsageError

KINDS = ("quote", "question", "sentence")
# Marks around matched words in the text the database returns; private-use
# code points, so they cannot occur in an article.
OPEN, CLOSE = "\ue000", "\ue001"
MAX_WORDS = 32
# Each kind ranks at most this many of its newest matching rows, so a word that
# is in every article costs about what a rare one does.
CANDIDATES = 1000

_WORD = re.compile(r"\w+")

# SQLite, in three steps per kind (each FTS5 query runs the full-text index
# once): the oldest rowid among the newest `CANDIDATES` matches; the best
# ``:n`` of the matches from there on by BM25; their highlights and records.
# ``ORDER BY rank`` would make FTS5 rank through a second, inner query, and
# BM25's cost is counting each word's rows in the whole index, so that
# doubled the cost of a common word. Highlights are made for the kept rows
# only, filtered from one range scan (``+rowid``: an IN list of rowids given
# to FTS5 would open one full-text cursor per row).
_SQLITE_FLOOR = ("SELECT rowid AS id FROM {fts} WHERE {fts} MATCH :q"
                 " ORDER BY rowid DESC LIMIT 1 OFFSET :k")
_SQLITE_BEST = ("SELECT rowid AS id, bm25({fts}) AS score FROM {fts}"
                " WHERE {fts} MATCH :q AND rowid >= :floor ORDER BY score, rowid LIMIT :n")
_SQLITE = {
    "sentence": """
        SELECT s.id AS id, s.article_id AS article, a.title AS title, s.start AS start,
               s."end" AS "end", s.text AS text, s.section AS section, NULL AS speaker,
               f.marked AS marked
        FROM ({marks}) AS f
        JOIN sentences AS s ON s.id = f.id
        JOIN articles AS a ON a.id = s.article_id""",
    "quote": """
        SELECT st.id AS id, st.article_id AS article, a.title AS title, st.start AS start,
               st."end" AS "end", st.text AS text, NULL AS section,
               COALESCE(e.name, st.speaker_descriptor) AS speaker, f.marked AS marked
        FROM ({marks}) AS f
        JOIN statements AS st ON st.id = f.id
        JOIN articles AS a ON a.id = st.article_id
        LEFT JOIN entities AS e ON e.id = st.speaker_id""",
    "question": """
        SELECT qu.id AS id, qu.article_id AS article, a.title AS title, qu.start AS start,
               qu."end" AS "end", qu.text AS text, qu.section AS section, NULL AS speaker,
               f.marked AS marked
        FROM ({marks}) AS f
        JOIN questions AS qu ON qu.id = f.id
        JOIN articles AS a ON a.id = qu.article_id""",
}
_SQLITE_MARKS = ("SELECT rowid AS id, highlight({fts}, 0, :open, :close) AS marked"
                 " FROM {fts} WHERE {fts} MATCH :q AND rowid BETWEEN :lo AND :hi"
                 " AND +rowid IN ({ids})")

# PostgreSQL: rank and limit first, then build headlines for the few rows kept.
_PG_TABLES = {
    "sentence": ("sentences", "x.section", "NULL"),
    "quote": ("statements", "NULL", "COALESCE(e.name, x.speaker_descriptor)"),
    "question": ("questions", "x.section", "NULL"),
}
_PG = """
    SELECT x.article_id AS article, a.title AS title, x.start AS start, x."end" AS "end",
           x.text AS text, {section} AS section, {speaker} AS speaker,
           ts_headline('english', x.text, plainto_tsquery('english', :q), :options) AS marked,
           -f.score AS score
    FROM (SELECT t.id AS id,
                 ts_rank(to_tsvector('english', t.text), plainto_tsquery('english', :q)) AS score
          FROM {table} AS t
          WHERE t.id IN (SELECT c.id FROM {table} AS c
                         WHERE to_tsvector('english', c.text) @@ plainto_tsquery('english', :q)
                         ORDER BY c.id DESC LIMIT :candidates)
          ORDER BY score DESC LIMIT :n) AS f
    JOIN {table} AS x ON x.id = f.id
    JOIN articles AS a ON a.id = x.article_id
    {join}"""
_PG_OPTIONS = f"StartSel={OPEN}, StopSel={CLOSE}, HighlightAll=true"


def words(query: str) -> list[str]:
    """The words of a user's query (letters, digits and underscores)."""
    return _WORD.findall(query)[:MAX_WORDS]


def fts5_query(query: str) -> str:
    """An FTS5 MATCH expression that requires every word of ``query``, each quoted
    (a word is only letters and digits, so the quotes need no escaping)."""
    return " ".join(f'"{w}"' for w in words(query))


def search(
    conn, query: str, *, limit: int = 20, kinds: tuple[str, ...] = KINDS
) -> list[dict[str, Any]]:
    """The best ``limit`` hits for ``query``, best first.

    Each hit: ``rank`` (1 = best), ``kind`` (quote | question | sentence),
    ``article``, ``title``, ``speaker`` (quotes), ``section``, ``text``,
    ``start``/``end`` (the text's offsets in the article), and ``highlights``:
    ``[start, end]`` article offsets of each matched word.
    """
    if limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError(f"unknown kind {unknown[0]!r}; choose from {', '.join(KINDS)}")
    if not words(query):
        return []  # nothing searchable, e.g. only punctuation: no hits, not an error
    dialect = "sqlite" if isinstance(conn, sqlite3.Connection) else conn.dialect.name
    hits: list[dict[str, Any]] = []
    for kind in kinds:
        if dialect == "sqlite":
            hits += _sqlite_hits(conn, kind, query, limit)
            continue
        table, section, speaker = _PG_TABLES[kind]
        join = "LEFT JOIN entities AS e ON e.id = x.speaker_id" if kind == "quote" else ""
        sql = _PG.format(table=table, section=section, speaker=speaker, join=join)
        params = {"q": " ".join(words(query)), "n": limit, "options": _PG_OPTIONS,
                  "candidates": max(CANDIDATES, limit)}
        for row in _rows(conn, sql, params):
            row["kind"] = kind
            hits.append(row)
    hits.sort(key=lambda h: (h["score"], KINDS.index(h["kind"]), h["article"], h["start"]))
    return [_finish(i, hit) for i, hit in enumerate(_drop_covered(hits)[:limit], 1)]


def _sqlite_hits(conn, kind: str, query: str, limit: int) -> list[dict[str, Any]]:
    fts = f"search_{_PG_TABLES[kind][0]}"
    match = fts5_query(query)
    floor = _rows(conn, _SQLITE_FLOOR.format(fts=fts),
                  {"q": match, "k": max(CANDIDATES, limit) - 1})
    best = _rows(conn, _SQLITE_BEST.format(fts=fts),
                 {"q": match, "floor": floor[0]["id"] if floor else 0, "n": limit})
    if not best:
        return []
    score = {row["id"]: row["score"] for row in best}
    ids = sorted(score)
    marks = _SQLITE_MARKS.format(fts=fts, ids=", ".join(str(int(i)) for i in ids))
    rows = _rows(conn, _SQLITE[kind].format(marks=marks),
                 {"q": match, "lo": ids[0], "hi": ids[-1], "open": OPEN, "close": CLOSE})
    for row in rows:
        row["score"] = score[row.pop("id")]
        row["kind"] = kind
    return rows


def _rows(conn, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(conn, sqlite3.Connection):
        try:
            cur = conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            if "no such table: search_" in str(exc):
                raise DatabaseError(
                    "the database has no search index yet; run `tradelink db upgrade`"
                ) from exc
            raise DatabaseError(f"search failed: {exc}") from exc
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return [dict(m) for m in conn.execute(text(sql), params).mappings()]
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseError(f"search failed: {first}") from exc


def _drop_covered(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop sentence hits that contain a quote or question hit of the same article."""
    records = [(h["article"], h["start"], h["end"]) for h in hits if h["kind"] != "sentence"]
    return [
        h for h in hits
        if h["kind"] != "sentence"
        or not any(a == h["article"] and h["start"] <= s and e <= h["end"] for a, s, e in records)
    ]


def _finish(rank: int, hit: dict[str, Any]) -> dict[str, Any]:
    return {
        "rank": rank,
        "kind": hit["kind"],
        "article": hit["article"],
        "title": hit["title"],
        "speaker": hit["speaker"],
        "section": hit["section"],
        "text": hit["text"],
        "start": hit["start"],
        "end": hit["end"],
        "highlights": highlights(hit["marked"], hit["text"], hit["start"]),
    }


def highlights(marked: str | None, text: str, offset: int = 0) -> list[list[int]]:
    """``[start, end]`` spans (plus ``offset``) of the marked words in ``marked``,
    which is ``text`` with OPEN/CLOSE marks; [] if the marks do not fit ``text``."""
    if not marked:
        return []
    spans: list[list[int]] = []
    plain: list[str] = []
    pos = 0
    start = None
    for piece in re.split(f"([{OPEN}{CLOSE}])", marked):
        if piece == OPEN:
            start = pos
        elif piece == CLOSE:
            if start is not None and pos > start:
                spans.append([offset + start, offset + pos])
            start = None
        else:
            plain.append(piece)
            pos += len(piece)
    if "".join(plain) != text:
        return []
    merged: list[list[int]] = []
    for span in spans:  # PostgreSQL marks each word; join runs of adjacent words
        if merged and text[merged[-1][1] - offset:span[0] - offset].strip() == "":
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    return merged
