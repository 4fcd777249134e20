"""Plain-text rendering of reports: aligned tables that read well in a terminal and in CI logs."""

from __future__ import annotations

from collections.abc import Sequence

from kg.ingest import ListSummary


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
