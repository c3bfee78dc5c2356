"""The occupation rule on made-up sentences, second round: a left post printed with its mark,
holders of linking verbs the parser hangs elsewhere, and converbs.

The sentences and names are made up for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regiongraph.extract import extract_text
from regiongraph.extract.mentions import Candidates, Registry
from regiongraph.extract.rules.occupation import Post, by_clause_person, by_verb
from regiongraph.extract.tofacts import Converter
from regiongraph.model import Corpus
from regiongraph.vocab import Vocabulary

from .extract_helpers import hand_scope, post, posts

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("text", "expected"), [
    ("Иван Петров, бывший директор ОАО «Альфа», заявил о поддержке.",
     [("occupation/before", post("Иван Петров", "бывший директор", "ОАО «Альфа»"))]),
    ("Бывший губернатор Зеленоградской области Олег Смирнов задержан.",
     [("occupation/appos", post("Олег Смирнов", "Бывший губернатор",
                                "Зеленоградская область"))]),
])
def test_a_left_post_is_printed_with_its_mark(text, expected):
    assert posts(text) == expected


def test_a_new_post_is_printed_without_its_mark():
    assert posts("Новый директор ОАО «Альфа» Иван Петров приступил к работе.") == \
        [("occupation/appos", post("Иван Петров", "директор", "ОАО «Альфа»"))]


def test_the_mark_stays_out_of_the_posts_name_and_entity():
    registry, candidates = Registry(), Candidates()
    text = "Бывший губернатор Зеленоградской области Олег Смирнов задержан."
    job = extract_text("t", text, registry, candidates).facts[0].first("job")
    assert job is not None and (job.lemma, job.normal) == ("губернатор", "губернатор")
    vocab = Vocabulary.load(ROOT / "ontology" / "regiongraph.ttl")
    entity = Converter(Corpus(), vocab, registry, candidates).entity_for(job, "post")
    assert [e.labels for e in candidates.entities() if e.id == entity] == \
        [(("en", "gubernator"), ("ru", "губернатор"))]


def test_a_linking_verb_governs_a_post_with_its_adjectives():
    text = "Иван Петров, который был назначен генеральным директором ОАО «Альфа», уволен."
    assert posts(text) == [("occupation/verb", post("Иван Петров", "генеральным директором",
                                                     "ОАО «Альфа»"))]


def test_the_one_person_in_the_nominative_of_a_linking_verbs_clause_holds_the_post():
    text = ("Вчера стало известно, что новым гендиректором ОАО «Альфа» стал первый заместитель "
            "министра Иван Петров.")
    assert posts(text)[0] == ("occupation/clause",
                              post("Иван Петров", "гендиректором", "ОАО «Альфа»"))


def test_of_two_subjects_a_parser_gives_a_verb_the_one_in_the_posts_clause_holds_it():
    # «Смирнов станет президентом, а Петров станет председателем», parsed with both names
    # the subjects of the second verb, as the parser does in long sentences.
    words = [("Смирнов", "PROPN", 6, "nsubj", "смирнов"), ("станет", "VERB", -1, "root", "стать"),
             ("президентом", "NOUN", 1, "xcomp", "президент"), (",", "PUNCT", 6, "punct", ","),
             ("а", "CCONJ", 6, "cc", "а"), ("Петров", "PROPN", 6, "nsubj", "петров"),
             ("станет", "VERB", 1, "conj", "стать"),
             ("председателем", "NOUN", 6, "xcomp", "председатель")]
    words = [(*word, {"Case": "Ins"} if word[3] == "xcomp" else {}) for word in words]
    scope = hand_scope(words, (("PER", 0, 0), ("PER", 5, 5)))
    people = scope.mentions
    assert by_verb(scope, Post.of(scope, 7, 7, {7}, people)) == (people[1], "start")


def test_the_subject_of_an_active_verb_of_appointing_appoints():
    text = "Губернатор Иван Петров назначил Олега Смирнова директором ОАО «Альфа»."
    assert ("occupation/verb", post("Олег Смирнов", "директором", "ОАО «Альфа»")) in posts(text)
    assert all(rule != "occupation/clause" for rule, _ in posts(text))


@pytest.mark.parametrize(("verb", "holds"), [("назначил", False), ("стал", True)])
def test_the_one_named_person_of_an_active_verb_of_appointing_holds_no_post(verb, holds):
    # «Директором «Альфы» назначил/стал Иван Петров», the name hung on the post, so that only
    # the clause's person could be the holder: by_verb finds no subject nor object.
    lemma = {"назначил": "назначить", "стал": "стать"}[verb]
    words = [("Директором", "NOUN", 2, "xcomp", "директор", {"Case": "Ins"}),
             ("Альфы", "PROPN", 0, "nmod", "альфа", {"Case": "Gen"}),
             (verb, "VERB", -1, "root", lemma, {"Voice": "Act"}),
             ("Иван", "PROPN", 0, "nmod", "иван", {"Case": "Nom"}),
             ("Петров", "PROPN", 3, "flat:name", "петров", {"Case": "Nom"})]
    scope = hand_scope(words, (("PER", 3, 4),))
    person = scope.mentions[0]
    post_ = Post.of(scope, 0, 0, {0}, [person])
    assert by_verb(scope, post_) is None
    assert by_clause_person(scope, post_) == ((person, "start") if holds else None)


@pytest.mark.parametrize("text", [
    "Директором ОАО «Альфа» стал бывший министр, сообщил Иван Петров.",
    "Директором ОАО «Альфа» стал бывший министр, а не Иван Петров.",
])
def test_a_person_past_a_mark_or_a_conjunction_holds_no_post(text):
    assert posts(text) == []


@pytest.mark.parametrize("text", [
    "Будучи директором ОАО «Альфа», Иван Петров открыл завод.",
    "Иван Петров, являясь директором ОАО «Альфа», открыл завод.",
])
def test_a_converbs_post_is_held_by_its_clauses_subject(text):
    assert posts(text) == [("occupation/converb",
                            post("Иван Петров", "директором", "ОАО «Альфа»"))]


@pytest.mark.parametrize("text", [
    "Не будучи директором ОАО «Альфа», Иван Петров подписал договор.",
    "Иван Петров, не являясь директором ОАО «Альфа», подписал договор.",
])
def test_a_negated_converbs_post_is_nobodys(text):
    assert posts(text) == []


@pytest.mark.parametrize(("text", "modality"), [
    ("Иван Петров не стал директором ОАО «Альфа».", "negated"),
    ("Иван Петров не является директором ОАО «Альфа».", "negated"),
    ("Иван Петров станет директором ОАО «Альфа».", "future"),
    ("Иван Петров будет директором ОАО «Альфа».", "future"),
    ("Иван Петров был директором ОАО «Альфа».", "actual"),
])
def test_the_verb_linking_a_post_gives_the_fact_its_modality(text, modality):
    facts = [f for f in extract_text("t", text).facts if f.type == "occupation"]
    assert [(f.first("who").text, f.modality) for f in facts] == [("Иван Петров", modality)]


def test_a_post_in_apposition_is_not_what_the_sentence_s_verb_says():
    # «станет» links the new post, not the one held now
    text = "Глава ОАО «Альфа» Иван Петров не станет директором ОАО «Бета»."
    facts = [(f.first("job").text, f.modality) for f in extract_text("t", text).facts
             if f.type == "occupation"]
    assert facts == [("Глава", "actual"), ("директором", "negated")]


@pytest.mark.parametrize(("text", "holders"), [
    ("Иван Петров вернулся из отпуска. Она стала директором ОАО «Альфа».", []),
    ("Мария Петрова вернулась из отпуска. Она стала директором ОАО «Альфа».",
     ["Мария Петрова"]),
    ("Иван Петров вернулся из отпуска. Он стал директором ОАО «Альфа».", ["Иван Петров"]),
    ("Иван Петров вернулся из отпуска. Она возглавляет ОАО «Альфа».", []),  # `headed`
])
def test_a_pronoun_holds_a_post_only_for_a_person_of_its_gender(text, holders):
    facts = extract_text("t", text).facts
    assert [f.first("who").text for f in facts if f.type == "occupation"] == holders
