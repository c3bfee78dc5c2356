"""Centrality, communities and layout of a projection, and their RDF for SPARQL.

Computed on the collapsed entity graph (entities joined by the facts they share), because
"who is central" is a question about actors, not about fact nodes. Exact betweenness costs
O(n·m) (363 s for 10,000 nodes on this machine), so past `EXACT_BETWEENNESS_LIMIT` nodes it is
estimated from a fixed-seed sample of pivots, as many as `BETWEENNESS_BUDGET` edge visits
allow (between `MIN_PIVOTS` and `MAX_PIVOTS`; 28 pivots for 12,000 entities and 23,000 edges,
5.4 s measured here), and the output says so. A sample finds the hubs; the exact order of
the long tail needs the exact figure. Everything is seeded: the same graph gives the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from ..config import BASE
from ..rdf import GRAPH
from ..vocab import PROV, RG
from .projection import Projection

SEED = 42
EXACT_BETWEENNESS_LIMIT = 2000
BETWEENNESS_BUDGET = 1_000_000  # pivots x (nodes + edges) of the entity graph
MIN_PIVOTS, MAX_PIVOTS = 16, 500
#: Up to this many nodes the whole projection gets a spring layout; past it, communities are
#: laid out as boxes and each fact sits among its entities. networkx switches to a much slower
#: optimiser for spring layouts of 500 nodes or more (8 s for 1,000 nodes here).
SPRING_LIMIT = 499
ANALYTICS = Namespace(BASE + "analytics/")


@dataclass
class Analytics:
    degree: dict[str, float]
    betweenness: dict[str, float]
    community: dict[str, int]
    pivots: int | None  # None: exact betweenness; else the number of sampled pivots
    positions: dict[str, tuple[float, float]]

    @property
    def sampled(self) -> bool:
        return self.pivots is not None


def pivots_for(graph: nx.Graph) -> int | None:
    """None for exact betweenness, else how many pivots the budget allows."""
    if len(graph) <= EXACT_BETWEENNESS_LIMIT:
        return None
    work = len(graph) + graph.number_of_edges()
    return max(MIN_PIVOTS, min(MAX_PIVOTS, BETWEENNESS_BUDGET // work))


def analyse(projection: Projection) -> Analytics:
    graph = projection.collapsed
    degree = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    pivots = pivots_for(graph)
    betweenness = nx.betweenness_centrality(graph, k=pivots, seed=SEED)
    communities = sorted(nx.community.louvain_communities(graph, seed=SEED),
                         key=lambda c: (-len(c), min(c)))
    community = {node: number for number, members in enumerate(communities) for node in members}
    return Analytics(degree, betweenness, community, pivots, layout(projection, community))


def layout(projection: Projection, community: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node of the projection."""
    graph = projection.graph
    if len(graph) == 0:
        return {}
    scale = 120 * math.sqrt(len(graph))
    if len(graph) <= SPRING_LIMIT:
        raw = nx.spring_layout(graph.to_undirected(as_view=True), seed=SEED, iterations=50)
        return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in sorted(raw.items())}
    positions = _community_boxes(projection.collapsed, community, scale)
    for node, data in sorted(graph.nodes(data=True)):
        if data["kind"] == "fact":
            around = [positions[t] for t in graph.successors(node) if t in positions]
            x, y = (sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(
                around)) if around else (0.0, 0.0)
            angle = hash_angle(node)
            positions[node] = (x + 25 * math.cos(angle), y + 25 * math.sin(angle))
    return positions


def hash_angle(node: str) -> float:
    """A stable pseudo-random angle for a node (Python's hash() changes between runs)."""
    return (sum(ord(c) * (i + 1) for i, c in enumerate(node)) % 360) * math.pi / 180


def _community_boxes(graph: nx.Graph, community: dict[str, int], scale: float) -> dict:
    groups: dict[int, list[str]] = {}
    for node in sorted(graph):
        groups.setdefault(community[node], []).append(node)
    columns = max(1, math.ceil(math.sqrt(len(groups))))
    cell = scale * 2 / columns
    positions = {}
    for number, members in sorted(groups.items()):
        cx = (number % columns + 0.5) * cell - scale
        cy = (number // columns + 0.5) * cell - scale
        radius = cell * 0.4
        if len(members) <= 300:
            raw = nx.spring_layout(graph.subgraph(members), seed=SEED, iterations=30)
        else:  # big communities: a sunflower spiral, deterministic and O(n)
            golden = math.pi * (3 - math.sqrt(5))
            raw = {n: (math.sqrt((i + 0.5) / len(members)) * math.cos(i * golden),
                       math.sqrt((i + 0.5) / len(members)) * math.sin(i * golden))
                   for i, n in enumerate(members)}
        for node, (x, y) in raw.items():
            positions[node] = (cx + float(x) * radius, cy + float(y) * radius)
    return positions


def to_rdf(analytics: Analytics) -> Graph:
    """The analytics as triples: one named graph SPARQL can ask for the most central actors."""
    graph = Graph()
    run = ANALYTICS["centrality"]
    graph.add((run, RDF.type, PROV.Activity))
    graph.add((run, RDFS.label, Literal("Центральность и сообщества", lang="ru")))
    graph.add((run, RDFS.label, Literal("Centrality and communities", lang="en")))
    betweenness = (f"estimated from {analytics.pivots} sampled pivots" if analytics.sampled
                   else "exact")
    method = (f"networkx degree centrality, betweenness centrality ({betweenness}, seed {SEED}) "
              f"and Louvain communities (seed {SEED}) on the entity graph in which facts join "
              "the entities they name")
    graph.add((run, RDFS.comment, Literal(method, lang="en")))
    graph.add((GRAPH["analytics"], PROV.wasGeneratedBy, run))
    for node in sorted(analytics.degree):
        subject = URIRef(node)
        graph.add((subject, RG.degreeCentrality, _decimal(analytics.degree[node])))
        graph.add((subject, RG.betweennessCentrality, _decimal(analytics.betweenness[node])))
        graph.add((subject, RG.community, Literal(analytics.community[node],
                                                  datatype=XSD.integer)))
    return graph


def _decimal(value: float) -> Literal:
    return Literal(f"{value:.6f}", datatype=XSD.decimal)
