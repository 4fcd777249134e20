"""The synthetic list generator: reproducible, readable, sized by scale, with a ground truth that
entity resolution must honour (variants merged, wrong links kept apart)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.model import LineKind, ParsedList
from kg.resolve import Resolution, resolve
from kg.sources.ingest import ingest
from kg.sources.manifest import load_manifest, sha256_of

ROOT = Path(__file__).resolve().parents[2]
SCALE = 0.3


def _load_generator() -> ModuleType:
    """benchmarks/ is a folder of scripts, not a package: load the generator from its path."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generator.generate(SCALE, tmp_path_factory.mktemp("scale-a"))


@pytest.fixture(scope="module")
def parsed(generated: Path) -> list[ParsedList]:
    result = ingest(load_manifest(generated), generated)
    assert not result.failures
    return result.parsed


@pytest.fixture(scope="module")
def resolution(parsed: list[ParsedList]) -> Resolution:
    return resolve(parsed)


@pytest.fixture(scope="module")
def truth(generated: Path) -> dict[str, list[dict[str, str]]]:
    return json.loads((generated / "truth.json").read_text("utf-8"))


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_same_seed_and_scale_give_identical_files(generated: Path, tmp_path: Path) -> None:
    again = generator.generate(SCALE, tmp_path / "scale-b")
    assert _files(generated) == _files(again)


def test_manifest_names_every_list_with_its_checksum(generated: Path) -> None:
    lists = load_manifest(generated)
    assert lists
    assert all(sha256_of(generated / s.file) == s.sha256 for s in lists)
    assert len(lists) == len(list((generated / "lists").glob("*.md")))


def test_every_line_is_understood(parsed: list[ParsedList]) -> None:
    stray = [
        (p.source.id, r.line, r.reason)
        for p in parsed
        for r in p.lines
        if r.kind == LineKind.NOT_UNDERSTOOD
    ]
    assert stray == []


def test_entry_count_follows_scale(parsed: list[ParsedList], seeds: dict[str, ParsedList]) -> None:
    expected = SCALE * sum(len(p.entries) for p in seeds.values())
    count = sum(len(p.entries) for p in parsed)
    assert abs(count - expected) <= 0.15 * expected


def test_works_recur_across_lists(resolution: Resolution) -> None:
    assert any(len(w.lists) > 1 for w in resolution.works)


def test_injected_variants_resolve_to_their_original(truth: dict, resolution: Resolution) -> None:
    variants = truth["variants"]
    assert len(variants) >= 20
    assert {"case", "typo", "acronym", "url-form", "acl-link"} <= {v["kind"] for v in variants}
    work_of = resolution.work_of
    for subset in (variants, [v for v in variants if v["work"].startswith("seed:")]):
        merged = [v for v in subset if work_of[v["mention"]] == work_of[v["original"]]]
        assert subset
        assert len(merged) >= 0.8 * len(subset)


def test_duplicates_within_a_list_resolve_to_one_work(truth: dict, resolution: Resolution) -> None:
    work_of = resolution.work_of
    assert all(work_of[d["mention"]] == work_of[d["original"]] for d in truth["duplicates"])


def test_wrong_links_are_never_merged_with_the_work_they_point_at(
    truth: dict, resolution: Resolution
) -> None:
    wrong = truth["wrong_links"]
    assert wrong
    work_of = resolution.work_of
    assert [w for w in wrong if work_of[w["mention"]] == work_of[w["victim"]]] == []
