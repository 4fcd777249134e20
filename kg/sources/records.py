"""Turns parsed entry parts into validated Entry records, noting link and text defects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.model import Entry, Identifier, IssueKind, Link, LinkRole, ListIssue, VenueInfo, WorkKind
from kg.normalize import (
    classify_url,
    clean_text,
    identifiers_from_text,
    identifiers_from_url,
    looks_mojibake,
    parse_venue,
    safe_url,
)
from kg.sources.entries import EntryParts, authors_of
from kg.sources.kinds import section_kind
from kg.sources.roles import role_of

_TRAILING = re.compile(r"(?i)(\.pdf|\s*[.,;:]+)$")
_WRAP = re.compile(r"^[\s*_\"'“”‘’]+|[\s*_\"'“”‘’]+$")


@dataclass
class EntryContext:
    """Where an entry stands: list, file, line, sections and the section label for kind hints."""

    list_id: str
    file: str
    line: int
    raw: str
    sections: list[str]
    section_label: str = ""
    order: int = 0
    issues: list[ListIssue] = field(default_factory=list)

    def issue(self, kind: IssueKind, message: str) -> None:
        self.issues.append(
            ListIssue(
                list_id=self.list_id, file=self.file, line=self.line, kind=kind, message=message
            )
        )


_UNDEFINED_REFERENCE = re.compile(r"^\[(.+)\]\[[^\]]*\]$")
_TRAILING_MARKS = re.compile(
    r"(?:\s*(?:[|｜•·]|\bnew\b|\bsee\b|\bat\b|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]"
    r"|:[a-z0-9_+-]{2,30}:|[(\[（【—–-]))+\s*$"
)


def clean_title(raw: str) -> str:
    """Title as a reader would write it: repaired text, no wrapping marks or trailing full stop."""
    title = _WRAP.sub("", clean_text(raw))
    title = _UNDEFINED_REFERENCE.sub(r"\1", title)
    title = _TRAILING_MARKS.sub("", title) or title
    previous = None
    while previous != title:
        previous = title
        if not title.endswith("..."):
            title = _TRAILING.sub("", title)
        title = _WRAP.sub("", title)
    return title


def make_entry(
    parts: EntryParts,
    ctx: EntryContext,
    summary: str | None = None,
    code_url: str | None = None,
    year: str | None = None,
    group_column: bool = False,
) -> Entry:
    """Validate links, read identifiers, venue and authors, and pick the kind of work."""
    url = _checked_url(parts.url, ctx, "link")
    links = [u for u in (_checked_url(h, ctx, "extra link") for h in parts.links) if u]
    code = _checked_url(code_url, ctx, "code link") if code_url else None
    title = clean_title(parts.title_raw) or (url or "untitled")
    kind = _kind(url, ctx.section_label, links, title)
    resources = _resources(parts, url, links, code, kind)
    identifiers = _identifiers(resources, parts.title_raw)
    venue = _venue(
        " ".join(x for x in (parts.venue_hint, parts.venue_raw) if x),
        year or parts.year_hint,
        group_column,
    )
    authors, et_al = authors_of(parts.authors_raw)
    code = code or next(
        (r.url for r in resources if r.role is LinkRole.CODE and r.url != url), None
    )
    _note_defects(ctx, url or next((r.url for r in resources), None), parts, identifiers, kind)
    return Entry(
        list_id=ctx.list_id,
        file=ctx.file,
        line=ctx.line,
        raw=ctx.raw,
        title=title,
        title_raw=parts.title_raw,
        kind=kind,
        url=url,
        links=links,
        code_url=code,
        resources=resources,
        identifiers=identifiers,
        authors=authors,
        authors_et_al=et_al,
        venue=venue,
        summary=clean_text(summary or parts.summary or "") or None,
        note=parts.note,
        highlighted=parts.highlighted,
        sections=ctx.sections,
        order=ctx.order,
    )


def _checked_url(href: str | None, ctx: EntryContext, what: str) -> str | None:
    if not href:
        return None
    url = safe_url(href)
    if url is None and not href.startswith("#"):
        ctx.issue(IssueKind.UNSAFE_LINK, f"{what} {href[:120]!r} is not an http(s) URL; kept as text only")
    return url


def _resources(
    parts: EntryParts, url: str | None, links: list[str], code: str | None, kind: WorkKind
) -> list[Link]:
    """Every safe link once, with its role: the title link first, then the others in order."""
    found: dict[str, Link] = {}
    for href in [u for u in (url, *links, code) if u]:
        if href in found:
            continue
        column = "code" if href == code and href not in links else parts.columns.get(href)
        label = parts.labels.get(href, "")
        role = role_of(href, label if href != url else "", column, kind, href == url)
        found[href] = Link(url=href, role=role, label=clean_text(label)[:80])
    return list(found.values())


def _identifiers(resources: list[Link], title_raw: str) -> list[Identifier]:
    """Identifiers of the work itself: its title link's and its paper links' (a code, data or
    project link names another thing, which papers may share)."""
    found: set[Identifier] = set()
    for i, link in enumerate(resources):
        if i == 0 or link.role is LinkRole.PAPER:
            found.update(identifiers_from_url(link.url))
    found.update(identifiers_from_text(title_raw))
    return sorted(found, key=lambda i: (i.scheme, i.value))


def _kind(url: str | None, section_label: str, links: list[str], title: str) -> WorkKind:
    by_url = classify_url(url) if url else None
    if by_url is not None and by_url != WorkKind.PAPER:
        return by_url
    if url is None and any(classify_url(link) == WorkKind.PAPER for link in links):
        return WorkKind.PAPER  # an unlinked title with its [paper] link
    by_section = section_kind(section_label, title)
    if by_url is None and by_section is not None:
        return by_section
    return WorkKind.PAPER


def _venue(raw: str, year: str | None, group_column: bool) -> VenueInfo:
    """A table with its own Year column may hold venue groups ("NIPS/ICML/ICLR") in its venue cells."""
    info = parse_venue(raw, group_column=group_column) if raw else VenueInfo()
    if info.year is None and year:
        digits = re.search(r"(19|20)\d\d", year)
        if digits:
            info = info.model_copy(update={"year": int(digits.group(0))})
    return info


def _note_defects(
    ctx: EntryContext,
    url: str | None,
    parts: EntryParts,
    identifiers: list[Identifier],
    kind: WorkKind,
) -> None:
    if url is None:
        ctx.issue(IssueKind.MISSING_LINK, "entry has no link")
    elif kind == WorkKind.PAPER and not identifiers:
        ctx.issue(IssueKind.UNRECOGNISED_LINK, f"no paper identifier could be read from {url}")
    if looks_mojibake(ctx.raw):
        ctx.issue(IssueKind.MOJIBAKE, "line contains double-encoded text (repaired in the graph)")
