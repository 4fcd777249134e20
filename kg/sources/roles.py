"""Link roles (paper, code, project …) from a link's label, its table column or its target."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from kg.model import LinkRole, WorkKind
from kg.normalize import classify_url

_LABELS: dict[LinkRole, tuple[str, ...]] = {
    LinkRole.PAPER: (
        "paper",
        "papers",
        "pdf",
        "arxiv",
        "acl",
        "doi",
        "openreview",
        "link",
        "abs",
        "abstract",
        "proceedings",
        "preprint",
        "full text",
        "论文",
        "文章",
        "原文",
    ),
    LinkRole.CODE: (
        "code",
        "github",
        "gitlab",
        "repo",
        "repository",
        "official code",
        "implementation",
        "pytorch",
        "tensorflow",
        "jax",
        "source",
        "source code",
        "代码",
        "源码",
    ),
    LinkRole.PROJECT: (
        "project",
        "project page",
        "website",
        "homepage",
        "home",
        "page",
        "site",
        "demo",
        "web",
        "项目",
        "项目主页",
        "主页",
    ),
    LinkRole.DATASET: ("dataset", "datasets", "data", "benchmark", "download", "数据集", "数据"),
    LinkRole.MODEL: (
        "model",
        "models",
        "weights",
        "checkpoint",
        "checkpoints",
        "huggingface",
        "hugging face",
        "hf",
        "模型",
    ),
    LinkRole.BLOG: ("blog", "post", "article", "medium", "news", "博客"),
    LinkRole.VIDEO: (
        "video",
        "videos",
        "youtube",
        "talk",
        "slides",
        "lecture",
        "recording",
        "视频",
    ),
}
LABEL_ROLES: dict[str, LinkRole] = {name: role for role, names in _LABELS.items() for name in names}
COLUMN_ROLES: dict[str, LinkRole] = {
    "code": LinkRole.CODE,
    "project": LinkRole.PROJECT,
    "download": LinkRole.DATASET,
    "link": LinkRole.PAPER,
}
KIND_ROLES: dict[WorkKind, LinkRole] = {
    WorkKind.PAPER: LinkRole.PAPER,
    WorkKind.BLOG: LinkRole.BLOG,
    WorkKind.SOFTWARE: LinkRole.CODE,
    WorkKind.DATASET: LinkRole.DATASET,
    WorkKind.MODEL: LinkRole.MODEL,
    WorkKind.VIDEO: LinkRole.VIDEO,
}

_LABEL_EDGES = " \t[]()【】<>:：|*_`'\"!.,"
_NUMBER_LABEL = re.compile(r"^\s*[\[(【]?\s*#?\d{1,4}\s*[\])】]?[.):]?\s*$")
_DATASET_HOSTS = ("kaggle.com", "zenodo.org", "physionet.org")


def label_role(label: str) -> LinkRole | None:
    """`[paper]`, `[[PDF]]`, `Code`, `【论文】` → their role; anything longer is not a label."""
    key = re.sub(r"\s+", " ", label.strip(_LABEL_EDGES).lower())
    key = re.sub(r"^(?:\W+\s*)+|\s*(?:\W+)+$", "", key)  # leading emoji such as 📄 or 💻
    return LABEL_ROLES.get(key)


def is_number_label(text: str) -> bool:
    """`[1]`, `(12)`, `9)`, `#3`: a running number, never a title."""
    return bool(_NUMBER_LABEL.match(text))


def target_role(url: str) -> LinkRole | None:
    """The role a link's target implies (a PDF inside a repository is a paper), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.path.lower().endswith(".pdf"):
        return LinkRole.PAPER
    host = (parts.hostname or "").lower().removeprefix("www.")
    if any(host == h or host.endswith("." + h) for h in _DATASET_HOSTS):
        return LinkRole.DATASET
    if host == "huggingface.co" and parts.path.startswith("/papers/"):
        return LinkRole.PAPER
    kind = classify_url(url)
    return KIND_ROLES.get(kind) if kind is not None else None


def role_of(url: str, label: str, column: str | None, kind: WorkKind, is_title: bool) -> LinkRole:
    """Label first, then column, then target; else the entry's own kind or a project page."""
    by_label = label_role(label) if label else None
    if by_label is not None:
        return by_label
    if column in COLUMN_ROLES:
        return COLUMN_ROLES[column]
    by_target = target_role(url)
    if by_target is not None:
        return by_target
    if is_title:
        return KIND_ROLES.get(kind, LinkRole.PROJECT)
    return LinkRole.PROJECT
