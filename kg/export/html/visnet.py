"""The vis-network data for standard-size views, assembled with pyvis."""

from __future__ import annotations

import json
from typing import Any

from pyvis.network import Network

from kg.export.html.style import EDGE_STYLES, NODE_STYLES

PHYSICS_LIMIT = 150  # small views settle with physics from the Python layout; larger ones stay put
LABEL_CHARS = 48


class _Network(Network):  # type: ignore[misc]
    """pyvis checks each edge's ends against a list of node ids; a dict keeps that linear."""

    def get_nodes(self) -> dict[Any, Any]:
        return self.node_map  # type: ignore[no-any-return]


def short_label(label: str) -> str:
    """Canvas labels stay short; the full title is in the tooltip and the panel."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def vis_data(data: dict[str, Any]) -> dict[str, Any]:
    """Nodes, edges and options for vis-network, from the page's columns."""
    cols = data["nodes"]
    net = _Network(directed=True)
    for i, label in enumerate(cols["label"]):
        style = NODE_STYLES[cols["kind"][i]]
        net.add_node(
            i,
            label=short_label(label) or " ",
            shape=style.shape,
            color=style.color,
            size=style.size,
            x=cols["x"][i],
            y=cols["y"][i],
            hidden=style.hidden,
        )
    for i, (source, target, kind) in enumerate(data["edges"]):
        style = EDGE_STYLES[kind]
        hidden = style.hidden or NODE_STYLES[cols["kind"][source]].hidden
        hidden = hidden or NODE_STYLES[cols["kind"][target]].hidden
        net.add_edge(
            source,
            target,
            id=i,
            color=style.color,
            dashes=style.dashes,
            width=style.width,
            hidden=hidden,
        )
    net.options = options(len(cols["label"]))
    nodes, edges, _, _, _, opts = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": json.loads(opts)}


def options(count: int) -> dict[str, Any]:
    """Physics only for small views; no built-in tooltips (the page draws its own, as text)."""
    busy = count > 1000
    return {
        "autoResize": True,
        "physics": {
            "enabled": count <= PHYSICS_LIMIT,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 120, "fit": True},
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {
            "hover": True,
            "tooltipDelay": 3_600_000,
            "hideEdgesOnDrag": busy,
            "hideEdgesOnZoom": busy,
            "keyboard": False,
            "navigationButtons": False,
        },
        "nodes": {"borderWidth": 1, "font": {"size": 12, "face": "sans-serif"}},
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
    }
