"""Entity resolution: one Work per real work across lists, versions, titles and links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.model import DataIssue, Entry, IssueKind, ParsedList, Work
from kg.resolve.canonical import local_ids, title_vocabulary, work_from
from kg.resolve.cluster import cluster
from kg.resolve.matching import (
    STRONG_SCHEMES,
    Decision,
    Mention,
    candidate_pairs,
    decide,
    mention_id,
    mentions_of,
)
from kg.util.gcpause import paused_gc

__all__ = ["Resolution", "mention_id", "resolve", "resolve_entries"]


@dataclass
class Resolution:
    """Works, the work of each mention, and the identifier conflicts found on the way."""

    works: list[Work]
    work_of: dict[str, str]
    issues: list[DataIssue] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    refused: list[Decision] = field(default_factory=list)

    def work(self, work_id: str) -> Work:
        return self._index[work_id]

    def __post_init__(self) -> None:
        self._index = {w.id: w for w in self.works}


def resolve(parsed: list[ParsedList]) -> Resolution:
    return resolve_entries([e for p in parsed for e in p.entries])


def resolve_entries(entries: list[Entry]) -> Resolution:
    """Block, decide pairwise, cluster with cannot-links, then build canonical works."""
    with paused_gc():
        return _resolve(sorted(entries, key=_entry_order))


def _entry_order(entry: Entry) -> tuple[str, int, str]:
    """Mentions by list and line, so that neither the order of the lists nor that of the entries
    decides a tie (a block's representative, a conflict's first line, a work's mention order)."""
    return entry.list_id, entry.line, entry.file


def _resolve(entries: list[Entry]) -> Resolution:
    mentions = mentions_of(entries)
    found = [d for a, b in candidate_pairs(mentions) if (d := decide(mentions[a], mentions[b]))]
    decisions = sorted(found, key=lambda d: (d.a, d.b))  # blocks come in string-hash order
    clusters, refused = cluster(len(mentions), decisions, [m.id for m in mentions])
    groups = [[entries[i] for i in g] for g in clusters.groups()]
    vocabulary = title_vocabulary(entries)
    ids = local_ids(groups, vocabulary)
    works = sorted(
        (work_from(g, i, vocabulary) for g, i in zip(groups, ids, strict=True)),
        key=lambda w: w.id,
    )
    work_of = {m: w.id for w in works for m in w.mentions}
    issues = _conflicts(mentions, decisions, work_of) + _merged_conflicts(works, entries)
    return Resolution(works, work_of, issues, decisions, refused)


def _conflicts(
    mentions: list[Mention], decisions: list[Decision], work_of: dict[str, str]
) -> list[DataIssue]:
    """One issue per identifier attached to entries that name different works: disputed by a
    pair of titles, or pasted by one list onto several unrelated titles."""
    by_id: dict[str, set[int]] = defaultdict(set)
    for d in decisions:
        if d.same or not d.conflict:
            continue
        for ident in _strong_ids(mentions[d.a]) & _strong_ids(mentions[d.b]):
            by_id[ident].update((d.a, d.b))
    for m in mentions:
        for ident in m.pasted:
            by_id[ident].add(m.index)
    carriers = _carriers(mentions, set(by_id))
    issues = []
    for ident, members in sorted(by_id.items()):
        ms = sorted((mentions[i] for i in members | carriers[ident]), key=lambda m: _where(m.entry))
        works = sorted({work_of[m.id] for m in ms})
        if len(works) < 2:
            continue
        listed = "; ".join(f"{m.entry.title!r} ({m.entry.file}:{m.entry.line})" for m in ms)
        issues.append(
            DataIssue(
                id=f"conflicting-identifier/{ident}",
                kind=IssueKind.CONFLICTING_IDENTIFIER,
                list_id=ms[0].entry.list_id,
                file=ms[0].entry.file,
                line=ms[0].entry.line,
                message=f"{ident} is attached to different works: {listed}",
                mentions=[m.id for m in ms],
                works=works,
            )
        )
    return issues


def _carriers(mentions: list[Mention], disputed: set[str]) -> dict[str, set[int]]:
    """Every mention carrying a disputed identifier: blocking compares one representative of
    mentions alike, so the pairs found alone would name whichever of them came first."""
    found: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        for ident in {str(i) for i in m.entry.identifiers} & disputed:
            found[ident].add(m.index)
    return found


def _strong_ids(m: Mention) -> set[str]:
    return {str(i) for i in m.entry.identifiers if i.scheme in STRONG_SCHEMES}


def _merged_conflicts(works: list[Work], entries: list[Entry]) -> list[DataIssue]:
    """A work whose mentions carry two values of one scheme (two arXiv ids for one title)."""
    by_mention = {mention_id(e): e for e in entries}
    issues = []
    for work in works:
        values: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
        for m in work.mentions:
            entry = by_mention[m]
            for ident in entry.identifiers:
                if ident.scheme in STRONG_SCHEMES:
                    values[ident.scheme][ident.value].append(entry)
        for scheme, seen in sorted(values.items()):
            if len(seen) < 2:
                continue
            parts = "; ".join(
                f"{v} at {', '.join(f'{e.file}:{e.line}' for e in sorted(es, key=_where))}"
                for v, es in sorted(seen.items())
            )
            first = min((e for es in seen.values() for e in es), key=_where)
            issues.append(
                DataIssue(
                    id=f"conflicting-identifier/{work.id}/{scheme}",
                    kind=IssueKind.CONFLICTING_IDENTIFIER,
                    list_id=first.list_id,
                    file=first.file,
                    line=first.line,
                    message=f"{work.title!r} carries different {scheme} identifiers: {parts}",
                    mentions=sorted(mention_id(e) for es in seen.values() for e in es),
                    works=[work.id],
                )
            )
    return issues


def _where(entry: Entry) -> tuple[str, int, str]:
    """File and line, as the audit reports them: an issue is anchored on its first line."""
    return entry.file, entry.line, entry.list_id
