"""Start-up stays fast: importing the command line loads none of the heavy libraries; each
command imports what it needs when it runs.  A guard on imports, not a timing test (timings are
benchmarks/bench_startup.py's job)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from tests.conftest import ROOT

HEAVY = ("rdflib", "pyshacl", "pyvis", "networkx", "pyoxigraph")


def _loaded(code: str) -> list[str]:
    """The heavy libraries loaded after running `code` in a fresh interpreter."""
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    assert _loaded("import kg.cli") == []


def test_help_loads_no_heavy_library() -> None:
    code = "from kg.cli import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass"
    assert _loaded(code) == []


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        ("kg.sparql.query", {"pyoxigraph"}),
        ("kg.shacl.validate", {"pyoxigraph"}),
        ("kg.sparql.publish", {"pyoxigraph"}),
    ],
)
def test_querying_and_validating_need_no_rdflib(module: str, allowed: set[str]) -> None:
    assert set(_loaded(f"import {module}")) <= allowed


def test_version() -> None:
    from importlib.metadata import version

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"surveykg {version('surveykg')}\n"
    assert kg.__version__ == version("surveykg")
