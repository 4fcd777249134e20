"""What changed between two versions of a list: sections added, removed, renamed, renumbered
or moved, and works added, removed, moved between sections, retitled or relinked.

Sections are matched by their works, label, number and place (`diff_sections.py`); works by our
resolution run over both versions at once, so a retitled or relinked paper stays one work.
"""

from __future__ import annotations

from collections import defaultdict
from enum import StrEnum

from pydantic import BaseModel, Field

from kg.authoring.diff_sections import Pair, align, mention
from kg.model import Entry, ParsedList, Section
from kg.resolve import Resolution, resolve_entries

OLD_ID, NEW_ID = "old", "new"


class SectionChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    RENUMBERED = "renumbered"
    MOVED = "moved"


class WorkChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    RETITLED = "retitled"
    RELINKED = "relinked"


class SectionRef(BaseModel):
    """A section as one version has it."""

    key: str
    label: str
    notation: str | None = None
    level: int
    parent: str | None = None
    line: int
    works: int = 0

    @property
    def name(self) -> str:
        """How a reader finds it in the list: number and heading."""
        return f"{self.notation} {self.label}" if self.notation else self.label


class SectionChange(BaseModel):
    """One section's fate: new, gone, or matched with what changed about it."""

    changes: list[SectionChangeKind]
    old: SectionRef | None = None
    new: SectionRef | None = None
    shared_works: int = 0
    score: float | None = None


class WorkChange(BaseModel):
    """One work's changes; sections are given as section keys of their own version."""

    work: str
    title: str
    changes: list[WorkChangeKind]
    old_sections: list[str] = Field(default_factory=list)
    new_sections: list[str] = Field(default_factory=list)
    left: list[str] = Field(default_factory=list)  # old keys it no longer sits under
    joined: list[str] = Field(default_factory=list)  # new keys it newly sits under
    old_titles: list[str] = Field(default_factory=list)
    new_titles: list[str] = Field(default_factory=list)
    old_links: list[str] = Field(default_factory=list)
    new_links: list[str] = Field(default_factory=list)
    old_lines: list[int] = Field(default_factory=list)
    new_lines: list[int] = Field(default_factory=list)


class VersionSummary(BaseModel):
    """Size of one version."""

    name: str
    title: str
    entries: int
    works: int
    sections: int


class ListDiff(BaseModel):
    """Everything that changed from `old` to `new`."""

    old: VersionSummary
    new: VersionSummary
    sections: list[SectionChange] = Field(default_factory=list)
    works: list[WorkChange] = Field(default_factory=list)
    unchanged_sections: int = 0
    unchanged_works: int = 0
    counts: dict[str, int] = Field(default_factory=dict)
    old_sections: dict[str, SectionRef] = Field(default_factory=dict)
    new_sections: dict[str, SectionRef] = Field(default_factory=dict)

    def section_changes(self, kind: SectionChangeKind) -> list[SectionChange]:
        return [c for c in self.sections if kind in c.changes]

    def work_changes(self, kind: WorkChangeKind) -> list[WorkChange]:
        return [c for c in self.works if kind in c.changes]


def diff_lists(old: ParsedList, new: ParsedList) -> ListDiff:
    """The diff of two parsed versions of one list."""
    old, new = _as(old, OLD_ID), _as(new, NEW_ID)
    resolution = resolve_entries(old.entries + new.entries)
    pairs = align(old, new, resolution.work_of)
    old_refs = _refs(old, resolution)
    new_refs = _refs(new, resolution)
    sections, same_sections = _section_changes(old, new, pairs, old_refs, new_refs)
    works, same_works = _work_changes(old, new, pairs, resolution)
    found = ListDiff(
        old=_summary(old, resolution),
        new=_summary(new, resolution),
        sections=sections,
        works=works,
        unchanged_sections=same_sections,
        unchanged_works=same_works,
        old_sections=old_refs,
        new_sections=new_refs,
    )
    found.counts = _counts(found)
    return found


def _as(parsed: ParsedList, list_id: str) -> ParsedList:
    """The same list with a fixed list id, so that mention ids say which version they are from."""
    entries = [e.model_copy(update={"list_id": list_id}) for e in parsed.entries]
    sections = [s.model_copy(update={"list_id": list_id}) for s in parsed.sections]
    return parsed.model_copy(update={"entries": entries, "sections": sections})


def _works_of(parsed: ParsedList, resolution: Resolution) -> set[str]:
    return {resolution.work_of[mention(e)] for e in parsed.entries}


def _summary(parsed: ParsedList, resolution: Resolution) -> VersionSummary:
    return VersionSummary(
        name=parsed.source.file,
        title=parsed.title,
        entries=len(parsed.entries),
        works=len(_works_of(parsed, resolution)),
        sections=len(parsed.sections),
    )


def _refs(parsed: ParsedList, resolution: Resolution) -> dict[str, SectionRef]:
    direct: dict[str, set[str]] = defaultdict(set)
    for e in parsed.entries:
        for key in e.sections:
            direct[key].add(resolution.work_of[mention(e)])
    return {s.key: _ref(s, len(direct[s.key])) for s in parsed.sections}


def _ref(s: Section, works: int) -> SectionRef:
    return SectionRef(
        key=s.key,
        label=s.label,
        notation=s.notation,
        level=s.level,
        parent=s.parent,
        line=s.line,
        works=works,
    )


def _section_changes(
    old: ParsedList,
    new: ParsedList,
    pairs: list[Pair],
    old_refs: dict[str, SectionRef],
    new_refs: dict[str, SectionRef],
) -> tuple[list[SectionChange], int]:
    to_new = {p.old.key: p.new.key for p in pairs}
    changes: list[SectionChange] = []
    unchanged = 0
    for p in pairs:
        kinds = _what_changed(p, to_new)
        if not kinds:
            unchanged += 1
            continue
        changes.append(
            SectionChange(
                changes=kinds,
                old=old_refs[p.old.key],
                new=new_refs[p.new.key],
                shared_works=p.shared,
                score=round(p.score, 2),
            )
        )
    matched_new = set(to_new.values())
    for s in new.sections:
        if s.key not in matched_new:
            changes.append(SectionChange(changes=[SectionChangeKind.ADDED], new=new_refs[s.key]))
    for s in old.sections:
        if s.key not in to_new:
            changes.append(SectionChange(changes=[SectionChangeKind.REMOVED], old=old_refs[s.key]))
    return sorted(changes, key=_section_order), unchanged


def _section_order(c: SectionChange) -> tuple[int, int]:
    if c.new is not None:
        return 0, c.new.line
    return 1, c.old.line if c.old else 0


def _what_changed(p: Pair, to_new: dict[str, str]) -> list[SectionChangeKind]:
    kinds = []
    if " ".join(p.old.label.split()) != " ".join(p.new.label.split()):
        kinds.append(SectionChangeKind.RENAMED)
    if (p.old.notation or "") != (p.new.notation or ""):
        kinds.append(SectionChangeKind.RENUMBERED)
    parent = to_new.get(p.old.parent) if p.old.parent else None
    if parent != p.new.parent:
        kinds.append(SectionChangeKind.MOVED)
    return kinds


def _by_work(parsed: ParsedList, resolution: Resolution) -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = defaultdict(list)
    for e in parsed.entries:
        found[resolution.work_of[mention(e)]].append(e)
    return found


def _work_changes(
    old: ParsedList, new: ParsedList, pairs: list[Pair], resolution: Resolution
) -> tuple[list[WorkChange], int]:
    to_new = {p.old.key: p.new.key for p in pairs}
    to_old = {v: k for k, v in to_new.items()}
    olds, news = _by_work(old, resolution), _by_work(new, resolution)
    changes: list[WorkChange] = []
    unchanged = 0
    for work in sorted(set(olds) | set(news)):
        change = _work_change(work, olds.get(work, []), news.get(work, []), to_new, to_old)
        if change.changes:
            changes.append(change)
        else:
            unchanged += 1
    return sorted(changes, key=_work_order), unchanged


def _work_order(c: WorkChange) -> tuple[int, int, str]:
    if c.new_lines:
        return 0, c.new_lines[0], c.work
    return 1, c.old_lines[0] if c.old_lines else 0, c.work


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _sections(entries: list[Entry]) -> list[str]:
    return _unique([k for e in entries for k in e.sections])


def _links(entries: list[Entry]) -> list[str]:
    return _unique([x for e in entries for x in (e.url, e.code_url) if x])


def _work_change(
    work: str,
    olds: list[Entry],
    news: list[Entry],
    to_new: dict[str, str],
    to_old: dict[str, str],
) -> WorkChange:
    change = WorkChange(
        work=work,
        title=(news or olds)[0].title,
        changes=[],
        old_sections=_sections(olds),
        new_sections=_sections(news),
        old_titles=_unique([e.title for e in olds]),
        new_titles=_unique([e.title for e in news]),
        old_links=_links(olds),
        new_links=_links(news),
        old_lines=[e.line for e in olds],
        new_lines=[e.line for e in news],
    )
    change.changes = _work_kinds(change, to_new, to_old)
    return change


def _work_kinds(
    c: WorkChange, to_new: dict[str, str], to_old: dict[str, str]
) -> list[WorkChangeKind]:
    if not c.old_lines:
        return [WorkChangeKind.ADDED]
    if not c.new_lines:
        return [WorkChangeKind.REMOVED]
    kinds = []
    c.left = [k for k in c.old_sections if to_new.get(k) not in c.new_sections]
    c.joined = [k for k in c.new_sections if to_old.get(k) not in c.old_sections]
    if c.left or c.joined:
        kinds.append(WorkChangeKind.MOVED)
    if set(c.old_titles) != set(c.new_titles):
        kinds.append(WorkChangeKind.RETITLED)
    if set(c.old_links) != set(c.new_links):
        kinds.append(WorkChangeKind.RELINKED)
    return kinds


def _counts(d: ListDiff) -> dict[str, int]:
    found = {f"sections_{k.value}": len(d.section_changes(k)) for k in SectionChangeKind}
    found |= {f"works_{k.value}": len(d.work_changes(k)) for k in WorkChangeKind}
    return found
