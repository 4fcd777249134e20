"""The embedded on-disk SPARQL store (Oxigraph), rebuilt atomically beside the other outputs."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

STORE_DIR = "store"


class StoreError(Exception):
    """The store is missing or unreadable; the message says what to run."""


def write_store(quads: Iterable[ox.Quad], folder: Path) -> Path:
    """Bulk-load the quads into a new store under `folder` (the build swaps it into place)."""
    target = folder / STORE_DIR
    shutil.rmtree(target, ignore_errors=True)
    store = ox.Store(str(target))
    store.bulk_extend(quads)
    store.optimize()
    store.flush()
    del store
    return target


def open_store(out: Path) -> ox.Store:
    """Open the built store read-only (several readers may share it)."""
    path = out / STORE_DIR
    if not path.is_dir():
        raise StoreError(f"no store at {path}: run `kg build` first (or pass --out)")
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise StoreError(f"cannot open the store at {path}: {err}") from err
