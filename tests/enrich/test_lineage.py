"""kg lineage: ancestors and descendants along extends, transitively, with evidence."""

from __future__ import annotations

import pytest

from kg.enrich import Enrichment
from kg.enrich.lineage import ANCESTOR, DESCENDANT, LineageError, lineage, lineage_text
from kg.resolve import Resolution


def _edges(result, direction: str) -> set[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return {
        (s.relation.subject, s.relation.object, s.depth)
        for s in result.steps
        if s.direction == direction
    }


def test_transitive_descendants(enrichment: Enrichment, resolution: Resolution) -> None:
    result = lineage("phi-1", enrichment, resolution)
    assert result.node == "model/phi-1"
    assert ("model/phi-1-5", "model/phi-1", 1) in _edges(result, DESCENDANT)
    assert ("model/phi-4", "model/phi-1-5", 2) in _edges(result, DESCENDANT)
    assert not result.ancestors


def test_transitive_ancestors(enrichment: Enrichment, resolution: Resolution) -> None:
    result = lineage("AlpaGasus", enrichment, resolution)
    found = {(s.relation.object, s.depth) for s in result.ancestors}
    assert ("model/alpaca", 1) in found and ("method/self-instruct", 2) in found


def test_confidence_filter(enrichment: Enrichment, resolution: Resolution) -> None:
    every = lineage("Self-Instruct", enrichment, resolution)
    sure = lineage("Self-Instruct", enrichment, resolution, min_confidence=0.9)
    assert {s.relation.rule for s in every.steps} > {s.relation.rule for s in sure.steps}
    assert all(s.relation.confidence >= 0.9 for s in sure.steps)


def test_text_table(enrichment: Enrichment, resolution: Resolution) -> None:
    text = lineage_text(lineage("Evol-Instruct", enrichment, resolution))
    lines = text.splitlines()
    assert lines[0] == "Evol-Instruct (method/evol-instruct)"
    assert lines[1].split() == ["direction", "from", "to", "confidence", "rule", "evidence"]
    assert any("WizardCoder" in line and "title-with-method" in line for line in lines)
    assert f"{DESCENDANT} 1" in text and ANCESTOR not in text


def test_a_node_without_lineage_says_so(enrichment: Enrichment, resolution: Resolution) -> None:
    assert "no extends relation" in lineage_text(lineage("GAIA", enrichment, resolution))


@pytest.mark.parametrize(("name", "message"), [("LIFT", "ambiguous"), ("Magpy", "did you mean")])
def test_unclear_names_fail_with_help(
    enrichment: Enrichment, resolution: Resolution, name: str, message: str
) -> None:
    with pytest.raises(LineageError, match=message):
        lineage(name, enrichment, resolution)
