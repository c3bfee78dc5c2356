"""The ontology is the closed vocabulary: every term the code uses exists and is labelled."""

from rdflib import OWL, RDF, RDFS, Literal, URIRef

from regiongraph.config import ONTOLOGY_NS, Paths
from regiongraph.vocab import RG, Vocabulary

from .conftest import ROOT

VOCAB = Vocabulary.load(Paths.at(ROOT).ontology)


def test_every_term_the_code_uses_is_defined_in_the_ontology():
    defined = set(VOCAB.graph.subjects())
    missing = [name for name in RG.__annotations__ if URIRef(ONTOLOGY_NS + name) not in defined]
    assert missing == []


def test_closed_namespace_rejects_a_misspelt_term():
    try:
        RG.Fcat  # noqa: B018
    except AttributeError as error:
        assert "Fcat" in str(error)
    else:
        raise AssertionError("a misspelt term must fail")


def test_every_class_and_property_has_ru_and_en_labels_and_a_comment():
    graph = VOCAB.graph
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = {s for kind in kinds for s in graph.subjects(RDF.type, kind)
             if str(s).startswith(ONTOLOGY_NS)}
    assert len(terms) > 60
    incomplete = []
    for term in sorted(terms):
        langs = {label.language for label in graph.objects(term, RDFS.label)
                 if isinstance(label, Literal)}
        if not {"ru", "en"} <= langs or graph.value(term, RDFS.comment) is None:
            incomplete.append(term)
    assert incomplete == []


def test_every_own_class_aligns_with_schema_org():
    schema = "https://schema.org/"
    unaligned = [name for name, cls in VOCAB.classes.items()
                 if not any(str(s).startswith(schema) for s in VOCAB.superclasses(cls))]
    assert unaligned == []


def test_fact_kinds_and_roles_come_from_the_ontology():
    assert sorted(VOCAB.fact_classes) == [
        "Agreement", "CommemorativeEvent", "Cooperation", "CulturalEvent", "Deal", "Event",
        "Invitation", "Meeting", "Negotiation", "Ownership", "PostHolding", "ProjectReport",
        "Statement", "TradeFlow", "TradeTurnover", "Visit"]
    assert sorted(VOCAB.roles_of(VOCAB.classes["PostHolding"])) == [
        "confidence", "corroborates", "datePrecision", "endDate", "holder", "modality",
        "organisation", "phase", "post", "postedTo", "startDate"]
    assert sorted(VOCAB.roles_of(VOCAB.classes["Deal"])) == [
        "amount", "confidence", "corroborates", "date", "datePrecision", "dealType", "endDate",
        "modality", "organiser", "participant", "place", "startDate", "status", "subEventOf",
        "topic"]


def test_entity_classes_leave_out_facts_enumerations_and_extraction_runs():
    assert sorted(VOCAB.entity_classes) == [
        "Actor", "Agency", "City", "Company", "CooperationArea", "Country",
        "EducationalInstitution", "Facility", "GovernmentBody", "MediaOutlet", "NaturalArea",
        "Organisation", "OrganisationGroup", "Person", "Place", "Post", "Product",
        "ProductCategory", "Project", "Region", "Settlement", "Territory", "University"]


def test_wikidata_alignment_comes_from_the_ontology_and_is_inherited():
    classes = VOCAB.classes
    assert VOCAB.wikidata_classes(classes["Person"]) == {"Q5"}
    assert VOCAB.wikidata_classes(classes["Country"]) == {"Q6256", "Q3624078"}
    # a class with none of its own and no aligned superclass gets no Wikidata proposals
    assert VOCAB.wikidata_classes(classes["OrganisationGroup"]) == frozenset()
    assert VOCAB.wikidata_classes(classes["Product"]) == frozenset()
