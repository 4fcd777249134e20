"""The build snapshot (out/build.json.gz): written by `kg build`, loaded as the same build, the
same bytes for the same lists, a clear SnapshotError when missing or unreadable; and the commands
that load it instead of reading lists (lineage, explore, coverage)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.pipeline import Built
from kg.snapshot import SNAPSHOT, SnapshotError, load

runner = CliRunner()
AUTHORING = Path(__file__).resolve().parent / "fixtures" / "lists" / "authoring"
FIXTURE_LISTS = [str(AUTHORING / f"{n}.md") for n in ("alpha", "alpha_v2", "beta", "gamma")]
BUNDLED = [
    "data-efficient-llm",
    "data-synthesis-survey",
    "llm-synthetic-data",
    "llms-data-ai-v1",
    "llms-data-ai-v2",
]


def _build(out: Path, *lists: str) -> Path:
    """`kg build LISTS --out OUT` (no SPARQL store: the snapshot does not need one)."""
    result = runner.invoke(app, ["build", *lists, "--out", str(out), "--no-store"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def bundled_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("bundled"))


@pytest.fixture(scope="module")
def bundled_build() -> Built:
    return kg.build()


# saved and loaded


def test_kg_build_writes_the_snapshot(bundled_out: Path) -> None:
    path = bundled_out / SNAPSHOT
    assert path.is_file()
    data = json.loads(gzip.decompress(path.read_bytes()))
    assert data["version"] == 1 and len(data["parsed"]) == len(BUNDLED)


def _same(loaded: Built, built: Built) -> None:
    assert [w.model_dump() for w in loaded.resolution.works] == [
        w.model_dump() for w in built.resolution.works
    ]
    assert loaded.resolution.work_of == built.resolution.work_of
    assert loaded.graph.relations == built.graph.relations
    assert loaded.graph.sections == built.graph.sections
    assert loaded.graph.works == built.graph.works
    assert loaded.graph.entities == built.graph.entities
    assert loaded.issues == built.issues
    assert loaded.alignments == built.alignments
    assert loaded.graph.nx.number_of_nodes() == built.graph.nx.number_of_nodes()
    assert loaded.graph.nx.number_of_edges() == built.graph.nx.number_of_edges()
    assert sorted(loaded.graph.nx.edges(keys=True)) == sorted(built.graph.nx.edges(keys=True))


def test_loading_gives_the_same_build(bundled_out: Path, bundled_build: Built) -> None:
    _same(load(bundled_out), bundled_build)


def test_loading_the_fixture_lists_gives_the_same_build(tmp_path: Path) -> None:
    out = _build(tmp_path / "out", *FIXTURE_LISTS)
    _same(load(out), kg.build(FIXTURE_LISTS))


def test_two_builds_write_the_same_bytes(tmp_path: Path) -> None:
    first = _build(tmp_path / "first", *FIXTURE_LISTS)
    second = _build(tmp_path / "second", *reversed(FIXTURE_LISTS))
    assert (first / SNAPSHOT).read_bytes() == (second / SNAPSHOT).read_bytes()


# missing or unreadable


def test_a_missing_snapshot_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match=r"no build here; run `kg build --out .*` first"):
        load(tmp_path)
    with pytest.raises(SnapshotError, match="no build here"):
        kg.load(tmp_path / "not-even-a-folder")


@pytest.mark.parametrize(
    "content",
    [
        b"not gzip at all",
        gzip.compress(b"{not json"),
        gzip.compress(b'{"version": 1, "works": "wrong shape"}'),
        gzip.compress(b"[]"),
        b"",
    ],
    ids=["not-gzip", "not-json", "wrong-shape", "not-an-object", "empty"],
)
def test_a_corrupt_snapshot_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / SNAPSHOT).write_bytes(content)
    with pytest.raises(SnapshotError, match=r"build\.json\.gz: not a build this version can read"):
        load(tmp_path)


def test_a_snapshot_of_another_version_says_to_build_again(
    tmp_path: Path, bundled_out: Path
) -> None:
    data = json.loads(gzip.decompress((bundled_out / SNAPSHOT).read_bytes()))
    data["version"] = 99
    (tmp_path / SNAPSHOT).write_bytes(gzip.compress(json.dumps(data).encode()))
    with pytest.raises(SnapshotError, match="written by another version; run `kg build` again"):
        load(tmp_path)


# commands that load the build


def test_lineage_reads_the_build_in_out(bundled_out: Path) -> None:
    result = runner.invoke(app, ["lineage", "Evol-Instruct", "--out", str(bundled_out)])
    assert result.exit_code == 0, result.output
    assert "method/evol-instruct" in result.output and "WizardCoder" in result.output


def test_explore_reads_the_build_in_from(bundled_out: Path, tmp_path: Path) -> None:
    page = tmp_path / "explore.html"
    result = runner.invoke(app, ["explore", "--from", str(bundled_out), "--out", str(page)])
    assert result.exit_code == 0, result.output
    assert page.is_file() and f"wrote {page}" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["lineage", "Evol-Instruct", "--out", "{empty}"],
        ["explore", "--from", "{empty}", "--out", "{empty}/explore.html"],
        ["coverage", "llm-synthetic-data", "--out", "{empty}"],
        ["gaps", "llm-synthetic-data", "--out", "{empty}"],
        ["crosswalk", "llms-data-ai-v1", "llms-data-ai-v2", "--out", "{empty}"],
    ],
    ids=lambda args: args[0],
)
def test_no_build_exits_2_saying_what_to_run(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, [a.format(empty=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert f"{tmp_path}: no build here; run `kg build --out {tmp_path}` first" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["coverage", "nope"],
        ["gaps", "nope"],
        ["crosswalk", "nope", "llms-data-ai-v2"],
        ["crosswalk", "llms-data-ai-v1", "nope"],
    ],
    ids=lambda args: "-".join(args),
)
def test_an_unknown_list_exits_2_naming_the_known_ones(bundled_out: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--out", str(bundled_out)])
    assert result.exit_code == 2, result.output
    assert f"no list 'nope' in {bundled_out}; known lists: {', '.join(BUNDLED)}" in result.output


def test_coverage_of_a_list_given_by_path_reads_it_with_the_bundled_lists(tmp_path: Path) -> None:
    result = runner.invoke(app, ["coverage", FIXTURE_LISTS[0], "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output  # no build in --out is needed
    assert result.output.startswith("# Coverage of alpha (`alpha`)")
    assert "6 works in 4 sections" in result.output
    assert "Self-Supervised Learning **(empty)**" in result.output


def test_coverage_and_crosswalk_read_the_build_in_out(bundled_out: Path) -> None:
    coverage = runner.invoke(app, ["coverage", "llms-data-ai-v2", "--out", str(bundled_out)])
    assert coverage.exit_code == 0, coverage.output
    assert "| llms-data-ai-v1 | yes |" in coverage.output
    crosswalk = runner.invoke(
        app, ["crosswalk", "llms-data-ai-v1", "llms-data-ai-v2", "--out", str(bundled_out)]
    )
    assert crosswalk.exit_code == 0, crosswalk.output
    assert "exactMatch" in crosswalk.output and "versions of one survey" in crosswalk.output
