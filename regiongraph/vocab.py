"""The ontology as a closed vocabulary: which classes and roles data may use, and how.

The loader never knows a fact kind by name: it asks this module whether a class exists,
whether a role applies to it, and what its values must be (by the property's range).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD, DefinedNamespace

from .config import ONTOLOGY_NS
from .errors import DataError

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")


class RG(DefinedNamespace):
    """The ontology terms the Python code itself uses; a test checks each exists in ontology/."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    Fact: URIRef
    Person: URIRef
    Place: URIRef
    Project: URIRef
    Organisation: URIRef
    NewsArticle: URIRef
    TemporalValue: URIRef
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    verbatim: URIRef
    intervalStart: URIRef
    intervalEnd: URIRef
    intervalPrecision: URIRef
    conceptScheme: URIRef
    DatePrecision: URIRef
    LinkCheck: URIRef
    linkedEntity: URIRef
    linkedTo: URIRef
    isoCode: URIRef
    isoAlpha3: URIRef
    isoName: URIRef
    isoOfficialName: URIRef
    isoCommonName: URIRef
    population: URIRef
    EnrichmentRecord: URIRef
    enrichedEntity: URIRef
    enrichedProperty: URIRef
    wikidataClass: URIRef
    degreeCentrality: URIRef
    betweennessCentrality: URIRef
    community: URIRef
    ExtractionRun: URIRef
    Event: URIRef


#: How a property's values are written in data, decided by its range.
KINDS = ("ref", "enum", "date", "text", "money", "literal")


@dataclass(frozen=True)
class Property:
    """An ontology property as the loader sees it."""

    name: str
    iri: URIRef
    domains: frozenset[URIRef]
    ranges: frozenset[URIRef]
    kind: str
    verbatim: bool = False
    interval: tuple[URIRef, URIRef, URIRef] | None = None  # start, end, precision properties


class Vocabulary:
    """Classes, properties and enumerations read from the ontology graph."""

    def __init__(self, graph: Graph, path: Path) -> None:
        self.graph = graph
        self.path = path

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        graph = Graph()
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser types; all mean a bad file
            raise DataError(path, f"cannot parse the ontology: {exc}") from None
        return cls(graph, path)

    def iri(self, local: str) -> URIRef:
        return URIRef(ONTOLOGY_NS + local)

    def local(self, iri: URIRef) -> str:
        text = str(iri)
        return text[len(ONTOLOGY_NS):] if text.startswith(ONTOLOGY_NS) else text

    @cached_property
    def classes(self) -> dict[str, URIRef]:
        """Our own classes by local name."""
        return {self.local(c): c for c in self.graph.subjects(RDF.type, OWL.Class)
                if isinstance(c, URIRef) and str(c).startswith(ONTOLOGY_NS)}

    def superclasses(self, cls: URIRef) -> set[URIRef]:
        """The class and all its superclasses (reflexive, transitive)."""
        return set(self.graph.transitive_objects(cls, RDFS.subClassOf))

    def is_subclass(self, cls: URIRef, of: URIRef) -> bool:
        return of in self.superclasses(cls)

    @cached_property
    def enumerations(self) -> dict[URIRef, dict[str, URIRef]]:
        """Classes whose individuals the ontology lists, each: notation -> individual."""
        result: dict[URIRef, dict[str, URIRef]] = {}
        for cls in self.classes.values():
            members = {str(self.graph.value(ind, SKOS.notation)): ind
                       for ind in self.graph.subjects(RDF.type, cls)
                       if self.graph.value(ind, SKOS.notation) is not None}
            if members:
                result[cls] = members
        return result

    @cached_property
    def fact_classes(self) -> dict[str, URIRef]:
        return {name: c for name, c in self.classes.items()
                if c != RG.Fact and self.is_subclass(c, RG.Fact)}

    @cached_property
    def entity_classes(self) -> dict[str, URIRef]:
        """Classes the registry may use: ours, except enumerations, records with provenance
        (prov:Entity: facts, articles, link checks) and activities (prov:Activity: extraction
        runs), which the build makes from other files."""
        return {name: c for name, c in self.classes.items()
                if not self.is_subclass(c, PROV.Entity) and not self.is_subclass(c, PROV.Activity)
                and c not in self.enumerations}

    @cached_property
    def properties(self) -> dict[str, Property]:
        result = {}
        for kind_type in (OWL.ObjectProperty, OWL.DatatypeProperty):
            for prop in self.graph.subjects(RDF.type, kind_type):
                if isinstance(prop, URIRef) and str(prop).startswith(ONTOLOGY_NS):
                    result[self.local(prop)] = self._property(prop)
        return result

    def _property(self, prop: URIRef) -> Property:
        g = self.graph
        domains = frozenset(g.objects(prop, RDFS.domain)) | frozenset(
            g.objects(prop, SCHEMA.domainIncludes))
        ranges = frozenset(g.objects(prop, RDFS.range)) | frozenset(
            g.objects(prop, SCHEMA.rangeIncludes))
        interval = None
        start = g.value(prop, RG.intervalStart)
        if start is not None:
            interval = (start, g.value(prop, RG.intervalEnd), g.value(prop, RG.intervalPrecision))
        return Property(self.local(prop), prop, domains, ranges, self._kind(ranges),
                        g.value(prop, RG.verbatim) == Literal(True), interval)

    def _kind(self, ranges: frozenset[URIRef]) -> str:
        if RG.TemporalValue in ranges:
            return "date"
        if RDF.langString in ranges:
            return "text"
        if SCHEMA.MonetaryAmount in ranges:
            return "money"
        if ranges and all(r in self.enumerations for r in ranges):
            return "enum"
        if ranges and all(str(r).startswith(str(XSD)) for r in ranges):
            return "literal"
        return "ref"

    def roles_of(self, cls: URIRef) -> dict[str, Property]:
        """Properties whose domain includes the class or one of its superclasses."""
        supers = self.superclasses(cls)
        return {name: p for name, p in self.properties.items() if p.domains & supers}

    def wikidata_classes(self, cls: URIRef) -> frozenset[str]:
        """QIDs of the Wikidata classes (rg:wikidataClass) the class aligns with: its own, else
        those of its nearest superclass that names some; empty when none does."""
        for current in self.graph.transitive_objects(cls, RDFS.subClassOf):
            found = {str(q).rsplit("/", 1)[-1] for q in self.graph.objects(current,
                                                                          RG.wikidataClass)}
            if found:
                return frozenset(found)
        return frozenset()

    def label(self, iri: URIRef, lang: str = "en") -> str:
        for value in self.graph.objects(iri, RDFS.label):
            if isinstance(value, Literal) and value.language == lang:
                return str(value)
        return self.local(iri)
