"""Union-find that refuses a merge when it would join two mentions known to differ."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.resolve.matching import Decision


class Clusters:
    """Merges applied strongest first; a cannot-link pair keeps its two clusters apart."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, set[int]] = {i: {i} for i in range(size)}
        self.cannot: dict[int, set[int]] = {}

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def forbid(self, a: int, b: int) -> None:
        self.cannot.setdefault(a, set()).add(b)
        self.cannot.setdefault(b, set()).add(a)

    def union(self, a: int, b: int) -> bool:
        """Join the clusters of a and b unless some pair across them must stay apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, large = sorted((ra, rb), key=lambda r: len(self.members[r]))
        for m in self.members[small]:
            if self.cannot.get(m, set()) & self.members[large]:
                return False
        self.parent[small] = large
        self.members[large] |= self.members.pop(small)
        return True

    def groups(self) -> list[list[int]]:
        """Clusters as sorted member lists, ordered by their first member."""
        return sorted((sorted(m) for m in self.members.values()), key=lambda g: g[0])


def cluster(
    size: int, decisions: Iterable[Decision], names: Sequence[str] | None = None
) -> tuple[Clusters, list[Decision]]:
    """Apply cannot-links first, then merges strongest first; return the merges refused.

    Ties are broken by the mentions' names (list and line) when given, not by input position,
    so that the order in which entries arrive never changes the clusters.
    """

    def order(d: Decision) -> tuple[int, tuple[str, str] | tuple[int, int]]:
        if names is None:
            return -d.strength, (d.a, d.b)
        first, second = sorted((names[d.a], names[d.b]))
        return -d.strength, (first, second)

    ordered = sorted(decisions, key=order)
    clusters = Clusters(size)
    for d in ordered:
        if not d.same:
            clusters.forbid(d.a, d.b)
    refused = [d for d in ordered if d.same and not clusters.union(d.a, d.b)]
    return clusters, refused
