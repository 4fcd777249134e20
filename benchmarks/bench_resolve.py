"""Ingest and entity resolution at 1×, 10× and 100× the seeds: time, peak memory, candidate pairs.

Run: python benchmarks/bench_resolve.py [--scales 1 10 100] [--seed 7] [--out benchmarks/out]
Scale 1 is the bundled seeds; other scales are generated (or reused when their manifest still
matches) under <out>/scale-<k>x. Each scale runs in a fresh child process, so that its peak RSS is
its own. Candidate pairs are counted after the timed run, so they do not add to its time.
Profile one run: python -m cProfile -s cumtime benchmarks/bench_resolve.py --child <root>
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import VERSION, generate  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from kg.resolve.matching import candidate_pairs, mentions_of  # noqa: E402
from kg.sources.ingest import ingest  # noqa: E402
from kg.sources.manifest import ManifestError, load_manifest, sha256_of  # noqa: E402

COLUMNS = (
    ("scale", "{:g}"),
    ("lists", "{:d}"),
    ("entries", "{:d}"),
    ("works", "{:d}"),
    ("ingest s", "{:.2f}"),
    ("resolve s", "{:.2f}"),
    ("total s", "{:.2f}"),
    ("peak MiB", "{:.0f}"),
    ("pairs", "{:d}"),
)


def run_child(root: Path) -> dict[str, float]:
    """Time ingest and resolve on one corpus; peak RSS is read before pairs are counted."""
    start = time.perf_counter()
    result = ingest(load_manifest(root), root)
    read = time.perf_counter()
    resolution = resolve(result.parsed)
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mib = peak / 2**20 if sys.platform == "darwin" else peak / 2**10
    entries = [e for p in result.parsed for e in p.entries]
    pairs = sum(1 for _ in candidate_pairs(mentions_of(entries)))
    return {
        "lists": len(result.parsed),
        "failures": len(result.failures),
        "entries": len(entries),
        "works": len(resolution.works),
        "ingest s": read - start,
        "resolve s": done - read,
        "total s": done - start,
        "peak MiB": peak_mib,
        "pairs": pairs,
    }


def corpus(scale: float, out: Path, seed: int) -> tuple[Path, str]:
    """The corpus root for a scale: the checkout at 1, else a generated (or reused) folder."""
    if scale == 1:
        return ROOT, "bundled seeds"
    root = out / f"scale-{scale:g}x"
    if _reusable(root, scale, seed):
        return root, "reused"
    start = time.perf_counter()
    generate(scale, root, seed)
    return root, f"generated in {time.perf_counter() - start:.1f} s"


def _reusable(root: Path, scale: float, seed: int) -> bool:
    """Same generator parameters, and every list file still has its manifest checksum."""
    try:
        truth = json.loads((root / "truth.json").read_text("utf-8"))
        lists = load_manifest(root)
    except (OSError, ValueError, ManifestError):
        return False
    if truth.get("params") != {"scale": scale, "seed": seed, "version": VERSION}:
        return False
    return all((root / s.file).is_file() and sha256_of(root / s.file) == s.sha256 for s in lists)


def measure(root: Path) -> dict[str, float]:
    """Run one scale in a fresh interpreter and read its figures from the last output line."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(root)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"child run on {root} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(rows: list[dict[str, float]]) -> str:
    cells = [[fmt.format(row[name]) for name, fmt in COLUMNS] for row in rows]
    widths = [max(len(name), *(len(c[i]) for c in cells)) for i, (name, _) in enumerate(COLUMNS)]
    lines = [" | ".join(name.rjust(w) for (name, _), w in zip(COLUMNS, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)


def growth(rows: list[dict[str, float]]) -> list[str]:
    """How much each step multiplies entries, resolve time and candidate pairs."""
    notes = []
    for a, b in itertools.pairwise(rows):
        ratios = [b[k] / a[k] if a[k] else float("nan") for k in ("entries", "resolve s", "pairs")]
        notes.append(
            f"{a['scale']:g}x -> {b['scale']:g}x: entries x{ratios[0]:.1f}, "
            f"resolve time x{ratios[1]:.1f}, candidate pairs x{ratios[2]:.1f}"
        )
    return notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1.0, 10.0, 100.0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child)))
        return 0
    print(f"command: {shlex.join(['python', *sys.argv])}")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"cpus: {os.cpu_count()}  load average: {load}  python: {sys.version.split()[0]}")
    rows = []
    for scale in args.scales:
        root, how = corpus(scale, args.out, args.seed)
        print(f"scale {scale:g}: {root} ({how}; load {os.getloadavg()[0]:.2f})", flush=True)
        row = {"scale": scale, **measure(root)}
        if row["failures"]:
            print(f"  {row['failures']:g} lists could not be read")
        rows.append(row)
    print()
    print(table(rows))
    print("\n".join(growth(rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
