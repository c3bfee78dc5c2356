"""The extraction pipeline of one article: text → NLP → mentions → rules → found facts.

`extract_text` is the library entry point; `records` turns its result into the benchmark's
JSON lines. The output depends only on the text, the registry and the extractor's version,
so the same inputs give the same facts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import __version__
from ..dates import DateSyntaxError, Point, parse_temporal
from ..errors import InternalError
from .lexicon import RESOURCE, lexicon
from .mentions import Candidates, Mention, Registry, find_mentions, resolve
from .nlp import Sentence, analyse
from .rules import RULES, Rule
from .rules.base import Context, Found, Scope, protagonist, sides
from .text import hide_debris, is_russian, mend_latin, read_article


def _version() -> str:
    """The package version and a digest of the rules and word lists, so that a change to
    either gives extracted facts a new version."""
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for path in [*sorted(folder.rglob("*.py")), *sorted(RESOURCE.parent.glob("*.yaml"))]:
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


EXTRACTOR_VERSION = _version()

#: Facts below this confidence are kept out of the output and the graph by default. Rules set
#: confidences from their precision on the factRuEval-2016 devset (and the validation half of
#: its test collection for the ways written after it was read): below 0.6, a way is wrong
#: about as often as right.
MIN_CONFIDENCE = 0.6


@dataclass
class Extraction:
    """What the extractor found in one text."""

    doc: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[list[Mention]] = field(default_factory=list)
    facts: list[Found] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract_text(doc: str, text: str, registry: Registry | None = None,
                 candidates: Candidates | None = None, date: Point | None = None) -> Extraction:
    """Facts of one text. Mentions resolve against `registry` (empty if None); new names
    become entities of `candidates`, which a caller shares across articles of one run;
    relative dates resolve against `date`, the article's."""
    registry = registry or Registry()
    candidates = candidates if candidates is not None else Candidates()
    result = Extraction(doc, text)
    if not is_russian(text):
        result.warnings.append(f"{doc}: not Russian text; nothing extracted")
        return result
    result.sentences = analyse(mend_latin(hide_debris(text)))
    result.mentions = find_mentions(result.sentences, registry)
    resolve(result.mentions, candidates)
    lex = lexicon()
    found: list[Found] = []
    context = Context((m for group in result.mentions for m in group), result.sentences,
                      registry.names, registry.areas)
    pairs = zip(result.sentences, result.mentions, strict=True)
    subject, parties, cooperating, visit = None, [], [], None
    for number, (sentence, mentions) in enumerate(pairs):
        scope = Scope(number, sentence, mentions, lex, date, context, subject, parties=parties,
                      cooperating=cooperating, visit=visit)
        here = [fact for name, rule in RULES for fact in run_rule(name, rule, scope, doc)]
        found.extend(here)
        subject = protagonist(scope) or subject
        parties = sides(here) or parties
        cooperating = sides(f for f in here if f.type == "cooperation") or cooperating
        visit = next((f for f in reversed(here) if f.type == "visit"), visit)
    for fact in found:  # a quote is the article's own letters, not the ones the NLP read
        for arg in fact.args:
            if arg.role == "quote":
                arg.text = text[arg.start:arg.end]
    result.facts = consolidate(found)
    return result


def run_rule(name: str, rule: Rule, scope: Scope, doc: str) -> list[Found]:
    """The facts of one rule on one sentence. An exception from a rule is a bug of ours, not
    of the article: it becomes an `InternalError` naming the article, the rule and the
    sentence, which is what a bug report needs."""
    try:
        return list(rule(scope))
    except Exception as exc:
        sentence = scope.sentence
        raise InternalError.caught(f"{doc}: rule {name} failed on the sentence at characters "
                                   f"{sentence.start}-{sentence.stop}", exc) from exc


def identity(fact: Found) -> tuple:
    """What makes two found facts the same: their type and arguments; a post counts by its
    head lemma, a quote by where it is."""
    key = []
    for arg in fact.args:
        if arg.role == "when":
            continue
        value = arg.entity or arg.lemma or (arg.start if arg.role == "quote" else
                                            arg.text.lower())
        key.append((arg.role, value))
    return fact.type, tuple(sorted(key, key=str))


def consolidate(found: list[Found]) -> list[Found]:
    """One fact per relation and article: a fact said again in another sentence becomes
    evidence of the first (`also`); a post without its organisation merges into the same
    person's same post with one. Keeps the first occurrence's order."""
    kept: dict[tuple, Found] = {}
    for fact in found:
        key = identity(fact)
        if key in kept:
            merge(kept[key], fact)
        else:
            kept[key] = fact
    out = list(kept.values())
    posts = {}
    for fact in out:
        if fact.type == "occupation" and fact.first("where") is not None:
            posts.setdefault(post_key(fact), fact)
    result = []
    for fact in out:
        fuller = posts.get(post_key(fact)) if fact.type == "occupation" and \
            fact.first("where") is None else None
        if fuller is not None:
            merge(fuller, fact)
        else:
            result.append(fact)
    return result


def post_key(fact: Found) -> tuple[str, str]:
    who, job = fact.first("who"), fact.first("job")
    return (who.entity if who else "", job.lemma if job else "")


def merge(into: Found, other: Found) -> None:
    if other.sentence != into.sentence and other.sentence not in into.also:
        into.also.append(other.sentence)
    into.also.extend(s for s in other.also if s not in into.also and s != into.sentence)
    into.confidence = max(into.confidence, other.confidence)
    into.phase = into.phase or other.phase


def extract_file(path: Path, registry: Registry | None = None,
                 candidates: Candidates | None = None) -> Extraction:
    """Facts of a text file; an article of a project (a `.yaml` with its date beside it)
    resolves relative dates against that date."""
    return extract_text(path.stem, read_article(path), registry, candidates, article_date(path))


def article_date(path: Path) -> Point | None:
    meta = path.with_suffix(".yaml")
    if not meta.is_file():
        return None
    try:
        with open(meta, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=yaml.CSafeLoader)
        parsed = parse_temporal(data["date"])
    except (OSError, yaml.YAMLError, KeyError, TypeError, DateSyntaxError):
        return None
    return parsed if isinstance(parsed, Point) else None


def records(extraction: Extraction, min_confidence: float = MIN_CONFIDENCE,
            trace: bool = False) -> list[dict]:
    """The facts in the benchmark's JSON form: doc, type, args (role, text, start, end),
    confidence, and modality and phase where they are not the default; with `trace`, also
    the rule that found each (not part of the benchmark's form)."""
    out = []
    for fact in extraction.facts:
        if fact.confidence < min_confidence:
            continue
        record: dict = {
            "doc": extraction.doc, "type": fact.type,
            "args": [{"role": a.role, "text": a.text, "start": a.start, "end": a.end}
                     for a in fact.args],
            "confidence": round(fact.confidence, 2),
        }
        if trace:
            record["rule"] = fact.rule
        if fact.modality != "actual":
            record["modality"] = fact.modality
        if fact.phase:
            record["phase"] = fact.phase
        out.append(record)
    return out


def jsonl(extraction: Extraction, min_confidence: float = MIN_CONFIDENCE,
          trace: bool = False) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n"
                   for r in records(extraction, min_confidence, trace))

