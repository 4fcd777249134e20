"""Plain-text rendering of reports: aligned tables that read well in a terminal and in CI logs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: `table` must not pull in the readers
    from kg.ingest import ListSummary
    from kg.model import DataIssue


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An aligned text table; numbers right-aligned, text left-aligned."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [
        all(_is_number(r[i]) for r in cells[1:]) and len(cells) > 1 for i in range(len(headers))
    ]
    lines = []
    for n, row in enumerate(cells):
        parts = [
            c.rjust(widths[i]) if numeric[i] else c.ljust(widths[i]) for i, c in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _is_number(text: str) -> bool:
    return text.replace(".", "", 1).replace("-", "", 1).isdigit()


def ingest_text(summaries: Sequence[ListSummary]) -> str:
    """The `kg ingest` report: a table of counts, then per list the lines not understood."""
    rows = [
        (
            s.list_id,
            s.lines,
            s.entries,
            s.sections,
            len(s.empty_sections),
            s.placeholders,
            len(s.not_understood),
        )
        for s in summaries
    ]
    head = ("list", "lines", "entries", "sections", "empty", "placeholders", "not understood")
    out = [table(head, rows)]
    for s in summaries:
        details = []
        if s.empty_sections:
            details.append(f"  empty sections: {', '.join(s.empty_sections)}")
        for line, reason in s.not_understood:
            details.append(f"  {s.file}:{line}: not understood ({reason})")
        if details:
            out.append(f"\n{s.list_id} ({s.file})")
            out.extend(details)
    return "\n".join(out)


def audit_text(issues: Sequence[DataIssue], severity: dict[str, str], width: int = 110) -> str:
    """The `kg audit` report: per list, one row per finding, then counts by kind."""
    out: list[str] = []
    by_list: dict[str, list[DataIssue]] = {}
    for issue in issues:
        by_list.setdefault(issue.list_id or "(across lists)", []).append(issue)
    for list_id, found in by_list.items():
        out.append(f"{list_id} ({found[0].file}): {len(found)} findings")
        rows = [
            (i.line or "", severity.get(i.kind, "info"), i.kind, _cut(i.message, width))
            for i in found
        ]
        out.append(table(("line", "severity", "kind", "finding"), rows))
        out.append("")
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.kind] = counts.get(issue.kind, 0) + 1
    out.append(table(("kind", "findings"), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
    return "\n".join(out)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
