"""A cache of extractions, so that a rebuild does not run Natasha again on unchanged articles.

An extraction depends only on the article (id, date, text), the registry's names and classes,
and the extractor's version (package version and a digest of its code and word lists): the
cache key is a digest of all of them, so a stale entry is never read, and a cached result is
the result a fresh run would give (the build stays byte-identical). Entries are pickles in
`OUT/.cache/extract/`, written atomically; one that cannot be read is recomputed.

Beside them, one file keeps the lemmas of the words builds have lemmatised in their main
process, keyed by the extractor's version and pymorphy2's and its dictionaries': what lets a
cached rebuild match names to the registry without loading the morphological analyser. A
file of another version is removed when a new one is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from importlib.metadata import version
from pathlib import Path

from ..model import Entity
from ..outputs import write_atomically
from .extractor import EXTRACTOR_VERSION, Extraction
from .mentions import LEMMAS, Registry
from .run import Item, extract_files


def registry_digest(entities: dict[str, Entity]) -> str:
    """What of the registry the extractor reads: ids, classes, labels and aliases."""
    digest = hashlib.sha256()
    for entity in sorted(entities.values(), key=lambda e: e.id):
        digest.update(repr((entity.id, entity.cls, entity.labels, entity.aliases)).encode())
    return digest.hexdigest()


def entry_name(item: Item, registry: str) -> str:
    """The cache file of an article: a digest of all an extraction depends on."""
    doc, text, date = item
    parts = (EXTRACTOR_VERSION, registry, doc, str(date), text)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest() + ".pickle"


def extract_cached(items: list[Item], registry: Registry, folder: Path | None, jobs: int = 1,
                   ) -> tuple[list[Extraction | Exception], list[tuple[Path, Extraction]]]:
    """The extraction of each item, in order: from the cache where it has the item, else
    extracted (in `jobs` processes); and the new entries, for `store` to write once the build
    has succeeded. `folder` None: no cache."""
    digest = registry_digest(registry.entities)
    paths = [folder / entry_name(item, digest) if folder else None for item in items]
    results: dict[int, Extraction | Exception] = {}
    missing: list[int] = []
    for number, path in enumerate(paths):
        found = read(path) if path is not None else None
        if found is None:
            missing.append(number)
        else:
            results[number] = found
    fresh = []
    extracted = extract_files([items[n] for n in missing], registry, jobs)
    for number, (_item, result) in zip(missing, extracted, strict=True):
        results[number] = result
        path = paths[number]
        if path is not None and isinstance(result, Extraction):
            fresh.append((path, result))
    return [results[n] for n in range(len(items))], fresh


def store(entries: list[tuple[Path, object]]) -> None:
    """Write new entries (extractions, lemmas) atomically, as the build writes its outputs; a
    cache that cannot be written only costs time at the next build. Writing a lemma file
    removes those of other versions, which no build would read again."""
    for path, entry in entries:
        with contextlib.suppress(OSError):
            write_atomically(path.parent, {path.name: pickle.dumps(
                entry, protocol=pickle.HIGHEST_PROTOCOL)})
            if path.suffix == ".lemmas":
                for other in path.parent.glob("*.lemmas"):
                    if other != path:
                        other.unlink(missing_ok=True)


def lemma_file(folder: Path) -> Path:
    """The lemma file of this extractor and this pymorphy2 with these dictionaries: a lemma
    stored by another version is never read."""
    parts = (EXTRACTOR_VERSION, version("pymorphy2"), version("pymorphy2-dicts-ru"))
    return folder / (hashlib.sha256("\0".join(parts).encode()).hexdigest() + ".lemmas")


def recall_lemmas(folder: Path | None) -> int:
    """Add the lemmas stored in `folder` to those known; return how many were stored, for
    `new_lemmas` to tell whether the file lacks any."""
    stored = unpickled(lemma_file(folder)) if folder is not None else None
    if not isinstance(stored, dict) or not all(
            isinstance(word, str) and isinstance(lemma, str) for word, lemma in stored.items()):
        return 0
    for word, lemma in stored.items():
        LEMMAS.setdefault(word, lemma)
    return len(stored)


def new_lemmas(folder: Path | None, stored: int) -> list[tuple[Path, object]]:
    """The lemma file's entry for `store`, when more lemmas are known than it holds."""
    if folder is None or len(LEMMAS) <= stored:
        return []
    return [(lemma_file(folder), dict(LEMMAS))]


def read(path: Path) -> Extraction | None:
    found = unpickled(path)
    return found if isinstance(found, Extraction) else None


def unpickled(path: Path) -> object:
    """What a cache file holds, or None when it cannot be read: a missing, truncated or
    damaged file (a flipped byte can make pickle raise almost any error) only costs the work
    it would have saved, never the build."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # any damage means: compute it again
        return None
