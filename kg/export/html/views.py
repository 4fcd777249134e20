"""The views a page can show: the whole graph, one survey, a neighbourhood, a lineage."""

from __future__ import annotations

from dataclasses import dataclass

from kg.export.html.adjacency import into, out
from kg.export.html.lookup import UnknownNode, find_node
from kg.export.html.style import EDGE_KINDS, NODE_KINDS
from kg.export.html.tree import (
    Parents,
    acyclic,
    bfs_parents,
    members_in_order,
    structural_parents,
)
from kg.graph import KnowledgeGraph
from kg.model import Predicate

VIEWS = ("whole", "survey", "neighbourhood", "lineage", "taxonomy")
HUBS = frozenset({"survey", "venue"})  # reached, but not walked through: they would pull in all


@dataclass
class View:
    """The nodes and typed edges one page shows, and the tree its layout packs them by."""

    name: str
    title: str
    nodes: list[str]
    edges: list[tuple[str, str, str]]  # (source, kind, target)
    parents: Parents
    focus: str | None = None


def shown(kg: KnowledgeGraph, node: str) -> bool:
    """Mentions and data issues are folded into the panels of the nodes they concern."""
    return kg.kind_of(node) in NODE_KINDS


def edges_among(kg: KnowledgeGraph, nodes: set[str]) -> list[tuple[str, str, str]]:
    """Every drawable edge whose two ends are both in the view, in the graph's order."""
    return [
        (s, k, t)
        for s, t, k in kg.nx.edges(keys=True)
        if k in EDGE_KINDS and s in nodes and t in nodes
    ]


def _view(kg: KnowledgeGraph, name: str, title: str, parents: Parents, focus: str | None) -> View:
    nodes = list(parents)
    return View(name, title, nodes, edges_among(kg, set(nodes)), parents, focus)


def whole_view(kg: KnowledgeGraph, title: str = "Survey knowledge graph") -> View:
    """Every survey, section, work, entity, author and venue."""
    nodes = [n for n in kg.nx if shown(kg, n)]
    return _view(kg, "whole", title, structural_parents(kg, nodes), None)


def find_survey(kg: KnowledgeGraph, name: str) -> str:
    """A list's survey node from its id or title, or an error naming the lists there are."""
    try:
        return find_node(kg, name, frozenset({"survey"}))
    except UnknownNode as err:
        lists = ", ".join(s.id for s in kg.surveys.values())
        raise UnknownNode(f"{err}; the lists are: {lists}") from None


def survey_view(kg: KnowledgeGraph, name: str) -> View:
    """One list's taxonomy: its sections, the works filed under them, and what those works touch."""
    survey = find_survey(kg, name)
    sections = into(kg, survey, "inScheme")
    works = members_in_order(
        [
            *(w for s in sections for w in into(kg, s, "categorizedAs")),
            *into(kg, survey, "listedIn"),
        ]
    )
    satellites = [n for w in works for n in _satellites(kg, w)]
    nodes = members_in_order([survey, *sections, *works, *satellites])
    title = f"{kg.nx.nodes[survey]['label']}: taxonomy"
    return _view(kg, "survey", title, structural_parents(kg, nodes), survey)


def _satellites(kg: KnowledgeGraph, work: str) -> list[str]:
    """Authors, venue and entities directly linked to a work."""
    around = list(kg.nx.successors(work)) + list(kg.nx.predecessors(work))
    return [
        n
        for n in around
        if n not in kg.works and kg.kind_of(n) not in {"survey", "section"} and shown(kg, n)
    ]


def neighbourhood_view(kg: KnowledgeGraph, name: str, depth: int = 1) -> View:
    """Everything within `depth` hops of one node; surveys and venues are not walked through."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    start = find_node(kg, name)

    def neighbours(node: str) -> list[str]:
        around = list(kg.nx.successors(node)) + list(kg.nx.predecessors(node))
        return [n for n in around if shown(kg, n)]

    parents = bfs_parents(start, depth, neighbours, lambda n: kg.kind_of(n) not in HUBS)
    label = kg.nx.nodes[start]["label"]
    return _view(
        kg, "neighbourhood", f"Around {label} ({depth} hop{'s' * (depth > 1)})", parents, start
    )


def lineage_view(kg: KnowledgeGraph, name: str | None = None) -> View:
    """Chains of `extends` (all of them, or the one through `name`) with the works introducing them."""
    lineage = _extends_nodes(kg)
    focus = None
    if name is not None:
        focus = find_node(kg, name)
        seeds = [focus, *out(kg, focus, Predicate.INTRODUCES)]
        lineage = _component(kg, [s for s in seeds if s in lineage])
        if not lineage:
            raise UnknownNode(
                f"{name!r} has no lineage: nothing it introduces extends or is extended"
            )
    introducers = [w for n in lineage for w in into(kg, n, Predicate.INTRODUCES)]
    nodes = members_in_order([*lineage, *introducers, *([focus] if focus else [])])
    members = set(nodes)
    parents = acyclic({n: _lineage_parent(kg, n, members) for n in nodes})
    title = "Lineage" + (f" of {kg.nx.nodes[focus]['label']}" if focus else "")
    return _view(kg, "lineage", title, parents, focus)


def _extends_nodes(kg: KnowledgeGraph) -> list[str]:
    ends = [n for s, t, k in kg.nx.edges(keys=True) if k == Predicate.EXTENDS for n in (s, t)]
    return members_in_order(ends)


def _component(kg: KnowledgeGraph, seeds: list[str]) -> list[str]:
    """Nodes joined to the seeds by `extends` edges, in either direction."""
    found = dict.fromkeys(seeds)
    queue = list(found)
    while queue:
        node = queue.pop(0)
        for other in out(kg, node, Predicate.EXTENDS) + into(kg, node, Predicate.EXTENDS):
            if other not in found:
                found[other] = None
                queue.append(other)
    return list(found)


def _lineage_parent(kg: KnowledgeGraph, node: str, members: set[str]) -> str | None:
    """What it extends; a work sits beside the entity it introduces."""
    for candidate in out(kg, node, Predicate.EXTENDS) + out(kg, node, Predicate.INTRODUCES):
        if candidate in members:
            return candidate
    return None


def build_view(
    kg: KnowledgeGraph, view: str, survey: str | None, node: str | None, depth: int
) -> View:
    """The view the command line asks for, with a clear error when an argument is missing."""
    if view == "whole":
        return whole_view(kg)
    if view == "survey":
        if survey is None:
            raise UnknownNode(f"--view survey needs --survey; lists: {', '.join(kg.surveys)}")
        return survey_view(kg, survey)
    if view == "neighbourhood":
        if node is None:
            raise UnknownNode("--view neighbourhood needs --node NAME")
        return neighbourhood_view(kg, node, depth)
    if view == "lineage":
        return lineage_view(kg, node)
    if view == "taxonomy":  # the graph its outline covers; the outline itself: outline.py
        return survey_view(kg, survey) if survey is not None else whole_view(kg)
    raise UnknownNode(f"unknown view {view!r}; choose from {', '.join(VIEWS)}")
