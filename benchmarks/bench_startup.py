"""How fast the command line starts: import time of kg.cli and wall time of `kg --help`, beside a
bare interpreter.

Run: python benchmarks/bench_startup.py [--runs 5]

Each figure is the median of --runs fresh processes.  `import kg.cli` is the cumulative time
`python -X importtime` reports for it; the wall times include the interpreter's own start-up,
which `python -c pass` shows.  Target: kg.cli imports in at most 0.3 s.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"


def wall(args: list[str], runs: int) -> float:
    """Median wall time of running the command, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def import_time(module: str, runs: int) -> float:
    """Median cumulative import time of the module as -X importtime reports it, in seconds."""
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        line = re.search(rf"\|\s*(\d+) \| {re.escape(module)}$", done.stderr, re.M)
        assert line, done.stderr[-500:]
        times.append(int(line.group(1)) / 1e6)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    rows = [
        ("import kg.cli (-X importtime)", import_time("kg.cli", runs)),
        ("python -c 'import kg.cli' (wall)", wall([sys.executable, "-c", "import kg.cli"], runs)),
        ("kg --help (wall)", wall([str(KG), "--help"], runs)),
        ("python -c pass (wall)", wall([sys.executable, "-c", "pass"], runs)),
    ]
    print(f"median of {runs} runs")
    for name, seconds in rows:
        print(f"{name:34} {seconds:6.3f} s")


if __name__ == "__main__":
    main()
