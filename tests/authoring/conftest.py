"""The authoring fixture lists (alpha, its later version alpha_v2, beta, gamma) built once per
module, and the bundled lists built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import SurveyList
from kg.pipeline import Built, build_graph_from_lists
from kg.sources.manifest import load_manifest

ROOT = Path(__file__).resolve().parents[2]
LISTS = ROOT / "tests" / "fixtures" / "lists" / "authoring"


def authoring_lists() -> list[SurveyList]:
    """The four fixture lists; alpha_v2 is the later version of alpha."""

    def one(list_id: str, title: str, previous: str | None = None) -> SurveyList:
        file = (LISTS / f"{list_id}.md").relative_to(ROOT).as_posix()
        return SurveyList(id=list_id, title=title, file=file, previous_version=previous)

    return [
        one("alpha", "Awesome Graph Learning"),
        one("alpha_v2", "Awesome Graph Learning (v2)", previous="alpha"),
        one("beta", "Graph Neural Network Papers"),
        one("gamma", "Graph Representation Learning Reading List"),
    ]


def build_authoring(lists: list[SurveyList] | None = None) -> Built:
    return build_graph_from_lists(lists or authoring_lists(), ROOT)


@pytest.fixture(scope="module")
def built() -> Built:
    return build_authoring()


@pytest.fixture(scope="session")
def bundled() -> Built:
    """The five bundled lists, built (read, resolved, enriched, aligned) once per session."""
    return build_graph_from_lists(load_manifest(ROOT), ROOT)


def section(built: Built, list_id: str, label: str) -> str:
    """The node of the section of `list_id` labelled `label`."""
    found = [
        node
        for node, s in built.graph.sections.items()
        if s.list_id == list_id and s.label == label
    ]
    assert len(found) == 1, (list_id, label, found)
    return found[0]
