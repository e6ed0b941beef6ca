"""The read path: one function per query, returning plain dicts.

Each function takes a `tradelink.store.db.Reader` (stdlib ``sqlite3`` on
SQLite, SQLAlchemy Core elsewhere) and runs portable SQL with ``:name``
parameters; nothing from the user is ever spliced into SQL text.  The dicts
match the row models in `tradelink.models` (``QuoteRow``, ``QuestionRow``, ...),
which the test-suite checks, but this module does not import pydantic.

Name filters (``--speaker``, ``--about``, ``actor NAME``) match the canonical
name or any alias, case-insensitively, as whole words: ``example`` finds
"Jane Q. Example".  Text filters match anywhere in the text.
"""

from __future__ import annotations

from typing import Any

from tradelink.errors import DatabaseError, UsageError
from tradelink.store.db import Reader
from tradelink.store import nameindex
from tradelink.store.names import contains, key_of

ACTOR_TYPES = ("person", "organization", "government", "group", "media")

_ESC = "ESCAPE '\\'"


def _sentence(table: str) -> str:
    return (f"CASE WHEN {table}.sentence_start IS NULL THEN NULL ELSE "
            f"substr(a.text, {table}.sentence_start + 1, {table}.sentence_end - {table}.sentence_start) END")


def _name_order(name: str) -> tuple[str, str]:
    """Sort names the same on every database, whatever its collation."""
    return (name.casefold(), name)


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


# --- articles -----------------------------------------------------------------


def articles(r: Reader) -> list[dict]:
    rows = r.rows(
        "SELECT a.id, a.title, a.outlet, a.url, a.published,"
        " (SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statements,"
        " (SELECT count(*) FROM questions q WHERE q.article_id = a.id) AS questions"
        " FROM articles a ORDER BY a.ingested_at, a.id"
    )
    for row in rows:
        row["published"] = _date(row["published"])
    return rows


def article_ids(r: Reader) -> list[str]:
    return [row["id"] for row in r.rows("SELECT id FROM articles")]


# --- quotes -------------------------------------------------------------------

_QUOTES = (
    "SELECT sp.name AS speaker, sp.type AS speaker_type, s.speaker_descriptor, s.text, s.kind,"
    " s.verb, md.name AS medium, s.hedge, s.article_id AS article, s.start, s.\"end\","
    f" {_sentence('s')} AS sentence"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
    " LEFT JOIN entities sp ON sp.id = s.speaker_id"
    " LEFT JOIN entities md ON md.id = s.medium_id"
)


def quotes(r: Reader, speaker: str | None = None, about: str | None = None) -> list[dict]:
    """Who said what, in article order; filtered by speaker name and/or a term."""
    where, params = [], {}
    if speaker:
        named, named_params = nameindex.named_ids(r.dialect, speaker, kind="actor")
        where.append(f"s.speaker_id IN ({named})")
        params.update(named_params)
    if about:
        where.append(f"(lower(s.text) LIKE :about {_ESC} OR lower({_sentence('s')}) LIKE :about {_ESC})")
        params["about"] = contains(about)
    sql = _QUOTES + (" WHERE " + " AND ".join(where) if where else "")
    return r.rows(sql + " ORDER BY a.ingested_at, s.article_id, s.start, s.\"end\", sp.name, s.id", params)


# --- questions ----------------------------------------------------------------

QUESTIONS_LIMIT = 50  # `tradelink questions` shows this many unless told otherwise


def questions(r: Reader, *, about: str | None = None, article: str | None = None,
              limit: int | None = None, newest: bool = False) -> list[dict]:
    """Open questions; each follow-up right after its headline question.

    Articles in the order they were stored, or the most recently stored first
    with ``newest``; at most ``limit`` rows (all when None). ``about`` keeps
    the questions holding every word of it (stemmed, as `tradelink search`
    matches: its full-text index); ``article`` one article's (an id or a
    prefix of one)."""
    where, params = [], {}
    source = "questions q JOIN articles a ON a.id = q.article_id"
    if article is not None:
        from tradelink.store.graph import resolve_article

        params["article"] = resolve_article(r, article)
        where.append("q.article_id = :article")
    if about is not None:
        from tradelink.store import search

        if not search.words(about):
            return []  # nothing searchable (only punctuation): no question matches
        if r.dialect == "sqlite":
            params["about"] = search.fts5_query(about)
            where.append("q.id IN (SELECT rowid FROM search_questions"
                         " WHERE search_questions MATCH :about)")
            if limit is not None and newest and article is None and _common(r, params["about"]):
                # Walk the articles newest first (ix_articles_ingested_at) and
                # stop at the limit, rather than sort every match; `+` keeps
                # the match list a filter, not a lookup per article.
                source = "articles a CROSS JOIN questions q ON q.article_id = a.id"
                where[-1] = "+" + where[-1]
        else:
            params["about"] = " ".join(search.words(about))
            where.append("to_tsvector('english', q.text) @@ plainto_tsquery('english', :about)")
    if limit is not None:
        params["limit"] = limit
        if newest and not where:
            # The newest `limit` articles that have questions hold at least
            # `limit` of them: the answer costs the same at any size
            # (index ix_articles_ingested_at, migration 0006).
            source = ("questions q JOIN (SELECT x.id, x.ingested_at FROM articles x"
                      " WHERE EXISTS (SELECT 1 FROM questions y WHERE y.article_id = x.id)"
                      " ORDER BY x.ingested_at DESC, x.id DESC LIMIT :limit) a"
                      " ON a.id = q.article_id")
    order = "a.ingested_at DESC, a.id DESC" if newest else "a.ingested_at, q.article_id"
    rows = r.rows(
        "SELECT q.text, q.headline, p.text AS parent, q.section, q.article_id AS article,"
        " q.start, q.\"end\""
        f" FROM {source}"
        " LEFT JOIN questions p ON p.id = q.parent_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order}, COALESCE(p.start, q.start),"
        " CASE WHEN q.parent_id IS NULL THEN 0 ELSE 1 END, q.start"
        + (" LIMIT :limit" if limit is not None else ""), params)
    for row in rows:
        row["headline"] = bool(row["headline"])
    return rows


# A question search matching at least this many questions walks the articles
# newest first; fewer are sorted. Sorting costs about 3 us a match, the walk
# about 2.5 us an article (SQLite, 96k articles): a word in 2,000 of 96k
# articles' questions finds 51 within ~2,500 articles either way.
_COMMON = 2000


def _common(r: Reader, match: str) -> bool:
    """Whether the full-text query ``match`` finds `_COMMON` questions or more
    (counts no further than that)."""
    found = r.rows("SELECT count(*) AS n FROM (SELECT 1 FROM search_questions"
                   " WHERE search_questions MATCH :m LIMIT :cap)", {"m": match, "cap": _COMMON})
    return found[0]["n"] >= _COMMON


def newest_questions(r: Reader, *, limit: int = QUESTIONS_LIMIT, about: str | None = None,
                     article: str | None = None) -> tuple[list[dict], str | None]:
    """What `tradelink questions` shows: the newest ``limit`` questions (0: all),
    and a one-line note for stderr when there are more."""
    if limit < 0:
        raise UsageError(f"--limit must be 0 (all) or more, not {limit}")
    if limit == 0:
        return questions(r, about=about, article=article, newest=True), None
    rows = questions(r, about=about, article=article, limit=limit + 1, newest=True)
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], f"showing the newest {limit} questions; there are more (--limit 0 for all)"


# --- actors -------------------------------------------------------------------


def actors(r: Reader, type: str | None = None) -> list[dict]:
    """Every actor with aliases, roles and mention count; most mentioned first."""
    if type is not None and type not in ACTOR_TYPES:
        raise UsageError(f"--type {type}: unknown actor type; use one of {', '.join(ACTOR_TYPES)}")
    where, params = "e.kind = 'actor'", {}
    if type:
        where += " AND e.type = :type"
        params["type"] = type
    ents = r.rows(
        "SELECT e.id, e.name, e.type, e.key,"
        " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
        f" FROM entities e WHERE {where} ORDER BY e.id", params)
    ents.sort(key=lambda e: (-int(e["mentions"]), _name_order(e["name"])))  # not collation-bound
    return _with_aliases_roles(r, ents, where, params)


def _with_aliases_roles(r: Reader, ents: list[dict], where: str, params: dict) -> list[dict]:
    aliases = _grouped(r, "SELECT a.entity_id AS eid, a.alias AS value, a.key FROM aliases a"
                       f" JOIN entities e ON e.id = a.entity_id WHERE {where} ORDER BY a.id", params)
    roles = _grouped(r, "SELECT x.entity_id AS eid, x.role AS value, min(x.id) AS first FROM roles x"
                     f" JOIN entities e ON e.id = x.entity_id WHERE {where}"
                     " GROUP BY x.entity_id, x.role ORDER BY first", params)
    out = []
    for e in ents:
        out.append({
            "name": e["name"], "type": e["type"],
            "aliases": [a["value"] for a in aliases.get(e["id"], []) if a["key"] != e["key"]],
            "roles": [x["value"] for x in roles.get(e["id"], [])],
            "mentions": int(e["mentions"]),
        })
    return out


def _grouped(r: Reader, sql: str, params: dict) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for row in r.rows(sql, params):
        out.setdefault(row["eid"], []).append(row)
    return out


def actor(r: Reader, name: str) -> dict:
    """One actor's profile: aliases, roles with their articles, statements, links, articles."""
    eid = _one_actor(r, name)
    base = actors_by_id(r, eid)
    roles = r.rows(
        "SELECT x.role, x.article_id AS article, x.text, x.start, x.\"end\" FROM roles x"
        " JOIN articles a ON a.id = x.article_id WHERE x.entity_id = :id"
        " ORDER BY a.ingested_at, x.article_id, x.start", {"id": eid})
    said = r.rows(_QUOTES + " WHERE s.speaker_id = :id ORDER BY a.ingested_at, s.article_id, s.start",
                  {"id": eid})
    linked = r.rows(_LINKS + " WHERE l.source_id = :id OR l.target_id = :id OR l.policy_id = :id"
                    " ORDER BY a.ingested_at, l.article_id, l.start", {"id": eid})
    arts = r.rows(
        "SELECT a.id, a.title, a.outlet, a.published FROM articles a WHERE a.id IN ("
        " SELECT article_id FROM mentions WHERE entity_id = :id"
        " UNION SELECT article_id FROM roles WHERE entity_id = :id"
        " UNION SELECT article_id FROM statements WHERE speaker_id = :id"
        " UNION SELECT article_id FROM links WHERE source_id = :id OR target_id = :id)"
        " ORDER BY a.ingested_at, a.id", {"id": eid})
    for a in arts:
        a["published"] = _date(a["published"])
    return {**base, "roles": roles, "statements": said, "links": linked, "articles": arts}


def actors_by_id(r: Reader, eid: int) -> dict:
    where, params = "e.id = :id", {"id": eid}
    ents = r.rows("SELECT e.id, e.name, e.type, e.key, e.party,"
                  " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
                  " FROM entities e WHERE e.id = :id", params)
    row = _with_aliases_roles(r, ents, where, params)[0]
    row["party"] = ents[0]["party"]
    return row


def _one_actor(r: Reader, name: str) -> int:
    if not name.strip():
        raise UsageError("give an actor name, e.g. `tradelink actor Nvidia`")
    exact = r.rows("SELECT e.id FROM entities e WHERE e.kind = 'actor' AND e.key = :key"
                   " UNION SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id"
                   " WHERE e.kind = 'actor' AND a.key = :key", {"key": key_of(name)})
    if len(exact) == 1:
        return exact[0]["id"]
    found = exact or r.rows(*nameindex.named_ids(r.dialect, name, kind="actor"))
    if not found:
        raise DatabaseError(f"no actor is called {name!r}; list them with `tradelink actors`")
    if len(found) > 1:
        ids = {"id%d" % i: row["id"] for i, row in enumerate(found)}
        names = sorted(r.rows("SELECT name FROM entities WHERE id IN (%s)"
                              % ", ".join(":" + k for k in ids), ids),
                       key=lambda n: _name_order(n["name"]))
        listed = ", ".join(n["name"] for n in names[:5])
        raise UsageError(f"{name!r} matches several actors ({listed}); give the full name")
    return found[0]["id"]


# --- commodities, policies, links -----------------------------------------------------


def commodities(r: Reader) -> list[dict]:
    ents = r.rows("SELECT e.id, e.name, e.type AS category, e.key FROM entities e"
                  " WHERE e.kind = 'commodity' ORDER BY e.id")
    ents.sort(key=lambda e: (e["category"], _name_order(e["name"])))
    aliases = _grouped(r, "SELECT a.entity_id AS eid, a.alias AS value, a.key FROM aliases a"
                       " JOIN entities e ON e.id = a.entity_id WHERE e.kind = 'commodity'"
                       " ORDER BY a.id", {})
    return [{"name": e["name"], "category": e["category"],
             "aliases": [a["value"] for a in aliases.get(e["id"], []) if a["key"] != e["key"]]}
            for e in ents]


def policies(r: Reader) -> list[dict]:
    rows = r.rows(
        "SELECT p.name, p.type AS kind, ac.name AS actor, f.target, f.status,"
        " COALESCE(f.when_resolved, f.when_text) AS \"when\", f.text AS evidence,"
        " f.article_id AS article"
        " FROM policy_facts f JOIN entities p ON p.id = f.policy_id"
        " JOIN articles a ON a.id = f.article_id"
        " LEFT JOIN entities ac ON ac.id = f.actor_id"
        " ORDER BY a.ingested_at, f.article_id, f.start, f.id")
    return rows


_LINKS = (
    "SELECT src.name AS source, src.kind AS source_kind, l.relation, l.predicate,"
    " tgt.name AS target, tgt.kind AS target_kind, pol.name AS policy, l.hedge,"
    " l.text AS evidence, l.article_id AS article"
    " FROM links l JOIN articles a ON a.id = l.article_id"
    " JOIN entities src ON src.id = l.source_id JOIN entities tgt ON tgt.id = l.target_id"
    " LEFT JOIN entities pol ON pol.id = l.policy_id"
)



def links(r: Reader, about: str | None = None, source: str | None = None,
          target: str | None = None, relation: str | None = None) -> list[dict]:
    """Typed links; ``about`` matches an end's name or alias, or the evidence words;
    ``source`` and ``target`` match that end's name or alias; ``relation`` is
    one of the closed vocabulary (``"exchanged for"`` means ``exchanged_for``)."""
    where, params = [], {}
    if about:
        cond, about_params = nameindex.links_about(r.dialect, about)
        where.append(cond)
        params.update(about_params)
    for column, value, param in (("source_id", source, "src"), ("target_id", target, "tgt")):
        if value:
            named, named_params = nameindex.named_ids(r.dialect, value, param=param)
            where.append(f"l.{column} IN ({named})")
            params.update(named_params)
    if relation:
        from tradelink.store.graph import normalise_relation

        where.append("l.relation = :relation")
        params["relation"] = normalise_relation(relation)
    sql = _LINKS + (" WHERE " + " AND ".join(where) if where else "")
    rows = r.rows(sql + " ORDER BY a.ingested_at, l.article_id, l.start, l.id", params)
    if relation and not rows:
        from tradelink.store.graph import check_relation

        check_relation(relation)  # an empty answer to a misspelt relation says so
    return rows


# --- timeline -----------------------------------------------------------------


def timeline(r: Reader) -> list[dict]:
    """Dated policies, statements and time expressions, earliest first.

    ``date`` is the resolved date (``YYYY-MM-DD`` or ``YYYY-MM``); items whose
    time is known only as words (no published date to resolve against) follow,
    in article order, with ``date`` null."""
    rows = r.rows(
        "SELECT f.when_resolved AS date, 'policy' AS kind, p.name AS what, f.when_text AS time_text,"
        " f.text, f.article_id AS article, f.start, f.\"end\", a.ingested_at AS seq"
        " FROM policy_facts f JOIN entities p ON p.id = f.policy_id JOIN articles a ON a.id = f.article_id"
        " WHERE f.when_text IS NOT NULL OR f.when_resolved IS NOT NULL"
        " UNION ALL "
        "SELECT COALESCE(s.when_resolved, " + _published("a") + ") AS date, 'statement' AS kind,"
        " COALESCE(sp.name, s.speaker_descriptor) AS what, s.when_text AS time_text,"
        " s.text, s.article_id AS article, s.start, s.\"end\", a.ingested_at AS seq"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN entities sp ON sp.id = s.speaker_id"
        " WHERE s.when_text IS NOT NULL OR s.when_resolved IS NOT NULL OR a.published IS NOT NULL"
        " UNION ALL "
        "SELECT t.resolved AS date, 'time' AS kind, NULL AS what, t.text AS time_text,"
        " (SELECT min(x.text) FROM sentences x WHERE x.article_id = t.article_id"
        "  AND x.start <= t.start AND x.\"end\" >= t.\"end\") AS text,"
        " t.article_id AS article, t.start, t.\"end\", a.ingested_at AS seq"
        " FROM time_expressions t JOIN articles a ON a.id = t.article_id")
    rows.sort(key=lambda x: (x["date"] is None, str(x["date"] or ""), x["seq"], x["article"], x["start"]))
    for row in rows:
        row.pop("seq")
        row["date"] = _date(row["date"])
        if row["text"] is None:
            row["text"] = row["time_text"]
    return rows


def _published(alias: str) -> str:
    # published is a DATE; as text it is YYYY-MM-DD on SQLite and PostgreSQL alike.
    return f"CAST({alias}.published AS VARCHAR(10))"


# --- whole-database views -------------------------------------------------------


def counts(r: Reader) -> dict[str, int]:
    out = {}
    for table in ("articles", "statements", "questions", "links", "policy_facts"):
        out[table] = int(r.rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])
    out["actors"] = int(r.rows("SELECT count(*) AS n FROM entities WHERE kind = 'actor'")[0]["n"])
    return out
