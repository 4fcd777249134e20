"""How each node and edge kind looks, in one table shared by both renderers and the legend."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kg.model import Predicate


@dataclass(frozen=True)
class NodeStyle:
    """A node kind's legend label, colour, shape (vis-network names), size and default visibility."""

    kind: str
    label: str
    color: str
    shape: str
    size: float
    hidden: bool = False


@dataclass(frozen=True)
class EdgeStyle:
    """An edge kind's hover label, colour, dashing and default visibility."""

    kind: str
    label: str
    color: str
    dashes: bool = False
    width: float = 1.0
    hidden: bool = False


NODE_STYLES: tuple[NodeStyle, ...] = (
    NodeStyle("survey", "Survey (list)", "#d62728", "star", 30),
    NodeStyle("section", "Section", "#ff7f0e", "triangle", 13),
    NodeStyle("paper", "Paper", "#1f77b4", "dot", 8),
    NodeStyle("blog", "Blog post", "#17becf", "square", 8),
    NodeStyle("software", "Software", "#8c564b", "square", 8),
    NodeStyle("dataset", "Dataset", "#2ca02c", "diamond", 10),
    NodeStyle("model", "Model", "#9467bd", "hexagon", 10),
    NodeStyle("video", "Video", "#e45756", "square", 8),
    NodeStyle("course", "Course", "#72b7b2", "square", 8),
    NodeStyle("book", "Book", "#b279a2", "square", 8),
    NodeStyle("profile", "Person page", "#9d755d", "dot", 8),
    NodeStyle("method", "Method", "#e377c2", "triangleDown", 10),
    NodeStyle("benchmark", "Benchmark", "#bcbd22", "diamond", 10),
    NodeStyle("person", "Author", "#8f8f8f", "dot", 5, hidden=True),
    NodeStyle("venue", "Venue", "#525252", "hexagon", 12, hidden=True),
)

EDGE_STYLES: tuple[EdgeStyle, ...] = (
    EdgeStyle("categorizedAs", "in section", "#f2b37c"),
    EdgeStyle("broader", "subsection of", "#ff7f0e", width=2.0),
    EdgeStyle("inScheme", "section of list", "#ffd1a6", dashes=True),
    EdgeStyle("listedIn", "listed in", "#f0a8a8", dashes=True, hidden=True),
    EdgeStyle(Predicate.INTRODUCES, "introduces", "#9467bd", width=1.5),
    EdgeStyle(Predicate.EXTENDS, "extends", "#d62728", width=2.5),
    EdgeStyle(Predicate.EVALUATED_ON, "evaluated on", "#2ca02c", dashes=True, width=1.5),
    EdgeStyle("exactMatch", "same section as", "#1f77b4", dashes=True, width=2.0, hidden=True),
    EdgeStyle("closeMatch", "close to section", "#6baed6", dashes=True, width=1.5, hidden=True),
    EdgeStyle("relatedMatch", "related section", "#c6dbef", dashes=True, hidden=True),
    EdgeStyle("creator", "author of", "#c7c7c7"),
    EdgeStyle("venue", "published at", "#9e9e9e", dashes=True),
)

NODE_KINDS = {s.kind: s for s in NODE_STYLES}
EDGE_KINDS = {s.kind: s for s in EDGE_STYLES}
STRUCTURE = frozenset({"survey", "section"})
WORKS = frozenset({"paper", "blog", "software", "dataset", "model", "video", "course", "book",
                   "profile"})


def legend() -> dict[str, list[dict[str, object]]]:
    """The style tables as JSON-ready rows, in legend order."""
    return {
        "kinds": [asdict(s) for s in NODE_STYLES],
        "edgeKinds": [asdict(s) for s in EDGE_STYLES],
    }
