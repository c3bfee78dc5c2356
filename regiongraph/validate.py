"""SHACL validation with pySHACL: stage 3 of the build.

A function returning (conforms, report graph, report text), like pySHACL's own entry point,
so tests can inspect results and the CLI can print the text.
"""

from __future__ import annotations

from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph

from .errors import DataError


def load_shapes(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # any parser error means the shapes file is broken
        raise DataError(path, f"cannot parse the SHACL shapes: {exc}") from None


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs in one graph: shapes see ontology and data together."""
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate(data: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    conforms, report_graph, report_text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    return bool(conforms), report_graph, str(report_text)
