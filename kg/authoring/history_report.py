"""A list's history as Markdown and as an SVG chart of its size per version."""

from __future__ import annotations

from pathlib import Path

from kg.authoring.history import ListHistory, VersionRow


def history_markdown(h: ListHistory) -> str:
    """A table of versions, then what each version changed in the sections."""
    lines = [
        f"# History of {h.file}",
        "",
        "| # | commit | date | entries | works | sections | born | renamed | retired |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for i, v in enumerate(h.versions, 1):
        lines.append(
            f"| {i} | {v.commit[:7]} | {v.date} | {v.entries} | {v.works} | {v.sections} "
            f"| {len(v.born)} | {len(v.renamed)} | {len(v.retired)} |"
        )
    for i, v in enumerate(h.versions, 1):
        lines += _version(i, v)
    return "\n".join(lines).rstrip() + "\n"


def _version(i: int, v: VersionRow) -> list[str]:
    out = ["", f"## {i}. {v.commit[:7]} {v.date}: {v.subject}", ""]
    if i > 1:
        out.append(f"Works: {v.works_added} added, {v.works_removed} removed.")
    out += [f"- born: {s}" for s in v.born]
    out += [f"- renamed: {r.old} → {r.new}" for r in v.renamed]
    out += [f"- retired: {s}" for s in v.retired]
    return out


def history_chart(h: ListHistory, path: Path) -> None:
    """Entries, works and sections per version, as an SVG line chart."""
    import pygal

    chart = pygal.Line(title=f"Size of {Path(h.file).name} per version", x_label_rotation=30)
    chart.x_labels = [f"{v.commit[:7]} {v.date}" for v in h.versions]
    chart.add("entries", [v.entries for v in h.versions])
    chart.add("works", [v.works for v in h.versions])
    chart.add("sections", [v.sections for v in h.versions])
    path.write_bytes(chart.render())
