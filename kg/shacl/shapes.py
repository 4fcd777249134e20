"""Reading a shapes graph into shapes the engine evaluates; what it cannot check, it refuses.

A parameter of a SHACL component the engine does not implement is an UnsupportedShape error,
never a silent pass: `kg validate --engine pyshacl` then checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FilePath

from kg.shacl.components import FACTORIES, Check, Param, component
from kg.shacl.graph import RDF, Index, Term
from kg.shacl.paths import Path, read_path
from kg.shacl.result import SH

RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
# Shape predicates that state no constraint of their own.
NOT_CONSTRAINTS = (
    {
        SH + name
        for name in (
            "message severity path deactivated name description order group defaultValue flags "
            "property sparql declare prefixes"
        ).split()
    }
    | {SH + t for t in TARGETS}
    | {RDF + "type"}
)


class UnsupportedShape(ValueError):
    """The shapes use SHACL the fast engine does not implement."""


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint: its SELECT (prefixes prepended) and its messages."""

    query: str
    messages: tuple[str, ...]


@dataclass(eq=False)
class Shape:
    """A node or property shape: targets, path, the checks of its parameters, nested shapes."""

    node: Term
    path: Path | None = None
    severity: str = "violation"
    messages: tuple[str, ...] = ()
    targets: list[tuple[str, Term]] = field(default_factory=list)
    checks: list[tuple[str, Check]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    sparql: list[SparqlConstraint] = field(default_factory=list)
    deactivated: bool = False


class Reader:
    """Reads shapes on demand, once each, so that shapes may refer to each other."""

    def __init__(self, shapes: Index) -> None:
        self.shapes = shapes
        self._read: dict[Term, Shape] = {}

    @classmethod
    def parse(cls, path: FilePath) -> Reader:
        return cls(Index.parse(str(path)))

    def targeted(self) -> list[Shape]:
        """Every shape with a target."""
        nodes = [n for t in TARGETS for n in self.shapes.subjects(SH + t)]
        return [self.shape(n) for n in dict.fromkeys(nodes)]

    def shape(self, node: Term) -> Shape:
        """The shape at this node, read on first use."""
        if node not in self._read:
            self._read[node] = shape = Shape(node)
            self._fill(shape)
        return self._read[node]

    def _fill(self, shape: Shape) -> None:
        g, node = self.shapes, shape.node
        path = g.value(node, SH + "path")
        shape.path = read_path(g, path) if path is not None else None
        severity = g.value(node, SH + "severity")
        shape.severity = severity.value[len(SH) :].lower() if severity is not None else "violation"
        shape.messages = tuple(sorted(m.value for m in g.objects(node, SH + "message")))
        shape.deactivated = any(d.value == "true" for d in g.objects(node, SH + "deactivated"))
        shape.targets = [(t, o) for t in TARGETS for o in g.objects(node, SH + t)]
        if {t.value for t in g.objects(node, RDF + "type")} & {RDFS_CLASS, OWL_CLASS}:
            raise UnsupportedShape(f"{node}: implicit class targets are not implemented")
        for predicate in g.predicates(node):
            self._parameter(shape, predicate)

    def _parameter(self, shape: Shape, predicate: str) -> None:
        values = self.shapes.objects(shape.node, predicate)
        if predicate in FACTORIES:
            make = FACTORIES[predicate]
            shape.checks += [
                (component(predicate), make(Param(v, shape.node, self))) for v in values
            ]
        elif predicate == SH + "property":
            shape.properties += [self.shape(v) for v in values]
        elif predicate == SH + "sparql":
            shape.sparql += [self._sparql(shape, v) for v in values]
        elif predicate.startswith(SH) and predicate not in NOT_CONSTRAINTS:
            raise UnsupportedShape(
                f"{shape.node}: sh:{predicate[len(SH) :]} is not implemented by the fast engine "
                "(use --engine pyshacl)"
            )

    def _sparql(self, shape: Shape, node: Term) -> SparqlConstraint:
        g = self.shapes
        select = g.value(node, SH + "select")
        if (
            select is None
            or shape.path is not None
            or "$shapesGraph" in select.value
            or ("$currentShape" in select.value)
        ):
            raise UnsupportedShape(
                f"{shape.node}: only SELECT constraints on node shapes, without $shapesGraph or "
                "$currentShape, are implemented by the fast engine (use --engine pyshacl)"
            )
        prologue = "".join(
            f"PREFIX {g.value(d, SH + 'prefix').value}: <{g.value(d, SH + 'namespace').value}>\n"
            for prefixes in g.objects(node, SH + "prefixes")
            for d in g.objects(prefixes, SH + "declare")
        )
        messages = tuple(sorted(m.value for m in g.objects(node, SH + "message")))
        return SparqlConstraint(prologue + select.value, messages)
