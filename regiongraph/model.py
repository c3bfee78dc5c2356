"""The one fact model: articles, entities, facts and their evidence.

Curated facts (from data/facts/) and, later, extracted facts are the same objects; only
`rdf.py` turns them into triples. Values are already checked against the ontology and the
registry when these objects exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .dates import Point, TemporalValue


@dataclass(frozen=True)
class Ref:
    """A reference to an entity of the registry or to another fact, by id."""

    id: str
    kind: str  # "entity" | "fact"


@dataclass(frozen=True)
class EnumValue:
    """An individual of an ontology enumeration (rg:Status, rg:ProjectStage), by its IRI."""

    iri: str


@dataclass(frozen=True)
class Text:
    """A language-tagged string."""

    value: str
    lang: str


@dataclass(frozen=True)
class Money:
    """An amount of money; `currency` is an ISO 4217 code."""

    amount: Decimal
    currency: str


Value = Ref | EnumValue | Text | Money | TemporalValue | Decimal


@dataclass(frozen=True)
class Role:
    """One role of an entity or fact: the ontology property's local name and its value."""

    name: str
    value: Value


@dataclass(frozen=True)
class Evidence:
    """A verbatim passage of an article, with its character offsets (end exclusive)."""

    article: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A news article, verbatim, with its metadata."""

    id: str
    title: str
    text: str
    date: Point
    language: str
    path: Path
    publisher: str | None = None
    author: str | None = None
    contributors: tuple[str, ...] = ()
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Entity:
    """One real thing: stable id, ontology class, labels by language, aliases as written."""

    id: str
    cls: str
    labels: tuple[tuple[str, str], ...]  # (lang, label), sorted by lang
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: str | None = None
    graph: str = "registry"

    def label(self, lang: str = "ru") -> str:
        return dict(self.labels).get(lang, self.id)


@dataclass(frozen=True)
class Fact:
    """A fact of an article: its ontology class, its roles and the quotes that support it."""

    id: str
    cls: str
    article: str
    roles: tuple[Role, ...]
    evidence: tuple[Evidence, ...]
    labels: tuple[tuple[str, str], ...] = ()
    note: str | None = None
    graph: str = "curated"
    generated_by: str | None = None  # the extractor's version, for extracted facts


@dataclass(frozen=True)
class ExternalLink:
    """An entity's identifier in an external dataset, with where it was checked."""

    entity: str
    kind: str  # a key of config.LINK_KINDS
    id: str
    checked: str


@dataclass
class Corpus:
    """Everything loaded and checked: the input of the RDF stage."""

    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    links: list[ExternalLink] = field(default_factory=list)
