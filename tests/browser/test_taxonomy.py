"""The taxonomy outline and the coverage page in a real headless Chromium: quiet, offline, lazy,
safe with hostile lists, and quick at 200 sections and 5,000 works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.authoring.coverage import coverage
from kg.export.html import write_html
from kg.export.html.coverage import coverage_page
from kg.export.html.outline import outline_page, taxonomy_page
from kg.model import SurveyList
from kg.pipeline import Built, build_graph_from_lists
from kg.sources.manifest import load_manifest
from tests.browser.browsing import Visit, chromium, visit

__all__ = ["chromium"]

ROOT = Path(__file__).resolve().parents[2]
XSS = SurveyList(
    id="xss", title="Hostile <script>alert(7)</script> list", file="tests/fixtures/lists/xss.md"
)
LIST = "llm-synthetic-data"
OUTLINE = "() => window.__taxonomyReady !== undefined"
ON_TOP = (
    "() => document.getElementById('taxonomy-view').contains(document.elementFromPoint(700, 400))"
)
BOTH = "() => window.__taxonomyReady !== undefined && window.__kgReady !== undefined"
BUDGET_MS = 2_000  # generous: these take tens of milliseconds on a laptop
SHOTS = Path("/tmp/surveykg-screenshots")
LINKS = "() => [...document.querySelectorAll('#taxonomy a')].map(a => a.getAttribute('href'))"


@pytest.fixture(scope="module")
def built() -> Built:
    return build_graph_from_lists(load_manifest(ROOT), ROOT)


@pytest.fixture(scope="module")
def coverage_visit(chromium: Any, built: Built, tmp_path_factory: Any) -> Iterator[Visit]:
    report = coverage(built.graph, LIST, alignments=built.alignments)
    path = tmp_path_factory.mktemp("coverage") / "coverage.html"
    path.write_text(coverage_page(built.graph, report), encoding="utf-8")
    yield from visit(chromium, path, OUTLINE)


def section(seen: Visit, node: str) -> int:
    index = seen.js("(id) => kgTaxonomy.index(id)", node)
    assert index >= 0, node
    return index


def row(node: str) -> str:
    return f'.tx-node[data-s="{node}"]'


def test_coverage_page_is_quiet_and_charted(coverage_visit: Visit) -> None:
    seen = coverage_visit
    assert seen.js("() => document.querySelectorAll('figure svg').length") >= 6
    assert seen.js("() => window.__taxonomyReady") < BUDGET_MS
    shown = seen.js("() => kgTaxonomy.rows()")
    assert 0 < shown < seen.js("() => kgTaxonomy.sections")  # only the top level at first
    assert seen.js("() => kgTaxonomy.worksShown()") == 0
    seen.quiet()


def test_expanding_and_opening_a_section_lists_its_works(
    coverage_visit: Visit, built: Built
) -> None:
    seen, graph = coverage_visit, built.graph
    parent = next(
        n for n, s in graph.sections.items()
        if s.list_id == LIST and s.parent is None and graph.into(n, "broader")
    )  # fmt: skip
    child = next(c for c in graph.into(parent, "broader") if graph.works_in(c))
    p, c = section(seen, parent), section(seen, child)
    seen.js("() => kgTaxonomy.collapseAll()")
    before = seen.js("() => kgTaxonomy.rows()")
    seen.page.click(f"{row(str(p))} > .tx-row .tx-twisty")
    assert seen.js("() => kgTaxonomy.rows()") == before + len(graph.into(parent, "broader"))
    seen.page.click(f"{row(str(c))} > .tx-row .tx-name")
    items = seen.page.locator(f"{row(str(c))} > .tx-works .tx-work")
    assert items.count() == len(graph.works_in(child))
    titles = {graph.works[w].title for w in graph.works_in(child)}
    assert items.first.locator(".tx-title").text_content() in titles
    assert all(h.startswith(("https://", "http://")) for h in seen.js(LINKS))
    seen.page.click(f"{row(str(p))} > .tx-row .tx-twisty")  # collapsing drops the rows
    assert seen.js("() => kgTaxonomy.rows()") == before
    seen.quiet()


def test_filter_keeps_matches_and_their_ancestors(coverage_visit: Visit) -> None:
    seen = coverage_visit
    seen.page.fill(".tx-filter", "instruction")
    kept = seen.js("() => kgTaxonomy.rows()")
    assert kept > 0
    names = seen.js("() => [...document.querySelectorAll('.tx-name')].map(e => e.textContent)")
    assert any("instruction" in n.lower() for n in names)
    seen.page.fill(".tx-filter", "no section is called this")
    assert seen.js("() => kgTaxonomy.rows()") == 0
    seen.page.fill(".tx-filter", "")
    assert seen.js("() => kgTaxonomy.rows()") >= kept
    seen.quiet()


def test_coverage_screenshot(coverage_visit: Visit) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "coverage.png"
    coverage_visit.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 50_000


def test_chip_reveals_the_aligned_section_of_another_list(
    chromium: Any, built: Built, tmp_path: Path
) -> None:
    path = tmp_path / "taxonomy.html"
    path.write_text(taxonomy_page(built.graph, None, built.alignments), encoding="utf-8")
    for seen in visit(chromium, path, OUTLINE):
        chip = seen.page.locator("button.tx-chip:not(.tx-more)").first
        title = chip.get_attribute("title")
        chip.click()
        opened = seen.page.locator(".tx-open > .tx-row .tx-name")
        assert opened.count() == 1 and opened.first.text_content().split(" ", 1)[-1] in title
        seen.page.screenshot(path=str(SHOTS / "taxonomy.png"))
        seen.quiet()


def test_build_page_opens_on_the_taxonomy_with_the_graph_a_tab_away(
    chromium: Any, built: Built, tmp_path: Path
) -> None:
    graph = built.graph
    [path] = write_html(graph, tmp_path)
    for seen in visit(chromium, path, BOTH):
        page = seen.page
        assert page.is_visible("#taxonomy-view") and seen.js(ON_TOP) is True
        page.click("#tab-graph")
        assert not page.is_visible("#taxonomy-view") and seen.js("() => kg.nodeCount()") > 0
        page.click("#tab-taxonomy")
        node = next(n for n, s in graph.sections.items() if graph.works_in(n))
        seen.js("(i) => kgTaxonomy.reveal(i)", section(seen, node))
        work = page.locator(".tx-open .tx-work").first
        title = work.locator(".tx-title").text_content()
        work.locator(".tx-graph").click()
        page.wait_for_function("() => !document.getElementById('panel').hidden")
        assert not page.is_visible("#taxonomy-view")
        assert page.text_content("#panel h2") == title
        seen.quiet()


def test_hostile_list_runs_nothing(chromium: Any, tmp_path: Path) -> None:
    hostile = build_graph_from_lists([XSS], ROOT, relations=False)
    report = coverage(hostile.graph, "xss", alignments=hostile.alignments)
    pages = {
        "outline.html": taxonomy_page(hostile.graph, None, hostile.alignments),
        "coverage.html": coverage_page(hostile.graph, report),
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        for seen in visit(chromium, tmp_path / name, OUTLINE):
            scripts = seen.js("() => document.scripts.length")
            seen.js("() => kgTaxonomy.expandAll()")
            for i in range(seen.js("() => kgTaxonomy.sections")):
                seen.js("(i) => kgTaxonomy.open(i)", i)
            assert seen.js("() => kgTaxonomy.worksShown()") >= 5
            labels = seen.js(
                "() => [...document.querySelectorAll('.tx-name')].map(e => e.textContent)"
            )
            assert any("<img src=x onerror=" in label for label in labels)
            found = seen.js(HOSTILE_CHECK)
            assert found["embedded"] == 0 and found["handlers"] == 0, name
            assert found["scripts"] == scripts
            assert all(link.startswith(("https://", "http://", "#")) for link in found["links"])
            seen.quiet()


HOSTILE_CHECK = """() => {
  const all = [...document.querySelectorAll('*')];
  return {
    embedded: document.querySelectorAll('img, iframe, object, embed, frame, base').length,
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    links: [...document.querySelectorAll('a')].map(a => a.getAttribute('href')),
    scripts: document.scripts.length,
  };
}"""


def large_taxonomy(top: int = 20, each: int = 9, works: int = 5_000) -> dict[str, Any]:
    """200 sections (20 with 9 subsections each) sharing 5,000 works, in taxonomy_data's form."""
    parents = [p for t in range(top) for p in [-1, *([t * (each + 1)] * each)]]
    count = len(parents)
    share = works // count
    rows = [[[i * share + k, 10 + k] for k in range(share)] for i in range(count)]
    totals = [len(r) * (each + 1) if p < 0 else len(r) for r, p in zip(rows, parents, strict=True)]
    return {
        "lists": [{"id": "big", "title": "A large list", "file": "big.md"},
                  {"id": "other", "title": "Another list", "file": "other.md"}],
        "roots": [0],
        "newest": 2025,
        "recentYears": 2,
        "graph": False,
        "thin": 3,
        "sections": {
            "id": [f"section/big/{i}" for i in range(count)],
            "label": [f"Section {i} about topic {i % 17}" for i in range(count)],
            "notation": [str(i) for i in range(count)],
            "list": [0] * count,
            "parent": parents,
            "line": list(range(count)),
            "own": [len(r) for r in rows],
            "total": totals,
            "recent": [(i % 10) / 10 for i in range(count)],
            "works": rows,
            "aligned": [[[1, f"Other {i}", "relatedMatch", 0.4, -1]] for i in range(count)],
        },
        "works": {
            "id": [f"paper/w{k}" for k in range(works)],
            "title": [f"Work number {k} on a long and winding title" for k in range(works)],
            "url": [f"https://example.org/{k}" for k in range(works)],
            "year": [2015 + k % 11 for k in range(works)],
            "kind": ["paper"] * works,
        },
    }  # fmt: skip


def test_large_taxonomy_stays_responsive(chromium: Any, tmp_path: Path) -> None:
    data = large_taxonomy()
    assert len(data["sections"]["id"]) == 200 and len(data["works"]["id"]) == 5_000
    path = tmp_path / "large.html"
    path.write_text(outline_page(data, "Large", "200 sections, 5,000 works"), encoding="utf-8")
    for seen in visit(chromium, path, OUTLINE):
        assert seen.js("() => window.__taxonomyReady") < BUDGET_MS
        assert 20 <= seen.js("() => kgTaxonomy.rows()") <= 40  # top levels first, while they fit
        assert seen.js("() => document.querySelectorAll('.tx-work').length") == 0
        expand = seen.js("() => kgTaxonomy.timed(() => kgTaxonomy.expandAll())")
        assert expand["ms"] < BUDGET_MS and seen.js("() => kgTaxonomy.rows()") == 200
        opened = seen.js("() => kgTaxonomy.timed(() => kgTaxonomy.open(0))")
        assert opened["ms"] < BUDGET_MS
        assert seen.js("() => kgTaxonomy.worksShown()") == 25  # only the open section's works
        filtered = seen.js("() => kgTaxonomy.timed(() => kgTaxonomy.filter('number 4999'))")
        assert (
            filtered["ms"] < BUDGET_MS and filtered["result"] == 2
        )  # the work's section, its parent
        click = seen.js(
            """() => { const t = performance.now();
              document.querySelector('.tx-twisty:not([disabled])').click();
              return performance.now() - t; }"""
        )
        assert click < BUDGET_MS
        print(f"large taxonomy: ready {seen.js('() => window.__taxonomyReady'):.0f} ms, "
              f"expand all {expand['ms']:.0f} ms, open {opened['ms']:.0f} ms, "
              f"filter {filtered['ms']:.0f} ms")  # fmt: skip
        seen.quiet()
