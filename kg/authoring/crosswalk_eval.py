"""Precision and recall of the crosswalk against hand-labelled section correspondences."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.authoring.crosswalk import CLOSE, EXACT, MAPPINGS, RELATED, Alignment
from kg.graph import KnowledgeGraph

NO_MATCH = "noMatch"
STRONG = frozenset({EXACT, CLOSE})


@dataclass
class Labelled:
    """One hand-labelled row: two sections (by list and heading line) and how they relate."""

    first: str | None
    second: str | None
    relation: str
    reason: str


@dataclass
class CrosswalkScore:
    """Counts per relation: predicted, right among predicted, labelled, found among labelled."""

    predicted: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    labelled: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def precision(self, relation: str) -> float | None:
        return self.right[relation] / self.predicted[relation] if self.predicted[relation] else None

    def recall(self, relation: str) -> float | None:
        return self.found[relation] / self.labelled[relation] if self.labelled[relation] else None


def section_index(kg: KnowledgeGraph) -> dict[tuple[str, str], str]:
    """(list id, heading line) and (list id, lower-cased label) → section node."""
    index: dict[tuple[str, str], str] = {}
    for node, section in sorted(kg.sections.items()):
        index.setdefault((section.list_id, str(section.line)), node)
        index.setdefault((section.list_id, section.label.strip().lower()), node)
    return index


def load_labels(path: Path, kg: KnowledgeGraph, score: CrosswalkScore) -> list[Labelled]:
    index = section_index(kg)
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            first = _find(index, row, "a", score)
            second = _find(index, row, "b", score)
            rows.append(Labelled(first, second, row["relation"].strip(), row.get("reason", "")))
    return rows


def _find(
    index: dict[tuple[str, str], str], row: dict[str, str], side: str, score: CrosswalkScore
) -> str | None:
    list_id = (row.get(f"list_{side}") or "").strip()
    if not list_id:
        return None
    line, label = (row.get(f"line_{side}") or "").strip(), (row.get(f"label_{side}") or "").strip()
    node = index.get((list_id, line)) or index.get((list_id, label.lower()))
    if node is None:
        score.unresolved.append(f"{list_id}:{line} {label!r}")
    return node


def _predicted(alignments: list[Alignment]) -> dict[frozenset[str], str]:
    """The strongest relation predicted between two sections, whichever way round."""
    rank = {EXACT: 0, CLOSE: 1, RELATED: 2}
    found: dict[frozenset[str], str] = {}
    for a in alignments:
        key = frozenset((a.source, a.target))
        if key not in found or rank[a.relation] < rank[found[key]]:
            found[key] = a.relation
    return found


def score_versions(labels: list[Labelled], alignments: list[Alignment]) -> CrosswalkScore:
    """Versions: every predicted pair is checked (the labels cover every section of both)."""
    score = CrosswalkScore()
    gold = {frozenset((r.first, r.second)): r.relation for r in labels if r.first and r.second}
    for key, relation in _predicted(alignments).items():
        truth = gold.get(key, NO_MATCH)
        for name in (relation, "any"):
            score.predicted[name] += 1
            if truth in MAPPINGS and (
                name == "any" or truth == relation or {truth, relation} <= STRONG
            ):
                score.right[name] += 1
        if truth not in MAPPINGS:
            score.errors.append(f"predicted {relation} for {sorted(key)}, labelled {truth}")
    predicted = _predicted(alignments)
    for key, truth in gold.items():
        if truth not in MAPPINGS:
            continue
        for name in (truth, "any"):
            score.labelled[name] += 1
            if key in predicted:
                score.found[name] += 1
        if key not in predicted:
            score.errors.append(f"missed {truth} {sorted(key)}")
    return score


def score_pairs(labels: list[Labelled], alignments: list[Alignment]) -> CrosswalkScore:
    """Independent lists: only the labelled pairs are judged (a sample, not every pair)."""
    score = CrosswalkScore()
    predicted = _predicted(alignments)
    for row in labels:
        if not (row.first and row.second):
            continue
        got = predicted.get(frozenset((row.first, row.second)))
        truth = row.relation
        if got is not None:
            group = "exact/close" if got in STRONG else got
            score.predicted[group] += 1
            # exact or close must be labelled exact or close; a related pair must be a match of
            # some kind (close and exact mappings relate their sections too)
            right = truth in STRONG if got in STRONG else truth in MAPPINGS
            score.right[group] += int(right)
            if not right:
                score.errors.append(
                    f"predicted {got}, labelled {truth}: {row.first} ~ {row.second}"
                )
        if truth in MAPPINGS:
            group = "exact/close" if truth in STRONG else truth
            score.labelled[group] += 1
            hit = got is not None and ((got in STRONG) == (truth in STRONG))
            score.found[group] += int(hit)
    return score


def report(name: str, score: CrosswalkScore) -> str:
    lines = [f"{name}:"]
    for relation in sorted(set(score.predicted) | set(score.labelled)):
        p, r = score.precision(relation), score.recall(relation)
        lines.append(
            f"  {relation:12} precision {_fmt(p)} ({score.right[relation]}/{score.predicted[relation]})"
            f"  recall {_fmt(r)} ({score.found[relation]}/{score.labelled[relation]})"
        )
    lines += [f"  unresolved row: {u}" for u in score.unresolved]
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"
