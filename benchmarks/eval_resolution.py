"""Pairwise precision and recall of entity resolution on the hand-labelled gold pairs.

Run: python benchmarks/eval_resolution.py [--pairs data/eval/resolution_pairs.csv]
Prints precision and recall, overall and apart for the bundled lists and the fixture lists,
per-category results, and every false merge and missed merge.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.resolve.evaluate import evaluate, precision, recall  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=ROOT / "data/eval/resolution_pairs.csv")
    args = parser.parse_args()
    result = evaluate(args.pairs, ROOT)
    print(f"pairs: {result['pairs']}  {result['counts']}")
    print(
        f"precision: {result['precision']:.3f}  recall: {result['recall']:.3f}  "
        f"false merges: {result['false_merges']}"
    )
    for source, c in sorted(result["by_source"].items()):  # type: ignore[union-attr]
        _print_source(source, c)
    print("\nper category (tp/fp/fn/tn):")
    for category, c in sorted(result["by_category"].items()):  # type: ignore[union-attr]
        print(f"  {category:28} {c['tp']:3} {c['fp']:3} {c['fn']:3} {c['tn']:3}")
    for line in result["errors"]:  # type: ignore[union-attr]
        print(line)
    return 0


def _print_source(source: str, c: Counter[str]) -> None:
    """One line per source, so a change on the bundled lists is never hidden by the fixtures."""
    print(
        f"  {source:8} pairs: {sum(c.values()):3}  precision: {precision(c):.3f}  "
        f"recall: {recall(c):.3f}  false merges: {c['fp']}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
