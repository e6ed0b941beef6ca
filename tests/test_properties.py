"""Property tests: any text in, no surprise out, and every span slices back.

The strategies lean on what breaks rule-based readers: quotation marks of
every kind (balanced or not, by the thousand), bullets, "Label:" colons,
question marks, titles and capitalised names, and very long lines.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink.extract import ExtractionError, extract
from tradelink.models import article_id, normalise_text

QUOTES = "\"'“”‘’«»„‟‹›「」『』″＂`"

PIECES = [
    *QUOTES, " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u00a0", ".", ",", ":", ";", "?", "!",
    "…", "-", "–", "—", "(", ")", "- ", "* ", "• ", "1. ", "Q: ", "A: ", "Highlights\n",
    "Label: ", "said", "told", "according to", "reportedly", "may", "he", "she", "they",
    "The ministry", "the company", "Commerce Secretary", "Minister", "U.S.", "Washington",
    "Beijing", "China", "Reuters", "rare earths", "NdPr magnets", "H20 chips", "export ban",
    "in exchange for", "on Monday", "in April", "last week", "March 3, 2025",
    "Wang Lei", "Ana Ruiz", "Mr.", "Dr.", "e.g.", "Inc.", "Leave a Reply", "Share |",
    "\u0301", "e\u0301", "\ufeff", "\u200b", "\U0001f600", "ǅ", "İ", "ß",
]

pieces = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=80).map("".join)
lines = st.lists(pieces, min_size=1, max_size=8).map("\n".join)
any_text = st.text(max_size=300) | lines

PROPS = settings(max_examples=100, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
# For the strategies that build long texts.
FEW = settings(max_examples=30, deadline=None,
               suppress_health_check=[HealthCheck.too_slow])


def check(text: str):
    """Extract, allowing only ExtractionError; return the extraction or None."""
    try:
        ex = extract(text)
    except ExtractionError as err:
        assert str(err) and "\n" not in str(err)
        return None
    assert ex.check_spans() == []
    assert ex.article.text == normalise_text(text)
    assert ex.article.id == article_id(text)
    return ex


@PROPS
@given(any_text)
def test_extract_never_raises_and_spans_slice_back(text):
    check(text)


@PROPS
@given(st.lists(st.sampled_from(QUOTES), min_size=1, max_size=40), lines)
def test_unbalanced_quotes_anywhere(marks, text):
    # Scatter quotation marks through the text at every sort of place.
    step = max(1, len(text) // len(marks))
    out = list(text)
    for i, mark in enumerate(marks):
        out.insert(min(len(out), i * step), mark)
    check("".join(out))


@FEW
@given(st.sampled_from(QUOTES), st.integers(1000, 5000), pieces)
def test_thousands_of_quotation_marks(mark, n, text):
    check(f"Officials said {mark * n} {text}.")
    check(f"{text} " + f'{mark}yes{mark}, he said. ' * (n // 20))


@FEW
@given(st.sampled_from(["- ", "* ", "• ", "1. ", "Q: ", "Label: ", "? ", ": ", "?"]),
       st.integers(1, 3000))
def test_bullets_colons_and_question_marks(unit, n):
    check(unit * n)
    check("\n".join([unit.strip() + " Will exports resume?"] * (n // 10 + 1)))


def test_normalisation_is_idempotent_on_examples():
    for raw in ["\ufeffa\r\nb  \r\n\n", " \n x", "e\u0301", "\n\n"]:
        once = normalise_text(raw)
        assert normalise_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalisation_is_idempotent(raw):
    once = normalise_text(raw)
    assert normalise_text(once) == once


@FEW
@given(st.sampled_from(["and the talks ", "x", "“", "word, ", "U.S. officials in D.C. "]),
       st.integers(1, 8000))
def test_long_runs_are_cut_into_bounded_sentences(unit, n):
    from tradelink.extract.segment import MAX_SENTENCE, segment

    text = normalise_text("Officials said " + unit * n + " it.")
    if not text:
        return
    doc = segment(text)
    spans = [(s, e) for _, _, s, e in doc.sentence_spans()]
    assert all(0 < e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[s:e] == text[s:e].strip() for s, e in spans)
    # In order, without overlaps.
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))


def test_long_capitalised_runs_do_not_recurse_without_bound():
    # Runs of capitalised words longer than Python's recursion limit.
    for word in ("Beijing", "Chinese", "Minister", "Wang"):
        check(f"Officials said {(word + ' ') * 1200}talks resumed.")
