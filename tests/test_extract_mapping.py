"""The extractor's mapping onto the ontology agrees with the ontology and its shapes.

`resources/mapping.yaml` says which roles a found fact needs before it becomes a fact; a fact
missing a role its SHACL shape demands would fail the build, so every minimum of a shape must
be required by the mapping too.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import SH, Graph, URIRef

from regiongraph.extract.tofacts import mappings
from regiongraph.vocab import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
VOCAB = Vocabulary.load(ROOT / "ontology" / "regiongraph.ttl")
SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl")


def minimums(cls: URIRef) -> dict[str, int]:
    """sh:minCount per property of the shapes that target the class or a superclass."""
    out: dict[str, int] = {}
    for target in VOCAB.superclasses(cls):
        for shape in SHAPES.subjects(SH.targetClass, target):
            for prop in SHAPES.objects(shape, SH.property):
                path, count = SHAPES.value(prop, SH.path), SHAPES.value(prop, SH.minCount)
                if isinstance(path, URIRef) and count is not None:
                    name = VOCAB.local(path)
                    out[name] = max(out.get(name, 0), int(count))
    return out


def test_every_type_maps_to_a_fact_class_and_its_roles():
    maps = mappings(VOCAB)
    assert sorted(maps) == ["agreement", "cooperation", "deal", "investment", "meeting",
                            "occupation", "ownership",
                            "statement", "trade", "turnover", "visit"]
    for mapping in maps.values():
        roles = VOCAB.roles_of(VOCAB.fact_classes[mapping.cls])
        assert all(prop in roles for props in mapping.roles.values() for prop in props)


def test_the_mapping_requires_what_the_shapes_require():
    for kind, mapping in mappings(VOCAB).items():
        needed = minimums(VOCAB.fact_classes[mapping.cls])
        required = {}
        for props, count in mapping.requires.items():
            if "|" not in props:
                required[props] = count
        missing = {p: n for p, n in needed.items()
                   if p in VOCAB.roles_of(VOCAB.fact_classes[mapping.cls])
                   and p not in ("date", "startDate") and required.get(p, 0) < n}
        assert missing == {}, kind


def test_a_stake_sold_is_an_ownership_that_ends_in_the_graph(project):
    from regiongraph import Paths, build
    from regiongraph.query import open_store

    articles = project / "data" / "articles"
    (articles / "010_stake.txt").write_text(
        "Банк «Бета» продал свою долю в компании «Альфа».\n", encoding="utf-8")
    (articles / "010_stake.yaml").write_text(
        "id: 010_stake\ntitle: Продажа доли\ndate: '2025-03-14'\nlanguage: ru\n"
        "publisher: sibdepo\n", encoding="utf-8")
    build(Paths.at(project, project / "out"))
    rows = open_store(project / "out" / "graph.nq").query("""
        PREFIX rg: <https://w3id.org/regiongraph/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?phase WHERE { GRAPH ?g {
          ?fact a rg:Ownership ; rg:phase ?phase ;
                prov:wasDerivedFrom <https://w3id.org/regiongraph/article/010_stake> } }""")
    assert [str(row["phase"].value).rsplit("#", 1)[-1] for row in rows] == ["phaseEnd"]
