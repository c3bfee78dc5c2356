"""External identifiers: data/links/*.yaml, checked links from entities to Wikidata, GeoNames
and ISO 3166.

    - entity: <entity-id>
      wikidata: {id: Q<number>, checked: "where this id was checked"}
      iso: {id: <ISO 3166 code>, checked: "..."}

Every identifier says where it was checked; a kind that only places have (GeoNames, ISO) on an
entity that is not a place is an error, as is an id of the wrong syntax.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import URIRef

from .config import LINK_KINDS
from .errors import DataError
from .model import ExternalLink
from .vocab import RG, Vocabulary
from .yamlio import Node, read_yaml


def load_links(folder: Path, entity_classes: dict[str, URIRef],
               vocab: Vocabulary) -> list[ExternalLink]:
    links: list[ExternalLink] = []
    seen: set[tuple[str, str]] = set()
    for path in sorted(folder.glob("*.yaml")):
        entries = read_yaml(path) or []
        if not isinstance(entries, list):
            raise DataError(path, "expected a list of {entity: ID, wikidata|geonames|iso: ...}")
        for entry in entries:
            links.extend(_entry(path, entry, entity_classes, vocab, seen))
    return links


def _entry(path: Path, entry: object, entity_classes: dict[str, URIRef], vocab: Vocabulary,
           seen: set[tuple[str, str]]) -> list[ExternalLink]:
    if not isinstance(entry, Node) or "entity" not in entry:
        raise DataError(path, "each link entry is a mapping with an 'entity'")
    entity = str(entry["entity"])

    def error(message: str, key: str | None = None) -> DataError:
        return DataError(path, message, entry=entity, line=entry.key_lines.get(key, entry.line))

    if entity not in entity_classes:
        raise error(f"unknown entity '{entity}': it is not in data/entities/", "entity")
    found = []
    for kind, value in entry.items():
        if kind == "entity":
            continue
        if kind not in LINK_KINDS:
            raise error(f"unknown link kind '{kind}' (known: {', '.join(LINK_KINDS)})", kind)
        spec = LINK_KINDS[kind]
        if not isinstance(value, dict) or not {"id", "checked"} <= set(value) <= {
                "id", "checked", "score"}:
            raise error(f"{kind} takes {{id: ..., checked: where it was checked}} (and, in a "
                        "review file, a score)", kind)
        key, checked = str(value["id"]), str(value["checked"] or "").strip()
        if not re.match(spec.pattern, key):
            raise error(f"{kind} id '{key}' is malformed (expected {spec.pattern})", kind)
        if not checked:
            raise error(f"{kind} id '{key}' does not say where it was checked", kind)
        if spec.places_only and not vocab.is_subclass(entity_classes[entity], RG.Place):
            raise error(f"{kind} ids are for places; '{entity}' is a "
                        f"{vocab.local(entity_classes[entity])}", kind)
        if (entity, kind) in seen:
            raise error(f"a second {kind} link for '{entity}'", kind)
        seen.add((entity, kind))
        found.append(ExternalLink(entity, kind, key, checked))
    return found
