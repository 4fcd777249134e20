"""The interactive HTML explorer: one self-contained page per view of the knowledge graph."""

from kg.export.html.lookup import UnknownNode, find_node
from kg.export.html.notebook import NotebookPage, notebook
from kg.export.html.page import PageError, render_page, write_html, write_page
from kg.export.html.views import (
    VIEWS,
    View,
    build_view,
    lineage_view,
    neighbourhood_view,
    survey_view,
    whole_view,
)

__all__ = [
    "VIEWS",
    "NotebookPage",
    "PageError",
    "UnknownNode",
    "View",
    "build_view",
    "find_node",
    "lineage_view",
    "neighbourhood_view",
    "notebook",
    "render_page",
    "survey_view",
    "whole_view",
    "write_html",
    "write_page",
]
