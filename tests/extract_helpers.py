"""Helpers the extraction tests share: the facts of a made-up text as (role, text) pairs, an
occupation's arguments written out, and sentences parsed by hand."""

from __future__ import annotations

from regiongraph.extract import extract_text
from regiongraph.extract.lexicon import lexicon
from regiongraph.extract.mentions import Mention
from regiongraph.extract.nlp import Sentence, Token
from regiongraph.extract.rules.base import Scope


def facts(text: str, kind: str) -> list[list[tuple[str, str]]]:
    """The arguments (role, text) of every fact of a type, confidence threshold or not."""
    return [args for _rule, args in found(text, kind)]


def found(text: str, kind: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(rule, [(role, text)]) of every fact of a type, confidence threshold or not: which way
    found each fact, and with what."""
    return [(f.rule, [(a.role, a.text) for a in f.args])
            for f in extract_text("t", text).facts if f.type == kind]


def posts(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(rule, [(role, text)]) of every occupation found, confidence threshold or not."""
    return found(text, "occupation")


def post(who: str, job: str, where: str | None = None) -> list[tuple[str, str]]:
    """An occupation's arguments: who, the job and, if given, where."""
    return [("who", who), ("job", job), *([("where", where)] if where else [])]


#: A word of a parse written by hand: text, part of speech, head, relation, lemma and, if
#: given, its features.
Word = tuple


def hand_tokens(words: list[Word]) -> list[Token]:
    """Tokens of a parse written by hand (as the parser sometimes makes it: not always a
    tree), numbered in order, at the offsets of the words joined by spaces."""
    tokens, start = [], 0
    for index, (word, pos, head, rel, lemma, *feats) in enumerate(words):
        tokens.append(Token(index, word, start, start + len(word), pos,
                            dict(feats[0]) if feats else {}, head, rel, lemma))
        start += len(word) + 1
    return tokens


def hand_scope(words: list[Word], names: tuple[tuple[str, int, int], ...] = ()) -> Scope:
    """A sentence's scope over a parse written by hand, with mentions (type, first, last
    word) over its words."""
    tokens = hand_tokens(words)
    text = " ".join(word for word, *_ in words)
    mentions = [Mention(kind, tokens[a].start, tokens[b].stop,
                        text[tokens[a].start:tokens[b].stop], "", 0, list(range(a, b + 1)))
                for kind, a, b in names]
    return Scope(0, Sentence(0, len(text), text, tokens), mentions, lexicon())
