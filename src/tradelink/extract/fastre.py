"""Fast scanning with a large alternation of vocabulary patterns.

Python's `re` tries every alternative of ``(?:a|b|c|...)`` at every position,
so a vocabulary of a hundred patterns costs a hundred attempts per word. A
`Vocabulary` instead reads each alternative's possible literal prefixes (from
the parsed pattern), builds one trie-shaped regex of those prefixes to find
the few places where a match can start, and tries there only the alternatives
whose prefix fits. The matches are the ones the plain alternation would give:
leftmost, then the first alternative in the given order that matches.

The regex that finds those places uses longer prefixes where an alternative
has them (up to `TRIGGER_K` characters: "in 20", not "in"), so fewer places
are tried in vain.
"""

from __future__ import annotations

import bisect
import functools
import re

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

K = 4  # prefix length used for dispatch
TRIGGER_K = (12, 8, 6)  # longer prefixes tried for the trigger regex, longest first
WORD_START = r"(?<![\w-])"
# Characters that IGNORECASE matches to an ASCII letter other than their lower case ("ſ" ~ "s").
_FOLD_ODD = ("ı", "ſ")
# What can stand before a word start: ``[^\w-]`` and every non-ASCII character. A class of
# ASCII ranges is a bitmap test in `re`, where ``\w`` asks the Unicode tables at every
# character; a non-ASCII letter it lets through is dropped after (`_word_starts`).
_DELIM = r"[^A-Za-z0-9_\-]"


def core_length(term: str) -> int:
    """Length of a vocabulary term without its optional parts.

    Callers sort an alternation by it, longest first, so that the longest
    cue wins where several start at the same place."""
    core = re.sub(r"\(\?[:<!=][^()]*\)\?|\(\?<?[!=][^()]*\)|.\?", "", term)
    core = re.sub(r"\[[^\]]*\]", "x", core)
    return len(re.sub(r"[()?:|\\]", "", core))


def _item(op, av, fold: bool, k: int) -> set[tuple[str, bool]]:
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {("", True)}
    if op is C.LITERAL:
        ch = chr(av)
        return {(ch.lower() if fold else ch, True)}
    if op is C.IN:
        chars = set()
        for o, v in av:
            if o is C.LITERAL:
                chars.add(chr(v).lower() if fold else chr(v))
            elif o is C.CATEGORY and v is C.CATEGORY_DIGIT:
                chars.update("0123456789")
            elif o is C.RANGE and av[0][0] is not C.NEGATE and v[1] - v[0] < 10:
                chars.update(chr(c).lower() if fold else chr(c) for c in range(v[0], v[1] + 1))
            else:
                return {("", False)}
        if len(chars) > 10:
            return {("", False)}
        return {(ch, True) for ch in chars}
    if op is C.SUBPATTERN:
        return _seq(list(av[-1]), fold, k)
    if op is C.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alt in av[1]:
            out |= _seq(list(alt), fold, k)
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or getattr(C, "POSSESSIVE_REPEAT", None) is op:
        lo, hi, sub = av
        inner = _seq(list(sub), fold, k)
        once = inner if (lo, hi) in ((1, 1), (0, 1)) else {(p, False) for p, _ in inner}
        if lo == 0:
            return once | {("", True)}
        return once
    return {("", False)}


def _seq(items, fold: bool, k: int = K) -> set[tuple[str, bool]]:
    out = {("", True)}
    for op, av in items:
        new: set[tuple[str, bool]] = set()
        for p, open_ in out:
            if not open_ or len(p) >= k:
                new.add((p[:k], False))
                continue
            for q, qopen in _item(op, av, fold, k):
                s = p + q
                new.add((s[:k], qopen and len(s) < k))
        out = new
        if len(out) > 400:
            return {("", False)}
        if not any(o for _, o in out):
            break
    return out


def prefixes(pattern: str, flags: int = 0, k: int = K) -> set[str]:
    """The literal prefixes (up to *k* characters) that every match of *pattern* starts with.
    An empty string in the result means "can start anywhere"."""
    fold = bool(flags & re.IGNORECASE)
    return {p for p, _ in _seq(list(P.parse(pattern, flags)), fold, k)}


def _uncased(ch: str) -> bool:
    return ch.lower() == ch == ch.upper()


try:  # Python 3.11+: the characters `re` folds beyond their lower case ("ſ" ~ "s")
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    _EXTRA_CASES = None
import _sre  # noqa: E402


@functools.cache
def _plain_case(ch: str) -> bool:
    """Does ``ch.lower()`` read *ch* as ``re.IGNORECASE`` does? True for characters without
    case and for cased letters whose lower case is one character, the one `re` compares
    ("Ö" -> "ö"), that `re` folds to nothing else ("ſ", "ı", "Σ" are folded further)."""
    if _uncased(ch):
        return True
    if _EXTRA_CASES is None:
        return False
    low = ch.lower()
    return len(low) == 1 and ord(low) == _sre.unicode_tolower(ord(ch)) and ord(low) not in _EXTRA_CASES \
        and ord(ch) not in _EXTRA_CASES and not low.isascii()


_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")  # taken away, they leave the non-ASCII characters


_LOWERED: dict[int, tuple[str, str | None]] = {}  # id -> (text, lowered): the last few texts


def lowered(text: str) -> str | None:
    """*text* lowered, when lowering reads each character as ``re.IGNORECASE`` does:
    ASCII, characters without case (curly quotes, dashes, symbols) and letters such as
    "ö" (`_plain_case`) only. Else None.

    Remembered for the last few texts: stages scan one article sentence by sentence."""
    hit = _LOWERED.get(id(text))
    if hit is not None and hit[0] is text:
        return hit[1]
    if text.isascii() or all(_plain_case(ch) for ch in set(_ASCII_RUNS.sub("", text))):
        low: str | None = text.lower()
    else:
        low = None
    if len(_LOWERED) >= 4:
        del _LOWERED[next(iter(_LOWERED))]
    _LOWERED[id(text)] = (text, low)
    return low


def _needles_seq(items, fold: bool) -> set[str] | None:
    best: set[str] | None = None

    def consider(cand: set[str] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run = ""
    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av).lower() if fold else chr(av)
            if len(ch) == 1 and (ch.isascii() or _uncased(ch)):
                run += ch
                continue
        consider({run})
        run = ""
        if op is C.SUBPATTERN:
            _, add, _, sub = av
            if not (add & re.IGNORECASE and not fold):
                consider(_needles_seq(list(sub), fold))
        elif op is C.BRANCH:
            subs = [_needles_seq(list(alt), fold) for alt in av[1]]
            if all(subs):
                consider(set().union(*subs))  # type: ignore[arg-type]
        elif (op in (C.MAX_REPEAT, C.MIN_REPEAT) or getattr(C, "POSSESSIVE_REPEAT", None) is op) and av[0] >= 1:
            consider(_needles_seq(list(av[2]), fold))
    consider({run})
    return best


def needles(pattern: str, flags: int = 0) -> set[str] | None:
    """Strings one of which every match of *pattern* contains (lowered when it ignores
    case: look for them in `lowered` text), or None when there are none to tell."""
    parsed = P.parse(pattern, flags)
    fold = bool((flags | parsed.state.flags) & re.IGNORECASE)
    return _needles_seq(list(parsed), fold)


def unit_trie(seqs) -> str:
    """The alternation of *seqs* (each a sequence of regex pieces that match one character
    each) as a trie: one attempt per position instead of one per alternative."""
    trie: dict = {}
    for seq in seqs:
        node = trie
        for unit in seq:
            node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [unit + emit(child) for unit, child in sorted(node.items()) if unit != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _trie_regex(words: set[str]) -> str:
    """The alternation of the literal *words* as a trie (see `unit_trie`)."""
    return unit_trie([re.escape(ch) for ch in w] for w in words)


def _word_starts(text: str, matches) -> list[int]:
    """The ends of *matches* of a `_DELIM` trigger whose delimiter is no word character."""
    return [m.end() for m in matches if (d := text[m.start()]) < "\x80" or not (d.isalnum() or d == "_")]


class _Shared:
    """The vocabularies that scan whole articles (``Vocabulary(shared=True)``), and one
    trigger scan of an article's `lowered` text that finds every one's word starts.

    The scan's regex is the trie of all their trigger prefixes (lowered), with the prefix
    it read captured: the trie reads the longest prefix along the text, and the members
    whose own prefixes end on the way are the ones that may match there (``tags``). A
    case-sensitive member gets the places where its prefix matches in any case, more than
    its own scan gives: a place where nothing can match is tried in vain, no more."""

    members: list[Vocabulary] = []
    scan: tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[int, ...]]] | None = None
    starts: dict[int, tuple[str, int, list[list[int]]]] = {}  # id -> (text, members, starts): last few

    @classmethod
    def join(cls, v: Vocabulary, prefixes: set[str]) -> int:
        cls.members.append(v)
        v._shared_prefixes = {p.lower() for p in prefixes}
        cls.scan = None
        return len(cls.members) - 1

    @classmethod
    def _build(cls):
        owners: dict[str, list[int]] = {}
        for i, v in enumerate(cls.members):
            for p in v._shared_prefixes:
                owners.setdefault(p, []).append(i)
        tags = {t: tuple(sorted({i for k in range(1, len(t) + 1) for i in owners.get(t[:k], ())}))
                for t in owners}
        body = _trie_regex(set(owners))
        cls.scan = (re.compile(f"({body})"), re.compile(f"{_DELIM}(?=({body}))"), tags)
        return cls.scan

    @classmethod
    def word_starts(cls, text: str) -> list[list[int]] | None:
        """Each member's trigger starts over all of *text*, when *text* was `lowered` (an
        article: segment lowers each), else None."""
        hit = cls.starts.get(id(text))
        if hit is not None and hit[0] is text and hit[1] == len(cls.members):
            return hit[2]
        known = _LOWERED.get(id(text))
        if known is None or known[0] is not text or known[1] is None:
            return None
        low = known[1]
        first, rest, tags = cls.scan or cls._build()
        out: list[list[int]] = [[] for _ in cls.members]
        m = first.match(low)
        if m is not None:
            for i in tags[m.group(1)]:
                out[i].append(0)
        plain = low.isascii()
        for m in rest.finditer(low):
            at = m.end()
            if not plain and (d := low[at - 1]) >= "\x80" and (d.isalnum() or d == "_"):
                continue  # a non-ASCII letter, no word start (see `_word_starts`)
            for i in tags[m.group(1)]:
                out[i].append(at)
        if len(cls.starts) >= 4:
            del cls.starts[next(iter(cls.starts))]
        cls.starts[id(text)] = (text, len(cls.members), out)
        return out


class Vocabulary:
    """A compiled alternation of ``(group_name, pattern)`` pairs, scanned by prefix dispatch.

    ``before`` is a lookbehind every match must satisfy (e.g. a word boundary);
    ``after`` a lookahead appended to every alternative. A ``shared`` vocabulary scans
    whole articles: one trigger scan of an article serves every shared one (`_Shared`)."""

    _shared_prefixes: set[str]

    def __init__(self, alternatives: list[tuple[str | None, str]], flags: int = 0,
                 before: str = WORD_START, after: str = r"(?![\w-])", shared: bool = False):
        self.flags = flags
        self.fold = bool(flags & re.IGNORECASE)
        self.alts = alternatives
        self.by_prefix: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        starts: set[str] = set()  # the trigger's prefixes: the longest each alternative has
        for i, (_, pat) in enumerate(alternatives):
            ps = prefixes(pat, flags)
            if "" in ps:
                self.anywhere.append(i)
                continue
            for p in ps:
                self.by_prefix.setdefault(p, []).append(i)
            for k in TRIGGER_K:
                longer = prefixes(pat, flags, k)
                if "" not in longer:
                    starts |= longer
                    break
            else:
                starts |= ps
        trigger = _trie_regex(starts) if starts else r"(?!)"
        if self.anywhere:
            trigger = f"(?:{trigger})|(?=[\\s\\S])"
        self.trigger = re.compile(f"{before}(?:{trigger})", flags)
        # A case-insensitive trigger is slow in `re` (no fast skip over case-folded
        # literals): scan the lower-cased text with a case-sensitive one instead,
        # one pass for all start positions. Exact where lower-casing keeps every
        # offset and no character folds oddly; `_starts` checks that.
        self._lowered: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        if self.fold and before == WORD_START and starts and not self.anywhere \
                and all(p.isascii() for p in starts):
            body = _trie_regex(starts)
            self._lowered = (re.compile(body), re.compile(f"{_DELIM}(?={body})"))
        # A case-sensitive vocabulary gets the same one-pass scan, on the text itself.
        self._plain: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        if not self.fold and before == WORD_START and starts and not self.anywhere:
            body = _trie_regex(starts)
            self._plain = (re.compile(body, flags), re.compile(f"{_DELIM}(?={body})", flags))
        self._ascii = bool(flags & re.ASCII)  # then `_DELIM` is ``[^\w-]`` exactly
        self._shared: int | None = None  # index among `_Shared.members`
        if shared and (self._lowered or self._plain) is not None and not self._ascii \
                and all(p.isascii() for p in starts):
            self._shared = _Shared.join(self, starts)
        self.after = after
        self._cache: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._by_head: dict[str, re.Pattern[str] | None] = {}  # grows with the distinct 4-char heads seen
        found = [needles(pat, flags) for _, pat in alternatives]
        self.needles = set().union(*found) if found and all(found) else None  # type: ignore[arg-type]

    def may_match(self, text: str, low: str | None | bool = False) -> bool:
        """False when no alternative can match anywhere in *text* (none of their `needles` is
        in it); a quick test before a scan of text that rarely matches. *low* is
        ``lowered(text)`` when the caller has it."""
        if self.needles is None:
            return True
        if self.fold:
            low = lowered(text) if low is False else low
            if low is None:
                return True
            text = low  # type: ignore[assignment]
        for n in self.needles:
            if n in text:
                return True
        return False

    def _regex(self, idx: tuple[int, ...]) -> re.Pattern[str]:
        rx = self._cache.get(idx)
        if rx is None:
            body = "|".join(f"(?P<{self.alts[i][0]}>{self.alts[i][1]})" if self.alts[i][0] else self.alts[i][1]
                            for i in idx)
            rx = re.compile(f"(?:{body}){self.after}", self.flags)
            self._cache[idx] = rx
        return rx

    def _remember(self, head: str) -> re.Pattern[str] | None:
        """`_dispatch` for *head*, memoised in ``_by_head`` (the scans look there first)."""
        if len(self._by_head) > 100_000:  # bound the memo on endless input
            self._by_head.clear()
        rx = self._by_head[head] = self._dispatch(head)
        return rx

    def _dispatch(self, head: str) -> re.Pattern[str] | None:
        """The regex of the alternatives that can start with *head* (the next `K` characters)."""
        if self.fold:
            head = head.lower()
        idx: set[int] = set(self.anywhere)
        for k in range(1, K + 1):
            hit = self.by_prefix.get(head[:k])
            if hit:
                idx.update(hit)
        return self._regex(tuple(sorted(idx))) if idx else None

    def _starts(self, text: str, start: int, end: int) -> list[int] | None:
        """Every offset in [start, end) where the trigger matches, from one scan of the
        lower-cased text; ``None`` where that scan could differ (see ``__init__``). A
        shared vocabulary's may be more (see `_Shared`): a match is tried there in vain."""
        if self._shared is not None and (every := _Shared.word_starts(text)) is not None:
            mine = every[self._shared]  # over all of the text: the ones in [start, end)
            return mine[bisect.bisect_left(mine, start):bisect.bisect_left(mine, end)]
        lo = max(start - 1, 0)  # the character before *start* decides a word start there
        if self._plain is not None:
            first, rest = self._plain
            matches = rest.finditer(text, lo, end)
            out = [m.end() for m in matches] if self._ascii else _word_starts(text, matches)
            if start == 0 and first.match(text, 0, end):
                out.insert(0, 0)
            return out
        first, rest = self._lowered
        known = _LOWERED.get(id(text))
        if known is not None and known[0] is text and known[1] is not None:
            # The text was `lowered` already (segment lowers each article): scan that, in
            # place, rather than lower the span again.
            low = known[1]
            matches = rest.finditer(low, lo, end)
            out = [m.end() for m in matches] if low.isascii() else _word_starts(low, matches)
            if start == 0 and first.match(low, 0, end):
                out.insert(0, 0)
            return out
        seg = text[lo:end]
        low = seg.lower()
        if len(low) != len(seg) or _FOLD_ODD[0] in seg or _FOLD_ODD[1] in seg:
            return None
        if low.isascii():
            out = [lo + m.end() for m in rest.finditer(low)]
        else:
            out = [lo + at for at in _word_starts(low, rest.finditer(low))]
        if start == 0 and first.match(low):
            out.insert(0, 0)
        return out

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Non-overlapping matches, left to right, as `re.Match` objects with ``lastgroup`` set."""
        end = len(text) if end is None else end
        starts = self._starts(text, start, end) if (self._lowered or self._plain) is not None and start < end \
            else None
        if starts is None:
            yield from self._finditer(text, start, end)
            return
        pos = start
        dispatch = self._by_head
        for at in starts:
            if at < pos:
                continue
            head = text[at:at + K]
            rx = dispatch.get(head, False)
            if rx is False:
                rx = self._remember(head)
            m = rx.match(text, at, end) if rx is not None else None
            if m is not None and m.end() > at:
                yield m
                pos = m.end()

    def _finditer(self, text: str, start: int, end: int):
        """`finditer` with the case-folding trigger: a search from each position on."""
        pos = start
        trig = self.trigger
        dispatch = self._by_head
        while True:
            t = trig.search(text, pos, end)
            if t is None:
                return
            at = t.start()
            head = text[at:at + K]
            rx = dispatch.get(head, False)
            if rx is False:
                rx = self._remember(head)
            m = rx.match(text, at, end) if rx is not None else None
            if m is not None and m.end() > at:
                yield m
                pos = m.end()
            else:
                pos = at + 1

    def in_spans(self, text: str, spans: list[tuple[int, int]]):
        """``(i, match)`` for each match of ``finditer(text, *spans[i])``, span after span,
        found with one scan across them. *spans* must be sorted and non-overlapping.

        The same matches: the trigger, run up to the last span's end, stops at every
        place it stops at within one span (and maybe more); a match is then tried only up
        to its span's end, as `finditer` would."""
        n = len(spans)
        if not n:
            return
        last = spans[-1][1]
        starts = self._starts(text, spans[0][0], last) if (self._lowered or self._plain) is not None \
            and spans[0][0] < last else None
        trig = self.trigger
        dispatch = self._by_head
        i, j = 0, 0
        s, e = spans[0]
        pos = s
        while True:
            if starts is not None:
                while j < len(starts) and starts[j] < pos:
                    j += 1
                if j == len(starts):
                    return
                at = starts[j]
            else:
                t = trig.search(text, pos, last)
                if t is None:
                    return
                at = t.start()
            while at >= e:
                i += 1
                if i == n:
                    return
                s, e = spans[i]
            if at < s:  # between spans
                pos = s
                continue
            head = text[at:at + K]
            rx = dispatch.get(head, False)
            if rx is False:
                rx = self._remember(head)
            m = rx.match(text, at, e) if rx is not None else None
            if m is not None and m.end() > at:
                yield i, m
                pos = m.end()
            else:
                pos = at + 1

    def by_span(self, text: str, spans: list[tuple[int, int]]) -> dict[int, list[re.Match[str]]]:
        """One scan of *text* for many spans: ``{span start: [matches inside that span]}``.

        *spans* must be sorted and non-overlapping; a match that crosses a span's edge is dropped."""
        out: dict[int, list[re.Match[str]]] = {}
        if not spans:
            return out
        i, n = 0, len(spans)
        for m in self.finditer(text, spans[0][0], spans[-1][1]):
            while i < n and spans[i][1] <= m.start():
                i += 1
            if i == n:
                break
            s, e = spans[i]
            if m.start() >= s and m.end() <= e:
                out.setdefault(s, []).append(m)
        return out
