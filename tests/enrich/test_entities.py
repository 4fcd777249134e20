"""Entities of the seed lists: one per thing, deterministic ids, generic words never."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.enrich import Enrichment
from kg.enrich.names import is_generic
from kg.model import EntityKind
from kg.normalize import slugify
from kg.resolve import Resolution


@pytest.mark.parametrize(
    "spellings",
    [("GSM8K", "gsm8k", "GSM-8K"), ("Evol-Instruct", "Evol Instruct"), ("Tülu", "Tulu", "TULU")],
)
def test_spellings_name_one_entity(node: Callable[[str], str], spellings: tuple[str, ...]) -> None:
    assert len({node(s) for s in spellings}) == 1


def test_variant_spellings_of_one_work_are_aliases(enrichment: Enrichment) -> None:
    by_name = {e.name: e for e in enrichment.entities}
    assert "MetaMeth" in by_name["MetaMath"].aliases
    assert "Stanford Alpaca" in by_name["Alpaca"].aliases
    assert "Wizardlm" in by_name["WizardLM"].aliases


def test_generic_words_are_never_entities(enrichment: Enrichment) -> None:
    names = [n for e in enrichment.entities for n in (e.name, *e.aliases)]
    assert not [n for n in names if is_generic(n)]


def test_star_and_rstar_stay_apart(
    node: Callable[[str], str], triples: set[tuple[str, str, str]]
) -> None:
    star, rstar = node("STaR"), node("rStar-Math")
    assert star != rstar
    assert (node("arxiv:2203.14465"), "introduces", star) in triples
    assert (node("arxiv:2501.04519"), "introduces", rstar) in triples
    assert (node("arxiv:2501.04519"), "introduces", star) not in triples


def test_less_and_less_is_more_stay_apart(
    enrichment: Enrichment, node: Callable[[str], str]
) -> None:
    less = next(e for e in enrichment.entities if e.id == node("LESS"))
    assert "Less is More" not in less.aliases
    less_is_more = node("Less is More: Adaptive Coverage for Synthetic Training Data")
    assert not [r for r in enrichment.relations if r.subject == less_is_more]


def test_two_lift_papers_give_two_entities(
    enrichment: Enrichment, node: Callable[[str], str]
) -> None:
    lifts = [e for e in enrichment.entities if e.name == "LIFT"]
    assert len(lifts) == 2
    presenters = {
        r.subject
        for r in enrichment.relations
        if r.predicate == "introduces" and r.object in {e.id for e in lifts}
    }
    assert presenters == {node("arxiv:2312.11508"), node("arxiv:2504.21187")}
    assert node("LIFT@arxiv:2312.11508") != node("LIFT@arxiv:2504.21187")


def test_ids_are_kind_and_slug(enrichment: Enrichment, resolution: Resolution) -> None:
    works = {w.id for w in resolution.works}
    ids = [e.id for e in enrichment.entities]
    assert len(ids) == len(set(ids)) and not set(ids) & works
    for e in enrichment.entities:
        assert e.id.startswith(f"{e.kind.value}/{slugify(e.name.replace('+', ' plus'))}")
        assert e.aliases == sorted(e.aliases) and e.name not in e.aliases


def test_kinds_follow_titles_sections_and_use(node: Callable[[str], str]) -> None:
    assert node("GSM8K") == "benchmark/gsm8k"  # reported on by papers
    assert node("GAIA").startswith(EntityKind.BENCHMARK.value)
    assert node("Dolma").startswith(EntityKind.DATASET.value)
    assert node("Phi-4").startswith(EntityKind.MODEL.value)
    assert node("Phi-1").startswith(EntityKind.MODEL.value)  # as its later versions
    assert node("Evol-Instruct").startswith(EntityKind.METHOD.value)
