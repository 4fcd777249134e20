"""`kg explore`: build the graph from the lists and write one view of it as an HTML page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.export.html import build_view, write_page
from kg.export.html.outline import taxonomy_page
from kg.export.html.page import choose_renderer, write_text
from kg.export.html.views import find_survey
from kg.model import SurveyList
from kg.pipeline import Built, build_graph_from_lists
from kg.sources.ingest import NothingUsable
from kg.util.outpath import OutputError, writable_file


@dataclass(frozen=True)
class Explored:
    """What `kg explore` wrote, for the command line."""

    path: Path
    title: str
    nodes: int
    edges: int
    renderer: str
    problems: tuple[str, ...] = ()  # lists that could not be read or gave nothing


def explore(
    lists: list[SurveyList],
    root: Path,
    out: Path,
    view: str = "whole",
    survey: str | None = None,
    node: str | None = None,
    depth: int = 1,
    renderer: str = "auto",
) -> Explored:
    """Build the graph from the lists, then write the chosen view (see explore_graph)."""
    writable_file(out)
    built = build_graph_from_lists(lists, root)
    if not built.ingested.usable:
        raise NothingUsable(built.ingested)
    return explore_graph(built, out, view, survey, node, depth, renderer)


def explore_graph(
    built: Built,
    out: Path,
    view: str = "whole",
    survey: str | None = None,
    node: str | None = None,
    depth: int = 1,
    renderer: str = "auto",
) -> Explored:
    """Write the chosen view of a built graph; UnknownNode or PageError explain a bad name or
    option, OutputError an unwritable `out` (checked first)."""
    writable_file(out)
    graph = built.graph
    if view == "taxonomy":
        return _explore_taxonomy(built, out, survey)
    chosen = build_view(graph, view, survey, node, depth)
    used = choose_renderer(len(chosen.nodes), renderer)
    try:
        write_page(graph, out, chosen, used)
    except OSError as err:
        raise OutputError(f"{out}: cannot be written ({err.strerror or err})") from None
    problems = tuple(built.ingested.problems)
    return Explored(out, chosen.title, len(chosen.nodes), len(chosen.edges), used, problems)


def _explore_taxonomy(built: Built, out: Path, survey: str | None) -> Explored:
    """The outline of one list (or of all): sections and works are its nodes, filings its edges."""
    graph = built.graph
    lists = [graph.surveys[find_survey(graph, survey)].id] if survey is not None else None
    text = taxonomy_page(graph, lists, built.alignments)
    try:
        write_text(out, text)
    except OSError as err:
        raise OutputError(f"{out}: cannot be written ({err.strerror or err})") from None
    shown = {lists[0]} if lists else {s.id for s in graph.surveys.values()}
    sections = [n for n, s in graph.sections.items() if s.list_id in shown]
    filed = [(n, w) for n in sections for w in graph.works_in(n)]
    title = ", ".join(sorted(shown)) + ": taxonomy"
    nodes = len(sections) + len({w for _, w in filed})
    return Explored(out, title, nodes, len(filed), "outline", tuple(built.ingested.problems))
