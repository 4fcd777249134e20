"""The whole pipeline in one call: read, resolve, enrich, audit, assemble the graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.audit import audit
from kg.graph import KnowledgeGraph, build_graph
from kg.ingest import IngestResult, ingest
from kg.model import DataIssue, SurveyList
from kg.resolve import Resolution, resolve


@dataclass
class Built:
    """Everything a build produced, for exporters, reports and notebooks."""

    ingested: IngestResult
    resolution: Resolution
    issues: list[DataIssue]
    graph: KnowledgeGraph
    notes: list[str] = field(default_factory=list)


def build(lists: list[SurveyList], root: Path, relations: bool = True) -> Built:
    """Read the lists and assemble the typed graph (with derived relations when available)."""
    ingested = ingest(lists, root)
    resolution = resolve(ingested.parsed)
    issues = audit(ingested.parsed, resolution)
    entities, derived, notes = _enrichment(ingested, resolution) if relations else ([], [], [])
    graph = build_graph(ingested.parsed, resolution, entities, derived, issues)
    return Built(ingested, resolution, issues, graph, notes)


def _enrichment(ingested: IngestResult, resolution: Resolution):  # type: ignore[no-untyped-def]
    """Methods, datasets, benchmarks and models with their relations (kg.enrich)."""
    try:
        from kg.enrich import enrich
    except ImportError:
        return [], [], ["relations not derived: kg.enrich is not available"]
    result = enrich(ingested.parsed, resolution)
    return result.entities, result.relations, []
