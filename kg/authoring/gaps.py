"""What the other lists have that a list lacks: works its aligned sections miss, ranked, each
with the section it would go in, why, and an entry ready to paste in the list's own style."""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, Field

from kg.authoring.crosswalk import Alignment, aligned_into, crosswalk
from kg.authoring.families import families, independent
from kg.authoring.style import Template, learn, render
from kg.graph import KnowledgeGraph, section_id, survey_id
from kg.model import Entry, WorkKind


class Placement(BaseModel):
    """Where another list files the work."""

    list_id: str
    section: str
    label: str


class Gap(BaseModel):
    """A work other lists have and this list lacks."""

    work: str
    title: str
    kind: WorkKind
    url: str | None
    year: int | None
    lists: list[str]  # independent lists that have it (versions of one survey count once)
    placements: list[Placement] = Field(default_factory=list)
    section: str | None = None  # the section of this list it would go in
    section_label: str | None = None
    section_line: int | None = None
    reason: str = ""
    score: float = 0.0
    entry: str = ""  # ready to paste, in the list's own style


def gaps(
    kg: KnowledgeGraph,
    list_id: str,
    min_lists: int = 1,
    alignments: list[Alignment] | None = None,
    limit: int | None = None,
) -> list[Gap]:
    """Works that at least `min_lists` independent other lists have, best first."""
    if survey_id(list_id) not in kg.surveys:
        raise KeyError(list_id)
    family = families(kg.surveys.values())
    own_family = family[list_id]
    alignments = alignments if alignments is not None else crosswalk(kg)
    aligned = aligned_into(alignments, kg, list_id)
    templates = _templates(kg, list_id)
    newest = max((w.year for w in kg.works.values() if w.year), default=0)
    found = []
    for work_id, work in kg.works.items():
        holders = [kg.surveys[s].id for s in kg.out(work_id, "listedIn")]
        if any(family.get(h) == own_family for h in holders):
            continue
        others = independent(holders, family)
        if len(others) < min_lists:
            continue
        gap = _gap(kg, work_id, others, aligned, newest)
        label = gap.section_label or ""
        gap.entry = render(templates.get(gap.section) or templates.get(None), work, label)
        found.append(gap)
    found.sort(key=lambda g: (-g.score, g.title.lower(), g.work))
    return found[:limit] if limit else found


def _gap(
    kg: KnowledgeGraph,
    work_id: str,
    others: list[str],
    aligned: dict[str, list[Alignment]],
    newest: int,
) -> Gap:
    work = kg.works[work_id]
    placements = [
        Placement(list_id=kg.sections[s].list_id, section=s, label=kg.sections[s].label)
        for s in sorted(kg.out(work_id, "categorizedAs"))
    ]
    options = [a for p in placements for a in aligned.get(p.section, [])]
    best = max(options, key=lambda a: (a.score, a.target), default=None)
    recency = 0.5 if work.year and newest and work.year >= newest - 1 else 0.0
    centrality = min(5, len(kg.nx.in_edges(work_id)) + len(kg.nx.out_edges(work_id))) / 10
    gap = Gap(
        work=work_id,
        title=work.title,
        kind=work.kind,
        url=work.urls[0] if work.urls else None,
        year=work.year,
        lists=others,
        placements=placements,
        score=round(len(others) + recency + centrality, 3),
    )
    if best is not None:
        target = kg.sections[best.target]
        source = kg.sections[best.source]
        gap.section, gap.section_label, gap.section_line = best.target, target.label, target.line
        gap.reason = (
            f"{source.list_id} files it under {source.label!r}, which aligns with your "
            f"{target.label!r} ({best.relation}, {best.score:.2f}: {best.evidence})"
        )
    else:
        where = ", ".join(f"{p.list_id}: {p.label!r}" for p in placements[:3])
        gap.reason = f"listed in {where}; no section of this list aligns with those"
    return gap


def _templates(kg: KnowledgeGraph, list_id: str) -> dict[str | None, Template | None]:
    """A template per section of the list (from its own entries), and one for the whole list."""
    by_section: dict[str | None, list[Entry]] = defaultdict(list)
    for entry in sorted(
        (e for e in kg.mentions.values() if e.list_id == list_id), key=lambda e: e.line
    ):
        by_section[None].append(entry)
        for key in entry.sections:
            by_section[section_id(list_id, key)].append(entry)
    labels = {s.key: s.label for s in kg.sections.values() if s.list_id == list_id}
    return {key: learn(entries, labels) for key, entries in by_section.items()}
