"""The command line through typer's runner: reports, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lists"


def test_ingest_bundled_lists_prints_per_list_counts() -> None:
    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 0, result.output
    assert "llms-data-ai-v2" in result.output and "234" in result.output
    assert "llms-data-ai-lifecycle-v1.md:68: not understood" in result.output


def test_ingest_json_and_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "entries.jsonl"
    result = runner.invoke(app, ["ingest", "--json", "--jsonl", str(out)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    counts = {s["list_id"]: s["entries"] for s in payload["lists"]}
    assert counts["data-efficient-llm"] == 215
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == sum(counts.values())
    assert {"file", "line", "title", "sections"} <= rows[0].keys()


def test_unreadable_file_alone_exits_non_zero_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.md")])
    assert result.exit_code == 1
    assert "empty.md: the file is empty" in result.output
    assert "Traceback" not in result.output


def test_one_bad_file_among_good_ones_is_reported_but_exit_is_zero(tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "blob.bin"), str(FIXTURES / "details_blocks.md")]
    )
    assert result.exit_code == 0
    assert "blob.bin: this looks like a binary file" in result.output
    assert "details-blocks" in result.output


def test_ingest_explains_one_line() -> None:
    target = "tests/fixtures/lists/dialects/italic_author_lines.md:21"
    result = CliRunner().invoke(app, ["ingest", "--explain", target, "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["kind"] == "entry" and found["entry_line"] == 20
    assert found["venue"] == "PNAS" and found["year"] == 2021
    assert found["authors"][0] == "Alexander Rives"
    assert found["links"] == [
        {"role": "paper", "url": "https://doi.org/10.1073/pnas.2016239118", "label": ""}
    ]


def test_ingest_explain_refuses_bad_locations() -> None:
    for bad in ("nope.md:3", "no-line-number", "tests/fixtures/lists/xss.md:9999"):
        result = CliRunner().invoke(app, ["ingest", "--explain", bad])
        assert result.exit_code == 2 and "error:" in result.output
        assert "Traceback" not in result.output
