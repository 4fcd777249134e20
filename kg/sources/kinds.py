"""What kind of work an unlinked or ordinary-web entry is, from the section it stands in."""

from __future__ import annotations

import re

from kg.model import WorkKind

_SECTION_KINDS: tuple[tuple[re.Pattern[str], WorkKind], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\b(?:blogs?|posts?|articles?|newsletters?)\b|博客|文章", WorkKind.BLOG),
        (
            r"\b(?:githubs?|tools?|toolkits?|repos?|repositories|software|librar(?:y|ies)|"
            r"frameworks?|packages?|codebases?|implementations?|awesome lists?)\b|工具|代码库",
            WorkKind.SOFTWARE,
        ),
        (r"\b(?:videos?|talks?|lectures?|youtube|podcasts?|webinars?)\b|视频", WorkKind.VIDEO),
        (r"\b(?:courses?|classes|tutorials?|moocs?)\b|课程|教程", WorkKind.COURSE),
        (r"\b(?:books?|textbooks?)\b|书籍", WorkKind.BOOK),
        (
            r"\b(?:people|researchers?|who to follow|scholars?|labs?|research groups?)\b|学者",
            WorkKind.PERSON,
        ),
        (r"\bdatasets?\b|数据集", WorkKind.DATASET),
    )
)


def section_kind(section_label: str, title: str = "") -> WorkKind | None:
    """Blogs, tools, videos, courses, books, people or datasets, as the section names them."""
    for pattern, kind in _SECTION_KINDS:
        if pattern.search(section_label):
            return kind
    return None
