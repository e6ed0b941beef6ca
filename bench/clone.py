"""Grow a really-ingested SQLite knowledge base K-fold by cloning its articles.

    python bench/clone.py SOURCE.sqlite OUT.sqlite -k 10

For query-latency figures at a size that cannot be ingested in the time at
hand. Every article and its per-article rows (sentences, mentions, roles,
statements, questions, links, policy facts, time expressions) are copied K-1
times under new article ids (the first two characters replaced by ``z`` and
the clone number, so never a real id) and new row ids; entities and aliases are shared, as the same people,
companies and commodities recur across real articles. The entity-name
index is filled by its trigger as rows go in; the search indexes of
sentences, statements and questions and the link-trigram index by this
script (the writer fills them since migrations 0005 and 0007). Row counts,
index sizes and per-name selectivity then resemble a K-times-larger ingest
of the same generator (names recur there too); the text is repeated, which
a real corpus would not do, so full-text hit counts per word are K-fold.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import time
from pathlib import Path

PER_ARTICLE = ["mentions", "roles", "sentences", "time_expressions", "policy_facts",
               "statements", "questions", "links"]
# Indexes the writer fills (since migrations 0005 and 0007), not a trigger.
SEARCHED = {"sentences": "search_sentences", "statements": "search_statements",
            "questions": "search_questions", "links": "search_link_trigrams"}


def columns(conn, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def clone(src: Path, out: Path, k: int) -> None:
    shutil.copyfile(src, out)
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA foreign_keys=OFF")
    offsets = {t: (conn.execute(f"SELECT max(id) FROM {t}").fetchone()[0] or 0) + 1
               for t in PER_ARTICLE}
    n0 = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    for c in range(1, k):
        started = time.perf_counter()
        prefix = "z" + "0123456789abcdefghijklmnopqrstuvwxyz"[c]  # never a hex id
        new_id = f"'{prefix}' || substr(article_id, 3)"
        cols = columns(conn, "articles")
        sel = [f"'{prefix}' || substr(id, 3)" if x == "id" else
               f"ingested_at || '~{c:03d}'" if x == "ingested_at" else f'"{x}"' for x in cols]
        conn.execute(f"INSERT INTO articles ({', '.join(map(repr_col, cols))}) "
                     f"SELECT {', '.join(sel)} FROM articles WHERE ingested_at NOT LIKE '%~%'")
        for table in PER_ARTICLE:
            cols = columns(conn, table)
            off = offsets[table] * c
            sel = []
            for x in cols:
                if x == "id":
                    sel.append(f"id + {off}")
                elif x == "article_id":
                    sel.append(new_id)
                elif table == "questions" and x == "parent_id":
                    sel.append(f"CASE WHEN parent_id IS NULL THEN NULL ELSE parent_id + {off} END")
                else:
                    sel.append(f'"{x}"')
            conn.execute(f"INSERT INTO {table} ({', '.join(map(repr_col, cols))}) "
                         f"SELECT {', '.join(sel)} FROM {table} WHERE id < {offsets[table]}")
            if table in SEARCHED and _has_triggerless_index(conn, SEARCHED[table], table):
                conn.execute(f"INSERT INTO {SEARCHED[table]}(rowid, text) SELECT id, text "
                             f"FROM {table} WHERE id >= {off} AND id < {off + offsets[table]} "
                             f"ORDER BY id")
        conn.commit()
        print(f"clone {c}: {n0 * (c + 1)} articles ({time.perf_counter() - started:.0f} s)",
              flush=True)
    if _has_table(conn, "link_ends"):  # the writer fills it too (migration 0008)
        from tradelink.store.doctor import link_ends_fix

        newest = any(r[1] == "newest" for r in conn.execute("PRAGMA table_info(link_ends)"))
        conn.executescript(link_ends_fix(newest))  # newest: migration 0009
        conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def _has_triggerless_index(conn, fts: str, table: str) -> bool:
    """``fts`` exists and no insert trigger on ``table`` fills it (an older schema's would)."""
    return _has_table(conn, fts) and not _has_table(conn, f"{fts}_ai")


def repr_col(name: str) -> str:
    return f'"{name}"'


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("-k", type=int, default=10)
    args = ap.parse_args()
    clone(args.source, args.out, args.k)


if __name__ == "__main__":
    main()
