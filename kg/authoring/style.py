"""A ready-to-paste entry in a list's own style, learnt from an entry the list already has.

The template is one of the list's own lines with its title, link, authors, venue and summary
cut out; a new work's values are put back in their places, and the parts it has no value for
(a code link, a summary cell) are left empty rather than invented.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from kg.model import Entry, Work
from kg.normalize import repair_text

_SLOTS = ("title", "url", "code", "authors", "venue", "year", "summary", "section")
_EMPTY_LINK = re.compile(r"\s*\[\[?[^\]\x00]*\]?\]\(\x00code\x00\)")
_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
_SLOT = re.compile("\x00(" + "|".join(_SLOTS) + ")\x00")
_MARKUP = re.compile(r"[\\`*\[\]<>|]")


@dataclass(frozen=True)
class Template:
    """A list line with its slots marked, and the entry it came from."""

    text: str
    source: Entry


def learn(entries: Iterable[Entry], labels: dict[str, str] | None = None) -> Template | None:
    """The list's usual way of writing an entry: of the first entries whose title and link can be
    found in their line, the template most of them share (the first of those on a tie), so that
    one odd line (a repository, a highlighted entry) is not taken as the style; `labels`
    (section key → label) lets a table's category cell name the new entry's section."""
    found: list[Template] = []
    for entry in entries:
        text = _template_text(entry, [(labels or {}).get(k, "") for k in entry.sections])
        if text is not None and _clean(text):
            found.append(Template(_undecorated(text), entry))
        if len(found) >= SAMPLE:
            break
    if not found:
        return None
    counts = Counter(_shape(t.text) for t in found)
    usual = max(found, key=lambda t: counts[_shape(t.text)])  # the first of equal counts
    same = [t for t in found if _shape(t.text) == _shape(usual.text)]
    return next((t for t in same if "\x00code\x00" in t.text), usual)


def _shape(text: str) -> str:
    """A template with its optional code link left out: entries with and without one are
    written alike, and the one with the code place is kept as the example."""
    return re.sub(r"\s+", " ", _EMPTY_LINK.sub("", text)).strip()


SAMPLE = 40
_DECORATION = re.compile(r"\s*(?:🔥|ðŸ”¥|üî•|⭐|:fire:|:star:)+")


def _clean(text: str) -> bool:
    """A template that carries nothing of its example but its form: no other link or address."""
    return not re.search(r"https?://|www\.", text)


def _undecorated(text: str) -> str:
    """No highlight marks, and the line's own mojibake repaired (a no-break space read as "¬†")."""
    pieces = _DECORATION.sub("", text).split("\x00")  # odd pieces are slot names
    fixed = [p if i % 2 else repair_text(p).replace("\u00a0", " ") for i, p in enumerate(pieces)]
    return "\x00".join(fixed)


def _template_text(entry: Entry, sections: list[str]) -> str | None:
    raw = entry.raw
    if not entry.url or entry.url not in raw:
        return None
    title = next((t for t in (entry.title_raw.strip(), entry.title) if t and t in raw), None)
    if title is None:
        return None
    text = raw.replace(title, "\x00title\x00", 1).replace(entry.url, "\x00url\x00", 1)
    if entry.code_url and entry.code_url in text:
        text = text.replace(entry.code_url, "\x00code\x00", 1)
    authors = ", ".join(entry.authors)
    if authors and authors in text:
        text = text.replace(authors, "\x00authors\x00", 1)
    venue = entry.venue.raw.strip(" .")
    if venue and venue in text:
        text = text.replace(venue, "\x00venue\x00", 1)
    if entry.summary and entry.summary in text:
        text = text.replace(entry.summary, "\x00summary\x00", 1)
    if entry.venue.year:
        text = re.sub(rf"(?<![\d\x00]){entry.venue.year}(?!\d)", "\x00year\x00", text)
        text = text.replace("\x00venue\x00 \x00year\x00", "\x00venue\x00")
    return _table_cells(text, sections) if text.lstrip().startswith("|") else text


def _table_cells(text: str, sections: list[str]) -> str:
    """In a table row, cells that hold none of the slots belonged to the example entry alone
    (its TLDR, its categories): they are left empty, except a first category cell that names
    the section."""
    cells = text.split("|")
    inner = cells[1:-1] if text.rstrip().endswith("|") else cells[1:]
    named = {label.strip().lower() for label in sections if label}
    kept = [
        c if "\x00" in c or not c.strip() else (" \x00section\x00 " if _names(c, named) else " ")
        for c in inner
    ]
    rebuilt = "|".join([cells[0], *kept]) + ("|" if text.rstrip().endswith("|") else "")
    return rebuilt


def _names(cell: str, labels: set[str]) -> bool:
    """A category cell: its comma-separated values include one of the entry's sections."""
    return bool(labels) and any(v.strip().lower() in labels for v in cell.split(","))


def render(template: Template | None, work: Work, section: str = "") -> str:
    """The work written the way the template's list writes its entries. The work's values are
    put in as text (markup characters escaped, links percent-encoded), so that a title can never
    add a link, a table cell or a line to the entry."""
    values = _values(work, section)
    if template is None:
        link = f"[{values['title']}]({values['url']})" if values["url"] else values["title"]
        venue = f" {values['venue']}." if values["venue"] else ""
        return f"- {link}.{venue}"
    text = _without_empty(template.text, {k for k, v in values.items() if not v})
    return _SLOT.sub(lambda m: values[m.group(1)], text)


def _without_empty(text: str, empty: set[str]) -> str:
    """The template with the slots the work has no value for taken out, and what only framed
    them (an empty link, emphasis, parentheses, a trailing separator) with them."""
    if "code" in empty:
        text = _EMPTY_LINK.sub("", text)
    for slot in empty:
        text = text.replace(f"\x00{slot}\x00", "")
    text = re.sub(r"\[([^\]]*)\]\(\s*\)", r"\1", text)  # a link left with no target
    text = re.sub(r"(?<!\*)\*{1,2}\s*[.,;]?\s*\*{1,2}(?!\*)", "", text)  # emphasis left empty
    text = re.sub(r"\s*\(\s*\)", "", text)
    text = re.sub(r"  +", " ", text).rstrip()
    return re.sub(r"(?:\s+[-–—]|\s*:)$", "", text)


def _values(work: Work, section: str) -> dict[str, str]:
    venue = work.venue.venue or ""
    year = str(work.year) if work.year else ""
    return {
        "year": year,
        "section": _text(section),
        "title": _text(work.title),
        "url": _link(work.urls[0]) if work.urls else "",
        "code": _link(work.code_urls[0]) if work.code_urls else "",
        "authors": _text(", ".join(work.authors)),
        "venue": _text(" ".join(x for x in (venue, year) if x)),
        "summary": _text(work.summaries[0]) if work.summaries else "",
    }


def _text(value: str) -> str:
    """A value as Markdown text: one line, with the characters that make markup escaped."""
    return _MARKUP.sub(r"\\\g<0>", " ".join(value.split()))


def _link(url: str) -> str:
    """A link target that cannot end the link, the table cell or the line early."""
    return quote(url.strip(), safe="/:?#@!$&'*+,;=%~")
