"""Every benchmark in one run on this machine: one table with the project's targets, and JSON.

Run: python benchmarks/run.py [--scales 1 10 100] [--json benchmarks/out/run.json]
     [--rdflib-timeout 20] [--skip-html] [--skip-pyshacl]

Measures, in the same run: the bare import of the dependencies; `kg build` of the five bundled
lists (wall time, peak RSS of the process) and its stages in-process; `kg build` of the generated
corpus at each scale > 1; the saved queries on the embedded store (on disk and in memory) against
rdflib's engine; `kg validate` (fast engine and pySHACL); the explorer's load time in headless
Chromium; `kg coverage`, `kg gaps`, `kg suggest`; and title de-duplication by difflib ratio against
the resolver, in time and in accuracy on data/eval/resolution_pairs.csv.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run_measure import KG, machine, median_wall, run_measured, time_stages  # noqa: E402
from run_report import Row, render, target_row, unjudged  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
DEPS = "import rdflib, networkx, pyvis, pydantic, typer"
SUGGEST_TITLES = 20
SUGGEST_TITLE = "Data selection for instruction tuning"


def baseline() -> tuple[list[Row], float]:
    """`python -c pass` and the bare import of the dependencies, medians of 3."""
    bare = median_wall([sys.executable, "-c", "pass"], ROOT)
    deps = median_wall([sys.executable, "-c", DEPS], ROOT)
    rows = [
        Row("python -c pass", bare, detail="median of 3"),
        Row("bare import of the dependencies", deps, detail=f"median of 3: {DEPS}"),
    ]
    return rows, deps


def scale_folder(scale: float) -> Path:
    """The project at scale 1, else the generated corpus (generated once, then reused)."""
    if scale == 1:
        return ROOT
    folder = OUT / f"scale-{scale:g}x"
    if not (folder / "data" / "manifest.json").exists():
        cmd = [sys.executable, str(ROOT / "benchmarks/generate.py"), "--scale", f"{scale:g}"]
        run_measured([*cmd, "--out", str(folder)], ROOT)
    return folder


def build_out(scale: float) -> Path:
    return OUT / "run-1x" if scale == 1 else scale_folder(scale) / "out"


def build_at(scale: float, deps_s: float) -> tuple[list[Row], float]:
    """`kg build` at one scale as a subprocess: wall time and the process's peak RSS."""
    folder = scale_folder(scale)
    done = run_measured([KG, "build", "--out", str(build_out(scale))], folder)
    if done.returncode:
        raise SystemExit(f"kg build at {scale:g}x failed:\n{done.output}")
    name = f"kg build, {scale:g}x"
    mem = Row(f"{name}: peak RSS", done.peak_mib, unit="MiB", detail="wait4 ru_maxrss")
    if scale == 1:
        ratio = done.seconds / deps_s
        rows = [
            Row(f"{name} (five lists): wall", done.seconds),
            target_row(f"{name}: / bare import", ratio, 3.0, "<= 3x", unit="x"),
            mem,
        ]
    elif scale == 100:
        rows = [
            target_row(f"{name}: wall", done.seconds, 60.0, "<= 60 s"),
            target_row(f"{name}: peak RSS", done.peak_mib, 2048.0, "<= 2 GB", unit="MiB"),
        ]
    else:
        rows = [Row(f"{name}: wall", done.seconds), mem]
    return rows, done.seconds


def growth(walls: dict[float, float]) -> list[Row]:
    if 10 not in walls or 100 not in walls:
        return [unjudged("time(100x) / time(10x)", None, "<= 12", detail="needs --scales 10 100")]
    return [target_row("time(100x) / time(10x)", walls[100] / walls[10], 12.0, "<= 12", unit="x")]


def stages() -> tuple[list[Row], Any]:
    """The five lists' build stage by stage, in-process."""
    from kg.sources.manifest import load_manifest

    with tempfile.TemporaryDirectory() as tmp:
        times, built = time_stages(load_manifest(ROOT), ROOT, Path(tmp))
    rows = [Row(f"  stage {k}", v, detail="in-process, 1x") for k, v in times.items()]
    rows.append(Row("  stages, total", sum(times.values()), detail="in-process, 1x"))
    return rows, built


def queries(scale: float, limit: float) -> list[Row]:
    """Each saved query on the built store on disk and in memory, and through rdflib."""
    import bench_sparql as bs
    import pyoxigraph as ox

    from kg import api
    from kg.sparql.params import examples
    from kg.sparql.query import bind, saved_queries
    from kg.sparql.store import in_memory, open_store
    from kg.vocab import sparql_prologue

    out = build_out(scale)
    values = bs.corpus_parameters(api.load(out).graph)
    texts = [(q.name, bind(q.text, examples(q.text) | values)) for q in saved_queries()]
    disk = open_store(out)
    started = time.perf_counter()
    memory = in_memory(disk)
    copy_s = time.perf_counter() - started
    on_disk, in_mem = bs._timed(disk, texts), bs._timed(memory, texts)
    with tempfile.TemporaryDirectory() as tmp:
        nt = Path(tmp) / "kg.nt"
        triples = {
            (q.subject, q.predicate, q.object) for q in memory.quads_for_pattern(None, None, None)
        }
        ox.serialize((ox.Triple(*t) for t in triples), str(nt), ox.RdfFormat.N_TRIPLES)
        other = bs.run_rdflib(nt, [(n, f"{sparql_prologue()}\n{t}") for n, t in texts], limit)
    rows = [Row(f"store in memory: copy, {scale:g}x", copy_s, detail=f"{len(triples):,} triples")]
    rows += [_query_row(n, scale, on_disk[n], in_mem[n], other[n], limit) for n, _ in texts]
    return [*rows, _suite_row(on_disk, in_mem, other, limit, scale)]


def _query_row(name: str, scale: float, disk: tuple, mem: tuple, lib: tuple, limit: float) -> Row:
    rdflib_s = f">{limit:g} (cut)" if lib[0] == float("inf") else f"{lib[0]:.3f}"
    same = "same rows" if lib[1] in (disk[1], -1) and disk[1] == mem[1] else "ROWS DIFFER"
    detail = f"mem {mem[0]:.3f} s, rdflib {rdflib_s} s, {disk[1]} rows, {same}"
    measure = f"query {name}, on disk {scale:g}x"
    if scale == 100:
        return target_row(measure, disk[0], 1.0, "<= 1 s at 100x", detail=detail)
    return unjudged(measure, disk[0], "<= 1 s at 100x", detail=detail)


def _suite_row(disk: dict, mem: dict, lib: dict, limit: float, scale: float) -> Row:
    total = sum(s for s, _ in mem.values())
    lib_total = sum(min(s, limit) for k, (s, _) in lib.items() if k != "load")
    detail = f"on disk {sum(s for s, _ in disk.values()):.2f} s, rdflib {lib_total:.2f} s"
    return Row(f"query suite in memory, {scale:g}x", total, detail=detail + " (cut = limit)")


def validate(scale: float, pyshacl: bool) -> list[Row]:
    """`kg validate` on the build at `scale`, fast engine and (optionally) pySHACL."""
    out = build_out(scale)
    engines = ["fast", "pyshacl"] if pyshacl else ["fast"]
    rows = []
    for engine in engines:
        done = run_measured([KG, "validate", "--out", str(out), "--engine", engine], ROOT)
        last = (done.output.strip().splitlines() or [""])[-1][:60]
        measure, detail = (
            f"kg validate --engine {engine}, {scale:g}x",
            f"exit {done.returncode}: {last}",
        )
        limit = {1: 3.0, 100: 60.0}.get(scale) if engine == "fast" else None
        if limit is None:
            rows.append(Row(measure, done.seconds, detail=detail))
        else:
            rows.append(target_row(measure, done.seconds, limit, f"<= {limit:g} s", detail=detail))
    return rows


def explorer(built: Any, runs: int = 3) -> list[Row]:
    """The five lists' explorer page in headless Chromium (benchmarks/bench_html.py)."""
    chromium = shutil.which("chromium")
    try:
        import bench_html
        from playwright.sync_api import sync_playwright

        from kg.export.html.headless import CHROMIUM_ARGS
    except ImportError as err:
        return [Row("explorer interactive, 1x", None, detail=f"skipped: {err}")]
    if chromium is None:
        return [Row("explorer interactive, 1x", None, detail="skipped: no chromium on PATH")]
    case = bench_html.make_case("five seed lists", built.graph, OUT / "run-html" / "seeds.html")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        result = bench_html.measure(browser, case, runs)
        browser.close()
    ready, search = statistics.median(result.ready_ms), statistics.median(result.search_ms)
    detail = f"median of {runs}, {case.nodes:,} nodes, {case.renderer}; search {search:.0f} ms"
    return [
        target_row("explorer interactive, 1x", ready, 2000.0, "< 2000 ms", unit="ms", detail=detail)
    ]


def authoring(list_id: str) -> list[Row]:
    """`kg coverage`, `kg gaps`, `kg suggest` on the 1x build, and suggest per suggestion."""
    out = str(build_out(1))
    commands = {
        "kg coverage": [KG, "coverage", list_id, "--out", out],
        "kg gaps": [KG, "gaps", list_id, "--out", out],
        "kg suggest": [KG, "suggest", SUGGEST_TITLE, "--list", list_id, "--out", out],
    }
    rows = []
    for name, cmd in commands.items():
        done = run_measured(cmd, ROOT)
        rows.append(Row(f"{name}, 1x", done.seconds, detail=f"{list_id}, exit {done.returncode}"))
    return rows + _suggest_in_process(list_id)


def _suggest_in_process(list_id: str) -> list[Row]:
    from kg import api
    from kg.authoring.suggest import index_for, suggest

    started = time.perf_counter()
    built = api.load(build_out(1))
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    index_for(built, list_id)
    index_s = time.perf_counter() - started
    titles = sorted(w.title for w in built.graph.works.values())[::37][:SUGGEST_TITLES]
    each = []
    for title in titles:
        started = time.perf_counter()
        suggest(built, list_id, title)
        each.append(time.perf_counter() - started)
    return [
        Row("  load the build (snapshot)", load_s, detail="in-process"),
        Row("  suggest: index_for", index_s, detail=f"{list_id}, in-process"),
        Row("  suggest: per suggestion", statistics.median(each) * 1000, unit="ms",
            detail=f"median of {len(each)} titles, max {max(each) * 1000:.1f} ms"),
    ]  # fmt: skip


def dedup(built: Any) -> list[Row]:
    """List-bot title ratio over all pairs against the resolver: time, then accuracy."""
    from kg.authoring.triage_eval import BOT_RATIO, compare_rules, same_by_ratio
    from kg.resolve import resolve

    parsed = built.ingested.parsed
    titles = [e.title for p in parsed for e in p.entries]
    started = time.perf_counter()
    merged = sum(same_by_ratio(a, b) for a, b in itertools.combinations(titles, 2))
    ratio_s = time.perf_counter() - started
    started = time.perf_counter()
    resolve(parsed)
    resolve_s = time.perf_counter() - started
    pairs = len(titles) * (len(titles) - 1) // 2
    rows = [
        Row(f"dedup: title ratio >= {BOT_RATIO}, all pairs", ratio_s,
            detail=f"{len(titles)} titles, {pairs:,} pairs, {merged} said same"),
        Row("dedup: kg.resolve.resolve", resolve_s, detail=f"{len(titles)} entries"),
    ]  # fmt: skip
    scores = compare_rules(ROOT / "data/eval/resolution_pairs.csv", ROOT)
    for name, s in scores.items():
        detail = f"recall {s['recall']:.3f}, false merges {s['false_merges']}, pairs {s['pairs']}"
        rows.append(Row(f"  precision: {name}", float(s["precision"]), unit="", detail=detail))  # type: ignore[arg-type]
    return rows


def run(args: argparse.Namespace) -> tuple[list[Row], dict[str, float]]:
    from kg.sources.manifest import load_manifest

    rows, deps_s = baseline()
    walls: dict[float, float] = {}
    for scale in sorted(set(args.scales) | {1.0}):
        built_rows, walls[scale] = build_at(scale, deps_s)
        rows += built_rows
        if scale == 1:
            stage_rows, built = stages()
            rows += stage_rows
    rows += growth(walls)
    rows += queries(max(walls), args.rdflib_timeout)
    rows += validate(1, not args.skip_pyshacl)
    if 100 in walls:
        rows += validate(100, False)
    rows += [] if args.skip_html else explorer(built)
    rows += authoring(load_manifest(ROOT)[0].id)
    rows += dedup(built)
    return rows, walls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0])
    parser.add_argument("--json", type=Path, default=OUT / "run.json")
    parser.add_argument("--rdflib-timeout", type=float, default=20.0)
    parser.add_argument("--skip-html", action="store_true")
    parser.add_argument("--skip-pyshacl", action="store_true")
    args = parser.parse_args(argv)
    host = machine()
    print(
        f"machine: {host['cpu']}, {host['cores']} cores, {host['memory_gib']} GiB, "
        f"Python {host['python']} ({host['platform']})"
    )
    started = time.perf_counter()
    rows, _ = run(args)
    print(render(rows))
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": host, "scales": args.scales, "rows": [r.as_json() for r in rows]}
    args.json.write_text(json.dumps(payload, indent=2) + "\n", "utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
