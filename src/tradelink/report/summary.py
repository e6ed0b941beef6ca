"""The summary of a knowledge base as data, and plain-text views for the CLI.

`build(reader)` collects sources, actors, commodities, quotes, policies, links
and questions (plain dicts from `tradelink.store.read`, in the ``--json`` row
shapes); `render` turns it into JSON (``export --format json``).  The Markdown
and HTML exports are the brief (`tradelink.report.brief`).  `questions_text`
and `actor_text` are the terminal views of ``questions`` and ``actor``;
`write_file` writes an export without clobbering an existing file.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from tradelink.errors import InputError, UsageError
from tradelink.store import read


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


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def md(text: str | None) -> str:
    """Escape article text for Markdown: no markup, no HTML, one line (used by the brief)."""
    if text is None:
        return ""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def render(data: dict, fmt: str = "json") -> str:
    """The summary as JSON (the Markdown and HTML exports are the brief, `tradelink.report.brief`)."""
    if fmt != "json":
        raise ValueError(f"the summary renders only as json, not {fmt}")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
