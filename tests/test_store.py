"""The on-disk store: per-list named graphs, their union in the default graph, clear errors."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.sparql.store import StoreError, open_store, own_default_graph, write_store

P = ox.NamedNode("urn:p")
LIST_A, LIST_B = ox.NamedNode("urn:graph:a"), ox.NamedNode("urn:graph:b")
SHARED = ox.Quad(ox.NamedNode("urn:work"), P, ox.Literal("shared"))
IN_A = ox.Quad(ox.NamedNode("urn:m1"), P, ox.Literal("a"), LIST_A)
IN_B = ox.Quad(ox.NamedNode("urn:m2"), P, ox.Literal("b"), LIST_B)
IN_BOTH = [ox.Quad(ox.NamedNode("urn:s"), P, ox.Literal("x"), g) for g in (LIST_A, LIST_B)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    out = tmp_path_factory.mktemp("store")
    write_store([SHARED, IN_A, IN_B, *IN_BOTH], out)
    return open_store(out)


def _triples(quads: object) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}  # type: ignore[attr-defined]


def test_named_graphs_are_kept(store: ox.Store) -> None:
    assert set(store.named_graphs()) == {LIST_A, LIST_B}
    assert _triples(store.quads_for_pattern(None, None, None, LIST_A)) == _triples(
        [IN_A, IN_BOTH[0]]
    )


def test_default_graph_is_the_union(store: ox.Store) -> None:
    default = _triples(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert default == _triples([SHARED, IN_A, IN_B, IN_BOTH[0]])
    count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))  # type: ignore[call-overload]
    assert count["n"].value == "4"  # a statement in two lists is in the union once


def test_own_default_graph_leaves_the_union_out(store: ox.Store) -> None:
    assert set(own_default_graph(store)) == _triples([SHARED])


def test_missing_store_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build"):
        open_store(tmp_path)
