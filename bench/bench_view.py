"""HTML view benchmark: our offline page against a default pyvis page, 100 to 20,000 nodes.

    python bench/bench_view.py                          # the full run (about 10 minutes)
    python bench/bench_view.py --sizes 100,1000 --runs 3
    python bench/bench_view.py --sizes 20000 --profile  # cProfile our generation, top functions

What is measured, and how:

- the graphs are synthetic `Projection`s built here in Python (seeded, so every run is the same
  graph): about 60% entities and 40% fact nodes, about 2 edges per node, real class and role
  names from ontology/regiongraph.ttl, labels, aliases, links, quotes, dates and attributes in
  the shapes project() gives them; entities sit in local clusters (most facts join entities of
  one cluster, some reach anywhere, popular entities more often), and `collapsed` is made by
  the projection's own `_collapse`, so analyse(), view_model() and render_page() run unchanged;
- Python side, time.perf_counter after a gc.collect(), median of --runs (one run only when
  the first takes more than --slow seconds): analyse() (centrality, communities, layout),
  view_model(), render_page(), and "HTML written" = view_model + render_page + writing the
  file, timed as one more run of its own; "gen" in the comparison is analyse + HTML written;
- browser side, Debian's /usr/bin/chromium headless through playwright (same launch arguments
  as tests/test_page.py), a fresh context per page: time-to-interactive is from the start of
  page.goto to `body[data-ready='true']` (median of --runs pages, one page at 20,000 nodes);
  page.js's own `regiongraph.timings.drawn` (ms since navigation) is shown next to it. Then the
  collapse switch: page.check('#collapse') plus one evaluate that counts the collapsed edges
  now drawn, which must equal the model's;
- baseline: a default pyvis page of the same graph (undirected, physics on, stabilisation
  1,000 iterations, vis-network inlined with cdn_resources="in_line"); nodes and edges are
  filled as add_node/add_edge would make them, without their per-item list scans (quadratic),
  and net.write_html writes it; pyvis's from_nx is timed apart at 1,000 nodes to show that
  cost. In Chromium, an init script turns the page's global `network` into a setter, so the
  'stabilizationIterationsDone' (pyvis hides its loading bar) and 'stabilized' (physics at
  rest) listeners are attached as the network is made, before its first stabilisation batch.
  "settled" is from the start of page.goto until the page has seen 'stabilized', capped at
  --cap seconds (">cap" if not); the default page asks jsdelivr for Bootstrap, and every
  http(s) request is aborted by page.route (this machine is offline anyway). One page only
  when the first takes more than 30 s; the 20,000-node baseline is skipped when the
  5,000-node one did not settle within the cap.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from machine import describe

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ONTOLOGY = ROOT / "ontology" / "regiongraph.ttl"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 900}
SEED = 20240601
LANGS = ("ru", "en")
#: Pages that take longer than this are opened once, not --runs times.
SLOW_PAGE = 30.0

# --- the synthetic projection -------------------------------------------------------------------

#: Entity classes and their share of the entities (roughly the seed data's mix).
ENTITY_MIX = (("Person", 18), ("Company", 12), ("GovernmentBody", 7), ("University", 2),
              ("MediaOutlet", 2), ("Agency", 2), ("Region", 6), ("City", 7), ("Settlement", 4),
              ("Country", 1), ("Project", 10), ("Facility", 7), ("Product", 12),
              ("ProductCategory", 2), ("Post", 5), ("CooperationArea", 3))
ORGS = ("Company", "GovernmentBody", "University", "MediaOutlet", "Agency")
PLACES = ("Region", "City", "Settlement", "Country")
ACTORS = ("Person", *ORGS)
#: Fact classes: weight, then (role, target classes, fewest, most) for each role.
FACT_MIX = (
    ("PostHolding", 12, (("holder", ("Person",), 1, 1), ("post", ("Post",), 1, 1),
                         ("organisation", ("GovernmentBody", "Company"), 1, 1))),
    ("Meeting", 15, (("participant", ACTORS, 2, 4), ("place", ("City", "Region"), 0, 1))),
    ("Visit", 10, (("participant", ("Person",), 1, 2), ("destination", PLACES, 1, 1),
                   ("organiser", ORGS, 0, 1))),
    ("Negotiation", 6, (("participant", ACTORS, 2, 3),)),
    ("Agreement", 10, (("participant", ORGS, 2, 3), ("topic", ("CooperationArea",), 0, 1))),
    ("TradeFlow", 8, (("origin", ("Region", "Country"), 1, 1),
                      ("destination", ("Region", "Country"), 1, 1),
                      ("product", ("Product",), 1, 1))),
    ("Cooperation", 8, (("party", ("Region", *ORGS), 2, 2), ("area", ("CooperationArea",), 1, 1))),
    ("ProjectReport", 12, (("project", ("Project", "Facility"), 1, 1),
                           ("location", PLACES, 1, 1), ("partner", ("Company",), 0, 2))),
    ("Statement", 10, (("speaker", ("Person",), 1, 1), ("topic", ("CooperationArea",), 0, 1))),
    ("CulturalEvent", 5, (("organiser", ORGS, 1, 1), ("participant", ACTORS, 1, 2),
                          ("place", ("City",), 1, 1))),
    ("Invitation", 4, (("organiser", ORGS, 1, 1), ("participant", ACTORS, 1, 1))),
)
#: Static relations between entities: (subject classes, property, object classes).
STATIC = ((("Company", "GovernmentBody", "University", "Agency", "Facility", "City",
            "Settlement"), "locatedIn", ("Region", "City")),
          (("Region",), "locatedIn", ("Country",)),
          (("Project", "Company"), "partOf", ("Project", "GovernmentBody", "Company")),
          (("Product",), "category", ("ProductCategory",)))
STATUSES = {"held": "состоялось", "planned": "запланировано", "ongoing": "идёт"}
STAGES = {"planned": "запланирован", "under-construction": "строится", "operating": "действует"}
SYLLABLES = ("ка", "ло", "ми", "ра", "но", "ве", "ти", "са", "до", "ру", "зе", "па", "лу", "ко")
WORDS = ("губернатор", "область", "соглашение", "сотрудничество", "проект", "инвестиции",
         "поставки", "встреча", "делегация", "развитие", "предприятие", "региона", "рамках",
         "подписали", "обсудили", "строительство", "рублей", "году", "партнёры", "программы")


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _month(rng: random.Random) -> str:
    return f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}"


def synthetic_projection(size: int, vocab, seed: int = SEED):
    """A `Projection` of about `size` nodes (60% entities, 40% facts, about 2 edges a node)."""
    from regiongraph.config import ENTITY_NS, FACT_NS
    from regiongraph.view.projection import Projection, _collapse

    rng = random.Random(seed)
    n_entities = round(size * 0.6)
    n_facts = size - n_entities
    cluster_size = 60
    clusters = max(1, n_entities // cluster_size)

    def label(iri) -> dict[str, str]:
        return {lang: vocab.label(iri, lang) for lang in LANGS}

    role_label = {name: label(vocab.iri(name)) for name in vocab.properties}
    result = Projection(nx.DiGraph(), nx.Graph())
    kinds: dict[str, tuple[str, str]] = {}
    n_articles = max(2, n_facts // 35)
    for a in range(n_articles):
        key = f"a{a:05d}"
        result.articles[key] = {"id": key, "title": _sentence(rng, 6), "date": _month(rng)}
    article_keys = sorted(result.articles)

    # Entities: a class drawn by ENTITY_MIX, a cluster, a name, sometimes aliases and links.
    names, weights = zip(*ENTITY_MIX, strict=True)
    by_class: dict[str, list[str]] = {name: [] for name in names}
    by_cluster: dict[tuple[str, int], list[str]] = {}
    cluster_of: dict[str, int] = {}
    nodes: dict[str, dict] = {}
    for i in range(n_entities):
        cls = rng.choices(names, weights)[0]
        iri = f"{ENTITY_NS}{cls.lower()}-{i:06d}"
        cluster = rng.randrange(clusters)
        ru = f"{_name(rng, 2)} {_name(rng, 3)}" if cls == "Person" else f"{_name(rng, 3)} {i}"
        aliases = sorted({f"{ru.split()[0]} {_name(rng, 2)}" for _ in range(rng.choice(
            (0, 0, 0, 1, 2)))})
        links = [f"https://www.wikidata.org/wiki/Q{rng.randint(1000, 9_999_999)}"] if (
            rng.random() < 0.4) else []
        nodes[iri] = {"kind": "entity", "cls": cls, "label": {"ru": ru, "en": f"Entity {i}"},
                      "aliases": aliases, "links": links, "articles": [], "quotes": [],
                      "attributes": [], "start": None, "end": None}
        kinds[iri] = ("entity", cls)
        by_class[cls].append(iri)
        by_cluster.setdefault((cls, cluster), []).append(iri)
        cluster_of[iri] = cluster

    def pick(classes: tuple[str, ...], cluster: int, taken: set[str]) -> str | None:
        """An entity of one of `classes`: mostly from `cluster`, else anywhere (early ones
        more often, so some entities become hubs)."""
        for _ in range(10):
            cls = rng.choice(classes)
            local = by_cluster.get((cls, cluster))
            pool = by_class[cls]
            if not pool:
                continue
            if local and rng.random() < 0.8:
                iri = rng.choice(local)
            else:
                iri = pool[int(len(pool) * rng.random() ** 2.5)]
            if iri not in taken:
                return iri
        return None

    edges: list[tuple[str, str, str, str | None]] = []
    fact_names, fact_weights, fact_roles = zip(*FACT_MIX, strict=True)
    for j in range(n_facts):
        k = rng.choices(range(len(fact_names)), fact_weights)[0]
        cls = fact_names[k]
        iri = f"{FACT_NS}{cls.lower()}-{j:06d}"
        cluster = rng.randrange(clusters)
        taken: set[str] = set()
        for role, targets, low, high in fact_roles[k]:
            for _ in range(rng.randint(low, high)):
                target = pick(targets, cluster, taken)
                if target is not None:
                    taken.add(target)
                    edges.append((iri, target, role, iri))
        start = _month(rng)
        end = start if rng.random() < 0.8 else _month(rng)
        start, end = min(start, end), max(start, end)
        quotes = []
        for _ in range(rng.choice((1, 1, 2))):
            text = _sentence(rng, rng.randint(8, 16))
            offset = rng.randint(0, 5000)
            quotes.append({"article": rng.choice(article_keys), "text": text, "start": offset,
                           "end": offset + len(text)})
        quotes.sort(key=lambda q: (q["article"], q["start"], q["end"]))
        attributes = [{"label": role_label["date"], "value": start},
                      {"label": role_label["datePrecision"], "value": "месяц"}]
        if cls == "ProjectReport":
            attributes += [{"label": role_label["investment"],
                            "value": f"{rng.randint(1, 900) * 10**7} RUB"},
                           {"label": role_label["stage"],
                            "value": rng.choice(list(STAGES.values()))}]
        elif cls == "Statement":
            attributes.append({"label": role_label["text"], "value": _sentence(rng, 20)})
        elif cls != "PostHolding":
            attributes.append({"label": role_label["status"],
                               "value": rng.choice(list(STATUSES.values()))})
        if rng.random() < 0.2:
            attributes.append({"label": {"ru": "примечание", "en": "note"},
                               "value": _sentence(rng, 10)})
        ru_class = vocab.label(vocab.classes[cls], "ru")
        nodes[iri] = {"kind": "fact", "cls": cls,
                      "label": {"ru": f"{ru_class} {start}", "en": f"{cls} {start}"},
                      "aliases": [], "links": [], "quotes": quotes,
                      "articles": sorted({q["article"] for q in quotes}),
                      "attributes": attributes, "start": start, "end": end}
        kinds[iri] = ("fact", cls)

    # Static relations until there are about two edges a node.
    subjects = [(iri, prop, objects) for subject_classes, prop, objects in STATIC
                for cls in subject_classes for iri in by_class[cls]]
    seen = {(a, b) for a, b, _, _ in edges}
    attempts = 0
    while subjects and len(edges) < 2 * size and attempts < 20 * size:
        attempts += 1
        iri, prop, objects = rng.choice(subjects)
        target = pick(objects, cluster_of[iri], {iri})
        if target is not None and (iri, target) not in seen:
            seen.add((iri, target))
            edges.append((iri, target, prop, None))

    for iri in sorted(nodes):
        result.graph.add_node(iri, **nodes[iri])
        kind, cls = kinds[iri]
        result.classes.setdefault(cls, {"id": cls, "kind": kind,
                                        "label": label(vocab.classes[cls])})
    for a, b, role, fact in sorted(edges):
        result.graph.add_edge(a, b, role=role, label=role_label[role], fact=fact)
    _collapse(result, kinds, vocab)
    return result


# --- timing helpers -------------------------------------------------------------------------------


def timed(fn: Callable[[], object], runs: int, slow: float) -> tuple[float, int, object]:
    """Median seconds of `runs` calls (one only if the first is slower than `slow`)."""
    times, value = [], None
    for i in range(runs):
        gc.collect()
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
        if i == 0 and times[0] > slow:
            break
    return statistics.median(times), len(times), value


def fmt(seconds: float | None, digits: int = 2) -> str:
    return "–" if seconds is None else f"{seconds:.{digits}f}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


# --- Python side ----------------------------------------------------------------------------------


def python_side(projection, vocab, runs: int, slow: float, out: Path) -> dict:
    from regiongraph.view.analytics import analyse
    from regiongraph.view.model import view_model
    from regiongraph.view.page import render_page

    result: dict = {}
    result["analyse"], result["analyse_runs"], analytics = timed(
        lambda: analyse(projection), runs, slow)
    result["sampled"] = analytics.sampled
    result["model"], _, model = timed(
        lambda: view_model(projection, analytics, vocab, "bench"), runs, slow)
    result["page"], _, _ = timed(lambda: render_page(model, "bench"), runs, slow)
    result["collapsed"] = len(model["collapsed"])
    model = None  # the written run starts from the analytics alone, as render_view does

    def written() -> None:
        built = view_model(projection, analytics, vocab, "bench")
        out.write_text(render_page(built, "bench"), encoding="utf-8")

    result["written"], _, _ = timed(written, runs, slow)
    result["mb"] = out.stat().st_size / 1e6
    return result


def pyvis_page(projection, out: Path) -> None:
    """A default pyvis page of the graph, nodes and edges as add_node/add_edge make them."""
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    net = Network(cdn_resources="in_line")
    graph = projection.graph
    for iri in sorted(graph):
        node = Node(iri, "dot", label=graph.nodes[iri]["label"]["ru"], color="#97c2fc",
                    font_color=net.font_color)
        net.nodes.append(node.options)
        net.node_ids.append(iri)
        net.node_map[iri] = node.options
    pairs = set()
    for a, b in sorted(graph.edges()):  # undirected: add_edge keeps one edge per pair
        if (a, b) not in pairs and (b, a) not in pairs:
            pairs.add((a, b))
            net.edges.append(Edge(a, b, net.directed).options)
    net.write_html(str(out))


def from_nx_seconds(projection) -> tuple[float, int]:
    """Seconds pyvis's own from_nx takes for the graph (undirected, labels only)."""
    from pyvis.network import Network

    plain = nx.Graph()
    plain.add_nodes_from((n, {"label": d["label"]["ru"]})
                         for n, d in sorted(projection.graph.nodes(data=True)))
    plain.add_edges_from(sorted(projection.graph.edges()))
    net = Network(cdn_resources="in_line")
    start = time.perf_counter()
    net.from_nx(plain)
    return time.perf_counter() - start, len(net.edges)


# --- browser side ---------------------------------------------------------------------------------

#: Makes pyvis's global `network` a setter, so listeners are on before stabilisation starts.
HOOK = """(() => {
  const bench = window.__bench = {};
  let value;
  Object.defineProperty(window, "network", {
    configurable: true,
    get() { return value; },
    set(net) {
      value = net;
      if (!net || typeof net.once !== "function" || bench.created) return;
      bench.created = performance.now();
      net.once("stabilizationIterationsDone", () => { bench.iterationsDone = performance.now(); });
      net.once("stabilized", (p) => {
        bench.stabilized = performance.now();
        bench.iterations = p && p.iterations;
      });
    },
  });
})();"""


def our_page(browser, path: Path, collapsed: int) -> dict:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    try:
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=300_000)
        page.wait_for_selector("body[data-ready='true']", state="attached", timeout=300_000)
        tti = time.perf_counter() - start
        timings = page.evaluate("window.regiongraph.timings")
        start = time.perf_counter()
        page.check("#collapse")
        shown = page.evaluate("window.regiongraph.visibleEdgeIds()"
                              ".filter(id => id.startsWith('c')).length")
        toggle = time.perf_counter() - start
    finally:
        context.close()
    if shown != collapsed or errors:
        raise RuntimeError(f"collapse showed {shown} of {collapsed} edges; errors {errors}")
    external = [url for url in requests if not url.startswith("file:")]
    return {"tti": tti, "drawn": timings.get("drawn", 0) / 1000, "toggle": toggle,
            "external": len(external)}


def pyvis_browser(browser, path: Path, cap: float) -> dict:
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(HOOK)
    page = context.new_page()
    blocked: list[str] = []

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith("http"):
            blocked.append(url)
            request_route.abort()
        else:
            request_route.continue_()

    page.route("**/*", route)
    try:
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=int(cap * 1000))
        settled = None
        try:
            page.wait_for_function("() => window.__bench && window.__bench.stabilized",
                                   timeout=max(1, int((cap - (time.perf_counter() - start))
                                                      * 1000)), polling=100)
            settled = time.perf_counter() - start
        except Exception as error:  # playwright's TimeoutError: not settled within the cap
            if "Timeout" not in type(error).__name__:
                raise
        bench = page.evaluate("window.__bench || {}")
    finally:
        context.close()
    done = bench.get("iterationsDone")
    return {"settled": settled, "shown": done / 1000 if done else None,
            "iterations": bench.get("iterations"), "blocked": len(blocked)}


def chromium_version() -> str:
    try:
        done = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True,
                              timeout=30, check=False)
        return done.stdout.strip() or "unknown"
    except OSError:
        return "not found"


def machine() -> str:
    return "\n".join([*describe(("networkx", "pyvis", "playwright")),
                      f"chromium: {chromium_version()} (headless=new, --disable-gpu)"])


# --- main -----------------------------------------------------------------------------------------


def profile(projection, vocab, top: int = 20) -> None:
    from regiongraph.view.analytics import analyse
    from regiongraph.view.model import view_model
    from regiongraph.view.page import render_page

    profiler = cProfile.Profile()
    profiler.enable()
    analytics = analyse(projection)
    render_page(view_model(projection, analytics, vocab, "bench"), "bench")
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="100,1000,5000,20000",
                        help="node counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs for each median")
    parser.add_argument("--slow", type=float, default=10.0,
                        help="a Python step slower than this many seconds runs once")
    parser.add_argument("--cap", type=float, default=180.0,
                        help="seconds to wait for a pyvis page to settle")
    parser.add_argument("--no-baseline", action="store_true", help="skip the pyvis baseline")
    parser.add_argument("--profile", action="store_true",
                        help="only cProfile our generation at each size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    sys.path.insert(0, str(ROOT))
    from regiongraph.vocab import Vocabulary

    vocab = Vocabulary.load(ONTOLOGY)
    if args.profile:
        for size in sizes:
            print(f"== cProfile: analyse + view_model + render_page, {size} nodes")
            profile(synthetic_projection(size, vocab), vocab)
        return 0

    print(machine())
    print(flush=True)
    from playwright.sync_api import sync_playwright

    rows: dict[int, dict] = {}
    notes: list[str] = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-view-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        skip_baseline = args.no_baseline
        for size in sizes:
            runs = 1 if size >= 20_000 else args.runs
            projection = synthetic_projection(size, vocab)
            graph = projection.graph
            row = {"nodes": len(graph), "edges": graph.number_of_edges(),
                   "entities": sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "entity")}
            ours = Path(tmp) / f"ours-{size}.html"
            row |= python_side(projection, vocab, args.runs, args.slow, ours)
            print(f"[{size}] python done: analyse {row['analyse']:.2f}s, written "
                  f"{row['written']:.2f}s, {row['mb']:.1f} MB", flush=True)

            pages = [our_page(browser, ours, row["collapsed"]) for _ in range(runs)]
            row["tti"] = statistics.median(p["tti"] for p in pages)
            row["drawn"] = statistics.median(p["drawn"] for p in pages)
            row["toggle"] = statistics.median(p["toggle"] for p in pages)
            row["external"] = max(p["external"] for p in pages)
            row["pages"] = len(pages)
            print(f"[{size}] our page: {row['tti']:.2f}s to interactive", flush=True)

            theirs = Path(tmp) / f"pyvis-{size}.html"
            row["pv_gen"], _, _ = timed(lambda p=projection, t=theirs: pyvis_page(p, t),
                                        args.runs, args.slow)
            row["pv_mb"] = theirs.stat().st_size / 1e6
            if size == 1000:
                seconds, kept = from_nx_seconds(projection)
                notes.append(f"pyvis from_nx alone at {len(graph)} nodes / {kept} edges: "
                             f"{seconds:.2f} s (filling net.nodes/net.edges and writing the page: "
                             f"{row['pv_gen']:.2f} s)")
            if skip_baseline:
                row["pv"] = None
            else:
                settle = [pyvis_browser(browser, theirs, args.cap)]
                first = settle[0]["settled"]
                if first is not None and first <= SLOW_PAGE:
                    settle += [pyvis_browser(browser, theirs, args.cap) for _ in range(runs - 1)]
                done = [s["settled"] for s in settle]
                row["pv"] = {
                    "settled": None if None in done else statistics.median(done),
                    "shown": statistics.median(s["shown"] for s in settle)
                    if all(s["shown"] is not None for s in settle) else None,
                    "pages": len(settle), "blocked": max(s["blocked"] for s in settle),
                    "iterations": settle[0]["iterations"]}
                print(f"[{size}] pyvis page: settled "
                      f"{fmt(row['pv']['settled']) if row['pv']['settled'] else f'>{args.cap:g}'}"
                      " s", flush=True)
                if row["pv"]["settled"] is None and size >= 5000:
                    skip_baseline = True
                    notes.append(f"pyvis at {size} nodes did not settle within {args.cap:g} s: "
                                 "larger baselines skipped")
            rows[size] = row
        browser.close()

    print()
    print("Python side (seconds; median of runs, one run when the first exceeds "
          f"{args.slow:g} s)")
    print(table(
        ["nodes", "entities", "facts", "edges", "coll.", "analyse", "betweenness", "view_model",
         "render_page", "HTML written", "MB", "runs"],
        [[str(r["nodes"]), str(r["entities"]), str(r["nodes"] - r["entities"]), str(r["edges"]),
          str(r["collapsed"]), fmt(r["analyse"]), "sampled" if r["sampled"] else "exact",
          fmt(r["model"]), fmt(r["page"]), fmt(r["written"]), f"{r['mb']:.2f}",
          str(r["analyse_runs"])] for r in rows.values()]))
    print()
    print("Our page in Chromium (seconds; goto start to body[data-ready]; page-side "
          "timings.drawn; collapse = check('#collapse') + evaluate)")
    print(table(["nodes", "interactive", "drawn (page)", "collapse ms", "pages",
                 "external requests"],
                [[str(r["nodes"]), fmt(r["tti"]), fmt(r["drawn"]), f"{r['toggle'] * 1000:.0f}",
                  str(r["pages"]), str(r["external"])] for r in rows.values()]))
    print()
    cap = f">{args.cap:g}"
    print("Side by side (gen = analyse + HTML written for ours; pyvis = build net + write_html; "
          "pyvis settled = goto start to 'stabilized')")
    body = []
    for r in rows.values():
        pv = r["pv"]
        settled = None if pv is None else pv["settled"]
        shown = "skipped" if pv is None else (cap if settled is None else fmt(settled))
        ratio = "–" if pv is None else (f">{args.cap / r['tti']:.0f}" if settled is None
                                        else f"{settled / r['tti']:.1f}")
        body.append([str(r["nodes"]), str(r["edges"]), fmt(r["analyse"] + r["written"]),
                     f"{r['mb']:.2f}", fmt(r["tti"]), fmt(r["pv_gen"]), f"{r['pv_mb']:.2f}",
                     shown, ratio])
    print(table(["nodes", "edges", "ours gen s", "ours MB", "ours TTI s", "pyvis gen s",
                 "pyvis MB", "pyvis settled s", "pyvis/ours"], body))
    print()
    print("pyvis detail: 'shown' = stabilizationIterationsDone (loading bar hidden), page-side")
    print(table(["nodes", "shown s", "settled s", "iterations", "pages", "blocked requests"],
                [[str(r["nodes"]), fmt(r["pv"]["shown"]) if r["pv"] else "–",
                  (fmt(r["pv"]["settled"]) if r["pv"]["settled"] else cap) if r["pv"] else "–",
                  str(r["pv"]["iterations"]) if r["pv"] else "–",
                  str(r["pv"]["pages"]) if r["pv"] else "–",
                  str(r["pv"]["blocked"]) if r["pv"] else "–"] for r in rows.values()]))
    for note in notes:
        print(f"note: {note}")
    print(f"total bench time: {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
