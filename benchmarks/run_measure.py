"""Measuring helpers for benchmarks/run.py: commands with wall time and peak memory, the build's
stages timed in-process, and a description of the machine."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.model import SurveyList

KG = str(Path(sys.executable).parent / "kg")


@dataclass
class Measured:
    """One command's wall time, peak resident memory and outcome."""

    seconds: float
    peak_mib: float
    returncode: int
    output: str


def run_measured(cmd: list[str], cwd: Path) -> Measured:
    """Run `cmd` and wait for it with wait4, which gives this child's own peak RSS."""
    with tempfile.TemporaryFile() as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        sink.seek(0)
        output = sink.read().decode("utf-8", "replace")
    return Measured(seconds, usage.ru_maxrss / 1024, proc.returncode, output)


def median_wall(cmd: list[str], cwd: Path, runs: int = 3) -> float:
    """Median wall time of `cmd` over `runs` runs."""
    return statistics.median(run_measured(cmd, cwd).seconds for _ in range(runs))


def timed(stages: dict[str, float], name: str, fn: Callable[..., Any], *args: Any) -> Any:
    """Call `fn(*args)`, record its wall time under `name`, return its result."""
    started = time.perf_counter()
    result = fn(*args)
    stages[name] = time.perf_counter() - started
    return result


def time_stages(lists: list[SurveyList], root: Path, out: Path) -> tuple[dict[str, float], Any]:
    """The build's stages in the order `kg build` runs them, each timed; returns the Built."""
    from kg.authoring.audit import audit
    from kg.authoring.crosswalk import crosswalk
    from kg.enrich import enrich
    from kg.export.html import write_html
    from kg.export.rdf import ox_quads
    from kg.export.writers import write_formats
    from kg.graph import add_relations, build_graph
    from kg.pipeline import Built
    from kg.resolve import resolve
    from kg.sources.ingest import ingest
    from kg.sparql.store import write_store

    s: dict[str, float] = {}
    ingested = timed(s, "read", ingest, sorted(lists, key=lambda x: (x.id, x.file)), root)
    resolution = timed(s, "resolve", resolve, ingested.parsed)
    issues = timed(s, "audit", audit, ingested.parsed, resolution)
    enrichment = timed(s, "relations", enrich, ingested.parsed, resolution)
    graph = timed(
        s, "graph", build_graph, ingested.parsed, resolution, enrichment.entities,
        enrichment.relations, issues,
    )  # fmt: skip
    alignments = timed(s, "crosswalk", _crosswalk, graph, crosswalk, add_relations)
    out.mkdir(parents=True, exist_ok=True)
    timed(s, "RDF", write_formats, graph, out, ())
    timed(s, "store", lambda: write_store(ox_quads(graph), out))
    timed(s, "HTML", write_html, graph, out)
    return s, Built(ingested, resolution, enrichment, issues, graph, alignments)


def _crosswalk(graph: Any, crosswalk: Callable[..., Any], add: Callable[..., Any]) -> Any:
    alignments = crosswalk(graph)
    add(graph, [a.as_relation() for a in alignments])
    return alignments


def machine() -> dict[str, object]:
    """CPU model, cores, memory and Python version."""
    return {
        "cpu": _cpuinfo("model name") or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "memory_gib": round(_meminfo_kib("MemTotal") / 2**20, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _cpuinfo(key: str) -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return ""
    return next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith(key)), "")


def _meminfo_kib(key: str) -> float:
    try:
        lines = Path("/proc/meminfo").read_text().splitlines()
    except OSError:
        return 0.0
    return next((float(ln.split()[1]) for ln in lines if ln.startswith(key + ":")), 0.0)
