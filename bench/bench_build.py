"""Build and query benchmarks: the seed project, then synthetic projects of 100 and 1,000 articles.

    python bench/bench_build.py                  # the full run (about 12 minutes on 2 cores)
    python bench/bench_build.py --sizes 100      # seed and 100 articles only (about 4 minutes)
    python bench/bench_build.py --queries-only --work DIR   # queries on graphs built in DIR
    python bench/bench_build.py --profile 100    # cProfile one 100-article build

What is measured, and how:

- seed build, wall: `python build_graph.py --out <tmp>` in a fresh process, median of 5,
  into an empty folder (Natasha loads and extracts the articles), and again rebuilding into
  the folder of an earlier build (extractions and lemmas read from its cache: what a user's
  second build costs);
- build stages: every build runs the library's own regiongraph.build.build() in a fresh
  process (this file with --worker) and is cut into stages with time.perf_counter at the
  calls build() makes: load+check until to_dataset() starts, RDF until union_graph() starts,
  SHACL (union_graph + validate) until validate() returns, analytics+view (the view and
  analytics graph) until serialise() starts, serialise+write until build() returns. Medians
  over the runs; "wall" is the worker's whole process (interpreter start and imports too),
  "cpu" its CPU seconds (less sensitive to other load on the machine);
- synthetic projects come from bench/synth.py (seeded: every run builds the same data);
  builds above 100 articles run once, under a time cap (--cap, default 400 s): past it the
  worker is stopped and the stage it was in is reported as "> seconds spent in it". So that
  queries can still be timed on that graph, such workers write graph.nq right after SHACL
  with the same code as outputs.serialise (sorted N-Quads; without the analytics graph),
  timed apart and counted in no stage;
- queries: every queries/*.rq on each graph's graph.nq, run() + format_result(table) in this
  process, median of --query-runs (20; a query whose runs pass 30 s stops after 5 or more,
  and the table says how many); the store load (open_store) is timed apart, median of 3.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

STAGES = ("load+check", "RDF", "SHACL", "analytics+view", "serialise+write")


# --- Worker: one staged build in this (fresh) process -------------------------------------------


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(root: Path, out: Path, early_nq: bool) -> int:
    """Run the library's own build(); print one JSON line per stage as it ends.

    The stages are told apart by wrapping the functions regiongraph.build calls at their
    boundaries (to_dataset, union_graph, validate, serialise), so the build timed is exactly
    the library's, whatever it does between them: load+check runs until to_dataset starts,
    RDF until union_graph starts, SHACL until validate returns, analytics+view until
    serialise starts, serialise+write until build() returns.
    """
    import importlib

    from regiongraph.config import Paths

    # The module, not the function regiongraph/__init__.py re-exports under the same name.
    library = importlib.import_module("regiongraph.build")

    def report(**fields: object) -> None:
        print(json.dumps({**fields, "rss_mb": round(_rss_mb()), "cpu_now": time.process_time()}),
              flush=True)

    marks: dict[str, float] = {}
    captured: dict[str, object] = {}
    paused = [0.0]  # seconds spent writing the early graph.nq, not part of any stage

    def wrap(name: str, on_start=None, on_end=None) -> None:
        function = getattr(library, name, None)
        if function is None:
            return

        def timed(*args, **kwargs):
            if name not in marks:
                marks[name] = time.perf_counter()
                if on_start:
                    on_start(*args)
            value = function(*args, **kwargs)
            if on_end:
                on_end()
            return value

        setattr(library, name, timed)

    def rdf_starts(*_args) -> None:
        report(stage="load+check", seconds=marks["to_dataset"] - marks["build"])

    def union_starts(dataset, *_args) -> None:
        captured["dataset"] = dataset
        report(stage="RDF", seconds=marks["union_graph"] - marks.get("to_dataset",
                                                                     marks["build"]))

    def validated() -> None:
        marks["validated"] = now = time.perf_counter()
        report(stage="SHACL", seconds=now - marks.get("union_graph", now),
               union=marks.get("validate", now) - marks.get("union_graph", now))
        if early_nq and "dataset" in captured:  # the bytes outputs.serialise() writes
            nquads = captured["dataset"].serialize(format="nquads")
            lines = sorted(line for line in nquads.splitlines() if line.strip())
            out.mkdir(parents=True, exist_ok=True)
            (out / "graph.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
            paused[0] = time.perf_counter() - now
            report(stage="early-nq", seconds=paused[0])

    def serialise_starts(*_args) -> None:
        report(stage="analytics+view", seconds=marks["serialise"] - paused[0]
               - marks.get("validated", marks["serialise"]))

    wrap("to_dataset", rdf_starts)
    wrap("union_graph", union_starts)
    wrap("validate", on_end=validated)
    wrap("serialise", serialise_starts)
    report(stage="start", seconds=0.0)
    marks["build"] = time.perf_counter()
    result = library.build(Paths.at(root, out))
    done = time.perf_counter()
    report(stage="serialise+write", seconds=done - marks.get("serialise", done))
    corpus = result.corpus
    report(stage="done", seconds=done - marks["build"] - paused[0], cpu=time.process_time(),
           triples=result.triples, articles=len(corpus.articles),
           entities=len(corpus.entities), facts=len(corpus.facts))
    return 0


def run_worker(root: Path, out: Path, cap: float | None, early_nq: bool = False) -> dict:
    """One build in a fresh process: stage seconds, wall seconds, counts; partial if capped."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(root), str(out)]
    if early_nq:
        command.append("--early-nq")
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    result: dict = {"stages": {}, "capped": None, "extra": {}}
    last_end = began
    deadline = None if cap is None else began + cap
    import selectors

    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    running = "load+check"
    while True:
        timeout = None if deadline is None else max(0.0, deadline - time.perf_counter())
        if not selector.select(timeout):
            process.kill()
            process.wait()
            result["capped"] = (running, time.perf_counter() - last_end)
            break
        line = process.stdout.readline()
        if not line:
            break
        event = json.loads(line)
        last_end = time.perf_counter()
        result["rss_mb"] = event["rss_mb"]
        stage = event["stage"]
        cpu_spent = event["cpu_now"] - result.get("cpu_mark", event["cpu_now"])
        result["cpu_mark"] = event["cpu_now"]
        if stage in STAGES:
            result["stages"][stage] = event["seconds"]
            result.setdefault("cpu_stages", {})[stage] = cpu_spent
            if stage == "SHACL":
                result["extra"]["union"] = event["union"]
            running = {"load+check": "RDF", "RDF": "SHACL",
                       "SHACL": "early-nq" if early_nq else "analytics+view",
                       "analytics+view": "serialise+write",
                       "serialise+write": "done"}[stage]
        elif stage == "early-nq":
            result["extra"]["early-nq"] = event["seconds"]
            running = "analytics+view"
        elif stage == "done":
            result.update({key: event[key]
                           for key in ("triples", "articles", "entities", "facts", "cpu")})
    selector.close()
    if result["capped"] is None and process.wait() != 0:
        raise SystemExit(f"build of {root} failed (exit {process.returncode})")
    result["wall"] = time.perf_counter() - began
    return result


# --- Measurements -------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values)


def seed_wall(runs: int, work: Path) -> tuple[list[float], list[float]]:
    """Wall times of `build_graph.py` into an empty folder, then rebuilding into it."""
    cold, cached = [], []
    for number in range(runs):
        out = work / f"seed-wall-{number}"
        for times in (cold, cached):
            began = time.perf_counter()
            subprocess.run([sys.executable, "build_graph.py", "--out", str(out)], cwd=ROOT,
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - began)
        shutil.rmtree(out, ignore_errors=True)
    return cold, cached


def builds(root: Path, out: Path, runs: int, cap: float | None, early_nq: bool) -> dict:
    """`runs` worker builds; stage medians, wall median, counts of the last complete run."""
    results = [run_worker(root, out, cap, early_nq) for _ in range(runs)]
    summary: dict = {"runs": runs, "capped": None, "extra": {}}
    for stage in STAGES:
        values = [r["stages"][stage] for r in results if stage in r["stages"]]
        if values:
            summary[stage] = median(values)
        values = [r["cpu_stages"][stage] for r in results if stage in r.get("cpu_stages", {})]
        if values:
            summary.setdefault("cpu_stages", {})[stage] = median(values)
    for key in ("union", "early-nq"):
        values = [r["extra"][key] for r in results if key in r["extra"]]
        if values:
            summary["extra"][key] = median(values)
    complete = [r for r in results if r["capped"] is None]
    summary["wall"] = median([r["wall"] for r in complete]) if complete else None
    summary["cpu"] = median([r["cpu"] for r in complete]) if complete else None
    if not complete:
        summary["capped"] = results[-1]["capped"]
        summary["wall_capped"] = results[-1]["wall"]
    last = complete[-1] if complete else results[-1]
    for key in ("triples", "articles", "entities", "facts"):
        summary[key] = last.get(key)
    summary["rss_mb"] = max(r.get("rss_mb", 0) for r in results)
    return summary


def time_queries(graph: Path, runs: int, queries: list[Path]) -> dict:
    from regiongraph.query import format_result, open_store, run

    loads = []
    for _ in range(3):
        began = time.perf_counter()
        store = open_store(graph)
        loads.append(time.perf_counter() - began)
    timings = {"_load": median(loads), "_quads": len(store)}
    for path in queries:
        text = path.read_text(encoding="utf-8")
        samples, rows = [], 0
        for _ in range(runs):
            began = time.perf_counter()
            result = run(store, text, path.name)
            format_result(result, "table")
            samples.append(time.perf_counter() - began)
            rows = len(result.rows)
            if sum(samples) > 30 and len(samples) >= 5:  # a query this slow: fewer runs
                break
        timings[path.stem] = (median(samples), rows, len(samples))
    return timings


# --- Printing ----------------------------------------------------------------------------------


def machine_info() -> list[str]:
    return describe(("rdflib", "pyshacl", "pyoxigraph", "PyYAML"))


def seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def stage_cells(summary: dict) -> list[str]:
    cells = []
    capped = summary.get("capped")
    for stage in STAGES:
        if stage in summary:
            cells.append(seconds(summary[stage]))
        elif capped and capped[0] == stage:
            cells.append(f">{seconds(capped[1])}")
        else:
            cells.append("-")
    return cells


def total(summary: dict) -> float:
    value = sum(summary.get(stage, 0.0) for stage in STAGES)
    if summary.get("capped"):
        value += summary["capped"][1]
    return value


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    def line(cells: list[str]) -> str:
        return "  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", nargs=2, metavar=("ROOT", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--early-nq", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000],
                        help="synthetic project sizes in articles (default: 100 1000)")
    parser.add_argument("--seed-runs", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3,
                        help="builds per size up to 100 articles (default 3); larger: 1")
    parser.add_argument("--cap", type=float, default=400.0,
                        help="seconds a build of more than 100 articles may take (default 400)")
    parser.add_argument("--query-runs", type=int, default=20)
    parser.add_argument("--work", type=Path, help="folder for projects and outputs "
                        "(default: a temporary folder, removed at the end)")
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    parser.add_argument("--queries-only", action="store_true",
                        help="only time the queries on the graphs already built in --work")
    parser.add_argument("--profile", type=int, metavar="N",
                        help="instead: cProfile one build of N synthetic articles")
    args = parser.parse_args(argv)
    if args.worker:
        return worker(Path(args.worker[0]), Path(args.worker[1]), args.early_nq)

    work = args.work or Path(tempfile.mkdtemp(prefix="regiongraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            return profile(args.profile, work)
        if args.queries_only:
            projects = {"seed": (ROOT, work / "seed-out")}
            for size in args.sizes:
                projects[str(size)] = (work / f"synth-{size}", work / f"synth-{size}" / "out")
            query_phase(projects, args.query_runs)
            return 0
        return benchmark(args, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def benchmark(args: argparse.Namespace, work: Path) -> int:
    from synth import generate

    began = time.perf_counter()
    for line in machine_info():
        print(line)
    print()
    results: dict = {}

    wall, rebuilt = seed_wall(args.seed_runs, work)
    seed = builds(ROOT, work / "seed-out", args.seed_runs, None, False)
    seed["wall_build_graph"] = median(wall)
    seed["wall_build_graph_cached"] = median(rebuilt)
    results["seed"] = seed
    projects = {"seed": (ROOT, work / "seed-out")}

    for size in args.sizes:
        root = work / f"synth-{size}"
        t0 = time.perf_counter()
        stats = generate(size, root)
        generated = time.perf_counter() - t0
        small = size <= 100
        summary = builds(root, root / "out", args.runs if small else 1,
                         None if small else args.cap, not small)
        summary["generate"] = generated
        summary["generated"] = stats
        results[size] = summary
        projects[str(size)] = (root, root / "out")

    print("Build (seconds; stages in a fresh process each run, median of the runs; "
          "wall = whole process)")
    header = ["project", "runs", "articles", "facts", "triples", *STAGES, "total", "wall",
              "cpu", "ms/article", "peak MB"]
    rows = []
    for name, summary in results.items():
        articles = summary["articles"] or (summary["generated"]["articles"]
                                          if "generated" in summary else None)
        facts = summary["facts"] or summary.get("generated", {}).get("facts")
        whole = summary.get("wall_build_graph", summary["wall"])
        approx = ">" if summary.get("capped") else ""
        rows.append([
            name if name == "seed" else f"synth {name}", str(summary["runs"]),
            str(articles), str(facts), str(summary["triples"] or "-"), *stage_cells(summary),
            approx + seconds(total(summary)),
            seconds(whole) if whole is not None else f">{seconds(summary['wall_capped'])}",
            seconds(summary.get("cpu")),
            approx + f"{1000 * total(summary) / articles:.0f}", f"{summary['rss_mb']:.0f}"])
    print_table(header, rows)
    print("seed wall = `python build_graph.py --out <tmp>`, median of "
          f"{args.seed_runs}: {', '.join(seconds(t) for t in sorted(wall))} s into an empty "
          f"folder; {', '.join(seconds(t) for t in sorted(rebuilt))} s rebuilding (cached)")
    for name, summary in results.items():
        notes = []
        if "union" in summary["extra"]:
            notes.append(f"SHACL includes union_graph {seconds(summary['extra']['union'])} s")
        if "generate" in summary:
            notes.append(f"generated in {seconds(summary['generate'])} s")
        if "early-nq" in summary["extra"]:
            notes.append(f"graph.nq for the queries written in "
                         f"{seconds(summary['extra']['early-nq'])} s (not in any stage)")
        if summary.get("capped"):
            stage, spent = summary["capped"]
            notes.append(f"stopped at the {args.cap:.0f} s cap during {stage} "
                         f"(after {seconds(spent)} s in it)")
        print(f"  {name}: " + "; ".join(notes))

    print()
    print("CPU seconds of the same stages (time.process_time in the worker, median of the runs)")
    rows = []
    for name, summary in results.items():
        cpu = summary.get("cpu_stages", {})
        rows.append([name if name == "seed" else f"synth {name}",
                     *[seconds(cpu.get(stage)) for stage in STAGES],
                     seconds(sum(cpu.values())) if cpu else "-"])
    print_table(["project", *STAGES, "total"], rows)

    sizes = [s for s in args.sizes if s in results]
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        factor = large / small
        print()
        print(f"Growth {small} -> {large} articles (linear = {factor:.0f}x)")
        rows = []
        for stage in (*STAGES, "total"):
            a = results[small].get(stage) if stage != "total" else total(results[small])
            b = results[large].get(stage) if stage != "total" else total(results[large])
            capped = results[large].get("capped")
            if b is None and capped and capped[0] == stage:
                b, mark = capped[1], ">"
            else:
                mark = ">" if stage == "total" and capped else ""
            if a is None or b is None:
                rows.append([stage, seconds(a), "-", "-", "-", "-"])
                continue
            ratio = b / a
            cpu_a = results[small].get("cpu_stages", {})
            cpu_b = results[large].get("cpu_stages", {})
            if stage == "total":
                ca, cb = sum(cpu_a.values()), sum(cpu_b.values())
            else:
                ca, cb = cpu_a.get(stage), cpu_b.get(stage)
            cpu_ratio = f"{cb / ca:.1f}x" if ca and cb and not mark else "-"
            judged = cb / ca if ca and cb and not mark else ratio  # CPU when there is one
            verdict = ("~linear" if judged <= factor * 1.3 else "superlinear") if not mark else (
                "superlinear" if ratio > factor * 1.3 else "unknown (capped)")
            rows.append([stage, seconds(a), mark + seconds(b), f"{mark}{ratio:.1f}x", cpu_ratio,
                         verdict])
        print_table(["stage", f"{small} (s)", f"{large} (s)", "ratio", "cpu ratio",
                     f"vs {factor:.0f}x"], rows)

    results["queries"] = query_phase(projects, args.query_runs)
    print()
    print(f"benchmark time: {time.perf_counter() - began:.0f} s; load average at end: "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


def query_phase(projects: dict[str, tuple[Path, Path]], runs: int) -> dict:
    """Time every query of queries/ (as it is now) on each project's graph.nq; print a table."""
    queries = sorted((ROOT / "queries").glob("*.rq"))
    print()
    print(f"Queries (ms, run() + format_result(table), median of up to {runs} runs; "
          "store load apart, median of 3)")
    query_results = {}
    for name, (_root, out) in projects.items():
        graph = out / "graph.nq"
        if graph.exists():
            query_results[name] = time_queries(graph, runs, queries)
    names = list(query_results)
    header = ["query", *[f"{n if n == 'seed' else 'synth ' + n} ms (rows)" for n in names]]
    rows = [["store load (open_store)",
             *[f"{1000 * query_results[n]['_load']:.0f} ({query_results[n]['_quads']} quads)"
               for n in names]]]
    for path in queries:
        cells = []
        for n in names:
            ms, count, done = query_results[n][path.stem]
            cells.append(f"{1000 * ms:.1f} ({count})" + ("" if done == runs
                                                        else f" [{done} runs]"))
        rows.append([path.name, *cells])
    print_table(header, rows)
    return query_results


def profile(size: int, work: Path) -> int:
    """cProfile one in-process build of `size` synthetic articles; print where the time goes."""
    import cProfile
    import pstats

    from synth import generate

    from regiongraph.build import build
    from regiongraph.config import Paths

    root = work / f"synth-{size}"
    generate(size, root)
    profiler = cProfile.Profile()
    began = time.perf_counter()
    profiler.runcall(build, Paths.at(root, root / "out"))
    print(f"profiled build of {size} articles: {time.perf_counter() - began:.1f} s "
          "(cProfile adds overhead)")
    profiler.dump_stats(work / "profile.out")
    stats = pstats.Stats(profiler)
    print("\nby cumulative time (stages and the library calls below them):")
    stats.sort_stats("cumulative").print_stats(
        r"(regiongraph/|pyshacl/validator\.py|rdflib/namespace/__init__\.py|"
        r"plugins/serializers|yaml/composer\.py|networkx/algorithms)", 30)
    print("\nby own time (hotspots):")
    stats.sort_stats("tottime").print_stats(12)
    return 0


if __name__ == "__main__":
    sys.exit(main())
