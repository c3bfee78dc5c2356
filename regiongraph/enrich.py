"""Enrichment from linked datasets (placeholder until implemented: adds nothing)."""

from __future__ import annotations

from rdflib import Graph

from .model import ExternalLink


def enrichment(links: list[ExternalLink]) -> Graph:
    return Graph()
