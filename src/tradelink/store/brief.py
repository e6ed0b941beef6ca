"""What the analyst's brief shows, read from the store for a scope of articles.

`collect(conn, article=None, since=None)` returns a `BriefData`: the articles
in scope (with their text, so records can point at their sentences), and
statements, questions, policies, actors, time expressions and the link graph
of those articles. Every record carries its sources: ``(article, start, end,
sentence_start, sentence_end)`` tuples.

A statement repeated in several articles (syndicated copy: same speaker, same
words) is one record with several sources; so is a question asked in several
articles, and a policy is one record however many articles mention it.

Plain SQL through `tradelink.store.graph.query`, so it runs on the stdlib
``sqlite3`` reader and on PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tradelink.store.graph import Graph, _in, _key, article_filter, load_graph, query


@dataclass(frozen=True)
class Source:
    article: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass
class BriefData:
    articles: list[dict]
    statements: list[dict]
    questions: list[dict]  # headline questions, each with "follow_ups"
    policies: list[dict]
    actors: list[dict]
    timeline: list[dict]
    links: list  # tradelink.store.graph.LinkFact
    graph: Graph
    scope: str
    extra: dict = field(default_factory=dict)


def _date(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def scope_ids(conn, article: str | None = None, since: dt.date | None = None) -> list[str]:
    """The ids of the articles in scope: oldest first (undated last), then by id."""
    params: dict = {}
    cond = article_filter(conn, "a", article, since, params).replace("a.article_id", "a.id")
    rows = query(conn, f"""
        SELECT a.id AS id, a.published AS published FROM articles a WHERE {cond}
        ORDER BY a.id""", params)
    rows.sort(key=lambda r: (_date(r[1]) is None, _date(r[1]) or "", r[0]))
    return [r[0] for r in rows]


def collect(conn, *, article: str | None = None, since: dt.date | None = None) -> BriefData:
    ids = scope_ids(conn, article, since)
    rank = {aid: i for i, aid in enumerate(ids)}
    if article is not None:
        scope = "one article"
    elif since is not None:
        scope = f"articles since {since.isoformat()}"
    else:
        scope = "all articles"
    if not ids:
        return BriefData([], [], [], [], [], [], [], Graph([], []), scope)
    params: dict = {}
    in_scope = _in("a", ids, params)

    articles = [
        {"id": r[0], "title": r[1], "outlet": r[2], "url": r[3], "published": _date(r[4]),
         "source": r[5], "text": r[6]}
        for r in query(conn, f"""
            SELECT a.id AS id, a.title AS title, a.outlet AS outlet, a.url AS url,
                   a.published AS published, a.source AS source, a.text AS text
            FROM articles a WHERE a.id IN ({in_scope}) ORDER BY a.id""", params)
    ]
    articles.sort(key=lambda a: rank[a["id"]])

    def order(rec):
        src = rec["sources"][0]
        # A joint statement is one row per speaker at the same span: order those by name.
        return rank[src.article], src.start, rec.get("speaker") or ""

    # who said what, syndicated copies merged
    stmts: dict[tuple, dict] = {}
    speaker_ids = set()
    for (sid, art, kind, verb, hedge, start, end, text, s_start, s_end, spk_id, spk, spk_type,
         party, medium, descriptor, when_text, when_res) in query(conn, f"""
            SELECT s.id AS id, s.article_id AS article, s.kind AS kind, s.verb AS verb,
                   s.hedge AS hedge, s.start AS start, s."end" AS "end", s.text AS text,
                   COALESCE(s.sentence_start, s.start) AS s_start,
                   COALESCE(s.sentence_end, s."end") AS s_end,
                   sp.id AS speaker_id, sp.name AS speaker, sp.type AS speaker_type,
                   sp.party AS party, m.name AS medium, s.speaker_descriptor AS descriptor,
                   s.when_text AS when_text, s.when_resolved AS when_resolved
            FROM statements s
            LEFT JOIN entities sp ON sp.id = s.speaker_id
            LEFT JOIN entities m ON m.id = s.medium_id
            WHERE s.article_id IN ({in_scope}) ORDER BY s.id""", params):
        key = (spk_id, descriptor if spk_id is None else None, _key(text))
        rec = stmts.get(key)
        if rec is None:
            rec = stmts[key] = {
                "speaker": spk, "speaker_id": spk_id, "speaker_type": spk_type, "party": party,
                "descriptor": descriptor, "text": text, "kind": kind, "verb": verb,
                "medium": medium, "hedge": hedge, "when": when_text, "when_resolved": when_res,
                "roles": [], "sources": [],
            }
        rec["sources"].append(Source(art, start, end, s_start, s_end))
        if spk_id is not None:
            speaker_ids.add(spk_id)
    for rec in stmts.values():
        rec["sources"].sort(key=lambda s: (rank[s.article], s.start))
    statements = sorted(stmts.values(), key=order)

    # actors of these articles, with their roles as written in them
    roles: dict[int, list[str]] = {}
    for eid, role in query(conn, f"""
            SELECT r.entity_id AS entity_id, r.role AS role FROM roles r
            WHERE r.article_id IN ({in_scope}) ORDER BY r.article_id, r.start""", params):
        if role not in roles.setdefault(eid, []):
            roles[eid].append(role)
    for rec in statements:
        rec["roles"] = roles.get(rec["speaker_id"], [])
    actors = [
        {"id": r[0], "name": r[1], "type": r[2], "party": r[3], "mentions": r[4],
         "roles": roles.get(r[0], [])}
        for r in query(conn, f"""
            SELECT e.id AS id, e.name AS name, e.type AS type, e.party AS party,
                   COUNT(m.id) AS mentions
            FROM entities e JOIN mentions m ON m.entity_id = e.id
            WHERE e.kind = 'actor' AND m.article_id IN ({in_scope})
            GROUP BY e.id, e.name, e.type, e.party
            ORDER BY e.id""", params)
    ]
    named = {a["id"] for a in actors}
    for eid in speaker_ids - named:  # a speaker the mentions table does not list
        rec = next(s for s in statements if s["speaker_id"] == eid)
        actors.append({"id": eid, "name": rec["speaker"], "type": rec["speaker_type"],
                       "party": rec["party"], "mentions": 0, "roles": roles.get(eid, [])})
    # each actor's first mention, in the sentence it stands in
    first: dict[int, Source] = {}
    for eid, art, start, end, s_start, s_end in query(conn, f"""
            SELECT m.entity_id AS entity_id, m.article_id AS article, m.start AS start,
                   m."end" AS "end", se.start AS s_start, se."end" AS s_end
            FROM mentions m JOIN entities e ON e.id = m.entity_id
            LEFT JOIN sentences se ON se.article_id = m.article_id
                 AND se.start <= m.start AND se."end" >= m."end"
            WHERE e.kind = 'actor' AND m.article_id IN ({in_scope})
            ORDER BY m.entity_id, m.article_id, m.start, se.start DESC""", params):
        src = Source(art, start, end, start if s_start is None else s_start,
                     end if s_end is None else s_end)
        if eid not in first or (rank[art], start) < (rank[first[eid].article],
                                                      first[eid].start):
            first[eid] = src
    for a in actors:
        a["sources"] = [first[a["id"]]] if a["id"] in first else []
    actors.sort(key=lambda a: (-a["mentions"], a["name"].casefold()))

    # open questions: headline ones with their follow-ups; repeats merged
    qrows = query(conn, f"""
        SELECT q.id AS id, q.article_id AS article, q.parent_id AS parent_id,
               q.headline AS headline, q.section AS section, q.start AS start,
               q."end" AS "end", q.text AS text
        FROM questions q WHERE q.article_id IN ({in_scope}) ORDER BY q.id""", params)
    qrows.sort(key=lambda r: (rank[r[1]], r[5]))
    by_id: dict[int, dict] = {}
    heads: dict[str, dict] = {}
    for qid, art, parent, headline, section, start, end, text in qrows:
        src = Source(art, start, end, start, end)
        if parent is None or parent not in by_id:
            rec = heads.get(_key(text))
            if rec is None:
                rec = heads[_key(text)] = {"text": text, "section": section, "sources": [],
                                           "follow_ups": [], "headline": bool(headline)}
            rec["sources"].append(src)
            by_id[qid] = rec
            continue
        head = by_id[parent]
        follow = next((f for f in head["follow_ups"] if _key(f["text"]) == _key(text)), None)
        if follow is None:
            follow = {"text": text, "section": section, "sources": []}
            head["follow_ups"].append(follow)
        follow["sources"].append(src)
        by_id[qid] = head
    questions = list(heads.values())

    # policies: one record per policy, facts from every article
    pols: dict[int, dict] = {}
    for (pid, art, name, kind, actor, counterpart, target, status, when_text, when_res,
         start, end, s_start, s_end) in query(conn, f"""
            SELECT f.policy_id AS policy_id, f.article_id AS article, p.name AS name,
                   p.type AS kind, ac.name AS actor, cp.name AS counterpart, f.target AS target,
                   f.status AS status, f.when_text AS when_text,
                   f.when_resolved AS when_resolved, f.start AS start, f."end" AS "end",
                   COALESCE(f.sentence_start, f.start) AS s_start,
                   COALESCE(f.sentence_end, f."end") AS s_end
            FROM policy_facts f
            JOIN entities p ON p.id = f.policy_id
            LEFT JOIN entities ac ON ac.id = f.actor_id
            LEFT JOIN entities cp ON cp.id = f.counterpart_id
            WHERE f.article_id IN ({in_scope})
            ORDER BY f.article_id, f.start, f.id""", params):
        rec = pols.setdefault(pid, {"name": name, "kind": kind, "actor": None,
                                    "counterpart": None, "target": None, "status": None,
                                    "when": None, "when_resolved": None, "sources": []})
        for k, v in (("actor", actor), ("counterpart", counterpart), ("target", target),
                     ("status", status), ("when", when_text), ("when_resolved", when_res)):
            if rec[k] is None and v:
                rec[k] = v
        rec["sources"].append(Source(art, start, end, s_start, s_end))
    for rec in pols.values():
        rec["sources"].sort(key=lambda s: (rank[s.article], s.start))
    policies = sorted(pols.values(), key=order)

    # timeline: each time expression with the sentence it stands in
    seen = set()
    timeline = []
    for art, start, end, text, resolved, s_start, s_end, sentence in query(conn, f"""
            SELECT t.article_id AS article, t.start AS start, t."end" AS "end", t.text AS text,
                   t.resolved AS resolved, se.start AS s_start, se."end" AS s_end,
                   se.text AS sentence
            FROM time_expressions t
            LEFT JOIN sentences se ON se.article_id = t.article_id
                 AND se.start <= t.start AND se."end" >= t."end"
            WHERE t.article_id IN ({in_scope})
            ORDER BY t.article_id, t.start, t.id, se.start DESC""", params):
        key = (art, start)
        if key in seen:
            continue
        seen.add(key)
        timeline.append({
            "when": text, "resolved": resolved,
            "what": sentence if sentence is not None else text,
            "sources": [Source(art, start, end, start if s_start is None else s_start,
                               end if s_end is None else s_end)],
        })
    for a in articles:
        if a["published"]:
            timeline.append({"when": a["published"], "resolved": a["published"],
                             "what": f"published: {a['title'] or a['id']}", "sources": [],
                             "article": a["id"]})
    timeline.sort(key=lambda t: (t["resolved"] is None, t["resolved"] or "",
                                 rank[t["sources"][0].article] if t["sources"]
                                 else rank[t["article"]],
                                 t["sources"][0].start if t["sources"] else -1))

    from tradelink.store.graph import filter_links

    if article is not None:
        links = filter_links(conn, article=ids[0])
        graph = load_graph(conn, article=ids[0])
    else:
        links = filter_links(conn, since=since)
        graph = load_graph(conn, since=since)
    links.sort(key=lambda f: (rank[f.evidence.article], f.evidence.start))
    return BriefData(articles, statements, questions, policies, actors, timeline, links,
                     graph, scope)
