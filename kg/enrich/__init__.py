"""Methods, models, datasets and benchmarks named by the lists, and how works relate to them.

`enrich` reads every title (and one-line summary), builds one `Entity` per named thing and derives
`introduces`, `extends` and `evaluatedOn` relations, each with its confidence, evidence, rule and
the mentions it was read from; curated facts (data/curated/facts.toml) add what no title states.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.enrich.claims import Claim, read_claims, settle
from kg.enrich.curated import DEFAULT_FACTS, CuratedError, Fact, apply_facts, load_facts
from kg.enrich.entities import EntityIndex, build_entities
from kg.enrich.evaluated import evaluated_on
from kg.enrich.extends import extends
from kg.enrich.introduces import introduces
from kg.enrich.refs import Refs
from kg.model import Entity, ParsedList, Predicate, Relation, WorkKind
from kg.resolve import Resolution, mention_id

__all__ = ["Enrichment", "enrich"]


@dataclass
class Enrichment:
    """The entities the lists name and the relations derived about them, in a stable order."""

    entities: list[Entity]
    relations: list[Relation]
    skipped: list[str] = field(default_factory=list)  # curated facts naming nothing in these lists


@dataclass(frozen=True)
class _Inputs:
    """What every pass reads: settled claims, titles and summaries, work ids, curated facts."""

    resolution: Resolution
    claims: list[Claim]
    texts: dict[str, tuple[str, str | None]]
    reserved: frozenset[str]
    facts: list[Fact]


def _inputs(parsed: list[ParsedList], resolution: Resolution, facts: Path | None) -> _Inputs:
    return _Inputs(
        resolution=resolution,
        claims=settle(read_claims(parsed, resolution)),
        texts={mention_id(e): (e.title, e.summary) for p in parsed for e in p.entries},
        reserved=frozenset(w.id for w in resolution.works),
        facts=load_facts(facts) if facts else [],
    )


def _mentions_of(index: EntityIndex, resolution: Resolution) -> dict[str, list[str]]:
    """Node id → the mentions it was read from."""
    found = {w.id: sorted(w.mentions) for w in resolution.works}
    found.update({e: sorted({c.mention for c in cs}) for e, cs in index.claims_of.items()})
    return found


def _relations(inputs: _Inputs, index: EntityIndex) -> tuple[list[Relation], list[str]]:
    """Relations from every rule and from the curated facts that resolve against this index,
    and a message for each fact that does not."""
    works = inputs.resolution.works
    derived = (
        introduces(index, {w.id: w.kind for w in works})
        + extends(index, works)
        + evaluated_on(index, works, inputs.texts)
    )
    refs = Refs(index.entities, derived, works)
    papers = frozenset(w.id for w in works if w.kind is WorkKind.PAPER)
    facts, skipped = apply_facts(inputs.facts, refs, _mentions_of(index, inputs.resolution), papers)
    return derived + facts, skipped


def _reported(index: EntityIndex, relations: list[Relation]) -> frozenset[str]:
    """Refs of the entities papers report results on."""
    return frozenset(
        index.refs[r.object]
        for r in relations
        if r.predicate == Predicate.EVALUATED_ON and r.object in index.refs
    )


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One record per (subject, predicate, object, rule), with the union of its mentions."""
    kept: dict[tuple[str, str, str, str], Relation] = {}
    for r in relations:
        key = (r.subject, r.predicate, r.object, r.rule)
        if key in kept:
            merged = sorted(set(kept[key].mentions) | set(r.mentions))
            r = kept[key].model_copy(update={"mentions": merged})
        kept[key] = r
    return [kept[k] for k in sorted(kept)]


def enrich(
    parsed: list[ParsedList],
    resolution: Resolution,
    facts: Path | None = DEFAULT_FACTS,
    strict: bool = False,
) -> Enrichment:
    """Entities and relations for resolved lists; `facts=None` leaves curated facts out.

    Curated facts are about the bundled lists: a fact naming nothing in the lists read is skipped
    and listed in `Enrichment.skipped`, or, with `strict`, a CuratedError.  Kinds take two
    passes: a dataset papers report results on is a Benchmark, which changes its id, so the
    entities are built again.
    """
    inputs = _inputs(parsed, resolution, facts)
    first = build_entities(inputs.claims, inputs.reserved)
    reported = _reported(first, _relations(inputs, first)[0])
    index = build_entities(inputs.claims, inputs.reserved, reported)
    relations, skipped = _relations(inputs, index)
    if strict and skipped:
        raise CuratedError("curated facts refer to unknown nodes:\n" + "\n".join(skipped))
    return Enrichment(index.entities, _dedupe(relations), skipped)
