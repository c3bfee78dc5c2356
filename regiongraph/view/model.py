"""The view model: the projection, its analytics and its layout as the JSON the page reads.

One dict, plain JSON types, in a stable order, so the page is deterministic and tests can
compare it. The schema is documented in page.py, which renders it.
"""

from __future__ import annotations

import math

from ..vocab import RG, Vocabulary
from .analytics import Analytics
from .projection import Projection

#: Shapes by the top class a class falls under (first match wins); facts are small diamonds.
SHAPES = ((RG.Fact, "diamond"), (RG.Person, "dot"), (RG.Place, "triangle"),
          (RG.Project, "star"), (RG.Organisation, "square"))
DEFAULT_SHAPE = "hexagon"
#: A qualitative palette (ColorBrewer Set1/Dark2/Paired colours), given to classes in name order.
PALETTE = ("#1f78b4", "#e31a1c", "#33a02c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3",
           "#fb9a99", "#b2df8a", "#fdbf6f", "#cab2d6", "#1b9e77", "#d95f02", "#7570b3",
           "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#17becf", "#bcbd22",
           "#8c564b", "#9467bd", "#2ca02c", "#d62728")


def view_model(projection: Projection, analytics: Analytics, vocab: Vocabulary,
               title: str) -> dict:
    graph = projection.graph
    ids = {node: f"n{number}" for number, node in enumerate(sorted(graph))}
    max_degree = max((d for _, d in graph.degree()), default=1) or 1
    classes = []
    for number, name in enumerate(sorted(projection.classes)):
        info = projection.classes[name]
        supers = vocab.superclasses(vocab.classes[name])
        shape = next((s for top, s in SHAPES if top in supers), DEFAULT_SHAPE)
        classes.append({**info, "color": PALETTE[number % len(PALETTE)], "shape": shape})

    facts_of: dict[str, list[str]] = {}  # entity IRI -> IRIs of the facts naming it
    nodes = []
    for node in sorted(graph):
        if graph.nodes[node]["kind"] == "fact":
            for target in graph.successors(node):
                facts_of.setdefault(target, []).append(node)
    for node in sorted(graph):
        data = graph.nodes[node]
        x, y = analytics.positions.get(node, (0.0, 0.0))
        degree = graph.degree(node)
        entity = data["kind"] == "entity"
        size = 10 + 30 * math.sqrt(degree / max_degree) if entity else 6.0
        articles = data["articles"] if not entity else sorted(
            {a for f in facts_of.get(node, []) for a in graph.nodes[f]["articles"]})
        nodes.append({
            "id": ids[node], "iri": node, "kind": data["kind"], "cls": data["cls"],
            "label": data["label"], "aliases": data["aliases"],
            "x": round(x, 2), "y": round(y, 2), "size": round(size, 2), "degree": degree,
            "betweenness": round(analytics.betweenness.get(node, 0.0), 6),
            "community": analytics.community.get(node, -1),
            "articles": articles, "start": data["start"], "end": data["end"],
            "links": [{"label": link, "href": link} for link in data["links"]],
            "attributes": data["attributes"], "quotes": data["quotes"],
            "lat": data.get("lat"), "lon": data.get("lon"),
            "facts": sorted({ids[f] for f in facts_of.get(node, [])}, key=_number)
            if entity else [],
        })
    edges = [{"id": f"e{number}", "from": ids[a], "to": ids[b], "label": data["label"],
              "fact": ids[data["fact"]] if data["fact"] else None}
             for number, (a, b, data) in enumerate(sorted(graph.edges(data=True),
                                                          key=lambda e: (e[0], e[1])))]
    collapsed = [{"id": f"c{number}", "from": ids[a], "to": ids[b], "label": data["label"],
                  "facts": sorted((ids[f] for f in data["facts"]), key=_number)}
                 for number, (a, b, data) in enumerate(
                     (a, b, d) for a, b, d in sorted(projection.collapsed.edges(data=True))
                     if d["facts"])]
    return {
        "meta": {"title": title, "nodeCount": len(nodes), "edgeCount": len(edges),
                 "betweennessSampled": analytics.sampled},
        "classes": classes,
        "articles": [projection.articles[key] for key in sorted(projection.articles)],
        "nodes": nodes, "edges": edges, "collapsed": collapsed,
    }


def _number(node_id: str) -> int:
    return int(node_id[1:])
