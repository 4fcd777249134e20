"""Canonical works from clusters: best title, all variants, reconciled venue, stable IRIs."""

from __future__ import annotations

from collections import Counter

from kg.model import Entry, Identifier, VenueInfo, Work, WorkKind
from kg.normalize import is_peer_reviewed, slugify, title_key
from kg.resolve.evidence import links_itself, names_work
from kg.resolve.matching import STRONG_SCHEMES, mention_id
from kg.resolve.titles import is_identifying, title_parts

ID_PRIORITY = (*STRONG_SCHEMES, "github", "hf-dataset", "hf-model")


def best_title(entries: list[Entry], vocabulary: Counter[str] | None = None) -> str:
    """The title most lists use, preferring a real title over a label ("[1]", "pdf"), then the
    form without an added acronym prefix, then the spelling whose words the rest of the corpus
    also uses ("Common" over "Conmmon")."""
    titles = [e.title for e in entries]
    counts = Counter(title_key(t) for t in titles)
    rests = {title_parts(t).rest for t in titles if title_parts(t).head}
    vocabulary = vocabulary or Counter()

    def score(t: str) -> tuple[int, int, int, int, int, int, str]:
        key = title_key(t)
        attested = sum(1 for w in key.split() if vocabulary[w] > counts[key])
        capitals = sum(c.isupper() for c in t)
        real = int(is_identifying(t))
        return (real, int(key in rests), counts[key], attested, capitals, -len(t), t)

    return max(set(titles), key=score)


def reconcile_venue(entries: list[Entry]) -> tuple[VenueInfo, list[VenueInfo]]:
    """A peer-reviewed venue over a preprint, a named venue over a group; keep every one seen."""
    seen: dict[str, VenueInfo] = {}
    for e in entries:
        if e.venue.raw or e.venue.year:
            seen.setdefault(e.venue.model_dump_json(), e.venue)
    venues = [seen[key] for key in sorted(seen)]  # a tie goes to content, not to list order
    if not venues:
        return VenueInfo(), []
    counts = Counter(e.venue.venue for e in entries if e.venue.venue)

    def score(v: VenueInfo) -> tuple[int, int, int, int, int]:
        return (
            int(is_peer_reviewed(v)),
            int(not v.is_group),
            int(v.venue is not None),
            counts[v.venue],
            v.year or 0,
        )

    return max(venues, key=score), venues


def work_from(entries: list[Entry], local_id: str, vocabulary: Counter[str] | None = None) -> Work:
    """Merge the mentions of one work into its canonical record."""
    kind = _kind(entries)
    venue, venues = reconcile_venue(entries)
    years = [e.venue.year for e in entries if e.venue.year]
    return Work(
        id=local_id,
        kind=kind,
        title=best_title(entries, vocabulary),
        titles=sorted({e.title for e in entries}),
        identifiers=sorted(
            {i for e in entries for i in e.identifiers}, key=lambda i: (i.scheme, i.value)
        ),
        urls=sorted({e.url for e in entries if e.url}),
        code_urls=sorted({e.code_url for e in entries if e.code_url}),
        venues=venues,
        venue=venue,
        year=venue.year or (min(years) if years else None),
        authors=max(sorted(e.authors for e in entries), key=len, default=[]),
        summaries=sorted({e.summary for e in entries if e.summary}),
        mentions=[mention_id(e) for e in entries],
        lists=sorted({e.list_id for e in entries}),
    )


def _kind(entries: list[Entry]) -> WorkKind:
    """The kind agreed by the mentions whose link shows what they are (not a file inside a
    repository), else by all; a tie goes to the kind WorkKind lists first, not to input order."""
    linked = [e.kind for e in entries if links_itself(e)]
    counts = Counter(linked or [e.kind for e in entries])
    order = list(WorkKind)
    return max(counts, key=lambda k: (counts[k], -order.index(k)))


def title_vocabulary(entries: list[Entry]) -> Counter[str]:
    """How often each title word occurs in the whole corpus."""
    return Counter(w for e in entries for w in title_key(e.title).split())


def local_ids(groups: list[list[Entry]], vocabulary: Counter[str] | None = None) -> list[str]:
    """Deterministic IRIs: an identifier no other work claims, else the slugged best title."""
    claims: Counter[Identifier] = Counter()
    for group in groups:
        claims.update({i for e in group for i in e.identifiers})
    used: set[str] = set()
    order = sorted(range(len(groups)), key=lambda g: _content_order(groups[g], vocabulary))
    by_group: dict[int, str] = {}
    for g in order:
        group = groups[g]
        kind = _kind(group)
        prefix = "profile" if kind is WorkKind.PERSON else kind.value
        ident = _own_identifier(group, claims, vocabulary)
        base = f"{prefix}/{ident.scheme}-{slugify(ident.value)}" if ident else None
        base = base or f"{prefix}/{slugify(title_key(best_title(group, vocabulary)))}"
        local, n = base, 2
        while local in used:
            local, n = f"{base}-{n}", n + 1
        used.add(local)
        by_group[g] = local
    return [by_group[g] for g in range(len(groups))]


def _content_order(
    group: list[Entry], vocabulary: Counter[str] | None
) -> tuple[str, list[str], list[tuple[str, int]]]:
    """Order by content, not by line, so that IRIs survive edits elsewhere in a list; where the
    content ties, by list and line, never by the order the lists were given in."""
    return (
        best_title(group, vocabulary),
        sorted({str(i) for e in group for i in e.identifiers}),
        sorted((e.list_id, e.line) for e in group),
    )


def _own_identifier(
    group: list[Entry], claims: Counter[Identifier], vocabulary: Counter[str] | None
) -> Identifier | None:
    """The group's identifier no other group carries: by scheme priority, then on the mentions
    that use the best title, then the most used, then the smallest. A repository that only holds
    a file of the work (or its code) does not name it."""
    counts = Counter(i for e in group for i in e.identifiers if names_work(e, i))
    best = title_key(best_title(group, vocabulary))
    on_best = {i for e in group if title_key(e.title) == best for i in e.identifiers}
    for scheme in ID_PRIORITY:
        options = [i for i in counts if i.scheme == scheme and claims[i] == 1]
        if options:
            return min(options, key=lambda i: (i not in on_best, -counts[i], i.value))
    return None
