"""introduces: papers present what their titles name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.enrich import Enrichment
from kg.model import WorkKind
from kg.resolve import Resolution


@pytest.mark.parametrize(
    ("paper", "thing", "rule"),
    [
        ("arxiv:2110.14168", "GSM8K", "title-prefix"),
        ("arxiv:2103.03874", "MATH", "title-prefix"),
        ("DEITA: Data-Efficient Instruction Tuning for Alignment", "DEITA", "title-prefix"),
        ("arxiv:2412.08905", "Phi-4", "title-report"),
        ("arxiv:2309.05463", "phi-1.5", "title-report"),
        ("arxiv:2312.02120", "OSS-Instruct", "title-with-new-method"),
        (
            "The RefinedWeb Dataset for Falcon LLM: Outperforming Curated Corpora with Web Data Only",
            "RefinedWeb",
            "title-leading-dataset",
        ),
    ],
)
def test_papers_present_what_their_titles_name(
    enrichment: Enrichment, node: Callable[[str], str], paper: str, thing: str, rule: str
) -> None:
    found = {
        (r.subject, r.object, r.rule) for r in enrichment.relations if r.predicate == "introduces"
    }
    assert (node(paper), node(thing), rule) in found


def test_only_papers_introduce(enrichment: Enrichment, resolution: Resolution) -> None:
    kinds = {w.id: w.kind for w in resolution.works}
    subjects = {r.subject for r in enrichment.relations if r.predicate == "introduces"}
    assert subjects and all(kinds[s] is WorkKind.PAPER for s in subjects)


def test_a_used_method_is_not_introduced_by_its_user(
    triples: set[tuple[str, str, str]], node: Callable[[str], str]
) -> None:
    assert (node("arxiv:2306.08568"), "introduces", node("Evol-Instruct")) not in triples
