"""surveykg: curated paper lists as a typed taxonomy knowledge graph.

The public API (see kg.api): build, load, open_store, query, audit, lineage, explore, coverage,
gaps, crosswalk. Importing kg stays cheap; each call imports what it needs.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = [
    "audit",
    "build",
    "coverage",
    "crosswalk",
    "explore",
    "gaps",
    "lineage",
    "load",
    "open_store",
    "query",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
