"""GraphML and GEXF exports of the projection, for Gephi, yEd, Cytoscape and networkx users.

Both carry the same nodes and edges as the page, with scalar attributes only (labels per
language, class, kind, position, size, centralities, community). networkx writes nodes in
insertion order, which the projection fixes; GEXF's header date is set from the data, not
from the clock, so exports are deterministic.
"""

from __future__ import annotations

import io
import re

import networkx as nx


def export_graph(model: dict) -> nx.DiGraph:
    graph = nx.DiGraph()
    for node in model["nodes"]:
        graph.add_node(node["id"], iri=node["iri"], kind=node["kind"], cls=node["cls"],
                       label=node["label"]["ru"], label_ru=node["label"]["ru"],
                       label_en=node["label"]["en"], x=node["x"], y=node["y"],
                       size=node["size"], degree=node["degree"],
                       betweenness=node["betweenness"], community=node["community"],
                       start=node["start"] or "", end=node["end"] or "")
    for edge in model["edges"]:
        graph.add_edge(edge["from"], edge["to"], id=edge["id"], label=edge["label"]["ru"],
                       label_ru=edge["label"]["ru"], label_en=edge["label"]["en"],
                       fact=edge["fact"] or "")
    return graph


def graphml(model: dict) -> bytes:
    stream = io.BytesIO()
    nx.write_graphml(export_graph(model), stream, encoding="utf-8")
    return stream.getvalue()


def gexf(model: dict, date: str) -> bytes:
    """GEXF 1.2; `date` (YYYY-MM-DD) replaces the clock's date in the header."""
    stream = io.BytesIO()
    nx.write_gexf(export_graph(model), stream, encoding="utf-8")
    return re.sub(rb'lastmodifieddate="[0-9-]+"', f'lastmodifieddate="{date}"'.encode(),
                  stream.getvalue(), count=1)
