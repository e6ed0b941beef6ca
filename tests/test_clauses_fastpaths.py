"""The fast paths of `clauses` agree with the plain regexes they replace, on any text.

`_breaks` tries `CLAUSE_BREAK` only at the places cheap literal scans find
(`_break_places`): it must give exactly what ``CLAUSE_BREAK.finditer`` gives,
overlapping candidates, odd whitespace and dashes included. `after_preposition`
reads the word before an offset backwards (`backwards`): it must be the word
``WORD_BEFORE.search`` finds.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink.extract import clauses

PROPS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["but", "while", "that", "because", "after", "before", "as", "although", "though", "and", "which",
         "who", "whereas", "The", "it", "its", "they", "their", "he", "she", "the", "U.S.", "we", "Acme",
         "itself", "thus", ",", ";", ":", "—", "–", "-", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000",
         "\x1c", "é", "K", "x"]
SEPS = ["", " ", "  ", "\n", "\t", "\u00a0", ", ", ": ", " — ", "\u2003"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)) | st.text(max_size=60)


def _plain(text: str) -> tuple[list[int], list[int]]:
    ms = list(clauses.CLAUSE_BREAK.finditer(text))
    return [m.start() for m in ms], [m.end() for m in ms]


@PROPS
@given(texts)
def test_breaks_are_the_plain_finditer(text):
    starts, ends, ends_sorted = clauses._breaks.__wrapped__(text)
    assert (starts, ends) == _plain(text)
    assert ends_sorted == sorted(ends)


@pytest.mark.parametrize("text", [
    "Acme rose as as The rest fell",          # a break inside a near miss: found at its own place
    "Acme rose, but The rest fell",           # ", but " wins over " but " inside it
    "Acme rose\nbecause they fell",           # a newline before the word
    "Acme rose\u2009while The rest fell",     # other whitespace before the word
    "—\u00a0the rest",                        # a dash at the very start: no break before it
    "a\u3000— b; c: d",
    "Acme rose but the rest fell",
    "Acme rose but then fell",                # near miss: no capital or pronoun after the word
    "Acme rose,but The rest",                 # near miss: no space after the comma
])
def test_breaks_table(text):
    starts, ends, _ = clauses._breaks.__wrapped__(text)
    assert (starts, ends) == _plain(text)


def test_other_whitespace_is_every_whitespace_but_space():
    rx = re.compile("[" + re.escape(clauses._OTHER_WS) + "]")
    want = [chr(i) for i in range(0x110000) if re.fullmatch(r"\s", chr(i)) and chr(i) != " "]
    assert [chr(i) for i in range(0x110000) if rx.fullmatch(chr(i))] == want


def _after_preposition_plain(text: str, start: int, floor: int) -> str | None:
    m = clauses.WORD_BEFORE.search(text, max(floor, start - 30), start)
    if m and m.group(1).lower() in clauses.PREPOSITIONS:
        return m.group(1).lower()
    return None


PREP_WORDS = ["to", "With", "BY", "of", "into", "x_to", "to_", "été", "under", "\u212aike", "liKe", "İn", "ﬁ", "2to",
              ",", ".", "’s", "(", "\n", " ", "  ", "\u00a0", "—"]
prep_texts = st.lists(st.sampled_from(PREP_WORDS) | st.text(max_size=3), max_size=25).map("".join) | st.text(max_size=50)


@PROPS
@given(prep_texts, st.data())
def test_after_preposition_is_the_plain_search(text, data):
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    assert clauses.after_preposition(text, start, floor) == _after_preposition_plain(text, start, floor)
