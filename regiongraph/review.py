"""The extractor's facts of one article as a curated-facts file, for a person to accept.

Input: an article of data/articles/ and the project. Output: `<name>.yaml` in the format of
data/facts/ and `<name>.entities.yaml` in the format of data/entities/ (the candidate
entities those facts name). The extraction is the build's own (same registry, same
conversion), so what the reviewer corrects is what the graph would hold as extracted.

Written so that moving both files into data/ unchanged gives a project that loads: role
values become what the loader reads (entity ids, enumeration notations, dates in the forms
of dates.py), the new ids drop the `x-` that marks extracted things, and facts that already
corroborate a curated fact are left out. The shapes still judge the facts as they judge the
extracted ones; the reviewer adds what a fact lacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import Paths
from .dates import DateSyntaxError, Period, Point, format_temporal
from .errors import UsageError
from .loader import load_corpus
from .model import Corpus, Entity, EnumValue, Fact, Money, Ref, Text, Value
from .outputs import write_atomically
from .vocab import Vocabulary

EXTRACTED_PREFIX = "x-"
#: YAML line width: wide enough that a sentence is never folded.
QUOTE_WIDTH = 1_000_000


@dataclass
class Review:
    """The extracted facts of one article, ready to be written for review."""

    article: str
    version: str
    facts: list[Fact]
    entities: list[Entity]
    corroborating: int
    rename: dict[str, str]  # candidate entity id -> id in the review file
    vocab: Vocabulary
    curated_exists: bool = False

    def facts_yaml(self, entities_name: str) -> str:
        """The facts file: a header that says what to do, then `article:` and `facts:`."""
        target = f"data/facts/{self.article}.yaml"
        move = (f"# 3. move this file to {target}" if not self.curated_exists else
                f"# 3. merge its facts into {target}, which exists already")
        lines = [
            f"# Facts that the extractor (regiongraph {self.version}) found in article",
            f"# {self.article}, written for review: nothing here is in the graph's curated facts.",
            "# Each note names the rule that made the fact and the confidence it gave.",
            "# To accept them:",
            "# 1. correct each fact against its quote: class, roles, dates (relative to the "
            "article's);",
            "#    delete the facts that are wrong or not worth keeping;",
            f"# 2. move the entities of {entities_name} to data/entities/;",
            move + ".",
            f"# Not listed: {self.corroborating} extracted fact(s) that corroborate curated "
            "facts already.",
            f"article: {self.article}",
        ]
        if not self.facts:
            return "\n".join([*lines, "facts: []", ""])
        lines.append("facts:")
        for fact in self.facts:
            lines.append("")
            lines.extend("  " + line if line else line
                         for line in _dump([self.entry(fact)]).splitlines())
        return "\n".join(lines) + "\n"

    def entities_yaml(self, facts_name: str) -> str:
        """The candidate entities file, in the format of data/entities/."""
        lines = [
            f"# Candidate entities that the facts of {facts_name} name: names the",
            f"# extractor (regiongraph {self.version}) did not find in the registry.",
            "# Check each class (Territory and Organisation are general: prefer Region, City,",
            "# Company, ...), the labels (the English one is a transliteration) and the aliases.",
            "# One the registry has under another name: delete it here, use the registry's id in",
            "# the facts and add the name to that entity's aliases. Then move this file to",
            "# data/entities/, before the facts go to data/facts/.",
        ]
        if not self.entities:
            return "\n".join([*lines, "# None: the facts name only entities of the registry.",
                              "[]", ""])
        entries = [self.entity_entry(entity) for entity in self.entities]
        return "\n".join(lines) + "\n\n" + "\n".join(_dump([e]) for e in entries)

    def entry(self, fact: Fact) -> dict[str, object]:
        """A fact as data/facts/ writes it: roles by name, values as the loader reads them."""
        entry: dict[str, object] = {"id": fact.id.removeprefix(EXTRACTED_PREFIX),
                                    "class": fact.cls}
        for name, values in _roles(fact, self.vocab).items():
            written = [self.value(value) for value in values]
            entry[name] = written[0] if len(written) == 1 else written
        quotes = [evidence.quote for evidence in fact.evidence]
        entry["quote"] = quotes[0] if len(quotes) == 1 else quotes
        confidence = next((r.value for r in fact.roles if r.name == "confidence"), None)
        note = (fact.note or "Extracted.").strip()
        entry["note"] = note if confidence is None else f"{note} Confidence {confidence}."
        return entry

    def value(self, value: Value) -> object:
        if isinstance(value, Ref):
            return self.rename.get(value.id, value.id)
        if isinstance(value, EnumValue):
            return notation(self.vocab, value)
        if isinstance(value, Text):
            return value.value
        if isinstance(value, Money):
            amount = int(value.amount) if value.amount == value.amount.to_integral_value() \
                else str(value.amount)
            return {"amount": amount, "currency": value.currency}
        if isinstance(value, Point | Period):
            return format_temporal(value)
        return str(value)

    def entity_entry(self, entity: Entity) -> dict[str, object]:
        labels = dict(entity.labels)
        entry: dict[str, object] = {"id": self.rename.get(entity.id, entity.id),
                                    "class": entity.cls,
                                    "label": {"ru": labels.get("ru", entity.id),
                                              "en": labels.get("en", entity.id)}}
        if entity.aliases:
            entry["aliases"] = list(entity.aliases)
        if entity.note:
            entry["note"] = entity.note
        return entry


def _dump(data: object) -> str:
    """YAML in block style, each quote on one line: a folded quote is easy to break when
    editing, and it must stay verbatim."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=QUOTE_WIDTH)


def notation(vocab: Vocabulary, value: EnumValue) -> str:
    """The skos:notation of an enumeration member: the name data files use for it."""
    for members in vocab.enumerations.values():
        for name, iri in members.items():
            if str(iri) == value.iri:
                return name
    raise ValueError(f"{value.iri} is not a member of an enumeration of the ontology")


def _roles(fact: Fact, vocab: Vocabulary) -> dict[str, list[Value]]:
    """The fact's roles that data files may set, by name, in order. A period's start, end and
    precision become the one role that the ontology gives them (`date`: 2023-summer); the
    build's own values (confidence) are left out."""
    allowed = vocab.roles_of(vocab.fact_classes[fact.cls])
    by_name: dict[str, list[Value]] = {}
    for role in fact.roles:
        prop = vocab.properties.get(role.name)
        if prop is not None and prop.kind != "literal":
            by_name.setdefault(role.name, []).append(role.value)
    for name, prop in allowed.items():
        if prop.interval is None:
            continue
        start, end, level = (vocab.local(p) for p in prop.interval)
        parts = [by_name.get(start, []), by_name.get(end, []), by_name.get(level, [])]
        if not all(len(part) == 1 for part in parts):
            continue
        first, last, precision = (part[0] for part in parts)
        if not (isinstance(first, Point) and isinstance(last, Point)
                and isinstance(precision, EnumValue)):
            continue
        try:
            period = Period(first, last, notation(vocab, precision))
            format_temporal(period)
        except DateSyntaxError:
            continue  # no written form: keep start, end and precision as separate roles
        for key in (start, end, level):
            del by_name[key]
        by_name[name] = [period]
    return by_name


def find_article(corpus: Corpus, article: str) -> str:
    """The id of ARTICLE, given as an id or as the path of its text."""
    key = Path(article).stem if article.endswith((".txt", ".yaml")) else article
    if key not in corpus.articles:
        known = ", ".join(sorted(corpus.articles)) or "none"
        raise UsageError(f"unknown article '{article}': give the id of an article of "
                         f"data/articles/ (known: {known})")
    return key


def review_article(paths: Paths, article: str) -> Review:
    """Extract the facts of one article as the build does and keep those a person should
    review: the new ones, with the candidate entities they name."""
    from .build import cache_folder, extract_corpus
    from .extract import EXTRACTOR_VERSION

    vocab = Vocabulary.load(paths.ontology)
    corpus = load_corpus(paths, vocab)
    key = find_article(corpus, article)
    curated = set(corpus.facts)
    extract_corpus(corpus, vocab, cache=cache_folder(paths), only=key)
    made = [f for f in corpus.facts.values() if f.id not in curated and f.article == key]
    facts = sorted((f for f in made if not _corroborates(f)),
                   key=lambda f: (min((e.start for e in f.evidence), default=0), f.id))
    named = {r.value.id for f in facts for r in f.roles if isinstance(r.value, Ref)}
    entities = sorted((e for e in corpus.entities.values()
                       if e.graph != "registry" and e.id in named), key=lambda e: e.id)
    taken = {*corpus.facts, *(f.id.removeprefix(EXTRACTED_PREFIX) for f in facts),
             *(e.id for e in corpus.entities.values() if e.graph == "registry")}
    return Review(key, EXTRACTOR_VERSION, facts, entities,
                  corroborating=len(made) - len(facts),
                  rename=_new_ids([e.id for e in entities], taken), vocab=vocab,
                  curated_exists=(paths.facts / f"{key}.yaml").exists())


def _corroborates(fact: Fact) -> bool:
    return any(role.name == "corroborates" for role in fact.roles)


def _new_ids(candidates: Iterable[str], taken: set[str]) -> dict[str, str]:
    """Registry ids for candidate entities: `x-person-ivan-petrov` becomes `ivan-petrov`, or
    `person-ivan-petrov` if that is taken, so that accepted entities look like the others."""
    rename = {}
    for old in candidates:
        kind, _, slug = old.removeprefix(EXTRACTED_PREFIX).partition("-")
        for new in (slug, f"{kind}-{slug}", old):
            if new and new not in taken:
                break
        taken.add(new)
        rename[old] = new
    return rename


def entities_path(target: Path) -> Path:
    """`<name>.entities.yaml` beside the facts file `<name>.yaml`."""
    if target.suffix in (".yaml", ".yml"):
        return target.with_name(f"{target.stem}.entities{target.suffix}")
    return target.with_name(f"{target.name}.entities.yaml")


def write_review(review: Review, target: Path) -> list[Path]:
    """Write the facts file and its entities file atomically; returns both paths."""
    beside = entities_path(target)
    files = {target.name: review.facts_yaml(beside.name).encode("utf-8"),
             beside.name: review.entities_yaml(target.name).encode("utf-8")}
    write_atomically(target.parent, files)
    return [target, beside]
