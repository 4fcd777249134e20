"""The public API: `import kg` stays cheap (no rdflib), and build, load, query, lineage,
coverage, gaps, crosswalk and audit work on the authoring fixture lists."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.authoring.coverage import Coverage
from kg.enrich.lineage import LineageError
from kg.model import IssueKind
from kg.pipeline import Built
from kg.sources.ingest import NothingUsable

AUTHORING = Path(__file__).resolve().parent / "fixtures" / "lists" / "authoring"
LISTS = [str(AUTHORING / f"{n}.md") for n in ("alpha", "alpha_v2", "beta", "gamma")]
GAT = "Graph Attention Networks"


def _modules_after(code: str) -> set[str]:
    """Top-level modules loaded by a fresh interpreter that runs `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return {name.split(".")[0] for name in json.loads(done.stdout.splitlines()[-1])}


@pytest.mark.parametrize("code", ["import kg", "import kg\nkg.build; kg.load; kg.coverage"])
def test_import_kg_does_not_import_rdflib(code: str) -> None:
    loaded = _modules_after(code)
    assert "kg" in loaded
    assert not loaded & {"rdflib", "pyshacl", "pyoxigraph", "networkx", "pydantic"}


def test_the_api_is_reachable_from_kg() -> None:
    assert kg.__version__
    for name in kg.__all__:
        assert callable(getattr(kg, name)), name
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        kg.nope  # noqa: B018


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture lists built with every output, the SPARQL store included."""
    folder = tmp_path_factory.mktemp("api")
    kg.build(LISTS, out=folder)
    return folder


@pytest.fixture(scope="module")
def built() -> Built:
    return kg.build(LISTS)


def test_build_reads_the_lists_given(built: Built) -> None:
    assert sorted(s.id for s in built.graph.surveys.values()) == [
        "alpha",
        "alpha-v2",
        "beta",
        "gamma",
    ]
    assert len(built.graph.works) == 11
    assert built.alignments


def test_build_with_out_writes_what_load_reads(out: Path, built: Built) -> None:
    assert (out / "kg.ttl").is_file() and (out / "build.json.gz").is_file()
    loaded = kg.load(out)
    assert loaded.graph.works == built.graph.works
    assert loaded.alignments == built.alignments


def test_build_of_nothing_usable_raises(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    with pytest.raises(NothingUsable) as raised:
        kg.build([tmp_path / "empty.md"])
    assert any("empty.md" in p for p in raised.value.problems)


def test_query_runs_sparql_and_saved_queries_on_the_store(out: Path) -> None:
    count = "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?w a skg:Paper }"
    rows = list(kg.query(count, out=out))  # type: ignore[call-overload]
    assert int(rows[0]["n"].value) == 11
    empty = list(kg.query("@empty-sections", out=out))  # type: ignore[call-overload]
    assert [(r["survey"].value, r["section"].value) for r in empty] == [
        ("alpha", "Self-Supervised Learning")
    ]
    assert len(kg.open_store(out)) > 0


def test_lineage_finds_a_work_and_refuses_an_unknown_name(built: Built) -> None:
    found = kg.lineage(built, GAT)
    assert found.labels[found.node] == GAT and found.steps == []
    with pytest.raises(LineageError):
        kg.lineage(built, "no such thing anywhere")


def test_coverage_gaps_crosswalk_and_audit(built: Built) -> None:
    report = kg.coverage(built, "alpha", thin=2)
    assert isinstance(report, Coverage) and report.thin_threshold == 2
    assert [s.label for s in report.empty] == ["Self-Supervised Learning"]
    titles = {g.title for g in kg.gaps(built, "alpha")}
    assert "Simplifying Graph Convolutional Networks" in titles
    assert "Recipe for a General, Powerful, Scalable Graph Transformer" in titles  # no versions
    assert {g.title for g in kg.gaps(built, "alpha", min_lists=2)} < titles
    sections = built.graph.sections
    pairs = kg.crosswalk(built, "alpha", "beta")
    assert pairs and all(
        (sections[a.source].list_id, sections[a.target].list_id) == ("alpha", "beta") for a in pairs
    )
    assert kg.crosswalk(built, "alpha", "alpha") == []
    issues = {(i.kind, i.list_id, i.line) for i in kg.audit(built)}
    assert (IssueKind.EMPTY_SECTION, "alpha", 13) in issues
    assert (IssueKind.MISSING_LINK, "alpha", 18) in issues
