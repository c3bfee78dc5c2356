"""graph:extracted on the seed build: the extractor's facts stay apart from the curated ones.

Analysts must be able to tell what a person checked from what a rule guessed, and to find and
redo every fact of an old extractor version. So each extracted fact carries one confidence and
its extraction run, lives only in graph:extracted, quotes its article verbatim, and a fact that
repeats a curated one only corroborates it. Candidate entities the extractor names are likewise
kept out of the registry. Exact counts are in tests/seed.py.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef, namespace

from regiongraph import Paths, compile_dataset
from regiongraph.config import ONTOLOGY_NS
from regiongraph.extract import EXTRACTOR_VERSION
from regiongraph.outputs import serialise
from regiongraph.rdf import ARTICLE, ENTITY, EXTRACTION, GRAPH
from regiongraph.validate import union_graph
from regiongraph.vocab import PROV, SCHEMA

from . import seed
from .conftest import ROOT

#: XSD datatypes, named through rdflib's namespace module: pytest probes every name a test
#: module holds, and rdflib's XSD namespace warns at a name it does not define.
DECIMAL = namespace.XSD.decimal

#: Open, unlike regiongraph.vocab.RG (the terms the code uses): tests name any ontology term.
RG = Namespace(ONTOLOGY_NS)

#: What a corroboration may say: that it corroborates, how sure, who made it, and its evidence.
CORROBORATION_PREDICATES = {RDF.type, RDFS.label, RDFS.comment, RG.corroborates, RG.confidence,
                            PROV.wasGeneratedBy, PROV.wasDerivedFrom, PROV.qualifiedDerivation}

#: Candidate id prefixes by class (regiongraph/extract/mentions.py names them).
CANDIDATE_PREFIXES = {"Person": "x-per-", "Organisation": "x-org-", "Territory": "x-loc-",
                      "Post": "x-post-", "Product": "x-product-"}


@pytest.fixture(scope="module")
def dataset(built) -> Dataset:
    return Dataset().parse(built / "graph.nq", format="nquads")


@pytest.fixture(scope="module")
def extracted(dataset) -> Graph:
    return dataset.graph(GRAPH["extracted"])


@pytest.fixture(scope="module")
def curated(dataset) -> Graph:
    return dataset.graph(GRAPH["curated"])


def facts_of(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(PROV.wasDerivedFrom, None) if isinstance(s, URIRef)}


def local(node: URIRef) -> str:
    return str(node).rsplit("/", 1)[1].rsplit("#", 1)[-1]


def test_the_extracted_graph_holds_the_extracted_facts(extracted):
    facts = facts_of(extracted)
    assert len(facts) == seed.EXTRACTED_FACTS
    assert all(local(f).startswith("x-") for f in facts)
    classes = Counter(local(extracted.value(f, RDF.type)) for f in facts)
    assert classes == Counter({"Fact": seed.CORROBORATING, **seed.NEW_FACTS})


def test_every_extracted_fact_has_one_confidence_from_0_to_1(extracted):
    for fact in facts_of(extracted):
        (confidence,) = extracted.objects(fact, RG.confidence)
        assert isinstance(confidence, Literal) and confidence.datatype == DECIMAL, fact
        assert Decimal(0) <= confidence.toPython() <= Decimal(1), fact


def test_every_extracted_fact_was_generated_by_this_extractor_version(extracted):
    run = EXTRACTION[EXTRACTOR_VERSION]
    for fact in facts_of(extracted):
        assert list(extracted.objects(fact, PROV.wasGeneratedBy)) == [run], fact
    assert set(extracted.objects(run, RDF.type)) == {RG.ExtractionRun}
    assert list(extracted.objects(run, SCHEMA.softwareVersion)) == [Literal(EXTRACTOR_VERSION)]
    assert list(extracted.objects(run, RDFS.label)) == [
        Literal(f"regiongraph extract {EXTRACTOR_VERSION}", lang="en")]
    assert set(extracted.subjects(RDF.type, RG.ExtractionRun)) == {run}


def test_curated_and_extracted_facts_never_share_a_node(dataset, curated, extracted):
    extracted_nodes = set(extracted.subjects())
    assert extracted_nodes.isdisjoint(curated.subjects())
    for name in ("registry", "sources", "links", "enrichment"):
        assert extracted_nodes.isdisjoint(dataset.graph(GRAPH[name]).subjects()), name
    # and curated facts carry no extractor's marks
    assert not list(curated.triples((None, RG.confidence, None)))
    assert not list(curated.triples((None, PROV.wasGeneratedBy, None)))
    assert not list(curated.triples((None, RG.corroborates, None)))


def test_a_corroboration_points_to_a_curated_fact_of_its_own_article(curated, extracted):
    pairs = sorted(extracted.subject_objects(RG.corroborates))
    assert len(pairs) == seed.CORROBORATING
    assert len({fact for fact, _ in pairs}) == seed.CORROBORATING  # one target each
    for fact, target in pairs:
        assert target in facts_of(curated), (fact, target)
        (article,) = extracted.objects(fact, PROV.wasDerivedFrom)
        assert list(curated.objects(target, PROV.wasDerivedFrom)) == [article], (fact, target)
        assert set(extracted.objects(fact, RDF.type)) == {RG.Fact}, fact
        assert set(extracted.predicates(fact)) <= CORROBORATION_PREDICATES, fact


def test_every_extracted_quote_is_verbatim_at_its_offsets(extracted):
    texts = {p.stem: p.read_text(encoding="utf-8")
             for p in (ROOT / "data" / "articles").glob("*.txt")}
    for fact in facts_of(extracted):
        (article,) = extracted.objects(fact, PROV.wasDerivedFrom)
        evidence = list(extracted.objects(fact, PROV.qualifiedDerivation))
        assert evidence, fact  # corroborations too: they quote what they saw
        for derivation in evidence:
            assert extracted.value(derivation, PROV.entity) == article
            text = texts[str(article)[len(str(ARTICLE)):]]
            start = int(extracted.value(derivation, RG.startOffset))
            end = int(extracted.value(derivation, RG.endOffset))
            assert text[start:end] == str(extracted.value(derivation, RG.quote)), (fact, start)


def test_candidate_entities_live_only_in_the_extracted_graph(dataset, extracted):
    candidates = {s for s in extracted.subjects(RDF.type, None)
                  if str(s).startswith(str(ENTITY))}
    by_class = Counter(local(extracted.value(c, RDF.type)) for c in candidates)
    assert by_class == Counter(seed.CANDIDATES)
    for candidate in candidates:
        cls = local(extracted.value(candidate, RDF.type))
        assert local(candidate).startswith(CANDIDATE_PREFIXES[cls]), candidate
    registry = dataset.graph(GRAPH["registry"])
    assert not any(local(s).startswith("x-") for s in registry.subjects())
    analytics = {RG.degreeCentrality, RG.betweennessCentrality, RG.community}
    for graph in dataset.graphs():
        if graph.identifier in (GRAPH["extracted"], GRAPH["analytics"]):
            continue
        mentioned = {t for triple in graph for t in triple} & candidates
        assert mentioned == set(), graph.identifier
    analysed = dataset.graph(GRAPH["analytics"])
    for candidate in candidates:  # the network's measures of a candidate, and nothing else
        assert set(analysed.predicates(candidate)) <= analytics, candidate


def test_extraction_in_worker_processes_gives_the_same_graph():
    """Workers make candidates in their own processes; the build makes them again, so the
    dataset must not depend on how many workers there were."""
    one, two = (compile_dataset(Paths.at(ROOT), jobs=jobs) for jobs in (1, 2))
    assert serialise(one.dataset, one.union)["graph.nq"] == serialise(
        two.dataset, two.union)["graph.nq"]
    assert len(union_graph(one.dataset)) == len(one.union)
