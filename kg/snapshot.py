"""A build's results saved beside its outputs, so that later commands (lineage, explore,
coverage, gaps, crosswalk) load them in a moment instead of reading and resolving every list.

The file is gzip-compressed JSON with sorted keys and no timestamp: the same build writes the
same bytes.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from pydantic import BaseModel, Field

from kg.authoring.crosswalk import Alignment
from kg.enrich import Enrichment
from kg.graph import add_relations, build_graph
from kg.model import DataIssue, Entity, ParsedList, Relation, Work
from kg.pipeline import Built
from kg.resolve import Resolution
from kg.sources.ingest import IngestResult

SNAPSHOT = "build.json.gz"
VERSION = 1


class SnapshotError(Exception):
    """No usable build in the folder; the message says what to run."""


class _Snapshot(BaseModel):
    version: int = VERSION
    parsed: list[ParsedList]
    failures: list[str] = Field(default_factory=list)
    works: list[Work]
    work_of: dict[str, str]
    resolution_issues: list[DataIssue]
    entities: list[Entity]
    relations: list[Relation]
    skipped: list[str]
    issues: list[DataIssue]
    alignments: list[dict[str, object]]


def save(built: Built, folder: Path) -> Path:
    """Write the snapshot into `folder` (a build's staging folder)."""
    snapshot = _Snapshot(
        parsed=built.ingested.parsed,
        failures=built.ingested.failures,
        works=built.resolution.works,
        work_of=built.resolution.work_of,
        resolution_issues=built.resolution.issues,
        entities=built.enrichment.entities,
        relations=built.enrichment.relations,
        skipped=built.enrichment.skipped,
        issues=built.issues,
        alignments=[a.__dict__ for a in built.alignments],
    )
    text = json.dumps(snapshot.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    path = folder / SNAPSHOT
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return path


def load(out: Path) -> Built:
    """The build saved in output folder `out`, with its graph assembled again."""
    path = Path(out) / SNAPSHOT
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        snapshot = _Snapshot.model_validate(data)
    except FileNotFoundError:
        raise SnapshotError(f"{out}: no build here; run `kg build --out {out}` first") from None
    except (OSError, ValueError) as err:
        raise SnapshotError(f"{path}: not a build this version can read ({err})") from None
    if snapshot.version != VERSION:
        raise SnapshotError(f"{path}: written by another version; run `kg build` again")
    return _built(snapshot)


def _built(s: _Snapshot) -> Built:
    ingested = IngestResult(parsed=s.parsed, failures=s.failures)
    resolution = Resolution(s.works, s.work_of, s.resolution_issues)
    enrichment = Enrichment(s.entities, s.relations, s.skipped)
    graph = build_graph(s.parsed, resolution, s.entities, s.relations, s.issues)
    alignments = [Alignment(**a) for a in s.alignments]  # type: ignore[arg-type]
    add_relations(graph, [a.as_relation() for a in alignments])
    return Built(ingested, resolution, enrichment, s.issues, graph, alignments)
