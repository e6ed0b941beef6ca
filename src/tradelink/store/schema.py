"""The database schema, as SQLAlchemy 2.0 typed models.

One graph of *entities* (actors, commodities and policies share a table, so
links and path queries need no polymorphic joins) plus per-article facts that
each carry provenance: ``article_id`` and a ``[start, end)`` span whose
``text`` is exactly ``articles.text[start:end]``.

Entities are global: "Jane Q. Example" read from two articles is one row.
Everything else (mentions, roles, statements, questions, links, policy facts)
belongs to exactly one article and is deleted with it.

The schema is portable: nothing here is SQLite-only, so the same models run on
PostgreSQL. Schema changes go through Alembic migrations in
``tradelink/store/migrations``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The number of the newest Alembic revision; a database stamped with a higher
# number was written by a newer tradelink and is refused. Defined (and bumped)
# in `tradelink.store.migrate`, next to ``HEAD``.
from tradelink.store.migrate import SCHEMA_VERSION  # noqa: E402,F401


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the database itself (schema_version, ...)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    dateline: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    parser_version: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (Index("ix_articles_ingested_at", "ingested_at", "id"),)  # migration 0006


def _article_fk() -> Mapped[str]:
    return mapped_column(String(16), ForeignKey("articles.id", ondelete="CASCADE"), index=True)


class EntityRow(Base):
    """An actor, commodity or policy: a node of the link graph."""

    __tablename__ = "entities"
    # ix_entities_key (migration 0004): lookups by key across kinds.
    __table_args__ = (UniqueConstraint("kind", "key"), Index("ix_entities_key", "key"))
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # actor | commodity | policy
    key: Mapped[str] = mapped_column(String(255))  # casefolded canonical name
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32))  # actor type | category | policy kind
    party: Mapped[str | None] = mapped_column(Text)


class AliasRow(Base):
    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "key"), Index("ix_aliases_key", "key"))
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(255))  # casefolded alias


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[str] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class RoleRow(Base):
    __tablename__ = "roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[str] = _article_fk()
    role: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class SentenceRow(Base):
    __tablename__ = "sentences"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = _article_fk()
    idx: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(Text)
    block: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class TimeRow(Base):
    __tablename__ = "time_expressions"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[str | None] = mapped_column(String(10))


class PolicyFactRow(Base):
    """What one article says about a policy entity."""

    __tablename__ = "policy_facts"
    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[str] = _article_fk()
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    counterpart_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")
    )
    target: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(Text)
    when_text: Mapped[str | None] = mapped_column(Text)
    when_resolved: Mapped[str | None] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)


class StatementRow(Base):
    __tablename__ = "statements"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = _article_fk()
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    speaker_descriptor: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    verb: Mapped[str] = mapped_column(Text)
    medium_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    hedge: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    when_text: Mapped[str | None] = mapped_column(Text)
    when_resolved: Mapped[str | None] = mapped_column(String(10))


class QuestionRow(Base):
    __tablename__ = "questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = _article_fk()
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE")
    )
    headline: Mapped[bool] = mapped_column(Boolean)
    section: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class LinkRow(Base):
    __tablename__ = "links"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = _article_fk()
    source_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    relation: Mapped[str] = mapped_column(String(32))
    predicate: Mapped[str] = mapped_column(Text)
    target_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    policy_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")  # migration 0003
    )
    hedge: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)

    # each end leads an index holding all three (migration 0006): `path` reads
    # neighbours from the index alone and finds the links joining two ends
    __table_args__ = (
        Index("ix_links_source_ends", "source_id", "target_id", "policy_id"),
        Index("ix_links_target_ends", "target_id", "source_id", "policy_id"),
        Index("ix_links_policy_ends", "policy_id", "source_id", "target_id"),
    )


class LinkEndsRow(Base):
    """Each distinct (source, target, policy) of ``links`` and how many links have
    it (migration 0008), and the id of the newest (0009); ``policy_id`` 0:
    through no policy. `path` reads a
    node's neighbours here, not from every one of its links. The writer adds
    new links before each commit (SQLite) or a trigger does (PostgreSQL);
    triggers take deleted links off."""

    __tablename__ = "link_ends"
    source_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    target_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    policy_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer)
    newest: Mapped[int] = mapped_column(Integer, server_default="0")  # its newest link's id (0009)

    __table_args__ = (
        Index("ix_link_ends_target", "target_id", "policy_id", "source_id"),
        Index("ix_link_ends_policy", "policy_id", "source_id", "target_id"),
    )
