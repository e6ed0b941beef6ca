"""Seed acceptance for quotes and actors (issue 2), read from the seed's gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradelink.evaluate import norm
from tradelink.extract import extract

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_0cd42d161d590e27.txt"
from shared_data import seed_gold_path  # noqa: E402

SEED_GOLD = seed_gold_path()


@pytest.fixture(scope="module")
def seed():
    return extract(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold():
    if not SEED_GOLD.is_file():
        pytest.skip("seed gold file not present")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def test_every_gold_quote_is_found_with_its_speaker_kind_and_verb(seed, gold):
    for q in gold["quotes"]:
        hits = [s for s in seed.statements if q["text_snippet"] in s.text
                and norm(s.speaker) in {norm(q["speaker"]), *map(norm, q["speaker_aliases"])}]
        assert hits, q
        assert any(s.kind == q["kind"] for s in hits), q
        assert any(s.verb.lower().startswith(q["verb"][:5].lower()) for s in hits), q
        if q.get("medium"):
            assert any(s.medium == q["medium"] for s in hits), q
        if q.get("hedge"):
            assert any(s.hedge == q["hedge"] for s in hits), q


def test_joint_statement_is_one_row_per_person(seed):
    rows = [s for s in seed.statements if "inconsistent and dangerous" in s.text]
    assert len({s.speaker for s in rows}) == 2 == len(rows)
    assert all(s.speaker_type == "person" for s in rows)


def test_no_statement_that_is_not_gold(seed, gold):
    snippets = [q["text_snippet"] for q in gold["quotes"]]
    for s in seed.statements:
        assert any(sn in s.text or s.text in sn for sn in snippets), s.text


def test_gold_actors_are_found_with_their_types(seed, gold):
    for ga in gold["actors"]:
        names = {norm(ga["name"]), *map(norm, ga["aliases"])}
        match = [a for a in seed.actors if names & {norm(a.name), *map(norm, a.aliases)}]
        assert match, ga["name"]
        assert match[0].type == ga["type"], ga["name"]


def test_surname_and_metonyms_are_not_separate_actors(seed):
    names = {a.name for a in seed.actors}
    assert "Lutnick" not in names
    assert "Beijing" not in names and "Washington" not in names
    person = next(a for a in seed.actors if a.name == "Howard Lutnick")
    assert "Lutnick" in person.aliases
    assert [r.title for r in person.roles] == ["Commerce Secretary"]
    china = next(a for a in seed.actors if a.name == "China")
    assert "Beijing" in china.aliases and china.type == "government"


def test_parties_and_roles_of_the_two_representatives(seed):
    by = {a.name: a for a in seed.actors}
    parties = {a.party for a in by.values() if a.type == "person" and any(r.title == "Rep." for r in a.roles)}
    assert parties == {"Republican", "Democrat"}


def test_no_pronoun_or_descriptor_is_an_alias(seed):
    for a in seed.actors:
        for alias in a.aliases:
            assert alias.lower() not in {"he", "she", "it", "they", "the company"}


def test_spans_slice_back(seed):
    assert seed.check_spans() == []
    assert not any("Leave a Reply" in s.text for s in seed.statements)
