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
LINK_NS = BASE + "link/"
ENRICHMENT_NS = BASE + "enrichment/"
EXTRACTION_NS = BASE + "extraction/"


@dataclass(frozen=True)
class LinkKind:
    """A kind of external identifier: its syntax, the IRI it names (None: a code literal), and
    whether only places have one."""

    pattern: str
    iri: str | None
    places_only: bool


#: External identifiers data/links/ may give, by key.
LINK_KINDS = {
    "wikidata": LinkKind(r"^Q[1-9][0-9]*$", "http://www.wikidata.org/entity/{}", False),
    "geonames": LinkKind(r"^[1-9][0-9]*$", "https://sws.geonames.org/{}/", True),
    "iso": LinkKind(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$", None, True),
}


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
    def links(self) -> Path:
        return self.root / "data" / "links"

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
