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
