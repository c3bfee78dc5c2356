"""«Который» as a subject: the clause's antecedent when the parser hangs the clause well, on
the wrong word, or on nothing. The sentences and names are made up for the tests."""

from __future__ import annotations

import pytest

from regiongraph.extract import extract_text
from regiongraph.extract.rules.base import Scope, name_before_clause, relative_head, subjects

from .extract_helpers import hand_scope, post, posts

PRONOUN = ("который", "PRON", 5, "nsubj", "который")
WAS = ("был", "AUX", 5, "cop", "быть")


def test_a_clause_made_a_sentence_of_its_own_takes_the_name_before_its_comma():
    scope = hand_scope([("Иван", "PROPN", -1, "root", "иван"),
                        ("Петров", "PROPN", 0, "flat:name", "петров"),
                        (",", "PUNCT", 5, "punct", ","), PRONOUN, WAS,
                        ("директором", "NOUN", -1, "root", "директор")],
                       (("PER", 0, 1),))
    assert subjects(scope, 5) == [0]


def clause_on_a_verb() -> Scope:
    """«Заявил Иван Петров, который директор»: the clause hung on the verb, not the name."""
    return hand_scope([("Заявил", "VERB", -1, "root", "заявить"),
                       ("Иван", "PROPN", 0, "nsubj", "иван"),
                       ("Петров", "PROPN", 1, "flat:name", "петров"),
                       (",", "PUNCT", 5, "punct", ","),
                       ("который", "PRON", 5, "nsubj", "который"),
                       ("директор", "NOUN", 0, "acl:relcl", "директор")],
                      (("PER", 1, 2),))


def test_a_clause_hung_on_a_word_that_names_no_one_takes_the_name_before_its_comma():
    assert subjects(clause_on_a_verb(), 5) == [1]


def test_only_a_climb_finds_the_clause_above_a_word_of_it():
    scope = clause_on_a_verb()
    assert relative_head(scope, 5) == 0  # the clause's own word: its head
    assert relative_head(scope, 4) == -1  # «который» heads no clause
    assert relative_head(scope, 4, climb=True) == 0  # the clause above it does
    assert relative_head(scope, 0, climb=True) == -1  # no clause above the root


def test_a_clause_hung_on_someone_keeps_its_head_past_the_name_before_its_comma():
    # «директор Иван Петров и инженер Олег Смирнов, которые встретились»: both met
    scope = hand_scope([("директор", "NOUN", -1, "root", "директор"),
                        ("Иван", "PROPN", 0, "appos", "иван"),
                        ("Петров", "PROPN", 1, "flat:name", "петров"),
                        ("и", "CCONJ", 4, "cc", "и"),
                        ("инженер", "NOUN", 0, "conj", "инженер"),
                        ("Олег", "PROPN", 4, "appos", "олег"),
                        ("Смирнов", "PROPN", 5, "flat:name", "смирнов"),
                        (",", "PUNCT", 9, "punct", ","),
                        ("которые", "PRON", 9, "nsubj", "который"),
                        ("встретились", "VERB", 0, "acl:relcl", "встретиться")],
                       (("PER", 1, 2), ("PER", 5, 6)))
    assert subjects(scope, 9) == [0]
    assert [scope.actor(k).text for k in scope.conjuncts(0)] == ["Иван Петров", "Олег Смирнов"]


def test_a_clause_with_no_name_before_its_comma_takes_its_head():
    scope = hand_scope([("Директор", "NOUN", -1, "root", "директор"),
                        (",", "PUNCT", 3, "punct", ","),
                        ("который", "PRON", 3, "nsubj", "который"),
                        ("уехал", "VERB", 0, "acl:relcl", "уехать")])
    assert subjects(scope, 3) == [0]


def test_the_post_of_a_clause_the_parser_cut_off_goes_to_the_name_before_it():
    assert posts("Об этом сказал Иван Петров, который в то время был директором компании "
                 "«Альфа».") == [("occupation/copula",
                                 post("Иван Петров", "директором", "компания «Альфа»"))]


MASC, FEM = {"Gender": "Masc", "Number": "Sing"}, {"Gender": "Fem", "Number": "Sing"}


def test_a_clause_hung_on_a_name_of_the_other_gender_has_no_subject():
    # «встреча с Иваном Петровым, которая прошла»: the meeting went, not the man
    scope = hand_scope([("встреча", "NOUN", -1, "root", "встреча", FEM),
                        ("с", "ADP", 2, "case", "с"),
                        ("Иваном", "PROPN", 0, "nmod", "иван", MASC),
                        ("Петровым", "PROPN", 2, "flat:name", "петров", MASC),
                        (",", "PUNCT", 6, "punct", ","),
                        ("которая", "PRON", 6, "nsubj", "который", FEM),
                        ("прошла", "VERB", 2, "acl:relcl", "пройти", FEM)],
                       (("PER", 2, 3),))
    assert subjects(scope, 6) == [5]


def test_a_name_before_the_comma_of_the_other_gender_is_not_the_subject():
    scope = hand_scope([("Иван", "PROPN", -1, "root", "иван", MASC),
                        ("Петров", "PROPN", 0, "flat:name", "петров", MASC),
                        (",", "PUNCT", 5, "punct", ","),
                        ("которая", "PRON", 5, "nsubj", "который", FEM),
                        ("была", "AUX", 5, "cop", "быть", FEM),
                        ("директором", "NOUN", -1, "root", "директор")],
                       (("PER", 0, 1),))
    assert subjects(scope, 5) == [3]


def colleagues_clause() -> Scope:
    """«говорили с коллегами Ивана Петрова, которые работают»: the colleagues work, the
    clause hung on a verb."""
    return hand_scope([("говорили", "VERB", -1, "root", "говорить"),
                       ("с", "ADP", 2, "case", "с"),
                       ("коллегами", "NOUN", 0, "obl", "коллега", {"Number": "Plur"}),
                       ("Ивана", "PROPN", 2, "nmod", "иван", MASC),
                       ("Петрова", "PROPN", 3, "flat:name", "петров", MASC),
                       (",", "PUNCT", 7, "punct", ","),
                       ("которые", "PRON", 7, "nsubj", "который", {"Number": "Plur"}),
                       ("работают", "VERB", 0, "acl:relcl", "работать")],
                      (("PER", 3, 4),))


def test_a_name_in_the_genitive_of_an_earlier_word_is_not_the_subject():
    assert subjects(colleagues_clause(), 7) == [6]


def test_only_a_deep_reader_looks_for_the_clause_comma_before_the_word_before():
    # as for «которой» in «компания «Альфа», 100% акций которой»: the comma further back
    scope = colleagues_clause()
    assert name_before_clause(scope, 6).text == "Ивана Петрова"  # right after the comma
    assert name_before_clause(scope, 7) is None
    assert name_before_clause(scope, 7, deep=True).text == "Ивана Петрова"


@pytest.mark.parametrize(("text", "kind"), [
    ("Житель Зеленограда, который встретился с Иваном Петровым, рассказал об этом.", "meeting"),
    ("Гендиректор «Альфы», который приобрёл компанию «Бета», выступил.", "deal"),
    ("Жена Ивана Петрова, которая стала директором компании «Бета», выступила.", "occupation"),
])
def test_the_owner_of_the_antecedent_is_not_who_the_clause_tells_of(text, kind):
    assert [f for f in extract_text("t", text).facts if f.type == kind] == []

