"""The interactive view: projection, analytics, the offline page and the graph exports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import UsageError
from ..outputs import write_atomically
from ..validate import union_graph
from ..vocab import Vocabulary
from .analytics import Analytics, analyse, to_rdf
from .export import gexf, graphml
from .model import view_model
from .page import render_page
from .projection import Projection, project


@dataclass
class View:
    projection: Projection
    analytics_result: Analytics
    model: dict
    html: str

    @property
    def analytics(self) -> Graph:
        return to_rdf(self.analytics_result)

    def files(self, date: str) -> dict[str, bytes]:
        """The page and the exports by file name; `date` dates the GEXF header."""
        return {"graph.html": self.html.encode("utf-8"), "graph.graphml": graphml(self.model),
                "graph.gexf": gexf(self.model, date)}


def render_view(graph: Graph, vocab: Vocabulary, title: str) -> View:
    projection = project(graph, vocab)
    analytics = analyse(projection)
    model = view_model(projection, analytics, vocab, title)
    return View(projection, analytics, model, render_page(model, title))


def view_file(data: Path, ontology: Path, target: Path) -> View:
    """`regiongraph view`: the page of a graph file, written atomically to `target`."""
    if not data.exists():
        raise UsageError(f"no such data file: {data}")
    dataset = Dataset()
    dataset.parse(data)
    view = render_view(union_graph(dataset), Vocabulary.load(ontology), title=data.stem)
    write_atomically(target.parent, {target.name: view.html.encode("utf-8")})
    return view


__all__ = ["View", "render_view", "view_file"]
