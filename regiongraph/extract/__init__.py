"""Fact extraction from Russian news: Natasha NLP, entity resolution, relation rules.

`extract_text(doc, text, registry)` gives an `Extraction`; `records()` its benchmark JSON
lines; `to_facts()` the same facts in the one fact model, for the build.
"""

from .extractor import EXTRACTOR_VERSION, Extraction, extract_file, extract_text, jsonl, records
from .mentions import Candidates, Registry

__all__ = ["EXTRACTOR_VERSION", "Candidates", "Extraction", "Registry", "extract_file",
           "extract_text", "jsonl", "records"]
