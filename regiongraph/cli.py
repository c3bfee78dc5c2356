"""The command line: a thin layer over the library.

Each command opens the library, calls one function and prints its result. Every domain error
becomes one line on stderr and a documented exit code; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .build import build
from .config import Paths
from .errors import RegiongraphError, ValidationError

EXIT_CODES = """exit codes:
  0  success
  1  bad input data, or a graph that fails SHACL validation (nothing is written)
  2  bad usage: unknown option, missing query file, SPARQL syntax error"""


def cmd_build(args: argparse.Namespace) -> int:
    result = build(Paths.at(args.root, args.out))
    print(result.summary())
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from .query import format_result, open_store, read_query, run

    paths = Paths.at(args.root, args.out)
    data = Path(args.data) if args.data else paths.out / "graph.nq"
    if args.data is None and not data.exists():
        print(f"building the graph first: {data} is missing", file=sys.stderr)
        build(paths)
    text, source = read_query(args.query)
    print(format_result(run(open_store(data), text, source), args.format), end="")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="regiongraph",
        description="Russian news about interregional cooperation as an RDF knowledge graph.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    main.add_argument("--version", action="version", version=f"regiongraph {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", metavar="DIR",
                        help="project folder with ontology/ and data/ (default: found from here)")
    common.add_argument("--out", metavar="DIR", help="output folder (default: ROOT/out)")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser(
        "build", parents=[common], help="check the data, build and validate the graph, write out/",
        description="Load and check data/, build the RDF dataset, validate it with SHACL and "
                    "write graph.ttl, graph.trig, graph.nq and graph.jsonld.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    build_cmd.set_defaults(func=cmd_build)

    query_cmd = commands.add_parser(
        "query", parents=[common], help="run a SPARQL query on the built graph",
        description="Run a SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query, given as a .rq "
                    "file or as text, on the built graph (built first if missing). The default "
                    "graph is the union of all named graphs.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    query_cmd.add_argument("query", help="a .rq file or SPARQL text")
    query_cmd.add_argument("--format", default="table", choices=("table", "json", "csv", "tsv"),
                           help="table (default), or a W3C SPARQL 1.1 results format")
    query_cmd.add_argument("--data", metavar="PATH",
                           help="graph file to query (.nq, .trig, .ttl, .jsonld; "
                                "default: OUT/graph.nq)")
    query_cmd.set_defaults(func=cmd_query)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ValidationError as exc:
        print(f"error: the graph does not conform to ontology/shapes.ttl "
              f"({exc.violations} violation(s)); nothing was written\n{exc.report}",
              file=sys.stderr)
        return exc.exit_code
    except RegiongraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
