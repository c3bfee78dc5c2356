"""Curated facts: data/facts/<article-id>.yaml, one file per article.

    article: <article-id>
    facts:
      - id: <fact-id>                  # unique across all facts and entities
        class: PostHolding             # a kind of fact of the ontology
        holder: <person-id>            # roles: ontology property names, values entity ids
        post: <post-id>
        organisation: <region-id>
        quote: <passage of the article> # verbatim; a list for several passages
        label: {ru: ..., en: ...}      # optional; a label is made from the roles otherwise
        note: ...                      # optional, English
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .errors import DataError
from .model import Article, Evidence, Fact
from .roles import Context, check_verbatim, resolve_roles
from .vocab import Vocabulary
from .yamlio import Node, read_yaml

RESERVED = {"id", "class", "quote", "label", "note"}


def read_fact_file(path: Path) -> tuple[str, list[Node]]:
    """The article id and the raw fact entries of one file."""
    data = read_yaml(path)
    if not isinstance(data, Node) or "article" not in data or "facts" not in data:
        raise DataError(path, "a facts file is a mapping with 'article' and 'facts'")
    entries = data["facts"] or []
    if not isinstance(entries, list) or not all(isinstance(e, Node) for e in entries):
        raise DataError(path, "'facts' must be a list of mappings", line=data.line)
    return str(data["article"]), entries


def fact_class(path: Path, item: Node, vocab: Vocabulary):
    name = item.get("class")
    if name not in vocab.fact_classes:
        hint = ("it is a kind of entity: put it in data/entities/" if name in
                vocab.entity_classes else f"known: {', '.join(sorted(vocab.fact_classes))}")
        raise DataError(path, f"unknown fact class '{name}' ({hint})", entry=item["id"],
                        line=item.line)
    return vocab.fact_classes[name]


def build_fact(item: Node, article: Article, ctx: Context) -> Fact:
    quotes = item.get("quote")
    quotes = quotes if isinstance(quotes, list) else [quotes]
    if not quotes or not all(isinstance(q, str) and q.strip() for q in quotes):
        raise ctx.error("a fact needs a 'quote': the verbatim passage of its article")
    evidence = []
    at_quote = replace(ctx, line=item.key_lines.get("quote", item.line))
    for quote in quotes:
        start = check_verbatim(quote, at_quote)
        evidence.append(Evidence(article.id, quote, start, start + len(quote)))
    labels = item.get("label") or {}
    if not isinstance(labels, dict):
        raise ctx.error("label must be a mapping of language to text")
    cls = ctx.vocab.fact_classes[item["class"]]
    return Fact(
        id=str(item["id"]), cls=item["class"], article=article.id,
        roles=resolve_roles(item, cls, RESERVED, ctx), evidence=tuple(evidence),
        labels=tuple(sorted((lang, str(text)) for lang, text in labels.items())),
        note=item.get("note"))
