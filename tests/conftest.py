"""Shared fixtures: the bundled lists parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import ParsedList
from kg.sources.ingest import ingest
from kg.sources.manifest import load_manifest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seeds() -> dict[str, ParsedList]:
    """The five bundled lists, parsed, by list id."""
    result = ingest(load_manifest(ROOT), ROOT)
    assert not result.failures
    return {p.source.id: p for p in result.parsed}
