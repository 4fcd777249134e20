"""Leave-one-out scoring of section suggestions, beside a keyword baseline of the list-bot kind.

Each listed work is hidden in turn (the list's index is built again without it: word weights,
section profiles, neighbours, sizes and the crosswalk evidence it gave) and its section
predicted from its title, and its summary when the list gives one. A work filed in several
sections is a hit when any of them is predicted. The baseline gives each section the words of
its label as keywords and a paper the sections whose keywords its title holds, most matches
first, ties by section order.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.authoring.suggest import SuggestIndex, build_index, list_entry, placements, rank, tokens

if TYPE_CHECKING:
    from kg.pipeline import Built

MIN_WORKS = 5  # sections holding at least this many works are the targets


@dataclass
class Score:
    """Hits among the works tried."""

    tried: int = 0
    top1: int = 0
    top3: int = 0

    def add(self, predicted: list[str], gold: frozenset[str]) -> None:
        self.tried += 1
        self.top1 += bool(predicted[:1] and predicted[0] in gold)
        self.top3 += any(p in gold for p in predicted[:3])

    def rate(self, hits: int) -> float:
        return hits / self.tried if self.tried else 0.0


@dataclass
class ListScore:
    """One list's figures: ours (with and without the crosswalk) and the baseline's."""

    list_id: str
    ours: dict[str, Score] = field(default_factory=lambda: {"all": Score(), ">=5": Score()})
    text_only: dict[str, Score] = field(default_factory=lambda: {"all": Score(), ">=5": Score()})
    baseline: dict[str, Score] = field(default_factory=lambda: {"all": Score(), ">=5": Score()})
    seconds: float = 0.0
    suggestions: int = 0

    @property
    def ms_per_suggestion(self) -> float:
        return 1000 * self.seconds / self.suggestions if self.suggestions else 0.0


def keyword_baseline(index: SuggestIndex, title: str) -> list[str]:
    """Sections whose label words the title holds, most first, ties by section order."""
    words = set(tokens(title))
    kg = index.graph
    matched = []
    for order, s in enumerate(index.sections):
        hits = len(set(tokens(kg.sections[s].label)) & words)
        if hits:
            matched.append((-hits, order, s))
    return [s for _, _, s in sorted(matched)]


def evaluate_list(built: Built, list_id: str) -> ListScore:
    """Leave-one-out over every work of the list."""
    full = build_index(built, list_id)
    kg = full.graph
    sizes = {s: sum(s in g for g in full.work_sections.values()) for s in full.sections}
    result = ListScore(list_id)
    for work, gold in full.work_sections.items():
        index = build_index(built, list_id, hidden=work)
        title, summary = list_entry(kg, work, list_id)
        groups = ["all"] + ([">=5"] if any(sizes[s] >= MIN_WORKS for s in gold) else [])
        started = time.perf_counter()
        kind = kg.works[work].kind
        found = rank(index, title, summary, placements(index, work), exclude=work, kind=kind)
        result.seconds += time.perf_counter() - started
        result.suggestions += 1
        plain = rank(index, title, summary, exclude=work, kind=kind)
        keywords = keyword_baseline(index, title)
        for group in groups:
            result.ours[group].add([s.section for s in found], gold)
            result.text_only[group].add([s.section for s in plain], gold)
            result.baseline[group].add(keywords, gold)
    return result


def evaluate(built: Built) -> list[ListScore]:
    """Every list of the build, in id order."""
    return [evaluate_list(built, s.id) for s in sorted(built.graph.surveys.values(), key=_id)]


def _id(s: object) -> str:
    return str(getattr(s, "id", ""))
