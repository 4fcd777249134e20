"""benchmarks/run.py's cheap parts: the build's stages timed in-process on a fixture list, and the
table with its targets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.model import SurveyList

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from run_measure import machine, time_stages  # noqa: E402
from run_report import Row, render, target_row, unjudged  # noqa: E402

STAGES = ["read", "resolve", "audit", "relations", "graph", "crosswalk", "RDF", "store", "HTML"]


@pytest.fixture(scope="module")
def timed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, float], object, Path]:
    fixture = SurveyList(
        id="fixture", title="Awesome fixture", file="tests/fixtures/lists/numbered_reference.md"
    )
    out = tmp_path_factory.mktemp("stages")
    times, built = time_stages([fixture], ROOT, out)
    return times, built, out


def test_every_stage_is_timed_in_order(timed: tuple[dict[str, float], object, Path]) -> None:
    times, _, _ = timed
    assert list(times) == STAGES
    assert all(t >= 0 for t in times.values())


def test_the_stages_build_and_write_the_graph(timed: tuple[dict[str, float], object, Path]) -> None:
    _, built, out = timed
    assert built.graph.works  # type: ignore[attr-defined]
    assert (out / "kg.ttl").stat().st_size > 0
    assert (out / "store").is_dir()
    assert any(out.glob("*.html"))


def test_rows_are_judged_against_their_targets() -> None:
    assert target_row("a", 2.0, 3.0, "<= 3 s").met() == "met"
    assert target_row("a", 4.0, 3.0, "<= 3 s").met() == "not met"
    assert target_row("a", None, 3.0, "<= 3 s").met() == "not run"
    assert unjudged("a", 0.5, "<= 1 s at 100x").met() == "not run"
    assert Row("a", 0.5).met() == ""


def test_the_table_shows_value_target_and_verdict() -> None:
    rows = [
        Row("python -c pass", 0.0123),
        target_row("kg build, 1x: / bare import", 2.5, 3.0, "<= 3x", unit="x"),
        target_row("kg build, 100x: peak RSS", 2500.0, 2048.0, "<= 2 GB", unit="MiB"),
        Row("explorer", None, detail="skipped: no chromium"),
    ]
    lines = render(rows).splitlines()
    assert lines[0].split() == ["measure", "value", "detail", "target", "met"]
    assert "0.012 s" in lines[2]
    assert "2.50x" in lines[3] and lines[3].endswith("met")
    assert "2500.0 MiB" in lines[4] and lines[4].endswith("not met")
    assert "skipped: no chromium" in lines[5]
    assert rows[1].as_json()["met"] == "met"


def test_the_machine_is_described() -> None:
    host = machine()
    assert host["cores"] and host["python"]
