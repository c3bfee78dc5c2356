"""The extractor's word lists, read from `resources/lexicon.yaml` once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

RESOURCE = Path(__file__).with_name("resources") / "lexicon.yaml"


def _words(values: list) -> frozenset[str]:
    return frozenset(str(v).lower().replace("ё", "е") for v in values)


@dataclass(frozen=True)
class Lexicon:
    """Named sets of lemmas; `deal` maps each benchmark deal type to its trigger lemmas."""

    lists: dict[str, frozenset[str]]
    deal: dict[str, frozenset[str]]
    place_nouns: dict[str, frozenset[str]]  # noun -> registry classes it refers back to

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError:
            raise AttributeError(name) from None

    def deal_type(self, lemma: str) -> str | None:
        """The deal type a trigger lemma names (the first the resource lists it under): asked
        of every token by two rules, so looked up in one index, not a scan of the types."""
        return self.deal_types.get(lemma)

    @cached_property
    def titles(self) -> frozenset[str]:
        """Nouns that name a post or an owner: what a holder is looked for (asked per token)."""
        return self.lists["jobs"] | self.lists["owner_nouns"]

    @cached_property
    def post_verbs(self) -> frozenset[str]:
        """Verbs that link a post to its holder: copulas and verbs of taking or leaving a post
        (asked for every post)."""
        return self.lists["copulas"] | self.lists["phase_start"] | self.lists["phase_end"]

    @cached_property
    def time_markers(self) -> frozenset[str]:
        """Words that date a post: «бывший», «будущий»."""
        return self.lists["past_markers"] | self.lists["future_markers"]

    @cached_property
    def deal_types(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for kind, words in self.deal.items():
            for word in words:
                index.setdefault(word, kind)
        return index


@cache
def lexicon(path: Path = RESOURCE) -> Lexicon:
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    deal = {kind: _words(words) for kind, words in data.pop("deal").items()}
    places = {noun: frozenset(classes) for noun, classes in data.pop("place_nouns").items()}
    return Lexicon({name: _words(words) for name, words in data.items()}, deal, places)
