"""One list's coverage: its taxonomy with counts, empty and thin sections, years, venues and
preprints per section, its defects, the gaps other lists show and how its sections align."""

from __future__ import annotations

from collections import Counter, defaultdict

from pydantic import BaseModel, Field

from kg.authoring.crosswalk import Alignment, crosswalk, subtree_works
from kg.authoring.gaps import Gap, gaps
from kg.graph import KnowledgeGraph, section_id, survey_id
from kg.model import DataIssue

PREPRINT = "preprint"


class WorkRef(BaseModel):
    """A work as a coverage report names it."""

    id: str
    title: str
    kind: str
    url: str | None = None
    year: int | None = None
    line: int | None = None  # where this list lists it


class AlignedRef(BaseModel):
    """A section of another list aligned with this one."""

    list_id: str
    section: str
    label: str
    relation: str
    score: float


class SectionCoverage(BaseModel):
    """One section: where it is, how full, how recent, and what it lacks."""

    node: str
    label: str
    notation: str | None
    level: int
    parent: str | None
    line: int
    own: int  # works filed directly under it
    total: int  # with its subsections
    empty: bool
    thin: bool
    years: dict[str, int] = Field(default_factory=dict)  # "2024" → works; "unknown" last
    venues: dict[str, int] = Field(default_factory=dict)
    preprint_share: float | None = None
    no_link: list[WorkRef] = Field(default_factory=list)
    no_year: list[WorkRef] = Field(default_factory=list)
    works: list[WorkRef] = Field(default_factory=list)
    aligned: list[AlignedRef] = Field(default_factory=list)


class Defect(BaseModel):
    kind: str
    line: int | None
    message: str


class CrosswalkSummary(BaseModel):
    """How this list's sections align with one other list's."""

    list_id: str
    versions: bool
    mapped_sections: int
    relations: dict[str, int]


class Coverage(BaseModel):
    """Everything `kg coverage` reports for one list."""

    list_id: str
    title: str
    file: str
    works: int
    thin_threshold: int
    sections: list[SectionCoverage]
    years: dict[str, int]
    defects: list[Defect]
    gaps: list[Gap]
    gap_count: int
    crosswalk: list[CrosswalkSummary]

    @property
    def empty(self) -> list[SectionCoverage]:
        return [s for s in self.sections if s.empty]

    @property
    def thin(self) -> list[SectionCoverage]:
        return [s for s in self.sections if s.thin]


def coverage(
    kg: KnowledgeGraph,
    list_id: str,
    thin: int = 3,
    min_lists: int = 1,
    top_gaps: int = 25,
    alignments: list[Alignment] | None = None,
) -> Coverage:
    """The coverage report of one list of the graph."""
    sid = survey_id(list_id)
    if sid not in kg.surveys:
        raise KeyError(list_id)
    source = kg.surveys[sid]
    alignments = alignments if alignments is not None else crosswalk(kg)
    lines = _lines(kg, list_id)
    under = subtree_works(kg)
    aligned = _aligned(kg, alignments, list_id)
    sections = [
        _section(kg, node, under[node], lines, thin, aligned.get(node, []))
        for node, s in sorted(kg.sections.items(), key=lambda x: x[1].order)
        if s.list_id == list_id
    ]
    listed = kg.into(sid, "listedIn")
    found = gaps(kg, list_id, min_lists=min_lists, alignments=alignments)
    return Coverage(
        list_id=list_id,
        title=source.title,
        file=source.file,
        works=len(listed),
        thin_threshold=thin,
        sections=sections,
        years=_years(kg.works[w] for w in listed),
        defects=_defects(kg.issues, list_id),
        gaps=found[:top_gaps],
        gap_count=len(found),
        crosswalk=_crosswalk_summary(kg, alignments, list_id),
    )


def _lines(kg: KnowledgeGraph, list_id: str) -> dict[str, int]:
    """work → the first line of this list that lists it."""
    found: dict[str, int] = {}
    for node, entry in kg.mentions.items():
        if entry.list_id == list_id:
            work = kg.out(node, "mentionOf")[0]
            found[work] = min(found.get(work, entry.line), entry.line)
    return found


def _ref(kg: KnowledgeGraph, work_id: str, lines: dict[str, int]) -> WorkRef:
    w = kg.works[work_id]
    url = w.urls[0] if w.urls else None
    return WorkRef(
        id=w.id, title=w.title, kind=w.kind.value, url=url, year=w.year, line=lines.get(w.id)
    )


def _section(
    kg: KnowledgeGraph,
    node: str,
    under: frozenset[str],
    lines: dict[str, int],
    thin: int,
    aligned: list[AlignedRef],
) -> SectionCoverage:
    s = kg.sections[node]
    own = sorted(kg.works_in(node), key=lambda w: (lines.get(w, 0), w))
    works = [kg.works[w] for w in own]
    venues = Counter(w.venue.venue or "unknown" for w in works)
    dated = [w for w in works if w.venue.status or w.venue.venue]
    preprints = sum(1 for w in dated if w.venue.status == PREPRINT)
    return SectionCoverage(
        node=node,
        label=s.label,
        notation=s.notation,
        level=s.level,
        parent=section_id(s.list_id, s.parent) if s.parent else None,
        line=s.line,
        own=len(own),
        total=len(under),
        empty=not under,
        thin=0 < len(under) < thin,
        years=_years(works),
        venues=dict(venues.most_common(8)),
        preprint_share=round(preprints / len(dated), 3) if dated else None,
        no_link=[_ref(kg, w.id, lines) for w in works if not w.urls],
        no_year=[_ref(kg, w.id, lines) for w in works if not w.year],
        works=[_ref(kg, w, lines) for w in own],
        aligned=aligned,
    )


def _years(works: object) -> dict[str, int]:
    counts = Counter(str(w.year) if w.year else "unknown" for w in works)  # type: ignore[attr-defined]
    return {k: counts[k] for k in sorted(counts, key=lambda y: (y == "unknown", y))}


def _defects(issues: list[DataIssue], list_id: str) -> list[Defect]:
    mine = [i for i in issues if i.list_id == list_id]
    return [
        Defect(kind=i.kind, line=i.line, message=i.message)
        for i in sorted(mine, key=lambda i: (i.line or 0, i.kind, i.id))
    ]


def _aligned(
    kg: KnowledgeGraph, alignments: list[Alignment], list_id: str
) -> dict[str, list[AlignedRef]]:
    found: dict[str, list[AlignedRef]] = defaultdict(list)
    for a in alignments:
        if kg.sections[a.source].list_id != list_id:
            continue
        target = kg.sections[a.target]
        found[a.source].append(
            AlignedRef(
                list_id=target.list_id,
                section=a.target,
                label=target.label,
                relation=a.relation,
                score=round(a.score, 3),
            )
        )
    return found


def _crosswalk_summary(
    kg: KnowledgeGraph, alignments: list[Alignment], list_id: str
) -> list[CrosswalkSummary]:
    by_list: dict[str, list[Alignment]] = defaultdict(list)
    for a in alignments:
        if kg.sections[a.source].list_id == list_id:
            by_list[kg.sections[a.target].list_id].append(a)
    return [
        CrosswalkSummary(
            list_id=other,
            versions=any(a.versions for a in found),
            mapped_sections=len({a.source for a in found}),
            relations=dict(sorted(Counter(a.relation for a in found).items())),
        )
        for other, found in sorted(by_list.items())
    ]
