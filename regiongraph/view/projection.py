"""The RDF graph projected onto a networkx graph: the shape the view and the analytics read.

Input: the union graph of a build (rdflib) and the ontology. Output: a `Projection` whose
`graph` is a networkx DiGraph with one node per entity and one per fact (n-ary facts stay
nodes, so their time and quotes stay attached), edges from a fact to every entity or fact in
its roles and between entities for their static relations (locatedIn, partOf, ...), and
`collapsed`, the entity–entity graph in which each fact becomes edges between the entities it
joins. Which nodes are entities or facts, and what an edge is called, come from the ontology.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from ..config import ARTICLE_NS
from ..vocab import DCTERMS, PROV, RG, SCHEMA, Vocabulary

LANGS = ("ru", "en")
#: Properties whose values are dates of a fact: the first found is its start, the second its end.
START_PROPERTIES = ("date", "startDate", "plannedDate", "plannedStart")
END_PROPERTIES = ("endDate", "plannedEnd")


@dataclass
class Projection:
    """The projected graph plus what the page needs that is not a node or an edge."""

    graph: nx.DiGraph
    collapsed: nx.Graph
    articles: dict[str, dict] = field(default_factory=dict)
    classes: dict[str, dict] = field(default_factory=dict)


def labels(graph: Graph, node: URIRef, prop: URIRef = RDFS.label) -> dict[str, str]:
    found = {}
    for value in graph.objects(node, prop):
        if isinstance(value, Literal) and value.language in LANGS:
            found.setdefault(value.language, str(value))
    return found


def project(graph: Graph, vocab: Vocabulary) -> Projection:
    """Project the union graph of a build. Deterministic: nodes are added in IRI order."""
    fact_classes = {iri: name for name, iri in vocab.fact_classes.items()}
    entity_classes = {iri: name for name, iri in vocab.entity_classes.items()}
    kinds: dict[URIRef, tuple[str, str]] = {}
    for subject, cls in graph.subject_objects(RDF.type):
        if cls in fact_classes:
            kinds[subject] = ("fact", fact_classes[cls])
        elif cls in entity_classes and subject not in kinds:
            kinds[subject] = ("entity", entity_classes[cls])

    result = Projection(nx.DiGraph(), nx.Graph())
    for article in sorted(graph.subjects(RDF.type, RG.NewsArticle)):
        key = str(article)[len(ARTICLE_NS):]
        result.articles[key] = {"id": key, "title": str(graph.value(article, DCTERMS.title)),
                                "date": str(graph.value(article, DCTERMS.date))}
    for node in sorted(kinds):
        kind, cls = kinds[node]
        cls_iri = vocab.classes[cls]
        result.classes.setdefault(cls, {"id": cls, "kind": kind, "label": {
            lang: vocab.label(cls_iri, lang) for lang in LANGS}})
        attrs = _fact_attributes(graph, node, vocab) if kind == "fact" else _entity_attributes(
            graph, node, vocab)
        result.graph.add_node(str(node), kind=kind, cls=cls, label=_label(graph, node), **attrs)

    for node in sorted(kinds):
        for prop, value in sorted(graph.predicate_objects(node)):
            if value in kinds and str(prop).startswith(str(RG)) and value != node:
                name = vocab.local(prop)
                result.graph.add_edge(str(node), str(value), role=name, label={
                    lang: vocab.label(prop, lang) for lang in LANGS},
                    fact=str(node) if kinds[node][0] == "fact" else None)
    _collapse(result, kinds, vocab)
    return result


def _label(graph: Graph, node: URIRef) -> dict[str, str]:
    found = labels(graph, node)
    fallback = found.get("ru") or found.get("en") or str(node).rsplit("/", 1)[-1]
    return {lang: found.get(lang, fallback) for lang in LANGS}


def _entity_attributes(graph: Graph, node: URIRef, vocab: Vocabulary) -> dict:
    aliases = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)})
    links = sorted(str(o) for p in (OWL.sameAs, RDFS.seeAlso, SCHEMA.url)
                   for o in graph.objects(node, p) if str(o).startswith(("http://", "https://")))
    lat, lon = _coordinates(graph, node)
    return {"aliases": aliases, "links": links, "articles": [], "quotes": [],
            "attributes": _enriched(graph, node, vocab, lat, lon), "start": None, "end": None,
            "lat": lat, "lon": lon}


#: Values of graph:enrichment and graph:links an entity's panel lists, in this order.
ENRICHED = (RG.population, RG.isoCode, RG.isoAlpha3, RG.isoName, RG.isoOfficialName,
            RG.isoCommonName)


def _coordinates(graph: Graph, node: URIRef) -> tuple[float | None, float | None]:
    """schema:latitude and schema:longitude as WGS 84 degrees, or (None, None) unless the node
    has one number of each within range: the map places nothing it cannot place right."""
    values = []
    for prop, limit in ((SCHEMA.latitude, 90), (SCHEMA.longitude, 180)):
        found = [v for v in graph.objects(node, prop) if isinstance(v, Literal)]
        try:
            value = float(found[0].toPython()) if len(found) == 1 else None
        except (TypeError, ValueError):
            value = None
        if value is None or not -limit <= value <= limit:
            return None, None
        values.append(value)
    return values[0], values[1]


def _enriched(graph: Graph, node: URIRef, vocab: Vocabulary, lat: float | None,
              lon: float | None) -> list[dict]:
    """Population, ISO codes and names, coordinates, and the package releases they came from."""
    found = [{"label": {lang: vocab.label(prop, lang) for lang in LANGS}, "value": str(value)}
             for prop in ENRICHED for value in sorted(graph.objects(node, prop))]
    if lat is not None and lon is not None:
        found.append({"label": {"ru": "координаты", "en": "coordinates"},
                      "value": f"{lat}, {lon}"})
    sources = sorted({str(graph.value(source, RDFS.label) or source)
                      for record in graph.subjects(RG.enrichedEntity, node)
                      for source in graph.objects(record, DCTERMS.source)})
    if sources:
        found.append({"label": {"ru": "источник данных", "en": "data from"},
                      "value": ", ".join(sources)})
    return found


def _fact_attributes(graph: Graph, node: URIRef, vocab: Vocabulary) -> dict:
    def first(names: tuple[str, ...]) -> str | None:
        for name in names:
            value = graph.value(node, vocab.iri(name))
            if value is not None:
                return str(value)
        return None

    start = first(START_PROPERTIES)
    quotes = []
    for derivation in graph.objects(node, PROV.qualifiedDerivation):
        article = str(graph.value(derivation, PROV.entity))[len(ARTICLE_NS):]
        quotes.append({"article": article, "text": str(graph.value(derivation, RG.quote)),
                       "start": int(graph.value(derivation, RG.startOffset)),
                       "end": int(graph.value(derivation, RG.endOffset))})
    quotes.sort(key=lambda q: (q["article"], q["start"], q["end"]))
    return {"aliases": [], "links": [], "quotes": quotes,
            "articles": sorted({str(a)[len(ARTICLE_NS):]
                                for a in graph.objects(node, PROV.wasDerivedFrom)}),
            "attributes": _attributes(graph, node, vocab),
            "start": start, "end": first(END_PROPERTIES) or start}


def _attributes(graph: Graph, node: URIRef, vocab: Vocabulary) -> list[dict]:
    """Values that are not links to other nodes: enumerations, money, text, notes."""
    found = []
    for prop, value in sorted(graph.predicate_objects(node)):
        if prop == RDFS.comment:
            name = {"ru": "примечание", "en": "note"}
        elif str(prop).startswith(str(RG)) and vocab.local(prop) in vocab.properties:
            name = {lang: vocab.label(prop, lang) for lang in LANGS}
        else:
            continue
        kind = vocab.properties.get(vocab.local(prop))
        if kind is not None and kind.kind == "enum":
            text = labels(graph, value).get("ru") or str(value)
        elif kind is not None and kind.kind == "money":
            text = f"{graph.value(value, SCHEMA.value)} {graph.value(value, SCHEMA.currency)}"
        elif isinstance(value, Literal) and (kind is None or kind.kind in ("text", "date")):
            text = str(value)
        else:
            continue
        found.append({"label": name, "value": text})
    return found


def _collapse(result: Projection, kinds: dict, vocab: Vocabulary) -> None:
    """Each fact becomes edges between every pair of the entities it joins."""
    collapsed = result.collapsed
    entities = sorted(str(n) for n, (kind, _) in kinds.items() if kind == "entity")
    collapsed.add_nodes_from(entities)
    joined: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, data in result.graph.nodes(data=True):
        if data["kind"] != "fact":
            continue
        members = sorted({t for t in result.graph.successors(node)
                          if result.graph.nodes[t]["kind"] == "entity"})
        for i, left in enumerate(members):
            for right in members[i + 1:]:
                joined[(left, right)].append(node)
    for (left, right), facts in sorted(joined.items()):
        first = result.graph.nodes[facts[0]]
        label = result.classes[first["cls"]]["label"]
        collapsed.add_edge(left, right, facts=facts, label=label)
    for left, right, data in result.graph.edges(data=True):
        if data["fact"] is None and not collapsed.has_edge(left, right):
            collapsed.add_edge(left, right, facts=[], label=data["label"])
