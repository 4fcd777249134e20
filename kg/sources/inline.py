"""Flattens markdown-it inline tokens into styled spans that entry parsers can read left to right."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

BARE_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'\])]+")


@dataclass
class Span:
    """A run of inline text with its formatting and the link it sits in, if any."""

    text: str
    href: str | None = None
    strong: bool = False
    em: bool = False
    image: bool = False
    link_id: int | None = None


def spans_of(children: list[Token] | None) -> list[Span]:
    """Text runs in order; a link's spans share a link_id so its whole text can be joined."""
    spans: list[Span] = []
    href: str | None = None
    link_id: int | None = None
    links = 0
    strong = em = 0
    for tok in children or []:
        kind = tok.type
        if kind == "link_open":
            href, link_id, links = str(tok.attrGet("href") or ""), links, links + 1
        elif kind == "link_close":
            href, link_id = None, None
        elif kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong = max(0, strong - 1)
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em = max(0, em - 1)
        elif kind in ("text", "code_inline", "html_inline"):
            spans.append(Span(tok.content, href, strong > 0, em > 0, False, link_id))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span("\n", href, strong > 0, em > 0, False, link_id))
        elif kind == "image":
            spans.append(Span(tok.content, href, False, False, True, link_id))
    return spans


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


def only_images(spans: list[Span]) -> bool:
    """Badges and pictures: every visible span is an image (or blank)."""
    visible = [s for s in spans if s.text.strip() or s.image]
    return bool(visible) and all(s.image for s in visible)
