"""The build as named stages: load and check -> RDF -> SHACL -> write.

Each stage is a library function; `build()` runs them in order and returns a summary. Nothing
is written unless every stage before writing succeeded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import SH, Dataset, Graph

from .config import Paths
from .errors import ValidationError
from .loader import load_corpus
from .model import Corpus
from .outputs import serialise, write_atomically
from .rdf import to_dataset
from .validate import load_shapes, union_graph, validate
from .vocab import Vocabulary


@dataclass
class BuildResult:
    corpus: Corpus
    dataset: Dataset
    triples: int
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """Entities and facts by class, triples, and where the files are."""
        lines = [f"articles: {len(self.corpus.articles)}"]
        for title, counts in (
            ("entities", Counter(e.cls for e in self.corpus.entities.values())),
            ("facts", Counter(f.cls for f in self.corpus.facts.values())),
        ):
            lines.append(f"{title}: {sum(counts.values())}")
            lines.extend(f"  {name:<24}{count:>5}" for name, count in sorted(counts.items()))
        lines.append(f"triples: {self.triples}")
        lines.extend(f"wrote {path}" for path in self.files)
        return "\n".join(lines)


def compile_dataset(paths: Paths) -> tuple[Corpus, Dataset, Graph]:
    """Stages 1-3: load and check the data, make the RDF, validate it against the shapes."""
    vocab = Vocabulary.load(paths.ontology)
    shapes = load_shapes(paths.shapes)
    corpus = load_corpus(paths, vocab)
    dataset = to_dataset(corpus, vocab)
    union = union_graph(dataset)
    conforms, report_graph, report = validate(union, shapes)
    if not conforms:
        raise ValidationError(report, len(set(report_graph.subjects(SH.resultSeverity, None))))
    return corpus, dataset, union


def build(paths: Paths, write: bool = True) -> BuildResult:
    corpus, dataset, union = compile_dataset(paths)
    result = BuildResult(corpus, dataset, len(union))
    if write:
        result.files = write_atomically(paths.out, serialise(dataset, union))
    return result
