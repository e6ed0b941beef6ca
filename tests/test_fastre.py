"""The extraction fast paths find what the plain way finds: fastre's quick tests
(needles, lowered text, anchored heads) never rule out a match, a Vocabulary finds
what its plain alternation finds, one scan across spans = a scan per span, and the
sentence splitter and commodities' digit runs are as before."""

from __future__ import annotations

import importlib
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink import vocab
from tradelink.extract.fastre import Vocabulary, lowered, needles

segment_module = importlib.import_module("tradelink.extract.segment")

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FURNITURE = [e.partition(" ")[2].strip() for e in vocab.lines("furniture") if e.partition(" ")[0] == "line"]
# Pieces of the furniture patterns' words, mixed with characters that fold case in odd
# ways (dotted/dotless i, long s, Kelvin sign, final sigma), quotes and separators.
WORDS = sorted({w for p in FURNITURE for w in re.findall(r"[A-Za-z]{2,}", p)})
ODD = ["İ", "ı", "ſ", "K", "ß", "Σ", "ς", "µ", "’", "“", "”", "·", "|", "©", "Δ", "\t", "\xa0", "   "]
pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS).map(str.upper),
                   st.sampled_from(WORDS).map(str.title), st.sampled_from(ODD),
                   st.sampled_from([" ", " ", ": ", " | ", ".", "?", "[", "]", "(", ")", "3", "12:30"]))
lines = st.lists(pieces, max_size=14).map("".join)


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    (r"your email address will not be published", re.I, {"your email address will not be published"}),
    (r"\bsign up (here|now)\b", re.I, {"sign up "}),
    (r"\b(getty images|via getty|reuters/)\b", re.I, {"getty images", "via getty", "reuters/"}),
    (r"\b\d+ min(ute)? read$", re.I, {" read"}),
    (r"Cookie", re.I, {"cookie"}),
    (r"Cookie", 0, {"Cookie"}),
    (r"(?:a|\d+)x", 0, {"x"}),
    (r"\d+", 0, None),
    (r"(?:abc)?", 0, None),
    (r"(?:ab|\w)", 0, None),
])
def test_needles(pattern, flags, expected):
    assert needles(pattern, flags) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sign Up NOW", "sign up now"),
    ("“Quoted” · it’s ©", "“quoted” · it’s ©"),
    ("İstanbul", None),  # lowers to two characters
    ("ſign", None),  # long s: IGNORECASE matches it to "s", lower() does not
    ("\u212a", None),  # Kelvin sign
])
def test_lowered(text, expected):
    assert lowered(text) == expected


@pytest.mark.skipif(sys.version_info < (3, 11), reason="re._casefix is new in 3.11")
def test_case_fold_extras_are_cased():
    """`lowered` refuses every text with a cased non-ASCII character; the characters that
    `re` folds specially must all be cased, or lowered text could hide a match."""
    casefix = importlib.import_module("re._casefix")
    extras = {chr(c) for k, v in casefix._EXTRA_CASES.items() for c in (k, *v)}
    assert all(not (ch.lower() == ch == ch.upper()) for ch in extras)


@PROPS
@given(lines)
def test_may_match_never_hides_a_furniture_match(line):
    (_, floating), _, _ = segment_module.furniture_patterns()
    if next(floating.finditer(line), None) is not None:
        assert floating.may_match(line)


@PROPS
@given(lines)
def test_anchored_heads_never_hide_a_furniture_match(line):
    (anchored, _), _, _ = segment_module.furniture_patterns()
    heads = segment_module._ANCHORED_HEADS
    low = lowered(line)
    if anchored.match(line) and low is not None:
        assert low.startswith(tuple(h for group in heads.values() for h in group))
        assert segment_module._may_start(low, heads)


@PROPS
@given(lines)
def test_is_furniture_as_the_plain_regexes_say(line):
    """is_furniture with its quick tests = the plain regexes over the whole line."""
    (anchored, floating), _, _ = segment_module.furniture_patterns()
    plain = [p for p in FURNITURE if p.startswith("^")]
    rx = re.compile("|".join(f"(?:{p})" for p in plain), re.I)
    floating_rx = re.compile("|".join(f"(?:{p})" for _, p in floating.alts), re.I)
    parts = [p for p in segment_module.MENU_SEPARATORS.split(line) if p.strip()]
    expected = len(line) <= segment_module.MAX_FURNITURE_LINE and bool(
        rx.match(line) or floating_rx.search(line)
        or (segment_module.BYLINE.match(line) and len(line.split()) <= 10 and not line.endswith("."))
        or (len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts))
        or (len(parts) >= 2 and segment_module.BREADCRUMB.search(line) and len(line.split()) <= 8))
    assert segment_module.is_furniture(line) == expected


@PROPS
@given(st.lists(st.tuples(st.sampled_from(["abc", "ab", r"x\d", "Yz", "q"]), st.booleans()), min_size=1, max_size=4),
       st.text(alphabet="abcxyzqAXYZQ19 -’İı", max_size=30))
def test_vocabulary_may_match(alts, text):
    v = Vocabulary([(None, p) for p, _ in alts], re.I if alts[0][1] else 0)
    if next(v.finditer(text), None) is not None:
        assert v.may_match(text)


def _vocabularies():
    from tradelink.extract import commodities, timex
    (_, floating), _, _ = segment_module.furniture_patterns()
    return {"commodities": commodities._term_regex(), "timex": timex._pattern(), "furniture": floating}


def _plain(v: Vocabulary, before: str, after: str) -> re.Pattern[str]:
    body = "|".join(f"(?P<{g}>{p})" if g else p for g, p in v.alts)
    return re.compile(f"{before}(?:(?:{body}){after})", v.flags)


VOCAB_WORDS = ["rare earth", "Rare Earths", "gallium", "GALLIUM", "chips", "AI chips", "magnets", "March 3, 2026",
               "last week", "in 2027", "the end of the year", "Monday", "May", "since January", "2026-03-03",
               "sign up for", "Newsletter", "cookie policy", "12 February", "heavy rare earth magnets", "the eighth of May"]
texts = st.lists(st.one_of(st.sampled_from(VOCAB_WORDS), st.sampled_from(ODD),
                           st.sampled_from([" ", " ", "-", ".", ", ", "\n", "in ", "the ", "x", "9"])),
                 max_size=20).map("".join)
PLAIN_AFTER = {"commodities": r"(?![\w])", "timex": "", "furniture": ""}


@PROPS
@given(st.sampled_from(sorted(PLAIN_AFTER)), texts)
def test_vocabulary_finds_what_the_plain_alternation_finds(name, text):
    v = _vocabularies()[name]
    plain = _plain(v, r"(?<![\w-])", PLAIN_AFTER[name])
    got = [(m.start(), m.end(), m.lastgroup) for m in v.finditer(text)]
    assert got == [(m.start(), m.end(), m.lastgroup) for m in plain.finditer(text) if m.end() > m.start()]


@PROPS
@given(st.sampled_from(sorted(PLAIN_AFTER)), texts, st.lists(st.integers(0, 200), max_size=8))
def test_in_spans_is_finditer_span_by_span(name, text, cuts):
    v = _vocabularies()[name]
    cuts = sorted({min(c, len(text)) for c in cuts})
    spans = list(zip(cuts[::2], cuts[1::2]))
    expected = [(i, m.span(), m.lastgroup) for i, (s, e) in enumerate(spans) for m in v.finditer(text, s, e)]
    assert [(i, m.span(), m.lastgroup) for i, m in v.in_spans(text, spans)] == expected


# The sentence splitter as it was before its one-regex end match (a reference).
_OLD_END = re.compile(r"[.?!…]+[\"”’')\]]*(?=\s+|$)")
_OLD_SPACE = re.compile(r"\s*")


def _old_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    abbr, initials = segment_module._abbreviations(), segment_module._INITIALS
    out: list[tuple[int, int]] = []
    chunk = text[start:end]
    s = 0
    for m in _OLD_END.finditer(chunk):
        e = m.end()
        word_start = max(chunk.rfind(" ", s, m.start()) + 1, s)
        word = chunk[word_start:m.start() + 1].lstrip("\"“‘'(")
        r = _OLD_SPACE.match(chunk, e).end()
        nxt = chunk[r] if r < len(chunk) else ""
        low = word.lower()
        if m.group() == "." and ((low in abbr and not (low == "no." and not nxt.isdigit())) or initials.fullmatch(word)):
            if not nxt or not nxt.isupper():
                continue
            if low in abbr and not (low in segment_module.FINAL_ABBR
                                    and segment_module._next_word(chunk, r) in segment_module.STARTERS):
                continue
        if nxt and nxt.islower():
            continue
        out.append((start + s, start + e))
        s = r
    if s < len(chunk) and chunk[s:].strip():
        tail = chunk[s:].rstrip()
        out.append((start + s, start + s + len(tail)))
    return [piece for a, b in out if b > a for piece in segment_module.cap(text, a, b)]


sentences_text = st.lists(st.sampled_from(["The", "U.S.", "Inc.", "no.", "No. 3", "A.B.", "it", "said", ".", "?", "!", "…",
                                           "??", "?!", "”", "’", ")", "]", "\"", " ", "  ", "\t", "\xa0", "x", "Y", "3",
                                           "(", "“", "e.g.", "etc.", "The ministry"]), max_size=30).map("".join)


@PROPS
@given(sentences_text, st.integers(0, 5))
def test_split_sentences_as_before(text, lead):
    text = " " * lead + text
    assert segment_module.split_sentences(text, lead, len(text)) == _old_split(text, lead, len(text))


@PROPS
@given(sentences_text, st.integers(0, 30), st.integers(0, 30), st.sampled_from(["", " ", ".", "?", "x", "…"]))
def test_split_sentences_with_the_documents_stops_as_before(text, a, b, before):
    """With the document's `stops_of` and a span inside it (a character before it, the
    span ending anywhere) the split is the one of the span alone."""
    text = before + text
    start = min(a, len(text))
    end = min(max(start, len(text) - b), len(text))
    stops = segment_module.stops_of(text)
    assert len(stops) == len(text)
    assert segment_module.split_sentences(text, start, end, stops) == _old_split(text, start, end)


@PROPS
@given(st.text(alphabet="0123456789ab .", max_size=40), st.lists(st.integers(0, 40), max_size=8))
def test_digit_runs_are_per_sentence_runs(text, cuts):
    from tradelink.extract import commodities
    cuts = sorted({min(c, len(text)) for c in cuts})
    sentences = [(s, e) for s, e in zip(cuts[::2], cuts[1::2]) if e > s]
    expected = {}
    for s, e in sentences:
        for d in commodities.DIGITS.finditer(text, s, e):
            expected.setdefault(s, []).append(d.span())
    assert commodities._digit_runs(text, sentences) == expected


@PROPS
@given(st.lists(st.sampled_from(["chip", "chips", "GPU", "gpu", "parts", "variant", "accelerator", "processor", "x",
                                 " ", "ch", "ip", "G", "PU"]), max_size=25).map("".join),
       st.lists(st.integers(0, 60), max_size=10))
def test_noun_sentences_are_the_sentences_the_noun_regex_finds(text, cuts):
    from tradelink.extract import commodities
    cuts = sorted({min(c, len(text)) for c in cuts})
    sentences = [(s, e) for s, e in zip(cuts[::2], cuts[1::2]) if e > s]
    expected = {s for s, e in sentences if commodities.NAMED_PRODUCT_NOUN.search(text, s, e)}
    assert commodities._noun_sentences(text, sentences) == expected


@PROPS
@given(st.lists(st.sampled_from(["Blackwell", "Nova", "the", "x", "Ab", "Abcd", " ", "  ", "\n", "chips", "GPU", "parts",
                                 "-", "'", "’", ".", "Q", "9", "٣", "12", "AI"]), max_size=25).map("".join),
       st.integers(0, 5))
def test_commodity_patterns_as_before(text, start):
    """The rewritten patterns (a class first, so re can skip) find what the former ones found."""
    from tradelink.extract import commodities
    old_named = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{3,}[A-Za-z]*)\s+(?:chips?|processors?|accelerators?|GPUs?"
                           r"|variants?|parts)\b")
    for new, old in ((commodities.NAMED_PRODUCT, old_named), (commodities.DIGITS, re.compile(r"\d+"))):
        assert [(m.span(), m.groups()) for m in new.finditer(text, start)] == \
            [(m.span(), m.groups()) for m in old.finditer(text, start)]


ALL_FURNITURE = [e.partition(" ")[2].strip() for e in vocab.lines("furniture")]
head_lines = st.lists(st.one_of(st.sampled_from(sorted({w for p in ALL_FURNITURE for w in re.findall(r"[A-Za-z’']{2,}", p)})),
                                st.sampled_from(ODD), st.sampled_from([" ", ":", "3", "’"])), max_size=6).map("".join)


@PROPS
@given(head_lines)
def test_list_and_tail_heads_never_hide_a_match(line):
    _, list_heads, tails = segment_module.furniture_patterns()
    low = lowered(line)
    if list_heads.fullmatch(line):
        assert segment_module._may_start(low, segment_module._LIST_HEADS)
    if tails.match(line):
        assert segment_module._may_start(low, segment_module._TAIL_HEADS)


@PROPS
@given(st.lists(st.tuples(lines, st.sampled_from(["", " ", "  ", "\t", "\xa0"]), st.sampled_from(["", " ", "\t"])),
                max_size=6))
def test_one_furniture_scan_of_the_article_is_a_scan_per_line(rows):
    """segment's one scan of the article for the floating furniture patterns finds a match
    in the lines where `finditer` of the line alone (stripped) finds one."""
    (_, floating), _, _ = segment_module.furniture_patterns()
    text = "\n".join(lead + line + trail for line, lead, trail in rows)
    spans, expected = [], set()
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            s = pos + len(raw) - len(raw.lstrip())
            if next(floating.finditer(raw.strip()), None) is not None:
                expected.add(len(spans))
            spans.append((s, s + len(raw.strip())))
        pos += len(raw) + 1
    assert {i for i, _ in floating.in_spans(text, spans)} == expected


SECTION_WORDS = sorted({w for e in vocab.lines("sections") for w in re.findall(r"[A-Za-z;’']{2,}", e)})
section_lines = st.lists(st.one_of(st.sampled_from(SECTION_WORDS), st.sampled_from(SECTION_WORDS).map(str.upper),
                                   st.sampled_from(SECTION_WORDS).map(str.title), st.sampled_from(ODD),
                                   st.sampled_from([" ", " ", ":", "&", "’", "3"])), max_size=8).map("".join)


@PROPS
@given(section_lines)
def test_section_kind_as_the_plain_regex_says(line):
    """section_kind's quick test (heads, and the needle of a pattern that starts anywhere)
    never hides a heading: the kind is the plain fullmatch's."""
    segment_module.section_kind("")
    rx, kinds, _ = segment_module._SECTIONS
    stripped = line.strip()
    m = rx.fullmatch(stripped) if stripped and len(stripped) <= 80 else None
    expected = kinds[m.lastgroup] if m else None
    assert segment_module.section_kind(line) == expected
    assert segment_module.section_kind(stripped, lowered(stripped)) == expected
