"""The crosswalk as heat maps: this list's sections × another list's, one pygal chart per list."""

from __future__ import annotations

from typing import Any

from kg.authoring.coverage import Coverage, CrosswalkSummary, SectionCoverage
from kg.export.html import charts

RELATION_COLOURS = {
    "exactMatch": "#2e7d32",
    "closeMatch": "#1f6fc5",
    "relatedMatch": "#e08a1e",
}
MAX_SIDE = 40  # rows or columns past this are left to `kg crosswalk`


def crosswalk_maps(report: Coverage) -> list[dict[str, Any]]:
    """Per aligned list: its summary, and a heat map of alignment scores coloured by relation."""
    return [
        {"summary": summary, "chart": _map(report, summary), "relations": _relations(summary)}
        for summary in report.crosswalk
    ]


def _relations(summary: CrosswalkSummary) -> str:
    return ", ".join(f"{k}: {n}" for k, n in summary.relations.items())


def _label(s: SectionCoverage) -> str:
    return f"{s.notation} {s.label}" if s.notation and s.notation != s.label else s.label


def _map(report: Coverage, summary: CrosswalkSummary) -> Any:
    rows: list[str] = []
    columns: dict[str, int] = {}
    names: list[str] = []
    cells: dict[tuple[int, int], tuple[float, str]] = {}
    for s in report.sections:
        mine = [a for a in s.aligned if a.list_id == summary.list_id]
        if not mine or len(rows) >= MAX_SIDE:
            continue
        rows.append(_label(s))
        for a in mine:
            if a.section not in columns:
                if len(columns) >= MAX_SIDE:
                    continue
                columns[a.section] = len(columns)
                names.append(a.label)
            cell = (len(rows) - 1, columns[a.section])
            cells[cell] = (a.score, RELATION_COLOURS.get(a.relation, "#888888"))
    if not rows:
        return None
    return charts.matrix(f"crosswalk-{summary.list_id}", rows, names, cells)
