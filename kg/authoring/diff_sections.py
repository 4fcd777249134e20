"""Which section of the new version is which section of the old one, matched by content (the
works under it), label, number and place, never by position alone: the version alignment of
`crosswalk.py`, applied to two parsed lists without building a graph."""

from __future__ import annotations

from dataclasses import dataclass

from kg.authoring.crosswalk import label_similarity, label_words
from kg.model import Entry, ParsedList, Section

MIN_SCORE = 0.45


@dataclass(frozen=True)
class Side:
    """One section with its label's content words and the works under it (subsections too)."""

    section: Section
    words: str
    works: frozenset[str]


@dataclass(frozen=True)
class Pair:
    """A matched pair of sections and the evidence."""

    old: Section
    new: Section
    score: float
    shared: int
    label: float


def works_under(parsed: ParsedList, work_of: dict[str, str]) -> dict[str, frozenset[str]]:
    """Works of each section, its subsections' included, from the resolution."""
    found: dict[str, set[str]] = {s.key: set() for s in parsed.sections}
    parent = {s.key: s.parent for s in parsed.sections}
    for entry in parsed.entries:
        work = work_of[mention(entry)]
        for key in entry.sections:
            _add_up(found, parent, key, work)
    return {k: frozenset(v) for k, v in found.items()}


def _add_up(found: dict[str, set[str]], parent: dict[str, str | None], key: str, work: str) -> None:
    seen: set[str] = set()
    node: str | None = key
    while node is not None and node in found and node not in seen:
        seen.add(node)
        found[node].add(work)
        node = parent.get(node)


def mention(entry: Entry) -> str:
    """The mention id the resolution keys its works by."""
    return f"{entry.list_id}:{entry.line}"


def sides(parsed: ParsedList, works: dict[str, frozenset[str]]) -> list[Side]:
    """The sections in list order, ready to score."""
    ordered = sorted(parsed.sections, key=lambda s: (s.order, s.key))
    return [Side(s, label_words(s.label), works.get(s.key, frozenset())) for s in ordered]


def _same_label(a: Section, b: Section) -> bool:
    return " ".join(a.label.lower().split()) == " ".join(b.label.lower().split())


def _label(a: Side, b: Side) -> float:
    if a.words and b.words:
        return label_similarity(a.words, b.words)
    return 1.0 if _same_label(a.section, b.section) else 0.0


def _content(a: Side, b: Side) -> tuple[float, int]:
    """0..1 from shared works: Jaccard, or most of the smaller section; and the count shared."""
    shared = len(a.works & b.works)
    union = len(a.works | b.works)
    if not shared:
        return 0.0, 0
    smaller = min(len(a.works), len(b.works))
    return max(shared / union, 0.8 * shared / smaller) * min(1.0, shared / 2), shared


def _place(a: Side, b: Side, parents: dict[tuple[str, str], float]) -> float:
    """Small bonuses for the same depth, the same number and alike parents: they break ties
    between sections with one label (the "Summary" closing each chapter)."""
    bonus = 0.05 if a.section.level == b.section.level else 0.0
    if a.section.notation and a.section.notation == b.section.notation:
        bonus += 0.05
    pa, pb = a.section.parent, b.section.parent
    if pa is None and pb is None:
        bonus += 0.05
    elif pa is not None and pb is not None:
        bonus += 0.05 * parents.get((pa, pb), 0.0)
    return bonus


def score(a: Side, b: Side, parents: dict[tuple[str, str], float]) -> tuple[float, int, float]:
    """(score, shared works, label similarity) of an old and a new section."""
    label = _label(a, b)
    content, shared = _content(a, b)
    both_full = bool(a.works) and bool(b.works)
    if both_full and not shared:
        label *= 0.7  # one label over different works is likely another section
    return 0.5 * label + 0.5 * content + _place(a, b, parents), shared, label


def _parent_labels(olds: list[Side], news: list[Side]) -> dict[tuple[str, str], float]:
    return {(a.section.key, b.section.key): _label(a, b) for a in olds for b in news}


def align(old: ParsedList, new: ParsedList, work_of: dict[str, str]) -> list[Pair]:
    """One to one: the best-scoring pairs first (the nearer in list order on a tie), each
    section used once."""
    olds = sides(old, works_under(old, work_of))
    news = sides(new, works_under(new, work_of))
    parents = _parent_labels(olds, news)
    scored = []
    for a in olds:
        for b in news:
            total, shared, label = score(a, b, parents)
            if total >= MIN_SCORE:
                scored.append(Pair(a.section, b.section, round(total, 6), shared, label))
    scored.sort(key=_rank)
    return _greedy(scored)


def _rank(p: Pair) -> tuple[float, int, int, int]:
    return -p.score, abs(p.old.order - p.new.order), p.old.order, p.new.order


def _greedy(scored: list[Pair]) -> list[Pair]:
    used_old: set[str] = set()
    used_new: set[str] = set()
    pairs = []
    for p in scored:
        if p.old.key in used_old or p.new.key in used_new:
            continue
        used_old.add(p.old.key)
        used_new.add(p.new.key)
        pairs.append(p)
    return sorted(pairs, key=lambda p: p.new.order)
