"""The SHACL Core constraint components the fast engine implements, one check each.

A check takes the evaluation context, a focus node and its value nodes, and returns the values
that fail (None for a result without a value, as sh:minCount gives).  Each follows pySHACL where
the SHACL specification leaves room (see kg/shacl/terms.py for literals).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.shacl import terms
from kg.shacl.graph import Term
from kg.shacl.result import SH

if TYPE_CHECKING:
    from kg.shacl.engine import Context
    from kg.shacl.shapes import Reader

Check = Callable[["Context", Term, frozenset[Term]], list[Term | None]]


@dataclass(frozen=True)
class Param:
    """A constraint parameter's value, the shape that states it, and the reader of the shapes."""

    value: Term
    shape: Term
    reader: Reader


_KINDS = {
    SH + "IRI": (ox.NamedNode,),
    SH + "BlankNode": (ox.BlankNode,),
    SH + "Literal": (ox.Literal,),
    SH + "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode),
    SH + "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal),
    SH + "IRIOrLiteral": (ox.NamedNode, ox.Literal),
}


def _each(ok: Callable[[Context, Term], bool]) -> Check:
    """A check that fails every value node `ok` rejects."""
    return lambda ctx, focus, values: [v for v in values if not ok(ctx, v)]


def min_count(p: Param) -> Check:
    n = int(p.value.value)
    return lambda ctx, focus, values: [None] if len(values) < n else []


def max_count(p: Param) -> Check:
    n = int(p.value.value)
    return lambda ctx, focus, values: [None] if len(values) > n else []


def class_(p: Param) -> Check:
    return _each(
        lambda ctx, v: not isinstance(v, ox.Literal) and v in ctx.data.instances(p.value.value)
    )


def datatype(p: Param) -> Check:
    return _each(lambda ctx, v: terms.has_datatype(v, p.value.value))


def node_kind(p: Param) -> Check:
    kinds = _KINDS[p.value.value]
    return _each(lambda ctx, v: isinstance(v, kinds))


def min_inclusive(p: Param) -> Check:
    return _each(lambda ctx, v: _within(v, p.value, (0, 1)))


def max_inclusive(p: Param) -> Check:
    return _each(lambda ctx, v: _within(v, p.value, (-1, 0)))


def _within(value: Term, bound: Term, allowed: tuple[int, int]) -> bool:
    """Whether value compares to the bound as allowed; values that cannot be compared fail."""
    order = terms.compare(value, bound) if isinstance(bound, ox.Literal) else None
    return order in allowed


def min_length(p: Param) -> Check:
    n = int(p.value.value)
    return _each(
        lambda ctx, v: n == 0 or (not isinstance(v, ox.BlankNode) and len(terms.text(v)) >= n)
    )


def pattern(p: Param) -> Check:
    flags = p.reader.shapes.value(p.shape, SH + "flags")
    found = re.compile(p.value.value, _flags(flags.value if flags else ""))
    return _each(
        lambda ctx, v: not isinstance(v, ox.BlankNode) and bool(found.search(terms.text(v)))
    )


def _flags(letters: str) -> int:
    """The regular-expression flags pySHACL honours: i and m."""
    return (re.I if "i" in letters.lower() else 0) | (re.M if "m" in letters.lower() else 0)


def in_(p: Param) -> Check:
    allowed = frozenset(p.reader.shapes.items(p.value))
    return _each(lambda ctx, v: v in allowed)


def node(p: Param) -> Check:
    shape = p.reader.shape(p.value)
    return _each(lambda ctx, v: ctx.conforms(shape, v))


def or_(p: Param) -> Check:
    members = [p.reader.shape(m) for m in p.reader.shapes.items(p.value)]
    return _each(lambda ctx, v: any(ctx.conforms(m, v) for m in members))


def disjoint(p: Param) -> Check:
    path = f"<{p.value.value}>"
    return lambda ctx, focus, values: sorted(values & ctx.data.values(path, focus), key=str)


def less_than_or_equals(p: Param) -> Check:
    path = f"<{p.value.value}>"

    def check(ctx: Context, focus: Term, values: frozenset[Term]) -> list[Term | None]:
        others = ctx.data.values(path, focus)
        return [v for v in values for o in others if not _at_most(v, o)]

    return check


def _at_most(value: Term, other: Term) -> bool:
    """value <= other, comparing IRIs and strings as text and numbers as numbers."""
    a, b = _orderable(value), _orderable(other)
    if a is None or b is None or isinstance(a, str) != isinstance(b, str):
        return False
    return a <= b  # type: ignore[operator]


def _orderable(term: Term) -> object:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal) and terms.is_stringy(term):
        return term.value
    return terms.number(term)


FACTORIES: dict[str, Callable[[Param], Check]] = {
    SH + "minCount": min_count,
    SH + "maxCount": max_count,
    SH + "class": class_,
    SH + "datatype": datatype,
    SH + "nodeKind": node_kind,
    SH + "minInclusive": min_inclusive,
    SH + "maxInclusive": max_inclusive,
    SH + "minLength": min_length,
    SH + "pattern": pattern,
    SH + "in": in_,
    SH + "node": node,
    SH + "or": or_,
    SH + "disjoint": disjoint,
    SH + "lessThanOrEquals": less_than_or_equals,
}


def component(parameter: str) -> str:
    """The constraint component a parameter belongs to, as reports name it."""
    local = parameter[len(SH) :]
    return f"sh:{local[0].upper()}{local[1:]}ConstraintComponent"
