"""The generic awesome-list reader: headings, bullets and tables, every line accounted for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.model import Entry, IssueKind, LineKind, LineRecord, ListIssue, ParsedList, SurveyList
from kg.normalize import clean_text, parse_venue, safe_url
from kg.sources.base import register
from kg.sources.entries import EntryParts, read_entry, read_label, read_more, starts_entry
from kg.sources.headings import is_non_content, is_toc, split_heading
from kg.sources.htmlblocks import HtmlCell, holds_rows, html_rows
from kg.sources.inline import (
    Span,
    hard_breaks,
    is_anchor,
    only_images,
    plain,
    spans_of,
    split_lines,
)
from kg.sources.records import EntryContext, make_entry
from kg.sources.sections import SectionTree, TocEntry
from kg.sources.tables import is_placeholder_title, map_columns, read_row


def markdown_parser() -> MarkdownIt:
    """CommonMark plus GFM tables; no linkify (bare URLs are found by the entry reader)."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


_PARSER = markdown_parser()
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")


@dataclass
class _Pending:
    """An entry still open to the lines that continue it, with what is needed to rebuild it."""

    index: int
    parts: EntryParts
    ctx: EntryContext
    spans: list[Span]
    joinable: bool  # a plain title that a soft-wrapped next line may still continue


@dataclass
class _Item:
    """One list item: the entry its first paragraph made, and the entry of the item around it."""

    parent: _Pending | None
    entry: _Pending | None = None
    paragraphs: int = 0


@dataclass
class _Walk:
    """Mutable state of one pass over a document's tokens."""

    source: SurveyList
    lines: list[str]
    tree: SectionTree
    kinds: dict[int, LineRecord] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    issues: list[ListIssue] = field(default_factory=list)
    title: str | None = None
    in_title_block: bool = True
    frame_level: int | None = None  # level of an open non-content heading (contents, news…)
    frame_is_toc: bool = False
    root_key: str | None = None
    items: list[_Item] = field(default_factory=list)
    content_frames: frozenset[int] = frozenset()  # lines of "Contents" headings that hold works
    entry_issues: dict[int, list[ListIssue]] = field(default_factory=dict)

    def mark(self, line0: int, kind: LineKind, reason: str | None = None) -> None:
        """Classify a 0-based line; the first classification wins."""
        if 0 <= line0 < len(self.lines) and line0 + 1 not in self.kinds:
            self.kinds[line0 + 1] = LineRecord(line=line0 + 1, kind=kind, reason=reason)

    def mark_range(self, span: list[int] | None, kind: LineKind, reason: str | None = None) -> None:
        if span:
            for line0 in range(span[0], span[1]):
                if self.lines[line0].strip():
                    self.mark(line0, kind, reason)

    def issue(self, line: int | None, kind: IssueKind, message: str) -> None:
        self.issues.append(
            ListIssue(
                list_id=self.source.id, file=self.source.file, line=line, kind=kind, message=message
            )
        )

    @property
    def framed(self) -> bool:
        return self.frame_level is not None


@register("markdown")
def read_markdown(text: str, source: SurveyList) -> ParsedList:
    """Parse one list; `text` is the decoded file content (line numbers are kept 1-based)."""
    lines = text.splitlines()
    tokens = _PARSER.parse(text)
    tree = SectionTree(source.id, source.file, toc=_table_of_contents(tokens))
    walk = _Walk(source, lines, tree, content_frames=_contents_with_works(tokens))
    _walk_tokens(tokens, walk)
    records = _account(walk)
    return ParsedList(
        source=source,
        title=walk.title or source.title,
        line_count=len(lines),
        sections=tree.sections,
        entries=walk.entries,
        lines=records,
        issues=sorted(
            tree.issues + walk.issues + [i for v in walk.entry_issues.values() for i in v],
            key=lambda i: (i.line or 0, i.kind),
        ),
    )


def _walk_tokens(tokens: list[Token], walk: _Walk) -> None:
    i = 0
    depth = 0  # list nesting
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            _heading(tok, tokens[i + 1], walk)
            i += 3
            continue
        if tok.type == "table_open":
            i = _table(tokens, i, walk)
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif tok.type == "list_item_open":
            walk.items.append(_Item(parent=walk.items[-1].entry if walk.items else None))
        elif tok.type == "list_item_close" and walk.items:
            walk.items.pop()
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            _item_paragraph(tok, walk) if depth > 0 and walk.items else _paragraph(tok, walk, False)
        elif tok.type == "html_block" and not walk.framed:
            _html_block(tok, walk)
        elif tok.type in ("html_block", "fence", "code_block", "hr"):
            walk.mark_range(tok.map, LineKind.STRUCTURE, tok.type.replace("_", " "))
        if tok.type != "inline" and tok.type not in ("paragraph_open", "paragraph_close"):
            walk.in_title_block = walk.in_title_block and tok.type.startswith(("heading", "inline"))
        i += 1


def _heading(open_tok: Token, inline: Token, walk: _Walk) -> None:
    level = int(open_tok.tag[1])
    line0 = open_tok.map[0] if open_tok.map else 0
    text = plain(spans_of(inline.children))
    label = split_heading(text).label
    if walk.in_title_block and level == 1 and not walk.tree.sections:
        walk.title = walk.title or clean_text(text)
        walk.mark_range(open_tok.map, LineKind.STRUCTURE, "list title")
        return
    walk.in_title_block = False
    if walk.frame_level is not None and level > walk.frame_level:
        walk.mark(line0, LineKind.STRUCTURE, "heading inside a non-content part")
        return
    walk.frame_level = None
    if is_non_content(label) and line0 not in walk.content_frames:
        walk.frame_level = level
        walk.frame_is_toc = is_toc(label)
        walk.tree.close(level)
        walk.mark(line0, LineKind.STRUCTURE, f"non-content heading {label!r}")
        return
    walk.tree.open_heading(level, text, line0 + 1, walk.lines[line0])
    walk.mark_range(open_tok.map, LineKind.HEADING)


def _item_paragraph(inline: Token, walk: _Walk) -> None:
    """A paragraph of a list item: its first makes the entry; later ones, and a sub-item that
    names no work of its own (a summary, more links), continue the entry they belong to."""
    item = walk.items[-1]
    item.paragraphs += 1
    spans = spans_of(inline.children)
    owner = item.entry if item.paragraphs > 1 else None
    if owner is None and item.paragraphs == 1 and item.parent is not None:
        owner = item.parent if _continues_parent(spans) else None
    if owner is not None and inline.map and not walk.framed:
        for offset, line_spans in enumerate(split_lines(spans)):
            _extend(walk, owner, line_spans, inline.map[0] + offset, join=False)
        return
    first = _paragraph(inline, walk, True)
    if item.paragraphs == 1:
        item.entry = first


def _continues_parent(spans: list[Span]) -> bool:
    """A sub-item under an entry that is neither a work of its own nor a sub-group label."""
    return read_label(spans) is None and not starts_entry(spans) and bool(plain(spans).strip())


def _paragraph(inline: Token, walk: _Walk, in_list: bool) -> _Pending | None:
    """A paragraph: its lines are entries, or continue the entry above them (authors, venue,
    summary, links, the rest of a wrapped title). Returns the paragraph's first entry."""
    if not inline.map:
        return None
    start = inline.map[0]
    spans = spans_of(inline.children)
    if walk.framed:
        kind = LineKind.STRUCTURE if walk.frame_is_toc else LineKind.PROSE
        walk.mark_range(inline.map, kind, "inside a non-content part")
        return None
    if only_images(spans):
        walk.mark_range(inline.map, LineKind.STRUCTURE, "badge or image")
        return None
    owner: _Pending | None = None
    first: _Pending | None = None
    hard = hard_breaks(spans)
    for offset, line_spans in enumerate(split_lines(spans)):
        line0 = start + offset
        indented = walk.lines[line0][:1] in (" ", "\t")
        if offset and owner is not None and _continues(line_spans, in_list and indented, hard[offset]):
            _extend(walk, owner, line_spans, line0, join=owner.joinable and not hard[offset])
            continue
        owner = _line(line_spans, line0, walk, in_list and offset == 0, owner)
        first = first or owner
    return first


def _continues(spans: list[Span], in_list: bool, after_hard_break: bool = False) -> bool:
    """In a list item every indented line continues the entry unless it starts a new one, and so
    does a line after a hard break; elsewhere (and for lazy, unindented lines) only authors in
    italics, a short venue or a line of label links do."""
    if in_list or after_hard_break:
        return not starts_entry(spans)
    visible = [s for s in spans if s.text.strip()]
    if visible and all(s.href or s.image for s in visible):
        return not starts_entry(spans)  # `[[paper]](…) [[code]](…)` under the title
    if not visible or any(s.href for s in visible):
        return False
    if visible[0].em:
        return True
    info = parse_venue(plain(visible).strip(" .,"))
    return info.year is not None and len(plain(visible).split()) <= 6


def _extend(walk: _Walk, owner: _Pending, spans: list[Span], line0: int, join: bool) -> None:
    """Add a continuation line to an entry and rebuild it."""
    if not plain(spans).strip():
        return
    if join:
        owner.spans = [*owner.spans, Span(" "), *spans]
        parts = read_entry(owner.spans)
        if parts is not None and clean_text(parts.title_raw).strip():
            owner.parts = parts
        owner.joinable = owner.parts.url is None and not owner.parts.links
    else:
        read_more(spans, owner.parts)
        owner.joinable = False
    owner.ctx.issues = []
    walk.entries[owner.index] = make_entry(owner.parts, owner.ctx)
    walk.entry_issues[owner.index] = owner.ctx.issues
    walk.mark(line0, LineKind.ENTRY, f"continuation of the entry at line {owner.ctx.line}")


def _line(
    spans: list[Span], line0: int, walk: _Walk, bullet: bool, previous: _Pending | None
) -> _Pending | None:
    """One physical line of a paragraph: a label, an entry, a placeholder, prose or a stray."""
    text = plain(spans).strip()
    if not text:
        return None
    if bullet:
        label = read_label(spans)
        if label is not None and walk.tree.current is not None:
            walk.tree.open_label(label.text, line0 + 1, walk.lines[line0], label.italic)
            walk.mark(line0, LineKind.HEADING, "bold/italic label: sub-section")
            return None
    has_link = any(s.href and not s.href.startswith("#") for s in spans) or "http" in text
    if walk.tree.current is None and not (bullet and has_link and _absolute_link(spans)):
        walk.mark(
            line0,
            LineKind.PROSE if len(text.split()) > 3 else LineKind.STRUCTURE,
            "text before the first section",
        )
        return None
    if not bullet and not has_link:
        return _stray(text, line0, walk, previous)
    if all(s.href and s.href.startswith("#") for s in spans if s.text.strip()):
        walk.mark(line0, LineKind.STRUCTURE, "in-page anchor link")
        return None
    parts = read_entry(spans)
    if parts is None or is_placeholder_title(parts.title_raw):
        walk.mark(line0, LineKind.PLACEHOLDER, "entry without a title")
        walk.issue(line0 + 1, IssueKind.PLACEHOLDER, "bullet without a title")
        return None
    section = walk.tree.current or _root_section(walk, line0)
    ctx = _context(walk, line0, [section.key], section.label)
    entry = make_entry(parts, ctx)
    _keep(walk, entry, ctx, line0, None if bullet else "entry written without a bullet")
    joinable = parts.url is None and not parts.links and not spans_start_strong(spans)
    return _Pending(len(walk.entries) - 1, parts, ctx, list(spans), joinable)


def spans_start_strong(spans: list[Span]) -> bool:
    visible = [s for s in spans if s.text.strip()]
    return bool(visible) and visible[0].strong


def _stray(text: str, line0: int, walk: _Walk, previous: _Pending | None) -> None:
    """Unlinked text outside a bullet: prose when it reads as a sentence, else not understood."""
    if len(text.split()) >= 5 or text.rstrip().endswith((".", "!", "?", ":")):
        walk.mark(line0, LineKind.PROSE)
        return None
    where = f" after the entry at line {previous.ctx.line}" if previous else ""
    walk.mark(line0, LineKind.NOT_UNDERSTOOD, f"stray text{where}")
    walk.issue(line0 + 1, IssueKind.NOT_UNDERSTOOD, f"stray text {text[:80]!r}{where}")
    return None


def _table(tokens: list[Token], i: int, walk: _Walk) -> int:
    """Read a table: header → column roles, each body row → an entry (or a placeholder)."""
    table = tokens[i]
    headers, rows, end = _table_cells(tokens, i)
    if not rows:
        walk.mark_range(table.map, LineKind.STRUCTURE, "table without rows")
    if table.map:
        walk.mark(table.map[0], LineKind.STRUCTURE, "table header")
        walk.mark(table.map[0] + 1, LineKind.STRUCTURE, "table delimiter row")
    if walk.framed:
        walk.mark_range(table.map, LineKind.STRUCTURE, "table inside a non-content part")
        return end
    if walk.tree.current is None and table.map:
        _root_section(walk, table.map[0])
    roles = map_columns([plain(h) for h in headers])
    if not _has_works([cells for _, cells in rows], roles):
        walk.mark_range(table.map, LineKind.STRUCTURE, "table of no works (overview, changelog)")
        return end
    group_column = "year" in roles
    for line0, cells in rows:
        _table_row(walk, line0, cells, roles, group_column)
    return end


def _html_block(tok: Token, walk: _Walk) -> None:
    """HTML in a list: `<details>` groups open and close a sub-section, table rows and list
    items are entries, the rest (logos, badges, alignment) is structure."""
    summary = _SUMMARY.search(tok.content)
    if summary and walk.tree.current is not None and tok.map:
        label = clean_text(re.sub(r"<[^>]+>", " ", summary.group(1))).strip(" :")
        if label and not _GENERIC_SUMMARY.match(label):
            line0 = tok.map[0] + tok.content[: summary.start()].count("\n")
            walk.tree.open_label(label, line0 + 1, walk.lines[line0], italic=False)
            walk.mark(line0, LineKind.HEADING, "<details> summary: sub-section")
    elif _DETAILS_END.search(tok.content):
        walk.tree.close_labels()
    if holds_rows(tok.content) and tok.map and walk.tree.current is not None:
        _html_rows(html_rows(tok.content, tok.map[0]), walk)
    elif tok.map and walk.tree.current is not None:
        _html_lines(tok, walk)
    walk.mark_range(tok.map, LineKind.STRUCTURE, "html block")


def _html_lines(tok: Token, walk: _Walk) -> None:
    """HTML paragraphs (`<p><a href="…">Title</a> …</p>`): each line that links a work by its
    text, not by a logo or a badge, is an entry."""
    assert tok.map is not None
    for offset, raw in enumerate(tok.content.splitlines()):
        if "<a" not in raw.lower():
            continue
        rows = html_rows(f"<li>{raw}</li>", tok.map[0] + offset)
        spans = rows[0][0].spans if rows and rows[0] else []
        texts = [s for s in spans if s.href and not s.image and s.text.strip()]
        if texts and _absolute_link(texts) and not is_anchor(texts[0].href or ""):
            _line(spans, tok.map[0] + offset, walk, False, None)


_SUMMARY = re.compile(r"(?is)<summary[^>]*>(.*?)</summary>")
_DETAILS_END = re.compile(r"(?i)</details>")
_GENERIC_SUMMARY = re.compile(
    r"(?i)^(?:click|show|expand|more|details|see|view|toggle|open)\b|^\W*$|^\(?\d+ (?:papers?|items?)"
)


def _html_rows(rows: list[list[HtmlCell]], walk: _Walk) -> None:
    """Rows of an HTML table (header cells name the columns) or items of an HTML list."""
    header = rows[0] if rows and all(c.header for c in rows[0]) else None
    body = rows[1:] if header else rows
    roles = map_columns([plain(c.spans) for c in header]) if header else {"title": _title_column(body)}
    if not _has_works([[c.spans for c in row] for row in body], roles):
        return
    for row in body:
        cells = [c.spans for c in row]
        if not any(plain(c).strip() for c in cells):
            continue
        title_at = roles.get("title", 0)
        line0 = row[title_at].line0 if title_at < len(row) else row[0].line0
        _table_row(walk, line0, cells, roles, "year" in roles)


def _title_column(rows: list[list[HtmlCell]]) -> int:
    """Without a header: the first column whose cells hold a link that is not a label."""
    for index in range(max((len(r) for r in rows), default=0)):
        for row in rows:
            if index < len(row) and any(
                s.href and not s.image and len(plain([s]).split()) >= 2 for s in row[index].spans
            ):
                return index
    return 0


def _has_works(rows: list[list[list[Span]]], roles: dict[str, int]) -> bool:
    """A table lists works when it has a title column by name or links to pages in its cells;
    overview, changelog and comparison tables have neither."""
    if roles.get("title_named"):
        return True
    return any(_absolute_link(cell) for row in rows for cell in row)


def _table_row(
    walk: _Walk, line0: int, cells: list[list[Span]], roles: dict[str, int], group_column: bool
) -> None:
    row = read_row(cells, roles)
    if row.placeholder_reason or row.parts is None:
        walk.mark(line0, LineKind.PLACEHOLDER, row.placeholder_reason)
        walk.issue(line0 + 1, IssueKind.PLACEHOLDER, row.placeholder_reason or "empty row")
        return
    heading = walk.tree.current
    assert heading is not None
    keys = [walk.tree.category(c, line0 + 1).key for c in row.categories] or [heading.key]
    ctx = _context(walk, line0, list(dict.fromkeys(keys)), heading.label)
    entry = make_entry(row.parts, ctx, row.summary, row.code_url, row.year, group_column)
    _keep(walk, entry, ctx, line0, None)


def _table_cells(tokens: list[Token], i: int) -> tuple[list, list, int]:
    """Header cells, body rows as (0-based line, cells) and the index after the table."""
    headers: list[list[Span]] = []
    rows: list[tuple[int, list[list[Span]]]] = []
    current: list[list[Span]] | None = None
    line0 = 0
    in_head = False
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            current, line0 = [], (tok.map[0] if tok.map else line0 + 1)
        elif tok.type == "tr_close" and current is not None:
            (headers.extend(current) if in_head else rows.append((line0, current)))
        elif tok.type == "inline" and current is not None:
            current.append(spans_of(tok.children))
        i += 1
    return headers, rows, i + 1


def _context(walk: _Walk, line0: int, sections: list[str], label: str) -> EntryContext:
    return EntryContext(
        list_id=walk.source.id,
        file=walk.source.file,
        line=line0 + 1,
        raw=walk.lines[line0],
        sections=sections,
        section_label=label,
        order=len(walk.entries),
    )


def _keep(walk: _Walk, entry: Entry, ctx: EntryContext, line0: int, reason: str | None) -> None:
    walk.entry_issues[len(walk.entries)] = ctx.issues
    walk.entries.append(entry)
    walk.mark(line0, LineKind.ENTRY, reason)


def _root_section(walk: _Walk, line0: int):  # type: ignore[no-untyped-def]
    """Entries before any heading (a list without headings) stand in a section named after the list."""
    section = walk.tree.open_heading(1, walk.title or walk.source.title, line0 + 1, "")
    walk.in_title_block = False
    return section


def _absolute_link(spans: list[Span]) -> bool:
    return any(s.href and safe_url(s.href) for s in spans)


def _contents_with_works(tokens: list[Token]) -> frozenset[int]:
    """Lines of table-of-contents headings whose part of the list links to works, not anchors:
    such a "Contents" heading is the list itself."""
    found: set[int] = set()
    open_at: tuple[int, int] | None = None  # (heading level, line)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map:
            level = int(tok.tag[1])
            if open_at and level <= open_at[0]:
                open_at = None
            if is_toc(split_heading(plain(spans_of(tokens[i + 1].children))).label):
                open_at = (level, tok.map[0])
        elif open_at and tok.type == "inline" and open_at[1] not in found:
            spans = spans_of(tok.children)
            if _absolute_link(spans) and not only_images(spans):
                found.add(open_at[1])
    return frozenset(found)


def _table_of_contents(tokens: list[Token]) -> dict[str, TocEntry]:
    """Numbered lines of the table of contents, to name sections the body never heads."""
    toc: dict[str, TocEntry] = {}
    inside = False
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            inside = is_toc(split_heading(plain(spans_of(tokens[i + 1].children))).label)
        elif inside and tok.type == "inline" and tok.map:
            parts = split_heading(plain(spans_of(tok.children)))
            if parts.notation:
                toc.setdefault(
                    parts.notation, TocEntry(parts.notation, parts.label, tok.map[0] + 1)
                )
    return toc


def _account(walk: _Walk) -> list[LineRecord]:
    """Every line gets a kind: what the walk classified, else blank or not understood."""
    records = []
    for number, text in enumerate(walk.lines, start=1):
        record = walk.kinds.get(number)
        if record is None and _REFERENCE_DEFINITION.match(text):
            record = LineRecord(
                line=number, kind=LineKind.STRUCTURE, reason="link reference definition"
            )
        if record is None:
            if text.strip():
                record = LineRecord(line=number, kind=LineKind.NOT_UNDERSTOOD, reason="unparsed")
                walk.issue(number, IssueKind.NOT_UNDERSTOOD, f"line not understood: {text.strip()[:80]!r}")
            else:
                record = LineRecord(line=number, kind=LineKind.BLANK)
        records.append(record)
    return records
