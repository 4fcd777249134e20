"""Every relation is well formed, grounded in mentions, and the output is deterministic."""

from __future__ import annotations

import pytest

from kg.enrich import Enrichment, enrich
from kg.enrich.curated import CuratedError
from kg.model import ParsedList
from kg.resolve import Resolution, resolve


def test_relations_are_well_formed(enrichment: Enrichment, resolution: Resolution) -> None:
    nodes = {e.id for e in enrichment.entities} | {w.id for w in resolution.works}
    for r in enrichment.relations:
        assert r.predicate in {"introduces", "extends", "evaluatedOn"}
        assert r.subject in nodes and r.object in nodes and r.subject != r.object
        assert 0.0 <= r.confidence <= 1.0
        assert r.evidence.strip() and r.rule.strip()
        assert r.mentions and set(r.mentions) <= resolution.work_of.keys()
        assert r.mentions == sorted(set(r.mentions))


def test_one_record_per_triple_and_rule(enrichment: Enrichment) -> None:
    keys = [(r.subject, r.predicate, r.object, r.rule) for r in enrichment.relations]
    assert keys == sorted(set(keys))
    assert [e.id for e in enrichment.entities] == sorted({e.id for e in enrichment.entities})


def test_two_runs_are_equal(
    seeds: dict[str, ParsedList], resolution: Resolution, enrichment: Enrichment
) -> None:
    again = enrich(list(seeds.values()), resolution)
    assert again.entities == enrichment.entities
    assert again.relations == enrichment.relations


def test_without_facts_only_rules_remain(
    seeds: dict[str, ParsedList], resolution: Resolution
) -> None:
    plain = enrich(list(seeds.values()), resolution, facts=None)
    assert plain.relations and all(r.rule != "curated" for r in plain.relations)


def test_every_fact_applies_to_the_seed_lists(
    seeds: dict[str, ParsedList], resolution: Resolution, enrichment: Enrichment
) -> None:
    assert enrichment.skipped == []
    assert enrich(list(seeds.values()), resolution, strict=True).relations == enrichment.relations


def test_other_lists_skip_the_facts_they_lack(seeds: dict[str, ParsedList]) -> None:
    one = [seeds["data-efficient-llm"]]
    result = enrich(one, resolve(one))
    assert result.skipped and all(
        "names nothing known" in s or "no paper" in s for s in result.skipped
    )
    with pytest.raises(CuratedError):
        enrich(one, resolve(one), strict=True)
