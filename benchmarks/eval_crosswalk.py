"""Precision and recall of the taxonomy crosswalk against the hand-labelled correspondences.

Run: python benchmarks/eval_crosswalk.py [--versions …] [--pairs …] [--errors]
Builds the bundled lists, aligns the two versions of one survey (llms-data-ai-v1 → v2) one to
one and scores that against data/eval/crosswalk_versions.csv, then scores the alignments between
independent lists (version pairs left out) against data/eval/crosswalk_pairs.csv; prints
precision and recall per relation. Exits 1 when version precision or recall is below 0.95, or
cross-list exact/close precision below 0.9 (data/eval/CROSSWALK.md describes the labels).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402
from kg.authoring.crosswalk import Alignment, align_versions, version_pairs  # noqa: E402
from kg.authoring.crosswalk_eval import (  # noqa: E402
    CrosswalkScore,
    load_labels,
    report,
    score_pairs,
    score_versions,
)
from kg.pipeline import Built  # noqa: E402

OLD, NEW = "llms-data-ai-v1", "llms-data-ai-v2"
VERSIONS = ROOT / "data/eval/crosswalk_versions.csv"
PAIRS = ROOT / "data/eval/crosswalk_pairs.csv"
MIN_VERSIONS = 0.95  # precision and recall of the version alignment
MIN_STRONG = 0.9  # precision of exact/close matches between independent lists
STRONG = "exact/close"


@dataclass
class Scores:
    versions: CrosswalkScore
    pairs: CrosswalkScore


def cross_list(built: Built) -> list[Alignment]:
    """The build's alignments between independent lists (versions of one survey left out)."""
    sections = built.graph.sections
    versions = version_pairs(built.graph.surveys.values())
    return [
        a
        for a in built.alignments
        if frozenset((sections[a.source].list_id, sections[a.target].list_id)) not in versions
    ]


def score(built: Built, versions: Path = VERSIONS, pairs: Path = PAIRS) -> Scores:
    """Both scores for a build of the bundled lists."""
    kg = built.graph
    by_versions = CrosswalkScore()
    version_labels = load_labels(versions, kg, by_versions)
    scored = score_versions(version_labels, align_versions(kg, OLD, NEW))
    scored.unresolved += by_versions.unresolved
    by_pairs = CrosswalkScore()
    pair_labels = load_labels(pairs, kg, by_pairs)
    scored_pairs = score_pairs(pair_labels, cross_list(built))
    scored_pairs.unresolved += by_pairs.unresolved
    return Scores(scored, scored_pairs)


def failures(scores: Scores) -> list[str]:
    """Each target missed, in words; [] when all are met."""
    found = []
    for what, value in (
        ("version precision", scores.versions.precision("any")),
        ("version recall", scores.versions.recall("any")),
    ):
        if value is None or value < MIN_VERSIONS:
            found.append(f"{what} {_fmt(value)} < {MIN_VERSIONS}")
    strong = scores.pairs.precision(STRONG)
    if strong is None or strong < MIN_STRONG:
        found.append(f"cross-list {STRONG} precision {_fmt(strong)} < {MIN_STRONG}")
    unresolved = scores.versions.unresolved + scores.pairs.unresolved
    found += [f"labelled section not in the graph: {u}" for u in unresolved]
    return found


def _fmt(value: float | None) -> str:
    return "none" if value is None else f"{value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=Path, default=VERSIONS)
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--errors", action="store_true", help="also print every wrong row")
    args = parser.parse_args()
    scores = score(api.build(), args.versions, args.pairs)
    print(report(f"versions ({OLD} -> {NEW}, {args.versions.name})", scores.versions))
    print(report(f"independent lists ({args.pairs.name})", scores.pairs))
    if args.errors:
        for line in scores.versions.errors + scores.pairs.errors:
            print(f"  {line}")
    missed = failures(scores)
    for line in missed:
        print(f"below target: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
