"""kg history over a repository built here: three versions, a renamed and an added section, a
removed entry, and a file renamed on the way (git log --follow)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.authoring.history import list_history
from kg.cli import app

runner = CliRunner()

GAT = "- [Graph Attention Networks](https://arxiv.org/abs/1710.10903)\n"
DGI = "- [Deep Graph Infomax](https://arxiv.org/abs/1809.10341)\n"
OGB = "- [Open Graph Benchmark](https://arxiv.org/abs/2005.00687)\n"
GPS = "- [Recipe for a General, Powerful, Scalable Graph Transformer](https://arxiv.org/abs/2205.12454)\n"
V1 = f"# Papers\n\n## 1. Graphs\n\n{GAT}{DGI}\n## 2. Benchmarks\n\n{OGB}"
V2 = f"# Papers\n\n## 1. Graph Networks\n\n{GAT}{DGI}\n## 2. Benchmarks\n\n{OGB}\n## 3. Transformers\n\n{GPS}"
V3 = f"# Papers\n\n## 1. Graph Networks\n\n{GAT}\n## 2. Benchmarks\n\n{OGB}\n## 3. Transformers\n\n{GPS}"


def _git(repo: Path, *args: str) -> None:
    ident = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "-C", str(repo), *ident, *args], check=True, capture_output=True)


def _commit(repo: Path, name: str, text: str, message: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", name)
    _git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    _commit(tmp_path, "papers.md", V1, "first list")
    _commit(tmp_path, "papers.md", V2, "rename Graphs, add Transformers")
    _git(tmp_path, "mv", "papers.md", "list.md")
    _commit(tmp_path, "list.md", V3, "drop Deep Graph Infomax")
    return tmp_path


def test_three_versions_with_their_changes(repo: Path) -> None:
    h = list_history(repo / "list.md")
    sizes = [(v.entries, v.sections, v.path) for v in h.versions]
    assert sizes == [(3, 2, "papers.md"), (4, 3, "papers.md"), (3, 3, "list.md")]
    first, second, third = h.versions
    assert first.born == ["1 Graphs", "2 Benchmarks"]
    assert second.born == ["3 Transformers"]
    assert [(r.old, r.new) for r in second.renamed] == [("1 Graphs", "1 Graph Networks")]
    assert (second.works_added, second.works_removed) == (1, 0)
    assert (third.born, third.renamed, third.retired) == ([], [], [])
    assert (third.works_added, third.works_removed) == (0, 1)


def test_cli_markdown_json_and_chart(repo: Path, tmp_path: Path) -> None:
    chart = tmp_path / "size.svg"
    result = runner.invoke(app, ["history", str(repo / "list.md"), "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    assert "- renamed: 1 Graphs → 1 Graph Networks" in result.output
    assert "- born: 3 Transformers" in result.output
    assert chart.read_text().lstrip().startswith("<?xml") and "<svg" in chart.read_text()
    result = runner.invoke(app, ["history", str(repo / "list.md"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [v["entries"] for v in json.loads(result.output)["versions"]] == [3, 4, 3]


def test_retired_section(repo: Path) -> None:
    _commit(repo, "list.md", f"# Papers\n\n## 1. Graph Networks\n\n{GAT}\n", "drop two sections")
    last = list_history(repo / "list.md").versions[-1]
    assert last.retired == ["2 Benchmarks", "3 Transformers"]


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.md", "missing.md: no such file"), ("new.md", "no committed version")],
)
def test_errors_are_one_line(repo: Path, name: str, message: str) -> None:
    (repo / "new.md").write_text(V1, encoding="utf-8")
    result = runner.invoke(app, ["history", str(repo / name)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_not_a_git_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "list.md").write_text(V1, encoding="utf-8")
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    result = runner.invoke(app, ["history", str(plain / "list.md")], env=env)
    assert result.exit_code == 2
    assert "not in a git repository" in result.output
