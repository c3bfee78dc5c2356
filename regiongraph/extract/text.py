"""Reading an article for extraction: checks that it is text, and hides page debris.

Debris (share buttons, photo credits, a lone «×») stays in the article, because quotes and
offsets index into it, but is blanked out with spaces before the NLP sees it, so offsets
still hold and no fact comes from it. Latin letters typed for their Cyrillic twins («c
главой», «Poссия») are likewise mended, letter for letter, before the NLP reads the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DataError
from .lexicon import lexicon

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")
#: The word right before a place (past spaces), and the word right after one.
LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")
FIRST_WORD = re.compile(r"\s+([^\W\d_]+)")
LATIN = re.compile(r"[a-z]", re.IGNORECASE)
#: Words with a Latin letter: the only ones `mend_latin` has to look at.
WITH_LATIN = re.compile(r"[^\W\d_]*[a-zA-Z][^\W\d_]*")
#: Latin letters that look like Cyrillic ones, and those Cyrillic ones.
TWINS = str.maketrans("aceopxykACEHKMOPTXB", "асеорхукАСЕНКМОРТХВ")
#: Russian words of one letter that have a Latin twin (lower case: «C» in «витамин C» is Latin).
ONE_LETTER = {"a": "а", "c": "с", "o": "о", "y": "у", "k": "к"}


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
    (same length, same offsets): inside a word that also has Cyrillic letters («Poссия»), not
    when it has a Latin letter with no twin («МLC»); and a lower-case one-letter word between
    Russian words that is one of Russian's one-letter words («встретился c главой»). Words
    wholly in Latin letters («BP», «витамин C») stay as they are."""
    def mend(word: re.Match[str]) -> str:
        body = word.group()
        if CYRILLIC.search(body):
            return cyrillic_twins(body)
        if body in ONE_LETTER and between_russian(text, word.start(), word.end()):
            return ONE_LETTER[body]
        return body

    return WITH_LATIN.sub(mend, text)


def cyrillic_twins(word: str) -> str:
    """A word with Cyrillic letters, its Latin look-alikes made Cyrillic («Poссия»), unless it
    has a Latin letter with no twin («МLC»); any other word as it is. Names' keys read
    hyphenated words so too («АКМ-BP» is «АКМ-ВР»), which the text's mending leaves apart."""
    if not CYRILLIC.search(word):
        return word
    mended = word.translate(TWINS)
    return word if LATIN.search(mended) else mended


def between_russian(text: str, start: int, stop: int) -> bool:
    """Whether the words on both sides of text[start:stop] (past spaces) are Russian."""
    before = LAST_WORD.search(text[max(0, start - 60):start])
    after = FIRST_WORD.match(text[stop:stop + 60])
    return bool(before and after and CYRILLIC.match(before.group(1)[-1])
                and CYRILLIC.match(after.group(1)))
