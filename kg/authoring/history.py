"""How a list grew over its git history: size per version, and the sections born, renamed and
retired at each, from the diff of each version with the one before (`diff.py`).

Git is read through a subprocess (`git log --follow`, `git show`), for the reasons given in
`diff_read.py`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from kg.authoring.diff import ListDiff, SectionChangeKind, diff_lists
from kg.authoring.diff_read import (
    VersionError,
    git,
    parse_text,
    relative_path,
    repository_of,
)
from kg.model import ParsedList
from kg.resolve import resolve_entries

_RECORD, _FIELD = "\x1e", "\x1f"


class Commit(BaseModel):
    """One commit that changed the file, and the file's path in it (renames followed)."""

    commit: str
    date: str
    subject: str
    path: str


class Rename(BaseModel):
    """A section whose heading changed."""

    old: str
    new: str


class VersionRow(BaseModel):
    """One version of the list: its size and what changed since the version before."""

    commit: str
    date: str
    subject: str
    path: str
    entries: int
    works: int
    sections: int
    born: list[str] = Field(default_factory=list)
    renamed: list[Rename] = Field(default_factory=list)
    retired: list[str] = Field(default_factory=list)
    works_added: int = 0
    works_removed: int = 0


class ListHistory(BaseModel):
    """Every version of one list file, oldest first."""

    file: str
    versions: list[VersionRow] = Field(default_factory=list)


def commits(path: Path) -> list[Commit]:
    """The commits that changed `path`, oldest first, following renames."""
    top = repository_of(path)
    fmt = f"--format={_RECORD}%H{_FIELD}%ad{_FIELD}%s"
    done = git(top, "log", "--follow", "--date=short", "--name-only", fmt, "--", _rel(path))
    if done.returncode:
        raise VersionError(f"{path}: git log failed: {_first_line(done.stderr)}")
    found = [c for r in done.stdout.decode().split(_RECORD) if (c := _commit(r))]
    if not found:
        raise VersionError(f"{path}: no committed version in the git history")
    return found[::-1]


def _rel(path: Path) -> str:
    return relative_path(path)


def _first_line(data: bytes) -> str:
    lines = data.decode(errors="replace").strip().splitlines()
    return lines[0] if lines else "no message"


def _commit(record: str) -> Commit | None:
    lines = [x for x in record.strip().splitlines() if x.strip()]
    if len(lines) < 2:
        return None
    commit, date, subject = lines[0].split(_FIELD, 2)
    return Commit(commit=commit, date=date, subject=subject, path=lines[-1].strip())


def _text_at(top: Path, c: Commit) -> str:
    done = git(top, "show", f"{c.commit}:{c.path}")
    if done.returncode:
        raise VersionError(f"{c.path}@{c.commit[:7]}: cannot be read: {_first_line(done.stderr)}")
    return done.stdout.decode("utf-8-sig", errors="replace")


def list_history(path: Path) -> ListHistory:
    """Parse every version of `path` and diff each with the one before."""
    if not path.exists():
        raise VersionError(f"{path}: no such file")
    top = repository_of(path)
    rows: list[VersionRow] = []
    before: ParsedList | None = None
    for c in commits(path):
        parsed = parse_text(_text_at(top, c), "new", f"{c.path}@{c.commit[:7]}")
        rows.append(_row(c, parsed, before))
        before = parsed
    return ListHistory(file=str(path), versions=rows)


def _row(c: Commit, parsed: ParsedList, before: ParsedList | None) -> VersionRow:
    if before is None:
        works = len(resolve_entries(parsed.entries).works)
        row = _size(c, len(parsed.entries), works, len(parsed.sections))
        row.born = [_label(s.notation, s.label) for s in parsed.sections]
        return row
    d = diff_lists(before, parsed)
    row = _size(c, d.new.entries, d.new.works, d.new.sections)
    _changes(row, d)
    return row


def _size(c: Commit, entries: int, works: int, sections: int) -> VersionRow:
    return VersionRow(
        commit=c.commit,
        date=c.date,
        subject=c.subject,
        path=c.path,
        entries=entries,
        works=works,
        sections=sections,
    )


def _label(notation: str | None, label: str) -> str:
    return f"{notation} {label}" if notation else label


def _changes(row: VersionRow, d: ListDiff) -> None:
    for c in d.sections:
        if SectionChangeKind.ADDED in c.changes and c.new:
            row.born.append(c.new.name)
        elif SectionChangeKind.REMOVED in c.changes and c.old:
            row.retired.append(c.old.name)
        elif SectionChangeKind.RENAMED in c.changes and c.old and c.new:
            row.renamed.append(Rename(old=c.old.name, new=c.new.name))
    row.works_added = d.counts.get("works_added", 0)
    row.works_removed = d.counts.get("works_removed", 0)
