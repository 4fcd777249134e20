"""The graph as RDF quads (no blank nodes, sorted), written by pyoxigraph's serialisers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache

import pyoxigraph as ox
from rdflib import namespace as ns

from kg import vocab as v
from kg.export.statistics import Statistics, statistics
from kg.graph import KnowledgeGraph, iri_safe, section_id, survey_id
from kg.model import (
    DataIssue,
    Entity,
    Entry,
    Predicate,
    Relation,
    Section,
    SurveyList,
    Work,
    WorkKind,
)


class _Terms:
    """An rdflib namespace whose terms, once looked up, are plain attributes: rdflib resolves
    every `RDF.type` anew, which costs seconds over the millions of statements of a large graph."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term  # type: ignore[no-any-return]


DCTERMS, PROV, RDF = _Terms(ns.DCTERMS), _Terms(ns.PROV), _Terms(ns.RDF)
RDFS, SKOS, XSD = _Terms(ns.RDFS), _Terms(ns.SKOS), _Terms(ns.XSD)

INSTANCE_BASE = str(v.SKGR)

Term = ox.NamedNode | ox.Literal
Quad = tuple[Term, Term, Term, ox.NamedNode | None]

WORK_TYPES = {
    WorkKind.PAPER: (v.Paper, v.FABIO.ScholarlyWork),
    WorkKind.BLOG: (v.BlogPost,),
    WorkKind.SOFTWARE: (v.Software,),
    WorkKind.DATASET: (v.Dataset, v.SCHEMA.Dataset),
    WorkKind.MODEL: (v.Model,),
    WorkKind.VIDEO: (v.Video,),
    WorkKind.COURSE: (v.Course,),
    WorkKind.BOOK: (v.Book, v.FABIO.Book),
    WorkKind.PERSON: (v.PersonPage,),
}
ENTITY_TYPES = {
    "method": (v.Method,),
    "model": (v.Model,),
    "dataset": (v.Dataset, v.SCHEMA.Dataset),
    "benchmark": (v.Benchmark, v.Dataset, v.SCHEMA.Dataset),
}
ID_PROPERTIES = {
    "arxiv": v.arxivId,
    "doi": v.BIBO.doi,
    "acl": v.aclId,
    "openreview": v.openreviewId,
}


@cache
def iri(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def node(local: str) -> ox.NamedNode:
    """An instance IRI under skgr: for a graph node id."""
    return iri(INSTANCE_BASE + local)


def text(value: str) -> ox.Literal:
    return ox.Literal(value)


def typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=iri(datatype))


def list_graph(list_id: str) -> ox.NamedNode:
    return node(f"graph/{iri_safe(list_id)}")


def quads(kg: KnowledgeGraph) -> Iterator[Quad]:
    """Every statement once, in an order fixed by the input (node ids sorted, then each node's
    statements in a fixed order), so that serialisations are byte-identical without a global sort."""
    for sid in sorted(kg.surveys):
        yield from _survey(sid, kg.surveys[sid])
    for nid, section in kg.sections.items():
        yield from _section(nid, section)
    for wid in sorted(kg.works):
        yield from _work(kg, wid, kg.works[wid])
    for pid in sorted(kg.people):
        yield from _labelled(pid, v.Person, kg.people[pid])
    for vid in sorted(kg.venues):
        yield from _labelled(vid, v.Venue, kg.venues[vid])
    for mid, entry in kg.mentions.items():
        yield from _mention(kg, mid, entry)
    for eid in sorted(kg.entities):
        yield from _entity(eid, kg.entities[eid])
    yield from _relations(kg)
    for issue in kg.issues:
        yield from _issue(kg, issue)
    yield from _counts(kg, statistics(kg))


def triples(kg: KnowledgeGraph) -> Iterator[ox.Triple]:
    """The merged graph (named graphs folded in)."""
    for s, p, o, _ in quads(kg):
        yield ox.Triple(s, p, o)


def ox_quads(kg: KnowledgeGraph) -> Iterator[ox.Quad]:
    """Quads grouped by graph (default graph first) so that TriG writes each graph once."""
    for s, p, o, g in sorted(quads(kg), key=lambda q: q[3].value if q[3] is not None else ""):
        yield ox.Quad(s, p, o, g) if g is not None else ox.Quad(s, p, o)


def _q(s: str | ox.NamedNode, p: str, o: Term, g: ox.NamedNode | None = None) -> Quad:
    subject = s if isinstance(s, ox.NamedNode) else node(s)
    return (subject, iri(p), o, g)


def _survey(sid: str, survey: SurveyList) -> Iterator[Quad]:
    g = list_graph(survey.id)
    yield _q(sid, RDF.type, iri(v.Survey), g)
    yield _q(sid, RDF.type, iri(SKOS.ConceptScheme), g)
    yield _q(sid, DCTERMS.title, text(survey.title), g)
    yield _q(sid, RDFS.label, text(survey.title), g)
    yield _q(sid, DCTERMS.identifier, text(survey.id), g)
    yield _q(sid, v.sourceFile, text(survey.file), g)
    if survey.sha256:
        yield _q(sid, v.sha256, text(survey.sha256), g)
    if survey.version:
        yield _q(sid, v.versionLabel, text(survey.version), g)
    if survey.origin:
        yield _q(sid, DCTERMS.source, text(survey.origin), g)
    if survey.previous_version:
        yield _q(sid, v.previousVersion, node(survey_id(survey.previous_version)), g)


def _section(nid: str, section: Section) -> Iterator[Quad]:
    g = list_graph(section.list_id)
    scheme = node(survey_id(section.list_id))
    yield _q(nid, RDF.type, iri(v.Section), g)
    yield _q(nid, RDF.type, iri(SKOS.Concept), g)
    yield _q(nid, SKOS.prefLabel, text(section.label), g)
    yield _q(nid, SKOS.inScheme, scheme, g)
    yield _q(nid, v.order, typed(section.order, XSD.integer), g)
    yield _q(nid, v.sectionOrigin, text(section.origin.value), g)
    yield _q(nid, v.line, typed(section.line, XSD.integer), g)
    if section.notation:
        yield _q(nid, SKOS.notation, text(section.notation), g)
    if section.parent is None:
        yield _q(nid, SKOS.topConceptOf, scheme, g)
    else:
        yield _q(nid, SKOS.broader, node(section_id(section.list_id, section.parent)), g)


def _work(kg: KnowledgeGraph, wid: str, work: Work) -> Iterator[Quad]:
    yield _q(wid, RDF.type, iri(v.Work))
    for cls in WORK_TYPES[work.kind]:
        yield _q(wid, RDF.type, iri(cls))
    yield _q(wid, DCTERMS.title, text(work.title))
    yield _q(wid, RDFS.label, text(work.title))
    for variant in work.titles:
        if variant != work.title:
            yield _q(wid, v.titleVariant, text(variant))
    yield from _identifiers(wid, work)
    for url in work.urls:
        yield _q(wid, v.SCHEMA.url, iri(url))
    for url in work.code_urls:
        yield _q(wid, v.SCHEMA.codeRepository, iri(url))
    if work.year:
        yield _q(wid, DCTERMS.issued, typed(work.year, XSD.gYear))
    for pid in kg.out(wid, "creator"):
        yield _q(wid, DCTERMS.creator, node(pid))
    for vid in kg.out(wid, "venue"):
        yield _q(wid, v.venue, node(vid))
    if work.venue.track:
        yield _q(wid, v.venueTrack, text(work.venue.track))
    if work.venue.status:
        yield _q(wid, v.publicationStatus, text(work.venue.status))
    for summary in work.summaries:
        yield _q(wid, v.summary, text(summary))
    yield _q(wid, v.mentionCount, typed(len(work.mentions), XSD.integer))
    for sid in kg.out(wid, "listedIn"):
        yield _q(wid, v.listedIn, node(sid), list_graph(kg.surveys[sid].id))
    for section in kg.out(wid, "categorizedAs"):
        graph = list_graph(kg.sections[section].list_id)
        yield _q(wid, v.categorizedAs, node(section), graph)


def _identifiers(wid: str, work: Work) -> Iterator[Quad]:
    for ident in work.identifiers:
        prop = ID_PROPERTIES.get(ident.scheme)
        if prop is not None:
            yield _q(wid, prop, text(ident.value))
        elif ident.scheme == "github":
            yield _q(wid, v.githubRepo, text(ident.value))
        elif ident.scheme.startswith("hf-"):
            yield _q(wid, v.hfId, text(ident.value))
        else:
            yield _q(wid, DCTERMS.identifier, text(str(ident)))


def _labelled(nid: str, cls: object, label: str) -> Iterator[Quad]:
    yield _q(nid, RDF.type, iri(str(cls)))
    yield _q(nid, RDFS.label, text(label))


def _mention(kg: KnowledgeGraph, mid: str, entry: Entry) -> Iterator[Quad]:
    g = list_graph(entry.list_id)
    yield _q(mid, RDF.type, iri(v.Mention), g)
    yield _q(mid, RDFS.label, text(entry.title), g)
    yield _q(mid, v.mentionOf, node(kg.out(mid, "mentionOf")[0]), g)
    for section in kg.out(mid, "inSection"):
        yield _q(mid, v.inSection, node(section), g)
    yield _q(mid, v.sourceFile, text(entry.file), g)
    yield _q(mid, v.line, typed(entry.line, XSD.integer), g)
    yield _q(mid, v.rawText, text(entry.raw), g)
    yield _q(mid, v.highlighted, typed("true" if entry.highlighted else "false", XSD.boolean), g)
    yield _q(mid, v.entryKind, text(entry.kind.value), g)
    yield _q(mid, v.order, typed(entry.order, XSD.integer), g)
    if entry.venue.raw:
        yield _q(mid, v.venueRaw, text(entry.venue.raw), g)
    if entry.note:
        yield _q(mid, v.note, text(entry.note), g)


def _entity(eid: str, entity: Entity) -> Iterator[Quad]:
    yield _q(eid, RDF.type, iri(v.Entity))
    for cls in ENTITY_TYPES[entity.kind.value]:
        yield _q(eid, RDF.type, iri(cls))
    yield _q(eid, RDFS.label, text(entity.name))
    yield _q(eid, SKOS.prefLabel, text(entity.name))
    for alias in entity.aliases:
        if alias != entity.name:
            yield _q(eid, v.alias, text(alias))


def assertion_id(relation: Relation) -> str:
    """Deterministic: the same relation from the same rule always gets the same IRI."""
    digest = hashlib.sha1(
        f"{relation.subject}|{relation.predicate}|{relation.object}|{relation.rule}".encode()
    ).hexdigest()[:16]
    return f"assertion/{digest}"


def _relations(kg: KnowledgeGraph) -> Iterator[Quad]:
    """Each relation's plain triple once (several rules may find it), its Assertion, its rule."""
    plain: set[tuple[str, str, str]] = set()
    for relation in kg.relations:
        key = (relation.subject, relation.predicate, relation.object)
        if key not in plain:
            plain.add(key)
            yield from _plain(kg, relation)
        yield from _assertion(kg, relation)
    for rule in sorted({r.rule for r in kg.relations}):
        rid = f"rule/{iri_safe(rule)}"
        yield _q(rid, RDF.type, iri(v.Rule))
        yield _q(rid, v.ruleName, text(rule))
        yield _q(rid, RDFS.label, text(rule))


def _plain(kg: KnowledgeGraph, relation: Relation) -> Iterator[Quad]:
    s, o = node(relation.subject), node(relation.object)
    yield _q(s, relation.predicate.iri, o)
    both_works = relation.subject in kg.works and relation.object in kg.works
    if relation.predicate == Predicate.EXTENDS and both_works:
        yield _q(s, v.CITO.extends, o)


def _assertion(kg: KnowledgeGraph, relation: Relation) -> Iterator[Quad]:
    s, o = node(relation.subject), node(relation.object)
    prop = relation.predicate.iri
    aid, rule = assertion_id(relation), f"rule/{iri_safe(relation.rule)}"
    yield _q(aid, RDF.type, iri(v.Assertion))
    yield _q(aid, RDF.type, iri(RDF.Statement))
    yield _q(aid, RDF.subject, s)
    yield _q(aid, RDF.predicate, iri(prop))
    yield _q(aid, RDF.object, o)
    yield _q(aid, v.confidence, typed(f"{relation.confidence:.2f}", XSD.decimal))
    yield _q(aid, v.evidence, text(relation.evidence))
    yield _q(aid, PROV.wasGeneratedBy, node(rule))
    for mention in relation.mentions:
        if mention in kg.mention_of_key:
            yield _q(aid, PROV.wasDerivedFrom, node(kg.mention_of_key[mention]))


def _issue(kg: KnowledgeGraph, issue: DataIssue) -> Iterator[Quad]:
    nid = f"issue/{iri_safe(issue.id)}"
    g = list_graph(issue.list_id) if issue.list_id else None
    yield _q(nid, RDF.type, iri(v.DataIssue), g)
    yield _q(nid, v.issueType, iri(issue.kind.iri), g)
    yield _q(nid, v.message, text(issue.message), g)
    if issue.list_id:
        yield _q(nid, v.foundIn, node(survey_id(issue.list_id)), g)
    if issue.file:
        yield _q(nid, v.sourceFile, text(issue.file), g)
    if issue.line:
        yield _q(nid, v.line, typed(issue.line, XSD.integer), g)
    for target in kg.out(nid, "concerns"):
        yield _q(nid, v.concerns, node(target), g)


def overlap_id(first: str, second: str) -> str:
    """One node per unordered pair of lists; '/' inside a list id is escaped so pairs stay apart."""
    return f"overlap/{iri_safe(first).replace('/', '%2F')}/{iri_safe(second).replace('/', '%2F')}"


def section_year_id(section: str, year: int | None) -> str:
    """A section's count for one year: the section's id under section-year/, then the year."""
    return f"section-year/{section.removeprefix('section/')}/{year or 'unknown'}"


def _counts(kg: KnowledgeGraph, stats: Statistics) -> Iterator[Quad]:
    """The build-time coverage counts: per work, per list, per section, per pair of lists."""
    for wid in sorted(stats.list_counts):
        yield _q(wid, v.listCount, typed(stats.list_counts[wid], XSD.integer))
    for sid in sorted(stats.list_sizes):
        graph = list_graph(kg.surveys[sid].id)
        yield _q(sid, v.workCount, typed(stats.list_sizes[sid], XSD.integer), graph)
    yield from _section_counts(kg, stats)
    yield from _overlaps(kg, stats)


def _section_counts(kg: KnowledgeGraph, stats: Statistics) -> Iterator[Quad]:
    for nid, counts in stats.sections.items():
        graph = list_graph(kg.sections[nid].list_id)
        yield _q(nid, v.workCount, typed(counts.direct, XSD.integer), graph)
        yield _q(nid, v.totalWorkCount, typed(counts.total, XSD.integer), graph)
    for (nid, year), works in stats.section_years.items():
        graph, cid = list_graph(kg.sections[nid].list_id), section_year_id(nid, year)
        yield _q(cid, RDF.type, iri(v.SectionYearCount), graph)
        yield _q(cid, v.ofSection, node(nid), graph)
        if year is not None:
            yield _q(cid, v.year, typed(year, XSD.gYear), graph)
        yield _q(cid, v.workCount, typed(works, XSD.integer), graph)


def _overlaps(kg: KnowledgeGraph, stats: Statistics) -> Iterator[Quad]:
    for (first, second), shared in stats.overlaps.items():
        oid = overlap_id(kg.surveys[first].id, kg.surveys[second].id)
        yield _q(oid, RDF.type, iri(v.ListOverlap))
        yield _q(oid, v.firstList, node(first))
        yield _q(oid, v.secondList, node(second))
        yield _q(oid, v.sharedWorkCount, typed(shared, XSD.integer))
