"""The build end to end on the seed data: summary, outputs, determinism, provenance, SHACL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from regiongraph import Paths, compile_dataset
from regiongraph.cli import main
from regiongraph.validate import load_shapes, union_graph, validate
from regiongraph.vocab import PROV

from .conftest import ROOT

FILES = ["graph.gexf", "graph.graphml", "graph.html", "graph.jsonld", "graph.nq", "graph.trig",
         "graph.ttl"]
RDF_FILES = ["graph.jsonld", "graph.nq", "graph.trig", "graph.ttl"]


def test_build_prints_a_summary_and_writes_every_format(tmp_path, capsys):
    assert main(["build", "--root", str(ROOT), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["articles: 2", "entities: 95"]
    assert "  Person                      9" in out
    assert "facts: 69" in out
    assert "  PostHolding                12" in out
    assert "triples: 3144" in out
    assert out[-7:] == [f"wrote {tmp_path / name}" for name in FILES]
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES


def test_every_format_holds_the_same_graph(built):
    nquads = Dataset().parse(built / "graph.nq", format="nquads")
    trig = Dataset().parse(built / "graph.trig", format="trig")
    jsonld = Dataset().parse(built / "graph.jsonld", format="json-ld")
    turtle = Graph().parse(built / "graph.ttl", format="turtle")
    union = union_graph(nquads)
    assert len(union) == 3144
    for other in (trig, jsonld):
        assert isomorphic(union_graph(other), union)
        assert sorted(g.identifier for g in other.graphs() if len(g)) == sorted(
            g.identifier for g in nquads.graphs() if len(g))
    assert isomorphic(turtle, union)


def test_named_graphs_separate_ontology_registry_sources_and_curated_facts(built):
    dataset = Dataset().parse(built / "graph.nq", format="nquads")
    sizes = {str(g.identifier).rsplit("/", 1)[1]: len(g) for g in dataset.graphs() if len(g)}
    assert sorted(sizes) == ["analytics", "curated", "enrichment", "links", "ontology",
                             "registry", "sources"]
    curated = dataset.graph(URIRef("https://w3id.org/regiongraph/graph/curated"))
    facts = set(curated.subjects(PROV.wasDerivedFrom, None))
    assert len(facts) == 69


def test_no_blank_nodes_outside_the_ontology(built):
    dataset = Dataset().parse(built / "graph.nq", format="nquads")
    for graph in dataset.graphs():
        if str(graph.identifier).endswith("/ontology"):
            continue
        assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_two_builds_are_byte_identical_whatever_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "--out", str(out)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        outputs.append({name: (out / name).read_bytes() for name in FILES})
    assert outputs[0] == outputs[1]


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
