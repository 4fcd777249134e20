"""The lists' defects, with file and line: what `kg audit` reports and the graph records."""

from __future__ import annotations

from collections import defaultdict

from kg.model import DataIssue, Entry, IssueKind, ParsedList, Work
from kg.normalize import title_key
from kg.resolve import Resolution, mention_id
from kg.resolve.titles import is_misspelling
from kg.sources.ingest import empty_sections


def unknown_kinds(kinds: list[str]) -> str | None:
    """What is wrong with `--kind` values no finding can have, else None: a typo would list nothing."""
    known = sorted(IssueKind)
    unknown = [k for k in kinds if k not in known]
    if not unknown:
        return None
    return f"unknown kind {', '.join(map(repr, unknown))}; known kinds: {', '.join(known)}"


def audit(parsed: list[ParsedList], resolution: Resolution) -> list[DataIssue]:
    """Every defect found while reading and resolving, sorted by file, line and kind."""
    entries = {mention_id(e): e for p in parsed for e in p.entries}
    issues = [*_reader_issues(parsed), *_empty(parsed), *resolution.issues]
    for work in resolution.works:
        issues.extend(_duplicates(work, entries))
        issues.extend(_variants(work, entries))
    return sorted(issues, key=lambda i: (i.file or "", i.line or 0, i.kind, i.id))


def _reader_issues(parsed: list[ParsedList]) -> list[DataIssue]:
    out = []
    for p in parsed:
        for n, issue in enumerate(p.issues):
            line = f"L{issue.line}" if issue.line else f"n{n}"
            mention = f"{p.source.id}:{issue.line}"
            is_entry = any(e.line == issue.line for e in p.entries)
            out.append(
                DataIssue(
                    id=f"{issue.kind}/{p.source.id}/{line}",
                    kind=issue.kind,
                    list_id=p.source.id,
                    file=issue.file,
                    line=issue.line,
                    message=issue.message,
                    mentions=[mention] if is_entry else [],
                )
            )
    return _unique(out)


def _unique(issues: list[DataIssue]) -> list[DataIssue]:
    """One issue per id (a line may carry two of a kind, e.g. two unsafe links): messages joined."""
    merged: dict[str, DataIssue] = {}
    for issue in issues:
        if issue.id in merged:
            first = merged[issue.id]
            merged[issue.id] = first.model_copy(
                update={"message": f"{first.message}; {issue.message}"}
            )
        else:
            merged[issue.id] = issue
    return list(merged.values())


def _empty(parsed: list[ParsedList]) -> list[DataIssue]:
    out = []
    for p in parsed:
        by_key = {s.key: s for s in p.sections}
        for key in empty_sections(p):
            section = by_key[key]
            out.append(
                DataIssue(
                    id=f"{IssueKind.EMPTY_SECTION}/{p.source.id}/{key}",
                    kind=IssueKind.EMPTY_SECTION,
                    list_id=p.source.id,
                    file=p.source.file,
                    line=section.line,
                    message=f"section {section.notation or ''} {section.label!r} has no entries".replace(
                        "  ", " "
                    ),
                    sections=[key],
                )
            )
    return out


def _duplicates(work: Work, entries: dict[str, Entry]) -> list[DataIssue]:
    """A work listed twice in one list: an error in one section, perhaps intended across two."""
    by_list: dict[str, list[Entry]] = defaultdict(list)
    for m in work.mentions:
        by_list[entries[m].list_id].append(entries[m])
    out = []
    for list_id, group in sorted(by_list.items()):
        if len(group) < 2:
            continue
        group.sort(key=lambda e: e.line)
        same_section = len({tuple(e.sections) for e in group}) < len(group)
        kind = (
            IssueKind.DUPLICATE_IN_SECTION if same_section else IssueKind.DUPLICATE_ACROSS_SECTIONS
        )
        where = ", ".join(f"line {e.line} ({', '.join(e.sections)})" for e in group)
        note = (
            "the same work is listed twice in one section"
            if same_section
            else "listed under several sections, which may be intended"
        )
        out.append(
            DataIssue(
                id=f"{kind}/{list_id}/{work.id}",
                kind=kind,
                list_id=list_id,
                file=group[0].file,
                line=group[0].line,
                message=f"{work.title!r}: {note}: {where}",
                mentions=[mention_id(e) for e in group],
                works=[work.id],
                sections=sorted({s for e in group for s in e.sections}),
                intended=None if same_section else True,
            )
        )
    return out


def _variants(work: Work, entries: dict[str, Entry]) -> list[DataIssue]:
    """Title variants of one work: a near-identical one is a likely typo, others are renames."""
    mentions = [entries[m] for m in work.mentions]
    canonical = title_key(work.title)
    out = []
    seen: set[str] = set()
    for entry in sorted(mentions, key=lambda e: (e.file, e.line)):
        key = title_key(entry.title)
        if key == canonical or key in seen:
            continue
        seen.add(key)
        close = is_misspelling(key, canonical)
        kind = IssueKind.POSSIBLE_TYPO if close else IssueKind.TITLE_VARIANT
        text = (
            f"{entry.title!r} looks like a typo of {work.title!r}"
            if close
            else f"{entry.title!r} is another title of {work.title!r}"
        )
        others = sorted({e.list_id for e in mentions if title_key(e.title) == canonical})
        out.append(
            DataIssue(
                id=f"{kind}/{entry.list_id}/L{entry.line}",
                kind=kind,
                list_id=entry.list_id,
                file=entry.file,
                line=entry.line,
                message=f"{text} (as written in {', '.join(others) or 'other entries'})",
                mentions=[mention_id(entry)],
                works=[work.id],
            )
        )
    return out
