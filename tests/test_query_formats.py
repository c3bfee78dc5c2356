"""regiongraph.query: exact output of every result format over a small two-graph fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from regiongraph.errors import DataError, QuerySyntaxError, UsageError
from regiongraph.query import format_result, open_store, read_query, run

FIXTURE = Path(__file__).parent / "fixtures" / "query_small.trig"

# Joins the registry graph (labels) with the curated graph (meetings); place is OPTIONAL and
# unbound for the second meeting.
MEETINGS = """\
PREFIX rg: <https://w3id.org/regiongraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?fact ?who ?label ?date ?place WHERE {
  ?fact a rg:Meeting ; rg:participant ?who ; rg:date ?date .
  ?who rdfs:label ?label .
  FILTER(lang(?label) = "ru")
  OPTIONAL { ?fact rg:place ?place }
}
ORDER BY ?fact
"""

ID = "https://w3id.org/regiongraph/id/"
FACT = "https://w3id.org/regiongraph/fact/"
GYM = "http://www.w3.org/2001/XMLSchema#gYearMonth"


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return open_store(FIXTURE)


@pytest.fixture(scope="module")
def meetings(store):
    return run(store, MEETINGS)


def test_select_result_holds_terms_and_none_for_unbound(meetings) -> None:
    assert meetings.kind == "select"
    assert meetings.variables == ("fact", "who", "label", "date", "place")
    assert len(meetings.rows) == 2
    assert meetings.rows[1][4] is None
    assert meetings.rows[0][2] == pyoxigraph.Literal("Сергей Цивилев", language="ru")


def test_select_table(meetings) -> None:
    assert format_result(meetings, "table") == (
        "fact            who          label           date     place\n"
        "──────────────  ───────────  ──────────────  ───────  ───────────\n"
        "fact:meeting-1  id:tsivilev  Сергей Цивилев  2024-01  id:kemerovo\n"
        "fact:meeting-2  id:kuzbass   Кузбасс         2024-03\n"
        "(2 rows)\n"
    )


def test_table_is_the_default_format(meetings) -> None:
    assert format_result(meetings) == format_result(meetings, "table")


def test_select_json(meetings) -> None:
    expected = {
        "head": {"vars": ["fact", "who", "label", "date", "place"]},
        "results": {"bindings": [
            {
                "fact": {"type": "uri", "value": FACT + "meeting-1"},
                "who": {"type": "uri", "value": ID + "tsivilev"},
                "label": {"type": "literal", "value": "Сергей Цивилев", "xml:lang": "ru"},
                "date": {"type": "literal", "value": "2024-01", "datatype": GYM},
                "place": {"type": "uri", "value": ID + "kemerovo"},
            },
            {
                "fact": {"type": "uri", "value": FACT + "meeting-2"},
                "who": {"type": "uri", "value": ID + "kuzbass"},
                "label": {"type": "literal", "value": "Кузбасс", "xml:lang": "ru"},
                "date": {"type": "literal", "value": "2024-03", "datatype": GYM},
            },
        ]},
    }
    assert format_result(meetings, "json") == (
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n")


def test_select_csv(meetings) -> None:
    assert format_result(meetings, "csv") == (
        "fact,who,label,date,place\r\n"
        f"{FACT}meeting-1,{ID}tsivilev,Сергей Цивилев,2024-01,{ID}kemerovo\r\n"
        f"{FACT}meeting-2,{ID}kuzbass,Кузбасс,2024-03,\r\n"
    )


def test_select_tsv(meetings) -> None:
    assert format_result(meetings, "tsv") == (
        "?fact\t?who\t?label\t?date\t?place\n"
        f'<{FACT}meeting-1>\t<{ID}tsivilev>\t"Сергей Цивилев"@ru\t"2024-01"^^<{GYM}>\t'
        f"<{ID}kemerovo>\n"
        f'<{FACT}meeting-2>\t<{ID}kuzbass>\t"Кузбасс"@ru\t"2024-03"^^<{GYM}>\t\n'
    )


@pytest.mark.parametrize(("fmt", "oxigraph_format"), [
    ("json", pyoxigraph.QueryResultsFormat.JSON),
    ("csv", pyoxigraph.QueryResultsFormat.CSV),
    ("tsv", pyoxigraph.QueryResultsFormat.TSV),
])
def test_w3c_formats_agree_with_oxigraphs_own_serializer(store, meetings, fmt,
                                                         oxigraph_format) -> None:
    theirs = store.query(MEETINGS, use_default_graph_as_union=True).serialize(
        format=oxigraph_format).decode()
    ours = format_result(meetings, fmt)
    if fmt == "json":
        assert json.loads(ours) == json.loads(theirs)
    else:
        assert ours == theirs


def test_formatting_twice_gives_the_same_text(meetings) -> None:
    assert format_result(meetings, "csv") == format_result(meetings, "csv")
    assert format_result(meetings, "json") == format_result(meetings, "json")


def test_json_layout_is_json_dumps_indent_2_for_every_kind_of_term(store) -> None:
    query = """SELECT ?a ?b ?c ?d ?e WHERE {
      VALUES (?a ?b ?c) { ("простой" "5"^^<http://www.w3.org/2001/XMLSchema#integer> "да"@ru)
                          (UNDEF UNDEF UNDEF) }
      BIND(BNODE() AS ?d)
      BIND(<<( <http://example.org/s> <http://example.org/p> "o"@en )>> AS ?e)
    }"""
    text = format_result(run(store, query), "json")
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    first, second = document["results"]["bindings"]
    assert first["a"] == {"type": "literal", "value": "простой"}
    assert first["c"] == {"type": "literal", "value": "да", "xml:lang": "ru"}
    assert first["d"] == {"type": "bnode", "value": "b0"}
    assert first["e"]["value"]["object"] == {"type": "literal", "value": "o", "xml:lang": "en"}
    assert set(second) == {"d", "e"}


def test_empty_select_in_every_format(store) -> None:
    result = run(store, "SELECT ?x WHERE { ?x <http://example.org/none> ?y }")
    assert format_result(result, "table") == "x\n─\n(0 rows)\n"
    assert format_result(result, "json") == (
        '{\n  "head": {\n    "vars": [\n      "x"\n    ]\n  },\n'
        '  "results": {\n    "bindings": []\n  }\n}\n')
    assert format_result(result, "csv") == "x\r\n"
    assert format_result(result, "tsv") == "?x\n"


def test_table_keeps_one_line_per_row_when_a_literal_has_line_breaks(store) -> None:
    first, second = "первая", "вторая"
    result = run(store, f'SELECT ?x WHERE {{ BIND("{first}\\n{second}" AS ?x) }}')
    shown = f"{first}\\n{second}"
    assert format_result(result, "table") == "x\n" + "─" * 14 + f"\n{shown}\n(1 row)\n"


def test_csv_quotes_and_tsv_escapes_special_characters(store) -> None:
    result = run(store, 'SELECT ?x WHERE { VALUES ?x { "a,\\"b\\"\\tc" } }')
    assert format_result(result, "csv") == 'x\r\n"a,""b""\tc"\r\n'
    assert format_result(result, "tsv") == '?x\n"a,\\"b\\"\\tc"\n'


def test_table_counts_wide_characters_twice_and_cuts_long_cells(store) -> None:
    long = "Ж" * 70
    query = f'SELECT ?x ?y WHERE {{ VALUES (?x ?y) {{ ("中文" "a") ("{long}" "b") }} }}'
    result = run(store, query)
    assert format_result(result, "table") == (
        "x" + " " * 61 + "y\n"
        + "─" * 60 + "  ─\n"
        + "中文" + " " * 58 + "a\n"
        + "Ж" * 59 + "…  b\n"
        + "(2 rows)\n"
    )


def test_table_one_row_shows_full_iri_outside_our_prefixes(store) -> None:
    result = run(store, "SELECT ?x WHERE { BIND(<http://example.org/x> AS ?x) }")
    assert format_result(result, "table") == (
        "x\n" + "─" * 22 + "\n<http://example.org/x>\n(1 row)\n")


def test_blank_nodes_get_stable_labels(store) -> None:
    result = run(store, "SELECT ?a ?b WHERE { BIND(BNODE() AS ?a) BIND(BNODE() AS ?b) }")
    assert format_result(result, "tsv") == "?a\t?b\n_:b0\t_:b1\n"


NOTHING = "ASK { ?s <http://example.org/none> ?o }"


@pytest.mark.parametrize(("query", "fmt", "expected"), [
    ("ASK { ?s ?p ?o }", "table", "true\n"),
    ("ASK { ?s ?p ?o }", "json", '{\n  "head": {},\n  "boolean": true\n}\n'),
    ("ASK { ?s ?p ?o }", "csv", "true\r\n"),
    ("ASK { ?s ?p ?o }", "tsv", "true\n"),
    (NOTHING, "table", "false\n"),
    (NOTHING, "json", '{\n  "head": {},\n  "boolean": false\n}\n'),
])
def test_ask(store, query, fmt, expected) -> None:
    result = run(store, query)
    assert result.kind == "ask"
    assert format_result(result, fmt) == expected


CONSTRUCT = """\
PREFIX rg: <https://w3id.org/regiongraph/ontology#>
CONSTRUCT { ?who rg:participant ?fact } WHERE { ?fact rg:participant ?who }
"""


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
def test_construct_prints_turtle_with_our_prefixes(store, fmt) -> None:
    result = run(store, CONSTRUCT)
    assert result.kind == "graph"
    text = format_result(result, fmt)
    expected = rdflib.Graph().parse(data=f"""
        @prefix rg: <https://w3id.org/regiongraph/ontology#> .
        <{ID}tsivilev> rg:participant <{FACT}meeting-1> .
        <{ID}kuzbass> rg:participant <{FACT}meeting-2> .
    """, format="turtle")
    assert isomorphic(rdflib.Graph().parse(data=text, format="turtle"), expected)
    assert "@prefix id: <https://w3id.org/regiongraph/id/> ." in text
    assert "id:kuzbass rg:participant fact:meeting-2 ." in text


def test_describe_keeps_typed_literals(store) -> None:
    text = format_result(run(store, f"DESCRIBE <{FACT}meeting-1>"), "table")
    graph = rdflib.Graph().parse(data=text, format="turtle")
    date = rdflib.Literal("2024-01", datatype=rdflib.URIRef(GYM))
    assert (rdflib.URIRef(FACT + "meeting-1"),
            rdflib.URIRef("https://w3id.org/regiongraph/ontology#date"), date) in graph
    assert len(graph) == 4


def test_default_graph_is_the_union_of_named_graphs(store) -> None:
    # rdf:type triples sit in both graphs: 3 entities in registry, 2 meetings in curated.
    result = run(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }")
    assert format_result(result, "csv") == "n\r\n5\r\n"
    graphs = run(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert format_result(graphs, "table") == (
        "g\n──────────────\ngraph:curated\ngraph:registry\n(2 rows)\n")


def test_syntax_error_names_source_line_and_column(store) -> None:
    query = "SELECT ?x WHERE {\n  ?x ?p ?o\n  OPTIONAL ?x }"
    with pytest.raises(QuerySyntaxError) as caught:
        run(store, query)
    assert str(caught.value) == '<query>:3:12: SPARQL syntax error: expected "{"'
    assert caught.value.exit_code == 2


def test_syntax_error_keeps_the_sentence_from_a_long_token_list(store) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        run(store, "SELECT ?x WHERE {\n  ?x foo:bar ?o }", source="queries/broken.rq")
    assert str(caught.value) == "queries/broken.rq:2:13: SPARQL syntax error: Prefix not found"


def test_unknown_format_is_a_usage_error(meetings) -> None:
    with pytest.raises(UsageError, match="unknown output format 'xml'"):
        format_result(meetings, "xml")


def test_missing_data_file_is_a_usage_error(tmp_path) -> None:
    missing = tmp_path / "graph.nq"
    with pytest.raises(UsageError) as caught:
        open_store(missing)
    assert str(caught.value) == f"no such data file: {missing}"


def test_unknown_data_extension_is_a_usage_error(tmp_path) -> None:
    with pytest.raises(UsageError, match=r"unknown data format '\.csv'"):
        open_store(tmp_path / "graph.csv")


def test_broken_data_file_is_a_data_error_with_its_line(tmp_path) -> None:
    broken = tmp_path / "graph.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b .\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        open_store(broken)
    assert caught.value.line == 2
    assert str(caught.value).startswith(f"{broken}:2: not valid Turtle: ")


@pytest.mark.parametrize(("name", "rdf_format"), [
    ("graph.nq", pyoxigraph.RdfFormat.N_QUADS),
    ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD),
    ("graph.ttl", pyoxigraph.RdfFormat.TURTLE),
    ("graph.nt", pyoxigraph.RdfFormat.N_TRIPLES),
])
def test_open_store_reads_every_output_format(tmp_path, store, name, rdf_format) -> None:
    quads = list(store)
    # Turtle and N-Triples hold triples only: the union graph, as build writes graph.ttl.
    data = quads if rdf_format.supports_datasets else [quad.triple for quad in quads]
    path = tmp_path / name
    path.write_bytes(pyoxigraph.serialize(data, format=rdf_format))
    assert format_result(run(open_store(path), MEETINGS), "tsv") == (
        format_result(run(store, MEETINGS), "tsv"))


def test_query_read_from_rq_file(tmp_path, store) -> None:
    path = tmp_path / "meetings.rq"
    path.write_text(MEETINGS, encoding="utf-8")
    text, source = read_query(str(path))
    assert (text, source) == (MEETINGS, str(path))
    assert format_result(run(store, text, source), "csv").count("\r\n") == 3


def test_syntax_error_in_rq_file_names_the_file(tmp_path, store) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("SELECT ?x WHERE {\n  ?x ?p ?o\n  OPTIONAL ?x }\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError) as caught:
        run(store, *read_query(str(path)))
    assert str(caught.value).startswith(f"{path}:3:12: SPARQL syntax error: ")


def test_missing_rq_file_is_a_usage_error(tmp_path) -> None:
    missing = str(tmp_path / "nothing.rq")
    with pytest.raises(UsageError) as caught:
        read_query(missing)
    assert str(caught.value) == f"no such query file: {missing}"


def test_query_text_is_taken_as_is() -> None:
    query = "SELECT * WHERE { ?s ?p ?o } # like queries/x.rq"
    assert read_query(query) == (query, "<query>")
    long = "SELECT * WHERE { ?s ?p ?o }" + " " * 5000
    assert read_query(long) == (long, "<query>")
