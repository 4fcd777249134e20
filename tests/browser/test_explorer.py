"""The explorer page in a real headless Chromium: quiet, offline, complete, searchable, safe.

Needs Debian's `chromium` and the `playwright` package (no Playwright browser download). Without
them these tests skip, unless SURVEYKG_REQUIRE_BROWSER=1 or CI=true, where they fail instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.export.html import details as details_module
from kg.export.html import notebook, survey_view, whole_view, write_page
from kg.export.html.style import EDGE_KINDS, NODE_KINDS
from kg.graph import KnowledgeGraph
from kg.model import SurveyList
from kg.pipeline import build_graph_from_lists
from kg.sources.manifest import load_manifest
from tests.browser.browsing import READY, Visit, chromium, visit

__all__ = ["chromium"]  # the fixture, shared with the other browser tests

ROOT = Path(__file__).resolve().parents[2]
XSS = SurveyList(
    id="xss", title="Hostile <script>alert(7)</script> list", file="tests/fixtures/lists/xss.md"
)
SELF_INSTRUCT = "SELF-INSTRUCT: Aligning Language Models with Self-Generated Instructions"


@pytest.fixture(scope="module")
def seeds_graph() -> KnowledgeGraph:
    return build_graph_from_lists(load_manifest(ROOT), ROOT).graph


@pytest.fixture(scope="module")
def hostile_graph() -> KnowledgeGraph:
    return build_graph_from_lists([XSS], ROOT, relations=False).graph


@pytest.fixture(scope="module", params=["vis", "sigma"])
def seeds(
    request: Any, chromium: Any, seeds_graph: KnowledgeGraph, tmp_path_factory: Any
) -> Iterator[Visit]:
    path = write_page(
        seeds_graph, tmp_path_factory.mktemp("page") / "kg.html", renderer=request.param
    )
    yield from visit(chromium, path)


def expected_counts(kg: KnowledgeGraph) -> tuple[int, int]:
    """Counted from the graph itself: every node but mentions and issues, and their edges."""
    nodes = {n for n, kind in kg.nx.nodes(data="kind") if kind in NODE_KINDS}
    edges = [
        1 for s, t, k in kg.nx.edges(keys=True) if k in EDGE_KINDS and s in nodes and t in nodes
    ]
    return len(nodes), len(edges)


def node_of(kg: KnowledgeGraph, title: str) -> str:
    return next(w for w, work in kg.works.items() if work.title == title)


def test_page_is_quiet_offline_and_complete(seeds: Visit, seeds_graph: KnowledgeGraph) -> None:
    nodes, edges = expected_counts(seeds_graph)
    assert seeds.js("() => [kg.nodeCount(), kg.edgeCount()]") == [nodes, edges]
    assert 0 < seeds.js("() => kg.visibleNodeCount()") < nodes  # authors and venues start hidden
    assert seeds.js("() => window.__kgReady") < 30_000
    seeds.quiet()


def test_search_selects_and_centres_a_known_paper(
    seeds: Visit, seeds_graph: KnowledgeGraph
) -> None:
    page = seeds.page
    page.fill("#search", "aligning language models with self-generated")
    page.wait_for_selector("#matches li")
    page.press("#search", "Enter")
    page.wait_for_function("() => !document.getElementById('panel').hidden")
    assert seeds.js("() => kg.selected()") == node_of(seeds_graph, SELF_INSTRUCT)
    assert page.text_content("#panel h2") == SELF_INSTRUCT
    assert "data/lists/" in page.text_content("#panel-body")  # provenance: file and line
    point = seeds.js("(id) => kg.screenPosition(id)", node_of(seeds_graph, SELF_INSTRUCT))
    page.mouse.move(point["x"] + 40, point["y"] + 40)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#tooltip:not([hidden])")
    tip = page.text_content("#tooltip")
    assert SELF_INSTRUCT in tip and "Yizhong Wang" in tip and "Lists:" in tip and "ACL" in tip
    timed = seeds.js("() => kg.timedSearch('Self-Instruct')")
    assert timed["id"] and timed["ms"] < 5_000
    seeds.quiet()


def test_filters_hide_what_they_should(seeds: Visit, seeds_graph: KnowledgeGraph) -> None:
    page = seeds.page
    paper = node_of(seeds_graph, SELF_INSTRUCT)
    papers = sum(1 for n in seeds_graph.nx if seeds_graph.kind_of(n) == "paper")
    before = seeds.js("() => kg.visibleNodeCount()")
    page.click("#kind-filters [data-kind=paper] input")
    assert seeds.js("(id) => kg.isHidden(id)", paper) is True
    assert seeds.js("() => kg.visibleNodeCount()") <= before - papers + 1  # search may pin one
    page.click("#kind-filters [data-kind=paper] input")
    assert seeds.js("(id) => kg.isHidden(id)", paper) is False
    page.fill("#year-min", "2024")
    page.dispatch_event("#year-min", "change")
    assert seeds.js("(id) => kg.isHidden(id)", paper) is True  # a 2023 paper
    page.fill("#year-min", "")
    page.dispatch_event("#year-min", "change")
    assert seeds.js("(id) => kg.isHidden(id)", paper) is False
    seeds.quiet()


def test_list_and_section_filters(seeds: Visit, seeds_graph: KnowledgeGraph) -> None:
    page = seeds.page
    only_here = next(
        w
        for w, work in seeds_graph.works.items()
        if work.lists == ["data-efficient-llm"] and work.kind == "paper"
    )
    page.click("#list-filters [data-list=data-efficient-llm] input")
    assert seeds.js("(id) => kg.isHidden(id)", only_here) is True
    page.click("#list-filters [data-list=data-efficient-llm] input")
    assert seeds.js("(id) => kg.isHidden(id)", only_here) is False
    section = seeds_graph.out(only_here, "categorizedAs")[0]
    option = f'#section-filter option[data-node="{section}"]'
    index = seeds.page.get_attribute(option, "value")
    page.select_option("#section-filter", index)
    assert seeds.js("(id) => kg.isHidden(id)", only_here) is False
    shown = seeds.js("() => kg.visibleNodeCount()")
    page.select_option("#section-filter", "-1")
    assert seeds.js("() => kg.visibleNodeCount()") > shown
    seeds.quiet()


def test_screenshot(seeds: Visit, tmp_path_factory: Any) -> None:
    seeds.js("() => kg.search('Self-Instruct')")
    path = tmp_path_factory.mktemp("screenshots") / f"explorer-{seeds.js('() => kg.renderer')}.png"
    seeds.page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    assert path.stat().st_size > 10_000


HOSTILE_CHECK = """() => {
  const all = [...document.querySelectorAll('*')];
  return {
    embedded: document.querySelectorAll('img, iframe, object, embed, frame, base').length,
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    links: [...document.querySelectorAll('a')].map(a => a.getAttribute('href')),
    scripts: document.scripts.length,
  };
}"""


@pytest.mark.parametrize("renderer", ["vis", "sigma"])
def test_hostile_list_runs_nothing(
    chromium: Any, hostile_graph: KnowledgeGraph, tmp_path: Path, renderer: str
) -> None:
    for view in (whole_view(hostile_graph), survey_view(hostile_graph, "xss")):
        path = write_page(hostile_graph, tmp_path / "hostile.html", view, renderer)
        for seen in visit(chromium, path):
            scripts = seen.js("() => document.scripts.length")
            seen.page.click("#toggle-people")
            for node in view.nodes:
                assert seen.js("(id) => kg.search(id)", node) == node
                assert seen.page.text_content("#panel h2") == hostile_graph.nx.nodes[node]["label"]
                point = seen.js("(id) => kg.screenPosition(id)", node)
                seen.page.mouse.move(point["x"], point["y"])
            found = seen.js(HOSTILE_CHECK)
            assert found["embedded"] == 0 and found["handlers"] == 0
            assert found["scripts"] == scripts
            assert all(link.startswith(("https://", "http://")) for link in found["links"])
            seen.quiet()


def test_bad_links_stay_text_even_if_python_let_them_through(
    chromium: Any, hostile_graph: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = next(w for w in hostile_graph.works.values() if w.title == "Javascript Link Paper")
    bad = [
        "javascript:alert(8)",
        "data:text/html,<script>alert(9)</script>",
        " https://ok.example/",
    ]
    monkeypatch.setattr(details_module, "web_links", lambda urls: list(urls) + bad)
    path = write_page(hostile_graph, tmp_path / "bad-links.html")
    for seen in visit(chromium, path):
        seen.js("(id) => kg.search(id)", work.id)
        assert seen.js("() => [...document.querySelectorAll('#panel a')].length") == 0
        inert = seen.js(
            "() => [...document.querySelectorAll('#panel .inert')].map(e => e.textContent)"
        )
        assert inert == bad * 2  # as links and as code links
        seen.quiet()


def test_notebook_iframe_renders(chromium: Any, hostile_graph: KnowledgeGraph) -> None:
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_content(notebook(hostile_graph, height=600)._repr_html_())
    frame = page.frames[1]
    frame.wait_for_function(READY, timeout=60_000)
    assert frame.evaluate("() => kg.nodeCount()") == expected_counts(hostile_graph)[0]
    assert errors == []
    context.close()
