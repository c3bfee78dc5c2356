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

#: The named graph (and Entity.graph / Fact.graph) of the extractor's output; the same as
#: extract.tofacts.GRAPH, repeated so that the build imports the extractor only to run it.
EXTRACTED = "extracted"


@dataclass
class Compiled:
    """The checked data, its RDF dataset, the union of its graphs, and the vocabulary."""

    corpus: Corpus
    dataset: Dataset
    union: Graph
    vocab: Vocabulary
    fresh: list = field(default_factory=list)  # new extraction-cache entries, to store


@dataclass
class BuildResult:
    corpus: Corpus
    dataset: Dataset
    triples: int
    files: list[Path] = field(default_factory=list)
    extracted: bool = False  # whether the extractor ran, so "0 extracted" can be told apart

    def summary(self) -> str:
        """Entities and facts by class, triples, and where the files are.

        Curated and extracted counts are kept apart so that a reader never takes the
        extractor's unreviewed output for curated data: the first column counts the registry
        and data/facts/, a "+N" column what the extractor added. Extracted facts that only
        corroborate a curated fact add no fact of their own and are counted in the header only.
        """
        entities = self.corpus.entities.values()
        facts = self.corpus.facts.values()
        candidates = [e for e in entities if e.graph == EXTRACTED]
        extracted = [f for f in facts if f.graph == EXTRACTED]
        corroborating = {f.id for f in extracted if any(r.name == "corroborates" for r in f.roles)}
        entity_head = f"entities: {len(entities) - len(candidates)}"
        fact_head = f"facts: {len(facts) - len(extracted)}"
        if self.extracted:
            entity_head += f" (+{len(candidates)} candidates from extraction)"
            fact_head += (f" curated, {len(extracted)} extracted "
                          f"({len(corroborating)} corroborate curated facts)")
        lines = [f"articles: {len(self.corpus.articles)}", entity_head]
        lines += by_class([e.cls for e in entities if e.graph != EXTRACTED],
                          [e.cls for e in candidates])
        lines.append(fact_head)
        lines += by_class([f.cls for f in facts if f.graph != EXTRACTED],
                          [f.cls for f in extracted if f.id not in corroborating])
        lines.append(f"triples: {self.triples}")
        lines.extend(f"wrote {path}" for path in self.files)
        return "\n".join(lines)


def by_class(curated: list[str], extracted: list[str]) -> list[str]:
    """One line per class: the curated count, then "+N" when the extractor added N."""
    ours, theirs = Counter(curated), Counter(extracted)
    return [f"  {name:<24}{ours[name]:>5}" + (f"{'+' + str(theirs[name]):>6}"
                                              if theirs[name] else "")
            for name in sorted(ours | theirs)]


def compile_dataset(paths: Paths, extract: bool = True, jobs: int = 1) -> Compiled:
    """Stages 1-3: load and check the data, extract facts from the articles (unless
    `extract` is false), make the RDF, validate it against the shapes."""
    vocab = Vocabulary.load(paths.ontology)
    shapes = load_shapes(paths.shapes)
    corpus = load_corpus(paths, vocab)
    fresh = extract_corpus(corpus, vocab, jobs, cache_folder(paths)) if extract else []
    dataset = to_dataset(corpus, vocab)
    enriched = dataset.graph(GRAPH["enrichment"])
    for triple in enrichment(corpus.links):
        enriched.add(triple)
    union = union_graph(dataset)
    conforms, report_graph, report = validate(union, shapes)
    if not conforms:
        raise ValidationError(report, len(set(report_graph.subjects(SH.resultSeverity, None))))
    return Compiled(corpus, dataset, union, vocab, fresh)


def cache_folder(paths: Paths) -> Path:
    """Where extractions are cached: beside the outputs, written only by a build that
    succeeds."""
    return paths.out / ".cache" / "extract"


def extract_corpus(corpus: Corpus, vocab: Vocabulary, jobs: int = 1,
                   cache: Path | None = None, only: str | None = None) -> list:
    """Stage 2: the extractor's facts of every article (or of article `only`), into the
    `extracted` graph; articles whose extraction `cache` holds (same text, date, registry
    names and extractor) are not extracted again, and the lemmas it stored are not computed
    again. Returns the new cache entries."""
    from .extract import Candidates, Registry
    from .extract.cache import extract_cached, new_lemmas, recall_lemmas
    from .extract.tofacts import add_extracted

    stored = recall_lemmas(cache)
    registry = Registry.of(corpus.entities)
    items = [(a.id, a.text, a.date) for a in sorted(corpus.articles.values(), key=lambda a: a.id)
             if only is None or a.id == only]
    results, fresh = extract_cached(items, registry, cache, jobs)
    for result in results:
        if isinstance(result, Exception):
            raise result
    add_extracted(corpus, vocab, results, registry, Candidates())
    return fresh + new_lemmas(cache, stored)


def build(paths: Paths, write: bool = True, extract: bool = True,
          jobs: int = 1) -> BuildResult:
    """All stages. Stage 4 adds the analytics graph and renders the view and its exports."""
    compiled = compile_dataset(paths, extract, jobs)
    view = render_view(compiled.union, compiled.vocab, title=paths.root.resolve().name)
    analytics = compiled.dataset.graph(GRAPH["analytics"])
    for triple in view.analytics:
        analytics.add(triple)
        compiled.union.add(triple)
    result = BuildResult(compiled.corpus, compiled.dataset, len(compiled.union),
                         extracted=extract)
    if write:
        files = serialise(compiled.dataset, compiled.union)
        files.update(view.files(latest_date(compiled.corpus)))
        result.files = write_atomically(paths.out, files)
        from .extract.cache import store

        store(compiled.fresh)
    return result


def latest_date(corpus: Corpus) -> str:
    """The newest article's date as YYYY-MM-DD (first day of its month or year)."""
    dates = sorted(str(a.date) for a in corpus.articles.values()) or ["1970"]
    newest = dates[-1]
    return newest + "-01" * ((10 - len(newest)) // 3)
