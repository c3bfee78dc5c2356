"""The command line: exit codes, messages and formats as documented in the README."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from regiongraph.cli import main, parser

from .conftest import ROOT

HEADS = """PREFIX rg: <https://w3id.org/regiongraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?date ?name WHERE {
  ?f a rg:PostHolding ; rg:post <https://w3id.org/regiongraph/id/governor> ;
     rg:holder/rdfs:label ?name ; prov:wasDerivedFrom/dcterms:date ?date .
  FILTER(lang(?name) = "en")
} ORDER BY ?date"""


def query(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["query", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_table_is_aligned_with_cyrillic(built, capsys):
    code, out, _ = query(capsys, HEADS.replace('"en"', '"ru"'), "--data", str(built / "graph.nq"))
    assert code == 0
    assert out.splitlines() == [
        "date     name",
        "───────  ──────────────",
        "2024-01  Сергей Цивилев",
        "2025-06  Илья Середюк",
        "(2 rows)",
    ]


def test_w3c_json(built, capsys):
    code, out, _ = query(capsys, HEADS, "--format", "json", "--data", str(built / "graph.nq"))
    assert code == 0
    result = json.loads(out)
    assert result["head"] == {"vars": ["date", "name"]}
    assert [b["name"]["value"] for b in result["results"]["bindings"]] == [
        "Sergey Tsivilev", "Ilya Seredyuk"]
    assert result["results"]["bindings"][0]["date"] == {
        "type": "literal", "value": "2024-01",
        "datatype": "http://www.w3.org/2001/XMLSchema#gYearMonth"}


def test_csv_and_tsv(built, capsys):
    _, csv_out, _ = query(capsys, HEADS, "--format", "csv", "--data", str(built / "graph.nq"))
    assert csv_out == "date,name\r\n2024-01,Sergey Tsivilev\r\n2025-06,Ilya Seredyuk\r\n"
    _, tsv_out, _ = query(capsys, HEADS, "--format", "tsv", "--data", str(built / "graph.nq"))
    assert tsv_out.splitlines()[:2] == [
        "?date\t?name",
        '"2024-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>\t"Sergey Tsivilev"@en']


def test_ask_and_construct(built, capsys):
    data = ["--data", str(built / "graph.nq")]
    _, out, _ = query(capsys, "ASK { ?s ?p ?o }", *data)
    assert out == "true\n"
    _, out, _ = query(capsys, "CONSTRUCT { <https://w3id.org/regiongraph/id/kemerovo> ?p ?o } "
                              "WHERE { <https://w3id.org/regiongraph/id/kemerovo> ?p ?o "
                              "FILTER(?p = <http://www.w3.org/2000/01/rdf-schema#label>) }", *data)
    assert "@prefix rdfs:" in out
    assert 'id:kemerovo rdfs:label "Kemerovo"@en,' in out


def test_syntax_error_gives_line_and_column_and_exit_2(built, capsys):
    code, out, err = query(capsys, "SELECT ?x WHERE {\n  ?x ?y\n}", "--data",
                           str(built / "graph.nq"))
    assert code == 2
    assert out == ""
    assert err == "error: <query>:3:2: SPARQL syntax error: expected one of LATERAL, SERVICE, [_]\n"


def test_syntax_error_in_a_query_file_names_the_file(built, capsys, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("PREFIX rg: <https://w3id.org/regiongraph/ontology#>\nSELEC ?x {}\n")
    code, _, err = query(capsys, str(bad), "--data", str(built / "graph.nq"))
    assert code == 2
    assert err == f"error: {bad}:2:10: SPARQL syntax error: expected CONSTRUCT\n"


def test_missing_query_file_is_a_usage_error(built, capsys):
    code, _, err = query(capsys, "queries/nope.rq", "--data", str(built / "graph.nq"))
    assert code == 2
    assert err == "error: no such query file: queries/nope.rq\n"


def test_query_builds_the_graph_first_when_missing(project, capsys):
    code, out, err = query(capsys, HEADS, "--root", str(project), "--format", "csv")
    assert code == 0
    assert err == f"building the graph first: {project / 'out' / 'graph.nq'} is missing\n"
    assert out.endswith("2025-06,Ilya Seredyuk\r\n")
    assert (project / "out" / "graph.trig").exists()


def test_bad_option_exits_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "ASK {}", "--format", "xml"])
    assert exit_info.value.code == 2


def test_console_script_and_help_document_exit_codes():
    result = subprocess.run([sys.executable, "-m", "regiongraph.cli", "--help"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "exit codes:\n  0  success\n  1  bad input data" in result.stdout
    for command in ("build", "query", "view", "stats"):
        assert command in result.stdout


def test_readme_documents_every_command_and_query():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = next(a for a in parser()._actions if a.dest == "command").choices
    assert sorted(commands) == ["build", "enrich", "extract", "ingest", "link", "query", "review",
                                "stats", "view"]
    for command in commands:
        assert f"### `regiongraph {command}" in readme  # a section of its own
    assert "python build_graph.py" in readme
    for query_file in sorted((ROOT / "queries").rglob("*.rq")):
        assert query_file.relative_to(ROOT).as_posix() in readme


@pytest.mark.parametrize("command", ["build", "extract"])
def test_jobs_below_one_is_a_usage_error(command, capsys):
    args = [command, "--jobs", "0", *([str(ROOT / "data/articles/000_7bb269fab435b68d.txt")]
                                       if command == "extract" else [])]
    assert main([*args, "--root", str(ROOT)]) == 2
    assert capsys.readouterr().err == "error: --jobs must be 1 or more\n"
