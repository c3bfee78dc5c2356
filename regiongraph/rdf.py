"""Facts to RDF: the one place that makes triples.

Stage 2 of the build. Input: a checked Corpus and the ontology. Output: an rdflib Dataset
with one named graph each for the ontology, the entity registry, the sources (articles) and
the curated facts. Every fact node is typed by its ontology class, carries its roles, its
labels, and its provenance: prov:wasDerivedFrom its article and one prov:Derivation per quote
(rg:quote, rg:startOffset, rg:endOffset). No blank nodes: every node has a stable IRI, so
outputs are deterministic and facts can be cited.

A fact's parts are named `<fact>.evidence.<n>` and `<fact>.investment.<n>`, not with another
"/": rdflib's Turtle writer makes every distinct "folder" of IRIs a namespace and looks each
IRI up among them, which made writing quadratic in the number of facts (bench/qname_scaling.py:
15.6 s against 1.0 s for 8,000 facts). A "." cannot occur in an id, so these never clash.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import to_canonical_graph

from .config import (
    ARTICLE_NS,
    ENRICHMENT_NS,
    ENTITY_NS,
    EXTRACTION_NS,
    FACT_NS,
    GRAPH_NS,
    LINK_KINDS,
    LINK_NS,
    ONTOLOGY_NS,
)
from .dates import Point
from .model import Article, Corpus, Entity, EnumValue, ExternalLink, Fact, Money, Ref, Role, Text
from .vocab import DCTERMS, PROV, RG, SCHEMA, Vocabulary

ENTITY = Namespace(ENTITY_NS)
FACT = Namespace(FACT_NS)
ARTICLE = Namespace(ARTICLE_NS)
GRAPH = Namespace(GRAPH_NS)
LINK = Namespace(LINK_NS)
ENRICHMENT = Namespace(ENRICHMENT_NS)
EXTRACTION = Namespace(EXTRACTION_NS)

PREFIXES = {
    "rg": ONTOLOGY_NS, "id": ENTITY_NS, "fact": FACT_NS, "article": ARTICLE_NS,
    "graph": GRAPH_NS, "link": LINK_NS, "enrichment": ENRICHMENT_NS,
    "extraction": EXTRACTION_NS,
    "wd": "http://www.wikidata.org/entity/", "schema": str(SCHEMA), "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS), "org": "http://www.w3.org/ns/org#", "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": str(RDFS), "xsd": str(XSD), "time": "http://www.w3.org/2006/time#",
}


def bind_prefixes(graph: Graph | Dataset) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


def iri_of(ref: Ref) -> URIRef:
    return ENTITY[ref.id] if ref.kind == "entity" else FACT[ref.id]


def to_dataset(corpus: Corpus, vocab: Vocabulary) -> Dataset:
    dataset = Dataset()
    bind_prefixes(dataset)
    ontology = dataset.graph(GRAPH["ontology"])
    # The ontology has blank nodes (an owl:unionOf list); canonical labels keep outputs stable.
    for triple in to_canonical_graph(vocab.graph):
        ontology.add(triple)
    for entity in corpus.entities.values():
        add_entity(dataset.graph(GRAPH[entity.graph]), entity, vocab)
    sources = dataset.graph(GRAPH["sources"])
    for article in corpus.articles.values():
        add_article(sources, article)
    for fact in corpus.facts.values():
        add_fact(dataset.graph(GRAPH[fact.graph]), fact, corpus, vocab)
    links = dataset.graph(GRAPH["links"])
    for link in corpus.links:
        add_link(links, link)
    return dataset


def add_link(graph: Graph, link: ExternalLink) -> None:
    """The link itself (owl:sameAs, or rg:isoCode for a code) and a node saying where it was
    checked, so that every external identifier stays traceable."""
    entity = ENTITY[link.entity]
    template = LINK_KINDS[link.kind].iri
    check = link_check(link)
    graph.add((check, RDF.type, RG.LinkCheck))
    graph.add((check, RG.linkedEntity, entity))
    graph.add((check, RDFS.comment, Literal(f"{link.kind} {link.id} checked against: "
                                            f"{link.checked}", lang="en")))
    if template is None:
        graph.add((entity, RG.isoCode, Literal(link.id)))
        graph.add((check, RG.isoCode, Literal(link.id)))
    else:
        target = URIRef(template.format(link.id))
        graph.add((entity, OWL.sameAs, target))
        graph.add((check, RG.linkedTo, target))


def link_check(link: ExternalLink) -> URIRef:
    """The node that records where an external identifier was checked."""
    return LINK[f"{link.entity}.{link.kind}"]


def add_entity(graph: Graph, entity: Entity, vocab: Vocabulary) -> None:
    node = ENTITY[entity.id]
    cls = vocab.classes[entity.cls]
    graph.add((node, RDF.type, cls))
    for lang, label in entity.labels:
        graph.add((node, RDFS.label, Literal(label, lang=lang)))
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias, lang="ru")))
    scheme = vocab.graph.value(cls, RG.conceptScheme)
    if scheme is not None:
        graph.add((node, SKOS.inScheme, scheme))
        for lang, label in entity.labels:
            graph.add((node, SKOS.prefLabel, Literal(label, lang=lang)))
    if entity.note:
        graph.add((node, RDFS.comment, Literal(entity.note, lang="en")))
    add_roles(graph, node, entity.roles, vocab)


def add_article(graph: Graph, article: Article) -> None:
    node = ARTICLE[article.id]
    graph.add((node, RDF.type, RG.NewsArticle))
    graph.add((node, DCTERMS.title, Literal(article.title, lang=article.language)))
    graph.add((node, RDFS.label, Literal(article.title, lang=article.language)))
    graph.add((node, DCTERMS.date, date_literal(article.date)))
    graph.add((node, DCTERMS.language, Literal(article.language)))
    graph.add((node, SCHEMA.articleBody, Literal(article.text, lang=article.language)))
    if article.publisher:
        graph.add((node, DCTERMS.publisher, ENTITY[article.publisher]))
    if article.author:
        graph.add((node, DCTERMS.creator, ENTITY[article.author]))
    for contributor in article.contributors:
        graph.add((node, DCTERMS.contributor, ENTITY[contributor]))
    if article.url:
        graph.add((node, SCHEMA.url, URIRef(article.url)))
    if article.note:
        graph.add((node, RDFS.comment, Literal(article.note, lang="en")))


def add_fact(graph: Graph, fact: Fact, corpus: Corpus, vocab: Vocabulary) -> None:
    node = FACT[fact.id]
    graph.add((node, RDF.type, vocab.classes[fact.cls]))
    for lang, label in fact.labels or default_labels(fact, corpus, vocab):
        graph.add((node, RDFS.label, Literal(label, lang=lang)))
    if fact.note:
        graph.add((node, RDFS.comment, Literal(fact.note, lang="en")))
    add_roles(graph, node, fact.roles, vocab)
    if fact.generated_by:
        run = EXTRACTION[fact.generated_by]
        graph.add((node, PROV.wasGeneratedBy, run))
        graph.add((run, RDF.type, RG.ExtractionRun))
        graph.add((run, RDFS.label, Literal(f"regiongraph extract {fact.generated_by}",
                                            lang="en")))
        graph.add((run, SCHEMA.softwareVersion, Literal(fact.generated_by)))
    article = ARTICLE[fact.article]
    graph.add((node, PROV.wasDerivedFrom, article))
    for number, evidence in enumerate(fact.evidence, start=1):
        derivation = FACT[f"{fact.id}.evidence.{number}"]
        graph.add((node, PROV.qualifiedDerivation, derivation))
        graph.add((derivation, RDF.type, PROV.Derivation))
        graph.add((derivation, PROV.entity, article))
        lang = corpus.articles[fact.article].language
        graph.add((derivation, RG.quote, Literal(evidence.quote, lang=lang)))
        for prop, offset in ((RG.startOffset, evidence.start), (RG.endOffset, evidence.end)):
            graph.add((derivation, prop, Literal(offset, datatype=XSD.nonNegativeInteger)))


def add_roles(graph: Graph, node: URIRef, roles: tuple[Role, ...], vocab: Vocabulary) -> None:
    amounts = 0
    for role in roles:
        prop = vocab.iri(role.name)
        value = role.value
        if isinstance(value, Ref):
            graph.add((node, prop, iri_of(value)))
        elif isinstance(value, EnumValue):
            graph.add((node, prop, URIRef(value.iri)))
        elif isinstance(value, Text):
            graph.add((node, prop, Literal(value.value, lang=value.lang)))
        elif isinstance(value, Point):
            graph.add((node, prop, date_literal(value)))
        elif isinstance(value, Decimal):
            graph.add((node, prop, decimal_literal(value)))
        elif isinstance(value, Money):
            amounts += 1
            amount = URIRef(f"{node}.{role.name}.{amounts}")
            graph.add((node, prop, amount))
            graph.add((amount, RDF.type, SCHEMA.MonetaryAmount))
            graph.add((amount, SCHEMA.value, decimal_literal(value.amount)))
            graph.add((amount, SCHEMA.currency, Literal(value.currency)))
        else:  # a Period never reaches here: roles.py splits it into start/end/precision
            raise TypeError(f"no RDF form for {value!r}")


def decimal_literal(amount: Decimal) -> Literal:
    """xsd:decimal in canonical form ("1200000000.0"), the form Turtle writes back, so every
    output format carries the same literal."""
    text = format(amount.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def date_literal(point: Point) -> Literal:
    return Literal(str(point), datatype=XSD[point.xsd])


def default_labels(fact: Fact, corpus: Corpus, vocab: Vocabulary) -> list[tuple[str, str]]:
    """A readable label from the fact's class and the entities it names, in role order."""
    labels = []
    for lang in ("en", "ru"):
        names: list[str] = []
        for role in fact.roles:
            value = role.value
            if isinstance(value, Ref) and value.kind == "entity":
                name = corpus.entities[value.id].label(lang)
                if name not in names:
                    names.append(name)
        head = vocab.label(vocab.classes[fact.cls], lang)
        labels.append((lang, f"{head}: {', '.join(names[:4])}" if names else head))
    return labels
