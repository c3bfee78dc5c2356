"""Extraction benchmark: the fact extractor on the factRuEval-2016 devset, and on hostile input.

    python bench/bench_extract.py                       # everything, about 6 minutes on 2 cores
    python bench/bench_extract.py --skip-cli --skip-robustness   # in-process figures only
    python bench/bench_extract.py --profile 30          # also cProfile the pipeline, top 30
    python bench/bench_extract.py --markdown bench/README.md     # append the figures as a section

What is measured, and how (wall = time.perf_counter, cpu = CPU seconds of the process; on a
shared machine the CPU figures are the steadier ones, so both are printed):

- model loading: the first `regiongraph.extract.nlp.models()` call in this process (Natasha's
  embedding, morphology, syntax, NER, and pymorphy2), once;
- the pipeline in this process, on one core: every devset `book_N.txt` read with
  `read_article`, extracted with `extract_text` (no registry, one `Candidates` for the run, as
  the CLI does) and turned into JSON lines with `jsonl`. Time per article (median, p95) and the
  split between Natasha (`nlp.analyse`: segmentation, morphology, syntax, NER, and our lemmas
  and NER normal forms) and the rest (debris and language checks, mentions, rules, dates,
  consolidation, JSON). The split comes from timing wrappers put around those functions for
  the run (exclusive times: a date parsed inside a rule counts as dates, not rules); they cost
  a few microseconds per call, under 1% of the run. Caches (lemmas, pymorphy parses) start
  empty, as in a CLI run; `--runs N` repeats the pass with warm caches;
- plain Natasha on the same texts with the same loaded models, BLAS held to one thread with
  threadpoolctl: `Doc(text)`, `segment`, `tag_morph`, `parse_syntax`, `tag_ner`;
- the CLI end to end, `python -m regiongraph extract --no-registry --jobs N` over the devset
  in a fresh process for N = 1 and 2: wall time including interpreter start, imports and
  model loading (in every worker), CPU time of the process and its workers and peak RSS of
  the largest of them (`os.wait4`; RSS is a maximum, not a sum over the workers);
  the outputs of N = 1 and N = 2 are compared byte for byte;
- robustness, each through the CLI in a fresh process (time, peak RSS, exit code): a 5 MB
  article made by repeating the devset texts, and two 30,000-token lists without a sentence
  end («слово, слово, …» and «Номера: 1, 2, 3, …»), for which the longest piece handed to the
  taggers is also reported (`nlp.analyse` in this process).

Nothing is written into the repository unless `--markdown FILE` is given: then a section with
the date, the machine and the printed figures is appended to FILE. Temporary files (the
robustness inputs, the CLI outputs) go to a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import functools
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from machine import describe

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DEVSET = ROOT.parent / "shared" / "data" / "factrueval-2016" / "devset"

#: The issue's figures: plain Natasha measured at ~13.5 articles/s, and the target for the
#: whole pipeline.
TARGET_RATE = 12.0

#: Stages of the split, in print order; "natasha" stages are inside `nlp.analyse`.
NATASHA_STAGES = ("segment", "morph", "syntax", "NER", "lemmas+normal forms")
REST_STAGES = ("read", "language+debris", "mentions", "rules", "dates", "consolidate",
               "JSON", "other")


# --- Timing helpers ----------------------------------------------------------------------------


@dataclass
class Stages:
    """Exclusive wall and CPU seconds per stage, from wrappers around the pipeline's functions.

    Exclusive, because the stages nest (dates are parsed inside rules, the taggers run inside
    `analyse`): each wrapper subtracts the time of wrappers that ran inside it."""

    wall: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    stack: list[list[float]] = field(default_factory=list)

    def wrap(self, stage: str, func: Callable, materialise: bool = False) -> Callable:
        """`func` timed into `stage`; `materialise` turns a generator's result into a list, so
        that the work it does lazily is timed here and not in whoever iterates it."""

        @functools.wraps(func)
        def timed(*args: object, **kwargs: object) -> object:
            self.stack.append([0.0, 0.0])
            wall0, cpu0 = time.perf_counter(), time.process_time()
            try:
                result = func(*args, **kwargs)
                return list(result) if materialise else result
            finally:
                wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
                inner = self.stack.pop()
                self.wall[stage] += wall - inner[0]
                self.cpu[stage] += cpu - inner[1]
                if self.stack:
                    self.stack[-1][0] += wall
                    self.stack[-1][1] += cpu

        return timed


@contextlib.contextmanager
def instrumented(stages: Stages) -> Iterator[None]:
    """Timing wrappers around the pipeline's functions, removed on exit."""
    from regiongraph.extract import extractor, nlp
    from regiongraph.extract.rules import base

    m = nlp.models()
    patches = [
        (extractor, "read_article", stages.wrap("read", extractor.read_article)),
        (extractor, "is_russian", stages.wrap("language+debris", extractor.is_russian)),
        (extractor, "hide_debris", stages.wrap("language+debris", extractor.hide_debris)),
        (extractor, "analyse", stages.wrap("lemmas+normal forms", extractor.analyse)),
        (nlp, "segment_line", stages.wrap("segment", nlp.segment_line)),
        (m.morph, "map", stages.wrap("morph", m.morph.map, materialise=True)),
        (m.syntax, "map", stages.wrap("syntax", m.syntax.map, materialise=True)),
        (m.ner, "map", stages.wrap("NER", m.ner.map, materialise=True)),
        (extractor, "find_mentions", stages.wrap("mentions", extractor.find_mentions)),
        (extractor, "resolve", stages.wrap("mentions", extractor.resolve)),
        (extractor, "Scope", stages.wrap("rules", extractor.Scope)),
        (extractor, "RULES", tuple((name, stages.wrap("rules", rule, materialise=True))
                                   for name, rule in extractor.RULES)),
        (base, "dates_in", stages.wrap("dates", base.dates_in)),
        (extractor, "consolidate", stages.wrap("consolidate", extractor.consolidate)),
    ]
    with contextlib.ExitStack() as stack:
        for owner, name, value in patches:
            stack.enter_context(mock.patch.object(owner, name, value))
        yield


@dataclass
class Clock:
    """Wall and CPU seconds since it was made."""

    wall0: float = field(default_factory=time.perf_counter)
    cpu0: float = field(default_factory=time.process_time)

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall0, time.process_time() - self.cpu0


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank, as people quote p95)."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class Child:
    """A finished child process: exit code, wall and CPU seconds (its workers' included), and
    the peak RSS of the largest process among it and its workers."""

    code: int
    wall: float
    cpu: float
    rss_mb: float
    stdout: bytes
    stderr: bytes

    @property
    def facts(self) -> int:
        """Lines of JSONL printed: one fact each."""
        return self.stdout.count(b"\n")


def run_child(command: list[str], workdir: Path) -> Child:
    """Run a command from the repository root and measure it with `os.wait4`, which gives the
    child's own rusage (CPU and peak RSS, its reaped workers included) and not the sum of all
    children this process has had, as RUSAGE_CHILDREN would."""
    out, err = workdir / "child.out", workdir / "child.err"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        began = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=ROOT, env=env)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    result = Child(process.returncode, wall, usage.ru_utime + usage.ru_stime,
                   usage.ru_maxrss / 1024, out.read_bytes(), err.read_bytes())
    out.unlink()
    err.unlink()
    return result


# --- The measurements --------------------------------------------------------------------------


def bench_load() -> dict:
    """Import of the extractor and the first `models()` call (Natasha and pymorphy2)."""
    clock = Clock()
    from regiongraph.extract import nlp

    imported = clock.read()
    clock = Clock()
    nlp.models()
    loaded = clock.read()
    return {"import": imported, "models": loaded}


def pipeline_pass(files: list[Path], instrument: bool) -> dict:
    """One pass of the whole pipeline over the files, in this process."""
    from regiongraph.extract import extractor
    from regiongraph.extract.mentions import Candidates, Registry

    registry, candidates = Registry(), Candidates()
    stages = Stages()
    per_article: list[float] = []
    facts = chars = 0
    context = instrumented(stages) if instrument else contextlib.nullcontext()
    with context:
        jsonl = stages.wrap("JSON", extractor.jsonl) if instrument else extractor.jsonl
        total = Clock()
        for path in files:
            began = time.perf_counter()
            result = extractor.extract_file(path, registry, candidates)
            lines = jsonl(result)
            per_article.append(time.perf_counter() - began)
            facts += lines.count("\n")
            chars += len(result.text)
        wall, cpu = total.read()
    if instrument:
        stages.wall["other"] = wall - sum(stages.wall.values())
        stages.cpu["other"] = cpu - sum(stages.cpu.values())
    return {"wall": wall, "cpu": cpu, "per_article": per_article, "facts": facts,
            "chars": chars, "stages": stages}


def natasha_pass(texts: list[str]) -> dict:
    """Plain Natasha on the texts: `Doc`, segment, morph, syntax, NER; BLAS on one thread."""
    from natasha import Doc
    from threadpoolctl import threadpool_limits

    from regiongraph.extract import nlp

    m = nlp.models()
    per_article: list[float] = []
    with threadpool_limits(limits=1):
        total = Clock()
        for text in texts:
            began = time.perf_counter()
            doc = Doc(text)
            doc.segment(m.segmenter)
            doc.tag_morph(m.morph)
            doc.parse_syntax(m.syntax)
            doc.tag_ner(m.ner)
            per_article.append(time.perf_counter() - began)
        wall, cpu = total.read()
    return {"wall": wall, "cpu": cpu, "per_article": per_article}


def bench_cli(files: list[Path], jobs: int, workdir: Path) -> Child:
    command = [sys.executable, "-m", "regiongraph", "extract", "--no-registry",
               "--jobs", str(jobs), *map(str, files)]
    return run_child(command, workdir)


def robustness_inputs(texts: list[str], workdir: Path, size_mb: float) -> dict[str, Path]:
    """The hostile inputs: a `size_mb` MB article of devset texts one after another, and two
    30,000-token "sentences" with no period: «слово, » 15,000 times, and «1, 2, …, 30000,»."""
    big, parts, size = workdir / "big.txt", [], 0
    while size < size_mb * 2**20:
        for text in texts:
            parts.append(text.strip() + "\n\n")
            size += len(parts[-1].encode("utf-8"))
            if size >= size_mb * 2**20:
                break
    big.write_text("".join(parts), encoding="utf-8")
    words = workdir / "list-words.txt"
    words.write_text("слово, " * 15000, encoding="utf-8")
    numbers = workdir / "list-numbers.txt"
    # A Russian heading, or the language check would turn the numbers away before the NLP.
    # razdel keeps a number and its comma together («17,»): 30,000 numbers, 30,000 tokens.
    numbers.write_text("Номера: " + ", ".join(str(n) for n in range(1, 30001)) + ",",
                       encoding="utf-8")
    return {f"{size_mb:g} MB article": big, "30,000-token word list": words,
            "30,000-token number list": numbers}


def longest_piece(path: Path) -> tuple[int, int, float]:
    """Sentences, the longest one in tokens, and seconds of `nlp.analyse` on a file."""
    from regiongraph.extract import nlp

    text = path.read_text(encoding="utf-8")
    clock = Clock()
    sentences = nlp.analyse(text)
    wall, _cpu = clock.read()
    return len(sentences), max(len(s.tokens) for s in sentences), wall


def profile_pipeline(files: list[Path], top: int) -> str:
    """cProfile of one pipeline pass (warm caches by then), the top functions by own time
    and by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    pipeline_pass(files, instrument=False)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


# --- Printing ----------------------------------------------------------------------------------


def machine_info() -> list[str]:
    return describe(("natasha", "slovnet", "navec", "razdel", "pymorphy2", "numpy",
                     "threadpoolctl"))


def rate_lines(name: str, count: int, chars: int, wall: float, cpu: float,
               per_article: list[float]) -> list[str]:
    ms = [s * 1000 for s in per_article]
    return [
        f"{name}: {count} articles, {chars:,} characters in {wall:.2f} s wall, {cpu:.2f} s CPU",
        f"  {count / wall:.2f} articles/s wall ({count / cpu:.2f} per CPU-second), "
        f"{chars / wall:,.0f} characters/s wall ({chars / cpu:,.0f} per CPU-second)",
        f"  ms per article (wall): median {statistics.median(ms):.1f}, "
        f"p95 {percentile(ms, 0.95):.1f}, max {max(ms):.1f}",
    ]


def stage_lines(stages: Stages, wall: float, cpu: float) -> list[str]:
    natasha_wall = sum(stages.wall[s] for s in NATASHA_STAGES)
    natasha_cpu = sum(stages.cpu[s] for s in NATASHA_STAGES)
    out = ["  where the time goes (exclusive; share of wall / of CPU):",
           f"    {'Natasha (nlp.analyse)':<28}{natasha_wall:8.2f} s  "
           f"{natasha_wall / wall:6.1%}  {natasha_cpu / cpu:6.1%}"]
    for stage in NATASHA_STAGES:
        out.append(f"      {stage:<26}{stages.wall[stage]:8.2f} s  "
                   f"{stages.wall[stage] / wall:6.1%}  {stages.cpu[stage] / cpu:6.1%}")
    rest_wall, rest_cpu = wall - natasha_wall, cpu - natasha_cpu
    out.append(f"    {'the rest':<28}{rest_wall:8.2f} s  {rest_wall / wall:6.1%}  "
               f"{rest_cpu / cpu:6.1%}")
    for stage in REST_STAGES:
        out.append(f"      {stage:<26}{stages.wall[stage]:8.2f} s  "
                   f"{stages.wall[stage] / wall:6.1%}  {stages.cpu[stage] / cpu:6.1%}")
    return out


def child_line(name: str, child: Child, extra: str = "") -> str:
    return (f"{name}: exit {child.code}, {child.wall:.2f} s wall, {child.cpu:.2f} s CPU, "
            f"peak RSS {child.rss_mb:,.0f} MB{extra}")


# --- Main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET,
                        help="folder of factRuEval-2016 book_N.txt files")
    parser.add_argument("--runs", type=int, default=1,
                        help="pipeline passes in-process (the first has cold caches)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="--jobs values for the CLI runs (1 2)")
    parser.add_argument("--big-mb", type=float, default=5.0, help="size of the big article")
    parser.add_argument("--skip-cli", action="store_true", help="no CLI runs")
    parser.add_argument("--skip-robustness", action="store_true", help="no robustness runs")
    parser.add_argument("--profile", type=int, metavar="TOP", default=0,
                        help="also cProfile a pipeline pass and print the TOP functions")
    parser.add_argument("--markdown", type=Path, metavar="FILE",
                        help="append the figures to FILE as a dated section")
    args = parser.parse_args(argv)

    files = sorted(args.devset.glob("book_*.txt"), key=lambda p: int(p.stem.split("_")[1]))
    if not files:
        print(f"no book_N.txt files in {args.devset}", file=sys.stderr)
        return 2
    lines = machine_info()

    def say(*new: str) -> None:
        lines.extend(new)
        for line in new:
            print(line, flush=True)

    for line in lines:
        print(line, flush=True)
    began = time.perf_counter()

    load = bench_load()
    say("", f"model loading (once per process): {load['models'][0]:.2f} s wall, "
        f"{load['models'][1]:.2f} s CPU (import of regiongraph.extract before it: "
        f"{load['import'][0]:.2f} s)")

    from regiongraph.extract.text import read_article

    texts = [read_article(path) for path in files]
    first = pipeline_pass(files, instrument=True)
    say("", *rate_lines("pipeline in-process, one core (cold caches)", len(files),
                        first["chars"], first["wall"], first["cpu"], first["per_article"]))
    say(f"  facts printed: {first['facts']}")
    say(*stage_lines(first["stages"], first["wall"], first["cpu"]))
    for run in range(2, args.runs + 1):
        again = pipeline_pass(files, instrument=False)
        ms = [s * 1000 for s in again["per_article"]]
        say(f"  pass {run} (warm caches): {len(files) / again['wall']:.2f} articles/s wall "
            f"({len(files) / again['cpu']:.2f} per CPU-second), median "
            f"{statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms")

    plain = natasha_pass(texts)
    say("", *rate_lines("plain Natasha Doc (segment, morph, syntax, NER; BLAS 1 thread)",
                        len(files), first["chars"], plain["wall"], plain["cpu"],
                        plain["per_article"]))
    ratio_wall = (len(files) / first["wall"]) / (len(files) / plain["wall"])
    ratio_cpu = plain["cpu"] / first["cpu"]
    say(f"pipeline / plain Natasha speed: {ratio_wall:.2f} (wall), {ratio_cpu:.2f} (CPU); "
        f"target >= {TARGET_RATE:g} articles/s: "
        f"{'met' if len(files) / first['wall'] >= TARGET_RATE else 'NOT met'} in wall time, "
        f"{'met' if len(files) / first['cpu'] >= TARGET_RATE else 'NOT met'} per CPU-second")

    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        workdir = Path(tmp)
        if not args.skip_cli:
            say("", "CLI end to end: python -m regiongraph extract --no-registry --jobs N "
                f"<{len(files)} devset files> (fresh process, model loading included)")
            results: dict[int, Child] = {}
            for jobs in args.jobs:
                child = bench_cli(files, jobs, workdir)
                results[jobs] = child
                say(child_line(f"  --jobs {jobs}", child,
                               f", {len(files) / child.wall:.2f} articles/s, "
                               f"{child.facts} facts"))
            if 1 in results:
                for jobs, child in results.items():
                    if jobs == 1:
                        continue
                    same = child.stdout == results[1].stdout
                    say(f"  speed-up --jobs {jobs} over --jobs 1: "
                        f"{results[1].wall / child.wall:.2f}x; output "
                        f"{'byte-identical' if same else 'DIFFERENT'}")
        if not args.skip_robustness:
            say("", "robustness (CLI, fresh process each, --no-registry):")
            for name, path in robustness_inputs(texts, workdir, args.big_mb).items():
                size = path.stat().st_size
                child = bench_cli([path], 1, workdir)
                say(child_line(f"  {name} ({size:,} bytes)", child, f", {child.facts} facts"))
                if child.code != 0:
                    say("    stderr: " + child.stderr.decode("utf-8", "replace")[-500:])
                if "list" in name:
                    count, longest, seconds = longest_piece(path)
                    say(f"    nlp.analyse in-process: {count} pieces, longest {longest} "
                        f"tokens, {seconds:.2f} s")

    if args.profile:
        say("", f"cProfile of a pipeline pass (warm caches), top {args.profile}:")
        say(*profile_pipeline(files, args.profile).splitlines())

    say("", f"benchmark time: {time.perf_counter() - began:.0f} s; load average at end: "
        + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.markdown:
        section = ["", f"## Extraction results — {dt.date.today():%Y-%m-%d}", "",
                   "Printed by `python bench/bench_extract.py` (2 cores):", "", "```text",
                   *lines, "```", ""]
        with open(args.markdown, "a", encoding="utf-8") as handle:
            handle.write("\n".join(section))
        print(f"appended to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
