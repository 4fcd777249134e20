"""Charts for the report pages: pygal's SVG, cleaned so it can sit inline under a strict policy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pygal
from markupsafe import Markup
from pygal.style import Style

from kg.export.html.page import PageError

_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)  # pygal's config; CSP blocks it
_COMMENT = re.compile(r"<!--.*?-->", re.S)  # carries the render date: same input, same bytes
_UUID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif'
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
STYLE = Style(
    background="transparent",
    plot_background="#ffffff",
    foreground="#333333",
    foreground_strong="#222222",
    foreground_subtle="#dddddd",
    font_family=FONT,
    label_font_family=FONT,
    major_label_font_family=FONT,
    value_font_family=FONT,
    value_label_font_family=FONT,
    title_font_family=FONT,
    legend_font_family=FONT,
    tooltip_font_family=FONT,
    label_font_size=11,
    major_label_font_size=11,
    legend_font_size=11,
    value_font_size=10,
    title_font_size=13,
    colors=PALETTE,
    guide_stroke_color="#e3e3e3",
    major_guide_stroke_color="#cfcfcf",
    guide_stroke_dasharray="1,0",
    major_guide_stroke_dasharray="1,0",
)
OPTIONS = {
    "js": [],  # pygal links a remote tooltip script by default: the page fetches nothing
    "disable_xml_declaration": True,
    "explicit_size": True,  # the page shrinks a chart to fit, never blows it up
    "style": STYLE,
    "show_y_guides": True,
    "truncate_label": 40,
    "truncate_legend": 30,
}


def chart(kind: type, name: str, **options: object) -> pygal.graph.graph.Graph:
    """A pygal chart of the given class with the page's options."""
    made = kind(**{**OPTIONS, **options})
    made.name = name
    return made


def inline_svg(made: pygal.graph.graph.Graph, name: str) -> Markup:
    """The chart's SVG with no script, no comment, a stable id, and nothing it could fetch."""
    text = made.render(is_unicode=True)
    text = _COMMENT.sub("", _SCRIPT.sub("", text))
    text = _UUID.sub("chart-" + re.sub(r"[^a-z0-9-]", "-", name.lower()), text)
    lowered = text.lower()
    if "<script" in lowered or "href" in lowered or "url(" in lowered or "@import" in lowered:
        raise PageError(f"chart {name!r} would reference something outside the page")
    return Markup(text)  # pygal escaped every label: it writes XML through ElementTree


def bar_height(rows: int, legend: int = 0) -> int:
    """Room for each bar of a horizontal chart, its axis and its legend."""
    return 70 + 22 * max(rows, 1) + 18 * ((legend + 3) // 4)


def years_by_section(name: str, rows: Sequence[tuple[str, dict[str, int]]]) -> Markup:
    """One horizontal stacked bar per section, a segment per year."""
    years = sorted({y for _, counts in rows for y in counts}, key=lambda y: (y == "unknown", y))
    made = chart(
        pygal.HorizontalStackedBar,
        name,
        width=900,
        height=bar_height(len(rows), len(years)),
        legend_at_bottom=True,
        legend_at_bottom_columns=min(len(years), 10) or 1,
        truncate_label=48,
    )
    rows = list(rows)[::-1]  # pygal draws the first label at the bottom
    made.x_labels = [label for label, _ in rows]
    for year in years:
        made.add(year, [counts.get(year) or None for _, counts in rows])
    return inline_svg(made, name)


def years_overall(name: str, years: dict[str, int]) -> Markup:
    """Works per year of the whole list."""
    made = chart(pygal.Bar, name, width=560, height=260, show_legend=False, print_values=True)
    made.x_labels = list(years)
    made.add("works", list(years.values()))
    return inline_svg(made, name)


def ranked_bars(name: str, counts: Iterable[tuple[str, int]], unit: str) -> Markup:
    """A horizontal bar per label, largest on top."""
    rows = list(counts)[::-1]
    made = chart(
        pygal.HorizontalBar,
        name,
        width=560,
        height=bar_height(len(rows)),
        show_legend=False,
        print_values=True,
        truncate_label=36,
    )
    made.x_labels = [label for label, _ in rows]
    made.add(unit, [n for _, n in rows])
    return inline_svg(made, name)


def share_pie(name: str, parts: dict[str, int]) -> Markup:
    """Parts of a whole, as a half pie with the counts in the legend."""
    made = chart(pygal.Pie, name, width=520, height=260, half_pie=True, inner_radius=0.45)
    for label, n in parts.items():
        made.add(f"{label}: {n}", n)
    return inline_svg(made, name)


def matrix(
    name: str,
    rows: Sequence[str],
    columns: Sequence[str],
    cells: dict[tuple[int, int], tuple[float, str]],
) -> Markup:
    """A heat map: a dot per (row, column) cell, sized and coloured by its value (0..1)."""
    room = 7 * min(max((len(r) for r in rows), default=0), 36)
    made = chart(
        pygal.Dot,
        name,
        width=max(520, room + 140 + 56 * len(columns)),
        height=110 + 30 * len(rows) + 6 * min(max((len(c) for c in columns), default=0), 30),
        show_legend=False,
        x_label_rotation=40,
        truncate_label=30,
        print_values=False,
        show_y_guides=False,
        show_x_guides=False,
    )
    made.x_labels = list(columns)
    for r, label in enumerate(rows):
        values = []
        for c in range(len(columns)):
            value, colour = cells.get((r, c), (0.0, ""))
            values.append({"value": round(value, 2), "color": colour} if value else None)
        made.add(label, values)
    return inline_svg(made, name)
