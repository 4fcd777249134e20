"""Evaluating shapes over the data: focus nodes, value nodes, checks, nested shapes, SPARQL."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.shacl.data import Data
from kg.shacl.graph import Term
from kg.shacl.result import Violation, short
from kg.shacl.shapes import Reader, Shape, SparqlConstraint

SPARQL_COMPONENT = "sh:SPARQLConstraintComponent"


class Context:
    """The data, and what evaluation has learnt: which nodes conform to which nested shapes."""

    def __init__(self, data: Data) -> None:
        self.data = data
        self._conforms: dict[tuple[int, Term], bool] = {}
        self._rows: dict[str, list[dict[str, Term]]] = {}

    def conforms(self, shape: Shape, node: Term) -> bool:
        """Whether the node meets the shape (sh:node, sh:or); a shape met recursively holds."""
        key = (id(shape), node)
        if key not in self._conforms:
            self._conforms[key] = True
            self._conforms[key] = next(iter(results(self, shape, [node])), None) is None
        return self._conforms[key]

    def rows(self, constraint: SparqlConstraint) -> list[dict[str, Term]]:
        """The constraint's solutions over the whole graph, $this unbound, computed once."""
        if constraint.query not in self._rows:
            self._rows[constraint.query] = self.data.select(constraint.query)
        return self._rows[constraint.query]


def validate(data: Data, shapes: Reader) -> list[Violation]:
    """Every result of every targeted shape, once each, sorted."""
    ctx = Context(data)
    found: set[Violation] = set()
    for shape in shapes.targeted():
        found.update(results(ctx, shape, focus_nodes(ctx, shape)))
    return sorted(found)


def focus_nodes(ctx: Context, shape: Shape) -> set[Term]:
    """The nodes a shape's targets select."""
    nodes: set[Term] = set()
    for kind, target in shape.targets:
        if kind == "targetClass":
            nodes |= ctx.data.instances(target.value)
        elif kind == "targetNode":
            nodes.add(target)
        elif kind == "targetSubjectsOf":
            nodes |= set(ctx.data.pairs(f"<{target.value}>"))
        else:
            nodes |= {o for os in ctx.data.pairs(f"<{target.value}>").values() for o in os}
    return nodes


def results(ctx: Context, shape: Shape, focus: Iterable[Term]) -> Iterator[Violation]:
    """The shape's results on these focus nodes, nested property shapes included."""
    if shape.deactivated:
        return
    focus = list(focus)
    for f in focus:
        values = ctx.data.values(shape.path.sparql, f) if shape.path else frozenset({f})
        for component, check in shape.checks:
            for value in check(ctx, f, values):
                yield _violation(shape, component, f, value, _message(shape.messages, component))
        for prop in shape.properties:
            yield from results(ctx, prop, values)
    for constraint in shape.sparql:
        yield from _sparql_results(ctx, shape, constraint, set(focus))


def _sparql_results(
    ctx: Context, shape: Shape, constraint: SparqlConstraint, focus: set[Term]
) -> Iterator[Violation]:
    """One result per solution whose $this is a focus node; ?value defaults to the focus node."""
    for row in ctx.rows(constraint):
        this = row.get("this")
        if this not in focus:
            continue
        bound = {"value": this, **row}
        message = _message((*constraint.messages, *shape.messages), SPARQL_COMPONENT)
        yield _violation(shape, SPARQL_COMPONENT, this, bound["value"], _fill(message, bound))


def _fill(message: str, bound: dict[str, Term]) -> str:
    """A SPARQL constraint's message with {?var} and {$var} replaced by the bound values."""
    for name, term in bound.items():
        message = re.sub(r"\{[?$]" + re.escape(name) + r"\}", lambda _, t=term: t.value, message)
    return message


def _message(messages: tuple[str, ...], component: str) -> str:
    return messages[0] if messages else f"{component} is not met"


def _violation(
    shape: Shape, component: str, focus: Term, value: Term | None, message: str
) -> Violation:
    return Violation(
        severity=shape.severity,
        focus=name(focus),
        path=shape.path.text if shape.path else "",
        message=message,
        value="" if value is None else name(value),
        constraint=component,
    )


def name(term: Term) -> str:
    """A node as reports show it: IRIs shortened by the project's prefixes, literals as written,
    blank nodes as `[]` (their labels change with every parse)."""
    if isinstance(term, ox.BlankNode):
        return "[]"
    return short(term.value) if isinstance(term, ox.NamedNode) else term.value
