"""Helpers the extraction tests share: the facts of a made-up text as (role, text) pairs, and
an occupation's arguments written out."""

from __future__ import annotations

from regiongraph.extract import extract_text


def facts(text: str, kind: str) -> list[list[tuple[str, str]]]:
    """The arguments (role, text) of every fact of a type, confidence threshold or not."""
    return [[(a.role, a.text) for a in f.args]
            for f in extract_text("t", text).facts if f.type == kind]


def posts(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(rule, [(role, text)]) of every occupation found, confidence threshold or not."""
    return [(f.rule, [(a.role, a.text) for a in f.args])
            for f in extract_text("t", text).facts if f.type == "occupation"]


def post(who: str, job: str, where: str | None = None) -> list[tuple[str, str]]:
    """An occupation's arguments: who, the job and, if given, where."""
    return [("who", who), ("job", job), *([("where", where)] if where else [])]
