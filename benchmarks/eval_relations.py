"""Precision and recall of the derived relations (introduces, extends, evaluatedOn).

Run: python benchmarks/eval_relations.py [--labelled …] [--true …]
Prints precision on the hand-labelled sample and recall on the hand-made true set, per relation
type and per rule, then every wrong, stale or missed row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.enrich import enrich  # noqa: E402
from kg.enrich.evaluate import evaluate_files, report  # noqa: E402
from kg.ingest import ingest  # noqa: E402
from kg.manifest import load_manifest  # noqa: E402
from kg.resolve import resolve  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labelled", type=Path, default=ROOT / "data/eval/relations_labelled.csv")
    parser.add_argument("--true", type=Path, default=ROOT / "data/eval/relations_true.csv")
    args = parser.parse_args()
    parsed = ingest(load_manifest(ROOT), ROOT).parsed
    resolution = resolve(parsed)
    result = evaluate_files(enrich(parsed, resolution), resolution, args.labelled, args.true)
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
