"""Duplicates on the hand-labelled pairs: the resolver against the list-bot rule (difflib ratio of
lower-cased titles >= 0.94), measured in one run on the same pairs."""

from __future__ import annotations

import csv
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from kg.model import SurveyList
from kg.resolve.evaluate import FIXTURE_DIR, FIXTURE_PREFIX, evaluate, precision, recall
from kg.sources import read_list
from kg.sources.ingest import ingest
from kg.sources.manifest import load_manifest

BOT_RATIO = 0.94


def same_by_ratio(a: str, b: str) -> bool:
    """The list-bot rule: near-identical lower-cased titles are one paper."""
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= BOT_RATIO


def compare_rules(pairs_path: Path, root: Path) -> dict[str, dict[str, object]]:
    """Precision, recall and false merges of each rule on the labelled pairs."""
    rows = _rows(pairs_path)
    titles = _titles(rows, root)
    counts: Counter[str] = Counter()
    for row in rows:
        a, b = f"{row['list_a']}:{row['line_a']}", f"{row['list_b']}:{row['line_b']}"
        if a in titles and b in titles:
            gold, said = row["label"] == "same", same_by_ratio(titles[a], titles[b])
            counts[
                {(True, True): "tp", (False, True): "fp", (True, False): "fn"}.get(
                    (gold, said), "tn"
                )
            ] += 1
    ours = evaluate(pairs_path, root)
    bot = {
        "pairs": sum(counts.values()),
        "precision": precision(counts),
        "recall": recall(counts),
        "false_merges": counts["fp"],
    }
    return {"resolver": ours, f"title ratio >= {BOT_RATIO}": bot}


def _rows(pairs_path: Path) -> list[dict[str, str]]:
    with pairs_path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _titles(rows: list[dict[str, str]], root: Path) -> dict[str, str]:
    """Each mention's title, the bundled lists and the fixture lists the pairs name."""
    parsed = ingest(load_manifest(root), root).parsed
    ids = sorted({r[c] for r in rows for c in ("list_a", "list_b")} - {""})
    for i in ids:
        if i.startswith(FIXTURE_PREFIX):
            name = i.removeprefix(FIXTURE_PREFIX)
            parsed.append(
                read_list(SurveyList(id=i, title=name, file=str(FIXTURE_DIR / f"{name}.md")), root)
            )
    return {f"{e.list_id}:{e.line}": e.title for p in parsed for e in p.entries}
