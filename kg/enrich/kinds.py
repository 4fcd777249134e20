"""The kind of each entity: Method, Model, Dataset or Benchmark, from what its claims say.

In order: the wording of presenting titles (`cues.kind_cue`), then of other titles; then the
section most presenting mentions stand in (a dataset heading); then the name ("…GPT", "…Coder");
else Method.  A thing of unknown kind takes the kind of its versions (phi-1 as phi-1.5).
"""

from __future__ import annotations

from kg.enrich.claims import Claim, Role
from kg.enrich.cues import name_kind
from kg.enrich.versions import version
from kg.model import EntityKind

__all__ = ["STATED", "kinds"]

STATED, INFERRED, DEFAULT = 2, 1, 0  # how sure a kind is
_ORDER = (EntityKind.BENCHMARK, EntityKind.DATASET, EntityKind.MODEL)


def _mostly_in_dataset_sections(claims: list[Claim]) -> bool:
    presented = [c for c in claims if c.role is Role.INTRODUCED]
    return 2 * sum(c.dataset_section for c in presented) > len(presented)


def _kind(claims: list[Claim]) -> tuple[EntityKind, int]:
    stated = [c.kind for c in claims if c.kind and c.role is Role.INTRODUCED]
    stated = stated or [c.kind for c in claims if c.kind]
    for kind in _ORDER:
        if kind in stated:
            return kind, STATED
    if _mostly_in_dataset_sections(claims):
        return EntityKind.DATASET, INFERRED
    named = {name_kind(c.name) for c in claims} - {None}
    return (named.pop(), INFERRED) if len(named) == 1 else (EntityKind.METHOD, DEFAULT)


def _family(claims: list[Claim]) -> tuple[str, str]:
    return version(min(claims).name).family


def kinds(clusters: list[list[Claim]]) -> list[tuple[EntityKind, int]]:
    """Kind and sureness (STATED, INFERRED, DEFAULT) of each cluster of claims."""
    found = [_kind(cluster) for cluster in clusters]
    best: dict[tuple[str, str], tuple[int, EntityKind]] = {}
    for cluster, (kind, sure) in zip(clusters, found, strict=True):
        family = _family(cluster)
        if sure > DEFAULT and sure > best.get(family, (DEFAULT, kind))[0]:
            best[family] = (sure, kind)
    return [
        (best[_family(cl)][1], INFERRED)
        if sure == DEFAULT and _family(cl) in best
        else (kind, sure)
        for cl, (kind, sure) in zip(clusters, found, strict=True)
    ]
