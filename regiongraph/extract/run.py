"""Extraction over many files, in one process or in N, with a progress bar on long runs.

Workers load Natasha once each (about 1.5 s) and take files in order; results come back in
the order of the input, so the output does not depend on `jobs`. A file that is not an
article (empty, binary, not UTF-8) gives its error in place of a result; the others go on.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..dates import Point
from ..errors import DataError
from .extractor import Extraction, extract_file, extract_text
from .mentions import Candidates, Registry

#: Seconds before the progress bar appears: short runs stay quiet.
PROGRESS_DELAY = 3.0

#: An article already read: its id, text and date.
Item = tuple[str, str, Point | None]

_registry: Registry | None = None
_candidates: Candidates | None = None


def _init(registry: Registry) -> None:
    global _registry, _candidates
    _registry, _candidates = registry, Candidates()


def _one(item: Path | Item) -> Extraction | DataError:
    try:
        if isinstance(item, Path):
            return extract_file(item, _registry, _candidates)
        return extract_text(item[0], item[1], _registry, _candidates, item[2])
    except DataError as exc:
        return exc


def extract_files(paths: Sequence[Path | Item], registry: Registry | None = None,
                  jobs: int = 1, progress: bool | None = None,
                  ) -> Iterator[tuple[Path | Item, Extraction | DataError]]:
    """Each file (or `(doc, text, date)` item) with its extraction or its error, in input
    order."""
    from tqdm import tqdm

    registry = registry or Registry()
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(paths), unit="article", delay=PROGRESS_DELAY, disable=not show,
               file=sys.stderr)
    try:
        if jobs <= 1 or len(paths) <= 1:
            _init(registry)
            for path in paths:
                yield path, _one(path)
                bar.update()
            return
        with multiprocessing.get_context("fork").Pool(jobs, _init, (registry,)) as pool:
            for path, result in zip(paths, pool.imap(_one, paths, chunksize=1), strict=True):
                yield path, result
                bar.update()
    finally:
        bar.close()
