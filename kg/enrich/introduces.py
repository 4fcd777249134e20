"""`introduces`: a paper presents the thing its title names (prefix, report, "The X Dataset").

Confidence per rule, from the hand-labelled sample in data/eval/relations_labelled.csv
(`python benchmarks/eval_relations.py` prints the current figures):

- title-prefix: the name before the colon; lists add such prefixes themselves, and a few name a
  thing the paper uses rather than presents, hence 0.9.
- title-report: "X Technical Report" is the report of model X.
- title-leading-dataset: "The X Dataset …" presents dataset X.
- title-with-new-method: "… with X" where no other listed work presents or uses X; the weakest
  reading (X may come from a paper the lists lack), hence 0.8.
"""

from __future__ import annotations

from collections import defaultdict

from kg.enrich.claims import Claim, Role
from kg.enrich.entities import EntityIndex
from kg.model import Predicate, Relation, WorkKind

__all__ = ["CONFIDENCE", "introduces"]

CONFIDENCE = {
    "title-prefix": 0.9,
    "title-report": 0.95,
    "title-leading-dataset": 0.9,
    "title-with-new-method": 0.8,
}


def _evidence(claim: Claim) -> str:
    t, n = claim.title, claim.name
    return {
        "title-prefix": f'title "{t}" names {n} before the colon',
        "title-report": f'title "{t}" is the technical report of {n}',
        "title-leading-dataset": f'title "{t}" presents the {n} dataset',
        "title-with-new-method": f'title "{t}" names {n}, which no other listed work presents or uses',
    }[claim.rule]


def introduces(index: EntityIndex, kinds: dict[str, WorkKind]) -> list[Relation]:
    """One relation per (paper, entity, rule); blogs and repositories present nothing here."""
    grouped: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for entity_id, claims in index.claims_of.items():
        for c in claims:
            if c.role is Role.INTRODUCED and kinds[c.work] is WorkKind.PAPER:
                grouped[(c.work, entity_id, c.rule)].append(c)
    return [
        Relation(
            subject=work,
            predicate=Predicate.INTRODUCES,
            object=entity_id,
            confidence=CONFIDENCE[rule],
            evidence=_evidence(min(claims)),
            rule=rule,
            mentions=sorted({c.mention for c in claims}),
        )
        for (work, entity_id, rule), claims in sorted(grouped.items())
    ]
