"""References: arXiv ids, work ids, names in any spelling, NAME@WORK, titles."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.enrich import Enrichment
from kg.enrich.refs import RefError, Refs
from kg.resolve import Resolution


def test_each_form_names_its_node(node: Callable[[str], str]) -> None:
    paper = node("arxiv:2309.12284")
    assert paper == "paper/arxiv-2309-12284" == node(paper)
    assert (
        node("MetaMath: Bootstrap Your Own Mathematical Questions for Large Language Models")
        == paper
    )
    assert (
        node("metamath: bootstrap your own mathematical questions for large language models")
        == paper
    )
    assert node("gsm8k") == node("GSM-8K")


def test_ambiguous_and_unknown_names_explain_themselves(
    enrichment: Enrichment, resolution: Resolution
) -> None:
    refs = Refs(enrichment.entities, enrichment.relations, resolution.works)
    with pytest.raises(RefError, match=r"ambiguous.*NAME@WORK.*Rethinking the Instruction Quality"):
        refs.find("LIFT")
    with pytest.raises(RefError, match=r"did you mean 'Magpie'"):
        refs.find("Magpy")
