"""The summary of a knowledge base: sources, key actors and roles, who said
what, policies, links and open questions, as Markdown or JSON.

`build(reader)` collects the data (plain dicts from `tradelink.store.read`);
`render(data, fmt)` turns it into text.  Everything taken from an article is
escaped in Markdown, so an article cannot inject markup or HTML.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from tradelink.errors import InputError, UsageError
from tradelink.store import read

KEY_ACTORS = 12  # actors shown in the summary, most mentioned first


def build(r) -> dict:
    return {
        "sources": read.articles(r),
        "actors": read.actors(r),
        "commodities": read.commodities(r),
        "quotes": read.quotes(r),
        "policies": read.policies(r),
        "links": read.links(r),
        "questions": read.questions(r),
    }


def render(data: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return markdown(data)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def md(text: str | None) -> str:
    """Escape article text for Markdown: no markup, no HTML, one line."""
    if text is None:
        return ""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def markdown(data: dict) -> str:
    out: list[str] = ["# tradelink summary", ""]
    out += ["## Sources", ""]
    for a in data["sources"]:
        bits = [f"**{md(a['title'] or a['id'])}**"]
        bits += [md(x) for x in (a["outlet"], a["published"]) if x]
        line = " — ".join(bits)
        if a["url"]:
            line += f" <{md(a['url'])}>"
        out.append(f"- {line} (`{a['id']}`)")
    out += ["", "## Key actors", ""]
    for ac in data["actors"][:KEY_ACTORS]:
        roles = f": {md('; '.join(ac['roles']))}" if ac["roles"] else ""
        out.append(f"- **{md(ac['name'])}** ({ac['type']}){roles}")
    if data.get("commodities"):
        out += ["", "## Commodities", ""]
        for c in data["commodities"]:
            out.append(f"- **{md(c['name'])}** ({c['category']})")
    out += ["", "## Who said what", ""]
    for q in data["quotes"]:
        who = md(q["speaker"]) if q["speaker"] else f"*{md(q['speaker_descriptor'] or 'unattributed')}*"
        extra = [x for x in (q["hedge"], f"via {q['medium']}" if q["medium"] else None) if x]
        tail = f" ({md(', '.join(extra))})" if extra else ""
        said = f"“{md(q['text'])}”" if q["kind"] == "direct" else md(q["text"])
        out.append(f"- **{who}** {md(q['verb'])}{tail}: {said}")
    out += ["", "## Policies", ""]
    for p in data["policies"]:
        facts = [x for x in (p["actor"], p["status"], p["when"]) if x]
        tail = f" — {md(', '.join(facts))}" if facts else ""
        out.append(f"- **{md(p['name'])}** ({md(p['kind'])}){tail}: {md(p['evidence'])}")
    out += ["", "## Links", ""]
    for ln in data["links"]:
        hedge = f" ({md(ln['hedge'])})" if ln["hedge"] else ""
        out.append(f"- {md(ln['source'])} —{md(ln['relation'])}→ {md(ln['target'])}{hedge}: "
                   f"“{md(ln['evidence'])}”")
    out += ["", "## Open questions", ""]
    out += [line for line in _question_lines(data["questions"], md)]
    return "\n".join(out).rstrip() + "\n"


def _question_lines(rows: list[dict], esc) -> list[str]:
    lines = []
    for q in rows:
        indent = "" if q["headline"] or not q["parent"] else "  "
        lines.append(f"{indent}- {esc(q['text'])}")
    return lines


def questions_text(rows: list[dict]) -> str:
    """Plain text: headline questions, each follow-up indented under it."""
    if not rows:
        return ""
    section, out = object(), []
    for q in rows:
        if q["section"] != section and q["headline"]:
            section = q["section"]
            if section:
                out.append(f"{section}")
        indent = "  " if q["headline"] or not q["parent"] else "    "
        mark = "-" if q["headline"] or not q["parent"] else "·"
        out.append(f"{indent}{mark} {' '.join(q['text'].split())}")
    return "\n".join(out) + "\n"


def actor_text(p: dict) -> str:
    """Plain text profile of one actor."""
    out = [f"{p['name']} ({p['type']}{', ' + p['party'] if p.get('party') else ''})"]
    if p["aliases"]:
        out.append(f"aliases: {'; '.join(p['aliases'])}")
    out.append(f"mentions: {p['mentions']}")
    if p["roles"]:
        out.append("roles:")
        out += [f"  {x['role']}  [{x['article']}]" for x in p["roles"]]
    if p["statements"]:
        out.append("statements:")
        out += [f"  {s['verb']}: {' '.join(s['text'].split())}  [{s['article']}]" for s in p["statements"]]
    if p["links"]:
        out.append("links:")
        out += [f"  {x['source']} {x['relation']} {x['target']}  [{x['article']}]" for x in p["links"]]
    out.append("articles:")
    out += [f"  {a['id']}  {a['title'] or ''}" for a in p["articles"]]
    return "\n".join(out) + "\n"


def write_file(path: str, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` whole (via a temporary file); refuse to overwrite without ``force``."""
    dest = Path(path)
    if dest.is_dir():
        raise UsageError(f"{dest} is a folder; give a file name to -o")
    if dest.exists() and not force:
        raise UsageError(f"{dest} exists; pass --force to overwrite it")
    tmp = dest.with_name(f".{dest.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, dest)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {dest}: {err.strerror or err}") from None
