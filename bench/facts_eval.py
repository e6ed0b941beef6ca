"""Score what `facts` extracts against gold files: questions, commodities, policies, links, times.

    PYTHONPATH=src python bench/facts_eval.py [GOLD_DIR_OR_FILE ...]

Defaults to the dev set and the seed. Prints per-article and total figures.
Question scoring is exact: a predicted question matches a gold one when the
texts are equal (headline flag and parent checked separately).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tradelink.extract import extract
from tradelink.models import ArticleMeta

DEFAULT = [Path("/work/shared/dev/gold"), Path("/work/shared/seeds/000_0cd42d161d590e27.gold.json")]


def pairs(args):
    for p in map(Path, args or DEFAULT):
        golds = sorted(p.glob("*.json")) if p.is_dir() else [p]
        for g in golds:
            gold = json.loads(g.read_text(encoding="utf-8"))
            art = g.parent.parent / "articles" / gold["file"]
            if not art.exists():
                art = g.parent / gold["file"]
            yield g.stem, art, gold


def main(argv):
    tot = dict(q_tp=0, q_gold=0, q_pred=0, q_flags=0, c_hit=0, c_gold=0, p_hit=0, p_gold=0,
               l_hit=0, l_gold=0, t_hit=0, t_res=0, t_gold=0)
    for name, art, gold in pairs(argv):
        pub = gold.get("published")
        meta = ArticleMeta(published=pub) if pub else None
        ex = extract(art.read_text(encoding="utf-8"), meta)
        gq = {q["text"]: q for q in gold["questions"]}
        pq = {q.text: q for q in ex.questions}
        tp = set(gq) & set(pq)
        flags = sum(1 for t in tp if gq[t]["headline"] == pq[t].headline
                    and gq[t].get("under") == pq[t].parent)
        names = {c.name.lower() for c in ex.commodities} | {a.lower() for c in ex.commodities for a in c.aliases}
        c_hit = sum(1 for c in gold["commodities"] if c["name"].lower() in names
                    or any(a.lower() in names for a in c["aliases"]))
        ev = [p.text for p in ex.policies] + [p.sentence.text for p in ex.policies if p.sentence]
        p_hit = sum(1 for p in gold["policies"] if any(p["snippet"] in e or e in p["snippet"] for e in ev))
        lev = [(l.text, l.sentence.text if l.sentence else l.text) for l in ex.links]
        l_hit = sum(1 for l in gold["links"] if any(
            l["evidence"] in s or t in l["evidence"] or l["evidence"] in t for t, s in lev))
        times = {t.text: t.resolved for t in ex.times}
        t_hit = sum(1 for t in gold["time_expressions"] if any(t["text"] in k or k in t["text"] for k in times))
        t_res = sum(1 for t in gold["time_expressions"] if any(
            (t["text"] in k or k in t["text"]) and v == t.get("resolves_to") for k, v in times.items()))
        row = dict(q_tp=len(tp), q_gold=len(gq), q_pred=len(pq), q_flags=flags,
                   c_hit=c_hit, c_gold=len(gold["commodities"]), p_hit=p_hit, p_gold=len(gold["policies"]),
                   l_hit=l_hit, l_gold=len(gold["links"]), t_hit=t_hit, t_res=t_res,
                   t_gold=len(gold["time_expressions"]))
        for k, v in row.items():
            tot[k] += v
        print(f"{name[:28]:28} questions {len(tp)}/{len(gq)} gold, {len(tp)}/{len(pq)} pred, flags {flags}"
              f" | commodities {c_hit}/{len(gold['commodities'])} | policies {p_hit}/{len(gold['policies'])}"
              f" | links {l_hit}/{len(gold['links'])} | times {t_hit}/{row['t_gold']} (resolved {t_res})")
        for t in set(gq) - tp:
            print("   missed question:", t)
        for t in set(pq) - tp:
            print("   extra question: ", t)
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"  # noqa: E731
    print(f"TOTAL question recall {pct(tot['q_tp'], tot['q_gold'])} precision {pct(tot['q_tp'], tot['q_pred'])}"
          f" headline/parent right {pct(tot['q_flags'], tot['q_tp'])}")
    print(f"TOTAL commodities {pct(tot['c_hit'], tot['c_gold'])} policies(evidence overlap) {pct(tot['p_hit'], tot['p_gold'])}"
          f" links(evidence overlap) {pct(tot['l_hit'], tot['l_gold'])}"
          f" times found {pct(tot['t_hit'], tot['t_gold'])} resolved right {pct(tot['t_res'], tot['t_gold'])}")


if __name__ == "__main__":
    main(sys.argv[1:])
