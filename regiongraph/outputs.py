"""Serialise the dataset deterministically and write the files atomically: stage 4.

Determinism: no blank nodes exist (rdf.py mints IRIs), N-Quads lines are sorted, Turtle and
TriG come from rdflib's sorted serialisers, JSON-LD is re-emitted with sorted nodes and keys.
Atomicity: every output is serialised in memory first; only then is each file written to a
temporary name in the output folder and renamed over the old one, so a failed build leaves
the previous outputs as they were.
"""

from __future__ import annotations

import json
import os
import tempfile
from io import BytesIO
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from .rdf import PREFIXES, bind_prefixes

FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld")


def serialise(dataset: Dataset, union: Graph) -> dict[str, bytes]:
    """Every output's bytes by file name."""
    bind_prefixes(union)
    nquads = dataset.serialize(format="nquads")
    lines = sorted(line for line in nquads.splitlines() if line.strip())
    return {
        "graph.ttl": union.serialize(format="turtle").encode("utf-8"),
        "graph.trig": trig(dataset),
        "graph.nq": ("\n".join(lines) + "\n").encode("utf-8"),
        "graph.jsonld": jsonld(dataset),
    }


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer visits graphs in set order; sort them by name for stable output."""

    def __init__(self, store: Dataset) -> None:
        super().__init__(store)
        self.contexts.sort(key=lambda graph: str(graph.identifier))


def trig(dataset: Dataset) -> bytes:
    stream = BytesIO()
    _SortedTrigSerializer(dataset).serialize(stream, encoding="utf-8")
    return stream.getvalue()


def jsonld(dataset: Dataset) -> bytes:
    """JSON-LD with named graphs, compacted with our prefixes, nodes sorted by @id."""
    raw = json.loads(dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
    return (json.dumps(_sorted(raw), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _sorted(value: object) -> object:
    """Sort every JSON array except RDF lists (@list), whose order is data."""
    if isinstance(value, dict):
        return {key: item if key == "@list" else _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


def write_atomically(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in sorted(files.items()):
        target = folder / name
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        written.append(target)
    return written
