"""Deterministic builds: the same lists give byte-identical outputs in any order, under any
PYTHONHASHSEED, and `kg build` with no list equals any order of the manifest's lists."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.authoring.audit import audit
from kg.enrich import enrich
from kg.export.rdf import quads
from kg.graph import build_graph
from kg.model import ParsedList
from kg.resolve import Resolution, resolve
from kg.sources.manifest import lists_for, load_manifest
from kg.sparql.store import STORE_DIR

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-c", "from kg.cli import app; app()"]
# Small lists of every shape, plus two versions of one survey: they share many works (duplicates
# across lists), several identifiers conflict across the two (data issues anchored on one line)
# and both have numbered sections.
SUBSET = [
    *sorted(str(p) for p in (ROOT / "tests/fixtures/lists").glob("*.md")),
    str(ROOT / "data/lists/llms-data-ai-lifecycle-v1.md"),
    str(ROOT / "data/lists/llms-data-ai-lifecycle-v2.md"),
]
REFERENCE = ("forward", SUBSET, "0")
VARIANTS = {
    "other-hash-seed": (SUBSET, "1"),
    "reversed": (SUBSET[::-1], "0"),
    "reversed-other-hash-seed": (SUBSET[::-1], "2"),
}


def _kg_build(out: Path, lists: list[str], seed: str) -> Path:
    """One `kg build -f all` in its own interpreter, from the checkout (whose manifest names the
    bundled lists), writing into `out`."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [*KG, "build", *lists, "--out", str(out), "-f", "all"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return out


def _build_all(base: Path, builds: dict[str, tuple[list[str], str]]) -> dict[str, Path]:
    """The builds two at a time (CI machines are small), by name."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        running = {
            name: pool.submit(_kg_build, base / name, lists, seed)
            for name, (lists, seed) in builds.items()
        }
        return {name: job.result() for name, job in running.items()}


@pytest.fixture(scope="module")
def subset_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    name, lists, seed = REFERENCE
    builds = {name: (lists, seed), **VARIANTS}
    return _build_all(tmp_path_factory.mktemp("subset"), builds)


def _files(out: Path) -> Iterator[Path]:
    """Every output file but the store's (RocksDB stamps its files with a random identity and
    creation times, so the store is compared by its quads instead)."""
    for path in sorted(out.rglob("*")):
        if path.is_file() and STORE_DIR not in path.relative_to(out).parts:
            yield path.relative_to(out)


def _assert_identical(first: Path, second: Path) -> None:
    names = list(_files(first))
    assert names == list(_files(second))
    assert {"kg.ttl", "kg.nt", "kg.jsonld", "kg.trig", "kg.nq", "kg.html"} <= {
        n.as_posix() for n in names
    }
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def _store_quads(out: Path) -> list[str]:
    store = ox.Store.read_only(str(out / STORE_DIR))
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_output_file_is_byte_identical(subset_builds: dict[str, Path], variant: str) -> None:
    _assert_identical(subset_builds[REFERENCE[0]], subset_builds[variant])


@pytest.mark.slow
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_store_holds_the_same_quads(subset_builds: dict[str, Path], variant: str) -> None:
    reference = _store_quads(subset_builds[REFERENCE[0]])
    assert reference and reference == _store_quads(subset_builds[variant])


@pytest.mark.slow
def test_the_subset_holds_the_cases_that_depended_on_order(
    subset_builds: dict[str, Path],
) -> None:
    """Sections of several lists, works listed by two lists, issues over mentions of two lists."""
    out = subset_builds[REFERENCE[0]]
    lists = {s["list_id"]: s for s in json.loads((out / "ingest.json").read_text())["lists"]}
    assert len(lists) == len(SUBSET) and all(s["sections"] for s in lists.values())
    issues = json.loads((out / "audit.json").read_text())
    across = [i for i in issues if len({m.split(":")[0] for m in i["mentions"]}) > 1]
    assert any(i["kind"] == "conflicting-identifier" for i in across)
    listed_twice = '<https://w3id.org/surveykg/ontology#listCount> "2"'
    assert listed_twice in (out / "kg.nt").read_text()


@pytest.mark.slow
def test_the_manifest_build_equals_any_order_on_the_command_line(tmp_path: Path) -> None:
    files = [str(ROOT / s.file) for s in load_manifest(ROOT)]
    builds = {"manifest": ([], "3"), "reversed": (files[::-1], "4")}
    outs = _build_all(tmp_path, builds)
    _assert_identical(outs["manifest"], outs["reversed"])
    assert _store_quads(outs["manifest"]) == _store_quads(outs["reversed"])


def test_graph_is_the_same_whatever_the_order_of_its_inputs(
    seeds: dict[str, ParsedList],
) -> None:
    parsed = list(seeds.values())
    resolution = resolve(parsed)
    enriched, issues = enrich(parsed, resolution), audit(parsed, resolution)
    forward = build_graph(parsed, resolution, enriched.entities, enriched.relations, issues)
    backwards = Resolution(resolution.works[::-1], resolution.work_of, resolution.issues)
    reordered = build_graph(
        parsed[::-1], backwards, enriched.entities[::-1], enriched.relations[::-1], issues
    )
    assert list(quads(forward)) == list(quads(reordered))
    assert list(forward.nx.nodes) == list(reordered.nx.nodes)


def test_new_lists_of_one_name_are_numbered_by_file_not_by_argument_order(
    tmp_path: Path,
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.md").write_text("# Notes\n\n- [LIMA](https://x.org/1)\n")
    paths = [str(tmp_path / "a/notes.md"), str(tmp_path / "b/notes.md")]
    forward = {s.file: s.id for s in lists_for(paths, tmp_path)}
    backward = {s.file: s.id for s in lists_for(paths[::-1], tmp_path)}
    assert forward == backward == {"a/notes.md": "notes", "b/notes.md": "notes-2"}
