"""The coverage report as Markdown: for the terminal, a file, or a pull-request comment."""

from __future__ import annotations

import re

from kg.authoring.coverage import Coverage, SectionCoverage


def coverage_markdown(report: Coverage, gaps_shown: int = 15) -> str:
    """Tree, empty and thin sections, years, defects, gaps and crosswalk, as Markdown."""
    parts = [
        f"# Coverage of {report.title} (`{report.list_id}`)",
        "",
        f"{report.works} works in {len(report.sections)} sections of `{report.file}`; "
        f"{len(report.empty)} empty, {len(report.thin)} thin (fewer than "
        f"{report.thin_threshold} works); {len(report.defects)} defects; "
        f"{report.gap_count} works other lists have and this one lacks.",
        "",
        "## Taxonomy",
        "",
        "| section | line | own | with subsections | years | preprints |",
        "|---|---:|---:|---:|---|---:|",
        *[_tree_row(s) for s in report.sections],
        "",
        *_flagged("Empty sections", report.empty, report.file),
        *_flagged("Thin sections", report.thin, report.file),
        "## Works per year",
        "",
        " · ".join(f"{year}: {n}" for year, n in report.years.items()) or "none",
        "",
        *_missing(report),
        *_defects(report),
        *_gaps(report, gaps_shown),
        *_crosswalk(report),
    ]
    return "\n".join(parts).rstrip() + "\n"


def _tree_row(s: SectionCoverage) -> str:
    indent = "&nbsp;&nbsp;" * (s.level - 1)
    name = f"{s.notation} {s.label}" if s.notation and s.notation != s.label else s.label
    flag = " **(empty)**" if s.empty else (" *(thin)*" if s.thin else "")
    years = ", ".join(f"{y}: {n}" for y, n in s.years.items())
    share = "" if s.preprint_share is None else f"{s.preprint_share:.0%}"
    return f"| {indent}{_md(name)}{flag} | {s.line} | {s.own} | {s.total} | {years} | {share} |"


def _flagged(title: str, sections: list[SectionCoverage], file: str) -> list[str]:
    if not sections:
        return []
    return [
        f"## {title}",
        "",
        *[f"- `{file}:{s.line}` {_md(s.label)} ({s.total})" for s in sections],
        "",
    ]


def _missing(report: Coverage) -> list[str]:
    rows = [
        f"- `{report.file}:{w.line}` {_md(w.title)}: {what}"
        for s in report.sections
        for what, works in (("no link", s.no_link), ("no year", s.no_year))
        for w in works
    ]
    return ["## Works with no link or no year", "", *rows, ""] if rows else []


def _defects(report: Coverage) -> list[str]:
    if not report.defects:
        return []
    rows = [f"- `{report.file}:{d.line or '-'}` {d.kind}: {_md(d.message)}" for d in report.defects]
    return ["## Defects", "", *rows, ""]


def _gaps(report: Coverage, shown: int) -> list[str]:
    if not report.gaps:
        return []
    rows = []
    for g in report.gaps[:shown]:
        where = f"→ {_md(g.section_label)} (line {g.section_line})" if g.section_label else "→ ?"
        rows += [
            f"- **{_md(g.title)}** ({g.kind.value}, {g.year or 'year unknown'}; "
            f"{len(g.lists)} lists: {', '.join(g.lists)}) {where}",
            f"  {_md(g.reason)}",
            f"  {_code(g.entry)}",
        ]
    more = report.gap_count - min(shown, len(report.gaps))
    tail = ["", f"{more} more: `kg gaps {report.list_id}`."] if more > 0 else []
    return ["## Gaps: what other lists have", "", *rows, *tail, ""]


def _crosswalk(report: Coverage) -> list[str]:
    if not report.crosswalk:
        return []
    rows = ["| other list | versions | sections mapped | relations |", "|---|---|---:|---|"]
    for c in report.crosswalk:
        relations = ", ".join(f"{k}: {n}" for k, n in c.relations.items())
        rows.append(
            f"| {c.list_id} | {'yes' if c.versions else ''} | {c.mapped_sections} | {relations} |"
        )
    detail = f"Details: `kg crosswalk {report.list_id} <other list> --sssom out.sssom.tsv`."
    return ["## Crosswalk", "", *rows, "", detail, ""]


def _code(text: str) -> str:
    """A code span that the backticks inside `text` cannot end."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence, pad = "`" * (longest + 1), " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md(text: str) -> str:
    """List text in a Markdown table or line: no pipes or backticks breaking the layout."""
    return " ".join(str(text).replace("|", "\\|").replace("`", "'").split())
