"""Flows of money and goods: investments (amount, project, investor) and trade flows
(goods, where they come from and go to).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from ...model import Money
from ..nlp import Token, models, normalise
from .base import (
    LOC,
    ORG,
    Arg,
    Found,
    Scope,
    described_noun,
    first_conjunct,
    genitives_of,
    in_phrase,
    phrase_arg,
    phrase_end,
    span_root,
    subjects,
    with_adjectives,
    with_preposition,
)
from .events import event_modality
from .occupation import antecedent, place_adjective


def investment(scope: Scope) -> Iterator[Found]:
    """Money invested, in what, by whom: an investment word, an amount of money in the same
    sentence, the project after «в» in the accusative («инвестиции в строительство завода
    «Амур»»; not «в 2024 году») and the
    investor (the subject, or a name in the genitive: «инвестиции компании X»; a party a
    place adjective names: «молдавская сторона», `side_arg`); planned or
    possible investments say so (`event_modality`: «планирует инвестировать» is future)."""
    lex = scope.lex
    trigger = next((t for t in scope.tokens if t.lemma in lex.investment), None)
    if trigger is None:
        return
    amounts = scope.money
    if not amounts:
        return
    args = [money_arg(scope, amounts[0])]
    for kid in with_preposition(scope, trigger.index, *lex.place_prepositions):
        if scope.tokens[kid].feats.get("Case", "Acc") != "Acc":
            continue  # «в 2024 году»: when, not into what
        end = phrase_end(scope, kid, kid, lambda _, token: token.text == ",", in_phrase)
        named = [scope.at[i] for i in range(kid, end + 1) if i in scope.at]
        project = phrase_arg(scope, "project", kid, end, "Project")
        if named or any(t.text[:1].isupper() for t in scope.tokens[kid:end + 1]):
            args.append(project)
        break
    words = subjects(scope, trigger.index) if trigger.pos == "VERB" else \
        genitives_of(scope, trigger.index)
    investors = [scope.arg("investor", m) for m in scope.actors(words)] or [
        replace(side, role="investor") for side in map(partial(side_arg, scope), words)
        if side is not None and side.entity]  # «молдавская сторона инвестирует»
    args += investors[:1]
    args += scope.dated(trigger.index)
    yield Found("investment", args, 0.6, "investment", scope.number,
                event_modality(scope, trigger.index))


def money_arg(scope: Scope, found: tuple[int, int, Money]) -> Arg:
    """An amount of money the sentence gives (`Scope.money`) as an argument with its value."""
    start, stop, money = found
    offset = scope.sentence.start
    return Arg("amount", scope.sentence.text[start:stop], offset + start, offset + stop,
               value=money)


def turnover(scope: Scope) -> Iterator[Found]:
    """The value of trade both ways between two parties or more: a turnover word
    (`trade_turnover`, or `turnover_nouns` with an adjective of trade: «внешнеторговый
    оборот», «взаимная торговля»), its parties in the genitive and after «с» or «между»
    («товарооборот Твери с Молдовой», «между компаниями Молдовы и предприятиями
    Твери»: a name below a common noun counts), its own money (`turnover_money`: «составил
    420 млн долларов»), its date («по итогам прошлого года») and modality; one turnover a
    sentence. Not measured on a benchmark (factRuEval has no trade): 0.6."""
    lex = scope.lex
    for token in scope.tokens:
        if token.lemma not in lex.trade_turnover and not (
                token.lemma in lex.turnover_nouns and any(
                    scope.tokens[k].lemma in lex.turnover_adjectives
                    for k in scope.children(token.index, "amod"))):
            continue
        words = [*genitives_of(scope, token.index), *with_preposition(
            scope, token.index, *lex.with_prepositions, *lex.between_prepositions)]
        parties = [m for m in scope.actors(words, depth=1) if m.type in (LOC, ORG)]
        if len(parties) < 2:
            continue
        args = [scope.arg("party", m) for m in parties]
        args += [money_arg(scope, found) for found in turnover_money(scope, token)[:1]]
        args += scope.dated(token.index, lex.period_results)
        yield Found("turnover", args, 0.6, "turnover", scope.number,
                    event_modality(scope, token.index))
        return


def turnover_money(scope: Scope, word: Token) -> list[tuple[int, int, Money]]:
    """The amounts of money the turnover word holds, or the verb it is the subject of
    («товарооборот составил 420 млн долларов», «товарооборот в 300 млн долларов»); not a
    change («вырос на 50 млн долларов»), nor another noun's money («инвестиции в размере …»)."""
    offset, tokens = scope.sentence.start, scope.tokens
    heads = {word.index}
    if word.rel.startswith("nsubj") and word.head >= 0:  # and verbs sharing the subject:
        heads.update(scope.conjuncts(word.head))  # «вырос на 10% и достиг 420 млн долларов»
    found = []
    for start, stop, money in scope.money:
        span = [t.index for t in tokens
                if start + offset <= t.start and t.stop <= stop + offset]
        if not span:
            continue
        root = span_root(tokens, span)
        if root.head in heads and scope.case_of(root.index) not in scope.lex.change_prepositions:
            found.append((start, stop, money))
    return found


def trade(scope: Scope) -> Iterator[Found]:
    """A flow of goods: an export, import or purchase word, the goods it moves, and where they
    come from and go to. An export's subject is where the goods come from, a purchase's
    subject where they go; «из X» is an origin, «в X» (accusative) a destination, and so is
    the place of a market («в магазинах X»); a place adjective on the goods («итальянское
    вино», «техника грузинского производства») names their origin, else their maker does
    («самосвалы «Альфамаш»»). Sides named by a common
    noun count when the registry knows the phrase; the conversion to facts drops a flow that
    lacks either side. Trade that is banned («запретил ввозить X», «запрет на ввоз X») is a
    deal (a sanction), not a flow. A flow planned, possible or denied says so, as a meeting
    does (`event_modality`: «планирует закупить» is future). Not measured on a benchmark
    (factRuEval has no trade): 0.6."""
    lex = scope.lex
    for token in scope.tokens:
        direction = ("export" if token.lemma in lex.trade_export else
                     "import" if token.lemma in lex.trade_import else "")
        banned = token.head >= 0 and scope.tokens[token.head].lemma in lex.deal_bans
        goods = goods_of(scope, token) if direction and not banned else []
        if not goods:
            continue
        made = [k for i in (token.index, *goods) for k in scope.children(i, "nmod")
                if scope.tokens[k].lemma in lex.trade_made]  # «X Y-ского производства»
        origins, destinations = trade_sides(scope, token, direction, [*goods, *made])
        origins += ([a for a in (goods_origin(scope, g) for g in [*goods, *made]) if a] or
                    [a for a in (goods_maker(scope, g) for g in goods) if a])[:1]
        if not origins and not destinations:
            continue
        args = [goods_arg(scope, g) for g in goods]
        args += [replace(a, role="origin") for a in origins[:1]]
        args += [replace(a, role="destination") for a in destinations[:1]]
        args += scope.dated(token.index)
        yield Found("trade", args, 0.6, "trade", scope.number,
                    event_modality(scope, token.index))
        return


def goods_of(scope: Scope, trigger: Token) -> list[int]:
    """The nouns naming the goods a trade word moves: its object and their conjuncts, the
    genitive of a noun («экспорт угля»), the subject of a passive, the noun a participle
    describes («уголь, экспортируемый …»), what a measure counts («300 единиц техники»);
    else the goods words of the sentence."""
    described = described_noun(scope, trigger.index, ("acl", "amod", "acl:relcl")) \
        if trigger.pos == "VERB" else []
    found = [first_conjunct(scope, k) for k in described]  # «уголь и кокс, вывозимые …»: both
    rels = ("obj", "nsubj:pass") if trigger.pos == "VERB" else ("nmod",)
    found += [k for k in scope.children(trigger.index, *rels)
              if scope.tokens[k].pos == "NOUN" and not scope.case_of(k)]
    counted = [measured(scope, c) for i in found for c in scope.conjuncts(i)]
    nouns = [c for c in counted
             if scope.tokens[c].pos == "NOUN" and scope.at.get(c) is None
             and not is_company_word(scope, scope.tokens[c].lemma)]  # bought: a deal, not goods
    if not nouns:
        nouns = [t.index for t in scope.tokens
                 if t.lemma in scope.lex.trade_goods and t.pos == "NOUN"]
    return sorted(set(nouns))


def measured(scope: Scope, noun: int) -> int:
    """The goods a measure counts («300 единиц техники», «партия угля»: техника, уголь), or
    the noun itself."""
    if scope.tokens[noun].lemma in scope.lex.goods_measures:
        counted = [k for k in scope.children(noun, "nmod") if not scope.case_of(k)]
        if counted:
            return counted[0]
    return noun


def goods_arg(scope: Scope, noun: int) -> Arg:
    """The goods as their noun phrase, in the nominative for the registry: the adjectives
    right before the noun («карьерные самосвалы») up to one that names a place (their
    origin: «молдавская сельхозтехника» is «сельхозтехника» from Молдова), and what hangs
    below it to the right («установки СБШ», «запчасти к тракторам»), up to a comma, a
    conjunct, a preposition that does not describe goods («продукты без проблем») or where
    the goods are made."""
    tokens = scope.tokens
    first = noun
    while first > 0 and tokens[first - 1].pos == "ADJ" and scope.at.get(first - 1) is None \
            and scope.adjective_place(first - 1) is None:
        first -= 1
    end = phrase_end(scope, first, noun, ends_goods)
    while end > noun and tokens[end].pos not in ("NOUN", "PROPN") and tokens[end].text != "»":
        end -= 1
    arg = scope.span_arg("goods", first, end)
    arg.normal = normalise(models(), tokens[first:end + 1])
    return arg


def ends_goods(scope: Scope, token: Token) -> bool:
    """Whether a word ends the goods' phrase (see `goods_arg`): a comma, a conjunct, where
    the goods are made, a place or organisation (or its noun: «самосвалы компании «Альфа»»),
    or a preposition that does not describe goods."""
    lex, mention = scope.lex, scope.actor(token.index)
    return token.text in ",;:" or token.rel in ("conj", "cc") or token.lemma in lex.trade_made \
        or (mention is not None and mention.type in (LOC, ORG)) \
        or (token.rel == "case" and token.lemma not in lex.goods_prepositions)


def goods_maker(scope: Scope, noun: int) -> Arg | None:
    """The maker of goods, an organisation named right on their noun («самосвалы «Альфамаш»»,
    «уголь компании «Альфа»»): where they come from when no place adjective says so (the
    maker of one of several goods is not the origin of all)."""
    for kid in scope.children(noun, "appos", "nmod"):
        mention = scope.actor(kid)
        if mention is not None and mention.type == ORG and not scope.case_of(kid):
            return scope.arg("origin", mention)
    return None


def goods_origin(scope: Scope, noun: int) -> Arg | None:
    """The origin a place adjective gives the goods, on the noun or on a noun up to two
    levels below it («молдавские продукты», «запчасти к технике молдавского
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
    hangs them on either), «из/от X» (and a purchase's «у X»), «в/на X» in the accusative,
    «для X» and a market noun's place («в магазинах X»)."""
    lex = scope.lex
    origins: list[Arg] = []
    destinations: list[Arg] = []
    subject = subjects(scope, trigger.index) if trigger.pos == "VERB" else []
    for side in (side_arg(scope, k) for k in subject):
        if side is not None:
            (origins if direction == "export" else destinations).append(side)
    for kid in [k for i in (trigger.index, *goods) for k in scope.children(i, "obl", "nmod")]:
        case = scope.case_of(kid)
        token = scope.tokens[kid]
        side = side_arg(scope, kid)
        if side is None:
            continue
        if case in lex.source_prepositions or (
                direction == "import" and case in lex.owner_prepositions):
            origins.append(side)  # «закупить у X»: bought from X
        elif case in lex.trade_destination_prepositions or token.lemma in lex.trade_markets or (
                case in lex.place_prepositions and token.feats.get("Case") == "Acc"):
            destinations.append(side)
    return origins, destinations


def side_arg(scope: Scope, index: int) -> Arg | None:
    """A side of a trade flow: a place or organisation named at `index` or in apposition to
    its noun («компания «Альфа»»), what a bare noun there refers back to («регион»: the
    region named last; «завод»: the organisation the article introduced as one,
    `antecedent`), the place a place adjective on the noun names («молдавский завод»), or
    the noun phrase there (resolved later if the registry knows it:
    «угольные предприятия Италии»)."""
    mention = scope.actor(index)
    if mention is not None:
        return scope.arg("side", mention) if mention.type in (LOC, ORG) else None
    token, lex = scope.tokens[index], scope.lex
    if token.pos != "NOUN" or not (token.lemma in lex.org_nouns or token.lemma in
                                   lex.trade_markets or token.lemma in lex.adjective_parties):
        return None
    for kid in scope.children(index, "nmod"):  # «в магазинах Италии», «для городов Грузии»
        mention = scope.at.get(kid)
        if mention is not None and mention.type in (LOC, ORG):
            return scope.arg("side", mention)
    if token.lemma not in lex.org_nouns and token.lemma not in lex.adjective_parties:
        return None
    earlier = antecedent(scope, token) if not scope.children(index, "amod", "nmod") else None
    if earlier is not None:
        return replace(earlier, role="side")
    for kid in scope.children(index, "amod"):  # «у молдавского завода»: from Moldova
        place = place_adjective(scope, scope.tokens[kid])
        if place is not None and place.entity:
            return replace(place, role="side")
    if token.lemma not in lex.org_nouns:
        return None
    first = with_adjectives(scope, index)
    last = max([index, *(k for k in genitives_of(scope, index) if k > index)])
    return scope.span_arg("side", first, last)


def is_company_word(scope: Scope, lemma: str) -> bool:
    """Whether a noun names a company, a business or a stake in one rather than goods
    («завод», «акции», «доля»)."""
    lex = scope.lex
    return lemma in lex.trade_made or lemma in lex.org_nouns or lemma in lex.property_nouns \
        or lemma in lex.stake_nouns
