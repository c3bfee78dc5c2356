"""`regiongraph review`: an article's extracted facts as a curated-facts file, and back."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from regiongraph.config import Paths
from regiongraph.dates import DateSyntaxError, Period, Point, format_temporal, parse_temporal
from regiongraph.extract import EXTRACTOR_VERSION
from regiongraph.loader import load_corpus
from regiongraph.model import EnumValue, Fact, Ref, Role
from regiongraph.query import open_store
from regiongraph.review import Review, review_article
from regiongraph.vocab import RG, Vocabulary

from .conftest import ROOT
from .test_ingest import ARTICLE, ARTICLE_ID, copy_project, run

SENTENCE = ("Губернатор Новосибирской области Андрей Травников встретился с губернатором Кузбасса "
            "Ильёй Середюком в Новосибирске.")
NOTE = re.compile(r"^Extracted by rule '[a-z/_-]+'\. Confidence (0\.\d+|1\.0+)\.$")


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A project with the article ingested and reviewed, by id (CLI) and by path (library),
    before anything is moved into data/."""
    root = copy_project(tmp_path_factory.mktemp("review"))
    source = root / "governors.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", str(source), "--date", "2025-03-14", "--root", str(root))[0] == 0
    code, out, err = run("review", ARTICLE_ID, "--root", str(root))
    assert (code, err) == (0, "")
    review_dir = root / "out" / "review"
    facts, entities = review_dir / f"{ARTICLE_ID}.yaml", review_dir / f"{ARTICLE_ID}.entities.yaml"
    other = root / "elsewhere" / "mine.yaml"
    by_path = run("review", str(root / "data" / "articles" / f"{ARTICLE_ID}.txt"),
                  "--output", str(other), "--root", str(root))
    return {"root": root, "out": out, "facts": facts, "entities": entities, "other": other,
            "by_path": by_path, "texts": (facts.read_text(encoding="utf-8"),
                                          entities.read_text(encoding="utf-8"))}


def test_review_prints_where_it_wrote(reviewed):
    assert reviewed["out"] == (
        f"wrote {reviewed['facts']}: 3 fact(s) to review (0 corroborating curated facts not "
        f"listed)\nwrote {reviewed['entities']}: 3 candidate entities\n")


def test_review_file_has_the_data_facts_format(reviewed):
    text = reviewed["texts"][0]
    assert text.splitlines()[:11] == [
        f"# Facts that the extractor (regiongraph {EXTRACTOR_VERSION}) found in article",
        f"# {ARTICLE_ID}, written for review: nothing here is in the graph's curated facts.",
        "# Each note names the rule that made the fact and the confidence it gave.",
        "# To accept them:",
        "# 1. correct each fact against its quote: class, roles, dates (relative to the "
        "article's);",
        "#    delete the facts that are wrong or not worth keeping;",
        f"# 2. move the entities of {ARTICLE_ID}.entities.yaml to data/entities/;",
        f"# 3. move this file to data/facts/{ARTICLE_ID}.yaml.",
        "# Not listed: 0 extracted fact(s) that corroborate curated facts already.",
        f"article: {ARTICLE_ID}",
        "facts:",
    ]
    data = yaml.safe_load(text)
    assert set(data) == {"article", "facts"}
    for fact in data["facts"]:
        assert re.fullmatch(rf"{ARTICLE_ID}-(occupation|meeting)-[0-9a-f]{{10}}", fact.pop("id"))
        assert NOTE.match(fact.pop("note")), "the note names the rule and the confidence"
    meeting, *posts = data["facts"]  # in the order of the text, then by id
    assert meeting == {"class": "Meeting", "participant": ["andrey-travnikov", "ilya-seredyuk"],
                       "place": "novosibirsk", "date": "2025-03-14", "quote": SENTENCE}
    assert sorted(posts, key=lambda fact: fact["holder"]) == [
        {"class": "PostHolding", "holder": "andrey-travnikov", "post": "governor",
         "organisation": "novosibirskaya-oblast", "quote": SENTENCE},
        {"class": "PostHolding", "holder": "ilya-seredyuk", "post": "governor",
         "organisation": "kuzbass", "quote": SENTENCE},
    ]
    assert "confidence:" not in text


def test_candidate_entities_file_has_the_data_entities_format(reviewed):
    text = reviewed["texts"][1]
    assert text.startswith(f"# Candidate entities that the facts of {ARTICLE_ID}.yaml name")
    note = "A candidate entity found by the extractor; review before use."
    assert yaml.safe_load(text) == [
        {"id": "novosibirsk", "class": "Territory",
         "label": {"ru": "Новосибирск", "en": "Novosibirsk"}, "aliases": ["Новосибирске"],
         "note": note},
        {"id": "novosibirskaya-oblast", "class": "Territory",
         "label": {"ru": "Новосибирская область", "en": "Novosibirskaya oblast"},
         "aliases": ["Новосибирской области"], "note": note},
        {"id": "andrey-travnikov", "class": "Person",
         "label": {"ru": "Андрей Травников", "en": "Andrey Travnikov"}, "note": note},
    ]


def test_review_by_path_and_output_writes_the_same(reviewed):
    other = reviewed["other"]
    assert reviewed["by_path"] == (0, (
        f"wrote {other}: 3 fact(s) to review (0 corroborating curated facts not listed)\n"
        f"wrote {other.with_name('mine.entities.yaml')}: 3 candidate entities\n"), "")
    facts, entities = reviewed["texts"]
    assert other.read_text(encoding="utf-8") == facts.replace(
        f"{ARTICLE_ID}.entities.yaml", "mine.entities.yaml")
    assert other.with_name("mine.entities.yaml").read_text(encoding="utf-8") == entities.replace(
        f"{ARTICLE_ID}.yaml", "mine.yaml")


def test_unknown_article_is_a_usage_error(reviewed):
    assert run("review", "004_nope", "--root", str(reviewed["root"])) == (
        2, "", f"error: unknown article '004_nope': give the id of an article of data/articles/ "
               f"(known: 000_7bb269fab435b68d, 003_5f773bcd8c98d1a8, {ARTICLE_ID})\n")


def test_accepted_review_builds_as_curated_facts_that_extraction_corroborates(reviewed):
    root = reviewed["root"]
    paths = Paths.at(root)
    before = review_article(paths, ARTICLE_ID)  # the extracted facts, with their roles
    shutil.move(reviewed["entities"], root / "data" / "entities")
    shutil.move(reviewed["facts"], root / "data" / "facts")
    code, _, err = run("build", "--root", str(root))
    assert (code, err) == (0, "")

    corpus = load_corpus(paths, Vocabulary.load(paths.ontology))
    expected = {}
    for fact in before.facts:
        roles = [Role(r.name, Ref(before.rename.get(r.value.id, r.value.id), "entity"))
                 if isinstance(r.value, Ref) else r for r in fact.roles if r.name != "confidence"]
        expected[fact.id.removeprefix("x-")] = (fact.cls, sorted(map(repr, roles)))
    curated = {f.id: (f.cls, sorted(map(repr, f.roles))) for f in corpus.facts.values()
               if f.article == ARTICLE_ID}
    assert curated == expected

    store = open_store(root / "out" / "graph.nq")
    rows = store.query("""
        PREFIX rg: <https://w3id.org/regiongraph/ontology#>
        SELECT DISTINCT ?curated ?cls WHERE {
          GRAPH <https://w3id.org/regiongraph/graph/extracted> { ?x rg:corroborates ?curated }
          GRAPH <https://w3id.org/regiongraph/graph/curated> { ?curated a ?cls }
        }""")
    found = {str(row["curated"].value).rsplit("/", 1)[-1]: str(row["cls"].value).rsplit("#")[-1]
             for row in rows}
    assert {key: value for key, value in found.items() if key.startswith(ARTICLE_ID)} == {
        key: cls for key, (cls, _) in expected.items()}

    code, out, _ = run("review", ARTICLE_ID, "--root", str(root))
    assert (code, out.splitlines()[0]) == (0, f"wrote {root / 'out' / 'review' / ARTICLE_ID}"
                                              ".yaml: 0 fact(s) to review (3 corroborating "
                                              "curated facts not listed)")


def test_period_roles_are_written_as_one_date_and_build_values_left_out():
    vocab = Vocabulary.load(ROOT / "ontology" / "regiongraph.ttl")
    season = vocab.enumerations[RG.DatePrecision]["season"]
    future = next(members["future"] for members in vocab.enumerations.values()
                  if "future" in members)
    fact = Fact("x-a-meeting-1", "Meeting", "a", (
        Role("participant", Ref("x-per-ivan-petrov", "entity")),
        Role("participant", Ref("kuzbass", "entity")),
        Role("startDate", Point(2025, 6)), Role("endDate", Point(2025, 8)),
        Role("datePrecision", EnumValue(str(season))),
        Role("confidence", Decimal("0.8")), Role("modality", EnumValue(str(future)))),
        evidence=(), note="Extracted by rule 'meeting'.")
    review = Review("a", "v", [fact], [], 0, {"x-per-ivan-petrov": "ivan-petrov"}, vocab)
    assert review.entry(fact) == {
        "id": "a-meeting-1", "class": "Meeting", "participant": ["ivan-petrov", "kuzbass"],
        "modality": "future", "date": "2025-summer", "quote": [],
        "note": "Extracted by rule 'meeting'. Confidence 0.8."}


# --- format_temporal: the inverse of parse_temporal ------------------------------------------

YEARS = st.integers(min_value=1, max_value=9998)
PERIOD_NAMES = ["winter", "spring", "summer", "autumn", "Q1", "Q2", "Q3", "Q4", "H1", "H2"]


@st.composite
def points(draw: st.DrawFn, precision: str | None = None) -> Point:
    precision = precision or draw(st.sampled_from(["year", "month", "day"]))
    year = draw(YEARS)
    if precision == "year":
        return Point(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return Point(year, month)
    return Point(year, month, draw(st.integers(1, 28)))


@st.composite
def spans(draw: st.DrawFn) -> Period:
    precision = draw(st.sampled_from(["year", "month", "day"]))
    start, end = sorted([draw(points(precision)), draw(points(precision))])
    return Period(start, end, precision)


@st.composite
def named(draw: st.DrawFn) -> Period:
    year, name = draw(YEARS), draw(st.sampled_from(PERIOD_NAMES))
    return parse_temporal(f"{year:04d}-{name}")


@given(st.one_of(points(), spans(), named()))
def test_format_temporal_round_trips(value):
    text = format_temporal(value)
    assert parse_temporal(text) == value
    assert format_temporal(parse_temporal(text)) == text


@pytest.mark.parametrize(("value", "text"), [
    (Period(Point(2023, 6), Point(2023, 8), "season"), "2023-summer"),
    (Period(Point(2024, 12), Point(2025, 2), "season"), "2024-winter"),
    (Period(Point(2024, 1), Point(2024, 3), "quarter"), "2024-Q1"),
    (Period(Point(2025, 7), Point(2025, 12), "half-year"), "2025-H2"),
    (Period(Point(2024, 1), Point(2024, 3), "month"), "2024-01/2024-03"),
    (Period(Point(2025, 6, 21), Point(2025, 6, 23), "day"), "2025-06-21/2025-06-23"),
    (Point(2025, 6), "2025-06"),
])
def test_format_temporal_names_periods(value, text):
    assert format_temporal(value) == text


def test_format_temporal_refuses_a_period_without_a_written_form():
    with pytest.raises(DateSyntaxError, match="the period 2024-06/2024-09 at precision 'season' "
                                              "has no written form"):
        format_temporal(Period(Point(2024, 6), Point(2024, 9), "season"))

