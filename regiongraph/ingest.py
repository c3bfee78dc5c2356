"""Add new articles to data/articles/: the text verbatim and its metadata, all or nothing.

Input: text files, the date they were published and optional metadata. Output: for each new
text, `<id>.txt` (its bytes unchanged, since quotes and offsets index into it) and
`<id>.yaml`. The id is `NNN_<sha256 prefix>`: NNN keeps the order in which articles came in,
the digest makes the same text recognisable when it is given again.

A batch is checked in full before anything is written, so one bad file leaves data/ as it
was; a failed write, or a project that no longer loads afterwards, removes what this run
wrote.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import Paths
from .dates import DateSyntaxError, Point, parse_temporal
from .errors import DataError, UsageError
from .loader import load_corpus
from .model import Corpus
from .outputs import write_atomically
from .vocab import Vocabulary

#: The longest title taken from the text's first line; longer lines are cut here.
TITLE_LENGTH = 200
#: Hex digits of the text's SHA-256 in an article id.
DIGEST_LENGTH = 16
LANGUAGE = "ru"

_NUMBERED = re.compile(r"^(\d+)_")


@dataclass(frozen=True)
class Ingested:
    """One input file: the article id it has in data/articles/, and whether this run added it
    (False: the same text was there already)."""

    source: Path
    id: str
    new: bool


@dataclass(frozen=True)
class Metadata:
    """What the user says about the articles of one batch; names are resolved to entity ids."""

    date: Point
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None


def ingest(paths: Paths, files: Sequence[Path], date: str, title: str | None = None,
           publisher: str | None = None, author: str | None = None,
           url: str | None = None) -> list[Ingested]:
    """Add each Russian text of `files` as a new article; a text already present is reported,
    not added again. Raises DataError or UsageError before writing anything when any file or
    value is bad."""
    if not files:
        raise UsageError("no files to ingest")
    if len(files) > 1 and (title is not None or url is not None):
        raise UsageError("--title and --url describe one article: give them with one file only")
    missing = [str(f) for f in files if not Path(f).is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    vocab = Vocabulary.load(paths.ontology)
    corpus = load_corpus(paths, vocab)  # the registry, and a project that loads before we start
    meta = Metadata(_article_date(date), title, _entity(paths, corpus, "publisher", publisher),
                    _entity(paths, corpus, "author", author), url)

    known = _digests(paths.articles)
    number = _next_number(paths.articles)
    results: list[Ingested] = []
    files_out: dict[str, bytes] = {}
    for source in map(Path, files):
        data, text = _read(source)
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            results.append(Ingested(source, known[digest], new=False))
            continue
        article_id = f"{number:03d}_{digest[:DIGEST_LENGTH]}"
        number += 1
        known[digest] = article_id
        for name in (f"{article_id}.txt", f"{article_id}.yaml"):
            if (paths.articles / name).exists():
                raise DataError(paths.articles / name, "already exists; remove it or rename it")
        files_out[f"{article_id}.txt"] = data
        files_out[f"{article_id}.yaml"] = metadata_yaml(article_id, text, meta, source)
        results.append(Ingested(source, article_id, new=True))
    _write_all(paths, vocab, files_out)
    return results


def _article_date(text: str) -> Point:
    try:
        value = parse_temporal(text)
    except DateSyntaxError as exc:
        raise UsageError(f"--date: {exc}") from None
    if not isinstance(value, Point):
        raise UsageError(f"--date: an article has one date (YYYY, YYYY-MM or YYYY-MM-DD), "
                         f"not the period '{text}'")
    return value


def _entity(paths: Paths, corpus: Corpus, key: str, value: str | None) -> str | None:
    """The registry id that `value` is, or names (a label or alias, in any inflection the
    extractor's resolver knows), so that metadata always refers to an entity."""
    if value is None or value in corpus.entities:
        return value
    from .extract import Registry  # the resolver loads the morphology: only when needed

    found = Registry.of(corpus.entities).find(value)
    if found is None:
        raise DataError(paths.entities, f"{key} '{value}' is neither the id nor a name of an "
                        "entity of the registry: add it to data/entities/")
    return found


def _read(source: Path) -> tuple[bytes, str]:
    """The file's bytes and its text, or a DataError saying why it is not a Russian article."""
    from .extract.text import is_russian, read_article

    text = read_article(source)
    if not is_russian(text):
        raise DataError(source, "not Russian text: only articles in Russian can be ingested")
    return source.read_bytes(), text


def _digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every article text present, to the article's id: a text given twice is the
    same article, whatever its file was called."""
    return {hashlib.sha256(path.read_bytes()).hexdigest(): path.stem
            for path in sorted(folder.glob("*.txt"))}


def _next_number(folder: Path) -> int:
    numbers = [int(match.group(1)) for path in folder.iterdir()
               if (match := _NUMBERED.match(path.name))] if folder.is_dir() else []
    return max(numbers, default=-1) + 1


def first_line(text: str) -> str:
    """The title a text gives itself: its first non-empty line, cut to TITLE_LENGTH."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line[:TITLE_LENGTH].rstrip()


def metadata_yaml(article_id: str, text: str, meta: Metadata, source: Path) -> bytes:
    """The article's `<id>.yaml`, in the keys and order of the seed articles."""
    entry: dict[str, object] = {"id": article_id, "title": meta.title or first_line(text),
                                "date": str(meta.date), "language": LANGUAGE}
    for key in ("publisher", "author", "url"):
        if getattr(meta, key) is not None:
            entry[key] = getattr(meta, key)
    entry["note"] = f"Ingested from {source.name} with `regiongraph ingest`."
    return yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def _write_all(paths: Paths, vocab: Vocabulary, files: dict[str, bytes]) -> None:
    """Write the batch, then load the project again; on any failure remove what was written,
    so that data/articles/ is as it was."""
    written: list[Path] = []
    try:
        for name, content in sorted(files.items()):
            written += write_atomically(paths.articles, {name: content})
        if written:
            load_corpus(paths, vocab)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
