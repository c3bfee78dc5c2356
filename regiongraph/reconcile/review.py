"""The review file: proposals written for a person to check, in the format of data/links/.

Inputs: Proposals (from the offline and Wikidata proposers) or a review file written before.
Outputs: the file's text (dump_review), the file itself written atomically (write_review), and
the Proposals read back from it (read_review), with the Review of one run and its summary. Apart
so that what a proposal says and how it is written down are decided in one place.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..config import LINK_KINDS
from ..errors import DataError
from ..outputs import write_atomically
from ..yamlio import Node, read_yaml
from .names import THRESHOLD


@dataclass(frozen=True)
class Proposal:
    """A candidate identifier for one entity, with where it comes from and why."""

    entity: str
    kind: str  # a key of config.LINK_KINDS
    id: str
    source: str
    evidence: str
    score: float

    @property
    def checked(self) -> str:
        return (f"proposed by regiongraph link from {self.source}: {self.evidence}; "
                "review before accepting")


@dataclass
class Review:
    """The proposals of one run, and how many Wikidata requests it made."""

    proposals: list[Proposal]
    requests: int = 0
    cached: int = 0

    def counts(self) -> dict[str, int]:
        found = Counter(p.kind for p in self.proposals)
        return {kind: found[kind] for kind in LINK_KINDS}

    def summary(self, target: Path | None = None, online: bool = False) -> str:
        lines = [f"proposed links: {len(self.proposals)} (score >= {THRESHOLD})"]
        lines += [f"  {kind:<10}{count:>4}" for kind, count in self.counts().items()]
        if online:
            lines.append(f"wikidata requests: {self.requests} sent, {self.cached} from the cache")
        if target is not None:
            lines.append(f"wrote {target}")
        return "\n".join(lines)


HEADER = """\
# Proposed external links, written by `regiongraph link`. NOT CHECKED: each entry is a
# candidate with its evidence and score. To accept one, check the id yourself, move its line
# into data/links/*.yaml, write in `checked` where you checked it and delete `score`.
"""
_PROPOSED = re.compile(r"^proposed by regiongraph link from (.+?): (.*); review before accepting$",
                       re.DOTALL)


def _scalar(value: str) -> str:
    """A plain YAML scalar when it reads back as the same string, else a quoted one."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", value) and yaml.safe_load(value) == value:
        return value
    if value.isdigit():
        return value
    return json.dumps(value, ensure_ascii=False)


def dump_review(proposals: Iterable[Proposal]) -> str:
    """The review file's text: data/links/ format, one entry per entity, sorted."""
    order = list(LINK_KINDS)
    by_entity: dict[str, list[Proposal]] = {}
    for p in sorted(proposals, key=lambda p: (p.entity, order.index(p.kind))):
        by_entity.setdefault(p.entity, []).append(p)
    blocks = []
    for entity, items in by_entity.items():
        lines = [f"- entity: {_scalar(entity)}"]
        lines += [f"  {p.kind}: {{id: {_scalar(p.id)}, checked: "
                  f"{json.dumps(p.checked, ensure_ascii=False)}, score: {p.score:.2f}}}"
                  for p in items]
        blocks.append("\n".join(lines) + "\n")
    return HEADER + ("\n" + "\n".join(blocks) if blocks else "[]\n")


def write_review(proposals: Iterable[Proposal], target: Path) -> Path:
    write_atomically(target.parent, {target.name: dump_review(proposals).encode("utf-8")})
    return target


def read_review(path: Path) -> list[Proposal]:
    """Proposals back from a review file (to edit or re-write it)."""
    entries = read_yaml(path) or []
    if not isinstance(entries, list):
        raise DataError(path, "expected a list of {entity: ID, <kind>: {id, checked, score}}")
    result = []
    for entry in entries:
        if not isinstance(entry, Node) or "entity" not in entry:
            raise DataError(path, "each entry is a mapping with an 'entity'")
        for kind, value in entry.items():
            if kind == "entity":
                continue
            found = _PROPOSED.match(str(value.get("checked", ""))) if isinstance(
                value, dict) else None
            if kind not in LINK_KINDS or found is None or "score" not in value:
                raise DataError(path, f"'{kind}' is not a proposal of regiongraph link",
                                entry=str(entry["entity"]), line=entry.key_lines.get(kind))
            result.append(Proposal(str(entry["entity"]), kind, str(value["id"]), found[1],
                                   found[2], float(value["score"])))
    return result
