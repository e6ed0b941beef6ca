"""Held-out evaluation: eight articles written in real wire and blog styles
(Reuters, AP, Bloomberg, FT, SCMP, a trade blog) that the extraction rules were
not tuned on when they were labelled. The floors sit a little below the figures
reached, so a regression in generalisation fails here, not only on the dev set."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradelink.evaluate import evaluate, predict_direct

HELDOUT = Path(__file__).parent / "heldout"

FLOORS = {
    "quote_recall": 0.83,
    "attribution": 0.82,
    "precision": 0.95,
    "question_recall": 0.95,
    "question_precision": 0.90,
    "actor_recall": 0.88,
    "type_accuracy": 0.94,
}


@pytest.fixture(scope="module")
def figures():
    _, total = evaluate(HELDOUT, predict_direct)
    return total.figures()


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_heldout_floor(figures, metric):
    assert figures[metric] >= FLOORS[metric], f"{metric} {figures[metric]:.3f} < floor {FLOORS[metric]}"
