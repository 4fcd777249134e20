"""A small read-only index over a parsed graph: enough to read a shapes file without rdflib."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
Term = ox.NamedNode | ox.BlankNode | ox.Literal


class Index:
    """Triples by subject and predicate, and subjects by predicate, in file order."""

    def __init__(self, triples: Iterable[ox.Triple | ox.Quad]) -> None:
        self._by_subject: dict[Term, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self._subjects: dict[str, list[Term]] = defaultdict(list)
        for t in triples:
            self._by_subject[t.subject][t.predicate.value].append(t.object)
            self._subjects[t.predicate.value].append(t.subject)

    @classmethod
    def parse(cls, path: str) -> Index:
        """Index an RDF file (format from its extension, Turtle when unknown)."""
        suffix = path.rsplit(".", 1)[-1]
        fmt = ox.RdfFormat.from_extension(suffix) or ox.RdfFormat.TURTLE
        return cls(ox.parse(path=path, format=fmt))

    def objects(self, subject: Term, predicate: str) -> list[Term]:
        return list(self._by_subject.get(subject, {}).get(predicate, []))

    def value(self, subject: Term, predicate: str) -> Term | None:
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def predicates(self, subject: Term) -> list[str]:
        return list(self._by_subject.get(subject, {}))

    def subjects(self, predicate: str) -> list[Term]:
        """Distinct subjects of the predicate, in the order they first appear."""
        return list(dict.fromkeys(self._subjects.get(predicate, [])))

    def items(self, head: Term) -> list[Term]:
        """The members of an RDF list (rdf:first/rdf:rest)."""
        found: list[Term] = []
        node: Term | None = head
        while node is not None and node != ox.NamedNode(RDF + "nil"):
            first = self.value(node, RDF + "first")
            if first is None:
                break
            found.append(first)
            node = self.value(node, RDF + "rest")
        return found
