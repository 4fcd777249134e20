"""One self-contained HTML page per view: data, scripts and styles inline, nothing fetched."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from kg.export.html.payload import page_data, script_json
from kg.export.html.views import View, whole_view
from kg.export.html.visnet import vis_data
from kg.export.writers import atomic_path
from kg.graph import KnowledgeGraph
from kg.util.gcpause import paused_gc

RENDERERS = ("auto", "vis", "sigma")
LARGE = 5000  # from this many nodes on, the WebGL renderer (sigma.js) draws the page
ASSETS = files("kg.export.html") / "assets"
VIS = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
LIBRARIES = {
    "vis": (VIS / "vis-network.min.js",),
    "sigma": (ASSETS / "graphology.umd.min.js", ASSETS / "sigma.min.js"),
}
STYLES = {"vis": (VIS / "vis-network.css",), "sigma": ()}
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)  # nothing to look up


class PageError(ValueError):
    """The page cannot be made as asked (unknown renderer, unsafe asset)."""


def choose_renderer(count: int, renderer: str = "auto") -> str:
    """vis-network (through pyvis) for standard views; sigma.js once the view is large."""
    if renderer not in RENDERERS:
        raise PageError(f"unknown renderer {renderer!r}; choose from {', '.join(RENDERERS)}")
    if renderer != "auto":
        return renderer
    return "sigma" if count >= LARGE else "vis"


def render_page(
    kg: KnowledgeGraph,
    view: View | None = None,
    renderer: str = "auto",
    taxonomy: dict[str, Any] | None = None,
) -> str:
    """The HTML text of one view (default: the whole graph); same input, same bytes. Given
    taxonomy data, the page opens on the lists' taxonomy with the graph one tab away."""
    with paused_gc():
        view = view or whole_view(kg)
        data = page_data(kg, view)
        data["renderer"] = choose_renderer(len(view.nodes), renderer)
        if data["renderer"] == "vis":
            data["vis"] = vis_data(data)
        return _html(data, taxonomy)


def _html(data: dict[str, Any], taxonomy: dict[str, Any] | None) -> str:
    renderer = data["renderer"]
    scripts = [*(asset(p) for p in LIBRARIES[renderer]), asset(ASSETS / f"render-{renderer}.js")]
    scripts.append(asset(ASSETS / "app.js"))
    styles = [*(asset(p) for p in STYLES[renderer]), asset(ASSETS / "app.css")]
    if taxonomy is not None:
        scripts.append(asset(ASSETS / "taxonomy.js"))
        styles.append(asset(ASSETS / "taxonomy.css"))
    return inline_page(
        "page.html.j2",
        scripts,
        styles,
        title=data["title"],
        data=Markup(script_json(data)),
        taxonomy=Markup(script_json(taxonomy)) if taxonomy is not None else None,
    )


def inline_page(name: str, scripts: list[str], styles: list[str], **context: Any) -> str:
    """A template with its scripts and styles inline, under a policy that runs only those."""
    return template(name).render(
        csp=Markup(content_security_policy(scripts)),  # our constants and base64 digests
        styles=[Markup(s) for s in styles],
        scripts=[Markup(s) for s in scripts],
        **context,
    )


def content_security_policy(scripts: list[str]) -> str:
    """Only the page's own inline scripts run; nothing may be fetched, framed or posted."""
    hashes = " ".join(f"'sha256-{_digest(s)}'" for s in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@cache
def asset(path: Any) -> str:
    """A vendored file's text, refused if it could end its <script> or <style> element early."""
    text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in lowered:
        raise PageError(f"{path}: cannot be inlined safely")
    return str(text)


@cache
def template(name: str = "page.html.j2"):  # type: ignore[no-untyped-def]
    env = Environment(
        loader=PackageLoader("kg.export.html", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template(name)


def write_page(
    kg: KnowledgeGraph,
    target: Path,
    view: View | None = None,
    renderer: str = "auto",
    taxonomy: dict[str, Any] | None = None,
) -> Path:
    """Write one view's page atomically."""
    return write_text(target, render_page(kg, view, renderer, taxonomy))


def write_text(target: Path, text: str) -> Path:
    """Write a page atomically: a reader never sees half of it."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target


def write_html(kg: KnowledgeGraph, out: Path) -> list[Path]:
    """`kg build`'s page, out/kg.html: the lists' taxonomy first, the whole graph a tab away."""
    from kg.export.html.taxonomy import taxonomy_data  # it reads the crosswalk of kg.authoring

    return [write_page(kg, out / "kg.html", taxonomy=taxonomy_data(kg, graph=True))]
