"""One list's coverage: counts per section (own and with subsections), empty and thin sections,
years, works with no link, defects with their lines, the crosswalk summary; as Markdown (pipes
escaped) and as JSON that reads back into the same report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.authoring.coverage import Coverage, coverage
from kg.authoring.coverage_md import coverage_markdown
from kg.cli import app
from kg.model import SurveyList
from kg.pipeline import Built
from tests.authoring.conftest import LISTS, authoring_lists, build_authoring

NESTED = """# Nested

## Graphs | Trees

- [Graph Attention Networks](https://arxiv.org/abs/1710.10903). ICLR 2018.

### Deep | Wide

- [How Powerful are Graph Neural Networks?](https://arxiv.org/abs/1810.00826). ICLR 2019.
- [Pipes | in a title](https://example.org/pipes). arXiv 2024.
- A work with no link. 2023.
"""


@pytest.fixture(scope="module")
def alpha(built: Built) -> Coverage:
    return coverage(built.graph, "alpha", alignments=built.alignments)


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> Coverage:
    """A list with a subsection and pipes in its headings, beside beta."""
    path = tmp_path_factory.mktemp("nested") / "nested.md"
    path.write_text(NESTED, encoding="utf-8")
    lists = [s for s in authoring_lists() if s.id == "beta"]
    lists.append(SurveyList(id="nested", title="Nested", file=str(path)))
    built = build_authoring(lists)
    return coverage(built.graph, "nested", alignments=built.alignments)


def _sections(report: Coverage) -> dict[str, tuple[int, int]]:
    return {s.label: (s.own, s.total) for s in report.sections}


# counts


def test_counts_per_section(alpha: Coverage) -> None:
    assert alpha.works == 6 and alpha.list_id == "alpha"
    assert alpha.file.endswith("authoring/alpha.md")
    assert _sections(alpha) == {
        "Node Classification": (3, 3),
        "Graph Transformers": (1, 1),
        "Self-Supervised Learning": (0, 0),
        "Benchmarks": (2, 2),
    }
    assert [s.line for s in alpha.sections] == [3, 9, 13, 15]


def test_a_section_counts_its_subsections_works_in_total_only(nested: Coverage) -> None:
    assert _sections(nested) == {"Graphs | Trees": (1, 4), "Deep | Wide": (3, 3)}
    parent, child = nested.sections
    assert child.parent == parent.node and child.level == parent.level + 1


def test_empty_and_thin_sections(alpha: Coverage) -> None:
    assert [s.label for s in alpha.empty] == ["Self-Supervised Learning"]
    assert [s.label for s in alpha.thin] == ["Graph Transformers", "Benchmarks"]
    assert not any(s.empty and s.thin for s in alpha.sections)


@pytest.mark.parametrize(
    ("threshold", "thin"),
    [(1, []), (2, ["Graph Transformers"]), (3, ["Graph Transformers", "Benchmarks"])],
)
def test_the_thin_threshold(built: Built, threshold: int, thin: list[str]) -> None:
    report = coverage(built.graph, "alpha", thin=threshold, alignments=built.alignments)
    assert [s.label for s in report.thin] == thin
    assert report.thin_threshold == threshold


def test_years_with_unknown_last(alpha: Coverage) -> None:
    assert alpha.years == {"2017": 2, "2018": 1, "2020": 1, "2021": 1, "unknown": 1}
    assert list(alpha.years)[-1] == "unknown"
    by_label = {s.label: s for s in alpha.sections}
    assert by_label["Node Classification"].years == {"2017": 2, "2018": 1}
    assert by_label["Benchmarks"].years == {"2020": 1, "unknown": 1}


def test_works_with_no_link_or_year_name_their_line(alpha: Coverage) -> None:
    benchmarks = {s.label: s for s in alpha.sections}["Benchmarks"]
    assert [(w.title, w.line, w.url) for w in benchmarks.no_link] == [
        ("Benchmarking Graph Neural Networks", 18, None)
    ]
    assert [w.title for w in benchmarks.no_year] == ["Benchmarking Graph Neural Networks"]
    assert all(w.line for s in alpha.sections for w in s.works)


def test_defects_with_their_lines(alpha: Coverage) -> None:
    assert [(d.kind, d.line) for d in alpha.defects] == [
        ("empty-section", 13),
        ("missing-link", 18),
    ]


def test_crosswalk_summary(alpha: Coverage) -> None:
    summary = {c.list_id: c for c in alpha.crosswalk}
    assert set(summary) == {"alpha_v2", "beta", "gamma"}
    v2 = summary["alpha_v2"]
    assert v2.versions and v2.mapped_sections == 3 and v2.relations == {"exactMatch": 3}
    beta = summary["beta"]
    assert not beta.versions and beta.mapped_sections == 2
    assert beta.relations == {"relatedMatch": 2}
    node_classification = alpha.sections[0]
    aligned = {(a.list_id, a.label, a.relation) for a in node_classification.aligned}
    assert ("alpha_v2", "Node Classification", "exactMatch") in aligned
    assert ("beta", "Message Passing", "relatedMatch") in aligned


def test_gaps_in_the_report(alpha: Coverage, built: Built) -> None:
    assert alpha.gap_count == 3 == len(alpha.gaps)
    few = coverage(built.graph, "alpha", top_gaps=1, alignments=built.alignments)
    assert few.gap_count == 3 and len(few.gaps) == 1


def test_an_unknown_list_is_a_key_error(built: Built) -> None:
    with pytest.raises(KeyError):
        coverage(built.graph, "nope", alignments=built.alignments)


# Markdown


def test_markdown_report(alpha: Coverage) -> None:
    text = coverage_markdown(alpha)
    assert text.startswith("# Coverage of Awesome Graph Learning (`alpha`)")
    assert "| 3 Self-Supervised Learning **(empty)** | 13 | 0 | 0 |" in text
    assert "| 2 Graph Transformers *(thin)* | 9 | 1 | 1 |" in text
    assert "`tests/fixtures/lists/authoring/alpha.md:18` missing-link" in text
    assert "Benchmarking Graph Neural Networks: no link" in text
    assert "| alpha_v2 | yes | 3 | exactMatch: 3 |" in text
    assert (
        "`- [Simplifying Graph Convolutional Networks](https://arxiv.org/abs/1902.07153)." in text
    )


def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row)) - 2


def test_markdown_escapes_pipes_in_tables(nested: Coverage) -> None:
    text = coverage_markdown(nested)
    assert "Graphs \\| Trees" in text and "Deep \\| Wide" in text
    table = [line for line in text.splitlines() if line.startswith("|")]
    taxonomy = table[: 2 + len(nested.sections)]
    assert {_cells(row) for row in taxonomy} == {6}


def test_markdown_code_spans_survive_backticks(alpha: Coverage) -> None:
    gap = alpha.gaps[0].model_copy(update={"entry": "- [A `tick`](https://example.org)."})
    text = coverage_markdown(alpha.model_copy(update={"gaps": [gap]}))
    assert "  `` - [A `tick`](https://example.org). ``" in text


# JSON


def test_json_round_trips(alpha: Coverage, nested: Coverage) -> None:
    for report in (alpha, nested):
        text = json.dumps(report.model_dump(mode="json"), ensure_ascii=False)
        assert Coverage.model_validate(json.loads(text)) == report


def test_json_of_the_command_for_a_list_file_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        app, ["coverage", str(LISTS / "alpha.md"), "--format", "json", "--to", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = Coverage.model_validate_json(out.read_text(encoding="utf-8"))
    assert report.list_id == "alpha" and report.works == 6
    assert [s.label for s in report.empty] == ["Self-Supervised Learning"]
