"""Where each node sits in the layout's tree: sections under their parent, works under a section."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.export.html.adjacency import into, out
from kg.graph import KnowledgeGraph
from kg.model import Predicate

Parents = dict[str, str | None]


def structural_parents(kg: KnowledgeGraph, nodes: Iterable[str]) -> Parents:
    """A parent for each node that keeps a list's taxonomy together: survey > section > work."""
    members = set(nodes)
    return acyclic({n: _structural(kg, n, members) for n in members_in_order(nodes)})


def members_in_order(nodes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(nodes))


def _structural(kg: KnowledgeGraph, node: str, members: set[str]) -> str | None:
    kind = kg.kind_of(node)
    if kind == "section":
        return _first(out(kg, node, "broader") + out(kg, node, "inScheme"), members)
    if node in kg.works:
        return _first(out(kg, node, "categorizedAs") + out(kg, node, "listedIn"), members)
    if kind == "person":
        return _first(into(kg, node, "creator"), members)
    if node in kg.entities:
        return _entity_parent(kg, node, members)
    return None


def _entity_parent(kg: KnowledgeGraph, node: str, members: set[str]) -> str | None:
    """The work that introduces it, else any work related to it, else what it extends."""
    related = [s for s, _ in kg.nx.in_edges(node) if s in kg.works]
    return _first(into(kg, node, Predicate.INTRODUCES) + related + out(kg, node, Predicate.EXTENDS), members)


def _first(candidates: list[str], members: set[str]) -> str | None:
    return next((c for c in candidates if c in members), None)


def acyclic(parents: Parents) -> Parents:
    """Cut the parent link of any node whose chain of parents loops back on itself."""
    fixed: Parents = {}
    for node in parents:
        seen = {node}
        up = parents[node]
        while up is not None and up not in seen and up in parents:
            seen.add(up)
            up = parents[up]
        fixed[node] = None if up == node else parents[node]
    return fixed


def bfs_parents(
    start: str,
    depth: int,
    neighbours: Callable[[str], Iterable[str]],
    expand: Callable[[str], bool],
) -> Parents:
    """Breadth-first tree from `start` to `depth` hops; nodes `expand` refuses are leaves."""
    parents: Parents = {start: None}
    frontier = [start]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            if node != start and not expand(node):
                continue
            for other in neighbours(node):
                if other not in parents:
                    parents[other] = node
                    nxt.append(other)
        frontier = nxt
    return parents
