"""Output paths checked before any work, so a bad `--out` fails in a line, not after the build."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """An output path that cannot be written; the message names it and says why."""


def writable_folder(path: Path) -> None:
    """Refuse a folder that exists as a file or cannot be created or written into."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file, not a folder")
    _probe(path, _nearest_existing(path, path))


def writable_file(path: Path) -> None:
    """Refuse a file path that is a folder, lies under a file, or cannot be written."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    _probe(path, _nearest_existing(path, path.parent))
    if path.exists():
        try:
            path.open("ab").close()
        except OSError as err:
            raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from None


def _nearest_existing(path: Path, start: Path) -> Path:
    """The closest existing folder at or above `start`; an OutputError if a file is in the way."""
    for folder in (start, *start.parents):
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(f"{path}: cannot be created, {folder} is a file")
            return folder
    return Path(".")


def _probe(path: Path, folder: Path) -> None:
    """Create and remove a file in `folder`: permission bits alone do not stop root."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".kg-probe-", dir=folder)
    except OSError as err:
        raise OutputError(f"{path}: cannot write in {folder} ({err.strerror or err})") from None
    os.close(fd)
    os.unlink(probe)


def output_mode() -> int:
    """The mode a new file gets under the user's umask (0o666 & ~umask), as open() would give it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
