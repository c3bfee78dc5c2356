"""The projection, analytics and exports behind the view, on the seed graph."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from regiongraph import Paths, compile_dataset
from regiongraph.view import render_view
from regiongraph.view.analytics import EXACT_BETWEENNESS_LIMIT, analyse
from regiongraph.view.export import gexf, graphml
from regiongraph.view.projection import Projection

from . import seed
from .conftest import ROOT

ID = "https://w3id.org/regiongraph/id/"
FACT = "https://w3id.org/regiongraph/fact/"


@pytest.fixture(scope="module")
def view():
    compiled = compile_dataset(Paths.at(ROOT))
    return render_view(compiled.union, compiled.vocab, title="seed")


def test_projection_has_a_node_per_entity_and_fact(view):
    """Candidates and new extracted facts are drawn; a corroboration (typed only rg:Fact) is
    not: it adds no fact, and its curated fact is already there."""
    kinds = nx.get_node_attributes(view.projection.graph, "kind")
    assert sum(k == "entity" for k in kinds.values()) == (
        seed.ENTITIES + sum(seed.CANDIDATES.values()))
    assert sum(k == "fact" for k in kinds.values()) == (
        seed.CURATED_FACTS + sum(seed.NEW_FACTS.values()))
    assert view.model["meta"]["nodeCount"] == seed.VIEW_NODES


def test_a_post_holding_is_a_fact_node_joining_its_roles(view):
    graph = view.projection.graph
    fact = FACT + "tsivilev-governor-2024"
    roles = {(target.rsplit("/", 1)[1], data["label"]["ru"])
             for _, target, data in graph.out_edges(fact, data=True)}
    assert roles == {("sergey-tsivilev", "занимающий должность"), ("governor", "должность"),
                     ("kuzbass", "организация или регион")}
    node = graph.nodes[fact]
    assert node["quotes"] == [{"article": "003_5f773bcd8c98d1a8",
                               "text": "губернатор Кузбасса Сергей Цивилев",
                               "start": 103, "end": 137}]


def test_static_relations_are_entity_edges(view):
    data = view.projection.graph.edges[ID + "kemerovo", ID + "kuzbass"]
    assert (data["role"], data["fact"]) == ("locatedIn", None)


def test_collapsing_joins_the_entities_of_a_fact(view):
    collapsed = view.projection.collapsed
    edge = collapsed.edges[ID + "dmitry-krutoi", ID + "sergey-tsivilev"]
    assert FACT + "meeting-tsivilev-krutoi-2024" in edge["facts"]
    assert all(view.projection.graph.nodes[n]["kind"] == "entity" for n in collapsed)


def test_the_most_central_actors_are_the_two_partners(view):
    top = sorted(view.analytics_result.betweenness,
                 key=lambda n: -view.analytics_result.betweenness[n])[:2]
    assert top == [ID + "belarus", ID + "kuzbass"]
    assert not view.analytics_result.sampled


def test_betweenness_is_sampled_past_the_limit():
    graph = nx.path_graph(EXACT_BETWEENNESS_LIMIT + 1)
    collapsed = nx.relabel_nodes(graph, {n: f"n{n:05d}" for n in graph})
    projection = Projection(nx.DiGraph(), collapsed)
    projection.graph.add_nodes_from(collapsed, kind="entity")
    assert analyse(projection).sampled


def test_analytics_triples_for_sparql(view):
    triples = {(s.rsplit("/", 1)[-1], p.rsplit("#", 1)[-1], str(o))
               for s, p, o in view.analytics if s.startswith(ID + "belarus")}
    assert {p for _, p, _ in triples} == {"degreeCentrality", "betweennessCentrality",
                                          "community"}


def test_exports_are_deterministic_and_readable(view):
    assert graphml(view.model) == graphml(view.model)
    first = gexf(view.model, "2025-06-01")
    assert b'lastmodifieddate="2025-06-01"' in first
    assert first == gexf(view.model, "2025-06-01")
    read = nx.read_graphml(io.BytesIO(graphml(view.model)))
    assert (read.number_of_nodes(), read.number_of_edges()) == (seed.VIEW_NODES,
                                                                seed.VIEW_EDGES)
    node = next(n for n, d in read.nodes(data=True) if d["iri"] == ID + "kuzbass")
    assert read.nodes[node]["label_en"] == "Kuzbass"
    gexf_read = nx.read_gexf(io.BytesIO(first))
    assert gexf_read.number_of_nodes() == seed.VIEW_NODES
