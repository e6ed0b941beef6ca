"""The attribution stage on a text written for a test: the shared helper of the
table-driven pattern tests (test_*_patterns.py, test_reported_forms.py)."""

from __future__ import annotations

from tradelink.extract import attribution, entities
from tradelink.extract.segment import segment
from tradelink.models import normalise_text


def run(text: str):
    """(statements, actors) of ``text``, with no time expressions."""
    doc = segment(normalise_text(text))
    actors = entities.find(doc)
    return attribution.find(doc, actors, []), actors


def shown(stmts) -> list[tuple]:
    """What a failed assertion prints: each statement's speaker, verb and words."""
    return [(s.speaker, s.verb, s.text) for s in stmts]


def assert_speakers(text: str, speakers: list, words: str, kind: str, verb: str) -> None:
    """Every statement holding ``words`` is one of ``speakers``, with ``kind`` and ``verb``:
    one statement per speaker (a joint statement gives one each)."""
    stmts, _ = run(text)
    hits = [s for s in stmts if words in s.text]
    assert sorted((s.speaker, s.kind, s.verb) for s in hits) == \
        sorted((sp, kind, verb) for sp in speakers), shown(stmts)
