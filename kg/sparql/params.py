"""The parameters a saved query declares in its header, with the example value each gives.

A saved query says `# Parameters: $name — what it is, e.g. Self-Instruct`; the examples let the
tests, the endpoint's index page and a curious user run every saved query as it stands, and
`check` holds the values given against the header (a range such as `(0..1)` in the description
bounds a number; a parameter of KNOWN_VALUES must name something the graph has).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

LINE = re.compile(r"#\s*Parameters:\s*\$(\w+)\s*(?:—|--|-|:)?\s*(.*)")
EXAMPLE = re.compile(r"\be\.g\.\s*(.+?)\s*$")


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    example: str | None


def parameters(query: str) -> list[Parameter]:
    """Every `# Parameters:` line of the query's header, in order."""
    found = []
    for line in query.splitlines():
        match = LINE.match(line.strip())
        if match:
            example = EXAMPLE.search(match.group(2))
            found.append(
                Parameter(match.group(1), match.group(2), example.group(1) if example else None)
            )
    return found


def examples(query: str) -> dict[str, str]:
    """Parameter name → example value, for the parameters that give one."""
    return {p.name: p.example for p in parameters(query) if p.example is not None}


class ParameterError(ValueError):
    """Parameters that do not fit the query's declared ones; the message says what it expects."""


Lookup = Callable[[str], list[str]]
"""Runs a SELECT of one variable, ?value, and returns its values."""

KNOWN_VALUES = {
    "list": (
        "list",
        "SELECT ?value WHERE { ?s a skg:Survey ; dcterms:identifier ?value } ORDER BY ?value",
    ),
}
"""Parameters whose values the graph enumerates: what one value is, and the query listing them."""

RANGE = re.compile(r"\((-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\)")
PLACEHOLDER = re.compile(r"\$(\w+)")


def check(label: str, query: str, values: dict[str, str], lookup: Lookup) -> None:
    """Refuse unknown, misspelled and missing parameters and values the graph does not have: bound
    wrongly, a saved query answers no rows and looks like a true answer."""
    declared = {p.name: p for p in parameters(query)}
    allowed = list(declared) or sorted(set(PLACEHOLDER.findall(query)))
    for name in values:
        if name not in allowed:
            raise ParameterError(_unknown(label, name, allowed))
    missing = [p for p in declared.values() if p.name not in values]
    if missing:
        raise ParameterError(_missing(label, missing, lookup))
    for name, value in values.items():
        if name in declared:
            _check_value(label, declared[name], value, lookup)


def _unknown(label: str, name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    takes = f"its parameters are {', '.join(allowed)}" if allowed else "it takes no parameters"
    return f"{label} has no parameter {name!r}{hint}; {takes}"


def _missing(label: str, missing: list[Parameter], lookup: Lookup) -> str:
    wanted = " and ".join(f"--param {p.name}=<{_noun(p)}>" for p in missing)
    hints = [_known(p.name, lookup) or f"{p.name}: {p.description}" for p in missing]
    return f"{label} needs {wanted}; " + "; ".join(hints)


def _noun(parameter: Parameter) -> str:
    """`list id` from `the list id, e.g. …`: the description up to its first comma or bracket."""
    head = re.split(r"[,(]", parameter.description, maxsplit=1)[0].strip()
    return re.sub(r"^(?:the|a|an)\s+", "", head) or parameter.name


def _known(name: str, lookup: Lookup) -> str | None:
    """`known lists: a, b` when the graph enumerates the parameter's values and has some."""
    if name not in KNOWN_VALUES:
        return None
    noun, sparql = KNOWN_VALUES[name]
    found = lookup(sparql)
    return f"known {noun}s: {', '.join(found)}" if found else None


def _check_value(label: str, parameter: Parameter, value: str, lookup: Lookup) -> None:
    bounds = RANGE.search(parameter.description)
    if bounds:
        low, high = float(bounds.group(1)), float(bounds.group(2))
        if not _within(value, low, high):
            raise ParameterError(
                f"{label}: --param {parameter.name}={value!r} must be a number from "
                f"{bounds.group(1)} to {bounds.group(2)}"
            )
    if parameter.name in KNOWN_VALUES:
        noun, sparql = KNOWN_VALUES[parameter.name]
        found = lookup(sparql)
        if found and value not in found:
            raise ParameterError(f"{label}: no {noun} {value!r}; known {noun}s: {', '.join(found)}")


def _within(value: str, low: float, high: float) -> bool:
    try:
        number = float(value)
    except ValueError:
        return False
    return low <= number <= high
