"""The bundled lists' manifest, and turning command-line paths into list records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from kg.model import SurveyList
from kg.normalize import slugify

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
MANIFEST = Path("data") / "manifest.json"


class ManifestError(Exception):
    """The manifest cannot be read or does not describe the lists it names."""


class Manifest(BaseModel):
    lists: list[SurveyList]


def project_root() -> Path:
    """The folder holding data/manifest.json: the working folder if it has one, else the checkout."""
    here = Path.cwd()
    return here if (here / MANIFEST).exists() else PACKAGE_ROOT


def load_manifest(root: Path | None = None) -> list[SurveyList]:
    root = root or project_root()
    path = root / MANIFEST
    try:
        return Manifest.model_validate(json.loads(path.read_text("utf-8"))).lists
    except FileNotFoundError as err:
        raise ManifestError(f"{path}: no manifest; pass list files as arguments instead") from err
    except (json.JSONDecodeError, ValidationError) as err:
        raise ManifestError(f"{path}: not a valid manifest ({err})") from err


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lists_for(paths: list[str], root: Path | None = None) -> list[SurveyList]:
    """The manifest's lists when no path is given; else one record per path (manifest ids kept)."""
    root = root or project_root()
    if not paths:
        return load_manifest(root)
    known = {}
    if (root / MANIFEST).exists():
        known = {(root / s.file).resolve(): s for s in load_manifest(root)}
    chosen: list[SurveyList] = []
    used: set[str] = set()
    for raw in paths:
        path = Path(raw)
        record = known.get(path.resolve()) if path.exists() else None
        record = record or _ad_hoc(path, root, used)
        used.add(record.id)
        chosen.append(record)
    return chosen


def _ad_hoc(path: Path, root: Path, used: set[str]) -> SurveyList:
    """A list we have never seen: its id from the file name, its file relative to the root."""
    base = slugify(path.stem)
    list_id, n = base, 2
    while list_id in used:
        list_id, n = f"{base}-{n}", n + 1
    try:
        file = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        file = path.as_posix()
    return SurveyList(id=list_id, title=path.stem, file=file)
