"""One name, unrelated things: the two LIFT papers present two different LIFTs.

Works presenting the same name are compared by what their titles say besides the name; works
that say different things get separate entities, the others share one (a blog post and the paper
it reports on; a paper listed under two arXiv ids).  Names that only fold alike ("XLSR" of 2020,
"XLS-R" of 2021) are written differently by their presenters and name different things.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from rapidfuzz import fuzz

from kg.enrich import names
from kg.enrich.claims import Claim, Role
from kg.normalize import title_key

__all__ = ["SAME_THING", "split"]

SAME_THING = 60  # fuzz.token_set_ratio of two titles, name removed, that present one thing


def _stripped(claim: Claim) -> str:
    """The title without the name itself."""
    return " ".join(t for t in title_key(claim.title).split() if names.fold(t) != claim.key)


def _spelling(claim: Claim) -> str:
    """The name as written, case and accents aside: "XLSR" and "XLS-R" differ, "Tülu" and "TULU"
    do not."""
    bare = unicodedata.normalize("NFKD", claim.name)
    return "".join(ch for ch in bare if not unicodedata.combining(ch)).casefold()


def _alike(a: list[Claim], b: list[Claim]) -> bool:
    """Two works present one thing when they spell its name alike and say alike things of it."""
    return any(
        _spelling(x) == _spelling(y)
        and fuzz.token_set_ratio(_stripped(x), _stripped(y)) >= SAME_THING
        for x in a
        for y in b
    )


def _clusters(presented: dict[str, list[Claim]]) -> list[list[str]]:
    """Works grouped by whether their titles present the same thing, in work id order."""
    clusters: list[list[str]] = []
    for work in sorted(presented):
        home = next(
            (cl for cl in clusters if any(_alike(presented[work], presented[w]) for w in cl)), None
        )
        if home is None:
            clusters.append([work])
        else:
            home.append(work)
    return clusters


def split(group: list[Claim]) -> list[list[Claim]]:
    """The claims of one name, one list per thing.  Claims that only use or mention a name
    shared by several things belong to none of them and are dropped."""
    presented: dict[str, list[Claim]] = defaultdict(list)
    for c in group:
        if c.role is Role.INTRODUCED:
            presented[c.work].append(c)
    clusters = _clusters(presented)
    if len(clusters) <= 1:
        return [group]
    return [
        [c for c in group if c.work in cluster and c.role is Role.INTRODUCED]
        for cluster in clusters
    ]
