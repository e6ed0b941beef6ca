"""Extraction: article text → typed records (`tradelink.models.Extraction`).

A chain of pure stages, each a function of the segmented article and the
records found before it; none touches a database, prints or reads globals
other than the vocabulary files:

    segment → metadata → times → entities → commodities → attribution
            → questions → policies → links

`extract` is the one entry point the store and the CLI use.
"""

from __future__ import annotations


from tradelink.errors import InputError
from tradelink.models import Article, ArticleMeta, Extraction, Sentence, article_id, normalise_text, validate_list

from . import attribution, commodities, entities, links, metadata, policies, questions, timex
from .segment import segment


class ExtractionError(InputError, ValueError):
    """The text cannot be read as an article (e.g. it has no sentences).

    An `InputError`, so the CLI reports it like any other unreadable file."""


def extract(raw_text: str, meta: ArticleMeta | None = None, source: str | None = None) -> Extraction:
    text = normalise_text(raw_text)
    if not text.strip():
        raise ExtractionError("the text is empty; nothing to ingest")
    doc = segment(text)
    info = metadata.read(doc, meta or ArticleMeta())
    article = Article(id=article_id(text, normalised=True), text=text, source=source, **info)
    sentences = validate_list(Sentence, [
        {"start": s, "end": e, "text": text[s:e], "section": block.section,
         "block": block.kind if block.kind in ("heading", "bullet", "qa") else "paragraph", "paragraph": i}
        for i, block, s, e in doc.sentence_spans()
    ])
    if not any(s.block != "heading" for s in sentences):
        raise ExtractionError("no sentences found; an article needs at least one sentence of prose")
    times = timex.find(doc, article.published)
    actors = entities.find(doc)
    goods = commodities.find(doc)
    statements = attribution.find(doc, actors, times)
    qs = questions.find(doc)
    pols = policies.find(doc, actors, goods, times)
    lnks = links.find(doc, actors, goods, pols, statements)
    return Extraction(
        article=article, sentences=sentences, actors=actors, commodities=goods,
        policies=pols, statements=statements, questions=qs, links=lnks, times=times,
    )
