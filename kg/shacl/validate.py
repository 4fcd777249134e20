"""SHACL validation of a built graph against the shapes (ontology/shapes.ttl), in words.

Two engines: `fast` (this package's own: SPARQL over an in-memory Oxigraph store, the default)
and `pyshacl`, the reference the fast one is tested against.  rdflib and pySHACL are imported only
when the reference engine runs, so that the fast one does not pay for loading them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.shacl import engine
from kg.shacl.data import Data, load
from kg.shacl.result import SH, Violation, short
from kg.shacl.shapes import Reader
from kg.util.resources import data_path

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "ENGINES",
    "SHAPES_PATH",
    "Checked",
    "Violation",
    "check_file",
    "load_graph",
    "validate",
    "validate_file",
]

SHAPES_PATH = data_path("ontology", "shapes.ttl")
ENGINES = ("fast", "pyshacl")


@dataclass(frozen=True)
class Checked:
    """What a check of one file found, and how many distinct triples the file holds."""

    violations: list[Violation]
    triples: int


def check_file(path: Path, engine: str = "fast", shapes_path: Path = SHAPES_PATH) -> Checked:
    """Parse and check one RDF file (its named graphs merged) with the chosen engine."""
    if engine == "fast":
        return Checked(*validate_file(path, shapes_path))
    if engine == "pyshacl":
        graph = load_graph(path)
        return Checked(validate(graph, shapes_path), len(graph))
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


def validate_file(path: Path, shapes: Path = SHAPES_PATH) -> tuple[list[Violation], int]:
    """The fast engine's violations in an RDF file (its graphs merged) and its distinct triples."""
    reader = Reader.parse(shapes)
    store, triples = load(path)
    return engine.validate(Data(store), reader), triples


def load_graph(path: Path) -> rdflib.Graph:
    """Parse any RDF file the build writes (format from the file name)."""
    import rdflib

    graph = rdflib.Dataset() if path.suffix in (".trig", ".nq") else rdflib.Graph()
    graph.parse(path)
    if isinstance(graph, rdflib.Dataset):
        merged = rdflib.Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return graph


def validate(graph: rdflib.Graph, shapes_path: Path = SHAPES_PATH) -> list[Violation]:
    """All results (warnings included) of pySHACL, the reference engine; [] means conforms."""
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(shapes_path)
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    # sh:result only: the sh:detail results nested under a failed sh:node are not results.
    results = report.objects(None, rdflib.URIRef(SH + "result"))
    return sorted({_violation(report, result) for result in results})


def _violation(report: rdflib.Graph, result: rdflib.term.Node) -> Violation:
    import rdflib

    def value(local: str) -> str:
        found = report.value(result, rdflib.URIRef(SH + local))
        return _name(found) if found is not None else ""

    path = report.value(result, rdflib.URIRef(SH + "resultPath"))
    return Violation(
        severity=value("resultSeverity").replace("sh:", "").lower(),
        focus=value("focusNode"),
        path=_path_text(report, path) if path is not None else "",
        message=value("resultMessage"),
        value=value("value"),
        constraint=value("sourceConstraintComponent"),
    )


def _name(term: rdflib.term.Node) -> str:
    """As the fast engine names nodes (kg.shacl.engine.name)."""
    import rdflib

    if isinstance(term, rdflib.BNode):
        return "[]"
    return short(str(term)) if isinstance(term, rdflib.URIRef) else str(term)


def _path_text(report: rdflib.Graph, path: rdflib.term.Node) -> str:
    """A result's path as the fast engine writes it (`^skg:mentionOf`, `a|b|c`)."""
    import pyoxigraph as ox
    import rdflib

    from kg.shacl.graph import Index
    from kg.shacl.paths import read_path

    def term(node: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(node, rdflib.BNode):
            return ox.BlankNode(str(node))
        return ox.NamedNode(str(node)) if isinstance(node, rdflib.URIRef) else ox.Literal(str(node))

    triples = [ox.Triple(term(s), term(p), term(o)) for s, p, o in _closure(report, path)]
    return read_path(Index(triples), term(path)).text


def _closure(report: rdflib.Graph, node: rdflib.term.Node) -> list[tuple[rdflib.term.Node, ...]]:
    """The triples describing a path node: its blank nodes, followed to the end."""
    import rdflib

    found, todo, seen = [], [node], set()
    while todo:
        current = todo.pop()
        if current in seen or not isinstance(current, rdflib.BNode):
            continue
        seen.add(current)
        for s, p, o in report.triples((current, None, None)):
            found.append((s, p, o))
            todo.append(o)
    return found
