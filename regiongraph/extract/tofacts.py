"""Found facts into the one fact model, so that RDF, SHACL, queries and the view take them as
they take curated facts.

Each found type maps to an ontology class and its roles to ontology properties through
`resources/mapping.yaml`, checked against the ontology's ranges here. An extracted fact lives
in the `extracted` graph, carries its confidence and the extractor's version, and quotes its
sentences with their offsets. Where a curated fact of the same article says the same, the
extracted one keeps only its evidence and `rg:corroborates` the curated one, which stands.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from rdflib import URIRef

from ..dates import Period, Point
from ..errors import DataError
from ..model import Corpus, EnumValue, Evidence, Fact, Money, Ref, Role, Text, Value
from ..rdf import default_labels
from ..roles import members_of, period_roles
from ..vocab import RG, Vocabulary
from .extractor import EXTRACTOR_VERSION, MIN_CONFIDENCE, Extraction, identity
from .mentions import NER_CLASSES, Candidates, Registry
from .rules.base import Arg, Found

MAPPING = Path(__file__).with_name("resources") / "mapping.yaml"
GRAPH = "extracted"


@dataclass(frozen=True)
class Mapping:
    cls: str
    roles: dict[str, tuple[str, ...]]
    requires: dict[str, int]


@cache
def mappings(vocab: Vocabulary, path: Path = MAPPING) -> dict[str, Mapping]:
    """The mapping file, checked against the ontology: a wrong class or property in it is a
    DataError naming the file and the entry, not a KeyError later."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    out = {}
    for kind, entry in data.items():
        if entry["class"] not in vocab.fact_classes:
            raise DataError(path, f"unknown fact class '{entry['class']}'", entry=kind)
        roles = vocab.roles_of(vocab.fact_classes[entry["class"]])
        for role, props in entry["roles"].items():
            for prop in props:
                if prop not in roles:
                    raise DataError(path, f"'{prop}' is not a role of {entry['class']}",
                                    entry=f"{kind}.{role}")
        out[kind] = Mapping(entry["class"], {r: tuple(p) for r, p in entry["roles"].items()},
                            dict(entry.get("requires") or {}))
    return out


class Converter:
    """Turns the extractions of one build into facts and candidate entities."""

    def __init__(self, corpus: Corpus, vocab: Vocabulary, registry: Registry,
                 candidates: Candidates) -> None:
        self.corpus, self.vocab = corpus, vocab
        self.registry, self.candidates = registry, candidates
        self.maps = mappings(vocab)

    def cls_of(self, entity_id: str) -> URIRef | None:
        entity = self.corpus.entities.get(entity_id) or self.candidates.by_id.get(entity_id)
        return self.vocab.classes[entity.cls] if entity is not None else None

    def entity_for(self, arg: Arg, prop: str) -> str | None:
        """The entity an argument names: its mention's, or for a post or goods the registry's
        entity of that name, else a candidate Post or Product."""
        if arg.entity:
            return arg.entity
        ranges = self.vocab.properties[prop].ranges
        name = arg.normal or arg.text
        known = self.registry.find(arg.text) or self.registry.find(name)
        if known is not None:
            return known
        if arg.cls:  # a name no NER span covers, of a class the rule knows
            kind = {"Organisation": "org"}.get(arg.cls, arg.cls.lower())
            return self.candidates.named(kind, arg.cls, name).id
        for cls_name in ("Post", "Product"):
            if self.vocab.classes[cls_name] in ranges:
                return self.candidates.named(cls_name.lower(), cls_name, name.lower()).id
        return None

    def roles(self, arg: Arg, props: tuple[str, ...]) -> list[Role]:
        """The roles an argument fills: one, or for a period its start, end and precision."""
        for prop in props:
            spec = self.vocab.properties[prop]
            value: Value | None = None
            if spec.kind == "date" and isinstance(arg.value, Period):
                return period_roles(self.vocab, spec, arg.value)
            if spec.kind == "date" and isinstance(arg.value, Point):
                return [Role(prop, arg.value)]
            if spec.kind == "money" and isinstance(arg.value, Money):
                return [Role(prop, arg.value)]
            if spec.kind == "ref":
                entity = self.entity_for(arg, prop)
                cls = self.cls_of(entity) if entity else None
                if cls is not None and any(self.vocab.is_subclass(cls, r) for r in spec.ranges):
                    value = Ref(entity, "entity")
            elif spec.kind == "enum" and arg.text in members_of(self.vocab, spec):
                value = self.enum(prop, arg.text).value
            elif spec.kind == "text":
                value = Text(arg.text, "ru")
            if value is not None:
                return [Role(prop, value)]
        return []

    def fact(self, extraction: Extraction, found: Found) -> Fact | None:
        mapping = self.maps.get(found.type)
        if mapping is None:
            return None
        roles: list[Role] = []
        for arg in found.args:
            roles += [r for r in self.roles(arg, mapping.roles.get(arg.role, ())) if r not in roles]
        article = self.corpus.articles[extraction.doc]
        cls = self.vocab.classes[mapping.cls]
        dated = {"date", "startDate"} & {r.name for r in roles}
        if self.vocab.is_subclass(cls, RG.Event) and not dated:
            roles.append(Role("date", article.date))  # as of the article: the text gives none
        roles.append(Role("confidence", Decimal(str(round(found.confidence, 2)))))
        if found.modality != "actual":
            roles.append(self.enum("modality", found.modality))
        if found.phase and "phase" in self.vocab.roles_of(cls):
            roles.append(self.enum("phase", found.phase))
        evidence = []
        for number in [found.sentence, *found.also]:
            sentence = extraction.sentences[number]
            quote = article.text[sentence.start:sentence.stop]
            evidence.append(Evidence(extraction.doc, quote, sentence.start, sentence.stop))
        digest = hashlib.sha1(repr(identity(found)).encode()).hexdigest()[:10]
        return Fact(id=f"x-{extraction.doc}-{found.type}-{digest}".lower(), cls=mapping.cls,
                    article=extraction.doc, roles=tuple(roles), evidence=tuple(evidence),
                    graph=GRAPH, generated_by=EXTRACTOR_VERSION,
                    note=f"Extracted by rule '{found.rule}'.")

    def enum(self, prop: str, notation: str) -> Role:
        """The member of the property's enumeration with this notation, as a role."""
        return Role(prop, EnumValue(str(members_of(self.vocab, self.vocab.properties[prop])[
            notation])))


def refs(fact: Fact) -> set[str]:
    return {r.value.id for r in fact.roles if isinstance(r.value, Ref)}


def corroborated(fact: Fact, curated: list[Fact]) -> Fact | None:
    """The curated fact of the same article and class that names every entity the extracted
    one names, if any."""
    names = refs(fact)
    for other in curated:
        if other.cls == fact.cls and names <= refs(other):
            return other
    return None


def add_extracted(corpus: Corpus, vocab: Vocabulary, extractions: list[Extraction],
                  registry: Registry, candidates: Candidates,
                  min_confidence: float = MIN_CONFIDENCE) -> None:
    """Add the facts of `extractions` at `min_confidence` or more, and the candidate entities
    they name, to `corpus`."""
    for extraction in extractions:  # workers made the candidates: make them here again
        for group in extraction.mentions:
            for mention in group:
                if mention.entity and mention.entity not in corpus.entities and \
                        mention.type in NER_CLASSES:
                    candidates.get(mention)
    convert = Converter(corpus, vocab, registry, candidates)
    curated_of: dict[str, list[Fact]] = {}
    for fact in corpus.facts.values():
        curated_of.setdefault(fact.article, []).append(fact)
    made: list[Fact] = []
    for extraction in extractions:
        curated = curated_of.get(extraction.doc, [])
        for found in extraction.facts:
            if found.confidence < min_confidence:
                continue
            fact = convert.fact(extraction, found)
            if fact is None or fact.id in corpus.facts or \
                    not complete(fact, convert.maps[found.type]):
                continue
            same = corroborated(fact, curated)
            if same is not None:
                confidence = next(r for r in fact.roles if r.name == "confidence")
                names = dict(same.labels or default_labels(same, corpus, vocab))
                labels = (("en", f"Extracted, corroborates: {names['en']}"),
                          ("ru", f"Извлечено, подтверждает: {names['ru']}"))
                fact = Fact(fact.id, "Fact", fact.article,
                            (Role("corroborates", Ref(same.id, "fact")), confidence),
                            fact.evidence, labels=labels, graph=GRAPH,
                            generated_by=fact.generated_by, note=fact.note)
            made.append(fact)
    used = {r.value.id for f in made for r in f.roles if isinstance(r.value, Ref)}
    for entity in candidates.entities():
        if entity.id in used and entity.id not in corpus.entities:
            corpus.entities[entity.id] = entity
    for fact in made:
        corpus.facts[fact.id] = fact


def complete(fact: Fact, mapping: Mapping) -> bool:
    """Whether a fact has the roles its mapping requires (the minimums of its SHACL shape that
    extraction can miss when a name is not an entity of the right class)."""
    names = [r.name for r in fact.roles]
    return all(sum(names.count(p) for p in props.split("|")) >= count
               for props, count in mapping.requires.items())

