"""Section crosswalks: versions aligned one to one, independent lists only where evidence says so,
the mappings in the graph, in Turtle (skos:*Match with a skg:Assertion) and valid SHACL."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.authoring.crosswalk import (
    CLOSE,
    EXACT,
    MAPPINGS,
    RELATED,
    Alignment,
    align_versions,
    crosswalk,
    label_similarity,
    label_words,
)
from kg.export.writers import write_turtle
from kg.model import SurveyList
from kg.pipeline import Built
from kg.shacl import validate_file
from kg.vocab import PREFIXES
from tests.authoring.conftest import authoring_lists, build_authoring, section


def _lists_of(built: Built, a: Alignment) -> tuple[str, str]:
    sections = built.graph.sections
    return sections[a.source].list_id, sections[a.target].list_id


def _between(built: Built, first: str, second: str) -> list[Alignment]:
    return [a for a in built.alignments if _lists_of(built, a) == (first, second)]


def _labels(built: Built, found: list[Alignment]) -> set[tuple[str, str]]:
    sections = built.graph.sections
    return {(sections[a.source].label, sections[a.target].label) for a in found}


def _one(built: Built, source: str, target: str) -> Alignment:
    found = [a for a in built.alignments if (a.source, a.target) == (source, target)]
    assert len(found) == 1, (source, target, found)
    return found[0]


# versions of one survey


def test_versions_are_aligned_one_to_one(built: Built) -> None:
    found = _between(built, "alpha", "alpha_v2")
    assert all(a.versions for a in found)
    assert _labels(built, found) == {
        ("Node Classification", "Node Classification"),
        ("Graph Transformers", "Transformers for Graphs"),
        ("Benchmarks", "Benchmarks"),
    }
    assert len({a.source for a in found}) == len({a.target for a in found}) == len(found)
    assert {a.relation for a in found} == {EXACT}


def test_a_renamed_section_keeps_its_counterpart(built: Built) -> None:
    old = section(built, "alpha", "Graph Transformers")
    new = section(built, "alpha_v2", "Transformers for Graphs")
    renamed = _one(built, old, new)
    assert renamed.versions and renamed.shared == 1
    assert "versions of one survey" in renamed.evidence


def test_the_empty_section_has_no_counterpart_in_the_next_version(built: Built) -> None:
    empty = section(built, "alpha", "Self-Supervised Learning")
    versions = [a for a in built.alignments if a.versions]
    assert all(empty not in (a.source, a.target) for a in versions)


def test_version_mappings_hold_both_ways(built: Built) -> None:
    forward = {(a.source, a.target, a.relation) for a in _between(built, "alpha", "alpha_v2")}
    backward = {(a.target, a.source, a.relation) for a in _between(built, "alpha_v2", "alpha")}
    assert forward == backward


def test_align_versions_called_directly_gives_the_build_s_pairs(built: Built) -> None:
    direct = align_versions(built.graph, "alpha", "alpha_v2")
    assert direct == _between(built, "alpha", "alpha_v2")


# independent lists


def test_message_passing_relates_to_node_classification_by_shared_works(built: Built) -> None:
    found = _one(
        built,
        section(built, "beta", "Message Passing"),
        section(built, "alpha", "Node Classification"),
    )
    assert found.relation in (RELATED, CLOSE) and not found.versions
    assert found.shared == 2  # GCN and GAT; GIN is only in alpha_v2
    assert "2 shared works" in found.evidence
    assert found.label_similarity < 0.5  # the labels differ: the works carry it


def test_self_supervised_aligns_with_contrastive_pre_training(built: Built) -> None:
    found = _one(
        built,
        section(built, "gamma", "Self-Supervised Graph Learning"),
        section(built, "beta", "Contrastive Pre-training"),
    )
    assert found.relation in MAPPINGS and found.shared == 2
    assert "2 shared works" in found.evidence


def test_independent_lists_align_only_with_evidence(built: Built) -> None:
    cross = [a for a in built.alignments if not a.versions]
    assert cross
    for a in cross:
        assert a.shared >= 1 or a.label_similarity >= 0.9, a
        if a.relation in (EXACT, CLOSE):
            assert a.shared >= 3, a  # a label alone, or a work or two, only relates sections
    graph_transformers = section(built, "alpha", "Graph Transformers")
    contrastive = section(built, "beta", "Contrastive Pre-training")
    no_evidence = [(graph_transformers, "beta"), (contrastive, "alpha")]
    for node, other in no_evidence:
        assert not [a for a in cross if a.source == node and _lists_of(built, a)[1] == other]


def test_no_section_is_mapped_within_its_own_list(built: Built) -> None:
    assert all(len(set(_lists_of(built, a))) == 2 for a in built.alignments)


def test_crosswalk_of_the_graph_is_what_the_build_kept(built: Built) -> None:
    assert crosswalk(built.graph) == built.alignments


# in the graph, in Turtle, valid


def test_mappings_are_relations_of_the_graph(built: Built) -> None:
    mappings = [r for r in built.graph.relations if r.predicate.is_mapping]
    assert {r.predicate.value for r in mappings} <= set(MAPPINGS)
    expected = {(a.source, a.relation, a.target) for a in built.alignments}
    assert {(r.subject, r.predicate.value, r.object) for r in mappings} == expected
    for r in mappings:
        assert 0.0 <= r.confidence <= 1.0 and r.evidence and r.rule.startswith("crosswalk")
        assert built.graph.nx.has_edge(r.subject, r.object, key=r.predicate.value)


@pytest.fixture(scope="module")
def turtle(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_turtle(built.graph, tmp_path_factory.mktemp("crosswalk"))[0]


@pytest.fixture(scope="module")
def store(turtle: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    return store


def _ask(store: ox.Store, query: str) -> bool:
    return bool(store.query(query, prefixes=PREFIXES))


def test_turtle_has_the_skos_mappings(built: Built, store: ox.Store) -> None:
    old = section(built, "alpha", "Graph Transformers")
    new = section(built, "alpha_v2", "Transformers for Graphs")
    assert _ask(store, f"ASK {{ skgr:{_local(old)} skos:exactMatch skgr:{_local(new)} }}")
    rows = store.query("SELECT DISTINCT ?p WHERE { ?a ?p ?b . FILTER(STRENDS(STR(?p), 'Match')) }")
    found = {row["p"].value for row in rows}
    assert found == {PREFIXES["skos"] + a.relation for a in built.alignments}


def test_each_mapping_has_an_assertion_with_confidence_and_evidence(
    built: Built, store: ox.Store
) -> None:
    query = """
        SELECT ?s ?p ?o ?confidence ?evidence WHERE {
          ?a a skg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             skg:confidence ?confidence ; skg:evidence ?evidence .
          FILTER(STRSTARTS(STR(?p), STR(skos:)))
        }"""
    rows = list(store.query(query, prefixes=PREFIXES))
    found = {(_node(r["s"]), r["p"].value.rsplit("#", 1)[1], _node(r["o"])) for r in rows}
    assert found == {(a.source, a.relation, a.target) for a in built.alignments}
    assert all(0 <= float(r["confidence"].value) <= 1 and r["evidence"].value for r in rows)


def test_the_graph_with_mappings_conforms_to_the_shapes(turtle: Path) -> None:
    violations, triples = validate_file(turtle)
    assert triples > 0
    assert violations == []


def _local(node: str) -> str:
    return node.replace("/", "\\/")


def _node(term: ox.NamedNode) -> str:
    return term.value.removeprefix(PREFIXES["skgr"])


# labels


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("3.1 Data Selection Methods", "selection"),
        ("A. Evolving Instructions", "evolv instruction"),
        ("Graph Transformers", "graph transformer"),
        ("Datasets and Benchmarks", "dataset benchmark"),
        ("LLMs and Data", ""),  # nothing but generic words
        ("", ""),
    ],
)
def test_label_words(label: str, words: str) -> None:
    assert label_words(label) == words


def test_label_similarity() -> None:
    same = label_similarity(
        label_words("Graph Transformers"), label_words("Transformers for Graphs")
    )
    assert same == 1.0
    assert label_similarity("benchmark", "dataset benchmark") == 1.0  # one holds the other
    assert label_similarity("", "benchmark") == label_similarity("benchmark", "") == 0.0
    assert label_similarity("message passing", "node classification") < 0.5
    assert 0.0 <= label_similarity("graph", "graphs") <= 1.0


# order


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(authoring_lists()))
def test_crosswalk_does_not_depend_on_the_order_of_the_lists(
    built: Built, order: list[SurveyList]
) -> None:
    assert build_authoring(list(order)).alignments == built.alignments
