"""Ownership: who owns what, by the ways Russian news states it (`OWNERSHIP_LINKS` and
`bracketed`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import islice

from ..mentions import Mention
from ..nlp import QUOTES, Token
from .base import (
    ACTORS,
    LOC,
    ORG,
    PERSON,
    Arg,
    Found,
    Scope,
    ancestors,
    compound_of,
    descendants,
    described_noun,
    distinct,
    first_conjunct,
    genitives_of,
    name_before_clause,
    name_before_comma,
    relative_head,
    subjects,
    with_adjectives,
    with_preposition,
)

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
    yield from named_before(scope)


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
    if not what and way in TERRITORIAL and who and all(m.type == LOC for m in who):
        what, way = territories(scope, owned), "territory"
    yield from pairs(scope, way, who, what)


#: The ways whose words say that a place belongs to a state («принадлежит Японии», «в
#: собственности России»); a place founding or controlling something is no owner of land.
TERRITORIAL = ("belong", "property")


def territories(scope: Scope, owned: list[int]) -> list[Mention]:
    """The places a place owns: what a state owns is its territory («Франции принадлежат
    остров Альфа и два острова — Бета и Гамма»). The places are the owned words' names, or
    names in apposition to them with their conjuncts; places in the genitive below them
    («острова Северного моря») are where the owned lie, not what is owned."""
    return distinct(mention for index in owned for word in scope.conjuncts(index)
                    for name in (word, *scope.children(word, "appos", "parataxis"))
                    for listed in scope.conjuncts(name)
                    if (mention := scope.at.get(listed)) is not None and mention.type == LOC)


def pairs(scope: Scope, way: str, who: list[Mention], what: list[Mention]) -> Iterator[Found]:
    """One fact per owner and organisation owned (see `owned_by`)."""
    if min(len(who), len(what)) > 1 and len(who) * len(what) > MAX_PAIRS:
        return
    for owner in who:
        for thing in what:
            if owner.entity != thing.entity:
                args = [owner_arg(scope, owner), scope.arg("property", thing)]
                yield Found("ownership", args, OWNERSHIP_CONFIDENCE[way], f"ownership/{way}",
                            scope.number, phase=ENDING_WAYS.get(way, ""))


#: The ways that tell an ownership ending, with that phase: «X продал свою долю в Y».
ENDING_WAYS = {"given-up-stake": "end"}


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


#: How a participle or a noun in apposition hangs on the word it describes.
DESCRIBING = ("acl", "amod", "appos", "parataxis")


def described(scope: Scope, index: int) -> list[int]:
    """The word a participle or a noun in apposition describes («компания, принадлежащая …»,
    «ООО «Альфа», дочка …»), or the subject of its clause."""
    noun = described_noun(scope, index, DESCRIBING)
    if noun:
        before = name_before_comma(scope, index)
        if before is not None and noun[0] < index and before.type in ACTORS:
            return [before.tokens[0]]  # a phrase set off by a comma: the name before it
        return noun
    found = subjects(scope, index)
    if not found and scope.tokens[index].feats.get("VerbForm") == "Part":
        return noun_after(scope, index)
    return found


def noun_after(scope: Scope, index: int) -> list[int]:
    """The noun a participle stands before: past the name right after it, its agent or owner
    («созданный Иваном Петровым Alphafilm», «на принадлежащем «Альфе» канале»), or else
    past its own words; the parser often hangs that noun elsewhere (as the verb's object, on
    the participle itself, or below it)."""
    agent = name_after(scope, index)
    last = agent.tokens[-1] if agent is not None else max(descendants(scope, index))
    for following in (last + 1, last + 2):
        if following >= len(scope.tokens):
            break
        if scope.tokens[following].pos in ("NOUN", "PROPN", "X"):
            return [following]
        if scope.tokens[following].text not in QUOTES:
            break
    return []


def dative_or_u(scope: Scope, index: int) -> list[int]:
    """Words below `index` in the dative (or caseless: a foreign name, «принадлежит Alpha
    Group») or after «у»: who something belongs to."""
    return [k for k in scope.children(index, "obl", "iobj", "nmod")
            if (scope.tokens[k].feats.get("Case") in ("Dat", None) and not scope.case_of(k))
            or scope.case_of(k) in scope.lex.owner_prepositions]


def genitives(scope: Scope, index: int) -> list[int]:
    """The first of `genitives_of` in the genitive (or not inflected) below `index` («доля
    Газпрома»); its conjuncts come with it, later ones are the parser's strays in long lists."""
    return [k for k in genitives_of(scope, index)
            if scope.tokens[k].feats.get("Case") in ("Gen", None)][:1]


def belonging(scope: Scope, token: Token) -> Link | None:
    """«X принадлежит Y», «X, принадлежащий Y», «Y принадлежит 20% акций X»."""
    if token.pos != "VERB" or token.lemma not in scope.lex.belong:
        return None
    owners = relative(scope, token.index, dative_or_u(scope, token.index))
    after = name_after(scope, token.index)
    if not owners and token.feats.get("VerbForm") == "Part" and after is not None and \
            scope.tokens[after.tokens[0]].feats.get("Case") in ("Dat", None):
        owners = [after.tokens[0]]  # «на принадлежащем «Альфе» канале»: hung on the noun
    return "belong", owners, relative(scope, token.index, described(scope, token.index))


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
    objects = relative(scope, token.index, [k for k in objects if not scope.case_of(k)])
    return "possess", [k for k in owners if k not in objects], objects


def relative(scope: Scope, verb: int, words: list[int]) -> list[int]:
    """The words a verb's relative pronoun stands for («Иван Петров, которому принадлежит
    X», «газета, которой владеет Y»), also where it is the genitive of the word («компания,
    100% акций которой принадлежит Y»): the name right before the clause's comma, or else the
    word the clause hangs on (the parser often hangs it on a word after the pronoun)."""
    if scope.tokens[verb].rel != "acl:relcl":
        return words
    out = []
    for k in words:
        pronoun = next((i for i in descendants(scope, k, "nmod")  # «100% акций которой»
                        if scope.tokens[i].lemma in scope.lex.relative_pronouns), None)
        if pronoun is not None:
            before = name_before_clause(scope, pronoun, deep=True)
            k = before.tokens[0] if before is not None else relative_head(scope, verb)
        out.append(k)
    return out


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
            above = scope.tokens[kid].head  # «группа компаний «Альфа», в которую входят»
            if scope.tokens[kid].lemma not in lex.holding_nouns and above >= 0 and \
                    scope.tokens[above].lemma in lex.holding_nouns:
                kid = above
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
    «X, дочка Y»: the owner is in the genitive after the noun, or in the dative. What the
    noun is said of by a linking verb only («являться», not «возглавить»: what heads a
    subsidiary is not one) is the subsidiary."""
    if token.lemma not in scope.lex.subsidiary or token.head < 0:
        return None
    if token.pos == "NOUN":
        return "subsidiary", genitives(scope, token.index), described(scope, token.index)
    if token.pos != "ADJ":
        return None
    noun = token.head  # the dative owner first: «подконтрольный Y холдинг России» is in Russia
    owners = dative_or_u(scope, token.index) or [k for k in genitives(scope, noun) if k > noun]
    # «X, дочерняя компания Y»; «X является дочерней компанией Y»; «дочерняя компания Y X»
    owned = described(scope, noun) if scope.tokens[noun].rel == "appos" else \
        copula_subjects(scope, noun) or [noun]
    return "subsidiary", owners, owned


def owner_noun(scope: Scope, token: Token) -> Link | None:
    """«Y, владелец X», «Y — совладелец X», «Y является акционером X», «один из основателей
    X Y»: an owner noun with what is owned in the genitive and the owner it describes.
    `occupation` reads the same nouns as posts, to another question: which person holds the
    post, by every way it finds a post's holder (a verb, a pronoun, a name after it …), what
    is owned being the post's organisation, printed with its descriptor («компания
    «Альфа»»); its facts come first and merge with these. This reading asks what the noun's
    own clause says owns: owners of any kind («Компания «Альфа», владелец банка «Бета»»),
    which no post has, and people the post's ways miss, in a list of posts («Иван Петров —
    режиссёр, один из создателей театра «Альфа»») or after «который» («X, владельцем
    которого является Y»). On devset+validation the posts give 7 facts and this reading 2
    more; one reading serving both would be the two together, so they stay apart."""
    lex = scope.lex
    if token.pos != "NOUN" or token.lemma not in lex.owner_nouns:
        return None
    anchor = token.index
    if token.head >= 0 and scope.tokens[token.head].lemma in lex.one_of:
        anchor = token.head  # «один из основателей»
    owners = [k for k in scope.children(anchor, "appos") if k > token.index]
    owners += copula_subjects(scope, anchor)
    if not owners:  # «Иван Петров и Сергей Сидоров, владельцы X», which the parser splits
        before = name_before_comma(scope, with_adjectives(scope, anchor, "amod", "det"))
        owners = [first_conjunct(scope, before.tokens[0])] if before is not None else []
    owned = genitives(scope, token.index)  # «X, владельцем которого является Y»: X
    clause = anchor if scope.tokens[anchor].rel == "acl:relcl" else scope.tokens[anchor].head
    if clause >= 0:
        owned = relative(scope, clause, owned)
    return "owner-noun", owners, owned


def copula_subjects(scope: Scope, index: int) -> list[int]:
    """Who a noun is said of: what it describes in apposition, the subject of a nominal clause
    («Y — владелец X») or of a linking verb («Y является владельцем X»; not of «возглавить»
    or «назначить», whose subject acts on the noun's holder rather than being it)."""
    token, lex = scope.tokens[index], scope.lex
    if token.rel == "appos" and token.head >= 0:
        return [token.head]
    if token.head >= 0 and scope.tokens[token.head].lemma in lex.linking_verbs:
        return subjects(scope, token.head)
    if token.rel == "conj" and token.head >= 0 and \
            scope.tokens[token.head].lemma in lex.titles:
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
    if any(scope.tokens[k].lemma in lex.reflexive_possessives
           for k in scope.children(token.index, "det")):
        verb = scope.tokens[token.head] if token.head >= 0 else token
        way = "given-up-stake" if verb.lemma in lex.giving_up and \
            verb.feats.get("Tense") == "Past" else "own-stake"
        return way, enclosing_subjects(scope, token.index), inside
    return "stake", genitives(scope, token.index), inside


def enclosing_subjects(scope: Scope, index: int) -> list[int]:
    """The subject of the clause a word is in: of the nearest word above it that has one
    («Иван Петров объявил о продаже своей доли»: «доли» hangs on «продаже», which hangs on
    «объявил», whose subject is the one «своей» points to). An infinitive below a verb with
    an object is that object's to do («Иван попросил Олега продать свою долю»: Олег's). Each
    word is climbed once: the parser may hang words on each other in a loop."""
    for head in islice(ancestors(scope, index), 1, None):
        token = scope.tokens[head]
        if token.rel == "xcomp" and not scope.children(head, "nsubj") and token.head >= 0 and \
                scope.children(token.head, "obj"):
            return scope.children(token.head, "obj")
        found = subjects(scope, head)
        if found:
            return found
    return []


def stake_held(scope: Scope, token: Token) -> Link | None:
    """«у Y есть 10% акций X», «Y получил 10% акций X», «Y приобрёл 5% акций X у Z»: who has
    or gets a counted stake owns part of the company. The owner is the subject of the verb or,
    where the stake is the subject («у Y есть»), the «у» phrase."""
    lex = scope.lex
    if token.lemma not in lex.shares or not counted(scope, token):
        return None
    amount = token.head if scope.tokens[token.head].pos in ("NUM", "SYM") else token.index
    amount = first_conjunct(scope, amount)  # «получил 10 млрд долларов и 5% акций X»
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


def named_before(scope: Scope) -> Iterator[Found]:
    """«Завод «Альфа» открыл новый цех. … — сказал владелец завода Иван Петров»: an owner
    noun whose organisation is a common noun with no name («завода», «социальной сети»)
    refers back to an organisation named before; its holder (found by `occupation`) owns the
    organisation the article introduced with that noun («завод «Альфа»»:
    `Context.introduced`). Nothing when none was: the organisation named last before is as
    often another one («Об этом сообщило агентство «Альфа». … сказал основатель клуба …»)."""
    lex = scope.lex
    for token in scope.tokens:
        owner = scope.holders.get(token.index)
        if owner is None or token.lemma not in lex.owner_nouns:
            continue
        kids = genitives(scope, token.index)
        if not kids or not is_property_noun(scope, kids[0]) or \
                any(k in scope.at for k in descendants(scope, kids[0])):
            continue
        noun = scope.tokens[kids[0]]
        introduced = scope.context.introduced(noun.lemma, noun.start, scope.lex.noun_prefixes)
        if introduced is not None:
            yield from pairs(scope, "named-before", [owner], [introduced])


def is_property_noun(scope: Scope, index: int) -> bool:
    """Whether a word is a noun of an organisation one owns, compounds included
    («медиахолдинг», «информагентство»: see `compound_of`)."""
    lemma = scope.tokens[index].lemma
    return scope.tokens[index].pos == "NOUN" and \
        any(compound_of(lemma, noun, scope.lex.noun_prefixes) for noun in scope.lex.property_nouns)


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
#: 10, possess 4.3 of 6, stake 4.3 of 7, rounded up); the ways with fewer share the rule's
#: precision, 0.85 (35.7 of 42): part-of, bracketed, subsidiary, owner-noun, property,
#: genitive (1 to 4 facts each, all but one right), a state's territory (4 of 4, all from one
#: sentence listing four islands), one's own stake («свою долю в X»: 2.7 of 3), a stake given
#: up («продал свою долю в X»: none found) and an owner noun with a bare company noun, the
#: company that noun introduced (1 of 1; the organisation named last before it, which it
#: took when no noun had introduced one, was 1 of 1 too, yet as often wrong in made-up
#: sentences: dropped, one right fact fewer on devset). A possessive («его
#: компания») is as often the company someone works for: it stays below the threshold.
#: Relative pronouns, a subsidiary with a linking verb and owners before a plural owner noun
#: found no facts on either set: they take the figures of the ways they extend.
OWNERSHIP_CONFIDENCE = {
    "belong": 0.87, "possess": 0.72, "stake": 0.62, "part-of": 0.85, "subsidiary": 0.85,
    "owner-noun": 0.85, "property": 0.85, "bracketed": 0.85, "genitive": 0.85,
    "possessive": 0.55, "territory": 0.85, "own-stake": 0.85, "given-up-stake": 0.85,
    "named-before": 0.85,
}
