"""What every rule reads: a sentence's `Scope`, the `Arg`s and `Found` facts rules yield,
and walks over the dependency tree that several rules share.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import islice
from operator import itemgetter
from typing import NamedTuple

from ...dates import Point
from ...model import Money
from ..lexicon import Lexicon
from ..mentions import WORD, Mention, key_of
from ..nlp import (
    QUOTES,
    Sentence,
    Token,
    models,
    normalise,
    quote_openers,
)
from ..when import dates_in, money_in

PERSON, ORG, LOC = "PER", "ORG", "LOC"
ACTORS = (PERSON, ORG, LOC)
#: Dependency relations that attach a name to the word it names or describes.
NAMING = ("appos", "flat:name", "flat", "nmod", "parataxis", "conj")
#: Relations inside a noun phrase: names, and the adjectives and numbers that agree.
PHRASE = (*NAMING, "amod", "det", "nummod", "flat:foreign", "cc")
#: Parts of speech of the words «который» can stand for.
NOUNS = ("NOUN", "PROPN", "PRON")
#: A word in Latin letters (and digits).
LATIN = re.compile(r"[a-z0-9][a-z0-9&.'-]*")


class PlaceName(NamedTuple):
    """A place of the article under one of its names: the lemmas of the name's words, and
    the lemmas of its words after the first that are written with a capital («Карелия» of
    «Тверская Карелия», «республика» of «Удмуртская Республика»)."""

    mention: Mention
    words: list[str]
    capitals: frozenset[str]


class Context(list[Mention]):
    """The article's mentions in order, shared by the scopes of all its sentences, with the
    indexes rules look names up in, made once per article rather than once per sentence;
    and the article's sentences, which the indexes of words beside names read."""

    def __init__(self, mentions: Iterable[Mention] = (),
                 sentences: Sequence[Sentence] = (),
                 aliases: Mapping[str, Sequence[str]] | None = None,
                 areas: Mapping[str, str] | None = None) -> None:
        super().__init__(mentions)
        self.sentences = list(sentences)
        self.aliases = aliases or {}  # a registry entity's other names, by its id
        self.areas = areas or {}  # the registry's areas of cooperation, by their names' keys

    @cached_property
    def names(self) -> dict[str, Mention]:
        """The article's actors by the lemmas of their names and of the first words, in Latin
        letters, of their names («Acme» of «Acme Systems», not «Российская» of «Российская
        Федерация»), the first met winning: a name the NER missed in one sentence is found
        by one it tagged in another."""
        index: dict[str, Mention] = {}
        for mention in self:
            if mention.type in ACTORS and mention.entity:
                index.setdefault(key_of(mention.text), mention)
                first = key_of(mention.normal).split()[:1]
                if first and LATIN.fullmatch(first[0]):
                    index.setdefault(first[0], mention)
        return index

    @cached_property
    def places(self) -> list[PlaceName]:
        """The article's named places, each by its first mention, with the lemmas of its
        name's words: what place adjectives are matched against («томский» → «Томская
        область»), lemmatised once per article instead of once per adjective."""
        return self.places_named(lambda mention: (mention.name,))

    def name_words(self, mention: Mention) -> set[str]:
        """The lemmas of the words of a mention's names: its own and, for a registry entity,
        its other names («республика» for «Молдова», through «Республика Молдова»)."""
        names = (mention.name, *self.aliases.get(mention.entity, ()))
        return {word for name in names for word in key_of(name).split()}

    @cached_property
    def places_aliased(self) -> list[PlaceName]:
        """The article's registry places under their other names, matched after the names the
        article writes (`places`): «молдавский» derives from «Молдавия», not from the
        «Молдова» the article may write."""
        return self.places_named(lambda mention: self.aliases.get(mention.entity, ()))

    def places_named(self, names: Callable[[Mention], Iterable[str]]) -> list[PlaceName]:
        seen: dict[str, PlaceName] = {}
        for mention in self:
            if mention.type != LOC or not mention.name:
                continue
            for name in names(mention):
                if name not in seen:
                    words = key_of(name).split()
                    capitals = [w[:1].isupper() for w in WORD.findall(name) if w != "-"]
                    seen[name] = PlaceName(mention, words, frozenset(
                        word for word, capital in zip(words[1:], capitals[1:], strict=False)
                        if capital))
        return list(seen.values())

    @cached_property
    def descriptors(self) -> list[tuple[int, str, Mention]]:
        """The article's organisations, each mention with the common noun it was introduced
        with (`descriptor`): where the pair ends, the noun's lemma and the mention, in the
        order of the text. What a bare noun later stands for («глава холдинга» after «холдинг
        «Альфа»»): see `introduced`."""
        found: list[tuple[int, str, Mention]] = []
        for mention in self:
            if mention.type != ORG or mention.sentence >= len(self.sentences):
                continue  # no sentences: a context made without the article's text
            noun = descriptor(self.sentences[mention.sentence].tokens, mention)
            if noun is not None:
                found.append((max(noun.stop, mention.stop), noun.lemma, mention))
        return sorted(found, key=lambda item: item[0])

    def introduced(self, lemma: str, before: int, prefixes: frozenset[str]) -> Mention | None:
        """The organisation a bare noun stands for: the one introduced before offset `before`
        with a noun of that lemma, or a compound of it either way («медиахолдинг «Альфа»» for
        «холдинга», «агентство «Альфа»» for «информагентства»: `compound_of` with the
        lexicon's `prefixes`). None when no organisation was introduced so (the noun then
        names one the article never named, and the last name introduced by another noun is no
        guess), and None when several were
        («компания «Альфа» купила компанию «Бета»»: «глава компании» may be either's)."""
        end = bisect_right(self.descriptors, before, key=itemgetter(0))
        matching = {mention.entity or mention.normal: mention
                    for _stop, noun, mention in islice(self.descriptors, end)
                    if compound_of(noun, lemma, prefixes) or compound_of(lemma, noun, prefixes)}
        return next(iter(matching.values())) if len(matching) == 1 else None

    @cached_property
    def place_counts(self) -> dict[str, tuple[int, Mention]]:
        """How often each place entity of a known class is named in the article, with its
        first mention: what the article is about."""
        counts: dict[str, tuple[int, Mention]] = {}
        for mention in self:
            if mention.type == LOC and mention.cls:
                count, first = counts.get(mention.entity, (0, mention))
                counts[mention.entity] = (count + 1, first)
        return counts


def compound_of(word: str, noun: str, prefixes: frozenset[str]) -> bool:
    """Whether a lemma is a noun's or a compound of it with one of the `prefixes` («медиа»
    + «холдинг»): a word merely ending like the noun is another («соцсеть» is no «сеть» of a
    company, nor «разведка» a «ведка»)."""
    return word == noun or (word.endswith(noun) and word[:-len(noun)] in prefixes)


def descriptor(tokens: list[Token], mention: Mention) -> Token | None:
    """The common noun a name is introduced with: its own first word before a quote
    («Концерн «Альфа»», which the NER took in); else the word right before it, past an
    opening quote, with the name in apposition («компания «Альфа»», «агентства Альфа») or
    agreeing with it where the parser hung the name elsewhere; else a noun in apposition
    after it («Альфа, крупнейший банк страны»). Not a noun whose genitive the name is
    («акции Альфы» are not Альфа), nor a capitalised word (a name of its own) unless it
    starts the sentence or a quote follows it."""
    first = mention.tokens[0]
    if len(mention.tokens) > 1 and tokens[first + 1].text in QUOTES and \
            tokens[first].pos == "NOUN":
        return tokens[first]
    before = first - 1
    while before >= 0 and tokens[before].text in QUOTES:
        before -= 1
    root = span_root(tokens, mention.tokens)
    candidates = []
    if before >= 0 and (root.rel != "nmod" if root.head == before else
                        root.feats.get("Case") == tokens[before].feats.get("Case")):
        candidates.append(tokens[before])
    candidates += [t for t in tokens[mention.tokens[-1] + 1:]
                   if t.rel == "appos" and t.head in mention.tokens]
    return next((t for t in candidates if t.pos == "NOUN" and
                 (t.text.islower() or t.index == 0)), None)


@dataclass
class Arg:
    """One argument of a found fact: its role, the name to print, its offsets, its entity."""

    role: str
    text: str
    start: int
    end: int
    entity: str = ""
    mention: Mention | None = None
    value: object = None  # for a date: its TemporalValue
    lemma: str = ""  # for a post: the lemma of its head word, to tell posts apart
    normal: str = ""  # for a post: its name in the nominative
    cls: str = ""  # for a name no NER span covers: the class of the entity it names


@dataclass
class Found:
    """A fact one rule found in one sentence, with the confidence the rule gives it."""

    type: str
    args: list[Arg]
    confidence: float
    rule: str
    sentence: int
    modality: str = "actual"
    phase: str = ""
    also: list[int] = field(default_factory=list)  # other sentences saying the same

    def first(self, role: str) -> Arg | None:
        return next((a for a in self.args if a.role == role), None)


@dataclass
class Scope:
    """A sentence with its mentions and what earlier rules found in it."""

    number: int
    sentence: Sentence
    mentions: list[Mention]
    lex: Lexicon
    article_date: Point | None = None
    context: Context = field(default_factory=Context)  # the article's mentions, in order
    protagonist: Mention | None = None  # the person last seen as a subject before this one
    parties: list[Mention] = field(default_factory=list)  # of the last event before: `sides`
    cooperating: list[Mention] = field(default_factory=list)  # of the last cooperation before
    visit: Found | None = None  # the last visit of the sentences before
    holders: dict[int, Mention] = field(default_factory=dict)  # post token -> person

    def __post_init__(self) -> None:
        self.tokens: list[Token] = self.sentence.tokens
        self.at: dict[int, Mention] = {}
        for mention in self.mentions:
            for index in mention.tokens:
                self.at[index] = mention
        self.kids: dict[int, list[int]] = {}
        for token in self.tokens:
            self.kids.setdefault(token.head, []).append(token.index)

    def children(self, index: int, *rels: str) -> list[int]:
        return [k for k in self.kids.get(index, ()) if not rels or self.tokens[k].rel in rels]

    def case_of(self, index: int) -> str:
        """The preposition governing a word («с», «в»), or ''."""
        for kid in self.children(index, "case"):
            return self.tokens[kid].lemma
        return ""

    def conjuncts(self, index: int) -> list[int]:
        """A word and the words joined to it below («X, Y и Z»), in the order of the text."""
        return sorted(descendants(self, index, "conj"))

    def actor(self, index: int) -> Mention | None:
        """The person, organisation or place a word stands for: a name in a mention, a post
        whose holder an earlier rule found, or a common noun with a name in apposition."""
        mention = self.at.get(index)
        if mention is not None and mention.type in ACTORS:
            return mention
        if index in self.holders:
            return self.holders[index]
        for kid in self.children(index, "appos"):
            mention = self.at.get(kid)
            if mention is not None and mention.type in ACTORS and kid > index:
                return mention
        return None

    def actors(self, indices: list[int], depth: int = 0) -> list[Mention]:
        """The actors the words stand for, with their conjuncts («X и Y») and, `depth` levels
        down, the names below them («сделки по слиянию компаний Alpha и Omega»)."""
        found: list[Mention] = []
        todo = [(i, 0) for i in indices]
        while todo:
            index, level = todo.pop(0)
            for conj in self.conjuncts(index):
                named = self.named(conj)
                found += named
                if not named and level < depth:
                    todo += [(k, level + 1) for k in self.children(conj, "nmod", "appos")]
        return distinct(found)

    def named(self, index: int) -> list[Mention]:
        """The actor one word stands for, then the names in apposition or joined to its name
        («министр Иван Петров, Олег Смирнов»: the parser may hang the second name on the
        first); none when the word stands for no actor."""
        mention = self.actor(index)
        if mention is None:
            return []
        found = [mention]
        for kid in self.children(mention.tokens[0], "appos", "conj"):
            other = self.at.get(kid)
            if other is not None and other is not mention and other.type in ACTORS:
                found.append(other)
        return found

    @cached_property
    def dates(self) -> list[Arg]:
        """The dates of the sentence, relative ones resolved against the article's; computed
        once per sentence, whichever rules ask (the date parser is not cheap)."""
        offset = self.sentence.start
        return [Arg("when", d.text, offset + d.start, offset + d.stop, value=d.value)
                for d in dates_in(self.sentence.text, self.article_date)]

    def when_of(self, event: int, frames: frozenset[str] = frozenset()) -> Arg | None:
        """The date of the event a word names: the sentence's first date that is not a
        thing's, a modifier of another noun («договорились о пересмотре соглашений 2009 года»:
        2009 is the agreements', not when they agreed; `of_another_noun`). `frames`: more
        nouns whose date is the event's (a turnover's «по итогам прошлого года»)."""
        return next((d for d in self.dates if not self.of_another_noun(d, event, frames)),
                    None)

    def dated(self, event: int, frames: frozenset[str] = frozenset()) -> list[Arg]:
        """The event's date as a list of arguments to add: `when_of`'s, or none."""
        when = self.when_of(event, frames)
        return [when] if when is not None else []

    def of_another_noun(self, arg: Arg, event: int, frames: frozenset[str] = frozenset(),
                        ) -> bool:
        """Whether the words of an argument hang as a noun's modifier (nmod: «соглашений 2009
        года», «программа к 2015 году») on a noun other than `event`, other than a stretch
        of time («в начале января», `date_frames`) and other than `frames`."""
        span = [t.index for t in self.tokens if arg.start <= t.start and t.stop <= arg.end]
        if not span:
            return False
        root = span_root(self.tokens, span)
        if root.rel != "nmod" or root.head < 0 or root.head == event:
            return False
        head = self.tokens[root.head]
        return head.pos == "NOUN" and head.lemma not in self.lex.date_frames and \
            head.lemma not in frames

    @cached_property
    def quoted(self) -> frozenset[int]:
        """The words inside quote marks («банк «Альфа - Инвест»»: the dash is part of a name,
        no mark between clauses); see `nlp.quote_openers`."""
        return frozenset(i for i, mark in enumerate(quote_openers(self.tokens)) if mark >= 0)

    @cached_property
    def money(self) -> list[tuple[int, int, Money]]:
        """The amounts of money in the sentence (offsets into it), found once whichever rules
        ask (Natasha's money extractor is not cheap)."""
        return money_in(self.sentence.text)

    def arg(self, role: str, mention: Mention) -> Arg:
        return Arg(role, mention.name or mention.normal, mention.start, mention.stop,
                   mention.entity, mention)

    def arg_at(self, role: str, mention: Mention, index: int) -> Arg:
        """A mention's argument standing at another word, which names it without spelling it:
        a place adjective («томского» for «Томская область»), a bare noun («компании» for
        «компания «Альфа»»), a name the NER missed here («Acme» for «Acme Systems»). The
        fact then points at the words of its sentence that say it."""
        return self.arg(role, self.mention_at(mention, index))

    def mention_at(self, mention: Mention, index: int) -> Mention:
        """The mention standing at another word of this sentence (see `arg_at`), for rules
        that gather mentions before they make arguments."""
        token = self.tokens[index]
        return replace(mention, start=token.start, stop=token.stop, text=token.text,
                       sentence=self.number, tokens=[index])

    def adjective_place(self, index: int) -> Mention | None:
        """The place an adjective names: the article's place whose name is the adjective with
        generic words, place nouns whatever their case («томского» → «Томская область»,
        «удмуртский» → «Удмуртская Республика»; not «тверские» → «Тверская Карелия», a
        proper name of its own) or derives from it («Томск»); the names the
        article writes first, then the registry's other names of its places («молдавский» →
        «Молдавия», when the article writes «Молдова»)."""
        token = self.tokens[index]
        if token.lemma in self.lex.job_modifiers or token.lemma in self.lex.time_markers:
            return None
        for places in (self.context.places, self.context.places_aliased):
            for place in places:  # the adjective itself in a name of generic words
                if token.lemma in place.words and place.capitals <= self.lex.place_nouns.keys():
                    return place.mention
            for place in places:  # a name it derives from
                stem = place.words[-1][:-2]
                if len(stem) >= 4 and token.lemma.startswith(stem):
                    return place.mention
        return None

    def span_arg(self, role: str, first: int, last: int) -> Arg:
        start, stop = self.tokens[first].start, self.tokens[last].stop
        offset = self.sentence.start
        return Arg(role, self.sentence.text[start - offset:stop - offset], start, stop)


Rule = Callable[[Scope], Iterator[Found]]


def key(arg: Arg) -> str:
    """What an argument stands for, to tell two apart: its entity, else its text, case aside."""
    return arg.entity or arg.text.lower()


def distinct(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions in order, each entity once (its first mention)."""
    out: list[Mention] = []
    for mention in mentions:
        if all(mention.entity != m.entity for m in out):
            out.append(mention)
    return out


def path_to(scope: Scope, index: int, targets: set[int], hops: int = 3,
            rels: tuple[str, ...] = NAMING) -> bool:
    """Whether `index` hangs below one of `targets` by at most `hops` of the relations."""
    current = index
    for _ in range(hops):
        token = scope.tokens[current]
        if token.rel not in rels or token.head < 0:
            return False
        current = token.head
        if current in targets:
            return True
    return False


def span_root(tokens: list[Token], span: Sequence[int]) -> Token:
    """The word of a span that the rest of it hangs on: the first whose head is outside the
    span, else its first word. A name's (`Mention.tokens`) or a post's phrase (a range of
    words), whose head word the verb governing the phrase governs."""
    return next((tokens[i] for i in span if tokens[i].head not in span), tokens[span[0]])


def descendants(scope: Scope, index: int, *rels: str) -> list[int]:
    """A word and the words below it by the relations `rels` (by any, given none), nearest
    first, each once: the parser may hang words on each other in a loop, or a word on
    itself."""
    out, seen = [index], {index}
    for word in out:
        for kid in scope.children(word, *rels):
            if kid not in seen:
                seen.add(kid)
                out.append(kid)
    return out


def below(scope: Scope, token: Token, anchors: set[int]) -> bool:
    """Whether a word belongs to the phrase of `anchors`: a name or a preposition of one
    hanging below them («посол Итальянской Республики в Грузии»)."""
    if token.rel == "case" and token.head > token.index:
        token = scope.tokens[token.head]
    return path_to(scope, token.index, anchors, hops=4, rels=PHRASE)


def in_phrase(scope: Scope, token: Token, anchors: set[int]) -> bool:
    """Whether a word between a post and a name belongs to the post's phrase: a word below
    it, a quote mark (an apostrophe too), or a punctuation mark of a word below it
    («(АБВ)»)."""
    return token.index in anchors or below(scope, token, anchors) or (
        token.pos == "PUNCT" and (
            token.text in QUOTES or token.text == "'" or token.head in anchors
            or (token.text in "()" and below(scope, scope.tokens[token.head], anchors))))


def phrase_end(scope: Scope, first: int, last: int, stops: Callable[[Scope, Token], bool],
               belongs: Callable[[Scope, Token, set[int]], bool] = below) -> int:
    """The last word of a phrase from `first` that runs on right past `last` as long as the
    next word hangs below the phrase so far (`belongs`: `below`, or `in_phrase` to take quote
    marks too) and does not end it (`stops`): how far a phrase the NER did not tag goes."""
    end, taken = last, set(range(first, last + 1))
    for token in scope.tokens[last + 1:]:
        if stops(scope, token) or not belongs(scope, token, taken):
            break
        end = token.index
        taken.add(end)
    return end


def is_person(scope: Scope, index: int) -> bool:
    """Whether a word stands for a person: a name, or a post whose holder is known."""
    actor = scope.actor(index)
    return actor is not None and actor.type == PERSON


#: The fact types whose actors later sentences call «стороны», and the roles that name them.
SIDES = {"meeting": ("participant",), "visit": ("who", "where"), "agreement": ("participant",),
         "cooperation": ("party", "partner")}


def sides(found: Iterable[Found]) -> list[Mention]:
    """The actors of the last event among facts of a sentence (the one whose words end
    last), a meeting's participants, a visitor and where they went, or a cooperation's
    parties, each entity once: whom a later «стороны» means («Делегация X посетила Y. В ходе
    визита стороны подписали соглашение»: X and Y). Empty when there is none."""
    events = [f for f in found if f.type in SIDES]
    for fact in sorted(events, key=lambda f: max(a.start for a in f.args), reverse=True):
        named = distinct(a.mention for a in fact.args
                         if a.role in SIDES[fact.type] and a.mention is not None)
        if len(named) >= 2:
            return named
    return []


def protagonist(scope: Scope) -> Mention | None:
    """The person this sentence makes the subject of its main verb, if any: who later
    sentences without a subject are about."""
    for root in scope.children(-1):
        for person in scope.actors(subjects(scope, root)):
            if person.type == PERSON:
                return person
    return None


def subjects(scope: Scope, verb: int) -> list[int]:
    """The subject of a verb; of the verb it depends on for an infinitive or a second verb
    («согласился занять»); for «который» the noun the relative clause hangs on, else the name
    right before the clause's comma («Иван Петров, который был директором»: the parser often
    hangs such a clause on a verb or makes it a sentence of its own), either only where
    «который» `agrees` with it, else no one but the pronoun."""
    tokens = scope.tokens
    kids = scope.children(verb, "nsubj", "nsubj:pass")
    if not kids and tokens[verb].rel in ("conj", "xcomp") and tokens[verb].head >= 0:
        kids = scope.children(tokens[verb].head, "nsubj", "nsubj:pass")
    pronoun = next((k for k in kids if tokens[k].lemma in scope.lex.relative_pronouns), None)
    if pronoun is None:
        return kids
    head = relative_head(scope, verb)
    if head >= 0 and tokens[head].pos in NOUNS and agrees(scope, pronoun, head):
        return [head]
    before = name_before_clause(scope, pronoun)
    if before is not None:
        root = noun = span_root(tokens, before.tokens)
        while noun.rel in ("appos", "flat:name") and 0 <= noun.head < noun.index:
            noun = tokens[noun.head]  # the word the name names: «компании» of «компании «Альфа»»
        # «коллеги Ивана Петрова, которые …»: a name in the genitive of an earlier word is not
        # what «который» stands for
        owned = noun.rel == "nmod" and 0 <= noun.head < noun.index
        if not owned and agrees(scope, pronoun, root.index):
            return [first_conjunct(scope, root.index)]
    return kids


def relative_head(scope: Scope, verb: int, climb: bool = False) -> int:
    """The word a relative clause hangs on («компания, которая …» → «компания»), what its
    «который» stands for where the parser hung the clause well: the head of the verb when the
    verb heads the clause (acl:relcl); with `climb`, of the nearest word above the verb that
    does («…, который стал работать»: «стал»); -1 when none does. The readers of «который»
    that weigh this word against the name before the clause's comma (`subjects`,
    `ownership.relative`) ask about the verb itself; `occupation.verb_people`, which asks
    only when those found no one, climbs."""
    words = ancestors(scope, verb) if climb else (verb,)
    clause = next((i for i in words if scope.tokens[i].rel == "acl:relcl"), None)
    return scope.tokens[clause].head if clause is not None else -1


def name_before_clause(scope: Scope, pronoun: int, deep: bool = False) -> Mention | None:
    """The name before the comma that opens the clause of «который» («Иван Петров, который
    …»): the comma right before the pronoun, as a subject stands; or, `deep`, the nearest
    comma before it, for a pronoun inside a phrase of its clause («компания, 100% акций
    которой …»), which `ownership.relative` reads. A subject is not searched so far back: a
    comma further back belongs to another clause («Альфа» которая», its comma left out)."""
    comma: int | None = pronoun
    if deep:
        comma = next((i for i in range(pronoun, 0, -1) if scope.tokens[i - 1].text == ","),
                     None)
    return name_before_comma(scope, comma) if comma is not None else None


def agrees(scope: Scope, pronoun: int, word: int) -> bool:
    """Whether «который» can stand for a word: of its number, and of its gender where both
    have one («встреча с Иваном Петровым, которая прошла»: the meeting, not the man); a word
    joined to others is plural («X и Y, которые»)."""
    ours, theirs = scope.tokens[pronoun].feats, scope.tokens[word].feats
    if ours.get("Number") == "Plur":
        return theirs.get("Number") == "Plur" or scope.tokens[word].rel == "conj" or \
            bool(scope.children(word, "conj"))
    gender, other = ours.get("Gender"), theirs.get("Gender")
    return not (gender and other and gender != other)


def name_before_comma(scope: Scope, index: int) -> Mention | None:
    """The name a phrase set off by a comma follows («Х, принадлежащий …», «Х, куда …»),
    past a closing quote the name's span may leave out («компания «Альфа», которой …»)."""
    if index > 1 and scope.tokens[index - 1].text == ",":
        last = index - 2
        if last > 0 and last not in scope.at and scope.tokens[last].text in QUOTES:
            last -= 1
        return scope.at.get(last)
    return None


def described_noun(scope: Scope, index: int, rels: tuple[str, ...] = ("acl",)) -> list[int]:
    """The noun a participle describes («компания, купившая X» → «компания»), who or what its
    verb tells about, when it hangs on that noun by one of `rels`; none for any other word,
    nor for one the parser hangs on nothing or on itself."""
    token = scope.tokens[index]
    return [token.head] if token.rel in rels and token.head not in (-1, index) else []


def ancestors(scope: Scope, index: int) -> Iterator[int]:
    """A word and the words above it, nearest first, each once: the climb ends at the root or
    where the parse loops (321 of 2,922 sentences of devset+validation have a cycle, some a
    word hung on itself)."""
    seen: set[int] = set()
    while index >= 0 and index not in seen:
        yield index
        seen.add(index)
        index = scope.tokens[index].head


def first_conjunct(scope: Scope, index: int) -> int:
    """The first of the words joined to a word («Иван Петров и Сергей Сидоров» → «Иван»);
    on a loop of conjuncts the parser made, the last word before the climb comes back."""
    seen = {index}
    while scope.tokens[index].rel == "conj" and scope.tokens[index].head not in (-1, *seen):
        index = scope.tokens[index].head
        seen.add(index)
    return index


def nearest_before(scope: Scope, index: int,
                   fits: Callable[[Scope, int], bool] = lambda scope, first: True) -> list[int]:
    """For a verb whose subject the parser lost: the last name before it that no preposition
    governs and that, by its first word, `fits` as a subject where a rule asks more."""
    for token in reversed(scope.tokens[:index]):
        mention = scope.at.get(token.index)
        if mention is not None and mention.type in ACTORS and \
                not scope.case_of(mention.tokens[0]) and token.index == mention.tokens[0] and \
                fits(scope, token.index):
            return [token.index]
    return []


def named_elsewhere(scope: Scope, index: int) -> Mention | None:
    """The article's actor a capitalised word no mention covers names: the NER missed the
    name here but found it elsewhere («Acme» after «Acme Systems», «Петров» after «Иван
    Петров»), by the lemma of a name or the first word, in Latin letters, of one."""
    token = scope.tokens[index]
    if scope.at.get(index) is not None or token.pos not in ("PROPN", "X") or \
            not token.text[:1].isupper():
        return None
    return scope.context.names.get(key_of(token.text))


def with_preposition(scope: Scope, index: int, *prepositions: str) -> list[int]:
    return [k for k in scope.children(index, "obl", "nmod", "obj", "iobj")
            if scope.case_of(k) in prepositions]


def phrase_arg(scope: Scope, role: str, first: int, last: int, cls: str = "",
               widens: Mention | None = None) -> Arg:
    """An argument named by a phrase no NER span covers, printed in the nominative (as the
    registry looks names up and the benchmark writes them), with the class of what it names
    («Organisation»), which the conversion to facts needs in place of a mention's; or the
    name it `widens` with the words around it («итальянского МИДа», «компании «Альфа»»),
    which keeps that name's entity."""
    arg = scope.span_arg(role, first, last)
    arg.text = arg.normal = normalise(models(), scope.tokens[first:last + 1])
    arg.cls = cls
    if widens is not None:
        arg.entity, arg.mention = widens.entity, widens
    return arg


def with_adjectives(scope: Scope, index: int, *rels: str) -> int:
    """The first word of a noun with the adjectives the parser hangs on it before it
    («Северному клубу», «угольные предприятия»; by `rels`, «amod» given none): where its
    phrase starts."""
    return min([index, *scope.children(index, *(rels or ("amod",)))])


def genitives_of(scope: Scope, index: int) -> list[int]:
    """The nouns below a word with no preposition, which the rules read as its genitives
    («визит делегации», «инвестиции компании X»): who acts, or what belongs, in a noun's
    phrase. Their case is left to the caller, as a foreign name has none."""
    return [k for k in scope.children(index, "nmod") if not scope.case_of(k)]


def clause_verb(scope: Scope, index: int) -> tuple[int | None, str]:
    """The verb a meeting noun is the object, the adverbial (through a frame noun: «по итогам
    встречи») or the subject of, with that relation."""
    tokens, lex = scope.tokens, scope.lex
    token = tokens[index]
    if token.rel == "nmod" and token.head >= 0 and tokens[token.head].lemma in lex.meeting_frames:
        token = tokens[token.head]
    if token.head >= 0 and tokens[token.head].pos == "VERB" and \
            token.rel in ("obj", "obl", "nsubj", "nsubj:pass"):
        return token.head, token.rel
    return None, ""


def widest(found: list[Found]) -> list[Found]:
    """The facts whose participants no other fact of the list includes (the first of equals)."""
    sets = [{a.entity for a in f.args if a.role == "participant"} for f in found]
    return [fact for i, fact in enumerate(found)
            if not any(j != i and sets[i] <= other and (sets[i] < other or j < i)
                       for j, other in enumerate(sets))]


def place_of(scope: Scope, index: int) -> Arg | None:
    """Where an event happens: a place named with «в» below its word or its verb."""
    for anchor in (index, scope.tokens[index].head):
        if anchor < 0:
            continue
        for kid in with_preposition(scope, anchor, *scope.lex.place_prepositions):
            mention = scope.at.get(kid)
            if mention is not None and mention.type == LOC:
                return scope.arg("where", mention)
    return None
