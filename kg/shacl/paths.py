"""SHACL property paths as SPARQL property paths (to query) and as short text (to report)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.shacl.graph import Index, Term
from kg.shacl.result import SH, short

# path predicate -> (SPARQL operator, text operator) for the unary forms
_UNARY = {
    SH + "inversePath": ("^", "^"),
    SH + "zeroOrMorePath": ("*", "*"),
    SH + "oneOrMorePath": ("+", "+"),
    SH + "zeroOrOnePath": ("?", "?"),
}


class PathError(ValueError):
    """A node that is no SHACL path."""


@dataclass(frozen=True)
class Path:
    """One SHACL path: `sparql` goes between subject and object; `text` names it in reports."""

    sparql: str
    text: str


def read_path(shapes: Index, node: Term) -> Path:
    """The path a shape's sh:path points at."""
    if isinstance(node, ox.NamedNode):
        return Path(f"<{node.value}>", short(node.value))
    if isinstance(node, ox.Literal):
        raise PathError(f"{node} is no path")
    alternatives = shapes.value(node, SH + "alternativePath")
    if alternatives is not None:
        return _joined([read_path(shapes, n) for n in shapes.items(alternatives)], "|")
    for predicate, (op, text_op) in _UNARY.items():
        inner = shapes.value(node, predicate)
        if inner is not None:
            sub = read_path(shapes, inner)
            if op == "^":
                return Path(f"^({sub.sparql})", f"^{_grouped(sub.text)}")
            return Path(f"({sub.sparql}){op}", f"{_grouped(sub.text)}{text_op}")
    members = shapes.items(node)
    if len(members) < 2:
        raise PathError(f"{node} is no path")
    return _joined([read_path(shapes, n) for n in members], "/")


def _joined(parts: list[Path], op: str) -> Path:
    sparql = "(" + op.join(p.sparql for p in parts) + ")"
    return Path(sparql, op.join(_grouped(p.text) for p in parts))


def _grouped(text: str) -> str:
    """Parentheses around a compound path, so that `^a/b` cannot be misread."""
    return f"({text})" if any(c in text for c in "|/^*+?") else text
