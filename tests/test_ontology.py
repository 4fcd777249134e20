"""ontology/surveykg.ttl honours the vocabulary contract; ontology/shapes.ttl accepts a
well-formed graph and rejects broken ones with a useful message."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph
import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

from kg import vocab
from kg.model import SectionOrigin, WorkKind
from kg.vocab import CITO, FABIO, SKG, SKGR
from tests.conftest import ROOT

# Plain namespaces: rdflib's strict XSD and SDO objects warn when pytest inspects them.
XSD = Namespace(vocab.PREFIXES["xsd"])
SCHEMA = Namespace(vocab.PREFIXES["schema"])

# The contract: the graph's public vocabulary design note. These terms may never be renamed
# or dropped; the lists are copied from the note rather than parsed from it, so that the
# test runs without the design folder.
CONTRACT_CLASSES = {
    "Work",
    "Paper",
    "BlogPost",
    "Software",
    "Method",
    "Dataset",
    "Benchmark",
    "Model",
    "Survey",
    "Section",
    "Person",
    "Venue",
    "Mention",
    "Assertion",
    "DataIssue",
}
CONTRACT_PROPERTIES = {
    "categorizedAs",
    "listedIn",
    "extends",
    "evaluatedOn",
    "introduces",
    "mentionOf",
    "inSection",
    "sourceFile",
    "line",
    "rawText",
    "arxivId",
    "aclId",
    "openreviewId",
    "venue",
    "summary",
    "highlighted",
    "confidence",
    "evidence",
}
CONTRACT_DATATYPE_PROPERTIES = {
    "sourceFile",
    "line",
    "rawText",
    "arxivId",
    "aclId",
    "openreviewId",
    "summary",
    "highlighted",
    "confidence",
    "evidence",
}
# (class, super-class) pairs the contract's "aligned with" column and the extensions require.
ALIGNED_CLASSES = [
    ("Work", PROV.Entity),
    ("Paper", SKG.Work),
    ("Paper", FABIO.ScholarlyWork),
    ("BlogPost", SKG.Work),
    ("Software", SKG.Work),
    ("Dataset", SCHEMA.Dataset),
    ("Benchmark", SKG.Dataset),
    ("Survey", SKOS.ConceptScheme),
    ("Section", SKOS.Concept),
    ("Mention", PROV.Entity),
    ("Assertion", RDF.Statement),
    ("Method", SKG.Entity),
    ("Dataset", SKG.Entity),
    ("Model", SKG.Entity),
    ("IssueType", SKOS.Concept),
    ("Rule", PROV.SoftwareAgent),
]
ALIGNED_PROPERTIES = [
    ("categorizedAs", DCTERMS.subject),
    ("titleVariant", DCTERMS.alternative),
    ("previousVersion", PROV.wasRevisionOf),
    ("alias", SKOS.altLabel),
]
# Properties deliberately left without rdfs:range; their comment says why.
OPEN_RANGE = {SKG.concerns}
EXPECTED_DATATYPES = {
    "line": XSD.integer,
    "order": XSD.integer,
    "mentionCount": XSD.integer,
    "listCount": XSD.integer,
    "workCount": XSD.integer,
    "totalWorkCount": XSD.integer,
    "sharedWorkCount": XSD.integer,
    "highlighted": XSD.boolean,
    "confidence": XSD.decimal,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(vocab.ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(vocab.SHAPES_PATH, format="turtle")


# ---------------------------------------------------------------- parsing


@pytest.mark.parametrize("path", [vocab.ONTOLOGY_PATH, vocab.SHAPES_PATH], ids=["onto", "shapes"])
def test_strict_turtle_parser_agrees_with_rdflib(path) -> None:
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(Graph().parse(path, format="turtle"))


# ---------------------------------------------------------------- the ontology header


def test_ontology_header(ontology: Graph) -> None:
    onto = vocab.ONTOLOGY_IRI
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionIRI) == URIRef(
        f"https://w3id.org/surveykg/ontology/{vocab.ONTOLOGY_VERSION}"
    )
    assert str(ontology.value(onto, OWL.versionInfo)) == vocab.ONTOLOGY_VERSION
    assert ontology.value(onto, DCTERMS.title) is not None
    assert ontology.value(onto, DCTERMS.description) is not None
    assert "MIT" in str(ontology.value(onto, DCTERMS.license))


def test_version_matches_the_package() -> None:
    import tomllib

    pyproject = ROOT / "pyproject.toml"
    with pyproject.open("rb") as fh:
        assert tomllib.load(fh)["project"]["version"] == vocab.ONTOLOGY_VERSION


# ---------------------------------------------------------------- the contract


@pytest.mark.parametrize("name", sorted(CONTRACT_CLASSES))
def test_contract_class_is_declared(ontology: Graph, name: str) -> None:
    term = SKG[name]
    assert (term, RDF.type, OWL.Class) in ontology
    assert term in vocab.CLASSES


@pytest.mark.parametrize("name", sorted(CONTRACT_PROPERTIES))
def test_contract_property_is_declared(ontology: Graph, name: str) -> None:
    term = SKG[name]
    kind = OWL.DatatypeProperty if name in CONTRACT_DATATYPE_PROPERTIES else OWL.ObjectProperty
    assert (term, RDF.type, kind) in ontology
    assert term in vocab.PROPERTIES


@pytest.mark.parametrize(
    "term",
    sorted(vocab.CLASSES | vocab.PROPERTIES | vocab.INDIVIDUALS),
    ids=lambda t: t.removeprefix(str(SKG)),
)
def test_every_term_has_label_comment_and_definer(ontology: Graph, term: URIRef) -> None:
    label = ontology.value(term, RDFS.label)
    comment = ontology.value(term, RDFS.comment)
    assert isinstance(label, Literal) and str(label).strip()
    assert isinstance(comment, Literal) and len(str(comment)) > 10
    assert label.language == "en" and comment.language == "en"
    assert ontology.value(term, RDFS.isDefinedBy) == vocab.ONTOLOGY_IRI


@pytest.mark.parametrize("term", sorted(vocab.PROPERTIES), ids=lambda t: t.removeprefix(str(SKG)))
def test_every_property_has_domain_and_range(ontology: Graph, term: URIRef) -> None:
    assert ontology.value(term, RDFS.domain) is not None
    if term in OPEN_RANGE:
        assert ontology.value(term, RDFS.range) is None
        assert "rdfs:range" in str(ontology.value(term, RDFS.comment))
        return
    rng = ontology.value(term, RDFS.range)
    assert rng is not None
    if term in vocab.DATATYPE_PROPERTIES:
        assert str(rng).startswith(str(XSD)), f"{term} has a non-datatype range {rng}"
    else:
        assert not str(rng).startswith(str(XSD)), f"{term} has a datatype range {rng}"


@pytest.mark.parametrize(("name", "datatype"), sorted(EXPECTED_DATATYPES.items()))
def test_datatype_ranges(ontology: Graph, name: str, datatype: URIRef) -> None:
    assert ontology.value(SKG[name], RDFS.range) == datatype


def test_domains_and_ranges_name_declared_classes(ontology: Graph) -> None:
    for term in vocab.PROPERTIES:
        for axis in (RDFS.domain, RDFS.range):
            value = ontology.value(term, axis)
            if value is None or str(value).startswith(str(XSD)):
                continue
            members = (
                list(Collection(ontology, ontology.value(value, OWL.unionOf)))
                if isinstance(value, BNode)
                else [value]
            )
            assert members, f"{term} {axis} is an empty union"
            for member in members:
                assert member in vocab.CLASSES, f"{term} {axis} names undeclared {member}"


@pytest.mark.parametrize(("name", "parent"), ALIGNED_CLASSES)
def test_class_alignment(ontology: Graph, name: str, parent: URIRef) -> None:
    assert (SKG[name], RDFS.subClassOf, parent) in ontology


@pytest.mark.parametrize(("name", "parent"), ALIGNED_PROPERTIES)
def test_property_alignment(ontology: Graph, name: str, parent: URIRef) -> None:
    assert (SKG[name], RDFS.subPropertyOf, parent) in ontology


def test_extends_points_at_cito_without_subsumption(ontology: Graph) -> None:
    assert (SKG.extends, RDFS.seeAlso, CITO.extends) in ontology
    assert (SKG.extends, RDFS.subPropertyOf, CITO.extends) not in ontology
    assert "rdfs:subPropertyOf" in str(ontology.value(SKG.extends, RDFS.comment))


def test_rule_is_not_a_plan(ontology: Graph) -> None:
    # prov:wasGeneratedBy ranges over prov:Activity, which PROV-O makes disjoint with
    # prov:Entity, hence with prov:Plan.
    assert (SKG.Rule, RDFS.subClassOf, PROV.Plan) not in ontology


def test_issue_types_form_a_scheme(ontology: Graph) -> None:
    assert (vocab.IssueTypeScheme, RDF.type, SKOS.ConceptScheme) in ontology
    for term in vocab.ISSUE_TYPES.values():
        assert (term, RDF.type, vocab.IssueType) in ontology
        assert (term, SKOS.inScheme, vocab.IssueTypeScheme) in ontology
        assert ontology.value(term, SKOS.prefLabel) is not None


def test_instances_namespace_is_not_used_for_terms(ontology: Graph) -> None:
    assert not any(isinstance(s, URIRef) and s in SKGR for s in ontology.subjects())


# ---------------------------------------------------------------- shapes agree with code


def sh_in_values(shapes: Graph, path: URIRef) -> set[str]:
    found = set()
    for prop in shapes.subjects(SH.path, path):
        head = shapes.value(prop, SH["in"])
        if head is not None:
            found |= {str(v) for v in Collection(shapes, head)}
    return found


def test_entry_kinds_match_the_model(shapes: Graph) -> None:
    assert sh_in_values(shapes, SKG.entryKind) == {k.value for k in WorkKind}


def test_section_origins_match_the_model(shapes: Graph) -> None:
    assert sh_in_values(shapes, SKG.sectionOrigin) == {o.value for o in SectionOrigin}


def test_issue_types_in_shapes_match_the_vocab(shapes: Graph) -> None:
    found = set()
    for prop in shapes.subjects(SH.path, SKG.issueType):
        found |= set(Collection(shapes, shapes.value(prop, SH["in"])))
    assert found == set(vocab.ISSUE_TYPES.values())


def test_shapes_use_only_declared_skg_terms(shapes: Graph) -> None:
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t in SKG}
    assert used <= vocab.CLASSES | vocab.PROPERTIES | vocab.INDIVIDUALS


def test_every_property_shape_has_a_message(shapes: Graph) -> None:
    for prop in set(shapes.subjects(SH.path, None)):
        assert shapes.value(prop, SH.message) is not None, prop
    for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
        assert shapes.value(node, RDFS.comment) is not None, node


# ---------------------------------------------------------------- shapes on data

GOOD = """
@prefix skg: <https://w3id.org/surveykg/ontology#> .
@prefix skgr: <https://w3id.org/surveykg/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix cito: <http://purl.org/spar/cito/> .
@prefix schema: <https://schema.org/> .
@prefix bibo: <http://purl.org/ontology/bibo/> .

skgr:survey\\/one a skg:Survey ;
    dcterms:title "Survey one" ;
    skg:sourceFile "data/lists/one.md" ;
    skg:sha256 "7aeb4e766bafbfaed93b5e986b25122f5834cb514b99b1930c8d661811d518ff" ;
    skg:versionLabel "earlier version" .

skgr:survey\\/two a skg:Survey ;
    dcterms:title "Survey two" ;
    skg:sourceFile "data/lists/two.md" ;
    skg:previousVersion skgr:survey\\/one .

skgr:section\\/one\\/4 a skg:Section ;
    skos:prefLabel "Data synthesis"@en ;
    skos:notation "4" ;
    skos:inScheme skgr:survey\\/one ;
    skos:topConceptOf skgr:survey\\/one ;
    skg:order 0 ;
    skg:line 10 ;
    skg:sectionOrigin "heading" .

skgr:section\\/one\\/4.1 a skg:Section ;
    skos:prefLabel "Instruction synthesis"@en ;
    skos:notation "4.1" ;
    skos:broader skgr:section\\/one\\/4 ;
    skos:inScheme skgr:survey\\/one ;
    skg:order 1 .

skgr:section\\/two\\/synthesis a skg:Section ;
    skos:prefLabel "Synthesis"@en ;
    skos:inScheme skgr:survey\\/two ;
    skos:topConceptOf skgr:survey\\/two ;
    skos:exactMatch skgr:section\\/one\\/4 ;
    skg:sectionOrigin "category" .

skgr:paper\\/self-instruct a skg:Paper ;
    dcterms:title "Self-Instruct: Aligning Language Models with Self-Generated Instructions" ;
    skg:titleVariant "SELF-INSTRUCT: Aligning Language Models with Self-Generated Instructions" ;
    dcterms:issued "2023"^^xsd:gYear ;
    dcterms:creator skgr:person\\/yizhong-wang ;
    skg:venue skgr:venue\\/acl ;
    skg:venueTrack "Long Papers" ;
    skg:publicationStatus "published" ;
    skg:arxivId "2212.10560" ;
    bibo:doi "10.18653/v1/2023.acl-long.754" ;
    skg:aclId "2023.acl-long.754" ;
    schema:url <https://aclanthology.org/2023.acl-long.754> ;
    schema:codeRepository <https://github.com/yizhongw/self-instruct> ;
    skg:githubRepo "yizhongw/self-instruct" ;
    skg:summary "Bootstraps instruction data from the model itself." ;
    skg:mentionCount 1 ;
    skg:listedIn skgr:survey\\/one ;
    skg:categorizedAs skgr:section\\/one\\/4.1 ;
    skg:introduces skgr:method\\/self-instruct .

skgr:paper\\/old a skg:Paper ;
    dcterms:title "An old-style arXiv paper" ;
    skg:arxivId "cs/0112017" ;
    skg:openreviewId "wcSx5VjTPP" ;
    skg:listedIn skgr:survey\\/two ;
    skg:categorizedAs skgr:section\\/two\\/synthesis ;
    skg:extends skgr:paper\\/self-instruct ;
    cito:extends skgr:paper\\/self-instruct ;
    skg:evaluatedOn skgr:dataset\\/gsm8k .

skgr:person\\/yizhong-wang a skg:Person ; rdfs:label "Yizhong Wang" .
skgr:venue\\/acl a skg:Venue ; rdfs:label "ACL" .
skgr:method\\/self-instruct a skg:Method ; rdfs:label "Self-Instruct" ; skg:alias "SelfInstruct" .
skgr:dataset\\/gsm8k a skg:Benchmark ; rdfs:label "GSM8K" ; skg:hfId "openai/gsm8k" .

skgr:mention\\/one\\/12 a skg:Mention ;
    skg:sourceFile "data/lists/one.md" ;
    skg:line 12 ;
    skg:order 0 ;
    skg:inSection skgr:section\\/one\\/4.1 ;
    skg:mentionOf skgr:paper\\/self-instruct ;
    skg:rawText "- [Self-Instruct](https://aclanthology.org/2023.acl-long.754) ACL 2023" ;
    skg:highlighted true ;
    skg:entryKind "paper" ;
    skg:venueRaw "ACL 2023" ;
    skg:note "must read" .

skgr:mention\\/two\\/7 a skg:Mention ;
    skg:sourceFile "data/lists/two.md" ;
    skg:line 7 ;
    skg:inSection skgr:section\\/two\\/synthesis ;
    skg:mentionOf skgr:paper\\/old ;
    skg:rawText "| An old-style arXiv paper | builds on Self-Instruct |" .

skgr:rule\\/extends-by-name a skg:Rule ; skg:ruleName "extends-by-name" .

skgr:assertion\\/1 a skg:Assertion ;
    rdf:subject skgr:paper\\/old ;
    rdf:predicate skg:extends ;
    rdf:object skgr:paper\\/self-instruct ;
    skg:confidence 0.8 ;
    skg:evidence "summary says 'builds on Self-Instruct'" ;
    prov:wasGeneratedBy skgr:rule\\/extends-by-name ;
    prov:wasDerivedFrom skgr:mention\\/two\\/7 .

skgr:issue\\/1 a skg:DataIssue ;
    skg:issueType skg:TitleVariant ;
    skg:concerns skgr:paper\\/self-instruct , skgr:mention\\/one\\/12 ;
    skg:message "The title is written in capitals here but not elsewhere." ;
    skg:foundIn skgr:survey\\/one ;
    skg:sourceFile "data/lists/one.md" ;
    skg:line 12 .
"""

PAPER = SKGR["paper/self-instruct"]
OLD = SKGR["paper/old"]
MENTION = SKGR["mention/one/12"]
CHILD = SKGR["section/one/4.1"]
TOP = SKGR["section/one/4"]
OTHER_TOP = SKGR["section/two/synthesis"]
SURVEY_TWO = SKGR["survey/two"]
ASSERTION = SKGR["assertion/1"]
ISSUE = SKGR["issue/1"]


def good_graph() -> Graph:
    return Graph().parse(data=GOOD, format="turtle")


def validate(data: Graph, shapes: Graph, **kwargs) -> tuple[bool, Graph]:
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, **kwargs)
    assert isinstance(report, Graph), report
    return conforms, report


def test_good_graph_conforms_and_shapes_are_valid_shacl(shapes: Graph) -> None:
    conforms, report = validate(good_graph(), shapes, meta_shacl=True)
    assert conforms, report.serialize(format="turtle")


def test_good_graph_conforms_with_the_ontology_and_rdfs_inference(
    shapes: Graph, ontology: Graph
) -> None:
    conforms, report = validate(good_graph(), shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, report.serialize(format="turtle")


def _set(s: URIRef, p: URIRef, o) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _drop(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))


def _drop_incoming(p: URIRef, o: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((None, p, o))


def _add(s: URIRef, p: URIRef, o) -> Callable[[Graph], None]:
    return lambda g: g.add((s, p, o))


INVERSE_MENTION_OF = "inverse skg:mentionOf"

BROKEN = {
    "paper without title": (_drop(PAPER, DCTERMS.title), PAPER, DCTERMS.title, "dcterms:title"),
    "paper with blank title": (
        _set(PAPER, DCTERMS.title, Literal("  ")),
        PAPER,
        DCTERMS.title,
        "non-empty dcterms:title",
    ),
    "paper without mention": (
        _drop_incoming(SKG.mentionOf, OLD),
        OLD,
        INVERSE_MENTION_OF,
        "referred to by at least one list entry",
    ),
    "work not listed": (_drop(PAPER, SKG.listedIn), PAPER, SKG.listedIn, "listed in"),
    "mention without line": (_drop(MENTION, SKG.line), MENTION, SKG.line, "skg:line"),
    "mention at line 0": (_set(MENTION, SKG.line, Literal(0)), MENTION, SKG.line, "at least 1"),
    "mention of two works": (
        _add(MENTION, SKG.mentionOf, OLD),
        MENTION,
        SKG.mentionOf,
        "exactly one work",
    ),
    "mention without section": (
        _drop(MENTION, SKG.inSection),
        MENTION,
        SKG.inSection,
        "skg:Section",
    ),
    "section in two surveys": (
        _add(CHILD, SKOS.inScheme, SURVEY_TWO),
        CHILD,
        SKOS.inScheme,
        "exactly one skg:Survey",
    ),
    "section with two parents": (
        _add(CHILD, SKOS.broader, CHILD),
        CHILD,
        SKOS.broader,
        "at most one parent",
    ),
    "parent in another survey": (
        _set(CHILD, SKOS.broader, OTHER_TOP),
        CHILD,
        None,
        "belongs to a different survey",
    ),
    "assertion with confidence 1.5": (
        _set(ASSERTION, SKG.confidence, Literal("1.5", datatype=XSD.decimal)),
        ASSERTION,
        SKG.confidence,
        "between 0 and 1",
    ),
    "assertion with float confidence": (
        _set(ASSERTION, SKG.confidence, Literal(0.5)),
        ASSERTION,
        SKG.confidence,
        "xsd:decimal",
    ),
    "assertion without rule": (
        _drop(ASSERTION, PROV.wasGeneratedBy),
        ASSERTION,
        PROV.wasGeneratedBy,
        "skg:Rule",
    ),
    "assertion without plain triple": (
        _drop(OLD, SKG.extends),
        ASSERTION,
        None,
        "missing from the graph",
    ),
    "arXiv id with version": (
        _set(PAPER, SKG.arxivId, Literal("2305.10429v2")),
        PAPER,
        SKG.arxivId,
        "without version suffix",
    ),
    "DOI as URL": (
        _set(PAPER, vocab.BIBO.doi, Literal("https://doi.org/10.18653/v1/2023.acl-long.754")),
        PAPER,
        vocab.BIBO.doi,
        "bare DOI",
    ),
    "year as integer": (
        _set(PAPER, DCTERMS.issued, Literal(2023)),
        PAPER,
        DCTERMS.issued,
        "xsd:gYear",
    ),
    "url as literal": (
        _set(PAPER, SCHEMA.url, Literal("https://aclanthology.org/2023.acl-long.754")),
        PAPER,
        SCHEMA.url,
        "http or https IRI",
    ),
    "javascript url": (
        _set(PAPER, SCHEMA.url, URIRef("javascript:alert(1)")),
        PAPER,
        SCHEMA.url,
        "http or https IRI",
    ),
    "javascript code link": (
        _set(PAPER, SCHEMA.codeRepository, URIRef("javascript:alert(1)")),
        PAPER,
        SCHEMA.codeRepository,
        "http or https IRI",
    ),
    "issue without type": (_drop(ISSUE, SKG.issueType), ISSUE, SKG.issueType, "skg:issueType"),
    "issue of unknown type": (
        _set(ISSUE, SKG.issueType, SKG.Nonsense),
        ISSUE,
        SKG.issueType,
        "skg:IssueType individuals",
    ),
    "issue without message": (_drop(ISSUE, SKG.message), ISSUE, SKG.message, "skg:message"),
    "issue concerning nothing": (_drop(ISSUE, SKG.concerns), ISSUE, SKG.concerns, "concern"),
    "unknown entry kind": (
        _set(MENTION, SKG.entryKind, Literal("podcast")),
        MENTION,
        SKG.entryKind,
        "skg:entryKind",
    ),
}


def _path_matches(report: Graph, result, expected) -> bool:
    path = report.value(result, SH.resultPath)
    if expected is None:
        return True
    if expected == INVERSE_MENTION_OF:
        return path is not None and report.value(path, SH.inversePath) == SKG.mentionOf
    return path == expected


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_is_rejected(shapes: Graph, case: str) -> None:
    breaker, focus, path, message = BROKEN[case]
    data = good_graph()
    breaker(data)
    conforms, report = validate(data, shapes)
    assert not conforms
    results = [
        r
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(r, SH.focusNode) == focus and _path_matches(report, r, path)
    ]
    assert results, report.serialize(format="turtle")
    messages = [str(m) for r in results for m in report.objects(r, SH.resultMessage)]
    assert any(message in m for m in messages), messages


def test_alignment_within_one_survey_is_a_warning(shapes: Graph) -> None:
    data = good_graph()
    data.add((CHILD, SKOS.closeMatch, TOP))
    conforms, report = validate(data, shapes)
    assert not conforms
    severities = {report.value(r, SH.resultSeverity) for r in report.subjects(SH.focusNode, CHILD)}
    assert severities == {SH.Warning}
    assert validate(data, shapes, allow_warnings=True)[0]
