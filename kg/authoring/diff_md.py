"""The diff of two list versions as Markdown a survey author reads top to bottom."""

from __future__ import annotations

from kg.authoring.diff import (
    ListDiff,
    SectionChange,
    SectionChangeKind,
    SectionRef,
    WorkChange,
    WorkChangeKind,
)

S, W = SectionChangeKind, WorkChangeKind


def diff_markdown(d: ListDiff) -> str:
    """The whole report."""
    parts = [_head(d), _sections(d), _works(d)]
    return "\n".join(p for p in parts if p).rstrip() + "\n"


def _head(d: ListDiff) -> str:
    rows = [
        f"# Changes from {d.old.name} to {d.new.name}",
        "",
        "| | old | new |",
        "|---|---:|---:|",
        f"| entries | {d.old.entries} | {d.new.entries} |",
        f"| works | {d.old.works} | {d.new.works} |",
        f"| sections | {d.old.sections} | {d.new.sections} |",
        "",
        f"Sections: {_tally(d, 'sections', S)}; {d.unchanged_sections} unchanged.",
        f"Works: {_tally(d, 'works', W)}; {d.unchanged_works} unchanged.",
        "",
    ]
    return "\n".join(rows)


def _tally(d: ListDiff, what: str, kinds: type[S] | type[W]) -> str:
    return ", ".join(f"{d.counts.get(f'{what}_{k.value}', 0)} {k.value}" for k in kinds)


def _name(ref: SectionRef | None) -> str:
    return f"{ref.name} (line {ref.line})" if ref else "?"


def _section_line(c: SectionChange, names: dict[str, SectionRef]) -> str:
    if S.ADDED in c.changes:
        return f"- {_name(c.new)}{_under(c.new, names)}, {_works_n(c.new)}"
    if S.REMOVED in c.changes:
        return f"- {_name(c.old)}{_under(c.old, names)}, {_works_n(c.old)}"
    what = ", ".join(k.value for k in c.changes)
    return f"- {_name(c.old)} → {_name(c.new)}: {what} ({c.shared_works} works shared)"


def _under(ref: SectionRef | None, names: dict[str, SectionRef]) -> str:
    if ref is None or ref.parent is None or ref.parent not in names:
        return ""
    return f" under {names[ref.parent].name}"


def _works_n(ref: SectionRef | None) -> str:
    n = ref.works if ref else 0
    return f"{n} work{'s' if n != 1 else ''} listed directly"


def _sections(d: ListDiff) -> str:
    blocks = []
    groups = [
        ("Sections added", [c for c in d.sections if S.ADDED in c.changes], d.new_sections),
        ("Sections removed", [c for c in d.sections if S.REMOVED in c.changes], d.old_sections),
        ("Sections changed", [c for c in d.sections if _matched(c)], d.new_sections),
    ]
    for title, changes, names in groups:
        if changes:
            lines = [_section_line(c, names) for c in changes]
            blocks.append(f"## {title} ({len(changes)})\n\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)


def _matched(c: SectionChange) -> bool:
    return c.old is not None and c.new is not None


def _where(keys: list[str], names: dict[str, SectionRef]) -> str:
    return ", ".join(names[k].name if k in names else k for k in keys) or "no section"


def _work_line(c: WorkChange, d: ListDiff) -> str:
    if W.ADDED in c.changes:
        return f"- {c.title} (line {c.new_lines[0]}, in {_where(c.new_sections, d.new_sections)})"
    if W.REMOVED in c.changes:
        return (
            f"- {c.title} (line {c.old_lines[0]}, was in {_where(c.old_sections, d.old_sections)})"
        )
    return f"- {c.title} (line {c.old_lines[0]} → {c.new_lines[0]}): " + "; ".join(_details(c, d))


def _details(c: WorkChange, d: ListDiff) -> list[str]:
    found = []
    if W.MOVED in c.changes:
        found.append(_moved(c, d))
    if W.RETITLED in c.changes:
        case = " (case only)" if _case_only(c) else ""
        found.append(f"retitled{case} from {_quoted(c.old_titles)} to {_quoted(c.new_titles)}")
    if W.RELINKED in c.changes:
        found.append(f"relinked from {_plain(c.old_links)} to {_plain(c.new_links)}")
    return found


def _moved(c: WorkChange, d: ListDiff) -> str:
    """Where a work went: moved, also listed elsewhere now, or taken out of a section."""
    left, joined = _where(c.left, d.old_sections), _where(c.joined, d.new_sections)
    if c.left and c.joined:
        return f"moved from {left} to {joined}"
    if c.joined:
        return f"now also in {joined}"
    return f"no longer in {left}"


def _case_only(c: WorkChange) -> bool:
    return {t.lower() for t in c.old_titles} == {t.lower() for t in c.new_titles}


def _quoted(values: list[str]) -> str:
    return ", ".join(f"“{v}”" for v in values) or "none"


def _plain(values: list[str]) -> str:
    return ", ".join(f"<{v}>" for v in values) or "none"


def _works(d: ListDiff) -> str:
    groups = [
        ("Works added", [c for c in d.works if W.ADDED in c.changes]),
        ("Works removed", [c for c in d.works if W.REMOVED in c.changes]),
        ("Works changed", [c for c in d.works if not {W.ADDED, W.REMOVED} & set(c.changes)]),
    ]
    blocks = []
    for title, changes in groups:
        if changes:
            lines = [_work_line(c, d) for c in changes]
            blocks.append(f"## {title} ({len(changes)})\n\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)
