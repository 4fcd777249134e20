"""One work's spellings of its own name across lists: "MetaMath" and the typo "MetaMeth",
"WizardCoder" and "WizardCode", "Alpaca" and "Stanford Alpaca" name one thing.

Case, accents, spaces and hyphens are already folded away (`names.fold`); this groups what is
left when one work is listed under names that still differ a little.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz

from kg.enrich.claims import Claim, Role

__all__ = ["SAME_SPELLING", "spelling_groups"]

SAME_SPELLING = 85  # fuzz.ratio of two folded names: a variant or a typo
MIN_CONTAINED = 4  # "alpaca" inside "stanfordalpaca"; shorter names are too easily contained


def _similar(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return (len(shorter) >= MIN_CONTAINED and shorter in longer) or fuzz.ratio(
        a, b
    ) >= SAME_SPELLING


class _Groups:
    """Union-find over folded names; the representative is the most claimed name."""

    def __init__(self, claims: list[Claim]) -> None:
        self.count = Counter(c.key for c in claims)
        self.parent = {c.key: c.key for c in claims}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        keep, drop = sorted((self.find(a), self.find(b)), key=lambda k: (-self.count[k], len(k), k))
        self.parent[drop] = keep


def _presented_by_work(claims: list[Claim]) -> dict[str, dict[str, set[str]]]:
    """work → folded name it presents → mentions that present it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        if c.role is Role.INTRODUCED:
            found[c.work][c.key].add(c.mention)
    return found


def spelling_groups(claims: list[Claim]) -> dict[str, str]:
    """Folded name → folded name of its group; two names read from one title never join."""
    groups = _Groups(claims)
    for keys in _presented_by_work(claims).values():
        for a in sorted(keys):
            for b in sorted(keys):
                if a < b and not keys[a] & keys[b] and _similar(a, b):
                    groups.join(a, b)
    return {k: groups.find(k) for k in groups.parent}
