"""Stage: typed links between actors, commodities and policies.

Relations come from the closed vocabulary `models.Relation`; the words that
express them are in ``data/vocab/relations.toml``. Links are read three ways:

* **sentence rules**: a cue between two nodes ("chips *in exchange for*
  magnets", "Nvidia ... *to sell* its H20 chips", "lawmakers *slammed* the
  move"), with the subject found by `clauses` and "the move"/"the deal"
  resolved to the latest sale or deal mentioned before it;
* **policies**: who bans or restricts what, who seeks a licence, who
  negotiates with whom, what a deal covers;
* **statements**: a speaker who confirms, criticises or backs a policy
  their words mention.

Each link keeps its evidence span, the predicate as written, the hedge in its
clause ("reportedly", "appears to") and the policy it runs through where the
text names one. One link per (source, relation, target) per article: body
text wins over a summary section, a direct quote over reported speech.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from tradelink import vocab
from tradelink.models import Actor, Commodity, Link, Policy, Statement, validate_list

from . import policies as policy_stage
from .clauses import (
    Mention, SpanList, actor_index, after_preposition, antecedent, clause_end, clause_start, subject,
)
from .fastre import Vocabulary, core_length
from .segment import Doc


@functools.cache
def _vocab():
    return vocab.table("relations")


@functools.cache
def _cue_regex() -> tuple[Vocabulary, dict[str, dict]]:
    alts, groups = [], {}
    for i, rule in enumerate(_vocab()["rule"]):
        for j, cue in enumerate(rule["cues"]):
            g = f"r{i}_{j}"
            groups[g] = rule
            alts.append((core_length(cue), g, cue))
    alts.sort(key=lambda a: -a[0])
    return Vocabulary([(g, c) for _, g, c in alts], re.IGNORECASE, shared=True), groups


@functools.cache
def _hedges() -> re.Pattern[str]:
    # Case-sensitive, so the month "May" is no hedge; a capital is allowed at a sentence start.
    alts = []
    for w in _vocab()["hedges"]["words"]:
        alts.append(w)
        if w != "may":
            alts.append(w[0].upper() + w[1:])
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


@functools.cache
def _statement_verbs() -> list[tuple[str, re.Pattern[str]]]:
    return [(rel, re.compile("|".join(p), re.IGNORECASE)) for rel, p in _vocab()["statements"].items()]


@functools.lru_cache(maxsize=1024)
def _statement_relation(verb: str) -> str | None:
    """The relation a reporting verb gives its speaker to a policy ("slammed" → opposes)."""
    verb = verb.lower()
    return next((r for r, rx in _statement_verbs() if rx.fullmatch(verb)), None)


@functools.cache
def _anaphora() -> re.Pattern[str]:
    a = _vocab()["anaphora"]
    return re.compile(
        rf"\s*(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:(?P<deal>{'|'.join(a['deal'])})|(?P<sale>{'|'.join(a['sale'])}))\b",
        re.IGNORECASE,
    )


@functools.cache
def _tails() -> re.Pattern[str]:
    return re.compile(r"\s+(?:" + "|".join(_vocab()["collect"]["tails"]) + r")\b", re.IGNORECASE)


@functools.cache
def _refine() -> re.Pattern[str]:
    return re.compile(r"^[^.;:]{0,40}?,\s+(?:" + "|".join(_vocab()["collect"]["refine"]) + r")\s+", re.IGNORECASE)


POSSESSIVE = re.compile(r"['’]s\s+$")
RELATIVE_OBJECT = re.compile(r"\s(?:(?:that|which)\s+)?(?:it|they|we)\s+$", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:stop|stopped|not|no longer|never|halt|halted|refuse|refused|cease|ceased)\s+(?:\w+\s+)?$",
                     re.IGNORECASE)
APPOSITION = re.compile(r"\S,\s+(?:a|an|the)\s+(?:[\w.’'-]+\s+){0,3}$")  # "X, a U.S. maker of"
INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+[\w-]+\s+$")
RELATIVE_SUBJECT = re.compile(r"\s(?:that|which|who)\s+$", re.IGNORECASE)
OBJECT_STOP = re.compile(r"[,;:\"“”]")
PRONOUN_IT = re.compile(r"\b(?:it|its|they|their)\b", re.IGNORECASE)
LISTED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:separated |refined )?")
DETERMINER_ONLY = re.compile(r"\s*(?:(?:the|a|an|its|their)\s+)?")
AS_PHRASE = re.compile(r"\s+as\s+[^,.;]{1,60}")


def _object_reach(text: str, start: int, end: int) -> int:
    """Where the object of a verb can end: the next comma, colon or quotation mark."""
    m = OBJECT_STOP.search(text, start, end)
    return m.start() if m else end
AI_OR_PRONOUN_SKIP = ("person", "group", "organization", "government", "media")


@dataclass
class _Cand:
    link: dict  # a Link's fields
    summary: bool
    direct: bool


class _Ctx:
    def __init__(self, doc: Doc, actors: list[Actor], goods: list[Commodity], pols: list[Policy],
                 pmentions: list[policy_stage.PolicyMention]):
        self.text = doc.text
        self.index = actor_index(doc.cache, actors)
        self.span_list = SpanList((m.start, m.end, c.name) for c in goods for m in c.mentions)
        self.goods = self.span_list.items
        self.kinds = {c.name: c.category for c in goods}
        # Mentions of chips written with a digit ("Dragonfly-3"): models a company may own.
        self.chip_models = SpanList(g for g in self.goods
                                    if self.kinds.get(g[2]) == "chip" and any(ch.isdigit() for ch in self.text[g[0]:g[1]]))
        self.pols = {p.name: p for p in pols}
        self.pmentions = pmentions
        self.pstarts = [p.start for p in pmentions]
        self.deals = [p for p in pols if p.kind == "trade deal"]
        self.targets: dict[str, list[str]] = doc.cache.get("policy_targets", {})

    def goods_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        return self.span_list.within(a, b)

    def policy_in(self, a: int, b: int, named_only: bool = False) -> policy_stage.PolicyMention | None:
        """The first policy mention within [a, b] (of the named ones only, if asked)."""
        ms = self.pmentions  # sorted by start; none ends before it starts
        for i in range(bisect.bisect_left(self.pstarts, a), len(ms)):
            p = ms[i]
            if p.start > b:
                break
            if p.end <= b and (p.named or not named_only):
                return p
        return None

    def latest_policy(self, pos: int, kinds: tuple[str, ...]) -> policy_stage.PolicyMention | None:
        """The last policy mention of one of *kinds* that ends by *pos*."""
        ms = self.pmentions
        for i in range(bisect.bisect_right(self.pstarts, pos) - 1, -1, -1):
            p = ms[i]
            if p.end <= pos and p.kind in kinds:
                return p
        return None


def _nearest_subject(ctx: _Ctx, s: int, pos: int, cs: int) -> Mention | None:
    """The nearest actor before *pos* in its clause, which starts at *cs* (or a pronoun's
    antecedent)."""
    text, index = ctx.text, ctx.index
    cands = [m for m in index.between(cs, pos) if after_preposition(text, m.start, cs) is None]
    pron = None
    for p in PRONOUN_IT.finditer(text[cs:pos]):
        pron = p
    if pron is not None and (not cands or cands[-1].end <= cs + pron.start()):
        at = cs + pron.start()
        # "it"/"its" in a sentence: the nearest company or government before it.
        near = [m for m in index.between(s, at) if m.type in ("organization", "government")]
        if near:
            return near[-1]
        who = antecedent(text, index, s, at, pron.group().lower())
        if who is not None:
            return who
    if cands:
        return cands[-1]
    return subject(text, index, s, pos, clause=cs)


def _hedge(text: str, a: int, b: int) -> str | None:
    m = _hedges().search(text, a, b)
    return m.group() if m else None


def _span_link(ctx: _Ctx, a: int, b: int, sent: tuple[int, int], **kw) -> dict:
    """A `Link`'s fields; the links kept are validated in one call (`_links`)."""
    text = ctx.text
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " ,;":
        b -= 1
    return dict(start=a, end=b, text=text[a:b], sentence={"start": sent[0], "end": sent[1], "text": text[sent[0]:sent[1]]},
                **kw)


def _deal_for(ctx: _Ctx, s: int, e: int) -> str | None:
    p = ctx.policy_in(s, e)
    if p is not None and p.kind == "trade deal":
        return p.policy
    return ctx.deals[0].name if len(ctx.deals) == 1 else None


def _sentence_links(doc: Doc, ctx: _Ctx) -> list[_Cand]:
    text = ctx.text
    rx, groups = _cue_regex()
    out: list[_Cand] = []
    sentences = list(doc.sentence_spans())
    hits = rx.by_span(text, [(s, e) for _, _, s, e in sentences])
    for _, block, s, e in sentences:
        if block.kind == "heading" or text[s:e].rstrip("\"”’')").endswith("?"):
            continue
        summary = block.section_kind == "summary"
        sent = (s, e)
        for m in hits.get(s, ()):
            rule = groups[m.lastgroup]
            shape, rel = rule["shape"], rule["relation"]
            cs, ce = m.start(), m.end()
            if ctx.index.covering(cs) is not None:
                continue
            cl_s, cl_e = clause_start(text, s, cs), clause_end(text, ce, e)
            # The hedge of the clause is read once a link is certain (most cues yield none).
            pred = m.group().strip()
            if shape == "cc":
                left = [g for g in ctx.goods_in(cs - 120 if cs - 120 > s else s, cs)]
                right = [g for g in ctx.goods_in(ce, e if e < ce + 100 else ce + 100)]
                if pred.lower().startswith("linking") and len(right) >= 2:
                    a, b = right[0], right[1]
                elif pred.lower().endswith("together") and len(left) >= 2:
                    a, b = left[-2], left[-1]
                elif left and right:
                    a, b = left[-1], right[0]
                else:
                    continue
                end = b[1]
                t = _tails().match(text, end)
                if t:
                    end = t.end()
                r = _refine().match(text[end:e])
                if r:
                    more = ctx.goods_in(end + r.end(), min(e, end + r.end() + 60))
                    if more and more[0][0] == end + r.end():
                        b = more[0]
                if a[2] == b[2]:
                    continue
                hedge = _hedge(text, cl_s, ce)
                if rel == "used_in":
                    # "cobalt and nickel, which go into batteries": every listed input.
                    for g in reversed(left[:-1]):
                        if LISTED.fullmatch(text[g[1]:left[left.index(g) + 1][0]]) \
                                and g[2] != b[2]:
                            out.append(_Cand(_span_link(
                                ctx, g[0], end, sent, source=g[2], source_kind="commodity", relation=rel,
                                predicate=pred, target=b[2], target_kind="commodity", hedge=hedge), summary, False))
                        else:
                            break
                out.append(_Cand(_span_link(
                    ctx, min(a[0], cs), end, sent, source=a[2], source_kind="commodity", relation=rel,
                    predicate=pred, target=b[2], target_kind="commodity", hedge=hedge,
                    policy=_deal_for(ctx, s, e) if rel in ("exchanged_for", "tied_to") else None,
                ), summary, False))
            elif shape == "ac":
                # (Conditional expressions, not max() and min(): those parse arguments slowly in 3.11.)
                obj = next(iter(ctx.goods_in(ce, _object_reach(text, ce, cl_e if cl_e < ce + 80 else ce + 80))), None)
                rel_obj = RELATIVE_OBJECT.search(text, cs - 40 if cs - 40 > s else s, cs)
                if rel_obj is not None:
                    # "the oxide it produces": the object stands before the verb.
                    prior = [g for g in ctx.goods_in(max(s, cs - 80), rel_obj.start() + 1) if g[1] >= rel_obj.start() - 1]
                    if prior:
                        obj = prior[-1]
                if obj is None:
                    continue
                if rel in ("sells", "buys") and NEGATED.search(text, max(s, cs - 20), cs):
                    continue  # "told buyers to stop ordering ..."
                if rel == "produces" and obj[0] - ce > 30 and rel_obj is None:
                    continue
                appos = APPOSITION.search(text, max(s, cs - 60), cs) if pred.lower().endswith(" of") else None
                rel_subj = RELATIVE_SUBJECT.search(text, cs - 12 if cs - 12 > s else s, cs)
                if appos is not None:
                    # "Halberd Silicon, a Bristol designer of chips": the name before the comma.
                    name_end = appos.start() + 1
                    if text[name_end - 1] == ")" and (open_at := text.rfind("(", max(s, name_end - 40), name_end)) > 0:
                        name_end = len(text[:open_at].rstrip())  # "X Inc. (NASDAQ: XX), a maker of"
                    who = ctx.index.covering(name_end - 2)
                    if who is None:
                        continue
                elif rel_subj is not None:
                    # "producers that dominate ...": the subject ends right before "that".
                    who = ctx.index.covering(rel_subj.start() - 1)
                    if who is None:
                        continue
                else:
                    who = _nearest_subject(ctx, s, cs, cl_s)
                if who is None:
                    continue
                hedge = _hedge(text, cl_s, ce)
                pm = ctx.policy_in(s, e) if rel in ("sells", "seeks_licence_for") else None
                end = obj[1]
                t = _tails().match(text, end)
                if t and t.end() <= e:
                    end = t.end()
                start = who.start if cl_s <= who.start < cs else cs
                start = min(start, obj[0])
                out.append(_Cand(_span_link(
                    ctx, start, end, sent, source=who.name, source_kind="actor", relation=rel,
                    predicate=pred, target=obj[2], target_kind="commodity", hedge=hedge,
                    policy=pm.policy if pm and pm.kind == "licence" else None,
                ), summary, False))
            elif shape == "aa":
                obj = next((x for x in ctx.index.between(ce, cl_e if cl_e < ce + 80 else ce + 80)), None)
                if obj is not None and not DETERMINER_ONLY.fullmatch(text[ce:obj.start]):
                    obj = None
                who = _nearest_subject(ctx, s, cs, cl_s)
                if obj is None or who is None or obj.name == who.name:
                    continue
                if rule.get("reverse") and INDEFINITE_BEFORE.search(text, max(s, cs - 30), cs):
                    continue  # "a consortium backed by X": X backs the consortium, not the subject
                src, dst = (obj, who) if rule.get("reverse") else (who, obj)
                hedge = _hedge(text, cl_s, ce)
                out.append(_Cand(_span_link(
                    ctx, cs, obj.end, sent, source=src.name, source_kind="actor", relation=rel,
                    predicate=pred, target=dst.name, target_kind="actor", hedge=hedge,
                ), summary, False))
            elif shape == "ao":
                who = subject(text, ctx.index, s, cs, clause=cl_s)
                if who is None:
                    continue
                target = _object(ctx, s, ce, cl_e if cl_e < ce + 70 else ce + 70, rel)
                if target is None:
                    continue
                name, kind, relation, policy, end = target
                if name == who.name:
                    continue
                hedge = _hedge(text, cl_s, ce)
                out.append(_Cand(_span_link(
                    ctx, cs, _phrase_end(text, end, e), sent, source=who.name, source_kind="actor",
                    relation=relation, predicate=pred, target=name, target_kind=kind, hedge=hedge,
                    policy=policy,
                ), summary, False))
        # "Qiling Semiconductor's Dragonfly-3": a company's chip model.
        for g in ctx.chip_models.within(s, e):
            pm = POSSESSIVE.search(text, g[0] - 4 if g[0] - 4 > s else s, g[0])
            if not pm:
                continue
            owner = ctx.index.covering(pm.start() - 1)
            if owner is None or owner.type != "organization":
                continue
            out.append(_Cand(_span_link(
                ctx, owner.start, g[1], sent, source=owner.name, source_kind="actor", relation="produces",
                predicate="'s", target=g[2], target_kind="commodity", hedge=None,
            ), summary, False))
    return out


def _phrase_end(text: str, end: int, sent_end: int) -> int:
    """Extend evidence over an "as reckless and premature" complement."""
    m = AS_PHRASE.match(text[end:sent_end])
    return end + m.end() if m else end


def _object(ctx: _Ctx, s: int, start: int, end: int, rel: str):
    """What a criticism or support verb is about: ``(name, kind, relation, policy, end)``."""
    text = ctx.text
    window_end = end
    for stop in (" as ", " for ", " over ", ", "):
        k = text.find(stop, start + 1, end)
        if k != -1:
            window_end = min(window_end, k + (len(stop) if stop in (" for ", " over ") else 0) + 0)
    actor = next(iter(ctx.index.between(start, window_end)), None)
    pm = ctx.policy_in(start, min(end, window_end + 40))
    good = next(iter(ctx.goods_in(start, window_end)), None)
    first = min((x for x in (actor and (actor.start, "actor"), pm and (pm.start, "policy"),
                             good and (good[0], "commodity")) if x), default=None)
    if first is not None and first[0] - start <= 30:
        if first[1] == "actor":
            return actor.name, "actor", "criticises" if rel == "opposes" else rel, None, actor.end
        if first[1] == "policy":
            return pm.policy, "policy", rel, pm.policy, pm.end
        return good[2], "commodity", rel, None, good[1]
    an = _anaphora().match(text, start, end)
    if an is None:
        return None
    if an.group("deal"):
        p = ctx.latest_policy(start, ("trade deal",))
        if p is None:
            return None
        return p.policy, "policy", rel, p.policy, an.end()
    p = ctx.latest_policy(start, ("licence",))
    if p is not None and p.target:
        return p.target, "commodity", rel, p.policy, an.end()
    return None


def _policy_links(ctx: _Ctx, pols: list[Policy]) -> list[_Cand]:
    out = []
    for p in pols:
        sent = (p.sentence.start, p.sentence.end) if p.sentence else (p.start, p.end)
        mk = lambda **kw: _Cand(_span_link(ctx, p.start, p.end, sent, predicate=p.text, policy=p.name,  # noqa: E731
                                           hedge=None, **kw), False, False)
        if p.target and p.actor:
            rel = {"export ban": "bans", "export freeze": "restricts", "export control": "restricts",
                   "sanction": "restricts", "tariff": "restricts"}.get(p.kind)
            if p.kind == "licence" and ctx.index.types.get(p.actor) == "organization":
                rel = "seeks_licence_for"
            if rel:
                for target in ctx.targets.get(p.name) or [p.target]:
                    out.append(mk(source=p.actor, source_kind="actor", relation=rel, target=target,
                                  target_kind="commodity"))
        if p.kind == "investment" and p.actor and p.counterpart:
            out.append(mk(source=p.actor, source_kind="actor", relation="owns_stake_in", target=p.counterpart,
                          target_kind="actor"))
        if p.kind == "trade deal":
            if p.actor and p.counterpart:
                out.append(mk(source=p.actor, source_kind="actor", relation="negotiates_with",
                              target=p.counterpart, target_kind="actor"))
            if p.target:
                out.append(mk(source=p.name, source_kind="policy", relation="targets", target=p.target,
                              target_kind="commodity"))
    return out


STANCE_WINDOW = 60  # characters before a policy's mention searched for a complaint


@functools.cache
def _complaint_before() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_vocab()["stance"]["opposes"]) + r")\b", re.IGNORECASE)


def _statement_links(ctx: _Ctx, statements: list[Statement]) -> list[_Cand]:
    out = []
    for st in statements:
        if not st.speaker:
            continue
        pm = ctx.policy_in(st.start, st.end, named_only=True)
        if pm is None:
            continue
        rel = _statement_relation(st.verb)
        if rel is None:
            continue
        if rel == "confirms" and _complaint_before().search(ctx.text, max(st.start, pm.start - STANCE_WINDOW), pm.start):
            rel = "opposes"  # "said it was concerned about the abuse of export controls"
        sent = (st.sentence.start, st.sentence.end) if st.sentence else (st.start, st.end)
        out.append(_Cand(_span_link(
            ctx, st.start, st.end, sent, source=st.speaker, source_kind="actor", relation=rel,
            predicate=st.verb, target=pm.policy, target_kind="policy", policy=pm.policy, hedge=st.hedge,
        ), False, st.kind == "direct"))
    return out


def find(doc: Doc, actors: list[Actor] | None = None, goods: list[Commodity] | None = None,
         pols: list[Policy] | None = None, statements: list[Statement] | None = None, *context) -> list[Link]:
    actors, goods, statements = actors or [], goods or [], statements or []
    cached = doc.cache.get("policy_mentions")
    if cached is not None and (pols is None or cached[0] is pols):
        found, pmentions = cached
    else:
        found, pmentions = policy_stage.find_mentions(doc, actors, goods)
    pols = pols if pols is not None else found
    known = {p.name for p in pols}
    pmentions = [m for m in pmentions if m.policy in known]
    ctx = _Ctx(doc, actors, goods, pols, pmentions)
    cands = _sentence_links(doc, ctx) + _policy_links(ctx, pols) + _statement_links(ctx, statements)
    best: dict[tuple[str, str, str], _Cand] = {}
    order: list[tuple[str, str, str]] = []
    for c in cands:
        key = (c.link["source"], c.link["relation"], c.link["target"])
        if key not in best:
            best[key] = c
            order.append(key)
        elif (not c.summary, c.direct) > (not best[key].summary, best[key].direct):
            best[key] = c
    # One validation for the list: pydantic builds records from dicts faster than one at a time.
    return validate_list(Link, [best[k].link for k in order])
