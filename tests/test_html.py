"""HTML input (trafilatura), on a page written for the test."""

from __future__ import annotations

import builtins
import datetime as dt
from pathlib import Path

import pytest

from tradelink.errors import InputError
from tradelink.extract import extract
from tradelink.extract import html as html_stage

PAGE = Path(__file__).parent / "data" / "article.html"
NOISE = ["Leave a Reply", "Share this article", "Related", "Is the magnet trade over?", "cookies",
         "Sign up", "inbox", "All rights reserved", "Home", "Facebook", "email address"]


def test_html_text_and_metadata():
    pytest.importorskip("trafilatura")
    text, meta = html_stage.read(PAGE.read_text(encoding="utf-8"), source="article.html")
    assert text.startswith("Quillon cleared to ship Q77 accelerators\n")
    assert (meta.title, meta.outlet, meta.published, meta.url) == (
        "Quillon cleared to ship Q77 accelerators", "Harbour Post", dt.date(2026, 6, 1),
        "https://harbourpost.example/markets/quillon-q77")
    ex = extract(text, meta)
    assert [(q.text, q.headline) for q in ex.questions] == [
        ("How long will the licences last?", True), ("Could they be revoked?", False),
        ("Will Ostria keep the magnets moving?", True)]
    assert {c.name for c in ex.commodities} >= {"Q77", "NdPr magnets"}
    records = [r.text for r in ex.located()] + [ex.article.title or ""]
    for noise in NOISE:
        assert not any(noise in r for r in records), noise
    assert not ex.check_spans()


def test_without_trafilatura_says_how_to_install(monkeypatch):
    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura" or name.startswith("trafilatura."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.raises(InputError) as err:
        html_stage.read("<html><body><p>Hi</p></body></html>")
    assert str(err.value) == "reading HTML needs the html extra; pip install 'tradelink[html]'"
    assert "\n" not in str(err.value)
