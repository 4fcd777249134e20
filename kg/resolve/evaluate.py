"""Scores entity resolution against the hand-labelled gold pairs in data/eval/."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from kg.ingest import ingest
from kg.manifest import load_manifest
from kg.resolve import resolve


def evaluate(pairs_path: Path, root: Path) -> dict[str, object]:
    """Compare each labelled pair with the resolver's verdict (same work or not)."""
    parsed = ingest(load_manifest(root), root).parsed
    work_of = resolve(parsed).work_of
    titles = {f"{e.list_id}:{e.line}": e.title for p in parsed for e in p.entries}
    counts: Counter[str] = Counter()
    by_category: dict[str, Counter[str]] = {}
    errors: list[str] = []
    with pairs_path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            a, b = f"{row['list_a']}:{row['line_a']}", f"{row['list_b']}:{row['line_b']}"
            if a not in work_of or b not in work_of:
                errors.append(f"MISSING mention {a if a not in work_of else b}: not an entry")
                counts["missing"] += 1
                continue
            gold, predicted = row["label"] == "same", work_of[a] == work_of[b]
            outcome = {(True, True): "tp", (False, True): "fp", (True, False): "fn"}.get(
                (gold, predicted), "tn"
            )
            counts[outcome] += 1
            by_category.setdefault(row["category"], Counter())[outcome] += 1
            if outcome in ("fp", "fn"):
                kind = "FALSE MERGE" if outcome == "fp" else "MISSED"
                errors.append(f"{kind} {a} {titles[a]!r} ~ {b} {titles[b]!r} [{row['category']}]")
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {
        "pairs": sum(counts.values()),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "false_merges": fp,
        "counts": dict(counts),
        "by_category": by_category,
        "errors": errors,
    }
