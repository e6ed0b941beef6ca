"""Article metadata: title, outlet, published date and dateline."""

from __future__ import annotations

from tradelink.models import ArticleMeta

from .segment import Doc


def read(doc: Doc, meta: ArticleMeta) -> dict:
    """Metadata for the article: user-supplied values win over what the text says."""
    title = meta.title
    if title is None:
        first = next((b for b in doc.blocks if b.kind == "title"), None)
        if first is not None:
            title = doc.text[first.start:first.end]
    return {"title": title, "outlet": meta.outlet, "url": meta.url,
            "published": meta.published, "dateline": None}
