"""Questions: headline, follow-up, Q&A and in-text questions (text written for the tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradelink.extract import extract
from tradelink.extract.questions import find
from tradelink.extract.segment import segment
from tradelink.models import normalise_text

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_0cd42d161d590e27.txt"
from shared_data import seed_gold_path  # noqa: E402

SEED_GOLD = seed_gold_path()


def qs(text):
    return [(q.text, q.headline, q.parent, q.section) for q in find(segment(normalise_text(text)))]


CASES = [
    (
        "Story about tin\nQuestions for investors\n- Will smelters reopen? Prices say otherwise. Can they afford it?\n"
        "- Is the tariff permanent?\nThe tin market shrugged.",
        [("Will smelters reopen?", True, None, "Questions for investors"),
         ("Can they afford it?", False, "Will smelters reopen?", "Questions for investors"),
         ("Is the tariff permanent?", True, None, "Questions for investors")],
    ),
    (
        "A miner explains the floor price\nQ: Why does a smelter need help?\nA: Because the market is rigged.",
        [("Why does a smelter need help?", False, None, None)],
    ),
    (
        "Ports reopen after strike\nWho gains from the deal? Traders think the brokers do. Shipping resumed on Friday.",
        [("Who gains from the deal?", False, None, None)],
    ),
    (
        "Ports reopen after strike\n“Why now?” asked Ada Quist, a broker. Shipping resumed on Friday.",
        [("Why now?", False, None, None)],
    ),
    (
        "Ports reopen after strike\nShipping resumed.\nRelated:\n- Is cobalt next?\n"
        "Enjoying our coverage? Subscribe to the Harbour newsletter today.\nLeave a Reply\nWhat do you think?",
        [],
    ),
    (
        "Ports reopen after strike\nHighlights\n- Ships sail again.\nWhat to watch\n"
        "- Supply: Will the port stay open? Unions vote soon.\n- Who pays the fines?",
        [("Will the port stay open?", True, None, "What to watch"),
         ("Who pays the fines?", True, None, "What to watch")],
    ),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_questions(text, expected):
    assert qs(text) == expected


def test_seed_questions_match_gold():
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not present")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    ex = extract(SEED.read_text(encoding="utf-8"))
    got = [(q.text, q.headline, q.parent) for q in ex.questions]
    want = [(q["text"], q["headline"], q.get("under")) for q in gold["questions"]]
    assert got == want
    assert {q.section for q in ex.questions} == {gold["question_section"]}
    assert not ex.check_spans()


def test_nested_bullets_are_follow_ups():
    text = ("Story about tin\nQuestions for investors\n- Will smelters reopen?\n"
            "  - Who pays for it? Can they?\n- Is the tariff permanent?")
    assert qs(text) == [
        ("Will smelters reopen?", True, None, "Questions for investors"),
        ("Who pays for it?", False, "Will smelters reopen?", "Questions for investors"),
        ("Can they?", False, "Will smelters reopen?", "Questions for investors"),
        ("Is the tariff permanent?", True, None, "Questions for investors"),
    ]


def test_long_related_headlines_with_question_marks_are_furniture():
    text = ("Ports reopen after strike\nShipping resumed on Friday after a week of talks.\n"
            "Related Posts\nWill the Ten Biggest Ports in the Region Ever Recover Their Lost Trade After the Long Strike?\n"
            "Five charts on cobalt\nShare this:\nLike this:\nLoading...")
    assert qs(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Story about tin\nThree Questions Investors Should Ask\n● Will smelters reopen? Maybe. Who pays?\n● Is it over?",
     [("Will smelters reopen?", True, None, "Three Questions Investors Should Ask"),
      ("Who pays?", False, "Will smelters reopen?", "Three Questions Investors Should Ask"),
      ("Is it over?", True, None, "Three Questions Investors Should Ask")]),
    ("Story about tin\nUnanswered Questions\nWill smelters reopen? Nobody knows.\nIs the tariff permanent?\n",
     [("Will smelters reopen?", True, None, "Unanswered Questions"),
      ("Is the tariff permanent?", True, None, "Unanswered Questions")]),
])
def test_question_sections_without_known_headings_or_dashes(text, expected):
    assert qs(text) == expected


def test_page_capture_with_menus_and_unmarked_lists():
    """A web page copied as text: one menu item per line, lists without bullet marks,
    share buttons, related posts and a comment form."""
    text = (Path(__file__).parent / "data" / "page_capture.txt").read_text(encoding="utf-8")
    ex = extract(text)
    assert ex.article.title == "Ostria’s Gallium Curbs Bite: Are Western Chipmakers Ready?"
    assert str(ex.article.published) == "2025-07-15"
    section = "Questions Investors Should Be Asking"
    assert [(q.text, q.headline, q.parent, q.section) for q in ex.questions] == [
        ("Why does this matter?", False, None, None),
        ("Can recycling scale fast enough?", True, None, section),
        ("Will Norland retaliate?", False, "Can recycling scale fast enough?", section),
        ("Is this the end of cheap gallium?", True, None, section),
    ]
    body = [s for s in ex.sentences if s.text.startswith("Ostria tightened")]
    assert body and body[0].section is None
    for noise in ("Skip to content", "Facebook", "Loading", "Related Posts", "Doomed", "Leave a Reply", "Δ"):
        assert not any(noise in r.text for r in ex.located()), noise
