"""Segmentation: article text → blocks (headings, bullets, paragraphs) → sentences.

Page furniture (menus, share bars, "Related:" lists, comment forms, credits)
is recognised here, from ``data/vocab/furniture.txt``, and never reaches the
later stages. Known section headings come from ``data/vocab/sections.txt``.
Header lines (outlet, date, reading time) and the dateline are kept apart so
that `metadata` and `timex` can read them; no other stage sees them. Every
span is an offset into the normalised article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tradelink import vocab

from .fastre import Vocabulary, lowered, needles, prefixes

BULLET = re.compile(r"^(?:[-*•–—▪◦·●○■□►▸→✔✓♦❖]|\d{1,2}[.)]|\(?[a-h]\))\s+")
# "Label: text" bullets and lines: a short capitalised label before a colon.
LABEL = re.compile(r"^([A-Z][\w'’&/ -]{0,40}?):\s+(?=\S)")
# "Name, title: “quote”" lines (a reactions list): speaker label, then a quote.
COLON_QUOTE = re.compile(
    r"^[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|bin|al|da))*(?:, [^:,\n]{2,80})?:\s+[\"“‘']"
)
QA = re.compile(r"^([QA]):\s+")
# A transcript turn: "First Last: ..." or "First Last, Title or Firm: ..." (not a quotation),
# perhaps after a tag for a played recording ("[CLIP] FIRST LAST: ...").
TURN = re.compile(r"^(?:\[[A-Z][A-Z ]{1,20}\] )?((?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+)(?:, ([^:\n]{2,60}))?: "
                  r"(?=[^\s\"“‘'])")
# A broadcast transcript's later turns: the surname alone, in capitals ("Y: ...").
SURNAME_TURN = re.compile(r"^([A-Z][A-Z'’-]+): (?=[^\s\"“‘'])")
OPERATOR = re.compile(r"^Operator: ")
HOST_LABEL = re.compile(vocab.table("headers")["transcript_host"], re.IGNORECASE)
CHAIR_TITLE = re.compile(vocab.table("headers")["transcript_chair"], re.IGNORECASE)
# A hearing's turn: a title and a surname, in capitals or not ("SEN. X:", "Secretary X Y:");
# the label's words are split into title and name by `_titled`.
TITLED_TURN = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}): (?=[^\s\"“‘'])")


def _title_words() -> frozenset[str]:
    """Title heads and honorifics from titles.txt, lowercased ("sen.", "secretary")."""
    return frozenset(w.partition(" ")[2].strip().lower() for w in vocab.lines("titles")
                     if w.startswith(("head ", "honorific ")))


_TITLES: frozenset[str] | None = None


def _titled(label: str) -> tuple[str, str] | None:
    """(title, name) of a turn label that is a title and a one- or two-word name
    ("CHAIRMAN X", "Sen. X Y"), else None."""
    global _TITLES
    if _TITLES is None:
        _TITLES = _title_words()
    words = label.split(" ")
    k = 0
    while k < len(words) - 1 and words[k].lower() in _TITLES:
        k += 1
    if k == 0 or len(words) - k > 2 or any(w.lower() in _TITLES or w[-1] == "." for w in words[k:]):
        return None
    return " ".join(words[:k]), " ".join(words[k:])


def _transcript_names(stripped_lines: list[str], text: str) -> tuple[dict[str, str], frozenset[str]]:
    """The speakers of a transcript: names that open three or more "Name: ..." turns
    between them, one of them at least twice (people take turns); else none. Returns
    each turn label's full name (a capitalised surname alone is the full name's whose
    last word it is) and the full names labelled as the show's host."""
    full: list[tuple[str, str | bool | None]] = []  # (name, role in the label or True for a tag)
    single: list[str] = []
    titled: list[tuple[str, str, str]] = []  # (label, title, name): "SEN. X", "SEN.", "X"
    for line in stripped_lines:
        if not (line[:1].isupper() or line[:1] == "[") or ": " not in line:
            continue  # every turn's label opens the line and ends in ": "
        if (m := TITLED_TURN.match(line)) and (tn := _titled(m.group(1))):
            titled.append((m.group(1), *tn))
        elif m := TURN.match(line):
            full.append((m.group(1), m.group(2) or (line[0] == "[" or None)))
        elif m := SURNAME_TURN.match(line):
            single.append(m.group(1))
    out, hosts = _titled_names(titled, text)
    if not full:
        return out, hosts
    written = {n: _as_written(n, text) for n in {n for n, _ in full}}
    # A name in capitals is a person's if the label gives a role or the prose names them
    # or tags a recording ("X Y, HOST:", "I am joined by X Y", "[CLIP] X Y:"),
    # not a run-in head ("TARIFF WATCH:").
    full = [(n, t) for n, t in full if t or written[n] is not None]
    surnames = {n.rsplit(" ", 1)[1]: n for n, _ in full if n.isupper()}
    names = [n for n, _ in full] + [surnames[w] for w in single if w in surnames]
    if len(names) < 3 or len(set(names)) == len(names):
        return out, hosts
    out.update((n, written[n] or " ".join(w.capitalize() for w in n.split())) for n, _ in full)
    out.update((w, out[n]) for w, n in surnames.items())
    hosts |= frozenset(out[n] for n, title in full if isinstance(title, str) and HOST_LABEL.search(title))
    return out, hosts


def _titled_names(titled: list[tuple[str, str, str]], text: str) -> tuple[dict[str, str], frozenset[str]]:
    """The speakers of a hearing's "TITLE NAME:" turns: three or more such turns, one
    speaker at least twice, and one name at least written in the prose ("Senator X",
    "the Honorable Y Z"), which a run of run-in heads ("GENERAL NOTES:") lacks. Each label
    maps to its name as the prose writes it (capitalised where it does not); a presiding
    chair's name is a host's."""
    names = [n for _, _, n in titled]
    if len(names) < 3 or len(set(names)) == len(names):
        return {}, frozenset()
    written = {n: _as_written(n, text) for n in set(names)}
    if not any(w is not None and len(re.findall(re.escape(n), text, re.IGNORECASE)) > names.count(n)
               for n, w in written.items()):
        return {}, frozenset()
    out = {label: written[n] or " ".join(w.capitalize() for w in n.split()) for label, _, n in titled}
    hosts = frozenset(out[label] for label, title, _ in titled if CHAIR_TITLE.match(title))
    return out, hosts


def _turn(line: str, speakers: dict[str, str]) -> re.Match[str] | None:
    """The label match of a transcript turn by one of *speakers*, else None."""
    turn = TITLED_TURN.match(line)
    if turn and turn.group(1) in speakers and _titled(turn.group(1)):
        return turn
    turn = TURN.match(line) or SURNAME_TURN.match(line)
    return turn if turn and turn.group(1) in speakers else None


def _as_written(name: str, text: str) -> str | None:
    """A name labelled in capitals as the prose writes it ("X Y"), if it does."""
    if not name.isupper():
        return name
    for m in re.finditer(re.escape(name), text, re.IGNORECASE):
        if not m.group().isupper():
            return m.group()
    return None
MENU_SEPARATORS = re.compile(r"\s[|·›»•]\s|\s{3,}")
BREADCRUMB = re.compile(r"\s[›»>]\s")
_HEADERS = vocab.table("headers")
_MONTH = _HEADERS["month"]


def _header_rx(key: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(_HEADERS[key].replace("{month}", _MONTH), flags)


# Patterns from data/vocab/headers.toml: header dates and cues, datelines, bylines.
HEADER_DATE = _header_rx("header_date")
HEADER_CUE = _header_rx("header_cue", re.IGNORECASE)
DATELINE = _header_rx("dateline")
BYLINE = _header_rx("byline")
BYLINE_IN = _header_rx("byline_in")
HEADER_NOISE = _header_rx("header_noise", re.IGNORECASE)
POST_CREDIT = _header_rx("post_credit")
CREDIT_NAME = re.compile(r"^(?:The )?[A-Z][\w&.'’-]*(?: [A-Z&][\w&.'’-]*){0,3}$")
QUESTIONS_WORD = re.compile(r"\bquestions?\b", re.IGNORECASE)
SENTENCE_END = ".!?:;,\"”’'"
MAX_FURNITURE_LINE = 600  # longer lines are prose, whatever words they contain


@dataclass(slots=True)
class Block:
    """A line-level unit of the article."""

    kind: str  # heading | bullet | paragraph | qa | furniture | title | header
    start: int
    end: int
    section: str | None = None
    label: tuple[int, int] | None = None  # span of a "Label:" prefix, if any
    body_start: int = 0  # where the prose starts (after the bullet mark or label)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None  # span of a "PLACE, Month D (Outlet) -" prefix
    section_kind: str | None = None  # summary | questions | quotes | section | None
    indent: int = 0  # leading spaces of the line (nested bullets are indented)
    speaker: tuple[int, int] | None = None  # a transcript turn's speaker ("Name, Title: ...")
    speaker_name: str | None = None  # that speaker's full name, as the prose writes it
    host: bool = False  # the turn is the show's host's (no statement of its own)


@dataclass(slots=True)
class Doc:
    text: str
    blocks: list[Block]
    # Results a later stage reuses (e.g. policy mentions for links), keyed by stage.
    cache: dict = field(default_factory=dict)

    def sentence_spans(self):
        """Yield ``(block_index, block, start, end)`` for every prose sentence."""
        for i, block in enumerate(self.blocks):
            if block.kind in ("furniture", "title", "header"):
                continue
            for start, end in block.sentences:
                yield i, block, start, end

    def headers(self):
        """The header blocks (outlet, date, reading time lines) before the body."""
        return [b for b in self.blocks if b.kind == "header"]


def _compile_furniture():
    line_patterns, list_heads, tails = [], [], []
    for entry in vocab.lines("furniture"):
        kind, _, pattern = entry.partition(" ")
        target = {"list": list_heads, "tail": tails}.get(kind, line_patterns)
        target.append(pattern.strip())
    join = lambda ps: re.compile("|".join(f"(?:{p})" for p in ps), re.IGNORECASE) if ps else None  # noqa: E731
    # Anchored patterns are tried at the line start only; the rest are scanned by prefix.
    anchored = [p for p in line_patterns if p.startswith("^")]
    floating = [p for p in line_patterns if not p.startswith("^")]
    lines = (join(anchored), Vocabulary([(None, p) for p in floating], re.IGNORECASE, after="", shared=True)
             if floating else None)
    # How an anchored pattern's match can start (lowered), for a quick test before the regex.
    global _ANCHORED_HEADS, _LIST_HEADS, _TAIL_HEADS
    _ANCHORED_HEADS, _LIST_HEADS, _TAIL_HEADS = _heads(anchored), _heads(list_heads), _heads(tails)
    return lines, join(list_heads), join(tails)


def _heads(patterns: list[str]) -> dict[str, tuple[str, ...]] | None:
    """The lowered prefixes every match (at a line's start) of *patterns* begins with, by
    their first character, for ``str.startswith``; None where one may begin anywhere."""
    heads = set().union(*(prefixes(p, re.IGNORECASE) for p in patterns))
    if "" in heads or not heads:
        return None
    out: dict[str, tuple[str, ...]] = {}
    for h in sorted(heads):
        out[h[0]] = out.get(h[0], ()) + (h,)
    return out


def _may_start(low: str | None, heads: dict[str, tuple[str, ...]] | None) -> bool:
    """Can a pattern with these `_heads` match at the start of the `lowered` line *low*?
    (``low.startswith`` of the heads that share its first character: a tuple of all the
    heads costs a comparison each.)"""
    if low is None or heads is None:
        return True
    first = heads.get(low[:1])
    return first is not None and low.startswith(first)


def _compile_sections():
    """One alternation of the section patterns, a named group each (``k<i>``), and their
    kinds; fullmatch tries the alternatives in order, as a loop over them would. Then
    the quick test before it: the `_heads` a heading starts with and the needles one
    holds where a pattern may start anywhere (None: no quick test)."""
    kinds, alts, starting, anywhere = [], [], [], set()
    for entry in vocab.lines("sections"):
        kind, _, pattern = entry.partition(" ")
        alts.append(f"(?P<k{len(kinds)}>(?:{pattern.strip()})\\s*:?)")
        kinds.append(kind)
        if "" not in prefixes(pattern.strip(), re.IGNORECASE):
            starting.append(pattern.strip())
        elif anywhere is not None:
            found = needles(pattern.strip(), re.IGNORECASE)
            anywhere = anywhere | found if found else None
    heads = _heads(starting) if starting else {}
    quick = (heads, tuple(sorted(anywhere))) if heads is not None and anywhere is not None else None
    return re.compile("|".join(alts), re.IGNORECASE), {f"k{i}": k for i, k in enumerate(kinds)}, quick


_FURNITURE = None
_ANCHORED_HEADS: dict[str, tuple[str, ...]] | None = None
_LIST_HEADS: dict[str, tuple[str, ...]] | None = None
_TAIL_HEADS: dict[str, tuple[str, ...]] | None = None
_SECTIONS = None
MENU_MARKS = "|·›»•"  # the marks of MENU_SEPARATORS


def furniture_patterns():
    """``(line, list_head, tail)`` compiled alternations from furniture.txt."""
    global _FURNITURE
    if _FURNITURE is None:
        _FURNITURE = _compile_furniture()
    return _FURNITURE


def section_kind(line: str, low: str | None | bool = False) -> str | None:
    """The kind of a known section heading (``summary``, ``questions`` ...), else None.
    *low* is the stripped line `lowered`, when the caller has it."""
    global _SECTIONS
    if _SECTIONS is None:
        _SECTIONS = _compile_sections()
    line = line.strip()
    if len(line) > 80 or not line:
        return None
    rx, kinds, quick = _SECTIONS
    if quick is not None:
        low = lowered(line) if low is False else low
        if low is not None and not _may_start(low, quick[0]) and not any(n in low for n in quick[1]):
            return None
    m = rx.fullmatch(line)
    return kinds[m.lastgroup] if m else None


def is_furniture(line: str) -> bool:
    return _is_furniture(line, lowered(line))


def _is_furniture(line: str, low: str | None, floats: bool | None = None) -> bool:
    """`is_furniture`, given *line* `lowered` (None where it cannot be) and whether a
    floating pattern matches in it (None: look)."""
    (anchored, floating), heads, tails = furniture_patterns()
    if len(line) > MAX_FURNITURE_LINE:
        return False
    if anchored is not None and _may_start(low, _ANCHORED_HEADS) and anchored.match(line):
        return True
    if floats is None:
        floats = floating is not None and floating.may_match(line, low) \
            and next(floating.finditer(line), None) is not None
    if floats:
        return True
    if BYLINE.match(line) and len(line.split()) <= 10 and not line.endswith("."):
        return True
    # Menus and breadcrumbs: several short items joined by separators. Without a separator
    # mark or a run of three spaces (a line of printable characters has no other space)
    # the line is one part.
    if " > " in line and all(len(p.split()) <= 4 for p in line.split(" > ")):
        return True  # a breadcrumb: "Home > Press Room > Briefings"
    if "|" not in line and "·" not in line and "›" not in line and "»" not in line and "•" not in line \
            and "   " not in line and line.isprintable():  # no MENU_MARKS: each `in` is a fast scan
        return False
    parts = [p for p in MENU_SEPARATORS.split(line) if p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return True
    if len(parts) >= 2 and BREADCRUMB.search(line) and len(line.split()) <= 8:
        return True
    return False


def is_header(line: str) -> bool:
    """A page-header line that states a date: "Outlet | Tuesday, March 3, 2026 | 5 min read"."""
    m = HEADER_DATE.search(line)
    if not m or len(line.split()) > 16:
        return False
    if HEADER_CUE.search(line) or BYLINE.match(line):
        return True
    # Mostly a date: "April 21, 2026" or "Thursday, April 21, 2026, 8:15 a.m."
    rest = HEADER_NOISE.sub(" ", line[:m.start()] + " " + line[m.end():])
    return len([w for w in rest.split() if any(c.isalnum() for c in w)]) <= 4


def _tiny(line: str) -> bool:
    return line[-1] not in ".!?\"”" and len(line.split(None, 3)) <= 3 and not BULLET.match(line) \
        and section_kind(line, None) is None and not HEADER_DATE.search(line)


def _tiny_heading(line: str) -> bool:
    return line[-1] not in ".!?:" and len(line.split(None, 2)) <= 2 and not BULLET.match(line)


def _menu_runs(lines: list[str]) -> set[int]:
    """Indexes of lines in runs of three or more one-to-three-word lines: menus and
    share bars copied one item per line ("Home", "News", "Markets")."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines + [""]):
        top = len(run) == i  # still in the page's opening run ("Home", "News", "Analysis" ...)
        if line and (_tiny(line) or (top and i < len(lines) and _tiny_heading(line))):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _is_heading(line: str, next_line: str | None) -> bool:
    if len(line) > 70 or not 0 < len(line.split(None, 9)) <= 9:
        return False
    if line[-1] in SENTENCE_END or BULLET.match(line):
        return False
    if not line[0].isupper():
        return False
    return next_line is not None


def _is_title(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 30 or len(line) > 200:
        return False
    if line[-1] in ".!;,:" or BULLET.match(line) or QA.match(line):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'"


def _is_standfirst(line: str, next_line: str) -> bool:
    """A line under the headline with no closing stop, followed by the byline, the date or
    another heading, not by prose."""
    if line[-1] in SENTENCE_END or BULLET.match(line) or QA.match(line) or not 4 <= len(line.split(None, 40)) <= 40:
        return False
    return bool(is_header(next_line) or BYLINE.match(next_line) or BYLINE_IN.match(next_line)
                or _is_heading(next_line, ""))


LONG_PROSE = 25  # words in a line that is an article's paragraph, not a comment form's field


def _is_long_prose(line: str) -> bool:
    return line[-1] in ".!?\"”’'" and len(line.split(None, LONG_PROSE)) > LONG_PROSE


def _prose_follows(nonblank: list[tuple[int, str, str]], idx: int) -> bool:
    """Do two long prose paragraphs in a row follow the line at *idx* (after at most two
    short lines, such as a "Listen" button)? A comments thread puts a name, a time or a
    "Reply" between its comments."""
    ahead = [st for _, _, st in nonblank[idx + 1:idx + 5]]
    for skip in range(3):
        if skip + 1 < len(ahead) and _is_long_prose(ahead[skip]):
            return _is_long_prose(ahead[skip + 1])
        if skip < len(ahead) and len(ahead[skip].split(None, 6)) > 6:
            return False
    return False


def segment(text: str) -> Doc:
    """Split normalised article text into blocks and sentences."""
    blocks: list[Block] = []
    _, list_heads, tails = furniture_patterns()
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1

    section: str | None = None
    kind_of_section: str | None = None
    section_has_items = False
    section_bullets = False  # the current section has real bullet marks
    in_furniture_list = False
    in_tail = False
    seen_prose = False
    seen_title = False
    seen_paragraph = False
    after_byline = False
    nonblank = [(s, l, l.strip()) for s, l in lines if l and not l.isspace()]
    speakers, hosts = _transcript_names([st for _, _, st in nonblank], text) if ": " in text else ({}, frozenset())
    menu = _menu_runs([st for _, _, st in nonblank])
    low_text = lowered(text)  # lowered lines are slices of it (None: lower each line alone)
    stops = stops_of(text)  # for split_sentences: one per document
    (_, floating), _, _ = furniture_patterns()
    spans = []  # each line's span, without its leading and trailing spaces
    for start, line, stripped in nonblank:
        s = start + len(line) - len(line.lstrip())
        spans.append((s, s + len(stripped)))
    # The lines a floating furniture pattern matches in, from one scan of the article:
    # `floating.finditer` of each line alone finds the same (a line is set off by spaces,
    # which the patterns' ``\b`` reads as it reads a string's ends).
    floats = {i for i, _ in floating.in_spans(text, spans)} if floating is not None else set()
    for idx, (start, line, stripped) in enumerate(nonblank):
        s, e = spans[idx]
        next_line = nonblank[idx + 1][2] if idx + 1 < len(nonblank) else None
        if in_tail:
            blocks.append(Block("furniture", s, e, section))
            continue
        low_line = low_text[s:e] if low_text is not None else lowered(stripped)
        if tails is not None and _may_start(low_line, _TAIL_HEADS) and tails.match(stripped):
            # A comments head ends the article, unless it comes before any prose (a share
            # bar's "Comments" tab under the byline) or the article's prose goes on after it.
            in_tail = seen_prose and not _prose_follows(nonblank, idx)
            blocks.append(Block("furniture", s, e, section))
            continue
        if speakers and OPERATOR.match(stripped):
            blocks.append(Block("furniture", s, e, section))  # a transcript's operator
            continue
        known = section_kind(stripped, low_line)
        if in_furniture_list:
            # A "Related:" list of headlines runs until the next prose paragraph
            # (a long line that ends a sentence) or a known heading.
            words = len(stripped.split())
            headline = stripped[-1] not in ".!\"”’'" or words <= 12
            if known is None and (BULLET.match(stripped) or (headline and words <= 30)):
                blocks.append(Block("furniture", s, e, section))
                continue
            in_furniture_list = False
        if list_heads is not None and _may_start(low_line, _LIST_HEADS) and list_heads.fullmatch(stripped):
            in_furniture_list = True
            blocks.append(Block("furniture", s, e, section))
            continue
        if not seen_prose and is_header(stripped):
            blocks.append(Block("header", s, e, None, body_start=s))
            continue
        if not seen_prose and known is None and (
                BYLINE_IN.match(stripped) or (after_byline and CREDIT_NAME.match(stripped))):
            # "Maren Holt in London ..." and an agency line under a byline ("Associated Press").
            blocks.append(Block("furniture", s, e, section))
            after_byline = True
            continue
        after_byline = not seen_prose and bool(BYLINE.match(stripped))
        if stripped.startswith("From ") and POST_CREDIT.match(stripped):
            blocks.append(Block("furniture", s, e, section))  # a live blog post's credit
            continue
        if idx in menu or (known is None and _is_furniture(stripped, low_line, idx in floats)):
            if not seen_prose and len(blocks) == 1 and blocks[0].kind == "title" and BREADCRUMB.search(stripped):
                # The site's name above its breadcrumb ("Ministry of X", "Home > Press Room"):
                # page furniture; the headline comes after.
                blocks[0].kind = "furniture"
                seen_title = False
            blocks.append(Block("furniture", s, e, section))
            continue
        if known is not None:
            section, kind_of_section, section_has_items = stripped.rstrip(" :"), known, False
            section_bullets = False
            blocks.append(Block("heading", s, e, section, body_start=s, sentences=[(s, e)],
                                section_kind=known))
            continue
        if not seen_prose and not seen_title and _is_title(stripped) and next_line is not None:
            seen_title = True
            blocks.append(Block("title", s, e, None, body_start=s))
            continue
        if not seen_prose and next_line is not None and blocks and blocks[-1].kind in ("title", "heading") and \
                _is_standfirst(stripped, next_line):
            # The headline's deck ("Smaller suppliers say stocks will run out"): a headline, no prose.
            blocks.append(Block("title", s, e, None, body_start=s))
            continue
        bullet = BULLET.match(stripped)
        qa = QA.match(stripped)
        listish = False
        if bullet:
            listish = True
            body = s + bullet.end()
            block = Block("bullet", s, e, section, body_start=body, indent=len(line) - len(line.lstrip(" \t")))
            label = LABEL.match(stripped[bullet.end():]) if ":" in stripped else None
            if label:
                block.label = (body, body + len(label.group(1)))
                block.body_start = body + label.end()
        elif qa:
            block = Block("qa", s, e, section, body_start=s + qa.end())
            block.label = (s, s + 1)
        elif _is_heading(stripped, next_line) and not (speakers and _turn(stripped, speakers)) or \
                next_line is not None and next_line.startswith("From ") and stripped[-1] not in ".!" and \
                POST_CREDIT.match(next_line):  # a live blog post's headline, above its credit
            kind = "questions" if QUESTIONS_WORD.search(stripped) else "section"
            section, kind_of_section, section_has_items = stripped, kind, False
            section_bullets = False
            blocks.append(Block("heading", s, e, section, body_start=s, sentences=[(s, e)],
                                section_kind=kind))
            continue
        else:
            block = Block("paragraph", s, e, section, body_start=s)
            if ":" in stripped and COLON_QUOTE.match(stripped):
                # "Name, title: “...”": the label is the speaker; keep it in the sentence.
                listish = True
                colon = stripped.index(":")
                block.label = (s, s + colon)
            elif speakers and ": " in stripped and (turn := _turn(stripped, speakers)):
                # A transcript turn: the label names the speaker (and title); the rest is speech.
                listish = True
                block.label = (s, s + turn.end() - 2)
                block.body_start = s + turn.end()
                block.speaker = (s + turn.start(1), s + turn.end(1))
                if turn.re is TITLED_TURN:  # the name after the title ("SEN. X" -> "X")
                    block.speaker = (s + turn.end(1) - len(_titled(turn.group(1))[1]), s + turn.end(1))
                block.speaker_name = speakers[turn.group(1)]
                block.host = block.speaker_name in hosts
            else:
                label = LABEL.match(stripped) if ":" in stripped else None
                if label and len(label.group(1).split()) <= 6:
                    listish = True
                    block.label = (s, s + len(label.group(1)))
                    block.body_start = s + label.end()
            if not seen_paragraph and not listish:
                seen_paragraph = True
                dl = DATELINE.match(stripped)
                if dl and (dl.group("date") or dl.group("outlet") or dl.group("place").isupper()):
                    block.dateline = (s, s + len(dl.group(0).rstrip(" -–—")))
                    block.body_start = s + dl.end()
        if block.kind == "bullet":
            section_bullets = True
        first = None  # the block's sentences, when already split below
        if block.kind == "paragraph" and not listish and not section_bullets \
                and kind_of_section in ("summary", "questions", "quotes"):
            # Items of a list whose bullet marks were lost in copying: short lines in a
            # summary, lines that open with a question in a questions section.
            first = split_sentences(text, block.body_start, e, stops)
            if kind_of_section == "summary":
                listish = len(first) <= 2 and len(stripped.split()) <= 35
            elif kind_of_section == "questions":
                listish = bool(first) and text[first[0][0]:first[0][1]].rstrip("\"”’')").endswith("?")
        if section is not None:
            if listish:
                section_has_items = True
            elif section_has_items and block.kind == "paragraph":
                # Prose after a bullet list is the article again, not the list.
                section, kind_of_section, section_has_items = None, None, False
                block.section = None
        block.section_kind = kind_of_section if block.section else None
        seen_prose = True
        block.sentences = split_sentences(text, block.body_start, e, stops) if first is None else first
        blocks.append(block)
    return Doc(text, blocks)


# --- sentences ------------------------------------------------------------------

# A sentence end (group 1) and the space after it. Tried only where a run of stops
# starts: inside a run it could end only where the whole run ends, and a run of a
# million "?" would be read a million times.
_END = re.compile(r"([.?!…](?<![.?!…].)[.?!…]*[\"”’')\]]*)(?:\s+|$)")  # checked after the first stop: `re` then skips to stops
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in vocab.lines("abbreviations"))


_ABBR: frozenset[str] | None = None
# Abbreviations that can end a sentence, and the words that open the next one.
FINAL_ABBR = frozenset("u.s. u.k. u.n. e.u. inc. corp. co. ltd. jr. sr. etc. a.m. p.m. bros.".split())
STARTERS = frozenset(
    "The A An It Its He She They We I This That These Those But And Yet So In On At For As If When While "
    "After Before Since Some Many Most Officials Analysts Critics Asked Still However Meanwhile".split()
)
_WORD = re.compile(r"[A-Za-z]+")


def _next_word(chunk: str, pos: int, end: int | None = None) -> str:
    m = _WORD.match(chunk, pos, len(chunk) if end is None else end)
    return m.group() if m else ""


# `_END` read on text whose stops are all "." (`stops_of`): a pattern that starts with a
# literal is scanned for it quickly, where `_END`'s class is tried at every character.
_END_DOT = re.compile(r"(\.(?<!\.\.)\.*[\"”’')\]]*)(?:\s+|$)")


def stops_of(text: str) -> str:
    """*text* with every stop ("?", "!", "…") written "." (same length, same offsets)."""
    return text.replace("?", ".").replace("!", ".").replace("…", ".")


def split_sentences(text: str, start: int, end: int, stops: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, trimmed of whitespace. *stops* is
    ``stops_of(text)`` when the caller has it (one per document, not one per line)."""
    global _ABBR
    if _ABBR is None:
        _ABBR = _abbreviations()
    out: list[tuple[int, int]] = []
    off = 0  # stops[i - off] is text[i]'s stop-read character
    if stops is None or (start > 0 and stops[start - 1] == "."):
        # A stop just before *start* would be seen by _END_DOT's lookbehind: read the
        # span alone, as `_END` on ``text[start:end]`` does.
        stops, off = stops_of(text[start:end]), start
    s = start
    for m in _END_DOT.finditer(stops, start - off, end - off):
        stop = m.start() + off
        e = m.end(1) + off
        # The next non-space character (matched, not sliced: slicing the rest
        # of a 1 MB line at every full stop would be quadratic).
        r = m.end() + off
        nxt = text[r] if r < end else ""
        if e - stop == 1 and text[stop] == ".":  # `_END`'s group 1 is "."
            # The word that ends with this full stop.
            word_start = max(text.rfind(" ", s, stop) + 1, s)
            word = text[word_start:stop + 1].lstrip("\"“‘'(")
            low = word.lower()
            if (low in _ABBR and not (low == "no." and not nxt.isdigit())) or _INITIALS.fullmatch(word):
                # "U.S. officials" continues; "in the U.S. The ministry" ends: the
                # abbreviation often ends sentences and a sentence-opening word follows.
                if not nxt or not nxt.isupper():
                    continue
                if low in _ABBR and not (low in FINAL_ABBR and _next_word(text, r, end) in STARTERS):
                    continue
        if nxt and nxt.islower():
            continue
        out.append((s, e))
        s = r
    if s < end:
        rest = text[s:end]
        if rest.strip():
            out.append((s, s + len(rest.rstrip())))
    pieces = []
    for a, b in out:
        if b - a > MAX_SENTENCE:
            pieces.extend(cap(text, a, b))
        elif b > a:
            pieces.append((a, b))
    return pieces


# No news sentence runs to this many characters. Longer runs (a 1 MB line with
# no full stop, thousands of quotation marks) are cut into pieces of at most
# this size, at a space where there is one, so the later stages, which look
# back and forth within a sentence, stay linear in the length of the article.
MAX_SENTENCE = 1000


def cap(text: str, a: int, b: int):
    """``(a, b)`` cut into pieces of at most `MAX_SENTENCE` characters."""
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = a + MAX_SENTENCE if cut <= a else cut
        end = cut
        while end > a and text[end - 1].isspace():
            end -= 1
        if end > a:
            yield a, end
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        yield a, b
