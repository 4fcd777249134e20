"""The page's data: columns per node, typed edges, details, issues and relations, as safe JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from kg.export.html.adjacency import out
from kg.export.html.details import (
    Describer,
    issue_row,
    issues_by_node,
    relation_row,
    relations_by_node,
)
from kg.export.html.layout import pack_layout
from kg.export.html.style import EDGE_STYLES, NODE_KINDS, NODE_STYLES, STRUCTURE, legend
from kg.export.html.views import View
from kg.graph import KnowledgeGraph

Json = dict[str, Any]
ROLE_STRUCTURE, ROLE_WORK, ROLE_SATELLITE = 0, 1, 2
_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(value: object) -> str:
    """JSON that can sit inside <script>: no '<', '>', '&' or line separators left to misread."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in _ESCAPES:
        text = text.replace(raw, escaped)
    return text


def page_data(kg: KnowledgeGraph, view: View) -> Json:
    """Everything the page script needs for one view, positions included."""
    index = {n: i for i, n in enumerate(view.nodes)}
    lists, list_index = _lists(kg, index)
    sections, section_index = _sections(kg, view, index, list_index)
    kinds = {s.kind: i for i, s in enumerate(NODE_STYLES)}
    edge_kinds = {s.kind: i for i, s in enumerate(EDGE_STYLES)}
    return {
        "title": view.title,
        "view": view.name,
        **legend(),
        "lists": lists,
        "sections": sections,
        "nodes": _columns(kg, view, kinds, list_index, section_index),
        "edges": [[index[s], index[t], edge_kinds[k]] for s, k, t in view.edges],
        **_cross_references(kg, view, index),
        "focus": index.get(view.focus or "", -1),
    }


def _lists(kg: KnowledgeGraph, index: dict[str, int]) -> tuple[list[Json], dict[str, int]]:
    rows = [
        {"id": s.id, "title": s.title, "node": index.get(node, -1)}
        for node, s in kg.surveys.items()
    ]
    return rows, {s.id: i for i, s in enumerate(kg.surveys.values())}


def _sections(
    kg: KnowledgeGraph, view: View, index: dict[str, int], list_index: dict[str, int]
) -> tuple[list[Json], dict[str, int]]:
    """The view's sections with their list and parent section, for the section filter."""
    nodes = [n for n in view.nodes if n in kg.sections]
    section_index = {n: i for i, n in enumerate(nodes)}
    rows = []
    for node in nodes:
        parent = next((p for p in out(kg, node, "broader") if p in section_index), None)
        section = kg.sections[node]
        rows.append(
            {
                "label": section.label,
                "list": list_index[section.list_id],
                "parent": section_index[parent] if parent else -1,
                "node": index[node],
            }
        )
    return rows, section_index


def _columns(
    kg: KnowledgeGraph,
    view: View,
    kinds: dict[str, int],
    list_index: dict[str, int],
    section_index: dict[str, int],
) -> Json:
    """One array per field, node i at position i in each."""
    positions = pack_layout(view.parents, _radius(kg), _groups(kg, view))
    nodes = view.nodes
    return {
        "id": nodes,
        "kind": [kinds[kg.kind_of(n)] for n in nodes],
        "role": [_role(kg, n) for n in nodes],
        "label": [str(kg.nx.nodes[n]["label"]) for n in nodes],
        "x": [positions[n][0] for n in nodes],
        "y": [positions[n][1] for n in nodes],
        "year": [(kg.works[n].year or 0) if n in kg.works else 0 for n in nodes],
        "lists": [_node_lists(kg, n, list_index) for n in nodes],
        "sections": [_node_sections(kg, n, section_index) for n in nodes],
    }


def _radius(kg: KnowledgeGraph) -> Callable[[str], float]:
    """A node's room in the layout: its drawn size plus a margin."""
    return lambda node: NODE_KINDS[kg.kind_of(node)].size + 3.0


def _groups(kg: KnowledgeGraph, view: View) -> dict[str, str]:
    """Roots other than surveys cluster by kind (all venues together, loose methods together)."""
    return {n: kg.kind_of(n) for n, p in view.parents.items() if p is None and n not in kg.surveys}


def _role(kg: KnowledgeGraph, node: str) -> int:
    if kg.kind_of(node) in STRUCTURE:
        return ROLE_STRUCTURE
    return ROLE_WORK if node in kg.works else ROLE_SATELLITE


def _node_lists(kg: KnowledgeGraph, node: str, list_index: dict[str, int]) -> list[int]:
    if node in kg.surveys:
        return [list_index[kg.surveys[node].id]]
    if node in kg.sections:
        return [list_index[kg.sections[node].list_id]]
    if node in kg.works:
        return [list_index[kg.surveys[s].id] for s in out(kg, node, "listedIn")]
    return []


def _node_sections(kg: KnowledgeGraph, node: str, section_index: dict[str, int]) -> list[int]:
    if node in section_index:
        return [section_index[node]]
    if node in kg.works:
        return [section_index[s] for s in out(kg, node, "categorizedAs") if s in section_index]
    return []


def _cross_references(kg: KnowledgeGraph, view: View, index: dict[str, int]) -> Json:
    """Details per node, with the data issues and relations it takes part in, renumbered."""
    issues, relations = issues_by_node(kg), relations_by_node(kg)
    issue_ids: dict[int, int] = {}
    relation_ids: dict[int, int] = {}
    details = []
    describer = Describer(kg)
    for node in view.nodes:
        row = describer.details(node)
        row["issues"] = [issue_ids.setdefault(i, len(issue_ids)) for i in issues.get(node, [])]
        row["rels"] = [
            relation_ids.setdefault(r, len(relation_ids)) for r in relations.get(node, [])
        ]
        details.append(row)
    return {
        "details": details,
        "issues": [issue_row(kg.issues[i]) for i in issue_ids],
        "relations": [relation_row(kg, kg.relations[r], index) for r in relation_ids],
    }
