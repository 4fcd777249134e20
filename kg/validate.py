"""SHACL validation of a built graph against ontology/shapes.ttl, with readable violations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
import rdflib
from rdflib.namespace import SH

from kg.vocab import PREFIXES, SHAPES_PATH


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words: which node, which property, what is wrong."""

    severity: str
    focus: str
    path: str
    message: str
    value: str


def load_graph(path: Path) -> rdflib.Graph:
    """Parse any RDF file the build writes (format from the file name)."""
    graph = rdflib.Dataset() if path.suffix in (".trig", ".nq") else rdflib.Graph()
    graph.parse(path)
    if isinstance(graph, rdflib.Dataset):
        merged = rdflib.Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return graph


def validate(graph: rdflib.Graph, shapes_path: Path = SHAPES_PATH) -> list[Violation]:
    """All violations (warnings included); an empty list means the graph conforms."""
    shapes = rdflib.Graph().parse(shapes_path)
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    violations = [_violation(report, result) for result in report.subjects(SH.resultSeverity, None)]
    return sorted(violations, key=lambda v: (v.severity, v.focus, v.path, v.message))


def _violation(report: rdflib.Graph, result: rdflib.term.Node) -> Violation:
    def value(prop: rdflib.URIRef) -> str:
        found = report.value(result, prop)
        return _short(found) if found is not None else ""

    return Violation(
        severity=value(SH.resultSeverity).replace("sh:", "").lower(),
        focus=value(SH.focusNode),
        path=value(SH.resultPath),
        message=value(SH.resultMessage),
        value=value(SH.value),
    )


def _short(term: rdflib.term.Node) -> str:
    text = str(term)
    if isinstance(term, rdflib.URIRef):
        for prefix, base in sorted({**PREFIXES, "sh": str(SH)}.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(base):
                return f"{prefix}:{text[len(base) :]}"
    return text
