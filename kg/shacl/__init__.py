"""A fast SHACL engine: the shapes checked with SPARQL over an in-memory Oxigraph store.

It implements the SHACL Core components and the SHACL-SPARQL constraints that
ontology/shapes.ttl uses, and refuses shapes that use anything else (UnsupportedShape).
pySHACL stays the reference: tests/test_shacl_engines.py runs both on graphs broken on purpose
and on the bundled graph and asserts the same results.  Known differences, all on values the
build never writes: rdflib rewrites typed literals to canonical form ("01"^^xsd:integer is
reported as "1") and may order literals of unrelated datatypes by datatype IRI, so that pySHACL
lets "2024"^^xsd:gYear pass sh:maxInclusive 1, where this engine, as SHACL says, reports it.
"""

from __future__ import annotations

from kg.shacl.result import Violation
from kg.shacl.shapes import UnsupportedShape
from kg.shacl.validate import ENGINES, SHAPES_PATH, Checked, check_file, validate_file

__all__ = [
    "ENGINES",
    "SHAPES_PATH",
    "Checked",
    "UnsupportedShape",
    "Violation",
    "check_file",
    "validate_file",
]
