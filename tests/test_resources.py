"""What the package ships: the files the code reads live in kg/data/, equal to the repository's
readable copies, declared as package data; and every library the code imports is declared."""

from __future__ import annotations

import ast
import sys
import tomllib
from fnmatch import fnmatch
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from kg import vocab
from kg.enrich.curated import DEFAULT_FACTS
from kg.shacl.validate import SHAPES_PATH
from kg.sources.manifest import MANIFEST, load_manifest
from kg.sparql.query import QUERIES_DIR, saved_queries
from kg.util.resources import BUNDLED_ROOT, data_path
from tests.conftest import ROOT

PACKAGE = ROOT / "kg"
DATA = PACKAGE / "data"
# repository copy -> the package copy the code reads
COPIES = {"ontology": DATA / "ontology", "data/lists": DATA / "lists"} | {
    name: DATA / name.removeprefix("data/")
    for name in ("data/manifest.json", "data/curated/facts.toml")
}


def _files(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {"": path.read_bytes()}
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()}


def _pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("repository_copy", sorted(COPIES))
def test_package_copy_equals_the_repository_copy(repository_copy: str) -> None:
    package_copy = COPIES[repository_copy]
    assert _files(ROOT / repository_copy) == _files(package_copy), (
        f"{repository_copy} and {package_copy.relative_to(ROOT)} differ: the code reads the "
        f"package copy; copy the edited one over the other (cp -r)"
    )


def test_the_code_reads_the_package_copies() -> None:
    assert BUNDLED_ROOT == PACKAGE
    for path in (vocab.ONTOLOGY_PATH, SHAPES_PATH, QUERIES_DIR, DEFAULT_FACTS, data_path()):
        assert path.is_relative_to(DATA) and path.exists(), path
    assert (BUNDLED_ROOT / MANIFEST).is_file()
    assert len(saved_queries()) == len(list((ROOT / "ontology" / "queries").glob("*.rq")))


def test_the_bundled_lists_resolve_from_the_package() -> None:
    lists = load_manifest(BUNDLED_ROOT)
    assert lists == load_manifest(ROOT)
    for source in lists:
        assert (BUNDLED_ROOT / source.file).is_file(), source.file


def test_every_shipped_file_is_declared_package_data() -> None:
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["kg"]
    shipped = [p.relative_to(PACKAGE).as_posix() for p in DATA.rglob("*") if p.is_file()]
    undeclared = [f for f in shipped if not any(fnmatch(f, pattern) for pattern in patterns)]
    assert shipped and not undeclared


def _imported_libraries() -> set[str]:
    """Top-level names of the non-standard-library modules anything in kg/ imports."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("kg", "__future__")}


def _declared() -> set[str]:
    requirements = _pyproject()["project"]["dependencies"]
    return {r.split(">")[0].split("<")[0].split("=")[0].strip().lower() for r in requirements}


def test_every_imported_library_is_declared_and_every_declared_one_imported() -> None:
    distributions = packages_distributions()
    imported = {
        d.lower() for name in _imported_libraries() for d in distributions.get(name, [name])
    }
    assert imported == _declared()
