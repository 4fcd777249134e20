"""The package works installed from its wheel, far from the checkout: build the wheel, install it
into a fresh virtual environment in a temporary folder, and there run the commands on a fixture
list and on the bundled lists; the graphs equal those the checkout builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow

FIXTURE = FIXTURES / "lists" / "star_plus_crlf_bom.md"
CHECKOUT_KG = Path(sys.executable).parent / "kg"


def _run(args: list[str | Path], cwd: Path) -> str:
    """Run a command without the checkout on its path; its output, or a failure showing both streams."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _wheel(folder: Path) -> Path:
    """The wheel, built offline from a copy of the sources (the checkout is left untouched)."""
    source = folder / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "kg", source / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", "dist", source],
        folder,
    )
    (wheel,) = (folder / "dist").glob("surveykg-*.whl")
    return wheel


def _environment(folder: Path, wheel: Path) -> Path:
    """A fresh environment holding only the wheel; the dependencies are read from this one's
    site-packages through a .pth file (offline, and without this environment's editable finder,
    which only a site directory's own .pth files would load)."""
    venv = folder / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], folder)
    python = venv / "bin" / "python"
    purelib = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], folder
    )
    (Path(purelib.strip()) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python]
    _run([*pip, "install", "--no-deps", "--no-index", "--quiet", wheel], folder)
    return venv / "bin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of the environment the wheel is installed in."""
    folder = tmp_path_factory.mktemp("wheel")
    assert not folder.is_relative_to(ROOT)
    return _environment(folder, _wheel(folder))


@pytest.fixture(scope="module")
def elsewhere(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder outside the repository, with the fixture list, built by the wheel."""
    work = tmp_path_factory.mktemp("work")
    shutil.copy(FIXTURE, work / FIXTURE.name)
    _run([installed / "kg", "build", FIXTURE.name, "--out", "out"], work)
    return work


def _checkout_build(args: list[str], cwd: Path, out: Path) -> Graph:
    _run([CHECKOUT_KG, "build", *args, "--out", out], cwd)
    return Graph().parse(out / "kg.ttl")


def test_the_installed_package_is_the_wheel(installed: Path, elsewhere: Path) -> None:
    where = _run([installed / "python", "-c", "import kg; print(kg.__file__)"], elsewhere)
    assert Path(where.strip()).is_relative_to(installed.parent)
    assert _run([installed / "kg", "--version"], elsewhere).startswith("surveykg ")


def test_build_from_the_wheel_equals_the_checkout_build(
    elsewhere: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    reference = tmp_path_factory.mktemp("reference")
    shutil.copy(FIXTURE, reference / FIXTURE.name)
    expected = _checkout_build([FIXTURE.name], reference, reference / "out")
    assert isomorphic(Graph().parse(elsewhere / "out" / "kg.ttl"), expected)


def test_bundled_lists_build_from_the_wheel(
    installed: Path, elsewhere: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`kg build` with no list reads the bundled lists and curated facts the wheel ships."""
    _run([installed / "kg", "build", "--out", "bundled", "--no-store"], elsewhere)
    expected = _checkout_build(["--no-store"], ROOT, tmp_path_factory.mktemp("ref") / "out")
    assert isomorphic(Graph().parse(elsewhere / "bundled" / "kg.ttl"), expected)


def test_saved_queries_validation_and_explorer_from_the_wheel(
    installed: Path, elsewhere: Path
) -> None:
    kg = installed / "kg"
    listed = _run([kg, "query", "--list"], elsewhere)
    assert all(p.stem in listed for p in (ROOT / "ontology" / "queries").glob("*.rq"))
    rows = _run([kg, "query", "@papers-per-section", "--out", "out", "--format", "csv"], elsewhere)
    assert "Dense Retrieval" in rows
    for engine in ("fast", "pyshacl"):
        assert "conforms" in _run([kg, "validate", "--out", "out", "--engine", engine], elsewhere)
    page = elsewhere / "out" / "explore.html"
    _run([kg, "explore", FIXTURE.name, "--out", page], elsewhere)
    assert page.stat().st_size > 10_000
