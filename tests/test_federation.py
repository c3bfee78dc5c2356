"""Federated queries (regiongraph/federation.py, queries/federated/) against a local endpoint.

No test here reaches the internet. A small SPARQL 1.1 protocol server on 127.0.0.1 (an ephemeral
port, this process only) answers GET and POST queries with application/sparql-results+json
computed by pyoxigraph over fixtures/wikidata_small.nt: Wikidata-shaped triples (wdt:P1082
population, wdt:P6 head of government, wdt:P35 head of state, rdfs:label) for Q6076 (Kemerovo
Oblast), Q6066 (Kemerovo) and Q184 (Belarus). They are fixture values in Wikidata's shape, not
checked facts; Q900000001 and Q900000002 are made-up items, the second a decoy that no query
should return. `--service https://query.wikidata.org/sparql=http://127.0.0.1:PORT/sparql` sends
the queries' SERVICE clauses there.
"""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest

from regiongraph.cli import main
from regiongraph.federation import uses_service

from .conftest import ROOT

WIKIDATA = "https://query.wikidata.org/sparql"
FIXTURE = Path(__file__).parent / "fixtures" / "wikidata_small.nt"
FEDERATED = ROOT / "queries" / "federated"
WD = "http://www.wikidata.org/entity/"
ID = "https://w3id.org/regiongraph/id/"
DECIMAL = "<http://www.w3.org/2001/XMLSchema#decimal>"


@dataclass
class Endpoint:
    url: str
    queries: list[tuple[str, str]] = field(default_factory=list)  # (HTTP method, query)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[Endpoint]:
    store = ox.Store()
    store.load(path=FIXTURE, format=ox.RdfFormat.N_TRIPLES)
    served: list[tuple[str, str]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            self.answer("GET", query.get("query", [""])[0])

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            if self.headers.get("Content-Type", "").startswith("application/sparql-query"):
                self.answer("POST", body)
            else:
                self.answer("POST", urllib.parse.parse_qs(body).get("query", [""])[0])

        def answer(self, method: str, query: str) -> None:
            served.append((method, query))
            try:
                body = store.query(query).serialize(format=ox.QueryResultsFormat.JSON)
            except (SyntaxError, RuntimeError, OSError) as error:  # as an endpoint would: 400
                self.send(400, "text/plain", str(error).encode("utf-8"))
                return
            self.send(200, "application/sparql-results+json", body)

        def send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Endpoint(f"http://127.0.0.1:{server.server_address[1]}/sparql", served)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def federated(capsys, built: Path, query: str, *args: str) -> tuple[int, list[str], str]:
    code = main(["query", query, "--data", str(built / "graph.nq"), "--format", "tsv", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_regions_query_joins_our_links_with_the_endpoint(built, capsys, endpoint):
    endpoint.queries.clear()
    code, lines, err = federated(capsys, built, str(FEDERATED / "regions.rq"),
                                 "--service", f"{WIKIDATA}={endpoint.url}")
    assert (code, err) == (0, "")
    assert lines == [
        "?place\t?placeLabel\t?item\t?population\t?head\t?headLabel",
        f'<{ID}kemerovo>\t"Кемерово"@ru\t<{WD}Q6066>\t"557119"^^{DECIMAL}\t'
        f'<{WD}Q900000001>\t"Глава города (тестовый)"@ru',
        f'<{ID}kuzbass>\t"Кузбасс"@ru\t<{WD}Q6076>\t"2600923"^^{DECIMAL}\t'
        f'<{WD}Q28665472>\t"Илья Середюк"@ru',
        f'<{ID}minsk>\t"Минск"@ru\t<{WD}Q2280>\t\t\t',  # linked, but the endpoint knows nothing
    ]
    # one request per linked place, each restricted to that place's item by VALUES
    assert sorted(q.split("VALUES (?item) { (", 1)[1].split(")", 1)[0]
                  for _, q in endpoint.queries) == [f"<{WD}Q2280>", f"<{WD}Q6066>",
                                                    f"<{WD}Q6076>"]
    assert all(method == "GET" for method, _ in endpoint.queries)


def test_countries_query_sets_geonames_population_beside_wikidata(built, capsys, endpoint):
    code, lines, err = federated(capsys, built, str(FEDERATED / "countries.rq"),
                                 "--service", f"{WIKIDATA}={endpoint.url}", "--format", "csv")
    assert (code, err) == (0, "")
    assert lines == [
        "country,countryLabel,item,population,geonamesPopulation,headOfState,headOfStateLabel,"
        "headOfGovernment,headOfGovernmentLabel",
        f"{ID}india,Индия,{WD}Q668,,1352617328,,,,",
        f"{ID}china,Китай,{WD}Q148,,1411778724,,,,",
        f"{ID}belarus,Республика Беларусь,{WD}Q184,9155978,9485386,{WD}Q2866,"
        "Александр Лукашенко,,",
        f"{ID}russia,Россия,{WD}Q159,,144478050,,,,",
    ]


def test_heads_query_compares_dated_heads_with_wikidata(built, capsys, endpoint):
    code, lines, err = federated(capsys, built, str(FEDERATED / "heads.rq"),
                                 "--service", f"{WIKIDATA}={endpoint.url}", "--format", "csv")
    assert (code, err) == (0, "")
    assert lines == [
        "region,regionLabel,attested,holder,holderLabel,wikidataHead,sameAsWikidata",
        f"{ID}kuzbass,Кузбасс,2024-01,{ID}sergey-tsivilev,Сергей Цивилев,{WD}Q28665472,false",
        f"{ID}kuzbass,Кузбасс,2025-06,{ID}ilya-seredyuk,Илья Середюк,{WD}Q28665472,true",
    ]


def test_every_federated_query_says_it_needs_the_internet():
    queries = sorted(FEDERATED.glob("*.rq"))
    assert [q.stem for q in queries] == ["countries", "heads", "regions"]
    for query in queries:
        text = query.read_text(encoding="utf-8")
        assert text.startswith("#+ summary: ")
        assert "#+ needs: the internet" in text
        assert f"SERVICE <{WIKIDATA}>" in text
        assert uses_service(text)


def test_unreachable_endpoint_is_one_line_and_exit_1(built, capsys):
    with socket.socket() as closed:  # a port nothing listens on: refused at once, no network
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    code, lines, err = federated(capsys, built, str(FEDERATED / "regions.rq"),
                                 "--service", f"{WIKIDATA}=http://127.0.0.1:{port}/sparql")
    assert (code, lines) == (1, [])
    assert err.startswith(f"error: SERVICE <{WIKIDATA}>: cannot reach "
                          f"http://127.0.0.1:{port}/sparql (")
    assert err.count("\n") == 1


def test_service_silent_gives_an_empty_solution_when_the_endpoint_fails(built, capsys):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    query = (f"SELECT ?x ?y WHERE {{ BIND(1 AS ?x) SERVICE SILENT <http://127.0.0.1:{port}/s> "
             "{ ?y ?p ?o } }")
    code, lines, err = federated(capsys, built, query)
    assert (code, err) == (0, "")
    assert lines == ["?x\t?y", '"1"^^<http://www.w3.org/2001/XMLSchema#integer>\t']


def test_service_named_by_a_prefixed_name_and_endpoint_errors(built, capsys, endpoint):
    query = ("PREFIX wds: <https://query.wikidata.org/>\n"
             "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
             "SELECT ?population WHERE { SERVICE wds:sparql { "
             f"<{WD}Q6076> wdt:P1082 ?population }} }}")
    code, lines, _ = federated(capsys, built, query, "--service", f"{WIKIDATA}={endpoint.url}")
    assert (code, lines) == (0, ["?population", f'"2600923"^^{DECIMAL}'])
    # a pattern the endpoint cannot parse: its HTTP 400 is reported, not a traceback
    broken = f"SELECT * WHERE {{ SERVICE <{WIKIDATA}> {{ ?s ?p ?o FILTER(<urn:x:f>(?o)) }} }}"
    code, lines, err = federated(capsys, built, broken, "--service", f"{WIKIDATA}={endpoint.url}")
    assert code == 1
    assert err.startswith(f"error: SERVICE <{WIKIDATA}>: {endpoint.url} answered HTTP 400")


def test_a_long_service_request_is_posted(built, capsys, endpoint):
    endpoint.queries.clear()
    padding = "# " + "x" * 2500 + "\n"  # the pattern goes as written, comments included
    query = (f"SELECT ?population WHERE {{ SERVICE <{WIKIDATA}> {{ {padding}"
             f"<{WD}Q6066> <http://www.wikidata.org/prop/direct/P1082> ?population }} }}")
    code, lines, _ = federated(capsys, built, query, "--service", f"{WIKIDATA}={endpoint.url}")
    assert (code, lines) == (0, ["?population", f'"557119"^^{DECIMAL}'])
    assert [method for method, _ in endpoint.queries] == ["POST"]


def test_bad_service_option_and_syntax_errors_exit_2(built, capsys):
    code, _, err = federated(capsys, built, "ASK {}", "--service", "wikidata")
    assert code == 2
    assert err.startswith("error: --service takes IRI=URL")
    code, _, err = federated(capsys, built, f"SELECT * WHERE {{ SERVICE <{WIKIDATA}> {{ ?s }} }}")
    assert code == 2
    assert err.startswith("error: <query>:1:")
    assert "SPARQL syntax error" in err


@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * WHERE { SERVICE <http://x/s> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x/s> { ?s ?p ?o } }", True),
    ('SELECT * WHERE { ?s ?p "SERVICE" }', False),
    ("# SERVICE in a comment\nSELECT * WHERE { ?s <http://x/SERVICE> ?o }", False),
    ("SELECT ?serviceDate WHERE { ?s ?p ?serviceDate }", False),
])
def test_uses_service_sees_only_the_keyword(text, expected):
    assert uses_service(text) is expected
