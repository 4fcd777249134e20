"""The taxonomy outline's data: sections with counts, recency, works and aligned sections, as
columns the page's script reads (and renders lazily, so large taxonomies stay quick)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kg.authoring.crosswalk import Alignment, crosswalk, subtree_works
from kg.export.html.details import web_links
from kg.graph import KnowledgeGraph

Json = dict[str, Any]
RECENT_YEARS = 2  # "recent" is the newest year of the graph and the one before


def taxonomy_data(
    kg: KnowledgeGraph,
    list_ids: list[str] | None = None,
    alignments: list[Alignment] | None = None,
    graph: bool = False,
    thin: int = 3,
) -> Json:
    """The outline of the given lists (default: all), for taxonomy.js; `graph` says whether the
    page also holds the graph explorer to jump to."""
    chosen = list_ids if list_ids is not None else [s.id for s in kg.surveys.values()]
    alignments = alignments if alignments is not None else crosswalk(kg)
    lists = [s.id for s in kg.surveys.values()]
    nodes = [
        n for n, s in sorted(kg.sections.items(), key=lambda x: x[1].order) if s.list_id in chosen
    ]
    works = _Works(kg)
    sections = _sections(kg, nodes, lists, works, _aligned(kg, alignments, nodes, lists))
    return {
        "lists": [_list_row(kg, s.id) for s in kg.surveys.values()],
        "roots": [lists.index(i) for i in chosen],
        "newest": works.newest,
        "recentYears": RECENT_YEARS,
        "sections": sections,
        "works": works.columns(),
        "graph": graph,
        "thin": thin,
    }


def _list_row(kg: KnowledgeGraph, list_id: str) -> Json:
    survey = next(s for s in kg.surveys.values() if s.id == list_id)
    return {"id": survey.id, "title": survey.title, "file": survey.file}


class _Works:
    """The works the outline names, each once, numbered in the order first met."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.index: dict[str, int] = {}
        self.newest = max((w.year for w in kg.works.values() if w.year), default=0)
        self.lines = _lines(kg)

    def number(self, work: str) -> int:
        return self.index.setdefault(work, len(self.index))

    def recent_share(self, works: frozenset[str]) -> float:
        """Share of the dated works from the last RECENT_YEARS years; -1 when none is dated."""
        years = [self.kg.works[w].year for w in works if self.kg.works[w].year]
        if not years:
            return -1.0
        recent = sum(1 for y in years if y and y > self.newest - RECENT_YEARS)
        return round(recent / len(years), 3)

    def columns(self) -> Json:
        works = [self.kg.works[w] for w in self.index]
        return {
            "id": list(self.index),
            "title": [w.title for w in works],
            "url": [next(iter(web_links(w.urls)), "") for w in works],
            "year": [w.year or 0 for w in works],
            "kind": [w.kind.value for w in works],
        }


def _lines(kg: KnowledgeGraph) -> dict[tuple[str, str], int]:
    """(list, work) → the first line of that list that lists the work."""
    found: dict[tuple[str, str], int] = {}
    for node, entry in kg.mentions.items():
        key = (entry.list_id, kg.out(node, "mentionOf")[0])
        found[key] = min(found.get(key, entry.line), entry.line)
    return found


def _sections(
    kg: KnowledgeGraph,
    nodes: list[str],
    lists: list[str],
    works: _Works,
    aligned: dict[str, list[list[Any]]],
) -> Json:
    under = subtree_works(kg)
    index = {n: i for i, n in enumerate(nodes)}
    rows = [kg.sections[n] for n in nodes]
    return {
        "id": nodes,
        "label": [s.label for s in rows],
        "notation": [s.notation or "" for s in rows],
        "list": [lists.index(s.list_id) for s in rows],
        "parent": [_parent(kg, n, index) for n in nodes],
        "line": [s.line for s in rows],
        "own": [len(kg.works_in(n)) for n in nodes],
        "total": [len(under[n]) for n in nodes],
        "recent": [works.recent_share(under[n]) for n in nodes],
        "works": [_own_works(kg, n, works) for n in nodes],
        "aligned": [aligned.get(n, []) for n in nodes],
    }


def _parent(kg: KnowledgeGraph, node: str, index: dict[str, int]) -> int:
    return next((index[p] for p in kg.out(node, "broader") if p in index), -1)


def _own_works(kg: KnowledgeGraph, node: str, works: _Works) -> list[list[int]]:
    """[work number, line] for each work filed directly under the section, in list order."""
    list_id = kg.sections[node].list_id
    own = [(works.lines.get((list_id, w), 0), w) for w in kg.works_in(node)]
    return [[works.number(w), line] for line, w in sorted(own)]


def _aligned(
    kg: KnowledgeGraph, alignments: list[Alignment], nodes: list[str], lists: list[str]
) -> dict[str, list[list[Any]]]:
    """section → [list number, label, relation, score, section number or -1], best first."""
    index = {n: i for i, n in enumerate(nodes)}
    found: dict[str, list[list[Any]]] = defaultdict(list)
    for a in sorted(alignments, key=lambda a: (-a.score, a.source, a.target)):
        if a.source in index and a.target in kg.sections:
            target = kg.sections[a.target]
            found[a.source].append(
                [
                    lists.index(target.list_id),
                    target.label,
                    str(a.relation),
                    round(a.score, 3),
                    index.get(a.target, -1),
                ]
            )
    return found
