"""Scores entity resolution against the hand-labelled gold pairs in data/eval/.

A pair refers to a mention by (list id, line). The list id is a bundled list of the manifest, or
`fixture:NAME` for the small list `tests/fixtures/lists/NAME.md`, read with the same reader and
resolved together with the bundled lists.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from kg.model import ParsedList, SurveyList
from kg.resolve import resolve
from kg.sources import read_list
from kg.sources.ingest import ingest
from kg.sources.manifest import load_manifest

FIXTURE_PREFIX = "fixture:"
FIXTURE_DIR = Path("tests/fixtures/lists")


def evaluate(pairs_path: Path, root: Path) -> dict[str, object]:
    """Compare each labelled pair with the resolver's verdict (same work or not)."""
    rows = _rows(pairs_path)
    parsed = ingest(load_manifest(root), root).parsed + _fixtures(rows, root)
    work_of = resolve(parsed).work_of
    titles = {f"{e.list_id}:{e.line}": e.title for p in parsed for e in p.entries}
    counts: Counter[str] = Counter()
    by_category: dict[str, Counter[str]] = {}
    by_source: dict[str, Counter[str]] = {}
    errors: list[str] = []
    for row in rows:
        a, b = f"{row['list_a']}:{row['line_a']}", f"{row['list_b']}:{row['line_b']}"
        if a not in work_of or b not in work_of:
            errors.append(f"MISSING mention {a if a not in work_of else b}: not an entry")
            counts["missing"] += 1
            continue
        outcome = _outcome(row["label"] == "same", work_of[a] == work_of[b])
        counts[outcome] += 1
        by_category.setdefault(row["category"], Counter())[outcome] += 1
        by_source.setdefault(_source(row), Counter())[outcome] += 1
        if outcome in ("fp", "fn"):
            kind = "FALSE MERGE" if outcome == "fp" else "MISSED"
            errors.append(f"{kind} {a} {titles[a]!r} ~ {b} {titles[b]!r} [{row['category']}]")
    return {**_scores(counts), "by_category": by_category, "by_source": by_source, "errors": errors}


def _rows(pairs_path: Path) -> list[dict[str, str]]:
    with pairs_path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _fixtures(rows: list[dict[str, str]], root: Path) -> list[ParsedList]:
    """The fixture lists the pairs refer to, read like any list."""
    ids = sorted({r[c] for r in rows for c in ("list_a", "list_b")} - {""})
    return [read_list(_fixture_source(i), root) for i in ids if i.startswith(FIXTURE_PREFIX)]


def _fixture_source(list_id: str) -> SurveyList:
    name = list_id.removeprefix(FIXTURE_PREFIX)
    return SurveyList(id=list_id, title=name, file=str(FIXTURE_DIR / f"{name}.md"))


def _source(row: dict[str, str]) -> str:
    """Bundled pairs are reported apart, so fixture cases never hide a change on real lists."""
    fixture = any(row[c].startswith(FIXTURE_PREFIX) for c in ("list_a", "list_b"))
    return "fixture" if fixture else "bundled"


def _outcome(gold: bool, predicted: bool) -> str:
    return {(True, True): "tp", (False, True): "fp", (True, False): "fn"}.get(
        (gold, predicted), "tn"
    )


def _scores(counts: Counter[str]) -> dict[str, object]:
    return {
        "pairs": sum(counts.values()),
        "precision": precision(counts),
        "recall": recall(counts),
        "false_merges": counts["fp"],
        "counts": dict(counts),
    }


def precision(counts: Counter[str]) -> float:
    """Share of predicted merges that are right (1.0 when nothing was merged)."""
    tp, fp = counts["tp"], counts["fp"]
    return tp / (tp + fp) if tp + fp else 1.0


def recall(counts: Counter[str]) -> float:
    """Share of true merges found (1.0 when there were none to find)."""
    tp, fn = counts["tp"], counts["fn"]
    return tp / (tp + fn) if tp + fn else 1.0
