"""The measured targets: precision >= 0.95 on the labelled sample, recall >= 0.7 on the true set."""

from __future__ import annotations

from pathlib import Path

from kg.enrich import Enrichment
from kg.enrich.evaluate import evaluate_files, report
from kg.resolve import Resolution

EVAL = Path(__file__).resolve().parents[2] / "data" / "eval"


def test_targets_are_met(enrichment: Enrichment, resolution: Resolution) -> None:
    result = evaluate_files(
        enrichment, resolution, EVAL / "relations_labelled.csv", EVAL / "relations_true.csv"
    )
    text = report(result)
    assert result.labelled >= 120, text
    assert sum(result.expected.values()) >= 40, text
    assert result.precision >= 0.95, text
    assert result.recall >= 0.7, text
    assert not [p for p in result.problems if p.startswith(("STALE", "UNRESOLVED"))], text


def test_every_derived_relation_is_labelled(enrichment: Enrichment, resolution: Resolution) -> None:
    result = evaluate_files(
        enrichment, resolution, EVAL / "relations_labelled.csv", EVAL / "relations_true.csv"
    )
    assert sum(result.unlabelled.values()) == 0, report(result)
