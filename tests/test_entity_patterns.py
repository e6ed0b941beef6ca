"""The entities stage's fast scanners find exactly what their plain forms find.

`TOKEN` and the group-noun scan are written for speed (a leading character
class, a scan of the reversed text); here they are held to the plain patterns
they replace, on random text made of the characters and words that matter."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest
from speech import run

from tradelink.extract import entities

# The plain forms.
W = "0-9" + entities.UPPER + entities.LOWER  # letters with diacritics too ("Kröger")
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[" + entities.UPPER + r"][" + W + r"]*(?:[-'’][" + W + r"]+)*\.?|&")
PLURAL = re.compile(r"(?<![\w’'-])[A-Za-z][a-z-]*s(?![\w’'-])")

GROUPS = sorted(entities.lexicon().groups)
PIECES = [*"AUSZaesz09.&-'’_ \n,éÖöŁłß", "U.S.", "A.B", "Co.", "'s", "’s", "x-ray", "Ab-cd",
          *GROUPS[:12], *(g.capitalize() for g in GROUPS[:12]), *(g.upper() for g in GROUPS[:3]),
          "carmakers", "makers", "Chipmakers", "officials-", "-officials", "officials’", "officials_"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.data())
def test_token_matches_its_plain_form(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert [m.span() for m in entities.TOKEN.finditer(text, s, e)] == \
        [m.span() for m in TOKEN.finditer(text, s, e)]


def plain_group_heads(text, regions):
    for block, s, e in regions:
        if block.kind == "heading":
            continue
        for m in PLURAL.finditer(text, s, e):
            if m.group().lower() in entities.lexicon().groups:
                yield block, s, m.start(), m.end()


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200), st.booleans()), max_size=4))
def test_group_nouns_match_their_plain_form(text, cuts):
    # Regions as the stage reads them: in order, possibly ending inside a word.
    regions = []
    for a, b, heading in sorted(cuts):
        s, e = min(a, len(text)), min(b, len(text))
        regions.append((SimpleNamespace(kind="heading" if heading else "paragraph"), s, max(s, e)))
    got = [(r[0].kind, *r[1:]) for r in entities._group_heads(text, regions)]
    want = [(r[0].kind, *r[1:]) for r in plain_group_heads(text, regions)]
    assert got == want


def test_group_nouns_at_edges():
    text = "officials said analysts and Chipmakers, carmakers; OFFICIALS x-officials officials’ buyers"
    para = SimpleNamespace(kind="paragraph")
    found = [text[s:e] for _, _, s, e in entities._group_heads(text, [(para, 0, len(text))])]
    assert found == ["officials", "analysts", "Chipmakers", "carmakers", "buyers"]
    # A region that ends inside a word ends a noun there, as finditer's end does.
    text = "buyersx officials"
    found = [text[s:e] for _, _, s, e in entities._group_heads(text, [(para, 0, 6), (para, 8, len(text))])]
    assert found == ["buyers", "officials"]


BODY_PIECES = [*entities.BODY_HEAD_WORDS, "the ", "The ", "its ", "their ", "own ", "U.S. ", "US ", "China",
               "Beijing’s ", "Acme's ", "commerce ", "foreign affairs ", " in Tokyo", "A.B. ", "x", "_",
               *" ,;.-(\n’'", "é", "1"]
body_texts = st.lists(st.sampled_from(BODY_PIECES) | st.text(max_size=2), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(body_texts, st.data())
def test_owned_bodies_match_a_full_scan(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    heads = entities._body_heads(text)
    got = [m.span() for m in entities._owned_matches(text, s, e, heads)] \
        if entities._holds_head(heads, s, e) else []
    assert got == [m.span() for m in entities.OWNED_RX.finditer(text, s, e)]
    assert entities._holds_head(heads, s, e) == any(h in text[s:e] for h in entities.BODY_HEAD_WORDS)


DEPT_PIECES = ["Department", "Ministry", "Departments", "committee", "Committee", "the ", "The ", "U.S. ", "US ",
               "Commerce ", "and ", "Senate ", "House ", "Diet ", "banking ", " of ", "Trade", " on the ", "Its ",
               *" ,;.-(\n’'", "é", "1", "x", "\u2003"]
dept_texts = st.lists(st.sampled_from(DEPT_PIECES) | st.text(max_size=2), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(dept_texts, st.data())
def test_departments_and_committees_match_a_full_scan(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    for rx, not_before, words in ((entities.DEPT_RX, entities.NOT_BEFORE_DEPT, entities.DEPT_HEADS),
                                  (entities.COMMITTEE_RX, entities.NOT_BEFORE_COMMITTEE, entities.COMMITTEE_HEADS)):
        heads = entities._occurrences(text, words)
        got = [m.span() for m in entities._head_matches(rx, not_before, text, s, e, heads)]
        assert got == [m.span() for m in rx.finditer(text, s, e)]
        assert entities._holds_head(heads, s, e) == any(h in text[s:e] for h in words)


# Role and descriptor words, cut and cased every way, among letters, digits and
# the characters `re` folds and `str.lower` does not.
ROLE_PIECES = [*entities.lexicon().roles[:20], *entities.lexicon().org_descriptors[:20],
               "Chief Executive", "CO-FOUNDER", "makers", "analysts", "chairman1", "_head",
               *"aAsSkK ,.-_1\n", "ſ", "K", "İ", "é"]
role_texts = st.lists(st.sampled_from(ROLE_PIECES) | st.text(max_size=2), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(role_texts)
def test_folded_role_and_descriptor_searches_match_their_patterns(text):
    rx = entities._rx()
    for folded in (rx.role, rx.desc):
        assert folded.rx.flags & re.IGNORECASE
        m, want = folded.search(text), folded.rx.search(text)
        assert (m and m.span()) == (want and want.span())
    assert entities._rx().desc.rx.pattern == rx.desc_in.pattern
    assert rx.role.rx is entities.lexicon().role_rx


# Eighth round: office holders and bodies as official releases and transcripts write them.
ACTORS_I = [
    # (text, name, type, an alias or role words the actor has, or None)
    # A minister's portfolio listing topics, then the name with its surname in capitals first.
    ("Briefing by Minister of Harbours, Ports and Fisheries VALLO Mikael (Excerpt)\nHe spoke at noon.",
     "Mikael Vallo", "person", "Minister of Harbours, Ports and Fisheries VALLO Mikael"),
    ("The talks were led by Trade Minister OSTRA Lenni on Tuesday.", "Lenni Ostra", "person", None),
    # A titled portfolio with commas and "and", then ", Name,": the name, with the title as role.
    ("Executive Vice-President for Growth and Digital Markets, Teodor Malmi, said the plan was ready.",
     "Teodor Malmi", "person", "Executive Vice-President for Growth and Digital Markets"),
    ("Peru's Minister of Energy, Mines and Water, Rosa Quispe, said the two sides would talk.",
     "Rosa Quispe", "person", "Minister of Energy, Mines and Water"),
    # "The U.S. Department of X": the U.S. body, and so is a later "the Department of X".
    ("Tokyo was quiet. The U.S. Department of Energy said on Monday that it would act. The Department of "
     "Energy added more.", "U.S. Department of Energy", "government", "Department of Energy"),
    # A bare "Energy Department" first, "The U.S. Energy Department" later: one body, named in full.
    ("Ada Lund, a former Energy Department official, said so.\n\nThe U.S. Energy Department said on Monday that "
     "it would act.", "U.S. Energy Department", "government", "Energy Department"),
    # An acronym with no "(MHF)" after a name: the ministry a "Minister of X" heads.
    ("The Minister of Harbours and Fisheries, Lenni Ostra, spoke on Monday. The MHF will open a licensing round.",
     "Ministry of Harbours and Fisheries", "government", "MHF"),
    # "A spokesperson for <ministry>, <Name>,": the ministry's name ends at the comma (no
    # "and" list follows it), and the name after it is a person.
    ("A spokesperson for Peru's Ministry of Mines, Tomas Reyes, told reporters the levy would stay.",
     "Tomas Reyes", "person", None),
    ("A spokesperson for Peru's Ministry of Mines, Tomas Reyes, told reporters the levy would stay.",
     "Peru's Ministry of Mines", "government", None),
    ("Peru's Ministry of Energy, Mines and Water said the two sides would talk.",
     "Peru's Ministry of Energy, Mines and Water", "government", None),
    # A name written surname first, read with no cue, whose surname alone later speaks.
    ("A spokesperson for the Ministry of Mines, Ma Xiaolong, spoke on Monday. Ma said the rules would stay.",
     "Ma Xiaolong", "person", "Ma"),
    # A portfolio closed by "and X" before a three-word name with no surname order to go by.
    ("Speaking to reporters on the sidelines of a port fair on May 3, Minister of State for Ports and Harbours "
     "Aminah Yusof Rahman said the grant would be extended.", "Aminah Yusof Rahman", "person", None),
    ("Minister of State for Trade and Fisheries Aminah Yusof Rahman said the grant would be extended.",
     "Aminah Yusof Rahman", "person", None),
    ("Minister for Trade and Fisheries Aminah Yusof Rahman said the grant would be extended.",
     "Aminah Yusof Rahman", "person", None),
    ("Special Envoy for Critical Minerals Ada Quist said the grant would be extended.", "Ada Quist", "person", None),
]


@pytest.mark.parametrize("text,name,type_,extra", ACTORS_I)
def test_actors_i(text, name, type_, extra):
    _, actors = run(text)
    got = [a for a in actors if a.name == name]
    assert [(a.name, a.type) for a in got] == [(name, type_)], [(a.name, a.type, a.aliases) for a in actors]
    if extra is not None:
        assert extra in got[0].aliases + [r.title for r in got[0].roles], (got[0].aliases, got[0].roles)


@pytest.mark.parametrize("text,not_a_person", [
    # A portfolio with no name after it, or words that are no name, stay no person.
    ("The Minister of Energy, Mines and Water said the two sides would talk.", "Energy"),
    ("Tokyo was quiet. The Department of Energy said it would act.", "U.S. Department of Energy"),
    ("The MHF will open a licensing round, the port said.", "MHF"),
    ("Ada Lund, a former Energy Department official, said the plan was fine.", "U.S. Energy Department"),
])
def test_actors_i_near_misses(text, not_a_person):
    _, actors = run(text)
    assert not_a_person not in {a.name for a in actors}, [(a.name, a.type) for a in actors]


def test_a_bare_department_then_its_us_form_is_one_body():
    _, actors = run("Ada Lund, a former Energy Department official, said so.\n\nThe U.S. Energy Department said on "
                    "Monday that it would act.")
    assert [a.name for a in actors if a.type == "government"] == ["U.S. Energy Department"]


@pytest.mark.parametrize("text,word,is_media", [
    # (text, a lone word after "told", whether it is typed media)
    # The outlet that heard what sources told it.
    ("Tin offers were scarce, sources told Metalwire, a step that could add weeks.", "Metalwire", True),
    ("Tin offers were scarce, sources told Metalwire on Monday that buyers had left.", "Metalwire", True),
    ("Tin offers were scarce, sources told Metalwire, citing rising costs.", "Metalwire", True),
    ("Tin offers were scarce, sources told Metalwire, the trade weekly, on Monday.", "Metalwire", True),
    # A person put beside the word, or words said to it straight after the comma: no outlet.
    ('Tin exports slowed. The official told Quenby, "We are reviewing every file."', "Quenby", False),
    ("The minister told Tarrowell, a reporter at the Lima Herald, that the quota would stay.", "Tarrowell", False),
    ("The minister told Tarrowell, an adviser, that the quota would stay.", "Tarrowell", False),
    ("The minister told Tarrowell, a senior aide at the port authority, that the quota would stay.", "Tarrowell",
     False),
    ("The minister told Tarrowell, the paper's senior correspondent, that the quota would stay.", "Tarrowell", False),
])
def test_lone_word_after_told(text, word, is_media):
    _, actors = run(text)
    assert ((word, "media") in {(a.name, a.type) for a in actors}) is is_media, [(a.name, a.type) for a in actors]


# Agencies and ministries as unseen articles name them (k1-k6 misses): a "U.S."/"US"-prefixed
# agency is the agency, not the country; a ministry's "for X" portfolio is part of its name;
# a bare ministry is a country's, never a bloc's.
ACTORS_K = [
    # (text, name, type)
    ("According to U.S. Harbour Bureau figures, imports rose by a third in May.", "U.S. Harbour Bureau",
     "government"),
    ("Output fell by a fifth in 2025, according to the US Mineral Survey.", "US Mineral Survey", "government"),
    ("The U.S. Port Safety Administration said the checks would resume.", "U.S. Port Safety Administration",
     "government"),
    ("The suit was filed in the U.S. District Court for the Eastern District of Vallonia on Monday.",
     "U.S. District Court for the Eastern District of Vallonia", "government"),
    ("Ada Quist will visit Indonesia in May. According to the Coordinating Ministry for Maritime Affairs, she "
     "will meet the envoy.", "Indonesia's Coordinating Ministry for Maritime Affairs", "government"),
    ("The Department for Ports and Harbours said the permits were late.", "Department for Ports and Harbours",
     "government"),
    # "<Demonym> Ministry of X": the country's "Ministry of X", named as the country's.
    ("A person close to the Peruvian Ministry of Mines said the permits would follow.",
     "Peru's Ministry of Mines", "government"),
    ("The Chilean Ministry of Mines and Energy said the permits would follow.",
     "Chile's Ministry of Mines and Energy", "government"),
    ("Orla Venn said Spain wants an EU-wide plan for European buyers. An Industry Ministry aide later "
     "called the remarks misread.", "Spain's Industry Ministry", "government"),
]


@pytest.mark.parametrize("text,name,type_", ACTORS_K)
def test_actors_k(text, name, type_):
    _, actors = run(text)
    assert (name, type_) in [(a.name, a.type) for a in actors], [(a.name, a.type) for a in actors]


@pytest.mark.parametrize("text,name,type_", [
    # The country and its people stay the country and a group; a title before a name stays a title.
    ("U.S. officials said the talks would resume.", "U.S. officials", "group"),
    ("U.S. officials said the talks would resume.", "United States", "government"),
    ("U.S. Commerce Secretary Dana Orrell said the talks would resume.", "Dana Orrell", "person"),
    ("The US and China agreed to talk, Dana Orrell said.", "United States", "government"),
    ("The US and China agreed to talk, Dana Orrell said.", "China", "government"),
    ("U.S. Harbour Bureau Director Dana Orrell said the checks would resume.", "Dana Orrell", "person"),
    # A bloc named alone before a ministry still owns nothing; a lowercase "for" is no portfolio.
    ("The Trade Ministry for years refused to act, Dana Orrell said.", "Trade Ministry", "government"),
    # A demonym before a ministry with no "of X" stays as written.
    ("The Chilean Mines Ministry said the permits would follow.", "Chilean Mines Ministry", "government"),
])
def test_actors_k_near_misses(text, name, type_):
    _, actors = run(text)
    assert (name, type_) in [(a.name, a.type) for a in actors], [(a.name, a.type) for a in actors]


@pytest.mark.parametrize("text,not_an_actor", [
    ("U.S. officials said the talks would resume.", "U.S. officials said"),
    ("U.S. Commerce Secretary Dana Orrell said the talks would resume.", "U.S. Commerce Secretary Dana Orrell"),
    ("Orla Venn said the European Union would push for a joint approach. The Trade Ministry said it would wait.",
     "European Union's Trade Ministry"),
    ("The Trade Ministry for years refused to act, Dana Orrell said.", "Trade Ministry for years"),
])
def test_actors_k_not_actors(text, not_an_actor):
    _, actors = run(text)
    assert not_an_actor not in {a.name for a in actors}, [(a.name, a.type) for a in actors]
