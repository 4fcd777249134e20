"""The whole pipeline in one call: read, resolve, enrich, audit, assemble the graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.audit import audit
from kg.enrich import Enrichment, enrich
from kg.graph import KnowledgeGraph, build_graph
from kg.ingest import IngestResult, ingest
from kg.model import DataIssue, SurveyList
from kg.resolve import Resolution, resolve


@dataclass
class Built:
    """Everything a build produced, for exporters, reports and notebooks."""

    ingested: IngestResult
    resolution: Resolution
    enrichment: Enrichment
    issues: list[DataIssue]
    graph: KnowledgeGraph
    notes: list[str] = field(default_factory=list)


def build(lists: list[SurveyList], root: Path, relations: bool = True) -> Built:
    """Read the lists and assemble the typed graph, with derived relations unless told not to."""
    ingested = ingest(lists, root)
    resolution = resolve(ingested.parsed)
    issues = audit(ingested.parsed, resolution)
    enrichment = enrich(ingested.parsed, resolution) if relations else Enrichment([], [])
    graph = build_graph(
        ingested.parsed, resolution, enrichment.entities, enrichment.relations, issues
    )
    notes = [
        f"curated fact not applied (names nothing in these lists): {s}" for s in enrichment.skipped
    ]
    return Built(ingested, resolution, enrichment, issues, graph, notes)
