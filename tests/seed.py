"""What the seed build holds, in one place: curated counts, and what the extractor adds.

The curated numbers change only with data/. The extracted ones change whenever the extractor's
rules or word lists do (regiongraph/extract/): after such a change, rebuild, check the new
numbers against `regiongraph build`'s summary and the extracted graph, update them here and
regenerate tests/gold/ (see tests/test_queries.py). Tests assert exact values so that an
unintended change to the extractor's output shows up as a failing test, not as a silent drift.
"""

from __future__ import annotations

#: Entities of the registry and curated facts (data/).
ENTITIES = 95
CURATED_FACTS = 69

# The extracted numbers below were taken with extractor version 0.1.0+41871c46.

#: Candidate entities the extractor names (ids "x-<kind>-..."), by class.
CANDIDATES: dict[str, int] = {"Product": 1}

#: Extracted facts that say something no curated fact says, by class.
NEW_FACTS: dict[str, int] = {"Deal": 1, "TradeFlow": 2}

#: Extracted facts that only corroborate a curated fact of the same article.
CORROBORATING = 21

#: All extracted fact nodes: new facts and corroborations.
EXTRACTED_FACTS = sum(NEW_FACTS.values()) + CORROBORATING

#: Triples in the union of all graphs, with and without extraction (`build --no-extract`).
TRIPLES = 3686
TRIPLES_CURATED = 3312

#: Nodes and edges of the view's network (entities and facts; corroborations are not drawn).
VIEW_NODES = ENTITIES + sum(CANDIDATES.values()) + CURATED_FACTS + sum(NEW_FACTS.values())
VIEW_EDGES = 305

#: Facts drawn for the article 000_7bb269fab435b68d (the page's article filter).
FACTS_OF_ARTICLE_000 = 22

#: Rows of queries/provenance.rq: one per quote of a curated or new extracted fact.
PROVENANCE_ROWS = 83
