"""Names and their scores: the comparison every proposer in this package shares.

Inputs: names as strings (ours from an Entity, theirs from a dataset or Wikidata). Outputs: the
normalised and romanised forms used to compare them, a Match per name of ours equal to one of
theirs, and the choice of the best Candidate with its score and evidence text. Kept apart from
the datasets and the API so that one rule decides what counts as the same name everywhere.

Scoring. Each name of ours that equals a name of the candidate (compared case-blind, with ё
read as е, quotes and extra spaces dropped) is a piece of evidence with a weight:

    ru-label        1.00  our Russian label equals a Russian name of theirs
    reviewed        1.00  a country's other reviewed link names the same country (ISO <-> GeoNames)
    en-label        0.90  our English label equals a name of theirs
    ru-alias        0.85  one of our aliases equals a Russian name of theirs
    translit-label  0.85  our Russian label, romanised (BGN/PCGN), equals their romanised name
    translit-alias  0.80  the same for an alias
    wd-alias        0.80  Wikidata's search found our ru (or en) label among the item's aliases

The candidate's score is the best weight, plus 0.05 when names of ours in both Russian and
English match (capped at 1.0); minus 0.10 when we cannot confirm its country (the entity is not
`locatedIn` a place whose reviewed links give a country, or a Wikidata item has no P17); minus
0.10 for each other candidate with the same score (at most 0.30; the most populous place, the
first search hit or the lowest code wins). A candidate of the wrong type (a Wikidata item whose
P31 is not in the allow-list of our class, a GeoNames city for a region) or in another country
than the one we know is dropped, not scored. Proposals below THRESHOLD are dropped.

Examples: a city whose Russian label is a GeoNames alternate name and whose English label is
the GeoNames name, in the country its reviewed links give: 1.00. A region found only through
an alias whose romanisation equals the ISO subdivision name, country confirmed: 0.80. A person
whose English label equals the Wikidata label and whose Russian label is a Wikidata alias,
P31 allowed: 0.95. tests/test_reconcile.py checks these cases on the seed data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Entity

THRESHOLD = 0.75
WEIGHTS = {"ru-label": 1.0, "reviewed": 1.0, "en-label": 0.9, "ru-alias": 0.85,
           "translit-label": 0.85, "translit-alias": 0.8, "wd-alias": 0.8}
CORROBORATION, UNKNOWN_COUNTRY, RIVAL, MAX_RIVALS = 0.05, 0.10, 0.10, 0.30


def norm(text: str) -> str:
    """A name as compared: NFKC, case-blind, ё as е, no quotes, dashes as '-', single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = re.sub(r"[«»\"“”„']", "", text)
    text = re.sub(r"\s*[‐‑–—]\s*", "-", text)
    return " ".join(text.split())


_TRANSLIT = dict(zip("абвгдезийклмнопрстуфхцчшыэ", ["a", "b", "v", "g", "d", "e", "z", "i", "y",
                     "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch",
                     "sh", "y", "e"], strict=True))
_TRANSLIT |= {"ж": "zh", "щ": "shch", "ъ": "", "ь": "'", "ю": "yu", "я": "ya"}
_VOWELS = set("аеёиоуыэюяъь")


def romanise(text: str) -> str:
    """Russian in the BGN/PCGN romanisation that ISO 3166-2 uses for Russia ("Kemerovskaya
    oblast'"): е is "ye" at the start of a word and after a vowel, ъ or ь."""
    out, previous = [], " "
    for char in norm(text):
        if char == "е":
            out.append("ye" if previous in _VOWELS or not previous.isalpha() else "e")
        else:
            out.append(_TRANSLIT.get(char, char))
        previous = char
    return "".join(out)


def latin_key(text: str) -> str:
    """A romanised name as compared: no diacritics or apostrophes, words in sorted order (ISO
    writes "Khakasiya, Respublika" for «Республика Хакасия»)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’ʹʼ]", "", text.casefold())
    return " ".join(sorted(re.split(r"[\s,\-]+", text.strip())))


@dataclass(frozen=True)
class Match:
    """One name of ours equal to one name of theirs."""

    how: str  # a key of WEIGHTS
    ours: str
    theirs: str
    lang: str = ""  # the language of our name: "ru" or "en"; "" for a reviewed link

    def __post_init__(self) -> None:
        if not self.lang and self.how != "reviewed":
            object.__setattr__(self, "lang", "en" if self.how == "en-label" else "ru")

    def text(self) -> str:
        return f"{self.how.replace('-', ' ')} «{self.ours}» = {self.theirs}"


def name_score(matches: Iterable[Match]) -> float:
    matches = list(matches)
    best = max(WEIGHTS[m.how] for m in matches)
    if {"ru", "en"} <= {m.lang for m in matches}:
        best += CORROBORATION
    return min(1.0, best)


def our_names(entity: Entity) -> list[tuple[str, str]]:
    """(how, name) for our Russian label, English label and aliases."""
    ru, en = entity.label("ru"), entity.label("en")
    return [("ru-label", ru), ("en-label", en)] + [
        ("ru-alias", alias) for alias in entity.aliases if norm(alias) != norm(ru)]


@dataclass
class Candidate:
    id: str
    describe: str
    matches: list[Match] = field(default_factory=list)
    order: tuple = ()
    notes: list[str] = field(default_factory=list)
    penalty: float = 0.0

    @property
    def score(self) -> float:
        return round(name_score(self.matches) - self.penalty, 2) if self.matches else 0.0


def choose(candidates: Iterable[Candidate]) -> tuple[Candidate, float, str] | None:
    """The best candidate, its score after rivals are counted, and the evidence text."""
    ranked = sorted((c for c in candidates if c.matches), key=lambda c: (-c.score, c.order))
    if not ranked:
        return None
    best = ranked[0]
    rivals = [c.id for c in ranked[1:] if c.score == best.score]
    score = round(best.score - min(RIVAL * len(rivals), MAX_RIVALS), 2)
    if score < THRESHOLD:
        return None
    matches = _distinct(best.matches)
    parts = [best.describe, ", ".join(m.text() for m in matches[:3]), *best.notes]
    if rivals:
        parts.append(f"{len(rivals)} other candidate(s) as good: {', '.join(rivals[:5])}")
    return best, score, "; ".join(parts)


def _distinct(matches: Iterable[Match]) -> list[Match]:
    """One match per name of ours, the most telling first; theirs written as ours is preferred,
    then their main name."""
    def rank(m: Match) -> tuple:
        return (-WEIGHTS[m.how], m.how, m.ours, f"«{m.ours}»" not in m.theirs,
                not m.theirs.startswith("name"), m.theirs)

    result: dict[tuple[str, str], Match] = {}
    for match in sorted(set(matches), key=rank):
        result.setdefault((match.how, match.ours), match)
    return list(result.values())
