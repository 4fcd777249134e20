"""The notebooks are tutorials that check what they show: pytest runs each one with nbmake
(pyproject's addopts), and an assert in a cell fails the run when an answer is empty or wrong.
Here: every code cell must check something, so that no cell can show an empty result unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_tutorials_for_sparql_exploring_and_survey_authors() -> None:
    names = {p.stem for p in NOTEBOOKS}
    assert {"tour", "sparql", "explore", "survey_author"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_checks_what_it_shows(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    unchecked = [c.source.splitlines()[0] for c in code if "assert" not in c.source]
    assert not unchecked, f"{path.name}: cells that check nothing: {unchecked}"
