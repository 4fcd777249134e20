"""Build-time coverage counts, on three small lists written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.export.statistics import SectionCounts, statistics
from kg.graph import KnowledgeGraph
from kg.model import SurveyList
from kg.pipeline import build_graph_from_lists

LISTS = {
    "alpha": """# Awesome Alpha
## 1 Methods
### 1.1 Prompting
- [Shared Everywhere Paper](https://arxiv.org/abs/2301.00001)
- [Shared Twice Paper](https://arxiv.org/abs/2301.00002) NeurIPS 2023
### 1.2 Tuning
- [Shared Everywhere Paper](https://arxiv.org/abs/2301.00001)
## 2 Data
- [Only In Alpha Paper](https://arxiv.org/abs/2301.00003)
## 3 Empty
""",
    "beta": """# Awesome Beta
## Papers
- [Shared Everywhere Paper](https://arxiv.org/abs/2301.00001)
- [Shared Twice Paper](https://arxiv.org/abs/2301.00002)
""",
    "gamma": """# Awesome Gamma
## Papers
- [Shared Everywhere Paper](https://arxiv.org/abs/2301.00001)
""",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    root = tmp_path_factory.mktemp("lists")
    sources = []
    for name, text in LISTS.items():
        (root / f"{name}.md").write_text(text, encoding="utf-8")
        sources.append(SurveyList(id=name, title=f"Awesome {name}", file=f"{name}.md"))
    return build_graph_from_lists(sources, Path(root)).graph


def _by_arxiv(graph: KnowledgeGraph, counts: dict[str, int]) -> dict[str, int]:
    return {
        str(graph.works[wid].identifiers[0].value): n
        for wid, n in counts.items()
        if graph.works[wid].identifiers
    }


def test_list_counts_and_sizes(graph: KnowledgeGraph) -> None:
    stats = statistics(graph)
    assert _by_arxiv(graph, stats.list_counts) == {
        "2301.00001": 3,
        "2301.00002": 2,
        "2301.00003": 1,
    }
    sizes = {graph.surveys[sid].id: n for sid, n in stats.list_sizes.items()}
    assert sizes == {"alpha": 3, "beta": 2, "gamma": 1}


def test_section_counts_count_a_work_once_per_subtree(graph: KnowledgeGraph) -> None:
    stats = statistics(graph)
    found = {
        graph.sections[nid].label: counts
        for nid, counts in stats.sections.items()
        if graph.sections[nid].list_id == "alpha"
    }
    assert found["Prompting"] == SectionCounts(direct=2, total=2)
    assert found["Tuning"] == SectionCounts(direct=1, total=1)
    assert found["Methods"] == SectionCounts(direct=0, total=2)  # the shared paper counts once
    assert found["Data"] == SectionCounts(direct=1, total=1)
    assert found["Empty"] == SectionCounts(direct=0, total=0)


def test_overlaps_once_per_pair_in_identifier_order(graph: KnowledgeGraph) -> None:
    stats = statistics(graph)
    named = [(graph.surveys[a].id, graph.surveys[b].id, n) for (a, b), n in stats.overlaps.items()]
    assert named == [("alpha", "beta", 2), ("alpha", "gamma", 1), ("beta", "gamma", 1)]


def test_section_years_count_direct_works_by_year(graph: KnowledgeGraph) -> None:
    stats = statistics(graph)
    found = {
        (graph.sections[nid].label, year): n
        for (nid, year), n in stats.section_years.items()
        if graph.sections[nid].list_id == "alpha"
    }
    assert found == {
        ("Prompting", 2023): 1,
        ("Prompting", None): 1,  # unknown years come last
        ("Tuning", None): 1,
        ("Data", None): 1,
    }
    assert list(found)[:2] == [("Prompting", 2023), ("Prompting", None)]
