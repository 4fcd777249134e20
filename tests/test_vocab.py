"""kg.vocab mirrors ontology/surveykg.ttl exactly, and its helpers behave."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS
from rdflib.plugins.sparql import prepareQuery

from kg import vocab
from kg.vocab import SKG

DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(vocab.ONTOLOGY_PATH, format="turtle")


def declared(graph: Graph, rdf_type: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, rdf_type) if isinstance(s, URIRef) and s in SKG}


def test_files_exist() -> None:
    assert vocab.ONTOLOGY_PATH.is_file()
    assert vocab.SHAPES_PATH.is_file()
    assert vocab.ONTOLOGY_PATH.parent.name == "ontology"


def test_declared_terms_equal_vocab_terms(ontology: Graph) -> None:
    in_file = set().union(*(declared(ontology, t) for t in DECLARATION_TYPES))
    in_vocab = vocab.CLASSES | vocab.PROPERTIES | vocab.INDIVIDUALS
    assert in_file - in_vocab == set(), "declared in surveykg.ttl but missing from kg.vocab"
    assert in_vocab - in_file == set(), "in kg.vocab but not declared in surveykg.ttl"


def test_every_skg_subject_is_declared(ontology: Graph) -> None:
    subjects = {s for s in ontology.subjects() if isinstance(s, URIRef) and s in SKG}
    assert subjects == vocab.CLASSES | vocab.PROPERTIES | vocab.INDIVIDUALS


def test_kinds_match(ontology: Graph) -> None:
    assert declared(ontology, OWL.Class) == vocab.CLASSES
    assert declared(ontology, OWL.ObjectProperty) == vocab.OBJECT_PROPERTIES
    assert declared(ontology, OWL.DatatypeProperty) == vocab.DATATYPE_PROPERTIES
    assert declared(ontology, OWL.NamedIndividual) == vocab.INDIVIDUALS
    assert vocab.OBJECT_PROPERTIES.isdisjoint(vocab.DATATYPE_PROPERTIES)


def test_term_sets_are_disjoint() -> None:
    assert vocab.CLASSES.isdisjoint(vocab.PROPERTIES)
    assert vocab.CLASSES.isdisjoint(vocab.INDIVIDUALS)
    assert vocab.PROPERTIES.isdisjoint(vocab.INDIVIDUALS)


def test_each_constant_is_named_after_its_term() -> None:
    constants = {
        name: value
        for name, value in vars(vocab).items()
        if isinstance(value, URIRef) and value in SKG and not name.isupper()
    }
    for name, value in constants.items():
        assert value == SKG[name], f"vocab.{name} is {value}"
    assert set(constants.values()) == vocab.CLASSES | vocab.PROPERTIES | vocab.INDIVIDUALS


def test_issue_type_codes_are_the_notations(ontology: Graph) -> None:
    notations = {
        str(code): term
        for term, code in ontology.subject_objects(SKOS.notation)
        if (term, RDF.type, vocab.IssueType) in ontology
    }
    assert notations == vocab.ISSUE_TYPES
    for code in vocab.ISSUE_TYPES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code)


def test_prefixes_cover_the_contract() -> None:
    assert vocab.PREFIXES["skg"] == "https://w3id.org/surveykg/ontology#"
    assert vocab.PREFIXES["skgr"] == "https://w3id.org/surveykg/id/"
    assert vocab.PREFIXES["skos"] == "http://www.w3.org/2004/02/skos/core#"
    assert vocab.PREFIXES["dcterms"] == "http://purl.org/dc/terms/"
    assert vocab.PREFIXES["prov"] == "http://www.w3.org/ns/prov#"
    assert vocab.PREFIXES["cito"] == "http://purl.org/spar/cito/"
    assert vocab.PREFIXES["fabio"] == "http://purl.org/spar/fabio/"
    assert vocab.PREFIXES["schema"] == "https://schema.org/"
    assert vocab.PREFIXES["bibo"] == "http://purl.org/ontology/bibo/"
    for prefix in ("rdf", "rdfs", "owl", "xsd"):
        assert prefix in vocab.PREFIXES


def test_namespace_constants_agree_with_prefixes() -> None:
    assert str(vocab.SKG) == vocab.PREFIXES["skg"]
    assert str(vocab.SKGR) == vocab.PREFIXES["skgr"]
    assert str(vocab.CITO) == vocab.PREFIXES["cito"]
    assert str(vocab.FABIO) == vocab.PREFIXES["fabio"]
    assert str(vocab.BIBO) == vocab.PREFIXES["bibo"]
    assert str(vocab.SCHEMA) == vocab.PREFIXES["schema"]
    assert vocab.SCHEMA.url == URIRef("https://schema.org/url")


def test_ontology_binds_the_same_prefixes(ontology: Graph) -> None:
    bound = {p: str(ns) for p, ns in ontology.namespaces()}
    for prefix, iri in vocab.PREFIXES.items():
        assert bound.get(prefix) == iri, prefix


def test_sparql_prologue_is_sorted_and_usable() -> None:
    prologue = vocab.sparql_prologue()
    lines = prologue.splitlines()
    assert len(lines) == len(vocab.PREFIXES)
    names = [line.split()[1].rstrip(":") for line in lines]
    assert names == sorted(vocab.PREFIXES)
    assert prologue == vocab.sparql_prologue()
    assert all(re.fullmatch(r"PREFIX [a-z]+: <[^<>\s]+>", line) for line in lines)
    prepareQuery(prologue + "SELECT ?p WHERE { ?p a skg:Paper ; dcterms:title ?t }")


def test_standard_terms_are_listed_in_the_header(ontology: Graph) -> None:
    text = vocab.ONTOLOGY_PATH.read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for term in vocab.STANDARD_TERMS:
        prefix, local = next(
            (p, term[len(ns) :]) for p, ns in vocab.PREFIXES.items() if term.startswith(ns)
        )
        assert f"{prefix}:{local}" in header, f"{prefix}:{local} missing from the header comment"


def test_plain_prefixes_equal_rdflib_namespaces() -> None:
    """kg.prefixes spells the namespaces out so that querying needs no rdflib; they must agree."""
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

    from kg.prefixes import PREFIXES

    standard = {"dcterms": DCTERMS, "owl": OWL, "prov": PROV, "rdf": RDF, "rdfs": RDFS}
    standard |= {"schema": SDO, "skos": SKOS, "xsd": XSD}
    assert {p: PREFIXES[p] for p in standard} == {p: str(ns) for p, ns in standard.items()}
    assert vocab.PREFIXES is PREFIXES


def test_issue_kinds_and_predicates_name_ontology_terms() -> None:
    from kg.model import IssueKind, Predicate, Severity

    assert {URIRef(kind.iri) for kind in IssueKind} == vocab.INDIVIDUALS - {vocab.IssueTypeScheme}
    assert all(isinstance(kind.severity, Severity) for kind in IssueKind)
    own = {vocab.introduces, vocab.extends, vocab.evaluatedOn}
    assert {URIRef(p.iri) for p in Predicate if not p.is_mapping} == own
    mappings = {SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch}
    assert {URIRef(p.iri) for p in Predicate if p.is_mapping} == mappings
    assert IssueKind("placeholder") == "placeholder" and Predicate.EVALUATED_ON == "evaluatedOn"
