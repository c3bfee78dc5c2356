"""SPARQL 1.1 over a built graph: load once, query many times, print in W3C result formats.

Input: one serialised build output (graph.nq, graph.trig, graph.ttl, graph.jsonld) and a query,
as text or as a `queries/*.rq` file. Output: a `Result` that holds the answer materialised once,
so the same answer can be printed as a terminal table, W3C SPARQL 1.1 JSON, CSV or TSV without
running the query again. CONSTRUCT and DESCRIBE answers print as Turtle with our prefixes.

pyoxigraph runs the queries: its in-memory store parses the file once (in Rust) and answers
each query without re-reading the data, which is what the query times in the README measure.
The data lives in named graphs (ontology, registry, sources, curated), so queries run with the
union of all named graphs as the default graph: `?s ?p ?o` sees every fact, and `GRAPH ?g`
still picks out one graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal as Kind

import pyoxigraph as ox
import rdflib

from .errors import DataError, QuerySyntaxError, UsageError
from .rdf import PREFIXES

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = tuple[Term | None, ...]

#: Output formats of `format_result`, the first one the default.
FORMATS = ("table", "json", "csv", "tsv")

#: Data formats `open_store` reads, by file extension.
DATA_FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
}

#: A query argument with one of these endings is meant as a file, never as SPARQL text.
QUERY_SUFFIXES = (".rq", ".sparql")

#: Table cells wider than this (in terminal columns) are cut and end with an ellipsis.
MAX_CELL_WIDTH = 60

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Longest namespace first, so an IRI compacts with its most specific prefix. rdf: is not in
# PREFIXES (rdflib binds it anyway) but rdf:type is too common in answers to print in full.
_DISPLAY_PREFIXES = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
_NAMESPACES = sorted(((ns, prefix) for prefix, ns in _DISPLAY_PREFIXES.items()),
                     key=lambda item: -len(item[0]))

_SYNTAX_AT = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_CONTROL = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})
# Characters one terminal column wide and not combining: Latin, Cyrillic (without its combining
# marks U+0483-U+0489), general punctuation, currency and letterlike symbols (№). A cell made
# of these alone is as wide as it is long; only other cells are measured character by character.
_NARROW = re.compile("[\u0020-\u02ff\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e"
                     "\u20a0-\u20c0\u2100-\u214f]*")


@dataclass(frozen=True)
class Result:
    """One query's answer, materialised once so it can be formatted in several ways.

    `kind` is "select" (then `variables` and `rows`, one tuple per solution in variable order,
    None where a variable is unbound), "ask" (then `boolean`) or "graph" for CONSTRUCT and
    DESCRIBE (then `triples`).
    """

    kind: Kind["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def open_store(path: Path) -> ox.Store:
    """Load one RDF file into an in-memory store, the format chosen by the file's extension.

    In memory because a built graph is small and read-only here: no database folder to create,
    lock or clean up, and parsing happens once however many queries follow.
    """
    path = Path(path)
    rdf_format = DATA_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        known = ", ".join(DATA_FORMATS)
        raise UsageError(f"{path}: unknown data format '{path.suffix}' (use one of {known})")
    if not path.is_file():
        raise UsageError(f"no such data file: {path}")
    store = ox.Store()
    try:
        store.load(path=path, format=rdf_format)
    except SyntaxError as error:
        text = " ".join(str(error).split())
        found = re.search(r"line (\d+)", text)
        raise DataError(path, f"not valid {rdf_format.name}: {text}",
                        line=int(found.group(1)) if found else None) from None
    except OSError as error:
        raise UsageError(f"cannot read data file {path}: {error.strerror or error}") from None
    return store


def read_query(arg: str) -> tuple[str, str]:
    """Return (SPARQL text, source name) for a query given as a file path or as the text itself.

    One argument serves both uses, so `regiongraph query queries/x.rq` and
    `regiongraph query 'SELECT ...'` work alike. An argument that looks like a query file but
    does not exist is an error, not a query: otherwise a typo in a file name would surface as a
    baffling SPARQL syntax error about the path.
    """
    path = Path(arg)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # long query text is no valid file name
        is_file = False
    if is_file:
        try:
            return path.read_text(encoding="utf-8"), arg
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read query file {arg}: {error}") from None
    if path.suffix.lower() in QUERY_SUFFIXES and "{" not in arg and "\n" not in arg:
        raise UsageError(f"no such query file: {arg}")
    return arg, "<query>"


def run(store: ox.Store, query_text: str, source: str = "<query>") -> Result:
    """Run one SPARQL query over the union of all named graphs and materialise its answer.

    Materialising here means the time spent in `run` is the whole query time (pyoxigraph
    evaluates lazily), and that the answer can be formatted more than once.
    """
    try:
        answer = store.query(query_text, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QuerySyntaxError(syntax_message(source, str(error))) from None
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = tuple(variable.value for variable in answer.variables)
        return Result("select", variables=variables, rows=[tuple(row) for row in answer])
    return Result("graph", triples=list(answer))


def syntax_message(source: str, error: str) -> str:
    """`<source>:<line>:<col>: SPARQL syntax error: <detail>` from pyoxigraph's error text.

    pyoxigraph says "error at 3:2: expected one of ..." and lists every token the grammar would
    take, sometimes over several lines; when that list holds a sentence ("Prefix not found")
    the sentence is the useful part, so only it is kept, and the message stays on one line.
    """
    found = _SYNTAX_AT.match(error.strip())
    if found is None:
        return f"{source}: SPARQL syntax error: {' '.join(error.split())}"
    line, column, detail = found.groups()
    return f"{source}:{line}:{column}: SPARQL syntax error: {_readable(detail)}"


def _readable(detail: str) -> str:
    detail = " ".join(detail.split())
    for lead in ("expected one of ", "expected "):
        if detail.startswith(lead):
            sentences = [alt for alt in _alternatives(detail[len(lead):])
                         if " " in alt and alt[0].isalpha()]
            if sentences:
                return "; ".join(sentences)
            break
    return detail


def _alternatives(listing: str) -> list[str]:
    """Split "A, ['x' | 'y'], \",\", B" at the top-level commas only."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(listing):
        if quote:
            if char == quote and listing[index - 1] != "\\":
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0 and listing.startswith(", ", index):
            parts.append(listing[start:index].strip())
            start = index + 2
    parts.append(listing[start:].strip())
    return parts


def format_result(result: Result, fmt: str = "table") -> str:
    """The answer as text in one of FORMATS; CONSTRUCT/DESCRIBE answers are Turtle in any.

    The text ends with a line break (CSV: CRLF, as RFC 4180 and the W3C note ask), so callers
    write it as it is instead of print()ing it.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format '{fmt}' (use one of {', '.join(FORMATS)})")
    if result.kind == "graph":
        return turtle(result.triples)
    if result.kind == "ask":
        return _ask(bool(result.boolean), fmt)
    return {"table": table, "json": results_json, "csv": results_csv,
            "tsv": results_tsv}[fmt](result)


def _ask(value: bool, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}, indent=2) + "\n"
    return ("true" if value else "false") + ("\r\n" if fmt == "csv" else "\n")


# --- W3C SPARQL 1.1 Query Results formats -------------------------------------------------


class _BlankLabels:
    """Blank node labels b0, b1, ... in order of appearance.

    pyoxigraph labels blank nodes with random hex, which would make the same answer print
    differently on every run; result formats scope labels to one answer, so renaming is safe.
    """

    def __init__(self) -> None:
        self.labels: dict[str, str] = {}

    def __call__(self, node: ox.BlankNode) -> str:
        return self.labels.setdefault(node.value, f"b{len(self.labels)}")


def results_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/).

    The text is exactly `json.dumps(document, ensure_ascii=False, indent=2)`, written out here
    because json's indenting encoder is pure Python and several times slower on big answers;
    each distinct term is encoded once.
    """
    blank = _BlankLabels()
    encoded: dict[Term, str] = {}
    bindings = []
    for row in result.rows:
        fields = []
        for name, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            text = encoded.get(term)
            if text is None:
                text = encoded[term] = _json_text(term, blank)
            fields.append(f"        {_string(name)}: {text}")
        bindings.append("{\n" + ",\n".join(fields) + "\n      }" if fields else "{}")
    head = {"vars": list(result.variables)}
    return ('{\n  "head": ' + _dump(head, 1) + ',\n  "results": {\n    "bindings": '
            + _list(bindings, 2) + "\n  }\n}\n")


_string = json.JSONEncoder(ensure_ascii=False).encode


def _json_text(term: Term, blank: _BlankLabels) -> str:
    """One binding's term object as it sits 4 levels deep; IRIs and literals without recursion."""
    if isinstance(term, ox.NamedNode):
        return ('{\n          "type": "uri",\n          "value": ' + _string(term.value)
                + "\n        }")
    if isinstance(term, ox.Literal) and term.direction is None:
        text = '{\n          "type": "literal",\n          "value": ' + _string(term.value)
        if term.language:
            text += ',\n          "xml:lang": ' + _string(term.language)
        elif term.datatype.value != XSD_STRING:
            text += ',\n          "datatype": ' + _string(term.datatype.value)
        return text + "\n        }"
    return _dump(_json_term(term, blank), 4)


def _dump(value: object, depth: int) -> str:
    """`value` as json.dumps(indent=2, ensure_ascii=False) lays it out `depth` levels deep."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        pad = "  " * (depth + 1)
        items = [f"{pad}{_string(key)}: {_dump(item, depth + 1)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    if isinstance(value, list):
        return _list([_dump(item, depth + 1) for item in value], depth)
    return _string(value)


def _list(items: list[str], depth: int) -> str:
    if not items:
        return "[]"
    pad = "  " * (depth + 1)
    return "[\n" + ",\n".join(pad + item for item in items) + "\n" + "  " * depth + "]"


def _json_term(term: Term, blank: _BlankLabels) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": blank(term)}
    if isinstance(term, ox.Literal):
        encoded: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            encoded["xml:lang"] = term.language
            if term.direction is not None:
                encoded["its:dir"] = str(term.direction)
        elif term.datatype.value != XSD_STRING:
            encoded["datatype"] = term.datatype.value
        return encoded
    return {"type": "triple", "value": {  # SPARQL 1.2 triple term
        "subject": _json_term(term.subject, blank),
        "predicate": _json_term(term.predicate, blank),
        "object": _json_term(term.object, blank)}}


def results_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV (https://www.w3.org/TR/sparql11-results-csv-tsv/).

    Plain values, no types or languages: meant for spreadsheets, it loses information by design.
    """
    blank = _BlankLabels()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([_plain(term, blank) for term in row] for row in result.rows)
    return out.getvalue()


def _plain(term: Term | None, blank: _BlankLabels) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + blank(term)
    return _nt(term, blank)


def results_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: every term in N-Triples syntax, so nothing is lost."""
    blank = _BlankLabels()
    lines = ["\t".join("?" + name for name in result.variables)]
    lines.extend("\t".join("" if term is None else _nt(term, blank) for term in row)
                 for row in result.rows)
    return "\n".join(lines) + "\n"


def _nt(term: Term, blank: _BlankLabels) -> str:
    """N-Triples form; str() of a pyoxigraph literal already escapes tabs, line breaks, quotes."""
    if isinstance(term, ox.BlankNode):
        return "_:" + blank(term)
    if isinstance(term, ox.Triple):
        parts = (_nt(term.subject, blank), _nt(term.predicate, blank), _nt(term.object, blank))
        return "<<( " + " ".join(parts) + " )>>"
    return str(term)


# --- Terminal table -------------------------------------------------------------------------


def table(result: Result) -> str:
    """An aligned table for a terminal: compact IRIs, bare literal values, wide chars counted 2.

    Each cell is rendered and measured once, so formatting is linear in the size of the answer.
    """
    count = len(result.rows)
    footer = f"({count} row{'' if count == 1 else 's'})"
    if not result.variables:
        return footer + "\n"
    blank = _BlankLabels()
    compact: dict[str, str] = {}
    header = [_cell(name) for name in result.variables]  # SPARQL names hold no control chars
    body = [[_cell(_display(term, blank, compact)) for term in row] for row in result.rows]
    widths = [max(width for _, width in column) for column in zip(header, *body, strict=True)]
    lines = [_line(header, widths), "  ".join("─" * width for width in widths)]
    lines.extend(_line(cells, widths) for cells in body)
    lines.append(footer)
    return "\n".join(lines) + "\n"


def _line(cells: list[tuple[str, int]], widths: list[int]) -> str:
    padded = [text + " " * (width - used)
              for (text, used), width in zip(cells, widths, strict=True)]
    return "  ".join(padded).rstrip()


def _display(term: Term | None, blank: _BlankLabels, compact: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iri not in compact:
            compact[iri] = compact_iri(iri)
        return compact[iri]
    if isinstance(term, ox.Literal):
        return term.value.translate(_CONTROL)
    if isinstance(term, ox.BlankNode):
        return "_:" + blank(term)
    parts = (_display(term.subject, blank, compact), _display(term.predicate, blank, compact),
             _display(term.object, blank, compact))
    return "<< " + " ".join(parts) + " >>"


def compact_iri(iri: str) -> str:
    """`id:kuzbass` for an IRI under one of our prefixes, else `<iri>` as in Turtle."""
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _cell(text: str) -> tuple[str, int]:
    """(text to print, its width in terminal columns), cut to MAX_CELL_WIDTH with an ellipsis."""
    if _NARROW.fullmatch(text):  # Latin and Cyrillic: one column a character, no loop
        if len(text) <= MAX_CELL_WIDTH:
            return text, len(text)
        return text[:MAX_CELL_WIDTH - 1] + "…", MAX_CELL_WIDTH
    widths = [_char_width(char) for char in text]
    total = sum(widths)
    if total <= MAX_CELL_WIDTH:
        return text, total
    used = 0
    for index, width in enumerate(widths):
        if used + width > MAX_CELL_WIDTH - 1:
            return text[:index] + "…", used + 1
        used += width
    return text, total  # not reached: total > MAX_CELL_WIDTH


def _char_width(char: str) -> int:
    """Terminal columns of one character: 2 for East Asian wide, 0 for combining marks.

    Cyrillic is "ambiguous" width in Unicode, which terminals outside East Asia draw as 1.
    """
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


# --- Turtle for CONSTRUCT / DESCRIBE --------------------------------------------------------


def turtle(triples: Iterable[ox.Triple]) -> str:
    """Triples as Turtle with our prefixes, via rdflib's serializer, which sorts subjects.

    The order a CONSTRUCT yields its triples in is not defined, so sorting is what makes the
    output the same from run to run.
    """
    graph = rdflib.Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    blank = _BlankLabels()
    for triple in triples:
        graph.add((_rdflib(triple.subject, blank), _rdflib(triple.predicate, blank),
                   _rdflib(triple.object, blank)))
    if not len(graph):
        return ""
    return graph.serialize(format="turtle").strip("\n") + "\n"


def _rdflib(term: Term, blank: _BlankLabels) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(blank(term))
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return rdflib.Literal(term.value)
        # normalize=False: print the lexical form the data has, "01" stays "01"
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value),
                              normalize=False)
    raise UsageError("this answer holds triple terms (RDF 1.2), which Turtle 1.1 cannot write")
