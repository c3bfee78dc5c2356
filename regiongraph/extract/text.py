"""Reading an article for extraction: checks that it is text, and hides page debris.

Debris (share buttons, photo credits, a lone «×») stays in the article, because quotes and
offsets index into it, but is blanked out with spaces before the NLP sees it, so offsets
still hold and no fact comes from it. Latin letters typed for their Cyrillic twins («c
главой», «Poссия») are likewise mended for the NLP alone, letter for letter.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DataError
from .lexicon import lexicon

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+")
#: Latin letters that look like Cyrillic ones, and those Cyrillic ones.
LATIN = re.compile(r"[a-z]", re.IGNORECASE)
TWINS = str.maketrans("aceopxyACEHKMOPTXB", "асеорхуАСЕНКМОРТХВ")


def read_article(path: Path) -> str:
    """The file's text exactly as `open(path, encoding="utf-8").read()` gives it (so offsets
    agree with the benchmark's), or a DataError saying why it is not an article."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(path, f"cannot read: {exc.strerror}") from None
    if b"\0" in data[:8192]:
        raise DataError(path, "binary file (NUL bytes): not a text article")
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                        "convert the article to UTF-8") from None
    if not text.strip():
        raise DataError(path, "empty article: no text to extract from")
    return text


def is_russian(text: str, sample: int = 20000) -> bool:
    """Whether the text is (mostly) Russian: a third of its letters are Cyrillic."""
    head = text[:sample]
    letters = len(LETTER.findall(head))
    return letters > 0 and len(CYRILLIC.findall(head)) * 3 >= letters


def hide_debris(text: str) -> str:
    """The text with debris lines replaced by spaces (same length, same offsets). A line is
    debris when it has no letters, is a share button or menu word, or starts a credit."""
    lex = lexicon()
    out = []
    for line in text.splitlines(keepends=True):
        body = line.strip()
        low = body.lower().strip(" .:|•·–—-")
        debris = bool(body) and (
            not LETTER.search(body)
            or low in lex.debris_lines
            or any(low.startswith(prefix) and (len(low) == len(prefix) or
                                               not low[len(prefix)].isalpha())
                   for prefix in lex.debris_prefixes))
        out.append(re.sub(r"[^\n\r]", " ", line) if debris else line)
    return "".join(out)


def mend_latin(text: str) -> str:
    """The text with Latin look-alike letters made Cyrillic where a Russian word was meant
    (same length, same offsets): inside a word that also has Cyrillic letters («Poссия»; not
when it has a Latin letter with no twin, «МLC»), and
    as a word of one letter between Cyrillic words («встретился c главой»), which the tagger
    would otherwise read as a foreign word. Words wholly in Latin letters stay as they are."""
    words = list(WORD.finditer(text))
    out = list(text)
    for number, word in enumerate(words):
        body = word.group()
        if CYRILLIC.search(body):
            mended = body.translate(TWINS)
            if LATIN.search(mended):  # a Latin letter with no twin: a Latin name («МLC»)
                continue
        elif len(body) == 1 and 0 < number < len(words) - 1 and \
                CYRILLIC.match(words[number - 1].group()) and \
                CYRILLIC.match(words[number + 1].group()):
            mended = body.translate(TWINS)
        else:
            continue
        if mended != body:
            out[word.start():word.end()] = mended
    return "".join(out)
