"""Coverage counts computed once at build time, so that the common coverage questions (how many
lists hold a work, how full a section is, how much two lists overlap) are lookups in the store
rather than aggregations over it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from kg.graph import KnowledgeGraph


@dataclass(frozen=True)
class SectionCounts:
    direct: int  # distinct works filed under the section itself
    total: int  # distinct works filed under the section or any of its subsections


@dataclass(frozen=True)
class Statistics:
    list_counts: dict[str, int]  # work node → number of lists that list it
    list_sizes: dict[str, int]  # survey node → number of distinct works it lists
    sections: dict[str, SectionCounts]  # section node → its counts
    section_years: dict[tuple[str, int | None], int]  # (section, year or None) → direct works
    overlaps: dict[tuple[str, str], int]  # (survey, survey) in identifier order → shared works


def statistics(kg: KnowledgeGraph) -> Statistics:
    """The graph holds each typed edge once, so counting edges counts distinct works and lists."""
    return Statistics(
        list_counts={wid: len(kg.out(wid, "listedIn")) for wid in kg.works},
        list_sizes={sid: len(kg.into(sid, "listedIn")) for sid in kg.surveys},
        sections=section_counts(kg),
        section_years=section_years(kg),
        overlaps=overlaps(kg),
    )


def section_counts(kg: KnowledgeGraph) -> dict[str, SectionCounts]:
    """Direct and subtree counts; a work filed under two subsections counts once for the parent."""
    subtree: dict[str, set[str]] = {}

    def works_under(nid: str) -> set[str]:
        if nid not in subtree:
            subtree[nid] = set(kg.works_in(nid)).union(
                *(works_under(child) for child in kg.into(nid, "broader"))
            )
        return subtree[nid]

    return {
        nid: SectionCounts(direct=len(kg.works_in(nid)), total=len(works_under(nid)))
        for nid in kg.sections
    }


def section_years(kg: KnowledgeGraph) -> dict[tuple[str, int | None], int]:
    """Works filed directly under each section, by publication year (None: year unknown); only
    the years a section has, sections in list order and years ascending, unknown last."""
    counts: dict[tuple[str, int | None], int] = {}
    for nid in kg.sections:
        years = Counter(kg.works[wid].year for wid in kg.works_in(nid))
        for year in sorted(years, key=lambda y: (y is None, y or 0)):
            counts[nid, year] = years[year]
    return counts


def overlaps(kg: KnowledgeGraph) -> dict[tuple[str, str], int]:
    """Shared works for every pair of distinct lists that share at least one, in a fixed order."""
    list_id = {sid: survey.id for sid, survey in kg.surveys.items()}
    shared: Counter[tuple[str, str]] = Counter()
    for wid in kg.works:
        lists = sorted(kg.out(wid, "listedIn"), key=list_id.__getitem__)
        shared.update(combinations(lists, 2))
    return {
        pair: shared[pair] for pair in sorted(shared, key=lambda p: (list_id[p[0]], list_id[p[1]]))
    }
