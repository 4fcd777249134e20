"""Entity records from claims: one per real thing, however the lists spell it.

Spellings fold together ("GSM8K", "gsm8k", "GSM-8K"; `names.fold`), as do one work's variant
spellings across lists (`spellings`).  One name presented by unrelated works gives one entity per
thing (`homonyms`), whose id carries the presenting work: "method/lift-arxiv-2312-11508".  Ids are
"<kind>/<slug of the name>", never one of a work's ids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.enrich import names
from kg.enrich.claims import Claim, Role
from kg.enrich.homonyms import split
from kg.enrich.kinds import STATED, kinds
from kg.enrich.spellings import spelling_groups
from kg.model import Entity, EntityKind
from kg.normalize import slugify

__all__ = ["EntityIndex", "build_entities"]


@dataclass
class EntityIndex:
    """Entities with the claims behind them, and lookups from names and claims."""

    entities: list[Entity] = field(default_factory=list)
    claims_of: dict[str, list[Claim]] = field(default_factory=dict)  # entity id → claims
    presenters: dict[str, list[str]] = field(default_factory=dict)  # entity id → works
    refs: dict[str, str] = field(default_factory=dict)  # entity id → "key" or "key@work"
    canonical: dict[str, str] = field(default_factory=dict)  # folded name → its group's
    by_key: dict[str, list[str]] = field(default_factory=dict)  # group key → entity ids
    by_work: dict[tuple[str, str], str] = field(default_factory=dict)  # (key, work) → id

    def entity(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.entities}

    def lookup(self, name: str) -> list[str]:
        """Entity ids a name (or alias, in any spelling) may refer to."""
        key = names.fold(name)
        return self.by_key.get(self.canonical.get(key, key), [])

    def of_claim(self, claim: Claim) -> str | None:
        """The entity a claim is about; None when the name is shared by unrelated things."""
        key = self.canonical.get(claim.key, claim.key)
        ids = self.by_key.get(key, [])
        return ids[0] if len(ids) == 1 else self.by_work.get((key, claim.work))


def _capitals(name: str) -> int:
    return sum(ch.isupper() for ch in name[1:])


def _name(claims: list[Claim]) -> tuple[str, list[str]]:
    """The spelling presenting titles use most, then any title, then the one with more
    capitals ("WizardLM" over "Wizardlm"); the other spellings are aliases, sorted."""
    used = Counter(c.name for c in claims)
    presented = Counter(c.name for c in claims if c.role is Role.INTRODUCED)
    best = min(used, key=lambda n: (-presented[n], -used[n], -_capitals(n), n))
    return best, sorted(set(used) - {best})


def _presenters(cluster: list[Claim]) -> list[str]:
    return sorted({c.work for c in cluster if c.role is Role.INTRODUCED})


@dataclass(frozen=True)
class _Part:
    """One future entity: its group key, its claims, and whether the name is shared."""

    key: str
    claims: list[Claim]
    shared: bool

    @property
    def ref(self) -> str:
        """Kind-free reference: the folded name, with the presenting work when names clash."""
        return f"{self.key}@{_presenters(self.claims)[0]}" if self.shared else self.key


def _parts(claims: list[Claim], canonical: dict[str, str]) -> list[_Part]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[canonical[c.key]].append(c)
    parts = []
    for key in sorted(groups):
        clusters = split(groups[key])
        parts += [_Part(key, cluster, len(clusters) > 1) for cluster in clusters]
    return parts


def _entity_id(kind: EntityKind, name: str, part: _Part, taken: set[str]) -> str:
    """ "<kind>/<slug>", the presenting work's id appended for shared names, a counter if taken."""
    work = _presenters(part.claims)[0].split("/", 1)[-1] if part.shared else ""
    slug = slugify(name.replace("+", " plus")) + (f"-{work}" if work else "")
    entity_id, n = f"{kind.value}/{slug}", 1
    while entity_id in taken:
        n += 1
        entity_id = f"{kind.value}/{slug}-{n}"
    taken.add(entity_id)
    return entity_id


def _add(index: EntityIndex, part: _Part, kind: EntityKind, taken: set[str]) -> None:
    name, aliases = _name(part.claims)
    entity_id = _entity_id(kind, name, part, taken)
    index.entities.append(Entity(id=entity_id, kind=kind, name=name, aliases=aliases))
    index.claims_of[entity_id] = sorted(part.claims)
    index.presenters[entity_id] = _presenters(part.claims)
    index.refs[entity_id] = part.ref
    index.by_key.setdefault(part.key, []).append(entity_id)
    if part.shared:
        for work in index.presenters[entity_id]:
            index.by_work[(part.key, work)] = entity_id


def build_entities(
    claims: list[Claim],
    reserved: frozenset[str] = frozenset(),
    benchmarks: frozenset[str] = frozenset(),
) -> EntityIndex:
    """One entity per thing the claims name.

    `reserved` are ids already taken (work ids).  `benchmarks` are refs of things papers report
    results on: they become Benchmarks unless a title calls them a dataset.
    """
    canonical = spelling_groups(claims)
    parts = _parts(claims, canonical)
    index, taken = EntityIndex(canonical=canonical), set(reserved)
    for part, (kind, sure) in zip(parts, kinds([p.claims for p in parts]), strict=True):
        if part.ref in benchmarks and not (sure == STATED and kind is EntityKind.DATASET):
            kind = EntityKind.BENCHMARK
        _add(index, part, kind, taken)
    index.entities.sort(key=lambda e: e.id)
    index.__post_init__()
    return index
