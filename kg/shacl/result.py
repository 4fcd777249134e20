"""A SHACL validation result in words, the same whichever engine found it."""

from __future__ import annotations

from dataclasses import dataclass

from kg.prefixes import PREFIXES

SH = "http://www.w3.org/ns/shacl#"
_BASES = sorted({**PREFIXES, "sh": SH}.items(), key=lambda kv: -len(kv[1]))


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong, and which constraint says so."""

    severity: str
    focus: str
    path: str
    message: str
    value: str
    constraint: str = ""


def short(iri: str) -> str:
    """An IRI under one of the project's prefixes (or sh:) as `prefix:local`; else the IRI."""
    for prefix, base in _BASES:
        if iri.startswith(base):
            return f"{prefix}:{iri[len(base) :]}"
    return iri
