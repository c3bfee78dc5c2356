"""Load and check all input data into a `Corpus`, stopping at the first bad entry.

Stage 1 of the build. Inputs: data/articles, data/entities, data/facts and the ontology.
Output: a Corpus whose every reference, date, quote and role has been checked.
Two passes: first every id with its class (facts may refer to entities and to other facts,
in any file), then every entry's roles.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from .config import Paths
from .errors import DataError
from .facts import build_fact, fact_class, read_fact_file
from .links import load_links
from .model import Corpus
from .registry import build_entity, check_id, entity_class, read_entries
from .roles import Context, check_verbatim
from .sources import load_articles
from .vocab import Vocabulary
from .yamlio import Node

ARTICLE_REFS = ("publisher", "author", "contributors")


def load_corpus(paths: Paths, vocab: Vocabulary) -> Corpus:
    corpus = Corpus()
    ids: dict[str, tuple[str, URIRef]] = {}
    seen: dict[str, tuple[Path, int | None]] = {}

    def claim(key: str, path: Path, item: Node) -> None:
        if key in seen:
            first, line = seen[key]
            raise DataError(path, f"duplicate id: already used at {first}:{line}", entry=key,
                            line=item.line)
        seen[key] = (path, item.line)

    articles = load_articles(paths.articles)
    entity_files = [(p, read_entries(p, "entities")) for p in sorted(paths.entities.glob("*.yaml"))]
    fact_files = [(p, *read_fact_file(p)) for p in sorted(paths.facts.glob("*.yaml"))]

    for path, items in entity_files:
        for item in items:
            claim(item["id"], path, item)
            ids[item["id"]] = ("entity", entity_class(path, item, vocab))
    by_article = {article.id: article for article, _ in articles}
    for path, article_id, items in fact_files:
        if article_id not in by_article:
            raise DataError(path, f"article '{article_id}' is not in data/articles/")
        for item in items:
            check_id(path, item)
            claim(str(item["id"]), path, item)
            ids[str(item["id"])] = ("fact", fact_class(path, item, vocab))

    for path, items in entity_files:
        for item in items:
            ctx = Context(vocab, ids, path, item["id"], item.line)
            corpus.entities[item["id"]] = build_entity(path, item, ctx)
    corpus.links = load_links(paths.links, {k: cls for k, (kind, cls) in ids.items()
                                            if kind == "entity"}, vocab)
    for article, meta in articles:
        _check_article_refs(article.path.with_suffix(".yaml"), article.id, meta, ids, vocab,
                            article.text)
        corpus.articles[article.id] = article
    for path, article_id, items in fact_files:
        article = by_article[article_id]
        for item in items:
            ctx = Context(vocab, ids, path, str(item["id"]), item.line, article.text,
                          article.language)
            corpus.facts[str(item["id"])] = build_fact(item, article, ctx)
    return corpus


def _check_article_refs(where: Path, article_id: str, meta: Node, ids: dict,
                        vocab: Vocabulary, text: str) -> None:
    """Metadata that names entities must name known ones, and its evidence must be verbatim."""
    for key in ARTICLE_REFS:
        values = meta.get(key) or []
        for value in values if isinstance(values, list) else [values]:
            if value not in ids or ids[value][0] != "entity":
                raise DataError(where, f"{key} '{value}' is not an entity of the registry",
                                entry=article_id, line=meta.line)
    evidence = meta.get("evidence") or {}
    if not isinstance(evidence, dict):
        raise DataError(where, "evidence must map a metadata key to its verbatim quote",
                        entry=article_id, line=meta.line)
    ctx = Context(vocab, ids, where, article_id, meta.line, text)
    for key, quote in evidence.items():
        if key not in ARTICLE_REFS:
            raise DataError(where, f"evidence for unknown key '{key}'", entry=article_id,
                            line=meta.line)
        check_verbatim(str(quote), ctx, what=f"evidence for {key}")
