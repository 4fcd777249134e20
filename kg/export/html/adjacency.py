"""Typed neighbours read straight from networkx's adjacency dicts: its views cost too much here.

A MultiDiGraph keeps `_succ[u][v]` and `_pred[v][u]` as plain dicts keyed by edge key, and the
knowledge graph's edge key is the edge kind.
"""

from __future__ import annotations

from kg.graph import KnowledgeGraph


def out(kg: KnowledgeGraph, node: str, kind: str) -> list[str]:
    """Targets of `kind` edges leaving `node`, in insertion order (as KnowledgeGraph.out)."""
    return [t for t, keys in kg.nx._succ[node].items() if kind in keys]


def into(kg: KnowledgeGraph, node: str, kind: str) -> list[str]:
    """Sources of `kind` edges reaching `node` (as KnowledgeGraph.into)."""
    return [s for s, keys in kg.nx._pred[node].items() if kind in keys]
