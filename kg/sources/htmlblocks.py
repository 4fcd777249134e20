"""Raw HTML tables and lists inside a markdown list: rows and items as styled spans, with lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from kg.sources.inline import BREAK, Span

_STRONG = frozenset({"b", "strong"})
_EM = frozenset({"i", "em", "cite"})


@dataclass
class HtmlCell:
    """One `<td>`, `<th>` or `<li>`: its 0-based line in the file and its content as spans."""

    line0: int
    header: bool
    spans: list[Span] = field(default_factory=list)


class _RowParser(HTMLParser):
    """Collects table rows (`<tr>`) and list items (`<li>`) with the formatting of their text."""

    def __init__(self, first_line0: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line0 = first_line0
        self.rows: list[list[HtmlCell]] = []
        self.cell: HtmlCell | None = None
        self.href: str | None = None
        self.link_id: int | None = None
        self.links = 0
        self.strong = 0
        self.em = 0

    def _line0(self) -> int:
        return self.first_line0 + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            if not self.rows:
                self.rows.append([])
            self.cell = HtmlCell(self._line0(), tag == "th")
            self.rows[-1].append(self.cell)
        elif tag == "li":
            self.cell = HtmlCell(self._line0(), False)
            self.rows.append([self.cell])
        elif tag == "a" and found.get("href"):
            self.href, self.link_id, self.links = found["href"], self.links, self.links + 1
        elif tag in _STRONG:
            self.strong += 1
        elif tag in _EM:
            self.em += 1
        elif tag == "br":
            self._add(BREAK)
        elif tag == "img":
            self._add(found.get("alt") or "", image=True)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "li"):
            self.cell = None
        elif tag == "a":
            self.href, self.link_id = None, None
        elif tag in _STRONG:
            self.strong = max(0, self.strong - 1)
        elif tag in _EM:
            self.em = max(0, self.em - 1)

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._add(" ".join(data.split()) if data.strip() else data)
        elif data and self.cell is not None and self.cell.spans:
            self._add(" ")

    def _add(self, text: str, image: bool = False) -> None:
        if self.cell is None:
            return
        if self.cell.line0 < 0 or (not self.cell.spans and text.strip()):
            self.cell.line0 = self._line0()  # the title's line, not the line of its `<td>`
        span = Span(text, self.href, self.strong > 0, self.em > 0, image, self.link_id)
        self.cell.spans.append(span)


def html_rows(html: str, first_line0: int) -> list[list[HtmlCell]]:
    """Rows of the tables and items of the lists in an HTML block (comments are skipped)."""
    parser = _RowParser(first_line0)
    parser.feed(html)
    parser.close()
    return [row for row in parser.rows if row]


def holds_rows(html: str) -> bool:
    lowered = html.lower()
    return ("<tr" in lowered and ("<td" in lowered or "<th" in lowered)) or "<li" in lowered
