"""Time expressions and metadata, on sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tradelink.extract import extract
from tradelink.extract.segment import segment
from tradelink.extract.timex import find
from tradelink.models import ArticleMeta, normalise_text

PUB = dt.date(2026, 2, 12)  # a Thursday


@pytest.mark.parametrize("sentence,pub,expected", [
    ("The mill shut on Wednesday.", PUB, [("on Wednesday", "2026-02-11")]),
    ("The mill shut on Thursday.", PUB, [("on Thursday", "2026-02-12")]),
    ("The mill shut Monday.", PUB, [("Monday", "2026-02-09")]),
    ("Quotas were cut last October.", PUB, [("last October", "2025-10")]),
    ("Quotas were cut in November.", PUB, [("in November", "2025-11")]),
    ("The line starts in May.", PUB, [("in May", "2026-05")]),
    ("It may be signed before the summer.", PUB, [("before the summer", None)]),
    ("Prices rose last month.", PUB, [("last month", "2026-01")]),
    ("Talks resume next month.", PUB, [("next month", "2026-03")]),
    ("Output doubled this week.", PUB, [("this week", None)]),
    ("Stocks build by the end of 2027.", PUB, [("by the end of 2027", "2027-12")]),
    ("Deliveries resume before the end of the first quarter.", PUB,
     [("before the end of the first quarter", "2026-03")]),
    ("Nothing cleared since the eighth of February.", PUB, [("the eighth of February", "2026-02-08")]),
    ("The pact was signed on March 3, 2025.", PUB, [("March 3, 2025", "2025-03-03")]),
    ("The pact was signed on 3 March 2025.", PUB, [("3 March 2025", "2025-03-03")]),
    ("The mill shut on Wednesday.", None, [("on Wednesday", None)]),
    ("Quotas were cut in November.", None, [("in November", None)]),
    ("The pact was signed in March 2025.", None, [("in March 2025", "2025-03")]),
    ("The plant ran for three weeks and employs 2,000 people.", PUB, []),
    ("An April ban was lifted.", PUB, [("April", "2026-04")]),
    ("The pause runs until November 27, 2026.", PUB, [("November 27, 2026", "2026-11-27")]),
    ("Talks end on 14 Sep 2026.", PUB, [("14 Sep 2026", "2026-09-14")]),
    ("Output has fallen since the spring.", PUB, [("since the spring", None)]),
])
def test_time_expressions(sentence, pub, expected):
    doc = segment(normalise_text("A headline for the test piece\n" + sentence))
    assert [(t.text, t.resolved) for t in find(doc, pub)] == expected


def test_metadata_from_header_and_dateline():
    ex = extract("Harbour Post | Monday, June 1, 2026 | 4 min read\n"
                 "Quillon wins permits for its accelerator\n"
                 "OSLO, June 1 (Harbour Post) - Quillon Devices said on Monday it had won permits.\n")
    a = ex.article
    assert (a.title, a.outlet, a.published, a.dateline) == (
        "Quillon wins permits for its accelerator", "Harbour Post", dt.date(2026, 6, 1),
        "OSLO, June 1 (Harbour Post)")
    assert [(t.text, t.resolved) for t in ex.times] == [
        ("Monday, June 1, 2026", "2026-06-01"), ("OSLO, June 1", "2026-06-01"), ("on Monday", "2026-06-01")]


def test_published_override_wins():
    ex = extract("GRANITE TIMES · Metals · June 1, 2026\nA headline about tin\nTin rose on Friday.",
                 ArticleMeta(published=dt.date(2026, 6, 10)))
    assert ex.article.published == dt.date(2026, 6, 10)
    assert ex.article.outlet == "Granite Times"
    assert [(t.text, t.resolved) for t in ex.times][-1] == ("on Friday", "2026-06-05")
