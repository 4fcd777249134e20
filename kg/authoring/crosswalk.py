"""How the taxonomies of two lists align: each section's closest sections in the other list,
scored from the works they share and from their labels, as SKOS mappings with evidence.

Two versions of one survey are aligned one to one (a section is renamed, renumbered or moved
between versions, rarely split); independent lists are aligned many to many, and only where
the evidence says so: a shared label alone is a weak hint, shared works are the strong one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from kg.graph import KnowledgeGraph
from kg.model import Predicate, Relation, Section, SurveyList

EXACT, CLOSE, RELATED = "exactMatch", "closeMatch", "relatedMatch"
MAPPINGS = (EXACT, CLOSE, RELATED)
RULE_LISTS = "crosswalk-shared-works-and-labels"
RULE_VERSIONS = "crosswalk-versions"
MAX_TARGETS = 3  # closest sections kept per section and other list

_GENERIC = frozenset(
    """a an and the of for in on to with by from via based using toward towards
    llm llms large language model models lm lms data method methods approach approaches
    technique techniques other others misc miscellaneous general related work works paper papers
    survey surveys overview introduction""".split()
)
_NOTATION = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")


@dataclass(frozen=True)
class Alignment:
    """One section of one list mapped to a section of another, and why."""

    source: str  # section node
    target: str
    relation: str
    score: float
    shared: int
    label_similarity: float
    evidence: str
    versions: bool = False

    def reversed(self) -> Alignment:
        """The same mapping seen from the other section (SKOS mappings are symmetric)."""
        return replace(self, source=self.target, target=self.source)

    def as_relation(self) -> Relation:
        rule = RULE_VERSIONS if self.versions else RULE_LISTS
        return Relation(
            subject=self.source,
            predicate=Predicate(self.relation),
            object=self.target,
            confidence=round(min(1.0, max(0.0, self.score)), 2),
            evidence=self.evidence,
            rule=rule,
        )


@dataclass(frozen=True)
class Side:
    """What is known of one section: its label's content words and the works under it."""

    node: str
    section: Section
    words: str
    works: frozenset[str]


def label_words(label: str) -> str:
    """Content words of a label, crudely stemmed: "3.1 Data Selection Methods" → "selection"."""
    text = _NOTATION.sub("", label.lower())
    tokens = [_stem(t) for t in re.findall(r"[\w-]+", text) if t not in _GENERIC]
    return " ".join(t for t in tokens if t)


@lru_cache(maxsize=1 << 16)
def _stem(token: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "s", "ed", "al"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return token


def label_similarity(a: str, b: str) -> float:
    """0..1: the content words of two labels, order and small spelling differences aside."""
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(a, b) / 100.0


def subtree_works(kg: KnowledgeGraph) -> dict[str, frozenset[str]]:
    """Works under each section, its subsections included."""
    done: dict[str, frozenset[str]] = {}

    def under(node: str) -> frozenset[str]:
        if node not in done:
            works = set(kg.works_in(node))
            for child in kg.into(node, "broader"):
                works |= under(child)
            done[node] = frozenset(works)
        return done[node]

    for node in kg.sections:
        under(node)
    return done


def sides(kg: KnowledgeGraph, list_id: str, works: dict[str, frozenset[str]]) -> list[Side]:
    return [
        Side(node, s, label_words(s.label), works[node])
        for node, s in sorted(kg.sections.items(), key=lambda x: (x[1].order, x[0]))
        if s.list_id == list_id
    ]


def pair_scores(a: Side, b: Side) -> tuple[float, int, float, float]:
    """(score, shared works, share of the smaller section, label similarity)."""
    shared = len(a.works & b.works)
    smaller = min(len(a.works), len(b.works))
    overlap = shared / smaller if smaller else 0.0
    label = label_similarity(a.words, b.words)
    weight = min(1.0, shared / 3)  # one shared work is a hint, three are evidence
    return 0.55 * overlap * weight + 0.45 * label, shared, overlap, label


def relation_between(shared: int, overlap: float, label: float) -> str | None:
    """The SKOS mapping the evidence supports between sections of independent lists: exact or
    close only where several works are shared and the labels agree (or most works are shared);
    a label alone, or a work or two, only relates them."""
    if shared >= 3 and ((label >= 0.9 and overlap >= 0.15) or overlap >= 0.5):
        return EXACT if label >= 0.95 and overlap >= 0.5 else CLOSE
    if (label >= 0.75 and shared >= 1) or (overlap >= 0.3 and shared >= 2) or label >= 0.9:
        return RELATED
    return None


def _evidence(a: Side, b: Side, shared: int, label: float) -> str:
    parts = []
    if shared:
        parts.append(f"{shared} shared works ({len(a.works)} and {len(b.works)} in all)")
    if label:
        parts.append(f"labels {a.section.label!r} ~ {b.section.label!r} ({label:.2f})")
    return "; ".join(parts) or "no shared works; labels differ"


def align_lists(
    kg: KnowledgeGraph, first: str, second: str, works: dict[str, frozenset[str]] | None = None
) -> list[Alignment]:
    """For each section of `first`, its closest sections of `second` (independent lists)."""
    works = works or subtree_works(kg)
    found: list[Alignment] = []
    targets = sides(kg, second, works)
    for a in sides(kg, first, works):
        candidates = []
        for b in targets:
            score, shared, overlap, label = pair_scores(a, b)
            relation = relation_between(shared, overlap, label)
            if relation:
                evidence = _evidence(a, b, shared, label)
                candidates.append(
                    Alignment(a.node, b.node, relation, score, shared, label, evidence)
                )
        candidates.sort(key=lambda x: (-x.score, x.target))
        found += candidates[:MAX_TARGETS]
    return found


def align_versions(
    kg: KnowledgeGraph, old: str, new: str, works: dict[str, frozenset[str]] | None = None
) -> list[Alignment]:
    """One to one between two versions of a survey: the best-scoring pairs first, each section
    used once; a renamed section keeps its works, a renumbered one its label."""
    works = works or subtree_works(kg)
    olds, news = sides(kg, old, works), sides(kg, new, works)
    scored = []
    for a in olds:
        for b in news:
            score, shared, overlap, label = version_scores(a, b)
            if score >= 0.45:
                scored.append((score, a, b, shared, label, overlap))
    scored.sort(key=lambda x: (-x[0], x[1].section.order, x[2].section.order))
    used_a: set[str] = set()
    used_b: set[str] = set()
    found = []
    for score, a, b, shared, label, overlap in scored:
        if a.node in used_a or b.node in used_b:
            continue
        used_a.add(a.node)
        used_b.add(b.node)
        relation = EXACT if label >= 0.8 or (overlap >= 0.6 and shared >= 2) else CLOSE
        evidence = "versions of one survey; " + _evidence(a, b, shared, label)
        found.append(Alignment(a.node, b.node, relation, score, shared, label, evidence, True))
    return found


def version_scores(a: Side, b: Side) -> tuple[float, int, float, float]:
    shared = len(a.works & b.works)
    union = len(a.works | b.works)
    jaccard = shared / union if union else 0.0
    smaller = min(len(a.works), len(b.works))
    overlap = shared / smaller if smaller else 0.0
    label = label_similarity(a.words, b.words) if (a.words and b.words) else _raw_label(a, b)
    depth = 0.05 if a.section.level == b.section.level else 0.0
    return 0.6 * label + 0.4 * max(jaccard, overlap * 0.8) + depth, shared, overlap, label


def _raw_label(a: Side, b: Side) -> float:
    return 1.0 if a.section.label.strip().lower() == b.section.label.strip().lower() else 0.0


def version_pairs(lists: Iterable[SurveyList]) -> set[frozenset[str]]:
    """Pairs of list ids that are versions of one survey, as the manifest records them."""
    by_id = {s.id: s for s in lists}
    pairs = set()
    for s in by_id.values():
        if s.previous_version and s.previous_version in by_id:
            pairs.add(frozenset((s.id, s.previous_version)))
    return pairs


def crosswalk(kg: KnowledgeGraph) -> list[Alignment]:
    """Every pair of lists, both ways round; versions of one survey aligned as versions."""
    works = subtree_works(kg)
    lists = sorted(s.id for s in kg.surveys.values())
    versions = version_pairs(kg.surveys.values())
    found: list[Alignment] = []
    for a in lists:
        for b in lists:
            if a == b:
                continue
            if frozenset((a, b)) in versions:
                if _is_older(kg, a, b):
                    pairs = align_versions(kg, a, b, works)
                    found += pairs + [x.reversed() for x in pairs]
                continue
            found += align_lists(kg, a, b, works)
    return found


def _is_older(kg: KnowledgeGraph, a: str, b: str) -> bool:
    survey = {s.id: s for s in kg.surveys.values()}
    return survey[b].previous_version == a


def aligned_into(
    alignments: list[Alignment], kg: KnowledgeGraph, list_id: str
) -> dict[str, list[Alignment]]:
    """Other lists' sections → their alignments with sections of `list_id`, each seen from the
    other list's side (mappings are symmetric, so either direction counts)."""
    into: dict[str, list[Alignment]] = defaultdict(list)
    for a in alignments:
        source, target = kg.sections[a.source], kg.sections[a.target]
        if target.list_id == list_id and source.list_id != list_id:
            into[a.source].append(a)
        elif source.list_id == list_id and target.list_id != list_id:
            into[a.target].append(a.reversed())
    return dict(into)
