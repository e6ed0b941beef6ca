"""`Vocabulary.finditer` finds the same matches with its lower-cased one-pass trigger
scan as with the case-folding search it replaces, on any text and any bounds."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink.extract import links, policies
from tradelink.extract.fastre import Vocabulary, _Shared, lowered

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HANDMADE = Vocabulary([("a", r"kin(?:g|s)"), ("b", r"silk"), ("c", r"(?:rare )?earths?"), ("d", r"\d+ tonnes"),
                       ("e", r"ban(?:s|ned)?"), ("f", r"ete?s")], re.IGNORECASE, after=r"(?![\w])")
CASED = Vocabulary([("a", r"King"), ("b", r"(?:rare )?Earths?"), ("c", r"\d+ tonnes"), ("d", r"ban(?:s|ned)?")],
                   after=r"(?![\w])")
VOCABULARIES = [policies._cue_regex()[0], links._cue_regex()[0], HANDMADE, CASED]

WORDS = ["BAN", "ban", "Bans", "export ban", "in exchange for", "Sold", "selling", "rare earths", "NdPr magnets",
         "H20 chips", "gallium", "tariffs", "trade deal", "stake in", "-", "_", "'", "’", "\n", " ", "  ",
         "ſ", "ı", "KING", "sılk", "SILK", "Earths", "12 tonnes", "été", "İ", "K", "ß", "ǅ", "Σ", "é", "ﬁ", "ẞ", "\u0301",
         # non-ASCII before a cue: a letter or digit joins the word ("éban", "²King"), the rest does not
         "éban", "…ban", "²King", "—Earths", "\u00a0silk"]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=5), max_size=40).map(" ".join) \
    | st.lists(st.sampled_from(WORDS), max_size=40).map("".join) | st.text(max_size=80)


def _spans(matches):
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@PROPS
@given(texts, st.data())
def test_lowered_scan_finds_what_the_folding_search_finds(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for voc in VOCABULARIES:
        assert _spans(voc.finditer(text, start, end)) == _spans(voc._finditer(text, start, end))
        assert _spans(voc.finditer(text)) == _spans(voc._finditer(text, 0, len(text)))


@PROPS
@given(texts, st.data())
def test_the_scan_of_an_already_lowered_text_finds_the_same(text, data):
    """Once `lowered` has seen the text, the scan reads its lowered copy in place."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lowered(text)
    for voc in VOCABULARIES:
        assert _spans(voc.finditer(text, start, end)) == _spans(voc._finditer(text, start, end))
        assert _spans(voc.finditer(text)) == _spans(voc._finditer(text, 0, len(text)))


def test_the_vocabularies_take_the_lowered_scan():
    assert all(voc._lowered is not None for voc in VOCABULARIES if voc.fold)
    assert CASED._plain is not None


# `lowered`: where it gives a text, a lowered literal is in it exactly where `re.IGNORECASE`
# finds the literal in the text (the prefilters `may_match` and segment's
# line heads rest on that), letters such as "ö" and "Č" included.
LETTERS = ["ö", "Ö", "Č", "č", "é", "É", "ü", "ß", "ẞ", "ǅ", "ǆ", "Ǆ", "ſ", "ı", "İ", "K", "Σ", "σ", "ς", "µ", "ﬁ",
           "s", "S", "i", "I", "k", "\u212a", "o", "O", "’", "-", " ", "a"]
short = st.lists(st.sampled_from(LETTERS), min_size=1, max_size=3).map("".join)


@PROPS
@given(st.lists(st.sampled_from(LETTERS), max_size=30).map("".join), short)
def test_lowered_finds_what_ignorecase_finds(text, needle):
    low, low_needle = lowered(text), lowered(needle)
    if low is None or low_needle is None:
        return
    assert len(low) == len(text)
    assert (low_needle in low) == (re.search(re.escape(needle), text, re.IGNORECASE) is not None)
    # Line heads: a lowered slice starts with a lowered prefix where the folding match does.
    assert low.startswith(low_needle) == (re.match(re.escape(needle), text, re.IGNORECASE) is not None)


def test_lowered_takes_letters_that_fold_plainly():
    assert lowered("Brockström Čapek") == "brockström čapek"
    for odd in ("ſ", "ı", "İ", "Σ", "\u212a", "µ"):  # U+212A: the Kelvin sign
        assert lowered(f"a{odd}b") is None


# Shared vocabularies: one trigger scan of an article's lowered text serves them all.
SHARED_CASED = Vocabulary([("a", r"King"), ("b", r"(?:rare )?Earths?"), ("c", r"\d+ tonnes"), ("d", r"ban(?:s|ned)?")],
                          after=r"(?![\w])", shared=True)
ARTICLE_WORDS = WORDS + ["May", "may", "MAY", "March 3, 2026", "in 2027", "last week", "Monday", "2026-03-03",
                         "sign up for", "Cookie Policy", "3 min read", "gallium", "rare earth magnets", "AI chips"]
article_texts = st.lists(st.sampled_from(ARTICLE_WORDS) | st.text(max_size=5), max_size=40).map(" ".join) \
    | st.lists(st.sampled_from(ARTICLE_WORDS), max_size=40).map("".join)


def _shared() -> list[Vocabulary]:
    from tradelink.extract import commodities, timex
    from tradelink.extract.segment import furniture_patterns
    (_, floating), _, _ = furniture_patterns()
    article = [policies._cue_regex()[0], links._cue_regex()[0], commodities._term_regex(), timex._pattern(), floating]
    assert all(voc._shared is not None for voc in article + [SHARED_CASED])
    return list(_Shared.members)


@PROPS
@given(article_texts, st.data())
def test_one_shared_scan_finds_what_each_vocabulary_finds_alone(text, data):
    """Each shared vocabulary finds in an article (a text `lowered` has seen) what its own
    folding search finds, in any bounds and in any spans."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = list(zip(cuts[::2], cuts[1::2]))
    members = _shared()
    if lowered(text) is not None:
        assert _Shared.word_starts(text) is not None
    for voc in members:
        assert _spans(voc.finditer(text, start, end)) == _spans(voc._finditer(text, start, end))
        assert [(i, m.span(), m.lastgroup) for i, m in voc.in_spans(text, spans)] == \
            [(i, m.span(), m.lastgroup) for i, (s, e) in enumerate(spans) for m in voc._finditer(text, s, e)]
