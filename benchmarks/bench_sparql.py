"""Saved queries on the embedded Oxigraph store against rdflib's in-memory engine, and Turtle speed.

Run: python benchmarks/bench_sparql.py [--scale 100] [--rdflib-timeout 120]

Builds the synthetic corpus at the given scale (benchmarks/generate.py), loads the same triples
into pyoxigraph (in memory, and on disk as `kg build` writes it) and into rdflib, runs every saved
query through each, with parameters that name something at that scale (the largest list, the
method most often extended, a word from the title of the most-listed work), checks that they
return the same number of rows, and times serialising the graph as Turtle.
Targets: each saved query <= 1 s embedded; the suite >= 10x faster than rdflib; Turtle <= 15 s.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pyoxigraph as ox  # noqa: E402
import rdflib  # noqa: E402

from kg.export.rdf import ox_quads  # noqa: E402
from kg.export.writers import write_turtle  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402
from kg.pipeline import build_graph_from_lists  # noqa: E402
from kg.sources.manifest import load_manifest  # noqa: E402
from kg.sparql.params import examples  # noqa: E402
from kg.sparql.query import bind, saved_queries  # noqa: E402
from kg.sparql.store import with_union, write_store  # noqa: E402
from kg.util.table import table  # noqa: E402
from kg.vocab import sparql_prologue  # noqa: E402


def corpus(scale: float) -> Path:
    """The seeds at scale 1, else the generated corpus (made once, then reused)."""
    if scale == 1:
        return ROOT
    from generate import generate

    out = ROOT / "benchmarks" / "out" / f"scale-{scale:g}x"
    if not (out / "data" / "manifest.json").exists():
        generate(scale, out)
    return out


_GRAPH: rdflib.Graph | None = None  # loaded once; forked children inherit it without copying


def _one_query(text: str, conn) -> None:  # type: ignore[no-untyped-def]
    assert _GRAPH is not None
    started = time.perf_counter()
    rows = len(list(_GRAPH.query(text)))
    conn.send((time.perf_counter() - started, rows))


def run_rdflib(
    nt: Path, queries: list[tuple[str, str]], limit: float
) -> dict[str, tuple[float, int]]:
    """Load once, then run each query in a forked child so a slow one can be cut at `limit` s."""
    global _GRAPH
    started = time.perf_counter()
    _GRAPH = rdflib.Graph()
    _GRAPH.parse(str(nt), format="nt")
    results: dict[str, tuple[float, int]] = {"load": (time.perf_counter() - started, 0)}
    context = mp.get_context("fork")
    for name, text in queries:
        parent, child = context.Pipe()
        worker = context.Process(target=_one_query, args=(text, child))
        worker.start()
        results[name] = parent.recv() if parent.poll(limit) else (float("inf"), -1)
        worker.terminate()
        worker.join()
    _GRAPH = None
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100.0)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    args = parser.parse_args()
    print(f"$ python benchmarks/bench_sparql.py --scale {args.scale:g}  (cpus: {os.cpu_count()})")
    root = corpus(args.scale)
    started = time.perf_counter()
    built = build_graph_from_lists(load_manifest(root), root)
    graph = built.graph
    print(
        f"built {len(graph.works)} works, {len(graph.mentions)} mentions in "
        f"{time.perf_counter() - started:.1f} s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        write_turtle(graph, folder)
        turtle_s = time.perf_counter() - started
        store = ox.Store()
        store.bulk_extend(with_union(ox_quads(graph)))  # the layout `kg build` writes
        nt = folder / "kg.nt"
        triples = {
            (q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)
        }
        ox.serialize((ox.Triple(*t) for t in triples), str(nt), ox.RdfFormat.N_TRIPLES)
        values = corpus_parameters(graph)
        print("parameters:", ", ".join(f"${k} = {v!r}" for k, v in sorted(values.items())))
        queries = [(q.name, bind(q.text, examples(q.text) | values)) for q in saved_queries()]
        embedded = _timed(store, queries)
        write_store(ox_quads(graph), folder)
        on_disk = _timed(ox.Store.read_only(str(folder / "store")), queries)
        full = [(n, f"{sparql_prologue()}\n{t}") for n, t in queries]
        other = run_rdflib(nt, full, args.rdflib_timeout)
    print(
        f"triples: {len(triples):,}; Turtle written in {turtle_s:.1f} s (target <= 15 s); "
        f"rdflib load {other.get('load', (float('nan'), 0))[0]:.1f} s"
    )
    print(_report(embedded, on_disk, other, args.rdflib_timeout))
    return 0


def _timed(store: ox.Store, queries: list[tuple[str, str]]) -> dict[str, tuple[float, int]]:
    """Best of two runs per query (the first may warm caches), with its row count."""
    timings = {}
    for name, text in queries:
        best, rows = float("inf"), 0
        for _ in range(2):
            started = time.perf_counter()
            result = store.query(text, prefixes=_prefixes())
            rows = len(list(result))
            best = min(best, time.perf_counter() - started)
        timings[name] = (best, rows)
    return timings


def corpus_parameters(graph: KnowledgeGraph) -> dict[str, str]:
    """Parameter values that name something in this corpus, so that no query answers nothing
    because the seeds' example (a list id, a method) does not exist at this scale."""
    largest = max(graph.surveys, key=lambda sid: (len(graph.into(sid, "listedIn")), sid))
    extended = Counter(r.object for r in graph.relations if r.predicate == "extends")
    popular = max(graph.works, key=lambda wid: (len(graph.out(wid, "listedIn")), wid))
    values = {"list": graph.surveys[largest].id}
    if extended:
        target = min(extended, key=lambda node: (-extended[node], node))
        entity = graph.entities.get(target)
        values["name"] = entity.name if entity else graph.works[target].title
    values["title"] = max(graph.works[popular].title.split(), key=len)
    return values


def _prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES

    return PREFIXES


def _report(
    embedded: dict[str, tuple[float, int]],
    on_disk: dict[str, tuple[float, int]],
    other: dict[str, tuple[float, int]],
    limit: float,
) -> str:
    rows, total_e, total_r = [], 0.0, 0.0
    for name, (seconds, count) in embedded.items():
        disk_seconds = on_disk[name][0]
        r_seconds, r_count = other.get(name, (float("inf"), -1))
        total_e += seconds
        total_r += min(r_seconds, limit)
        slow = r_seconds == float("inf")
        rows.append(
            (
                name,
                f"{seconds:.3f}",
                f"{disk_seconds:.3f}",
                f">{limit:.0f}" if slow else f"{r_seconds:.2f}",
                f">{limit / max(seconds, 1e-6):.0f}x"
                if slow
                else f"{r_seconds / max(seconds, 1e-6):.0f}x",
                count,
                "cut" if slow else ("yes" if r_count == count else f"NO ({r_count})"),
            )
        )
    head = ("query", "in-memory s", "on-disk s", "rdflib s", "speed-up", "rows", "same rows")
    verdict = (
        f"\nsuite: embedded (in memory) {total_e:.2f} s, on disk "
        f"{sum(s for s, _ in on_disk.values()):.2f} s, rdflib {total_r:.1f} s (queries cut at {limit:.0f} s "
        f"count as {limit:.0f} s): {total_r / max(total_e, 1e-6):.0f}x; slowest embedded query "
        f"{max(s for s, _ in embedded.values()):.2f} s in memory, "
        f"{max(s for s, _ in on_disk.values()):.2f} s on disk (target <= 1 s each, suite >= 10x)"
    )
    return table(head, rows) + verdict


if __name__ == "__main__":
    raise SystemExit(main())
