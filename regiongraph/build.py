"""The build as named stages: load and check -> RDF -> SHACL -> analytics and view -> write.

Each stage is a library function; `build()` runs them in order and returns a summary. Nothing
is written unless every stage before writing succeeded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import SH, Dataset, Graph

from .config import Paths
from .enrich import enrichment
from .errors import ValidationError
from .loader import load_corpus
from .model import Corpus
from .outputs import serialise, write_atomically
from .rdf import GRAPH, to_dataset
from .validate import load_shapes, union_graph, validate
from .view import render_view
from .vocab import Vocabulary


@dataclass
class Compiled:
    """The checked data, its RDF dataset, the union of its graphs, and the vocabulary."""

    corpus: Corpus
    dataset: Dataset
    union: Graph
    vocab: Vocabulary


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


def compile_dataset(paths: Paths, extract: bool = True, jobs: int = 1) -> Compiled:
    """Stages 1-3: load and check the data, extract facts from the articles (unless
    `extract` is false), make the RDF, validate it against the shapes."""
    vocab = Vocabulary.load(paths.ontology)
    shapes = load_shapes(paths.shapes)
    corpus = load_corpus(paths, vocab)
    if extract:
        extract_corpus(corpus, vocab, jobs)
    dataset = to_dataset(corpus, vocab)
    enriched = dataset.graph(GRAPH["enrichment"])
    for triple in enrichment(corpus.links):
        enriched.add(triple)
    union = union_graph(dataset)
    conforms, report_graph, report = validate(union, shapes)
    if not conforms:
        raise ValidationError(report, len(set(report_graph.subjects(SH.resultSeverity, None))))
    return Compiled(corpus, dataset, union, vocab)


def extract_corpus(corpus: Corpus, vocab: Vocabulary, jobs: int = 1) -> None:
    """Stage 2: the extractor's facts of every article, into the `extracted` graph."""
    from .extract import Candidates, Registry
    from .extract.run import extract_files
    from .extract.tofacts import add_extracted

    registry = Registry.of(corpus.entities)
    items = [(a.id, a.text, a.date) for a in sorted(corpus.articles.values(), key=lambda a: a.id)]
    extractions = []
    for _item, result in extract_files(items, registry, jobs):
        if isinstance(result, Exception):
            raise result
        extractions.append(result)
    add_extracted(corpus, vocab, extractions, registry, Candidates())


def build(paths: Paths, write: bool = True, extract: bool = True,
          jobs: int = 1) -> BuildResult:
    """All stages. Stage 4 adds the analytics graph and renders the view and its exports."""
    compiled = compile_dataset(paths, extract, jobs)
    view = render_view(compiled.union, compiled.vocab, title=paths.root.resolve().name)
    analytics = compiled.dataset.graph(GRAPH["analytics"])
    for triple in view.analytics:
        analytics.add(triple)
        compiled.union.add(triple)
    result = BuildResult(compiled.corpus, compiled.dataset, len(compiled.union))
    if write:
        files = serialise(compiled.dataset, compiled.union)
        files.update(view.files(latest_date(compiled.corpus)))
        result.files = write_atomically(paths.out, files)
    return result


def latest_date(corpus: Corpus) -> str:
    """The newest article's date as YYYY-MM-DD (first day of its month or year)."""
    dates = sorted(str(a.date) for a in corpus.articles.values()) or ["1970"]
    newest = dates[-1]
    return newest + "-01" * ((10 - len(newest)) // 3)
