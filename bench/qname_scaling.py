"""Why Turtle/TriG serialisation grows quadratically with the number of facts.

    python bench/qname_scaling.py [K ...]      # default: 1000 2000 4000 8000

rdflib's Turtle and TriG serialisers abbreviate every IRI through
NamespaceManager.compute_qname(), which files each IRI's namespace (the IRI up to its last
'/' or '#') in a trie. rdf.py used to mint one evidence node per quote as
`fact/<fact-id>/evidence/<n>` (and money as `fact/<fact-id>/investment/<n>`), so every fact adds
its own namespace `fact/<fact-id>/evidence/` below `fact/`. rdflib.namespace.insert_trie() and
get_longest_namespace() scan all the children of a trie node, so each new fact costs time in
proportion to the facts before it: O(facts^2) over a serialisation. The same number of nodes
named `fact/<fact-id>.evidence.<n>` (what rdf.py mints now) share the namespace `fact/` and
serialise in linear time.

This script times Graph.serialize(format="turtle") for K facts with each IRI shape.
"""

from __future__ import annotations

import sys
import time

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import PROV

FACT = Namespace("https://w3id.org/regiongraph/fact/")


def timed(k: int, nested: bool) -> float:
    graph = Graph()
    graph.bind("fact", FACT)
    graph.bind("prov", PROV)
    for i in range(k):
        fact = FACT[f"f{i}"]
        evidence = FACT[f"f{i}/evidence/1"] if nested else FACT[f"f{i}.evidence.1"]
        graph.add((fact, PROV.qualifiedDerivation, evidence))
        graph.add((evidence, PROV.entity, Literal(i)))
    began = time.perf_counter()
    graph.serialize(format="turtle")
    return time.perf_counter() - began


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000, 2000, 4000, 8000]
    print(f"{'facts':>7}  {'fact/<id>/evidence/1':>21}  {'fact/<id>.evidence.1':>21}")
    for k in sizes:
        print(f"{k:>7}  {timed(k, True):>20.2f}s  {timed(k, False):>20.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
