"""Flattens markdown-it inline tokens into styled spans that entry parsers can read left to right."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

BARE_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'\])]+")
_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>$", re.DOTALL)
_ATTR = re.compile(r"""([a-zA-Z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
BREAK = "\u2028"  # an HTML <br>: ends a part of the entry, but not a physical line
_STRONG_TAGS = frozenset({"b", "strong"})
_EM_TAGS = frozenset({"i", "em", "cite"})
_STYLE_TAGS = frozenset(
    "ins sup sub span font u s del strike mark small big code kbd tt p div center abbr "
    "nobr wbr a b strong i em cite br img".split()
)


def html_tag(raw: str) -> tuple[str, bool, dict[str, str]] | None:
    """ "<a href='u'>" → ("a", False, {"href": "u"}); "</b>" → ("b", True, {}); else None."""
    match = _TAG.match(raw.strip())
    if not match:
        return None
    attrs = {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _ATTR.finditer(match.group(3))
    }
    return match.group(2).lower(), bool(match.group(1)), attrs


@dataclass
class Span:
    """A run of inline text with its formatting and the link it sits in, if any."""

    text: str
    href: str | None = None
    strong: bool = False
    em: bool = False
    image: bool = False
    link_id: int | None = None
    hard: bool = False  # a hard line break (two trailing spaces or a backslash)


def spans_of(children: list[Token] | None) -> list[Span]:
    """Text runs in order; a link's spans share a link_id so its whole text can be joined."""
    state = _InlineState()
    for tok in children or []:
        if tok.type == "html_inline" and state.html(tok.content):
            continue
        state.token(tok)
    return state.spans


@dataclass
class _InlineState:
    """Formatting and link state while flattening tokens (markdown and inline HTML alike)."""

    spans: list[Span] = field(default_factory=list)
    href: str | None = None
    link_id: int | None = None
    links: int = 0
    strong: int = 0
    em: int = 0

    def add(self, text: str, image: bool = False) -> None:
        strong, em = self.strong > 0 and not image, self.em > 0 and not image
        self.spans.append(Span(text, self.href, strong, em, image, self.link_id))

    def html(self, raw: str) -> bool:
        """Inline HTML that carries meaning (links, bold, italics, breaks, images); True if read."""
        tag = html_tag(raw)
        if tag is None:
            return False
        name, closing, attrs = tag
        if name == "a":
            if closing:
                self.href, self.link_id = None, None
            elif "href" in attrs:
                self.href, self.link_id, self.links = attrs["href"], self.links, self.links + 1
        elif name in _STRONG_TAGS:
            self.strong = max(0, self.strong + (-1 if closing else 1))
        elif name in _EM_TAGS:
            self.em = max(0, self.em + (-1 if closing else 1))
        elif name == "br":
            self.add(BREAK)
        elif name == "img" and not closing:
            self.add(attrs.get("alt", ""), image=True)
        elif name not in _STYLE_TAGS:
            return False  # anything else (script, iframe …) stays visible text, as written
        return True

    def token(self, tok: Token) -> None:
        kind = tok.type
        if kind == "link_open":
            self.href = str(tok.attrGet("href") or "")
            self.link_id, self.links = self.links, self.links + 1
        elif kind == "link_close":
            self.href, self.link_id = None, None
        elif kind == "strong_open":
            self.strong += 1
        elif kind == "strong_close":
            self.strong = max(0, self.strong - 1)
        elif kind == "em_open":
            self.em += 1
        elif kind == "em_close":
            self.em = max(0, self.em - 1)
        elif kind in ("text", "code_inline", "html_inline"):
            self.add(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            self.add("\n")
            self.spans[-1].hard = kind == "hardbreak"
        elif kind == "image":
            self.add(tok.content, image=True)


def split_lines(spans: list[Span]) -> list[list[Span]]:
    """Split spans at soft breaks: each physical line of a paragraph on its own."""
    lines: list[list[Span]] = [[]]
    for span in spans:
        pieces = span.text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append([])
            if piece:
                lines[-1].append(
                    Span(piece, span.href, span.strong, span.em, span.image, span.link_id)
                )
    return lines


def hard_breaks(spans: list[Span]) -> list[bool]:
    """For each physical line of a paragraph: whether a hard break ends the line before it."""
    flags = [False]
    for span in spans:
        flags.extend([span.hard] * span.text.count("\n"))
    return flags


def plain(spans: list[Span]) -> str:
    return "".join(s.text for s in spans)


def link_hrefs(spans: list[Span]) -> list[str]:
    """Every link target in order, once each (bare URLs in text included)."""
    seen: dict[str, None] = {}
    for span in spans:
        if span.href is not None and not span.image:
            seen.setdefault(span.href, None)
        elif span.href is None:
            for match in BARE_URL.finditer(span.text):
                seen.setdefault(match.group(0).rstrip(".,;:"), None)
    return list(seen)


def link_labels(spans: list[Span]) -> list[tuple[str, str]]:
    """Every link target in order with the text it is written with (a bare URL: itself)."""
    seen: dict[str, str] = {}
    for span in spans:
        if span.href is not None:
            label = "" if span.image else span.text
            seen[span.href] = seen.get(span.href, "") + label
        else:
            for match in BARE_URL.finditer(span.text):
                url = match.group(0).rstrip(".,;:")
                seen.setdefault(url, url)
    return list(seen.items())


def is_anchor(href: str) -> bool:
    """An in-page or in-repository anchor (`#intro`, `./#intro`, `README.md#intro`): no work."""
    if href.startswith("#"):
        return True
    return "://" not in href and not href.startswith(("mailto:", "www.")) and "#" in href


def only_images(spans: list[Span]) -> bool:
    """Badges and pictures: every visible span is an image (or blank)."""
    visible = [s for s in spans if s.text.strip() or s.image]
    return bool(visible) and all(s.image for s in visible)
