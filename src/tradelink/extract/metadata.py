"""Article metadata: title, outlet, published date and dateline.

User-supplied values (CLI flags, a ``.meta.json`` sidecar, the HTML page's
metadata) win; otherwise they are read from the article itself:

* title: the headline line before the body (see `segment`);
* published: the full date in a header line ("Tidewater Ledger | Tuesday,
  March 3, 2026 | ...", "Published: ...") or a dateline that carries a year;
* outlet: the outlet in a dateline's parentheses ("WASHINGTON, March 3
  (Tidewater Ledger) -") or the name that leads a header line;
* dateline: the "PLACE, Month D (Outlet)" prefix of the first paragraph.
"""

from __future__ import annotations

import re

from tradelink.models import ArticleMeta

from . import timex
from .segment import DATELINE, HEADER_DATE, Doc, _header_rx

HEADER_PARTS = _header_rx("header_parts")
NOT_OUTLET = _header_rx("not_outlet", re.IGNORECASE)
NAME = re.compile(r"^(?:The )?[A-Z][\w&'’.-]*(?: [A-Z&][\w&'’.-]*){0,4}$")


def _outlet_from_header(line: str) -> str | None:
    parts = [p.strip() for p in HEADER_PARTS.split(line) if p.strip()]
    if len(parts) < 2:
        return None
    first = parts[0]
    if NOT_OUTLET.search(first) or not NAME.match(first) or HEADER_DATE.search(first):
        return None
    if first.isupper() and len(first) > 4:
        first = " ".join(w.capitalize() if w.isalpha() else w for w in first.split())
    return first


def read(doc: Doc, meta: ArticleMeta) -> dict:
    """Metadata for the article: user-supplied values win over what the text says."""
    text = doc.text
    title = meta.title
    if title is None:
        first = next((b for b in doc.blocks if b.kind == "title"), None)
        if first is not None:
            title = text[first.start:first.end]
    published, outlet, dateline = None, None, None
    for block in doc.headers():
        line = text[block.start:block.end]
        published = published or timex.parse_date(line)
        outlet = outlet or _outlet_from_header(line)
    lead = next((b for b in doc.blocks if b.dateline), None)
    if lead is not None:
        dateline = text[lead.dateline[0]:lead.dateline[1]]
        m = DATELINE.match(text[lead.start:lead.end])
        if m and m.group("outlet"):
            outlet = m.group("outlet").strip()
        if published is None and m and m.group("date"):
            published = timex.parse_date(m.group("date"))
    return {
        "title": title,
        "outlet": meta.outlet or outlet,
        "url": meta.url,
        "published": meta.published or published,
        "dateline": dateline,
    }
