"""Extraction over many files, in one process or in N, with a progress bar on long runs.

Workers load Natasha once each (about 1 s) and take files in order; results come back in
the order of the input, so the output does not depend on `jobs`. A worker that dies (the
out-of-memory killer) stops the run with an error instead of a hang. A file that is not an
article (empty, binary, not UTF-8), or one on which the extractor fails (a bug: an
`InternalError`), gives its error in place of a result; the others go on.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..dates import Point
from ..errors import DataError, InternalError, RegiongraphError
from .extractor import Extraction, extract_file, extract_text
from .mentions import Candidates, Registry


class ExtractionError(RegiongraphError):
    """The extraction could not finish, for a reason outside the input files."""


#: Seconds before the progress bar appears: short runs stay quiet.
PROGRESS_DELAY = 3.0

#: An article already read: its id, text and date.
Item = tuple[str, str, Point | None]

_registry: Registry | None = None
_candidates: Candidates | None = None


def _init(registry: Registry) -> None:
    global _registry, _candidates
    _registry, _candidates = registry, Candidates()


def _one(item: Path | Item) -> Extraction | DataError | InternalError:
    """One file's extraction, or its error as a value: the other files go on."""
    try:
        if isinstance(item, Path):
            return extract_file(item, _registry, _candidates)
        return extract_text(item[0], item[1], _registry, _candidates, item[2])
    except (DataError, InternalError) as exc:
        return exc
    except Exception as exc:  # a bug outside the rules (they name themselves): say where
        name = str(item) if isinstance(item, Path) else item[0]
        return InternalError.caught(f"{name}: the extractor failed", exc)


def extract_files(paths: Sequence[Path | Item], registry: Registry | None = None,
                  jobs: int = 1, progress: bool | None = None,
                  ) -> Iterator[tuple[Path | Item, Extraction | DataError | InternalError]]:
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
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init,
                                 initargs=(registry,)) as pool:
            try:
                for path, result in zip(paths, pool.map(_one, paths), strict=True):
                    yield path, result
                    bar.update()
            except BrokenProcessPool:  # a worker killed, e.g. by the out-of-memory killer
                raise ExtractionError(
                    "an extraction worker process died (out of memory?); nothing was written: "
                    "retry with fewer --jobs") from None
    finally:
        bar.close()
