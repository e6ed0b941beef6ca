"""The extractor must not know its answers.

No person's name, quote or question from a labelled article may appear in
``src/`` or ``data/`` (code, vocabulary or comments): people are found from
the text. This reads the gold labels and articles of the seed, the dev set and
the held-out set (tests/heldout) and searches the shipped files for them.
"""

from __future__ import annotations

import json
import re

from shared_data import ROOT, dev_dir, shared_dir

SHIPPED = [p for d in ("src", "data") for p in (ROOT / d).rglob("*")
           if p.is_file() and p.suffix in {".py", ".txt", ".toml", ".json", ".mako", ".yaml", ".md"}]


def _gold_files():
    yield from (shared_dir() / "seeds").glob("*.gold.json")
    yield from (dev_dir() / "gold").glob("*.json")
    yield from (ROOT / "tests" / "heldout" / "gold").glob("*.json")


def _labelled():
    """(person name parts, quote snippets, questions, article texts)."""
    names, snippets, questions, texts = set(), set(), set(), []
    boilerplate = set()
    for gold_path in _gold_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for actor in gold["actors"]:
            if actor["type"] == "person":  # name words, not a role ("Acme's chief executive")
                names.update(w for w in actor["name"].split() if len(w) > 3 and w[0].isupper() and "'" not in w)
        snippets.update(q["text_snippet"] for q in gold["quotes"])
        questions.update(q["text"] for q in gold["questions"])
        boilerplate.update(gold.get("boilerplate", []))
        folder = gold_path.parent.parent / "articles" if gold_path.parent.name == "gold" else gold_path.parent
        text = (folder / gold["file"]).read_text(encoding="utf-8")
        # Page furniture ("Leave a Reply", cookie banners) is generic vocabulary,
        # not an article's content: drop it before comparing word runs.
        for noise in boilerplate:
            text = text.replace(noise, "\n")
        texts.append(text)
    return names, snippets, questions, texts


NAMES, SNIPPETS, QUESTIONS, TEXTS = _labelled()
SHIPPED_TEXT = {p: p.read_text(encoding="utf-8", errors="replace") for p in SHIPPED}


def test_the_labelled_data_was_found():
    assert len(TEXTS) >= 11 + 38 and NAMES and SNIPPETS and QUESTIONS


def test_no_person_name_is_shipped():
    rx = re.compile(r"\b(" + "|".join(map(re.escape, sorted(NAMES))) + r")\b", re.IGNORECASE)
    found = sorted({(str(p.relative_to(ROOT)), m.group()) for p, t in SHIPPED_TEXT.items()
                    for m in rx.finditer(t) if m.group()[0].isupper()})  # a name, not 'ping' in 'stopping'
    assert found == []


def test_no_quote_or_question_is_shipped():
    found = [(str(p.relative_to(ROOT)), s) for p, t in SHIPPED_TEXT.items()
             for s in SNIPPETS | QUESTIONS if s in t]
    assert found == []


def _ngrams(text: str, n: int = 8):
    words = re.findall(r"[\w’'-]+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_eight_word_run_of_an_article_is_shipped():
    article_grams = set().union(*(_ngrams(t) for t in TEXTS))
    found = sorted({(str(p.relative_to(ROOT)), g) for p, t in SHIPPED_TEXT.items()
                    for g in _ngrams(t) & article_grams})
    assert found == []
