"""Federated SPARQL: queries whose SERVICE clauses join our graph with remote endpoints.

Input: a built graph file, a query that contains SERVICE, and optionally a map from SERVICE
IRIs to the URLs to send them to. Output: the same `query.Result` as `query.run`, so the
answer prints in the same formats.

Why not Oxigraph. pyoxigraph 0.5 does execute SERVICE: its HTTP client POSTs the pattern to
the endpoint. But it sends the pattern alone, without the solutions the rest of the query has
found. In `?place owl:sameAs ?item . SERVICE <https://query.wikidata.org/sparql> { ?item
wdt:P1082 ?population }` it asks Wikidata for the population of every item Wikidata has (millions
of rows) and joins them locally. Its Python binding has no hook for a service handler, so
queries that contain SERVICE run on rdflib's SPARQL engine instead, with our own evaluator for
SERVICE plugged in through rdflib's CUSTOM_EVALS hook. Queries without SERVICE still run on
Oxigraph.

How a SERVICE is evaluated. The pattern is evaluated once per solution of what precedes it
in its group (a lazy join, forced here even where rdflib's own analysis would not make the join
lazy). For each solution, the variables of the pattern that it binds are sent first, as an
inline VALUES block, so the endpoint evaluates the pattern for those values only:

    PREFIX wdt: <http://www.wikidata.org/prop/direct/>
    SELECT * WHERE {
    VALUES (?item) { (<ITEM OF THE LOCAL SOLUTION>) }
     OPTIONAL { ?item wdt:P1082 ?population } }

An identical request is sent only once. Requests are GET (POST when long), ask for
application/sparql-results+json, name regiongraph in the User-Agent (as Wikidata's policy asks)
and time out after SERVICE_TIMEOUT seconds. rdflib's built-in SERVICE is not used: it appends
the VALUES block after the query (where it restricts nothing before the pattern is evaluated),
sends every bound variable, has no timeout, and finds nothing when the service is named by a
prefixed name. A failing endpoint stops the query with a ServiceError (exit code 1) that names
it, unless the clause says SERVICE SILENT, which then gives one empty solution, as SPARQL 1.1
Federated Query says.

`services` (`regiongraph query --service IRI=URL`) sends a SERVICE IRI to another URL: a mirror
of the endpoint, or a local test server. The query itself is not rewritten.

To keep the answer's order stable, give the query an ORDER BY: rdflib and Oxigraph both leave
the order of unordered solutions undefined.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import BNode, Dataset, Literal, URIRef, Variable
from rdflib.plugins import sparql as rdflib_sparql
from rdflib.plugins.sparql.evaluate import evalPart
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import FrozenBindings, QueryContext
from rdflib.term import Node

from . import __version__
from .errors import DataError, QuerySyntaxError, RegiongraphError, UsageError
from .query import DATA_FORMATS, Result

#: Seconds to wait for one answer of a remote endpoint (Wikidata stops queries at 60 s).
SERVICE_TIMEOUT = 60
#: Longer requests are POSTed: some servers refuse long URLs.
MAX_GET = 2000
USER_AGENT = f"regiongraph/{__version__} (https://w3id.org/regiongraph/; SPARQL federation)"

#: Parts of SPARQL text that may contain the word SERVICE without being the keyword.
_NOT_CODE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                       r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                       r'|<[^<>"{}|^`\\\x00-\x20]*>' r"|#[^\n]*")
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_HANDLER = "regiongraph-service"


class ServiceError(RegiongraphError):
    """A SERVICE endpoint could not be reached or gave no usable answer (exit code 1)."""


def uses_service(text: str) -> bool:
    """Whether the query has a SERVICE clause (the word in a string, IRI or comment is not)."""
    return bool(_SERVICE.search(_NOT_CODE.sub(" ", text)))


def parse_services(specs: list[str]) -> dict[str, str]:
    """`["IRI=URL", ...]` as {IRI: URL}; both must be http(s) IRIs."""
    services = {}
    for spec in specs:
        iri, sep, url = spec.partition("=")
        iri, url = iri.strip(), url.strip()
        if not sep or not _http(iri) or not _http(url):
            raise UsageError(f"--service takes IRI=URL, both http(s), e.g. "
                             f"https://query.wikidata.org/sparql=http://127.0.0.1:8000/sparql; "
                             f"got '{spec}'")
        services[iri] = url
    return services


def _http(text: str) -> bool:
    parsed = urllib.parse.urlparse(text)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def run_federated(data: Path, text: str, source: str = "<query>",
                  services: dict[str, str] | None = None) -> Result:
    """Run a query that contains SERVICE on the graph file `data` (the union of its named
    graphs is the default graph, as in `query.run`) and materialise its answer."""
    try:
        prepared = rdflib_sparql.prepareQuery(text)
    except ParseException as error:
        raise QuerySyntaxError(f"{source}:{error.lineno}:{error.col}: SPARQL syntax error: "
                               f"{error.msg}") from None
    dataset = _load(Path(data))
    client = _Client(services or {})
    blanks: dict[BNode, ox.BlankNode] = {}

    def convert(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(term, BNode):
            return blanks.setdefault(term, ox.BlankNode())
        return _ox(term)

    with _service_handler(client):
        answer = dataset.query(prepared)
        if answer.type == "ASK":
            return Result("ask", boolean=bool(answer.askAnswer))
        if answer.type == "SELECT":
            variables = tuple(str(v) for v in answer.vars or ())
            rows = [tuple(convert(row[v]) if row[v] is not None else None
                          for v in answer.vars or ()) for row in answer]
            return Result("select", variables=variables, rows=rows)
        triples = [ox.Triple(*(convert(term) for term in triple)) for triple in answer]
        return Result("graph", triples=triples)


def _load(path: Path) -> Dataset:
    formats = {".nq": "nquads", ".trig": "trig", ".ttl": "turtle", ".jsonld": "json-ld",
               ".nt": "nt"}
    if path.suffix.lower() not in formats:
        raise UsageError(f"{path}: unknown data format '{path.suffix}' "
                         f"(use one of {', '.join(DATA_FORMATS)})")
    if not path.is_file():
        raise UsageError(f"no such data file: {path}")
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format=formats[path.suffix.lower()])
    except Exception as error:  # rdflib raises many parser types; all mean a bad file
        raise DataError(path, f"not valid {formats[path.suffix.lower()]}: {error}") from None
    return dataset


@contextmanager
def _service_handler(client: _Client) -> Iterator[None]:
    """Our SERVICE evaluator in rdflib's CUSTOM_EVALS for the duration of one query."""
    rdflib_sparql.CUSTOM_EVALS[_HANDLER] = _evaluator(client)
    try:
        yield
    finally:
        rdflib_sparql.CUSTOM_EVALS.pop(_HANDLER, None)


def _evaluator(client: _Client) -> Callable[[QueryContext, CompValue], Iterator]:
    """rdflib calls this for every algebra node; NotImplementedError means "not ours". It must
    raise at once, so it is a plain function returning generators, not a generator itself."""

    def evaluate(ctx: QueryContext, part: CompValue) -> Iterator[FrozenBindings]:
        if part.name == "ServiceGraphPattern":
            return _service(ctx, part, client)
        if part.name == "Join" and getattr(part.p2, "name", None) == "ServiceGraphPattern":
            return _lazy_join(ctx, part, client)
        raise NotImplementedError

    return evaluate


def _lazy_join(ctx: QueryContext, join: CompValue, client: _Client) -> Iterator[FrozenBindings]:
    for left in evalPart(ctx, join.p1):
        for right in _service(ctx.thaw(left), join.p2, client):
            yield right.merge(left)


def _service(ctx: QueryContext, part: CompValue, client: _Client) -> Iterator[FrozenBindings]:
    iri = str(part.term)
    text = str(part.service_string)
    pattern = text[text.index("{") + 1:text.rindex("}")]
    variables = sorted((v for v in dict.get(part, "_vars", ()) if isinstance(v, Variable)),
                       key=str)
    bound = [(v, ctx[v]) for v in variables if ctx[v] is not None]
    query = _service_query(ctx, pattern, bound)
    try:
        rows = client.select(iri, query)
    except ServiceError:
        if "silent" in part:  # (CompValue.get answers a missing key with the key's name)
            yield FrozenBindings(ctx, {})
            return
        raise
    for row in rows:
        yield FrozenBindings(ctx, row)


def _service_query(ctx: QueryContext, pattern: str, bound: list[tuple[Variable, Node]]) -> str:
    """The prefixes the pattern uses, then SELECT * with the bound values first."""
    prologue = ctx.prologue
    lines = []
    if prologue is not None:
        if prologue.base:
            lines.append(f"BASE <{prologue.base}>")
        for prefix, namespace in sorted(prologue.namespace_manager.namespaces()):
            if re.search(rf"(?<![\w.-]){re.escape(prefix)}:", pattern):
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    lines.append("SELECT * WHERE {")
    if bound:
        names = " ".join(v.n3() for v, _ in bound)
        values = " ".join(term.n3() for _, term in bound)
        lines.append(f"VALUES ({names}) {{ ({values}) }}")
    lines.append(pattern.strip("\n") + " }")
    return "\n".join(lines)


class _Client:
    """HTTP for SERVICE: SPARQL 1.1 protocol, JSON results, one request per distinct query."""

    def __init__(self, services: dict[str, str]) -> None:
        self.services = services
        self.answers: dict[tuple[str, str], list[dict[Variable, Node]]] = {}

    def select(self, iri: str, query: str) -> list[dict[Variable, Node]]:
        url = self.services.get(iri, iri)
        key = (url, query)
        if key not in self.answers:
            self.answers[key] = _bindings(self._fetch(iri, url, query), iri, url)
        return self.answers[key]

    def _fetch(self, iri: str, url: str, query: str) -> bytes:
        if not _http(url):
            raise ServiceError(f"SERVICE <{iri}>: only http(s) endpoints can be queried")
        headers = {"Accept": "application/sparql-results+json", "User-Agent": USER_AGENT}
        encoded = urllib.parse.urlencode({"query": query})
        if len(encoded) <= MAX_GET:
            request = urllib.request.Request(f"{url}{'&' if '?' in url else '?'}{encoded}",
                                             headers=headers)
        else:
            request = urllib.request.Request(url, data=encoded.encode("ascii"), headers={
                **headers, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=SERVICE_TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read(300).decode("utf-8", "replace").strip().splitlines()
            raise ServiceError(f"SERVICE <{iri}>: {url} answered HTTP {error.code}"
                               f"{': ' + detail[0] if detail else ''}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", None) or error
            hint = "" if iri in self.services else (
                f"; check the network, or send it to a mirror with --service {iri}=URL")
            raise ServiceError(f"SERVICE <{iri}>: cannot reach {url} ({reason}){hint}") from None


def _bindings(body: bytes, iri: str, url: str) -> list[dict[Variable, Node]]:
    """SPARQL 1.1 Query Results JSON as rdflib bindings."""
    try:
        document = json.loads(body)
        rows = document["results"]["bindings"]
        return [{Variable(name): _term(value) for name, value in row.items()} for row in rows]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ServiceError(f"SERVICE <{iri}>: {url} did not answer SPARQL JSON results "
                           f"({error})") from None


def _term(value: dict) -> Node:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        return Literal(value["value"], datatype=URIRef(datatype) if datatype else None)
    raise ValueError(f"unknown term type {kind!r}")


def _ox(term: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise UsageError(f"cannot print the term {term!r}")
