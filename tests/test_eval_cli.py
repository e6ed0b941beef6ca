"""`tradelink eval GOLD_DIR`: exact output on a tiny labelled set written here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")

ARTICLE = ("Minister rejects deal\n\n"
           "Trade Secretary Mara Quill said, \"We will not sign a deal that leaves our factories short.\"\n\n"
           "Analysts fear the freeze could spread to other metals within months.\n")
GOLD = {
    "file": "01-test.txt", "published": None, "questions": [], "commodities": [], "policies": [],
    "links": [], "boilerplate": [], "time_expressions": [],
    "quotes": [
        {"speaker": "Mara Quill", "speaker_aliases": [], "text_snippet": "We will not sign a deal",
         "kind": "direct", "verb": "said", "medium": None, "hedge": None},
        {"speaker": "Analysts", "speaker_aliases": [], "text_snippet": "the freeze could spread to other metals",
         "kind": "indirect", "verb": "fear", "medium": None, "hedge": None},
    ],
    "actors": [{"name": "Mara Quill", "type": "person", "aliases": [], "role": "Trade Secretary"},
               {"name": "Analysts", "type": "group", "aliases": [], "role": None}],
}


def _run(*args, cwd):
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "tradelink", *args], capture_output=True, text=True,
                          cwd=cwd, env=env)


def _gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "set" / "articles").mkdir(parents=True)
    (tmp_path / "set" / "gold").mkdir()
    (tmp_path / "set" / "articles" / "01-test.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "set" / "gold" / "01-test.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path / "set"


def test_eval_prints_per_article_and_total(tmp_path):
    out = _run("eval", str(_gold_dir(tmp_path)), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "article    quotes  attrib    prec   q-rec  q-prec  actors   types",
        "01-test    100.0%  100.0%  100.0%       -       -  100.0%  100.0%",
        "TOTAL      100.0%  100.0%  100.0%       -       -  100.0%  100.0%",
        "2 gold quotes, 2 predicted; 0 gold questions, 0 predicted; 2 gold actors",
    ]
    assert not (tmp_path / "data").exists()  # the temporary databases are gone


def test_eval_json(tmp_path):
    out = _run("eval", str(_gold_dir(tmp_path)), "--json", cwd=tmp_path)
    data = json.loads(out.stdout)
    assert data["total"]["quote_recall"] == 1.0 and data["articles"][0]["article"] == "01-test"


def test_eval_without_gold_folders_is_a_usage_error(tmp_path):
    out = _run("eval", str(tmp_path), cwd=tmp_path)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.startswith("error: ") and "articles/ and gold/" in out.stderr
