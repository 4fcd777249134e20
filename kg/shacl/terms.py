"""What SHACL asks of a value: well-typed literals, ordering, string form.

Literals are read as rdflib reads them (pySHACL, the reference engine, checks through rdflib):
an xsd:integer is well formed when Python's int() accepts it, an xsd:decimal when Decimal()
does, an xsd:boolean is one of true, false, 1, 0; other datatypes are taken as well formed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from kg.shacl.graph import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_LITERAL = "http://www.w3.org/2000/01/rdf-schema#Literal"

_INTEGERS = {
    XSD + name
    for name in (
        "integer int long short byte nonNegativeInteger positiveInteger negativeInteger "
        "nonPositiveInteger unsignedLong unsignedInt unsignedShort unsignedByte"
    ).split()
}
_NUMBERS: dict[str, Callable[[str], object]] = {
    **dict.fromkeys(_INTEGERS, int),
    XSD + "decimal": Decimal,
    XSD + "float": float,
    XSD + "double": float,
}
_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


def datatype(term: ox.Literal) -> str:
    """The literal's datatype IRI (rdf:langString for a language-tagged string)."""
    return RDF_LANG_STRING if term.language else term.datatype.value


def is_stringy(term: ox.Literal) -> bool:
    """A plain, xsd:string or language-tagged literal: one whose value is a string."""
    return datatype(term) in (XSD + "string", RDF_LANG_STRING)


def number(term: Term) -> int | float | Decimal | None:
    """The numeric value of a well-formed numeric literal, else None."""
    if not isinstance(term, ox.Literal):
        return None
    convert = _NUMBERS.get(datatype(term))
    if convert is None:
        return None
    try:
        value = convert(term.value)
    except (ValueError, ArithmeticError):
        return None
    return None if isinstance(value, Decimal) and value.is_nan() else value  # type: ignore[return-value]


def well_formed(term: ox.Literal) -> bool:
    """Whether the lexical form fits the datatype, for the datatypes rdflib checks."""
    kind = datatype(term)
    if kind in _NUMBERS:
        try:
            _NUMBERS[kind](term.value)
        except (ValueError, InvalidOperation):
            return False
        return True
    if kind == XSD + "boolean":
        return term.value in _BOOLEANS
    return True


def has_datatype(term: Term, wanted: str) -> bool:
    """sh:datatype: a literal of exactly that datatype, well formed."""
    if not isinstance(term, ox.Literal):
        return False
    if wanted == RDFS_LITERAL:
        return True
    return datatype(term) == wanted and well_formed(term)


def compare(value: Term, bound: ox.Literal) -> int | None:
    """-1, 0 or 1 as value is below, at or above the bound; None when they cannot be compared
    (a node, a string against a number, an ill-formed or non-numeric literal)."""
    if not isinstance(value, ox.Literal):
        return None
    if is_stringy(value) or is_stringy(bound):
        if not (is_stringy(value) and is_stringy(bound)):
            return None
        left, right = value.value, bound.value
        return (left > right) - (left < right)
    a, b = number(value), number(bound)
    if a is None or b is None:
        return None
    return (a > b) - (a < b)  # type: ignore[operator]


def text(term: Term) -> str:
    """The string sh:pattern and sh:minLength look at: a literal's lexical form, an IRI."""
    return term.value
