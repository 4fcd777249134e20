"""Read one version of a list: a file on disk, or `FILE@REV`, the file as a git revision holds it.

Git is called as a subprocess (`git show`, `git log`, `git rev-parse`) rather than through a
library: the `git` program is already there wherever a list's history is, its output formats are
stable, and a library binding (GitPython, pygit2) would add a dependency, and for pygit2 a
compiled one, for three read-only commands.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from kg.model import ParsedList, SurveyList
from kg.sources.base import READERS, ListReadError, decode


class VersionError(Exception):
    """A version that cannot be read; the message names the file or revision and says why."""


@dataclass(frozen=True)
class Version:
    """One version of a list: where it was read from and its text."""

    name: str  # as the user wrote it: "list.md" or "list.md@HEAD~1"
    path: Path
    rev: str | None
    text: str


def split_spec(spec: str) -> tuple[Path, str | None]:
    """`FILE@REV` → (FILE, REV); a name that exists on disk is a file even with an `@` in it."""
    if Path(spec).exists() or "@" not in spec:
        return Path(spec), None
    path, rev = spec.rsplit("@", 1)
    if not path or not rev:
        raise VersionError(f"{spec}: expected FILE or FILE@REV")
    return Path(path), rev


def read_version(spec: str) -> Version:
    """The text of `FILE` or `FILE@REV`."""
    path, rev = split_spec(spec)
    if rev is None:
        return Version(spec, path, None, _read_file(path))
    return Version(spec, path, rev, show(path, rev))


def _read_file(path: Path) -> str:
    if not path.exists():
        raise VersionError(f"{path}: no such file")
    if path.is_dir():
        raise VersionError(f"{path}: is a folder, not a list file")
    return _decoded(path.read_bytes(), str(path))


def _decoded(data: bytes, name: str) -> str:
    try:
        return decode(data, name)[0]
    except ListReadError as err:
        raise VersionError(str(err)) from None


def git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in `folder`; a missing git program is a VersionError, not a traceback."""
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise VersionError("git: the git program is not installed") from None


def repository_of(path: Path) -> Path:
    """The top folder of the git repository holding `path`."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise VersionError(f"{folder}: no such folder")
    done = git(folder, "rev-parse", "--show-toplevel")
    if done.returncode:
        raise VersionError(f"{path}: not in a git repository")
    return Path(done.stdout.decode().strip())


def relative_path(path: Path) -> str:
    """`path` relative to the top of its repository, as `git show REV:path` wants it."""
    top = repository_of(path)
    return (path.parent.resolve() / path.name).relative_to(top.resolve()).as_posix()


def check_revision(top: Path, rev: str, name: str) -> None:
    """Refuse a revision the repository does not know, naming it."""
    if git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode:
        raise VersionError(f"{name}: unknown revision {rev!r}")


def show(path: Path, rev: str) -> str:
    """The file at a revision."""
    top = repository_of(path)
    name = f"{path}@{rev}"
    check_revision(top, rev, name)
    done = git(top, "show", f"{rev}:{relative_path(path)}")
    if done.returncode:
        raise VersionError(f"{name}: {path} is not in revision {rev!r}")
    return _decoded(done.stdout, name)


def parse_text(text: str, list_id: str, name: str) -> ParsedList:
    """Parse a version's text with the markdown reader, as `kg ingest` would."""
    from kg.sources import markdown  # noqa: F401  (registers the reader)

    source = SurveyList(id=list_id, title=name, file=name)
    return READERS["markdown"](text, source)


def parse_version(spec: str, list_id: str) -> ParsedList:
    """Read and parse `FILE` or `FILE@REV`."""
    version = read_version(spec)
    return parse_text(version.text, list_id, version.name)
