"""Commodities: vocabulary terms, chip models by pattern, merges (text written for the tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradelink.extract import extract
from tradelink.extract.commodities import find
from tradelink.extract.segment import segment
from tradelink.models import normalise_text

ROOT = Path(__file__).resolve().parents[1]
from shared_data import seed_gold_path  # noqa: E402

SEED_GOLD = seed_gold_path()


def goods(body: str):
    doc = segment(normalise_text("A headline for the test piece\n" + body))
    return {c.name: c for c in find(doc)}


@pytest.mark.parametrize("body,expected", [
    ("Vantor said it would ship its Q77 accelerator to buyers in Oslo.", {"Q77": "chip"}),
    ("Orrin Labs will sell the Kite 5X chips abroad. The Kite 5X is slower.", {"Kite 5X": "chip"}),
    ("The Heron-2, a cut-down inference chip, ships in June.", {"Heron-2": "chip", "AI chips": "chip"}),
    ("Lumen's ZX90 AI chips are popular. Regulators fear the ZX90.", {"ZX90 AI chips": "chip"}),
    ("Smelters halted tungsten carbide and gallium exports.", {"tungsten carbide": "mineral", "gallium": "mineral"}),
    ("Sintered NdPr magnets and dysprosium are scarce.", {"NdPr magnets": "magnet", "dysprosium": "mineral"}),
    ("Magnet makers want rare earth supplies.", {"rare earth magnets": "magnet", "rare earths": "mineral"}),
    ("Critical minerals are scarce, officials said.", {"critical minerals": "mineral"}),
    ("Rare earths and other critical minerals are scarce.", {"rare earths": "mineral"}),
    ("The plant makes gallium nitride wafers from alumina by-products.",
     {"gallium nitride wafers": "other", "alumina": "other"}),
    ("Section 301 tariffs rose in March 2026 for 12 months.", {}),
    ("Rare earths became a bargaining chip.", {"rare earths": "mineral"}),
    ("Tarn Semiconductor opened a plant.", {}),
    ("Regulators may let Orrin sell a scaled-down Falcon chip abroad.", {"Falcon": "chip"}),
    ("Buyers said Korean chips and Orrin's chips cost less, Orrin said.", {"AI chips": "chip"}),
    ("The Q40 chip has half the power of the company's flagship Q90.", {"Q40": "chip", "Q90": "chip"}),
])
def test_commodities(body, expected):
    assert {n: c.category for n, c in goods(body).items()} == expected


def test_aliases_and_mentions_slice_back():
    text = normalise_text("A headline here\nLumen's ZX90 AI chips and the ZX90 are popular; AI chips sell.")
    cs = find(segment(text))
    (chip,) = cs
    assert chip.name == "ZX90 AI chips"
    assert "ZX90" in chip.aliases and "AI chips" in chip.aliases
    for m in chip.mentions:
        assert text[m.start:m.end] == m.text


def test_seed_commodities_match_gold():
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not present")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    ex = extract((ROOT / "seeds" / "000_0cd42d161d590e27.txt").read_text(encoding="utf-8"))
    got = {c.name: c for c in ex.commodities}
    for g in gold["commodities"]:
        assert g["name"] in got, g["name"]
        assert got[g["name"]].category == g["category"]
        assert set(got[g["name"]].aliases) & set(g["aliases"])
