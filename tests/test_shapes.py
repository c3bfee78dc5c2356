"""ontology/shapes.ttl: every ontology class has a shape, and the shapes catch what they should.

Fixtures are in tests/shapes/. `conforming.ttl` is a small complete graph written the way the
build writes it (one entity of each entity class, articles, one fact of each fact class,
extracted facts and their extraction run) and must conform. Each other fixture is a delta on
it: validated as ontology + conforming.ttl + the fixture, it adds a few broken nodes, and the
test asserts the exact set of violations (focus node, result path, source shape, constraint
component), so it cannot pass by accident (a shape that fires for the wrong reason, or on the
wrong node, fails it too).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, SH, SKOS, BNode, Graph, Namespace, URIRef
from rdflib.term import Node

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "regiongraph.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
FIXTURES = Path(__file__).resolve().parent / "shapes"

RG = Namespace("https://w3id.org/regiongraph/ontology#")
ID = Namespace("https://w3id.org/regiongraph/id/")
FACT = Namespace("https://w3id.org/regiongraph/fact/")
RUN = Namespace("https://w3id.org/regiongraph/extraction/")
ARTICLE = Namespace("https://w3id.org/regiongraph/article/")
ENRICHMENT = Namespace("https://w3id.org/regiongraph/enrichment/")
RGSH = Namespace("https://w3id.org/regiongraph/shapes#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")

#: One expected result: focus node, result path (None for a node-level constraint), source
#: shape ("Shape" for a named shape, "Shape/name" for an inline property shape of "Shape",
#: by its sh:name) and constraint component (local name without "ConstraintComponent").
Expected = tuple[Node, Node | None, str, str]


def evidence(fact_id: str) -> URIRef:
    return FACT[f"{fact_id}/evidence/1"]


def amount(fact_id: str, number: int) -> URIRef:
    return FACT[f"{fact_id}/investment/{number}"]


EXPECTED: dict[str, set[Expected]] = {
    "fact_without_provenance.ttl": {
        (FACT["no-provenance"], PROV.wasDerivedFrom, "FactShape/source article", "MinCount"),
        (FACT["no-provenance"], PROV.qualifiedDerivation, "FactShape/evidence", "MinCount"),
    },
    "provenance_wrong.ttl": {
        (FACT["two-sources"], PROV.wasDerivedFrom, "FactShape/source article", "MaxCount"),
        (FACT["two-sources"], PROV.qualifiedDerivation, "FactShape/evidence", "Class"),
    },
    "meeting_one_participant.ttl": {
        (FACT["lonely-meeting"], RG.participant, "MeetingShape/participants of a meeting",
         "MinCount"),
    },
    "multiparty_events_short.ttl": {
        (FACT["one-sided-talks"], RG.participant, "NegotiationShape/parties to the talks",
         "MinCount"),
        (FACT["one-sided-agreement"], RG.participant, "AgreementShape/parties", "MinCount"),
        (FACT["anonymous-invitation"], RG.organiser, "InvitationShape/who invites", "MinCount"),
        (FACT["truck-festival"], RG.participant, "EventShape/participants", "Class"),
    },
    "event_without_date.ttl": {
        (FACT["undated-visit"], None, "EventShape", "Or"),
        (FACT["undated-visit"], RG.destination, "VisitShape/destination", "MinCount"),
    },
    "bad_date_datatype.ttl": {
        (FACT["string-date"], RG.date, "FactShape/date", "Or"),
        (FACT["string-planned"], RG.plannedStart, "ProjectReportShape/planned from", "Or"),
        (ARTICLE["timestamped"], DCTERMS.date, "NewsArticleShape/date", "Or"),
    },
    "entity_missing_en_label.ttl": {
        (ID["no-english"], RDFS.label, "labelEn", "QualifiedMinCount"),
        (ID["two-russian"], RDFS.label, "labelRu", "QualifiedMaxCount"),
        (ID["untagged"], RDFS.label, "labelTagged", "Datatype"),
    },
    "fact_missing_ru_label.ttl": {
        (FACT["english-only"], RDFS.label, "labelRu", "QualifiedMinCount"),
        (FACT["english-only"], RDFS.comment, "commentEn", "LanguageIn"),
    },
    "money_bad_currency.ttl": {
        (amount("bad-money", 1), SCHEMA.currency, "MonetaryAmountShape/currency", "Pattern"),
        (amount("bad-money", 1), SCHEMA.value, "MonetaryAmountShape/amount", "Datatype"),
    },
    "project_report_incomplete.ttl": {
        (FACT["no-project"], RG.project, "ProjectReportShape/project", "MinCount"),
        (FACT["no-project"], RG.investment, "ProjectReportShape/investment", "MaxCount"),
        (FACT["no-project"], RG.stage, "ProjectReportShape/stage", "Class"),
    },
    "quote_missing.ttl": {
        (evidence("unquoted"), RG.quote, "DerivationShape/quote", "MinCount"),
    },
    "bad_offsets.ttl": {
        (evidence("negative"), RG.startOffset, "DerivationShape/start offset", "Datatype"),
        (evidence("reversed"), RG.startOffset, "DerivationShape/start offset", "LessThan"),
        (evidence("not-an-article"), PROV.entity, "DerivationShape/article", "Class"),
    },
    "post_holding_wrong.ttl": {
        (FACT["company-governor"], RG.holder, "PostHoldingShape/holder", "Class"),
        (FACT["company-governor"], RG.post, "PostHoldingShape/post", "MinCount"),
        (FACT["company-governor"], RG.organisation, "PostHoldingShape/organisation",
         "MaxCount"),
    },
    "trade_flow_incomplete.ttl": {
        (FACT["nowhere-flow"], RG.origin, "TradeFlowShape/origin", "MinCount"),
        (FACT["nowhere-flow"], RG.destination, "TradeFlowShape/destination", "Class"),
    },
    "turnover_incomplete.ttl": {
        (FACT["lonely-turnover"], RG.party, "TradeTurnoverShape/parties", "MinCount"),
        (FACT["lonely-turnover"], RG.amount, "TradeTurnoverShape/amount", "MaxCount"),
    },
    "cooperation_incomplete.ttl": {
        (FACT["vague-cooperation"], RG.party, "CooperationShape/party", "MaxCount"),
        (FACT["vague-cooperation"], RG.area, "CooperationShape/areas", "MinCount"),
        (FACT["vague-cooperation"], RG.status, "CooperationShape/status", "Class"),
    },
    "statement_bad_text.ttl": {
        (FACT["who-said-it"], RG.speaker, "StatementShape/speaker", "MinCount"),
        (FACT["who-said-it"], RG.text, "StatementShape/text", "Datatype"),
        (FACT["who-said-it"], RG.saidAt, "StatementShape/said at", "Class"),
    },
    "article_incomplete.ttl": {
        (ARTICLE["broken"], RDFS.label, "NewsArticleShape/label", "Equals"),
        (ARTICLE["broken"], DCTERMS.language, "NewsArticleShape/language", "MinCount"),
        (ARTICLE["broken"], SCHEMA.articleBody, "NewsArticleShape/text", "MinCount"),
        (ARTICLE["broken"], DCTERMS.publisher, "NewsArticleShape/publisher", "MaxCount"),
    },
    "concept_incomplete.ttl": {
        (ID["schemeless"], SKOS.inScheme, "ConceptShape/scheme", "MinCount"),
        (ID["schemeless"], SKOS.inScheme, "CooperationAreaShape/scheme of cooperation areas",
         "HasValue"),
        (ID["schemeless"], SKOS.prefLabel, "ConceptShape/English preferred label",
         "QualifiedMinCount"),
        (ID["misfiled"], SKOS.inScheme, "ProductCategoryShape/scheme of product categories",
         "HasValue"),
    },
    "product_bad_category.ttl": {
        (ID["coal"], RG.category, "ProductShape/category", "MaxCount"),
        (ID["coal"], RG.category, "ProductShape/category", "Class"),
    },
    "located_in_not_place.ttl": {
        (ID["subsidiary"], RG.locatedIn, "OrganisationShape/located in", "Class"),
        (ID["depot"], RG.locatedIn, "FacilityShape/located in", "Class"),
        (ID["media-city"], RG.locatedIn, "PlaceShape/located in", "Class"),
    },
    "enum_without_notation.ttl": {
        (RG.statusCancelled, SKOS.notation, "EnumerationShape/notation", "MinCount"),
    },
    "deal_incomplete.ttl": {
        (FACT["short-deal"], RG.participant, "DealShape/parties to the deal", "MinCount"),
        (FACT["short-deal"], RG.participant, "EventShape/participants", "Class"),
        (FACT["short-deal"], RG.dealType, "DealShape/deal type", "MaxCount"),
        (FACT["short-deal"], RG.dealType, "DealShape/deal type", "Class"),
        (FACT["short-deal"], RG.amount, "DealShape/amount", "Class"),
    },
    "ownership_incomplete.ttl": {
        (FACT["ownerless"], RG.owner, "OwnershipShape/owner", "MinCount"),
        (FACT["ownerless"], RG.owned, "OwnershipShape/owned", "MaxCount"),
        (FACT["ownerless"], RG.owned, "OwnershipShape/owned", "Class"),
    },
    "extracted_fact_wrong.ttl": {
        (FACT["overconfident"], RG.confidence, "ExtractedFactShape/confidence", "MaxInclusive"),
        (FACT["unsure-twice"], RG.confidence, "ExtractedFactShape/confidence", "MaxCount"),
        (FACT["unrun"], None, "ExtractedFactShape", "Or"),
        (FACT["unscored"], None, "ExtractedFactShape", "Or"),
        (FACT["by-hand"], PROV.wasGeneratedBy, "ExtractedFactShape/extraction run", "Class"),
        (FACT["swapped"], RG.modality, "ExtractedFactShape/modality", "Class"),
        (FACT["swapped"], RG.phase, "ExtractedFactShape/phase", "Class"),
        (FACT["misdirected"], RG.corroborates, "ExtractedFactShape/corroborated fact", "Class"),
    },
    "extraction_run_incomplete.ttl": {
        (RUN["anonymous"], SCHEMA.softwareVersion, "ExtractionRunShape/software version",
         "MinCount"),
        (RUN["anonymous"], RDFS.label, "ExtractionRunShape/label", "MinCount"),
        (RUN["twice"], SCHEMA.softwareVersion, "ExtractionRunShape/software version",
         "MaxCount"),
    },
    "territory_classified.ttl": {
        (ID["x-loc-grodno"], None, "TerritoryShape", "Not"),
    },
    "enrichment_wrong.ttl": {
        (ID["off-the-globe"], SCHEMA.latitude, "PlaceEnrichmentShape/latitude", "MaxInclusive"),
        (ID["off-the-globe"], SCHEMA.longitude, "PlaceEnrichmentShape/longitude", "Datatype"),
        (ID["half-placed"], None, "PlaceEnrichmentShape", "Or"),
        (ID["half-placed"], RG.isoAlpha3, "PlaceEnrichmentShape/alpha-3 code", "Pattern"),
        (ENRICHMENT["half-placed/geonames"], DCTERMS.source,
         "EnrichmentRecordShape/source package", "MinCount"),
        (ENRICHMENT["half-placed/geonames"], PROV.wasDerivedFrom,
         "EnrichmentRecordShape/link looked up", "MinCount"),
        (ENRICHMENT["kemerovo/unlabelled"], DCTERMS.source,
         "EnrichmentRecordShape/source package", "Node"),
        (URIRef("https://pypi.org/project/mystery/0.1/"), RDFS.label,
         "SourcePackageShape/package and version", "MinCount"),
    },
}


@cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@cache
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def data_graph(*fixtures: str) -> Graph:
    graph = Graph()
    graph += ontology()
    for name in fixtures:
        graph.parse(FIXTURES / name, format="turtle")
    return graph


def in_rg(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(RG))


def local(node: Node, ns: Namespace) -> str:
    return str(node)[len(str(ns)):]


def shape_key(shape: Node) -> str:
    """A named shape by its local name; an inline property shape as owner/sh:name."""
    sg = shapes()
    if isinstance(shape, URIRef):
        return local(shape, RGSH)
    owners = list(sg.subjects(SH.property, shape))
    assert len(owners) == 1, f"inline shape {shape} should have one owner, has {owners}"
    return f"{local(owners[0], RGSH)}/{sg.value(shape, SH.name)}"


def results(report: Graph) -> set[Expected]:
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        assert report.value(result, SH.resultSeverity) == SH.Violation
        source = report.value(result, SH.sourceShape)
        message = shapes().value(source, SH.message)
        assert message is not None, f"shape {shape_key(source)} has no sh:message"
        assert str(report.value(result, SH.resultMessage)) == str(message)
        component = local(report.value(result, SH.sourceConstraintComponent), SH)
        found.add((report.value(result, SH.focusNode), report.value(result, SH.resultPath),
                   shape_key(source), component.removesuffix("ConstraintComponent")))
    return found


def run(*fixtures: str) -> tuple[bool, Graph, str]:
    conforms, report, text = validate(data_graph=data_graph(*fixtures), shacl_graph=shapes(),
                                      inference="none")
    return bool(conforms), report, str(text)


def test_conforming_fixture_conforms():
    conforms, _, text = run("conforming.ttl")
    assert conforms, text


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_violating_fixture_is_caught(fixture: str):
    conforms, report, text = run("conforming.ttl", fixture)
    assert not conforms, f"{fixture} should not conform"
    assert results(report) == EXPECTED[fixture], text


def test_every_fixture_has_expectations():
    on_disk = {p.name for p in FIXTURES.glob("*.ttl")} - {"conforming.ttl"}
    assert on_disk == set(EXPECTED)


def test_every_ontology_class_has_a_shape():
    onto = ontology()
    targets = set(shapes().objects(None, SH.targetClass))
    classes = [c for c in onto.subjects(RDF.type, OWL.Class) if in_rg(c)]
    assert len(classes) > 30  # the ontology was read
    missing = []
    for cls in classes:
        lineage = {c for c in onto.transitive_objects(cls, RDFS.subClassOf) if in_rg(c)}
        if not lineage & targets:
            missing.append(local(cls, RG))
    assert missing == [], f"classes without a shape on them or a superclass: {missing}"


def test_conforming_fixture_has_an_instance_of_every_leaf_class():
    graph = data_graph("conforming.ttl")
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if in_rg(c)}
    leaves = {c for c in classes if not any(in_rg(s) for s in graph.subjects(RDFS.subClassOf, c))}
    empty = sorted(local(c, RG) for c in leaves if (None, RDF.type, c) not in graph)
    assert empty == []


def test_shapes_name_only_ontology_terms():
    onto, sg = ontology(), shapes()
    classes = set(onto.subjects(RDF.type, OWL.Class))
    properties = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(
        onto.subjects(RDF.type, OWL.DatatypeProperty))
    for predicate in (SH.targetClass, SH["class"]):
        unknown = {o for o in sg.objects(None, predicate) if in_rg(o) and o not in classes}
        assert unknown == set(), f"{predicate}: not classes of the ontology: {unknown}"
    for predicate in (SH.path, SH.targetObjectsOf, SH.lessThan, SH.equals):
        unknown = {o for o in sg.objects(None, predicate) if in_rg(o) and o not in properties}
        assert unknown == set(), f"{predicate}: not properties of the ontology: {unknown}"


def test_every_shape_has_a_name_and_a_message():
    sg = shapes()
    node_shapes = set(sg.subjects(RDF.type, SH.NodeShape)) | set(
        sg.subjects(RDF.type, SH.PropertyShape))
    for predicate in (SH.targetClass, SH.targetObjectsOf):
        node_shapes |= set(sg.subjects(predicate, None))
    shapes_ = node_shapes | set(sg.objects(None, SH.property))
    assert len(shapes_) > 50
    for shape in shapes_:
        where = shape if isinstance(shape, URIRef) else shape_key(shape)
        assert sg.value(shape, SH.name) is not None, f"{where} has no sh:name"
        assert sg.value(shape, SH.message) is not None, f"{where} has no sh:message"
        assert sg.value(shape, SH.severity) in (None, SH.Violation), f"{where} is not a violation"
    assert all(isinstance(s, URIRef) for s in node_shapes), "top-level shapes need IRIs"


def test_qualified_label_shapes_require_exactly_one_per_language():
    sg = shapes()
    for shape, lang in ((RGSH.labelRu, "ru"), (RGSH.labelEn, "en")):
        assert sg.value(shape, SH.path) == RDFS.label
        assert int(sg.value(shape, SH.qualifiedMinCount)) == 1
        assert int(sg.value(shape, SH.qualifiedMaxCount)) == 1
        qualified = sg.value(shape, SH.qualifiedValueShape)
        assert isinstance(qualified, BNode)
        assert [str(x) for x in sg.items(sg.value(qualified, SH.languageIn))] == [lang]
