"""How one line of a list was read: its kind, section, and for an entry every field, with why."""

from __future__ import annotations

from pathlib import Path

from kg.model import Entry, LineRecord, ParsedList, SurveyList
from kg.sources.base import ListReadError, read_list


def parse_location(text: str) -> tuple[Path, int]:
    """ "lists/a.md:12" → (path, 12); a clear error for anything else."""
    path, sep, line = text.rpartition(":")
    if not sep or not path or not line.isdigit() or int(line) < 1:
        raise ListReadError(f"{text!r}: expected FILE:LINE, for example my-list.md:12")
    return Path(path), int(line)


def explain_line(path: Path, line: int) -> dict[str, object]:
    """What the reader made of `line` of the list at `path` (1-based)."""
    parsed = read_list(SurveyList(id=path.stem, title=path.stem, file=str(path)), Path.cwd())
    if line > parsed.line_count:
        raise ListReadError(f"{path}: has {parsed.line_count} lines, not {line}")
    record = parsed.lines[line - 1]
    entry = _entry_at(parsed, line, record)
    result: dict[str, object] = {
        "file": str(path),
        "line": line,
        "text": _line_text(path, line),
        "kind": record.kind.value,
        "why": record.reason or _default_reason(record),
    }
    if entry is not None:
        result |= _entry_fields(parsed, entry)
    issues = [i.message for i in parsed.issues if (entry and i.line == entry.line) or i.line == line]
    if issues:
        result["issues"] = issues
    return result


def _entry_at(parsed: ParsedList, line: int, record: LineRecord) -> Entry | None:
    """The entry of this line, or of the entry a continuation line belongs to."""
    by_line = {e.line: e for e in parsed.entries}
    if line in by_line:
        return by_line[line]
    reason = record.reason or ""
    if reason.startswith("continuation of the entry at line "):
        return by_line.get(int(reason.rsplit(" ", 1)[1]))
    return None


def _entry_fields(parsed: ParsedList, entry: Entry) -> dict[str, object]:
    labels = {s.key: s.label for s in parsed.sections}
    return {
        "entry_line": entry.line,
        "section": [labels.get(k, k) for k in entry.sections],
        "title": entry.title,
        "work_kind": entry.kind.value,
        "authors": entry.authors,
        "venue": entry.venue.venue,
        "year": entry.venue.year,
        "links": [{"role": r.role.value, "url": r.url, "label": r.label} for r in entry.resources],
        "identifiers": [str(i) for i in entry.identifiers],
        "summary": entry.summary,
    }


def _line_text(path: Path, line: int) -> str:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()[line - 1]


def _default_reason(record: LineRecord) -> str:
    return {
        "blank": "an empty line",
        "heading": "a heading: a section of the list",
        "entry": "an entry: one work",
    }.get(record.kind.value, record.kind.value)


def explain_text(result: dict[str, object]) -> str:
    """The explanation as aligned `field: value` lines."""
    lines = []
    for key, value in result.items():
        if key == "links" and isinstance(value, list):
            lines.append("links:")
            lines += [
                f"  {v['role']:<8} {v['url']}" + (f"  [{v['label']}]" if v["label"] else "")
                for v in value
            ]
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        lines.append(f"{key}: {'' if shown is None else shown}")
    return "\n".join(lines)
