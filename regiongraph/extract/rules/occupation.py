"""Occupation: who holds which post where, and the owners a post's noun names
(«основатель ОАО «Альфа»»).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..lexicon import Lexicon
from ..mentions import Mention
from ..nlp import CLOSING_QUOTES, Token, every_reading, models, normalise
from .base import (
    LOC,
    ORG,
    PERSON,
    Arg,
    Found,
    Scope,
    ancestors,
    below,
    described_noun,
    genitives_of,
    in_phrase,
    is_person,
    key,
    path_to,
    phrase_arg,
    phrase_end,
    relative_head,
    span_root,
    subjects,
    with_adjectives,
    with_preposition,
)


def is_post(scope: Scope, token: Token) -> bool:
    """Whether a word names a post: a noun of the `jobs` or `owner_nouns` lists, alone or
    with a prefix of a post left («экс-председатель», which the tagger may take for an
    adjective)."""
    if scope.at.get(token.index) is not None:
        return False
    lemma = post_lemma(scope.lex, token.lemma)
    parts = ("NOUN", "PROPN", "ADJ") if lemma != token.lemma else ("NOUN", "PROPN")
    return lemma in scope.lex.titles and token.pos in parts


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
    word = tokens[index].lemma if index < len(tokens) else ""
    if index + 1 < len(tokens) and tokens[index].pos in ("ADP", "CCONJ") and \
            (word in lex.post_topic_prepositions or word in lex.joiners):
        index += 1
        if tokens[index - 1].lemma in lex.post_topic_prepositions:
            case = "Dat"
    if index >= len(tokens):
        return None
    token = tokens[index]
    noun = tokens[token.head] if token.pos == "ADJ" and token.head > token.index else token
    if tokens[index - 1].text in lex.joiners and noun.lemma in lex.titles:
        return None  # a second post: «заместителя редактора и директора по развитию»
    if any(scope.at.get(t.index) is not None or t.lemma in lex.org_nouns or
           t.feats.get("Case") != case for t in (token, noun)) or \
            noun.pos != "NOUN" or noun.index - end > 3 or \
            not path_to(scope, noun.index, set(range(first, end + 1)), hops=2):
        return None
    return max(index, noun.index)


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
    return phrase_arg(scope, "where", first, end, widens=mention)


def narrowing_end(scope: Scope, mention: Mention) -> int:
    """The last word of what follows an organisation's name and narrows it: a place or
    organisation in the genitive below it («Правительства Грузии»), or a «при» or «по» phrase
    («Общественного совета при мэрии», «Совета безопасности по европейским делам»)."""
    tokens, end = scope.tokens, mention.tokens[-1]
    names = set(mention.tokens)
    while end + 1 < len(tokens) and (other := scope.at.get(end + 1)) is not None and \
            other.type in (ORG, LOC) and is_genitive_below(span_root(tokens, other.tokens), names):
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
    return phrase_end(scope, noun, noun, ends_narrowing)


def ends_narrowing(scope: Scope, token: Token) -> bool:
    """Whether a word ends the phrase that narrows an organisation: a mark, or a person (whom
    the organisation is named before: «Совета при мэрии Иван Петров»)."""
    person = scope.at.get(token.index)
    return token.pos == "PUNCT" or (person is not None and person.type == PERSON)


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
    «российский президент»): the place of the article the adjective names
    (`Scope.adjective_place`), else the adjective itself when it has a place adjective's
    suffix."""
    place = scope.adjective_place(token.index)
    if place is not None:
        return scope.arg_at("where", place, token.index)
    if token.lemma in scope.lex.job_modifiers or token.lemma in scope.lex.time_markers:
        return None
    if token.lemma.endswith(tuple(scope.lex.place_adjective_endings)):
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
    end = phrase_end(scope, noun, noun, ends_organisation, in_organisation)
    while end > noun and tokens[end].pos == "PUNCT" and tokens[end].text not in CLOSING_QUOTES:
        end -= 1
    named = any(scope.at.get(i) is not None or (tokens[i].text[:1].isupper() and i > 0) or
                (tokens[i].pos == "ADJ" and tokens[i].lemma.endswith(
                    tuple(lex.place_adjective_endings)))  # «грузинской делегации»
                for i in range(start, end + 1))
    if not named and tokens[noun].lemma not in lex.body_nouns:
        return antecedent(scope, tokens[noun])
    return phrase_arg(scope, "where", start, end, "Organisation")


def ends_organisation(scope: Scope, token: Token) -> bool:
    """A word an organisation's phrase stops before: a person, a clause mark (not one inside
    quote marks: «банк «Альфа - Инвест»»), a place named by a common noun."""
    mention = scope.at.get(token.index)
    return (mention is not None and mention.type == PERSON) or (
        token.text in scope.lex.clause_marks and token.index not in scope.quoted) or \
        is_common_place(scope, token)


def in_organisation(scope: Scope, token: Token, anchors: set[int]) -> bool:
    """A word an organisation's phrase takes in: a name, a punctuation mark, a word below."""
    return scope.at.get(token.index) is not None or token.pos == "PUNCT" or \
        below(scope, token, anchors)


def is_common_place(scope: Scope, token: Token) -> bool:
    """Whether a word starts a place named by a common noun («в регионе»), which tells where
    an organisation works, not which it is."""
    following = token.index + 1
    return token.lemma in scope.lex.place_prepositions and following < len(scope.tokens) and \
        scope.at.get(following) is None and scope.tokens[following].text.islower()


def antecedent(scope: Scope, noun: Token) -> Arg | None:
    """What a noun without a name refers back to. For an organisation («директор компании»):
    the organisation the article introduced last before it with that noun («компания
    «Альфа»», `Context.introduced`), else nothing, as the last name of any kind is often a
    news source. The facts so placed keep their way's confidence: 2.8 of 3 right on
    devset+validation (3 more match facts the scorer leaves out by default, all right; the
    9 bare nouns resolved there all name the right organisation). For a place («глава
    региона»): the last place of the article named before it whose registry class fits the
    noun, the last one named with the noun first («в республику» after «Молдова … в Тверь»:
    Молдова, whose registry name is «Республика Молдова»). Unknown names have no class: a
    country's noun then stands for the country the article is about (`home_country`), and
    other nouns for nothing."""
    classes = scope.lex.place_nouns.get(noun.lemma)
    if not classes:
        found = scope.context.introduced(noun.lemma, noun.start, scope.lex.noun_prefixes)
        return scope.arg_at("where", found, noun.index) if found is not None else None
    earlier = [m for m in reversed(scope.context) if m.start < noun.start and m.cls in classes]
    found = next((m for m in earlier if noun.lemma in scope.context.name_words(m)),
                 next(iter(earlier), None))
    if found is None:  # «глава государства»: the country the article is about, if one
        return home_country(scope) if "Country" in classes else None
    return scope.arg_at("where", found, noun.index)


def related_posts(scope: Scope, first: int, last: int) -> set[int]:
    """The post's words and the posts coordinated with it, which share one holder
    («глава компании и совладелец WFC Артур Перепёлкин»)."""
    related = set(range(first, last + 1))
    titles = scope.lex.titles
    for index in range(first, last + 1):
        token = scope.tokens[index]
        if token.rel == "conj" and token.head >= 0 and scope.tokens[token.head].lemma in titles:
            related.add(token.head)
        related.update(k for k in scope.children(index, "conj")
                       if scope.tokens[k].lemma in titles)
    return related


@dataclass
class Post:
    """A post's phrase in a sentence and what the ways of finding its holder share: the words
    a name may hang on (the post, posts joined to it, its organisation), the people, and the
    phrase's head and linking verb, found once for all the ways that ask (`Post.of`)."""

    first: int
    last: int
    anchors: set[int]
    people: list[Mention]  # the sentence's people, in order
    head: int  # the word the phrase hangs on, which its verb governs: «директором» of
    # «генеральным директором» (`span_root`)
    verb: tuple[int, str] | None  # the verb linking it to its holder, and its phase

    @classmethod
    def of(cls, scope: Scope, first: int, last: int, anchors: set[int],
           people: list[Mention]) -> Post:
        """The post of words `first` to `last`, with its head and linking verb."""
        head = span_root(scope.tokens, range(first, last + 1)).index
        return cls(first, last, anchors, people, head, linking_verb(scope, head))

    @property
    def after(self) -> list[Mention]:
        return [m for m in self.people if m.tokens[0] > self.last]


Holder = tuple[Mention, str]  # the person and the phase the way gives («назначен» → start)


@dataclass(frozen=True)
class Way:
    """How a post's fact was found: the holder's way (a name of `HOLDER_WAYS`), which its
    confidence and modality go by, and where its Where came from: the verb's «в» phrase
    (`through_verb`, for `VERB_WAYS`), or the article's country (`at_home`, `placed`). Kept
    apart rather than as suffixes on the name, which only the rule's name shows («verb+in»,
    «appos+home»: what --trace prints)."""

    name: str
    through_verb: bool = False
    at_home: bool = False

    def __str__(self) -> str:
        return self.name + ("+in" if self.through_verb else "") + \
            ("+home" if self.at_home else "")


def by_apposition(scope: Scope, post: Post) -> Holder | None:
    """«губернатор Томской области Иван Петров», «глава региона Иван Петров»."""
    tokens = scope.tokens
    for person in post.after:
        root = span_root(tokens, person.tokens)
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
    person = chain_holder(scope, post)
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


def linking_verb(scope: Scope, head: int) -> tuple[int, str] | None:
    """The verb that links a post (by its phrase's `head`) to its holder, and the phase it
    gives: «назначен губернатором», «занять пост премьер-министра»."""
    tokens, lex = scope.tokens, scope.lex
    verb = tokens[head].head
    if verb >= 0 and tokens[verb].lemma in lex.post_nouns:
        verb = tokens[verb].head
    if verb < 0 or tokens[verb].lemma not in lex.post_verbs:
        return None
    phase = ("start" if tokens[verb].lemma in lex.phase_start else
             "end" if tokens[verb].lemma in lex.phase_end else "")
    return verb, phase


def verb_modality(scope: Scope, post: Post) -> str:
    """What the verb linking a post to its holder says of it: «не стал директором», «не
    является директором» (negated: a «не» on the verb, or on the post with a copula);
    «станет директором», «будет директором» (future: the verb's tense, or «быть» to come)."""
    words = [post.head, *([post.verb[0]] if post.verb else [])]
    if any(negated(scope, word) for word in words):
        return "negated"
    if any(is_future(scope, word) for word in words):
        return "future"
    return "actual"


def is_future(scope: Scope, word: int, rels: tuple[str, ...] = ("aux", "aux:pass", "cop")) -> bool:
    """Whether a verb or a post is in the future: a verb in the future tense («станет»), or
    «будет» among its helpers of `rels` («будет работать», «будет директором»)."""
    token = scope.tokens[word]
    return (token.pos in ("VERB", "AUX") and token.feats.get("Tense") == "Fut") or any(
        is_future_be(scope.tokens[k]) for k in scope.children(word, *rels))


def is_future_be(token: Token) -> bool:
    """«будет», «будут»: the tagger calls them present; «быть» has no other finite non-past."""
    return token.lemma == "быть" and token.feats.get("VerbForm") == "Fin" and \
        token.feats.get("Tense") != "Past"


def verb_organisation(scope: Scope, heads: set[int]) -> Arg | None:
    """The organisation a verb (or its post) names with «в»/«на», as where its subject works:
    «работал в ОАО «Альфа» заместителем директора», «был инженером в ОАО «Альфа»», also
    through a noun of posts («работал на должности инженера в ОАО «Альфа»»)."""
    places = scope.lex.place_prepositions
    kids = [k for head in heads for k in with_preposition(scope, head, *places)]
    kids += [k for noun in kids if scope.tokens[noun].lemma in scope.lex.post_nouns
             for k in with_preposition(scope, noun, *places)]
    for kid in kids:
        mention = scope.actor(kid)
        if mention is None or mention.type != ORG:
            continue
        if kid < mention.tokens[0] and scope.tokens[kid].lemma in scope.lex.org_nouns:
            # «в компании «Альфа»»: the name with its noun, as a post's organisation is printed
            end = mention.tokens[-1] + 1
            if end >= len(scope.tokens) or scope.tokens[end].text not in CLOSING_QUOTES:
                end -= 1
            return phrase_arg(scope, "where", with_adjectives(scope, kid), end, "Organisation",
                              mention)
        return scope.arg("where", mention)
    return None


def verb_subjects(scope: Scope, verb: int) -> list[int]:
    """Who a verb tells about: its subjects; for a participle the noun it describes («Иван
    Петров, работающий директором», «…, назначенный министром»); for a noun of the verb its
    genitive («назначение Ивана Петрова министром»)."""
    token = scope.tokens[verb]
    described = described_noun(scope, verb) if token.feats.get("VerbForm") == "Part" else []
    if described:
        return described
    if token.pos == "NOUN":
        return genitives_of(scope, verb)
    return subjects(scope, verb)


def by_verb(scope: Scope, post: Post) -> Holder | None:
    """The subject of a linking verb: a name, or a post whose holder is known («губернатором
    стал глава района Иван Петров»); the object of an appointing one («X назначил Ивана
    Петрова министром»)."""
    found = post.verb
    if found is None:
        return None
    appointed = [k for k in scope.children(found[0], "obj") if is_person(scope, k)]
    # Of two subjects the parser gives a verb, the one in the post's clause first (1 fact
    # of devset+validation changes, to the right holder).
    kids = sorted(verb_subjects(scope, found[0]),
                  key=lambda k: not in_post_clause(scope, post, found[0], {k}))
    for kid in appointed or kids:  # «X назначил Y министром»: Y
        person = scope.actor(kid)
        if person is not None and person.type == PERSON:
            return person, found[1]
    return None


def by_verb_pronoun(scope: Scope, post: Post) -> Holder | None:
    """A linking verb whose subject is «он»/«она»: the person last named as a subject, of the
    pronoun's gender (`pronoun_person`)."""
    found = post.verb
    if found is None:
        return None
    for kid in subjects(scope, found[0]):
        if scope.tokens[kid].lemma in scope.lex.personal_pronouns:
            person = pronoun_person(scope, kid)
            return (person, found[1]) if person is not None else None
    return None


def by_copula(scope: Scope, post: Post) -> Holder | None:
    """The subject of a post with a copula, which the parser makes the head of both («Иван
    Петров был директором», «он был директором»: the person last named as a subject)."""
    for index in range(post.first, post.last + 1):
        if not any(scope.tokens[k].lemma in scope.lex.copulas
                   for k in scope.children(index, "cop")):
            continue
        person = subject_person(scope, index)
        if person is not None:
            return person, ""
    return None


def subject_person(scope: Scope, verb: int) -> Mention | None:
    """The person a verb's subject names: a name or a post's holder; for «он»/«она» the
    person last named as a subject, of the pronoun's gender."""
    for kid in subjects(scope, verb):
        if is_person(scope, kid):
            return scope.actor(kid)
        if scope.tokens[kid].lemma in scope.lex.personal_pronouns:
            return pronoun_person(scope, kid)
    return None


def by_converb(scope: Scope, post: Post) -> Holder | None:
    """A post told by a converb, whose subject is its clause's: «Будучи директором ОАО
    «Альфа», Иван Петров …», «Иван Петров, являясь директором …», «став директором, он …»;
    not a negated one («не будучи директором»)."""
    tokens = scope.tokens
    head = post.head
    found = post.verb
    if found is not None and tokens[found[0]].feats.get("VerbForm") == "Conv":
        if negated(scope, found[0]):
            return None
        clause, phase = tokens[found[0]].head, found[1]
    elif any(tokens[k].feats.get("VerbForm") == "Conv" and tokens[k].lemma in scope.lex.copulas
             and not negated(scope, k) for k in scope.children(head, "cop")):  # «будучи директором»
        clause, phase = tokens[head].head, ""
    else:
        return None
    person = subject_person(scope, clause) if clause >= 0 else None
    return (person, phase) if person is not None else None


def by_clause_person(scope: Scope, post: Post) -> Holder | None:
    """The holder of a post in the instrumental with a linking verb: the one person named in
    the nominative in the verb's clause, with no mark, conjunction or other verb between it,
    the verb and the post, where the parser hung the subject elsewhere («новым директором ОАО
    «Альфа» стал первый заместитель министра Иван Петров»). Not for an active verb of
    appointing, whose subject appoints («Иван Петров назначил директором …»)."""
    tokens, lex = scope.tokens, scope.lex
    found = post.verb
    if found is None or tokens[post.head].feats.get("Case") != "Ins":
        return None
    verb = found[0]
    if tokens[verb].lemma in lex.appointing_verbs and tokens[verb].feats.get("Voice") != "Pass":
        return None
    named = [person for person in post.people if span_root(tokens, person.tokens).feats.get(
        "Case") == "Nom" and in_post_clause(scope, post, verb, set(person.tokens))]
    return (named[0], found[1]) if len(named) == 1 else None


def in_post_clause(scope: Scope, post: Post, verb: int, words: set[int]) -> bool:
    """Whether words belong to the clause of a post and its verb: no mark, conjunction, other
    verb or «который» between them (`clause_marks`)."""
    tokens, lex = scope.tokens, scope.lex
    inside = {verb, *range(post.first, post.last + 1), *words}
    return not any(tokens[i].text in lex.clause_marks or tokens[i].pos in ("CCONJ", "SCONJ", "VERB")
                   or tokens[i].lemma in lex.relative_pronouns
                   for i in range(min(inside), max(inside) + 1) if i not in inside)


def by_name_before(scope: Scope, post: Post) -> Holder | None:
    """The name right before the post and a mark: «Иван Петров, директор», «Иван Петров —
    бывший министр», «Иван Петров (тренер)», «Иван Петров, один из директоров»."""
    tokens, lex = scope.tokens, scope.lex
    mark = post.first - 1
    if is_one_of(scope, post.first):
        mark -= 2
    while mark > 0 and tokens[mark].lemma in lex.time_markers:
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
#: devset's even half measured it, which the owner nouns still use; a clause's person and a
#: converb's subject take the verb's) and their name.
HOLDER_WAYS: tuple[tuple[str, float, Callable[[Scope, Post], Holder | None]], ...] = (
    ("appos", 0.8, by_apposition),
    ("described", 0.85, by_description),
    ("chain", 0.8, by_chain),
    ("after", 0.5, by_next_name),
    ("verb", 0.8, by_verb),
    ("verb-pronoun", 0.8, by_verb_pronoun),
    ("copula", 0.8, by_copula),
    ("converb", 0.8, by_converb),
    ("before", 0.7, by_name_before),
    ("joined", 0.7, by_joined_post),
    ("clause", 0.8, by_clause_person),
)


def post_anchors(scope: Scope, first: int, last: int, where: Arg | None) -> set[int]:
    """The words a holder's name may hang on: the post's, the posts joined to it
    (`related_posts`) and its organisation's after it."""
    where_tokens = {t.index for t in scope.tokens if where is not None and
                    where.start <= t.start and t.stop <= where.end and t.index > last}
    return related_posts(scope, first, last) | where_tokens


def holder_of(scope: Scope, post: Post) -> tuple[Mention, float, str, str] | None:
    """The person who holds the post, the confidence of the way found, the phase a verb
    gives and the way's name: the first of `HOLDER_WAYS` that finds one."""
    for name, confidence, way in HOLDER_WAYS:
        found = way(scope, post)
        if found is not None:
            return found[0], confidence, found[1], name
    return None


def chain_holder(scope: Scope, post: Post) -> Mention | None:
    """The holder of the post right after this one's phrase (and a comma), when that post is
    followed by its holder's name: two posts of one person in a row («председатель совета
    профессор Иван Петров», «профессор МГУ, политолог Иван Петров»)."""
    tokens = scope.tokens
    index = post.last + 1
    while index < len(tokens) and in_phrase(scope, tokens[index], post.anchors) and \
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
            tokens[index].feats.get("Case") != tokens[post.first].feats.get("Case"):
        return None  # posts of one person agree: not «с журналистом газеты … лидер»
    first2, last2, _ = post_phrase(scope, index)
    following = next((m for m in post.people if m.tokens[0] > last2), None)
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
    return token.feats.get("Number") == "Plur" or every_reading(token.text, "plur")


def shared_post(scope: Scope, token: Token, people: list[Mention]) -> Iterator[Found]:
    """A post in the plural held by several people named right after it (of the sentence's
    `people`, in order): «президенты Италии и Грузии Марко Росси и Георгий Абашидзе». The
    organisations pair with the people in order when there are as many; one organisation
    goes to all."""
    tokens = scope.tokens
    first, last, _ = post_phrase(scope, token.index)
    people = [m for m in people if m.tokens[0] > last]
    anchors = set(range(first, last + 1))
    if not people or not all(in_phrase(scope, t, anchors) or is_listed_place(scope, t)
                             for t in tokens[last + 1:people[0].tokens[0]]):
        return
    holders = [people[0]]
    for other in people[1:]:
        between = tokens[holders[-1].tokens[-1] + 1:other.tokens[0]]
        if not between or len(between) > 1 or (
                between[0].text != "," and between[0].lemma not in scope.lex.joiners):
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
            headed_ = described_noun(scope, token.index) or \
                scope.children(token.index, "nsubj:pass")
        else:
            bosses = verb_subjects(scope, token.index)
            headed_ = scope.children(token.index, "obj", "obl", "nmod")
        person = next((m for m in scope.actors(bosses) if m.type == PERSON), None) or next(
            (pronoun_person(scope, k) for k in bosses
             if scope.tokens[k].lemma in lex.personal_pronouns), None)
        org = next((m for m in scope.actors(headed_) if m.type == ORG), None)
        if person is None or org is None:
            continue
        job = scope.span_arg("job", token.index, token.index)
        job.lemma = job.normal = min(lex.head_posts)
        args = [scope.arg("who", person), job, widened(scope, org, token.index)]
        yield Found("occupation", args, HEADED_CONFIDENCE, "occupation/headed", scope.number)


def verb_people(scope: Scope, verb: int) -> list[Mention]:
    """The people a verb tells about: the names or posts' holders among its subjects with the
    people joined to them («Иван Петров и Олег Смирнов работают»), or those of the verb it is
    joined to («окончил институт и работает в ОАО «Альфа»») or is the infinitive of
    (`infinitive_holder`); for «он»/«она» the person last named as a subject
    (`pronoun_person`); for «который» (also through a verb it depends on: «Об этом рассказал
    Иван Петров, который стал работать в ОАО «Альфа»») the name the clause follows."""
    tokens = scope.tokens
    if not infinitive_holder(scope, verb):
        return []
    kids = verb_subjects(scope, verb)
    for head in ancestors(scope, verb):  # «…, а также стал работать»
        if kids or tokens[head].rel not in ("xcomp", "conj") or tokens[head].head < 0:
            break
        kids = verb_subjects(scope, tokens[head].head)
    for kid in kids:
        lemma = tokens[kid].lemma
        if lemma in scope.lex.relative_pronouns:
            # the word the clause hangs on, past nouns in apposition: «Иван Петров, инженер,
            # который»
            kid = next((i for i in ancestors(scope, relative_head(scope, verb, climb=True))
                        if scope.actor(i) is not None or tokens[i].rel != "appos"), kid)
        elif lemma in scope.lex.personal_pronouns:
            person = pronoun_person(scope, kid)
            return [person] if person is not None else []
        people = [m for m in scope.actors([kid]) if m.type == PERSON]
        if people:
            return people
    return []


def infinitive_holder(scope: Scope, verb: int) -> bool:
    """Whether the subject of the verbs above an infinitive is who does what it names: above
    each, a verb of `work_aspect_verbs` with no object («начал работать», «стал
    работать»); not a wish or a request («хотел бы работать», «попросил Олега Смирнова
    работать»: who works, if anyone, is not said)."""
    tokens = scope.tokens
    heads = [tokens[i].head for i in verb_chain(scope, verb)
             if tokens[i].rel == "xcomp" and tokens[i].head >= 0]  # looped: a chain word again
    return all(tokens[head].lemma in scope.lex.work_aspect_verbs and
               not scope.children(head, "obj", "iobj") for head in heads)


def pronoun_person(scope: Scope, pronoun: int) -> Mention | None:
    """The person «он»/«она» stands for: the person last named as a subject, unless the name is
    of the other gender by every reading of one of its words («Иван Петров вернулся. Она …»)."""
    person = scope.protagonist
    gender = {"Masc": "femn", "Fem": "masc"}.get(scope.tokens[pronoun].feats.get("Gender", ""))
    if person is None or gender is None:
        return person
    words = (person.name or person.normal or person.text).split()
    return None if any(every_reading(word, gender) for word in words) else person


def negated(scope: Scope, index: int) -> bool:
    """Whether a word has a negation on it («не работает», «не будучи»)."""
    return any(scope.tokens[k].lemma in scope.lex.negations for k in scope.children(index))


def employed(scope: Scope, told: set[tuple[str, str]]) -> Iterator[Found]:
    """A person working in an organisation, with no post named: «Иван Петров работает в ОАО
    «Альфа»», «он будет работать в ОАО «Альфа»» (future), «он начал служить в ОАО «Альфа»»
    (`work_verbs`). Not when negated on the verb or a verb above it («больше не
    работает», «не стал работать»), nor for a person and organisation a post's fact of the
    sentence `told` already («работал в ОАО «Альфа» заместителем директора»)."""
    tokens = scope.tokens
    for token in tokens:
        if token.lemma not in scope.lex.work_verbs or token.pos != "VERB" or any(
                negated(scope, i) for i in verb_chain(scope, token.index)):
            continue
        where = verb_organisation(scope, {token.index})
        if where is None:
            continue
        future = is_future(scope, token.index, ("aux",))  # «будет работать»
        for person in verb_people(scope, token.index):
            who = scope.arg("who", person)
            if (key(who), key(where)) not in told:
                yield Found("occupation", [who, where], EMPLOYED_CONFIDENCE,
                            "occupation/employed", scope.number, "future" if future else "actual")


def verb_chain(scope: Scope, verb: int) -> list[int]:
    """A verb and the verbs it is the infinitive of («не стал работать»: «работать», «стал»),
    nearest first, each once (`ancestors`): the one climb of the xcomp chain that both a
    negation's reach (`employed`) and the holder of an infinitive (`infinitive_holder`) read."""
    chain = []
    for index in ancestors(scope, verb):
        chain.append(index)
        if scope.tokens[index].rel != "xcomp":
            break
    return chain


#: The ways that find a post's holder through a verb, whose «в» phrase may name the post's
#: organisation (`verb_organisation`): 1 of 1 fact right on devset+validation, at the way's own
#: confidence.
VERB_WAYS = ("verb", "verb-pronoun", "copula")
#: The ways that find a holder through the verb linking the post to them, whose negation and
#: tense are the fact's («не стал директором»); a post in apposition is not what its
#: sentence's verb says («Глава X Иван Петров станет …» is head of X now).
LINKED_WAYS = (*VERB_WAYS, "clause", "converb")
#: The precision of `employed`, devset and validation pooled: 2 of 2 facts right (a third, right,
#: is left out as its sentence's post fact names the same person and organisation). Fewer than
#: five, so it takes the figure `OCCUPATION_CONFIDENCE` gives such ways: a verb way's 0.8 and
#: 0.05 for the organisation.
EMPLOYED_CONFIDENCE = 0.85


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
    classes = scope.lex.country_classes
    counts = {entity: (count, first) for entity, (count, first)
              in scope.context.place_counts.items() if first.cls.lower() in classes}
    if not counts:
        return None
    best = max(counts, key=lambda e: counts[e][0])
    most = counts[best][0]
    if most < HOME_SHARE * sum(n for n, _ in counts.values()) or \
            sum(n == most for n, _ in counts.values()) > 1:
        return None
    return scope.arg("where", counts[best][1])


def occupation(scope: Scope) -> Iterator[Found]:
    """Who holds which post where: the post's noun, its organisation and its holder. An
    owner's noun («основатель ОАО «Альфа»») is a post like any other, whose holder owns its
    organisation (`property_of`); `ownership.owner_noun` reads the same nouns for owners of
    other kinds and people no post's way finds (why the two readings stay apart: see it)."""
    used: set[int] = set()
    told: set[tuple[str, str]] = set()  # (who, where) of the posts found
    people = sorted((m for m in scope.mentions if m.type == PERSON), key=lambda m: m.start)
    for token in scope.tokens:
        if token.index in used or not is_post(scope, token):
            continue
        if is_plural(token) and not is_one_of(scope, token.index):
            yield from shared_post(scope, token, people)
            continue
        first, last, anchor = post_phrase(scope, token.index)
        used.update(range(first, last + 1))
        where = organisation_of(scope, first, last, anchor) or \
            joined_organisation(scope, last, anchor)
        post = Post.of(scope, first, last, post_anchors(scope, first, last, where), people)
        found = holder_of(scope, post)
        if found is None:
            continue
        person, confidence, phase, name = found
        way = Way(name)
        if where is None and name in VERB_WAYS:  # «работал в ОАО «Альфа» директором»
            heads = set(range(first, last + 1)) | ({post.verb[0]} if post.verb else set())
            where = verb_organisation(scope, heads)
            way = Way(name, through_verb=where is not None)
        for index in range(first, last + 1):
            scope.holders[index] = person
        modifiers = {t.lemma for t in scope.tokens[max(0, first - 2):first + 1]}
        modality = verb_modality(scope, post) if name in LINKED_WAYS else "actual"
        if modality == "actual" and modifiers & scope.lex.future_markers:
            modality = "future"
        if modifiers & scope.lex.past_markers or post_lemma(scope.lex, token.lemma) != token.lemma:
            phase = phase or "end"
        if token.lemma in scope.lex.owner_nouns:  # «основатель ОАО «Альфа» Иван Петров»
            owned = property_of(scope, where)
            if owned is not None:
                args = [scope.arg("owner", person), owned]
                yield Found("ownership", args, confidence, f"owner-noun/{way}", scope.number)
            continue
        job = scope.span_arg("job", marked_first(scope, first, last), last)
        job.lemma = post_lemma(scope.lex, token.lemma)
        job.normal = post_name(scope, first, last)
        where, confidence, way = placed(scope, job, where, confidence, way)
        args = [scope.arg("who", person), job, *([where] if where is not None else [])]
        if where is not None:
            told.add((key(args[0]), key(where)))
        yield Found("occupation", args, confidence, f"occupation/{way}", scope.number, modality,
                    phase)
    yield from headed(scope)
    yield from employed(scope, told)


def marked_first(scope: Scope, first: int, last: int) -> int:
    """The first word of a post as printed: with a mark that it was left right before it
    («бывший губернатор»), as annotators mostly write the post (on devset+validation 3 facts
    gain the post's third of their credit, 1 loses it, 1 has both spellings: +0.67 of a fact;
    «новый» lost its one, and is left out);
    its name and lemma, which the registry knows the post by, leave the mark out."""
    before = first - 1
    if before >= 0 and scope.tokens[before].lemma in scope.lex.past_markers and \
            scope.tokens[before].head in range(first, last + 1) and scope.at.get(before) is None:
        return before
    return first


#: The precision of occupation facts with an organisation by the way their holder was found,
#: on the whole factRuEval devset, capped at 0.95: apposition 0.97 of 97 facts, description
#: 0.94 of 10, the name before 1.00 of 8; the name right after the post (`by_next_name`,
#: which long lists of posts need, where the parser hangs names on the wrong post) 0.84 of 13
#: on the devset and validation pooled (without an organisation it is 0.24 of 5, and stays
#: below); a post with a copula (`by_copula`) 0.67 of its one fact, pooled; the one person in
#: the nominative of a linking verb's clause (`by_clause_person`), tried last, finds 1 fact with
#: an organisation, right, pooled (one more without an organisation, 0.6 of it, stays below).
#: Ways with fewer than five facts keep the devset's even half's figure (the way's confidence
#: and 0.05 for the organisation): so do the clause's person's (0.85) and a converb's
#: (`by_converb`), whose one fact, pooled, has the right holder but no organisation.
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
           way: Way) -> tuple[Arg | None, float, Way]:
    """The post's Where, the fact's confidence and the way: a trade's place is no
    organisation (`professions`) unless it `follows` the post; a national post without one is
    the article's country's (`home_country`, the way marked `at_home`); confidences as
    `OCCUPATION_CONFIDENCE` (by the holder's way alone) and `WHERELESS_CONFIDENCE` say."""
    if where is not None and job.lemma in scope.lex.professions and is_place(where) and \
            not follows(scope, job, where):
        where = None  # «российский врач»: where the person is from
    placed_confidence = OCCUPATION_CONFIDENCE.get(way.name,
                                                  round(min(0.95, confidence + 0.05), 2))
    if where is not None:
        return where, placed_confidence, way
    if {job.normal, job.lemma} & scope.lex.national_posts:
        home = home_country(scope)
        if home is not None:  # no surer than the way itself, as the devset's even half measured it
            return home, min(HOME_CONFIDENCE, confidence + 0.05), replace(way, at_home=True)
    return None, WHERELESS_CONFIDENCE, way
