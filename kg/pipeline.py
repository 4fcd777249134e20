"""The whole pipeline in one call: read, resolve, enrich, audit, assemble the graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.authoring.audit import audit
from kg.authoring.crosswalk import Alignment, crosswalk
from kg.enrich import Enrichment, enrich
from kg.graph import KnowledgeGraph, add_relations, build_graph
from kg.model import DataIssue, SurveyList
from kg.resolve import Resolution, resolve
from kg.sources.ingest import IngestResult, ingest


@dataclass
class Built:
    """Everything a build produced, for exporters, reports and notebooks."""

    ingested: IngestResult
    resolution: Resolution
    enrichment: Enrichment
    issues: list[DataIssue]
    graph: KnowledgeGraph
    alignments: list[Alignment] = field(default_factory=list)  # sections across lists


def build_graph_from_lists(lists: list[SurveyList], root: Path, relations: bool = True) -> Built:
    """Read the lists and assemble the typed graph, with derived relations unless told not to.

    The lists are read in the order of their ids, never in the order given, so that the graph
    and every report come out the same for any order of the same lists."""
    ingested = ingest(sorted(lists, key=lambda s: (s.id, s.file)), root)
    resolution = resolve(ingested.parsed)
    issues = audit(ingested.parsed, resolution)
    enrichment = enrich(ingested.parsed, resolution) if relations else Enrichment([], [])
    graph = build_graph(
        ingested.parsed, resolution, enrichment.entities, enrichment.relations, issues
    )
    alignments = crosswalk(graph)
    add_relations(graph, [a.as_relation() for a in alignments])
    return Built(ingested, resolution, enrichment, issues, graph, alignments)


def skipped_facts(skipped: list[str], verbose: bool = False) -> list[str]:
    """One line for the curated facts a build from other lists cannot apply; each only on request,
    since every fact about a bundled list not read is expected to be skipped."""
    if not skipped:
        return []
    n = len(skipped)
    head = (
        f"{n} curated fact{'s' if n != 1 else ''} not applied (their works are not in these lists)"
    )
    if not verbose:
        return [f"{head}; --verbose lists them"]
    return [f"{head}:", *(f"  {s}" for s in skipped)]
