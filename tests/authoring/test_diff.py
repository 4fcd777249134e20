"""kg diff: the bundled v1 → v2 diff against its hand-checked golden files, FILE@REV, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.authoring.diff import SectionChangeKind, WorkChangeKind, diff_lists
from kg.authoring.diff_md import diff_markdown
from kg.authoring.diff_read import parse_version
from kg.cli import app

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
V1, V2 = "data/lists/llms-data-ai-lifecycle-v1.md", "data/lists/llms-data-ai-lifecycle-v2.md"
runner = CliRunner()


@pytest.fixture(scope="module")
def v1_v2(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return diff_lists(parse_version(V1, "old"), parse_version(V2, "new"))


def test_markdown_equals_golden(v1_v2) -> None:  # type: ignore[no-untyped-def]
    expected = (GOLDEN / "diff_llms_data_ai_v1_v2.md").read_text(encoding="utf-8")
    assert diff_markdown(v1_v2) == expected


def test_json_equals_golden_as_data(v1_v2) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads((GOLDEN / "diff_llms_data_ai_v1_v2.json").read_text(encoding="utf-8"))
    assert json.loads(v1_v2.model_dump_json()) == expected


def test_hand_labelled_facts(v1_v2) -> None:  # type: ignore[no-untyped-def]
    renumbered = v1_v2.section_changes(SectionChangeKind.RENUMBERED)
    assert [(c.old.key, c.new.key) for c in renumbered] == [("3/summary", "3.3")]
    added = {c.new.key for c in v1_v2.section_changes(SectionChangeKind.ADDED)}
    assert {"4.3", "4.3.1", "4.3.2", "4.3.3", "4.4", "5", "6"} <= added
    assert len(added) == 39
    assert not v1_v2.section_changes(SectionChangeKind.REMOVED)
    removed = v1_v2.work_changes(WorkChangeKind.REMOVED)
    assert [c.title for c in removed] == ["SALMON: Self-Alignment with Instructable Reward Models"]
    condor = next(c for c in v1_v2.works if c.title.startswith("Condor"))
    assert (condor.left, condor.joined) == (["4.2.2"], ["4.2.1", "6.2.2"])
    flan = next(c for c in v1_v2.works if c.title.startswith("FLAN"))
    assert WorkChangeKind.RETITLED in flan.changes


def test_cli_writes_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "d.json"
    result = runner.invoke(app, ["diff", V1, V2, "--format", "json", "--to", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["counts"]["works_removed"] == 1


def _git(repo: Path, *args: str) -> None:
    ident = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "-C", str(repo), *ident, *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    (tmp_path / "list.md").write_text(
        "# Papers\n\n## 1. Graphs\n\n- [Graph Attention Networks](https://arxiv.org/abs/1710.10903)\n",
        encoding="utf-8",
    )
    _git(tmp_path, "add", "list.md")
    _git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "list.md").write_text(
        "# Papers\n\n## 1. Graph Networks\n\n"
        "- [Graph Attention Networks](https://arxiv.org/abs/1710.10903)\n"
        "- [Deep Graph Infomax](https://arxiv.org/abs/1809.10341)\n",
        encoding="utf-8",
    )
    return tmp_path


def test_file_at_revision_against_working_copy(repo: Path) -> None:
    result = runner.invoke(app, ["diff", f"{repo}/list.md@HEAD", str(repo / "list.md")])
    assert result.exit_code == 0, result.output
    assert "1 Graphs (line 3) → 1 Graph Networks (line 3): renamed" in result.output
    assert "- Deep Graph Infomax (line 6, in 1 Graph Networks)" in result.output


@pytest.mark.parametrize(
    ("old", "message"),
    [
        ("missing.md", "missing.md: no such file"),
        ("list.md@nosuchrev", "unknown revision 'nosuchrev'"),
        ("other.md@HEAD", "other.md is not in revision 'HEAD'"),
    ],
)
def test_errors_are_one_line(repo: Path, old: str, message: str) -> None:
    result = runner.invoke(app, ["diff", f"{repo}/{old}", str(repo / "list.md")])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_not_a_git_repository(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "list.md").write_text("# L\n\n## A\n\n- [X](https://example.org/x)\n")
    result = runner.invoke(
        app,
        ["diff", f"{plain}/list.md@HEAD", str(plain / "list.md")],
        env={"GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert result.exit_code == 2
    assert "not in a git repository" in result.output
    assert "Traceback" not in result.output


def test_bad_format_is_refused() -> None:
    result = runner.invoke(app, ["diff", V1, V2, "--format", "xml"])
    assert result.exit_code == 2
    assert "--format" in result.output
