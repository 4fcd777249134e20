"""`kg validate` with the fast engine (SPARQL over Oxigraph) and with pySHACL, the reference, on
the graph of the bundled lists.

Run: python benchmarks/bench_validate.py [--graph out/kg.ttl] [--runs 3]

Builds the bundled lists' graph into a temporary folder unless --graph names one, then times
`kg validate` with each engine (median of --runs fresh processes; pySHACL runs once unless
--runs-pyshacl says otherwise) and checks the two report the same violations.  Target: the fast
engine under 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"


def timed(args: list[str], runs: int) -> tuple[float, str]:
    """Median wall time of the command over `runs` runs, and its output."""
    times, output = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        output = done.stdout + done.stderr
    return statistics.median(times), output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--graph", type=Path, help="RDF file to check (default: build the bundled lists)"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-pyshacl", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph
        if graph is None:
            build = [str(KG), "build", "--out", tmp, "--no-store"]
            subprocess.run(build, cwd=ROOT, check=True, capture_output=True)
            graph = Path(tmp) / "kg.ttl"
        results = {
            engine: timed([str(KG), "validate", str(graph), "--engine", engine], runs)
            for engine, runs in (("fast", args.runs), ("pyshacl", args.runs_pyshacl))
        }
    print(f"graph: {graph if args.graph else 'the bundled lists'}")
    for engine, (seconds, output) in results.items():
        print(
            f"kg validate --engine {engine:8} {seconds:6.2f} s   {output.strip().splitlines()[-1]}"
        )
    fast, reference = (results[e][1] for e in ("fast", "pyshacl"))
    print("same report" if fast == reference else "REPORTS DIFFER")
    print(f"speed-up: {results['pyshacl'][0] / results['fast'][0]:.0f}x")


if __name__ == "__main__":
    main()
