"""The data graph in an in-memory Oxigraph store, with the lookups validation repeats, cached."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.shacl.graph import Term

_INSTANCES = (
    "SELECT DISTINCT ?x WHERE {{ ?x <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/"
    "<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{cls}> }}"
)


class Data:
    """Answers: the instances of a class, the value nodes of a path, SELECT queries."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._instances: dict[str, frozenset[Term]] = {}
        self._pairs: dict[str, dict[Term, set[Term]]] = {}

    def instances(self, cls: str) -> frozenset[Term]:
        """Nodes typed with the class or a sub-class of it (rdfs:subClassOf in the data)."""
        if cls not in self._instances:
            rows = self.store.query(_INSTANCES.format(cls=cls))
            self._instances[cls] = frozenset(row["x"] for row in rows)  # type: ignore[union-attr]
        return self._instances[cls]

    def values(self, path: str, focus: Term) -> frozenset[Term]:
        """The value nodes of the focus along a SPARQL property path."""
        return frozenset(self.pairs(path).get(focus, ()))

    def pairs(self, path: str) -> dict[Term, set[Term]]:
        """Every (node, value) connected by the path, by node; one query per path."""
        if path not in self._pairs:
            found: dict[Term, set[Term]] = defaultdict(set)
            for row in self.store.query(f"SELECT DISTINCT ?s ?o WHERE {{ ?s {path} ?o }}"):
                found[row["s"]].add(row["o"])  # type: ignore[index]
            self._pairs[path] = found
        return self._pairs[path]

    def select(self, query: str) -> list[dict[str, Term]]:
        """A SELECT query's solutions as dictionaries of the bound variables."""
        solutions = self.store.query(query)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        rows = []
        for row in solutions:  # type: ignore[union-attr]
            rows.append({n: row[n] for n in names if row[n] is not None})
        return rows


def load(path: Path) -> tuple[ox.Store, int]:
    """The file's statements merged into one graph, in memory, and how many distinct triples."""
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    triples = {
        ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)
    }
    store = ox.Store()
    store.bulk_extend(triples)
    return store, len(triples)
