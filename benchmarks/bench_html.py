"""Explorer page speed in headless Chromium: the five seed lists and a ~20,000-node generated graph.

Run: python benchmarks/bench_html.py [--scale 28] [--runs 5] [--out benchmarks/out]

interactive: `window.__kgReady`, which the page sets once the renderer has drawn its first frame
(for WebGL, once the GPU has finished it: a pixel is read back), the document is parsed and every
handler is attached; it is `performance.now()`, so milliseconds from navigation start.
search: `kg.timedSearch(query)` measured in the page: from the call until the renderer has drawn
the selected node centred (the details panel is filled on the way).
Each run opens the page in a fresh browser context; the table gives medians (and the worst run).
Targets: seeds interactive < 2,000 ms; 20,000 nodes interactive < 5,000 ms, search < 300 ms.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import VERSION, generate  # noqa: E402
from kg.export.html import whole_view, write_page  # noqa: E402
from kg.export.html.headless import CHROMIUM_ARGS  # noqa: E402
from kg.export.html.page import choose_renderer  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402
from kg.pipeline import build_graph_from_lists  # noqa: E402
from kg.sources.manifest import load_manifest  # noqa: E402

QUERIES = 5


@dataclass
class Case:
    """One page to measure, and how long Python took to write it."""

    name: str
    path: Path
    nodes: int
    edges: int
    renderer: str
    write_s: float
    queries: list[str]


@dataclass
class Result:
    case: Case
    ready_ms: list[float]
    search_ms: list[float]


def corpus(scale: float, out: Path, seed: int) -> Path:
    """The generated lists for `scale`, reused when they were made with the same parameters."""
    root = out / f"scale-{scale:g}x"
    truth = root / "truth.json"
    params = {"scale": scale, "seed": seed, "version": VERSION}
    if not truth.exists() or json.loads(truth.read_text("utf-8")).get("params") != params:
        generate(scale, root, seed)
    return root


def make_case(name: str, graph: KnowledgeGraph, target: Path) -> Case:
    started = time.perf_counter()
    view = whole_view(graph)
    write_page(graph, target, view)
    seconds = time.perf_counter() - started
    renderer = choose_renderer(len(view.nodes))
    works = sorted(graph.works.values(), key=lambda w: w.id)
    step = max(1, len(works) // QUERIES)
    queries = [w.title[:40] for w in works[::step][:QUERIES]]
    return Case(name, target, len(view.nodes), len(view.edges), renderer, seconds, queries)


def measure(browser: object, case: Case, runs: int) -> Result:
    ready, searches = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(case.path.as_uri())
        page.wait_for_function("() => window.__kgReady !== undefined", timeout=120_000)
        ready.append(page.evaluate("() => window.__kgReady"))
        for query in case.queries:
            timed = page.evaluate("(q) => kg.timedSearch(q)", query)
            if timed["id"] is None:
                raise SystemExit(f"{case.name}: the search for {query!r} found nothing")
            searches.append(timed["ms"])
        context.close()
    return Result(case, ready, searches)


def table(results: list[Result], runs: int) -> str:
    head = (
        "| graph | nodes | edges | renderer | page MiB | write s | interactive ms | search ms |\n"
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |"
    )
    rows = [head]
    for r in results:
        c = r.case
        mib = c.path.stat().st_size / 2**20
        rows.append(
            f"| {c.name} | {c.nodes:,} | {c.edges:,} | {c.renderer} | {mib:.1f} | {c.write_s:.1f} "
            f"| {statistics.median(r.ready_ms):,.0f} (max {max(r.ready_ms):,.0f}) "
            f"| {statistics.median(r.search_ms):,.0f} (max {max(r.search_ms):,.0f}) |"
        )
    rows.append(
        f"\n{runs} runs per page in fresh contexts, {QUERIES} searches per run; headless Chromium, "
        "software WebGL (SwiftShader), no GPU."
    )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=28, help="generator scale (28: ~20k nodes)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("needs playwright: pip install -e '.[test]'") from None
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium: apt-get install chromium")
    pages = args.out / "html"
    seeds = build_graph_from_lists(load_manifest(ROOT), ROOT).graph
    cases = [make_case("five seed lists", seeds, pages / "seeds.html")]
    root = corpus(args.scale, args.out, args.seed)
    # curated facts name seed works
    large = build_graph_from_lists(load_manifest(root), root, relations=False).graph
    cases.append(make_case(f"generated, scale {args.scale:g}", large, pages / "large.html"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        results = [measure(browser, case, args.runs) for case in cases]
        browser.close()
    print(table(results, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
