"""Precision and recall of the derived relations (introduces, extends, evaluatedOn).

Run: python benchmarks/eval_relations.py [--labelled …] [--true …] [--corpus] [--corpus-labelled …]
Prints precision on the hand-labelled sample of the bundled lists and recall on the hand-made true
set, per relation type and per rule, then every wrong, stale or missed row; then the same precision
on a corpus of fixture lists of many fields (tests/fixtures/lists/dialects and …/relations),
scored against data/eval/relations_corpus_labelled.csv.  `--corpus` prints the corpus part only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.enrich import enrich  # noqa: E402
from kg.enrich.evaluate import (  # noqa: E402
    corpus_report,
    evaluate_corpus,
    evaluate_files,
    read_corpus,
    report,
    rows,
)
from kg.resolve import resolve  # noqa: E402
from kg.sources.ingest import ingest  # noqa: E402
from kg.sources.manifest import load_manifest  # noqa: E402

CORPUS = (ROOT / "tests/fixtures/lists/dialects", ROOT / "tests/fixtures/lists/relations")


def corpus_files() -> list[Path]:
    """Every list of the corpus folders (their README files describe them and list nothing)."""
    return sorted(f for d in CORPUS for f in d.glob("*.md") if f.name != "README.md")


def bundled(labelled: Path, true: Path) -> str:
    """The bundled lists scored against their labelled sample and true set."""
    parsed = ingest(load_manifest(ROOT), ROOT).parsed
    resolution = resolve(parsed)
    return report(evaluate_files(enrich(parsed, resolution), resolution, labelled, true))


def corpus(labelled: Path) -> str:
    """The corpus lists, enriched without the curated facts (they are about the bundled lists)."""
    parsed = read_corpus(corpus_files())
    resolution = resolve(parsed)
    enrichment = enrich(parsed, resolution, facts=None)
    return corpus_report(evaluate_corpus(enrichment, resolution, rows(labelled)), parsed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labelled", type=Path, default=ROOT / "data/eval/relations_labelled.csv")
    parser.add_argument("--true", type=Path, default=ROOT / "data/eval/relations_true.csv")
    parser.add_argument("--corpus", action="store_true", help="score the corpus lists only")
    parser.add_argument(
        "--corpus-labelled",
        type=Path,
        default=ROOT / "data/eval/relations_corpus_labelled.csv",
    )
    args = parser.parse_args()
    if not args.corpus:
        print(bundled(args.labelled, args.true), end="\n\n")
    print(corpus(args.corpus_labelled))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
