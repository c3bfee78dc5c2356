"""Deals: who bought, sold, lent, fined or sanctioned whom, and of which type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..nlp import CLOSING_QUOTES, OPENING_QUOTES, Token
from .base import (
    ACTORS,
    LOC,
    ORG,
    PERSON,
    PHRASE,
    Arg,
    Found,
    Scope,
    ancestors,
    described_noun,
    genitives_of,
    key,
    named_elsewhere,
    nearest_before,
    path_to,
    phrase_arg,
    subjects,
    with_adjectives,
)

#: Confidence of each way a deal is found: its measured precision on the factRuEval-2016
#: devset and the validation documents pooled (the benchmark's partial credit, each way scored
#: alone), with the number of facts it gave there. Few facts a way: 91 gold deals, 61 given.
DEAL_CONFIDENCE = {
    "deal/verb": 0.88,     # «X купила Y», «X вложила в Y», «X оштрафовала Y» (19 facts)
    "deal/passive": 1.0,   # «Y была куплена X», «нефть, поставляемая X в Y» (1)
    "deal/light": 0.84,    # «X подписал соглашение о покупке Y», «X дала Y кредит» (24)
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
#: How many words after a deal word a party hung elsewhere by the parser may be (the stretch
#: of the sentence they are looked for in ends at a mark of `clause_marks`).
NEAR = 10
#: How many light words a deal word may hang below («объявила о выделении Y кредита»).
LIGHT_DEPTH = 3


@dataclass
class DealParts:
    """What a deal word's tree gives: its type, the way it was found, the words
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
                    if key(a) != key(parties[0])]
            if more:
                groups.append(more[:1])
                parts.way = "deal/near"
        if sum(map(len, groups)) >= 2:
            found.append((parts, groups, token))
    for parts, groups, token in found:
        keys = {key(a) for group in groups for a in group}
        if any(other is not parts and keys <= {key(a) for group in others for a in group}
               and (len(keys) < sum(map(len, others)) or token.index in other.chain)
               for other, others, _ in found):
            continue
        for parties in split_conjuncts(groups):
            args = [*parties]
            args.append(Arg("type", parts.kind, token.start, token.stop))
            args += scope.dated(token.index)
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
    name before it the parser did not link to it that `can_be_subject`."""
    described = described_noun(scope, verb)
    if described:
        return described
    found = subjects(scope, verb)
    if len(found) > 1:
        # Two subjects not coordinated: a parse gone wrong. The nearest before the verb is its
        # subject; one right after it is its object («Альфа купила Бету»); one further on,
        # past a comma or a conjunction, is in another clause.
        found = sorted(found, key=lambda k: (k > verb, abs(k - verb)))
        return found[:1] + [k for k in found[1:] if k > verb and not any(
            t.pos in ("PUNCT", "SCONJ", "CCONJ") for t in scope.tokens[verb + 1:k])]
    return found or nearest_before(scope, verb, can_be_subject)


def can_be_subject(scope: Scope, first: int) -> bool:
    """Whether a name before a verb, by its first word, can be the subject the parser lost: in
    the nominative (or not inflected), not after a preposition, and not inside a participle,
    relative or inserted clause with a verb of its own («X, принадлежащая Y, купила Z»: X;
    «как сообщает газета Y»: not Y; «X, крупнейший банк страны, подписал»: X)."""
    if scope.tokens[first].feats.get("Case", "Nom") != "Nom" or after_preposition(scope, first):
        return False
    return not any(in_clause(scope.tokens[i]) for i in islice(ancestors(scope, first), 7))


def after_preposition(scope: Scope, index: int) -> bool:
    """Whether a name stands in apposition to a noun after a preposition («в газете X»), its
    own case left untold (a foreign name), so that it is no subject."""
    for word in ancestors(scope, index):  # each once: a hand-made parse may loop
        token = scope.tokens[word]
        if token.rel not in ("appos", "flat:foreign", "flat:name") or token.head < 0:
            return False
        if scope.case_of(token.head):
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
        if token.text in lex.clause_marks or token.pos in ("VERB", "SCONJ"):
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
               for start, stop, _ in scope.money for token in objects)


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
            found = [a for a in named if key(a) not in keys and a not in people]
            personal = bool(people) and bool(scope.case_of(word))
            if not found and level < 2 and descends(scope, index, personal):
                todo += [(k, level + 1) for k in scope.children(index, "nmod", "appos")
                         if not scope.case_of(k) or (scope.case_of(k) in ("в", "во") and
                                                     organisation_at(scope, k))]
            for arg in found:
                arg.text = PARENTHESIS.sub("", arg.text) or arg.text
                if key(arg) not in keys:
                    keys.add(key(arg))
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
    first = with_adjectives(scope, index)
    if first == 0 or index + 1 >= len(tokens) or tokens[first - 1].text not in OPENING_QUOTES or \
            tokens[index + 1].text not in CLOSING_QUOTES:
        return None
    return phrase_arg(scope, "participant", first, index, "Organisation")


def body_phrase(scope: Scope, index: int) -> Arg | None:
    """A body named with its country or organisation («комиссия Торгового союза»), as one
    organisation: its adjectives, its noun and the name below it."""
    token, own = scope.tokens[index], scope.at.get(index)
    if token.lemma not in scope.lex.deal_bodies or (own is not None and own.tokens[-1] != index):
        return None  # the NER may tag the body's noun alone («Комиссия» starting a sentence),
        # or with its adjectives («Высокий суд»)
    names = [k for k in genitives_of(scope, index)
             if scope.at.get(k) is not None and scope.at[k].type in (ORG, LOC)]
    if not names:
        return None
    first = min([with_adjectives(scope, index), *(own.tokens if own is not None else [])])
    return phrase_arg(scope, "participant", first, max(scope.at[names[0]].tokens),
                      "Organisation")


def known_name(scope: Scope, index: int) -> Arg | None:
    """A name the NER missed here but found elsewhere in the article («Acme» after «Acme
    Systems»), as a party at the word's place (`named_elsewhere`)."""
    mention = named_elsewhere(scope, index)
    if mention is None:
        return None
    return scope.arg_at("participant", mention, index)
