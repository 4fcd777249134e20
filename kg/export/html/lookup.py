"""Find a node by id, list id or name, and suggest close matches when nothing fits."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from kg.export.html.style import NODE_KINDS
from kg.graph import KnowledgeGraph


class UnknownNode(ValueError):
    """The name matches no node of the wanted kinds, or several; the message says which."""


def find_node(kg: KnowledgeGraph, name: str, kinds: frozenset[str] | None = None) -> str:
    """The node `name` denotes: an exact id, a list id, or a label (case-insensitive)."""
    allowed = kinds or frozenset(NODE_KINDS)
    labels = _labels(kg, allowed)
    for candidate in (name, f"survey/{name}"):
        if candidate in labels:
            return candidate
    exact = [n for n, label in labels.items() if label.casefold() == name.strip().casefold()]
    if len(exact) == 1:
        return exact[0]
    if exact:
        raise UnknownNode(f"{name!r} names several nodes: {_listing(exact, labels)}")
    raise UnknownNode(f"{name!r} names no {_kinds_text(allowed)}{_suggestions(name, labels)}")


def _labels(kg: KnowledgeGraph, kinds: frozenset[str]) -> dict[str, str]:
    return {n: str(data["label"]) for n, data in kg.nx.nodes(data=True) if data["kind"] in kinds}


def _suggestions(name: str, labels: dict[str, str]) -> str:
    """'; did you mean …' with the three closest labels or ids, or nothing."""
    choices = {n: f"{label} {n}" for n, label in labels.items()}
    found = process.extract(name, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=50)
    if not found:
        return ""
    return f"; did you mean {_listing([key for _, _, key in found], labels)}?"


def _listing(nodes: list[str], labels: dict[str, str]) -> str:
    return ", ".join(f"{labels[n]!r} ({n})" for n in nodes)


def _kinds_text(kinds: frozenset[str]) -> str:
    return "node" if kinds == frozenset(NODE_KINDS) else " or ".join(sorted(kinds))
