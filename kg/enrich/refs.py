"""Readable references to graph nodes, as curated facts, evaluation files and `kg lineage` use them.

A reference is, in this order of precedence:

- an arXiv id ("arxiv:2309.12284") or a work id ("paper/arxiv-2309-12284");
- a name with the work that presents it, for names shared by unrelated things
  ("LIFT@arxiv:2312.11508");
- an entity name or alias, in any spelling ("GSM8K", "gsm8k", "Tulu");
- a work title, as any list spells it (case and punctuation do not count).
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import process

from kg.enrich import names
from kg.model import Entity, Predicate, Relation, Work
from kg.normalize import title_key

__all__ = ["RefError", "Refs"]

SUGGESTIONS = 3


class RefError(ValueError):
    """A reference that names nothing, or more than one thing."""


class Refs:
    """Finds the node id a reference names."""

    def __init__(
        self, entities: list[Entity], relations: list[Relation], works: list[Work]
    ) -> None:
        self.labels: dict[str, str] = {w.id: w.title for w in works}
        self.labels.update({e.id: e.name for e in entities})
        self._arxiv: dict[str, set[str]] = defaultdict(set)
        self._titles: dict[str, set[str]] = defaultdict(set)
        self._names: dict[str, set[str]] = defaultdict(set)
        self._presented_by: dict[str, set[str]] = defaultdict(set)
        self._index_works(works)
        self._index_entities(entities, relations)

    def _index_works(self, works: list[Work]) -> None:
        for w in works:
            for ident in w.identifiers:
                if ident.scheme == "arxiv":
                    self._arxiv[ident.value].add(w.id)
            for t in w.titles or [w.title]:
                self._titles[title_key(t)].add(w.id)

    def _index_entities(self, entities: list[Entity], relations: list[Relation]) -> None:
        for e in entities:
            for n in (e.name, *e.aliases):
                self._names[names.fold(n)].add(e.id)
        for r in relations:
            if r.predicate == Predicate.INTRODUCES:
                self._presented_by[r.object].add(r.subject)

    def find(self, ref: str) -> str:
        """The one node the reference names; RefError (with suggestions) otherwise."""
        found = sorted(self.candidates(ref))
        if len(found) == 1:
            return found[0]
        if found:
            options = "; ".join(self._describe(n) for n in found)
            hint = " (write NAME@WORK, e.g. NAME@arxiv:…)" if "@" not in ref else ""
            raise RefError(f"{ref!r} is ambiguous{hint}: {options}")
        raise RefError(f"{ref!r} names nothing known{self._suggest(ref)}")

    def candidates(self, ref: str) -> set[str]:
        """Every node the reference may name, in the order of precedence of the forms."""
        ref = ref.strip()
        if ref.casefold().startswith("arxiv:"):
            return set(self._arxiv.get(ref.split(":", 1)[1].strip(), set()))
        if "/" in ref and ref in self.labels:
            return {ref}
        presented = self._presented(ref) if "@" in ref else set()
        return presented or set(self._names.get(names.fold(ref), set())) or self._title(ref)

    def _presented(self, ref: str) -> set[str]:
        """NAME@WORK: the entities called NAME that WORK presents."""
        name, work = ref.rsplit("@", 1)
        works = self.candidates(work)
        return {
            e for e in self._names.get(names.fold(name), set()) if self._presented_by[e] & works
        }

    def _title(self, ref: str) -> set[str]:
        return set(self._titles.get(title_key(ref), set()))

    def _describe(self, node: str) -> str:
        """ "method/lift-… (LIFT, presented by "Rethinking …")": enough to tell homonyms apart."""
        by = sorted(self._presented_by.get(node, set()))
        where = f', presented by "{self.labels[by[0]]}" ({by[0]})' if by else ""
        return f"{node} ({self.labels[node]}{where})"

    def _suggest(self, ref: str) -> str:
        """Close labels (rapidfuzz), for a reference that names nothing."""
        choices = {label: node for node, label in self.labels.items()}
        best = process.extract(ref, list(choices), limit=SUGGESTIONS)
        listed = ", ".join(f"{label!r} ({choices[label]})" for label, _, _ in best)
        return f"; did you mean {listed}?" if best else ""
