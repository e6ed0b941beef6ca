"""HTML input: the main text and metadata of a web page, via trafilatura.

trafilatura is an optional extra (``pip install 'tradelink[html]'``) and is
imported only when a page is read. It drops navigation, comment sections and
most page chrome; what furniture survives (share bars, "Related:" lists,
newsletter prompts) is removed by `segment` exactly as for text input.
"""

from __future__ import annotations

import datetime as dt

from tradelink.errors import InputError
from tradelink.models import ArticleMeta

INSTALL_HINT = "pip install 'tradelink[html]'"


def _trafilatura():
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"reading HTML needs the html extra; {INSTALL_HINT}") from None
    return trafilatura


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read(html: str, source: str | None = None) -> tuple[str, ArticleMeta | None]:
    """``(text, metadata)`` of an HTML page; the text is empty if no article was found.

    Raises `InputError` when trafilatura is not installed."""
    traf = _trafilatura()
    name = f"{source}: " if source else ""
    try:
        text = traf.extract(html, output_format="txt", include_comments=False, include_tables=False,
                            include_images=False, include_links=False, deduplicate=False) or ""
        found = traf.extract_metadata(html)
    except Exception as exc:  # trafilatura/lxml raise a variety of parser errors
        raise InputError(f"{name}the HTML cannot be parsed ({type(exc).__name__}); save the article as text") from None
    meta = None
    if found is not None:
        title = (found.title or "").strip() or None
        outlet = (found.sitename or "").strip() or None
        url = (found.url or "").strip() or None
        published = _date(found.date)
        if any((title, outlet, url, published)):
            meta = ArticleMeta(title=title, outlet=outlet, url=url, published=published)
    return text, meta
