"""`kg audit` on the five lists finds the defects the lists are known to have."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.authoring.audit import audit
from kg.cli import app
from kg.model import DataIssue, ParsedList
from kg.resolve import resolve


@pytest.fixture(scope="module")
def findings(seeds: dict[str, ParsedList]) -> list[DataIssue]:
    parsed = list(seeds.values())
    return audit(parsed, resolve(parsed))


def _at(findings: list[DataIssue], kind: str, list_id: str) -> set[int | None]:
    return {i.line for i in findings if i.kind == kind and i.list_id == list_id}


def test_duplicates_in_one_section_and_across_sections(findings: list[DataIssue]) -> None:
    assert 289 in _at(findings, "duplicate-in-section", "llm-synthetic-data")  # Key-Point-Driven …
    assert 157 in _at(
        findings, "duplicate-in-section", "data-synthesis-survey"
    )  # Synthetic Dialogue …
    across = [i for i in findings if i.kind == "duplicate-across-sections" and "Phi-4" in i.message]
    assert across and across[0].intended is True and len(across[0].mentions) == 2


def test_conflicting_identifiers_name_both_lines(findings: list[DataIssue]) -> None:
    conflicts = [i for i in findings if i.kind == "conflicting-identifier"]
    qwen = next(i for i in conflicts if "Qwen2.5-Math" in i.message)
    assert "Qwen2.5-Coder" in qwen.message
    assert "llms-data-ai-lifecycle-v2.md:292" in qwen.message
    assert "llms-data-ai-lifecycle-v2.md:293" in qwen.message


def test_typos_against_other_lists(findings: list[DataIssue]) -> None:
    typos = [i for i in findings if i.kind == "possible-typo"]
    assert any("MetaMeth" in i.message and i.line == 102 for i in typos)
    assert not any("Phi-1" in i.message for i in typos)  # a prefix is a variant, not a typo


def test_reader_defects_are_findings_too(findings: list[DataIssue]) -> None:
    assert _at(findings, "placeholder", "data-synthesis-survey") == {
        26,
        106,
        107,
        108,
        109,
        110,
        111,
    }
    assert 481 in _at(findings, "misnumbered-heading", "llm-synthetic-data")  # 5.15 under 6
    assert 132 in _at(findings, "skipped-heading-level", "llms-data-ai-v1")
    assert _at(findings, "missing-link", "llms-data-ai-v1")  # the unlinked survey titles
    assert _at(findings, "unrecognised-link", "data-efficient-llm")
    assert _at(findings, "unsafe-link", "data-efficient-llm")
    assert 75 in _at(findings, "empty-section", "llms-data-ai-v1")  # "2. Taxonomy"


def test_audit_cli_table_and_json() -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["audit"])
    assert table.exit_code == 0
    assert "conflicting-identifier" in table.output and "severity" in table.output
    as_json = runner.invoke(app, ["audit", "--json", "--kind", "placeholder"])
    rows = json.loads(as_json.stdout)
    assert {r["kind"] for r in rows} == {"placeholder"} and len(rows) == 7
    assert all(r["file"] and r["line"] for r in rows)
