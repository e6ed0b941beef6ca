"""Segmentation: article text → blocks (headings, bullets, paragraphs) → sentences.

Page furniture (menus, share bars, "Related:" lists, comment forms, credits)
is recognised here, from ``data/vocab/furniture.txt``, and never reaches the
later stages. Every span is an offset into the normalised article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tradelink import vocab

BULLET = re.compile(r"^(?:[-*•–]|\d{1,2}[.)])\s+")
# "Label: text" bullets and lines: a short capitalised label before a colon.
LABEL = re.compile(r"^([A-Z][\w'’&/ -]{0,40}?):\s+(?=\S)")
QA = re.compile(r"^([QA]):\s+")
MENU_SEPARATORS = re.compile(r"\s[|·›»]\s|\s{3,}")


@dataclass(slots=True)
class Block:
    """A line-level unit of the article."""

    kind: str  # heading | bullet | paragraph | qa | furniture | title
    start: int
    end: int
    section: str | None = None
    label: tuple[int, int] | None = None  # span of a "Label:" prefix, if any
    body_start: int = 0  # where the prose starts (after the bullet mark or label)
    sentences: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Doc:
    text: str
    blocks: list[Block]

    def sentence_spans(self):
        """Yield ``(block_index, block, start, end)`` for every prose sentence."""
        for i, block in enumerate(self.blocks):
            if block.kind in ("furniture", "title"):
                continue
            for start, end in block.sentences:
                yield i, block, start, end


def _compile_furniture() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    line_patterns, list_heads = [], []
    for entry in vocab.lines("furniture"):
        kind, _, pattern = entry.partition(" ")
        rx = re.compile(pattern.strip(), re.IGNORECASE)
        (list_heads if kind == "list" else line_patterns).append(rx)
    return line_patterns, list_heads


_FURNITURE: tuple[list[re.Pattern[str]], list[re.Pattern[str]]] | None = None


def furniture_patterns():
    global _FURNITURE
    if _FURNITURE is None:
        _FURNITURE = _compile_furniture()
    return _FURNITURE


def is_furniture(line: str) -> bool:
    patterns, _ = furniture_patterns()
    if any(p.search(line) for p in patterns):
        return True
    # Menus and breadcrumbs: several short items joined by separators.
    parts = [p for p in MENU_SEPARATORS.split(line) if p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return True
    return False


def _is_heading(line: str, next_line: str | None) -> bool:
    words = line.split()
    if not words or len(words) > 9 or len(line) > 70:
        return False
    if line[-1] in ".?!:;,\"”’'" or BULLET.match(line):
        return False
    if not line[0].isupper():
        return False
    return next_line is not None


def segment(text: str) -> Doc:
    """Split normalised article text into blocks and sentences."""
    blocks: list[Block] = []
    _, list_heads = furniture_patterns()
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1

    section: str | None = None
    in_furniture_list = False
    seen_prose = False
    nonblank = [(s, l) for s, l in lines if l.strip()]
    for idx, (start, line) in enumerate(nonblank):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        next_line = nonblank[idx + 1][1] if idx + 1 < len(nonblank) else None
        if in_furniture_list:
            # A "Related:" list runs until the next prose paragraph.
            if BULLET.match(stripped) or len(stripped.split()) <= 12:
                blocks.append(Block("furniture", s, e, section))
                continue
            in_furniture_list = False
        if any(p.search(stripped) for p in list_heads):
            in_furniture_list = True
            blocks.append(Block("furniture", s, e, section))
            continue
        if is_furniture(stripped):
            blocks.append(Block("furniture", s, e, section))
            continue
        bullet = BULLET.match(stripped)
        qa = QA.match(stripped)
        if bullet:
            body = s + bullet.end()
            block = Block("bullet", s, e, section, body_start=body)
            label = LABEL.match(text, body, e)
            if label:
                block.label = (body, body + len(label.group(1)))
                block.body_start = body + label.end() - label.start()
        elif qa:
            block = Block("qa", s, e, section, body_start=s + qa.end())
            block.label = (s, s + 1)
        elif _is_heading(stripped, next_line):
            kind = "heading" if seen_prose or blocks else "title"
            if kind == "heading":
                section = stripped
            blocks.append(Block(kind, s, e, section if kind == "heading" else None, body_start=s))
            blocks[-1].sentences = [(s, e)] if kind == "heading" else []
            continue
        else:
            block = Block("paragraph", s, e, section, body_start=s)
            label = LABEL.match(stripped)
            if label and len(label.group(1).split()) <= 6:
                block.label = (s, s + len(label.group(1)))
                block.body_start = s + label.end()
        seen_prose = True
        block.sentences = split_sentences(text, block.body_start, e)
        blocks.append(block)
    return Doc(text, blocks)


# --- sentences ------------------------------------------------------------------

_END = re.compile(r"[.?!…]+[\"”’')\]]*(?=\s+|$)")
_SPACE = re.compile(r"\s*")


def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in vocab.lines("abbreviations"))


_ABBR: frozenset[str] | None = None


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, trimmed of whitespace."""
    global _ABBR
    if _ABBR is None:
        _ABBR = _abbreviations()
    out: list[tuple[int, int]] = []
    chunk = text[start:end]
    s = 0
    for m in _END.finditer(chunk):
        e = m.end()
        # The word that ends with this full stop.
        word_start = max(chunk.rfind(" ", s, m.start()) + 1, s)
        word = chunk[word_start:m.start() + 1].lstrip("\"“‘'(")
        # The next non-space character (matched, not sliced: slicing the rest
        # of a 1 MB line at every full stop would be quadratic).
        r = _SPACE.match(chunk, e).end()
        nxt = chunk[r] if r < len(chunk) else ""
        if m.group().startswith(".") and m.group() == "." and (
            word.lower() in _ABBR or re.fullmatch(r"(?:[A-Za-z]\.)+", word)
        ):
            # "U.S. officials" continues; "in the U.S. The" ends only if the
            # next word is capitalised and the abbreviation often ends sentences.
            if not nxt or not nxt.isupper() or word.lower() in _ABBR:
                continue
        if nxt and nxt.islower():
            continue
        out.append((start + s, start + e))
        s = r
    if s < len(chunk) and chunk[s:].strip():
        tail = chunk[s:].rstrip()
        out.append((start + s, start + s + len(tail)))
    return [(a, b) for a, b in out if b > a]
