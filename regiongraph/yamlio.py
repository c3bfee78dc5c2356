"""YAML reading that keeps line numbers, so errors can point at the entry that is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


class Node(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key (1-based)."""

    line: int | None = None
    key_lines: dict[str, int]


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """Safe loader whose mappings are `Node`s and whose dates stay strings (we parse them)."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    loader.flatten_mapping(node)
    result = Node()
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DataError(loader.name, f"duplicate key '{key}'",
                            line=key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates are data with a precision ("2025-06" is a month): keep every scalar that looks like a
# timestamp as the string the curator wrote.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a DataError with the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                        "save the file as UTF-8") from None
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(path, f"malformed YAML: {exc.problem or exc.context}", line=line) from None
    finally:
        loader.dispose()
