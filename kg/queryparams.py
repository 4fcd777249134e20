"""The parameters a saved query declares in its header, with the example value each gives.

A saved query says `# Parameters: $name — what it is, e.g. Self-Instruct`; the examples let the
tests, the endpoint's index page and a curious user run every saved query as it stands.
"""

from __future__ import annotations

import re
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
