"""Table rows as entries: columns are mapped by header name, whatever their order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.normalize import clean_text
from kg.sources.entries import EntryParts, read_entry
from kg.sources.inline import Span, link_hrefs, plain

COLUMN_ROLES: dict[str, tuple[str, ...]] = {
    "title": ("title", "tilte", "paper", "papers", "paper title", "论文", "标题", "dataset",
              "datasets", "work", "model", "resource"),
    "name": ("name", "method", "methods", "model name", "名称", "方法"),
    "summary": ("tldr", "summary", "description", "abstract", "notes", "note", "remark",
                "comment", "comments", "简介", "说明", "备注", "摘要", "描述"),
    "category": ("category", "categories", "tags", "tag", "type", "topic"),
    "link": ("paper link", "link", "links", "url", "pdf", "arxiv", "paper", "papers", "论文"),
    "year": ("year", "date", "年份", "时间", "日期"),
    "venue": ("venue", "publish", "published in", "published", "publication", "conference",
              "journal", "conf", "conference/journal", "会议", "期刊", "发表", "来源", "出处"),
    "code": (
        "code/project",
        "code",
        "project",
        "github",
        "home/github",
        "home",
        "repo",
        "code link",
        "代码",
        "源码",
        "implementation",
    ),
    "download": ("download link", "download", "data"),
    "authors": ("authors", "author"),
}
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_EMPTY_CELL = {"", "-", "–", "—", "n/a", "na", "none", "tbd", "todo"}
PLACEHOLDER_TITLES = {
    "example paper",
    "paper title",
    "title",
    "example",
    "xxx",
    "todo",
    "tbd",
    "...",
    "coming soon",
    "to be added",
    "to be announced",
    "tba",
    "wip",
    "placeholder",
}


def is_placeholder_title(raw: str) -> bool:
    """No title, or a stand-in ("TBD", "example paper", "coming soon") where a title should be."""
    title = clean_text(raw).strip(" .-:").lower()
    return not title or title in PLACEHOLDER_TITLES or title.startswith("example ")


@dataclass
class RowParts:
    """One table row read through the header mapping."""

    parts: EntryParts | None
    summary: str | None = None
    categories: list[str] = field(default_factory=list)
    code_url: str | None = None
    year: str | None = None
    placeholder_reason: str | None = None


def map_columns(headers: list[str]) -> dict[str, int]:
    """Header text → role → column index; the first column wins a role, unknown headers are kept out."""
    roles: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = re.sub(r"\s+", " ", clean_text(header).strip(" *_:").lower())
        free = [role for role, names in COLUMN_ROLES.items() if name in names and role not in roles]
        if free:  # a second "Paper" column after "Title" holds the paper's link
            roles[free[0]] = index
    if "title" in roles:
        roles["title_named"] = 1
    elif "name" in roles:
        roles["title"] = roles["name"]
        roles["title_named"] = 1
    elif headers:
        roles["title"] = 0
    return roles


def read_row(cells: list[list[Span]], roles: dict[str, int]) -> RowParts:
    """Read a row; a row whose title is empty or an example is a placeholder, not a work."""

    def cell(role: str) -> list[Span]:
        index = roles.get(role)
        return cells[index] if index is not None and index < len(cells) else []

    title_spans = cell("title")
    parts = read_entry(title_spans)
    title = clean_text(parts.title_raw).strip(" .") if parts else ""
    row = RowParts(parts=parts)
    if not title or title.lower() in PLACEHOLDER_TITLES or title.lower().startswith("example "):
        row.placeholder_reason = (
            f"placeholder row (title {title!r})" if title else "row without a title"
        )
        return row
    assert parts is not None
    _fill_link(parts, cell("link"))
    extra = [h for h in link_hrefs(cell("download")) if h not in parts.links]
    parts.links.extend(extra)
    venue_text = _cell_text(cell("venue"))
    if venue_text:
        parts.venue_raw = venue_text
    authors = _cell_text(cell("authors"))
    if authors:
        parts.authors_raw = authors
    row.summary = _cell_text(cell("summary")) or None
    row.categories = [c.strip() for c in _cell_text(cell("category")).split(",") if c.strip()]
    row.code_url = next(iter(link_hrefs(cell("code"))), None)
    year = _cell_text(cell("year"))
    row.year = year if _YEAR.search(year) else None
    return row


def _fill_link(parts: EntryParts, link_cell: list[Span]) -> None:
    hrefs = link_hrefs(link_cell)
    if not hrefs:
        return
    if parts.url is None:
        parts.url = hrefs[0]
        hrefs = hrefs[1:]
    parts.links.extend(h for h in hrefs if h != parts.url)


def _cell_text(spans: list[Span]) -> str:
    text = clean_text(plain(spans))
    return "" if text.lower() in _EMPTY_CELL else text
