"""Curated facts: well-known relations no title states, each with where it is stated.

The file (data/curated/facts.toml, format in data/curated/README.md) holds `[[fact]]` tables with
subject, predicate, object, evidence, source and an optional confidence.  Subjects and objects
are references (`kg.enrich.refs`).  A fact naming something unknown is an error, and all such
facts are reported together; a build of other lists than the bundled ones, which the facts are
about, skips them instead (`apply_facts`) and says which.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from kg.enrich.refs import RefError, Refs
from kg.model import Predicate, Relation
from kg.util.resources import data_path

__all__ = [
    "DEFAULT_FACTS",
    "PREDICATES",
    "CuratedError",
    "Fact",
    "apply_facts",
    "curated",
    "load_facts",
]

DEFAULT_FACTS = data_path("curated", "facts.toml")  # shipped in the package (kg/data/)
PREDICATES = tuple(p.value for p in Predicate)  # the codes a facts file may use
RULE = "curated"


class CuratedError(ValueError):
    """A malformed facts file, or facts whose subject or object names nothing known."""


@dataclass(frozen=True)
class Fact:
    """One curated statement, as written in the file."""

    subject: str
    predicate: Predicate
    object: str
    evidence: str
    source: str
    confidence: float = 1.0


def _fact(n: int, table: dict[str, object]) -> Fact:
    required = ("subject", "predicate", "object", "evidence", "source")
    missing = [k for k in required if not str(table.get(k, "")).strip()]
    unknown = sorted(set(table) - {*required, "confidence"})
    if missing or unknown:
        raise CuratedError(f"fact {n}: missing {missing}, unknown keys {unknown}")
    if table["predicate"] not in PREDICATES:
        raise CuratedError(f"fact {n}: predicate {table['predicate']!r} is not one of {PREDICATES}")
    confidence = float(table.get("confidence", 1.0))  # type: ignore[arg-type]
    if not 0.0 <= confidence <= 1.0:
        raise CuratedError(f"fact {n}: confidence {confidence} is outside 0..1")
    subject, predicate, obj, evidence, source = (str(table[k]).strip() for k in required)
    return Fact(subject, Predicate(predicate), obj, evidence, source, confidence=confidence)


def load_facts(path: Path = DEFAULT_FACTS) -> list[Fact]:
    """The facts of a TOML file; no file means no facts."""
    if not path.exists():
        return []
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return [_fact(n, table) for n, table in enumerate(data.get("fact", []), start=1)]


def _nodes(fact: Fact, refs: Refs, papers: frozenset[str] | None) -> tuple[str, str]:
    """The fact's subject and object; RefError if one names nothing or the wrong kind of node."""
    subject, obj = refs.find(fact.subject), refs.find(fact.object)
    if fact.predicate == Predicate.INTRODUCES and papers is not None and subject not in papers:
        raise RefError(f"{fact.subject!r} is no paper; introduces needs a paper as subject")
    return subject, obj


def _relation(fact: Fact, subject: str, obj: str, mentions_of: dict[str, list[str]]) -> Relation:
    """The fact as a relation citing the mentions its subject and object were read from."""
    mentions = set(mentions_of.get(subject, [])) | set(mentions_of.get(obj, []))
    return Relation(
        subject=subject,
        predicate=fact.predicate,
        object=obj,
        confidence=fact.confidence,
        evidence=f"{fact.evidence} [{fact.source}]",
        rule=RULE,
        mentions=sorted(mentions),
    )


def apply_facts(
    facts: list[Fact],
    refs: Refs,
    mentions_of: dict[str, list[str]],
    papers: frozenset[str] | None = None,
) -> tuple[list[Relation], list[str]]:
    """Relations for the facts that resolve, and one message per fact that does not (a
    reference naming nothing known, or an introduces subject outside `papers` when given)."""
    relations, errors = [], []
    for n, fact in enumerate(facts, start=1):
        try:
            subject, obj = _nodes(fact, refs, papers)
        except RefError as err:
            errors.append(f"fact {n} ({fact.subject} {fact.predicate} {fact.object}): {err}")
            continue
        relations.append(_relation(fact, subject, obj, mentions_of))
    return relations, errors


def curated(
    facts: list[Fact],
    refs: Refs,
    mentions_of: dict[str, list[str]],
    papers: frozenset[str] | None = None,
) -> list[Relation]:
    """Relations for the facts; CuratedError listing every fact that does not resolve."""
    relations, errors = apply_facts(facts, refs, mentions_of, papers)
    if errors:
        raise CuratedError("curated facts refer to unknown nodes:\n" + "\n".join(errors))
    return relations
