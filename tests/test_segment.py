"""Segmentation on articles written for these tests (invented names and outlets)."""

from __future__ import annotations

import pytest

from tradelink.extract import ExtractionError, extract
from tradelink.errors import InputError
from tradelink.extract.segment import is_furniture, section_kind, segment
from tradelink.models import normalise_text

ARTICLE = normalise_text("""\
Home | World | Markets | Opinion
Harbour Post | Monday, June 1, 2026 | 4 min read
By the Commodities Desk

Quillon wins permits to ship its Vega 9 accelerator
Highlights
- Quillon Devices said it won three permits.
- Ministers reportedly tied the permits to magnet supply.

OSLO, June 1 (Harbour Post) - Quillon Devices said on Monday it had won three permits.

Mina Torvik, the trade minister, said the permits were temporary.

Key Strategic Threads
- Leverage: Magnets are the price of chips.
- Politics: Two lawmakers objected.
The permits expire next year, officials said.

Questions for investors
- Will the permits last? Nobody knows. Could they be revoked?
- Who buys the chips?

Related:
- Is the magnet trade over?
- Five charts on cobalt
Want our Metals Minute in your inbox? Sign up here.
Popular on Harbour Post: Are tariffs back? | Ten metals to watch
Leave a Reply
Great article? Thanks
""")


def blocks_by_text(doc):
    return {doc.text[b.start:b.end]: b for b in doc.blocks}


def test_blocks_kinds_and_sections():
    doc = segment(ARTICLE)
    by = blocks_by_text(doc)
    expected = [
        ("Home | World | Markets | Opinion", "furniture", None),
        ("Harbour Post | Monday, June 1, 2026 | 4 min read", "header", None),
        ("By the Commodities Desk", "furniture", None),
        ("Quillon wins permits to ship its Vega 9 accelerator", "title", None),
        ("Highlights", "heading", "Highlights"),
        ("- Quillon Devices said it won three permits.", "bullet", "Highlights"),
        ("Mina Torvik, the trade minister, said the permits were temporary.", "paragraph", None),
        ("- Leverage: Magnets are the price of chips.", "bullet", "Key Strategic Threads"),
        ("The permits expire next year, officials said.", "paragraph", None),
        ("- Who buys the chips?", "bullet", "Questions for investors"),
        ("- Is the magnet trade over?", "furniture", None),
        ("Want our Metals Minute in your inbox? Sign up here.", "furniture", None),
        ("Popular on Harbour Post: Are tariffs back? | Ten metals to watch", "furniture", None),
        ("Leave a Reply", "furniture", None),
        ("Great article? Thanks", "furniture", None),
    ]
    for line, kind, section in expected:
        block = by[line]
        assert (line, block.kind) == (line, kind)
        if kind not in ("furniture", "header", "title"):
            assert (line, block.section) == (line, section)


def test_section_heading_first_line_is_not_title():
    doc = segment("Highlights\n- One thing happened.\n- Another did.\nThe story starts here.")
    assert [b.kind for b in doc.blocks] == ["heading", "bullet", "bullet", "paragraph"]
    assert doc.blocks[3].section is None


def test_label_is_outside_sentence_and_dateline_is_skipped():
    doc = segment(ARTICLE)
    by = blocks_by_text(doc)
    bullet = by["- Leverage: Magnets are the price of chips."]
    assert [doc.text[s:e] for s, e in bullet.sentences] == ["Magnets are the price of chips."]
    lead = next(b for b in doc.blocks if b.dateline)
    assert doc.text[lead.dateline[0]:lead.dateline[1]] == "OSLO, June 1 (Harbour Post)"
    assert doc.text[lead.sentences[0][0]:lead.sentences[0][1]].startswith("Quillon Devices said")


@pytest.mark.parametrize("line,kind", [
    ("Highlights", "summary"),
    ("Key takeaways:", "summary"),
    ("Questions for investors", "questions"),
    ("Unanswered and Critical Questions for Investors", "questions"),
    ("Three questions for buyers", "questions"),
    ("What to watch", "questions"),
    ("What they said", "quotes"),
    ("Reactions", "quotes"),
    ("Key terms", "section"),
    ("What changes", "section"),
    ("Key Strategic Threads", "section"),
    ("The ministry said on Monday that exports would resume.", None),
])
def test_section_vocabulary(line, kind):
    assert section_kind(line) == kind


@pytest.mark.parametrize("line,furniture", [
    ("Leave a Reply", True),
    ("Share this article", True),
    ("Copy link · WhatsApp · Email", True),
    ("Menu   Search   Sign in   Subscribe", True),
    ("World › Asia › Trade", True),
    ("By Ada Quist and Ben Rolle", True),
    ("Reporting by Ada Quist; Editing by Ben Rolle", True),
    ("Photo: A port crane at dusk. (Ada Quist/Harbour Post)", True),
    ("(Ada Quist/Harbour Post)", True),
    ("We use cookies to improve your experience. [Accept all]", True),
    ("Subscribe to continue reading.", True),
    ("Already a subscriber? Log in", True),
    ("Sign up to the Metals Minute newsletter", True),
    ("Popular on Harbour Post: Is the rally over? | Five stocks", True),
    ("Ministers said the permits were temporary.", False),
    ("By March, exports had fallen by half.", False),
    # An inline related-story link, a corrections footer and a fact-check's claim card.
    ("Read: Is the gallium glut over? What four traders expect now", True),
    ("Read the full ruling here.", False),
    ("Read carefully, the filing says the permits lapse in May.", False),
    ("Did we get it wrong? Tell us.", True),
    ("Did we get a reply? Not yet, the ministry said.", False),
    ("Spotted an error? Email the desk.", True),
    ("Send us a correction.", True),
    ("Sen. Dora Pellman stated on March 4, 2026 in a speech:", True),
    ("Sen. Dora Pellman said on March 4, 2026 in a speech:", False),
    ("Pellman stated on March 4, 2026 that the permits were late.", False),
    ("Rating: Mostly False", True),
    ("Rating agencies cut the miner to junk in March.", False),
])
def test_furniture_lines(line, furniture):
    assert is_furniture(line) is furniture


def test_colon_quote_lines_form_a_list_and_prose_ends_it():
    doc = segment("Title of the piece here\nReactions\nAda Quist, analyst: “It is a swap.”\n"
                  "Ben Rolle: ‘Too early to say.’\nMarkets were calm on Friday, traders said.")
    kinds = [(b.kind, b.section) for b in doc.blocks]
    assert kinds == [("title", None), ("heading", "Reactions"), ("paragraph", "Reactions"),
                     ("paragraph", "Reactions"), ("paragraph", None)]
    # The speaker label stays in the sentence (it is a speaker, not a topic label).
    s, e = doc.blocks[2].sentences[0]
    assert doc.text[s:e].startswith("Ada Quist, analyst:")


def test_qa_blocks():
    doc = segment("A talk with a miner about prices\nQ: Why now?\nA: Because prices fell.")
    assert [b.kind for b in doc.blocks] == ["title", "qa", "qa"]
    s, e = doc.blocks[1].sentences[0]
    assert doc.text[s:e] == "Why now?"


def test_extraction_error_is_an_input_error():
    assert issubclass(ExtractionError, InputError)
    with pytest.raises(InputError):
        extract("   \n ")


@pytest.mark.parametrize("text,expected", [
    ("Prices say no. Can they afford it?", ["Prices say no.", "Can they afford it?"]),
    ("Chips go to the U.S. The ministry said so.", ["Chips go to the U.S.", "The ministry said so."]),
    ("U.S. officials met. Sen. Ada Quist spoke.", ["U.S. officials met.", "Sen. Ada Quist spoke."]),
    ("It is No. 5 on the list.", ["It is No. 5 on the list."]),
    ("Exports to the U.S. rose. Imports fell.", ["Exports to the U.S. rose.", "Imports fell."]),
])
def test_sentence_split_around_abbreviations(text, expected):
    from tradelink.extract.segment import split_sentences

    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == expected


# Page layouts with a comments / conversation marker: where it ends the article and where
# it is only a tab of the share bar or a stray line between paragraphs. Each row: the
# page, then lines that must be prose (paragraph blocks) and lines that must be furniture.
LONG_A = ("Port officials in Varrow said the first cargo of sintered magnets had cleared customs on Tuesday, "
          "three weeks after the licence was granted, and that two more were expected before the holiday.")
LONG_B = ("Buyers in the region have complained for months that the paperwork takes longer than the shipping, "
          "and several said they had kept larger stocks of motors than usual because of the delays at the border.")
LONG_C = ("The ministry said the review would finish by the spring, although it gave no date for the next "
          "round of permits and declined to say how many applications were still waiting for an answer today.")
COMMENT = ("I have worked in this trade for thirty years and I have never seen the permits take this long, "
           "so I do not believe a word of what the ministry says about the spring or about anything else.")


@pytest.mark.parametrize("page,prose,furniture", [
    # A share bar copied one item per line under the byline: its "Comments" tab is not the tail.
    (f"Magnet cargo clears customs in Varrow\nBy Ilse Narrowby\nGift this story\nShare\nComments\n"
     f"Listen · 5 min\n{LONG_A}\n{LONG_B}\n{LONG_C}\nComments\nSign in to join the conversation",
     [LONG_A, LONG_B, LONG_C], ["Comments", "Sign in to join the conversation"]),
    # A comment count in the header, before any prose.
    (f"Magnet cargo clears customs in Varrow\nMarch 3, 2026\n14 Comments\n{LONG_A}\n{LONG_B}",
     [LONG_A, LONG_B], ["14 Comments"]),
    # A stray marker between paragraphs, long prose paragraphs after it: the article goes on.
    (f"Magnet cargo clears customs in Varrow\n{LONG_A}\nJoin the conversation\n{LONG_B}\n{LONG_C}",
     [LONG_A, LONG_B, LONG_C], ["Join the conversation"]),
    # Near-misses: a real comments tail still ends the article.
    (f"Magnet cargo clears customs in Varrow\n{LONG_A}\n{LONG_B}\nComments\nOrrin Feld\n3 hours ago\n"
     f"{COMMENT}\nReply\nTamsin Oake\n{COMMENT}",
     [LONG_A, LONG_B], [COMMENT, "Orrin Feld"]),
    (f"Magnet cargo clears customs in Varrow\n{LONG_A}\n{LONG_B}\nLeave a Reply\n"
     "Your email address will not be published. Required fields are marked *\n" + COMMENT,
     [LONG_A, LONG_B], [COMMENT]),
    (f"Magnet cargo clears customs in Varrow\n{LONG_A}\n{LONG_B}\nJoin the discussion\n{COMMENT}",
     [LONG_A, LONG_B], [COMMENT]),
])
def test_comment_markers_end_the_article_only_after_it(page, prose, furniture):
    doc = segment(normalise_text(page))
    kinds = {}
    for b in doc.blocks:
        kinds.setdefault(doc.text[b.start:b.end], b.kind)  # the first block of a repeated line
    assert [kinds[line] for line in prose] == ["paragraph"] * len(prose)
    last = {doc.text[b.start:b.end]: b.kind for b in doc.blocks}  # the last block of a repeated line
    assert [last[line] for line in furniture] == ["furniture"] * len(furniture)


# A live blog: each post has a time line, a headline and a "From <Outlet>'s <Name>" credit.
# The headline is a heading (it reports no words), the credit is furniture; a post's
# prose stays prose, and a line before an ordinary byline-less paragraph stays prose.
LIVE = normalise_text("""\
Harbour Post | Live
Cobalt talks: live updates
By the Harbour Post desk
9:15 a.m. ET, May 4, 2026
Peru says the levy "helps every miner"
From Harbour Post's Ilse Narrowby in Lima
A spokesperson for the mines ministry told reporters the levy would stay.
8:02 a.m. ET, May 4, 2026
Peru and Chile to announce cobalt pact on Friday, officials say
From Harbour Post's Orrin Feld and Tamsin Oake
Peru and Chile will announce a pact on Friday, two officials told the Harbour Post.
Exporters say the rules are too strict
The rules were written in March, officials said.
""")


@pytest.mark.parametrize("line,kind", [
    ('Peru says the levy "helps every miner"', "heading"),
    ("From Harbour Post's Ilse Narrowby in Lima", "furniture"),
    ("Peru and Chile to announce cobalt pact on Friday, officials say", "heading"),
    ("From Harbour Post's Orrin Feld and Tamsin Oake", "furniture"),
    ("A spokesperson for the mines ministry told reporters the levy would stay.", "paragraph"),
    ("The rules were written in March, officials said.", "paragraph"),
])
def test_live_blog_post_headlines(line, kind):
    assert blocks_by_text(segment(LIVE))[line].kind == kind
