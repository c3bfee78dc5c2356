"""Articles: verbatim text (`<id>.txt`) and metadata (`<id>.yaml`) in data/articles/.

The text is kept exactly as captured, page debris included, because quotes are checked
against it and offsets index into it.
"""

from __future__ import annotations

from pathlib import Path

from .dates import DateSyntaxError, Point, parse_temporal
from .errors import DataError
from .model import Article
from .roles import ID_PATTERN
from .yamlio import Node, read_yaml

REQUIRED = ("id", "title", "date", "language")
OPTIONAL = ("publisher", "author", "contributors", "url", "evidence", "note")


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                        "convert the article to UTF-8") from None


def load_article(meta_path: Path) -> tuple[Article, Node]:
    """One article and its raw metadata (whose references the registry checks later)."""
    meta = read_yaml(meta_path)
    if not isinstance(meta, Node):
        raise DataError(meta_path, "article metadata must be a mapping of id, title, date, ...")
    missing = [key for key in REQUIRED if not meta.get(key)]
    unknown = sorted(set(meta) - set(REQUIRED) - set(OPTIONAL))
    article_id = str(meta.get("id", meta_path.stem))
    if missing or unknown:
        problem = (f"missing {', '.join(missing)}" if missing
                   else f"unknown key(s) {', '.join(unknown)}; allowed: "
                        f"{', '.join(REQUIRED + OPTIONAL)}")
        raise DataError(meta_path, problem, entry=article_id, line=meta.line)
    if article_id != meta_path.stem or not ID_PATTERN.match(article_id):
        raise DataError(meta_path, f"id '{article_id}' must equal the file name "
                        f"'{meta_path.stem}' and use a-z, 0-9, '-', '_'", entry=article_id,
                        line=meta.line)
    text_path = meta_path.with_suffix(".txt")
    if not text_path.exists():
        raise DataError(meta_path, f"no article text: expected {text_path.name} beside it",
                        entry=article_id, line=meta.line)
    try:
        date = parse_temporal(meta["date"])
    except DateSyntaxError as exc:
        raise DataError(meta_path, f"date: {exc}", entry=article_id, line=meta.line) from None
    if not isinstance(date, Point):
        raise DataError(meta_path, "date: an article has one date (a day, a month or a year)",
                        entry=article_id, line=meta.line)
    article = Article(
        id=article_id, title=str(meta["title"]), text=read_text(text_path), date=date,
        language=str(meta["language"]), path=text_path,
        publisher=meta.get("publisher"), author=meta.get("author"),
        contributors=tuple(meta.get("contributors") or ()), url=meta.get("url"),
        note=meta.get("note"))
    return article, meta


def load_articles(folder: Path) -> list[tuple[Article, Node]]:
    return [load_article(path) for path in sorted(folder.glob("*.yaml"))]
