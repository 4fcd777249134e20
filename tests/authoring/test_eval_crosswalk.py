"""The crosswalk against the hand-labelled section correspondences of the bundled lists, scored
by benchmarks/eval_crosswalk.py: the targets it exits non-zero on hold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.authoring.crosswalk_eval import CrosswalkScore
from kg.pipeline import Built

ROOT = Path(__file__).resolve().parents[2]


def _load_script() -> ModuleType:
    """benchmarks/ is a folder of scripts, not a package: load the script from its path."""
    path = ROOT / "benchmarks" / "eval_crosswalk.py"
    spec = importlib.util.spec_from_file_location("eval_crosswalk", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _load_script()


@pytest.fixture(scope="module")
def scores(script: ModuleType, bundled: Built) -> Any:
    return script.score(bundled)


def test_every_labelled_section_is_in_the_graph(scores: Any) -> None:
    assert scores.versions.unresolved == []
    assert scores.pairs.unresolved == []


def test_versions_are_aligned_as_labelled(script: ModuleType, scores: Any) -> None:
    versions: CrosswalkScore = scores.versions
    assert versions.precision("any") >= script.MIN_VERSIONS, versions.errors
    assert versions.recall("any") >= script.MIN_VERSIONS, versions.errors
    assert versions.labelled["any"] == 26  # 25 exact and 1 related row; 39 sections new in v2


def test_exact_and_close_matches_across_lists_are_right(script: ModuleType, scores: Any) -> None:
    pairs: CrosswalkScore = scores.pairs
    assert pairs.predicted[script.STRONG] > 0
    assert pairs.precision(script.STRONG) >= script.MIN_STRONG, pairs.errors
    assert pairs.labelled[script.STRONG] == 21  # 5 exact and 16 close rows


def test_version_pairs_are_left_out_of_the_cross_list_score(
    script: ModuleType, bundled: Built
) -> None:
    sections = bundled.graph.sections
    kept = script.cross_list(bundled)
    assert kept and not any(a.versions for a in kept)
    assert all(
        {sections[a.source].list_id, sections[a.target].list_id}
        != {"llms-data-ai-v1", "llms-data-ai-v2"}
        for a in kept
    )


def test_no_target_is_missed(script: ModuleType, scores: Any) -> None:
    assert script.failures(scores) == []
