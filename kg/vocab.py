"""The ontology's IRIs as constants, so code never spells an IRI by hand.

Mirrors ontology/surveykg.ttl term by term; tests/test_vocab.py keeps the two equal.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SDO, SKOS

from kg.model import IssueKind
from kg.prefixes import PREFIXES
from kg.prefixes import sparql_prologue as sparql_prologue
from kg.util.resources import data_path

ONTOLOGY_DIR = data_path("ontology")
ONTOLOGY_PATH = ONTOLOGY_DIR / "surveykg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

ONTOLOGY_IRI = URIRef("https://w3id.org/surveykg/ontology")
ONTOLOGY_VERSION = "0.1.0"
SHAPES_IRI = URIRef("https://w3id.org/surveykg/shapes")

# ---------------------------------------------------------------- namespaces

SKG = Namespace(PREFIXES["skg"])
SKGR = Namespace(PREFIXES["skgr"])
CITO = Namespace(PREFIXES["cito"])
FABIO = Namespace(PREFIXES["fabio"])
BIBO = Namespace(PREFIXES["bibo"])
SCHEMA = SDO

# ---------------------------------------------------------------- classes

Work = SKG.Work
Paper = SKG.Paper
BlogPost = SKG.BlogPost
Software = SKG.Software
Video = SKG.Video
Course = SKG.Course
Book = SKG.Book
PersonPage = SKG.PersonPage
Entity = SKG.Entity
Method = SKG.Method
Dataset = SKG.Dataset
Benchmark = SKG.Benchmark
Model = SKG.Model
Person = SKG.Person
Venue = SKG.Venue
Survey = SKG.Survey
Section = SKG.Section
Mention = SKG.Mention
Assertion = SKG.Assertion
Rule = SKG.Rule
DataIssue = SKG.DataIssue
IssueType = SKG.IssueType
ListOverlap = SKG.ListOverlap
SectionYearCount = SKG.SectionYearCount

# ---------------------------------------------------------------- object properties

categorizedAs = SKG.categorizedAs
listedIn = SKG.listedIn
mentionOf = SKG.mentionOf
inSection = SKG.inSection
previousVersion = SKG.previousVersion
extends = SKG.extends
evaluatedOn = SKG.evaluatedOn
introduces = SKG.introduces
venue = SKG.venue
issueType = SKG.issueType
concerns = SKG.concerns
foundIn = SKG.foundIn
firstList = SKG.firstList
secondList = SKG.secondList
ofSection = SKG.ofSection

# ---------------------------------------------------------------- datatype properties

sourceFile = SKG.sourceFile
line = SKG.line
order = SKG.order
rawText = SKG.rawText
highlighted = SKG.highlighted
entryKind = SKG.entryKind
venueRaw = SKG.venueRaw
note = SKG.note
sectionOrigin = SKG.sectionOrigin
sha256 = SKG.sha256
versionLabel = SKG.versionLabel
arxivId = SKG.arxivId
aclId = SKG.aclId
openreviewId = SKG.openreviewId
summary = SKG.summary
titleVariant = SKG.titleVariant
venueTrack = SKG.venueTrack
publicationStatus = SKG.publicationStatus
mentionCount = SKG.mentionCount
listCount = SKG.listCount
workCount = SKG.workCount
totalWorkCount = SKG.totalWorkCount
sharedWorkCount = SKG.sharedWorkCount
year = SKG.year
githubRepo = SKG.githubRepo
hfId = SKG.hfId
alias = SKG.alias
confidence = SKG.confidence
evidence = SKG.evidence
ruleName = SKG.ruleName
message = SKG.message

# ---------------------------------------------------------------- individuals

IssueTypeScheme = SKG.IssueTypeScheme
DuplicateInSection = SKG.DuplicateInSection
DuplicateAcrossSections = SKG.DuplicateAcrossSections
ConflictingIdentifier = SKG.ConflictingIdentifier
TitleVariant = SKG.TitleVariant
PossibleTypo = SKG.PossibleTypo
Placeholder = SKG.Placeholder
MissingLink = SKG.MissingLink
UnrecognisedLink = SKG.UnrecognisedLink
UnsafeLink = SKG.UnsafeLink
SkippedHeadingLevel = SKG.SkippedHeadingLevel
MisnumberedHeading = SKG.MisnumberedHeading
MalformedHeading = SKG.MalformedHeading
Mojibake = SKG.Mojibake
EmptySection = SKG.EmptySection
NotUnderstood = SKG.NotUnderstood
EncodingProblem = SKG.EncodingProblem

# ---------------------------------------------------------------- term sets

CLASSES: frozenset[URIRef] = frozenset(
    {
        Work,
        Paper,
        BlogPost,
        Software,
        Video,
        Course,
        Book,
        PersonPage,
        Entity,
        Method,
        Dataset,
        Benchmark,
        Model,
        Person,
        Venue,
        Survey,
        Section,
        Mention,
        Assertion,
        Rule,
        DataIssue,
        IssueType,
        ListOverlap,
        SectionYearCount,
    }
)

OBJECT_PROPERTIES: frozenset[URIRef] = frozenset(
    {
        categorizedAs,
        listedIn,
        mentionOf,
        inSection,
        previousVersion,
        extends,
        evaluatedOn,
        introduces,
        venue,
        issueType,
        concerns,
        foundIn,
        firstList,
        secondList,
        ofSection,
    }
)

DATATYPE_PROPERTIES: frozenset[URIRef] = frozenset(
    {
        sourceFile,
        line,
        order,
        rawText,
        highlighted,
        entryKind,
        venueRaw,
        note,
        sectionOrigin,
        sha256,
        versionLabel,
        arxivId,
        aclId,
        openreviewId,
        summary,
        titleVariant,
        venueTrack,
        publicationStatus,
        mentionCount,
        listCount,
        workCount,
        totalWorkCount,
        sharedWorkCount,
        year,
        githubRepo,
        hfId,
        alias,
        confidence,
        evidence,
        ruleName,
        message,
    }
)

PROPERTIES: frozenset[URIRef] = OBJECT_PROPERTIES | DATATYPE_PROPERTIES

# Issue kinds by the code the pipeline writes (kg.model.IssueKind, which names each individual);
# the ontology gives each individual the same code as its skos:notation.
ISSUE_TYPES: dict[IssueKind, URIRef] = {kind: URIRef(kind.iri) for kind in IssueKind}

INDIVIDUALS: frozenset[URIRef] = frozenset({IssueTypeScheme, *ISSUE_TYPES.values()})

# Standard terms the graph uses on its data; the ontology lists them in its header comment.
STANDARD_TERMS: frozenset[URIRef] = frozenset(
    {
        DCTERMS.title,
        DCTERMS.issued,
        DCTERMS.creator,
        DCTERMS.subject,
        DCTERMS.alternative,
        DCTERMS.source,
        BIBO.doi,
        SCHEMA.url,
        SCHEMA.codeRepository,
        SKOS.prefLabel,
        SKOS.altLabel,
        SKOS.notation,
        SKOS.broader,
        SKOS.inScheme,
        SKOS.topConceptOf,
        SKOS.exactMatch,
        SKOS.closeMatch,
        SKOS.relatedMatch,
        PROV.wasGeneratedBy,
        PROV.wasDerivedFrom,
        PROV.wasRevisionOf,
        RDF.subject,
        RDF.predicate,
        RDF.object,
        CITO.extends,
    }
)
