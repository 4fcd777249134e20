"""The SSSOM table of `kg crosswalk A B --sssom F`: valid for sssom-py, one row per mapping, and
no label (tabs, line breaks, quotes, hashes, pipes) ever breaks a row."""

from __future__ import annotations

import copy
import csv
import dataclasses
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import api
from kg.authoring.crosswalk import Alignment
from kg.authoring.sssom import COLUMNS, sssom_table
from kg.cli import app
from kg.graph import KnowledgeGraph
from kg.pipeline import Built
from tests.authoring.conftest import LISTS

if os.environ.get("CI"):  # CI installs the test extra: a missing sssom-py must fail there
    import sssom
else:
    sssom = pytest.importorskip("sssom")

from sssom.constants import SchemaValidationType
from sssom.io import validate_file
from sssom.parsers import parse_sssom_table

runner = CliRunner()
CHECKS = [
    SchemaValidationType.JsonSchema,
    SchemaValidationType.PrefixMapCompleteness,
    SchemaValidationType.StrictCurieFormat,
]
HOSTILE = [
    'C# and "F#"\tfor\ngraphs | # not a comment',
    "#hash first ' quote\r\nCRLF\u2028line separator ☃",
    '"Quoted" at the start',
    " \t\n ",  # nothing but white space
    "x" * 500,
]


def _valid(path: Path) -> None:
    """sssom-py's own validators, raising on the first error."""
    reports = validate_file(str(path), CHECKS, fail_on_error=True)
    assert all(not report.results for report in reports.values()), reports


def _rows(text: str) -> list[list[str]]:
    body = [line for line in text.splitlines(keepends=True) if not line.startswith("#")]
    return list(csv.reader(body, delimiter="\t"))


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg build` of the four fixture lists, then `kg crosswalk alpha beta --sssom`."""
    out = tmp_path_factory.mktemp("sssom")
    lists = [str(LISTS / f"{name}.md") for name in ("alpha", "alpha_v2", "beta", "gamma")]
    built = runner.invoke(app, ["build", *lists, "--out", str(out), "--no-store"])
    assert built.exit_code == 0, built.output
    path = out / "alpha-beta.sssom.tsv"
    result = runner.invoke(
        app, ["crosswalk", "alpha", "beta", "--out", str(out), "--sssom", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert f"to {path}" in result.output
    return path


def test_the_cli_table_validates_with_sssom_py(table: Path) -> None:
    _valid(table)


def test_the_cli_table_holds_the_mappings_of_alpha_to_beta(table: Path) -> None:
    mappings = parse_sssom_table(str(table)).df
    assert len(mappings) == 2
    assert set(mappings["predicate_id"]) == {"skos:relatedMatch"}
    assert set(mappings["subject_source"]) == {"skgr:survey/alpha"}
    assert set(mappings["object_source"]) == {"skgr:survey/beta"}
    pairs = set(zip(mappings["subject_label"], mappings["object_label"], strict=True))
    assert ("Node Classification", "Message Passing") in pairs
    assert all(0 <= c <= 1 for c in mappings["confidence"])


def test_every_row_has_every_column(table: Path) -> None:
    rows = _rows(table.read_text(encoding="utf-8"))
    assert tuple(rows[0]) == COLUMNS
    assert all(len(row) == len(COLUMNS) for row in rows)


def _hostile(built: Built, labels: list[str]) -> tuple[KnowledgeGraph, list[Alignment]]:
    """The alpha → beta mappings, their sections relabelled and their evidence broken over lines."""
    found = api.crosswalk(built, "alpha", "beta")
    graph = copy.copy(built.graph)
    nodes = sorted({n for a in found for n in (a.source, a.target)})
    relabel = dict(zip(nodes, labels, strict=False))
    graph.sections = {
        node: s.model_copy(update={"label": relabel[node]}) if node in relabel else s
        for node, s in built.graph.sections.items()
    }
    broken = [dataclasses.replace(a, evidence=f"{a.evidence}\n\tand\r\nmore") for a in found]
    return graph, broken


@pytest.mark.parametrize("shift", range(len(HOSTILE)))
def test_hostile_labels_never_break_a_row(built: Built, tmp_path: Path, shift: int) -> None:
    labels = HOSTILE[shift:] + HOSTILE[:shift]
    graph, found = _hostile(built, labels)
    text = sssom_table(graph, found, "alpha", "beta")
    rows = _rows(text)
    assert len(rows) == 1 + len(found)
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert all("\t" not in cell and "\n" not in cell for row in rows for cell in row)
    path = tmp_path / "hostile.sssom.tsv"
    path.write_text(text, encoding="utf-8")
    _valid(path)
    read = parse_sssom_table(str(path)).df
    expected = {" ".join(graph.sections[a.source].label.split()) for a in found}
    assert set(read["subject_label"].fillna("")) == expected
    assert all("\n" not in c and "and more" in c for c in read["comment"])
