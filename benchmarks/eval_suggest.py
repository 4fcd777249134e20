"""Section suggestions, leave-one-out on every bundled list, beside a keyword baseline.

Run: python benchmarks/eval_suggest.py [--out out]
Uses the build in --out when there is one, else builds the bundled lists. Prints, per list,
top-1 and top-3 accuracy over all works and over works of sections holding at least five,
for the suggestions (with the crosswalk, and from the text alone) and for the keyword baseline,
then milliseconds per suggestion; and how duplicate candidates are found: the resolver against a
title-similarity rule (difflib ratio >= 0.94) on the hand-labelled pairs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.authoring.suggest_eval import ListScore, Score, evaluate  # noqa: E402
from kg.authoring.triage_eval import compare_rules  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--pairs", type=Path, default=ROOT / "data/eval/resolution_pairs.csv")
    args = parser.parse_args()
    built = _built(args.out)
    print("list                    group  n    ours@1 ours@3  text@1 text@3  kw@1  kw@3   ms")
    for score in evaluate(built):
        _print(score)
    print("\nduplicates on the labelled pairs (precision / recall / false merges):")
    for name, row in compare_rules(args.pairs, ROOT).items():
        print(
            f"  {name:28} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
            f"false merges {row['false_merges']}  (pairs {row['pairs']})"
        )
    return 0


def _built(out: Path):  # type: ignore[no-untyped-def]
    from kg import api
    from kg.snapshot import SnapshotError

    try:
        return api.load(out)
    except SnapshotError:
        return api.build()


def _print(score: ListScore) -> None:
    for group in ("all", ">=5"):
        ours, text, kw = score.ours[group], score.text_only[group], score.baseline[group]
        print(
            f"{score.list_id:23} {group:5} {ours.tried:4}  {_r(ours)}  {_r(text)}  {_r(kw)}"
            f"  {score.ms_per_suggestion:5.2f}"
        )


def _r(s: Score) -> str:
    return f"{s.rate(s.top1):.3f} {s.rate(s.top3):.3f}"


if __name__ == "__main__":
    raise SystemExit(main())
