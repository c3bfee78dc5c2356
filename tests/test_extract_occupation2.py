"""The occupation rule on made-up sentences, second round: a left post printed with its mark,
holders of linking verbs the parser hangs elsewhere, and converbs.

The sentences and names are made up for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regiongraph.extract import extract_text
from regiongraph.extract.mentions import Candidates, Registry
from regiongraph.extract.tofacts import Converter
from regiongraph.model import Corpus
from regiongraph.vocab import Vocabulary

ROOT = Path(__file__).resolve().parent.parent


def posts(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(rule, [(role, text)]) of every occupation found, confidence threshold or not."""
    return [(f.rule, [(a.role, a.text) for a in f.args])
            for f in extract_text("t", text).facts if f.type == "occupation"]


def post(who: str, job: str, where: str | None = None) -> list[tuple[str, str]]:
    return [("who", who), ("job", job), *([("where", where)] if where else [])]


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

