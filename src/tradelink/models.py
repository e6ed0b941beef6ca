"""Typed records: the one place that defines what tradelink knows.

Two families live here.

* **Extraction records** (`Actor`, `Commodity`, `Policy`, `Statement`,
  `Question`, `Link`, `TimeExpression`, `Sentence`) come out of
  `tradelink.extract`. Each is `Located`: it carries a character span
  ``[start, end)`` into the normalised article text, and ``text`` is exactly
  ``article.text[start:end]``. `Extraction.check_spans()` enforces that.
  Records refer to each other by canonical name, never by database id.
* **Rows** (`QuoteRow`, `QuestionRow`, ...) are the documented ``--json``
  contract of the query commands. The read path builds plain dicts for speed;
  the test-suite validates every command's output against these models, so the
  contract cannot drift.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import unicodedata
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

ActorType = Literal["person", "organization", "government", "group", "media"]
Category = Literal["chip", "magnet", "mineral", "other"]
PolicyKind = Literal[
    "export ban", "export freeze", "export control", "licence", "trade deal",
    "tariff", "investment", "price floor", "stockpile", "sanction", "other",
]
StatementKind = Literal["direct", "indirect"]
NodeKind = Literal["actor", "commodity", "policy"]

# The closed vocabulary of typed link relations (documented in the README).
Relation = Literal[
    "exchanged_for", "tied_to", "sells", "buys", "seeks_licence_for",
    "restricts", "bans", "lifts", "reverses", "supplies", "dominates_supply_of",
    "depends_on", "negotiates_with", "criticises", "opposes", "supports",
    "confirms", "used_in", "owns_stake_in", "pays_share_to", "produces",
    "targets", "related_to",
]


def normalise_text(raw: str) -> str:
    """The canonical form of an article's text: NFC, ``\\n`` line ends, no BOM,
    no trailing whitespace on lines or at the end. Spans index into this."""
    text = unicodedata.normalize("NFC", raw.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    # A BOM after leading blank lines ("\n\ufeff...") would survive once: normalise again.
    return normalise_text(text) if text.startswith("\ufeff") else text


def article_id(text: str, *, normalised: bool = False) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the normalised text.

    ``normalised=True`` says *text* is already `normalise_text`'s output (which is
    idempotent), so it is hashed as it is."""
    if not normalised:
        text = normalise_text(text)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Located(Record):
    """Provenance: ``text == article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Span(Located):
    """A bare span, e.g. one mention of an actor."""


class Article(Record):
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    text: str
    source: str | None = None  # the file it came from, if any


class ArticleMeta(Record):
    """Metadata supplied by the user (CLI flags or a ``.meta.json`` sidecar).

    Fields left ``None`` are filled from the article itself where it says so."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


class Sentence(Located):
    section: str | None = None
    block: Literal["heading", "bullet", "paragraph", "qa"] = "paragraph"
    paragraph: int = 0  # index of the paragraph/bullet block it belongs to


class Role(Located):
    """A role as written, e.g. "Commerce Secretary"; ``text`` is the role words."""

    title: str


class Actor(Located):
    """An actor, located at its most complete mention in the article."""

    name: str
    type: ActorType
    aliases: list[str] = []
    roles: list[Role] = []
    party: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = []


class Commodity(Located):
    name: str
    category: Category
    aliases: list[str] = []
    mentions: list[Span] = []


class TimeExpression(Located):
    """A calendar reference. ``resolved`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``None``."""

    resolved: str | None = None


class Policy(Located):
    """A measure taken or agreed; located at its evidence words."""

    name: str
    kind: PolicyKind = "other"
    actor: str | None = None
    counterpart: str | None = None
    target: str | None = None  # commodity name where one fits, else the words
    status: str | None = None  # e.g. "reversed", "suspended", "announced"
    when: TimeExpression | None = None
    sentence: Span | None = None


class Statement(Located):
    """Who said what. ``text`` is the quoted or reported words, without marks."""

    speaker: str | None = None
    speaker_type: ActorType | None = None
    speaker_descriptor: str | None = None  # "a senior official who asked not to be named"
    kind: StatementKind
    verb: str
    medium: str | None = None
    hedge: str | None = None
    sentence: Span | None = None
    when: TimeExpression | None = None


class Question(Located):
    headline: bool = False
    parent: str | None = None  # the headline question's text
    section: str | None = None


class Link(Located):
    """``source --relation--> target``; located at its evidence words."""

    source: str
    source_kind: NodeKind
    relation: Relation
    predicate: str  # the words as written, e.g. "in exchange for"
    target: str
    target_kind: NodeKind
    policy: str | None = None
    hedge: str | None = None
    sentence: Span | None = None


class Extraction(Record):
    """Everything read out of one article."""

    article: Article
    sentences: list[Sentence] = []
    actors: list[Actor] = []
    commodities: list[Commodity] = []
    policies: list[Policy] = []
    statements: list[Statement] = []
    questions: list[Question] = []
    links: list[Link] = []
    times: list[TimeExpression] = []

    def located(self):
        """Yield every located record, nested ones included."""
        for group in (self.sentences, self.actors, self.commodities, self.policies,
                      self.statements, self.questions, self.links, self.times):
            for rec in group:
                yield rec
                for attr in ("roles", "mentions"):
                    yield from getattr(rec, attr, ())
                for attr in ("when", "sentence"):
                    sub = getattr(rec, attr, None)
                    if sub is not None:
                        yield sub

    def check_spans(self) -> list[str]:
        """Return a description of every record whose span does not slice back."""
        text = self.article.text
        return [
            f"{type(r).__name__} [{r.start}:{r.end}] {r.text!r} != {text[r.start:r.end]!r}"
            for r in self.located()
            if text[r.start:r.end] != r.text
        ]


# --- the --json contract of the query commands -----------------------------------


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QuoteRow(Row):
    speaker: str | None
    speaker_type: ActorType | None
    speaker_descriptor: str | None
    text: str
    kind: StatementKind
    verb: str
    medium: str | None
    hedge: str | None
    article: str
    start: int
    end: int
    sentence: str | None


class QuestionRow(Row):
    text: str
    headline: bool
    parent: str | None
    section: str | None
    article: str
    start: int
    end: int


class ActorRow(Row):
    name: str
    type: ActorType
    aliases: list[str]
    roles: list[str]
    mentions: int


class CommodityRow(Row):
    name: str
    category: Category
    aliases: list[str]


class PolicyRow(Row):
    name: str
    kind: str
    actor: str | None
    target: str | None
    status: str | None
    when: str | None
    evidence: str
    article: str


class LinkRow(Row):
    source: str
    source_kind: NodeKind
    relation: str
    predicate: str
    target: str
    target_kind: NodeKind
    policy: str | None
    hedge: str | None
    evidence: str
    article: str


class ArticleRow(Row):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    statements: int
    questions: int


class PathNode(Row):
    name: str
    kind: NodeKind
    type: str


class PathLink(Row):
    """A link a step of a path rests on, with the way it runs along the step."""

    source: str
    relation: str
    target: str
    direction: Literal["forward", "backward", "via"]
    predicate: str
    policy: str | None
    hedge: str | None
    article: str
    start: int
    end: int
    evidence: str
    sentence: str


class PathStep(Row):
    """One hop: ``links`` are the newest of the ``links_total`` links it rests on
    (``path --evidence N``, default 3; 0 shows them all), newest first."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    from_: str = Field(alias="from")
    to: str
    links: list[PathLink]
    links_total: int


class PathRow(Row):
    """One element of ``path A B --json``."""

    hops: int
    nodes: list[PathNode]
    steps: list[PathStep]


M = TypeVar("M", bound=BaseModel)


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[model])


def validate_list(model: type[M], rows: list[dict]) -> list[M]:
    """Records of ``model`` from their fields, validated in one call: pydantic-core
    builds a list of dicts faster than one model at a time, and faster than
    `model_construct` copies them."""
    return _list_adapter(model).validate_python(rows)
