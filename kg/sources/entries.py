"""Reads one bullet (or paragraph line) into the parts of an entry: title, link, authors, venue."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.normalize import clean_text, parse_venue, split_authors
from kg.sources.inline import BARE_URL, Span, link_hrefs, plain

HIGHLIGHT = ("🔥", "ðŸ”¥", "üî•")
_PAREN_NOTE = re.compile(r"\(([^()]*)\)\s*$")
_SUBMITTED = re.compile(r"(?i)\bsubmit(?:ted)?\s+to\b.*$")
_EDGE_PUNCT = " \t.,;:|-–—"
_ANCHOR_ONLY = re.compile(r"^#")
_REFUSED_LINK = re.compile(r"^\[([^\]]+)\]\(([^)\s]*(?:\([^)\s]*\))?)\)")


@dataclass
class Label:
    """A bullet that only holds bold or italic text: it names a sub-group, not a work."""

    text: str
    italic: bool


@dataclass
class EntryParts:
    """What one entry line says, before it becomes a validated Entry."""

    title_raw: str
    url: str | None = None
    links: list[str] = field(default_factory=list)
    authors_raw: str = ""
    venue_raw: str = ""
    note: str | None = None
    highlighted: bool = False


def read_label(spans: list[Span]) -> Label | None:
    """`**A. Rephrasing document**` or `*Human Rubric*` alone on a bullet."""
    visible = [s for s in spans if s.text.strip()]
    if not visible or any(s.href is not None or s.image for s in visible):
        return None
    styled = [s for s in visible if s.strong or s.em]
    rest = plain([s for s in visible if not (s.strong or s.em)]).strip(" :")
    if styled != visible[: len(styled)] or rest:
        return None
    text = clean_text(plain(styled)).strip(" :")
    if not text:
        return None
    return Label(text, italic=not any(s.strong for s in styled))


def read_entry(spans: list[Span]) -> EntryParts | None:
    """Title first (a link, bold text or plain text), then authors in italics, then venue/notes."""
    spans = _strip_leading_blank(spans)
    if not spans or not plain(spans).strip():
        return None
    if spans[0].href is not None and not _ANCHOR_ONLY.match(spans[0].href):
        head, tail = _take_link(spans)
        parts = EntryParts(title_raw=plain(head), url=head[0].href)
    elif spans[0].strong:
        head = _take_while(spans, lambda s: s.strong and s.href is None)
        tail = spans[len(head) :]
        parts = EntryParts(title_raw=plain(head))
    else:
        head = _take_while(spans, lambda s: not s.em and s.href is None)
        tail = spans[len(head) :]
        parts = _plain_title(plain(head))
        if parts.url is None and tail and tail[0].href is not None:
            parts, tail = _title_around_link(plain(head), tail)
    _read_tail(parts, tail)
    return parts


def _title_around_link(before: str, tail: list[Span]) -> tuple[EntryParts, list[Span]]:
    """Text then a link: `Title <https://…>` (the link is the URL) or `Unbalanced [title](url)`."""
    link, rest = _take_link(tail)
    text, href = plain(link), link[0].href
    title = before.strip(_EDGE_PUNCT) if text.strip() == href else f"{before}{text}"
    return EntryParts(title_raw=title or text, url=href), rest


def _plain_title(text: str) -> EntryParts:
    """An unlinked title; a bare URL in it becomes the link (and the title if nothing else)."""
    refused = _REFUSED_LINK.match(text.strip())
    if refused:  # markdown left `[text](javascript:…)` as text: keep the title, flag the target
        return EntryParts(title_raw=refused.group(1), url=refused.group(2) or None)
    match = BARE_URL.search(text)
    if not match:
        return EntryParts(title_raw=text)
    url = match.group(0).rstrip(".,;:")
    before = text[: match.start()].strip(_EDGE_PUNCT)
    return EntryParts(title_raw=before or url, url=url)


def _read_tail(parts: EntryParts, tail: list[Span]) -> None:
    authors = [s for s in tail if s.em and s.href is None]
    others = [s for s in tail if not (s.em and s.href is None)]
    parts.authors_raw = clean_text(plain(authors))
    parts.links = [h for h in link_hrefs(tail) if h != parts.url and not _ANCHOR_ONLY.match(h)]
    text = plain([s for s in others if s.href is None])
    text = _strip_links(text)
    for marker in HIGHLIGHT:
        if marker in text or marker in parts.title_raw:
            parts.highlighted = True
            text = text.replace(marker, " ")
            parts.title_raw = parts.title_raw.replace(marker, " ")
    parts.venue_raw, parts.note = _venue_and_note(clean_text(text))


def _venue_and_note(text: str) -> tuple[str, str | None]:
    """ "Arxiv 2025. (Focus on Persona Diversity)" → ("Arxiv 2025", "Focus on Persona Diversity")."""
    text = text.strip(_EDGE_PUNCT)
    note = None
    paren = _PAREN_NOTE.search(text)
    if paren:
        note = paren.group(1).strip() or None
        text = text[: paren.start()].strip(_EDGE_PUNCT)
        if not text and note and parse_venue(note).year:  # "(ICML 2021)": the venue, bracketed
            return note, None
    submitted = _SUBMITTED.search(text)
    if submitted:
        note = submitted.group(0).strip(_EDGE_PUNCT)
    return text, note


def _strip_links(text: str) -> str:
    return BARE_URL.sub(" ", text)


def _take_link(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    first = spans[0].link_id
    head = _take_while(spans, lambda s: s.link_id == first and s.href is not None)
    return head, spans[len(head) :]


def _take_while(spans: list[Span], keep) -> list[Span]:  # type: ignore[no-untyped-def]
    out: list[Span] = []
    for span in spans:
        if not keep(span):
            break
        out.append(span)
    return out


def _strip_leading_blank(spans: list[Span]) -> list[Span]:
    i = 0
    while i < len(spans) and not spans[i].text.strip() and not spans[i].image:
        i += 1
    return spans[i:]


def authors_of(raw: str) -> tuple[list[str], bool]:
    """Author names from an italic author string (empty when the list gives none)."""
    if not raw.strip(_EDGE_PUNCT):
        return [], False
    return split_authors(raw)
