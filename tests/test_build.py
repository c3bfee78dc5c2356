"""The build end to end on the seed data: summary, outputs, determinism, provenance, SHACL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from regiongraph import BuildResult, Paths, compile_dataset
from regiongraph.cli import main
from regiongraph.dates import Point
from regiongraph.model import Article, Corpus, Entity, Evidence, Fact, Ref, Role
from regiongraph.validate import load_shapes, union_graph, validate
from regiongraph.vocab import PROV

from . import seed
from .conftest import ROOT

FILES = ["graph.gexf", "graph.graphml", "graph.html", "graph.jsonld", "graph.nq", "graph.trig",
         "graph.ttl"]
RDF_FILES = ["graph.jsonld", "graph.nq", "graph.trig", "graph.ttl"]


#: The summary's lines for curated facts by class (the extractor's additions follow as "+N").
CURATED_FACT_LINES = {
    "Agreement": 2, "CommemorativeEvent": 1, "Cooperation": 7, "CulturalEvent": 1,
    "Invitation": 2, "Meeting": 4, "Negotiation": 1, "PostHolding": 12, "ProjectReport": 17,
    "Statement": 9, "TradeFlow": 7, "TradeTurnover": 1, "Visit": 5,
}


def fact_lines(extracted: dict[str, int]) -> list[str]:
    return [f"  {name:<24}{CURATED_FACT_LINES.get(name, 0):>5}"
            + (f"{'+' + str(extracted[name]):>6}" if extracted.get(name) else "")
            for name in sorted(CURATED_FACT_LINES.keys() | extracted.keys())]


def test_build_prints_a_summary_and_writes_every_format(tmp_path, capsys):
    assert main(["build", "--root", str(ROOT), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    candidates = sum(seed.CANDIDATES.values())
    assert out[:2] == ["articles: 2",
                       f"entities: {seed.ENTITIES} (+{candidates} candidates from extraction)"]
    assert "  Person                      9" in out
    head = out.index(f"facts: {seed.CURATED_FACTS} curated, {seed.EXTRACTED_FACTS} extracted "
                     f"({seed.CORROBORATING} corroborate curated facts)")
    assert out[head + 1:out.index(f"triples: {seed.TRIPLES}")] == fact_lines(seed.NEW_FACTS)
    assert out[-7:] == [f"wrote {tmp_path / name}" for name in FILES]
    # and the extraction cache, one entry per article and the lemmas (not an output: see
    # test_extract_cache)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", *FILES]
    assert sorted(p.suffix for p in (tmp_path / ".cache" / "extract").iterdir()) == [
        ".lemmas", ".pickle", ".pickle"]


def test_summary_counts_curated_and_extracted_apart():
    article = Article("a", "Title", "Text.", Point(2025), "ru", Path("a.txt"))
    evidence = (Evidence("a", "Text.", 0, 5),)
    entities = [Entity("kuzbass", "Region", (("en", "Kuzbass"), ("ru", "Кузбасс"))),
                Entity("belaz", "Company", (("en", "BelAZ"), ("ru", "БелАЗ"))),
                Entity("x-org-mtz", "Company", (("en", "MTZ"), ("ru", "МТЗ")), graph="extracted")]
    facts = [Fact("meeting", "Meeting", "a", (), evidence),
             Fact("x-a-deal-1", "Deal", "a", (), evidence, graph="extracted"),
             Fact("x-a-meeting-2", "Meeting", "a", (), evidence, graph="extracted"),
             Fact("x-a-meeting-3", "Fact", "a", (Role("corroborates", Ref("meeting", "fact")),),
                  evidence, graph="extracted")]
    corpus = Corpus({"a": article}, {e.id: e for e in entities}, {f.id: f for f in facts})
    summary = BuildResult(corpus, Dataset(), 123, [Path("out/graph.ttl")], extracted=True)
    assert summary.summary().splitlines() == [
        "articles: 1",
        "entities: 2 (+1 candidates from extraction)",
        "  Company                     1    +1",
        "  Region                      1",
        "facts: 1 curated, 3 extracted (1 corroborate curated facts)",
        "  Deal                        0    +1",
        "  Meeting                     1    +1",
        "triples: 123",
        "wrote out/graph.ttl",
    ]


def test_build_without_extraction_has_only_curated_facts(tmp_path, capsys):
    assert main(["build", "--no-extract", "--root", str(ROOT), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["articles: 2", f"entities: {seed.ENTITIES}"]
    head = out.index(f"facts: {seed.CURATED_FACTS}")
    assert out[head + 1:out.index(f"triples: {seed.TRIPLES_CURATED}")] == fact_lines({})
    dataset = Dataset().parse(tmp_path / "graph.nq", format="nquads")
    names = sorted(str(g.identifier).rsplit("/", 1)[1] for g in dataset.graphs() if len(g))
    assert names == ["analytics", "curated", "enrichment", "links", "ontology", "registry",
                     "sources"]
    curated = dataset.graph(URIRef("https://w3id.org/regiongraph/graph/curated"))
    assert len(set(curated.subjects(PROV.wasDerivedFrom, None))) == seed.CURATED_FACTS
    assert not any("/x-" in str(term) for quad in dataset.quads() for term in quad[:3])


def test_every_format_holds_the_same_graph(built):
    nquads = Dataset().parse(built / "graph.nq", format="nquads")
    trig = Dataset().parse(built / "graph.trig", format="trig")
    jsonld = Dataset().parse(built / "graph.jsonld", format="json-ld")
    turtle = Graph().parse(built / "graph.ttl", format="turtle")
    union = union_graph(nquads)
    assert len(union) == seed.TRIPLES
    for other in (trig, jsonld):
        assert isomorphic(union_graph(other), union)
        assert sorted(g.identifier for g in other.graphs() if len(g)) == sorted(
            g.identifier for g in nquads.graphs() if len(g))
    assert isomorphic(turtle, union)


def test_named_graphs_separate_ontology_registry_sources_and_curated_facts(built):
    dataset = Dataset().parse(built / "graph.nq", format="nquads")
    sizes = {str(g.identifier).rsplit("/", 1)[1]: len(g) for g in dataset.graphs() if len(g)}
    assert sorted(sizes) == ["analytics", "curated", "enrichment", "extracted", "links",
                             "ontology", "registry", "sources"]
    curated = dataset.graph(URIRef("https://w3id.org/regiongraph/graph/curated"))
    facts = set(curated.subjects(PROV.wasDerivedFrom, None))
    assert len(facts) == seed.CURATED_FACTS
    extracted = dataset.graph(URIRef("https://w3id.org/regiongraph/graph/extracted"))
    assert len(set(extracted.subjects(PROV.wasDerivedFrom, None))) == seed.EXTRACTED_FACTS


def test_no_blank_nodes_outside_the_ontology(built):
    dataset = Dataset().parse(built / "graph.nq", format="nquads")
    for graph in dataset.graphs():
        if str(graph.identifier).endswith("/ontology"):
            continue
        assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_two_builds_are_byte_identical_whatever_the_hash_seed(tmp_path):
    """Extraction included: candidate ids, fact hashes and the order of extracted facts must
    not depend on hashing or on the order sets come out in."""
    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "--out", str(out)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        outputs.append({name: (out / name).read_bytes() for name in FILES})
    assert outputs[0] == outputs[1]
    # the outputs compared hold the extracted graph: one confidence per extracted fact
    nquads = outputs[0]["graph.nq"].decode()
    assert nquads.count(" <https://w3id.org/regiongraph/ontology#confidence> \"") == (
        seed.EXTRACTED_FACTS)


def test_build_graph_py_runs_the_same_build_as_the_cli(tmp_path, built):
    subprocess.run([sys.executable, "build_graph.py", "--out", str(tmp_path)], cwd=ROOT,
                   check=True, capture_output=True)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()


def test_shacl_catches_a_fact_without_provenance():
    union = compile_dataset(Paths.at(ROOT)).union
    fact = URIRef("https://w3id.org/regiongraph/fact/tsivilev-governor-2024")
    union.remove((fact, PROV.wasDerivedFrom, None))
    union.remove((fact, PROV.qualifiedDerivation, None))
    conforms, report, _ = validate(union, load_shapes(Paths.at(ROOT).shapes))
    assert not conforms
    sh = "http://www.w3.org/ns/shacl#"
    focus = {(o, p) for r in report.subjects(URIRef(sh + "focusNode"), fact)
             for o in [fact] for p in report.objects(r, URIRef(sh + "resultPath"))}
    assert focus == {(fact, PROV.wasDerivedFrom), (fact, PROV.qualifiedDerivation)}


def test_a_fact_node_carries_its_quote_and_offsets(built):
    graph = Graph().parse(built / "graph.ttl", format="turtle")
    fact = URIRef("https://w3id.org/regiongraph/fact/tsivilev-governor-2024")
    (derivation,) = graph.objects(fact, PROV.qualifiedDerivation)
    values = {str(p).rsplit("#", 1)[1]: str(o) for p, o in graph.predicate_objects(derivation)
              if str(p).startswith("https://w3id.org/regiongraph/ontology#")}
    assert values == {"quote": "губернатор Кузбасса Сергей Цивилев", "startOffset": "103",
                      "endOffset": "137"}
    text = (ROOT / "data/articles/003_5f773bcd8c98d1a8.txt").read_text(encoding="utf-8")
    assert text[103:137] == "губернатор Кузбасса Сергей Цивилев"


def test_output_folder_option_of_build_graph_py(tmp_path: Path):
    result = subprocess.run([sys.executable, "build_graph.py", "--out", str(tmp_path / "o")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == f"wrote {tmp_path / 'o' / 'graph.ttl'}"
