"""`kg render`: a list regenerated from the graph, in one style, that reads back the same."""

# ruff: noqa: E501  (list lines are as long as real lists write them)
from __future__ import annotations

from pathlib import Path

import pytest

from kg import api
from kg.export.markdown_list import render_list, unified_diff
from kg.sources.ingest import ingest
from kg.sources.manifest import lists_for

FIRST = """# Fixture List A

## 1. Methods

- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/abs/2212.10560)
- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/pdf/2212.10560) ACL 2023.
- []()

## 2. Data

- [WizardLM: Empowering Large Language Models to Follow Complex Instructions](https://arxiv.org/pdf/2304.12244)
"""

SECOND = """# Fixture List B

## Instruction data

- [WizardLM: Empowering Large Language Models to Follow Complex Instructions](https://arxiv.org/abs/2304.12244) *Can Xu.* ICLR 2024.
"""


def _reparse(text: str, folder: Path):  # type: ignore[no-untyped-def]
    """The rendered text read back with the project's reader."""
    path = folder / "rendered.md"
    path.write_text(text, encoding="utf-8")
    return ingest(lists_for([str(path)]), folder).parsed[0]


@pytest.fixture()
def fixture_lists(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def test_fixture_list_is_fixed(fixture_lists: tuple[Path, Path], tmp_path: Path) -> None:
    built = api.build(list(fixture_lists))
    text = render_list(built.graph, "first", "Fixture List A", FIRST)
    assert text.count("Self-Instruct") == 1, "the duplicate is merged"
    assert "[]()" not in text, "the placeholder is dropped"
    assert "(https://arxiv.org/abs/2212.10560). ACL 2023." in text
    assert "(https://arxiv.org/abs/2304.12244). ICLR 2024." in text, "venue from the other list"
    assert "## 1. Methods" in text and "## 2. Data" in text
    reread = _reparse(text, tmp_path)
    assert [s.label for s in reread.sections] == ["Methods", "Data"]
    assert len(reread.entries) == 2


def test_diff_is_a_readable_patch(fixture_lists: tuple[Path, Path]) -> None:
    built = api.build(list(fixture_lists))
    patch = unified_diff(FIRST, render_list(built.graph, "first", "A", FIRST), "first.md")
    assert patch.startswith("--- a/first.md\n+++ b/first.md\n")
    assert "-- []()" in patch and "+- [WizardLM" in patch


def test_bundled_list_reads_back_the_same(tmp_path: Path) -> None:
    built = api.build()
    kg = built.graph
    list_id = "llm-synthetic-data"
    source = next(s for s in kg.surveys.values() if s.id == list_id)
    original = (Path(api.__file__).parent / "data" / "lists" / Path(source.file).name).read_text(
        encoding="utf-8-sig"
    )
    text = render_list(kg, list_id, source.title, original)
    reread = _reparse(text, tmp_path)
    ours = [
        s.label for s in sorted(kg.sections.values(), key=lambda s: s.order) if s.list_id == list_id
    ]
    assert [s.label for s in reread.sections] == ours
    listed = {w for w in kg.into(f"survey/{list_id}", "listedIn")}
    assert len({e.title for e in reread.entries}) <= len(listed)
