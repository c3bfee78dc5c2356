"""Cooperation: a party works, or will work, with partners in areas («Тверская область
расширит сотрудничество с Молдовой в сферах образования и культуры»).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..mentions import Mention
from ..nlp import Token
from .base import (
    LOC,
    ORG,
    Arg,
    Found,
    Scope,
    genitives_of,
    subjects,
    with_adjectives,
    with_preposition,
)
from .events import event_actors, event_modality

#: Not measured on a benchmark (factRuEval has no cooperation): the figure of the other
#: unmeasured rules.
COOPERATION_CONFIDENCE = 0.6


def cooperation(scope: Scope) -> Iterator[Found]:
    """A cooperation: a word of it (`cooperation_words`: «сотрудничество», «взаимодействие»,
    «сотрудничать»), its party and partners, and its areas. The party is the subject (of the
    verb, or of the verb the noun is the object of: «Тверь расширит сотрудничество») or the
    first of the names in the noun's genitive or «между» phrase; the partners are the other
    names there and those after «с» (a delegation or a body for its party, as in meetings).
    The areas are the registry's areas of cooperation (`Context.areas`) that the word names:
    after a frame noun («в сферах образования, культуры и туризма», «в научной и
    промышленной сфере»), as an adjective on it («торгово-экономическое сотрудничество»), or
    after «в» («сотрудничество в машиностроении»). A cooperation without an area is found
    (its sides are those a later sentence means, `base.sides`) but makes no fact of the
    graph, whose shape asks for an area; one with areas and no one named is between the
    sides of the last cooperation before («Тверь расширит сотрудничество с Молдовой. …
    взаимодействия в сферах образования, культуры …»; `Scope.cooperating`). Cooperation to
    come or wished says so (`event_modality`: «расширит» is future). Each word of
    cooperation gives its own fact, but one that is an area of another («… в сферах
    образования и торгово-экономического сотрудничества»)."""
    lex, tokens = scope.lex, scope.tokens
    words_of = [t for t in tokens if t.lemma in lex.cooperation_words]
    named: list[Arg] = []  # areas found: «…торгово-экономического сотрудничества» is one
    for number, token in enumerate(words_of):
        if any(a.start <= token.start < a.end for a in named):
            continue
        heads, words, partners = cooperation_context(scope, token)
        # the parser hangs the areas on the word, its verb, the partner before them or the
        # word it is joined to; of two cooperation words, each has the areas between the one
        # before and the next that the one before did not take
        start = words_of[number - 1].stop if number else scope.sentence.start
        stop = words_of[number + 1].start if number + 1 < len(words_of) else scope.sentence.stop
        areas = [a for a in cooperation_areas(scope, [*heads, *partners])
                 if start <= a.start < stop and all(n.start != a.start for n in named)]
        sides = actors(scope, words)
        others = [m for m in actors(scope, partners) if all(m.entity != s.entity for s in sides)]
        if not words and not partners and areas:  # «взаимодействие в сферах …»: the sides
            sides, others = scope.cooperating[:1], scope.cooperating[1:]  # of the last one
        if not sides or not sides[1:] + others:
            continue
        args = [scope.arg("party", sides[0])]
        args += [scope.arg("partner", m) for m in [*sides[1:], *others]]
        args += areas
        args += scope.dated(token.index)
        named += areas
        yield Found("cooperation", args, COOPERATION_CONFIDENCE, "cooperation", scope.number,
                    event_modality(scope, token.index))


def cooperation_context(scope: Scope, token: Token) -> tuple[list[int], list[int], list[int]]:
    """The words around a cooperation word: the word and its verb (for a noun the verb's
    object: «расширит сотрудничество»; a noun joined to another takes that one's verb:
    «расширит сотрудничество с X и взаимодействие с Y»), the words that may name its sides
    (the verb's subject, the noun's genitive, «между») and its partners («с»). The heads
    are the word, its verb and the word it is joined to: where its areas may hang."""
    lex, tokens = scope.lex, scope.tokens
    noun = token.index
    if token.rel == "conj" and token.head >= 0 and tokens[token.head].lemma in \
            lex.cooperation_words:
        noun = token.head
    verb = token.index if token.pos == "VERB" else tokens[noun].head
    light = verb >= 0 and tokens[verb].pos == "VERB" and (
        verb == token.index or tokens[noun].rel == "obj")
    heads = [token.index, verb] if light and verb != token.index else [token.index]
    heads += [noun] if noun != token.index else []
    words = subjects(scope, verb) if light else []
    if token.pos != "VERB":
        words += genitives_of(scope, token.index)
    words += with_preposition(scope, token.index, *lex.between_prepositions)
    partners = [k for head in heads for k in with_preposition(scope, head, *lex.with_prepositions)
                if head == token.index or noun == token.index]  # a conjunct: its own «с»
    return heads, words, partners


def actors(scope: Scope, words: list[int]) -> list[Mention]:
    """The places and organisations the words stand for (people cooperate as officials)."""
    return [m for m in event_actors(scope, words) if m.type in (LOC, ORG)]


def cooperation_areas(scope: Scope, heads: list[int]) -> list[Arg]:
    """The registry's areas of cooperation below the words, each once, in the order of the
    text: adjectives on the first (the cooperation word), and after «в» a frame noun's
    adjectives and genitives or the noun itself. An area named by two words is looked up
    with its adjectives first («сельского хозяйства»)."""
    lex, tokens = scope.lex, scope.tokens
    spans = [(k, heads[0]) for k in scope.children(heads[0], "amod")]  # «торгово-экономическое
    words = [k for k, _ in spans]  # сотрудничество» is a name of the registry's area of trade
    for kid in (k for head in heads
                for k in with_preposition(scope, head, *lex.place_prepositions)):
        if tokens[kid].lemma in lex.area_frames:  # «в сферах образования», «в научной сфере»
            for frame in scope.conjuncts(kid):
                words += [*scope.children(frame, "amod"), *genitives_of(scope, frame)]
        else:  # «в машиностроении»
            words.append(kid)
    spans += [(with_adjectives(scope, c), c) for k in words for c in scope.conjuncts(k)]
    spans += [(c, c) for k in words for c in scope.conjuncts(k)]
    found: dict[int, Arg] = {}  # by the area's last word: one area a word
    for first, last in spans:
        entity = scope.context.areas.get(" ".join(t.lemma for t in tokens[first:last + 1]))
        if entity and last not in found and all(a.entity != entity for a in found.values()):
            start, stop = tokens[first].start, tokens[last].stop
            offset = scope.sentence.start
            found[last] = Arg("area", scope.sentence.text[start - offset:stop - offset], start,
                              stop, entity)
    return [found[k] for k in sorted(found)]
