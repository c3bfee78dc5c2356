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
    mention = scope.at.get(token.index)
    return (token.lemma in scope.lex.jobs | scope.lex.owner_nouns
            and token.pos in ("NOUN", "PROPN") and mention is None)


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
    # The post's name runs on through common nouns in the genitive below it and their
    # adjectives («министр иностранных дел»), up to a name or an organisation's noun.
    end = last
    while end + 1 < len(tokens):
        token = tokens[end + 1]
        noun = tokens[token.head] if token.pos == "ADJ" and token.head > token.index else token
        if any(scope.at.get(t.index) is not None or t.lemma in lex.org_nouns or
               t.feats.get("Case") != "Gen" for t in (token, noun)) or \
                noun.pos != "NOUN" or noun.index - end > 3 or \
                not path_to(scope, noun.index, set(range(first, end + 1)), hops=2):
            break
        end += 1
    while end > last and tokens[end].pos != "NOUN":
        end -= 1
    return first, end, anchor


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
        gap = [t for t in scope.tokens[last + 1:mention.tokens[0]]]
        adjacent = not gap or (len(gap) == 1 and gap[0].lemma in scope.lex.post_prepositions)
        below = any(path_to(scope, i, {anchor, last}) for i in mention.tokens)
        if (adjacent or below) and mention.tokens[0] - last <= 6:
            return scope.arg("where", mention)
        break
    for index in range(max(0, first - 1), anchor):
        token = scope.tokens[index]
        mention = scope.at.get(index)
        if mention is not None and mention.type in (ORG, LOC):
            return scope.arg("where", mention)
        if token.pos == "ADJ" and (index >= first or token.head in range(first, last + 1)):
            arg = place_adjective(scope, token)
            if arg is not None:
                return arg
    return None


def place_adjective(scope: Scope, token: Token) -> Arg | None:
    """A place named by an adjective before a post («подмосковного губернатора»,
    «российский президент»): the place of the article whose name the adjective derives
    from, else the adjective itself when it has a place adjective's suffix."""
    lex = scope.lex
    if token.lemma in lex.job_modifiers | lex.past_markers | lex.future_markers:
        return None
    for place in (m for m in scope.context if m.type == LOC):
        stem = key_of(place.name).split()[-1][:-2] if place.name else ""
        if len(stem) >= 4 and token.lemma.startswith(stem):
            return Arg("where", place.name, token.start, token.stop, place.entity, place)
    if token.lemma.endswith(tuple(lex.place_adjective_endings)):
        return scope.span_arg("where", token.index, token.index)
    return None


def organisation_phrase(scope: Scope, first: int, last: int) -> Arg | None:
    """A noun phrase naming an organisation right after a post: adjectives, a noun of the
    `org_nouns` list below the post, and what hangs below that noun up to a person's name or
    a comma. None when the phrase is a name the NER found (that name is the answer)."""
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
        if (mention is not None and mention.type == PERSON) or token.text in ",;:()—–":
            break
        if mention is not None or token.pos == "PUNCT" or below(scope, token, set(
                range(noun, end + 1))):
            end = token.index
            continue
        break
    while end > noun and tokens[end].pos == "PUNCT" and tokens[end].text not in "»\"":
        end -= 1
    named = any(scope.at.get(i) is not None or (tokens[i].text[:1].isupper() and i > 0)
                for i in range(start, end + 1))
    if not named:  # «глава региона», «директор компании»: the one named before
        return antecedent(scope, tokens[noun])
    arg = scope.span_arg("where", start, end)
    arg.normal = normalise(models(), tokens[start:end + 1])
    arg.text = arg.normal
    arg.cls = "Organisation"
    return arg


def antecedent(scope: Scope, noun: Token) -> Arg | None:
    """What a noun standing for a place refers back to («глава региона»): the last place of
    the article named before it whose registry class fits the noun. Unknown names have no
    class, so without a registry nothing is guessed."""
    classes = scope.lex.place_nouns.get(noun.lemma)
    if not classes:
        return None
    before = [m for m in scope.context if m.cls in classes and m.start < noun.start]
    if not before:
        return None
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
    it, or a quote mark."""
    return token.index in anchors or below(scope, token, anchors) or (
        token.pos == "PUNCT" and (token.text in "«»\"'„“”" or token.head in anchors))


def holder_of(scope: Scope, first: int, last: int,
              where: Arg | None) -> tuple[Mention, float, str, str] | None:
    """The person who holds the post, with the confidence of the way it was found and the
    phase a verb gives («назначен» → start). Tried in order: apposition, the post describing
    the person, the name right after the post's phrase, the name right before it, a verb;
    the last item names the way. The confidences are the ways' precision on the tuning half
    of the factRuEval devset (with an organisation found, which adds 0.05): apposition 0.86,
    the name after the post 0.21 (so its facts stay below the threshold)."""
    tokens, lex = scope.tokens, scope.lex
    related = related_posts(scope, first, last)
    where_tokens = {t.index for t in tokens if where is not None and
                    where.start <= t.start and t.stop <= where.end and t.index > last}
    anchors = related | where_tokens
    people = sorted((m for m in scope.mentions if m.type == PERSON), key=lambda m: m.start)
    after = [m for m in people if m.tokens[0] > last]
    # Apposition: «губернатор Томской области Иван Петров», «глава региона Иван Петров».
    for person in after:
        root = [i for i in person.tokens if tokens[i].head not in person.tokens]
        if root and tokens[root[0]].head in anchors and \
                tokens[root[0]].rel in ("appos", "flat:name", "nmod", "flat") and \
                all(in_phrase(scope, t, anchors) for t in tokens[last + 1:person.tokens[0]]):
            return person, 0.8, "", "appos"
    # The post describes the person: «Андрей Смирнов, генеральный директор ОАО «Альфа»».
    head = tokens[first].head
    person = scope.at.get(head)
    if person is not None and person.type == PERSON and head < first and \
            tokens[first].rel in ("appos", "nmod", "conj", "parataxis"):
        between = tokens[person.tokens[-1] + 1:first]
        if len(between) <= 2 and all(t.pos == "PUNCT" for t in between):
            return person, 0.85, "", "described"
    # The name right after the post's phrase, whatever the parser says.
    for person in after[:1]:
        if all(in_phrase(scope, t, anchors) for t in tokens[last + 1:person.tokens[0]]):
            return person, 0.5, "", "after"
    # A verb links them: «Петров назначен губернатором», «занять пост премьер-министра».
    verb = tokens[first].head
    if verb >= 0 and tokens[verb].lemma in lex.post_nouns:
        verb = tokens[verb].head
    if verb >= 0 and tokens[verb].lemma in lex.copulas | lex.phase_start | lex.phase_end:
        for kid in subjects(scope, verb):
            person = scope.at.get(kid)
            if person is not None and person.type == PERSON:
                phase = ("start" if tokens[verb].lemma in lex.phase_start else
                         "end" if tokens[verb].lemma in lex.phase_end else "")
                return person, 0.8, phase, "verb"
    # The name right before it: «Андрей Смирнов, гендиректор».
    for person in people:
        if person.tokens[-1] + 2 == first and tokens[first - 1].text == ",":
            return person, 0.7, "", "before"
    # A second post follows and names the holder: «профессор МГУ, политолог Олег Орлов».
    chained = chain_holder(scope, last, anchors)
    if chained is not None:
        return chained, 0.8, "", "chain"
    return None


def chain_holder(scope: Scope, last: int, anchors: set[int]) -> Mention | None:
    """The holder of the post right after this one's phrase and a comma, when that post is
    followed by its holder's name: two posts of one person in a row."""
    tokens = scope.tokens
    index = last + 1
    while index < len(tokens) and in_phrase(scope, tokens[index], anchors) and \
            tokens[index].text != ",":
        index += 1
    if index + 1 >= len(tokens) or tokens[index].text != "," or \
            not is_post(scope, tokens[index + 1]):
        return None
    first2, last2, _ = post_phrase(scope, index + 1)
    following = next((m for m in sorted(scope.mentions, key=lambda m: m.start)
                      if m.tokens[0] > last2), None)
    if following is not None and following.type == PERSON and all(
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
    if not people or not all(in_phrase(scope, t, set(range(first, last + 1)))
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
            confidence = 0.85  # as an apposition with its organisation
        yield Found("occupation", args, confidence, "occupation/shared", scope.number)


def occupation(scope: Scope) -> Iterator[Found]:
    """Who holds which post where: the post's noun, its organisation and its holder."""
    used: set[int] = set()
    for token in scope.tokens:
        if token.index in used or not is_post(scope, token):
            continue
        if is_plural(token):
            yield from shared_post(scope, token)
            continue
        first, last, anchor = post_phrase(scope, token.index)
        used.update(range(first, last + 1))
        where = organisation_of(scope, first, last, anchor)
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
        if modifiers & scope.lex.past_markers:
            phase = phase or "end"
        if token.lemma in scope.lex.owner_nouns:  # «основатель MySQL Майкл Видениус»
            owned = where.mention if where is not None else None
            if (owned is not None and owned.type == ORG) or (where is not None and \
                    where.cls == "Organisation"):
                args = [scope.arg("owner", person), replace(where, role="property")]
                yield Found("ownership", args, confidence, f"owner-noun/{way}", scope.number)
            continue
        job = scope.span_arg("job", first, last)
        job.lemma = scope.tokens[token.index].lemma
        job.normal = post_name(scope, first, last)
        args = [scope.arg("who", person), job]
        if where is not None:
            args.append(where)
            confidence = round(min(0.95, confidence + 0.05), 2)
        else:  # half of these are right on the benchmark's tuning half: below the threshold
            confidence = round(confidence - 0.35, 2)
        yield Found("occupation", args, confidence, f"occupation/{way}", scope.number, modality,
                    phase)


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
    """A meeting or talks: who met whom («X встретился с Y», «встреча X и Y»). The hosts are
    the subject or the genitive; the guests the «с» phrase. With no host in the sentence
    («Встречи запланированы с X и Y») the host is the article's protagonist, the person last
    seen as a subject, and each guest of a plural «встречи» meets the host apart."""
    lex = scope.lex
    for token in scope.tokens:
        if token.lemma not in lex.meeting:
            continue
        hosts: list[int] = []
        guests: list[int] = []
        if token.pos == "VERB":
            hosts += subjects(scope, token.index) or nearest_before(scope, token.index)
            guests += with_preposition(scope, token.index, *lex.with_prepositions)
        elif token.pos == "NOUN":
            hosts += [k for k in scope.children(token.index, "nmod") if not scope.case_of(k)]
            guests += [k for k in scope.children(token.index, "nmod", "obl")
                       if scope.case_of(k) in lex.with_prepositions | lex.between_prepositions]
            head = token.head
            if head >= 0 and (scope.tokens[head].lemma in lex.meeting_light | lex.meeting
                              or token.rel in ("nsubj", "nsubj:pass", "obj")):
                hosts += subjects(scope, head) if token.rel == "obj" else []
                guests += with_preposition(scope, head, *lex.with_prepositions)
        host = scope.actors(hosts)
        guest = [m for m in scope.actors(guests) if all(m.entity != h.entity for h in host)]
        confidence = 0.8
        if not host and guest and scope.protagonist is not None and \
                all(m.entity != scope.protagonist.entity for m in guest):
            host, confidence = [scope.protagonist], 0.7
        extras = [a for a in (place_of(scope, token.index), scope.when) if a is not None]
        groups = [host + guest]
        if len(host) == 1 and len(guest) > 1 and token.feats.get("Number") == "Plur":
            groups = [[*host, m] for m in guest]
        for group in groups:
            if len(group) >= 2:
                args = [scope.arg("participant", m) for m in group] + extras
                yield Found("meeting", args, confidence, "meeting", scope.number)


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
#: devset (both halves: the tuning half alone has 11 deals), with the number of facts it gave
#: there. Few facts a way: 13 deals in all, precision 0.92.
DEAL_CONFIDENCE = {
    "deal/verb": 1.0,      # «X купила Y», «X вложила в Y», «X оштрафовала Y» (3 facts)
    "deal/passive": 1.0,   # «Y была куплена X», «нефть, поставляемая X в Y» (1)
    "deal/light": 0.9,     # «X подписал соглашение о покупке Y», «X дала Y кредит» (5)
    "deal/noun": 1.0,      # «покупка Y компанией X», «сделка между X и Y» (1)
    "deal/near": 1.0,      # «наложить штраф в размере … на Y, если …», «на Y» hung elsewhere
                           # by the parser (1)
    "deal/repay": 0.75,    # «X выплатит Y 12 миллиардов долларов» (1: a third party missed)
    "deal/ban": 0.67,      # «X запретил ввоз товаров из Y» (1: the gold gives it a type)
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
LIGHT_DEPTH = 2


@dataclass
class DealParts:
    """What a deal word's tree gives: its type ('' for none), the way it was found, the words
    naming parties and the light words it hangs below."""

    kind: str
    way: str
    words: list[int] = field(default_factory=list)
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
    dative, a loan; a ban on trade («запретил ввоз из Y»), with no type; and, when the tree
    gives one party only, a party after «на» or «против» further on in the same stretch of the
    sentence that the parser hung elsewhere. Parties are organisations, places and people;
    conjuncts count («X и Y»), a name below a stake counts («акции ОАО «Альфа»»), a body named
    with its country is that body («правительство Грузии»), and a name the NER missed
    is taken from the article or from quotes. A deal found inside another one of the same
    sentence with no more parties is dropped («контракт на поставку»: the supply)."""
    found: list[tuple[DealParts, list[Arg], Token]] = []
    for token in scope.tokens:
        parts = deal_parts(scope, token)
        if parts is None:
            continue
        parties = deal_parties(scope, parts.words)
        if len(parties) == 1:  # a party the parser hung elsewhere («штраф … на X, если …»)
            more = [a for a in deal_parties(scope, detached(scope, token.index))
                    if party_key(a) != party_key(parties[0])]
            if more:
                parties.append(more[0])
                parts.way = "deal/near"
        if len(parties) >= 2:
            found.append((parts, parties, token))
    for parts, parties, token in found:
        keys = {party_key(a) for a in parties}
        if any(other is not parts and keys <= {party_key(a) for a in others} and
               (len(keys) < len(others) or token.index in other.chain)
               for other, others, _ in found):
            continue
        args = [*parties]
        if parts.kind:
            args.append(Arg("type", parts.kind, token.start, token.stop))
        args += [a for a in (scope.when,) if a is not None]
        yield Found("deal", args, DEAL_CONFIDENCE[parts.way], parts.way, scope.number)


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
        parts = DealParts("", "deal/ban")
    elif kind is None and token.lemma in lex.deal_repay and token.pos == "VERB":
        parts = DealParts("loan", "deal/repay")
        parts.words += [k for k in scope.children(token.index, "iobj", "obl")
                        if scope.tokens[k].feats.get("Case") == "Dat" and not scope.case_of(k)]
        if not parts.words or not pays_money(scope, token.index):  # «вернуть Y территорию»
            return None
    elif kind is None:
        return None
    elif token.pos == "VERB":
        passive = token.feats.get("Voice") == "Pass" or bool(scope.children(
            token.index, "nsubj:pass", "aux:pass"))
        parts = DealParts(kind, "deal/passive" if passive else "deal/verb")
    else:
        parts = DealParts(kind, "deal/noun")
    if token.pos == "VERB":
        parts.words += verb_subjects(scope, token.index)
    parts.words += party_words(scope, token.index, own=True)
    for word in banned:  # «запретил ввоз из Y», «эмбарго на ввоз товаров из Y»
        parts.words += party_words(scope, word, own=False)
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
            parts.words += verb_subjects(scope, head)
        parts.words += [k for k in party_words(scope, head, own=False) if k != current]
        current = head
    return parts


def verb_subjects(scope: Scope, verb: int) -> list[int]:
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
                scope.tokens[first].feats.get("Case", "Nom") != "Nom":
            continue
        clause, hops = first, 0
        while scope.tokens[clause].head >= 0 and not in_clause(scope.tokens[clause]) and \
                hops < 6:
            clause, hops = scope.tokens[clause].head, hops + 1
        if not in_clause(scope.tokens[clause]):
            return [first]
    return []


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
    for kid in scope.children(index, "obj", "iobj", "obl", "obl:agent", "nmod"):
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
        elif own and grammatical in ("Acc", "Gen", "") and token.rel in ("obj", "obl", "nmod"):
            out.append(kid)  # the object, also when parsed as an oblique («25% акций X»)
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
    """The preposition governing a word, with the words fixed to it («в отношении»), or ''."""
    for kid in scope.children(index, "case"):
        fixed = [scope.tokens[k].lemma for k in scope.children(kid, "fixed")]
        return " ".join([scope.tokens[kid].lemma, *fixed])
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


def deal_parties(scope: Scope, words: list[int]) -> list[Arg]:
    """The parties the words name, each once: bodies with their country («правительство
    Грузии»), organisations, places and people with their conjuncts, and, two words down,
    the names below a word that names none, in the genitive or after «в» («5% акций
    ОАО «Альфа»», «доля в компании X», not «завод в Италии»)."""
    out: list[Arg] = []
    keys: set[str] = set()
    todo = [(word, 0) for word in words]
    while todo:
        word, level = todo.pop(0)
        for index in scope.conjuncts(word):
            found = party_at(scope, index)
            if not found and level < 2:
                todo += [(k, level + 1) for k in scope.children(index, "nmod", "appos")
                         if not scope.case_of(k) or (scope.case_of(k) in ("в", "во") and
                                                     organisation_at(scope, k))]
            for arg in found:
                arg.text = PARENTHESIS.sub("", arg.text) or arg.text
                if party_key(arg) not in keys:
                    keys.add(party_key(arg))
                    out.append(arg)
    return out


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
    if token.lemma not in scope.lex.deal_bodies or (own is not None and own.tokens != [index]):
        return None  # the NER may tag the body's noun alone («Комиссия» starting a sentence)
    names = [k for k in scope.children(index, "nmod") if not scope.case_of(k)
             and scope.at.get(k) is not None and scope.at[k].type in (ORG, LOC)]
    if not names:
        return None
    first = min([index, *(k for k in scope.children(index, "amod") if k < index)])
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


def ownership(scope: Scope) -> Iterator[Found]:
    """Who owns what: «владелец X Y», «X принадлежит Y», «X, принадлежащий Y», «X владеет Y»,
    «дочерняя компания». What is owned may sit two names down («контрольный пакет акций X»)."""
    lex = scope.lex
    for token in scope.tokens:
        if token.lemma not in lex.ownership or lex.deal_type(token.lemma):
            continue
        owners: list[int] = []
        owned: list[int] = []
        if token.pos == "VERB" and token.lemma in lex.belong:
            owned = subjects(scope, token.index)
            if token.rel == "acl" and token.head >= 0:  # «компания, принадлежащая Y»
                owned = [token.head]
            owners = [k for k in scope.children(token.index, "obl", "iobj")
                      if scope.tokens[k].feats.get("Case") == "Dat" or
                      scope.case_of(k) in lex.owner_prepositions]
        elif token.pos == "VERB":
            owners = subjects(scope, token.index)
            owned = scope.children(token.index, "obj", "obl")
        elif token.pos == "NOUN":
            owned = [k for k in scope.children(token.index, "nmod") if not scope.case_of(k)]
            owners = [k for k in scope.children(token.index, "appos")]
            if token.head >= 0 and token.rel in ("appos", "nmod", "conj"):
                owners.append(token.head)
            owners += [k for k in range(token.index + 1, min(token.index + 6, len(scope.tokens)))
                       if scope.at.get(k) is not None and scope.at[k].type == PERSON][:1]
        elif token.pos == "ADJ" and token.head >= 0:
            owned = [token.head]
            owners = [k for k in scope.children(token.head, "nmod") if k > token.head]
        owner = [m for m in scope.actors(owners) if m.type in (PERSON, ORG, LOC)]
        thing = [m for m in scope.actors(owned, depth=2) if m.type in (ORG, LOC)]
        if not owner or not thing or owner[0].entity == thing[0].entity:
            continue
        args = [scope.arg("owner", owner[0]), scope.arg("property", thing[0])]
        yield Found("ownership", args, 0.65, "ownership", scope.number)


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
    """A flow of goods: an export or import word, the goods, and the places or companies on
    either side (exporter: the subject or the name governed by «из»; importer: «в»)."""
    lex = scope.lex
    lemmas = {t.lemma for t in scope.tokens}
    if lemmas & lex.trade_export:
        direction = "export"
    elif lemmas & lex.trade_import:
        direction = "import"
    else:
        return
    goods = [t for t in scope.tokens if t.lemma in lex.trade_goods and t.pos == "NOUN"]
    if not goods:
        return
    sources: list[Mention] = []
    targets: list[Mention] = []
    for token in scope.tokens:
        mention = scope.at.get(token.index)
        if mention is None or mention.type not in (LOC, ORG) or token.index != mention.tokens[0]:
            continue
        root = next(i for i in mention.tokens if scope.tokens[i].head not in mention.tokens)
        case = scope.case_of(root)
        if case in lex.place_prepositions:
            targets.append(mention)
        elif case in lex.source_prepositions or scope.tokens[root].rel in ("nsubj", "nsubj:pass"):
            sources.append(mention)
    if direction == "import":
        sources, targets = targets, sources
    if not sources and not targets:
        return
    args = [Arg("goods", goods[0].text, goods[0].start, goods[0].stop)]
    args += [scope.arg("origin", m) for m in sources[:1]]
    args += [scope.arg("destination", m) for m in targets[:1]]
    yield Found("trade", args, 0.6, "trade", scope.number)


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
