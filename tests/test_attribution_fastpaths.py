"""The short cuts of `attribution` agree with the plain regexes they stand in front of, on any text.

Each fast path rules a string out with a cheap test (its last character, a
substring) before the regex runs; none may change an
answer, whatever the characters (Unicode case folding included).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink.extract import attribution

PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["of", "OF", "including", "towards", "and", "that", "said", "says", "told", "according to", "reportedly",
         "REPORTEDLY", "may", "May", "might", "appears to", "is said to", "not", "n't", "n’t", "never", "declined to",
         "no longer", "would not", "also", "has", "on Monday", "last week", "in a statement", "went further and",
         "the", "The", "its", "company", "ministry", "spokesman", "a spokeswoman for", "representative", "officials",
         "people familiar", "source", "he", "She", "they", "Others", "but", "while", "or", ",", ".", "“", "”", "\"",
         "'", "’", "-", "—", "_", " ", "  ", "\n", "\t", "\u00a0", "é", "ſ", "K", "ı", "İ", "ß", "Σ", "mayor"]
texts = st.tuples(st.lists(st.sampled_from(WORDS) | st.text(max_size=4), max_size=30).map(" ".join)
                  | st.text(max_size=60), st.sampled_from(["", " ", "  ", "\n", " \t\n"])).map("".join)



def ending(*last: str):
    """Texts that end (before any trailing spaces) with one of *last*, glued on or not."""
    return st.tuples(texts, st.sampled_from(["", " ", "-", "_", "\n"]), st.sampled_from(last),
                     st.sampled_from(["", " ", "  ", "\n", " \t\n", "\u00a0"])).map("".join)


@PROPS
@given(texts | ending("of", "OF", "including", "Towards", "and", "AND", "band", "ſ", "aſ", "as", "_of", "x"))
def test_ends_with_preposition_is_the_regex(s):
    assert attribution._ends_with_preposition(s) == (attribution.PREPOSITION.search(s) is not None)


def _strip_plain(gap: str) -> str:
    """`GAP_ADVERBS_STRIP` without its test of the last character."""
    prev = None
    while prev != gap:
        prev = gap
        gap = attribution.TRAILING_ADVERB.sub("", gap)
    return gap if gap.strip() else ""


@PROPS
@given(texts | ending("also", "on _", "last x_", "this 9", "on Monday", "went further and", "in a joint statement",
                      "itself", "_", "é", "—", ",", "x"))
def test_gap_adverb_strip_is_the_plain_loop(gap):
    assert attribution.GAP_ADVERBS_STRIP(gap) == _strip_plain(gap)


def end_of(text: str, data) -> int:
    """A position in *text*, often its end (where the patterns' ``$`` matters)."""
    return data.draw(st.just(len(text)) | st.integers(0, len(text)))


@PROPS
@given(texts | ending("not", "n't", "n’t", "never", "declined to", "refused to", "would not", "no longer", "nOT"),
       st.data())
def test_negation_words_are_in_every_negation(text, data):
    text += data.draw(st.sampled_from([" ", " said ", " have said ", ""]))
    vs = end_of(text, data)
    ss = data.draw(st.integers(0, vs))
    if attribution.NEGATION.search(text, max(ss, vs - 30), vs):
        assert any(w in text[max(ss, vs - 30):vs] for w in attribution.NEGATION_WORDS)
    assert (attribution.NEGATION_WORD.search(text, max(ss, vs - 30), vs) is not None) == \
        any(w in text[max(ss, vs - 30):vs] for w in attribution.NEGATION_WORDS)


def _hedge_plain(text: str, s: int, e: int) -> str | None:
    """`_hedge` without its substring test."""
    for m in attribution.cues().hedge_rx.finditer(text, s, e):
        if m.group()[0].isupper() and m.group().lower() in ("may", "might"):
            continue
        return m.group()
    return None


@PROPS
@given(texts | ending("may", "MAY", "mayor", "reportedly", "reportedIy", "İs said to", "is ſaid to", "possıbly",
                      "appears  to", "KELVIN"), st.data())
def test_hedge_is_the_plain_scan(text, data):
    e = end_of(text, data)
    s = data.draw(st.integers(0, e))
    assert attribution._hedge(text, s, e) == _hedge_plain(text, s, e)


@pytest.mark.parametrize("text", ["it possıbly will", "it İs said to work", "it is ſaid to work", "REPORTEDLY so",
                                  "the mayor", "in May", "it May work", "it may", "nothing here"])
def test_hedge_examples(text):
    """re matches ı and ſ to i and s, and İ to i, case-blind; str.lower() does not."""
    assert attribution._hedge(text, 0, len(text)) == _hedge_plain(text, 0, len(text))


def _trim_plain(text, s, e):
    """`_trim` without its test of the span's last word."""
    while s < e and text[s] in " ,;:—–-":
        s += 1
    while True:
        while e > s and text[e - 1] in " .,;:—–-\"”’'":
            e -= 1
        m = attribution.TRAILING_CONJ.search(text[s:e])
        if not m:
            break
        e = s + m.start()
    if e - s < 3 or len(text[s:e].split()) < 2:
        return None
    return s, e


@PROPS
@given(texts | ending("and", "but", "while", "or", "for", "AND", ", and", "and\n", "x"), st.data())
def test_trim_is_the_plain_loop(text, data):
    e = end_of(text, data)
    s = data.draw(st.integers(0, e))
    assert attribution._trim(text, s, e) == _trim_plain(text, s, e)


@pytest.mark.parametrize("text", ["we will act and\n", "we will act, and", "we will act or", "we will act for",
                                  "we will act but\n\n", "we will act while.", "the band", "and and and", "or"])
def test_trim_examples(text):
    assert attribution._trim(text, 0, len(text)) == _trim_plain(text, 0, len(text))


# The word-start patterns as first written: look-behind first, then the word.
PLAIN_WORD_START = {
    "PRONOUN": r"(?<![\w-])(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Oo]thers)(?![\w’'-])",
    "DESCRIPTOR": r"(?<![\w-])(?:[Tt]he|[Ii]ts)\s+" + attribution.DESCRIPTOR.pattern.split(r"\s+", 1)[1],
    "SPOKES": r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+" + attribution.SPOKES.pattern.split(r"\s+", 1)[1],
}
word_start_texts = st.lists(st.sampled_from(WORDS + ["He", "it", "It's", "IT", "-it", "_he", "them", "Theyre", "others",
                                                     "An", "an", "A", "Its", "its", "firm", "bloc", "the\nfirm",
                                                     "the  company", "spokesperson", "for", "Acme Corp", "them.",
                                                     "Company", "of", "later"])
                            | st.text(max_size=4), max_size=40).map(lambda ws: "".join(w + (" " if len(w) % 3 else "")
                                                                                        for w in ws))


@PROPS
@pytest.mark.parametrize("name", sorted(PLAIN_WORD_START))
@given(text=word_start_texts, data=st.data())
def test_word_start_patterns_are_the_plain_ones(name, text, data):
    fast, plain = getattr(attribution, name), re.compile(PLAIN_WORD_START[name])
    e = end_of(text, data)
    s = data.draw(st.integers(0, e))
    got = [(m.span(), m.groupdict()) for m in fast.finditer(text, s, e)]
    assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text, s, e)]
    m = fast.match(text, s, e)
    p = plain.match(text, s, e)
    assert (m and (m.span(), m.groupdict())) == (p and (p.span(), p.groupdict()))


def test_plain_forms_are_rebuilt_from_the_patterns():
    assert PLAIN_WORD_START["SPOKES"].startswith(r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+(?:(?P<pre>")
    assert PLAIN_WORD_START["DESCRIPTOR"].startswith(r"(?<![\w-])(?:[Tt]he|[Ii]ts)\s+(?P<noun>company|")


class PlainDiscourse(attribution.Discourse):
    """Pronouns resolved afresh every time, genders learnt by setdefault."""

    def pronoun(self, word):
        g = "he" if word.lower() == "he" else "she"
        for name in reversed(self.subjects):
            if self.gender.get(name, g) == g:
                self.gender[name] = g
                return name
        return None

    def learn_gender(self, name, g):
        self.gender.setdefault(name, g)


@PROPS
@given(st.lists(st.tuples(st.sampled_from(["person", "learn_he", "learn_she", "he", "she", "He", "She"]),
                          st.sampled_from("ABCDE")), max_size=40))
def test_pronoun_cache_is_the_plain_resolution(ops):
    """Every answer and every learnt gender is the one resolving afresh gives."""
    fast, plain = attribution.Discourse(), PlainDiscourse()
    for op, name in ops:
        for d in (fast, plain):
            if op == "person":
                d.person(name)
            elif op.startswith("learn_"):
                d.learn_gender(name, op[6:])
        if op in ("he", "she", "He", "She"):
            assert fast.pronoun(op) == plain.pronoun(op)
        assert fast.gender == plain.gender and fast.subjects == plain.subjects


VERB_TEXTS = st.lists(st.sampled_from(["said", "says", "told", "added", "according to", "According to", "warned",
                                       "saying", "noted", "é", "ésaid", "_said", "’said", "'said", "-said", "said-",
                                       "said_", "x", "—", "“", "\u00a0", "2said", "²said", "ſaid"])
                      | st.text(max_size=4), max_size=25).map(lambda ws: "".join(ws)) \
    | st.lists(st.sampled_from(["said", "according to", "told", "é", "’", "_", "-", "2"]), max_size=25).map(" ".join)


@PROPS
@given(VERB_TEXTS)
def test_verb_scan_is_the_verb_regex(s):
    c = attribution.cues()
    assert attribution._verbs(c, s) == [(*m.span(), m.group()) for m in c.verb_rx.finditer(s)]


@PROPS
@given(texts | ending("”", '"', "’", "'", "” ,", "’,,", ",", "x", ":", "_"))
def test_end_tests_are_the_regexes(s):
    assert attribution._after_quote(s) == (attribution.AFTER_QUOTE.search(s) is not None)
    assert s.rstrip().endswith(",") == (attribution.COMMA_END.search(s) is not None)
    assert s.rstrip().endswith(":") == (attribution.COLON_END.search(s) is not None)


STOPS = st.lists(st.sampled_from([".", "?", "!", " ", "  ", "”", '"', "’", "'", "“", "‘", "A", "É", "a", "x", "\n",
                                  "said", "Mr.", "U.S."]), max_size=30).map("".join)


@PROPS
@given(STOPS | texts, st.data())
def test_sentence_ends_and_marks_are_the_regexes(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert attribution._sentence_ends(text, s, e) == [m.span() for m in attribution.SENT_END.finditer(text, s, e)]
    assert attribution._marks(text, s, e) == [m.start() for m in attribution.MARKS.finditer(text, s, e)]


@PROPS
@given(texts | st.text(alphabet=st.characters(), max_size=40))
def test_blanking_is_the_regex(text):
    assert text.translate(attribution._BLANKED) == attribution.BLANK.sub("_", text)


def _until_past(matches, vs):
    """The matches a subject scan reads: those before the first that ends past ``vs``."""
    out = []
    for m in matches:
        if m.end() > vs:
            break
        out.append(m.span())
    return out


ANON_TEXTS = st.lists(st.sampled_from(["a", "An", "one", "Two", "the", "several", "official", "officials", "people",
                                       "Sources", "familiar", "with", "the matter", "said", "told", "who", "at",
                                       "in", "Acme", ",", ".", " ", "-", "_", "é", "’", "\n", "Staff", "staff", "of",
                                       "surnamed"]), max_size=25).map(" ".join)


def test_anon_first_takes_every_first_word_of_anon():
    """ANON_FIRST lists ANON's first words; each of ANON's literal starts (its first word and
    what may follow) begins with one of them, and a space follows each in every match."""
    from tradelink.extract import fastre

    for p in fastre.prefixes(attribution.ANON.pattern, 0, 12):
        word = re.match(r"[A-Za-z]*", p).group()
        assert word and attribution.ANON_FIRST.match(" " + word + " "), p


@PROPS
@given(ANON_TEXTS | texts, st.data())
def test_anon_tried_at_its_first_letters_is_the_scan(text, data):
    ws = data.draw(st.integers(0, len(text)))
    vs = data.draw(st.integers(ws, len(text)))
    end = data.draw(st.integers(vs, len(text)))
    got = _until_past(attribution._tried_at(attribution.ANON, attribution.ANON_FIRST, text, ws, vs, end), vs)
    assert got == _until_past(attribution.ANON.finditer(text, ws, end), vs)


@PROPS
@given(st.lists(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3)), max_size=4), max_size=6))
def test_index_rows_are_in_the_plain_order(mentions):
    """`Index` sorts its rows by start, the longer first, ties in the order given."""
    from tradelink.models import Actor, Span

    actors = [Actor(name=f"A{k}", type="organization", start=0, end=1, text="x",
                    mentions=[Span(start=s, end=s + n, text="x" * n) for s, n in spans])
              for k, spans in enumerate(mentions)]
    rows = [(m.start, m.end, a) for a in actors for m in a.mentions]
    assert [(r[0], r[1], id(r[2])) for r in attribution.Index(actors).rows] == \
        [(r[0], r[1], id(r[2])) for r in sorted(rows, key=lambda r: (r[0], -r[1]))]


BEFORE_VERB = st.lists(st.sampled_from(["but", "and", "though", "while", "several", "some", "Some", "many", "Many",
                                        "most", "a few", "few", "also", "both", "Both", "the two", "sides", "countries",
                                        "governments", "have", "had", "others", "Others", "in", "inside", "within",
                                        "Lima", "New York", "U.S.", "still", "company", "cost", ",", " ", "  ", "\n",
                                        "-", "_", "é", "x"]) | st.text(max_size=3), max_size=14).map(" ".join)


@PROPS
@given(BEFORE_VERB | texts, st.data())
def test_speaker_guards_let_every_match_through(text, data):
    """SOME_OF_THEM, BOTH_SIDES and SOME_IN are searched only where `_find_speaker`'s tests of
    the 40 characters before the verb pass; each match passes them."""
    text += data.draw(st.sampled_from([" ", "  ", " \n", "", "\n"])) + "said"
    vs = data.draw(st.just(len(text) - 4) | st.integers(0, len(text)))
    ss = data.draw(st.integers(0, vs))
    tail = text[max(ss, vs - 40):vs]
    last = tail.rstrip()
    if attribution.SOME_OF_THEM.search(text, max(ss, vs - 24), vs):
        assert last.endswith(attribution.SOME_OF_THEM_ENDS)
    if attribution.BOTH_SIDES.search(text, max(ss, vs - 30), vs):
        assert last.endswith(attribution.BOTH_SIDES_ENDS)
    if attribution.SOME_IN.search(text, max(ss, vs - 40), vs):
        assert attribution._may_be_some_in(tail)


@PROPS
@given(STOPS | st.lists(st.sampled_from(sorted(attribution.ABBREVIATIONS) + ["U.S.", "U.K", "A.", "x", "Mr", "mr",
                                                                             "é", "_", "2", "-", " ", ".", "Sept"]),
                        max_size=12).map("".join) | texts, st.data())
def test_abbreviation_test_lets_every_match_through(text, data):
    stops = [i for i, ch in enumerate(text) if ch == "."]
    if not stops:
        return
    i = data.draw(st.sampled_from(stops))
    s = data.draw(st.integers(0, i))
    if attribution.ABBREV_END.search(text, max(s, i - 8), i + 1):
        assert attribution._may_be_abbreviation(text, i)


def test_abbreviations_are_rebuilt_from_the_pattern():
    assert {"Mr", "Mrs", "Sept", "vs", "Bhd"} <= attribution.ABBREVIATIONS
    assert all(w.isalpha() for w in attribution.ABBREVIATIONS)


@PROPS
@given(STOPS | texts, st.data())
def test_sentence_ends_of_the_whole_text_are_the_scan(text, data):
    """`sentences` reads the stops found once in the whole text: the ones the scan of its span finds."""
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert attribution.text_ends(text).within(s, e) == attribution._sentence_ends(text, s, e)


@PROPS
@given(texts, st.integers(-1, 5))
def test_words_counted_up_to_a_bound(text, upto):
    q = attribution.Quote(0, len(text), 0, len(text))
    n = len(text.split())
    assert q.words(text, upto) == (n if upto < 0 else min(n, upto + 1))


@PROPS
@given(word_start_texts | texts, st.data())
def test_subject_word_is_descriptor_and_pronoun(text, data):
    """One scan of SUBJECT_WORD finds, before the verb, what DESCRIPTOR's and PRONOUN's scans find."""
    ws = data.draw(st.integers(0, len(text)))
    vs = data.draw(st.integers(ws, len(text)))
    se = data.draw(st.integers(vs, len(text)))
    got = []
    for m in attribution.SUBJECT_WORD.finditer(text, ws, min(se, vs + 24)):
        if m.end() > vs:
            break
        got.append((m.span(), m.group(), "pronoun" if m.group("pronoun") is not None else m.group("noun")))
    want = [(span, g, "pronoun") for span, g in _until_past_groups(attribution.PRONOUN.finditer(text, ws, min(se, vs + 8)), vs)]
    want += [(span, g, attribution.DESCRIPTOR.match(g).group("noun"))
             for span, g in _until_past_groups(attribution.DESCRIPTOR.finditer(text, ws, min(se, vs + 24)), vs)]
    assert got == sorted(want)


def _until_past_groups(matches, vs):
    out = []
    for m in matches:
        if m.end() > vs:
            break
        out.append((m.span(), m.group()))
    return out


def _medium_plain(text, ss, se, f, index):
    """`_medium` reading every mention `within` gives."""
    for s, e, a in index.within(ss, se):
        if a.type != "media" or (f.speaker and f.speaker.name == a.name):
            continue
        if attribution.MEDIUM_BEFORE.search(text[max(ss, s - 30):s]):
            return a.name
    return None


@PROPS
@given(st.lists(st.tuples(st.sampled_from(["media", "organization", "person"]),
                          st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=3)), max_size=5),
       st.integers(0, 50), st.integers(0, 50), st.sampled_from([None, "M0", "M1"]))
def test_medium_reads_the_outlets_within(actors, ss, se, speaker):
    from tradelink.models import Actor, Span

    text = "told the told to in on with X " * 2
    acts = [Actor(name=f"M{k}", type=typ, start=0, end=1, text="x",
                  mentions=[Span(start=s, end=s + n, text=text[s:s + n]) for s, n in spans])
            for k, (typ, spans) in enumerate(actors)]
    index = attribution.Index(acts)
    f = attribution.Frame(0, 1, "said", "say", speaker=attribution.Speaker(speaker, None, 0, 1) if speaker else None)
    assert attribution._medium(text, ss, se, f, index) == _medium_plain(text, ss, se, f, index)
