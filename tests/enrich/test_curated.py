"""Curated facts: every fact resolves to nodes of the seed lists; bad files fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.enrich import Enrichment
from kg.enrich.curated import DEFAULT_FACTS, PREDICATES, CuratedError, curated, load_facts
from kg.enrich.refs import Refs
from kg.resolve import Resolution


def test_there_are_enough_facts_and_each_says_where_it_is_stated() -> None:
    facts = load_facts(DEFAULT_FACTS)
    assert len(facts) >= 60
    assert all(f.predicate in PREDICATES and f.evidence and f.source for f in facts)
    assert len({(f.subject, f.predicate, f.object) for f in facts}) == len(facts)


def test_every_curated_fact_refers_to_a_known_node(
    enrichment: Enrichment, resolution: Resolution
) -> None:
    refs = Refs(enrichment.entities, enrichment.relations, resolution.works)
    relations = curated(load_facts(DEFAULT_FACTS), refs, {})
    assert len(relations) == len(load_facts(DEFAULT_FACTS))
    nodes = {e.id for e in enrichment.entities} | {w.id for w in resolution.works}
    assert all(r.subject in nodes and r.object in nodes for r in relations)


def test_curated_facts_are_in_the_enrichment(enrichment: Enrichment) -> None:
    rules = [r for r in enrichment.relations if r.rule == "curated"]
    assert len(rules) == len(load_facts(DEFAULT_FACTS))
    assert all("[" in r.evidence for r in rules)  # evidence ends with the source


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "facts.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_unknown_references_are_all_listed(
    tmp_path: Path, enrichment: Enrichment, resolution: Resolution
) -> None:
    path = _write(
        tmp_path,
        '[[fact]]\nsubject = "NoSuchModel"\npredicate = "extends"\nobject = "Alpaca"\n'
        'evidence = "e"\nsource = "s"\n\n'
        '[[fact]]\nsubject = "MetaMath"\npredicate = "evaluatedOn"\nobject = "GSM9K"\n'
        'evidence = "e"\nsource = "s"\n',
    )
    refs = Refs(enrichment.entities, enrichment.relations, resolution.works)
    with pytest.raises(CuratedError) as err:
        curated(load_facts(path), refs, {})
    assert "NoSuchModel" in str(err.value) and "GSM9K" in str(err.value)
    assert "GSM8K" in str(err.value)  # suggested


@pytest.mark.parametrize(
    "table",
    [
        'subject = "a"\npredicate = "cites"\nobject = "b"\nevidence = "e"\nsource = "s"\n',
        'subject = "a"\npredicate = "extends"\nobject = "b"\nsource = "s"\n',
        'subject = "a"\npredicate = "extends"\nobject = "b"\nevidence = "e"\nsource = "s"\nconfidence = 2\n',
        'subject = "a"\npredicate = "extends"\nobject = "b"\nevidence = "e"\nsource = "s"\nnote = "x"\n',
    ],
)
def test_malformed_facts_are_refused(tmp_path: Path, table: str) -> None:
    with pytest.raises(CuratedError):
        load_facts(_write(tmp_path, f"[[fact]]\n{table}"))


def test_no_file_means_no_facts(tmp_path: Path) -> None:
    assert load_facts(tmp_path / "absent.toml") == []


def test_introduces_needs_a_paper(
    tmp_path: Path, enrichment: Enrichment, resolution: Resolution
) -> None:
    path = _write(
        tmp_path,
        '[[fact]]\nsubject = "WizardLM"\npredicate = "introduces"\nobject = "Evol-Instruct"\n'
        'evidence = "e"\nsource = "s"\n',
    )
    refs = Refs(enrichment.entities, enrichment.relations, resolution.works)
    papers = frozenset(w.id for w in resolution.works if w.kind.value == "paper")
    with pytest.raises(CuratedError, match="no paper"):
        curated(load_facts(path), refs, {}, papers)
