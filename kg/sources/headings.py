"""Heading text: notation ("4.3.1"), label, and the stray tails real lists leave behind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.normalize import clean_text

_NOTATION = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?(?=\s|$)\s*(?P<rest>.*)$")
_LETTER = re.compile(r"^(?P<num>[A-Z])\.\s+(?P<rest>.+)$")
_LINK_TAIL = re.compile(r"\]\(#[^)\s]*\)?\s*$")
_TRAILING_BRACKET = re.compile(r"\s*\]+\s*$")
_LEADING_BRACKET = re.compile(r"^\s*\[+\s*")
_WRAPPING = re.compile(r"^[*_\s]+|[*_\s:]+$")
# emoji and pictographs that decorate a heading ("🧠 Self-Supervised"), and CJK ordinals ("一、")
_DECORATION = re.compile(
    r"^(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200d]|:[a-z0-9_+-]{2,30}:|\s)+"
    r"|^[一二三四五六七八九十百]+[、.．]\s*|^第[一二三四五六七八九十百0-9]+[章节部分]\s*"
    r"|(?:\s|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200d])+$"
)

NON_CONTENT_LABELS = (
    "contents",
    "table of contents",
    "toc",
    "latest updates",
    "updates",
    "news",
    "changelog",
    "contributing",
    "contribution",
    "contributors",
    "how to contribute",
    "star history",
    "stargazers",
    "license",
    "citation",
    "cite",
    "acknowledgement",
    "acknowledgements",
    "acknowledgments",
    "contact",
    "maintainers",
    "maintainer",
    "core team",
    "team",
    "sponsors",
    "backers",
    "feedback",
)
TOC_LABELS = ("contents", "table of contents", "toc")


@dataclass(frozen=True)
class HeadingText:
    """A heading split into its parts, with what had to be repaired."""

    label: str
    notation: str | None
    stray_tail: str | None


def split_heading(text: str, letters: bool = False) -> HeadingText:
    """Split "4.3.1 Diversity" into notation and label; drop `](#anchor` tails and stray brackets."""
    cleaned = clean_text(text)
    stray = None
    tail = _LINK_TAIL.search(cleaned)
    if tail:
        stray = tail.group(0).strip()
        cleaned = cleaned[: tail.start()]
    bracket = _TRAILING_BRACKET.search(cleaned)
    if bracket and "[" not in cleaned:
        stray = (stray or "") + bracket.group(0).strip()
        cleaned = cleaned[: bracket.start()]
    cleaned = (
        _LEADING_BRACKET.sub("", cleaned) if cleaned.count("[") > cleaned.count("]") else cleaned
    )
    cleaned = _DECORATION.sub("", _WRAPPING.sub("", cleaned)) or cleaned
    cleaned = _WRAPPING.sub("", cleaned)
    pattern = _LETTER if letters else _NOTATION
    match = pattern.match(cleaned)
    if match and match.group("rest").strip():
        return HeadingText(_WRAPPING.sub("", match.group("rest")), match.group("num"), stray)
    if match and not letters:
        return HeadingText(match.group("num"), match.group("num"), stray)
    return HeadingText(cleaned, None, stray)


def is_non_content(label: str) -> bool:
    """Headings such as "Contents" or "Star History" frame the list; their lines are not entries."""
    return _plain(label) in NON_CONTENT_LABELS


def is_toc(label: str) -> bool:
    return _plain(label) in TOC_LABELS


def _plain(label: str) -> str:
    return re.sub(r"[^a-z ]+", "", label.lower()).strip()


def notation_parent(notation: str) -> str | None:
    """ "4.3.1" → "4.3"; "4" → None."""
    head, sep, _ = notation.rpartition(".")
    return head if sep else None
