"""The bundled lists' manifest, and turning command-line paths into list records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from kg.model import SurveyList
from kg.normalize import slugify
from kg.util.resources import BUNDLED_ROOT

MANIFEST = Path("data") / "manifest.json"


class ManifestError(Exception):
    """The manifest cannot be read or does not describe the lists it names."""


class Manifest(BaseModel):
    lists: list[SurveyList]


def project_root() -> Path:
    """The folder holding data/manifest.json: the working folder if it has one, else the
    installed package, which ships the bundled lists (kg/data/), so `kg build` works anywhere."""
    here = Path.cwd()
    return here if (here / MANIFEST).exists() else BUNDLED_ROOT


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
    """The manifest's lists when no path is given; else one record per path (manifest ids kept).

    A list the manifest does not know takes its id from its file name; where two such names
    clash, they are numbered in the order of their files, never in the order given, so that any
    order of the same paths names the lists alike."""
    root = root or project_root()
    if not paths:
        return load_manifest(root)
    known = {}
    if (root / MANIFEST).exists():
        known = {(root / s.file).resolve(): s for s in load_manifest(root)}
    chosen = {i: known[Path(raw).resolve()] for i, raw in enumerate(paths) if _known(raw, known)}
    used = {record.id for record in chosen.values()}
    unknown = [
        (_relative_file(Path(raw), root), i) for i, raw in enumerate(paths) if i not in chosen
    ]
    for file, i in sorted(unknown):
        chosen[i] = _ad_hoc(Path(paths[i]), file, used)
        used.add(chosen[i].id)
    return [chosen[i] for i in range(len(paths))]


def _known(raw: str, known: dict[Path, SurveyList]) -> bool:
    """Whether the manifest describes this path: its id, title and provenance are then kept."""
    path = Path(raw)
    return path.exists() and path.resolve() in known


def _relative_file(path: Path, root: Path) -> str:
    """The file as a list record names it: relative to the root where it lies inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _ad_hoc(path: Path, file: str, used: set[str]) -> SurveyList:
    """A list we have never seen: its id from the file name, numbered past the ids in use."""
    base = slugify(path.stem)
    list_id, n = base, 2
    while list_id in used:
        list_id, n = f"{base}-{n}", n + 1
    return SurveyList(id=list_id, title=path.stem, file=file)
