"""Shared helpers for `policies` and `links`: who is where in a sentence.

Actors arrive as `models.Actor` records (from `entities`); this module indexes
their mentions by offset and answers the questions the relation rules ask:
the subject of a clause, the actor a pronoun stands for, the actor after a
preposition. Everything works on character offsets into the article text.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from operator import itemgetter

from tradelink.models import Actor

CLAUSE_BREAK = re.compile(
    r";|:\s|\s[—–]\s|,\s(?:and|but|while|which|who|whereas|although|though)\s|\s(?:but|while|that|because|after|before|as|although|though)\s"
    r"(?=(?:[A-Z]|it\b|its\b|they\b|their\b|he\b|she\b|the\b|U\.S\.|we\b))"
)
PREPOSITIONS = frozenset(
    "to from with by for of in at on against between over into about under toward towards than "
    "via per among across like including".split()
)
PRONOUN = re.compile(r"\b(?:it|its|they|their|them|he|his|she|her)\b", re.IGNORECASE)
WORD_BEFORE = re.compile(r"(\w+)\W*$")


# Not frozen: a frozen dataclass sets each field through object.__setattr__, and an
# article makes hundreds of these. Hashed by value all the same; nothing changes one.
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    start: int
    end: int
    name: str
    type: str


class ActorIndex:
    """Every mention of every actor, sorted by offset."""

    def __init__(self, actors: list[Actor]):
        seen: set[tuple[int, int]] = set()
        items: list[tuple[int, int, Actor]] = []  # a Mention is made for the mentions kept only
        for a in actors:
            span = (a.start, a.end)
            if span not in seen:
                seen.add(span)
                items.append((span[0], -span[1], a))
            for m in a.mentions:
                span = (m.start, m.end)
                if span not in seen:
                    seen.add(span)
                    items.append((span[0], -span[1], a))
        items.sort(key=itemgetter(0, 1))  # (start, -end); no two share a span
        # Drop mentions nested inside a longer one ("U.S." inside "U.S. officials").
        out: list[Mention] = []
        last_end = -1
        for s, neg_e, a in items:
            if out and s < last_end:
                continue
            last_end = -neg_e
            out.append(Mention(s, last_end, a.name, a.type))
        self.items = out
        self.starts = [m.start for m in out]
        self.types = {a.name: a.type for a in actors}

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions wholly inside ``[start, end)``, in order."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        return [m for m in self.items[i:j] if m.end <= end]

    def before(self, pos: int, types: tuple[str, ...] | None = None, limit: int = 2000) -> list[Mention]:
        """Mentions ending before *pos*, nearest first."""
        i = bisect.bisect_left(self.starts, pos) - 1
        out = []
        while i >= 0 and self.items[i].start >= pos - limit:
            m = self.items[i]
            if m.end <= pos and (types is None or m.type in types):
                out.append(m)
            i -= 1
        return out

    def covering(self, pos: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.items[i].start <= pos < self.items[i].end:
            return self.items[i]
        return None


# Where a clause break can start, found with `str.find` and cheap scans: `CLAUSE_BREAK`
# starts with ``\s`` in most of its branches, and `re` tries such a pattern at every
# character (about 340 instructions a character). `_breaks` then tries it at these places.
_BREAK_WORDS = ("but", "while", "that", "because", "after", "before", "as", "although", "though")
_SPACE_WORDS = tuple(" " + w for w in _BREAK_WORDS)  # " as" finds " asset" too: the match decides
_COMMA_BREAK = re.compile(r",(?=\s(?:and|but|while|which|who|whereas|although|though)\s)")
_DASHES = "—–"
_AFTER_WS = _BREAK_WORDS + tuple(_DASHES)  # what follows the whitespace a break starts with
# Every whitespace character but " " (what ``\s`` and str.isspace() take; a test holds
# the list to them). A break can start at any of them.
_OTHER_WS = "\n\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + \
    "\u2028\u2029\u202f\u205f\u3000"


def _all(text: str, needle: str, out: list[int], shift: int = 0) -> None:
    """Append every offset of *needle* in *text* (plus *shift*) to *out*."""
    find = text.find
    i = find(needle)
    while i != -1:
        out.append(i + shift)
        i = find(needle, i + 1)


def _break_places(text: str) -> list[int]:
    """Every offset where `CLAUSE_BREAK` can match (and more), sorted, maybe repeated."""
    places: list[int] = []
    for needle in _SPACE_WORDS:
        _all(text, needle, places)
    places.extend(m.start() for m in _COMMA_BREAK.finditer(text))
    _all(text, ";", places)
    _all(text, ":", places)
    for ch in _DASHES:  # its break starts at the whitespace before it
        if ch in text:
            _all(text, ch, places, -1)
    for ch in _OTHER_WS:  # mostly "\n", at a paragraph's end: kept where a word or dash follows
        if ch in text:
            find = text.find
            i = find(ch)
            while i != -1:
                if text.startswith(_AFTER_WS, i + 1):
                    places.append(i)
                i = find(ch, i + 1)
    places.sort()
    return places


@functools.lru_cache(maxsize=16)
def _breaks(text: str) -> tuple[list[int], list[int], list[int]]:
    """Every clause break in *text*, found once: (starts, ends, ends sorted).

    The matches of ``CLAUSE_BREAK.finditer(text)``: it is tried only at the places where a
    match can start, left to right from the end of the last match, as `finditer` searches."""
    starts, ends = [], []
    pos = 0
    match = CLAUSE_BREAK.match
    for p in _break_places(text):
        if p < pos:  # inside the last match, repeated, or -1 (a dash at the start)
            continue
        m = match(text, p)
        if m is not None:
            starts.append(p)
            pos = m.end()
            ends.append(pos)
    return starts, ends, sorted(ends)


class SpanList:
    """Sorted ``(start, end, name)`` spans with range lookups by bisection."""

    def __init__(self, spans):
        self.items = sorted(spans)
        self.starts = [x[0] for x in self.items]

    def within(self, a: int, b: int) -> list:
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b, i)
        return [x for x in self.items[i:j] if x[1] <= b]


def actor_index(doc_cache: dict, actors: list[Actor]) -> "ActorIndex":
    """The `ActorIndex` of these actors, built once per document."""
    key = ("actor_index", id(actors), len(actors))
    hit = doc_cache.get(key)
    if hit is None or hit[0] is not actors:
        hit = (actors, ActorIndex(actors))
        doc_cache[key] = hit
    return hit[1]


def clause_start(text: str, sent_start: int, pos: int) -> int:
    """Where the clause containing *pos* begins (sentence start or after a clause break)."""
    starts, ends, _ = _breaks(text)
    # The last break that lies wholly inside [sent_start, pos).
    i = bisect.bisect_right(ends, pos) - 1
    while i >= 0 and starts[i] >= sent_start:
        if ends[i] <= pos:
            return ends[i]
        i -= 1
    return sent_start


def clause_end(text: str, pos: int, sent_end: int) -> int:
    starts, _, _ = _breaks(text)
    i = bisect.bisect_left(starts, pos)
    return starts[i] if i < len(starts) and starts[i] < sent_end else sent_end


@functools.lru_cache(maxsize=16)
def backwards(text: str) -> str:
    """*text* reversed, made once per article. What comes right before an offset is a
    regex match anchored at the mirror offset here (``len(text) - offset``): a search
    for it in the text itself retries from every position of its window."""
    return text[::-1]


WORD_BEFORE_BACKWARDS = re.compile(r"\W*(\w+)")  # WORD_BEFORE, read backwards


def after_preposition(text: str, start: int, floor: int) -> str | None:
    """The word right before *start* if it is a preposition ("to", "with" ...).

    The word ``WORD_BEFORE.search(text, max(floor, start - 30), start)`` finds, matched
    backwards from *start*."""
    n = len(text)
    lo = start - 30 if start - 30 > floor else floor  # not max(): it parses its arguments slowly in 3.11
    m = WORD_BEFORE_BACKWARDS.match(backwards(text), n - start, n - lo)
    if m is None:
        return None
    word = m.group(1)[::-1].lower()
    return word if word in PREPOSITIONS else None


def subject(text: str, index: ActorIndex, sent_start: int, pos: int,
            types: tuple[str, ...] | None = None, clause: int | None = None) -> Mention | None:
    """The actor doing what happens at *pos*: the first actor mention in its clause
    that does not follow a preposition; else a pronoun's antecedent. *clause* is
    ``clause_start(text, sent_start, pos)`` when the caller has it."""
    cs = clause_start(text, sent_start, pos) if clause is None else clause
    for m in index.between(cs, pos):
        if types is not None and m.type not in types:
            continue
        if after_preposition(text, m.start, cs) is None:
            return m
    pron = None
    for p in PRONOUN.finditer(text, cs, pos):
        pron = p
        break
    if pron is not None:
        return antecedent(text, index, sent_start, pron.start(), pron.group().lower(), types)
    # The sentence's own subject, when the clause is a continuation ("X, which ..., began").
    for m in index.between(sent_start, cs):
        if types is not None and m.type not in types:
            continue
        if after_preposition(text, m.start, sent_start) is None:
            return m
        break
    return None


def antecedent(text: str, index: ActorIndex, sent_start: int, pos: int, pronoun: str,
               types: tuple[str, ...] | None = None) -> Mention | None:
    """The actor a pronoun stands for: the subject of its sentence if the pronoun
    comes later, else the subject of the previous sentence."""
    want = ("person",) if pronoun in ("he", "his", "she", "her") else ("organization", "government", "group", "media") \
        if pronoun in ("it", "its") else None
    if types is not None:
        want = tuple(t for t in (want or types) if t in types)
    for m in index.between(sent_start, pos):
        if (want is None or m.type in want) and after_preposition(text, m.start, sent_start) is None:
            return m
    for m in index.before(sent_start, want, limit=600):
        return m
    return None


def actor_after(text: str, index: ActorIndex, pos: int, end: int,
                preps: frozenset[str], types: tuple[str, ...] | None = None) -> Mention | None:
    """The first actor after one of *preps* between *pos* and *end* ("to China")."""
    for m in index.between(pos, end):
        if types is not None and m.type not in types:
            continue
        p = after_preposition(text, m.start, pos)
        if p in preps:
            return m
        # "out of Beijing's hands"
        if text.endswith("out of ", m.start - 7 if m.start - 7 > pos else pos, m.start):
            return m
    return None
