"""Stage: policies (bans, freezes, export controls, licences, deals, tariffs ...).

Driven by ``data/vocab/policies.toml``: a head noun ("an April export ban",
"the trade deal") or an enacting verb ("Washington barred sales of ...") marks
a measure. For each one the rules read:

* its name: the head noun with its modifiers as written ("April export ban",
  "rare earth magnet trade deal"), or the target plus the kind's label when
  the text uses a verb ("magnet export freeze");
* its target: a commodity in its words or in the rest of its clause, else in
  the sentence, else in the sentence before ("Its March export freeze");
* its actor: the subject of the clause, a pronoun's antecedent ("its"), the
  first side of "between A and B", else the nearest government before it that
  is not the counterpart; its counterpart: "with B", "to B", "out of B's hands";
* its status (reversed, suspended, agreed ...) from a status word governing it;
* when: the nearest time expression in its clause.

Mentions of the same measure in one article are merged into one `Policy`.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from tradelink import vocab
from tradelink.models import Actor, Commodity, Policy, TimeExpression, validate_list

from .clauses import (
    ActorIndex, Mention, SpanList, actor_after, actor_index, after_preposition, antecedent, backwards, clause_end,
    clause_start, subject,
)
from .fastre import Vocabulary, _trie_regex, core_length, prefixes
from .segment import Doc


@functools.cache
def _vocab():
    return vocab.table("policies")


@functools.cache
def _cue_regex() -> tuple[Vocabulary, dict[str, tuple[str, bool]]]:
    alts, groups = [], {}
    for i, k in enumerate(_vocab()["kind"]):
        for j, t in enumerate(k.get("nouns", [])):
            g = f"n{i}_{j}"
            groups[g] = (k["kind"], True)
            alts.append((core_length(t), g, t))
        for j, t in enumerate(k.get("verbs", [])):
            g = f"v{i}_{j}"
            groups[g] = (k["kind"], False)
            alts.append((core_length(t), g, t))
    alts.sort(key=lambda a: -a[0])
    return Vocabulary([(g, t) for _, g, t in alts], re.IGNORECASE, shared=True), groups


@functools.cache
def _labels() -> dict[str, str]:
    return {k["kind"]: k["label"] for k in _vocab()["kind"]}


@functools.cache
def _status_regex() -> re.Pattern[str]:
    alts = [f"(?P<{name}>{'|'.join(pats)})" for name, pats in _vocab()["status"].items()]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


@functools.cache
def _status_stems() -> re.Pattern[str] | None:
    """A case-sensitive scan for the literal starts of every status word, run on a
    lower-cased ASCII window: where it finds nothing the status words cannot match.
    ``None`` if some status pattern has no literal start."""
    stems: set[str] = set()
    for pats in _vocab()["status"].values():
        for pat in pats:
            stems |= prefixes(pat, re.IGNORECASE)
    if "" in stems:
        return None
    # One trie: callers only ask whether it finds anything, not which stem.
    return re.compile(_trie_regex(stems))


@functools.cache
def _determiners() -> frozenset[str]:
    return frozenset(_vocab()["words"]["determiners"])


MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
MODIFIER_WORDS = frozenset(
    "export exports import trade chip chips magnet magnets mineral minerals licence license price permit "
    "joint bilateral interim revenue-sharing sales supply feed offtake equity tungsten gallium".split()
)
TOKEN_BEFORE = re.compile(r"([\w’'.-]+)\s*$")
PASSIVE = re.compile(r"\s+(?:was|were|is|are|has been|have been|had been|is being|will be|would be)\s+(\w+)")
BETWEEN = re.compile(r"\bbetween\s+$")
STOPWORDS = frozenset("to of in on at for by with and or but as than new more less its their the a an".split())
OWNER = re.compile(r"\b(its|their|our)\s+$", re.IGNORECASE)
BETWEEN_AFTER = re.compile(r"\s+between\s+")
WE_OUR = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)
DETERMINED = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+$", re.IGNORECASE)
# What follows a bare plural noun that is really a verb: "controls roughly 98% of", "curbs the".
VERB_USE = re.compile(r"\s+(?:roughly|about|around|nearly|almost|some|most|much|more than|over|half|all|"
                      r"the|a|an|\d)\b")
SKIP_BEFORE = re.compile(r"(?:\bat|\bto|\bgreat|\bgood|\bbig)\s+$", re.IGNORECASE)
GOVERNMENT = ("government",)
SIDES = ("government", "organization")
COUNTER_PREPS = frozenset({"to", "with", "into", "for", "against", "from"})
SUMMARY_KINDS = ("summary",)


@dataclass
class _Found:
    kind: str
    name: str
    start: int
    end: int
    cue: str
    sent: tuple[int, int]
    summary: bool
    target: str | None = None
    target_words: str | None = None
    actor: str | None = None
    counterpart: str | None = None
    status: str | None = None
    when: TimeExpression | None = None
    premods: str = ""
    extra: dict = field(default_factory=dict)


COORD = re.compile(r"^\s*(?:and|&)\s+$")
# Matched at an offset (pattern.match(text, pos, endpos)), so no "^": it would only match at 0.
AFTER_SIDES = re.compile(r"\s*(?:\w+\s+){0,3}$")
SIGNED = re.compile(r"\s*(?:have |has |had |will |would )?(?:signed|agreed|struck|reached|sealed|agree|sign)\b")
LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:\w+\s+){0,2}?")
CLOSING_QUOTE = re.compile(r"[”\"]")
NUMBER_WORD = re.compile(r"\d+(?:\.\d+)?%?|per|cent")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})*,$")
# A policy noun that modifies a role or body is no measure: "export control officers".
MODIFIES_A_ROLE = re.compile(r"\s+(?:officers?|officials?|experts?|lawyers?|specialists?|agenc(?:y|ies)|authorit(?:y|ies)|"
                             r"staff|teams?|units?)\b")
NOT_BEFORE = re.compile(r"\bnot\s+$")
# A government written right before a measure is its author: "US restrictions", "China's curbs".
OWNER_GAP = re.compile(r"(?:['’]s)?\s+")
PLURAL = re.compile(r"[a-z]+s")
DEAL_HEAD = re.compile(r"deal|negotiation|talks", re.IGNORECASE)
TRADE_END = re.compile(r"\btrade\s*$")
PLURAL_END = re.compile(r"[^s]s$")
CAPITALISED = re.compile(r"[A-Z][a-z]+\b")
PERMIT_HEAD = re.compile(r"permit|licen", re.IGNORECASE)
EXPORT_HEAD = re.compile(r"licen|permit|ban|freeze|halt|control|restriction|curb", re.IGNORECASE)
FINAL_S = re.compile(r"s$")


def _coordinated_subject(text: str, index: ActorIndex, cs: int, pos: int) -> tuple[str, str] | None:
    """"The United States and Kazakhstan signed ...": both sides of a measure (*cs*: the
    start of the clause holding *pos*)."""
    sides = [m for m in index.between(cs, pos) if m.type in SIDES]
    for a, b in zip(sides, sides[1:]):
        if COORD.match(text[a.end:b.start]) and a.name != b.name and after_preposition(text, a.start, cs) is None:
            if AFTER_SIDES.match(text, b.end, pos) or SIGNED.match(text, b.end, pos):
                return a.name, b.name
    return None


def _coordinated(text: str, goods: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first commodity and those listed with it ("gallium and germanium", "A, B and C")."""
    out = goods[:1]
    for g in goods[1:]:
        gap = text[out[-1][1]:g[0]]
        if not LIST_GAP.fullmatch(gap):
            break
        out.append(g)
    return out


def _reach(text: str, start: int, end: int) -> int:
    """Stop a look-ahead at a closing quotation mark."""
    m = CLOSING_QUOTE.search(text, start, end)
    return m.start() if m else end


TOKEN_BEFORE_BACKWARDS = re.compile(r"\s*([\w’'.-]+)")  # TOKEN_BEFORE, read backwards


def _token_before(text: str, floor: int, pos: int) -> tuple[int, str] | None:
    """The last token (word characters, ’ ' . -) before *pos*, past trailing spaces,
    not reaching before *floor*: ``(start, token)``.

    What ``TOKEN_BEFORE.search(text, floor, pos)`` finds, as one match anchored at *pos*
    in the article reversed (`clauses.backwards`), without its regex retrying the token
    from every position (quadratic in the window)."""
    n = len(text)
    m = TOKEN_BEFORE_BACKWARDS.match(backwards(text), n - pos, n - floor)
    if m is None:
        return None
    start = n - m.end(1)
    return start, text[start:n - m.start(1)]


def _owner_before(text: str, index, np_start: int) -> Mention | None:
    near = index.before(np_start, GOVERNMENT, limit=12)
    if near and OWNER_GAP.fullmatch(text, near[0].end, np_start):
        return near[0]
    return None


def _premodifiers(text: str, sent_start: int, cue_start: int, goods_spans) -> int:
    """Start of the words that modify a head noun: months, "export", commodity words."""
    pos = cue_start
    while pos > sent_start:
        m = _token_before(text, pos - 40 if pos - 40 > sent_start else sent_start, pos)
        if not m:
            break
        at, tok = m
        covered = next((s for s, e, _ in goods_spans if s <= at < e), None)
        if covered is not None:
            pos = min(covered, at)
            continue
        bare = tok.strip(".’'")
        if NUMBER_WORD.fullmatch(bare):
            pos = at
            th = THOUSANDS.search(text, at - 12 if at - 12 > sent_start else sent_start, at)
            if th:
                pos = th.start()  # "1,140 licences", not "140 licences"
            continue
        if bare in MONTHS or bare.lower() in MODIFIER_WORDS or "-for-" in bare or bare.endswith(("-sharing", "-blocking")):
            pos = at
            continue
        break
    return pos


def _short(goods: dict[str, Commodity], name: str, written: str) -> str:
    c = goods.get(name)
    if c is not None and c.category == "chip" and any(ch.isdigit() for ch in name.split()[0]):
        return name.split()[0]
    return written


def _article_order(x: tuple) -> int:
    return x[2]


class _Times:
    """The article's time expressions by start offset, for range look-ups."""

    def __init__(self, times: list[TimeExpression]):
        # (start, end, position in *times*, record): ties keep the article's order.
        self.items = sorted((t.start, t.end, i, t) for i, t in enumerate(times))
        self.starts = [x[0] for x in self.items]

    def within(self, a: int, b: int) -> list[TimeExpression]:
        """The expressions lying within [a, b] (start >= a, end <= b), in the article's order."""
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_right(self.starts, b, i)
        if i == j:
            return []
        return [x[3] for x in sorted((x for x in self.items[i:j] if x[1] <= b), key=_article_order)]


def _nearest_time(times: _Times, s: int, e: int, a: int, b: int) -> TimeExpression | None:
    inside = times.within(a, b)
    if not inside:
        return None
    return min(inside, key=lambda t: 0 if (t.start >= s and t.end <= e) else min(abs(t.start - e), abs(s - t.end)))


@functools.cache
def _status_starts() -> re.Pattern[str] | None:
    """Where a status word's literal start follows a non-word character, in lower-cased
    ASCII text (the match ends there); ``None`` as for `_status_stems`. Led by a character
    class, the scan skips most characters cheaply, where a lookahead alone is tried at
    every one."""
    stems = _status_stems()
    return re.compile(f"[^A-Za-z0-9_](?=(?:{stems.pattern}))") if stems is not None else None


def _status_matches(window: str):
    """``_status_regex().finditer(window)``. Most windows hold no status word: on ASCII
    text (where lower-casing is exactly what IGNORECASE compares) the status regex is
    tried only where a status word's literal start is at a word start, and not at all
    where none is. The same matches: every match starts at a word start (``\\b``, then a
    letter) with such a literal start, and the places are tried left to right from the
    end of the last match, as `finditer` searches."""
    rx = _status_regex()
    starts = _status_starts()
    if starts is None or not window.isascii():
        yield from rx.finditer(window)
        return
    low = window.lower()
    places = [at.end() for at in starts.finditer(low)]
    if _status_stems().match(low):
        places.insert(0, 0)
    pos = 0
    for p in places:
        if p < pos:
            continue
        m = rx.match(window, p)
        if m is not None:
            yield m
            pos = m.end()


def _status(text: str, np_start: int, cue_end: int, sent: tuple[int, int], verb: bool) -> str | None:
    window = text[np_start - 60 if np_start - 60 > sent[0] else sent[0]:np_start]
    best = None
    for m in _status_matches(window):
        between = window[m.end():].split()
        if all(w.lower().strip(",") in _determiners() or w[:1].isupper() or w.lower() in MODIFIER_WORDS
               for w in between) and len(between) <= 5:
            best = m.lastgroup
    if best:
        return best
    p = PASSIVE.match(text, cue_end, sent[1])
    if p:
        m = _status_regex().fullmatch(p.group(1))
        if m:
            return m.lastgroup
    return None


def find(doc: Doc, actors: list[Actor] | None = None, goods: list[Commodity] | None = None,
         times: list[TimeExpression] | None = None, *context) -> list[Policy]:
    pols, mentions = find_mentions(doc, actors, goods, times)
    doc.cache["policy_mentions"] = (pols, mentions)
    return pols


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see clauses.Mention; nothing changes one
class PolicyMention:
    start: int
    end: int
    policy: str
    kind: str
    target: str | None
    named: bool = True  # False for "the deal", "the freeze"


def find_mentions(doc: Doc, actors: list[Actor] | None = None, goods: list[Commodity] | None = None,
                  times: list[TimeExpression] | None = None) -> tuple[list[Policy], list[PolicyMention]]:
    """The policies, and every place in the text that mentions one of them."""
    merged = _merge(doc.text, _collect(doc, actors, goods, times))
    mentions = [PolicyMention(f.start, f.end, p.name, p.kind, f.target or p.target, not f.extra.get("anaphor"))
                for p, g in merged for f in g]
    mentions.sort(key=lambda m: m.start)
    doc.cache["policy_targets"] = {
        p.name: list(dict.fromkeys(t for f in g if not f.extra.get("mention_only") for t in f.extra.get("targets", [])))
        for p, g in merged
    }
    return [p for p, _ in merged], mentions


def _collect(doc: Doc, actors, goods, times) -> list[_Found]:
    text = doc.text
    actors = actors or []
    goods = goods or []
    times = times or []
    time_index = _Times(times)
    index = actor_index(doc.cache, actors)
    by_name = {c.name: c for c in goods}
    span_list = SpanList((m.start, m.end, c.name) for c in goods for m in c.mentions)
    cue_rx, groups = _cue_regex()
    found: list[_Found] = []
    prev_sent: tuple[int, int] | None = None
    sentences = list(doc.sentence_spans())
    hits = cue_rx.by_span(text, [(s, e) for _, _, s, e in sentences])
    for _, block, s, e in sentences:
        if block.kind == "heading" or text[s:e].rstrip("\"”’')").endswith("?"):
            prev_sent = (s, e)
            continue
        if s not in hits:
            prev_sent = (s, e)
            continue
        sent_goods = span_list.within(s, e)
        for m in hits[s]:
            kind, is_noun = groups[m.lastgroup]
            cs, ce = m.start(), m.end()
            if text[cs].isupper() and cs > s and not text[s:cs].rstrip().endswith((":", "“", '"')):
                continue  # part of a name ("Federal Reserve", "Trade Representative")
            if index.covering(cs) is not None:
                continue
            if is_noun and kind in ("investment", "trade deal") and SKIP_BEFORE.search(text, cs - 8 if cs - 8 > s else s, cs):
                continue  # "at stake", "to deal with"
            if is_noun and (MODIFIES_A_ROLE.match(text, ce) or NOT_BEFORE.search(text, cs - 5 if cs - 5 > s else s, cs)):
                continue  # "export control officers", "not tariffs": no measure
            if is_noun and VERB_USE.match(text, ce) and not DETERMINED.search(text, cs - 12 if cs - 12 > s else s, cs) and \
                    PLURAL.fullmatch(m.group().strip()):
                continue  # "China controls roughly 98% of ...": a verb, not a measure
            # Look back a bounded stretch: premodifiers and clause breaks are
            # near the cue, and a scan from the sentence start for every cue was
            # quadratic in the sentence (run-on sentences of policy words).
            # (Conditional expressions, not max() and min(): those parse arguments slowly in 3.11.)
            near = cs - 400 if cs - 400 > s else s
            np_start = _premodifiers(text, near, cs, sent_goods) if is_noun else cs
            if is_noun and np_start == cs and kind in ("tariff", "sanction"):
                # "fentanyl tariffs", "reciprocal tariffs": one describing word as written.
                w = _token_before(text, cs - 40 if cs - 40 > s else s, cs)
                if w and w[1].islower() and w[1] not in _determiners() and w[1] not in STOPWORDS:
                    np_start = w[0]
            cl_s, cl_e = clause_start(text, near, cs), clause_end(text, ce, e)
            reach = _reach(text, ce, cl_e if cl_e < ce + 80 else ce + 80)
            # Target: in the head's words, then just after it ("licences for X",
            # "ban ... designed to keep X out"), then before it in the clause.
            # (One loop for the three lists: most sentences hold a commodity or two.)
            inside, after, before = [], [], []
            lo = cs if not is_noun else np_start
            # "accelerators that the United States restricts": a verb's object before it.
            b_lo, b_hi = (cl_s, np_start) if is_noun else (cs - 60 if cs - 60 > s else s, cs)
            for g in sent_goods:
                g0, g1 = g[0], g[1]
                if g0 >= lo and g1 <= ce:
                    inside.append(g)
                if g0 >= ce and g1 <= reach:
                    after.append(g)
                if g0 >= b_lo and g1 <= b_hi:
                    before.append(g)
            near_before = [g for g in before if cs - g[1] <= 40] if before else before
            tgt = (inside or after or [None])[0] or (near_before[-1] if near_before else None)
            if tgt is None and prev_sent is not None and text[s:np_start].strip().lower() in ("its", "their"):
                pg = span_list.within(prev_sent[0], prev_sent[1])
                tgt = pg[0] if pg else None
            premods = text[np_start:cs].strip()
            cue = m.group()
            specific = is_noun and " " in cue.strip() and kind not in ("trade deal",)
            anaphor = False
            if not ((tgt[2] if tgt is not None else None) or premods or specific) \
                    and kind not in ("trade deal", "investment"):
                # A bare "the freeze", "the ban": at most a later mention of a measure
                # already named, which only lends its span; sides, status and time are
                # read for deals and stakes alone, whose counterpart can name them.
                if not is_noun or not DETERMINED.search(text, np_start - 12 if np_start - 12 > s else s, np_start):
                    continue
                anaphor = True
            f = _Found(kind=kind, name="", start=np_start, end=ce, cue=cue, sent=(s, e),
                       summary=block.section_kind in SUMMARY_KINDS, premods=premods)
            f.extra["verb"] = not is_noun
            if tgt is not None:
                all_targets = _coordinated(text, inside + after)
                f.target, f.target_words = tgt[2], text[tgt[0]:tgt[1]]
                f.extra["sentence_initial"] = tgt[0] == s
                f.extra["targets"] = list(dict.fromkeys([g[2] for g in all_targets] or [tgt[2]]))
                if tgt[0] >= ce:
                    f.end = max(g[1] for g in after)
            if anaphor:
                # Merged into a measure named before it or dropped: its name, sides,
                # status and time are never read (`_merge`).
                f.extra["anaphor"] = True
                found.append(f)
                continue
            # Sides.
            before_txt = text[np_start - 12 if np_start - 12 > s else s:np_start]
            owner = OWNER.search(before_txt)
            counter = actor_after(text, index, ce, reach, COUNTER_PREPS, SIDES)
            if kind == "licence" and counter is not None and \
                    text[counter.start - 5 if counter.start - 5 > ce else ce:counter.start] == "from ":
                f.actor, counter = counter.name, None  # "applications from Alder"
            if kind == "investment" and counter is not None:
                f.extra["stake_in"] = counter.name
            # The clause start from the sentence start: what cl_s is unless the cue is far in.
            cl_s0 = cl_s if near == s else clause_start(text, s, cs)
            pair = _coordinated_subject(text, index, cl_s0, cs)
            if pair is not None:
                f.actor, f.counterpart = pair
            btw = BETWEEN_AFTER.match(text, ce, ce + 12)
            if btw:
                pair = [x for x in index.between(btw.end(), min(e, ce + 80)) if x.type in SIDES][:2]
                if len(pair) == 2:
                    f.actor, f.counterpart = pair[0].name, pair[1].name
            if f.actor is None:
                who: Mention | None = None
                if is_noun:
                    who = _owner_before(text, index, np_start)  # "the latest US restrictions on ..."
                if who is None and owner:
                    who = antecedent(text, index, s, np_start, owner.group(1).lower(), SIDES)
                if who is None:
                    who = subject(text, index, s, cs, SIDES if kind == "trade deal" else SIDES + ("group", "person"),
                                  cl_s0)
                if who is None and WE_OUR.search(text, cl_s, cs):
                    who = next(iter(index.before(s, ("organization",), limit=1500)), None)
                if who is None and (kind not in ("trade deal", "investment") or counter is not None):
                    exclude = counter.name if counter else None
                    who = next((x for x in index.between(s, e) if x.type in GOVERNMENT and x.name != exclude), None) \
                        or next((x for x in index.before(s, GOVERNMENT, limit=1500) if x.name != exclude), None)
                    f.extra["weak_actor"] = True
                if who is not None:
                    f.actor = who.name
                if counter is not None and counter.name != f.actor:
                    f.counterpart = counter.name
            if not (f.target or premods or specific or (kind == "trade deal" and f.counterpart) or f.extra.get("stake_in")):
                # A bare "the freeze", "the deal": a later mention of a measure already named
                # (as above: its name, status and time are never read).
                if not is_noun or not DETERMINED.search(text, np_start - 12 if np_start - 12 > s else s, np_start):
                    continue
                f.extra["anaphor"] = True
            else:
                f.status = _status(text, np_start, ce, (s, e), not is_noun)
                f.when = _nearest_time(time_index, np_start, ce, cl_s, cl_e)
                f.name = _name(f, by_name)
            found.append(f)
        prev_sent = (s, e)
    return found


def _name(f: _Found, goods: dict[str, Commodity]) -> str:
    head = f.cue if f.cue.isupper() else f.cue[:1].lower() + f.cue[1:]
    premods = f.premods
    label = _labels()[f.kind]
    if f.kind == "trade deal" and DEAL_HEAD.search(head):
        base = TRADE_END.sub("", premods).strip()
        if not base and f.target_words and f.target_words[:1].islower():
            base = f.target_words[:-1] if PLURAL_END.search(f.target_words) else f.target_words
        return f"{base} trade deal".strip()
    if premods:
        return f"{premods} {head}"
    if f.target is None:
        return head
    short = _short(goods, f.target, f.target_words or f.target)
    if len(short.split()) > 2 and len(f.target.split()) < len(short.split()):
        short = f.target
    if f.extra.get("sentence_initial") and CAPITALISED.match(short) and short.split()[0].lower() in \
            ("spot", "primary", "domestic", "rare", "sintered", "magnets", "magnet", "chips", "chip", "permits"):
        short = short[0].lower() + short[1:]
    if f.extra.get("verb") or not head[:1].isalpha():
        if PERMIT_HEAD.search(head) and f.kind == "export control":
            word = "permit" if "permit" in head.lower() else "licence"
            return f"{short} export {word} requirement"
        return f"{short} {label}"
    if head.lower().startswith(("export", "trade")):
        return f"{short} {head}"
    if f.kind in ("licence", "export ban", "export freeze", "export control") and \
            EXPORT_HEAD.search(head):
        return f"{short} export {head}"
    if f.kind in ("licence", "export ban", "export freeze", "export control"):
        return f"{short} {label}"
    return f"{short} {head}"


def _is_instrument(cue: str) -> bool:
    """A multi-word head that names a specific instrument ("location checks", "permit system")."""
    cue = cue.strip().lower()
    return " " in cue and not cue.startswith(("export ", "trade ", "import "))


def _head_class(f: _Found) -> str:
    """Mentions of one measure share a head class: the kind, or the cue itself when the
    cue names a specific instrument."""
    if not f.extra.get("verb") and _is_instrument(f.cue):
        return FINAL_S.sub("", f.cue.lower())
    return f.kind


@functools.cache
def _label_words() -> dict[str, str]:
    """Each kind's label's last word, singular: "control" for "export controls"."""
    return {kind: label.split()[-1].rstrip("s").lower() for kind, label in _labels().items()}


def _score(f: _Found) -> tuple:
    label_word = _label_words()[f.kind]
    return (not f.summary, label_word in f.cue.lower(), (f.target is not None) + (f.actor is not None) + (f.when is not None),
            len(f.premods))


def _merge(text: str, found: list[_Found]) -> list[tuple[Policy, list[_Found]]]:
    groups: list[list[_Found]] = []
    for f in found:
        if f.extra.get("anaphor"):
            same = [g for g in groups if g[0].kind == f.kind]
            if len(same) == 1 or (same and f.kind != "trade deal"):
                f.extra["mention_only"] = True
                same[-1].append(f)
            continue
        home = None
        for g in groups:
            h = g[0]
            if h.kind != f.kind:
                continue
            if f.kind == "trade deal":
                sides = {x for x in (f.actor, f.counterpart) if x}
                other = {x for y in g for x in (y.actor, y.counterpart) if x}
                if len(sides) < 2 or len(other) < 2 or sides & other:
                    home = g
                    break
            elif h.target == f.target and _head_class(h) == _head_class(f) and (
                    h.target is not None or h.name.lower() == f.name.lower()):
                home = g
                break
        if home is None:
            groups.append([f])
        else:
            home.append(f)
    out = []
    for g in groups:
        real = [x for x in g if not x.extra.get("mention_only")]
        if len(real) == 1:
            # Most measures are named once: every field is that mention's (what the
            # general case below gives for one mention, without its scans).
            best = real[0]
            name, actor = best.name, best.actor
            target, status, when = best.target or None, best.status or None, best.when or None
            counterpart = best.counterpart or best.extra.get("stake_in") or None
        else:
            best = max(real, key=_score)
            name = best.name
            if best.kind == "trade deal":
                named = [x.name for x in real if x.name.endswith("trade deal") and x.name != "trade deal"]
                if named:
                    name = max(named, key=len)
                elif name == "trade deal":
                    name = max((x.name for x in real), key=len)
            pick = lambda attr: getattr(best, attr) or next((getattr(x, attr) for x in real if getattr(x, attr)), None)  # noqa: E731
            target, status, when = pick("target"), pick("status"), pick("when")
            sides = max(real, key=lambda x: (x.actor is not None and x.counterpart is not None,
                                          x.actor is not None and not x.extra.get("weak_actor"), x is best))
            actor = sides.actor
            counterpart = sides.counterpart or next(
                (x.counterpart for x in real if x.counterpart and x.counterpart != actor), None) \
                or next((x.extra["stake_in"] for x in real if x.extra.get("stake_in")), None)
        if counterpart == actor:
            counterpart = None
        if actor and counterpart and " " not in name and best.kind in ("trade deal", "stockpile", "investment"):
            name = f"{actor}–{counterpart} {name}"  # a bare "agreement" is named by its sides
        s, e = best.start, best.end
        out.append({
            "start": s, "end": e, "text": text[s:e], "name": name, "kind": best.kind,
            "actor": actor, "counterpart": counterpart, "target": target, "status": status, "when": when,
            "sentence": {"start": best.sent[0], "end": best.sent[1], "text": text[best.sent[0]:best.sent[1]]},
        })
    # One validation for the list: pydantic builds records from dicts faster than one at a time.
    return list(zip(validate_list(Policy, out), groups))
