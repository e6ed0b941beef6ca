"""Exports escape everything taken from an article: an article (and its sidecar)
full of markup goes through the real pipeline, then `export` as md and html."""

from __future__ import annotations

import json
import re

EVIL = """Chips <script>alert("t")</script> for magnets

Commerce Secretary Ana Varga said on Monday that licences for <b>chip</b> sales would resume. "We agreed <script>alert(1)</script> & more," she said.

Officials of <img src=x onerror=alert(2)> Corp reportedly said the talks may stall.

Will the <iframe src="javascript:alert(3)"></iframe> deal last?
"""
SIDECAR = {"title": "T <script>alert(4)</script>", "outlet": 'O" onmouseover="alert(5)',
           "url": "javascript:alert(6)"}
RAW_TAGS = re.compile(r"<\s*(script|img|iframe|b)\b", re.IGNORECASE)


def test_markdown_and_html_exports_escape_the_article(cli, tmp_path):
    (tmp_path / "evil.txt").write_text(EVIL, encoding="utf-8")
    (tmp_path / "evil.meta.json").write_text(json.dumps(SIDECAR), encoding="utf-8")
    r = cli("ingest", str(tmp_path / "evil.txt"))
    assert (r.exit_code, r.stderr) == (0, ""), r.output

    md = cli("export", "--format", "md")
    assert md.exit_code == 0
    assert RAW_TAGS.findall(md.stdout) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md.stdout  # shown, as text

    html = cli("export", "--format", "html")
    assert html.exit_code == 0
    page = html.stdout
    assert RAW_TAGS.findall(page) == []
    assert not re.search(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", page, re.IGNORECASE)
    # The article's event handlers stay text: none sits inside a tag.
    assert not re.search(r"<[^>]*\s(?:onerror|onmouseover)\s*=", page, re.IGNORECASE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_json_export_keeps_the_text_as_written(cli, tmp_path):
    (tmp_path / "evil.txt").write_text(EVIL, encoding="utf-8")
    cli("ingest", str(tmp_path / "evil.txt"))
    data = json.loads(cli("export", "--format", "json").stdout)
    texts = [q["text"] for q in data["quotes"]] + [q["text"] for q in data["questions"]]
    assert any("<script>alert(1)</script>" in t for t in texts)  # JSON is data, not markup
