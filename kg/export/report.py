"""The `kg ingest` and `kg audit` reports as plain text, for a terminal and for CI logs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.util.table import table

if TYPE_CHECKING:  # for annotations only: rendering must not pull in the readers
    from kg.model import DataIssue
    from kg.sources.ingest import ListSummary


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


def audit_text(issues: Sequence[DataIssue], width: int = 110) -> str:
    """The `kg audit` report: per list, one row per finding, then counts by kind."""
    out: list[str] = []
    by_list: dict[str, list[DataIssue]] = {}
    for issue in issues:
        by_list.setdefault(issue.list_id or "(across lists)", []).append(issue)
    for list_id, found in by_list.items():
        out.append(f"{list_id} ({found[0].file}): {len(found)} findings")
        rows = [
            (i.line or "", i.kind.severity, i.kind, _cut(i.message, width))
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
