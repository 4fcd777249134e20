"""Blocking and pairwise decisions: which mentions may name the same work, and which must not."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from kg.model import Entry, WorkKind
from kg.resolve.evidence import (
    HOSTING_SCHEMES,
    STRONG_SCHEMES,
    ambiguous_ids,
    evidence_ids,
    links_itself,
    pasted_ids,
)
from kg.resolve.titles import TitleParts, related_title, same_title, title_parts

__all__ = [
    "HOSTING_SCHEMES",
    "STRONG_SCHEMES",
    "Decision",
    "Mention",
    "candidate_pairs",
    "decide",
    "mention_id",
    "mentions_of",
]

MAX_BLOCK = 40  # a title bigram shared by more distinct titles than this says nothing
MAX_REPS_IN_ID_BLOCK = 400  # distinct titles carried by one identifier, compared pairwise


@dataclass(frozen=True)
class Mention:
    """An entry seen by the resolver: its title parts and identifiers, by index."""

    index: int
    entry: Entry
    title: TitleParts
    evidence: frozenset[str] = frozenset()  # identifiers that name this work (see evidence.py)
    id_only: frozenset[str] = frozenset()  # evidence enough without a title to back it
    pasted: frozenset[str] = frozenset()  # identifiers this mention's list pastes on many titles
    typed: bool = True  # its link says what kind of work it is (see evidence.links_itself)

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
    """Mentions with the identifiers each may use as evidence, judged over the whole corpus."""
    titles = [title_parts(e.title) for e in entries]
    named = [evidence_ids(e) for e in entries]
    voided = _voided(entries, titles, named)
    evidence = [ids - void for ids, void in zip(named, voided, strict=True)]
    unclear = ambiguous_ids(zip(titles, evidence, strict=True))
    return [
        Mention(i, e, t, frozenset(ev), frozenset(ev - unclear), frozenset(void), links_itself(e))
        for i, (e, t, ev, void) in enumerate(zip(entries, titles, evidence, voided, strict=True))
    ]


def _voided(
    entries: list[Entry], titles: list[TitleParts], named: list[set[str]]
) -> list[set[str]]:
    """Per mention, the identifiers its own list pastes onto unrelated titles."""
    pasted = pasted_ids(zip((e.list_id for e in entries), titles, named, strict=True))
    return [
        {i for i in ids if (e.list_id, i) in pasted} for e, ids in zip(entries, named, strict=True)
    ]


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
    """Mentions equal on this decide alike with any third mention, and merge with each other;
    a title that names no work merges with nothing by itself, so it stands alone."""
    if not m.title.identifying:
        return (m.index,)
    ids = tuple(sorted(str(i) for i in m.entry.identifiers))
    return (m.title.key, m.entry.kind, m.typed, ids, m.evidence, m.id_only)


def _block_keys(m: Mention) -> set[str]:
    """Identifier keys always; title keys only from a title that can name a work."""
    keys = {f"id:{i.scheme}:{i.value}" for i in m.entry.identifiers}
    if not m.title.identifying:
        return keys
    keys.add(f"t:{m.title.key}")
    keys.add(f"t:{m.title.rest}")
    tokens = m.title.rest.split()
    keys.update(f"b:{x} {y}" for x, y in itertools.pairwise(tokens))
    if m.title.head:
        keys.add(f"h:{m.title.head}")
    return keys


def decide(a: Mention, b: Mention) -> Decision | None:
    """Identifiers are evidence, not truth: a shared id with unrelated titles is a conflict."""
    if not _kinds_compatible(a, b):
        return Decision(a.index, b.index, False, "different-kind", 0)
    evidence = a.evidence & b.evidence
    clashing = _clashing_ids(a, b)
    if any(sid.split(":", 1)[0] in HOSTING_SCHEMES for sid in evidence):
        return Decision(a.index, b.index, True, "same-repository-or-page", 3)
    if not (a.title.identifying and b.title.identifying):
        return _decide_untitled(a, b, bool(clashing))
    if evidence or _shared_strong_ids(a, b):
        related = related_title(a.title, b.title)
        if related and evidence:
            return Decision(a.index, b.index, True, f"id+{related}", 3, conflict=bool(clashing))
        if not related:
            return Decision(a.index, b.index, False, "id-title-conflict", 0, conflict=True)
    titles_same = same_title(a.title, b.title)
    if titles_same:
        long_enough = len(a.title.tokens) >= 3 or titles_same == "exact"
        if not long_enough:
            return None
        strength = 2 if titles_same != "typo" else 1
        return Decision(a.index, b.index, True, f"title-{titles_same}", strength, bool(clashing))
    return None


def _decide_untitled(a: Mention, b: Mention, clashing: bool) -> Decision | None:
    """A title that names no work never merges by title; a shared identifier that no two titles
    dispute may merge it, except two such mentions of one list ("[1]" and "[2]")."""
    if not a.id_only & b.id_only:
        return None
    if not (a.title.identifying or b.title.identifying) and a.entry.list_id == b.entry.list_id:
        return None
    return Decision(a.index, b.index, True, "id-untitled", 1, conflict=clashing)


def _kinds_compatible(a: Mention, b: Mention) -> bool:
    """Blog posts, repositories and papers stay apart; an entry whose link does not say what it
    is (none, or a file inside a repository) may be any of them."""
    if a.entry.kind == b.entry.kind or not a.typed or not b.typed:
        return True
    loose = {WorkKind.PAPER, WorkKind.DATASET, WorkKind.MODEL}
    return a.entry.kind in loose and b.entry.kind in loose


def _shared_strong_ids(a: Mention, b: Mention) -> list[str]:
    """Strong ids on both, evidence or not: unrelated titles under one are a conflict."""
    ia = {(i.scheme, i.value) for i in a.entry.identifiers}
    ib = {(i.scheme, i.value) for i in b.entry.identifiers}
    return sorted(f"{s}:{v}" for s, v in ia & ib if s in STRONG_SCHEMES)


def _clashing_ids(a: Mention, b: Mention) -> list[str]:
    """Same scheme, different value (two arXiv ids): a conflict if the two are merged."""
    ia, ib = a.ids(STRONG_SCHEMES), b.ids(STRONG_SCHEMES)
    return sorted(s for s in ia.keys() & ib.keys() if ia[s] != ib[s])
