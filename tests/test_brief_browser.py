"""The HTML brief in a real browser (headless Chromium).

A copy of the brief gets a probe script (its Content-Security-Policy still
forbids every fetch; only inline script is allowed) that records every
attempted fetch (CSP violations and resource timings), measures the graph,
the tables and the drawn label boxes, and checks the highlight of a targeted
sentence. The untouched brief is screenshotted. Skips when Chromium is absent.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from graph_data import seed_like, syndicated
from graph_kb import connect, write

from tradelink.report.brief import CSP, to_html
from tradelink.store.brief import collect

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             "/usr/bin/chromium") if p and os.path.exists(p)), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium); CI installs it")

PROBE = """
<script>
window.__fetches = [];
document.addEventListener('securitypolicyviolation',
  e => window.__fetches.push(e.blockedURI || e.violatedDirective));
</script>
"""

MEASURE = """
<script>
(function () {
  const out = {};
  const svg = document.getElementById('link-graph');
  const r = svg.getBoundingClientRect();
  out.svg = {width: r.width, height: r.height, display: getComputedStyle(svg).display,
             visibility: getComputedStyle(svg).visibility};
  const boxes = [];
  for (const t of svg.querySelectorAll('.nodes text, .edge-labels text')) {
    const b = t.getBBox();
    boxes.push({text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height});
  }
  for (const g of svg.querySelectorAll('.nodes rect, .edge-labels rect')) {
    const b = g.getBBox();
    boxes.push({text: 'rect', x: b.x, y: b.y, w: b.width, h: b.height, rect: true});
  }
  out.labels = boxes.filter(b => !b.rect);
  out.frames = boxes.filter(b => b.rect);
  out.tables = [...document.querySelectorAll('table')].map(t => {
    const tr = t.getBoundingClientRect();
    return {cls: t.className, rows: t.rows.length, width: tr.width, height: tr.height,
            display: getComputedStyle(t).display};
  });
  const done = () => {
    const target = document.querySelector(':target');
    out.target = target ? {id: target.id, tag: target.tagName,
                           background: getComputedStyle(target).backgroundColor} : null;
    out.fetches = window.__fetches;
    out.resources = performance.getEntriesByType('resource').map(e => e.name);
    const pre = document.createElement('pre');
    pre.id = 'probe';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  };
  window.addEventListener('load', () => setTimeout(done, 50));
})();
</script>
"""


def chromium(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module", params=["handmade", "seed"])
def brief_file(request, tmp_path_factory) -> Path:
    """The brief of two hand-made articles, and of the seed read by the pipeline."""
    folder = tmp_path_factory.mktemp("brief")
    if request.param == "seed":
        db = request.getfixturevalue("_seed_db")
    else:
        db = folder / "kb.sqlite"
        write(str(db), [seed_like(), syndicated()])
    with connect(str(db)) as r:
        page = to_html(collect(r))
    path = folder / "brief.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def probe(brief_file, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("probe")
    page = brief_file.read_text(encoding="utf-8")
    assert page.count(CSP) == 1
    page = page.replace(CSP, CSP.replace("default-src 'none';",
                                         "default-src 'none'; script-src 'unsafe-inline';"))
    page = page.replace("<title>", PROBE + "<title>", 1).replace("</main>", "</main>" + MEASURE)
    copy = tmp / "probe.html"
    copy.write_text(page, encoding="utf-8")
    target = re.search(r'<mark id="(a\d+-\d+)">[^<]*in exchange for', page).group(1)
    done = chromium("--virtual-time-budget=5000", "--window-size=1280,900", "--dump-dom",
                    copy.as_uri() + "#" + target, tmp_path=tmp)
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, f"no probe output; chromium said: {done.stderr[-2000:]}"
    data = json.loads(found.group(1).replace("&quot;", '"').replace("&lt;", "<")
                      .replace("&gt;", ">").replace("&amp;", "&"))
    data["expected_target"] = target
    return data


def test_the_page_fetches_nothing(probe):
    assert probe["fetches"] == []
    assert probe["resources"] == []


def test_the_graph_is_visible(probe):
    svg = probe["svg"]
    assert svg["display"] != "none" and svg["visibility"] == "visible"
    assert svg["width"] > 600 and svg["height"] > 200
    names = {b["text"] for b in probe["labels"]}
    assert {"H20 AI chips", "NdPr magnets", "rare earth magnet trade deal", "Howard Lutnick",
            "Bipartisan lawmakers", "exchanged for", "confirms", "opposes"} <= names


def test_drawn_labels_do_not_overlap(probe):
    """Measured by the browser: label frames (node boxes and edge label boxes) are
    pairwise disjoint, and every text fits inside a frame."""
    frames = probe["frames"]
    for i, a in enumerate(frames):
        for b in frames[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                        and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]), (a, b)
    for t in probe["labels"]:
        assert any(f["x"] - 0.5 <= t["x"] and t["x"] + t["w"] <= f["x"] + f["w"] + 0.5
                   and f["y"] - 0.5 <= t["y"] and t["y"] + t["h"] <= f["y"] + f["h"] + 0.5
                   for f in frames), f"{t['text']!r} spills out of its box"


def test_the_tables_are_visible(probe):
    tables = {t["cls"]: t for t in probe["tables"]}
    assert set(tables) >= {"statements", "policies", "links", "timeline", "actors"}
    for t in tables.values():
        assert t["display"] != "none" and t["width"] > 300 and t["height"] > 40 and t["rows"] > 1


def test_a_targeted_sentence_is_highlighted(probe):
    assert probe["target"]["id"] == probe["expected_target"]
    assert probe["target"]["tag"] == "MARK"
    assert probe["target"]["background"] == "rgb(253, 224, 71)"


def test_screenshot(brief_file, tmp_path):
    shot = tmp_path / "brief.png"
    done = chromium("--window-size=1280,2400", "--hide-scrollbars",
                    f"--screenshot={shot}", brief_file.as_uri(), tmp_path=tmp_path)
    assert shot.exists(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    keep = os.environ.get("TRADELINK_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)
