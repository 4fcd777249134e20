"""The pre-commit hook: `pre-commit try-repo` on a list repository fails on a list with an error
and passes on one without."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

BROKEN = """# A list

## Methods

- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/abs/2212.10560)
- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/abs/2212.10560)
"""

FIXED = """# A list

## Methods

- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/abs/2212.10560)
"""


def _git(repo: Path, *args: str) -> None:
    """Run git quietly in the throw-away list repository."""
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _hook_repo(folder: Path) -> Path:
    """A committed copy of the checkout's package and hook manifest, as a user's clone holds them
    (try-repo on the checkout itself would miss files not yet committed)."""
    repo = folder / "surveykg"
    repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(ROOT / "kg", repo / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.email=kg@example.org", "-c", "user.name=kg", "commit", "-qm", "hook")
    return repo


def _try_repo(hooks: Path, repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """pre-commit's try-repo with the surveykg hook, on every file of the list repository."""
    env = os.environ | {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "surveykg-audit"]
    return subprocess.run(
        [*command, "--all-files"], cwd=repo, env=env, capture_output=True, text=True
    )


@pytest.fixture()
def list_repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "list"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "list@example.org")
    _git(repo, "config", "user.name", "List Author")
    (repo / "README.md").write_text(BROKEN, encoding="utf-8")
    _git(repo, "add", "README.md")
    return repo


def test_hook_fails_on_an_error_then_passes(list_repo: Path, tmp_path: Path) -> None:
    home, hooks = tmp_path / "pre-commit-home", _hook_repo(tmp_path)
    broken = _try_repo(hooks, list_repo, home)
    if "An unexpected error has occurred" in broken.stdout + broken.stderr:
        reason = broken.stdout[-400:]
        pytest.skip(f"pre-commit could not build the hook's environment (offline?): {reason}")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "duplicate-in-section" in broken.stdout
    (list_repo / "README.md").write_text(FIXED, encoding="utf-8")
    _git(list_repo, "add", "README.md")
    fixed = _try_repo(hooks, list_repo, home)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
