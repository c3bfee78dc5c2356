"""Each class of bad input gives its own clear error, exit code 1, and leaves out/ untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiongraph.cli import main

FACTS = "data/facts/003_5f773bcd8c98d1a8.yaml"
PLACES = "data/entities/places.yaml"
ARTICLE = "data/articles/003_5f773bcd8c98d1a8"


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the edit must be unambiguous: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def lines_of(project: Path, name: str, text: str) -> list[int]:
    """The 1-based numbers of the lines of `name` that contain `text`."""
    lines = (project / name).read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if text in line]


def line_of(project: Path, name: str, text: str) -> int:
    return lines_of(project, name, text)[0]


def build_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the build over a previous output; assert exit 1 and untouched files; return stderr."""
    out = project / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous build\n")
    code = main(["build", "--root", str(project)])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    assert (out / "graph.ttl").read_text() == "previous build\n"
    assert "Traceback" not in captured.err
    assert captured.out == ""
    return captured.err.strip()


def test_unknown_entity_id(project, capsys):
    edit(project, FACTS, "    holder: sergey-tsivilev\n", "    holder: sergei-tsivilev\n")
    line = line_of(project, FACTS, "holder: sergei-tsivilev")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'tsivilev-governor-2024': role 'holder' refers "
        "to unknown id 'sergei-tsivilev': add it to data/entities/ or fix the spelling")


def test_quote_not_in_article(project, capsys):
    edit(project, FACTS, "quote: губернатор Кузбасса Сергей Цивилев\n",
         "quote: губернатор Кузбасса Сергей Цивилёв\n")
    line = line_of(project, FACTS, "quote: губернатор Кузбасса Сергей Цивилёв")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'tsivilev-governor-2024': quote does not occur "
        "verbatim in the article: «губернатор Кузбасса Сергей Цивилёв»")


def test_quote_differing_in_spaces_gets_a_hint(project, capsys):
    edit(project, FACTS, 'quote: "президента Республики Беларусь\\u00a0 Александра Лукашенко"',
         "quote: президента Республики Беларусь Александра Лукашенко")
    assert build_fails(project, capsys).endswith(
        "«президента Республики Беларусь Александра Лукашенко» (it differs from the article "
        "only in spaces or line breaks: the article has non-breaking spaces; write them as "
        "\\u00a0 in a double-quoted YAML string)")


def test_bad_date(project, capsys):
    edit(project, FACTS, "    date: 2023-summer\n    status: held\n    quote: \"летом 2023 года"
         " Сергей Цивилев\\u00a0 ненадолго улетал в Минск\"",
         "    date: 2023-06-31\n    status: held\n    quote: \"летом 2023 года"
         " Сергей Цивилев\\u00a0 ненадолго улетал в Минск\"")
    line = line_of(project, FACTS, "date: 2023-06-31")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'visit-tsivilev-minsk-2023': role 'date': "
        "'2023-06-31' is not a valid date (day is out of range for month)")


def test_duplicate_id(project, capsys):
    edit(project, FACTS, "  - id: krutoi-ambassador-2024\n", "  - id: tsivilev-governor-2024\n")
    first, second = lines_of(project, FACTS, "- id: tsivilev-governor-2024")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{second}: entry 'tsivilev-governor-2024': duplicate id: "
        f"already used at {project / FACTS}:{first}")


def test_fact_id_clashing_with_an_entity(project, capsys):
    edit(project, FACTS, "  - id: krutoi-ambassador-2024\n", "  - id: kuzbass\n")
    line = line_of(project, FACTS, "- id: kuzbass")
    first = line_of(project, PLACES, "- id: kuzbass")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'kuzbass': duplicate id: already used at "
        f"{project / PLACES}:{first}")


def test_malformed_yaml(project, capsys):
    edit(project, FACTS, "    post: governor\n", "    post: [governor\n")
    line = line_of(project, FACTS, "post: [governor")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line + 1}: malformed YAML: did not find expected ',' or ']'")


def test_duplicate_key_in_yaml(project, capsys):
    edit(project, FACTS, "    post: governor\n", "    post: governor\n    post: president\n")
    line = line_of(project, FACTS, "post: president")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: duplicate key 'post'")


def test_article_not_utf8(project, capsys):
    path = project / f"{ARTICLE}.txt"
    path.write_bytes("Привет, Кузбасс".encode("cp1251"))
    assert build_fails(project, capsys) == (
        f"error: {path}: not UTF-8 text (invalid byte at offset 0); convert the article to UTF-8")


def test_unknown_fact_class(project, capsys):
    edit(project, FACTS, "    class: Meeting\n", "    class: Meating\n")
    line = line_of(project, FACTS, "- id: meeting-tsivilev-krutoi-2024")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'meeting-tsivilev-krutoi-2024': unknown fact "
        "class 'Meating' (known: Agreement, CommemorativeEvent, Cooperation, CulturalEvent, "
        "Deal, Event, Invitation, Meeting, Negotiation, Ownership, PostHolding, ProjectReport, "
        "Statement, TradeFlow, TradeTurnover, Visit)")


def test_entity_class_used_for_a_fact(project, capsys):
    edit(project, FACTS, "    class: Meeting\n", "    class: Person\n")
    line = line_of(project, FACTS, "- id: meeting-tsivilev-krutoi-2024")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'meeting-tsivilev-krutoi-2024': unknown fact "
        "class 'Person' (it is a kind of entity: put it in data/entities/)")


def test_unknown_role(project, capsys):
    edit(project, FACTS, "    postedTo: russia\n", "    postedTo: russia\n    venue: minsk\n")
    line = line_of(project, FACTS, "venue: minsk")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'krutoi-ambassador-2024': unknown role 'venue': "
        "it is not a property of the ontology (roles of PostHolding: confidence, corroborates, "
        "datePrecision, endDate, holder, modality, organisation, phase, post, postedTo, "
        "startDate)")


def test_role_of_another_class(project, capsys):
    edit(project, FACTS, "    postedTo: russia\n", "    postedTo: russia\n    place: minsk\n")
    line = line_of(project, FACTS, "place: minsk")
    assert build_fails(project, capsys).startswith(
        f"error: {project / FACTS}:{line}: entry 'krutoi-ambassador-2024': unknown role 'place': "
        "it does not apply to class PostHolding (roles of PostHolding: ")


def test_reference_of_the_wrong_class(project, capsys):
    edit(project, FACTS, "    holder: sergey-tsivilev\n", "    holder: kuzbass\n")
    line = line_of(project, FACTS, "holder: kuzbass")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'tsivilev-governor-2024': role 'holder' takes "
        "an entity of class Person; 'kuzbass' is a Region")


def test_unknown_enumeration_member(project, capsys):
    edit(project, FACTS, "    date: 2024-autumn\n    status: planned\n    quote: пригласил",
         "    date: 2024-autumn\n    status: maybe\n    quote: пригласил")
    line = line_of(project, FACTS, "status: maybe")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'visit-tsivilev-belarus-2024': role 'status' "
        "takes one of held, ongoing, planned, proposed; got 'maybe'")


def test_period_where_a_single_date_is_needed(project, capsys):
    edit(project, FACTS, "    postedTo: russia\n", "    postedTo: russia\n    startDate: 2023-H2\n")
    line = line_of(project, FACTS, "startDate: 2023-H2")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}:{line}: entry 'krutoi-ambassador-2024': role 'startDate' "
        "takes a single date, not the period '2023-H2'")


def test_entity_without_english_label(project, capsys):
    edit(project, PLACES, "  label: {ru: Индия, en: India}\n", "  label: {ru: Индия}\n")
    line = line_of(project, PLACES, "- id: india")
    assert build_fails(project, capsys) == (
        f"error: {project / PLACES}:{line}: entry 'india': label must give both 'ru' and 'en'")


def test_article_metadata_naming_an_unknown_publisher(project, capsys):
    edit(project, f"{ARTICLE}.yaml", "publisher: sibdepo\n", "publisher: sibdepo-ru\n")
    assert build_fails(project, capsys) == (
        f"error: {project / ARTICLE}.yaml:1: entry '003_5f773bcd8c98d1a8': publisher "
        "'sibdepo-ru' is not an entity of the registry")


def test_facts_for_a_missing_article(project, capsys):
    edit(project, FACTS, "article: 003_5f773bcd8c98d1a8\n", "article: 004_missing\n")
    assert build_fails(project, capsys) == (
        f"error: {project / FACTS}: article '004_missing' is not in data/articles/")


def test_shacl_violation_reports_and_writes_nothing(project, capsys):
    """A fact the loader accepts but the shapes reject: a meeting with one participant."""
    edit(project, FACTS, "    participant: [sergey-tsivilev, dmitry-krutoi]\n",
         "    participant: sergey-tsivilev\n")
    message = build_fails(project, capsys)
    assert message.startswith("error: the graph does not conform to ontology/shapes.ttl "
                              "(1 violation(s)); nothing was written\nValidation Report")
    assert "Focus Node: <https://w3id.org/regiongraph/fact/meeting-tsivilev-krutoi-2024>" in message


def test_errors_survive_the_trip_from_a_worker_process():
    import pickle

    from regiongraph.errors import DataError, InternalError, ValidationError

    errors = [DataError("data/a.yaml", "unknown id 'x'", "fact-1", 7),
              ValidationError("report text", 2), InternalError("a: rule r failed", "trace")]
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), str(copy), copy.exit_code) == (type(error), str(error),
                                                            error.exit_code)
    assert pickle.loads(pickle.dumps(errors[-1])).trace == "trace"


def test_a_bug_in_a_rule_fails_the_build_with_exit_code_3_and_leaves_out_untouched(
        project, capsys, monkeypatch):
    from regiongraph.extract import extractor

    def broken(scope):
        raise IndexError("list index out of range")

    monkeypatch.setattr(extractor, "RULES", (("broken", broken),))
    out = project / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous build\n")
    assert main(["build", "--root", str(project)]) == 3
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    assert (out / "graph.ttl").read_text() == "previous build\n"
    assert captured.err == (
        "error: 000_7bb269fab435b68d: rule broken failed on the sentence at characters 0-44 "
        "(IndexError: list index out of range); this is a bug in regiongraph, please report "
        "it with the article\n")
    assert main(["build", "--root", str(project), "--no-extract"]) == 0
