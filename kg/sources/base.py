"""The reader contract, the registry of readers, and safe loading of list files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kg.model import IssueKind, ListIssue, ParsedList, SurveyList

Reader = Callable[[str, SurveyList], ParsedList]
"""A reader turns a decoded list text into a ParsedList (sections, entries, line accounting)."""

READERS: dict[str, Reader] = {}
MAX_BYTES = 64 * 1024 * 1024


class ListReadError(Exception):
    """A list that cannot be read at all; the message names the file and says why."""


def register(name: str) -> Callable[[Reader], Reader]:
    def add(reader: Reader) -> Reader:
        READERS[name] = reader
        return reader

    return add


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), else cp1252/latin-1 with a warning; refuse empty or binary."""
    if not data.strip():
        raise ListReadError(f"{path}: the file is empty")
    if b"\x00" in data[:65536] or _control_ratio(data[:65536]) > 0.1:
        raise ListReadError(f"{path}: this looks like a binary file, not a markdown list")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        note = f"not valid UTF-8 (first bad byte on line {line}); read as Windows-1252/Latin-1"
        try:
            return data.decode("cp1252"), [note]
        except UnicodeDecodeError:
            return data.decode("latin-1"), [note]


def _control_ratio(chunk: bytes) -> float:
    controls = sum(1 for b in chunk if b < 32 and b not in (9, 10, 13, 12))
    return controls / max(1, len(chunk))


def load_text(source: SurveyList, root: Path) -> tuple[str, list[ListIssue]]:
    """Read and decode a list's file (relative to `root`), with encoding warnings as issues."""
    path = root / source.file
    if not path.exists():
        path = Path(source.file)  # a list given relative to the working folder
    if not path.exists():
        raise ListReadError(f"{source.file}: no such file")
    if path.is_dir():
        raise ListReadError(f"{source.file}: is a folder, not a list file")
    if path.stat().st_size > MAX_BYTES:
        raise ListReadError(f"{source.file}: larger than {MAX_BYTES // 2**20} MiB; not a list")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ListReadError(f"{source.file}: cannot be read ({err.strerror})") from err
    text, notes = decode(data, source.file)
    issues = [
        ListIssue(list_id=source.id, file=source.file, line=None, kind=IssueKind.ENCODING, message=n)
        for n in notes
    ]
    return text, issues


def read_list(source: SurveyList, root: Path, reader: str = "markdown") -> ParsedList:
    """Load, decode and parse one list with the named reader."""
    from kg.sources import markdown  # noqa: F401  (registers the reader)

    text, issues = load_text(source, root)
    parsed = READERS[reader](text, source)
    if issues:
        parsed = parsed.model_copy(update={"issues": issues + parsed.issues})
    return parsed
