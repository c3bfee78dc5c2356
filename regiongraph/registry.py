"""The entity registry: data/entities/*.yaml, one entry per real thing.

Each entry: `id` (stable slug), `class` (an entity class of the ontology), `label` with `ru`
and `en`, `aliases` (every surface form met in articles, inflections included), an optional
`note`, and ontology roles such as `locatedIn` or `partOf`.
"""

from __future__ import annotations

from pathlib import Path

from .errors import DataError
from .model import Entity
from .roles import ID_PATTERN, Context, resolve_roles
from .vocab import Vocabulary
from .yamlio import Node, read_yaml

RESERVED = {"id", "class", "label", "aliases", "note"}
LANGUAGES = ("en", "ru")


def read_entries(path: Path, what: str) -> list[Node]:
    """A data file's entries: a YAML list of mappings, each with an `id`."""
    data = read_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError(path, f"expected a list of {what}")
    for item in data:
        if not isinstance(item, Node):
            raise DataError(path, f"each of the {what} must be a mapping, got '{item}'")
        check_id(path, item)
    return data


def check_id(path: Path, item: Node) -> str:
    key = item.get("id")
    if key is None:
        raise DataError(path, "entry without an 'id'", line=item.line)
    if not ID_PATTERN.match(str(key)):
        raise DataError(path, "id must be a slug of a-z, 0-9, '-', '_'", entry=str(key),
                        line=item.line)
    return str(key)


def entity_class(path: Path, item: Node, vocab: Vocabulary):
    name = item.get("class")
    if name not in vocab.entity_classes:
        hint = ("it is a kind of fact: put it in data/facts/" if name in vocab.fact_classes
                else f"known: {', '.join(sorted(vocab.entity_classes))}")
        raise DataError(path, f"unknown entity class '{name}' ({hint})", entry=item["id"],
                        line=item.line)
    return vocab.entity_classes[name]


def build_entity(path: Path, item: Node, ctx: Context) -> Entity:
    labels = item.get("label")
    if not isinstance(labels, dict) or any(not labels.get(lang) for lang in LANGUAGES):
        raise ctx.error("label must give both 'ru' and 'en'")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list):
        raise ctx.error("aliases must be a list of surface forms")
    cls = ctx.vocab.entity_classes[item["class"]]
    return Entity(
        id=str(item["id"]), cls=item["class"],
        labels=tuple(sorted((lang, str(text)) for lang, text in labels.items())),
        aliases=tuple(str(a) for a in aliases),
        roles=resolve_roles(item, cls, RESERVED, ctx), note=item.get("note"))
