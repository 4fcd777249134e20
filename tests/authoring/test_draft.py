"""A draft taxonomy filled with the works of the lists: placements, empty sections, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.authoring.draft import DraftError, fill, read_draft
from kg.model import SurveyList
from kg.pipeline import build_graph_from_lists

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists" / "authoring"


@pytest.fixture(scope="module")
def graph():  # type: ignore[no-untyped-def]
    lists = [SurveyList(id=n, title=n, file=f"{n}.md") for n in ("beta", "gamma")]
    return build_graph_from_lists(lists, FIXTURES).graph


def test_works_go_to_the_section_whose_words_they_share(graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        "title: Graphs\nsections:\n"
        "  - name: Contrastive learning\n    keywords: [contrastive, infomax]\n"
        "  - name: Convolution\n    keywords: [convolutional]\n"
        "  - name: Robotics\n    description: embodied agents\n",
        encoding="utf-8",
    )
    report = fill(graph, read_draft(draft))
    by_path = {s.path: {p.title for p in s.works} for s in report.sections}
    assert "Deep Graph Infomax" in by_path["Contrastive learning"]
    assert "Simplifying Graph Convolutional Networks" in by_path["Convolution"]
    assert [s.path for s in report.empty] == ["Robotics"]
    assert {p.title for p in report.unplaced} >= {"Graph Attention Networks"}


@pytest.mark.parametrize(
    ("text", "message"),
    [("x: [", "not YAML (line"), ("sections: 3", "sections"), ("title: t", "sections")],
)
def test_bad_drafts_are_named_with_the_reason(tmp_path: Path, text: str, message: str) -> None:
    draft = tmp_path / "d.yaml"
    draft.write_text(text, encoding="utf-8")
    with pytest.raises(DraftError, match=r"d\.yaml") as err:
        read_draft(draft)
    assert message in str(err.value) and "\n" not in str(err.value)
