"""Relation rules over Natasha's dependency trees: ordered, named, traceable.

Each rule reads one sentence (`Scope`) and yields `Found` facts naming the rule. Rules run in
the order of `RULES`, and later rules see what earlier ones found: `occupation` runs first, so
that «встретился с послом Италии Марко Росси» gives the meeting a person, not a post.
The rules name word lists of `resources/lexicon.yaml`, never the words of an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..dates import Point
from .lexicon import Lexicon
from .mentions import Mention, key_of
from .nlp import Sentence, Token, models, normalise
from .when import dates_in, money_in

PERSON, ORG, LOC = "PER", "ORG", "LOC"
ACTORS = (PERSON, ORG, LOC)
#: Dependency relations that attach a name to the word it names or describes.
NAMING = ("appos", "flat:name", "flat", "nmod", "parataxis", "conj")
#: Relations inside a noun phrase: names, and the adjectives and numbers that agree.
PHRASE = (*NAMING, "amod", "det", "nummod", "flat:foreign", "cc")


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
    context: list[Mention] = field(default_factory=list)  # the article's mentions, in order
    protagonist: Mention | None = None  # the person last seen as a subject before this one
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
        out, todo = [], [index]
        while todo:
            current = todo.pop()
            out.append(current)
            todo.extend(self.children(current, "conj"))
        return sorted(out)

    def actor(self, index: int) -> Mention | None:
        """The person, organisation or place a word stands for: a name in a mention, a post
        whose holder an earlier rule found, or a common noun with a name in apposition."""
        mention = self.at.get(index)
        if mention is not None and mention.type in ACTORS:
            return mention
        if index in self.holders:
            return self.holders[index]
        for kid in self.children(index, "appos", "flat:name", "nmod"):
            mention = self.at.get(kid)
            if mention is not None and mention.type in ACTORS and kid > index and \
                    self.tokens[kid].rel == "appos":
                return mention
        return None

    def actors(self, indices: list[int], depth: int = 0) -> list[Mention]:
        """The actors the words stand for, with their conjuncts («X и Y») and, `depth` levels
        down, the names below them («сделки по слиянию компаний Oracle и Sun»)."""
        out: list[Mention] = []
        todo = [(i, 0) for i in indices]
        while todo:
            index, level = todo.pop(0)
            for conj in self.conjuncts(index):
                mention = self.actor(conj)
                if mention is not None:
                    if all(mention.entity != m.entity for m in out):
                        out.append(mention)
                    for kid in self.children(mention.tokens[0], "appos", "conj"):
                        other = self.at.get(kid)
                        if other is not None and other is not mention and other.type in ACTORS \
                                and all(other.entity != m.entity for m in out):
                            out.append(other)
                elif level < depth:
                    todo += [(k, level + 1) for k in self.children(conj, "nmod", "appos")]
        return out

    @cached_property
    def when(self) -> Arg | None:
        """The first date of the sentence, relative ones resolved against the article's;
        computed once per sentence, whichever rules ask (the date parser is not cheap)."""
        found = dates_in(self.sentence.text, self.article_date)
        if not found:
            return None
        first = found[0]
        offset = self.sentence.start
        return Arg("when", first.text, offset + first.start, offset + first.stop,
                   value=first.value)

    def arg(self, role: str, mention: Mention) -> Arg:
        return Arg(role, mention.name or mention.normal, mention.start, mention.stop,
                   mention.entity, mention)

    def span_arg(self, role: str, first: int, last: int) -> Arg:
        start, stop = self.tokens[first].start, self.tokens[last].stop
        offset = self.sentence.start
        return Arg(role, self.sentence.text[start - offset:stop - offset], start, stop)


Rule = Callable[[Scope], Iterator[Found]]


# --- occupation ------------------------------------------------------------------------------


def is_post(scope: Scope, token: Token) -> bool:
    """Whether a word names a post: a noun of the `jobs` or `owner_nouns` lists, alone or
    with a prefix of a post left («экс-председатель», which the tagger may take for an
    adjective)."""
    if scope.at.get(token.index) is not None:
        return False
    lemma = post_lemma(scope.lex, token.lemma)
    parts = ("NOUN", "PROPN", "ADJ") if lemma != token.lemma else ("NOUN", "PROPN")
    return lemma in scope.lex.jobs | scope.lex.owner_nouns and token.pos in parts


def post_lemma(lex: Lexicon, lemma: str) -> str:
    """A post's lemma without a prefix of `past_prefixes` («экс-премьер» → «премьер»)."""
    for prefix in lex.past_prefixes:
        if lemma.startswith(prefix) and len(lemma) > len(prefix):
            return lemma[len(prefix):]
    return lemma


def post_phrase(scope: Scope, index: int) -> tuple[int, int, int]:
    """First and last token of the post's name and the token that names its organisation
    («первый заместитель министра» → first, last, «министра»)."""
    tokens, lex = scope.tokens, scope.lex
    first = index
    while first > 0 and scope.at.get(first - 1) is None and (
            tokens[first - 1].lemma in lex.job_modifiers
            or (tokens[first - 1].text in lex.joiners and first > 1
            and tokens[first - 2].lemma in lex.job_modifiers)):
        first -= 1
    while first < index and tokens[first].text in lex.joiners:
        first += 1
    last, anchor = index, index
    if tokens[index].lemma in lex.job_of_job and index + 1 < len(tokens):
        following = tokens[index + 1]
        if following.lemma in lex.jobs and following.head == index:
            last = anchor = index + 1
    end = last
    while (following := post_tail(scope, first, end)) is not None:
        end = following
    while end > last and tokens[end].pos != "NOUN":
        end -= 1
    return first, end, anchor


def post_tail(scope: Scope, first: int, end: int) -> int | None:
    """The next word of a post's name, which runs on through common nouns in the genitive
    below it and their adjectives («министр иностранных дел»), joined by «и» («министр связи
    и коммуникаций»), or a topic after «по» («министр по делам молодёжи»), up to a name or an
    organisation's noun; None where the name ends."""
    tokens, lex = scope.tokens, scope.lex
    index, case = end + 1, "Gen"
    if index + 1 < len(tokens) and tokens[index].pos in ("ADP", "CCONJ") and \
            tokens[index].lemma in lex.post_topic_prepositions | lex.joiners:
        index += 1
        if tokens[index - 1].lemma in lex.post_topic_prepositions:
            case = "Dat"
    if index >= len(tokens):
        return None
    token = tokens[index]
    noun = tokens[token.head] if token.pos == "ADJ" and token.head > token.index else token
    if any(scope.at.get(t.index) is not None or t.lemma in lex.org_nouns or
           t.feats.get("Case") != case for t in (token, noun)) or \
            noun.pos != "NOUN" or noun.index - end > 3 or \
            not path_to(scope, noun.index, set(range(first, end + 1)), hops=2):
        return None
    return max(index, noun.index)


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


def organisation_of(scope: Scope, first: int, last: int, anchor: int) -> Arg | None:
    """The organisation or place of a post: a name below it in the tree, or right after it
    («губернатор Томской области», «посол Италии в Грузии»), else a place adjective before it
    («российский президент»). An organisation named by a common noun right after the post
    («депутат муниципального собрания района Отрадное») is that whole phrase."""
    phrase = organisation_phrase(scope, first, last)
    if phrase is not None:
        return phrase
    for mention in sorted(scope.mentions, key=lambda m: m.start):
        if mention.type not in (ORG, LOC) or mention.tokens[0] <= last:
            continue
        gap = [t for t in scope.tokens[last + 1:mention.tokens[0]]
               if not is_name_modifier(scope, t, mention)]
        adjacent = not gap or (len(gap) == 1 and gap[0].lemma in scope.lex.post_prepositions)
        below = any(path_to(scope, i, {anchor, last}) for i in mention.tokens) and \
            not any(is_post(scope, t) for t in gap)  # a post between has its own
        if (adjacent or below) and mention.tokens[0] - last <= 6:
            return widened(scope, mention, last)
        break
    for index in range(max(0, first - 1), anchor):
        token = scope.tokens[index]
        mention = scope.at.get(index)
        if mention is not None and mention.type in (ORG, LOC) and any(
                scope.tokens[i].head in range(first, last + 1) for i in mention.tokens):
            return scope.arg("where", mention)  # not another word's («совета России шейх»)
        if token.pos == "ADJ" and (index >= first or token.head in range(first, last + 1)):
            arg = place_adjective(scope, token)
            if arg is not None:
                return arg
    return None


def is_name_adjective(scope: Scope, token: Token, mention: Mention) -> bool:
    """Whether a word is a lower-case adjective of a name («итальянского МИДа»)."""
    return token.pos == "ADJ" and token.head in mention.tokens and token.text.islower() and \
        scope.at.get(token.index) is None


def is_name_modifier(scope: Scope, token: Token, mention: Mention) -> bool:
    """Whether a word between a post and a name describes the name: its adjective, or an
    adverb of that adjective («лидер крайне правой партии «Альфа»»)."""
    if token.pos == "ADV" and token.head > token.index:
        token = scope.tokens[token.head]
    return is_name_adjective(scope, token, mention)


def widened(scope: Scope, mention: Mention, last: int) -> Arg:
    """An organisation's name as a post's Where: with the adjectives between it and the post
    that the NER left out («глава итальянского МИДа»), and the name or «при» phrase below it
    that narrows it («Союза фермеров Грузии», «совета при мэрии»), put in the
    nominative."""
    tokens = scope.tokens
    first, end = mention.tokens[0], mention.tokens[-1]
    if last < first and all(is_name_adjective(scope, t, mention)
                            for t in tokens[last + 1:first]):
        first = last + 1  # not when an adverb comes between: «крайне правого»
    if mention.type == ORG:
        end = narrowing_end(scope, mention)
    if (first, end) == (mention.tokens[0], mention.tokens[-1]):
        return scope.arg("where", mention)
    arg = scope.span_arg("where", first, end)
    arg.text = arg.normal = normalise(models(), tokens[first:end + 1])
    arg.entity, arg.mention = mention.entity, mention
    return arg


def narrowing_end(scope: Scope, mention: Mention) -> int:
    """The last word of what follows an organisation's name and narrows it: a place or
    organisation in the genitive below it («Правительства Грузии»), or a «при» or «по» phrase
    («Общественного совета при мэрии», «Совета безопасности по европейским делам»)."""
    tokens, end = scope.tokens, mention.tokens[-1]
    names = set(mention.tokens)
    while end + 1 < len(tokens) and (other := scope.at.get(end + 1)) is not None and \
            other.type in (ORG, LOC) and is_genitive_below(root_of(scope, other), names):
        end = other.tokens[-1]  # «Совета директоров ОАО «Альфа» Грузии»
        names.update(other.tokens)
    following = noun = end + 1
    if following >= len(tokens) or tokens[following].lemma not in \
            scope.lex.narrowing_prepositions:
        return end
    noun += 1
    while noun < len(tokens) and tokens[noun].pos == "ADJ":
        noun += 1  # «по европейским делам»
    if noun >= len(tokens) or tokens[noun].head not in names:
        return end
    end = noun
    for token in tokens[noun + 1:]:
        person = scope.at.get(token.index)
        if token.pos == "PUNCT" or (person is not None and person.type == PERSON) or \
                not below(scope, token, set(range(noun, end + 1))):
            break
        end = token.index
    return end


def root_of(scope: Scope, mention: Mention) -> Token:
    """The word of a name that the rest of it hangs on."""
    return next((scope.tokens[i] for i in mention.tokens
                 if scope.tokens[i].head not in mention.tokens), scope.tokens[mention.tokens[0]])


def is_genitive_below(token: Token, heads: set[int]) -> bool:
    """Whether a word is a genitive dependent of one of `heads`."""
    return token.rel == "nmod" and token.head in heads and token.feats.get("Case") == "Gen"


def joined_organisation(scope: Scope, last: int, anchor: int) -> Arg | None:
    """The organisation of a post joined by «и» to the next one, which names it for both
    («генеральный директор и совладелец ОАО «Альфа»»); not for a post whose name runs on
    («министр обороны и глава штаба»: two posts, often of two people)."""
    tokens = scope.tokens
    index = last + 2
    if last != anchor or index >= len(tokens) or tokens[last + 1].text not in scope.lex.joiners:
        return None
    while index < len(tokens) and tokens[index].lemma in scope.lex.job_modifiers:
        index += 1
    if index >= len(tokens) or not is_post(scope, tokens[index]):
        return None
    first2, last2, anchor2 = post_phrase(scope, index)
    return organisation_of(scope, first2, last2, anchor2)


def place_adjective(scope: Scope, token: Token) -> Arg | None:
    """A place named by an adjective before a post («подмосковного губернатора»,
    «российский президент»): the place of the article whose name has the adjective
    («Томская область»), or derives from it («Томск»), else the adjective itself when it has
    a place adjective's suffix."""
    lex = scope.lex
    if token.lemma in lex.job_modifiers | lex.past_markers | lex.future_markers:
        return None
    places = [m for m in scope.context if m.type == LOC and m.name]
    # A name with the adjective itself first («томского» → «Томская область»), then a name
    # the adjective derives from («Томск»).
    found = next((m for m in places if token.lemma in key_of(m.name).split()), None) or next(
        (m for m in places if len(stem := key_of(m.name).split()[-1][:-2]) >= 4 and
         token.lemma.startswith(stem)), None)
    if found is not None:
        return Arg("where", found.name, token.start, token.stop, found.entity, found)
    if token.lemma.endswith(tuple(lex.place_adjective_endings)):
        return scope.span_arg("where", token.index, token.index)
    return None


def organisation_phrase(scope: Scope, first: int, last: int) -> Arg | None:
    """A noun phrase naming an organisation right after a post: adjectives, a noun of the
    `org_nouns` list below the post, and what hangs below that noun up to a person's name or
    a comma. None when the phrase is a name the NER found (that name is the answer). A phrase
    without a name is the place named before for a place's noun («глава региона»), itself for
    a body of an organisation (`body_nouns`: «председатель совета директоров», 0.93 of 8
    facts, devset and validation pooled), else nothing («директор компании»: which one?)."""
    tokens, lex = scope.tokens, scope.lex
    start = last + 1
    noun = start
    while noun < len(tokens) and tokens[noun].pos == "ADJ" and scope.at.get(noun) is None:
        noun += 1
    if noun >= len(tokens) or noun - start > 2 or tokens[noun].lemma not in lex.org_nouns or \
            scope.at.get(noun) is not None or \
            not path_to(scope, noun, set(range(first, last + 1)), hops=2):
        return None
    end = noun
    for token in tokens[noun + 1:]:
        mention = scope.at.get(token.index)
        if (mention is not None and mention.type == PERSON) or token.text in ",;:()—–" or \
                is_common_place(scope, token):
            break
        if mention is not None or token.pos == "PUNCT" or below(scope, token, set(
                range(noun, end + 1))):
            end = token.index
            continue
        break
    while end > noun and tokens[end].pos == "PUNCT" and tokens[end].text not in "»\"":
        end -= 1
    named = any(scope.at.get(i) is not None or (tokens[i].text[:1].isupper() and i > 0) or
                (tokens[i].pos == "ADJ" and tokens[i].lemma.endswith(
                    tuple(lex.place_adjective_endings)))  # «грузинской делегации»
                for i in range(start, end + 1))
    if not named and tokens[noun].lemma not in lex.body_nouns:
        return antecedent(scope, tokens[noun])
    arg = scope.span_arg("where", start, end)
    arg.normal = normalise(models(), tokens[start:end + 1])
    arg.text = arg.normal
    arg.cls = "Organisation"
    return arg


def is_common_place(scope: Scope, token: Token) -> bool:
    """Whether a word starts a place named by a common noun («в регионе»), which tells where
    an organisation works, not which it is."""
    following = token.index + 1
    return token.lemma in scope.lex.place_prepositions and following < len(scope.tokens) and \
        scope.at.get(following) is None and scope.tokens[following].text.islower()


def antecedent(scope: Scope, noun: Token) -> Arg | None:
    """What a noun standing for a place refers back to («глава региона»): the last place of
    the article named before it whose registry class fits the noun. Unknown names have no
    class: a country's noun then stands for the country the article is about
    (`home_country`), and other nouns for nothing."""
    classes = scope.lex.place_nouns.get(noun.lemma)
    if not classes:
        return None
    before = [m for m in scope.context if m.cls in classes and m.start < noun.start]
    if not before:  # «глава государства»: the country the article is about, if one
        return home_country(scope) if "Country" in classes else None
    found = before[-1]
    return Arg("where", found.name, noun.start, noun.stop, found.entity, found)


def below(scope: Scope, token: Token, anchors: set[int]) -> bool:
    """Whether a word belongs to the phrase of `anchors`: a name or a preposition of one
    hanging below them («посол Итальянской Республики в Грузии»)."""
    if token.rel == "case" and token.head > token.index:
        token = scope.tokens[token.head]
    return path_to(scope, token.index, anchors, hops=4, rels=PHRASE)


def related_posts(scope: Scope, first: int, last: int) -> set[int]:
    """The post's words and the posts coordinated with it, which share one holder
    («глава компании и совладелец WFC Артур Перепёлкин»)."""
    related = set(range(first, last + 1))
    titles = scope.lex.jobs | scope.lex.owner_nouns
    for index in range(first, last + 1):
        token = scope.tokens[index]
        if token.rel == "conj" and token.head >= 0 and scope.tokens[token.head].lemma in titles:
            related.add(token.head)
        related.update(k for k in scope.children(index, "conj")
                       if scope.tokens[k].lemma in titles)
    return related


def in_phrase(scope: Scope, token: Token, anchors: set[int]) -> bool:
    """Whether a word between a post and a name belongs to the post's phrase: a word below
    it, a quote mark, or a punctuation mark of a word below it («(АБВ)»)."""
    return token.index in anchors or below(scope, token, anchors) or (
        token.pos == "PUNCT" and (token.text in "«»\"'„“”" or token.head in anchors or (
            token.text in "()" and below(scope, scope.tokens[token.head], anchors))))


@dataclass
class Post:
    """A post's phrase in a sentence and what the ways of finding its holder share: the words
    a name may hang on (the post, posts joined to it, its organisation) and the people."""

    first: int
    last: int
    anchors: set[int]
    people: list[Mention]  # the sentence's people, in order

    @property
    def after(self) -> list[Mention]:
        return [m for m in self.people if m.tokens[0] > self.last]


Holder = tuple[Mention, str]  # the person and the phase the way gives («назначен» → start)


def by_apposition(scope: Scope, post: Post) -> Holder | None:
    """«губернатор Томской области Иван Петров», «глава региона Иван Петров»."""
    tokens = scope.tokens
    for person in post.after:
        root = root_of(scope, person)
        if root.head in post.anchors and root.rel in ("appos", "flat:name", "nmod", "flat") and \
                all(in_phrase(scope, t, post.anchors)
                    for t in tokens[post.last + 1:person.tokens[0]]):
            return person, ""
    return None


def by_description(scope: Scope, post: Post) -> Holder | None:
    """The post describes the person: «Иван Петров, генеральный директор ОАО «Альфа»»."""
    tokens = scope.tokens
    head = tokens[post.first].head
    person = scope.at.get(head)
    if person is not None and person.type == PERSON and head < post.first and \
            tokens[post.first].rel in ("appos", "nmod", "conj", "parataxis"):
        between = tokens[person.tokens[-1] + 1:post.first]
        if len(between) <= 2 and all(t.pos == "PUNCT" for t in between):
            return person, ""
    return None


def by_chain(scope: Scope, post: Post) -> Holder | None:
    """A second post follows and names the holder: «профессор МГУ, политолог Иван Петров»."""
    person = chain_holder(scope, post.first, post.last, post.anchors)
    return (person, "") if person is not None else None


def by_next_name(scope: Scope, post: Post) -> Holder | None:
    """The name right after the post's phrase and the names of places and organisations
    after it, whatever the parser says («руководителем Госдепартамента США Ивана Петрова», the
    parser hanging «США» elsewhere)."""
    for person in post.after[:1]:
        if all(in_phrase(scope, t, post.anchors) or is_named_place(scope, t.index)
               for t in scope.tokens[post.last + 1:person.tokens[0]]):
            return person, ""
    return None


def is_named_place(scope: Scope, index: int) -> bool:
    """Whether a word belongs to the name of an organisation or a place."""
    mention = scope.at.get(index)
    return mention is not None and mention.type in (ORG, LOC)


def linking_verb(scope: Scope, post: Post) -> tuple[int, str] | None:
    """The verb that links a post to its holder, and the phase it gives: «назначен
    губернатором», «занять пост премьер-министра»."""
    tokens, lex = scope.tokens, scope.lex
    verb = tokens[post.first].head
    if verb >= 0 and tokens[verb].lemma in lex.post_nouns:
        verb = tokens[verb].head
    if verb < 0 or tokens[verb].lemma not in lex.copulas | lex.phase_start | lex.phase_end:
        return None
    phase = ("start" if tokens[verb].lemma in lex.phase_start else
             "end" if tokens[verb].lemma in lex.phase_end else "")
    return verb, phase


def verb_subjects(scope: Scope, verb: int) -> list[int]:
    """Who a verb tells about: its subjects; for a participle the noun it describes («Иван
    Петров, работающий директором», «…, назначенный министром»); for a noun of the verb its
    genitive («назначение Ивана Петрова министром»)."""
    token = scope.tokens[verb]
    if token.rel == "acl" and token.feats.get("VerbForm") == "Part":
        return [token.head]
    if token.pos == "NOUN":
        return [k for k in scope.children(verb, "nmod") if not scope.case_of(k)]
    return subjects(scope, verb)


def by_verb(scope: Scope, post: Post) -> Holder | None:
    """The subject of a linking verb: a name, or a post whose holder is known («губернатором
    стал глава района Иван Петров»); the object of an appointing one («X назначил Ивана
    Петрова министром»)."""
    found = linking_verb(scope, post)
    if found is None:
        return None
    appointed = [k for k in scope.children(found[0], "obj") if is_person(scope, k)]
    for kid in appointed or verb_subjects(scope, found[0]):  # «X назначил Y министром»: Y
        person = scope.actor(kid)
        if person is not None and person.type == PERSON:
            return person, found[1]
    return None


def is_person(scope: Scope, index: int) -> bool:
    """Whether a word stands for a person: a name, or a post whose holder is known."""
    actor = scope.actor(index)
    return actor is not None and actor.type == PERSON


def by_verb_pronoun(scope: Scope, post: Post) -> Holder | None:
    """A linking verb whose subject is «он»/«она»: the person last named as a subject."""
    found = linking_verb(scope, post)
    if found is None or scope.protagonist is None:
        return None
    if any(scope.tokens[k].lemma in scope.lex.personal_pronouns
           for k in subjects(scope, found[0])):
        return scope.protagonist, found[1]
    return None


def by_copula(scope: Scope, post: Post) -> Holder | None:
    """The subject of a post with a copula, which the parser makes the head of both («Иван
    Петров был директором», «он был директором»: the person last named as a subject)."""
    for index in range(post.first, post.last + 1):
        if not any(scope.tokens[k].lemma in scope.lex.copulas
                   for k in scope.children(index, "cop")):
            continue
        for kid in subjects(scope, index):
            if is_person(scope, kid):
                return scope.actor(kid), ""
            if scope.tokens[kid].lemma in scope.lex.personal_pronouns and scope.protagonist:
                return scope.protagonist, ""
    return None


def by_name_before(scope: Scope, post: Post) -> Holder | None:
    """The name right before the post and a mark: «Иван Петров, директор», «Иван Петров —
    бывший министр», «Иван Петров (тренер)», «Иван Петров, один из директоров»."""
    tokens, lex = scope.tokens, scope.lex
    mark = post.first - 1
    if is_one_of(scope, post.first):
        mark -= 2
    while mark > 0 and tokens[mark].lemma in lex.past_markers | lex.future_markers:
        mark -= 1
    for person in post.people:
        if person.tokens[-1] + 1 == mark and tokens[mark].text in lex.post_separators:
            return person, ""
    return None


def is_one_of(scope: Scope, index: int) -> bool:
    """Whether a plural post is one person's: «один из руководителей»."""
    return index > 1 and scope.tokens[index - 1].lemma in scope.lex.partitive_prepositions and \
        scope.tokens[index - 2].lemma in scope.lex.partitives


def by_joined_post(scope: Scope, post: Post) -> Holder | None:
    """A post joined to one whose holder is known: «Иван Петров — политик и лидер партии»."""
    first = post.first
    if first > 1 and scope.tokens[first - 1].text in scope.lex.joiners and \
            first - 2 in scope.holders:
        return scope.holders[first - 2], ""
    return None


#: The ways of finding a post's holder, in the order tried, with their confidence (as the
#: benchmark's tuning half measured it, which the owner nouns still use) and their name.
HOLDER_WAYS: tuple[tuple[str, float, Callable[[Scope, Post], Holder | None]], ...] = (
    ("appos", 0.8, by_apposition),
    ("described", 0.85, by_description),
    ("chain", 0.8, by_chain),
    ("after", 0.5, by_next_name),
    ("verb", 0.8, by_verb),
    ("verb-pronoun", 0.8, by_verb_pronoun),
    ("copula", 0.8, by_copula),
    ("before", 0.7, by_name_before),
    ("joined", 0.7, by_joined_post),
)


def holder_of(scope: Scope, first: int, last: int,
              where: Arg | None) -> tuple[Mention, float, str, str] | None:
    """The person who holds the post, the confidence of the way found, the phase a verb
    gives and the way's name: the first of `HOLDER_WAYS` that finds one."""
    where_tokens = {t.index for t in scope.tokens if where is not None and
                    where.start <= t.start and t.stop <= where.end and t.index > last}
    people = sorted((m for m in scope.mentions if m.type == PERSON), key=lambda m: m.start)
    post = Post(first, last, related_posts(scope, first, last) | where_tokens, people)
    for name, confidence, way in HOLDER_WAYS:
        found = way(scope, post)
        if found is not None:
            return found[0], confidence, found[1], name
    return None


def chain_holder(scope: Scope, first: int, last: int, anchors: set[int]) -> Mention | None:
    """The holder of the post right after this one's phrase (and a comma), when that post is
    followed by its holder's name: two posts of one person in a row («председатель совета
    профессор Иван Петров», «профессор МГУ, политолог Иван Петров»)."""
    tokens = scope.tokens
    index = last + 1
    while index < len(tokens) and in_phrase(scope, tokens[index], anchors) and \
            tokens[index].text != "," and not is_post(scope, tokens[index]):
        if is_person(scope, index):
            return None  # the post's own holder, whatever the parser hangs it on
        index += 1
    if index < len(tokens) and tokens[index].text == ",":
        index += 1
    while index < len(tokens) and (tokens[index].lemma in scope.lex.job_modifiers or
                                   tokens[index].pos == "ADJ"):
        index += 1  # «…, народный депутат Иван Петров», «…, итальянский депутат …»
    if index >= len(tokens) or not is_post(scope, tokens[index]) or \
            tokens[index].feats.get("Case") != tokens[first].feats.get("Case"):
        return None  # posts of one person agree: not «с журналистом газеты … лидер»
    first2, last2, _ = post_phrase(scope, index)
    following = next((m for m in sorted(scope.mentions, key=lambda m: m.start)
                      if m.tokens[0] > last2 and m.type == PERSON), None)
    if following is not None and all(
            in_phrase(scope, t, set(range(first2, last2 + 1)))
            for t in tokens[last2 + 1:following.tokens[0]]):
        return following
    return None


def post_name(scope: Scope, first: int, last: int) -> str:
    """The post's name in the nominative, with a common noun it governs when that is no name
    («глава региона»), for looking the post up in the registry."""
    end = last
    following = last + 1
    if following < len(scope.tokens) and scope.at.get(following) is None and \
            scope.tokens[following].head == last and scope.tokens[following].pos == "NOUN" \
            and scope.tokens[following].rel == "nmod" and not scope.case_of(following):
        end = following
    return normalise(models(), scope.tokens[first:end + 1]).lower()


def is_plural(token: Token) -> bool:
    """Plural by the tagger, or by the dictionary when every reading of the word is plural (the
    tagger takes a capitalised first word for a singular name: «Президенты Италии …»)."""
    if token.feats.get("Number") == "Plur":
        return True
    parses = models().analyser.parse(token.text)
    return bool(parses) and all("plur" in p.tag for p in parses)


def shared_post(scope: Scope, token: Token) -> Iterator[Found]:
    """A post in the plural held by several people named right after it: «президенты Италии
    и Грузии Марко Росси и Георгий Абашидзе». The organisations pair with the
    people in order when there are as many; one organisation goes to all."""
    tokens = scope.tokens
    first, last, _ = post_phrase(scope, token.index)
    people = sorted((m for m in scope.mentions if m.type == PERSON and m.tokens[0] > last),
                    key=lambda m: m.start)
    anchors = set(range(first, last + 1))
    if not people or not all(in_phrase(scope, t, anchors) or is_listed_place(scope, t)
                             for t in tokens[last + 1:people[0].tokens[0]]):
        return
    holders = [people[0]]
    for other in people[1:]:
        between = tokens[holders[-1].tokens[-1] + 1:other.tokens[0]]
        if not between or len(between) > 1 or between[0].lemma not in scope.lex.joiners | {","}:
            break
        holders.append(other)
    if len(holders) < 2:
        return
    places = [m for m in sorted(scope.mentions, key=lambda m: m.start)
              if m.type in (ORG, LOC) and last < m.tokens[0] < people[0].tokens[0]]
    if len(places) not in (1, len(holders)):
        places = []
    for number, person in enumerate(holders):
        job = scope.span_arg("job", first, last)
        job.lemma, job.normal = token.lemma, post_name(scope, first, last)
        args = [scope.arg("who", person), job]
        confidence = 0.55
        if places:
            args.append(scope.arg("where", places[number if len(places) > 1 else 0]))
            confidence = SHARED_CONFIDENCE
        yield Found("occupation", args, confidence, "occupation/shared", scope.number)


#: The precision of a shared post with its organisations, devset and validation pooled: 0.92 of
#: 7 facts. Without one it is 0.47 of 16 (0.55, below the threshold).
SHARED_CONFIDENCE = 0.92


def is_listed_place(scope: Scope, token: Token) -> bool:
    """Whether a word belongs to a list of places or organisations («Италии, Грузии и
    Франции»): a name, or a comma or joiner between two names."""
    if is_named_place(scope, token.index):
        return True
    index = token.index
    return (token.text == "," or token.lemma in scope.lex.joiners) and \
        0 < index < len(scope.tokens) - 1 and \
        is_named_place(scope, index - 1) and is_named_place(scope, index + 1)


def property_of(scope: Scope, where: Arg | None) -> Arg | None:
    """What an owner noun's organisation phrase owns: the organisation the NER found inside
    it, printed as the whole phrase («креативное агентство «Альфа»», the name with its
    descriptor, as benchmarks write it) but as the entity other ownership rules give, so
    that the facts merge; else the phrase when it names an organisation."""
    if where is None:
        return None
    inside = [m for m in scope.mentions if m.type == ORG and
              where.start <= m.start and m.stop <= where.end]
    if inside:
        return replace(scope.arg("property", inside[0]), text=where.text)
    if (where.mention is not None and where.mention.type == ORG) or where.cls == "Organisation":
        return replace(where, role="property")
    return None


def headed(scope: Scope) -> Iterator[Found]:
    """A person heading an organisation, told by a verb: «Иван Петров возглавляет ОАО
    «Альфа»», «Иван Петров, возглавляющий ОАО «Альфа»», «партия, возглавляемая Иваном
    Петровым» (or «ею»: the person last named as a subject). The post is the verb's word,
    named as the first of `head_posts`; the organisation must be a name the NER found, as
    such verbs head processions and lists too."""
    lex = scope.lex
    for token in scope.tokens:
        if token.lemma not in lex.head_verbs or token.pos != "VERB":
            continue
        if token.feats.get("Voice") == "Pass":  # «партия, возглавляемая X»
            bosses = scope.children(token.index, "obl:agent", "obl")
            headed_ = [token.head] if token.rel == "acl" else \
                scope.children(token.index, "nsubj:pass")
        else:
            bosses = verb_subjects(scope, token.index)
            headed_ = scope.children(token.index, "obj", "obl", "nmod")
        person = next((m for m in scope.actors(bosses) if m.type == PERSON), None)
        if person is None and any(scope.tokens[k].lemma in lex.personal_pronouns
                                  for k in bosses):
            person = scope.protagonist
        org = next((m for m in scope.actors(headed_) if m.type == ORG), None)
        if person is None or org is None:
            continue
        job = scope.span_arg("job", token.index, token.index)
        job.lemma = job.normal = min(lex.head_posts)
        args = [scope.arg("who", person), job, widened(scope, org, token.index)]
        yield Found("occupation", args, HEADED_CONFIDENCE, "occupation/headed", scope.number)


#: The share of an article's place names one place needs to be the article's country.
HOME_SHARE = 0.5
#: The precision of national posts placed in the article's country, on the devset (5 facts).
HOME_CONFIDENCE = 0.8


def is_place(arg: Arg) -> bool:
    """Whether a Where names a place: a place's name, or a place adjective."""
    if arg.mention is not None:
        return arg.mention.type == LOC
    return arg.cls != "Organisation"


def home_country(scope: Scope) -> Arg | None:
    """The place a national post without one belongs to («премьер-министр Иван Петров»): the
    place the article is about, which at least half of its place names name, and more than
    any other. An article about several countries has none: its posts could be of any."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for mention in scope.context:
        if mention.type == LOC and mention.cls.lower() in scope.lex.country_classes:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
            first.setdefault(mention.entity, mention)
    if not counts:
        return None
    best = max(counts, key=lambda e: counts[e])
    if counts[best] < HOME_SHARE * sum(counts.values()) or \
            sum(n == counts[best] for n in counts.values()) > 1:
        return None
    return scope.arg("where", first[best])


def occupation(scope: Scope) -> Iterator[Found]:
    """Who holds which post where: the post's noun, its organisation and its holder."""
    used: set[int] = set()
    for token in scope.tokens:
        if token.index in used or not is_post(scope, token):
            continue
        if is_plural(token) and not is_one_of(scope, token.index):
            yield from shared_post(scope, token)
            continue
        first, last, anchor = post_phrase(scope, token.index)
        used.update(range(first, last + 1))
        where = organisation_of(scope, first, last, anchor) or \
            joined_organisation(scope, last, anchor)
        found = holder_of(scope, first, last, where)
        if found is None:
            continue
        person, confidence, phase, way = found
        for index in range(first, last + 1):
            scope.holders[index] = person
        modifiers = {t.lemma for t in scope.tokens[max(0, first - 2):first + 1]}
        modality = "actual"
        if modifiers & scope.lex.future_markers:
            modality = "future"
        if modifiers & scope.lex.past_markers or post_lemma(scope.lex, token.lemma) != token.lemma:
            phase = phase or "end"
        if token.lemma in scope.lex.owner_nouns:  # «основатель MySQL Майкл Видениус»
            owned = property_of(scope, where)
            if owned is not None:
                args = [scope.arg("owner", person), owned]
                yield Found("ownership", args, confidence, f"owner-noun/{way}", scope.number)
            continue
        job = scope.span_arg("job", first, last)
        job.lemma = post_lemma(scope.lex, token.lemma)
        job.normal = post_name(scope, first, last)
        where, confidence, way = placed(scope, job, where, confidence, way)
        args = [scope.arg("who", person), job, *([where] if where is not None else [])]
        yield Found("occupation", args, confidence, f"occupation/{way}", scope.number, modality,
                    phase)
    yield from headed(scope)


#: The precision of occupation facts with an organisation by the way their holder was found,
#: on the whole factRuEval devset, capped at 0.95: apposition 0.97 of 97 facts, description
#: 0.94 of 10, the name before 1.00 of 8; the name right after the post (`by_next_name`,
#: which long lists of posts need, where the parser hangs names on the wrong post) 0.84 of 13
#: on the devset and validation pooled (without an organisation it is 0.24 of 5, and stays
#: below); a post with a copula (`by_copula`) 0.67 of its one fact, pooled. Ways with fewer
#: facts keep the tuning half's figure (the way's confidence and 0.05 for the organisation).
OCCUPATION_CONFIDENCE = {"appos": 0.95, "described": 0.94, "before": 0.95, "after": 0.84,
                         "copula": 0.67}
#: The precision of posts told by a verb of heading (`headed`) on the devset (2 facts).
HEADED_CONFIDENCE = 0.9
#: The precision of occupation facts without an organisation, all ways together, on the
#: devset: 0.25 of 54 facts. The benchmark marks few posts without one (a trade, a title), and
#: who and post alone earn at most 0.6 of a fact; so they stay below the threshold.
WHERELESS_CONFIDENCE = 0.25


def follows(scope: Scope, job: Arg, where: Arg) -> bool:
    """Whether a Where's name comes right after the post, in the genitive of an organisation
    («главный врач Италии»), not before it or after a preposition («российский врач», «врач из
    Италии»), which tell where the person lives or comes from."""
    offset = scope.sentence.start
    return job.end < where.start and \
        scope.sentence.text[job.end - offset:where.start - offset].isspace()


def placed(scope: Scope, job: Arg, where: Arg | None, confidence: float,
           way: str) -> tuple[Arg | None, float, str]:
    """The post's Where, the fact's confidence and the way's name: a trade's place is no
    organisation (`professions`) unless it `follows` the post; a national post without one is
    the article's country's (`home_country`); confidences as `OCCUPATION_CONFIDENCE` and
    `WHERELESS_CONFIDENCE` say."""
    if where is not None and job.lemma in scope.lex.professions and is_place(where) and \
            not follows(scope, job, where):
        where = None  # «российский врач»: where the person is from
    placed_confidence = OCCUPATION_CONFIDENCE.get(way, round(min(0.95, confidence + 0.05), 2))
    if where is not None:
        return where, placed_confidence, way
    if {job.normal, job.lemma} & scope.lex.national_posts:
        home = home_country(scope)
        if home is not None:  # no surer than the way itself, as the tuning half measured it
            return home, min(HOME_CONFIDENCE, confidence + 0.05), f"{way}+home"
    return None, WHERELESS_CONFIDENCE, way


# --- events: meetings, visits ------------------------------------------------------------------


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
    («согласился занять»); the noun a relative clause hangs on for «который»."""
    tokens = scope.tokens
    kids = scope.children(verb, "nsubj", "nsubj:pass")
    if not kids and tokens[verb].rel in ("conj", "xcomp") and tokens[verb].head >= 0:
        kids = scope.children(tokens[verb].head, "nsubj", "nsubj:pass")
    if tokens[verb].rel == "acl:relcl" and tokens[verb].head >= 0 and \
            any(tokens[k].lemma in scope.lex.relative_pronouns for k in kids):
        kids = [tokens[verb].head]
    return kids


def nearest_before(scope: Scope, index: int) -> list[int]:
    """For a verb whose subject the parser lost: the last name before it that no preposition
    governs."""
    for token in reversed(scope.tokens[:index]):
        mention = scope.at.get(token.index)
        if mention is not None and mention.type in ACTORS and \
                not scope.case_of(mention.tokens[0]) and token.index == mention.tokens[0]:
            return [token.index]
    return []


def with_preposition(scope: Scope, index: int, *prepositions: str) -> list[int]:
    return [k for k in scope.children(index, "obl", "nmod", "obj", "iobj")
            if scope.case_of(k) in prepositions]


def meeting(scope: Scope) -> Iterator[Found]:
    """A meeting, talks or a call: who met whom («X встретился с Y», «X и Y провели
    переговоры», «встреча X с Y», «переговоры между X и Y», «переговоры с участием X и Y»,
    «X принял Y», «в ходе встречи с Y X заявил»), not a match or a show («встреча» of teams,
    «на одной сцене»). The hosts are the subject, the genitive, the sides «между» and those «с
    участием»; the guests the «с» phrase, who do not meet each other when no host is found
    (`meeting_host`). Each guest of a plural «встречи» meets the host apart; the guests of a
    noun with no singular («переговоры») meet together. A call («телефонный разговор») stays
    below the threshold (`REMOTE_MEETING`), as does a meeting of fewer than two people
    (`NO_PEOPLE_MEETING`). A fact whose participants another fact of the sentence includes
    is dropped: it would only split the scorer's credit for that meeting."""
    lex = scope.lex
    if any(t.lemma in lex.meeting_contest for t in scope.tokens):
        return
    found: list[Found] = []
    earlier: list[Mention] = []
    for token in scope.tokens:
        parties = meeting_parties(scope, token)
        if parties is None:
            continue
        hosts, guests = parties
        guest = meeting_actors(scope, guests)
        host, confidence = meeting_host(scope, hosts, guest, earlier)
        guest = [m for m in guest if all(m.entity != h.entity for h in host)]
        if not host:  # the guests of an unnamed host do not meet each other
            continue
        earlier = host
        groups = [host + guest]
        if len(host) == 1 and len(guest) > 1 and token.feats.get("Number") == "Plur" and \
                not plural_only(token):
            groups = [[*host, m] for m in guest]
        groups = [people_first(group) for group in groups if len(group) >= 2]
        if not groups:  # before the date parser, which is not cheap
            continue
        if is_remote(scope, token.index):
            confidence = REMOTE_MEETING
        extras = [a for a in (place_of(scope, token.index), scope.when) if a is not None]
        modality = meeting_modality(scope, token.index)
        found += [Found("meeting", [scope.arg("participant", m) for m in group] + extras,
                        confidence if people else min(confidence, NO_PEOPLE_MEETING),
                        "meeting", scope.number, modality) for group, people in groups]
    yield from widest(found)


def meeting_host(scope: Scope, words: list[int], guest: list[Mention],
                 earlier: list[Mention]) -> tuple[list[Mention], float]:
    """The hosts of a meeting and the confidence they give it, or no host. With no host word
    but «он», a post in the singular whose holder the sentence does not name («украинский
    лидер заявил после встречи с X») or a thing the parser took for the subject («какие
    вопросы хочет обсудить с X»), the host is the one of an earlier meeting word of the
    sentence («переговоры X с Y, а потом беседа с Z»), else the article's protagonist.

    Confidences are the precision measured on the factRuEval devset and validation documents
    (the scorer's credit over the facts with people): 0.97 (18.4 of 19) with the host named
    at the meeting word; 0.81 (6.5 of 8) with the host found elsewhere, the misses being a
    president the benchmark does not mark as meeting his deputy and a daughter the parser
    made the subject of the wrong verb."""
    host = meeting_actors(scope, words)
    if host:
        return host, 0.97
    if not guest or not all(is_unnamed_host(scope, scope.tokens[w]) for w in words):
        return [], 0.0
    for candidate in (earlier, [scope.protagonist] if scope.protagonist else []):
        if candidate and all(m.entity != h.entity for m in guest for h in candidate):
            return candidate, 0.81
    return [], 0.0


def is_unnamed_host(scope: Scope, token: Token) -> bool:
    """Whether a host word names no one the sentence says: «он», a post in the singular with
    no holder named, a thing (no host at all, the parser's error)."""
    return token.lemma in scope.lex.meeting_pronouns or token.feats.get("Animacy") == "Inan" \
        or (is_post(scope, token) and not is_plural(token))


def plural_only(token: Token) -> bool:
    """Whether a noun has no singular («переговоры»): its plural names one meeting, not one
    with each guest."""
    parses = models().analyser.parse(token.lemma)
    return bool(parses) and all("Pltm" in p.tag for p in parses)


def is_remote(scope: Scope, index: int) -> bool:
    """Whether a meeting word is a call: «телефонный разговор», «поговорить по телефону»."""
    return any(scope.tokens[k].lemma in scope.lex.meeting_remote
               for k in scope.children(index, "amod", "nmod", "obl"))


#: The confidence of a call («телефонные переговоры»): the benchmark marks meetings in person;
#: of the six calls with people the rule finds on the factRuEval devset and validation
#: documents, one earns half a meeting's credit.
REMOTE_MEETING = 0.08


#: The confidence of a meeting of fewer than two people: countries or companies «ведут
#: переговоры» far more often in news than their people are said to meet; none of the nine
#: such facts on the factRuEval devset and validation documents was a meeting the benchmark
#: marks.
NO_PEOPLE_MEETING = 0.3


def people_first(group: list[Mention]) -> tuple[list[Mention], bool]:
    """A meeting's participants, and whether people met: with two or more people, only the
    people (a country beside them is whom they speak for: «встретился с Марко Росси и
    делегацией Грузии»); otherwise all of them."""
    people = [m for m in group if m.type == PERSON]
    return (people, True) if len(people) >= 2 else (group, False)


def meeting_parties(scope: Scope, token: Token) -> tuple[list[int], list[int]] | None:
    """The words naming the hosts and the guests of a meeting word, or None if the word does
    not name a meeting here."""
    lex = scope.lex
    if token.lemma in lex.meeting_reception and token.pos == "VERB":
        return reception(scope, token)
    if token.lemma not in lex.meeting:
        return None
    if token.pos == "VERB":
        hosts = clause_subjects(scope, token.index) or nearest_before(scope, token.index)
        return hosts, with_preposition(scope, token.index, *lex.with_prepositions)
    if token.pos not in ("NOUN", "PROPN"):
        return None
    # the genitives, the sides «между X и Y» and those «с участием X»
    hosts = [k for k in scope.children(token.index, "nmod") if not scope.case_of(k)]
    hosts += with_preposition(scope, token.index, *lex.between_prepositions)
    hosts += [g for k in scope.children(token.index, "nmod")
              if scope.tokens[k].lemma in lex.meeting_participation
              for g in scope.children(k, "nmod") if not scope.case_of(g)]
    guests = [k for k in scope.children(token.index, "nmod", "obl")
              if scope.case_of(k) in lex.with_prepositions
              and scope.tokens[k].lemma not in lex.meeting_participation]
    verb, rel = clause_verb(scope, token.index)
    if verb is None:
        return hosts, guests
    if rel.startswith("nsubj") or scope.tokens[verb].lemma in lex.meeting_light:
        # «встреча с Y состоялась у X», «встречи запланированы с Y», «X провёл с Y встречу»
        guests += with_preposition(scope, verb, *lex.with_prepositions)
        hosts += with_preposition(scope, verb, *lex.meeting_host_prepositions)
    # «X провёл встречу с Y»; as an adverbial only with a counterpart or with several
    # subjects: «на встрече с Y X заявил», «по итогам переговоров X и Y подписали», not «X
    # выступил на саммите».
    if rel.startswith("nsubj") or scope.actors(hosts):
        return hosts, guests
    subject = clause_subjects(scope, verb) or detached_subject(scope, guests)
    if guests or rel == "obj" or any(len(scope.actors([k])) > 1 for k in subject):
        hosts += subject
    return hosts, guests


def clause_subjects(scope: Scope, verb: int) -> list[int]:
    """The subject of a verb; for a verb of purpose with none, the subject of the verb it
    depends on («X вылетел в Рим, чтобы провести встречу с Y»)."""
    kids = subjects(scope, verb)
    head = scope.tokens[verb].head
    if not kids and scope.tokens[verb].rel == "advcl" and head >= 0:
        return subjects(scope, head)
    return kids


def detached_subject(scope: Scope, guests: list[int]) -> list[int]:
    """A name in the nominative that the parser hung on a guest as its apposition, when the
    clause has no subject: «в ходе встречи с Иваном Петровым Сергей Смирнов заявил»."""
    tokens = scope.tokens
    return [k for g in guests if tokens[g].feats.get("Case") != "Nom"
            for k in scope.children(g, "appos") if tokens[k].feats.get("Case") == "Nom"]


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


def reception(scope: Scope, token: Token) -> tuple[list[int], list[int]] | None:
    """«X принял Y»: the subject receives the object, when it is a person or a delegation
    and no «в члены», «на работу» makes it an admission; not in the passive."""
    lex = scope.lex
    if token.feats.get("Voice") == "Pass" or any(
            scope.tokens[k].lemma in lex.meeting_admission
            for k in scope.children(token.index, "obl")):
        return None
    guests = [k for k in bare_objects(scope, token.index)
              if (scope.tokens[k].lemma in lex.meeting_delegates
              or any(m.type == PERSON for m in scope.actors([k])))]
    return (subjects(scope, token.index), guests) if guests else None


def bare_objects(scope: Scope, verb: int) -> list[int]:
    """The nouns with no preposition a verb governs as objects, with those the parser took
    for an adverbial after a place («принял в Риме президента») or hung on that place as an
    accusative, which no noun governs («принимает в Белом доме своего коллегу»)."""
    tokens = scope.tokens
    out = [k for k in scope.children(verb, "obj", "obl") if not scope.case_of(k)]
    for place in scope.children(verb, "obl"):
        out += [k for k in scope.children(place, "nmod") if not scope.case_of(k)
                and tokens[k].feats.get("Case") == "Acc" and k > place]
    return out


def meeting_actors(scope: Scope, indices: list[int]) -> list[Mention]:
    """The actors of a meeting's words; a delegation stands for the party named in its
    genitive («с делегацией Грузии»: Грузия); a name the tagger missed here stands for the
    person of that name the article mentions elsewhere («Петров прибыл в Рим и встретился с
    …», with «Иван Петров» named before)."""
    lex = scope.lex
    words: list[int] = []
    for index in indices:
        for conj in scope.conjuncts(index):
            if scope.tokens[conj].lemma in lex.meeting_delegates and scope.actor(conj) is None:
                words += [k for k in scope.children(conj, "nmod") if not scope.case_of(k)]
            else:
                words.append(conj)
    found = scope.actors(words)
    for word in words:
        if scope.tokens[word].pos == "PROPN" and scope.actor(word) is None:
            known = names_met(scope.context).get(key_of(scope.tokens[word].text))
            if known is not None and known.type == PERSON and \
                    all(known.entity != m.entity for m in found):
                found.append(known)
    return found


def meeting_modality(scope: Scope, index: int) -> str:
    """Whether a meeting was held: «не встречался», «отказался от встречи» (negated); «может
    встретиться» (possible); «планирует встретиться», «встретится», «предстоящая встреча»
    (future). Reads the meeting word, its modifiers and the words it is an argument of; of an
    adverbial's head only the head word counts («на встрече … не сказал»), and not when the
    meeting is where it happened («не смогли договориться на переговорах»)."""
    tokens, lex = scope.tokens, scope.lex
    words: set[str] = set()
    future = False
    current, hops = index, 0
    while current >= 0 and hops < 3:
        token = tokens[current]
        words.add(token.lemma)
        for kid in scope.children(current, "advmod", "aux", "aux:pass", "amod", "det"):
            words.add(tokens[kid].lemma)
            future |= tokens[kid].lemma == "быть" and tokens[kid].feats.get("Tense") != "Past"
        future |= token.pos == "VERB" and token.feats.get("Tense") == "Fut"
        head = tokens[token.head] if token.head >= 0 else None
        if head is None or not (token.rel in ("xcomp", "obj") or (
                token.rel.startswith("nsubj") and head.lemma in lex.meeting_light) or (
                token.rel == "nmod" and head.lemma in lex.meeting_frames)):
            if head is not None and token.rel in ("obl", "nmod", "nsubj", "nsubj:pass") and \
                    token.feats.get("Case") != "Loc":  # «договорились о встрече», not «на»
                words.add(head.lemma)
            break
        current, hops = token.head, hops + 1
    if words & lex.meeting_negated:
        return "negated"
    if words & lex.meeting_possible:
        return "possible"
    return "future" if future or words & lex.meeting_future else "actual"


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


def visit(scope: Scope) -> Iterator[Found]:
    """A visit: who went where («визит делегации в Грузию», «посетил Тбилиси», «посещение
    завода»). With no visitor in the sentence the visitor is the person last seen as a
    subject («посещение ОАО «Альфа» стало первым этапом визита»)."""
    lex = scope.lex
    for token in scope.tokens:
        if token.lemma not in lex.visit:
            continue
        who: list[int] = []
        where: list[int] = []
        if token.pos == "VERB":
            who = subjects(scope, token.index)
            where = with_preposition(scope, token.index, *lex.place_prepositions)
            if token.lemma in lex.visit_objects:
                where += scope.children(token.index, "obj")
        else:
            genitive = [k for k in scope.children(token.index, "nmod") if not scope.case_of(k)]
            where = with_preposition(scope, token.index, *lex.place_prepositions)
            if token.lemma in lex.visit_objects:  # «посещение X»: X is visited
                where += genitive
            else:  # «визит X»: X visits
                who = genitive
            if token.head >= 0 and not who:
                who = subjects(scope, token.head)
        visitors = scope.actors(who)
        places = [m for m in scope.actors(where) if m.type in (LOC, ORG)]
        confidence = 0.75
        if not visitors and places and scope.protagonist is not None:
            visitors, confidence = [scope.protagonist], 0.65
        if not visitors or not places:
            continue
        args = [scope.arg("who", m) for m in visitors] + [scope.arg("where", places[0])]
        args += [a for a in (scope.when,) if a is not None]
        yield Found("visit", args, confidence, "visit", scope.number)


# --- deals and ownership -----------------------------------------------------------------------


#: Confidence of each way a deal is found: its measured precision on the factRuEval-2016
#: devset and the validation documents pooled (the benchmark's partial credit, each way scored
#: alone), with the number of facts it gave there. Few facts a way: 91 gold deals, 59 given.
DEAL_CONFIDENCE = {
    "deal/verb": 0.88,     # «X купила Y», «X вложила в Y», «X оштрафовала Y» (19 facts)
    "deal/passive": 1.0,   # «Y была куплена X», «нефть, поставляемая X в Y» (1)
    "deal/light": 0.83,    # «X подписал соглашение о покупке Y», «X дала Y кредит» (22)
    "deal/noun": 0.82,     # «покупка Y компанией X», «сделка между X и Y» (9)
    "deal/near": 1.0,      # «наложить штраф в размере … на Y, если …», «на Y» hung elsewhere
                           # by the parser (1)
    "deal/repay": 0.75,    # «X выплатит Y 12 миллиардов долларов» (1: a third party missed)
    "deal/ban": 0.69,      # «X запретил ввоз товаров из Y», «ограничения на импорт из Y» (4:
                           # the gold calls one a fine)
    "deal/stake": 1.0,     # «X получила 7,5% акций Y», «X передал Y долю в Z» (2)
}
#: Clauses a name inside of is no subject of the main verb («принадлежащая Y», «как сообщает Y»).
CLAUSES = ("acl", "acl:relcl", "advcl", "parataxis")
#: A parenthesis closing a name: «Банк Грузии (Bank of Georgia)» is named without it.
PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")
#: How many words after a deal word a party hung elsewhere by the parser may be, and the
#: marks that end the stretch of the sentence they are looked for in.
NEAR = 10
CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–"})
#: A word in Latin letters (and digits).
LATIN = re.compile(r"[a-z0-9][a-z0-9&.'-]*")
#: Quote marks around a name.
OPENING, CLOSING = frozenset({"«", '"', "„", "“"}), frozenset({"»", '"', "“", "”"})
#: How many light words a deal word may hang below («объявила о выделении Y кредита»).
LIGHT_DEPTH = 3


@dataclass
class DealParts:
    """What a deal word's tree gives: its type ('' for none), the way it was found, the words
    naming parties (its subjects apart: they act together) and the light words it hangs
    below."""

    kind: str
    way: str
    words: list[int] = field(default_factory=list)
    subjects: list[int] = field(default_factory=list)
    chain: list[int] = field(default_factory=list)


def deal(scope: Scope) -> Iterator[Found]:
    """A deal between two or more parties, of a type of the closed list (`deal` in the lexicon).

    A deal word («купить», «покупка», «кредит», «штраф», «санкции») names the deal; its parties
    are its subject, its object and the names after a preposition of `deal_prepositions`
    («у X», «с X», «между X и Y», «против X», «на X», «в X»), a name in the dative («Y кредит»),
    an agent in the instrumental, and for a noun its genitive («покупка Y компанией X»). A deal
    noun below a light word (`deal_light`) takes that word's subject and parties too: «X
    подписал соглашение о покупке Y», «X объявила о выделении Y кредита».

    The ways, each with its confidence (`DEAL_CONFIDENCE`): a deal verb, active or passive; a
    deal noun, alone or below a light word; a verb of paying money back to a party in the
    dative, a loan; a ban on trade («запретил ввоз из Y»), a sanction; and, when the tree
    gives one party only, a party after «на» or «против» further on in the same stretch of the
    sentence that the parser hung elsewhere; a stake handed over or got, a purchase («X получила
    7,5% акций Y»). Parties are organisations, places and people (not people for sanctions);
    conjuncts count («X и Y»: one deal for conjoined subjects, one a conjunct for others, see
    `split_conjuncts`), a name below a stake counts («акции ОАО «Альфа»»), a body named
    with its country is that body («правительство Грузии»), and a name the NER missed
    is taken from the article or from quotes. A deal found inside another one of the same
    sentence with no more parties is dropped («контракт на поставку»: the supply)."""
    found: list[tuple[DealParts, list[list[Arg]], Token]] = []
    for token in scope.tokens:
        parts = deal_parts(scope, token)
        if parts is None:
            continue
        keys: set[str] = set()
        joint = deal_parties(scope, parts.subjects, parts.kind, keys)
        groups = [[a for group in joint for a in group],
                  *deal_parties(scope, parts.words, parts.kind, keys)]
        parties = [a for group in groups for a in group]
        if len(parties) == 1:  # a party the parser hung elsewhere («штраф … на X, если …»)
            more = [a for group in deal_parties(scope, detached(scope, token.index), parts.kind,
                                                set()) for a in group
                    if party_key(a) != party_key(parties[0])]
            if more:
                groups.append(more[:1])
                parts.way = "deal/near"
        if sum(map(len, groups)) >= 2:
            found.append((parts, groups, token))
    for parts, groups, token in found:
        keys = {party_key(a) for group in groups for a in group}
        if any(other is not parts and keys <= {party_key(a) for group in others for a in group}
               and (len(keys) < sum(map(len, others)) or token.index in other.chain)
               for other, others, _ in found):
            continue
        for parties in split_conjuncts(groups):
            args = [*parties]
            if parts.kind:
                args.append(Arg("type", parts.kind, token.start, token.stop))
            args += [a for a in (scope.when,) if a is not None]
            yield Found("deal", args, DEAL_CONFIDENCE[parts.way], parts.way, scope.number)


def split_conjuncts(groups: list[list[Arg]]) -> list[list[Arg]]:
    """The parties of each deal a deal word names: one deal per conjunct when conjoined names
    other than its subjects share a counterpart («санкции Италии и Грузии против X»: Italy's
    and Georgia's, «покупка X и Y компанией Z»: two purchases), as the benchmark's gold counts
    them; one deal of all the parties otherwise, conjoined subjects acting together («Италия и
    Грузия ввели санкции против X»). The subjects are the first group."""
    parties = [a for group in groups for a in group]
    for group in groups[1:]:
        if len(group) >= 2 and len(parties) > len(group):
            rest = [a for a in parties if a not in group]
            return [[one, *rest] for one in group]
    return [parties]


def deal_parts(scope: Scope, token: Token) -> DealParts | None:
    """The way a word names a deal, and the words below it and its light words that name
    its parties; None when the word names no deal."""
    lex = scope.lex
    if token.pos not in ("VERB", "NOUN", "PROPN") or scope.at.get(token.index) is not None:
        return None  # a noun may be tagged PROPN at the start of a sentence («Долг X …»)
    kind = lex.deal_type(token.lemma)
    banned = banned_trade(scope, token.index) if token.lemma in lex.deal_bans or \
        kind == "sanctions" else []
    if kind is None and banned:
        parts = DealParts("sanctions", "deal/ban")
    elif kind is None and token.lemma in lex.deal_repay and token.pos == "VERB":
        parts = DealParts("loan", "deal/repay")
        parts.words += [k for k in scope.children(token.index, "iobj", "obl")
                        if scope.tokens[k].feats.get("Case") == "Dat" and not scope.case_of(k)]
        if not parts.words or not pays_money(scope, token.index):  # «вернуть Y территорию»
            return None
    elif kind is None and token.lemma in lex.deal_stake_verbs and token.pos == "VERB" and \
            takes_stake(scope, token.index):
        parts = DealParts("purchase", "deal/stake")
    elif kind is None:
        return None
    elif token.pos == "VERB":
        passive = token.feats.get("Voice") == "Pass" or bool(scope.children(
            token.index, "nsubj:pass", "aux:pass"))
        parts = DealParts(kind, "deal/passive" if passive else "deal/verb")
    else:
        parts = DealParts(kind, "deal/noun")
    if token.pos == "VERB":
        parts.subjects += deal_subjects(scope, token.index)
    banned_by = [*party_words(scope, token.index, own=True),  # «запретил ввоз из Y»,
                 *(k for word in banned for k in party_words(scope, word, own=False))]
    if parts.way == "deal/ban" and not any(deal_parties(scope, banned_by, "", set())):
        return None  # a ban on selling at home is no deal: «запрет на продажу оружия»
    parts.words += banned_by  # «эмбарго на ввоз товаров из Y»
    current = token.index
    for _ in range(LIGHT_DEPTH):  # up through the light words the deal word hangs below
        head = scope.tokens[current].head
        if head < 0 or scope.tokens[current].rel not in ("obj", "obl", "nmod", "nsubj:pass"):
            break
        light = scope.tokens[head]  # a deal word of another type is no light word: «кредит
        if light.lemma not in lex.deal_light and lex.deal_type(light.lemma) != kind:  # на покупку»
            break
        parts.chain.append(head)
        if parts.way == "deal/noun":
            parts.way = "deal/light"
        if light.pos == "VERB":
            parts.subjects += deal_subjects(scope, head)
        parts.words += [k for k in party_words(scope, head, own=False) if k != current]
        current = head
    parts.words += [k for subject in parts.subjects for k in examples(scope, subject)]
    return parts


def examples(scope: Scope, index: int) -> list[int]:
    """The names a word gives as examples («такие компании, как X и Y»): each deals on its
    own, so they are no joint subjects."""
    return [k for det in scope.children(index, "det") if scope.tokens[det].lemma in
            scope.lex.deal_such for k in scope.children(det, "obl", "nmod")
            if scope.case_of(k) == "как"]


def deal_subjects(scope: Scope, verb: int) -> list[int]:
    """The subject of a verb of the deal (and an object the parser took for a second
    subject); for an active participle the noun it describes («компания, купившая X»); else a
    name before it the parser did not link to it (`subject_before`)."""
    token = scope.tokens[verb]
    if token.rel == "acl" and token.head >= 0:
        return [token.head]
    found = subjects(scope, verb)
    if len(found) > 1:
        # Two subjects not coordinated: a parse gone wrong. The nearest before the verb is its
        # subject; one right after it is its object («Альфа купила Бету»); one further on,
        # past a comma or a conjunction, is in another clause.
        found = sorted(found, key=lambda k: (k > verb, abs(k - verb)))
        return found[:1] + [k for k in found[1:] if k > verb and not any(
            t.pos in ("PUNCT", "SCONJ", "CCONJ") for t in scope.tokens[verb + 1:k])]
    return found or subject_before(scope, verb)


def subject_before(scope: Scope, verb: int) -> list[int]:
    """For a verb whose subject the parser lost: the last name before it that can be a
    subject, in the nominative (or not inflected), with no preposition, and not inside a
    participle, relative or inserted clause with a verb of its own («X, принадлежащая Y,
    купила Z»: X; «как сообщает газета Y»: not Y; «X, крупнейший банк страны, подписал»: X)."""
    for mention in sorted(scope.mentions, key=lambda m: -m.start):
        first = mention.tokens[0]
        if first >= verb or mention.type not in ACTORS or scope.case_of(first) or \
                scope.tokens[first].feats.get("Case", "Nom") != "Nom" or after_preposition(
                    scope, first):
            continue
        clause, hops = first, 0
        while scope.tokens[clause].head >= 0 and not in_clause(scope.tokens[clause]) and \
                hops < 6:
            clause, hops = scope.tokens[clause].head, hops + 1
        if not in_clause(scope.tokens[clause]):
            return [first]
    return []


def after_preposition(scope: Scope, index: int) -> bool:
    """Whether a name stands in apposition to a noun after a preposition («в газете X»), its
    own case left untold (a foreign name), so that it is no subject."""
    token = scope.tokens[index]
    while token.rel in ("appos", "flat:foreign", "flat:name") and token.head >= 0:
        token = scope.tokens[token.head]
        if scope.case_of(token.index):
            return True
    return False


def in_clause(token: Token) -> bool:
    """Whether a word heads a clause of its own, with its own verb."""
    return token.rel in CLAUSES and token.pos == "VERB"


def party_words(scope: Scope, index: int, own: bool) -> list[int]:
    """The words below a deal word (`own`) or its light word that may name a party: a name in
    the dative, after a preposition of `deal_prepositions` («в» with the accusative, or an
    organisation with the locative: «доля в компании X»), an instrumental agent; and for the
    deal word itself its object and, for a noun, its genitive («покупка X»)."""
    lex = scope.lex
    out = []
    for kid in scope.children(index, "obj", "iobj", "obl", "obl:agent", "nmod", "appos"):
        token = scope.tokens[kid]
        case, grammatical = preposition_of(scope, kid), token.feats.get("Case", "")
        if case:
            if case not in lex.deal_prepositions:
                continue
            if case in ("в", "во") and token.lemma in lex.deal_through:
                out += scope.children(kid, "nmod")  # «в отношении X» parsed as a noun
                continue
            if case in ("в", "во", "на") and grammatical != "Acc" and not (
                    case != "на" and organisation_at(scope, kid)):
                continue
            out.append(kid)
        elif token.rel in ("iobj", "obl:agent") or grammatical in ("Dat", "Ins"):
            out.append(kid)  # «дать Y кредит», «куплена компанией X», «покупка Y компанией X»
        elif own and grammatical in ("Acc", "Gen", "") and token.rel != "iobj":
            out.append(kid)  # the object, also when parsed as an oblique («25% акций X») or
            # a name in apposition («кредит ВТБ»)
    return out


def detached(scope: Scope, index: int) -> list[int]:
    """A name after a preposition of `deal_targets` that follows a deal word in its stretch of
    the sentence (up to a comma, at most `NEAR` words on) but hangs elsewhere in the tree."""
    lex = scope.lex
    for token in scope.tokens[index + 1:index + 1 + NEAR]:
        if token.text in CLAUSE_MARKS or token.pos in ("VERB", "SCONJ"):
            break
        if token.pos == "ADP" and token.lemma in lex.deal_targets and \
                token.head > token.index and scope.at.get(token.head) is not None and \
                not path_to(scope, token.head, {index}, hops=3, rels=(*PHRASE, "obl", "obj")):
            return [token.head]
    return []


def preposition_of(scope: Scope, index: int) -> str:
    """The preposition governing a word, with the words fixed to it right after it («в
    отношении»; not a fixed word further on the parser hung on it too), or ''."""
    for kid in scope.children(index, "case"):
        words, fixed = [scope.tokens[kid].lemma], set(scope.children(kid, "fixed"))
        while kid + len(words) in fixed:
            words.append(scope.tokens[kid + len(words)].lemma)
        return " ".join(words)
    return ""


def pays_money(scope: Scope, verb: int) -> bool:
    """Whether the object of a verb is an amount of money («выплатить 12 миллиардов
    долларов»)."""
    objects = [scope.tokens[k] for k in scope.children(verb, "obj")]
    if not objects:
        return False
    offset = scope.sentence.start
    return any(start + offset <= token.start < stop + offset or
               start + offset < token.stop <= stop + offset
               for start, stop, _ in money_in(scope.sentence.text) for token in objects)


def takes_stake(scope: Scope, verb: int) -> bool:
    """Whether the object of a verb is a stake in a company (`stake_nouns`): «получила 7,5%
    акций X», «передал Y долю в X»; not «получит за свой пакет 2 млрд долларов»."""
    return any(scope.tokens[k].lemma in scope.lex.stake_nouns
               for obj in scope.children(verb, "obj") for k in [obj, *scope.children(obj, "nmod")])


def organisation_at(scope: Scope, index: int) -> bool:
    """Whether a word is, or has right below it, an organisation's name."""
    for word in (index, *scope.children(index, "nmod", "appos", "flat:foreign")):
        mention = scope.at.get(word)
        if mention is not None and mention.type == ORG:
            return True
    return False


def banned_trade(scope: Scope, index: int) -> list[int]:
    """The words of trade a ban word bans: «запретил ввоз(ить)», «запрет на импорт»."""
    return [k for k in scope.children(index, "obj", "xcomp", "nmod", "obl", "ccomp")
            if scope.tokens[k].lemma in scope.lex.deal_banned]


def deal_parties(scope: Scope, words: list[int], kind: str, keys: set[str]) -> list[list[Arg]]:
    """The parties the words name, each once, a list for each word: bodies with their country
    («правительство Грузии»), organisations, places and people with their conjuncts, and, two
    words down, the names below a word that names none, in the genitive or after «в» («5%
    акций ОАО «Альфа»», «доля в компании X», not «завод в Италии»). Sanctions are between
    states and organisations: the people they name («санкции против Ивана Петрова») are no
    party, as the benchmark's gold has it. Parties whose keys are in `keys` are taken already;
    adds the keys of those found."""
    return [group for word in words for group in word_parties(scope, word, keys, kind)]


def word_parties(scope: Scope, word: int, keys: set[str], kind: str) -> list[list[Arg]]:
    """The parties one word names with its conjuncts and the names below it (see
    `deal_parties`), a list for each set of conjuncts, but for those whose keys are in `keys`
    and the people of a sanction («лидеры Италии Иван Петров и …»: Italy); adds the keys of
    those found."""
    groups: list[list[Arg]] = []
    todo = [(word, 0)]
    while todo:
        word, level = todo.pop(0)
        out: list[Arg] = []
        groups.append(out)
        for index in scope.conjuncts(word):
            named = party_at(scope, index)
            people = [a for a in named if kind == "sanctions" and a.mention is not None and
                      a.mention.type == PERSON]
            found = [a for a in named if party_key(a) not in keys and a not in people]
            personal = bool(people) and bool(scope.case_of(word))
            if not found and level < 2 and descends(scope, index, personal):
                todo += [(k, level + 1) for k in scope.children(index, "nmod", "appos")
                         if not scope.case_of(k) or (scope.case_of(k) in ("в", "во") and
                                                     organisation_at(scope, k))]
            for arg in found:
                arg.text = PARENTHESIS.sub("", arg.text) or arg.text
                if party_key(arg) not in keys:
                    keys.add(party_key(arg))
                    out.append(arg)
    return groups


def descends(scope: Scope, index: int, personal: bool) -> bool:
    """Whether the names below a word that names no party may: not below a currency
    («долларов США»), nor below people a sanction targets («санкции против премьер-министра
    Италии Ивана Петрова»: personal sanctions, none against Italy)."""
    return not personal and scope.tokens[index].lemma not in scope.lex.deal_currencies


def party_at(scope: Scope, index: int) -> list[Arg]:
    """The parties one word names: a body with its country, an actor (with the names in
    apposition to it), else a name found elsewhere in the article or in quotes."""
    body = body_phrase(scope, index)
    if body is not None:
        return [body]
    found = [scope.arg("participant", m) for m in scope.actors([index]) if m.type in ACTORS]
    if found:
        return found
    return [a for a in (known_name(scope, index), quoted_name(scope, index)) if a is not None][:1]


def quoted_name(scope: Scope, index: int) -> Arg | None:
    """An organisation in quotes the NER missed («выплатить «Северному клубу»»): a noun of
    `org_nouns` with its adjectives between quote marks."""
    tokens = scope.tokens
    if scope.at.get(index) is not None or tokens[index].lemma not in scope.lex.org_nouns:
        return None
    first = min([index, *(k for k in scope.children(index, "amod") if k < index)])
    if first == 0 or index + 1 >= len(tokens) or tokens[first - 1].text not in OPENING or \
            tokens[index + 1].text not in CLOSING:
        return None
    arg = scope.span_arg("participant", first, index)
    arg.normal = normalise(models(), tokens[first:index + 1])
    arg.text, arg.cls = arg.normal, "Organisation"
    return arg


def party_key(arg: Arg) -> str:
    return arg.entity or arg.text.lower()


def body_phrase(scope: Scope, index: int) -> Arg | None:
    """A body named with its country or organisation («комиссия Таможенного союза»), as one
    organisation: its adjectives, its noun and the name below it."""
    token, own = scope.tokens[index], scope.at.get(index)
    if token.lemma not in scope.lex.deal_bodies or (own is not None and own.tokens[-1] != index):
        return None  # the NER may tag the body's noun alone («Комиссия» starting a sentence),
        # or with its adjectives («Высокий суд»)
    names = [k for k in scope.children(index, "nmod") if not scope.case_of(k)
             and scope.at.get(k) is not None and scope.at[k].type in (ORG, LOC)]
    if not names:
        return None
    first = min([index, *(k for k in scope.children(index, "amod") if k < index),
                 *(own.tokens if own is not None else [])])
    last = max(scope.at[names[0]].tokens)
    arg = scope.span_arg("participant", first, last)
    arg.normal = normalise(models(), scope.tokens[first:last + 1])
    arg.text, arg.cls = arg.normal, "Organisation"
    return arg


def known_name(scope: Scope, index: int) -> Arg | None:
    """A name the NER missed here but found elsewhere in the article («Acme» after «Acme
    Systems»): a capitalised word not in a mention whose lemma is the lemma of a name met
    in the article, or the first word, in Latin letters, of one."""
    token = scope.tokens[index]
    if scope.at.get(index) is not None or token.pos not in ("PROPN", "X") or \
            not token.text[:1].isupper():
        return None
    mention = names_met(scope.context).get(key_of(token.text))
    if mention is None:
        return None
    arg = scope.arg("participant", mention)
    arg.start, arg.end = token.start, token.stop
    return arg


_NAMES: list = [None, {}]  # the article's mentions last indexed, and their index


def names_met(context: list[Mention]) -> dict[str, Mention]:
    """The article's actors by the lemmas of their names and of the first words of their
    names, the first met winning; made once per article (the rules of every sentence share
    its list of mentions)."""
    if _NAMES[0] is not context:
        index: dict[str, Mention] = {}
        for mention in context:
            if mention.type in ACTORS and mention.entity:
                index.setdefault(key_of(mention.text), mention)
                first = key_of(mention.normal).split()[:1]
                if first and LATIN.fullmatch(first[0]):  # «Acme» of «Acme Systems», not
                    index.setdefault(first[0], mention)  # «Российская» of «Российская Федерация»
        _NAMES[0], _NAMES[1] = context, index
    return _NAMES[1]


#: Quotes that open or close a name.
QUOTES = "«»\"„“”"

#: An ownership link a word makes: the way it was found, the owners' and the owned words.
Link = tuple[str, list[int], list[int]]


def ownership(scope: Scope) -> Iterator[Found]:
    """Who owns what: each word of an ownership construction links the words of the owners to
    the words of what they own (see `OWNERSHIP_LINKS`). Owners are people, organisations or
    places; what is owned is an organisation named by a name, or by a name one or two words
    down («контрольный пакет акций ОАО «Альфа»»). Conjuncts on either side give one fact per
    pair («принадлежит Ивану Петрову и Сергею Сидорову»). Brands and members in parentheses
    after a company are read by their place (`bracketed`)."""
    for token in scope.tokens:
        if scope.lex.deal_type(token.lemma):
            continue
        for find in OWNERSHIP_LINKS:
            link = find(scope, token)
            if link is not None:
                yield from owned_by(scope, *link)
    yield from bracketed(scope)


#: The most owner-property pairs a link with several of each may have (see `owned_by`).
MAX_PAIRS = 4


def owned_by(scope: Scope, way: str, owners: list[int], owned: list[int]) -> Iterator[Found]:
    """The facts of one link: every owner with every organisation owned, never one with
    itself. The confidence is the way's measured precision (`OWNERSHIP_CONFIDENCE`). Several
    owners of one thing, or one owner of several, are common; several of each making more
    than MAX_PAIRS pairs is a list the parser has joined to the link («подписали A, B, C
    (владелец D и E), F…»): nothing is reported."""
    owners = [k for k in owners if k in scope.holders or  # «акционеры Y будут владеть X»: not Y
              scope.tokens[k].lemma not in scope.lex.owner_nouns]
    who = [m for m in scope.actors(owners, depth=1) if m.type in ACTORS]
    what = [m for m in scope.actors(owned, depth=2) if m.type == ORG]
    if not what:
        what = [m for m in (name_after(scope, i) for i in owned) if m is not None and m.type == ORG]
    yield from pairs(scope, way, who, what)


def pairs(scope: Scope, way: str, who: list[Mention], what: list[Mention]) -> Iterator[Found]:
    """One fact per owner and organisation owned (see `owned_by`)."""
    if min(len(who), len(what)) > 1 and len(who) * len(what) > MAX_PAIRS:
        return
    for owner in who:
        for thing in what:
            if owner.entity != thing.entity:
                args = [owner_arg(scope, owner), scope.arg("property", thing)]
                yield Found("ownership", args, OWNERSHIP_CONFIDENCE[way], f"ownership/{way}",
                            scope.number)


def owner_arg(scope: Scope, owner: Mention) -> Arg:
    """The owner as an argument; a surname after a family noun is the family («принадлежит
    семье Петровых» → «семья Петровых»), which owns, rather than one of its members. The
    surname is the genitive it is written in, not a person's nominative."""
    arg = scope.arg("owner", owner)
    first = owner.tokens[0]
    family = scope.tokens[first - 1] if first > 0 else None
    if owner.type == PERSON and family is not None and family.lemma in scope.lex.family_nouns:
        return replace(arg, text=f"{family.lemma} {owner.text}", start=family.start)
    return arg


def name_after(scope: Scope, index: int) -> Mention | None:
    """The name right after a common noun, past an opening quote («театра «Альфа»»), which
    the parser did not hang below it."""
    for following in (index + 1, index + 2):
        mention = scope.at.get(following)
        if mention is not None:
            return mention if mention.tokens[0] == following else None
        if following >= len(scope.tokens) or scope.tokens[following].text not in QUOTES:
            return None
    return None


def described(scope: Scope, index: int) -> list[int]:
    """The word a participle or a noun in apposition describes («компания, принадлежащая …»,
    «ООО «Альфа», дочка …»), or the subject of its clause."""
    token = scope.tokens[index]
    if token.rel in ("acl", "amod", "appos", "parataxis") and token.head not in (-1, index):
        before = name_before_comma(scope, index)
        if before is not None and token.head < index and before.type in ACTORS:
            return [before.tokens[0]]  # a phrase set off by a comma: the name before it
        return [token.head]
    found = subjects(scope, index)
    if not found and token.feats.get("VerbForm") == "Part":
        return noun_after(scope, index)
    return found


def name_before_comma(scope: Scope, index: int) -> Mention | None:
    """The name a phrase set off by a comma follows («Х, принадлежащий …», «Х, куда …»)."""
    if index > 1 and scope.tokens[index - 1].text == ",":
        return scope.at.get(index - 2)
    return None


def noun_after(scope: Scope, index: int) -> list[int]:
    """The noun a participle stands before: past the name right after it, its agent or owner
    («созданный Иваном Петровым Alphafilm», «на принадлежащем «Альфе» канале»), or else
    past its own words; the parser often hangs that noun elsewhere (as the verb's object, on
    the participle itself, or below it)."""
    agent = name_after(scope, index)
    last = agent.tokens[-1] if agent is not None else max(subtree(scope, index))
    for following in (last + 1, last + 2):
        if following >= len(scope.tokens):
            break
        if scope.tokens[following].pos in ("NOUN", "PROPN", "X"):
            return [following]
        if scope.tokens[following].text not in QUOTES:
            break
    return []


def subtree(scope: Scope, index: int) -> set[int]:
    """A word and all the words below it (a word the parser hangs on itself included once)."""
    todo, seen = [index], {index}
    while todo:
        for kid in scope.children(todo.pop()):
            if kid not in seen:
                seen.add(kid)
                todo.append(kid)
    return seen


def dative_or_u(scope: Scope, index: int) -> list[int]:
    """Words below `index` in the dative (or caseless: a foreign name, «принадлежит Alpha
    Group») or after «у»: who something belongs to."""
    return [k for k in scope.children(index, "obl", "iobj", "nmod")
            if (scope.tokens[k].feats.get("Case") in ("Dat", None) and not scope.case_of(k))
            or scope.case_of(k) in scope.lex.owner_prepositions]


def genitives(scope: Scope, index: int) -> list[int]:
    """The first noun in the genitive without a preposition below `index` («доля Газпрома»);
    its conjuncts come with it, later ones are the parser's strays in long lists."""
    return [k for k in scope.children(index, "nmod") if not scope.case_of(k)
            and scope.tokens[k].feats.get("Case") in ("Gen", None)][:1]


def belonging(scope: Scope, token: Token) -> Link | None:
    """«X принадлежит Y», «X, принадлежащий Y», «Y принадлежит 20% акций X»."""
    if token.pos != "VERB" or token.lemma not in scope.lex.belong:
        return None
    owners = dative_or_u(scope, token.index)
    after = name_after(scope, token.index)
    if not owners and token.feats.get("VerbForm") == "Part" and after is not None and \
            scope.tokens[after.tokens[0]].feats.get("Case") in ("Dat", None):
        owners = [after.tokens[0]]  # «на принадлежащем «Альфе» канале»: hung on the noun
    return "belong", owners, described(scope, token.index)


def possession(scope: Scope, token: Token) -> Link | None:
    """«Y владеет X», «Y контролирует X», «Y основал X»; passive or as a participle, «X,
    основанный Y» and «компания, владеющая X» (the described word is the owner)."""
    if token.pos != "VERB" or token.lemma not in scope.lex.possess:
        return None
    if token.feats.get("Voice") == "Pass" or scope.children(token.index, "nsubj:pass"):
        agents = [k for k in scope.children(token.index, "obl:agent", "obl", "iobj")
                  if scope.tokens[k].feats.get("Case") == "Ins" and not scope.case_of(k)]
        return "possess", agents, described(scope, token.index)
    objects = scope.children(token.index, "obj", "obl")
    owners = described(scope, token.index)
    if len(owners) > 1:  # the parser takes an object after the verb for a second subject
        objects += [k for k in owners if k > token.index]
    objects = [k for k in objects if not scope.case_of(k)]
    return "possess", [k for k in owners if k not in objects], objects


def inclusion(scope: Scope, token: Token) -> Link | None:
    """«X входит в холдинг Y», «входящий в группу Y банк X», «X (входит в Y)», «холдинг Y, в
    который входит X»: what enters a holding is owned by it. The «в» phrase must name a holding
    («холдинг», «группа», «состав группы»), as a country or a league one joins owns nothing.
    «Y, куда входят сети X и Z»: a company noun enters the organisation named before «куда».
    «X вошёл в состав акционеров Y»: who joins the owners of Y owns it."""
    lex = scope.lex
    if token.pos != "VERB" or token.lemma not in lex.part_of:
        return None
    owned = subjects(scope, token.index) if token.rel == "acl:relcl" else \
        described(scope, token.index)
    owners = []
    for kid in with_preposition(scope, token.index, *lex.place_prepositions):
        if scope.tokens[kid].lemma in lex.relative_pronouns and token.rel == "acl:relcl":
            kid = token.head
        if scope.tokens[kid].lemma in lex.composition:
            kid = next(iter(genitives(scope, kid)), kid)
        if scope.tokens[kid].lemma in lex.owner_nouns:
            return "part-of", owned, genitives(scope, kid)
        if scope.tokens[kid].lemma in lex.holding_nouns:
            owners.append(kid)
    for kid in scope.children(token.index, "advmod"):
        antecedent = name_before_comma(scope, kid)
        if scope.tokens[kid].lemma in lex.relative_adverbs and antecedent is not None and \
                antecedent.type == ORG:
            owned = [k for k in subjects(scope, token.index)
                     if scope.tokens[k].lemma in lex.property_nouns]
            owners.append(antecedent.tokens[0])
    return "part-of", owners, owned


def subsidiary(scope: Scope, token: Token) -> Link | None:
    """«дочерняя компания Y X», «X, дочерняя структура Y», «подконтрольная Y компания X»,
    «X, дочка Y»: the owner is in the genitive after the noun, or in the dative."""
    if token.lemma not in scope.lex.subsidiary or token.head < 0:
        return None
    if token.pos == "NOUN":
        return "subsidiary", genitives(scope, token.index), described(scope, token.index)
    if token.pos != "ADJ":
        return None
    noun = token.head  # the dative owner first: «подконтрольный Y холдинг России» is in Russia
    owners = dative_or_u(scope, token.index) or [k for k in genitives(scope, noun) if k > noun]
    return "subsidiary", owners, described(scope, noun) if scope.tokens[noun].rel == "appos" \
        else [noun]


def owner_noun(scope: Scope, token: Token) -> Link | None:
    """«Y, владелец X», «Y — совладелец X», «Y является акционером X», «один из основателей
    X Y»: an owner noun with what is owned in the genitive and the owner it describes. People
    named with their post are the `occupation` rule's; this one adds organisations."""
    lex = scope.lex
    if token.pos != "NOUN" or token.lemma not in lex.owner_nouns:
        return None
    anchor = token.index
    if token.head >= 0 and scope.tokens[token.head].lemma in lex.one_of:
        anchor = token.head  # «один из основателей»
    owners = [k for k in scope.children(anchor, "appos") if k > token.index]
    owners += copula_subjects(scope, anchor)
    return "owner-noun", owners, genitives(scope, token.index)


def copula_subjects(scope: Scope, index: int) -> list[int]:
    """Who a noun is said of: what it describes in apposition, the subject of a nominal clause
    («Y — владелец X») or of a copula («Y является владельцем X»)."""
    token, lex = scope.tokens[index], scope.lex
    if token.rel == "appos" and token.head >= 0:
        return [token.head]
    if token.head >= 0 and scope.tokens[token.head].lemma in lex.copulas:
        return subjects(scope, token.head)
    if token.rel == "conj" and token.head >= 0 and \
            scope.tokens[token.head].lemma in lex.jobs | lex.owner_nouns:
        return listed_holder(scope, index)
    return scope.children(index, "nsubj")


def listed_holder(scope: Scope, index: int) -> list[int]:
    """The person a post in a list of posts is said of («Иван Петров — режиссёр, один из
    создателей театра «Альфа»», «директор и совладелец агентства «Бета»»): the last person
    named before it with no finite verb in between (the parser hangs such lists anywhere)."""
    for token in reversed(scope.tokens[:index]):
        mention = scope.at.get(token.index)
        if mention is not None and mention.type == PERSON:
            return [mention.tokens[0]]
        if token.feats.get("VerbForm") == "Fin":
            break
    return []


def property_noun(scope: Scope, token: Token) -> Link | None:
    """«X находится в собственности Y», «X, собственность Y»: a noun of owning with the owner
    in the genitive and what is owned the subject of its verb or the word it describes."""
    if token.pos != "NOUN" or token.lemma not in scope.lex.ownership or token.head < 0:
        return None
    owned = subjects(scope, token.head) if scope.case_of(token.index) else \
        described(scope, token.index)
    return "property", genitives(scope, token.index), owned


def stake(scope: Scope, token: Token) -> Link | None:
    """«доля Y в X», «пакет акций Y в X»: a holder's stake in a company. Shares are a stake
    only counted («10% акций Y в X»): «акции Y торгуются в секции X» are no one's stake."""
    lex = scope.lex
    if token.pos not in ("NOUN", "SYM") or token.lemma not in lex.stake_nouns:
        return None
    if token.lemma in lex.shares and not counted(scope, token):
        return None
    inside = with_preposition(scope, token.index, *lex.place_prepositions)
    if not inside:
        return None
    return "stake", genitives(scope, token.index), inside


def stake_held(scope: Scope, token: Token) -> Link | None:
    """«у Y есть 10% акций X», «Y получил 10% акций X», «Y приобрёл 5% акций X у Z»: who has
    or gets a counted stake owns part of the company. The owner is the subject of the verb or,
    where the stake is the subject («у Y есть»), the «у» phrase."""
    lex = scope.lex
    if token.lemma not in lex.shares or not counted(scope, token):
        return None
    amount = token.head if scope.tokens[token.head].pos in ("NUM", "SYM") else token.index
    while scope.tokens[amount].rel == "conj":  # «получил 10 млрд долларов и 5% акций X»
        amount = scope.tokens[amount].head
    verb = scope.tokens[amount].head
    if verb < 0 or scope.tokens[verb].lemma not in lex.stake_verbs:
        return None
    if scope.tokens[amount].rel == "nsubj":
        owners = [k for k in scope.children(verb, "obl")
                  if scope.case_of(k) in lex.owner_prepositions]
    else:
        owners = subjects(scope, verb)
    return "stake", owners, genitives(scope, token.index)


def counted(scope: Scope, token: Token) -> bool:
    """Whether a noun comes with a number: its own, or that of the word it is the genitive of
    («10% акций», «пакет акций»)."""
    if scope.children(token.index, "nummod", "nummod:gov"):
        return True
    head = scope.tokens[token.head] if token.head >= 0 else None
    return head is not None and (head.pos in ("NUM", "SYM") or head.lemma in scope.lex.stake_nouns)


def possessive(scope: Scope, token: Token) -> Link | None:
    """«его компания X»: a company noun with a possessive pronoun belongs to the person or
    organisation named last before it in the sentence."""
    lex = scope.lex
    if token.pos != "NOUN" or token.lemma not in lex.property_nouns or not any(
            scope.tokens[k].text.lower().replace("ё", "е") in lex.possessives
            for k in scope.children(token.index, "det", "nmod")):
        return None
    before = [m for m in scope.mentions if m.type in (PERSON, ORG) and m.tokens[-1] < token.index]
    if not before:
        return None
    return "possessive", [before[-1].tokens[0]], [token.index]


def bracketed(scope: Scope) -> Iterator[Found]:
    """What a parenthesis after a company's name says it owns: a brand or a chain («ОАО
    «Альфа» (бренд «Бета»)»), or, after a holding, its members («консорциум AAR («Альфа»,
    «Бета», Gamma)»). One name alone in parentheses after other names is an alias
    («Национальная группа (НГ)»), so members are two or more. The names are taken by their
    place, as the parser tangles lists around parentheses."""
    lex = scope.lex
    for token in scope.tokens[1:-1]:
        company = scope.at.get(token.index - 1) if token.text == "(" else None
        if company is None or company.type != ORG:
            continue
        closing = next((t.index for t in scope.tokens[token.index:] if t.text == ")"), None)
        inside = [m for m in scope.mentions if m.type == ORG and token.index < m.tokens[0]
                  and closing is not None and m.tokens[-1] < closing]
        if scope.tokens[token.index + 1].lemma in lex.brand_nouns:
            yield from pairs(scope, "bracketed", [company], inside[:1])
        elif len({m.entity for m in inside}) > 1 and any(
                scope.tokens[k].lemma in lex.holding_nouns for k in heads_of(scope, company)):
            yield from pairs(scope, "bracketed", [company], inside)


def heads_of(scope: Scope, mention: Mention, levels: int = 2) -> list[int]:
    """The words a name names, up its heads («консорциуму акционеров AAR» → «акционеров»,
    «консорциуму»), and its own words."""
    out = list(mention.tokens)
    index = mention.tokens[0]
    for _ in range(levels):
        index = scope.tokens[index].head
        if index < 0:
            break
        out.append(index)
    return out


def person_genitive(scope: Scope, token: Token) -> Link | None:
    """«фонд Ивана Петрова «Альфа»», «компания «Альфа» Ивана Петрова»: a company noun with a
    person in the genitive is that person's company, named after the person or by the noun's
    own name."""
    if token.pos != "NOUN" or token.lemma not in scope.lex.property_nouns:
        return None
    people = [scope.at[k] for k in genitives(scope, token.index)
              if k in scope.at and scope.at[k].type == PERSON]
    if not people:
        return None
    after = name_after(scope, people[0].tokens[-1])
    owned = after.tokens[0] if after is not None and after.type == ORG else token.index
    return "genitive", [people[0].tokens[0]], [owned]


#: The constructions `ownership` reads, each a function of a word giving a link or None.
OWNERSHIP_LINKS: tuple[Callable[[Scope, Token], Link | None], ...] = (
    belonging, possession, inclusion, subsidiary, owner_noun, property_noun, stake, stake_held,
    possessive, person_genitive)
#: Confidence per way: its precision on the factRuEval-2016 devset and the validation half of
#: the test collection pooled. Measured per way where it gave five facts or more (belong 8.7 of
#: 10, possess 4.3 of 6, stake 4.3 of 7); the ways with fewer (part-of, bracketed, subsidiary,
#: owner-noun, genitive: 1 to 4 facts each, all but one right) share the rule's precision,
#: 0.85 (35.7 of 42). A possessive («его компания») is as often the company someone works for:
#: it stays below the threshold.
OWNERSHIP_CONFIDENCE = {
    "belong": 0.87, "possess": 0.72, "stake": 0.62, "part-of": 0.85, "subsidiary": 0.85,
    "owner-noun": 0.85, "property": 0.85, "bracketed": 0.85, "genitive": 0.85,
    "possessive": 0.55,
}


def investment(scope: Scope) -> Iterator[Found]:
    """Money invested, in what, by whom: an investment word, an amount of money in the same
    sentence, the project after «в» («инвестиции в строительство завода «Амур»») and the
    investor (the subject, or a name in the genitive: «инвестиции компании X»)."""
    lex = scope.lex
    trigger = next((t for t in scope.tokens if t.lemma in lex.investment), None)
    if trigger is None:
        return
    amounts = money_in(scope.sentence.text)
    if not amounts:
        return
    start, stop, money = amounts[0]
    offset = scope.sentence.start
    args = [Arg("amount", scope.sentence.text[start:stop], offset + start, offset + stop,
                value=money)]
    for kid in with_preposition(scope, trigger.index, *lex.place_prepositions):
        end = kid
        for token in scope.tokens[kid + 1:]:
            if not in_phrase(scope, token, set(range(kid, end + 1))) or token.text == ",":
                break
            end = token.index
        named = [scope.at[i] for i in range(kid, end + 1) if i in scope.at]
        project = scope.span_arg("project", kid, end)
        project.normal = normalise(models(), scope.tokens[kid:end + 1])
        project.text, project.cls = project.normal, "Project"
        if named or any(t.text[:1].isupper() for t in scope.tokens[kid:end + 1]):
            args.append(project)
        break
    investors = scope.actors(subjects(scope, trigger.index) if trigger.pos == "VERB" else
                             [k for k in scope.children(trigger.index, "nmod")
                              if not scope.case_of(k)])
    args += [scope.arg("investor", m) for m in investors[:1] if m.type in (ORG, PERSON, LOC)]
    yield Found("investment", args, 0.6, "investment", scope.number)


# --- statements and trade ----------------------------------------------------------------------


def statement(scope: Scope) -> Iterator[Found]:
    """Who said what: a verb of saying and its subject; the quote is the sentence."""
    for token in scope.tokens:
        if token.lemma not in scope.lex.statement or token.pos != "VERB":
            continue
        speakers = scope.actors(subjects(scope, token.index))
        if not speakers:
            continue
        text = scope.sentence
        args = [scope.arg("speaker", speakers[0]),
                Arg("quote", text.text, text.start, text.stop)]
        yield Found("statement", args, 0.7, "statement", scope.number)
        return


def trade(scope: Scope) -> Iterator[Found]:
    """A flow of goods: an export, import or purchase word, the goods it moves, and where they
    come from and go to. An export's subject is where the goods come from, a purchase's
    subject where they go; «из X» is an origin, «в X» (accusative) a destination, and so is
    the place of a market («в магазинах X»); a place adjective on the goods («итальянское
    вино», «техника грузинского производства») names their origin. Sides named by a common
    noun count when the registry knows the phrase; the conversion to facts drops a flow that
    lacks either side. Not measured on a benchmark (factRuEval has no trade): 0.6."""
    lex = scope.lex
    for token in scope.tokens:
        direction = ("export" if token.lemma in lex.trade_export else
                     "import" if token.lemma in lex.trade_import else "")
        goods = goods_of(scope, token) if direction else []
        if not goods:
            continue
        made = [k for i in (token.index, *goods) for k in scope.children(i, "nmod")
                if scope.tokens[k].lemma in lex.trade_made]  # «X Y-ского производства»
        origins, destinations = trade_sides(scope, token, direction, [*goods, *made])
        origins += [a for a in (goods_origin(scope, g) for g in [*goods, *made])
                    if a is not None][:1]
        if not origins and not destinations:
            continue
        args = [goods_arg(scope, g) for g in goods]
        args += [replace(a, role="origin") for a in origins[:1]]
        args += [replace(a, role="destination") for a in destinations[:1]]
        yield Found("trade", args, 0.6, "trade", scope.number)
        return


def goods_of(scope: Scope, trigger: Token) -> list[int]:
    """The nouns naming the goods a trade word moves: its object and their conjuncts, the
    genitive of a noun («экспорт угля»), the subject of a passive, the noun a participle
    describes («уголь, экспортируемый …»); else the goods words of the sentence."""
    found: list[int] = []
    if trigger.pos == "VERB" and trigger.rel in ("acl", "amod", "acl:relcl") and \
            trigger.head >= 0:
        head = trigger.head
        while scope.tokens[head].rel == "conj":  # «уголь и кокс, вывозимые …»: both
            head = scope.tokens[head].head
        found = [head]
    rels = ("obj", "nsubj:pass") if trigger.pos == "VERB" else ("nmod",)
    found += [k for k in scope.children(trigger.index, *rels)
              if scope.tokens[k].pos == "NOUN" and not scope.case_of(k)]
    nouns = [c for i in found for c in scope.conjuncts(i)
             if scope.tokens[c].pos == "NOUN" and scope.at.get(c) is None
             and scope.tokens[c].lemma not in scope.lex.trade_made | scope.lex.org_nouns
             | scope.lex.property_nouns]  # a company bought is a deal, not goods
    if not nouns:
        nouns = [t.index for t in scope.tokens
                 if t.lemma in scope.lex.trade_goods and t.pos == "NOUN"]
    return sorted(set(nouns))


def goods_arg(scope: Scope, noun: int) -> Arg:
    """The goods as their noun phrase, in the nominative for the registry: the adjectives
    right before the noun («карьерные самосвалы») and what hangs below it to the right
    («установки СБШ», «запчасти к тракторам»), up to a comma, a conjunct, a preposition
    that does not describe goods («продукты без проблем») or where the goods are made."""
    tokens, lex = scope.tokens, scope.lex
    first = noun
    while first > 0 and tokens[first - 1].pos == "ADJ" and scope.at.get(first - 1) is None:
        first -= 1
    end = noun
    for token in tokens[noun + 1:]:
        mention = scope.at.get(token.index)
        if token.text in ",;:" or token.rel in ("conj", "cc") or token.lemma in lex.trade_made \
                or (mention is not None and mention.type in (LOC, ORG)) \
                or (token.rel == "case" and token.lemma not in lex.goods_prepositions) \
                or not below(scope, token, set(range(first, end + 1))):
            break
        end = token.index
    while end > noun and tokens[end].pos not in ("NOUN", "PROPN") and tokens[end].text != "»":
        end -= 1
    arg = scope.span_arg("goods", first, end)
    arg.normal = normalise(models(), tokens[first:end + 1])
    return arg


def goods_origin(scope: Scope, noun: int) -> Arg | None:
    """The origin a place adjective gives the goods, on the noun or on a noun up to two
    levels below it («белорусские продукты», «запчасти к технике белорусского
    производства»)."""
    level = [noun]
    for _ in range(3):
        for index in level:
            for kid in scope.children(index, "amod"):
                arg = place_adjective(scope, scope.tokens[kid])
                if arg is not None and arg.entity:
                    return arg
        level = [k for i in level for k in scope.children(i, "nmod")]
    return None


def trade_sides(scope: Scope, trigger: Token, direction: str,
                goods: list[int]) -> tuple[list[Arg], list[Arg]]:
    """Origins and destinations named around a trade word: its subject (an exporter's goods
    leave it, an importer's or buyer's arrive), and, below the word or its goods (the parser
    hangs them on either), «из/от X», «в/на X» in the accusative, «для X» and a market
    noun's place («в магазинах X»)."""
    lex = scope.lex
    origins: list[Arg] = []
    destinations: list[Arg] = []
    subject = [k for k in scope.children(trigger.index, "nsubj")]
    for side in (side_arg(scope, k) for k in subject):
        if side is not None:
            (origins if direction == "export" else destinations).append(side)
    for kid in [k for i in (trigger.index, *goods) for k in scope.children(i, "obl", "nmod")]:
        case = scope.case_of(kid)
        token = scope.tokens[kid]
        side = side_arg(scope, kid)
        if side is None:
            continue
        if case in lex.source_prepositions:
            origins.append(side)
        elif case in lex.trade_destination_prepositions or token.lemma in lex.trade_markets or (
                case in lex.place_prepositions and token.feats.get("Case") == "Acc"):
            destinations.append(side)
    return origins, destinations


def side_arg(scope: Scope, index: int) -> Arg | None:
    """A side of a trade flow: a place or organisation named at `index`, or the noun phrase
    there (resolved later if the registry knows it: «угольные предприятия Италии»)."""
    mention = scope.at.get(index)
    if mention is not None:
        return scope.arg("side", mention) if mention.type in (LOC, ORG) else None
    token = scope.tokens[index]
    if token.pos != "NOUN" or token.lemma not in scope.lex.org_nouns | scope.lex.trade_markets:
        return None
    for kid in scope.children(index, "nmod"):  # «в магазинах Италии», «для городов Грузии»
        mention = scope.at.get(kid)
        if mention is not None and mention.type in (LOC, ORG):
            return scope.arg("side", mention)
    if token.lemma not in scope.lex.org_nouns:
        return None
    first = min([index, *(k for k in scope.children(index, "amod") if k < index)])
    last = max([index, *(k for k in scope.children(index, "nmod") if k > index
                         and not scope.case_of(k))])
    return scope.span_arg("side", first, last)


#: The rules in the order they run; `occupation` first, as the others use its holders.
RULES: tuple[tuple[str, Rule], ...] = (
    ("occupation", occupation),
    ("meeting", meeting),
    ("visit", visit),
    ("deal", deal),
    ("ownership", ownership),
    ("investment", investment),
    ("statement", statement),
    ("trade", trade),
)
