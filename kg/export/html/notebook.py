"""Show a page inside a Jupyter notebook, isolated in a sandboxed iframe."""

from __future__ import annotations

import html

from kg.export.html.page import render_page
from kg.export.html.views import View
from kg.graph import KnowledgeGraph


class NotebookPage:
    """A rendered page that Jupyter displays inline (its `_repr_html_`)."""

    def __init__(self, page: str, height: int = 720) -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        """The page as an iframe's srcdoc, attribute-escaped; scripts run in an opaque origin."""
        source = html.escape(self.page, quote=True)
        return (
            f'<iframe srcdoc="{source}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd"></iframe>'
        )


def notebook(
    kg: KnowledgeGraph, view: View | None = None, renderer: str = "auto", height: int = 720
) -> NotebookPage:
    """Explore a graph in a notebook: `notebook(built.graph)` as a cell's last line shows it.

    Pass a view (e.g. `survey_view(kg, "llms-data-ai-v1")`) to show less than the whole graph.
    """
    return NotebookPage(render_page(kg, view, renderer), height)
