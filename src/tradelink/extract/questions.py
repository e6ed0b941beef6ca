"""Stage: open questions.

Every sentence that ends in ``?`` outside page furniture is a question. In a
questions section ("Questions for investors", "What to watch" ...), the lead
question of each bullet is a *headline* question and the other questions in
that bullet are its follow-ups (``parent`` = the lead's text). Interviewer
questions in a Q&A and questions in running text are plain questions. A
question quoted inside a longer sentence (``"Why now?" she asked.``) is kept
as the quoted words.
"""

from __future__ import annotations

import re

from tradelink.models import Question

from .segment import Block, Doc

CLOSERS = "\"”’')]»"
OPENERS = {"”": "“", "’": "‘", '"': '"', "'": "'", ")": "(", "]": "[", "»": "«"}
# A quoted question inside a sentence: “Why now?” she asked.
QUOTED_QUESTION = re.compile(r"[\"“‘'](?P<q>[^\"“”‘’\n]{2,300}?\?)[\"”’']")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a closing mark at the end of a question whose opening mark is outside it."""
    if e - s >= 2 and text[e - 1] in CLOSERS and text[e - 2] == "?":
        opener = OPENERS.get(text[e - 1])
        if opener and opener not in text[s:e - 1]:
            e -= 1
    return s, e


def _question_spans(text: str, block: Block) -> list[tuple[int, int, bool]]:
    """``(start, end, whole_sentence)`` of the questions in a block, in order."""
    out = []
    for s, e in block.sentences:
        if text.find("?", s, e) < 0:  # most sentences: no question, whole or quoted
            continue
        body = text[s:e].rstrip(CLOSERS)
        if body.endswith("?"):
            out.append((*_trim(text, s, e), True))
            continue
        for m in QUOTED_QUESTION.finditer(text, s, e):
            out.append((m.start("q"), m.end("q"), False))
    return out


def _lead_is_question(text: str, block: Block) -> bool:
    if not block.sentences:
        return False
    s, e = block.sentences[0]
    return text.find("?", s, e) >= 0 and text[s:e].rstrip(CLOSERS).endswith("?")


def find(doc: Doc, *context) -> list[Question]:
    text = doc.text
    blocks = [b for b in doc.blocks if b.kind in ("bullet", "paragraph", "qa", "heading")]
    # Sections whose every bullet leads with a question count as question lists.
    by_section: dict[str, list[Block]] = {}
    for b in blocks:
        if b.kind == "bullet" and b.section is not None:
            by_section.setdefault(b.section, []).append(b)
    question_lists = {
        name for name, bs in by_section.items()
        if len(bs) >= 2 and bs[0].section_kind in ("section", None)
        and all(_lead_is_question(text, b) for b in bs)
    }
    out: list[Question] = []
    top: tuple[int, str | None] | None = None  # (indent, lead) of the last top-level bullet
    for block in blocks:
        headed = block.kind in ("bullet", "paragraph") and (
            block.section_kind == "questions" or block.section in question_lists
        )
        nested = headed and block.kind == "bullet" and top is not None and block.indent > top[0]
        spans = _question_spans(text, block)
        lead: str | None = None
        if headed and not nested and _lead_is_question(text, block):
            first = block.sentences[0]
            lead = text[spans[0][0]:spans[0][1]] if spans and spans[0][0] == first[0] else None
        if headed and block.kind == "bullet" and not nested:
            top = (block.indent, lead)
        elif not headed:
            top = None
        if not spans:
            continue
        if nested:
            # A sub-bullet under a lead question holds its follow-ups.
            for s, e, _ in spans:
                out.append(Question(start=s, end=e, text=text[s:e], headline=False, parent=top[1],
                                    section=block.section))
            continue
        for i, (s, e, _) in enumerate(spans):
            q = text[s:e]
            if lead is not None and i == 0:
                out.append(Question(start=s, end=e, text=q, headline=True, section=block.section))
            else:
                out.append(Question(start=s, end=e, text=q, headline=False, parent=lead,
                                    section=block.section))
    return out
