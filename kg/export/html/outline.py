"""The taxonomy outline as a page of its own (`kg explore --view taxonomy`)."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from kg.authoring.crosswalk import Alignment
from kg.export.html.page import ASSETS, asset, inline_page, write_text
from kg.export.html.payload import script_json
from kg.export.html.taxonomy import Json, taxonomy_data
from kg.graph import KnowledgeGraph


def report_assets() -> tuple[list[str], list[str]]:
    """The scripts and styles every report page inlines: the outline and the report layout."""
    return [asset(ASSETS / "taxonomy.js")], [
        asset(ASSETS / "taxonomy.css"),
        asset(ASSETS / "report.css"),
    ]


def outline_page(data: Json, title: str, lede: str) -> str:
    """A page with nothing but the outline of the given taxonomy data."""
    scripts, styles = report_assets()
    return inline_page(
        "taxonomy.html.j2",
        scripts,
        styles,
        title=title,
        lede=lede,
        taxonomy=Markup(script_json(data)),
    )


def taxonomy_page(
    kg: KnowledgeGraph, list_ids: list[str] | None = None, alignments: list[Alignment] | None = None
) -> str:
    """The outline of some lists (default: all), with the other lists' aligned sections."""
    data = taxonomy_data(kg, list_ids, alignments)
    shown = [data["lists"][i] for i in data["roots"]]
    title = shown[0]["title"] + ": taxonomy" if len(shown) == 1 else "Taxonomies of the lists"
    sections = len(data["sections"]["id"])
    lede = f"{sections} sections, {len(data['works']['id'])} works filed in them; " + ", ".join(
        f"{row['id']} ({row['file']})" for row in shown
    )
    return outline_page(data, title, lede)


def write_taxonomy(kg: KnowledgeGraph, target: Path, list_ids: list[str] | None = None) -> Path:
    """Write the outline page atomically."""
    return write_text(target, taxonomy_page(kg, list_ids))
