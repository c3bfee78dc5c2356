"""Configuration resolved in one place: IRIs of the published graph and the project's paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Everything regiongraph publishes lives under this base (a w3id.org persistent identifier).
BASE = "https://w3id.org/regiongraph/"
ONTOLOGY_NS = BASE + "ontology#"
ENTITY_NS = BASE + "id/"
FACT_NS = BASE + "fact/"
ARTICLE_NS = BASE + "article/"
GRAPH_NS = BASE + "graph/"


@dataclass(frozen=True)
class Paths:
    """Where a project's inputs and outputs are; `root` holds ontology/ and data/."""

    root: Path
    out: Path

    @classmethod
    def at(cls, root: Path | str | None = None, out: Path | str | None = None) -> Paths:
        base = Path(root) if root is not None else find_root()
        return cls(root=base, out=Path(out) if out is not None else base / "out")

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "regiongraph.ttl"

    @property
    def shapes(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def articles(self) -> Path:
        return self.root / "data" / "articles"

    @property
    def entities(self) -> Path:
        return self.root / "data" / "entities"

    @property
    def facts(self) -> Path:
        return self.root / "data" / "facts"

    @property
    def queries(self) -> Path:
        return self.root / "queries"


def find_root(start: Path | None = None) -> Path:
    """The project folder: the current directory or its nearest parent with ontology/ and data/,
    else the checkout this package was installed from (editable install)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "ontology").is_dir() and (folder / "data").is_dir():
            return folder
    return Path(__file__).resolve().parent.parent
