"""The seed lists resolved and enriched once per session, and a way to name their nodes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.enrich import Enrichment, enrich
from kg.enrich.refs import Refs
from kg.model import ParsedList, Relation
from kg.resolve import Resolution, resolve


@pytest.fixture(scope="session")
def resolution(seeds: dict[str, ParsedList]) -> Resolution:
    return resolve(list(seeds.values()))


@pytest.fixture(scope="session")
def enrichment(seeds: dict[str, ParsedList], resolution: Resolution) -> Enrichment:
    return enrich(list(seeds.values()), resolution)


@pytest.fixture(scope="session")
def node(enrichment: Enrichment, resolution: Resolution) -> Callable[[str], str]:
    """The node id a readable reference names ("GSM8K", "arxiv:2309.12284", a title)."""
    return Refs(enrichment.entities, enrichment.relations, resolution.works).find


@pytest.fixture(scope="session")
def triples(enrichment: Enrichment) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in enrichment.relations}


@pytest.fixture(scope="session")
def derived(enrichment: Enrichment) -> list[Relation]:
    """Relations found by the rules, curated facts left out."""
    return [r for r in enrichment.relations if r.rule != "curated"]
