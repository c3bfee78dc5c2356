"""Descriptor coreference: a bare noun («глава компании») stands for the organisation the
article introduced with that noun («компания «Альфа»»), in another sentence.

The texts and names are made up for the tests.
"""

from __future__ import annotations

import pytest

from regiongraph.extract.lexicon import lexicon
from regiongraph.extract.mentions import Mention
from regiongraph.extract.nlp import Sentence, Token
from regiongraph.extract.rules.base import Context, descriptor

from .extract_helpers import facts, post


@pytest.mark.parametrize(("text", "expected"), [
    ("Компания «Альфа» открыла завод в Зеленограде. Генеральный директор компании Иван Петров "
     "заявил, что завод заработает в мае.",
     post("Иван Петров", "Генеральный директор", "Альфа")),
    # a compound introduces its simple noun: «медиахолдинг» → «холдинга»
    ("Медиахолдинг «Бета» купил радиостанцию. Глава холдинга Иван Петров заявил об этом.",
     post("Иван Петров", "Глава", "Бета")),
    # the noun in apposition after the name
    ("«Альфа», крупнейший банк страны, открыла офис. Глава банка Иван Петров заявил об этом.",
     post("Иван Петров", "Глава", "Альфа")),
    # the noun the NER took into the name
    ("Концерн «Гамма» сообщил о сделке. Глава концерна Иван Петров заявил об этом.",
     post("Иван Петров", "Глава", "Концерн «Гамма»")),
])
def test_a_bare_noun_after_a_post_is_the_organisation_it_introduced(text, expected):
    assert facts(text, "occupation") == [expected]


def test_the_last_organisation_introduced_by_the_noun_not_the_last_named():
    text = ("Компания «Альфа» открыла завод. Банк «Гамма» выдал ей кредит. Генеральный "
            "директор компании Иван Петров заявил об этом.")
    assert facts(text, "occupation") == [post("Иван Петров", "Генеральный директор", "Альфа")]


def test_a_noun_no_organisation_was_introduced_with_gives_no_organisation():
    text = "Компания «Альфа» открыла завод. Глава агентства Иван Петров заявил об этом."
    assert facts(text, "occupation") == [post("Иван Петров", "Глава")]


def test_an_owner_noun_owns_the_organisation_its_noun_introduced():
    text = ("Холдинг «Бета» купил завод. Банк «Гамма» выдал кредит. Об этом сообщил "
            "сооснователь холдинга Иван Петров.")
    assert facts(text, "ownership") == [[("owner", "Иван Петров"), ("property", "Бета")]]


def tokens(*words: tuple[str, str, str, int, str]) -> list[Token]:
    """Tokens of (text, lemma, case, head, relation), numbered in order."""
    return [Token(i, text, 10 * i, 10 * i + len(text), "NOUN", {"Case": case}, head, rel, lemma)
            for i, (text, lemma, case, head, rel) in enumerate(words)]


def org(start: int, stop: int, sentence: int = 0, at: int = 1) -> Mention:
    return Mention("ORG", start, stop, "Альфа", "Альфа", sentence, [at])


def test_a_noun_whose_genitive_the_name_is_introduces_nothing():
    shares = tokens(("акции", "акция", "Nom", -1, "root"), ("Альфы", "альфа", "Gen", 0, "nmod"))
    assert descriptor(shares, org(10, 15)) is None
    company = tokens(("компании", "компания", "Gen", -1, "root"),
                     ("Альфа", "альфа", "Nom", 0, "appos"))
    assert descriptor(company, org(10, 15)) is company[0]


def test_introduced_takes_compounds_either_way_and_only_before():
    words = tokens(("агентство", "агентство", "Nom", -1, "root"),
                   ("Альфа", "альфа", "Nom", 0, "appos"))
    context = Context([org(10, 15)], [Sentence(0, 15, "агентство Альфа", words)])
    prefixes = lexicon().noun_prefixes
    assert context.introduced("информагентство", 100, prefixes) is context[0]
    assert context.introduced("агентство", 100, prefixes) is context[0]
    assert context.introduced("агентство", 12, prefixes) is None
    assert context.introduced("банк", 100, prefixes) is None
    assert context.introduced("информагентство", 100, frozenset()) is None
