"""Score the fact extractor on the factRuEval-2016 devset, track 3, like the official scorer.

Track 3 asks for four relations (Occupation, Meeting, Deal, Ownership). Its scorer (the
`dialent` package in `dialogue-evaluation/factRuEval-2016`, folder `scripts/`) has quirks that
move the figures by whole points, so a home-made "roughly similar" F1 would not be comparable
with published results. This module reimplements its rules:

* values are compared after lower-casing, ё→е and, on the submitted side, unified quotes and
  dashes; two strings are equal within a Levenshtein distance of 0 (longer string of 0 or 1
  characters), 1 (2 to 8) or 2 (9 or more);
* a gold entity argument accepts the readable text of the `.facts` line, every mention's token
  text and its character interval (which the scorer cuts one character short: kept), the
  normalised names with and without descriptors and, for people, ten first/last/patronymic/
  nickname combinations; a job accepts its span text and, in the scorer, a base form from its
  hand-made list (not ours to copy). That list has no entry for any devset job, so by default
  we accept the span text only, which is exact; `--job-lemmas` adds a pymorphy2 base form
  (words up to the head noun in the nominative singular), as the list would on other texts;
* only the first entity of an `objA … | objB …` alternative counts (the rest is junk text), as
  in the scorer; `isPartOf` facts are parsed, but the scorer's own expansion never fires, so
  by default they change nothing (`--partof` turns on the intended widening of Where);
* per document and type every submitted fact goes to at most one gold fact sharing a non-job
  argument with it, choosing the assignment with the best F1 (first best in the scorer's search
  order); a cluster scores (1 + identification) / 2 × matched / (matched + wrong + missed),
  arguments weighing 1 and a job (and a phase, hard mode only) 0.5; gold facts marked hard are
  ignored in default mode, and submitted facts put with them count on neither side;
* P = Σ quality over submitted facts / #submitted, R = Σ quality over gold facts / #gold, pooled
  over documents (and over the four types for "overall"); empty sides give 1.0 like the scorer.

The official search is exhaustive and never finishes on busy documents (11^10 assignments in
book_398), so we search in the same order with branch and bound, which returns the same
figures; past a budget of NODE_BUDGET bound evaluations (a few seconds) we keep the best
assignment found, hill climbing included, and flag the result approximate. Checked against the
official t3_eval.py: same accepted forms for all 776 gold arguments, same figures on random
submissions and on our extractor's output, default and hard mode.

Documents `book_N` with N even form the `tune` half, odd N the `heldout` half. `--devset`
also takes the benchmark's test collection (`testset/` of its repository, which is not copied
here). The project's protocol: the rules are developed on the whole devset and on the even
half of the test collection (validation: its errors are read); the odd half of the test
collection is only ever scored, and gives the figure for text the rules were not tuned on.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import math
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEVSET = ROOT.parent / "shared" / "data" / "factrueval-2016" / "devset"

#: The scored fact types, in the order of the tables.
TYPES = ("occupation", "meeting", "deal", "ownership")
ROWS = (*TYPES, "overall")
PARTS = ("tune", "heldout", "all")

#: Our deal types to the closed list of the benchmark (its spelling, typo included).
DEAL_TYPES = {
    "purchase": "купля/продажа",
    "investment": "инвестиции",
    "services": "услуги",
    "fine": "наложение/выплата штрафа",
    "loan": "займ/возвращение займа",
    "sanctions": "экономичкские санкции(штраф, эмбарго и т. п.)",
    "event": "участие в мероприятии",
}

#: Other spellings of a closed-list value in the gold files, to the one `DEAL_TYPES` uses: the
#: test collection writes the loan type with «/долг» (2 of its 8 loans), the devset without.
#: The gold accepts both spellings, as a submission written for either collection would use
#: its own; the scorer compares strings.
GOLD_SPELLINGS = {"займ/возвращение займа/долг": DEAL_TYPES["loan"]}

#: Our roles to the scorer's, per type; a role left out is one the scorer does not score
#: (a meeting's place and time would only count as wrong arguments).
ROLE_MAP: dict[str, dict[str, str]] = {
    "occupation": {"who": "who", "job": "position", "position": "position", "where": "where"},
    "meeting": {"participant": "participant"},
    "deal": {"participant": "participant", "type": "type"},
    "ownership": {"owner": "owner", "property": "property"},
}

PHASES = {"begin": "начало", "start": "начало", "начало": "начало",
          "end": "конец", "конец": "конец"}

#: Argument weights: a job is half an argument (so is a phase, which only hard mode scores).
WEIGHTS = {"position": 0.5, "фаза": 0.5}
#: Modality values that take a fact out of the hard-mode gold.
SOFT_MODALITIES = frozenset({"возможность", "будущее", "отрицание"})
MENTION_TAGS = {"Person": "per", "Organization": "org", "Org": "org", "LocOrg": "locorg",
                "Location": "loc", "Project": "project"}
#: Bound evaluations allowed in one (document, type) search (a few seconds at most); past
#: it the best assignment found is kept and the result is flagged approximate.
NODE_BUDGET = 40_000
_EPS = 1e-12


# --------------------------------------------------------------------------------- strings

def lower(text: str) -> str:
    """Gold-side finishing: strip, lower case, ё as е (the scorer does no more on gold)."""
    return text.strip(" \n\r\t").lower().replace("ё", "е")


_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "’": "'", "`": "'",
                         "ё": "е", "‐": "-", "−": "-", "‒": "-", "–": "-", "—": "-",
                         "―": "-"})


def soft_normalize(text: str) -> str:
    """Lower case, strip, one quote, one apostrophe, one dash, е for ё; keeps every offset
    except the stripped ends (the document text goes through this too)."""
    return text.lower().strip(" \r\n\t").translate(_QUOTES)


def normalize(text: str) -> str:
    """`soft_normalize` plus the removal of the spaces that token joining puts around
    punctuation; applied to submitted lines, tokens, spans and coreference names."""
    res = soft_normalize(text)
    for old, new in ((" ,", ","), (" .", "."), (" -", "-"), ("- ", "-"), ("( ", "("),
                     (" )", ")")):
        res = res.replace(old, new)
    return res


def threshold(length: int) -> int:
    """Edits tolerated between strings whose longer one has `length` characters."""
    if length < 2:
        return 0
    return 1 if length < 9 else 2


@functools.lru_cache(maxsize=1 << 18)
def similar(a: str, b: str) -> bool:
    """True when `a` and `b` are within the scorer's Levenshtein tolerance."""
    limit = threshold(max(len(a), len(b)))
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    if limit == 0:
        return False
    if len(b) > len(a):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


# ------------------------------------------------------------------------------ job lemmas

@functools.cache
def _analyser() -> Any:
    """pymorphy2's analyser, or None; pymorphy2 0.9 needs `inspect.getargspec`, gone in 3.11,
    so its parameter lookup is patched on the class (as yargy does) rather than globally."""
    try:
        import inspect

        import pymorphy2
        from pymorphy2.units.base import BaseAnalyzerUnit
    except ImportError:
        return None
    if not hasattr(inspect, "getargspec"):
        def param_names(klass: type) -> list[str]:
            if klass.__init__ is object.__init__:
                return []
            return sorted(inspect.getfullargspec(klass.__init__).args[1:])
        BaseAnalyzerUnit._get_param_names = classmethod(param_names)
    return pymorphy2.MorphAnalyzer()


_MODIFIERS = {"ADJF", "PRTF", "NUMR"}


@functools.lru_cache(maxsize=4096)
def job_base_form(text: str) -> str | None:
    """The job phrase with its words up to the head noun in the nominative singular
    ("генерального директора компании" → "генеральный директор компании"), the shape of
    the scorer's base-form list; None when nothing changes or pymorphy2 is missing."""
    morph = _analyser()
    if morph is None:
        return None
    words = text.split(" ")
    parses = [morph.parse(w)[0] if re.search(r"[а-яё]", w) else None for w in words]
    head = next((i for i, p in enumerate(parses)
                 if p is not None and p.tag.POS == "NOUN"), None)
    if head is None or any(p is None or p.tag.POS not in _MODIFIERS for p in parses[:head]):
        return None
    noun = parses[head]
    base = noun.inflect({"nomn", "sing"}) or noun.inflect({"nomn"})
    head_word = base.word if base is not None else noun.normal_form
    gender = base.tag.gender if base is not None and base.tag.gender in (
        "masc", "femn", "neut") else "masc"
    out = []
    for word, parse in zip(words[:head], parses[:head], strict=True):
        form = parse.inflect({"nomn", "sing", gender}) or parse.inflect({"nomn"})
        out.append(form.word if form is not None else word)
    result = " ".join([*out, head_word, *words[head + 1:]])
    return None if result == text else result


# ------------------------------------------------------------------------------ gold facts

@dataclass(frozen=True)
class GoldArg:
    """One gold argument: its role and every string the scorer accepts for it."""

    role: str
    forms: frozenset[str]
    label: str
    entity: str = ""  # coreference id of an entity argument, for the isPartOf widening

    @property
    def weight(self) -> float:
        return WEIGHTS.get(self.role, 1.0)

    def accepts(self, value: str) -> bool:
        """Whether a submitted value (already normalised) fills this argument."""
        return any(similar(form, value) for form in self.forms)


@dataclass
class GoldFact:
    """A gold fact of one of the four types, with the flags that decide whether it counts."""

    doc: str
    id: str
    type: str
    args: tuple[GoldArg, ...]
    hard: bool = False
    soft_modality: bool = False

    def scored_args(self, hard_mode: bool) -> tuple[GoldArg, ...]:
        """Arguments scored in the mode: the phase only in hard mode."""
        return self.args if hard_mode else tuple(a for a in self.args if a.role != "фаза")


@dataclass
class _Token:
    start: int
    end: int  # inclusive, as the scorer counts
    text: str
    prev: _Token | None = None
    next: _Token | None = None


@dataclass
class _Span:
    tag: str
    text: str
    tokens: list[_Token]

    def in_quotes(self) -> bool:
        before = self.tokens[0].prev
        after = self.tokens[-1].next
        left = before.text if before is not None and before.text in ('"', "'", "«") else ""
        right = after.text if after is not None and after.text in ('"', "'", "»") else ""
        return left + right in ('""', "''", "«»")


@dataclass
class _Mention:
    tag: str
    spans: list[_Span]


@dataclass
class _Entity:
    tag: str
    mentions: list[_Mention]
    spans: list[_Span]
    attrs: dict[str, set[str]] = field(default_factory=dict)


def _blocks(path: Path) -> list[list[str]]:
    """Blank-line separated blocks of stripped lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = raw.strip(" \t\r\n")
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _load_tokens(path: Path) -> dict[str, _Token]:
    tokens: dict[str, _Token] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.rstrip("\r").split(" ")
        if len(parts) < 4:
            continue
        tid, start, length = parts[0], int(parts[1]), int(parts[2])
        tokens[tid] = _Token(start, start + length - 1, normalize(" ".join(parts[3:])))
    ordered = sorted(tokens.values(), key=lambda t: t.start)
    for a, b in itertools.pairwise(ordered):
        a.next, b.prev = b, a
    return tokens


def _load_spans(path: Path, tokens: Mapping[str, _Token]) -> dict[str, _Span]:
    spans: dict[str, _Span] = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "  # " not in line:
            continue
        left, right = line.split("  # ", 1)
        head = [p for p in left.split(" ") if p]
        count = int(head[5])
        tail = [p for p in right.split(" ") if p]
        toks = sorted((tokens[t.strip()] for t in tail[:count]), key=lambda t: t.start)
        text = normalize(" ".join(tail[count:])).replace("\n", "")
        spans[head[0]] = _Span(head[1], text, toks)
    return spans


def _mention_forms(mention: _Mention, text: str) -> tuple[str, str]:
    """The mention's token text and its text interval; the interval widens over adjacent
    quote tokens and, as in the scorer, loses its last character."""
    toks = sorted({id(t): t for s in mention.spans for t in s.tokens}.values(),
                  key=lambda t: t.start)
    first, last = toks[0], toks[-1]
    while first.prev is not None and first.prev.text == '"':
        first = first.prev
    while last.next is not None and last.next.text == '"':
        last = last.next
    return " ".join(t.text for t in toks), text[first.start:last.end]


def _load_entities(path: Path, mentions: Mapping[str, _Mention],
                   spans: Mapping[str, _Span]) -> dict[str, _Entity]:
    entities: dict[str, _Entity] = {}
    if not path.is_file():
        return entities
    for block in _blocks(path):
        ids = block[0].split(" ")
        ment = [mentions[i] for i in dict.fromkeys(ids[1:]) if i in mentions]
        own = [spans[i] for i in dict.fromkeys(ids[1:]) if i not in mentions and i in spans]
        tags = {m.tag for m in ment}
        if len(tags) > 1 and tags & {"loc", "locorg"}:
            tag = "loc"
        else:
            tag = next(iter(tags)) if len(tags) == 1 else "unknown"
            tag = "loc" if tag == "locorg" else tag
        ent = _Entity(tag, ment, own)
        raw: dict[str, list[str]] = {}
        for line in block[1:]:
            name, _, value = line.partition(" ")
            raw.setdefault(name.strip().lower(), []).append(normalize(value))
        descriptors = {v for n, vs in raw.items()
                       if n.endswith(("descr", "descriptor")) for v in vs}
        for name, values in raw.items():
            if name.endswith(("descr", "descriptor")) or name == "wikidata":
                continue
            merged = set(values)
            if name == "name" and tag != "per":
                merged |= {q for v in values if (q := _quoted(v, ent)) is not None}
            if descriptors:
                merged = _with_descriptors(merged, descriptors)
            ent.attrs.setdefault(name.strip("0123456789"), set()).update(merged)
        entities[ids[0]] = ent
    return entities


def _quoted(value: str, ent: _Entity) -> str | None:
    """The name in quotes when a name span of the entity stands in quotes in the text."""
    for span in [*ent.spans, *(s for m in ent.mentions for s in m.spans)]:
        if ("name" in span.tag and span.text.lower().replace("ё", "е") == value
                and span.in_quotes()):
            left = span.tokens[0].prev
            right = span.tokens[-1].next
            assert left is not None and right is not None
            return left.text + value + right.text
    return None


def _with_descriptors(values: set[str], descriptors: set[str]) -> set[str]:
    """Each value alone and with each descriptor before and after it, unless the descriptor
    is already one of its words."""
    out: set[str] = set()
    for value in values:
        for descr in descriptors:
            out.add(value)
            if f" {descr} " not in f" {value} ":
                out.add(f"{value} {descr}")
                out.add(f"{descr} {value}")
    return out


_PERSON_ORDERS = ("lfp", "fpl", "fp", "fl", "lf", "n", "f", "p", "l", "fn")
_PERSON_KEYS = {"f": "firstname", "l": "lastname", "p": "patronymic", "n": "nickname"}


def _person_forms(ent: _Entity) -> set[str]:
    """Name combinations: every part of an order must be known for the order to count."""
    out: set[str] = set()
    for order in _PERSON_ORDERS:
        options = [""]
        for letter in order:
            values = [v for v in ent.attrs.get(_PERSON_KEYS[letter], ()) if v]
            options = [f"{o} {v}" if o else v for v in values for o in options]
        out.update(options)
    return out


def _entity_forms(ent: _Entity, descr: str, text: str) -> set[str]:
    forms = {descr}
    for mention in ent.mentions:
        forms.update(_mention_forms(mention, text))
    if ent.tag == "per":
        forms |= _person_forms(ent)
    elif ent.tag in ("org", "loc"):
        forms |= ent.attrs.get("name", set())
    return forms


def load_document(devset: Path, doc: str, partof: bool = False,
                  job_lemmas: bool = False) -> list[GoldFact] | None:
    """The gold facts of one document (all types, hard ones flagged); None without `.facts`.

    `partof` widens an occupation's Where with the names of organisations linked to it by
    isPartOf; the scorer means to but never does, so it is off for official figures.
    `job_lemmas` accepts a job's base form as well (unofficial on the devset, see above)."""
    base = devset / doc
    facts_path = base.with_suffix(".facts")
    if not facts_path.is_file():
        return None
    text = soft_normalize(base.with_suffix(".txt").read_text(encoding="utf-8"))
    tokens = _load_tokens(base.with_suffix(".tokens"))
    spans = _load_spans(base.with_suffix(".spans"), tokens)
    mentions: dict[str, _Mention] = {}
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").split("\n"):
        fields = line.rstrip("\r").split(" ")
        if "#" in fields:
            fields = fields[:fields.index("#")]
        if len(fields) > 2:
            tag = MENTION_TAGS.get(fields[1], fields[1].lower())  # the testset adds Facility
            mentions[fields[0]] = _Mention(tag, [spans[s] for s in fields[2:]])
    entities = _load_entities(base.with_suffix(".coref"), mentions, spans)

    facts: list[GoldFact] = []
    links: list[list[str]] = []
    for block in _blocks(facts_path):
        fid, _, ftype = block[0].partition(" ")
        ftype = ftype.strip(" :\n\t\r").lower()
        args: list[GoldArg] = []
        hard = soft = False
        refs: list[str] = []
        for line in block[1:]:
            entity = ""
            parts = line.split(" ")
            role = parts[0].lower()
            role = "position" if role == "job" else role
            rest = " ".join(parts[1:])
            if role == "сложность":
                hard = lower(rest) == "повышенная"
                continue
            if role == "модальность":
                soft = soft or any(v.strip().lower() in SOFT_MODALITIES for v in rest.split("|"))
                continue
            if parts[1].startswith("span"):
                forms: set[str] = set()
                for alt in rest.split("|"):
                    span_text = spans[alt.split()[0][4:]].text
                    forms.add(span_text)
                    if job_lemmas and role == "position" and (
                            lemma := job_base_form(span_text)):
                        forms.add(lemma)
                label = spans[rest.split("|")[0].split()[0][4:]].text
            elif parts[1].startswith("obj"):
                refs.append(parts[1][3:])
                descr = " ".join(parts[2:])
                ent = entities[parts[1][3:]]
                forms = _entity_forms(ent, lower(descr), text)
                entity = parts[1][3:]
                label = lower(descr.split("|")[0])
            else:
                alts = rest.split("|")
                forms = {*alts, *(GOLD_SPELLINGS.get(alt, alt) for alt in alts)}
                label = lower(GOLD_SPELLINGS.get(alts[0], alts[0]))
            args.append(GoldArg(role, frozenset(lower(f) for f in forms), label, entity))
        if ftype == "ispartof":
            links.append(refs)
        facts.append(GoldFact(doc, fid, ftype, tuple(args), hard, soft))
    facts = [f for f in facts if f.type in TYPES]
    if partof:
        facts = [_widen_where(f, links, entities) for f in facts]
    return facts


def _widen_where(fact: GoldFact, links: list[list[str]],
                 entities: Mapping[str, _Entity]) -> GoldFact:
    """An occupation whose Where also accepts the names of the organisations and places
    an isPartOf fact links to it (either way round)."""
    if fact.type != "occupation":
        return fact
    args = []
    for arg in fact.args:
        forms = set(arg.forms)
        if arg.role == "where" and arg.entity:
            for group in links:
                if arg.entity in group:
                    for other in group:
                        if other != arg.entity and entities[other].tag in ("org", "loc"):
                            forms |= {lower(n) for n in entities[other].attrs.get("name", ())}
        args.append(GoldArg(arg.role, frozenset(forms), arg.label, arg.entity))
    return GoldFact(fact.doc, fact.id, fact.type, tuple(args), fact.hard, fact.soft_modality)


def doc_number(doc: str) -> int:
    """N of `book_N`."""
    return int(doc.rsplit("_", 1)[1])


def load_gold(devset_dir: Path | str, partof: bool = False,
              job_lemmas: bool = False) -> dict[str, list[GoldFact]]:
    """Gold facts of the four types per document (`book_N`), in number order; documents
    without a `.facts` file are left out, as the scorer skips them."""
    devset = Path(devset_dir)
    docs = sorted({p.stem for p in devset.glob("book_*.txt")}, key=doc_number)
    gold: dict[str, list[GoldFact]] = {}
    for doc in docs:
        facts = load_document(devset, doc, partof, job_lemmas)
        if facts is not None:
            gold[doc] = facts
    return gold


def split_docs(docs: Iterable[str], split: str) -> list[str]:
    """The documents of a half: even N tune, odd N heldout, or all."""
    docs = sorted(docs, key=doc_number)
    if split == "tune":
        return [d for d in docs if doc_number(d) % 2 == 0]
    if split == "heldout":
        return [d for d in docs if doc_number(d) % 2 == 1]
    return docs


def count_gold(gold: Mapping[str, Sequence[GoldFact]], docs: Iterable[str] | None = None,
               hard_mode: bool = False) -> dict[str, int]:
    """Scored gold facts per type (hard facts out in default mode, soft-modality ones out
    in hard mode)."""
    counts = dict.fromkeys(TYPES, 0)
    for doc in gold if docs is None else docs:
        for fact in gold.get(doc, ()):
            if fact.soft_modality if hard_mode else fact.hard:
                continue
            counts[fact.type] += 1
    return counts


# ---------------------------------------------------------------------------- submissions

@dataclass(frozen=True)
class SubmittedFact:
    """A fact as the scorer reads it from a `.task3` file."""

    type: str
    args: tuple[tuple[str, str], ...]


def _clean(value: str) -> str:
    """A value fit for one `role : value` line: no colon, no line break."""
    return " ".join(value.replace(":", " ").split())


def to_task3(records: Iterable[Mapping[str, Any]], hard_mode: bool = False) -> dict[str, str]:
    """The `.task3` text per document from our JSONL fact records.

    Roles and deal types are renamed to the scorer's; what it does not score is dropped
    (a meeting's place and time, unknown deal types, other fact types). Phases are written
    only in hard mode, the only mode that scores them."""
    out: dict[str, list[str]] = {}
    for rec in records:
        ftype = str(rec.get("type", "")).lower()
        doc = Path(str(rec.get("doc", ""))).name.removesuffix(".txt")
        if ftype not in ROLE_MAP or not doc:
            continue
        lines = [ftype]
        for arg in rec.get("args", ()):
            role = ROLE_MAP[ftype].get(str(arg.get("role", "")).lower())
            value = _clean(str(arg.get("text", "")))
            if role == "type":
                value = DEAL_TYPES.get(value.lower(), value)
                if value not in DEAL_TYPES.values():
                    continue
            if role and value:
                lines.append(f"{role} : {value}")
        phase = PHASES.get(str(rec.get("phase") or "").lower())
        if hard_mode and phase:
            lines.append(f"фаза : {phase}")
        if len(lines) > 1:
            out.setdefault(doc, []).append("\n".join(lines) + "\n")
    return {doc: "\n".join(blocks) for doc, blocks in out.items()}


def parse_task3(text: str) -> list[SubmittedFact]:
    """Facts of a `.task3` file read the scorer's way: each line normalised, a blank line
    ends a fact, `job` means `position`. A line that is not `role : value` stops the
    reading, as the scorer's loader fails there and keeps what it had."""
    facts: list[SubmittedFact] = []
    block: list[str] = []

    def flush() -> bool:
        if not block:
            return True
        args = []
        for line in block[1:]:
            parts = line.split(":")
            if len(parts) != 2:
                return False
            role = parts[0].strip(" \n\r\t").lower()
            args.append(("position" if role == "job" else role, lower(parts[1])))
        facts.append(SubmittedFact(block[0].strip(" :\n\t\r").lower(), tuple(args)))
        block.clear()
        return True

    for raw in text.split("\n"):
        line = normalize(raw)
        if line:
            block.append(line)
        elif not flush():
            return facts
    flush()
    return facts


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """JSON records, one a line; blank lines skipped."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not JSON ({err.msg})") from None
    return records


# -------------------------------------------------------------------------------- scoring

@dataclass
class Counts:
    """Pooled sums, as the scorer keeps them; P, R and F1 follow from them."""

    tp_gold: float = 0.0
    tp_submitted: float = 0.0
    gold: int = 0
    submitted: int = 0
    approximate: int = 0

    def add(self, other: Counts) -> None:
        self.tp_gold += other.tp_gold
        self.tp_submitted += other.tp_submitted
        self.gold += other.gold
        self.submitted += other.submitted
        self.approximate += other.approximate

    @property
    def precision(self) -> float:
        return self.tp_submitted / self.submitted if self.submitted > 0 else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold > 0 else 1.0

    @property
    def f1(self) -> float:
        return _f1(self.tp_gold, self.tp_submitted, self.gold, self.submitted)

    def as_dict(self) -> dict[str, float | int]:
        return {"gold": self.gold, "submitted": self.submitted, "tp_gold": self.tp_gold,
                "tp_submitted": self.tp_submitted, "precision": self.precision,
                "recall": self.recall, "f1": self.f1, "approximate": self.approximate}


def _f1(tp_gold: float, tp_sub: float, n_gold: int, n_sub: int) -> float:
    """F1 computed the way the scorer does, so that ties break alike."""
    precision = tp_sub / n_sub if n_sub > 0 else 1.0
    recall = tp_gold / n_gold if n_gold > 0 else 1.0
    if n_gold + n_sub == 0:
        return 1.0
    denominator = precision + recall
    return 2 * precision * recall / denominator if denominator > 0 else 0.0


class _Matcher:
    """Optimal assignment of one document's submitted facts of one type to its gold facts."""

    def __init__(self, gold: Sequence[GoldFact], submitted: Sequence[SubmittedFact],
                 hard_mode: bool) -> None:
        if hard_mode:
            gold = [g for g in gold if not g.soft_modality]
        self.gold = list(gold)  # the facts the indices below refer to
        self.ignored = [g.hard and not hard_mode for g in gold]
        self.gargs = [g.scored_args(hard_mode) for g in gold]
        self.subs = submitted
        self.n_gold = sum(not i for i in self.ignored)
        # first[g][t][k]: index of the first gold argument of g that argument k of t fills
        self.first = [[[next((i for i, a in enumerate(args) if a.role == role
                              and a.accepts(value)), -1)
                        for role, value in t.args] for t in submitted] for args in self.gargs]
        self.cands = [[g for g in range(len(gold))
                       if any(i >= 0 and self.gargs[g][i].role != "position"
                              for i in self.first[g][t])] for t in range(len(submitted))]
        self.cover = [[sum(1 << i for i in set(self.first[g][t]) if i >= 0)
                       for t in range(len(submitted))] for g in range(len(gold))]
        self.wrong = [[sum(WEIGHTS.get(r, 1.0) for (r, _), i
                           in zip(t.args, self.first[g][ti], strict=True) if i < 0)
                       for ti, t in enumerate(submitted)] for g in range(len(gold))]
        self.total = [sum(a.weight for a in args) for args in self.gargs]
        self.quality_cache: dict[tuple[int, tuple[int, ...]], float] = {}
        self.weight_cache: dict[tuple[int, int], float] = {}

    def weight_of(self, g: int, mask: int) -> float:
        """Total weight of the arguments of gold fact g in the bit mask."""
        key = (g, mask)
        found = self.weight_cache.get(key)
        if found is None:
            found = sum(a.weight for i, a in enumerate(self.gargs[g]) if mask >> i & 1)
            self.weight_cache[key] = found
        return found

    def quality(self, g: int, members: tuple[int, ...]) -> float:
        """(1 + identification) / 2 × argument quality of gold fact g with these facts."""
        if self.ignored[g] or not members:
            return 0.0
        key = (g, members)
        found = self.quality_cache.get(key)
        if found is not None:
            return found
        args = self.gargs[g]
        matched: set[int] = set()
        wrong = 0.0
        for t in members:
            for (role, _), i in zip(self.subs[t].args, self.first[g][t], strict=True):
                if i >= 0:
                    matched.add(i)
                else:
                    wrong += WEIGHTS.get(role, 1.0)
        hit = sum(args[i].weight for i in matched)
        missed = sum(a.weight for i, a in enumerate(args) if i not in matched)
        arg_quality = hit / float(hit + wrong + missed)
        if len(members) == 1:
            ident = 1.0
        else:
            # The scorer pairs the first m gold arguments (m = how many were matched),
            # not the matched ones; an edge needs one submitted fact filling both.
            m = len(matched)
            pairs = m * (m - 1) / 2.0
            edges = sum(1 for i in range(m) for j in range(i + 1, m)
                        if any(i in self.first[g][t] and j in self.first[g][t]
                               for t in members))
            ident = 1.0 if pairs == 0 else edges / pairs
        quality = (arg_quality + ident * arg_quality) / 2.0
        self.quality_cache[key] = quality
        return quality

    def evaluate(self, choice: Sequence[int]) -> tuple[float, float, int, int]:
        """tp_gold, tp_submitted, #gold, #submitted of a complete assignment."""
        members: dict[int, list[int]] = {}
        for t, g in enumerate(choice):
            if g >= 0:
                members.setdefault(g, []).append(t)
        q = {g: self.quality(g, tuple(ts)) for g, ts in members.items()}
        tp_gold = sum(q.get(g, 0.0) for g in range(len(self.gargs)))
        tp_sub = sum(q[g] if g >= 0 else 0.0 for g in choice)
        n_sub = sum(1 for g in choice if g < 0 or not self.ignored[g])
        return tp_gold, tp_sub, self.n_gold, n_sub

    def f1_of(self, choice: Sequence[int]) -> float:
        return _f1(*self.evaluate(choice))

    def seed(self) -> tuple[list[int], float]:
        """A good assignment by hill climbing, only to prune the exact search."""
        choice = [-1] * len(self.subs)
        best = self.f1_of(choice)
        while True:
            step: tuple[float, int, int] | None = None
            for t, cands in enumerate(self.cands):
                old = choice[t]
                for g in [*cands, -1]:
                    if g == old:
                        continue
                    choice[t] = g
                    value = self.f1_of(choice)
                    if value > best + _EPS and (step is None or value > step[0]):
                        step = (value, t, g)
                choice[t] = old
            if step is None:
                return choice, best
            best, t, g = step
            choice[t] = g

    def _prepare_search(self) -> None:
        """Per depth, what the submitted facts not yet placed can still reach; and, per
        submitted fact, the previous one it is interchangeable with (same arguments matched
        the same way for every gold fact), whose choice it must not precede: swapping two
        such facts changes no figure, so one order of them is enough."""
        n, n_g = len(self.subs), len(self.gargs)
        self.reach = [[0] * n_g for _ in range(n + 1)]
        self.open = [[False] * n_g for _ in range(n + 1)]
        for t in range(n - 1, -1, -1):
            self.reach[t] = list(self.reach[t + 1])
            self.open[t] = list(self.open[t + 1])
            for g in self.cands[t]:
                self.reach[t][g] |= self.cover[g][t]
                self.open[t][g] = True
        # per submitted fact: its candidate gold facts that count, with its wrong weight there
        self.live = [[(g, self.wrong[g][t]) for g in self.cands[t] if not self.ignored[g]]
                     for t in range(n)]
        # submitted facts from depth on that cannot go with an ignored gold fact: they count
        self.must_count = [0] * (n + 1)
        for t in range(n - 1, -1, -1):
            self.must_count[t] = self.must_count[t + 1] + (
                not any(self.ignored[g] for g in self.cands[t]))
        signatures: dict[tuple[Any, ...], int] = {}
        self.twin = [-1] * n
        for t in range(n):
            sig = tuple(tuple(sorted((i, "") if i >= 0 else (-1, role) for (role, _), i
                                     in zip(self.subs[t].args, self.first[g][t], strict=True)))
                        for g in range(n_g))
            self.twin[t] = signatures.get(sig, -1)
            signatures[sig] = t

    def bound(self, choice: list[int], depth: int, members: list[list[int]],
              mask: list[int], wrong: list[float]) -> float:
        """An upper bound of F1 over every completion of the first `depth` choices.

        A cluster's quality is at most its argument quality, matched / (all gold + wrong):
        matched can only reach what its members and the facts still to place cover, and
        wrong only grows. A submitted fact scores its cluster's quality."""
        ub: list[float] = []
        reachable: list[float] = []
        reach, open_ = self.reach[depth], self.open[depth]
        for g in range(len(self.gargs)):
            reachable.append(self.weight_of(g, mask[g] | reach[g]))
            if self.ignored[g]:
                ub.append(0.0)
            elif not open_[g]:
                ub.append(self.quality(g, tuple(members[g])))
            else:
                ub.append(min(1.0, reachable[g] / (self.total[g] + wrong[g])))
        tp_gold = sum(ub)
        tp_sub = 0.0
        n_sub = self.must_count[depth]
        ignored = self.ignored
        for t in range(depth):
            g = choice[t]
            if g < 0 or not ignored[g]:
                n_sub += 1
            if g >= 0:
                tp_sub += ub[g]
        base = [self.total[g] + wrong[g] for g in range(len(ub))]
        for t in range(depth, len(self.subs)):
            best = 0.0
            for g, extra in self.live[t]:
                value = reachable[g] / (base[g] + extra)
                if value > best:
                    best = value if value < ub[g] else ub[g]
            tp_sub += best
        precision = 1.0 if n_sub == 0 else min(1.0, tp_sub / n_sub)
        recall = 1.0 if self.n_gold == 0 else min(1.0, tp_gold / self.n_gold)
        if n_sub == 0 and self.n_gold == 0:
            return 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0

    def solve(self) -> tuple[Counts, list[int]]:
        """The scorer's choice: the first assignment, in its search order (submitted facts
        in file order, each to its candidate gold facts in gold order, then to none), whose
        F1 no later one beats; exact unless the node budget runs out."""
        n, n_g = len(self.subs), len(self.gargs)
        self._prepare_search()
        seed_choice, seed_value = self.seed()
        best: list[Any] = [None, -1.0]
        choice = [-1] * n
        members: list[list[int]] = [[] for _ in range(n_g)]
        mask = [0] * n_g
        wrong = [0.0] * n_g
        rank = [{g: r for r, g in enumerate([*c, -1])} for c in self.cands]
        nodes = 0
        exhausted = False

        def visit(depth: int) -> None:
            nonlocal nodes, exhausted
            if depth == n:
                value = self.f1_of(choice)
                if best[0] is None or value > best[1]:
                    best[0], best[1] = list(choice), value
                return
            twin = self.twin[depth]
            floor = rank[depth][choice[twin]] if twin >= 0 else 0
            for g in [*self.cands[depth], -1][floor:]:
                nodes += 1
                if nodes > NODE_BUDGET:
                    exhausted = True
                    break
                choice[depth] = g
                if g >= 0:
                    members[g].append(depth)
                    old_mask, old_wrong = mask[g], wrong[g]
                    mask[g] |= self.cover[g][depth]
                    wrong[g] += self.wrong[g][depth]
                ub = self.bound(choice, depth + 1, members, mask, wrong)
                if not (ub < seed_value - _EPS
                        or (best[0] is not None and ub <= best[1] + _EPS)):
                    visit(depth + 1)
                if g >= 0:
                    members[g].pop()
                    mask[g], wrong[g] = old_mask, old_wrong
                if exhausted:
                    break
            choice[depth] = -1

        sys.setrecursionlimit(max(sys.getrecursionlimit(), n + 1000))
        visit(0)
        final = best[0]
        if final is None or (exhausted and seed_value > best[1]):
            final = seed_choice
        tp_gold, tp_sub, n_gold, n_sub = self.evaluate(final)
        return Counts(tp_gold, tp_sub, n_gold, n_sub, int(exhausted)), final


def score(gold: Mapping[str, Sequence[GoldFact]],
          predicted: Mapping[str, str | Sequence[SubmittedFact]],
          docs: Iterable[str] | None = None, hard_mode: bool = False) -> dict[str, Counts]:
    """Pooled counts per type and overall over `docs` (default: every gold document).

    `predicted` maps a document to its `.task3` text or parsed facts; a missing document
    is an empty submission, documents without gold are not scored (the scorer skips them)."""
    table = {row: Counts() for row in ROWS}
    for doc in gold if docs is None else docs:
        if doc not in gold:
            continue
        sub = predicted.get(doc, ())
        facts = parse_task3(sub) if isinstance(sub, str) else list(sub)
        for ftype in TYPES:
            matcher = _Matcher([g for g in gold[doc] if g.type == ftype],
                               [f for f in facts if f.type == ftype], hard_mode)
            counts, _ = matcher.solve()
            table[ftype].add(counts)
            table["overall"].add(counts)
    return table


def explain(gold: Mapping[str, Sequence[GoldFact]],
            predicted: Mapping[str, str | Sequence[SubmittedFact]], docs: Iterable[str],
            ftype: str, hard_mode: bool = False) -> Iterator[str]:
    """Lines showing, per document, each gold fact of `ftype` with the quality the scorer
    gave it and each submitted fact with the gold fact it was assigned to: what to read to
    see where recall and precision are lost."""
    for doc in docs:
        sub = predicted.get(doc, ())
        facts = [f for f in (parse_task3(sub) if isinstance(sub, str) else sub)
                 if f.type == ftype]
        golds = [g for g in gold.get(doc, ()) if g.type == ftype]
        if not facts and not golds:
            continue
        matcher = _Matcher(golds, facts, hard_mode)
        _, choice = matcher.solve()
        golds = matcher.gold  # hard mode leaves out the soft facts, and indexes the rest
        yield f"== {doc}"
        for g, fact in enumerate(golds):
            members = tuple(t for t, c in enumerate(choice) if c == g)
            mark = "hard" if matcher.ignored[g] else f"{matcher.quality(g, members):.2f}"
            args = "; ".join(f"{a.role}={a.label}" for a in fact.scored_args(hard_mode))
            yield f"  gold {fact.id} [{mark}] {args}"
        for t, fact in enumerate(facts):
            where = golds[choice[t]].id if choice[t] >= 0 else "-"
            yield f"  subm -> {where}: " + "; ".join(f"{r}={v}" for r, v in fact.args)


def gold_submission(gold: Mapping[str, Sequence[GoldFact]],
                    hard_mode: bool = False) -> dict[str, list[SubmittedFact]]:
    """A submission made of the gold facts themselves (one accepted form per argument):
    the scorer's sanity check, which must reach 1.0."""
    out: dict[str, list[SubmittedFact]] = {}
    for doc, facts in gold.items():
        out[doc] = [SubmittedFact(f.type, tuple((a.role, a.label)
                                               for a in f.scored_args(hard_mode)))
                    for f in facts if not (f.soft_modality if hard_mode else f.hard)]
    return out


# ------------------------------------------------------------------------------------ CLI

class _Parser(argparse.ArgumentParser):
    """Bad arguments: one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        _fail(message)


def _fail(message: str, code: int = 2) -> NoReturn:
    print(f"factrueval: error: {message}", file=sys.stderr)
    raise SystemExit(code)


def extractor_command(files: Sequence[Path], jobs: int) -> list[str]:
    """`python -m regiongraph extract …`, or the console script if there is no module."""
    tail = ["extract", "--format", "jsonl", "--jobs", str(jobs), *map(str, files)]
    if (ROOT / "regiongraph" / "__main__.py").is_file():
        return [sys.executable, "-m", "regiongraph", *tail]
    script = shutil.which("regiongraph")
    if script is None:
        _fail("neither regiongraph/__main__.py nor a regiongraph script was found", 1)
    return [script, *tail]


def run_extractor(files: Sequence[Path], jobs: int) -> tuple[list[dict[str, Any]], float]:
    """Records printed by the extractor and the wall time (model loading included)."""
    command = extractor_command(files, jobs)
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True,
                          encoding="utf-8", check=False)
    wall = time.perf_counter() - start
    records = []
    for line in proc.stdout.splitlines():
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                print(f"warning: extractor printed a non-JSON line: {line[:80]}",
                      file=sys.stderr)
    if proc.returncode != 0:
        if not records:
            _fail(f"extractor exited with {proc.returncode} and printed no facts", 1)
        print(f"warning: extractor exited with {proc.returncode}; scoring what it printed",
              file=sys.stderr)
    return records, wall


def format_table(results: Mapping[str, Mapping[str, Counts]]) -> str:
    """Rows per type and overall; gold, submitted, P, R, F1 for each half scored."""
    parts = list(results)
    head1 = f"{'':12}" + "".join(f"| {p:^35} " for p in parts)
    head2 = f"{'type':12}" + "".join(
        f"| {'gold':>5} {'subm':>5} {'P':>7} {'R':>7} {'F1':>7} " for _ in parts)
    lines = [head1, head2, "-" * len(head2)]
    for row in ROWS:
        cells = "".join(f"| {c.gold:5d} {c.submitted:5d} {c.precision:7.4f} {c.recall:7.4f} "
                        f"{c.f1:7.4f} " for c in (results[p][row] for p in parts))
        lines.append(f"{row:12}{cells}")
    return "\n".join(line.rstrip() for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog="factrueval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=PARTS, default="all",
                        help="tune = book_N with N even, heldout = N odd (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="extractor worker processes")
    parser.add_argument("--predictions", type=Path, metavar="FILE.jsonl",
                        help="score these JSONL records (or a folder of .task3 files) "
                             "instead of running the extractor")
    parser.add_argument("--write-task3", type=Path, metavar="DIR",
                        help="write book_N.task3 for every devset document (empty where "
                             "nothing), ready for the official t3_eval.py")
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, metavar="DIR")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--hard", action="store_true",
                        help="the scorer's hard mode (-m): hard facts and phases count, "
                             "possible/future/negated facts do not")
    parser.add_argument("--partof", action="store_true",
                        help="accept isPartOf wholes as an occupation's Where "
                             "(intended by the scorer, not done by it: unofficial)")
    parser.add_argument("--explain", choices=TYPES, metavar="TYPE",
                        help="also list, per document, the gold and submitted facts of TYPE "
                             "and how the scorer matched them")
    parser.add_argument("--job-lemmas", action="store_true",
                        help="accept a job's pymorphy2 base form too (the scorer's base-form "
                             "list covers no devset job: unofficial)")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        _fail("--jobs must be 1 or more")
    if not args.devset.is_dir() or not any(args.devset.glob("book_*.facts")):
        _fail(f"no factRuEval devset in {args.devset}")
    if args.predictions is not None and not args.predictions.exists():
        _fail(f"cannot read {args.predictions}")

    docs = split_docs({p.stem for p in args.devset.glob("book_*.txt")}, args.split)
    submission: dict[str, str] = {}
    try:  # a bad predictions file fails before the devset is parsed
        if args.predictions is not None and args.predictions.is_dir():
            submission = {p.stem: p.read_text(encoding="utf-8-sig")
                          for p in args.predictions.glob("book_*.task3")}
        elif args.predictions is not None:
            submission = to_task3(read_jsonl(args.predictions), args.hard)
    except (OSError, UnicodeDecodeError, ValueError) as err:
        _fail(str(err))
    try:  # ...and a broken devset before the extractor runs
        gold = load_gold(args.devset, partof=args.partof, job_lemmas=args.job_lemmas)
    except (OSError, UnicodeDecodeError, KeyError, ValueError, IndexError) as err:
        _fail(f"cannot read the devset in {args.devset}: {err}")
    timing: dict[str, float] | None = None
    if args.predictions is None:
        files = [args.devset / f"{d}.txt" for d in docs]
        records, wall = run_extractor(files, args.jobs)
        submission = to_task3(records, args.hard)
        timing = {"articles": len(files), "wall_seconds": wall,
                  "articles_per_second": len(files) / wall if wall > 0 else math.inf}

    if args.write_task3 is not None:
        try:
            args.write_task3.mkdir(parents=True, exist_ok=True)
            for doc in sorted({p.stem for p in args.devset.glob("book_*.txt")}):
                text = submission.get(doc, "") if doc in docs else ""
                (args.write_task3 / f"{doc}.task3").write_text(text, encoding="utf-8")
        except OSError as err:
            _fail(f"cannot write {args.write_task3}: {err}")

    parts = PARTS if args.split == "all" else (args.split,)
    results = {part: score(gold, submission, [d for d in split_docs(gold, part) if d in docs],
                           args.hard) for part in parts}
    approximate = results[parts[-1]]["overall"].approximate
    if args.json:
        print(json.dumps({"mode": "hard" if args.hard else "default", "split": args.split,
                          "partof": args.partof, "job_lemmas": args.job_lemmas,
                          "timing": timing,
                          "results": {p: {r: c.as_dict() for r, c in rows.items()}
                                      for p, rows in results.items()}},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"factRuEval-2016 {args.devset.name}, track 3, {'hard' if args.hard else 'default'} mode"
          f"{', isPartOf widening (unofficial)' if args.partof else ''}"
          f"{', job base forms (unofficial)' if args.job_lemmas else ''}; "
          f"{len(docs)} documents ({args.split})")
    if timing is not None:
        print(f"extraction: {timing['articles']} articles in {timing['wall_seconds']:.1f} s "
              f"wall, {timing['articles_per_second']:.2f} articles/s "
              f"(model loading included, --jobs {args.jobs})")
    if args.explain is not None:
        for line in explain(gold, submission, [d for d in split_docs(gold, args.split)
                                               if d in docs], args.explain, args.hard):
            print(line)
    print(format_table(results))
    if approximate:
        print(f"note: {approximate} document/type search(es) hit the node budget; their "
              "assignment is the best found, possibly not the optimum")
    return 0


if __name__ == "__main__":
    sys.exit(main())
