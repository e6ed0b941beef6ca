"""Re-extraction: read stored articles again with the current parser.

Each article row records the ``parser_version`` that read it. `reparse` runs
`tradelink.extract.extract` on the stored text of every article read by an
older parser (or of every article, with ``everything=True``) and replaces that
article's records: delete then insert, in one transaction per batch, so an
article is never seen half-replaced. The article row keeps its id, metadata
(title, outlet, url and date as stored, which keeps any the user supplied) and
``ingested_at``; only its records and ``parser_version`` change. An article
the current parser cannot read keeps its old records and is reported.

Entities (actors, commodities, policies) that no record refers to any more are
removed at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tradelink import PARSER_VERSION
from tradelink.errors import TradelinkError

if TYPE_CHECKING:
    from sqlalchemy import Engine

BATCH = 50


@dataclass(slots=True)
class Reparsed:
    article_id: str
    title: str | None
    ok: bool
    error: str | None = None


def pending(engine: Engine, *, everything: bool = False) -> list[str]:
    """Ids of the articles `reparse` would read again, oldest parser first."""
    from sqlalchemy import select

    from tradelink.store.schema import ArticleRow

    query = select(ArticleRow.id).order_by(ArticleRow.parser_version, ArticleRow.id)
    if not everything:
        query = query.where(ArticleRow.parser_version < PARSER_VERSION)
    with engine.connect() as conn:
        return list(conn.scalars(query))


def reparse(engine: Engine, ids: list[str]) -> Iterator[Reparsed]:
    """Re-extract the articles ``ids``, yielding one `Reparsed` per article."""
    for i in range(0, len(ids), BATCH):
        yield from _batch(engine, ids[i:i + BATCH])
    if ids:
        drop_orphan_entities(engine)


def _batch(engine: Engine, ids: list[str]) -> list[Reparsed]:
    from sqlalchemy import delete, select, update
    from sqlalchemy.orm import Session

    from tradelink.extract import extract
    from tradelink.models import ArticleMeta
    from tradelink.store import write
    from tradelink.store.schema import ArticleRow

    done: list[Reparsed] = []
    with Session(engine) as session, session.begin():
        rows = session.execute(select(ArticleRow).where(ArticleRow.id.in_(ids))).scalars().all()
        for row in sorted(rows, key=lambda r: ids.index(r.id)):
            meta = ArticleMeta(title=row.title, outlet=row.outlet, url=row.url,
                               published=row.published)
            try:
                extraction = extract(row.text, meta, source=row.source)
            except (TradelinkError, ValueError) as err:
                done.append(Reparsed(row.id, row.title, False, _first_line(err)))
                continue
            # The stored text is already normalised; keep the stored identity.
            extraction.article.id = row.id
            extraction.article.text = row.text
            ingested_at, article_id = row.ingested_at, row.id
            session.expunge(row)
            session.execute(delete(ArticleRow).where(ArticleRow.id == article_id))
            write.ingest(session, extraction, PARSER_VERSION)
            session.execute(update(ArticleRow).where(ArticleRow.id == article_id)
                            .values(ingested_at=ingested_at))
            done.append(Reparsed(article_id, extraction.article.title, True))
    return done


# Every column that points at an entity.
_ENTITY_REFS = [
    ("aliases", "entity_id"), ("mentions", "entity_id"), ("roles", "entity_id"),
    ("statements", "speaker_id"), ("statements", "medium_id"),
    ("policy_facts", "policy_id"), ("policy_facts", "actor_id"),
    ("policy_facts", "counterpart_id"), ("links", "source_id"), ("links", "target_id"),
    ("links", "policy_id"),
]


def drop_orphan_entities(engine: Engine) -> int:
    """Delete entities that no mention, role, statement, policy fact or link
    refers to (aliases alone do not keep an entity); return how many."""
    from sqlalchemy import text

    used = " UNION ".join(
        f"SELECT {col} FROM {table} WHERE {col} IS NOT NULL"
        for table, col in _ENTITY_REFS if table != "aliases"
    )
    with engine.begin() as conn:
        result = conn.execute(text(f"DELETE FROM entities WHERE id NOT IN ({used})"))
        return result.rowcount or 0


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
