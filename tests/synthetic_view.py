"""Synthetic view models of any size, for the large-graph page test and bench/bench_view.py."""

from __future__ import annotations


def synthetic_model(fixture: dict, entities: int, facts: int, edges: int) -> dict:
    """A view model of the given size, laid out like the real one: edges join near neighbours.

    Entities sit on a jittered grid; each fact sits between two neighbouring entities and
    names them; static relations join grid neighbours until there are `edges` edges.
    """
    width = max(1, round(entities**0.5))
    kinds = {kind: [c["id"] for c in fixture["classes"] if c["kind"] == kind]
             for kind in ("entity", "fact")}
    articles = [{"id": f"a{i}", "title": f"Статья {i}", "date": f"2024-{i % 12 + 1:02d}"}
                for i in range(max(2, facts // 30))]

    def node(i: int, kind: str, x: float, y: float) -> dict:
        return {"id": f"n{i}", "iri": f"https://w3id.org/regiongraph/id/s{i}", "kind": kind,
                "cls": kinds[kind][i % len(kinds[kind])],
                "label": {"ru": f"Узел {i}", "en": f"Node {i}"}, "aliases": [],
                "x": x, "y": y, "size": 12.0 if kind == "entity" else 6.0, "degree": 2,
                "betweenness": 0.0, "community": 0, "articles": [], "start": None, "end": None,
                "links": [], "attributes": [], "quotes": [], "facts": []}

    nodes = [node(i, "entity", (i % width) * 80 + (i * 37 % 23), (i // width) * 80 + (i * 53 % 29))
             for i in range(entities)]
    links, collapsed = [], []
    for j in range(facts):
        a = j * 7919 % entities
        b = (a + 1) % entities
        fact = node(entities + j, "fact", (nodes[a]["x"] + nodes[b]["x"]) / 2,
                    (nodes[a]["y"] + nodes[b]["y"]) / 2 + 15)
        article = articles[j % len(articles)]
        quote = {"article": article["id"], "text": f"Цитата {j}", "start": 0, "end": 9}
        fact |= {"articles": [article["id"]], "start": article["date"], "end": article["date"],
                 "quotes": [quote]}
        nodes.append(fact)
        for member in (a, b):
            links.append({"id": f"e{len(links)}", "from": fact["id"], "to": f"n{member}",
                          "label": {"ru": "участник", "en": "participant"}, "fact": fact["id"]})
            nodes[member]["facts"].append(fact["id"])
            nodes[member]["articles"] = sorted({*nodes[member]["articles"], article["id"]})
        collapsed.append({"id": f"c{j}", "from": f"n{a}", "to": f"n{b}", "facts": [fact["id"]],
                          "label": {"ru": "встреча", "en": "meeting"}})
    k = 0
    while len(links) < edges:
        a, k = k % entities, k + 1
        b = (a + width) % entities
        links.append({"id": f"e{len(links)}", "from": f"n{a}", "to": f"n{b}",
                      "label": {"ru": "расположен в", "en": "located in"}, "fact": None})
    return {"meta": {"title": "synthetic", "nodeCount": len(nodes), "edgeCount": len(links),
                     "betweennessSampled": True},
            "classes": fixture["classes"], "articles": articles, "nodes": nodes,
            "edges": links, "collapsed": collapsed}
