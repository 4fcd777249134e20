"""Candidate papers from a BibTeX file, an arXiv API Atom feed or a text file of titles and URLs,
as Entry records the resolver reads like any list's entries."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from kg.model import Entry
from kg.sources.entries import EntryParts
from kg.sources.records import EntryContext, make_entry

LIST_ID = "candidates"  # never a list's id: candidates are mentions of their own
_URL = re.compile(r"https?://\S+")
_BRACES = re.compile(r"[{}]")


class CandidateError(ValueError):
    """A candidates file that cannot be read, named with the reason."""


def read_candidates(path: Path) -> list[Entry]:
    """The candidates of a file, whichever of the three forms it is in."""
    text = _text(path)
    form = candidate_form(path, text)
    found = {"bibtex": _bibtex, "atom": _atom, "text": _lines}[form](text, str(path))
    if not found:
        raise CandidateError(f"{path}: no candidate found in this {form} file")
    return found


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CandidateError(f"{path}: cannot be read ({err.strerror or err})") from None
    if b"\x00" in data:
        raise CandidateError(f"{path}: a binary file, not BibTeX, an Atom feed or a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def candidate_form(path: Path, text: str) -> str:
    """bibtex, atom or text: by the file's name, else by what it begins with."""
    head = text.lstrip()[:500]
    if path.suffix.lower() == ".bib" or head.startswith("@"):
        return "bibtex"
    if path.suffix.lower() in (".atom", ".xml") or "<feed" in head:
        return "atom"
    return "text"


def _entry(file: str, line: int, raw: str, parts: EntryParts) -> Entry:
    ctx = EntryContext(list_id=LIST_ID, file=file, line=line, raw=raw, sections=[], order=line)
    return make_entry(parts, ctx)


def _bibtex(text: str, file: str) -> list[Entry]:
    """Each @article/@inproceedings/… with a title; a file with none and broken blocks is garbled."""
    import bibtexparser

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    library = bibtexparser.parse_string(text)
    if library.failed_blocks and not library.entries:
        line = library.failed_blocks[0].start_line + 1
        raise CandidateError(f"{file}: not valid BibTeX (line {line})")
    return [e for e in (_bib_entry(b, file) for b in library.entries) if e is not None]


def _bib_entry(block: object, file: str) -> Entry | None:
    fields = {
        k.lower(): _BRACES.sub("", str(f.value)).strip() for k, f in block.fields_dict.items()
    }  # type: ignore[attr-defined]
    title = " ".join(fields.get("title", "").split())
    if not title:
        return None
    url = fields.get("url") or _bib_url(fields)
    parts = EntryParts(
        title_raw=title,
        url=url,
        authors_raw=_bib_authors(fields.get("author", "")),
        venue_raw=fields.get("booktitle") or fields.get("journal") or "",
        summary=_first_sentence(fields.get("abstract", "")),
        year_hint=fields.get("year"),
    )
    line = getattr(block, "start_line", 0) + 1
    return _entry(file, line, f"@{getattr(block, 'key', '')}: {title}", parts)


def _bib_url(fields: dict[str, str]) -> str | None:
    if fields.get("doi"):
        return f"https://doi.org/{fields['doi']}"
    prefix = fields.get("archiveprefix", "arxiv").lower()
    if fields.get("eprint") and prefix == "arxiv":
        return f"https://arxiv.org/abs/{fields['eprint']}"
    return None


def _bib_authors(raw: str) -> str:
    """ "Doe, John and Roe, Richard" → "John Doe, Richard Roe"."""
    names = [n.strip() for n in re.split(r"\s+and\s+", raw) if n.strip()]
    flipped = [" ".join(reversed([p.strip() for p in n.split(",", 1)])) for n in names]
    return ", ".join(flipped)


def _first_sentence(text: str) -> str | None:
    """A one-line summary, as lists give them, from an abstract."""
    text = " ".join(text.split())
    if not text:
        return None
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0][:300]


def _atom(text: str, file: str) -> list[Entry]:
    """The entries of an arXiv API feed (any Atom feed of papers reads the same)."""
    import feedparser

    feed = feedparser.parse(text)
    found = [e for e in (_atom_entry(x, i, file) for i, x in enumerate(feed.entries, 1)) if e]
    if feed.bozo and not found:
        reason = " ".join(str(feed.bozo_exception).split())
        raise CandidateError(f"{file}: not a readable Atom feed ({reason})")
    return found


def _atom_entry(item: dict[str, object], number: int, file: str) -> Entry | None:
    title = " ".join(str(item.get("title", "")).split())
    if not title:
        return None
    links = item.get("links") or []
    alternate = next(
        (str(x.get("href")) for x in links if x.get("rel") == "alternate"),  # type: ignore[union-attr]
        None,
    )
    url = alternate or str(item.get("id") or "") or None
    authors = [str(a.get("name", "")) for a in item.get("authors") or []]  # type: ignore[union-attr]
    parts = EntryParts(
        title_raw=title,
        url=url,
        authors_raw=", ".join(a for a in authors if a),
        summary=_first_sentence(str(item.get("summary", ""))),
        year_hint=str(item.get("published", ""))[:4] or None,
    )
    return _entry(file, number, f"entry {number}: {title}", parts)


def _lines(text: str, file: str) -> list[Entry]:
    """One candidate a line: a title, a URL, or a title followed by its URL; # starts a comment."""
    found = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _URL.search(line)
        url = match.group(0).rstrip(").,;>") if match else None
        title = _URL.sub("", line).strip(" -–—|<>()[]") if match else line
        found.append(_entry(file, number, raw, EntryParts(title_raw=title, url=url)))
    return found
