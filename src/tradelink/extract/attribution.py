"""Stage: attribution. Who said what, in direct and reported speech.

For each paragraph the stage

1. finds the quotations (straight, curly and single marks; an apostrophe
   inside a word is not a mark; an unclosed quote ends with its paragraph);
2. splits the paragraph into sentences with the quotations kept whole;
3. finds the reporting frames in each sentence, outside the quotations:
   a reporting verb (``reporting_verbs.txt``), "according to", or a colon
   before a quotation;
4. finds each frame's speaker: the subject before the verb (across
   appositions, "X, the head of Y, said"), the name after it ("..., said X"),
   a pronoun or "the company" resolved to an earlier actor, or an anonymous
   source kept as a descriptor;
5. finds each frame's words: a quotation next to it or inside its clause
   (direct), else the clause it reports (indirect).

A quotation that opens a paragraph with no frame of its own continues the
previous speaker; answers in a Q&A block belong to the interviewee.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from tradelink import vocab
from tradelink.models import Actor, Span, Statement, TimeExpression, validate_list

from . import entities
from .fastre import _trie_regex
from .segment import MAX_SENTENCE as SEGMENT_MAX_SENTENCE, cap

OPEN_D, CLOSE_D = "“", "”"
OPEN_S, CLOSE_S = "‘", "’"


@dataclass(slots=True)
class Quote:
    start: int  # inner span, without marks
    end: int
    open: int  # position of the opening mark
    close: int  # position after the closing mark (or the paragraph end)
    closed: bool = True

    def words(self, text: str, upto: int = -1) -> int:
        """How many words it holds; with *upto*, counted up to ``upto + 1`` at most."""
        return len(text[self.start:self.end].split(None, upto))


MARKS = re.compile(r"[“”\"‘’']")
MARK_CHARS = "“”\"‘’'"


def _marks(text: str, start: int, end: int) -> list[int]:
    """The places of MARKS' matches in ``text[start:end]``, in order: one `str.find`
    scan per mark (a regex scan tests a class at every character)."""
    out: list[int] = []
    for ch in MARK_CHARS:
        i = text.find(ch, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1, end)
    out.sort()
    return out


def find_quotes(text: str, start: int, end: int, marks: list[int] | None = None) -> list[Quote]:
    """Quotations in ``text[start:end]`` (one paragraph). *marks*: ``_marks(text, 0, len(text))``,
    found once for every paragraph of a text."""
    out: list[Quote] = []
    kind = None  # "d" or "s" while inside a quotation
    q_open = 0
    if marks is None:
        marks = _marks(text, start, end)
    else:
        marks = marks[bisect.bisect_left(marks, start):bisect.bisect_left(marks, end)]
    for i in marks:
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if kind is None:
            if ch == OPEN_D or (ch == '"' and not prev.isalnum()):
                kind, q_open = "d", i
            elif ch == OPEN_S and not prev.isalnum():
                kind, q_open = "s", i
            elif ch == "'" and not prev.isalnum() and (nxt.isalnum()):
                kind, q_open = "s", i
        elif kind == "d":
            if ch == CLOSE_D or ch == '"':
                out.append(Quote(q_open + 1, i, q_open, i + 1))
                kind = None
            elif ch == OPEN_D:
                q_open = i  # an unclosed quotation: start again here
        elif kind == "s":
            if ch in (CLOSE_S, "'") and not nxt.isalpha() and prev not in " \n":
                out.append(Quote(q_open + 1, i, q_open, i + 1))
                kind = None
            elif ch == OPEN_D or ch == OPEN_S:
                q_open = i
                kind = "d" if ch == OPEN_D else "s"
    if kind is not None:
        out.append(Quote(q_open + 1, end, q_open, end, closed=False))
    for q in out:
        while q.start < q.end and text[q.start].isspace():
            q.start += 1
        while q.end > q.start and text[q.end - 1] in " \n,;:":
            q.end -= 1
    return [q for q in out if q.end > q.start]


# --- vocabulary ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cues:
    verb_rx: re.Pattern[str]
    frames: dict[str, str]
    hedge_rx: re.Pattern[str]
    hedges: tuple[str, ...] = ()  # lower-cased, for a substring test before hedge_rx; empty: no test
    verb_at: re.Pattern[str] | None = None  # verb_rx without its look-behind, for `match` at a start
    verb_starts: re.Pattern[str] | None = None  # the character before each place verb_at matches, with its match
    verb_first: frozenset[str] = frozenset()  # the first characters of verb_at's matches


NOUNISH = frozenset({"report", "reports", "claim", "claims", "fear", "fears", "notes", "calls", "warning",
                     "estimates", "worry", "worries", "expect", "report"})
PARTICIPLES = {"adding": "added", "arguing": "argued", "warning": "warned", "saying": "said", "noting": "noted"}


@functools.cache
def cues() -> Cues:
    frames = {}
    for line in vocab.lines("reporting_verbs"):
        form, _, frame = line.rpartition(" ")
        frames[form.strip()] = frame.strip()
    # Trie-shaped alternations: one attempt per position instead of one per word.
    forms = set(frames) | {"according to", "According to", "as per", "As per", "Per"}
    verb_trie = _trie_regex(forms)
    verb_rx = re.compile(r"(?<![\w’'-])(?:" + verb_trie + r")(?![\w-])")
    hedges = {h.lower() for h in vocab.lines("hedges")}
    hedge_rx = re.compile(r"(?<![\w-])(?:" + _trie_regex(hedges) + r")(?![\w-])", re.IGNORECASE)
    ascii_only = all(h.isascii() for h in hedges)  # what the substring test in _hedge is exact for
    words = tuple(sorted(hedges)) if ascii_only else ()
    verb_at = re.compile(r"(?:" + verb_trie + r")(?![\w-])")
    # `re` tries verb_rx's look-behind at every character (a Unicode table look-up each);
    # a class of ASCII ranges before a look-ahead is a bitmap test (see `_verbs`). The
    # look-ahead is verb_at, its match group 1: no second attempt at each place.
    verb_starts = re.compile(r"[^A-Za-z0-9_’'\-](?=(" + verb_trie + r")(?![\w-]))")
    return Cues(verb_rx, frames, hedge_rx, words, verb_at, verb_starts, frozenset(f[0] for f in forms))


def _verbs(c: Cues, s: str) -> list[tuple[int, int, str]]:
    """The (start, end, text) of ``c.verb_rx.finditer(s)``'s matches: the places after a
    character that is no word character, ’, ' or - (a non-ASCII letter the class lets
    through is skipped), where verb_at matches, each after the end of the last match."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    m = c.verb_at.match(s) if s[:1] in c.verb_first else None
    if m is not None:
        out.append((0, m.end(), m.group()))
        pos = m.end()
    for d in c.verb_starts.finditer(s):
        at = d.end()
        if at < pos or (ch := s[at - 1]) >= "\x80" and (ch.isalnum() or ch == "_"):
            continue
        pos = d.end(1)
        out.append((at, pos, d.group(1)))
    return out


ADVERBIAL = re.compile(
    r"^(?:\s*(?:,\s*)?(?:earlier|later|separately|also|again|"
    r"publicly|privately|repeatedly|previously|recently|further|then|today|yesterday|directly|"
    r"in a (?:joint )?(?:statement|letter|notice|interview|post|filing|note|report|briefing)[^,.;]*?|"
    r"at a (?:news conference|briefing|press conference|hearing|meeting|ceremony|summit|event)[^,.;]*?|"
    r"in an interview[^,.;]*?|(?:on|last|this|next|over the) ?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|weekend|month|year|morning|afternoon|evening|night)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|on\s+[A-Z][a-z]+\s+\d{1,2}|in\s+[A-Z][a-z]+|"
    r"(?:late|early)\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last week))"
    r"(?=[\s,.;]|$))+"
)
GAP_ADVERBS = re.compile(
    r"^(?:\s*(?:also|later|previously|separately|then|has|have|had|would|will|again|further|reportedly|"
    r"allegedly|apparently|still|already|publicly|privately|repeatedly|recently|itself|himself|herself|"
    r"themselves|on \w+|last \w+|this \w+|in a (?:joint )?statement|in a letter|however|too|once)\b\s*,?)*\s*$"
)
NEGATION_WORDS = ("not", "n't", "n’t", "never", "declined to", "refused to", "no longer")  # one is in every match
NEGATION_WORD = re.compile(_trie_regex(set(NEGATION_WORDS)))  # finds one of them: one scan, one attempt per place
NEGATION = re.compile(r"(?:\bnot|n['’]t|\bnever|\bdeclined to|\brefused to|\bwould not|\bno longer)\s+(?:\w+\s+)?$")
PREPOSITION = re.compile(r"(?:\b(?:of|for|at|with|to|from|by|in|on|beside|against|than|about|into|over|"
                         r"under|between|among|like|including|as|toward|towards|via|per|and)\s+)$", re.IGNORECASE)


PREPOSITIONS = frozenset(PREPOSITION.pattern.split("(?:")[2].split(")")[0].split("|"))  # PREPOSITION's words


def _ends_with_preposition(s: str) -> bool:
    """``PREPOSITION.search(s) is not None``, reading only the end of *s*: a match is one
    of its words (at most 9 letters) followed by the trailing spaces. When the last 10
    characters before the spaces are ASCII, it is the last run of word characters there,
    whole, in any case: no regex."""
    if not s[-1:].isspace():
        return False
    r = s.rstrip()
    tail = r[-10:]
    if not tail.isascii():
        return PREPOSITION.search(s, max(0, len(r) - 12)) is not None
    i = len(tail)
    while i and (tail[i - 1].isalnum() or tail[i - 1] == "_"):
        i -= 1
    return (i > 0 or len(r) < 10) and tail[i:].lower() in PREPOSITIONS


ANON_HEAD = r"(?:official|officials|person|people|source|sources|executive|executives|diplomat|diplomats|" \
            r"trader|traders|banker|bankers|insider|insiders|aide|aides|adviser|advisers|lawyer|" \
            r"employee|employees|staffer|manager|managers|analyst|regulator|officer|officers|buyer|buyers|chief|" \
            r"consultant|consultants|engineer|engineers|technician|technicians|(?:producer|consumer)(?!\s+sources?\b)|(?:industry|mining|market|trade|business) figure)"  # not "a producer source"
ANON_WORDS = ("official", "person", "people", "source", "executive", "diplomat", "trader", "banker", "insider",
              "aide", "adviser", "lawyer", "employee", "staffer", "manager", "analyst", "regulator", "officer",
              "chief", "consultant", "engineer", "technician", "buyer", "producer", "consumer", " figure", "staff")
ANON = re.compile(
    r"(?<![\w-])(?:(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Tt]he)\s+(?:(?!(?:that|which|who)\s)[\w.\-’']+\s+){0,3}?"
    + ANON_HEAD + r"|(?:[Pp]eople|[Ss]ources|[Oo]fficials|[Ee]xecutives|[Dd]iplomats|[Tt]raders|[Bb]ankers)"
    r"(?=\s+(?:familiar|close|briefed|aware of|with knowledge|who asked|who spoke|who declined|who requested|"
    r"speaking on condition))|[Ss]taff(?=\s+(?:at|from|of)\s))\b(?:\s+surnamed\s+[A-Z][a-z]+(?:-[a-z]+)?\b)?(?:,?\s+(?:who|familiar|close|briefed|aware of|involved|with knowledge|speaking|"
    r"not authori[sz]ed)\b"
    r"[^,.;:]*?(?=,|\s+(?:said|says|say|told|tells|tell|added|confirmed|warned)\b|[.;]|$)| (?:in|at|from|for|of|with) [^,.;]*?"
    r"(?=,|\s+(?:said|says|say|told|tells|tell|added|confirmed|warned)\b|[.;]|$))?"
)
AS_BEFORE = re.compile(r"\bas\s+$")  # "quoted X as saying"
ADD_VERBS = ("added", "adds", "adding", "add")
# "added two firms to its entity list": the verb moves things, it reports no words.
ADDED_TO_LIST = re.compile(r"\s*(?:(?!(?:that|would|will|is|are|was|were|had|has|have|could|can|may|might|should)\b)"
                           r"[\w’'-]+\s+){1,6}?to\s+(?:(?:the|its|their|his|her|a|an)\s+(?:[\w’'-]+\s+){0,3}?"
                           r"(?i:list|lists|blacklist|register|roster|portfolio|tally|stockpile)|"
                           r"(?:[\w-]+\s+){0,2}(?i:list|blacklist))\b")  # "Entity List"; a headline
# drops the determiner: "Peru adds cathodes to export control list"
# "warn of shortages": a topic, no words; but "said about 15 percent of ..." is a figure.
TOPIC_ONLY = re.compile(r"\s*(?:of|about(?!\s+(?:[\d$€£¥]|(?:half|twice|a (?:third|quarter|fifth|tenth|dozen)|"
                        r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\b)))\s")
AND_BEFORE = re.compile(r"[\s”\"’']and\s+$")  # "saying X and warning that Y"
BY_BEFORE = re.compile(r"(?:\bby|,)\s*$")  # "opened by calling X '...'"
COMMA_THE_BEFORE = re.compile(r",\s*(?:the\s+)?$")
NP_END = re.compile(r"\s*(?:[,.;:!?\"”’']|$)")
# Nothing but a time after a closing verb: "..., the company said (on Monday)."
CLOSING_TAIL = re.compile(r"(?:\s+(?:on|late|early|last|this|in)\s+\w+(?:\s+\w+)?)?\s*[.;!]?[”\"’']?\s*")
# What may stand between a reporting verb and "that": an addressee, a time, a place.
_NV = r"(?!(?:would|will|could|can|should|may|might|must|was|were|is|are|had|has|have|did|does)\b)"
_NOT_VERB = r"(?![\w-]+(?:ly|ed)\s)"  # "said the list mainly codified controls that ...": a clause, no addressee
# "thinks that will not suffice": a "that" before a verb is the clause's subject, not "that".
THAT_NOT_PRONOUN = r"(?!(?:will|would|is|was|has|had|could|can|should|may|might|must|does|did|won['’]t|isn['’]t)\b)"
THAT_CLAUSE = re.compile(
    r"\s*(?:,\s*citing[^,]*,\s*)?(?:(?:the\s+)?(?:[A-Z][\w.’'-]*\s+)+|(?:the\s+)?[a-z]+\s+|"
    r"(?:in|with|to|on|at|from|for)\s+(?:" + _NV + r"[\w&.’'-]+\s+){1,8}?|"
    r"(?:a|an|the)\s+" + _NV + r"[\w-]+\s+(?:" + _NV + _NOT_VERB + r"[\w-]+\s+){0,3}?|[a-z]+ed\s+(?:" + _NV + r"[\w-]+\s+){0,4}?|"
    r"(?:on|last|in|at|over)\s+[\w\s]{1,25}?\s+)?that\s+" + THAT_NOT_PRONOUN)
GOV_WORDS = re.compile(r"\b(?:Ministry|Department|Administration|Agency|Bureau|Commission|Authority|Office|"
                       r"Embassy|Council|Government|Parliament|Congress|Senate|ministry|department|embassy|"
                       r"government|regulator|customs)\b")
# Who a "told" addresses when no medium carries the words: "told reporters", "told a regular news briefing".
AUDIENCE = re.compile(
    r"\s*(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:news|press|media)\s+(?:briefing|conference)s?|"
    r"(?:a|the|this|my|our)\s+(?:[a-z-]+\s+)?(?:briefing|hearing|conference|summit|forum|meeting|panel|committee|"
    r"subcommittee|audience|gathering|office)|(?:us|me|him|them)(?=\s)|"
    r"(?:[a-z-]+\s+)?(?:reporters|journalists|investors|lawmakers|legislators|senators|analysts|shareholders|"
    r"employees|staff|customers|clients|delegates|students|attendees|regulators|officials|parliament|Congress|"
    r"the\s+(?:House|Senate|committee|panel|parliament)))"
    r"(?:\s+(?:aboard|during)\s+[^,.;]*?(?=\s*(?:[,.;]|$|that\b)))?(?![\w-])")
ANONYMITY = re.compile(r"anonymity|not to be (?:named|identified)|not authori[sz]ed|declined to be named")
# The patterns below that start at a word read its first letter before looking behind it
# ("[Tt](?<![\w-].)" for "(?<![\w-])[Tt]"): a leading character class lets `re` skip
# to the places where that letter stands instead of trying the look-behind everywhere.
SPOKES = re.compile(r"[AaTt](?<![\w-].)(?:(?<=[Aa])n?|(?<=[Tt])he)\s+(?:(?P<pre>[A-Z][\w.’'\- ]*?)\s+|(?P<gov>government)\s+|"
                    r"(?P<body>ministry|department|embassy|agency|commission|regulator|company)\s+)?(?:spokesman|spokeswoman|spokesperson|"
                    r"representative)(?:\s+for\s+(?P<post>(?:the\s+)?[^,.;]*?))?(?=,|\s+(?:(?:later|also|earlier|separately|again|"
                    r"previously|then)\s+)?(?:said|told|says|[a-z]+ed)\b|[.;]|$)")
OFFICE_HOLDER = re.compile(r"(?:the\s+)?(minister|secretary|senator|governor|premier|president|chancellor|"
                           r"commissioner|mayor|ambassador|congressman|congresswoman)\s*")
DESCRIPTOR_NOUNS = ("company", "firm", "group", "ministry", "department", "regulator", "agency", "embassy", "commission",
                    "bank", "government", "administration", "office", "official", "source", "person", "exporter",
                    "producer", "miner", "maker", "carmaker", "chipmaker", "designer", "lender", "buyer", "seller",
                    "venture", "consortium", "bloc", "committee", "developer", "operator", "builder", "refiner", "smelter",
                    "manufacturer", "supplier", "utility", "insurer", "owner",
                    "Company", "Group",  # a press release's defined terms: "the Company"
                    "Embassy", "Consulate", "Ministry", "Department", "Agency", "Commission", "Committee", "Bureau",
                    "Administration")  # "The Embassy said": the one named before
# "The Ministry of X" is a name, not a descriptor.
DESCRIPTOR = re.compile(r"[TtIi](?<![\w-].)(?:(?<=[Tt])he|(?<=[Ii])ts)\s+(?P<noun>" + "|".join(DESCRIPTOR_NOUNS) + r")(?![\w-])(?! of\b)")
UNNAMED_ROLE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*(?:\s+(?:of|at|for|in|with)\s+[^,.;]{1,60}?)?"
    r"(?=,\s+who\s+[^.;]{0,60}?(?:anonymity|not to be (?:named|identified)|not authori[sz]ed|declined to be named))")
ONE_OF = re.compile(r"[OoTtBbAa](?<![\w-].)(?:(?:(?<=[Oo])ne|(?<=[Tt])wo|(?<=[Bb])oth|(?<=[Aa])nother) of "
                    r"(?:them|those|the (?:people|sources|officials))\b|(?:(?<=O)ne|(?<=A)nother)(?=\s+(?:said|told|added)\b))")
UNNAMED_SOURCES = re.compile(r"(?:(?:some|several|two|three|four|many|other)\s+)?(?:[a-z][\w-]*\s+){0,2}"
                             r"(?:sources|insiders|people|officials|executives|diplomats|traders)")
COUNTED = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s", re.IGNORECASE)
RESEARCHERS = re.compile(r"(?:^|\s)(?:analysts|economists|strategists|researchers)$", re.IGNORECASE)
PRONOUN = re.compile(r"[HhSsIiTtOo](?<![\w-].)(?:(?<=[Hh])e|(?<=[Ss])he|(?<=[Ii])t|(?<=[Tt])hey|(?<=[Oo])thers)(?![\w’'-])")
DOC_NOUNS = r"(?:note|report|draft|memo|letter|filing|document|statement|study|paper|proposal|presentation|complaint|" \
    r"lawsuit|suit|petition)"
# A court filing goes by each of these names in one story: "the complaint" and "the suit" are one document.
LEGAL_DOCS = ("complaint", "lawsuit", "suit", "petition")
# A document the sentence opens in: "In a complaint filed Monday in ..., X says ...".
OPENING_DOC = re.compile(r"In\s+(?:a|an|its|their|his|her)\s+(?:[a-z-]+\s+){0,2}?(?P<doc>" + DOC_NOUNS + r")\b")
# A document named again: "the note said", "The draft says".
DOCUMENT = re.compile(r"[Tt](?<![\w-].)he\s+(?:[a-z-]+\s+)?(?P<doc>" + DOC_NOUNS + r")\b")
# A document said in or with: "said in a research note that", "wrote in a letter to ...".
IN_DOCUMENT = re.compile(r"\s+(?:on \w+\s+)?in\s+(?:a|an|its|their|his|her)\s+(?:[a-z-]+\s+){0,2}?(?P<doc>"
                         + DOC_NOUNS + r")\b")
# An owner-less document: "a draft", "an internal memo", "a document".
DOC_HEAD = re.compile(r"(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(?P<doc>" + DOC_NOUNS + r")|"
                      # "according to its work programme": the subject's own document
                      r"(?:its|their)\s+(?:[a-z-]+\s+){0,2}?(?P<own>" + DOC_NOUNS[3:-1] + r"|programme|program|website)")
# A document released with its findings: "released a staff report finding that ...".
RELEASED_DOC = re.compile(r"\b(?:released|published|issued|produced|put out)\s+(?:a|an|its|their)\s+(?:[a-z-]+\s+){0,2}?"
                          r"(?P<doc>" + DOC_NOUNS + r")\s+$")
LOWER_WORD = re.compile(r"\s+[a-z]")
SOURCE_NOUNS = r"(?:data|figures|statistics|notice|statement|fact sheet|report|documents?|filings?|records|estimates|survey|letter|release|analysis)"


@dataclass(slots=True)
class Speaker:
    name: str | None
    type: str | None
    start: int
    end: int
    descriptor: str | None = None
    joint: list[tuple[str, str]] = field(default_factory=list)  # more (name, type)


@dataclass(slots=True)
class Frame:
    vstart: int
    vend: int
    verb: str
    kind: str  # say | judge | fear | according | colon
    speaker: Speaker | None = None
    inverted: bool = False
    quote: Quote | None = None
    content: tuple[int, int] | None = None
    medium: str | None = None  # an outlet that "quoted X as saying"
    passive: bool = False  # "had been warned by X that": X's words, even inside another's report


class Discourse:
    """What earlier sentences said: for pronouns and "the company"."""

    def __init__(self):
        self.subjects: list[str] = []  # recent subject persons, latest last
        self.gender: dict[str, str] = {}
        self.last_thing: tuple[str, str] | None = None  # (name, type) of an org/government subject
        self.last_anon: str | None = None
        self.last_group: tuple[str, str] | None = None
        self.documents: dict[str, tuple[str, str]] = {}  # "note" -> its author, from "said in a note"
        self.anon_person: str | None = None  # an unnamed person just quoted: "he" is them
        # What "he" and "she" resolve to until the subjects or a gender change. A gender,
        # once known, stays; so the answer for a pronoun is the latest subject of its
        # gender or of none, and asking again (which learns nothing new) gives it again.
        self._pronouns: dict[str, str | None] = {}

    def person(self, name: str) -> None:
        self.anon_person = None
        if name in self.subjects:
            self.subjects.remove(name)
        self.subjects.append(name)
        self._pronouns.clear()

    def learn_gender(self, name: str, g: str) -> None:
        """"X said he ...": X is a "he", unless already known otherwise."""
        if name not in self.gender:
            self.gender[name] = g
            self._pronouns.clear()

    def pronoun(self, word: str) -> str | None:
        g = "he" if word.lower() == "he" else "she"
        if g in self._pronouns:
            return self._pronouns[g]
        found = None
        for name in reversed(self.subjects):
            if self.gender.get(name, g) == g:
                self.gender[name] = g
                found = name
                break
        self._pronouns[g] = found
        return found


LOOKBACK = 400  # mentions searched back for "the company" and the like
_START, _END = operator.itemgetter(0), operator.itemgetter(1)


class Index:
    """Actor mentions by position."""

    def __init__(self, actors: list[Actor]):
        rows = [(m.start, m.end, a) for a in actors for m in a.mentions]
        # By start, the longer first, else in the order given: two stable sorts on C keys
        # (the later sort decides; reverse=True keeps equal keys' order).
        rows.sort(key=_END, reverse=True)
        rows.sort(key=_START)
        self.rows = rows
        self.starts = list(map(_START, rows))
        self.media = [r for r in rows if r[2].type == "media"]  # most texts name no outlet
        self.media_starts = list(map(_START, self.media))
        self.by_name = {a.name: a for a in actors}
        self.new_speakers: list[Speaker] = []  # speakers that are not yet actors

    def first_within(self, s: int, e: int):
        """The first row of `within`, or None."""
        i = bisect.bisect_left(self.starts, s)
        rows = self.rows
        while i < len(rows) and rows[i][0] < e:
            if rows[i][1] <= e:
                return rows[i]
            i += 1
        return None

    def within(self, s: int, e: int) -> list[tuple[int, int, Actor]]:
        """Mentions wholly inside ``[s, e)``, in order."""
        i = bisect.bisect_left(self.starts, s)
        j = bisect.bisect_left(self.starts, e, i)
        return [r for r in self.rows[i:j] if r[1] <= e]

    def end_over(self, s: int, e: int) -> int:
        """The end of the furthest mention that starts inside ``[s, e)``, at least ``e``."""
        i = bisect.bisect_left(self.starts, s)
        rows = self.rows
        while i < len(rows) and rows[i][0] < e:
            if rows[i][1] > e:
                e = rows[i][1]
            i += 1
        return e

    def at(self, s: int):
        i = bisect.bisect_left(self.starts, s)
        if i < len(self.rows) and self.rows[i][0] == s:
            return self.rows[i]
        return None

    def last_with_role(self, pos: int, word: str):
        i = bisect.bisect_left(self.starts, pos) - 1
        stop = max(-1, i - LOOKBACK)
        while i > stop:
            s, e, a = self.rows[i]
            if a.type == "person" and any(word in r.title.lower() for r in a.roles):
                return a
            i -= 1
        return None

    def last_before(self, pos: int, types: tuple[str, ...], word: str | None = None):
        i = bisect.bisect_left(self.starts, pos) - 1
        stop = max(-1, i - LOOKBACK)
        while i > stop:
            s, e, a = self.rows[i]
            if e <= pos and a.type in types and (word is None or word in a.name.lower()):
                return a
            i -= 1
        return None


# --- sentences with whole quotations ------------------------------------------------

ABBREV_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Capt|St|Jr|Sr|Inc|Corp|Co|Ltd|Sdn|Bhd|Pte|Pty|No|vs|Prof|"
                        r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.)$")


ABBREVIATIONS = frozenset(ABBREV_END.pattern.split("(?:")[3].split(")")[0].split("|"))  # ABBREV_END's words


def _may_be_abbreviation(text: str, i: int) -> bool:
    """Can ABBREV_END match before the stop at *i*? The letters before it (at most 9 read)
    are one of its words or, in "U.S.", one capital after a stop."""
    k = i
    while k > i - 9 and k and text[k - 1].isalpha():
        k -= 1
    return text[k:i] in ABBREVIATIONS or k == i - 1 and text[k] < "[" and text[k - 1:k] == "."


def sentences(text: str, s: int, e: int, quotes: list[Quote], ends: Ends | None = None) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph; a quotation never straddles two of them,
    except when the attribution splits it. *ends*: `text_ends(text)`, found once for
    every paragraph of a text."""
    out, cur = [], s
    # Candidate ends: a full stop, question or exclamation mark before a space
    # and a capital or an opening mark; or a quotation that ends with one.
    qi, inside = 0, [(q.open, q.close) for q in quotes]
    for i, m_end in _sentence_ends(text, s, e) if ends is None else ends.within(s, e):
        while qi < len(inside) and inside[qi][1] <= i:
            qi += 1
        if qi < len(inside) and inside[qi][0] <= i < inside[qi][1]:
            qo, qe = inside[qi]
            # Inside a quotation: only its own final stop ends the sentence.
            if m_end != qe + 1 or text[i:qe].rstrip("”\"’' ")[-1:] not in (".", "?", "!"):
                continue
            if not (text[qe + 1:qe + 2].isupper() or text[qe + 1:qe + 2] in "“\"‘'"):
                continue
            out.append((cur, qe))
            cur = qe + 1
            continue
        if text[i] == "." and _may_be_abbreviation(text, i) and ABBREV_END.search(text, max(s, i - 8), i + 1):
            continue
        out.append((cur, i + 1))
        cur = i + 2
    if cur < e and text[cur:e].strip():
        out.append((cur, e))
    # Bounded, as the segmenter's are: speaker search looks back within one.
    return [piece for a, b in out if b > a
            for piece in (((a, b),) if b - a <= SEGMENT_MAX_SENTENCE else cap(text, a, b))]


# A stop (possibly before closing marks) followed by a space and a capital or an opening mark.
SENT_END = re.compile(r"[.?!][”\"’']* (?=[" + entities.UPPER + r"“\"‘'])")
# SENT_END for each stop: a pattern that starts with a literal is scanned for it quickly.
SENT_ENDS = {stop: re.compile(re.escape(stop) + SENT_END.pattern[5:]) for stop in ".?!"}


def _sentence_ends(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The (start, end) of SENT_END's matches in ``text[s:e]``, in order. A match holds
    one stop, at its start, so no two overlap: the matches of the three stops' patterns
    together are SENT_END's."""
    out = [m.span() for m in SENT_ENDS["."].finditer(text, s, e)]
    more = [m.span() for stop in "?!" if text.find(stop, s, e) >= 0 for m in SENT_ENDS[stop].finditer(text, s, e)]
    if more:
        out.extend(more)
        out.sort()
    return out


class Ends(NamedTuple):
    """SENT_END's matches in a whole text, as (start, end), and their starts."""

    spans: list[tuple[int, int]]
    starts: list[int]

    def within(self, s: int, e: int) -> list[tuple[int, int]]:
        """``_sentence_ends(text, s, e)``: the matches that start at ``s`` or later and whose
        look-ahead reads a character before ``e``. A match holds one stop, at its start, and
        no other (marks and a space), so none starts inside another: scanning from ``s``
        finds the same ones."""
        i = bisect.bisect_left(self.starts, s)
        j = bisect.bisect_left(self.starts, e, i)
        return [m for m in self.spans[i:j] if m[1] < e]


def text_ends(text: str) -> Ends:
    spans = _sentence_ends(text, 0, len(text))
    return Ends(spans, [m[0] for m in spans])


# --- the stage -----------------------------------------------------------------------


def find(doc, actors=(), times=(), *context) -> list[Statement]:
    text = doc.text
    actors = list(actors) if not isinstance(actors, list) else actors
    index = Index(actors)
    state = Discourse()
    out: list[Said] = []
    prev_block_direct: Said | None = None
    interviewee: tuple[str, str] | None = None
    medium_near: str | None = None
    spoken = any(w in text for w in SPOKE_WORDS)  # most articles have none
    marks = _marks(text, 0, len(text))  # the quotation marks of every paragraph
    ends = text_ends(text)  # and the places where their sentences may end
    turn: str | None = None  # the speaker of the transcript turn just read, while it may run on
    joined: set[int] = set()  # quotation paragraphs read with the "X said:" paragraph before them
    answers = any(b.kind == "qa" and text[b.start] == "A" for b in doc.blocks)  # a Q&A transcript
    answered = False  # the block before was an answer
    blocks = doc.blocks
    turn_next = _turn_follows(blocks) if any(b.speaker is not None for b in blocks) else None
    for bi, block in enumerate(blocks):
        if block.kind in ("furniture", "title", "heading", "header"):
            prev_block_direct = None
            turn = None
            continue
        if block.speaker is not None and not block.host:
            # A transcript turn ("Name, Title: ..."): the speaker's own words, unless the
            # turn asks something (a question turn is no statement, though what it reports
            # others said is), only thanks (the speaker may go on in paragraphs of their
            # own) or is cut off ("But the cost -").
            s0 = block.body_start
            turn = None
            ns, ne = block.speaker
            row = index.at(ns)
            speaker = row[2].name if row is not None and row[1] == ne and row[2].type == "person" \
                else block.speaker_name or text[ns:ne]
            words = text[s0:block.end]
            if "?" in words:
                out.extend(_reported_in_turn(text, s0, block, speaker, index, state, actors, times))
            elif COURTESY.match(text, s0, block.end) and (len(words.split()) < 10 or len(block.sentences) <= 1):
                turn = speaker
            elif BLANK.search(text, s0, block.end) and not CUT_OFF.search(words) and \
                    not _procedural(text, s0, block.end):
                turn = speaker
                out.append(_statement(text, s0, block.end, turn, "person", None,
                                      "direct", "said", None, _hedge(text, s0, block.end), (s0, block.end), times))
                out.extend(_reported_in_turn(text, s0, block, turn, index, state, actors, times))
            prev_block_direct = None
            continue
        # A host's turn is read as prose: what others said is reported in it.
        bs = block.body_start if block.host else _prose_start(text, block)
        if turn is not None and block.kind == "paragraph" and block.label is None and turn_next is not None and \
                turn_next[bi] and BLANK.search(text, bs, block.end):
            # A turn that runs on into paragraphs of its own, before the next "Name:" turn.
            out.append(_statement(text, bs, block.end, turn, "person", None, "direct", "said",
                                  None, _hedge(text, bs, block.end), (bs, block.end), times))
            out.extend(_reported_in_turn(text, bs, block, turn, index, state, actors, times))
            continue
        turn = None
        if answers and block.kind == "paragraph" and block.label is None and (
                block.section_kind == "remarks" or answered and bi + 1 < len(blocks) and
                blocks[bi + 1].kind == "qa") and BLANK.search(text, bs, block.end):
            # A Q&A transcript: the opening remarks, and an answer that runs on into a
            # paragraph of its own before the next question, are the answerer's words.
            if interviewee is None:
                interviewee = _interviewee(state, index, block.start, text, blocks)
            if interviewee:
                out.append(_statement(text, bs, block.end, interviewee[0], interviewee[1], None, "direct",
                                      "said", None, _hedge(text, bs, block.end), (bs, block.end), times))
                out.extend(_reported_in_turn(text, bs, block, interviewee[0], index, state, actors, times))
                continue
        answered = False
        if block.kind == "qa":
            label = text[block.start:block.start + 1]
            if interviewee is None:
                interviewee = _interviewee(state, index, block.start, text, blocks)
            if label == "A":
                if interviewee and text[bs:block.end].strip():
                    medium_near = medium_near or _medium_before(text, index, block.start)
                    end = block.end
                    out.append(_statement(text, bs, end, interviewee[0], interviewee[1], None, "direct",
                                          "said", medium_near, None, (bs, end), times))
                    answered = True
            # What others said, reported in a question or an answer, is theirs.
            out.extend(_reported_in_turn(text, bs, block, interviewee[0] if interviewee else None,
                                         index, state, actors, times))
            _add_speaker_actors(text, index, actors)
            continue
        if bi in joined:
            continue
        be = block.end
        if block.kind == "paragraph" and text[be - 1] == ":" and bi + 1 < len(blocks) and \
                blocks[bi + 1].kind == "paragraph" and text[blocks[bi + 1].start] in "“\"‘'" and \
                (SAID_COLON.search(text, max(bs, be - 12), be) or ATTRIBUTABLE.match(text, bs)):
            # "X, title, said:" and the quotation as the next paragraph: one sentence.
            be = blocks[bi + 1].end
            joined.add(bi + 1)
        quotes = find_quotes(text, bs, be, marks)
        opens = [q.open for q in quotes]  # in order: the sentences' quotes by bisection
        stmts_in_block: list[Said] = []
        for ss, se in _bounded(text, sentences(text, bs, be, quotes, ends)):
            squotes = quotes[bisect.bisect_left(opens, ss):bisect.bisect_left(opens, se)]
            new = _sentence(text, ss, se, squotes, index, state, actors, times, block)
            if not new and squotes and not stmts_in_block and prev_block_direct is not None and \
                    text[ss] in "“\"‘'" and squotes[0].open == ss and squotes[0].words(text, 3) > 3:
                # A quotation that continues the previous paragraph's speaker.
                p = prev_block_direct
                q = squotes[0]
                new = [_statement(text, q.start, q.end, p.speaker, p.speaker_type, p.speaker_descriptor,
                                  "direct", p.verb, p.medium, _hedge(text, q.start, q.end), (ss, se), times)]
            stmts_in_block.extend(new)
            _update_subjects(text, ss, se, index, state, new)
        out.extend(stmts_in_block)
        _add_speaker_actors(text, index, actors)
        directs = [s for s in stmts_in_block if s.kind == "direct" and s.speaker]
        if directs:
            prev_block_direct = directs[-1]
        elif stmts_in_block:
            prev_block_direct = None
        else:
            prev_block_direct = prev_block_direct if quotes and not stmts_in_block else None
        if spoken and any(text.find(w, block.start, block.end) >= 0 for w in SPOKE_WORDS) and \
                SPOKE_TO.search(text[block.start:block.end]):
            medium_near = _medium_before(text, index, block.end)
    if any(st.speaker is None and st.speaker_descriptor and st.speaker_descriptor.startswith("The ") for st in out):
        out = _delayed_names(out, index)
    return _statements(text, out)


SAID_COLON = re.compile(r"\b(?:said|says|added|adds|stated|commented|explained|noted):$")
# A media release's lead-in to its quotations: "Quotes attributable to <title>, <name>:".
ATTRIBUTABLE = re.compile(r"(?:Quotes?|Comments?|Remarks|Statement) (?:are )?(?:attributable|attributed) to\b")
# A short turn that only thanks or greets ("Thanks, X. Good to be here.").
COURTESY = re.compile(r"(?:Thanks|Thank you|Good to|Great to|Glad to|Pleasure|Welcome|Hi|Hello)\b")
# A turn cut off by the next speaker: "But the timing -".
CUT_OFF = re.compile(r"(?:—|–|--|-)\s*$")


def _turn_follows(blocks) -> list[bool]:
    """For each block: do only unlabelled paragraphs stand between it and the next
    transcript turn (so a turn read before it runs on through it)?"""
    out = [False] * len(blocks)
    follows = False
    for i in range(len(blocks) - 1, -1, -1):
        out[i] = follows
        b = blocks[i]
        if b.speaker is not None or b.label is not None:
            follows = True
        elif b.kind != "paragraph":
            follows = False
    return out


# A briefing's procedure, sentence by sentence: greetings, "no announcements", "let's go to your
# questions", "this concludes today's briefing".
PROCEDURAL = re.compile(
    r"\s*(?:(?:Good (?:morning|afternoon|evening)|Hello|Hi|Welcome|Thanks|Thank you)\b[^.!?]{0,60}|"
    r"(?:I have|There is|There are|We have) (?:no|nothing)\b[^.!?]{0,20}announce[^.!?]*|"
    r"(?:(?:Now|So),? )?(?:[Ll]et's|[Ll]et us|I will|I'll|We will|We'll) (?:go|turn|move|take|open)[^.!?]{0,30}questions?|"
    r"The floor is (?:now )?open[^.!?]{0,30}|If there are no (?:more|further|other) questions[^.!?]*|"
    r"(?:This|That) (?:concludes|ends)[^.!?]*|[^.!?]{0,40}(?:briefing|press conference) (?:ends|is over|concludes)[^.!?]*)"
    r"[.!]?\s*")


def _procedural(text: str, s: int, e: int) -> bool:
    """Is a transcript turn nothing but the briefing's procedure?"""
    if PROCEDURAL.match(text, s, e) is None:
        return False  # most turns: the first sentence already says something
    return all(PROCEDURAL.fullmatch(text, a, b) for a, b in sentences(text, s, e, []))


def _reported_in_turn(text, s0, block, turn, index: Index, state: Discourse, actors, times) -> list[Said]:
    """Others' words a transcript turn reports: "Many foreign firms have told us that ...",
    a source the speaker cites ("..., according to a study the X published"); the speaker's
    own "I'd say" stays the turn's."""
    if not cues().verb_rx.search(text, s0, block.end):
        return []
    quotes = find_quotes(text, s0, block.end)
    opens = [q.open for q in quotes]
    found = []
    pending = len(index.new_speakers)
    for ss, se in _bounded(text, sentences(text, s0, block.end, quotes)):
        squotes = quotes[bisect.bisect_left(opens, ss):bisect.bisect_left(opens, se)]
        for st in _sentence(text, ss, se, squotes, index, state, actors, times, block):
            if st.speaker is None and st.verb.lower() == "according to" and turn and \
                    OUR.match(st.speaker_descriptor or "") and (body := _body_of(turn, index)) is not None:
                # "According to our estimates" in a turn: the body the speaker heads or works for.
                st = st._replace(speaker=body.name, speaker_type=body.type)
            if st.speaker and st.verb.lower() == "according to" or \
                    st.speaker in index.by_name and st.speaker != turn and \
                    st.speaker_type in ("group", "organization", "government", "media"):
                found.append(st)
    kept = {st.speaker for st in found}
    index.new_speakers[pending:] = [sp for sp in index.new_speakers[pending:] if sp.name in kept]
    return found


OUR = re.compile(r"[Oo]ur\s")
MINISTER_OF = re.compile(r"(?:.*\s)?Minister\s+(?:of|for)\s+(?:the\s+)?(.+)")


def _body_of(name: str, index: Index) -> Actor | None:
    """The body a person heads or works for: "Ministry of X" for a "Minister of X",
    else the affiliation the article gives."""
    a = index.by_name.get(name)
    if a is None or a.type != "person":
        return a
    for role in a.roles:
        m = MINISTER_OF.fullmatch(role.title)
        if m is not None:
            body = index.by_name.get("Ministry of " + m.group(1))
            if body is not None:
                return body
    return index.by_name.get(a.affiliation) if a.affiliation else None


SPOKE_TO = re.compile(r"\b(?:spoke|speaking|talked) (?:to|with)\b")
SPOKE_WORDS = ("spoke", "speaking", "talked")  # one is in every match of SPOKE_TO


MAX_SENTENCE = 2000  # longer "sentences" (run-on page text) are read in pieces, which keeps the stage linear


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for ss, se in spans:
        while se - ss > MAX_SENTENCE:
            cut = text.rfind(" ", ss + MAX_SENTENCE // 2, ss + MAX_SENTENCE)
            cut = cut if cut > ss else ss + MAX_SENTENCE
            out.append((ss, cut))
            ss = cut + 1 if text[cut:cut + 1] == " " else cut
        if se > ss:
            out.append((ss, se))
    return out


def _prose_start(text: str, block) -> int:
    """Where a block's prose starts. A "Label:" on a paragraph, or one that
    introduces a quotation, is part of the sentence ("He added: '...'")."""
    body = block.body_start or block.start
    if block.label is None or block.kind == "qa":
        return body
    if block.kind == "paragraph":
        return block.start
    if text[body:body + 1] in "“\"‘'":
        return block.label[0]
    return body


def _add_speaker_actors(text, index: Index, actors: list[Actor]) -> None:
    """A speaker named only where it speaks ("Others argued", "according to the
    agency's own office") becomes an actor, so every statement's speaker is one."""
    for sp in index.new_speakers:
        if sp.name in index.by_name or sp.type is None:
            continue
        s, e = sp.start, sp.end
        words = text[s:e]
        if words.lower().startswith("the "):
            s, words = s + 4, words[4:]
        actor = Actor(start=s, end=e, text=words, name=sp.name, type=sp.type,
                      aliases=[words] if words != sp.name else [],
                      mentions=[Span(start=s, end=e, text=words)])
        actors.append(actor)
        index.by_name[sp.name] = actor
    index.new_speakers.clear()


class Said(NamedTuple):
    """A statement while the stage runs: `Statement`'s fields, the sentence as (start, end)."""

    start: int
    end: int
    speaker: str | None
    speaker_type: str | None
    speaker_descriptor: str | None
    kind: str
    verb: str
    medium: str | None
    hedge: str | None
    sentence: tuple[int, int]
    when: TimeExpression | None


def _statement(text, s, e, speaker, stype, desc, kind, verb, medium, hedge, sent, times) -> Said:
    when = None
    for t in times:
        if sent[0] <= t.start < sent[1]:
            when = t
            break
    return Said(s, e, speaker, stype, desc, kind, verb, medium, hedge, sent, when)


def _statements(text: str, said: list[Said]) -> list[Statement]:
    """The records, validated in one call (pydantic builds them from dicts faster
    than one model at a time)."""
    return validate_list(Statement, [
        {"start": s.start, "end": s.end, "text": text[s.start:s.end], "speaker": s.speaker,
         "speaker_type": s.speaker_type, "speaker_descriptor": s.speaker_descriptor, "kind": s.kind,
         "verb": s.verb, "medium": s.medium, "hedge": s.hedge,
         "sentence": {"start": s.sentence[0], "end": s.sentence[1], "text": text[s.sentence[0]:s.sentence[1]]},
         "when": s.when} for s in said])


BLANK = re.compile(r"\S")
# A verb whose words came before it: "..., the ministry said on Monday, adding ..."
LEADS_BACK = re.compile(r"(?:\s+(?:on|late|early|last|this|in)\s+\w+(?:\s+\w+)?)?\s*(?:,\s*(?:[a-z]+ing|as|while)\b|\.|$)")
# Where a new main clause may start inside a sentence.
CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas|although|though)\b|;|\s(?:while|whereas)\s|[”\"’']")


class _Blanked(dict):
    """A `str.translate` table: "_" for every character that is no space (BLANK's
    ``\\S``, which is `str.isspace`), each character's entry made when first met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = out = ch if ch.isspace() else "_"
        return out


_BLANKED = _Blanked()


def _masked(text: str, ss: int, se: int, quotes: list[Quote]) -> str:
    """The sentence with quotation contents blanked, offsets kept."""
    parts, pos = [], ss
    for q in quotes:
        a, b = max(q.start, ss), min(q.end, se)
        if a >= b:
            continue
        parts.append(text[pos:a])
        parts.append(text[a:b].translate(_BLANKED))
        pos = b
    parts.append(text[pos:se])
    return "".join(parts)


def _holds_any(s: str, words) -> bool:
    """Does *s* hold one of *words*? One `in` each (C's substring search skips ahead; a
    regex of the words starts a match at every character that begins one of them)."""
    for w in words:
        if w in s:
            return True
    return False


def _hedge(text: str, s: int, e: int) -> str | None:
    c = cues()
    if c.hedges:
        # Case-blind, the pattern can match only where the lower-cased span holds a hedge,
        # unless a letter lower-cases to two characters (İ) or is one of re's extra case
        # forms of an ASCII letter (ı, ſ): then no short cut.
        span = text[s:e]
        low = span.lower()
        if len(low) == len(span) and "ı" not in span and "ſ" not in span and not _holds_any(low, c.hedges):
            return None
    for m in c.hedge_rx.finditer(text, s, e):
        if m.group()[0].isupper() and m.group().lower() in ("may", "might"):
            continue  # the month, or a sentence-initial modal
        return m.group()
    return None


# A reporting verb, a short place or time, then a colon quotation: "wrote on X: '...'".
COLON_AFTER_VERB = re.compile(r"\s+(?:on|in|to|at|last|this|late|early)\s+[^,.;:“”\"]{1,30}:\s*")
# What follows a reporting participle: "that", a quotation, a colon, or a clause
# with a finite verb within a few words ("saying it traded ..."), not an object
# ("adding five more metals to its list").
REPORT_AFTER = re.compile(
    r"\s*(?:that\b|[:,“\"‘'_]|(?:[\w’'.-]+\s+){0,4}?(?:would|will|was|were|is|are|had|has|have|could|can|"
    r"should|may|might|must|did|does|do)\b|(?:[\w’'.-]+\s+){0,3}?[a-z]+ed\b|"
    # "saying at a regular news briefing that", "saying on Monday that", "saying in a filing that"
    r"(?:on|at|in|during)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w’'-]+\s+){0,3}?(?:briefing|conference|"
    r"statement|interview|filing|note|post|letter|meeting|hearing|event|summit|forum|call|speech|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\s+that\b)")


# "learned from two traders in X that ...": a "clause" verb's "that" after its source.
LEARNED_THAT = re.compile(r"\s+(?:from\s+[^,.;:_]{1,80}?\s+)?that\b")
NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|this|that|his|her|amid|over|of)|['’]s)\s+(?:[A-Z][\w-]*\s+)?$",
                         re.IGNORECASE)  # "the report", "its warning": a noun, not a verb
AFTER_COMMA_OR_QUOTE = re.compile(r",\s*[”\"’']?\s*$|[”\"’'],?\s*$")
SOURCE_BEFORE = re.compile(r"\b" + SOURCE_NOUNS + r"\b[^,.;]{0,50}$", re.IGNORECASE)  # "Data from X shows"
COLON_END = re.compile(r":\s*$")
COMMA_END = re.compile(r",\s*$")
COMMA_MARK_END = re.compile(r",[”\"’']?\s*$")
CONJ_END = re.compile(r"(?:,\s*|\s)(?:but|and|then)\s+(?:also\s+|later\s+)?$")
AS_FOR = re.compile(r"\b(?:as|for)\b")
SPACE_COMMA = re.compile(r"\s*,?\s*")
SPACE_COMMA_COLON = re.compile(r"\s*[,:]?\s*")
SPEECH_END = re.compile(r"(?:\b(?:said|says|told|added|wrote|replied)|:)\s*,?\s*$")
FEW_WORDS = re.compile(r"\s*,?\s*(?:[a-z][\w-]*\s+){0,3}$")
# "confirmed the meeting", "denied the report": a thing, not words, after the verb.
CONFIRM_VERBS = frozenset({"confirmed", "confirms", "confirm", "denied", "denies", "deny", "acknowledged"})
BARE_NP = re.compile(r"(?:the|a|an|its|their|his|her)\s+(?:[\w-]+['’]s\s+)?[\w-]+\s*")
AND_CLAUSE_GAP = re.compile(r"\s*,?\s*(?:and|but|while)\s")
CLAUSE_AFTER_VERB = re.compile(r"\s+(?:that\s+)?[a-zA-Z]")
OWNER_LEAD = re.compile(r"[\"”’']?\s*,?\s*([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)(['’]s)?\s+")


def _sentence(text, ss, se, quotes, index: Index, state: Discourse, actors, times, block) -> list[Said]:
    c = cues()
    real = [q for q in quotes if q.words(text, 3) > 3 or _speech_before(text, q, ss) or _opens_with(text, q, ss)]
    masked = _masked(text, ss, se, real) if real else text[ss:se]
    verbs = _verbs(c, masked)
    # With no quotation, a sentence needs a verb that stands in the text itself. The masked
    # copy has the same matches, except that its first character has nothing before it.
    if not real and (not verbs or verbs[0][0] == 0 and c.verb_rx.search(text, ss, se) is None):
        return []
    if masked.rstrip().endswith("?"):
        return []  # "Does the ministry expect exports to recover?" asks; it reports nothing
    frames: list[Frame] = []
    for ms, me, word in verbs:
        vs, ve = ss + ms, ss + me
        kind = "according" if word.lower() in ("according to", "as per", "per") else c.frames.get(word, "say")
        if word == "Per" and (ms or "," not in masked):
            continue  # "Per the complaint, ...": only a sentence's opener; "Per capita" is no source
        if kind == "clause":
            if not (LEARNED_THAT.match(masked, me) or REPORT_AFTER.match(masked, me) or
                    CLOSING_TAIL.fullmatch(masked, me)):
                continue  # "learned its lesson", "recalled its envoy": no words; "..., she recalled." closes
            kind = "say"
        if NEGATION_WORD.search(text, max(ss, vs - 30), vs) and NEGATION.search(text, max(ss, vs - 30), vs):
            continue
        if word in NOUNISH and NOUN_BEFORE.search(text[max(ss, vs - 40):vs]):
            continue
        if word in PASSIVE_VERBS and text[vs - 1:vs] == " " and text.startswith(" by ", ve) and \
                PASSIVE_BEFORE.search(text, max(ss, vs - 16), vs) and (bm := BY_AGENT_THAT.match(text, ve, se)) and \
                (sp := _np_at(text, bm.start("np"), bm.end("np"), index, state)) is not None:
            # "had been warned by the regulator that ...": the agent speaks; the words before
            # (another verb's) run to the agent's end.
            frames.append(Frame(vs, bm.end("np"), word, kind, speaker=Speaker(
                sp.name, sp.type, bm.end("np"), bm.end("np"), descriptor=sp.descriptor), passive=True))
            continue
        if word == "saying" and AS_BEFORE.search(text, max(ss, vs - 4), vs):
            f = _quoted_as_saying(text, ss, vs, ve, index, state)
            if f is not None:
                frames.append(f)
                continue
        if (word in PARTICIPLES and REPORT_AFTER.match(masked, me) or word in WITH_PARTICIPLES) and \
                text[vs - 1:vs] == " " and (sp := _with_subject(text, ss, vs, index)):
            # "..., with X arguing that ...", "..., with X citing thin supply", "..., with a
            # trader in Y describing demand as '...'"
            frames.append(Frame(vs, ve, word, kind, speaker=sp))
            continue
        if word in WITH_PARTICIPLES and kind == "say":
            continue  # "citing" reports only after ", with X"

        if word in PARTICIPLES and not AFTER_COMMA_OR_QUOTE.search(text[max(ss, vs - 5):vs]) and \
                not (frames and frames[-1].verb in PARTICIPLES and AND_BEFORE.search(text, max(ss, vs - 6), vs)) and \
                not WITH_SUBJECT.search(text, max(ss, vs - 90), vs):
            continue  # "..., saying X and warning that Y": the second participle reports too
        if word in PARTICIPLES and not REPORT_AFTER.match(masked, me):
            continue
        if word in ("showed", "shows", "show") and not SOURCE_BEFORE.search(text[max(ss, vs - 60):vs]):
            continue  # only data speaks by showing: "customs data showed"
        frames.append(Frame(vs, ve, word, kind))
    # Colon quotations: "X Y, role: 'words'".
    for q in real:
        pre = text[ss:q.open]
        if pre.rstrip().endswith(":") and not any(f.vend <= q.open and (not text[f.vend:q.open].strip(" ,:") or
                                                                   COLON_AFTER_VERB.fullmatch(text, f.vend, q.open))
                                             for f in frames):
            frames.append(Frame(q.open - len(pre) + len(pre.rstrip()) - 1, q.open - len(pre) + len(pre.rstrip()), "said", "colon"))
    frames.sort(key=lambda f: f.vstart)
    if not frames:
        return []

    # Speakers.
    for i, f in enumerate(frames):
        prev = frames[i - 1] if i else None
        if f.speaker is not None:
            continue  # read with its frame ("quoted X as saying")
        if f.verb in PARTICIPLES and (wm := WITH_SUBJECT.search(text, max(ss, f.vstart - 90), f.vstart)):
            # "X criticized the list, with spokesperson Y saying ...": Y speaks, not X.
            people = [r for r in index.within(wm.start(1), f.vstart) if r[2].type == "person" and r[1] == f.vstart - 1]
            if people:
                f.speaker = _mention_speaker(text, people[-1][0], people[-1][1], people[-1][2], state)
                continue
        lead = frames[0]
        if i and f.kind == "say" and lead.kind == "say" and lead.speaker is not None and \
                ss <= lead.speaker.start < lead.vstart and COMMA_BUT_END.search(text, max(ss, f.vstart - 8), f.vstart) \
                and REPORT_AFTER.match(masked, f.vend - ss):
            # "X said Y had noted Z, but stressed that ...": X's second verb, not Y's.
            f.speaker = lead.speaker
            continue
        if prev is not None and prev.speaker is not None and (
                f.verb in PARTICIPLES or CONJ_END.search(text[max(ss, f.vstart - 12):f.vstart])
                and not _has_subject_between(text, prev.vend, f.vstart, index)):
            f.speaker = prev.speaker
            if f.verb == "saying" and prev.kind == "judge" and (
                    any(q.open >= prev.vend for q in real) or AS_FOR.search(text[prev.vend:f.vstart])):
                f.kind = "merged"
            continue
        _find_speaker(text, ss, se, f, prev, index, state, masked, block)
        if f.speaker is None and prev is None and (f.verb in PARTICIPLES or f.kind == "judge" and f.verb.endswith("ing")
                                                   and BY_BEFORE.search(text, max(ss, f.vstart - 4), f.vstart)):
            # "X opened the hearing by calling the plan '...'"
            # "The company raised its forecast, saying demand was strong."
            f.speaker = _sentence_subject(text, ss, f.vstart, index, state, masked)
            if f.speaker is None and f.verb in PARTICIPLES and (am := ANON.match(text, ss, f.vstart)) and \
                    not am.group().lower().startswith("the "):
                # "A second trader was more cautious, saying ...": an unnamed source.
                f.speaker = _resolve(am, ANON, text, index, state, ss)
        elif f.speaker is None and prev is None and f.kind == "say" and \
                CONJ_END.search(text, max(ss, f.vstart - 12), f.vstart):
            # "X backed the plan but warned that ...": the sentence's subject reports.
            sp = _sentence_subject(text, ss, f.vstart, index, state, masked)
            if sp is not None and text[sp.end:sp.end + 2] not in ("'s", "’s"):
                f.speaker = sp

    frames = [f for f in frames if f.speaker is not None and f.kind != "merged"]
    for f in frames:
        if f.verb in WROTE and f.speaker.name is not None and (wm := WROTE_TO.match(text, f.vend, se)) and \
                "that" not in wm.group(1).split():
            # "X wrote to the ministry ..., people aware of the matter said.": a letter sent even when
            # others report it; "the letter" is X's.
            state.documents["letter"] = (f.speaker.name, f.speaker.type)
    # A speech act with no words ("welcomed the step") is no frame; nor is a verb
    # inside the words another verb reports ("said it welcomed ...").
    kept: list[Frame] = []
    for f in frames:
        if f.kind == "judge" and not any(q.open >= f.vend for q in real) and \
                (f.verb.endswith("ing") or not AS_FOR.search(text[f.vend:se])) and \
                not (f.verb in ACCUSE and ACCUSED_OF.match(text, f.vend, se)):
            continue  # "calling for tighter rules" is a request; "calling the plan '...'" a judgement
        if f.kind == "ask" and not any(abs(q.close - f.vstart) < 60 or abs(f.vend - q.open) < 5 for q in real):
            continue
        p = kept[-1] if kept else None
        closing = f.kind == "according" and text[ss:f.vstart].rstrip().endswith(",") and \
            not text[f.speaker.end:se].strip(" .;”\"’'")
        if f.kind == "say" and not f.inverted and ss < f.speaker.start < f.vstart and \
                COMMA_THE_BEFORE.search(text, max(ss, f.speaker.start - 8), f.speaker.start) and \
                CLOSING_TAIL.fullmatch(text, f.vend, se):
            # "A expects B to ..., the company said.": the closing attribution governs the
            # sentence; a verb inside its words is no frame of its own.
            kept = [k for k in kept if not (k.kind in ("say", "fear") and k.vstart < f.speaker.start and
                                            not any(k.vend <= q.open < f.speaker.start for q in real))]
            closing = True
        if p is not None and not closing and p.kind in ("say", "fear") and not p.inverted and f.speaker.start >= p.vend and \
                not LEADS_BACK.match(text, p.vend, se) and \
                f.speaker is not p.speaker and not CLAUSE_BREAK.search(text, p.vend, f.speaker.start) and \
                not any(p.vend <= q.open < f.vstart for q in real) and f.medium is None and not f.passive:
            continue  # "X said that Y had agreed after Z urged ..." - Z's words are X's report
        kept.append(f)
    frames = kept
    if not frames:
        return []

    # Quotations to frames.
    used: set[int] = set()
    for q in real:
        best = None
        for f in frames:
            if f.quote is not None:
                continue
            if f.vstart >= q.close:
                between = text[q.close:f.vstart]
                if f.inverted and SPACE_COMMA.fullmatch(between) or \
                        _subject_between(text, q.close, f, between):
                    best = f
                    break
            elif f.vend <= q.open:
                between = text[f.vend:q.open]
                if f.kind == "colon" or SPACE_COMMA_COLON.fullmatch(between) or \
                        (not any(g.vstart > f.vend and g.vstart < q.open for g in frames) and len(between) < 160):
                    best = f
        if best is not None and best.quote is None:
            best.quote = q
            used.add(id(q))

    out: list[Said] = []
    for i, f in enumerate(frames):
        nxt = frames[i + 1] if i + 1 < len(frames) else None
        if f.quote is not None:
            q = f.quote
            s, e = q.start, q.end
            kind = "direct"
        else:
            if f.kind in ("colon", "ask"):
                continue  # "asked them to justify ..." is a request, not a statement
            if f.verb in WROTE and (wm := WROTE_TO.match(text, f.vend, se)) and "that" not in wm.group(1).split():
                # "X wrote to the ministry on Monday": a letter sent, no words; "the letter" is X's.
                if f.speaker.name is not None:
                    state.documents["letter"] = (f.speaker.name, f.speaker.type)
                continue
            am = ACCUSED_OF.match(text, f.vend, se) if f.verb in ACCUSE else None
            content = _trim(text, am.end(), se) if am else _content(text, ss, se, f, nxt, frames, masked)
            if content is None:
                continue
            s, e = content
            if f.verb in CONFIRM_VERBS and BARE_NP.fullmatch(text, s, e):
                continue  # "confirmed the date but said ...": a thing confirmed, no words
            kind = "direct" if f.kind == "judge" and QUOTED_WORD.search(text, s, e) else "indirect"
            # A partial quotation inside reported words is the snippet.
            inner = [q for q in real if s <= q.start and q.end <= e + 1 and id(q) not in used]
            if inner:
                s, e = inner[0].start, inner[0].end
                used.add(id(inner[0]))
                kind = "direct"
        if kind == "direct" and f.kind == "say" and not f.inverted and s > f.vend and \
                (vm := AND_VERB_AFTER.match(text, e)) and (nxt is None or nxt.vstart > vm.end()):
            # 'said that the company "..." and would not comment on ...': the subject's second verb.
            tail = _trim(text, e, nxt.vstart if nxt is not None else se)
            e = tail[1] if tail is not None else e
        elif kind == "direct" and f.kind == "say" and not f.inverted and "and that" in masked:
            # 'said that A "..." and that B "..."': one event, its words run over both clauses.
            limit = nxt.vstart if nxt is not None and nxt.vstart > e else se
            am = AND_THAT.search(masked, max(e, f.vend) - ss, limit - ss)
            second = _trim(text, ss + am.end(), limit) if am else None
            if second is not None:
                inner = [q for q in real if second[0] <= q.start and q.end <= second[1] + 1 and id(q) not in used]
                if inner:
                    used.add(id(inner[0]))
                e = inner[-1].end if inner else second[1]
        lo = min(f.speaker.start if f.speaker.start >= ss else f.vstart, f.vstart, s)
        hi = max(f.vend, e)
        hedge = _hedge(text, lo, hi)
        medium = f.medium or _medium(text, ss, se, f, index)
        verb = "said" if f.kind == "colon" else PARTICIPLES.get(f.verb, f.verb)
        speakers = [(f.speaker.name, f.speaker.type)] + f.speaker.joint
        if f.speaker.name is not None:
            dm = IN_DOCUMENT.match(text, f.vend, se)
            if dm:  # "said in a research note that ...": what the note says later is theirs
                _file(state, dm.group("doc").lower(), f.speaker)
            elif text.startswith("In ", ss) and (dm := OPENING_DOC.match(text, ss, f.vstart)) and \
                    "," in text[dm.end():f.speaker.start]:
                _file(state, dm.group("doc").lower(), f.speaker)  # "In a complaint filed ..., X says"
        if f.speaker.name is not None and f.speaker.name not in index.by_name and not f.speaker.joint:
            index.new_speakers.append(f.speaker)
        for name, stype in speakers:
            out.append(_statement(text, s, e, name, stype, f.speaker.descriptor if name is None else None,
                                  kind, verb, medium, hedge, (ss, se), times))
    return out


# "accused X of doing ...": the deed is the words.
ACCUSE = ("accused", "accuses", "accuse", "accusing")
ACCUSED_OF = re.compile(r"\s+(?:[^,;:.“”\"]{1,80}?\s+)?of\s+(?=[a-z]+ing\b)")

WROTE = ("wrote", "writes", "write")
WROTE_TO = re.compile(r"\s+to\s+(?!(?:say|ask|urge|warn|tell|express|explain)\b)([^,.;:“”\"]*)")
WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")
WITH_SUBJECT = re.compile(r",\s+with\s+([^,;:“”\"]{2,80}?)\s+$")  # ", with spokesperson X saying"


WITH_PARTICIPLES = ("citing", "describing")  # report only after ", with X"


def _file(state: Discourse, doc: str, sp: Speaker) -> None:
    """What ``doc`` (and a court filing's other names) says later is ``sp``'s."""
    for d in LEGAL_DOCS if doc in LEGAL_DOCS else (doc,):
        state.documents[d] = (sp.name, sp.type)


def _with_subject(text, ss, vs, index: Index) -> Speaker | None:
    """The actor named between "with" and a participle: "..., with the X Council arguing that";
    or an unnamed source: "..., with a trader in Y describing ..."."""
    wm = WITH_SUBJECT.search(text, max(ss, vs - 90), vs)
    if wm is not None and (am := ANON.fullmatch(text, wm.start(1), wm.end(1))):
        return Speaker(None, None, am.start(), am.end(), descriptor=am.group())
    last = None
    for row in index.within(max(ss, vs - 120), vs):
        last = row
    if last is None:
        return None
    s, e, a = last
    if text[e:vs].strip() or a.type not in ("person", "organization", "government", "group") or \
            not WITH_BEFORE.search(text, max(ss, s - 10), s):
        return None
    return Speaker(a.name, a.type, s, e)


AND_VERB_AFTER = re.compile(r"[”\"’']?,?\s+and\s+(?:would|will|could|can|did|does|do|was|is|were|are|had|has|have)\b")
AND_THAT = re.compile(r",?\s+and\s+that\s+")


AND_QUOTED = re.compile(r",?\s+and\s+quoted\s*$")
QUOTED_AS = re.compile(r"\bquoted\s+(?P<np>[^,.;:“”\"]{3,120}?)\s+as\s+$")


def _quoted_as_saying(text, ss, vs, ve, index: Index, state: Discourse) -> Frame | None:
    """"The Daily X quoted a senior official as saying ...": the source speaks,
    the outlet that quotes it carries the words."""
    m = QUOTED_AS.search(text, max(ss, vs - 140), vs)
    if m is None:
        return None
    sp = _np_at(text, m.start("np"), m.end("np"), index, state)
    if sp is None:
        return None
    medium = None
    for s, e, a in index.within(ss, m.start()):
        if a.type == "media":
            medium = a.name
    return Frame(vs, ve, "saying", "say", speaker=sp, medium=medium)


def _has_subject_between(text, a, b, index: Index) -> bool:
    """Is there a new subject between two verbs ("X said ... and Y warned")?"""
    seg = text[a:b]
    m = CONJ_END.search(seg)
    return False if m else True


SHORT_QUOTE_END = re.compile(r"[,!?][”\"’']|[”\"’'],")  # '"Not yet," said X', '"Not yet", she said'


def _opens_with(text: str, q: Quote, ss: int) -> bool:
    """A short quotation that opens the sentence and ends its first clause ('"Not yet," said X')
    is a quote; a reporting verb must still follow for it to become one."""
    return q.open == ss and SHORT_QUOTE_END.match(text, q.end) is not None


def _speech_before(text: str, q: Quote, ss: int) -> bool:
    """A short quotation right after a reporting verb or colon is still a quote."""
    pre = text[max(ss, q.open - 20):q.open]
    return bool(SPEECH_END.search(pre))


def _subject_between(text, qclose, f: Frame, between: str) -> bool:
    """'"...," X said': only the speaker's words between the quote and the verb, which
    may open with an owner or a nationality ('"...," Chile's mining minister X said')."""
    if f.speaker is None or f.speaker.start < qclose:
        return False
    gap = text[qclose:f.speaker.start]
    if AND_CLAUSE_GAP.match(gap) and CLAUSE_AFTER_VERB.match(text, f.vend):
        return False  # '"...," and he said prices would fall': the verb has words of its own
    if not FEW_WORDS.match(gap):
        m = OWNER_LEAD.match(gap)
        if m is None or not (m.group(2) or m.group(1) in entities.lexicon().adjectives) or \
                not FEW_WORDS.match(gap, m.end()):
            return False
    return f.speaker is not None and f.speaker.start >= qclose and len(between) < 160


# --- speakers -------------------------------------------------------------------------


# Verbs that may come before their subject: "..., said X" / "..., noted X, a former ...".
INVERTIBLE = ("said", "says", "added", "wrote", "noted", "notes", "argued", "cautioned", "explained", "recalled")


# '..., said X of the Y Network.': the speaker's employer after the name ends the sentence.
OF_EMPLOYER_END = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|&|[A-Z][\w.&’'-]*))*"
                             r"\s*(?:[,.;:!?\"”’']|$)")
AFTER_QUOTE = re.compile(r"(?:[”\"’']\s*,?\s*|^\s*)$")


def _after_quote(s: str) -> bool:
    """``AFTER_QUOTE.search(s) is not None``, read from the end: nothing but spaces, or
    a closing mark and spaces with at most one comma among them."""
    r = s.rstrip()
    if not r:
        return True
    if r[-1] == ",":
        r = r[:-1].rstrip()
    return r[-1:] in CLOSERS


CLOSERS = ("”", '"', "’", "'")
NP_END = re.compile(r"\s*(?:[,.;:!?\"”’']|$)")


def _find_speaker(text, ss, se, f: Frame, prev: Frame | None, index: Index, state: Discourse, masked, block) -> None:
    if f.kind == "according":
        f.speaker = _according_speaker(text, f.vend, se, index, state, ss, f.vstart)
        return
    if f.kind == "colon":
        f.speaker = _colon_speaker(text, ss, f.vstart, index, state)
        return
    # Inverted: '"...," said X' or '..., said X, the head of Y.'
    before = text[ss:f.vstart]
    if f.verb in INVERTIBLE + ("told", "warned") and (_after_quote(before) or
                                                      f.verb in INVERTIBLE and before.rstrip().endswith(",")):
        sp = _np_at(text, f.vend, se, index, state)
        if sp is not None and sp.start - f.vend <= 1 and sp.type != "media" and \
                (NP_END.match(text[sp.end:se]) or sp.type == "person" and OF_EMPLOYER_END.match(text, sp.end, se)):
            f.speaker = sp
            f.inverted = True
            return
        sp = _titled_name_after(text, f.vend, se, index)
        if sp is not None:
            f.speaker = sp
            f.inverted = True
            return
    # The three patterns below end at the verb; each is searched only when the words before
    # it can hold a match (a look-behind tried at every place costs more than these tests).
    tail = text[max(ss, f.vstart - 40):f.vstart]
    last = tail.rstrip()
    qm = SOME_OF_THEM.search(text, max(ss, f.vstart - 24), f.vstart) if last.endswith(SOME_OF_THEM_ENDS) else None
    if qm is not None:
        # "Makers outside X expect ..., but several said ...": some of the group just named.
        groups = [r for r in index.within(ss, qm.start()) if r[2].type == "group"]
        if groups:
            f.speaker = Speaker(groups[-1][2].name, "group", qm.start(1), qm.end(1), descriptor=qm.group(1))
            return
    bm = BOTH_SIDES.search(text, max(ss, f.vstart - 30), f.vstart) if last.endswith(BOTH_SIDES_ENDS) else None
    if bm is not None:
        # "At the Peru-Chile talks, both sides confirmed that ...": each country speaks.
        lx = entities.lexicon()
        for pm in reversed(list(COUNTRY_PAIR.finditer(text, ss, bm.start()))):
            words = [w for w in pm.groups() if w is not None]
            a, b = (entities._government_of(w, lx) or entities._government_of(w.rstrip("."), lx) for w in words)
            if a and b and a != b:
                f.speaker = Speaker(a, "government", bm.start(1), bm.end(1), descriptor=bm.group(1),
                                    joint=[(b, "government")])
                return
    im = SOME_IN.search(text, max(ss, f.vstart - 40), f.vstart) if _may_be_some_in(tail) else None
    if im is not None and (row := index.at(im.start(2))) is not None and row[2].type == "government" and \
            row[1] == im.end(2):
        # "Some in Lima argue that ...": people in a place, a group named where it speaks.
        f.speaker = Speaker(text[im.start(1):im.end(2)], "group", im.start(1), im.end(2))
        return
    f.speaker = _subject_before(text, ss, se, f.vstart, index, state, masked)
    if f.speaker is None:
        rm = RELEASED_DOC.search(text, max(ss, f.vstart - 80), f.vstart)
        if rm is not None:
            # "X released a staff report finding that ...": X speaks through its report.
            f.speaker = _subject_before(text, ss, se, rm.start(), index, state, masked)
            if f.speaker is not None and f.speaker.name is not None:
                state.documents[rm.group("doc").lower()] = (f.speaker.name, f.speaker.type)
    if f.speaker is None and text.startswith("A", ss) and (lm := ORG_LEDE.match(text, ss, f.vstart)) and \
            lm.group(1) in ORG_NOUNS and block is not None and ss == block.body_start:
        # "A Lima-area tin miner has warned that ...": the delayed lede; the company is the
        # first one the article names after it.
        i = bisect.bisect_left(index.starts, se)
        for s_, e_, a in index.rows[i:i + 12]:
            if a.type == "organization" and s_ - se < 600:
                f.speaker = Speaker(a.name, a.type, lm.start(), lm.end(), descriptor=lm.group())
                return
    if (f.speaker is None or f.speaker.type == "group" and f.speaker.start > ss) and text.startswith("The ", ss):
        # "The head of one of the few X companies said ...": a role named before the person
        # (not the companies it heads).
        m = _lede_role_rx().match(text, ss, f.vstart)
        if m is not None:
            f.speaker = Speaker(None, None, m.start(), m.end(), descriptor=m.group())


ORG_LEDE = re.compile(r"An?\s+(?:[A-Za-z][\w-]*\s+){0,5}?([a-z]+)\s+(?:has\s+|have\s+|had\s+)?(?=$)")
COMMA_BUT_END = re.compile(r",\s*but\s+(?:also\s+)?$")
BOTH_SIDES = re.compile(r"(?<![\w-])((?:[Bb]oth|[Tt]he two) (?:sides|countries|governments)) (?:also |have |had )?$")
COUNTRY_PAIR = re.compile(r"(?<![\w-])([A-Z][\w.]*)[-–]([A-Z][\w.]*)(?![\w-])|\bbetween ([A-Z][\w.]*) and ([A-Z][\w.]*)")
SOME_IN = re.compile(r"(?<![\w-])([Ss]ome|[Mm]any|[Oo]thers|[Mm]ost) (?:in|inside|within) ([A-Z][\w.]*(?: [A-Z][\w.]*)?)"
                     r" (?:also |still )?$")
SOME_OF_THEM = re.compile(r"(?:,\s*|\s)(?:but|and|though|while)\s+(several|some|many|most|a few)\s+(?:also\s+)?$")
# The words each of SOME_OF_THEM's and BOTH_SIDES' matches ends with, before its last spaces.
SOME_OF_THEM_ENDS = ("several", "some", "many", "most", "few", "also")
BOTH_SIDES_ENDS = ("sides", "countries", "governments", "also", "have", "had")


def _may_be_some_in(s: str) -> bool:
    """Can SOME_IN match in *s*? Each match holds one of its first words' endings, a space
    and a word that starts "in" or "within"."""
    return (" in" in s or " within" in s) and ("ome " in s or "any " in s or "thers " in s or "ost " in s)


@functools.cache
def _lede_role_rx(before_verb: bool = True) -> re.Pattern[str]:
    """'The head of X', 'The chief executive of X' - a role and its body, with no name
    (right before the verb, or as a whole descriptor)."""
    return re.compile(r"The\s+(?:[a-z-]+\s+){0,2}?(?:" + entities.lexicon().role_rx.pattern + r")\s+(?:of|at)\s+"
                      r"[^,;:“”\"]{3,120}?" + (r"(?=\s+(?:(?:has|have|had|also|later|reportedly)\s+)*$)"
                                                 if before_verb else ""))


def _delayed_names(said: list[Said], index: Index) -> list[Said]:
    """A role that speaks before anyone is named ("The head of X said ...", the delayed
    lede) is the first person who speaks after it."""
    out = list(said)
    for i, st in enumerate(out):
        if st.speaker is not None or not st.speaker_descriptor or \
                not _lede_role_rx(False).fullmatch(st.speaker_descriptor) or \
                index.last_before(st.sentence[0], ("person",)) is not None:
            continue
        nxt = next((t for t in out[i + 1:] if t.speaker_type == "person" and t.speaker), None)
        if nxt is not None:
            out[i] = st._replace(speaker=nxt.speaker, speaker_type="person", speaker_descriptor=None)
    return out


# "said the deputy minister for trade, X Y." - a lowercase title, a comma, then the name.
TITLE_BEFORE_NAME = re.compile(r"\s+(?:the|a|an|its|their)\s+(?P<title>[a-z][^,;:.“”\"]{0,80}?),\s+")


def _titled_name_after(text, pos, se, index: Index) -> Speaker | None:
    m = TITLE_BEFORE_NAME.match(text, pos, se)
    if m is None or not entities.lexicon().role_rx.search(m.group("title")):
        return None
    row = index.at(m.end())
    if row is None or row[2].type != "person" or not NP_END.match(text, row[1], se):
        return None
    return Speaker(row[2].name, row[2].type, row[0], row[1])


def _np_at(text, pos, se, index: Index, state: Discourse) -> Speaker | None:
    """The noun phrase that starts at ``pos`` (after spaces)."""
    while pos < se and text[pos] == " ":
        pos += 1
    row = index.at(pos)
    if row is None and text[pos:pos + 4].lower() == "the ":
        row = index.at(pos + 4)
    anon = ANON.match(text, pos, se)
    if anon is not None and not anon.group().lower().startswith("the ") and (row is None or anon.end() >= row[1]):
        return _resolve(anon, ANON, text, index, state, pos)
    if row is not None:
        s, e, a = row
        if text[e:e + 2] in ("'s", "’s") and a.type != "person":
            return _owned(text, s, e, se, a, index, state)
        return _mention_speaker(text, s, e, a, state)
    m = UNNAMED_ROLE.match(text, pos, se)
    if m:
        state.last_anon = m.group()
        return Speaker(None, None, m.start(), m.end(), descriptor=m.group())
    for rx in (SPOKES, ANON, DESCRIPTOR, PRONOUN):
        m = rx.match(text, pos, se)
        if m:
            return _resolve(m, rx, text, index, state, pos)
    m = ONE_OF.match(text, pos, se)
    if m and state.last_anon:
        return Speaker(None, None, m.start(), m.end(), descriptor=m.group())
    # A group or other noun phrase not in the index: "others", "people".
    return None


# Groups that never have a name: "sources said", "the sources said", "insiders say".
UNNAMED_GROUP = re.compile(r"(?:sources|insiders)$", re.IGNORECASE)


def _refers_back(desc: str | None, last_anon: str) -> bool:
    """Is "the X" the unnamed source just named ("three X at Y")?"""
    if not desc or not last_anon or not desc[:4].lower() == "the ":
        return False
    noun = desc.rsplit(None, 1)[-1].lower()
    i = last_anon.find(noun)
    return i >= 0 and not last_anon[i - 1:i].isalpha() and not last_anon[i + len(noun):i + len(noun) + 1].isalpha()


def _mention(text, s, e, a: Actor, state: Discourse) -> tuple:
    """The speaker an actor's mention names, as a (name, type, start, end, descriptor)
    tuple (Speaker's fields); a group of sources stays unnamed."""
    if a.type == "group" and UNNAMED_GROUP.search(a.name):
        state.last_anon = text[s:e]
        return None, None, s, e, text[s:e]
    return a.name, a.type, s, e, None


def _mention_speaker(text, s, e, a: Actor, state: Discourse) -> Speaker:
    return Speaker(*_mention(text, s, e, a, state))


OWNED = re.compile(r"['’]s\s+(?:own\s+)?((?:[a-z][\w-]*\s+){0,3}(?:office|agency|bureau|unit|division|ministry|"
                   r"department|regulator|council|committee|panel|board|spokesman|spokeswoman|spokesperson))\b")


def _owned(text, s, e, se, a, index, state) -> Speaker | None:
    """'the Pentagon's own procurement office' - a body named by its owner."""
    m = OWNED.match(text[e:se])
    if not m:
        return None
    if m.group(1).split()[-1].startswith("spokes"):
        return Speaker(a.name, a.type, s, e + m.end())
    start = s
    if text[max(0, s - 4):s].lower() == "the ":
        start = s - 4
    name = text[s:e + m.end()]
    return Speaker(_strip_the(name), "government" if a.type == "government" else "organization", start, e + m.end())


@functools.cache
def _owned_role() -> re.Pattern[str]:
    """A role after an owner's apostrophe: "'s chief executive", "' founder"."""
    return re.compile(r"['’]s?\s+(?:" + entities.lexicon().role_rx.pattern + r")(?![\w-])", re.IGNORECASE)


@functools.cache
def _country_names() -> frozenset[str]:
    return frozenset(entities.lexicon().gov_alias.values())


LEADING_THE = re.compile(r"^(?:the|The)\s+")


def _strip_the(s: str) -> str:
    return LEADING_THE.sub("", s)


ORG_NOUNS = frozenset({"company", "firm", "group", "exporter", "producer", "miner", "maker", "carmaker", "chipmaker",
                       "designer", "lender", "buyer", "seller", "venture", "consortium", "bank", "developer",
                       "operator", "builder", "refiner", "smelter", "manufacturer", "supplier", "utility", "insurer",
                       "owner"})
GENERIC_NOUNS = frozenset({"company", "firm", "group"})
APPOSED_NOUN = re.compile(r", (?:the|a|an|its) (?P<words>(?:[\w-]+ ){0,2}[a-z]+)(?![\w-])")
APPOSED_BACK = 3000  # characters searched back for "its developer, X" / "X, the developer"


def _apposed_before(text, pos, noun, index: Index) -> Actor | None:
    """The organisation put beside ``noun`` before ``pos``: "the developer, X" or "X, the (...) developer"."""
    lo = max(0, pos - APPOSED_BACK)
    i = text.rfind(noun + ", ", lo, pos)
    if i >= 0:
        j = i + len(noun) + 2
        row = index.at(j) or (index.at(j + 4) if text.startswith("the ", j) else None)
        if row is not None and row[2].type == "organization":
            return row[2]
    last = None
    for m in APPOSED_NOUN.finditer(text, lo, pos):
        if noun in m.group("words").split():
            last = m
    if last is not None:
        end = last.start()
        for s, e, a in index.within(max(0, end - 120), end):
            if e == end and a.type == "organization":
                return a
    return None


# What makes "the people ..." a reporter's unnamed sources.
SOURCE_QUALIFIER = re.compile(r"\b(?:familiar|briefed|close to|aware of|with knowledge|involved in)\b|"
                              r"^[Tt]he (?:first|second|third|other|same|latter|former) [a-z]+$")  # "the second source"
AFTER_STOP = re.compile(r"[.!?][”\"’']?\s+$")
COMMA_WHO = re.compile(r",\s+who\b")
THE_WORD = re.compile(r"the\s+\w+", re.IGNORECASE)


def _resolve(m, rx, text, index: Index, state: Discourse, pos) -> Speaker | None:
    s, e = m.start(), m.end()
    if rx is SPOKES:
        owner = m.group("post") or m.group("pre")
        if owner:
            os_ = text.find(owner, s, e)
            row = index.at(os_ + (4 if owner.lower().startswith("the ") else 0))
            if row is not None:
                return Speaker(row[2].name, row[2].type, s, e)
            for r in index.within(os_, os_ + len(owner)):
                return Speaker(r[2].name, r[2].type, s, e)
            dm = DESCRIPTOR.match(text, os_)
            if dm is not None and dm.end() >= os_ + len(owner.rstrip()):
                sp = _resolve(dm, DESCRIPTOR, text, index, state, os_)
                if sp is not None:
                    return Speaker(sp.name, sp.type, s, e)
            if (rm := OFFICE_HOLDER.fullmatch(owner)) and (a := index.last_with_role(s, rm.group(1).lower())):
                return Speaker(a.name, a.type, s, e)  # "a spokeswoman for the minister": the one named before
            words = _strip_the(owner)
            return Speaker(words, "government" if GOV_WORDS.search(words) else "organization", s, e)
        if m.group("body"):
            # "a ministry spokesperson said": the body of that kind named last.
            noun = m.group("body")
            a = index.last_before(s, ("organization",)) if noun in ORG_NOUNS else \
                index.last_before(s, ("government",), noun)
            if a is not None:
                return Speaker(a.name, a.type, s, e)
        if m.group("gov"):
            # "A government spokesperson said": the government of the country named last.
            countries = _country_names()
            i = bisect.bisect_left(index.starts, s) - 1
            for k in range(i, max(-1, i - LOOKBACK), -1):
                a = index.rows[k][2]
                if a.type == "government" and a.name in countries:
                    return Speaker(a.name, a.type, s, e)
        # "the spokesman said": the spokesperson named before, else an unnamed one.
        a = index.last_with_role(s, "spokes")
        if a is not None:
            return Speaker(a.name, a.type, s, e)
        if m.group().split()[0] in ("A", "An") and state.last_thing and \
                AFTER_STOP.search(text[max(0, s - 4):s]):
            # "The department says ... . A spokesperson said ...": the body speaks on record.
            return Speaker(state.last_thing[0], state.last_thing[1], s, e)
        return Speaker(None, None, s, e, descriptor=m.group())
    if rx is ANON:
        end = index.end_over(s, e)
        if end > e:  # "an official at the Ministry of Mines, Energy and Water": a name with commas
            e = end
        phrase = text[s:e]
        if phrase.lower().startswith("the ") and ANONYMITY.search(text, e, min(len(text), e + 60)) and \
                COMMA_WHO.match(text[e:e + 8]):
            state.last_anon = phrase  # "the chief buyer of a chipmaker, who asked not to be named,"
            return Speaker(None, None, s, e, descriptor=phrase)
        if phrase.lower().startswith("the ") and not ANONYMITY.search(phrase):
            if state.last_anon and THE_WORD.fullmatch(phrase) or SOURCE_QUALIFIER.search(phrase):
                # "the sources said", "The people briefed on the matter said": still unnamed.
                state.last_anon = state.last_anon or phrase
                return Speaker(None, None, s, e, descriptor=phrase)
            return None
        if "surnamed " in phrase and (row := index.at(s + phrase.index("surnamed ") + 9)) is not None and \
                row[2].type == "person":
            return Speaker(row[2].name, "person", s, e, descriptor=phrase)  # "a manager surnamed X"
        state.last_anon = phrase
        return Speaker(None, None, s, e, descriptor=phrase)
    if rx is DESCRIPTOR:
        noun = m.group("noun").lower()  # "the Company" in a press release
        if noun in ("official", "source", "person"):
            return Speaker(None, None, s, e, descriptor=m.group()) if state.last_anon else None
        if noun in ORG_NOUNS:
            # "the developer" is the one named beside that word before ("its developer, X"),
            # else the last organisation; "the company" is always the last one.
            a = (None if noun in GENERIC_NOUNS else _apposed_before(text, s, noun, index)) or \
                index.last_before(s, ("organization",))
        elif noun == "bloc":
            a = index.last_before(s, ("government",), "union") or index.last_before(s, ("government",))
        elif noun in ("government", "administration"):
            a = next((index.by_name[n] for n in _executives().get(noun, ()) if n in index.by_name), None) \
                or index.last_before(s, ("government",))
        else:
            a = index.last_before(s, ("government",), noun)
        if a is None:
            return None
        return Speaker(a.name, a.type, s, e)
    if rx is PRONOUN:
        w = m.group().lower()
        if w in ("he", "she"):
            if state.anon_person:
                return Speaker(None, None, s, e, descriptor=state.anon_person)
            name = state.pronoun(w)
            if name is None:
                return None
            return Speaker(name, "person", s, e)
        if w == "it":
            if state.last_thing:
                return Speaker(state.last_thing[0], state.last_thing[1], s, e)
            return None
        if w == "others":
            return Speaker("Others", "group", s, e)
        if w == "they" and state.last_group:
            return Speaker(state.last_group[0], state.last_group[1], s, e)
    return None


@functools.cache
def _executives() -> dict[str, tuple[str, ...]]:
    """The governments whose executive a bare noun names ("the administration"), by noun."""
    out: dict[str, list[str]] = {}
    for g in vocab.table("governments").get("government", []):
        for noun in g.get("executive", ()):
            out.setdefault(noun, []).append(g["name"])
    return {k: tuple(v) for k, v in out.items()}


# The writer's own sources: "buyers I spoke to", "traders we surveyed".
CONTACT_CLAUSE = re.compile(r"^\s+(?:I|we)\s+(?:(?:have\s+)?(?:spoke|spoken|talked|talk|speak)\s+(?:to|with)|"
                            r"(?:interviewed|surveyed|contacted|polled))\s*$")
# A short parenthetical right after a name: a party and state, an abbreviation.
PAREN_AFTER_NAME = re.compile(r"^\s*\([^()\n]{1,40}\)")


@functools.cache
def _postnominal_gap() -> re.Pattern[str]:
    """Letters after a person's name, before the verb: "X Y MP said" (titles.txt's postnominals)."""
    return re.compile(r"^\s+(?:" + "|".join(map(re.escape, sorted(entities.lexicon().postnominals))) + r")\b")


# Appositions between a subject and its verb: ", R-Ohio, chairman of X," or "—A and B—".
SUBJECT_WINDOW = 500  # characters before a verb searched for its subject
SUBJECT_GAP = re.compile(r"^\s*(?:[,—–]|--)(?:\s*[^,—–;]{1,160}?(?:[,—–]|--)){1,3}\s*$")


PERSON_OFFICE = re.compile(r"['’]s\s+(?:(?:campaign|press|congressional|Senate|House)\s+)?(?:office|spokesperson|"
                           r"spokesman|spokeswoman|team|campaign|aides?|staff|lawyers?|representatives?)\b")
SHOWED = re.compile(r"(?:showed|shows)\b")
# A passive report with its agent: "was told by officials that", "had been warned by X that".
PASSIVE_VERBS = frozenset({"told", "warned", "assured", "informed", "advised"})
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+)?$")
BY_AGENT_THAT = re.compile(r"\s+by\s+(?P<np>[^,.;:\"“”]{2,80}?)\s+that\b")
RELATIVE_GAP = re.compile(r",\s+(?:who|which)\s+")
SOURCE_GAP = re.compile(r"^\s+" + SOURCE_NOUNS + r"\s*$")
AT_FROM = re.compile(r"\s+(?:at|from)\s+(?:the\s+)?")
AT_FROM_WITH = re.compile(r"\s+(?:at|from|with)\s+(?:the\s+)?")
ON_THE = re.compile(r"\s+on\s+the\s+")
AT_FROM_OF = re.compile(r"\s+(?:at|from|of)\s+(?:the\s+)?")
# What a group's members make or handle, after the group's name: "exporters of tin, zinc and lead".
KIND_GAP = re.compile(r"^\s+of\s+[a-z][\w-]*(?:(?:,\s+|\s+(?:and|or)\s+|\s+)[a-z][\w-]*){0,10}(?=\s*$)")
PLACE_GAP = re.compile(r"^\s+(?:from|in|at|on|with|across|around)\s+[\w\s.’'-]{1,40}?(?=\s*$)")
REPRESENTING_GAP = re.compile(r"^\s+(?:representing|including)\s+[^;:.“”\"]{1,160}?(?=\s*$)")
CLAUSE_AND = re.compile(r"(?:^|[,;]\s*)and\s+$")
CONJ_BEFORE = re.compile(r"\b(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Tt]hat|[Ww]hile)\s+$|,\s*as\s+$")  # ", as X warned"
THAT_BEFORE = re.compile(r"\bthat\s+$")
WORD_COMMA = re.compile(r"(?:[a-z]),\s+(?:[A-Z][\w]*-(?:based|area)\s+)?$")  # "one of them, Lima-based X, said"
SOURCE_OF = re.compile(r"\b" + SOURCE_NOUNS + r"\s+(?:from|by|of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")
AND_THE = re.compile(r"\s+and\s+(?:the\s+)?")
PREP_THE_END = re.compile(r"\b(?:between|of|for|with|to|from|by|and)\s+(?:the\s+)?$")
JOINT_AND = re.compile(r"(?:^|,\s*)(?:[^,]{0,80},\s*)?and\s+(?:[A-Z][\w.]*\s+){0,4}$|"
                       r"^\s+and\s+(?:his|her|their)\s+(?:[A-Z][\w.-]*\s+){0,2}(?:counterpart|colleague)\s+$")
AND_NAME = re.compile(r"\s+and\s+(?:[A-Z][\w.]*(?:['’]s)?\s+){0,4}")  # "X and Japan's minister Y"


# The phrases a subject may be, each with how far past the verb its scan reads. Only a
# match that ends by the verb counts, and the scan stops at the first that does not; so it
# need not try the places past the verb, only let a match before it read on. SPOKES and
# ANON end in look-aheads of any length ("[a-z]+ed", "[^,.;:]*?"): 120 characters, as
# ever. PRONOUN reads at most 7 characters from its start; DESCRIPTOR at most 18 past the
# spaces after its "the" or "its", and when those spaces run past the verb, a match ends
# past it and no later start before the verb is left to try. So a shorter scan finds the
# same matches before the verb.
#
# DESCRIPTOR and PRONOUN are read in one scan, SUBJECT_WORD: either matches at a place where
# the other cannot, and neither starts inside the other's match ("the", "its" and the nouns
# are no pronouns), so its matches are theirs, in order; a pronoun it finds before the verb
# reads no further than the verb. The group "pronoun" tells which it is.
SUBJECT_SCANS = ((SPOKES, 120), (ANON, 120), (None, 24))
_AFTER_FIRST = r"(?<![\w-].)"
SUBJECT_WORD = re.compile(r"[HhSsIiTtOo]" + _AFTER_FIRST + r"(?:(?P<pronoun>" + PRONOUN.pattern.split(_AFTER_FIRST, 1)[1]
                          + r")|" + DESCRIPTOR.pattern.split(_AFTER_FIRST, 1)[1] + r")")
# Where ANON may start: one of its first words and a space. ANON itself starts with a
# look-behind, which `re` tries at every character; ANON_FIRST matches the character before
# such a word, from a class of ASCII ranges (a bitmap test; a non-ASCII letter it lets
# through fails ANON's look-behind).
ANON_FIRST = re.compile(r"[^A-Za-z0-9_\-](?=(?:a|an|A|An|one|One|officials|Officials|two|Two|three|Three|the|The|"
                        r"traders|Traders|four|Four|five|Five|several|Several|sources|Sources|staff|Staff|people|"
                        r"People|executives|Executives|diplomats|Diplomats|bankers|Bankers)\s)")


def _tried_at(rx: re.Pattern[str], first: re.Pattern[str], text: str, pos: int, vs: int, endpos: int):
    """``rx.finditer(text, pos, endpos)`` up to its first match that ends past ``vs``, for
    an rx that can match only at the text's start or after a character `first` matches:
    tried at those places before ``vs`` only (a match that starts at ``vs`` or later ends
    past it), not at every character up to ``endpos``, which only its look-aheads read."""
    places = (d.end() for d in first.finditer(text, pos - 1, vs)) if pos else \
        itertools.chain((0,), (d.end() for d in first.finditer(text, 0, vs)))
    for at in places:
        if at < pos:
            continue
        m = rx.match(text, at, endpos)
        if m is not None:
            yield m
            pos = m.end()
            if pos > vs:
                return


def _subject_before(text, ss, se, vs, index: Index, state: Discourse, masked) -> Speaker | None:
    """The subject of the verb at ``vs``: the last phrase before it whose gap
    to the verb holds only adverbs, auxiliaries and appositions."""
    # Candidates are plain (name, type, start, end, descriptor) tuples, Speaker's fields in
    # its order: a Speaker is made for the one chosen only.
    cands: list[tuple] = []
    mention_spans = set()
    ws = max(ss, vs - SUBJECT_WINDOW)  # a subject sits near its verb; keeps long sentences linear
    for s, e, a in index.within(ws, vs):
        cands.append(_mention(text, s, e, a, state))
        mention_spans.add((s, e))
    lowered = text[ws:vs].lower()
    for rx, after in SUBJECT_SCANS:
        if rx is SPOKES and "spokes" not in lowered and "representative" not in lowered:
            continue
        if rx is ANON and not _holds_any(lowered, ANON_WORDS):
            continue
        for m in rx.finditer(text, ws, min(se, vs + after)) if rx is SPOKES else \
                SUBJECT_WORD.finditer(text, ws, min(se, vs + after)) if rx is None else \
                _tried_at(ANON, ANON_FIRST, text, ws, vs, min(se, vs + after)):
            if m.end() > vs:
                break
            if masked[m.start() - ss:m.start() - ss + 1] == "_":
                continue
            sp = _resolve(m, rx or (DESCRIPTOR if m.group("pronoun") is None else PRONOUN), text, index, state,
                          m.start())
            if sp is not None:
                cands.append((sp.name, sp.type, sp.start, sp.end, sp.descriptor))
    if state.documents:
        for m in DOCUMENT.finditer(text, ws, vs):
            author = state.documents.get(m.group("doc").lower())
            if author is not None:  # '"...," the note said.': the note's author
                cands.append((author[0], author[1], m.start(), m.end(), None))
    if state.last_anon:
        for m in ONE_OF.finditer(text, ss, min(se, vs + 6)):  # "One said": the look-ahead reads the verb
            if m.end() > vs:
                break
            cands.append((None, None, m.start(), m.end(), m.group()))
    # "four industry executives said": a counted unnamed source, not the group; so is "the
    # executives" after "three executives at X" ("the traders said" after unnamed traders).
    last_anon = state.last_anon.lower() if state.last_anon else ""
    cands.sort(key=lambda c: (c[2], c[2] - c[3],
                              0 if c[0] is None and (COUNTED.match(c[4] or "") or _refers_back(c[4], last_anon))
                              else 1))
    # Prefer the longest phrase at a position; drop phrases inside others.
    kept: list[tuple] = []
    for c in cands:
        if kept and c[2] < kept[-1][3]:
            if c[3] - c[2] > kept[-1][3] - kept[-1][2] and c[2] == kept[-1][2]:
                kept[-1] = c
            continue
        kept.append(c)
    best = None
    showed = SHOWED.match(text, vs, vs + 8) is not None
    for i in range(len(kept) - 1, -1, -1):
        c = kept[i]
        name, typ, start, end, _ = c
        if (start, end) not in mention_spans and COMMA_END.search(text[max(ss, start - 3):start]) \
                and text[end:vs].lstrip().startswith(","):
            continue  # an apposition: "X Y, a spokesman for Z, said"
        if i and kept[i - 1][1] == "person" and AT_FROM_OF.fullmatch(text, kept[i - 1][3], start):
            continue  # the employer in "X Y at the Acme Union said"
        if i and kept[i - 1][1] == "group" and ON_THE.fullmatch(text, kept[i - 1][3], start):
            continue  # the committee in "House Republicans on the X Committee said": the members speak
        if typ == "person" and text[end:end + 2] in ("'s", "’s"):
            om = PERSON_OFFICE.match(text, end, vs)
            if om is not None:  # "X's office said": the person speaks through it
                end = om.end()
                c = (name, typ, start, end, None)
        gap = masked[end - ss:vs - ss]
        if "_" in gap:
            continue
        gap = PAREN_AFTER_NAME.sub("", gap)  # "X (R-Ohio) said", "X Association (XA) said"
        if typ == "person" and gap[:1] == " ":
            gap = _postnominal_gap().sub("", gap)  # "the Hon X Y MP said"
        gap = GAP_ADVERBS_STRIP(gap)
        if showed and typ in ("government", "organization"):
            gap = SOURCE_GAP.sub("", gap)  # "customs data showed"
        if typ == "group":
            # "Analysts at Acme Securities said": the named firm speaks through them.
            firm = AT_FROM.match(text[end:vs])
            if firm:
                row = index.at(end + firm.end())
                if row is not None and row[2].type in ("organization", "media") and \
                        not text[row[1]:vs].strip(" ,"):
                    return Speaker(row[2].name, row[2].type, start, row[1])
            gap = PLACE_GAP.sub("", gap)
            gap = KIND_GAP.sub("", gap)
            gap = CONTACT_CLAUSE.sub("", gap)  # "traders I spoke to say"
            gap = REPRESENTING_GAP.sub("", gap)  # "associations representing X, Y and Z told"
        elif typ == "person" and gap.strip():
            # "X Y of Acme Capital said": the employer between the name and the verb.
            emp = AT_FROM_OF.match(text, end, vs)
            row = index.at(emp.end()) if emp else None
            if row is not None and row[2].type in ("organization", "media", "government") and \
                    GAP_ADVERBS_STRIP(masked[row[1] - ss:vs - ss]) == "":
                gap = ""
        pre = text[max(ss, start - 40):start]
        if typ == "organization" and text[end:end + 1] in "'’" and \
                (rm := _owned_role().match(text, end, vs)) and not GAP_ADVERBS_STRIP(masked[rm.end() - ss:vs - ss]):
            # "Acme's chief executive has argued that": the company's officer, unnamed, speaks.
            best = (text[start:rm.end()], "person", start, rm.end(), None)
            break
        if text[end:end + 2] in ("'s", "’s"):
            continue
        if _ends_with_preposition(pre) and not CLAUSE_AND.search(pre) and not CONJ_BEFORE.search(pre) and \
                not (start - ss <= 4 and text.startswith("As ", ss)):
            if not THAT_BEFORE.search(pre):
                continue
        if gap.strip() == "":
            best = c
            break
        if gap[:1] == "," and start > ss + 2 and RELATIVE_GAP.fullmatch(gap):
            # "according to a report from X, which says", "met X Y, who said": a relative clause
            # closing the sentence (one opening it may close before the sentence's own verb)
            best = c
            break
        if gap.strip() in (",", "—") and (", " in text[start:end] or WORD_COMMA.search(pre) or "—" in gap):
            best = c
            break
        if SUBJECT_GAP.match(gap) and gap.strip()[0] in ",—–-":
            best = c
            break
    if best is None:
        return None
    name, typ, start, end, _ = best
    if showed and (dm := SOURCE_OF.search(text[max(ss, start - 50):start])):
        # "data from consultancy X showed": the phrase starts at the data.
        start = max(ss, start - 50) + dm.start()
        best = (name, typ, start, end, None)
    if typ == "group" and RESEARCHERS.search(name or ""):
        # "Analysts at Acme Securities wrote in a note": the firm's research speaks.
        am = AT_FROM_WITH.match(text[end:vs])
        row = index.at(end + am.end()) if am else None
        if row is not None and row[2].type == "organization" and not masked[row[1] - ss:vs - ss].strip(" ,"):
            return Speaker(row[2].name, row[2].type, start, row[1])
        if row is not None and row[2].type == "organization" and GAP_ADVERBS_STRIP(masked[row[1] - ss:vs - ss]) == "":
            return Speaker(row[2].name, row[2].type, start, row[1])
    # Joint subjects: "X, a ..., and Y, a ..., said" / "X and Y said".
    if typ in ("government", "organization"):
        for c in kept:
            if c is not best and c[1] == typ and c[0] != name and c[0] is not None and \
                    AND_THE.fullmatch(text[c[3]:start]) and \
                    not PREP_THE_END.search(text[max(ss, c[2] - 12):c[2]]):
                return Speaker(c[0], c[1], c[2], end, joint=[(name, typ)])
    if typ == "person":
        joint = []
        for c in kept:
            if c is best or c[1] != "person" or c[2] >= start or start - c[3] > 200:
                continue
            between = PAREN_AFTER_NAME.sub("", text[c[3]:start])  # "X (D-Ore.) and Y (D-N.M.) wrote"
            if JOINT_AND.search(between) or AND_NAME.fullmatch(between):
                joint.append(c)
        if joint:
            first = joint[-1]
            return Speaker(first[0], first[1], first[2], end, joint=[(name, typ)])
    return Speaker(*best)


OPENER = re.compile(r"(?:(?:[A-Z][a-z]+|On|In|At|Last|This)\b[^,]{0,30},\s*)?")


def _sentence_subject(text, ss, vs, index: Index, state: Discourse, masked) -> Speaker | None:
    """The first actor at the start of the sentence (after openers such as "On Monday,")."""
    m = OPENER.match(text[ss:vs])
    start = ss + (m.end() if m else 0)
    row = index.at(start)
    if row is None and text[start:start + 4].lower() == "the ":
        row = index.at(start + 4)
    if row is not None and row[0] < vs:
        return Speaker(row[2].name, row[2].type, row[0], row[1])
    return None


TRAILING_ADVERB = re.compile(
    r"\s*\b(?:also|later|previously|separately|then|has|have|had|would|will|again|further|"
    r"reportedly|allegedly|apparently|still|already|publicly|privately|repeatedly|recently|"
    r"itself|himself|herself|themselves|however|too|once|on \w+|last \w+|this \w+|"
    r"in a (?:joint )?statement|in a letter|went further and|(?:has|have|had) long)\s*$")


def GAP_ADVERBS_STRIP(gap: str) -> str:
    """Remove adverbs and auxiliaries at the end of the gap: 'X has reportedly said'."""
    end = gap.rstrip()[-1:]
    if not (end.isalnum() or end == "_"):  # every adverb ends in a word character
        return gap if end else ""
    while True:
        # A match ends the gap and holds at most four words (TRAILING_ADVERB's phrases have
        # at most three spaces), so it starts at the spaces before the fourth word from the
        # end or later: the search starts there, not at every character.
        head = gap.rsplit(None, 4)
        m = TRAILING_ADVERB.search(gap, len(head[0]) if len(head) == 5 else 0)
        if m is None:
            break
        gap = gap[:m.start()]
    return gap if gap.strip() else ""


ACCORDING_NP = re.compile(r"\s+(.+?)(?=,|[.;]\s|[.;]?$)")
ACCORDING_REST = re.compile(r".*?(?=,|[.;]\s|[.;]?$)")  # the rest of the phrase after a name
DESCRIBED = re.compile(r"(?:the|its|their)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*")  # "the developer"
PUBLISHED_BY = re.compile(r"\b(?:released|published|issued|compiled|seen|filed) by\s+")
SOURCE_NOUN = re.compile(SOURCE_NOUNS)
# Figures of no one named: "industry estimates", "trade data" (lowercase words, a source noun).
UNOWNED_SOURCE = re.compile(r"(?:[a-z][\w-]*\s+){1,2}(?:estimates|data|figures|statistics)")
SEEN_BY = re.compile(r"\bseen by\b")
BODY_SOURCE = re.compile(r"\b(ministry|department|regulator|agency|commission|government|company)\b\s+" + SOURCE_NOUNS,
                         re.IGNORECASE)


def _according_speaker(text, vend, se, index: Index, state: Discourse, ss=None, vs=None) -> Speaker | None:
    m = ACCORDING_NP.match(text[vend:se])
    if not m:
        return None
    ns = vend + m.start(1)
    ne = vend + m.end(1)
    if text.startswith(",", ne):
        # A comma inside a name: "estimates by the Ruritania Oil, Gas and Metals Development Corporation".
        for r in index.within(ns, se):
            if r[0] < ne < r[1]:
                ne = ACCORDING_REST.match(text, r[1], se).end()
                break
    # "according to X Y, head of procurement at Z, ..." - the apposition belongs to the name.
    app = _appositive_rx().match(text, ne, se)
    if app:
        ne = app.end()
    np = text[ns:ne]
    if DESCRIBED.fullmatch(np) and text.startswith(", ", ne):
        # "according to the developer, X.": the name in apposition ends the sentence.
        j = ne + 2
        row = index.at(j) or (index.at(j + 4) if text.startswith("the ", j) else None)
        if row is not None and row[2].type in ("organization", "government", "person") and \
                not text[row[1]:se].strip(" .;!\"”’'"):
            return Speaker(row[2].name, row[2].type, ns, row[1])
    # "a briefing paper published by the Energy Department"
    by = PUBLISHED_BY.search(np)
    head = np[:by.start()] if by else np
    if UNNAMED_SOURCES.fullmatch(np) or COUNTED.match(np) and SOURCE_QUALIFIER.search(np):
        # "according to industry sources", "according to two lobbyists briefed on the talks"
        state.last_anon = np
        return Speaker(None, None, ns, ne, descriptor=np)
    if state.documents and (dm := DOCUMENT.fullmatch(np)) and (author := state.documents.get(dm.group("doc").lower())):
        return Speaker(author[0], author[1], ns, ne)  # "..., according to the paper." after "said in a paper"
    sp = _np_at(text, ns, ne, index, state)
    if sp is not None and sp.name is None:
        return sp
    if by and SOURCE_NOUN.search(head):
        tail_s = ns + by.end()
        sp2 = _np_at(text, tail_s + (4 if text[tail_s:tail_s + 4].lower() == "the " else 0), ne, index, state) or \
            _np_at(text, tail_s, ne, index, state)
        if sp2 is not None and not SEEN_BY.search(np):
            return Speaker(sp2.name, sp2.type, ns, ne)
    if sp is not None and sp.name is not None:
        return Speaker(sp.name, sp.type, ns, ne)
    # "a department notice", "Commission figures", "customs data"; an owner before
    # the body is not the source: "figures from China's customs administration".
    rows = list(index.within(ns, ns + len(head)))
    rows = [r for r in rows if text[r[1]:r[1] + 2] not in ("'s", "’s")] or rows
    for s, e, a in rows:
        return Speaker(a.name, a.type, ns, ne)
    dm = BODY_SOURCE.search(head)
    if dm:
        word = dm.group(1).lower()
        a = index.last_before(ns, ("government",), word) if word not in ("company",) else \
            index.last_before(ns, ("organization",))
        if a is not None:
            return Speaker(a.name, a.type, ns, ne)
    dm = DOC_HEAD.fullmatch(head.rstrip())
    if dm and ss is not None and COMMA_END.search(text, max(ss, vs - 3), vs):
        # "X is preparing a plan, according to a draft seen by Y": the draft is X's.
        sub = _sentence_subject(text, ss, vs, index, state, None)
        if sub is not None and sub.type in ("organization", "government") and \
                LOWER_WORD.match(text, sub.end, vs):
            state.documents[(dm.group("doc") or dm.group("own")).lower()] = (sub.name, sub.type)
            return Speaker(sub.name, sub.type, ns, ne)
    if UNOWNED_SOURCE.fullmatch(np):
        return Speaker(None, None, ns, ne, descriptor=np)  # "as per industry estimates": no one named
    return None


@functools.cache
def _appositive_rx() -> re.Pattern[str]:
    return re.compile(r",\s+((?:a|an|the|its)\s+)?(?:[\w’'-]+\s+){0,3}?(?:" + entities.lexicon().role_rx.pattern
                      + r")\b[^,;.]*", re.IGNORECASE)


def _colon_speaker(text, ss, colon, index: Index, state: Discourse) -> Speaker | None:
    start = ss + (3 if text.startswith("As ", ss) else 0)
    anon = ANON.match(text, start, colon)
    if anon is not None and not anon.group().lower().startswith("the "):
        # "A buyer at a Swiss pump maker put it simply: '...'"
        return _resolve(anon, ANON, text, index, state, start)
    rows = [r for r in index.within(ss, colon)]
    if not rows:
        return None
    line_start = text.rfind("\n", 0, colon) + 1
    first = rows[0]
    if first[0] == max(ss, line_start) and first[2].type in ("person", "organization", "government", "group"):
        return Speaker(first[2].name, first[2].type, first[0], first[1])
    persons = [r for r in rows if r[2].type == "person"]
    if persons:
        s, e, a = persons[-1]
        return Speaker(a.name, a.type, s, e)
    return None


def _interviewee(state: Discourse, index: Index, pos: int, text: str, blocks):
    """Who answers a Q&A: the person a header line names as giving the conference or
    interview ("Press Conference by Minister X Y", "Interview with X Y"); else the last
    person who spoke or was named before."""
    for b in blocks:
        if b.start >= pos:
            break
        if b.kind in ("title", "paragraph") and GIVEN_BY.search(text, b.start, b.end):
            for _, _, a in index.within(b.start, b.end):
                if a.type == "person":
                    return a.name, "person"
    if state.subjects:
        return state.subjects[-1], "person"
    a = index.last_before(pos, ("person",))
    return (a.name, "person") if a else None


GIVEN_BY = re.compile(r"\b(?:[Cc]onference|[Bb]riefing|[Rr]emarks|[Ss]tatement|[Ii]nterview|[Aa]ddress) (?:by|with)\b")


# --- content of reported speech --------------------------------------------------------


QUOTED_WORD = re.compile(r"[“\"‘][^”\"’]{2,}[”\"’]")  # a short quotation among reported words
CLAUSE_OPEN_END = re.compile(r"(?:^\s*|\bthat,?\s*|,\s*and\s*)$", re.IGNORECASE)
ONLY_TAIL = re.compile(r"[\s,]*(?:(?:on|last|this|in|at|over|during|after)\b[^,;]*)?[\s.,;]*")
SUBORDINATE = re.compile(r"\s*,?\s*(?:as|while|after|before|when|because|since|amid|even as)\s")
COMMA_THE_END = re.compile(r",\s*(?:the\s+|its\s+)?$", re.IGNORECASE)
# After "A, he said," the rest of the words: a predicate or a clause, not a participle or
# a subordinate clause of the attribution's own.
MID_SENTENCE_REST = re.compile(r"\s*,\s*(?![a-z]+ing\b|(?:which|who|whose|as|while|after|before|when|because|since|"
                               r"amid|even|citing|according|adding|without)\b)[a-z]")
JUDGED_END = re.compile(r",\s*[”\"’']?\s*(?:while|whereas|but|although|though|as|even as)\s|;")
ABOUT = re.compile(r"\s*(?:about|over|for)\s")
# The thing judged, then "as"/"for": "slammed the levy as ...", "criticized X for ..."; with
# nothing judged before it ("called for an inquiry") the verb makes a request, no words.
JUDGED_AS = re.compile(r"\s*(?!(?:as|for)\b)(?:[^,;.]{1,80}?)\s\b(as|for)\b\s+")
THE_CAPITAL = re.compile(r"\s*(?:the\s+)?[A-Z]")
ADDRESSEE = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w.’'-]*\s*)+")
# No words: "said nothing", "answered questions from reporters".
NO_WORDS = re.compile(r"(?:nothing|little|no comment)\b|questions(?:\s+(?:from|about|on|at)\b|\s*$)")


def _content(text, ss, se, f: Frame, nxt: Frame | None, frames, masked) -> tuple[int, int] | None:
    end = se
    if nxt is not None:
        end = min(end, nxt.speaker.start if nxt.speaker and nxt.speaker.start > f.vend else nxt.vstart)
        if nxt.medium is not None:  # "X reported that ... and quoted Y as saying ...": X's words end there
            qm = AND_QUOTED.search(text, f.vend, end)
            end = qm.start() if qm else end
    if f.kind == "according":
        sp = f.speaker
        after_np = sp.end if sp else f.vend
        pre = text[ss:f.vstart]
        if CLAUSE_OPEN_END.search(pre) or not pre.strip(" ,"):
            m = SPACE_COMMA.match(text[after_np:se])
            s = after_np + m.end()
            return _trim(text, s, end)
        # before: the clause up to ", according to"
        start = _clause_start(text, ss, f.vstart)
        return _trim(text, start, f.vstart)
    sp = f.speaker
    if not f.inverted and sp is not None and sp.start >= ss:
        k = f.vend
        aud = None
        if f.verb in ("told", "tells", "tell"):
            aud = AUDIENCE.match(text, k, end)
            if aud:
                k = aud.end()  # "told reporters (aboard X) that ..."
            else:
                named = ADDRESSEE.match(text, k, end)  # "..., three traders told the Lima Herald, betting ..."
                if named and text.startswith((",", "."), named.end()):
                    k = named.end()
        lead = ADVERBIAL.match(text[k:end])
        k += lead.end() if lead else 0
        rest = text[k:end]
        only_tail = ONLY_TAIL.fullmatch(rest) or SUBORDINATE.match(rest)
        if not only_tail and aud is None and f.verb in ("told", "tells", "tell"):
            # "..., two executives told the Lima Herald (in an interview).": only the addressee follows.
            am = ADDRESSEE.match(rest)
            only_tail = am is not None and ONLY_TAIL.fullmatch(rest, am.end())
        pre = text[ss:sp.start]
        cm = COMMA_THE_END.search(pre)
        if cm and not only_tail and MID_SENTENCE_REST.match(rest):
            # "Spare parts, he said, often move through ...": the attribution sits inside
            # the words, which are the whole sentence around it.
            return _trim(text, _clause_start(text, ss, ss + cm.start()), end)
        if (only_tail or not rest.strip(" .,;") or rest.lstrip().startswith(",")) and cm:
            # "..., X said."  The words are the clause before the speaker.
            return _trim(text, _clause_start(text, ss, ss + cm.start()), ss + cm.start())
        if f.kind == "fear" and ABOUT.match(text[k:end]):
            return None  # "Others worry about the cost": a worry with an object, no words
        if f.kind == "judge":
            m = JUDGED_AS.match(text[k:end])
            if not m:
                return None
            # The words are the thing judged and the judgement: "the levy as a 'fair answer'",
            # up to a new clause ("..., while the ministry ...").
            cut = JUDGED_END.search(text, k + m.end(), end)
            judged = _trim(text, k + m.end(), cut.start() if cut else end)
            if judged is None:
                return None  # a single scare-quoted word: "described the meetings as 'advisory'"
            return _trim(text, k, judged[1])
        else:
            # Indirect object: "told Reuters that", "assured Acme that", ", citing ..., that"
            m = THAT_CLAUSE.match(text, k, end)
            if m:
                k = m.end()
            elif f.verb in ("told", "tells", "tell", "assured", "assures", "warned") and aud is None and \
                    THE_CAPITAL.match(text[k:end]):  # "told the panel the Office of X had ..." has one addressee
                m2 = ADDRESSEE.match(text[k:end])
                k += m2.end() if m2 else 0
            lead = ADVERBIAL.match(text[k:end])
            if lead:
                k += lead.end()
        if f.kind == "say" and TOPIC_ONLY.match(text, k, end):
            return None  # "carmakers warn of shortages": a topic, no words reported
        if f.verb in ADD_VERBS and ADDED_TO_LIST.match(text, k, end):
            return None  # "added two firms to its entity list": a thing added, no words
        got = _trim(text, k, end)
        if got is None and f.kind == "say" and text[k:end].strip(" .") and len(text[k:end].split(None, 3)) <= 3:
            return _trim(text, f.vstart, end)
        if got is not None and NO_WORDS.match(text[got[0]:got[1]]):
            return None
        if got is not None and len(text[got[0]:got[1]].split(None, 2)) <= 2 and f.kind == "say":
            return f.vstart, got[1]
        return got
    if f.inverted:
        # "The review is delayed, said people familiar with the matter."
        cm = COMMA_MARK_END.search(text, ss, f.vstart)  # 'Prices are "too high," said X.'
        if cm:
            return _trim(text, ss, cm.start())
    return None


def _clause_start(text, ss, pos) -> int:
    """Start of the reported clause that ends at ``pos``."""
    return ss


TRAILING_CONJ = re.compile(r"(?:,|\s)\s*(?:and|but|while|or|although|though|whereas)$")
CONJ_ENDS = ("and", "but", "while", "or", "though", "whereas", "\n")  # what TRAILING_CONJ's match ends with


def _trim(text, s, e) -> tuple[int, int] | None:
    while s < e and text[s] in " ,;:—–-":
        s += 1
    while True:
        while e > s and text[e - 1] in " .,;:—–-\"”’'":
            e -= 1
        m = TRAILING_CONJ.search(text[s:e]) if text.endswith(CONJ_ENDS, s, e) else None
        if not m:
            break
        e = s + m.start()
    if e - s < 3 or len(text[s:e].split(None, 1)) < 2:  # fewer than two words (split no further)
        return None
    # A quotation closed where the words end keeps its closing mark ('has "broadly held"').
    close = text[e:e + 1]
    if close == "”" and text.count("“", s, e) > text.count("”", s, e) or \
            close == '"' and text.count('"', s, e) % 2:
        e += 1
    # Lone openers such as "“" inside: keep the span as written.
    return s, e


# --- media and subjects -------------------------------------------------------------


MEDIUM_BEFORE = re.compile(r"\b(?:told|to|with|on|in)\s+(?:the\s+)?(?:state-run\s+|state-owned\s+)?$", re.IGNORECASE)


def _medium(text, ss, se, f: Frame, index: Index) -> str | None:
    if not index.media:
        return None
    i = bisect.bisect_left(index.media_starts, ss)
    for s, e, a in index.media[i:bisect.bisect_left(index.media_starts, se, i)]:  # the outlets `within` gives
        if e > se or (f.speaker and f.speaker.name == a.name):
            continue
        pre = text[max(ss, s - 30):s]
        if MEDIUM_BEFORE.search(pre):
            return a.name
    return None


def _medium_before(text, index: Index, pos) -> str | None:
    a = index.last_before(pos, ("media",))
    return a.name if a else None


HE_SHE = re.compile(r"(?:that\s+)?(he|she)\b", re.IGNORECASE)
# "he" or "she" before a reporting verb; the pronoun is "he" when the match starts with an h.
PRONOUN_SAID = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])e|(?<=[Ss])he)\s+(?:\w+\s+)?(?:said|told|added|argued|warned)\b")


def _update_subjects(text, ss, se, index: Index, state: Discourse, new: list[Said]) -> None:
    anon = None
    if new:  # most sentences report nothing: only the first mention below is read
        persons = [s for s in new if s.speaker_type == "person" and s.speaker]
        said_pronoun: dict[tuple[int, int], str | None] = {}  # a sentence's "he said", read once
        for s in new:
            if s.speaker_type == "person" and s.speaker:
                # "X said he ..." teaches the gender of X.
                m = HE_SHE.match(text, s.start, s.end)
                if m and s.kind == "indirect":
                    state.learn_gender(s.speaker, m.group(1).lower())
                # A pronoun speaker teaches it too.
                if s.sentence:
                    if s.sentence not in said_pronoun:
                        pm = PRONOUN_SAID.search(text[s.sentence[0]:s.sentence[1]])
                        said_pronoun[s.sentence] = None if pm is None else "he" if pm.group()[0] in "Hh" else "she"
                    if said_pronoun[s.sentence] is not None:
                        state.learn_gender(s.speaker, said_pronoun[s.sentence])
        if persons:
            state.person(persons[0].speaker)
            return
        anon = next((s.speaker_descriptor for s in new if s.speaker is None and s.speaker_descriptor), None)
    first = index.first_within(ss, se)
    if first is not None:
        s, e, a = first
        pre = text[ss:s]
        if a.type == "person" and "," in pre:
            pre = pre[OPENER.match(pre).end():]  # "Back in Kuantan, fisherman X, 54, watched ..."
        if len(pre.split(None, 3)) <= 3 and not _ends_with_preposition(pre):
            if a.type == "person":
                state.person(a.name)
            elif a.type in ("organization", "government"):
                state.last_thing = (a.name, a.type)
            elif a.type == "group":
                state.last_group = (a.name, a.type)
    for s in new:
        if s.speaker and s.speaker_type in ("organization", "government"):
            state.last_thing = (s.speaker, s.speaker_type)
    if anon is not None:
        state.anon_person = anon if ONE_PERSON.match(anon) else None


# An unnamed source who is one person: "One of them", "a senior official", "the chief buyer of X".
ONE_PERSON = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\b|[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:official|person|source|"
                        r"executive|diplomat|trader|banker|insider|aide|adviser|lawyer|employee|staffer|manager|"
                        r"analyst|regulator|officer|buyer|chief)\b")
