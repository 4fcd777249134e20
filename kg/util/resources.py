"""Files the package ships: found inside the installed package, so a wheel works anywhere.

`kg/data/` holds the ontology, the shapes, the saved queries, the curated facts and the bundled
lists with their manifest, laid out as in the repository (`data/manifest.json`,
`data/lists/…`), so that the package folder can stand in for the repository root.  The
repository's `ontology/` and `data/` keep byte-identical copies for reading;
tests/test_resources.py keeps the two equal.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["BUNDLED_ROOT", "data_path"]

# pip installs packages unzipped, so the package's files are plain files with a path.
BUNDLED_ROOT = Path(str(files("kg")))


def data_path(*parts: str) -> Path:
    """A file or folder under kg/data/, as a path (globbing and reading need one)."""
    return BUNDLED_ROOT.joinpath("data", *parts)
