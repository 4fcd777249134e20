"""Blocking and pairwise decisions: which mentions may name the same work, and which must not."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from kg.model import Entry, WorkKind
from kg.resolve.titles import TitleParts, related_title, same_title, title_parts

STRONG_SCHEMES = ("arxiv", "doi", "acl", "openreview", "neurips", "pmlr", "aaai")
HOSTING_SCHEMES = ("github", "hf-dataset", "hf-model")
MAX_BLOCK = 40  # a title bigram shared by more distinct titles than this says nothing
MAX_REPS_IN_ID_BLOCK = 400  # distinct titles carried by one identifier, compared pairwise


@dataclass(frozen=True)
class Mention:
    """An entry seen by the resolver: its title parts and identifiers, by index."""

    index: int
    entry: Entry
    title: TitleParts

    @property
    def id(self) -> str:
        return mention_id(self.entry)

    def ids(self, schemes: tuple[str, ...]) -> dict[str, str]:
        """scheme → value for the given schemes (the first value where a scheme repeats)."""
        found: dict[str, str] = {}
        for ident in self.entry.identifiers:
            if ident.scheme in schemes:
                found.setdefault(ident.scheme, ident.value)
        return found


@dataclass(frozen=True)
class Decision:
    """The verdict on one candidate pair, with the rule that gave it."""

    a: int
    b: int
    same: bool
    rule: str
    strength: int  # merges are applied strongest first
    conflict: bool = False  # identifiers disagree with the verdict


def mention_id(entry: Entry) -> str:
    return f"{entry.list_id}:{entry.line}"


def mentions_of(entries: list[Entry]) -> list[Mention]:
    return [Mention(i, e, title_parts(e.title)) for i, e in enumerate(entries)]


def candidate_pairs(mentions: list[Mention]) -> Iterator[tuple[int, int]]:
    """Pairs that share an identifier, a title key or a rare title bigram: never all pairs.

    Inside a block, mentions that agree on title, kind and identifiers are compared with one
    representative only, so a work listed hundreds of times costs linear, not quadratic, time.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for m in mentions:
        for key in _block_keys(m):
            blocks[key].append(m.index)
    seen: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        for a, b in _block_pairs(key, members, mentions):
            pair = (a, b) if a < b else (b, a)
            if pair not in seen:
                seen.add(pair)
                yield pair


def _block_pairs(
    key: str, members: list[int], mentions: list[Mention]
) -> Iterator[tuple[int, int]]:
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for index in members:
        groups[_sameness(mentions[index])].append(index)
    reps = [group[0] for group in groups.values()]
    for group in groups.values():
        yield from ((group[0], other) for other in group[1:])
    limit = MAX_REPS_IN_ID_BLOCK if key.startswith("id:") else MAX_BLOCK
    if len(reps) <= limit:
        for i, a in enumerate(reps):
            yield from ((a, b) for b in reps[i + 1 :])


def _sameness(m: Mention) -> tuple[object, ...]:
    """Mentions equal on this decide alike with any third mention."""
    ids = tuple(sorted(str(i) for i in m.entry.identifiers))
    return (m.title.key, m.entry.kind, m.entry.url is None, ids)


def _block_keys(m: Mention) -> set[str]:
    keys = {f"id:{i.scheme}:{i.value}" for i in m.entry.identifiers}
    keys.add(f"t:{m.title.key}")
    keys.add(f"t:{m.title.rest}")
    tokens = m.title.rest.split()
    keys.update(f"b:{x} {y}" for x, y in itertools.pairwise(tokens))
    if m.title.head:
        keys.add(f"h:{m.title.head}")
    return keys


def decide(a: Mention, b: Mention) -> Decision | None:
    """Identifiers are evidence, not truth: a shared id with unrelated titles is a conflict."""
    if not _kinds_compatible(a.entry, b.entry):
        return Decision(a.index, b.index, False, "different-kind", 0)
    shared = _shared_ids(a, b)
    clashing = _clashing_ids(a, b)
    titles_same = same_title(a.title, b.title)
    if any(sid.split(":", 1)[0] in HOSTING_SCHEMES for sid in shared):
        return Decision(a.index, b.index, True, "same-repository-or-page", 3)
    if shared:
        related = related_title(a.title, b.title)
        if related:
            return Decision(a.index, b.index, True, f"id+{related}", 3, conflict=bool(clashing))
        return Decision(a.index, b.index, False, "id-title-conflict", 0, conflict=True)
    if titles_same:
        long_enough = len(a.title.tokens) >= 3 or titles_same == "exact"
        if not long_enough:
            return None
        strength = 2 if titles_same != "typo" else 1
        return Decision(a.index, b.index, True, f"title-{titles_same}", strength, bool(clashing))
    return None


def _kinds_compatible(a: Entry, b: Entry) -> bool:
    """Blog posts, repositories and papers stay apart; an unlinked entry may be any of them."""
    if a.kind == b.kind or a.url is None or b.url is None:
        return True
    loose = {WorkKind.PAPER, WorkKind.DATASET, WorkKind.MODEL}
    return a.kind in loose and b.kind in loose


def _shared_ids(a: Mention, b: Mention) -> list[str]:
    ia = {(i.scheme, i.value) for i in a.entry.identifiers}
    ib = {(i.scheme, i.value) for i in b.entry.identifiers}
    return sorted(f"{s}:{v}" for s, v in ia & ib if s in STRONG_SCHEMES + HOSTING_SCHEMES)


def _clashing_ids(a: Mention, b: Mention) -> list[str]:
    """Same scheme, different value (two arXiv ids): a conflict if the two are merged."""
    ia, ib = a.ids(STRONG_SCHEMES), b.ids(STRONG_SCHEMES)
    return sorted(s for s in ia.keys() & ib.keys() if ia[s] != ib[s])
