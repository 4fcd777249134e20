"""`kg lineage NAME`: what a method, model, dataset or paper extends, and what extends it.

Both directions are followed transitively along `extends`, keeping every relation (and so every
rule's evidence) on the way.  NAME is any reference `kg.enrich.refs` understands: an entity name
or alias, a work title, an arXiv id, or NAME@WORK for names shared by unrelated things.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.enrich import Enrichment
from kg.enrich.refs import RefError, Refs
from kg.model import Predicate, Relation
from kg.resolve import Resolution
from kg.util.table import table

__all__ = ["Lineage", "LineageError", "Step", "lineage", "lineage_text"]

ANCESTOR, DESCENDANT = "ancestor", "descendant"


class LineageError(ValueError):
    """NAME names nothing, or several things (the message lists candidates)."""


@dataclass(frozen=True)
class Step:
    """One extends relation met while walking away from the node, at a given distance."""

    direction: str  # ANCESTOR: the node (transitively) extends it; DESCENDANT: it extends the node
    depth: int
    relation: Relation


@dataclass
class Lineage:
    """The node, its ancestors and descendants, and display labels for every node involved."""

    node: str
    ancestors: list[Step]
    descendants: list[Step]
    labels: dict[str, str]

    @property
    def steps(self) -> list[Step]:
        return self.ancestors + self.descendants


def _walk(start: str, edges: list[Relation], direction: str) -> list[Step]:
    """Breadth-first along extends: subject → object for ancestors, object → subject otherwise."""
    forward = direction == ANCESTOR
    steps: list[Step] = []
    seen, frontier, depth = {start}, [start], 0
    while frontier:
        depth += 1
        nxt: list[str] = []
        for node in frontier:
            for r in edges:
                near, far = (r.subject, r.object) if forward else (r.object, r.subject)
                if near == node:
                    steps.append(Step(direction, depth, r))
                    if far not in seen:
                        seen.add(far)
                        nxt.append(far)
        frontier = sorted(nxt)
    return steps


def _extends(relations: Iterable[Relation], min_confidence: float) -> list[Relation]:
    chosen = [r for r in relations if r.predicate == Predicate.EXTENDS and r.confidence >= min_confidence]
    return sorted(chosen, key=lambda r: (r.subject, r.object, r.rule))


def lineage(
    name: str, enrichment: Enrichment, resolution: Resolution, min_confidence: float = 0.0
) -> Lineage:
    """Ancestors and descendants of the node NAME refers to; LineageError if it is unclear."""
    refs = Refs(enrichment.entities, enrichment.relations, resolution.works)
    try:
        node = refs.find(name)
    except RefError as err:
        raise LineageError(str(err)) from err
    edges = _extends(enrichment.relations, min_confidence)
    return Lineage(node, _walk(node, edges, ANCESTOR), _walk(node, edges, DESCENDANT), refs.labels)


def lineage_text(result: Lineage) -> str:
    """A text table: direction, from, to, confidence, rule, evidence (nearest steps first)."""
    head = f"{result.labels.get(result.node, result.node)} ({result.node})"
    if not result.steps:
        return f"{head}\nno extends relation leads to or from it"
    rows = [
        (
            f"{s.direction} {s.depth}",
            result.labels.get(s.relation.subject, s.relation.subject),
            result.labels.get(s.relation.object, s.relation.object),
            f"{s.relation.confidence:.2f}",
            s.relation.rule,
            s.relation.evidence,
        )
        for s in result.steps
    ]
    headers = ("direction", "from", "to", "confidence", "rule", "evidence")
    return f"{head}\n{table(headers, rows)}"
