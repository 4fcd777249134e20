"""The library in a few calls; `import kg` offers them, and the command line uses them too.

    import kg
    built = kg.build()                      # the bundled lists (or kg.build(["my-list.md"]))
    built = kg.load("out")                  # what `kg build` wrote, without reading lists again
    rows = kg.query("@papers-per-section", out="out")
    kg.lineage(built, "Evol-Instruct"); kg.coverage(built, "llm-synthetic-data")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph

    from kg.authoring.coverage import Coverage
    from kg.authoring.crosswalk import Alignment
    from kg.authoring.gaps import Gap
    from kg.enrich.lineage import Lineage
    from kg.export.html.explore import Explored
    from kg.model import DataIssue
    from kg.pipeline import Built


def build(lists: Sequence[str | Path] | None = None, out: str | Path | None = None) -> Built:
    """Read, resolve, enrich and assemble the lists (the bundled ones when none are given);
    with `out`, also write every output there as `kg build` does."""
    from kg.outputs import write_outputs
    from kg.pipeline import build_graph_from_lists
    from kg.sources.ingest import NothingUsable
    from kg.sources.manifest import lists_for, project_root

    sources = lists_for([str(p) for p in lists or []], project_root())
    if out is None:
        built = build_graph_from_lists(sources, project_root())
    else:
        written = write_outputs(sources, project_root(), Path(out), ())
        assert written.built is not None
        built = written.built
    if not built.ingested.usable:
        raise NothingUsable(built.ingested)
    return built


def load(out: str | Path = "out") -> Built:
    """The build `kg build --out OUT` wrote (SnapshotError if there is none)."""
    from kg.snapshot import load as load_snapshot

    return load_snapshot(Path(out))


def built_from(lists: Sequence[str | Path] | None, out: str | Path) -> Built:
    """Given lists are read and built; otherwise the build in `out` is loaded."""
    return build(lists) if lists else load(out)


def open_store(out: str | Path = "out") -> pyoxigraph.Store:
    """The embedded SPARQL store of a build (read-only use)."""
    from kg.sparql.store import open_store as open_

    return open_(Path(out))


def query(text: str, out: str | Path = "out", **params: str) -> object:
    """Run SPARQL (or a saved query, "@name", with its parameters) on a build's store."""
    from kg.sparql.query import prepare, run_local

    store = open_store(out)
    return run_local(store, prepare(text, params, lambda q: run_local(store, q)))


def audit(built: Built) -> list[DataIssue]:
    """The lists' defects, each with file and line."""
    return built.issues


def lineage(built: Built, name: str, min_confidence: float = 0.0) -> Lineage:
    """What `name` extends and what extends it, with evidence."""
    from kg.enrich.lineage import lineage as lineage_of

    return lineage_of(name, built.enrichment, built.resolution, min_confidence)


def explore(built: Built, out: str | Path, view: str = "whole", **options: object) -> Explored:
    """Write one view of the graph as a self-contained HTML page."""
    from kg.export.html.explore import explore_graph

    return explore_graph(built, Path(out), view, **options)  # type: ignore[arg-type]


def coverage(built: Built, list_id: str, thin: int = 3) -> Coverage:
    """One list's coverage: taxonomy, empty and thin sections, years, defects, gaps, crosswalk."""
    from kg.authoring.coverage import coverage as coverage_of

    return coverage_of(built.graph, list_id, thin=thin, alignments=built.alignments)


def gaps(built: Built, list_id: str, min_lists: int = 1) -> list[Gap]:
    """Works other lists have and this list lacks, ranked, with where they would go."""
    from kg.authoring.gaps import gaps as gaps_of

    return gaps_of(built.graph, list_id, min_lists=min_lists, alignments=built.alignments)


def crosswalk(built: Built, first: str, second: str) -> list[Alignment]:
    """How the sections of list `first` align with those of list `second`."""
    kg = built.graph
    return [
        a
        for a in built.alignments
        if kg.sections[a.source].list_id == first and kg.sections[a.target].list_id == second
    ]
