"""What the tooltip and side panel say about a node: details, provenance, issues, relations."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from kg.export.html.adjacency import into, out
from kg.graph import KnowledgeGraph, iri_safe
from kg.model import DataIssue, Relation, Work

Json = dict[str, Any]
_WEB_URL = re.compile(r"https?://[^\s/?#\x00-\x1f\x7f]+(?:[/?#]\S*)?\Z", re.IGNORECASE)


def web_links(urls: list[str]) -> list[str]:
    """Only http(s) URLs with a host become links; javascript:, data: and the like are dropped."""
    return list(dict.fromkeys(url for url in urls if _WEB_URL.match(url)))


class Describer:
    """The kind-specific fields of nodes, with the lookups they share built once per page."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.section_labels = {(s.list_id, s.key): s.label for s in kg.sections.values()}
        self.list_files = {s.id: s.file for s in kg.surveys.values()}

    def details(self, node: str) -> Json:
        """What the panel shows about one node, besides its issues and relations."""
        kg = self.kg
        if node in kg.works:
            return self._work(kg.works[node])
        if node in kg.sections:
            s = kg.sections[node]
            file = self.list_files.get(s.list_id, "")
            return {"notation": s.notation or "", "file": file, "line": s.line}
        if node in kg.surveys:
            v = kg.surveys[node]
            return {
                "file": v.file,
                "origin": v.origin,
                "version": v.version,
                "previous": v.previous_version or "",
            }
        if node in kg.entities:
            return {"aliases": list(kg.entities[node].aliases)}
        return {}

    def _work(self, work: Work) -> Json:
        return {
            "authors": list(work.authors),
            "venue": work.venue.venue or work.venue.raw or "",
            "year": work.year,
            "ids": [str(i) for i in work.identifiers],
            "links": web_links(work.urls),
            "code": web_links(work.code_urls),
            "summary": work.summaries[0] if work.summaries else "",
            "prov": self.provenance(work.id),
        }

    def provenance(self, work: str) -> list[list[Any]]:
        """Each line that lists the work: file, line, list id and section label."""
        rows = []
        for mention in into(self.kg, work, "mentionOf"):
            entry = self.kg.mentions[mention]
            labels = [self.section_labels.get((entry.list_id, k), k) for k in entry.sections]
            rows.append([entry.file, entry.line, entry.list_id, " / ".join(labels)])
        return sorted(rows, key=lambda r: (r[2], r[1]))


def issues_by_node(kg: KnowledgeGraph) -> dict[str, list[int]]:
    """Indices into kg.issues of the data issues concerning each node (mentions count as works)."""
    found: dict[str, list[int]] = defaultdict(list)
    index = {f"issue/{iri_safe(i.id)}": n for n, i in enumerate(kg.issues)}
    for source, target, kind in kg.nx.edges(keys=True):
        if kind != "concerns" or source not in index:
            continue
        owner = out(kg, target, "mentionOf")[0] if target in kg.mentions else target
        if index[source] not in found[owner]:
            found[owner].append(index[source])
    return found


def issue_row(issue: DataIssue) -> Json:
    return {
        "kind": issue.kind,
        "message": issue.message,
        "file": issue.file or "",
        "line": issue.line,
    }


def relations_by_node(kg: KnowledgeGraph) -> dict[str, list[int]]:
    """Indices into kg.relations of the derived relations each node takes part in."""
    found: dict[str, list[int]] = defaultdict(list)
    for n, relation in enumerate(kg.relations):
        found[relation.subject].append(n)
        if relation.object != relation.subject:
            found[relation.object].append(n)
    return found


def relation_row(kg: KnowledgeGraph, relation: Relation, index: dict[str, int]) -> Json:
    """A relation with its ends as node indices in the page (or -1) and labels, and evidence."""
    return {
        "p": relation.predicate,
        "s": index.get(relation.subject, -1),
        "sl": str(kg.nx.nodes[relation.subject]["label"]),
        "o": index.get(relation.object, -1),
        "ol": str(kg.nx.nodes[relation.object]["label"]),
        "c": relation.confidence,
        "e": relation.evidence,
        "r": relation.rule,
        "m": list(relation.mentions),
    }
