"""The in-memory typed graph: records by node id, and a networkx multigraph of typed edges."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

import networkx as nx

from kg.model import (
    DataIssue,
    Entity,
    Entry,
    ParsedList,
    Predicate,
    Relation,
    Section,
    SurveyList,
    Work,
    WorkKind,
)
from kg.normalize import person_key, slugify
from kg.resolve import Resolution, mention_id

EDGE_KINDS = (
    "listedIn",
    "categorizedAs",
    "mentionOf",
    "inSection",
    "broader",
    "inScheme",
    "creator",
    "venue",
    *Predicate,
    "concerns",
)


def node_kind(kind: WorkKind) -> str:
    """A listed person's page is a work, drawn apart from authors (whose kind is "person")."""
    return "profile" if kind is WorkKind.PERSON else kind.value


def iri_safe(text: str) -> str:
    """A node-id segment usable in an IRI path: unreserved characters, '/', ':' and '.' kept."""
    return quote(text, safe="/:._-~")


def survey_id(list_id: str) -> str:
    return f"survey/{iri_safe(list_id)}"


def section_id(list_id: str, key: str) -> str:
    return f"section/{iri_safe(list_id)}/{iri_safe(key)}"


def person_id(name: str) -> str:
    return f"person/{slugify(person_key(name) or name)}"


def venue_id(name: str) -> str:
    return f"venue/{slugify(name)}"


@dataclass
class KnowledgeGraph:
    """Typed records by node id; `nx` holds the same nodes with typed, attributed edges."""

    surveys: dict[str, SurveyList] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    works: dict[str, Work] = field(default_factory=dict)
    mentions: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    venues: dict[str, str] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    issues: list[DataIssue] = field(default_factory=list)
    mention_of_key: dict[str, str] = field(default_factory=dict)  # "list:line" → mention id
    nx: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    _out: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _in: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def add_node(self, node: str, kind: str, label: str) -> None:
        if node in self.nx and self.nx.nodes[node]["kind"] != kind:
            raise ValueError(
                f"node id {node!r} is used for both {self.nx.nodes[node]['kind']} and {kind}"
            )
        self.nx.add_node(node, kind=kind, label=label)

    def add_edge(self, source: str, kind: str, target: str, **attrs: object) -> None:
        """Add a typed edge once (networkx keys it by kind) and index it both ways."""
        if self.nx.has_edge(source, target, key=kind):
            return
        self.nx.add_edge(source, target, key=kind, kind=kind, **attrs)
        self._out.setdefault((source, kind), []).append(target)
        self._in.setdefault((target, kind), []).append(source)

    def out(self, node: str, kind: str) -> list[str]:
        """Targets of `kind` edges leaving `node`, in insertion order."""
        return self._out.get((node, kind), [])

    def into(self, node: str, kind: str) -> list[str]:
        return self._in.get((node, kind), [])

    def kind_of(self, node: str) -> str:
        return str(self.nx.nodes[node]["kind"])

    def nodes_of(self, kind: str) -> Iterator[str]:
        return (n for n, k in self.nx.nodes(data="kind") if k == kind)

    def works_in(self, section: str) -> list[str]:
        return self.into(section, "categorizedAs")

    def mentions_of(self, work: str) -> list[str]:
        return self.into(work, "mentionOf")


def build_graph(
    parsed: list[ParsedList],
    resolution: Resolution,
    entities: list[Entity] | None = None,
    relations: list[Relation] | None = None,
    issues: list[DataIssue] | None = None,
) -> KnowledgeGraph:
    """Assemble lists, resolved works, entities, relations and data issues into one graph.

    Everything is added in an order of its own (lists by id, works and entities by id, relations
    by content), so that nodes, edges and every export come out the same whatever the order of
    the lists given."""
    kg = KnowledgeGraph()
    lists = sorted(parsed, key=lambda p: (p.source.id, p.source.file))
    works = sorted(resolution.works, key=lambda w: w.id)
    kg.people = _labels((person_id(name), name) for w in works for name in w.authors)
    kg.venues = _labels((venue_id(w.venue.venue), w.venue.venue) for w in works if w.venue.venue)
    for p in lists:
        _add_survey(kg, p)
    for work in works:
        _add_work(kg, work)
    for p in lists:
        _add_mentions(kg, p, resolution)
    for entity in sorted(entities or [], key=lambda e: e.id):
        kg.entities[entity.id] = entity
        kg.add_node(entity.id, entity.kind.value, entity.name)
    for relation in sorted(relations or [], key=_relation_order):
        _add_relation(kg, relation)
    for issue in issues or []:
        _add_issue(kg, issue)
    return kg


def _labels(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each node's label: the spelling most works use, then the first in code-point order, so
    that a person's or a venue's name never depends on which list was read first."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for node, name in names:
        seen[node][name] += 1
    return {node: min(c, key=lambda n: (-c[n], n)) for node, c in seen.items()}


def _relation_order(r: Relation) -> tuple[object, ...]:
    """Relations by what they state, then by the rule and evidence behind it."""
    return (r.subject, r.predicate, r.object, r.rule, r.evidence, -r.confidence, r.mentions)


def _add_survey(kg: KnowledgeGraph, p: ParsedList) -> None:
    sid = survey_id(p.source.id)
    kg.surveys[sid] = p.source
    kg.add_node(sid, "survey", p.source.title)
    for section in p.sections:
        node = section_id(p.source.id, section.key)
        kg.sections[node] = section
        kg.add_node(node, "section", section.label)
        kg.add_edge(node, "inScheme", sid)
        if section.parent is not None:
            kg.add_edge(node, "broader", section_id(p.source.id, section.parent))


def _add_work(kg: KnowledgeGraph, work: Work) -> None:
    kg.works[work.id] = work
    kg.add_node(work.id, node_kind(work.kind), work.title)
    for name in work.authors:
        pid = person_id(name)
        kg.add_node(pid, "person", kg.people[pid])
        kg.add_edge(work.id, "creator", pid)
    if work.venue.venue:
        vid = venue_id(work.venue.venue)
        kg.add_node(vid, "venue", kg.venues[vid])
        kg.add_edge(work.id, "venue", vid)


def _add_mentions(kg: KnowledgeGraph, p: ParsedList, resolution: Resolution) -> None:
    """Mention ids come from section and work, not line numbers, so edits elsewhere keep them."""
    used: dict[str, int] = defaultdict(int)
    sid = survey_id(p.source.id)
    for entry in p.entries:
        work = resolution.work_of[mention_id(entry)]
        base = f"mention/{iri_safe(p.source.id)}/{iri_safe(entry.sections[0])}/{work.replace('/', '-')}"
        used[base] += 1
        node = base if used[base] == 1 else f"{base}-{used[base]}"
        kg.mentions[node] = entry
        kg.mention_of_key[mention_id(entry)] = node
        kg.add_node(node, "mention", entry.title)
        kg.add_edge(node, "mentionOf", work)
        kg.add_edge(work, "listedIn", sid)  # add_edge keeps one edge per kind and pair
        for key in entry.sections:
            section = section_id(p.source.id, key)
            kg.add_edge(node, "inSection", section)
            kg.add_edge(work, "categorizedAs", section)


def add_relations(kg: KnowledgeGraph, relations: Iterable[Relation]) -> None:
    """Relations found after the graph was assembled (section alignments), in content order."""
    for relation in sorted(relations, key=_relation_order):
        _add_relation(kg, relation)


def _add_relation(kg: KnowledgeGraph, relation: Relation) -> None:
    for node in (relation.subject, relation.object):
        if node not in kg.nx:
            raise ValueError(f"relation {relation.predicate} refers to unknown node {node!r}")
    kg.relations.append(relation)
    kg.add_edge(
        relation.subject,
        relation.predicate,
        relation.object,
        confidence=relation.confidence,
        rule=relation.rule,
    )


def _add_issue(kg: KnowledgeGraph, issue: DataIssue) -> None:
    node = f"issue/{iri_safe(issue.id)}"
    kg.issues.append(issue)
    kg.add_node(node, "issue", issue.kind)
    targets = [kg.mention_of_key[m] for m in issue.mentions if m in kg.mention_of_key]
    targets += [w for w in issue.works if w in kg.works]
    if issue.list_id:
        targets += [section_id(issue.list_id, s) for s in issue.sections]
        targets = targets or _issue_fallback(kg, issue)
    for target in dict.fromkeys(targets):
        kg.add_edge(node, "concerns", target)


def _issue_fallback(kg: KnowledgeGraph, issue: DataIssue) -> list[str]:
    """A line-level defect with no entry: it concerns the section headed there, else the list."""
    assert issue.list_id is not None
    for node, section in kg.sections.items():
        if section.list_id == issue.list_id and section.line == issue.line:
            return [node]
    return [survey_id(issue.list_id)]
