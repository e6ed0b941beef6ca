"""The entities stage's shortcuts give exactly what the code they replace gives.

Each shortcut (a word's class kept once read, a test before a regex, a run scan that
skips the steps plain words never need) is held here to the plain form it replaces,
on random text made of the characters and words that matter."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tradelink.extract import entities
from tradelink.extract.entities import (ABBREV, APOS, BODY_GAPS, BODY_REST, CONNECTOR_GAPS, FOR_THE_HEADS,
                                        HYPHEN_LOWER, INITIALS, JOIN_GAP_MAX, JOINERS, LISTED_NAME, MAX_RUN,
                                        NAME_TOKEN, ON_THE_HEADS, PARTICLE_GAP, PARTICLE_HEADS, RUN_ENDS, TOKEN,
                                        _and_in_body_name, _given_hyphen)

LX = entities.lexicon()


def plain_runs(text: str, s: int, e: int, lx: Lexicon):
    """`entities._runs` before its shortcut for words of letters and digits."""
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


LX_WORDS = sorted(LX.capwords)[:15] + sorted(LX.heads)[:15] + sorted(LX.org_suffixes)[:10] + \
    sorted(LX.media_suffixes)[:6] + sorted(LX.adjectives)[:6] + sorted(JOINERS)[:6] + sorted(FOR_THE_HEADS)[:3]
RUN_PIECES = [*" ,;:()\"“”.-'’&\n", " ", " ", " ", " of ", " for ", " for the ", " on the ", " and ", " van ",
              " de la ", "' ", "’ ", "Acme", "Lenni", "Ostra", "Seo", "Ha-jin", "Ningbo-based", "People's",
              "People’s", "Acme's", "U.S.", "Rep.", "Co.", "Inc.", "A.B.", "Mr.", "X.", "Dr", "H20", "NdPr", "GPU",
              "Ö", "Łukasz", "Brügger", "x", "ab", "1", "Oil, Gas and Metals National Corporation", "Oil",
              ", Gas and Metals National Corporation", ", Gas, Power and Coal Agency",
              "Steel Producers' Association", "Mines and Quarries", "Bureau of Mines", *LX_WORDS]
run_texts = st.lists(st.sampled_from(RUN_PIECES) | st.text(max_size=2), max_size=50).map("".join)


@settings(max_examples=500, deadline=None)
@given(run_texts, st.data())
def test_runs_match_their_plain_form(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert list(entities._runs(text, s, e, LX)) == list(plain_runs(text, s, e, LX))


def test_runs_on_names_and_bodies():
    text = ("Trade Minister Lenni Ostra met Acme's chief, the U.S. Bureau of Mines and Quarries and "
            "Japan Oil, Gas and Metals National Corporation (JOGMEC); People's Bank of X said.\n"
            "Oil, Gas and Metals National Corporation and A B C D E F G H I J K L M N O P Q R S T U V said.")
    assert list(entities._runs(text, 0, len(text), LX)) == list(plain_runs(text, 0, len(text), LX))


def plain_classify_word(text, tok3, reg, lx, pending_single) -> None:
    """`entities._classify_word` before it kept each word's class."""
    s, e, tok = tok3
    fast = entities._fast()
    if tok in fast.no_name or tok == "&" or reg.mask.find(1, s, e) != -1:
        return
    low = tok.lower()
    if low in lx.media_names:
        reg.add(lx.media_names[low], "media", s, e, best=True)
        return
    if low in fast.gov_firsts:
        canon = lx.gov_alias.get(low)
        if canon:
            reg.add(canon, "government", s, e, best=tok == canon)
            return
        body = lx.bodies.get(low)
        if body:
            reg.add(body[0], "government", s, e, best=tok == body[0])
            return
    if tok in lx.heads and entities._apposition_of_person(text, s, reg):
        return
    pending_single.append(tok3)


def _registry_state(reg):
    return [(k, e.name, e.type, e.spans, e.aliases, e.best) for k, e in reg.ents.items()], \
        sorted((k, v.name, v.type) for k, v in reg.by_alias.items()), bytes(reg.mask)


WORDS = [*sorted(LX.media_names.values())[:20], *sorted(LX.gov_alias)[:30], *sorted(LX.gov_alias.values())[:20],
         *(b for b, _ in sorted(LX.bodies.values(), key=str)[:20]), *sorted(LX.bodies)[:10], *sorted(LX.heads)[:30],
         *sorted(LX.capwords)[:20], *entities.CONNECT, "&", "Acme", "Okafor", "X", "US", "U.S.", "Us", "CHINA"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.lists(st.booleans(), max_size=12))
def test_classify_word_matches_its_plain_form(words, commas):
    # Words one after another, some after ", " (a title word in apposition to a person
    # named just before it), with a person and some taken spans in the registry.
    text, toks = "Lenni Ostra", []
    for i, w in enumerate(words):
        text += ", " if i < len(commas) and commas[i] else " "
        toks.append((len(text), len(text) + len(w), w))
        text += w
    regs, pendings = [], []
    for classify in (entities._classify_word, plain_classify_word):
        reg, pending = entities.Registry(text), []
        entities._add_person(text, reg, LX, 0, 11, ["Lenni", "Ostra"], 0, 11, None)
        for i, tok3 in enumerate(toks):
            if i % 5 == 3:
                reg.take(tok3[0], tok3[0] + 1)
            classify(text, tok3, reg, LX, pending)
        regs.append(_registry_state(reg))
        pendings.append(pending)
    assert regs[0] == regs[1] and pendings[0] == pendings[1]


# Tests put before a regex: wherever the regex matches, the test holds.
TAIL_PIECES = [*sorted(h for h in LX.heads if h.isalpha())[:20], " of ", " for ", " the ", " State", " and ", "of",
               "for", "the", " ", "\n", "\t", "\u2003", "x", "Ports", ","]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PIECES) | st.text(max_size=2), max_size=20).map("".join))
def test_title_topic_precheck_holds_where_the_pattern_matches(text):
    rx = entities._title_topic_rx(False)
    for p in range(len(text) + 1):
        if rx.search(text, max(0, p - 60), p):
            assert text[max(0, p - 60):p].rstrip().endswith(("for", "of", "the"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ABZaz&.-'’ É1", min_size=3, max_size=9))
def test_abbreviation_precheck_holds_where_the_pattern_matches(tok):
    if entities.ABBR.fullmatch(tok):
        assert "A" <= tok[1] <= "Z" or tok[1] == "&"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["'s", "’s", "'", "’", "s", " ", " shares", " chips", " X200", " latest robot",
                                 " new", "A", "-"]) | st.text(max_size=2), max_size=12).map("".join))
def test_owns_product_precheck_holds_where_the_pattern_matches(text):
    if entities.OWNS_PRODUCT.match(text):
        assert text.startswith(("'s", "’s"))


@given(st.characters())
def test_word_char_test_matches_the_pattern(c):
    assert bool(entities.WORD_CHAR.match(c)) == (c.isalnum() or c in "_’'-")


def plain_single_class(tok):
    """What `entities._resolve_singles` read of a leftover's words before it kept them."""
    words = tok.split()
    person = len(words) in (2, 3) and entities._looks_like_person(words, LX)
    skip = tok in LX.capwords or tok.lower() in LX.groups or tok in LX.heads or tok in LX.adjectives or \
        not entities.CAPITALISED_WORDS.fullmatch(tok)
    return person, not skip


SINGLE_PIECES = [*WORDS, *sorted(LX.groups)[:10], *(g.capitalize() for g in sorted(LX.groups)[:10]),
                 *sorted(LX.adjectives)[:10], "Lenni", "Ostra", "van", "Dam", "Rare Earths", "O'Neill", "H20", "A-b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SINGLE_PIECES) | st.text(max_size=3), min_size=1, max_size=4).map(" ".join))
def test_single_class_matches_its_plain_form(tok):
    assert entities._single_class(tok) == plain_single_class(tok)


def plain_regions(doc):
    """(start, end) of the prose to read in each block, skipping furniture,
    bullet marks, labels, Q/A marks and the outlet in a dateline."""
    text = doc.text
    for block in doc.blocks:
        if block.kind in ("furniture", "header"):
            continue  # page furniture; header lines hold the outlet and date (metadata)
        s = block.body_start or block.start
        if block.kind == "paragraph" or block.label and text[s:s + 1] in "“\"‘'":
            s = block.label[0] if block.kind == "bullet" and block.label else block.start
        if block.kind == "bullet" and block.label:
            s = block.body_start
        # DATELINE starts with "^", which matches at the start of the text only.
        m = entities.DATELINE.match(text, 0, block.end) if block.start == 0 else None
        if m:
            yield block, block.start, m.start(1)
            s = m.end()
        yield block, s, block.end


DOC_PIECES = ["\n", "\n\n", "- ", "* ", "Q: ", "A: ", "Highlights\n", "SINGAPORE, May 2 (Wirex) - ", "LIMA (Wirex) — ",
              "By Ana Ruiz · Thursday, July 3, 2025 · The Wire\n", "Label: ", "“Quote,” she said. ", "Acme said. ",
              "Trade Minister Lenni Ostra: ", "Advertisement\n", "Read more\n", "Prices rose. ", "What next? "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(DOC_PIECES) | st.text(max_size=4), max_size=30).map("".join))
def test_regions_match_their_plain_form(text):
    from tradelink.extract.segment import segment
    from tradelink.models import normalise_text

    text = normalise_text(text)
    if not text.strip():
        return
    doc = segment(text)
    assert list(entities._regions(doc)) == list(plain_regions(doc))


HEAD_PIECES = [*entities.BODY_HEAD_WORDS, *entities.DEPT_HEADS, *entities.COMMITTEE_HEADS, *entities.STATE_MEDIA_WORDS,
               "Office of the", "inistry", "mbassy", "onsulate", "ommittee", "state", "state-run", "Mministry", "ME",
               "Eembassy", "mcommittee", "Ecommittee", "Ministryministry", *" x.-\n’", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(HEAD_PIECES) | st.text(max_size=2), max_size=25).map("".join))
def test_head_occurrences_match_a_scan_per_word(text):
    assert entities._head_occurrences(text) == (
        entities._occurrences(text, entities.DEPT_HEADS), entities._body_heads(text),
        entities._occurrences(text, ("Office of the",)), entities._occurrences(text, entities.COMMITTEE_HEADS),
        entities._occurrences(text, entities.STATE_MEDIA_WORDS))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*LX.roles[:20], *LX.org_descriptors[:20], "makers", "K", "ſ", "İ", " ", ",", "-"])
                | st.text(max_size=2), max_size=20).map("".join))
def test_search_both_is_two_searches(text):
    rx = entities._rx()
    got = entities.Folded.search_both(rx.role, rx.desc, text)
    want = (rx.role.search(text), rx.desc.search(text))
    assert [m and m.span() for m in got] == [m and m.span() for m in want]


spans = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.text(max_size=8))
actor_rows = st.fixed_dictionaries({
    "start": st.integers(0, 10**6), "end": st.integers(0, 10**6), "text": st.text(max_size=12),
    "name": st.text(max_size=12), "type": st.sampled_from(["person", "organization", "government", "group", "media"]),
    "aliases": st.lists(st.text(max_size=6), max_size=3),
    "roles": st.lists(st.tuples(spans, st.text(max_size=8)).map(
        lambda r: {"start": r[0][0], "end": r[0][1], "text": r[0][2], "title": r[1]}), max_size=2),
    "party": st.none() | st.sampled_from(["Republican", "Democrat"]), "affiliation": st.none() | st.text(max_size=6),
    "mentions": st.lists(spans.map(lambda m: {"start": m[0], "end": m[1], "text": m[2]}), min_size=1, max_size=4),
})


@settings(max_examples=200, deadline=None)
@given(actor_rows)
def test_actors_made_without_validating_are_the_validated_ones(row):
    import copy

    from tradelink.models import Actor, validate_list

    row = {k: row[k] for k in Actor.model_fields}  # in the model's order, as `_to_actors` writes them
    for r in row["roles"]:
        assert list(r) == list(entities.Role.model_fields)
    want = validate_list(Actor, [copy.deepcopy(row)])[0]
    got = entities._as_actor(copy.deepcopy(row))
    assert type(got) is Actor and got == want
    assert got.model_dump_json() == want.model_dump_json() and got.model_dump() == want.model_dump()
    for g, w in [(got, want), *zip(got.mentions, want.mentions), *zip(got.roles, want.roles)]:
        assert type(g) is type(w)
        assert list(g.__dict__.items()) == list(w.__dict__.items())
        assert g.__pydantic_fields_set__ == w.__pydantic_fields_set__
        assert g.__pydantic_extra__ == w.__pydantic_extra__ and g.__pydantic_private__ == w.__pydantic_private__
    assert got.model_copy(update={"name": "x"}).name == "x"


def test_to_actors_writes_fields_in_the_models_order():
    from tradelink.extract.segment import segment

    text = ("Trade Minister Lenni Ostra, 54, said on Monday that Acme Minerals would resume sales. "
            "Ostra told the Quenby Herald the deal was close. Chinese officials said talks went well.")
    actors = entities.find(segment(text))
    assert {a.type for a in actors} >= {"person", "organization", "group"}
    for a in actors:
        for m in [a, *a.roles, *a.mentions]:
            assert list(m.__dict__) == list(type(m).model_fields)
            assert m.__pydantic_fields_set__ == set(type(m).model_fields)
