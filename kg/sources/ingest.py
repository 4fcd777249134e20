"""Reads lists and accounts for every line: the data behind `kg ingest`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from kg.model import LineKind, ParsedList, SurveyList
from kg.sources import ListReadError, read_list


class ListSummary(BaseModel):
    """Per-list figures a survey author checks first."""

    list_id: str
    file: str
    title: str
    lines: int
    entries: int
    sections: int
    empty_sections: list[str]
    placeholders: int
    line_kinds: dict[str, int]
    not_understood: list[tuple[int, str]]
    issues: dict[str, int]


class IngestResult(BaseModel):
    """What was read, and what could not be read at all (with the reason)."""

    parsed: list[ParsedList] = Field(default_factory=list)
    failures: list[str] = Field(default_factory=list)

    @property
    def usable(self) -> bool:
        return any(p.entries or p.sections for p in self.parsed)

    @property
    def problems(self) -> list[str]:
        """One line per file that gave nothing: unreadable, or read without an entry or section."""
        empty = [
            f"{p.source.file}: no entries or sections were found in it"
            for p in self.parsed
            if not (p.entries or p.sections)
        ]
        return [*self.failures, *empty]


class NothingUsable(Exception):
    """No list given could be used; `problems` names each file and the reason."""

    def __init__(self, ingested: IngestResult) -> None:
        super().__init__("nothing usable was read")
        self.problems = ingested.problems


def ingest(lists: list[SurveyList], root: Path) -> IngestResult:
    """Read every list; a list that cannot be read is reported, never silently skipped."""
    result = IngestResult()
    for source in lists:
        try:
            result.parsed.append(read_list(source, root))
        except ListReadError as err:
            result.failures.append(str(err))
    return result


def empty_sections(parsed: ParsedList) -> list[str]:
    """Sections with no entry in them or in any sub-section."""
    filled: set[str] = set()
    parents = {s.key: s.parent for s in parsed.sections}
    for entry in parsed.entries:
        for key in entry.sections:
            node: str | None = key
            while node is not None and node not in filled:
                filled.add(node)
                node = parents.get(node)
    return [s.key for s in parsed.sections if s.key not in filled]


def summarize(parsed: ParsedList) -> ListSummary:
    kinds = Counter(r.kind.value for r in parsed.lines)
    return ListSummary(
        list_id=parsed.source.id,
        file=parsed.source.file,
        title=parsed.title,
        lines=parsed.line_count,
        entries=len(parsed.entries),
        sections=len(parsed.sections),
        empty_sections=empty_sections(parsed),
        placeholders=kinds.get(LineKind.PLACEHOLDER.value, 0),
        line_kinds=dict(sorted(kinds.items())),
        not_understood=[
            (r.line, r.reason or "") for r in parsed.lines if r.kind == LineKind.NOT_UNDERSTOOD
        ],
        issues=dict(sorted(Counter(i.kind for i in parsed.issues).items())),
    )


def write_jsonl(parsed: list[ParsedList], path: Path) -> int:
    """Entries as JSON Lines, one per entry, with file and line; returns how many were written."""
    count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for lst in parsed:
            for entry in lst.entries:
                out.write(json.dumps(entry.model_dump(mode="json"), ensure_ascii=False) + "\n")
                count += 1
    return count
