"""Stage: entities. Who the article is about and who speaks in it.

Actors are found from the text, never from a list of names:

* **people** from a title before a capitalised name ("Commerce Secretary X Y",
  "chief executive X Y"), an apposition around it ("X Y, the head of ...",
  "Acme's chief executive, X Y,") or a speech verb next to it ("X Y said");
  a later surname alone is the same person;
* **organisations and media** from the last word of their name
  (``orgs.txt``, ``media.txt``) or a descriptor ("the brokerage X",
  "X, a Danish maker of ...", "an analyst at X");
* **governments** from ``governments.toml``: countries, their metonyms
  (Beijing is China) and bodies (ministries, departments, committees);
* **groups** from plural nouns in ``groups.txt`` with their modifiers
  ("Chinese buyers", "some analysts").

Pronouns and descriptors such as "the company" are never actor aliases; the
attribution stage resolves them.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from operator import itemgetter

from tradelink import vocab
from tradelink.models import Actor, Role, Span

from .fastre import _trie_regex, unit_trie

# --- vocabulary ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lexicon:
    heads: frozenset[str]
    honorifics: frozenset[str]
    postnominals: frozenset[str]
    roles: tuple[str, ...]
    role_rx: re.Pattern[str]
    org_suffixes: frozenset[str]
    org_descriptors: tuple[str, ...]
    media_suffixes: frozenset[str]
    media_names: dict[str, str]
    gov_alias: dict[str, str]  # lowercase alias -> canonical government
    adjectives: dict[str, str]  # adjective -> canonical government
    bodies: dict[str, tuple[str, str | None]]  # lowercase alias -> (body name, country)
    capwords: frozenset[str]
    groups: frozenset[str]
    parties: dict[str, str]
    verbs: dict[str, str]


@functools.cache
def lexicon() -> Lexicon:
    heads, honorifics, postnominals, roles = set(), set(), set(), []
    for line in vocab.lines("titles"):
        kind, _, word = line.partition(" ")
        word = word.strip()
        if kind == "head":
            heads.add(word)
        elif kind == "honorific":
            honorifics.add(word)
        elif kind == "postnominal":
            postnominals.add(word)
        elif kind == "role":
            roles.append(word)
    roles.sort(key=len, reverse=True)
    role_rx = re.compile(r"\b(?:" + _trie_regex({r.lower() for r in roles}) + r")\b", re.IGNORECASE)
    org_suffixes, descriptors = set(), []
    for line in vocab.lines("orgs"):
        kind, _, word = line.partition(" ")
        (org_suffixes.add(word.strip()) if kind == "suffix" else descriptors.append(word.strip()))
    media_suffixes, media_names = set(), {}
    for line in vocab.lines("media"):
        kind, _, word = line.partition(" ")
        word = word.strip()
        if kind == "suffix":
            media_suffixes.add(word)
        else:
            media_names[word.lower()] = word
    gov_alias, adjectives, bodies = {}, {}, {}
    table = vocab.table("governments")
    for g in table.get("government", []):
        gov_alias[g["name"].lower()] = g["name"]
        for a in g.get("aliases", []):
            gov_alias[a.lower()] = g["name"]
        for a in g.get("adjectives", []):
            adjectives[a] = g["name"]
    for b in table.get("body", []):
        for a in [b["name"], *b.get("aliases", [])]:
            bodies[a.lower()] = (b["name"], b.get("country"))
    parties = {}
    for line in vocab.lines("parties"):
        k, _, v = line.partition("=")
        parties[k.strip()] = v.strip()
    verbs = {}
    for line in vocab.lines("reporting_verbs"):
        form, _, frame = line.rpartition(" ")
        verbs[form.strip()] = frame.strip()
    return Lexicon(
        heads=frozenset(heads), honorifics=frozenset(honorifics), postnominals=frozenset(postnominals),
        roles=tuple(roles),
        role_rx=role_rx, org_suffixes=frozenset(org_suffixes),
        org_descriptors=tuple(sorted(descriptors, key=len, reverse=True)),
        media_suffixes=frozenset(media_suffixes), media_names=media_names,
        gov_alias=gov_alias, adjectives=adjectives, bodies=bodies,
        capwords=frozenset(vocab.lines("capwords")),
        groups=frozenset(vocab.lines("groups")), parties=parties, verbs=verbs,
    )


# --- patterns ------------------------------------------------------------------------

APOS = "'’"
THIRD = itemgetter(2)  # the word of a (start, end, word) token
# A capitalised word: initials (U.S.), names with hyphens or inner apostrophes
# (Smith-Jones, O'Neill), abbreviations with a full stop (Rep.).
# Plainly: (?:[A-Z]\.){2,}|[A-Z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*\.?|& (letters with diacritics too)
# written to start with a character class, which lets `re` skip to the
# candidates (four times faster); tests/test_entity_patterns.py holds them equal.
# Letters of names written in Latin script with diacritics ("Brügger", "Łukasz", "Sánchez").
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
LOWER = "a-zß-öø-ÿā-ž"
TOKEN = re.compile(r"[&" + UPPER + r"](?:(?<=&)|\.(?:[A-Z]\.)+|[0-9" + UPPER + LOWER + r"]*(?:[-'’][0-9" + UPPER + LOWER
                   + r"]+)*\.?)")
# Last words of government bodies' names.
GOV_BODY_WORDS = frozenset({"Ministry", "Department", "Administration", "Agency", "Bureau", "Commission",
                            "Authority", "Office", "Embassy", "Parliament", "Assembly", "Cabinet", "Customs",
                            "Regulator", "Directorate", "Inspectorate", "Secretariat", "Army", "Navy"})
# A U.S. agency named with the country first ("U.S. Census Bureau", "US Geological Survey"): its last word.
US_PREFIXES = frozenset({"U.S.", "US"})
US_BODY_ENDS = GOV_BODY_WORDS - {"Parliament", "Assembly", "Cabinet", "Army", "Navy", "Customs"} | \
    {"Survey", "Service", "Court", "Administration", "Reserve", "Mint"}


def _us_body(text: str, run, tokens: list[str]) -> bool:
    """Does the run after "U.S." name a body: its last word a body's ("U.S. Census Bureau"), or
    a body's word before "of"/"for the" ("U.S. Court of International Trade")?"""
    if tokens[-1] in US_BODY_ENDS:
        return True
    return any(t in US_BODY_ENDS and text[run[i][1]:run[i + 1][0]] in (" of ", " for ", " for the ", " of the ")
               for i, t in enumerate(tokens[1:-1], 1))


# Words that belong to a title before its head word ("Deputy Trade Minister").
TITLE_MODS = frozenset("""Commerce Trade Treasury Defense Defence Foreign Finance Deputy Vice Under Assistant
Acting Former Special Senior Prime Chief Executive Managing Financial Operating Technology Investment
Economic Economy Energy Industry Interior Justice State Home Health Labor Labour Agriculture General Attorney
Federal National Security Majority Minority Supreme Army Navy Air Force Central Reserve Trade Critical
Minerals Environment Transport Communications Digital International Affairs Science Education Senate House
Speaker Whip Ranking Member Select""".split())
# Lowercase particles inside a person's name ("Joost van Leer", "Ana de la Cruz").
PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "ter",
                       "ten", "bin", "binti", "al", "dos", "das"})
PARTICLE_GAP = re.compile(r" ((?:van|von|de|der|den|da|del|della|di|du|la|le|ter|ten|bin|binti|al|dos|das)"
                          r"(?: (?:der|den|la|le))?) ")
PARTICLE_HEADS = frozenset(p[:2] for p in PARTICLES)  # a cheap test before PARTICLE_GAP
CONNECT = frozenset({"of", "for", "and", "on"}) | PARTICLES
CONNECT_AMP = CONNECT | {"&"}


def _particle(tok: str) -> bool:
    return all(w in PARTICLES for w in tok.split())


# Words after which "of"/"for"/"and" may continue a name ("Ministry of Commerce").
JOINERS = frozenset({
    "Ministry", "Department", "Bank", "Secretary", "Envoy", "University", "Institute",
    "Minister", "Commissioner", "Representative", "Council", "Office", "Bureau", "Agency",
    "Administration", "Commission", "Chamber", "Association", "Federation", "Republic",
    "Kingdom", "Court", "Board", "Authority", "Director", "Chairman", "Head", "President",
    "Committee", "Coalition", "Alliance", "Union", "Centre", "Center", "School", "Fund",
    "Organization", "Organisation", "Service", "Corps", "Society", "Foundation", "Trade",
    "Commerce", "Industry", "Energy", "Defense", "Defence", "Affairs", "Chief", "Secretary-General",
    "Academy", "Institution", "District",
})
# Heads that a "for the" name follows: "Institute for the World Economy", "Center for the Study of X".
FOR_THE_HEADS = frozenset({"Court", "Institute", "Institution", "Centre", "Center", "Foundation", "Council", "Society",
                           "Alliance", "Coalition", "Association", "Federation", "Organization", "Organisation",
                           "Commission", "Committee", "Fund", "Academy", "School"})
ON_THE_HEADS = frozenset({"Committee", "Subcommittee", "Commission", "Council"})
ABBREV = frozenset({"Rep.", "Reps.", "Sen.", "Sens.", "Gov.", "Gen.", "Lt.", "Col.", "Capt.",
                    "Adm.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Amb.", "Jr.", "Sr.", "St.",
                    "Inc.", "Corp.", "Co.", "Ltd.", "Sdn.", "Bhd.", "Pte.", "Pty."})
NAME_TOKEN = re.compile(r"[" + UPPER + r"][" + LOWER + r"]+(?:[-'’][" + UPPER + r"]?[" + LOWER + r"]+)*|[A-Z]\.")
DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*(\([^)]*\))\s*[-–—]")
ROLE_COMMA_BEFORE = None  # built lazily (needs the lexicon)


@dataclass(slots=True)
class Ent:
    name: str
    type: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    party: str | None = None
    affiliation: str | None = None
    best: tuple[int, int] | None = None
    surname: str | None = None
    span_set: set[tuple[int, int]] = field(default_factory=set, repr=False)  # spans, for lookups
    alias_set: set[str] = field(default_factory=set, repr=False)

    def add_span(self, s: int, e: int) -> None:
        """Record a mention once: a set, since an actor named thousands of times
        made a list lookup per mention quadratic."""
        if (s, e) not in self.span_set:
            self.span_set.add((s, e))
            self.spans.append((s, e))

    def add(self, s: int, e: int, text: str, best: bool = False) -> None:
        self.add_span(s, e)
        alias = text[s:e]
        if alias != self.name and alias not in self.alias_set:
            self.alias_set.add(alias)
            self.aliases.append(alias)
        if best or self.best is None:
            self.best = (s, e)


class Registry:
    """Actors found so far, keyed by lowercase canonical name and alias."""

    def __init__(self, text: str):
        self.text = text
        self.ents: dict[str, Ent] = {}
        self.by_alias: dict[str, Ent] = {}
        self.mask = bytearray(len(text))  # 1 where a name was already read
        self.cues: dict[tuple[int, int], str | None] = {}  # _context_type of a span, once
        self.home: str | None = None  # the country of the dateline's place ("SINGAPORE -")

    def get(self, name: str) -> Ent | None:
        low = name.lower()
        return self.ents.get(low) or self.by_alias.get(low)

    def add(self, name: str, type_: str, s: int, e: int, best: bool = False) -> Ent:
        low = name.lower()
        ent = self.ents.get(low) or self.by_alias.get(low)
        if ent is None:
            ent = Ent(name, type_)
            self.ents[low] = ent
        # Ent.add, add_span and take, inlined: this runs for most mentions.
        span = (s, e)
        if span not in ent.span_set:
            ent.span_set.add(span)
            ent.spans.append(span)
        alias = self.text[s:e]
        if alias != ent.name and alias not in ent.alias_set:
            ent.alias_set.add(alias)
            ent.aliases.append(alias)
        if best or ent.best is None:
            ent.best = span
        self.by_alias.setdefault(low if alias == name else alias.lower(), ent)
        self.mask[s:e] = b"\x01" * (e - s)
        return ent

    def is_taken(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) != -1

    def take(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)


# --- helpers -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Patterns:
    desc_in: re.Pattern[str]
    desc_before: re.Pattern[str]
    role_comma_end: re.Pattern[str]
    role_group_comma_end: re.Pattern[str]
    role_at_end: re.Pattern[str]
    role_space_end: re.Pattern[str]
    party: re.Pattern[str]
    group_head: re.Pattern[str]
    desc_words: frozenset[str]
    role_last_words: frozenset[str]
    role: "Folded"  # lx.role_rx, fast
    desc: "Folded"  # desc_in, fast


@functools.cache
def _rx() -> Patterns:
    """Patterns built once from the vocabulary."""
    lx = lexicon()
    roles = lx.role_rx.pattern
    descs = _trie_regex({d.lower() for d in lx.org_descriptors})
    parties = "|".join(sorted((re.escape(p) for p in lx.parties), key=len, reverse=True))
    heads = "|".join(sorted((re.escape(g) for g in lx.groups), key=len, reverse=True))
    i = re.IGNORECASE
    return Patterns(
        desc_in=re.compile(r"\b(?:" + descs + r")s?\b", i),
        # "the Lima-based research firm X", "a teardown by Lima-based research firm X"
        # "the brokerage X", "a Lima-based miner X", "estimates from brokerage X"
        desc_before=re.compile(r"(?:(?:\b(?:the|a|an|its)\s+|\b[\w-]+-based\s+)(?:[\w\-]+\s+){0,3}?|"
                               r"\b(?:from|by|at|with)\s+)(?:" + descs + r")\s+$", i),
        role_comma_end=re.compile(r"(?:" + roles + r")(?:\s+(?:to|for|of|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?,\s+$", i),
        role_group_comma_end=re.compile(r"((?:" + roles + r")),\s+$", i),
        role_at_end=re.compile(roles + r"[^,.;]{0,40}\b(?:at|with)\s+(?:the\s+)?(?:[\w\-]+\s+)?$", i),
        role_space_end=re.compile(r"(?:^|[\s(])((?:" + roles + r")\s+)$", i),
        party=re.compile(r"\b(?:" + parties + r")\b"),
        group_head=re.compile(r"(?<![\w’'-])(?:" + heads + r")(?![\w’'-])", i),
        desc_words=frozenset(d.split()[-1].lower() for d in lx.org_descriptors),
        role_last_words=frozenset(r.split()[-1].lower() for r in lx.roles),
        role=Folded.of(lx.role_rx, lx.roles, plural=False),
        desc=Folded.of(re.compile(r"\b(?:" + descs + r")s?\b", i), lx.org_descriptors, plural=True),
    )


ALPHA_RUN = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Folded:
    """`rx.search` for a case-insensitive *rx* of lowercase words ("chief executive",
    "co-founder") between ``\\b``s, three to ten times faster on ASCII text.

    A match starts at a word boundary with the first run of letters of one of the
    words, and that run of letters ends where the text's does (a space, hyphen or
    word boundary follows it in the word), or one "s" later for a *plural* pattern.
    So text none of whose runs of letters (lowercased) is such a first run holds no
    match; other ASCII text is lowercased, where the case-sensitive twin of *rx*
    finds the same spans. Other text goes to *rx* itself (``re`` folds "K" (Kelvin
    sign) and "ſ" to k and s, which ``str.lower`` does not)."""
    rx: re.Pattern[str]
    lower: re.Pattern[str]
    firsts: frozenset[str]

    @staticmethod
    def of(rx: re.Pattern[str], words, plural: bool) -> "Folded":
        firsts = set()
        for w in words:
            first = ALPHA_RUN.match(w.lower()).group()
            firsts.add(first)
            if plural and first == w.lower():
                firsts.add(first + "s")
        return Folded(rx, re.compile(rx.pattern), frozenset(firsts))

    def search(self, text: str) -> re.Match[str] | None:
        if not text.isascii():
            return self.rx.search(text)
        low = text.lower()
        if self.firsts.isdisjoint(ALPHA_RUN.findall(low)):
            return None
        return self.lower.search(low)

    @staticmethod
    def search_both(one: "Folded", two: "Folded", text: str):
        """(one.search(text), two.search(text)), the text lowercased and cut into runs of letters once."""
        if not text.isascii():
            return one.rx.search(text), two.rx.search(text)
        low = text.lower()
        runs = ALPHA_RUN.findall(low)
        return (None if one.firsts.isdisjoint(runs) else one.lower.search(low),
                None if two.firsts.isdisjoint(runs) else two.lower.search(low))


@dataclass(frozen=True, slots=True)
class Fast:
    """Lookups derived from the lexicon, built once."""
    gov_firsts: frozenset[str]  # first words (lowercase) of government aliases and bodies
    countries: frozenset[str]  # canonical governments (the values of gov_alias)
    group_head: re.Pattern[str]  # the PLURAL words whose lowercase is a group noun
    group_head_reversed: re.Pattern[str]  # the same, read in the reversed text
    no_name: frozenset[str]  # a lone sentence word ("The") or connector: no name
    word_class: dict[str, tuple]  # `_word_class` of the words read so far
    single_class: dict[str, tuple[bool, bool]]  # `_single_class` of the leftovers read so far


@functools.cache
def _fast() -> Fast:
    lx = lexicon()
    return Fast(
        gov_firsts=frozenset(k.partition(" ")[0] for k in (*lx.gov_alias, *lx.bodies)),
        countries=frozenset(lx.gov_alias.values()),
        group_head=_group_head_rx(lx.groups),
        group_head_reversed=_group_head_reversed_rx(lx.groups),
        no_name=lx.capwords | CONNECT,
        word_class={}, single_class={},
    )


def _group_head_rx(groups: frozenset[str]) -> re.Pattern[str]:
    """Where `PLURAL` matches a word whose lowercase is in *groups*: the noun, its first
    letter in either case, the rest as written. A match of `PLURAL` spans the whole
    run of ``[a-z-]`` after its first letter, so both find the same words."""
    by_first: dict[str, set[str]] = {}
    for g in groups:
        if re.fullmatch(r"[a-z][a-z-]*s", g):
            by_first.setdefault(g[0], set()).add(g[1:])
    alts = [f"[{c.upper()}{c}]{_trie_regex(rests)}" for c, rests in sorted(by_first.items())]
    return re.compile(r"(?<![\w’'-])(?:" + ("|".join(alts) or "(?!)") + r")(?![\w’'-])")


def _group_head_reversed_rx(groups: frozenset[str]) -> re.Pattern[str]:
    """`_group_head_rx` for the reversed text. Every group noun ends in "s", so here
    every match starts with it, and `re` jumps from one "s" to the next instead of
    trying the nouns at every letter (eight times faster)."""
    words = sorted((g for g in groups if re.fullmatch(r"[a-z][a-z-]*s", g)), key=len, reverse=True)
    # One trie of the reversed nouns, not an alternation tried noun by noun at every "s".
    # The same matches: a noun's letters run up to the word's edge, so no two nouns
    # match at one place, and their order does not matter.
    seqs = [[*map(re.escape, g[-2:0:-1]), f"[{g[0]}{g[0].upper()}]"] for g in words]
    return re.compile(r"s(?<![\w’'-]s)(?:" + (unit_trie(seqs) or "(?!)") + r")(?![\w’'-])")


WORD_CHAR = re.compile(r"[\w’'-]")


def _group_heads(text: str, regions):
    """(block, region start, start, end) of each group noun `_group_head_rx` finds in each region
    but headings, from one scan of the whole reversed text."""
    fast = _fast()
    n = len(text)
    spans = [(n - m.end(), n - m.start()) for m in fast.group_head_reversed.finditer(text[::-1])]
    spans.reverse()
    starts = [p for p, _ in spans]
    for block, s, e in regions:
        if block.kind == "heading":
            continue  # "Questions for Investors" addresses readers; it names no actor
        if e < n and ((c := text[e]).isalnum() or c in "_’'-"):  # WORD_CHAR.match(text, e)
            # A region that ends inside a word: its end is a word boundary to
            # finditer but not to the whole-text scan.
            for m in fast.group_head.finditer(text, s, e):
                yield block, s, m.start(), m.end()
            continue
        i = bisect.bisect_left(starts, s)
        while i < len(spans) and spans[i][1] <= e:
            yield block, s, spans[i][0], spans[i][1]
            i += 1


def _is_name_token(tok: str, lx: Lexicon) -> bool:
    if tok[:1].islower():
        return _particle(tok)  # inside a run only: runs never start or end with one
    return _name_word(tok)


@functools.lru_cache(maxsize=1 << 14)
def _name_word(tok: str) -> bool:
    """Can the capitalised word be part of a person's name? (Names recur: read once.)"""
    lx = lexicon()
    return (bool(NAME_TOKEN.fullmatch(tok)) and tok not in lx.capwords
            and tok not in lx.heads and tok not in lx.org_suffixes
            and tok not in lx.media_suffixes and tok.lower() not in lx.gov_alias
            and tok not in lx.adjectives and tok.lower() not in lx.groups
            and tok not in lx.parties)


SURNAME_CAPS = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})?")  # "SURNAME" in "Minister X SURNAME Given"


BROADCAST_WORDS = frozenset({"Radio", "TV", "Television"})
# A name ending in a mineral is a miner's, not a person's ("Iluka Rare Earths").
MINERAL_LAST = frozenset("""Earths Lithium Cobalt Graphite Gallium Germanium Tungsten Antimony Nickel Uranium
Vanadium Manganese Magnesium Molybdenum Tantalum Niobium Zinc Bauxite Alumina""".split())


def _looks_like_person(tokens: list[str], lx: Lexicon) -> bool:
    if not 2 <= len(tokens) <= 4 or tokens[-1].endswith(".") or tokens[-1] in MINERAL_LAST:
        return False
    for t in tokens:  # a loop, not all(...): a generator costs a frame per call
        if not (_particle(t) if t[:1].islower() else _name_word(t)):  # _is_name_token
            return False
    return True


# No name or title runs to more capitalised words than this; longer runs ("Beijing
# Beijing ..." a thousand times) are cut, which keeps `_classify_run` (recursive,
# and quadratic in the run) bounded.
MAX_RUN = 16


# The gaps that join "Ministry" to "Commerce" in "Ministry of Commerce".
CONNECTOR_GAPS = frozenset(f" {w} " for w in ("of", "for", "and", "de", "da", "del", "van", "von", "bin", "al", "on"))
HYPHEN_LOWER = re.compile(r"-[a-z]")  # "Ningbo-based"
# A hyphenated given name after a short surname ("Seo Ha-jin"):
# two short syllables, the second not an English suffix ("Seoul-based", "Tokyo-led").
GIVEN_HYPHEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,6}")  # "Ha-jin", "Wen-hsiung"
SURNAME_SHORT = re.compile(r"[A-Z][a-z]{1,4}")
HYPHEN_SUFFIXES = frozenset("""based owned led run made born bound era style wide level like free only type
sized scale grade class range term month year day week fold odd plus listed funded backed linked driven""".split())
INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "U.S."
RUN_ENDS = ",;:()\"“”"


def _runs(text: str, s: int, e: int, lx: Lexicon):
    """Capitalised runs in text[s:e] as lists of (start, end, token)."""
    capwords = lx.capwords
    run: list[tuple[int, int, str]] = []
    pos = s
    list_end = -1  # inside a name that lists words: "X Oil, Gas and Metals National Corporation"
    for m in TOKEN.finditer(text, s, e):
        a, end = m.span()
        # The word must start at a word boundary (most follow a space).
        if a > 0 and (c := text[a - 1]) != " " and (c.isalnum() or c in "-'’"):
            continue
        tok = m.group()
        if run and (a != pos + 1 or text[pos] != " "):
            # Not one space apart; a connector may still join: "Ministry of Commerce".
            if a < list_end:
                pass
            elif a - pos > JOIN_GAP_MAX:  # longer than any gap that joins
                yield run
                run = []
            elif (gap := text[pos:a]) in CONNECTOR_GAPS and run[-1][2].rstrip(".") in JOINERS and tok not in capwords:
                pass
            elif gap == " for the " and run[-1][2] in FOR_THE_HEADS and tok not in capwords:
                pass  # "Kiel Institute for the Baltic Economy"
            elif gap == " on the " and run[-1][2] in ON_THE_HEADS and tok not in capwords:
                pass  # "Select Committee on the CCP", "Council on the Environment"
            elif gap == " and " and _and_in_body_name(run, text, tok, lx):
                pass  # "Bureau of Mines and Quarries": one name
            elif gap in BODY_GAPS and (gap != " and " or run[-1][2] not in lx.org_suffixes) and \
                    tok not in capwords and BODY_REST.match(text, a):
                pass  # "Ruritania Steel Producers' Association", "Iron and Steel Federation": one name
            elif gap[1:3] in PARTICLE_HEADS and (pm := PARTICLE_GAP.fullmatch(gap)) and NAME_TOKEN.fullmatch(run[-1][2]) and \
                    run[-1][2] not in JOINERS and NAME_TOKEN.fullmatch(tok) and tok not in capwords:
                # "Joost van Leer", "Ana de la Cruz": the particle is part of the name.
                run.append((pos + pm.start(1), pos + pm.end(1), pm.group(1)))
            else:
                yield run
                run = []
        if tok.isalnum():
            # Most words: letters and digits only (no hyphen, apostrophe, full stop or
            # "&"), so nothing below splits or cuts them.
            run.append((a, end, tok))
            pos = end
            if text[end:end + 1] in RUN_ENDS or len(run) >= MAX_RUN:
                if text[end:end + 1] == "," and len(run) >= 2 and len(run) < MAX_RUN and \
                        tok not in lx.org_suffixes and (lm := LISTED_NAME.match(text, end, e)):
                    list_end = lm.end()  # the comma is inside the name
                    continue
                yield run
                run = []
            continue
        # Split off words like "Ningbo-based" and possessives.
        if "-" in tok and HYPHEN_LOWER.search(tok) and not _given_hyphen(run, tok, lx):
            if run:
                yield run
                run = []
            pos = end
            continue
        b = end
        cut = False  # a possessive or a full stop taken off
        last = tok[-1]
        if last == "s" and tok[-2] in APOS and not (tok[:-2] == "People" and text[end:end + 1] == " " and
                                                     text[end + 1:end + 2].isupper()):
            # "'s", "’s" (a token ending in "s" has two letters or more); but "People's X" is one name
            tok = tok[:-2]
            b -= 2
            cut = True
        elif last == "." and tok not in ABBREV and not INITIALS.fullmatch(tok):
            tok = tok[:-1]
            b -= 1
            cut = True
        if tok == "&" and not run:
            pos = end
            continue
        run.append((a, b, tok))
        pos = end
        if cut or text[b:b + 1] in RUN_ENDS or len(run) >= MAX_RUN:
            if not cut and text[b:b + 1] == "," and len(run) >= 2 and len(run) < MAX_RUN and \
                    tok not in lx.org_suffixes and (lm := LISTED_NAME.match(text, b, e)):
                list_end = lm.end()  # the comma is inside the name
                continue
            yield run
            run = []
    if run:
        yield run


# A plural possessive or "and" inside an association's name, before its head word.
BODY_GAPS = frozenset({"' ", "’ ", " and "})
# The longest gap between two words that `_runs` may join into one name.
JOIN_GAP_MAX = max(len(g) for g in (*CONNECTOR_GAPS, *BODY_GAPS, " for the ", " on the ",
                                    *(f" {p} {q} " for p in PARTICLES for q in ("der", "den", "la", "le"))))
BODY_REST = re.compile(r"(?:[A-Z][a-z]+(?:s['’])? ){0,3}(?:Association|Federation|Confederation|Institute|"
                       r"Council|Union|Society|Chamber|Alliance|Coalition|League|Guild)\b")


# The rest of a name that lists topic words before a body word: ", Gas and Metals National Corporation".
LISTED_NAME = re.compile(r", (?:[A-Z][a-z]+, )*[A-Z][a-z]+,? and (?:[A-Z][a-z]+ ){0,3}"
                         r"(?:Corporation|Agency|Organization|Organisation|Authority|Commission)\b")


def _given_hyphen(run, tok: str, lx: Lexicon) -> bool:
    """Is tok a hyphenated given name after a surname ("Seo Ha-jin"), not "Seoul-based"?"""
    if not run or not GIVEN_HYPHEN.fullmatch(tok) or tok.partition("-")[2] in HYPHEN_SUFFIXES:
        return False
    last = run[-1][2]
    return bool(SURNAME_SHORT.fullmatch(last)) and last not in lx.capwords and last.lower() not in lx.gov_alias \
        and last not in lx.adjectives and tok.partition("-")[0] not in lx.capwords


def _and_in_body_name(run, text, tok, lx: Lexicon) -> bool:
    """Does "and" continue a body's "X of A" or "X for A" name ("Bureau of Mines and Quarries")?"""
    return tok not in lx.capwords and tok.lower() not in lx.gov_alias and tok not in lx.adjectives and \
        any(text[x[1]:y[0]] in (" of ", " for ") and x[2] in OF_HEADS for x, y in zip(run, run[1:]))


AGE = re.compile(r",\s+\d{1,3},")
APPOSITION = re.compile(r",\s+(?!and\b|but\b|which\b|said\b)((?:[^,;:.\"“”‘’]|(?<=[A-Z])\.(?=[A-Z]|\s+[a-z]))"
                        r"{2,90})")  # "U.S." inside: ", the largest U.S. producer of ..."
WHO_OR_FORMER = re.compile(r"who\b|(?:a|the) former\b")
ORG_APPOSITION_START = re.compile(r"(?:a|an|the|one|[A-Z])")
MEDIA_WORDS = ("broadcaster", "news agency", "newspaper", "tabloid", "news outlet", "TV channel", "television channel")
MEDIA_BEFORE = re.compile(r"\b(?:" + "|".join(MEDIA_WORDS) + r")\s+$")
AND_OTHER = re.compile(r"\s+and\s+(?:other|two|three|four|several|rival)\s+((?:[\w-]+\s+){0,2}[\w-]+)")
BASED_BEFORE = re.compile(r"\b[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?-based\s+$")
DATA_FROM = re.compile(r"\b(?:(?P<data>data|figures|statistics|numbers|prices|a tally|an index)|estimates|a report|"
                       r"a survey|a study|research|a note|an analysis|a teardown|calculations)\s+(?:(?:compiled|published|released|"
                       r"collected)\s+)?(?:(?P<report>(?<=report )from)|from|by)\s+(?:[Tt]he\s+)?(?:[\w-]+\s+){0,3}$")
SAID_WORDS = ("said", "says", "told", "added", "noted", "wrote", "argued", "cautioned", "explained", "according to",
              "According to")
TOLD_OUTLET_AFTER = re.compile(r"(?:[,.;]|\s+(?:that|on|in|last|this)\b)")
# "told Quenby, a reporter at ...", "told Quenby, an adviser, ...", "told Quenby, \"...\"": a person
# put beside the word, or words said to it straight after the comma; the word is no outlet.
TOLD_PERSON_AFTER = re.compile(r",\s*[\"“‘']|,\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:reporter|correspondent|"
                               r"journalist|editor|columnist|writer|host|presenter|aide|adviser|advisor|official|"
                               r"spokesperson|spokesman|spokeswoman|analyst|economist|lawyer|colleague)s?\b")
SAID_BEFORE = re.compile(r"\b(?:" + "|".join(SAID_WORDS) + r")\s+$")
LABEL_COLON_QUOTE = re.compile(r"\s*(?:,[^:\n]{0,60})?:\s*[\"“‘']")
COLON_QUOTE = re.compile(r"\s*:\s*[\"“‘']")
NO_COMMENT = re.compile(r"\s+(?:(?:also|again)\s+)?(?:declined|refused) to (?:comment|say|discuss|elaborate)|"
                        r"\s+(?:did not|didn['’]t) (?:immediately )?(?:respond|reply|return)|"
                        r"\s+(?:could not|couldn['’]t) (?:immediately )?be reached|\s+(?:has|have) not (?:yet )?commented")
WHOSE = re.compile(r",\s+whose\b[^,;.]{0,100},")
# "let Acme sell", and a modal before its subject in a question: "How long can Acme keep selling ...?"
LET_BEFORE = re.compile(r"\b(?:let|lets|allow|allows|allowed|allowing|permit|permits|permitted|barred|bars|banned|"
                        r"can|could|will|would|may|might|should|does|did)\s+$")
SELLER_AFTER = re.compile(r"\s+(?:to\s+)?(?:sell|ship|export|resume|supply|keep selling)\b")
LINE_NAME_COMMA = re.compile(r"\n[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)+,\s+$")


OF_EMPLOYER = re.compile(r" (?:of|at) (?:the )?[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|&)\s+(?:the\s+)?)?[A-Z][\w.&’'-]*){0,6}")


@functools.cache
def _company_word_after() -> re.Pattern[str]:
    words = sorted(_rx().desc_words, key=len, reverse=True)
    return re.compile(r" (?!(?:and|or|to|in|on|for|of|as|at|with|said|says)\b)(?:[a-z][\w-]* ){0,2}?(?:"
                      + "|".join(map(re.escape, words)) + r")s?\b")


def _modifies_company_word(after: str) -> bool:
    return after[:1] == " " and after[1:2].islower() and _company_word_after().match(after) is not None


# A name in its own script after the romanised one: "Lin Po-wei (林柏偉)", "Ivan Orlov (Иван Орлов)".
NATIVE_NAME = re.compile(r" \((?=[^\x00-\u024f])[^\x00-\x1f\x21-\u024f]{1,30}\)")


def past_native_name(text: str, e: int) -> int:
    """Where the words after a name start, past a name in its own script."""
    if text.startswith(" (", e):
        m = NATIVE_NAME.match(text, e)
        if m:
            return m.end()
    return e


# A stock ticker after a company's name: "X's (XYZ) chip", "X (NASDAQ:XYZ)", "X (NYSE: XYZ)".
TICKER_AFTER = re.compile(r"['’]s \([A-Z]{1,5}\)|\s?\((?:NASDAQ|Nasdaq|NYSE|NYSEAMERICAN|LSE|ASX|TSX|TSXV|HKEX|SSE|SZSE|"
                          r"OTC|OTCQX|TSE|KRX|KOSDAQ|SGX|Euronext|XETRA)\s?:\s?[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?\)")
GROUP_WORD_AFTER = re.compile(r" (?:group|caucus|coalition)\b")
THE_ADJ_BEFORE = re.compile(r"\bthe\s+(?:[a-z-]+\s+)?$")
PART_ASIDE = re.compile(r", for (?:its|his|her|their|our) part,")
PARTY_PAREN = re.compile(r" \([RDI]-[A-Z][\w.]*(?: [A-Z][\w.]*)?\)")


def _context_type(text: str, s: int, e: int, lx: Lexicon, verbs_rx: re.Pattern[str]) -> str | None:
    """person / organization / None from the words around a name.

    Each `$`-anchored search runs only where the words it ends with are there."""
    if text.startswith(" (", e):
        e = past_native_name(text, e)
    after = text[e:e + 120]
    if (after[:1] in "'’(" or after[:2] == " (") and TICKER_AFTER.match(after):
        return "organization"  # "X's (XYZ) chip", "X (NASDAQ:XYZ)": a listed company
    before = text[max(0, s - 80):s]
    rx = _rx()
    # "the centrist X group", "the X caucus": a political group or a company's group.
    if after[:2] == " g" or after[:2] == " c":
        if GROUP_WORD_AFTER.match(after) and THE_ADJ_BEFORE.search(before):
            return "organization"
    # Apposition after the name: ", a Danish maker of ..." or ", the head of ...".
    if after[:1] == ",":
        if AGE.match(after):
            return "person"  # an age: "X Y, 54, said"
        m = APPOSITION.match(after)
        if m:
            app = m.group(1)
            if WHO_OR_FORMER.match(app):
                return "person"
            first_role = first_desc = 99
            rm, dm = Folded.search_both(rx.role, rx.desc, app)
            if rm:
                first_role = len(app[:rm.start()].split())
            if dm:
                first_desc = len(app[:dm.start()].split())
            if first_desc < first_role and first_desc <= 5 and ORG_APPOSITION_START.match(app):
                return "organization"
            if first_role < 99 and first_role <= 5 and app.split():
                return "person"
    # A lawmaker's party and state in brackets: "X Y (D-N.M.)", "X Y (R-Utah)".
    if after[:2] == " (" and PARTY_PAREN.match(after):
        return "person"
    tail = before.rstrip()
    # "state broadcaster X", "the news agency X": an outlet.
    if tail.endswith(MEDIA_WORDS) and MEDIA_BEFORE.search(before):
        return "media"
    # "X and other chip designers": one of a kind of organisation.
    if after[:5] == " and ":
        om = AND_OTHER.match(after)
        if om and rx.desc.search(om.group(1)):
            return "organization"
    # A role phrase before: "chief executive, X Y" or "analyst at X Y".
    if tail.endswith(",") and rx.role_comma_end.search(before, max(0, len(before) - 45)):
        return "person"
    words = [w.lower() for w in tail.rsplit(None, 3)[-3:]]  # the last three words (lowercasing no more)
    if ("at" in words or "with" in words) and rx.role_at_end.search(before):
        # Not a place before a kind of organisation: "a researcher at a Shanghai thinktank".
        return None if _modifies_company_word(after) else "organization"
    desc_words = rx.desc_words
    for w in words:
        if w.rstrip("s") in desc_words:
            if rx.desc_before.search(before):
                return "organization"
            break
    # "Hanoi-based X": a company where it is based.
    if tail.endswith("-based") and BASED_BEFORE.search(before):
        return "organization"
    # "data from X Y", "a teardown by X Y": the one whose figures or research these are.
    if tail.endswith((" from", " by", " from The", " by The")) and (dm := DATA_FROM.search(before)) and \
            (dm.group("data") or dm.group("report") or not _looks_like_person(text[s:e].split(), lx)):
        # a person may write a note, but figures come from a body, and "a report from" an outlet
        # or a body; "a report from The X": an outlet's one-word title
        return "media" if tail.endswith("The") and " " not in text[s:e] else "organization"
    # Whether any of the four patterns read at the start of *after* may match there
    # (most names have none of them): one match instead of four.
    cued = verbs_rx is not _verbs_rx() or _after_cues().match(after) is not None
    # "X Y said", "said X Y", "according to X Y,"
    if cued and verbs_rx.match(after):
        return "speaker"
    # "X, for its part, said": an aside between the name and its verb.
    if after[:6] == ", for " and (am := PART_ASIDE.match(after)) and verbs_rx.match(after, am.end()):
        return "speaker"
    # "X Y of (at) Acme Securities said": the speaker's employer between name and verb.
    if after[:4] in (" of ", " at ") and (om := OF_EMPLOYER.match(after)) and verbs_rx.match(after, om.end()):
        return "speaker"
    if tail.endswith((" told", " tells", " told The", " tells The")) and " " not in text[s:e] and \
            TOLD_OUTLET_AFTER.match(after):
        if after[:1] == "," and TOLD_PERSON_AFTER.match(after):
            return "person"
        return "media"  # "sources told Metalwire, ...": one word told the words is the outlet that heard them
    if tail.endswith(SAID_WORDS) and SAID_BEFORE.search(before):
        return "speaker"
    # "Acme declined to comment", "Acme, whose X sales ..., did not respond to ..."
    wm = WHOSE.match(after) if after[:1] == "," else None
    if (cued or wm) and NO_COMMENT.match(after, wm.end() if wm else 0):
        return "speaker"
    # "let Acme sell its chips", "allowed Acme to resume sales": a seller
    if cued and SELLER_AFTER.match(after) and LET_BEFORE.search(before):
        return "organization"
    if (s == 0 or text[s - 1] == "\n") and LABEL_COLON_QUOTE.match(after):
        return "speaker"
    if cued and COLON_QUOTE.match(after) and LINE_NAME_COMMA.search(text[max(0, s - 60):s]):
        # "X Y, Acme Corp: '...'" - the words after the comma name an affiliation.
        return "organization" if not any(p in text[s:e] for p in lx.parties) else None
    return None


def _cue(reg: Registry, s: int, e: int, lx: Lexicon, verbs_rx: re.Pattern[str]) -> str | None:
    """`_context_type` of reg.text[s:e], read once: a name left untyped by its run
    is asked again among the single names."""
    cue = reg.cues.get((s, e), False)
    if cue is False:
        cue = reg.cues[(s, e)] = _context_type(reg.text, s, e, lx, verbs_rx)
    return cue


@functools.cache
def _after_cues() -> re.Pattern[str]:
    """Matches at the start of a name's following words wherever `_verbs_rx`,
    NO_COMMENT, SELLER_AFTER or COLON_QUOTE does (their alternation)."""
    return re.compile("|".join(f"(?:{rx.pattern})" for rx in (_verbs_rx(), NO_COMMENT, SELLER_AFTER, COLON_QUOTE)))


@functools.cache
def _verbs_rx() -> re.Pattern[str]:
    lx = lexicon()
    # One trie of the forms, not an alternation `re` tries form by form: callers only
    # ask whether it matches, which the order of the alternatives does not change.
    forms = {v for v in lx.verbs if " " not in v}
    return re.compile(
        r"\s+(?:(?:also|later|previously|separately|then|has|had|have|would|will|again|further)\s+)*"
        r"(?:" + _trie_regex(forms) + r")\b"
    )


TOPIC = r"(?:commerce|trade|foreign|finance|industry|economy|economic|defen[cs]e|energy|interior|" \
        r"justice|treasury|environment|agriculture|mines|mining|industry and information technology|" \
        r"foreign affairs|natural resources|internet|information|home)"
BODY_HEAD = r"(?:ministry|regulator|customs|embassy|parliament|cabinet|central bank|foreign office|" \
            r"consulate|mission|government|administration|Embassy|Consulate|Mission)"


DEPT_RX = re.compile(
    r"\b(?:(?:the|The)\s+)?(?P<country>U\.S\.\s+|US\s+)?(?P<name>(?!(?:The|A|An|Its|This)\s)(?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}(?:Department|Ministry))\b"
    r"|\b(?P<name2>(?:Department|Ministry) (?:of|for) (?:[A-Z][a-z]+)(?:(?:,| and)? [A-Z][a-z]+)*)"
)
# The portfolio after a ministry's name: "Coordinating Ministry | for Economic Affairs".
FOR_TOPIC = re.compile(r" for [A-Z][a-z]+(?:(?:,| and)? [A-Z][a-z]+)*")
OF_TOPIC = re.compile(r" of [A-Z][a-z]+(?:(?:,| and)? [A-Z][a-z]+)*")  # "Chinese Ministry | of Commerce"
OWNED_RX = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+|(?P<det>its|their|the|The)\s+|(?P<adj>[A-Z][a-z]+|U\.S\.|US)\s+)"
    r"(?:own\s+)?(?P<topic>(?:" + TOPIC + r")\s+)?(?P<head>" + BODY_HEAD + r")\b"
    r"(?P<where>\s+in\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|(?<=ission)\s+to\s+the\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?"
)
COMMITTEE_RX = re.compile(r"\b(?:(?:Senate|House|Commons|Lords|Bundestag|Diet)\s+(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+){0,4}?committee|"
                          # "a US congressional committee", "a parliamentary trade committee"
                          r"(?!(?:The|A|An|This|That|Its|Their|One)\s)[A-Z][A-Za-z]*\s+(?:congressional|parliamentary)"
                          r"\s+(?:[a-z]+\s+){0,2}?committee|"
                          r"(?:Senate|House)\s+(?:[A-Z][a-z]+\s+(?:and\s+)?){1,4}Committee)\b"
                          r"(?:\s+on\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:and\s+)?[A-Z][\w.’'-]*)*)?")
# "the Office of the US Trade Representative": a government office named by its head.
OFFICE_OF_RX = re.compile(r"\b(Office of the (?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)")
CUSTOMS_DATA_RX = re.compile(r"\b(customs)\s+(?:data|figures|statistics)\b")
STATE_MEDIA_RX = re.compile(r"(?:\b[A-Z][a-z]+\s+)?\bstate(?:-run)?\s+(?:media|television|broadcaster|news agency)\b")
BODY_HEAD_WORDS = ("ministry", "regulator", "customs", "embassy", "parliament", "cabinet", "central bank",
                   "foreign office", "consulate", "mission", "government", "administration",
                   "Embassy", "Consulate", "Mission")  # "the Chinese Embassy in Washington", "X's Mission to the EU"
OWNER_BEFORE_BODY = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:['’]s)?\s+$")
CAPITALISED_END = re.compile(r"[A-Z][\w’'.]*\s+$")


def _dept_name(name: str, lx: Lexicon) -> str:
    """"Ministry of X Y ..." up to a title, a sentence word or a name's word after it."""
    words = name.split(" ")
    keep = 3
    for w in words[3:]:
        if w in lx.heads or w in lx.capwords or w in lx.honorifics:
            break
        keep += 1
    while words[keep - 1] == "and" or words[keep - 1].endswith(","):
        keep -= 1
    out = " ".join(words[:keep])
    head, comma, last = out.rpartition(", ")
    if comma and not (" and " in last or last.startswith("and ")):
        # "Ministry of Mines, X Y": no "and" closes a list after the comma, so the name
        # ends at the first comma and what follows is an apposition (a spokesperson).
        out = out.split(", ", 1)[0]
    return out


def _formal(topic: str) -> str:
    return {"foreign": "Foreign Affairs", "economy": "Economy", "economic": "Economy",
            "defense": "Defense", "defence": "Defence"}.get(topic, topic.title())


def _government_of(word: str, lx: Lexicon) -> str | None:
    w = word.strip()
    if w in lx.adjectives:
        return lx.adjectives[w]
    return lx.gov_alias.get(w.lower())


@functools.cache
def _country_rx() -> re.Pattern[str]:
    words = {g["name"] for g in vocab.table("governments").get("government", [])}
    for g in vocab.table("governments").get("government", []):
        words.update(g.get("aliases", []))
        words.update(g.get("adjectives", []))
    return re.compile(r"(?<![\w.])(?:" + _trie_regex(set(words)) + r")(?![\w])")


@functools.cache
def _blocs() -> frozenset[str]:
    """Names, aliases and adjectives of governments with no ministries ("ministries = false"):
    the European Union, the G7."""
    words = set()
    for g in vocab.table("governments").get("government", []):
        if g.get("ministries", True) is False:
            words.update([g["name"], *g.get("aliases", []), *g.get("adjectives", [])])
    return frozenset(words)


def _last_government(reg: Registry, pos: int, ministry: bool = False) -> str | None:
    """The country named last before ``pos`` (within a few sentences), preferring
    one that was a sentence's subject ("Japan will spend ... . The Ministry of X").
    For a *ministry*, blocs are passed over: after "Spain wants an EU-wide plan", a bare
    "Industry Ministry" is Spain's."""
    lx = lexicon()
    last = subject = None
    text = reg.text
    blocs = _blocs() if ministry else ()
    for m in _country_rx().finditer(text, max(0, pos - 600), pos):
        if DESTINATION_END.search(text, max(0, m.start() - 40), m.start()):
            continue  # where goods go is not whose ministry it is: "shipments to clients in Korea"
        if blocs and m.group() in blocs:
            continue
        last = m.group()
        before = text[max(0, m.start() - 3):m.start()]
        if (m.start() == 0 or before.endswith(("\n", ". ", "- "))) and not text[m.end():m.end() + 2] in ("'s", "’s") \
                and (text[m.end():m.end() + 1] == " " and text[m.end() + 1:m.end() + 2].islower()
                     or text[m.end():m.end() + 2] == ", "):  # "India, which was placed ..., has been seeking"
            subject = m.group()
    if subject is None and reg.home is not None and reg.home != "United States":
        # No country opened a sentence nearby: a body named bare is the dateline country's
        # (a Singapore report's "The Ministry of X said in response to queries"). The US
        # names its departments without an owner, so its datelines say nothing here.
        return reg.home
    last = subject or last
    if last is None:
        return None
    return lx.adjectives.get(last) or lx.gov_alias.get(last.lower())


def _home(doc, lx: Lexicon) -> str | None:
    """The country a dateline's place names ("SINGAPORE -", "BEIJING, May 2"), if it is one."""
    for block in doc.blocks:
        if block.dateline is not None:
            place = doc.text[block.dateline[0]:block.dateline[1]].split(",")[0].strip()
            return lx.gov_alias.get(place.lower())
        if block.kind in ("paragraph", "bullet"):
            return None
    return None


DESTINATION_END = re.compile(r"\b(?:to|into)\s+(?:(?:[a-z][\w-]*\s+){1,3}in\s+)?(?:the\s+)?$")


# --- the stage -----------------------------------------------------------------------


def _regions(doc):
    """(start, end) of the prose to read in each block, skipping furniture,
    bullet marks, labels, Q/A marks and the outlet in a dateline."""
    text = doc.text
    for block in doc.blocks:
        kind = block.kind
        if kind == "paragraph" and block.start:
            yield block, block.start, block.end  # most blocks: what the steps below give them
            continue
        if kind in ("furniture", "header"):
            continue  # page furniture; header lines hold the outlet and date (metadata)
        s = block.body_start or block.start
        if block.kind == "paragraph" or block.label and text[s:s + 1] in "“\"‘'":
            s = block.label[0] if block.kind == "bullet" and block.label else block.start
        if block.kind == "bullet" and block.label:
            s = block.body_start
        # DATELINE starts with "^", which matches at the start of the text only.
        m = DATELINE.match(text, 0, block.end) if block.start == 0 else None
        if m:
            yield block, block.start, m.start(1)
            s = m.end()
        yield block, s, block.end


def find(doc, *context) -> list[Actor]:
    lx = lexicon()
    text = doc.text
    reg = Registry(text)
    reg.home = _home(doc, lx)
    regions = list(_regions(doc))
    verbs_rx = _verbs_rx()

    _find_bodies(text, regions, reg, lx)
    _merge_ministries(reg)
    if ("Minister" in text or "Secretary" in text or "Commissioner" in text or "Envoy" in text
            or "Vice-President" in text) and LISTED_TITLE.search(text):  # most articles hold no title word
        _find_listed_ministers(text, regions, reg, lx)
    if " media " in text:
        _find_country_media(text, regions, reg, lx)
    if "surnamed " in text:
        for block, s, e in regions:
            for m in SURNAMED.finditer(text, s, e):
                # "a manager surnamed X": a person the writer gives by surname only.
                if m.group(1) not in lx.capwords and not reg.is_taken(m.start(1), m.end(1)):
                    _add_person(text, reg, lx, m.start(1), m.end(1), [m.group(1)], m.start(1), m.end(1), None)

    # A transcript turn's speaker is a person ("First Last, Title: ..."), or an outlet
    # asking at a briefing ("China Daily: ...", "Phoenix TV: ...").
    surname_turns = []
    for block in doc.blocks:
        if block.speaker is not None:
            ns, ne = block.speaker
            words = (block.speaker_name or text[ns:ne]).split()
            if words[-1] in lx.media_suffixes or text[ns:ne].lower() in lx.media_names:
                reg.add(text[ns:ne], "media", ns, ne, best=True)
                continue
            if len(words) == 1:
                # A surname after a title ("SEN. X:"): the person the prose names in full, once read.
                reg.take(ns, ne)
                surname_turns.append((ns, ne, words))
                continue
            _add_person(text, reg, lx, ns, ne, words, ns, ne, None)

    # People, organisations, media and governments from capitalised runs.
    pending_single: list[tuple[int, int, str]] = []
    # `_classify_word` inlined: most runs are one word.
    word_class = _fast().word_class
    mask = reg.mask
    for block, s, e in regions:
        for run in _runs(text, s, e, lx):
            if len(run) > 1:
                _classify_run(text, run, reg, lx, verbs_rx, pending_single)
                continue
            tok3 = run[0]
            kind = word_class.get(tok3[2]) or _word_class(tok3[2])
            if kind is WORD_SKIP or mask.find(1, tok3[0], tok3[1]) != -1:
                continue
            if kind is WORD_PENDING:
                pending_single.append(tok3)
            elif kind is WORD_HEAD:
                if not _apposition_of_person(text, tok3[0], reg):
                    pending_single.append(tok3)
            else:
                reg.add(kind[1], kind[0], tok3[0], tok3[1], best=kind[2])

    # Single words: surnames of people found, first words of organisations.
    _resolve_singles(text, pending_single, reg, lx, verbs_rx)
    for ns, ne, words in surname_turns:
        _add_person(text, reg, lx, ns, ne, words, ns, ne, None)
    _find_groups(text, regions, reg, lx)
    return _to_actors(text, reg)


# An office holder whose portfolio lists topics ("Minister of Mining, Ports and Energy",
# "Commissioner for Energy and Climate Security"), then the name: after a comma
# ("..., X Y,") or, surname in capitals first, after a space ("... SURNAME Given", as
# some governments write names).
_TOPIC = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
LISTED_TITLE = re.compile(r"(?:Minister|Commissioner|Vice-President|Secretary|Envoy) (?:of|for) ")
LISTED_MINISTER = re.compile(
    r"\b(?:(?:Executive|Deputy|Vice|Senior|First|Acting) )?(?:Minister|Commissioner|Vice-President|Secretary|Envoy)"
    r" (?:of|for) (?:the )?" + _TOPIC + r"(?:, " + _TOPIC + r")*(?:,? and " + _TOPIC + r")?"
    r"(?:, (?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})(?=[,.;)]|\s+(?:said|says|added)\b)"
    r"| (?P<caps>[A-Z]{2,}(?:-[A-Z]{2,})?) (?P<given>[A-Z][a-z]+(?:-[a-z]+)?)\b)")


SURNAMED = re.compile(r"\bsurnamed ([A-Z][a-z]+(?:-[a-z]+)?)\b")


# A country's press as one source: "U.S. media reported that ...", "Chilean media say".
COUNTRY_MEDIA = re.compile(r"(?<![\w.-])(U\.S\.|US|[A-Z][a-z]+) media\b(?! (?:company|companies|group|groups|"
                           r"outlets?|firms?|giants?|regulators?|reports?)\b)")


def _find_country_media(text: str, regions, reg: Registry, lx: Lexicon) -> None:
    for block, s, e in regions:
        for m in COUNTRY_MEDIA.finditer(text, s, e):
            word = m.group(1)
            if (word in lx.adjectives or word.lower() in lx.gov_alias) and not reg.is_taken(m.start(), m.end()) \
                    and text[max(0, m.start() - 6):m.start()].lower() not in ("state ", "-run "):
                reg.add(m.group(), "media", m.start(), m.end(), best=True)


def _find_listed_ministers(text: str, regions, reg: Registry, lx: Lexicon) -> None:
    for block, s, e in regions:
        for m in LISTED_MINISTER.finditer(text, s, e):
            if m.group("name"):
                ns, ne = m.span("name")
                names = m.group("name").split()
            else:
                ns, ne = m.start("caps"), m.end("given")
                names = [m.group("given"), m.group("caps").capitalize()]
            if not all(_is_name_token(t, lx) for t in names) or reg.is_taken(m.start(), ne):
                continue
            te = m.start("name") - 2 if m.group("name") else m.start("caps") - 1
            _add_person(text, reg, lx, ns, ne, names, m.start(), ne, (m.start(), te))
            reg.take(m.start(), ne)


def _merge_ministries(reg: Registry) -> None:
    """"The industry ministry" is the "Ministry of Economy, Trade and Industry"
    the article names in full: one body of the same country whose name holds the topic."""
    ents = [e for e in reg.ents.values() if e.type == "government"]
    for short in ents:
        m = re.fullmatch(r"(.+?)'s Ministry of (\w+)", short.name)
        if not m:
            continue
        longer = [e for e in ents if e is not short and e.name.startswith(m.group(1) + "'s Ministry of ")
                  and re.search(r"\b" + re.escape(m.group(2)) + r"\b", e.name)]
        if len(longer) != 1 or reg.ents.get(short.name.lower()) is not short:
            continue
        into = longer[0]
        for s, e in short.spans:
            into.add(s, e, reg.text)
        for alias in [short.name] + short.aliases:
            if alias != into.name and alias not in into.aliases:
                into.aliases.append(alias)
            reg.by_alias[alias.lower()] = into
        del reg.ents[short.name.lower()]


def _body_heads(text: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of a word of BODY_HEAD_WORDS, in order."""
    return _occurrences(text, BODY_HEAD_WORDS)


def _occurrences(text: str, words) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each of *words*, in order."""
    out = []
    for h in words:
        i = text.find(h)
        while i != -1:
            out.append((i, i + len(h)))
            i = text.find(h, i + 1)
    out.sort()
    return out


def _holds_head(heads: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether text[s:e] holds one of the *heads*."""
    i = bisect.bisect_left(heads, (s, -1))
    while i < len(heads) and heads[i][0] < e:
        if heads[i][1] <= e:
            return True
        i += 1
    return False


# What can stand between the start of an OWNED_RX match and its head word: the
# owner, determiner or adjective, "own" and the topic are words, full stops,
# apostrophes and spaces.
NOT_BEFORE_HEAD = re.compile(r"[^\w.’'\s]")
# The same for DEPT_RX ("the U.S. Commerce and Trade Department") and COMMITTEE_RX
# ("House Select Committee", "Senate banking committee"), whose heads are
# DEPT_HEADS and COMMITTEE_HEADS.
NOT_BEFORE_DEPT = re.compile(r"[^A-Za-z.\s]")
NOT_BEFORE_COMMITTEE = re.compile(r"[^A-Za-z\s]")
DEPT_HEADS = ("Department", "Ministry")
STATE_MEDIA_WORDS = ("state media", "state-run media", "state television")
COMMITTEE_HEADS = ("committee", "Committee")

# Words written with a capital or not, found as one ending: "inistry" is "Ministry" or "ministry".
CASED_ENDINGS = ("inistry", "mbassy", "onsulate", "ommittee")
# The rest of BODY_HEAD_WORDS and DEPT_HEADS, found as they are.
PLAIN_HEADS = tuple(w for w in BODY_HEAD_WORDS + DEPT_HEADS if w[1:] not in CASED_ENDINGS)


def _head_occurrences(text: str):
    """`_occurrences` of DEPT_HEADS, BODY_HEAD_WORDS, "Office of the", COMMITTEE_HEADS and
    STATE_MEDIA_WORDS, in fewer scans of the text: one for both cases of a word (its
    letters after the first), one for the three that start "state"."""
    dept, heads, committees, state = [], [], [], []
    for ending in CASED_ENDINGS:
        i = text.find(ending, 1)
        while i != -1:
            first = text[i - 1]
            if first in "MECmec":
                word = first + ending
                if ending == "ommittee":
                    if first in "Cc":
                        committees.append((i - 1, i + len(ending)))
                elif word == "Ministry":
                    dept.append((i - 1, i + len(ending)))
                elif word in BODY_HEAD_WORDS:
                    heads.append((i - 1, i + len(ending)))
            i = text.find(ending, i + 1)
    for w in PLAIN_HEADS:
        i = text.find(w)
        while i != -1:
            (dept if w == "Department" else heads).append((i, i + len(w)))
            i = text.find(w, i + 1)
    i = text.find("state")
    while i != -1:
        for w in STATE_MEDIA_WORDS:
            if text.startswith(w, i):
                state.append((i, i + len(w)))
        i = text.find("state", i + 1)
    for out in (dept, heads, committees):
        out.sort()
    return dept, heads, _occurrences(text, ("Office of the",)), committees, state


def _owned_matches(text: str, s: int, e: int, heads: list[tuple[int, int]], rev: list[str | None] | None = None):
    """OWNED_RX.finditer(text, s, e), searched only from where a match can start."""
    return _head_matches(OWNED_RX, NOT_BEFORE_HEAD, text, s, e, heads, rev)


def _head_matches(rx: re.Pattern[str], not_before: re.Pattern[str], text: str, s: int, e: int,
                  heads: list[tuple[int, int]], rev: list[str | None] | None = None):
    """rx.finditer(text, s, e), searched only from where a match can start.

    Every match of *rx* holds a head word (one of *heads*, every occurrence of
    them in the text) with nothing but *not_before*'s complement before it, so no
    match starts before the character after the last other character ahead of the
    next head; the search starts there, not at every word of the block.

    *rev* holds the reversed text once one call has made it (``[None]`` before):
    the callers read one text block by block."""
    n = len(text)
    if rev is None:
        rev = [None]
    pos = s
    j = bisect.bisect_left(heads, (s, -1))
    while True:
        while j < len(heads) and heads[j][0] < pos:
            j += 1
        if j == len(heads) or heads[j][0] >= e:
            return
        k = heads[j][0]
        if rev[0] is None:
            rev[0] = text[::-1]
        other = not_before.search(rev[0], n - k, n - pos)
        m = rx.search(text, n - other.start() if other else pos, e)
        if m is None:
            return
        yield m
        pos = m.end()


def _find_bodies(text: str, regions, reg: Registry, lx: Lexicon) -> None:
    """Ministries, departments, committees, embassies, customs."""
    # What a block can hold, read once for the whole text: most articles name no body.
    dept_heads, heads, offices, committee_heads, state = _head_occurrences(text)
    any_dept = bool(dept_heads)
    any_body = bool(heads)
    any_office = bool(offices)
    any_committee = bool(committee_heads)
    any_customs = "customs" in text
    any_state = bool(state)
    if not (any_dept or any_body or any_office or any_committee or any_customs or any_state):
        return
    # Every word a block must hold for a step below to read it ("customs" is a body head).
    cues = sorted(dept_heads + heads + offices + committee_heads + state)
    rev: list[str | None] = [None]  # the reversed text, for `_head_matches`, made once
    for block, s, e in regions:
        if not _holds_head(cues, s, e):
            continue
        chunk = text[s:e]
        has_dept = any_dept and _holds_head(dept_heads, s, e)
        has_body = any_body and _holds_head(heads, s, e)
        has_committee = any_committee and _holds_head(committee_heads, s, e)
        for m in (_head_matches(DEPT_RX, NOT_BEFORE_DEPT, text, s, e, dept_heads, rev) if has_dept else ()):
            name = m.group("name") or m.group("name2")
            if name is None:
                continue
            ns = m.start("name") if m.group("name") else m.start("name2")
            end = m.end()
            demonym = None
            if m.group("name") and text.startswith(" for ", end) and (fm := FOR_TOPIC.match(text, end)):
                # "Coordinating Ministry for Economic Affairs": the portfolio is part of the name.
                name = _dept_name(name + fm.group(), lx)
                end = ns + len(name)
            elif m.group("name") and text.startswith(" of ", end) and name.count(" ") == 1 and \
                    name.partition(" ")[0] in lx.adjectives and (fm := OF_TOPIC.match(text, end)):
                # "the Chinese Ministry of Commerce": China's Ministry of Commerce.
                demonym = lx.adjectives[name.partition(" ")[0]]
                name = _dept_name(name.partition(" ")[2] + fm.group(), lx)
                end = m.end("name") + len(name) - len(m.group("name").partition(" ")[2])
            elif m.group("name2") and name.count(" ") > 2:
                # "Ministry of Heavy Industries", "... of Electronics and Information Technology";
                # not a title or a weekday after it ("Ministry of Commerce Spokesperson X").
                name = _dept_name(name, lx)
                end = ns + len(name)
            first = name.split()[0]
            if first in lx.capwords:
                continue
            canon = name
            ministry = name.startswith(("Ministry of", "Ministry for")) or name.endswith("Ministry") or \
                " Ministry for " in name
            if demonym is not None:
                canon = "U.S. " + name if demonym == "United States" else f"{demonym}'s {name}"
            elif ministry or name.startswith(("Department of", "Department for")):
                owner = _last_government(reg, ns, ministry)
                pm = OWNER_BEFORE_BODY.search(text[max(0, ns - 40):ns])
                written = pm.group(1) if pm else ""
                if written.startswith("The "):
                    written = written[4:]  # "The U.S. Department of X"
                if pm and _government_of(written, lx):
                    owner = _government_of(written, lx)
                    ns = ns - len(text[max(0, ns - 40):ns]) + pm.start(1) + pm.group(1).index(written)
                canon = f"{owner}'s {name}" if owner and owner != "United States" else \
                    "U.S. " + name if owner and written in ("U.S.", "US") else name
                if not (pm and _government_of(written, lx)) and (prior := reg.by_alias.get(name.lower())):
                    canon = prior.name  # "the Department of X" after "the U.S. Department of X"
            elif m.group("country"):
                ns = m.start("country")
                canon = "U.S. " + name
            body = lx.bodies.get(name.lower())
            if body:
                canon = body[0]
            bare = reg.ents.get(name.lower()) if canon.startswith("U.S. ") else None
            if bare is not None and bare.type == "government" and canon.lower() not in reg.ents:
                # "a former Commerce Department official" ... "The U.S. Commerce Department said":
                # one body, named in full.
                del reg.ents[name.lower()]
                bare.add(ns, end, text)  # the bare name stays an alias
                bare.name = canon
                if name not in bare.alias_set:
                    bare.alias_set.add(name)
                    bare.aliases.append(name)
                reg.ents[canon.lower()] = bare
            ent = reg.add(canon, "government", ns, end, best=True)
            if canon.startswith("U.S. ") and name not in ent.aliases:
                ent.aliases.append(name)
                reg.by_alias.setdefault(name.lower(), ent)
            elif not canon.startswith("U.S. ") and name.endswith("Department") and not body:
                ent.aliases.append("U.S. " + name)
        for m in (_owned_matches(text, s, e, heads, rev) if has_body else ()):
            owner = m.group("owner") or m.group("adj")
            head = m.group("head")
            if head[0] == "E" or head[0] == "C" or head[0] == "M":
                head = head.lower()  # "Embassy", "Consulate", "Mission"
            topic = (m.group("topic") or "").strip()
            country = _government_of(owner, lx) if owner else None
            if owner and not country:
                continue
            if m.group("det"):
                if head in ("government", "administration", "regulator", "customs", "embassy") or not topic:
                    continue
                where = m.group("where")
                country = _government_of(where.split(" in ", 1)[1], lx) if where else None
                country = country or _last_government(reg, m.start())
            if head in ("government", "administration"):
                if country:
                    reg.add(country, "government", m.start(), m.end())
                continue
            if country is None:
                continue
            start = m.start("owner") if m.group("owner") else m.start("adj") if m.group("adj") else m.start("topic") if topic else m.start("head")
            end = m.end("head")
            if head in ("embassy", "mission") and m.group("where"):
                end = m.end("where")
            written = text[start:end]
            if m.group("owner"):
                # "Beijing's commerce ministry" is China's.
                canon = f"{country}'s " + text[m.end("owner") + 2:end].lstrip()
            elif m.group("adj"):
                canon = written
            else:
                canon = f"{country}'s Ministry of {_formal(topic)}" if head == "ministry" and topic else f"{country}'s {written}"
            ent = reg.add(canon, "government", start, end, best=bool(m.group("owner") or m.group("adj")))
            if head == "ministry" and topic:
                formal = f"{country}'s Ministry of {_formal(topic)}"
                if formal != ent.name and formal not in ent.aliases:
                    ent.aliases.append(formal)
                if topic not in ent.aliases:
                    ent.aliases.append(f"{topic} ministry")
        for m in (OFFICE_OF_RX.finditer(text, s, e) if any_office and "Office of the" in chunk else ()):
            if not reg.is_taken(m.start(1), m.end(1)):
                reg.add(m.group(1), "government", m.start(1), m.end(1), best=True)
        for m in (_head_matches(COMMITTEE_RX, NOT_BEFORE_COMMITTEE, text, s, e, committee_heads, rev)
                  if has_committee else ()):
            reg.add(m.group(), "government", m.start(), m.end(), best=True)
        for m in (CUSTOMS_DATA_RX.finditer(text, s, e) if any_customs and "customs" in chunk else ()):
            # "customs data showed": the customs of the country the article is about.
            sent = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            first = _country_rx().search(text, sent, m.start())
            country = (lx.adjectives.get(first.group()) or lx.gov_alias.get(first.group().lower())) if first else None
            country = country or _last_government(reg, m.start())
            adj = next((a for a, c in lx.adjectives.items() if c == country), None)
            if adj is not None and not reg.is_taken(m.start(1), m.end(1)) and \
                    not CAPITALISED_END.search(text[max(0, m.start() - 25):m.start()]):
                reg.add(f"{adj} customs", "government", m.start(1), m.end(1))
        if any_state and any(w in chunk for w in STATE_MEDIA_WORDS):
            for m in STATE_MEDIA_RX.finditer(text, s, e):
                reg.add(m.group()[0].upper() + m.group()[1:], "media", m.start(), m.end(), best=True)


# What `_classify_word` does with a word, which depends on the word alone: nothing
# (a sentence word or connector), add an actor (type, canonical name, best), or
# (a title word) look for a person before it, else keep it for the single names.
WORD_SKIP = ("skip",)
WORD_HEAD = ("head",)
WORD_PENDING = ("pending",)


def _word_class(tok: str) -> tuple:
    """`_classify_word`'s decision for *tok* before the registry is read, kept for the next time."""
    fast = _fast()
    out = fast.word_class.get(tok)
    if out is not None:
        return out
    lx = lexicon()
    low = tok.lower()
    if tok in fast.no_name or tok == "&":
        out = WORD_SKIP
    elif low in lx.media_names:
        out = ("media", lx.media_names[low], True)
    elif low in fast.gov_firsts and (lx.gov_alias.get(low) or lx.bodies.get(low)):
        canon = lx.gov_alias.get(low) or lx.bodies[low][0]
        out = ("government", canon, tok == canon)
    elif tok in lx.heads:
        out = WORD_HEAD
    else:
        out = WORD_PENDING
    if len(fast.word_class) >= WORD_CLASS_MAX:
        fast.word_class.clear()
    fast.word_class[tok] = out
    return out


WORD_CLASS_MAX = 1 << 15


def _single_class(tok: str) -> tuple[bool, bool]:
    """What `_resolve_singles` reads of a leftover's words alone, kept for the next time:
    whether they look like a person's two or three names, and whether they may name an
    actor (capitalised words, none a sentence word, group noun, title or adjective)."""
    lx = lexicon()
    words = tok.split()
    out = (len(words) in (2, 3) and _looks_like_person(words, lx),
           not (tok in lx.capwords or tok.lower() in lx.groups or tok in lx.heads or tok in lx.adjectives)
           and CAPITALISED_WORDS.fullmatch(tok) is not None)
    single_class = _fast().single_class
    if len(single_class) >= WORD_CLASS_MAX:
        single_class.clear()
    single_class[tok] = out
    return out


def _classify_word(text, tok3, reg: Registry, lx: Lexicon, pending_single) -> None:
    """`_classify_run` for a run of one word, read without the steps that need two:
    a sentence word or connector is no name; else a medium or government by name,
    a title word in apposition to a person, or a single name resolved later."""
    s, e, tok = tok3
    kind = _word_class(tok)
    if kind is WORD_SKIP or reg.mask.find(1, s, e) != -1:
        return
    if kind is WORD_PENDING:
        pending_single.append(tok3)
    elif kind is WORD_HEAD:
        if not _apposition_of_person(text, s, reg):
            pending_single.append(tok3)
    else:
        reg.add(kind[1], kind[0], s, e, best=kind[2])


@functools.cache
def _title_topic_rx(to_and: bool = True) -> re.Pattern[str]:
    """A title with its portfolio up to a closing "and" ("Minister of State for Ports and "),
    or (*to_and* False) up to where the portfolio starts ("Minister of State for ")."""
    heads = sorted((h for h in lexicon().heads if h.isalpha()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(heads) + r")(?:\s+of\s+State)?\s+(?:for|of)\s+(?:the\s+)?" +
                      (r"(?:[A-Z][\w-]*,?\s+){1,4}and\s+$" if to_and else "$"))


def _classify_run(text, run, reg: Registry, lx: Lexicon, verbs_rx, pending_single) -> None:
    if len(run) == 1:
        _classify_word(text, run[0], reg, lx, pending_single)
        return
    # A capitalised pronoun after a lowercase role word is a surname: "spokesperson He Y".
    surname_first = len(run) in (2, 3) and run[0][2] in ("He", "She") and \
        _rx().role_space_end.search(text, max(0, run[0][0] - 40), run[0][0]) is not None and \
        all(NAME_TOKEN.fullmatch(tok) and tok not in lx.capwords for _, _, tok in run[1:])
    # Drop leading sentence words ("The", "But") and trailing connectors.
    while run and not surname_first and (run[0][2] in lx.capwords or run[0][2] in CONNECT) and \
            not (run[0][2] in TITLE_MODS and len(run) > 2 and run[1][2] in lx.heads):  # "Under Secretary X Y"
        run = run[1:]
    while run and run[-1][2] in CONNECT_AMP:
        run = run[:-1]
    if len(run) >= 3 and run[-1][2] in lx.postnominals:
        run = run[:-1]  # "the Hon X Y MP": letters after a name are no part of it
    if len(run) >= 3 and text[run[0][0] - 5:run[0][0]] == " and " and \
            _title_topic_rx().search(text, max(0, run[0][0] - 90), run[0][0]):
        # "Minister of State for Ports and Harbours X Y Z": the first word closes the
        # title's "for A and B"; the name follows it.
        run = run[1:]
    elif len(run) >= 4 and text[max(0, run[0][0] - 60):run[0][0]].rstrip().endswith(("for", "of", "the")) and \
            _title_topic_rx(False).search(text, max(0, run[0][0] - 60), run[0][0]):  # (it ends so when it matches)
        # "Minister of State for | Trade and Industry X Y Z": the portfolio's "A and B" opens the run.
        j = next((k for k in range(1, len(run)) if text[run[k - 1][1]:run[k][0]] == " and "), 0)
        if j and 2 <= len(run) - j - 1 <= 3:
            run = run[j + 1:]
    if not run:
        return
    s, e = run[0][0], run[-1][1]
    if reg.mask.find(1, s, e) != -1:  # reg.is_taken(s, e), inlined
        # Part of a body found earlier; a country inside it still counts.
        return
    tokens = list(map(THIRD, run))
    full = text[s:e]
    if len(run) == 2 and tokens[0] in CHAMBERS and tokens[1] in lx.parties and tokens[1].endswith("s"):
        reg.add(full, "group", s, e, best=True)  # "House Republicans": a chamber's party members
        return

    # Media known by name, before the governments: "Washington Post", "Korea Herald".
    low_full = full.lower()
    if low_full in lx.media_names:
        reg.add(lx.media_names[low_full], "media", s, e, best=True)
        return
    named = _named_body(text, run, tokens, full, lx) if len(run) > 1 else None
    if named:
        reg.add(full, named, s, e, best=True)
        return

    # Governments and their metonyms, whole run or its first words; but a company
    # word before a longer name makes it a company's ("toolmaker Tokyo Electron").
    gov_first = tokens[0].lower() in _fast().gov_firsts
    if gov_first and len(run) > 1 and low_full not in lx.gov_alias and low_full not in lx.bodies and \
            _company_word_before(text, s):
        reg.add(full, "organization", s, e, best=True)
        return
    for n in range(len(run), 0, -1) if gov_first else ():
        cand = text[run[0][0]:run[n - 1][1]]
        low = cand.lower()
        canon = lx.gov_alias.get(low)
        body = lx.bodies.get(low)
        if canon or body:
            if n == len(run) - 1 and run[-1][2] in lx.parties and run[-1][2].endswith("s"):
                reg.add(full, "group", s, e, best=True)  # "Senate Democrats", "House Republicans"
                return
            if n == 1 and n < len(run) and cand in US_PREFIXES and lx.heads.isdisjoint(tokens) and \
                    _us_body(text, run, tokens):
                # "U.S. Census Bureau", "US Geological Survey": the country's agency, named whole.
                reg.add(full, "government", s, e, best=True)
                return
            if canon:
                reg.add(canon, "government", run[0][0], run[n - 1][1], best=cand == canon)
            else:
                reg.add(body[0], "government", run[0][0], run[n - 1][1], best=cand == body[0])
            if n < len(run):
                _classify_run(text, run[n:], reg, lx, verbs_rx, pending_single)
            return
    if tokens[0] in lx.adjectives and len(run) > 1 and tokens[1] not in lx.heads:
        # "Chinese Foo" rarely names one actor; read the rest.
        _classify_run(text, run[1:], reg, lx, verbs_rx, pending_single)
        return

    # A body word that also ends outlets' names ("Agency") names an outlet only after an outlet
    # word ("News Agency"); else a state body, or an international one ("International X Agency").
    if tokens[-1] in GOV_BODY_WORDS and tokens[-1] in lx.media_suffixes and len(tokens) > 1 and \
            tokens[-2] not in lx.media_suffixes:
        reg.add(full, "organization" if tokens[0] == "International" else "government", s, e, best=True)
        return
    # Media known by the last word of the name, or by a broadcast word before a city
    # ("X Radio Lima", "X TV Cusco").
    if tokens[-1] in lx.media_suffixes and (len(tokens) > 1) or \
            len(tokens) >= 3 and tokens[-2] in BROADCAST_WORDS and tokens[-1] not in lx.heads:
        reg.add(full, "media", s, e, best=True)
        return

    # Title + name: "Commerce Secretary X Y", "Rep. X Y", "Special Envoy for Minerals X Y".
    head_idx = -1
    if not lx.heads.isdisjoint(tokens):
        head_idx = len(tokens) - 1  # the last title word (there is one)
        while tokens[head_idx] not in lx.heads:
            head_idx -= 1
        if _apposition_of_person(text, s, reg):
            return  # "X Y, Deputy Assistant Secretary of Commerce for Export Administration, said": a role
    if 0 <= head_idx < len(tokens) - 1:
        rest = run[head_idx + 1:]
        if rest and text[run[head_idx][1]:rest[0][0]] != " ":
            # "Envoy for Critical Minerals X Y": the name is the last two words; after a
            # portfolio closed by "and X" ("Minister for Trade and Industry X Y Z") the words
            # after X, up to three.
            j = max(k for k in range(head_idx + 1, len(run)) if text[run[k - 1][1]:run[k][0]] != " ")
            after = run[j + 1:]
            if text[run[j - 1][1]:run[j][0]] == " and " and 2 <= len(after) <= 3 and \
                    after[0][2] not in TITLE_MODS and not after[0][2].endswith("s"):
                rest = after
            else:
                rest = run[-2:] if len(run) - head_idx > 3 else []
        names = list(map(THIRD, rest))
        if len(names) == 2 and SURNAME_CAPS.fullmatch(names[0]) and _is_name_token(names[1], lx) and \
                not _is_name_token(names[0], lx) and names[0].lower() not in lx.gov_alias:
            # "Minister of X SURNAME Given": the surname in capitals first, as some
            # governments write names; the canonical name is "Given Surname".
            names = [names[1], names[0].capitalize()]
        if rest and all(_is_name_token(t, lx) for t in names) and \
                (len(names) <= 3 or len(names) == 4 and tokens[head_idx] in lx.honorifics):
            # Four words after "Mr"/"Ms": a given name, a surname and two given names ("Mr X Y Z W").
            title_run = run[:head_idx + 1] if rest[0] is run[head_idx + 1] else run[:len(run) - len(rest)]
            ts = title_run[0][0]
            if title_run[0][2].lower() in lx.gov_alias or title_run[0][2] in lx.adjectives:
                country = title_run[0]
                reg.add(lx.gov_alias.get(country[2].lower()) or lx.adjectives[country[2]], "government",
                        country[0], country[1]) if country[2].lower() in lx.gov_alias else None
                if len(title_run) > 1 and title_run[0][2] in ("U.S.", "US"):
                    ts = title_run[1][0]
            te = title_run[-1][1]
            # "Acme Chief Executive X Y": words before the title words name the employer.
            k = head_idx
            while k > 0 and (tokens[k - 1] in lx.heads or tokens[k - 1] in TITLE_MODS) and \
                    not (tokens[head_idx].isupper() and tokens[k - 1] not in ("Acting", "Former", "Deputy")):
                k -= 1  # an acronym title ("Acme Minerals CEO X Y") takes no topic words
            employer = None
            if 0 < k <= head_idx and title_run[0] is run[0]:
                pre = run[:k]
                words = [t for _, _, t in pre]
                if not any(w.lower() in lx.gov_alias or w in lx.adjectives or w in lx.parties for w in words) \
                        and " ".join(words).lower() not in lx.bodies:
                    employer = reg.add(text[pre[0][0]:pre[-1][1]], "media" if words[-1] in lx.media_suffixes
                                       else "government" if any(w in ON_THE_HEADS for w in words) and
                                       text[pre[0][1]:pre[-1][0]].count(" on the ") else "organization",
                                       pre[0][0], pre[-1][1])
                    ts = run[k][0]
            party = None
            if title_run[0][2] in lx.parties and len(title_run) > 1:
                # "Republican Rep. X Y": the party is not part of the title.
                party = lx.parties[title_run[0][2]]
                ts = title_run[1][0]
                s = ts
            _add_person(text, reg, lx, rest[0][0], rest[-1][1], names, s, e, (ts, te))
            ent = reg.get(" ".join(names))
            if ent is not None and party and ent.party is None:
                ent.party = party
            if ent is not None and employer is not None and ent.affiliation is None:
                ent.affiliation = employer.name
            return

    # Government bodies: "Cyberspace Administration of China", "Federal Trade Commission".
    if len(tokens) >= 2 and (tokens[-1] in GOV_BODY_WORDS or not GOV_BODY_WORDS.isdisjoint(tokens) and any(
            t in GOV_BODY_WORDS and tokens[i + 1:i + 2] and tokens[i + 1] in _fast().countries
            for i, t in enumerate(tokens))):
        reg.add(full, "government", s, e, best=True)
        return

    # Organisations by suffix.
    if tokens[-1] in lx.org_suffixes and len(tokens) >= 2:
        reg.add(full, "organization", s, e, best=True)
        return
    # A miner named after its mineral: "Lynas Rare Earths", "Tamar Lithium".
    if tokens[-1] in MINERAL_LAST and len(tokens) >= (3 if tokens[-1] == "Earths" else 2) and \
            tokens[0] not in lx.capwords and tokens[0] not in lx.adjectives and tokens[0].lower() not in lx.gov_alias:
        reg.add(full, "organization", s, e, best=True)
        return

    if len(run) == 1:
        pending_single.append(run[0])
        return

    # Lowercase title before the name: "chief executive X Y", "spokeswoman X Y".
    before = text[max(0, s - 60):s]
    last = before.rsplit(None, 1)  # no words when *before* is blank
    last = last[-1].lower() if last else ""
    tm = _rx().role_space_end.search(before) if last in _rx().role_last_words else None
    if tm and (_looks_like_person(tokens, lx) or surname_first) and not before.rstrip().endswith(","):
        ts = s - len(tm.group(1))
        _add_person(text, reg, lx, s, e, tokens, ts, e, (ts, ts + len(tm.group(1).rstrip())))
        return

    cue = _cue(reg, s, e, lx, verbs_rx)
    if cue == "media":
        reg.add(full, "media", s, e, best=True)
    elif cue == "organization":
        reg.add(full, "organization", s, e, best=True)
    elif cue in ("person", "speaker") and _looks_like_person(tokens, lx):
        _add_person(text, reg, lx, s, e, tokens, s, e, None)
    elif cue == "speaker" and len(tokens) <= 4:
        reg.add(full, "organization", s, e, best=True)
    elif _looks_like_person(tokens, lx) and reg.get(full):
        reg.add(full, reg.get(full).type, s, e)
    else:
        # Remember the words: a later cue may type them.
        pending_single.append((s, e, full))


PERSON_APPOSITION = re.compile(r",\s+([^,;:.\"“”‘’]{2,100})")
PARTY_STATE = re.compile(r"[RD]-[A-Z][a-z]*\.?")
WHO = re.compile(r"who\b")
ROLE_OF_TAIL = re.compile(r"(?:\s+of\s+(?:the\s+)?[a-z][a-z\- ]{0,40}?(?=\s+(?:at|for|of|in|with)\b|$))?")
ROLE_AFFILIATION = re.compile(r"\b(?:at|of|for)\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)")
OWNER_BEFORE_ROLE = re.compile(r"((?:[A-Z][\w.\-]*\s)*[A-Z][\w.\-]*['’]s\s+)?(?:[a-z][\w\-]*\s+){0,2}$")


def _apposition_of_person(text, s, reg: Registry) -> bool:
    """Does the run at ``s`` stand in apposition to a person named just before it?"""
    if text[max(0, s - 2):s] != ", ":
        return False
    end = s - 2
    for ent in reg.ents.values():
        if ent.type == "person":
            for span in ent.spans:
                if span[1] == end:
                    return True
    return False


def _company_word_before(text: str, s: int) -> bool:
    """Does a company word stand just before the name, after a determiner, a capitalised
    word or nothing ("the toolmaker X Y", "Japanese toolmaker X Y")?"""
    words = text[max(0, s - 60):s].split()
    if not words or words[-1].lower().rstrip("s") not in _rx().desc_words:
        return False
    return len(words) == 1 or words[-2][:1].isupper() or words[-2] in ("the", "a", "an", "its")


def _named_body(text, run, tokens, full, lx: Lexicon) -> str | None:
    """government / organization / media for a run that names a body whole:
    "<Body word> of ..." or "for ..." ("General Administration of Customs", "Bureau of
    Industry and Security", "Institute for Trade and Industry"), a country before an
    organisation's last word ("China Semiconductor Industry Association") or before an
    outlet's ("Korea Herald")."""
    if " of " in full or " for " in full or " on the " in full:
        return _body_of(text, run, tokens, full, lx)
    if tokens[-1] == "Corporation" and tokens[-2] in ("National", "Public") and \
            (tokens[0].lower() in lx.gov_alias or tokens[0] in lx.adjectives):
        return "government"  # a state corporation: "Japan Oil, Gas and Metals National Corporation"
    # "Korea Herald", "Lima Times": an outlet named after its place.
    if tokens[-1] in lx.media_suffixes and tokens[-1] not in GOV_BODY_WORDS and tokens[0].lower() in lx.gov_alias \
            and lx.heads.isdisjoint(tokens):
        return "media"
    if tokens[-1] in lx.org_suffixes and (tokens[0] in lx.adjectives or tokens[0].lower() in lx.gov_alias) and \
            lx.heads.isdisjoint(tokens) and full.lower() not in lx.bodies:
        return "organization"
    return None


def _body_of(text, run, tokens, full, lx: Lexicon) -> str | None:
    if full.lower() in lx.bodies or full.lower() in lx.gov_alias:
        return None
    for i in range(len(run) - 1):
        t = tokens[i]
        gap = text[run[i][1]:run[i + 1][0]]
        if gap == " on the " and t in ON_THE_HEADS:
            # "Select Committee on the CCP" (a legislature's), "Council on the Environment"
            if not lx.heads.isdisjoint(tokens[i + 1:]):
                return None  # "... Committee on the CCP Chairman X Y"
            return "organization" if t == "Council" else "government"
        if gap not in (" of ", " for ", " for the "):
            continue
        if t in GOV_BODY_WORDS or t in lx.org_suffixes or t in BODY_OF:
            if not lx.heads.isdisjoint(tokens[i + 1:]) or tokens[0] in lx.honorifics:
                return None  # "Department of Commerce Under Secretary X Y"
            if t in GOV_BODY_WORDS or t in ("Organization", "Organisation") and i > 0 and \
                    (tokens[0].lower() in lx.gov_alias or tokens[0] in lx.adjectives):
                return "government"  # a country's own "Organization for X" is a state body
            return "organization"
        return None
    return None


# A legislature's chambers, whose party members ("House Republicans") are a group.
CHAMBERS = frozenset({"House", "Senate", "Congressional", "Parliamentary"})
# Words that start an organisation's "X of Y" name besides the suffixes in orgs.txt.
BODY_OF = frozenset({"Academy", "Chamber", "Federation", "School", "Society", "Centre", "Center", "Organization",
                     "Organisation", "Institution"})
# Heads whose "of" name may run on with "and": "Bureau of Mines and Quarries".
OF_HEADS = GOV_BODY_WORDS | BODY_OF | {"Institute", "University", "Association", "Council", "Bank", "College",
                                       "Foundation"}


def _add_person(text, reg: Registry, lx: Lexicon, ns, ne, names, ms, me, title) -> None:
    name = " ".join(names)
    # A surname alone after a title is the person found before ("Senator Y").
    if len(names) == 1:
        for ent in reg.ents.values():
            if ent.type == "person" and ent.surname == names[0]:
                name = ent.name
                break
        else:
            # "Mr Y" after "Mr X Y Z W": the surname stands inside a four-word name.
            inner = [ent for ent in reg.ents.values() if ent.type == "person" and
                     ent.name.count(" ") == 3 and ent.name.split(" ")[1] == names[0]]
            if len(inner) == 1:
                name = inner[0].name
    elif names[0].lower() in PARTICLES:
        # "Van Leer said": the surname of "Joost van Leer", capitalised.
        for ent in reg.ents.values():
            if ent.type == "person" and ent.surname and ent.surname.lower() == name.lower():
                name = ent.name
                break
    ent = reg.get(name)
    if ent is None or ent.type != "person":
        k = len(names) - 1  # where the surname starts: the first lowercase word after the first ("van Dam")
        for i in range(1, len(names)):
            if names[i][:1].islower():
                k = i
                break
        ent = Ent(name, "person", surname=" ".join(names[k:]))
        reg.ents[name.lower()] = ent
    ent.add(ms, me, text, best=(me - ms) > ((ent.best[1] - ent.best[0]) if ent.best else 0))
    if (ns, ne) != (ms, me):
        ent.add_span(ns, ne)
    reg.by_alias.setdefault(text[ms:me].lower(), ent)
    reg.take(ms, me)
    if title:
        ts, te = title
        role = text[ts:te]
        if role not in lx.honorifics and not (ent.roles and any(r[2] == role for r in ent.roles)):
            ent.roles.append((ts, te, role))
    # Apposition: party and role. "X Y, an Ohio Republican," / "X Y, the head of Z,"
    na = past_native_name(text, ne)
    after = text[na:na + 140]
    am = PERSON_APPOSITION.match(after) if after[:1] == "," else None
    if am:
        app = am.group(1)
        pm = _rx().party.search(app)
        if pm:
            ent.party = ent.party or lx.parties[pm.group()]
        elif PARTY_STATE.match(app):
            # "R-Ohio", "D-Calif."
            ent.party = ent.party or ("Republican" if app[0] == "R" else "Democrat")
        rm = _rx().role.search(app)
        if rm and len(app[:rm.start()].split()) <= 4 and not WHO.match(app):
            rs = na + am.start(1) + rm.start()
            # Extend "head" to "head of procurement", "director" to "managing director".
            tail = ROLE_OF_TAIL.match(app[rm.end():])
            re_ = na + am.start(1) + rm.end() + (tail.end() if tail else 0)
            role = text[rs:re_]
            if not (ent.roles and any(r[2] == role for r in ent.roles)) and role not in lx.parties:
                ent.roles.append((rs, re_, role))
            om = ROLE_AFFILIATION.search(app[rm.end():])
            if om and ent.affiliation is None:
                ent.affiliation = om.group(1)
    # Role before: "Acme's chief executive, X Y" / "chief executive X Y".
    before = text[max(0, ms - 80):ms]
    bm = _rx().role_group_comma_end.search(before, max(0, len(before) - 45)) \
        if before.rstrip().endswith(",") else None
    if bm:
        rs = ms - len(before) + bm.start(1)
        role = text[rs:ms - len(before) + bm.end(1)]
        if not (ent.roles and any(r[2] == role for r in ent.roles)):
            ent.roles.append((rs, rs + len(role), role))
        # The mention covers "Acme's chief executive, X Y" (an alias form).
        om = OWNER_BEFORE_ROLE.search(text[max(0, rs - 60):rs])
        if om and om.group(1):
            full_s = rs - (len(text[max(0, rs - 60):rs]) - om.start(1))
            if not text[full_s:ms].lower().startswith(("the ", "its ", "his ", "her ")):
                ent.add(full_s, me, text)
                reg.take(full_s, me)


MINISTER_OF_ROLE = re.compile(r"(?:.*\s)?Minister (?:of|for) (?:the )?([A-Z].*)")


def _initials(reg: Registry) -> dict[str, str]:
    """Bodies' names by their initials ("Ministry of Economy and Trade": "MET"), the
    ministries that "Minister of X" roles name among them."""
    out: dict[str, str] = {}
    names = [ent.name for ent in reg.ents.values() if ent.type in ("government", "organization")]
    for ent in reg.ents.values():
        for _, _, role in ent.roles if ent.type == "person" else ():
            if m := MINISTER_OF_ROLE.fullmatch(role):
                names.append("Ministry of " + m.group(1))
    for name in names:
        caps = "".join(w[0] for w in name.replace(",", " ").split() if w[0].isupper())
        if len(caps) >= 3:
            out.setdefault(caps, name)
    return out


def _resolve_singles(text, pending, reg: Registry, lx: Lexicon, verbs_rx) -> None:
    # The first person or organisation (in the registry's order) that a word names,
    # by each way a word can name one.
    by_name: dict[str, Ent] = {}  # a person's surname or full name
    by_first: dict[str, Ent] = {}  # a person's first word
    by_start: dict[str, Ent] = {}  # the first words of an organisation's name, up to a space
    by_media_last: dict[str, Ent] = {}  # the last word of an outlet's name
    for ent in reg.ents.values():
        if ent.type == "person":
            if ent.surname is not None:
                by_name.setdefault(ent.surname, ent)
            by_name.setdefault(ent.name, ent)
            by_first.setdefault(ent.name.split()[0], ent)
        elif ent.type in ("organization", "media"):
            name = ent.name
            i = name.find(" ")
            while i != -1:
                by_start.setdefault(name[:i], ent)
                i = name.find(" ", i + 1)
            if ent.type == "media":
                by_media_last.setdefault(name.split()[-1], ent)
        elif ent.type == "government" and (dept := name_dept(ent.name)):
            # "Commerce" alone after "the Commerce Department": the department.
            by_start.setdefault(dept, ent)
    capwords = lx.capwords
    mask = reg.mask
    leftovers = []
    ends = None  # body and organisation mentions by their end, for "Full Name (FN)"
    initials = None  # bodies by their initials, for an acronym with no "(FN)"
    for s, e, tok in pending:
        if mask.find(1, s, e) != -1:  # reg.is_taken
            continue
        if text[s - 2:s] == " (" and text[e:e + 1] == ")" and ABBR.fullmatch(tok):
            # "Full Name (FN)": the abbreviation names the body just named.
            if ends is None:
                ends = {se: ent for ent in reg.ents.values() if ent.type != "person" for _, se in ent.spans}
            ent = ends.get(s - 2)
            if ent is not None:
                ent.add(s, e, text)
                reg.by_alias.setdefault(tok.lower(), ent)
                reg.take(s, e)
                continue
        ent = by_name.get(tok) or by_first.get(tok)
        if ent is None and tok not in capwords and tok not in lx.adjectives:
            ent = by_start.get(tok)  # "Chinese" alone is no "Chinese Academy of X"
        if ent is None and " " not in tok:
            ent = by_media_last.get(tok)
        if ent is None:
            ent = reg.by_alias.get(tok.lower())
        if ent is None and len(tok) >= 3 and ("A" <= tok[1] <= "Z" or tok[1] == "&") and ABBR.fullmatch(tok):
            if initials is None:
                initials = _initials(reg)
            if tok in initials:
                # "METI" with no "(METI)" after a name: the body whose initials it is, or the
                # ministry a "Minister of X" heads.
                ent = reg.get(initials[tok]) or reg.add(initials[tok], "government", s, e)
        if ent is not None:
            ent.add(s, e, text)
            reg.take(s, e)
            continue
        leftovers.append((s, e, tok))
    # A full name read earlier without a cue, whose surname later speaks: a person.
    unnamed = {}
    single_class = _fast().single_class
    classes = [single_class.get(tok) or _single_class(tok) for _, _, tok in leftovers]
    for (s, e, tok), (person, _) in zip(leftovers, classes):
        if person:
            words = tok.split()
            unnamed.setdefault(words[-1], (s, e, words))
            if len(words) == 2 and text[s - 2:s] == ", " and text[e:e + 1] == ",":
                # Written surname first, in apposition: "a spokesperson ..., Ma Y," ... "Ma said".
                unnamed.setdefault(words[0], (s, e, words))
    # Unknown single names that speak or own things: organisations.
    for (s, e, tok), (_, may_name) in zip(leftovers, classes):
        if " " not in tok and tok in unnamed and not reg.is_taken(s, e):
            cue = _cue(reg, s, e, lx, verbs_rx)
            if cue in ("person", "speaker"):
                fs, fe, words = unnamed[tok]
                if not reg.is_taken(fs, fe):
                    _add_person(text, reg, lx, fs, fe, words, fs, fe, None)
                ent = reg.get(" ".join(words))
                ent.add(s, e, text)
                reg.take(s, e)
                continue
        if not may_name:  # a sentence word, group noun, title or adjective; or not capitalised words
            continue
        if tok in lx.org_suffixes and text[max(0, s - 4):s].lower() == "the ":
            continue  # "the Company" in a press release: a descriptor, resolved by attribution
        if tok in BODY_DESCRIPTORS and text[max(0, s - 4):s].lower() == "the " and _named_before(reg, tok, s):
            continue  # "The Embassy said" after "the X Embassy in Y": a descriptor, resolved by attribution
        cue = _cue(reg, s, e, lx, verbs_rx)
        words = tok.split()
        if cue is None and tok not in PLACES and text.startswith(("'s", "’s"), e) and OWNS_PRODUCT.match(text, e):
            cue = "organization"  # "Acme's X200 chip", "Acme's shares"
        if cue is None and len(words) == 1 and PLAIN_WORD.fullmatch(tok) and MAKES_PRODUCT.match(text, e) and \
                not _line_initial(text, s) and tok.lower() not in lx.gov_alias:
            cue = "organization"  # "advanced Acme chips"
        if tok in lx.media_suffixes and cue != "media" and text[max(0, s - 4):s].lower() != "the ":
            continue  # "News provided by ...": a lone "News" is no outlet; "the Observer" is
        if tok in lx.media_suffixes or cue == "media":
            reg.add(tok, "media", s, e)
        elif cue == "speaker" and len(words) == 1 and _sentence_initial_or_name(text, s, tok):
            reg.add(tok, "organization", s, e)
        elif cue == "organization":
            reg.add(tok, "organization", s, e)
        elif cue in ("person", "speaker") and _looks_like_person(words, lx):
            _add_person(text, reg, lx, s, e, words, s, e, None)
        elif len(words) == 1 and reg.get(tok):
            reg.get(tok).add(s, e, text)
    # A name typed by a later cue ("Acme welcomed ...") was Acme in earlier sentences too.
    for s, e, tok in leftovers:
        ent = reg.ents.get(tok.lower())
        if ent is not None and ent.type in ("organization", "media") and not reg.is_taken(s, e):
            ent.add(s, e, text)
            reg.take(s, e)


DEPT_NAME = re.compile(r"(?:U\.S\.\s+|US\s+)?([A-Z][a-z]+) Department")


def name_dept(name: str) -> str | None:
    """The topic of a department's name ("Commerce" of "U.S. Commerce Department"), else None."""
    m = DEPT_NAME.fullmatch(name) if name.endswith(" Department") else None
    return m.group(1) if m else None


CAPITALISED_WORDS = re.compile(r"[A-Z][\w\-’']+(?: [A-Z][\w\-’']+)*")
ABBR = re.compile(r"[A-Z][A-Z&]{1,7}")
PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
# "advanced Acme chips": a maker's name before its product.
# Not when the product word is a modifier itself: "a Bristol chip designer", "Ulsan chip plants".
MAKES_PRODUCT = re.compile(r"\s+(?:chips?|processors?|accelerators?|GPUs?|shares|stock)\b"
                           r"(?![ -]+(?:[a-z]+ers?|industry|sector|firms?|compan(?:y|ies)|exports?|plants?|factor(?:y|ies)|"
                           r"supply|supplies|market|markets|output)\b)")


# Body words that stand alone for the body of that kind named before ("the Embassy").
BODY_DESCRIPTORS = frozenset({"Embassy", "Consulate", "Ministry", "Department", "Agency", "Commission", "Committee",
                              "Bureau", "Administration"})


def _named_before(reg: Registry, word: str, pos: int) -> bool:
    """Was a government body whose name holds ``word`` named before ``pos``?"""
    return any(ent.type == "government" and ent.name != word and word in ent.name.split() and
               ent.spans and min(ent.spans)[0] < pos for ent in reg.ents.values())


def _sentence_initial_or_name(text: str, s: int, tok: str) -> bool:
    # A capitalised word that is also capitalised mid-sentence somewhere is a name.
    return tok not in ("I",)


GROUP_RX = None


OWNS_PRODUCT = re.compile(
    r"['’]s\s+(?:[A-Z][\w-]*\s+)?[A-Z]*[\w-]*\d[\w-]*\b|['’]s\s+(?:[A-Z][\w-]*|(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
    r"(?:chips?|processors?|accelerators?|GPUs?|modules?|products?)\b|['’]s\s+(?:shares|stock|revenue|sales|chips|products|"
    r"factory|factories|plant|plants|board|customers|chief executive|shareholders|subsidiary|market value)\b|"
    # "Acme's latest robot", "Acme's machines": a maker's products.
    r"['’]s\s+(?:(?:latest|newest|new|next|flagship|upcoming|best-selling|own)\s+)?(?:[a-z][\w-]*\s+)?"
    r"(?:robots?|machines?|drones?|cars?|vehicles?|handsets?|phones?|smartphones?|devices?|servers?|engines?|"
    r"motors?|batteries|battery|magnets|tools|systems|lineup|product line)\b")
WORD = re.compile(r"[A-Za-z][\w.’'-]*")
PLURAL = re.compile(r"(?<![\w’'-])[A-Za-z][a-z-]*s(?![\w’'-])")  # group nouns are plurals
# "White House officials": the words before a group noun that may name a government.
GOV_WORDS_END = re.compile(r"(?<![\w.])((?:[A-Z][\w.’'-]*\s){2,3})$")
QUANTIFIERS = frozenset({"some", "several", "many", "most", "other", "two", "three", "four", "five",
                         "the", "those", "these", "both", "few"})

ALLOWED_PREV = frozenset("""the some several many most other two three four five six few of from for by
with among and or at on in its their our his her whose which that these those both all any no
""".split())

REGIONAL = frozenset({"Western", "Eastern", "Northern", "Southern", "Asian", "African", "Arab", "Gulf",
                      "Nordic", "Latin", "Pacific", "Atlantic", "Global", "Foreign", "Domestic",
                      "Federal", "State", "House", "Senate", "Congressional", "Allied"})


def _line_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos]
    return pos == 0 or before.endswith(("\n", ". ", "- ", "— ", "“", '"', "\n- ")) or text[pos - 1] in "\n—"


STOP_MODS = frozenset("""a an the and or of for to in on at by with from as is are was were be been
has have had will would can could may might must should not no its their his her our your my
this that these those who which what some several many most other two three four five few more
less all any each every both such than then also very largest biggest leading top main major
new old said says told while when where because if whether than but although though whereas yet
through via into across over under about after before between without within against toward towards
onto upon among despite""".split())  # a preposition ends a group's modifiers: "move through brokers"


# A place after a group's noun: " in Washington", " in Europe and Japan".
PLACE_AFTER = re.compile(r" (?:in|outside) ([A-Z][a-z]+)(?: and ([A-Z][a-z]+))?(?![\w-]| [A-Z])")
PLACES = frozenset({"Europe", "Asia", "Africa", "America", "Congress", "Parliament"})
# The sides a group spans: " in both parties", " on both sides of the aisle", " across party lines".
SIDES_AFTER = re.compile(r" (?:(?:in|from) both (?:parties|chambers|camps)|on both sides(?: of the (?:aisle|debate))?|"
                         r"across (?:the aisle|party lines))(?![\w-])")


def _find_groups(text: str, regions, reg: Registry, lx: Lexicon) -> None:
    found: list[tuple[int, int, str, str]] = []
    groups = lx.groups
    for block, s, hm_start, hm_end in _group_heads(text, regions):
        # The words of a short window ending at the head. Only the last four
        # before it, one space apart, can be modifiers: words before the fifth
        # space back are not read (a word never holds a space, so the words
        # after it are the same).
        w0 = max(s, hm_start - 70)
        # The fifth space back (the rfind of " " five times over), in one call.
        cut = text[w0:hm_start].rsplit(" ", 5)
        if len(cut) == 6:
            w0 += len(cut[0]) + 1
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, w0, hm_end)]
        if not toks or toks[-1][1] != hm_end and text[toks[-1][1] - 1] != ".":
            continue
        i = len(toks) - 1
        hs, he, word = toks[i]
        if toks[0][0] > s and toks[0][0] == max(s, hm_start - 70) and text[toks[0][0] - 1].isalnum():
            toks[0] = (toks[0][0], toks[0][1], "\x00")  # a cut word is no modifier
        if word[-1] == ".":
            word = word.rstrip(".")
            he = hs + len(word)
        if word.lower() not in groups:
            continue
        head = word
        # Up to four words right before the head, each one space apart.
        mods: list[str] = []
        j, left = i - 1, hs
        while j >= 0 and len(mods) < 4 and toks[j][1] + 1 == left and text[toks[j][1]] == " ":
            mods.insert(0, toks[j][2])
            left = toks[j][0]
            j -= 1
        if head[0].isupper() and not mods and hs > 0 and text[hs - 1] not in " \n\"“‘'(—-":
            continue
        head_start, head_end = hs, he
        # Keep only modifiers that qualify the noun, nearest first.
        keep: list[str] = []
        pos = head_start
        # A several-word government name qualifies the noun: "White House officials".
        # (Only where the last word before the noun is capitalised can it match.)
        window = text[max(s, head_start - 40):head_start]
        last_word = (window.rsplit(None, 1) or ("",))[-1][:1] if window[-1:].isspace() else ""
        gm = GOV_WORDS_END.search(window) if "A" <= last_word <= "Z" else None
        if gm and gm.group(1).strip().lower() in lx.gov_alias:
            keep, mods = gm.group(1).split(), []
        for w in reversed(mods):
            wl = w.lower()
            wstart = text.rfind(w, 0, pos)
            if (w.endswith(".") and not INITIALS.fullmatch(w)) or wl in STOP_MODS or \
                    wl.endswith(("ly", "ing", "est")) or \
                    (wl.endswith("ed") and w[0].islower()) or w.endswith(("'s", "’s")) or \
                    (not w.isalpha() and any(ch.isdigit() for ch in w) and wl not in lx.gov_alias):  # "G7 ministers" qualify
                if wl == "and" and keep and keep[0] in lx.adjectives:
                    # "Japanese and Korean magnet makers"
                    prev = text[max(0, wstart - 30):wstart].split()
                    if prev and prev[-1] in lx.adjectives:
                        keep.insert(0, w)
                        pos = wstart
                        continue
                break
            if w[0].isupper():
                if w in lx.capwords:
                    break
                initial = _line_initial(text, wstart)
                gov_abbrev = w.lower() in lx.gov_alias and (w.isupper() or "." in w)
                if not (w in lx.adjectives or gov_abbrev or w in REGIONAL or initial):
                    break
                keep.insert(0, w)
                pos = wstart
                if w in lx.adjectives and not (keep and len(keep) > 1 and keep[1] == "and"):
                    # Nothing qualifies a nationality from the left, except "X and".
                    prev = text[max(0, wstart - 30):wstart].split()
                    if not (prev and prev[-1] == "and"):
                        break
                continue
            # A lowercase modifier needs a determiner, a preposition or a capitalised
            # adjective to its left ("the cloud operators", "from motor makers").
            prev = text[max(0, wstart - 30):wstart].split()
            if prev and prev[-1].lower() in ("to", "will", "would", "can", "could", "may", "must", "should", "while", "when", "as"):
                break
            keep.insert(0, w)
            pos = wstart
        if keep and keep[0] == "and":
            keep = keep[1:]
        if keep and keep[0][0].islower():
            first = text.rfind(keep[0], 0, head_start)
            prev = text[max(0, first - 30):first].split()
            if prev and prev[-1].lower().strip("“\"‘'(") not in ALLOWED_PREV and not prev[-1].endswith((",", ";", ":")):
                keep = []
            elif not prev and not _line_initial(text, first):
                keep = []
        ms = head_start
        if keep:
            ms = head_start - 1 - len(" ".join(keep))
        phrase = text[ms:head_end]
        if reg.is_taken(ms, head_end):
            # Inside a name ("Trade Ministers Forum"); skip.
            if reg.is_taken(head_start, head_end):
                continue
        if text.startswith((" in ", " outside "), head_end) and (pm := PLACE_AFTER.match(text, head_end)) and \
                all(w.lower() in lx.gov_alias or w in PLACES for w in pm.groups() if w):
            # "officials in Washington", "manufacturers in Europe and Japan", "makers outside China":
            # the place is in the name.
            head_end = pm.end()
            phrase = text[ms:head_end]
        elif text.startswith((" in both ", " on both ", " from both ", " across "), head_end) and \
                (sm := SIDES_AFTER.match(text, head_end)):
            # "critics in both parties", "lawmakers on both sides of the aisle": the sides are in the name.
            head_end = sm.end()
            phrase = text[ms:head_end]
        qs = ms
        before_words = text[max(0, ms - 12):ms].split()
        if before_words and before_words[-1].lower() in QUANTIFIERS and text[ms - 1:ms] == " ":
            qs = ms - 1 - len(before_words[-1])
        found.append((qs, head_end, phrase, head.lower()))
    # "Western tool makers and defence contractors" speak as one group too.
    for (s1, e1, p1, h1), (s2, e2, p2, h2) in zip(found, found[1:]):
        if text[e1:s2] == " and " and s2 == e1 + 5:
            found.append((s1, e2, text[s1:e2] if s1 == e1 - len(p1) else p1 + " and " + p2, h2 + "+"))
    # The groups made here (no other step makes one), by head: lowercase name, group.
    made: dict[str, list[tuple[str, Ent]]] = {}
    # Qualified groups first: a bare "experts", even in the headline, is the
    # "Chinese experts" the article names.
    found.sort(key=lambda f: f[2].lower() == f[3])
    for s, e, phrase, head in found:
        ent = None
        if head in made and phrase.lower() == head:
            # A bare noun; a coordination ("executives and traders") is no qualified form of its last noun.
            ent = next((g for low, g in made[head] if low.endswith(" " + head)), None)
        name = phrase[0].upper() + phrase[1:]
        low = name.lower()
        if ent is None:
            ent = reg.ents.get(low) or reg.by_alias.get(low)  # reg.get(name)
        if ent is None:
            ent = Ent(name, "group")
            reg.ents[low] = ent
            made.setdefault(head, []).append((low, ent))
        # ent.add(s, e, text), inlined
        span = (s, e)
        if span not in ent.span_set:
            ent.span_set.add(span)
            ent.spans.append(span)
        alias = text[s:e]
        if alias != ent.name and alias not in ent.alias_set:
            ent.alias_set.add(alias)
            ent.aliases.append(alias)
        if ent.best is None:
            ent.best = span
        reg.by_alias.setdefault(alias.lower(), ent)


# A company's legal form after its name: the name without it is the one news copy uses.
LEGAL_ENDS = (" Inc.", " Inc", " Corp.", " Corp")
LEGAL_END = re.compile(r",?\s+(?:Inc|Corp)\.?$")


def _to_actors(text: str, reg: Registry) -> list[Actor]:
    """The actors as plain dicts, made into models once (`_as_actor`)."""
    out = []
    keys: list[int] = []
    seen = set()
    # An outlet's initials name the outlet: "ET" after "The Economic Times".
    media_initials = None  # made when an organisation's name in capitals asks for it
    for ent in reg.ents.values():
        if id(ent) in seen or not ent.spans:
            continue
        seen.add(id(ent))
        if ent.type == "organization" and len(ent.name) > 1 and ent.name.isupper():
            if media_initials is None:
                media_initials = {"".join(w[0] for w in e.name.split() if w[0].isupper() and w != "The")
                                  for e in reg.ents.values() if e.type == "media"}
            if ent.name in media_initials:
                ent.type = "media"
        spans = sorted(ent.span_set)
        keys.append(spans[0][0])  # every actor kept has a mention
        bs, be = ent.best or spans[0]
        name = ent.name
        aliases = []
        if ent.type == "organization" and name.endswith(LEGAL_ENDS) and (short := LEGAL_END.sub("", name)).count(" "):
            aliases.append(name)  # "Acme Widgets Inc." is "Acme Widgets", as "Nvidia Corp." is Nvidia
            name = short
        for a in ent.aliases:
            if a != name and a not in aliases and a.lower() not in PRONOUN_WORDS:
                aliases.append(a)
        out.append({
            "start": bs, "end": be, "text": text[bs:be], "name": name, "type": ent.type,
            "aliases": aliases,
            "roles": [{"start": s, "end": e, "text": text[s:e], "title": _title_of(r)} for s, e, r in ent.roles]
            if ent.roles else [],
            "party": ent.party, "affiliation": ent.affiliation,
            "mentions": [{"start": s, "end": e, "text": text[s:e]} for s, e in spans],
        })
    # By first mention (a stable sort on keys read once, not a lambda per actor).
    order = sorted(range(len(out)), key=keys.__getitem__)
    return [_as_actor(out[i]) for i in order]


_NEW = object.__new__
_SETATTR = object.__setattr__
ACTOR_FIELDS = frozenset(Actor.model_fields)
ROLE_FIELDS = frozenset(Role.model_fields)
SPAN_FIELDS = frozenset(Span.model_fields)


def _model(cls, fields: frozenset[str], values: dict):
    """The *cls* record pydantic's validation makes of *values* (every field, in the
    model's order, of its type: the dicts `_to_actors` writes), made without
    validating: the steps of `model_construct` these records take, which is three
    times faster than validating them (tests/test_entity_fastpaths.py holds the two equal)."""
    m = _NEW(cls)
    _SETATTR(m, "__dict__", values)
    _SETATTR(m, "__pydantic_fields_set__", set(fields))
    _SETATTR(m, "__pydantic_extra__", None)
    _SETATTR(m, "__pydantic_private__", None)
    return m


def _as_actor(row: dict) -> Actor:
    """An `Actor` of one of `_to_actors`' dicts (its roles and mentions dicts too)."""
    if row["roles"]:
        row["roles"] = [_model(Role, ROLE_FIELDS, r) for r in row["roles"]]
    mentions = []
    for values in row["mentions"]:  # `_model(Span, SPAN_FIELDS, values)`, inlined: most records are mentions
        m = _NEW(Span)
        _SETATTR(m, "__dict__", values)
        _SETATTR(m, "__pydantic_fields_set__", set(SPAN_FIELDS))
        _SETATTR(m, "__pydantic_extra__", None)
        _SETATTR(m, "__pydantic_private__", None)
        mentions.append(m)
    row["mentions"] = mentions
    return _model(Actor, ACTOR_FIELDS, row)


PRONOUN_WORDS = frozenset({"he", "she", "it", "they", "the company", "the ministry", "the department"})


def _title_of(role: str) -> str:
    """The role without a country prefix: "U.S. Commerce Secretary" → "Commerce Secretary"."""
    return COUNTRY_PREFIX.sub("", role, count=1) if role.startswith("U") else role


COUNTRY_PREFIX = re.compile(r"^(?:U\.S\.|US)\s+")
