"""Safe URLs, persistent identifiers read from URLs and text, and what a URL points at.

Every function here is total: any string goes in, nothing raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs, unquote, urlsplit

from kg.model import Identifier, WorkKind

__all__ = [
    "classify_url",
    "identifiers_from_text",
    "identifiers_from_url",
    "safe_url",
]

# --- safe URLs ---------------------------------------------------------------------------------

_SCHEME = re.compile(r"^(https?)://", re.IGNORECASE)
_HOST_LABEL = re.compile(r"^[^\W_]([\w-]*[^\W_])?\Z")
# ASCII that RFC 3987 allows unescaped in path and query ("#" starts the fragment, once).
_IRI_ASCII = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%"
)
_PCT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _valid_host(host: str) -> bool:
    """Whether a host is a dotted name of letter/digit/hyphen labels (IDN letters allowed)."""
    labels = host.removesuffix(".").split(".")
    return bool(host) and all(_HOST_LABEL.match(label) for label in labels)


def _ucschar(cp: int) -> bool:
    """Whether a non-ASCII code point may appear unescaped in an IRI (RFC 3987 ucschar)."""
    if cp < 0x10000:
        return 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF
    return (cp & 0xFFFF) <= 0xFFFD and cp < 0xF0000 and not 0xE0000 <= cp <= 0xE0FFF


def _iri_char(ch: str, ascii_ok: frozenset[str]) -> str:
    """Percent-encode one character that may not appear in this part of an IRI."""
    allowed = ch in ascii_ok if ord(ch) < 0x80 else _ucschar(ord(ch))
    if allowed:
        return ch
    return "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))


def _iri_escape(text: str, ascii_ok: frozenset[str] = _IRI_ASCII) -> str:
    """Percent-encode what an IRI part may not contain, including stray "%" signs."""
    return _PCT.sub("%25", "".join(_iri_char(ch, ascii_ok) for ch in text))


def _iri_tail(tail: str) -> str:
    """Escape path, query and fragment; a "#" inside the fragment becomes %23."""
    before, hash_, fragment = tail.partition("#")
    return _iri_escape(before) + hash_ + _iri_escape(fragment)


def _split_authority(rest: str) -> tuple[str, str]:
    """Split what follows "scheme://" into authority and the remainder (path, query, fragment)."""
    match = re.search(r"[/?#]", rest)
    cut = match.start() if match else len(rest)
    return rest[:cut], rest[cut:]


def _safe_authority(netloc: str) -> str | None:
    """The authority with its host lower-cased, or None if host or port is not valid."""
    userinfo, at, hostport = netloc.rpartition("@")
    host, colon, port = hostport.partition(":")
    if colon and not (port.isascii() and port.isdigit()):
        return None
    if not _valid_host(host):
        return None
    userinfo = _iri_escape(userinfo, _IRI_ASCII - frozenset("@/?"))
    return f"{userinfo}{at}{host.lower()}{colon}{port}"


def safe_url(url: str) -> str | None:
    """The URL as a usable http(s) IRI, or None if it is not a web link (javascript:, #x, ...)."""
    text = "".join(str(url).split()).strip("<>")
    match = _SCHEME.match(text)
    if not match:
        return None
    netloc, tail = _split_authority(text[match.end() :])
    authority = _safe_authority(netloc)
    if authority is None:
        return None
    return f"{match.group(1).lower()}://{authority}{_iri_tail(tail)}"


# --- URL parts ---------------------------------------------------------------------------------


class _Url:
    """A parsed safe URL: lower-case host without "www.", path segments, query parameters."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host = (parts.hostname or "").removeprefix("www.")
        self.path = unquote(parts.path)
        self.segments = [s for s in self.path.split("/") if s]
        self.query = parse_qs(parts.query)

    def param(self, name: str) -> str | None:
        """First value of a query parameter."""
        values = self.query.get(name)
        return values[0] if values else None

    def on(self, *hosts: str) -> bool:
        """Whether the host is one of hosts or a sub-domain of one."""
        return any(self.host == h or self.host.endswith("." + h) for h in hosts)


def _ident(scheme: str, value: str | None) -> list[Identifier]:
    """A one-element list, or an empty one when no value was found."""
    return [Identifier(scheme=scheme, value=value)] if value else []


def _sorted_unique(idents: Iterable[Identifier]) -> list[Identifier]:
    """Identifiers sorted by scheme and value, duplicates dropped."""
    return sorted(set(idents), key=lambda i: (i.scheme, i.value))


# --- arXiv -------------------------------------------------------------------------------------

_ARXIV_NEW = r"[0-9]{4}\.[0-9]{4,5}"
_ARXIV_OLD = r"[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/[0-9]{7}"
_ARXIV_ID = re.compile(
    rf"^(?:({_ARXIV_NEW})|({_ARXIV_OLD}))(?:v[0-9]+)?(?:\.pdf)?\Z", re.IGNORECASE
)
_ARXIV_IN_TEXT = re.compile(
    rf"(?<![\w/])arxiv(?:\.org/(?:abs|pdf|html)/|\s*[:.]?\s*)"
    rf"(?:({_ARXIV_NEW})|({_ARXIV_OLD}))(?:v[0-9]+)?(?![0-9])",
    re.IGNORECASE,
)
_ARXIV_HOSTS = ("arxiv.org", "export.arxiv.org")


def _arxiv_value(new: str | None, old: str | None) -> str | None:
    """Canonical arXiv id: new style as is, old style lower-cased without the subject class."""
    if new:
        return new
    if not old:
        return None
    archive, _, number = old.lower().partition("/")
    return f"{archive.split('.')[0]}/{number}"


def _arxiv_id(candidate: str) -> str | None:
    """Normalise an arXiv id taken from a URL path ("2305.10429v2.pdf", "hep-th/9901001")."""
    match = _ARXIV_ID.match(candidate.strip())
    return _arxiv_value(match.group(1), match.group(2)) if match else None


def _arxiv_from_url(u: _Url) -> list[Identifier]:
    """arxiv.org/(abs|pdf|html)/ID and huggingface.co/papers/ID."""
    is_arxiv = u.on(*_ARXIV_HOSTS) and u.segments[:1] in (["abs"], ["pdf"], ["html"])
    is_hf_paper = u.on("huggingface.co", "hf.co") and u.segments[:1] == ["papers"]
    if not (is_arxiv or is_hf_paper):
        return []
    return _ident("arxiv", _arxiv_id("/".join(u.segments[1:3])) or _arxiv_id(_seg(u, 1)))


def _seg(u: _Url, index: int) -> str:
    """Path segment at index, or ""."""
    return u.segments[index] if len(u.segments) > index else ""


# --- DOI ---------------------------------------------------------------------------------------

_DOI = re.compile(r"(?<![0-9A-Za-z.])10\.[0-9]{4,9}/[^\s?#\"<>]+")
_DOI_TRAILING = ".,;:'\"]}>"
_ARXIV_DOI = re.compile(
    rf"^10\.48550/arxiv\.({_ARXIV_NEW}|{_ARXIV_OLD})(?:v[0-9]+)?\Z", re.IGNORECASE
)
# Publishers whose DOI suffixes never contain "/", so that trailing path parts can be cut.
_ONE_SEGMENT_DOI_HOSTS = (
    "dl.acm.org",
    "direct.mit.edu",
    "pnas.org",
    "onlinelibrary.wiley.com",
    "tandfonline.com",
    "link.springer.com",
)


def _trim_doi(doi: str) -> str:
    """Drop trailing punctuation, unbalanced ")", "/" and ".pdf" that follow a DOI."""
    while True:
        before = doi
        doi = doi.rstrip(_DOI_TRAILING).removesuffix("/").removesuffix(".pdf")
        if doi.endswith(")") and doi.count(")") > doi.count("("):
            doi = doi[:-1]
        if doi == before:
            return doi


def _doi_identifier(doi: str) -> list[Identifier]:
    """A DOI as an identifier, arXiv DataCite DOIs as the arXiv id they stand for."""
    doi = _trim_doi(doi).lower()
    if not re.fullmatch(r"10\.[0-9]{4,9}/\S+", doi):
        return []
    arxiv = _ARXIV_DOI.match(doi)
    if arxiv:
        return _ident("arxiv", _arxiv_id(arxiv.group(1)))
    return _ident("doi", doi)


def _doi_from_url(u: _Url) -> list[Identifier]:
    """doi.org links, publisher /doi/ paths, Nature article ids and DOIs anywhere in the path."""
    if u.on("doi.org", "dx.doi.org"):
        return _doi_identifier(u.path.lstrip("/"))
    if u.on("nature.com") and _seg(u, 0) == "articles" and _seg(u, 1):
        return _doi_identifier("10.1038/" + _seg(u, 1))
    match = _DOI.search(u.path)
    if not match:
        return []
    doi = match.group()
    if u.on(*_ONE_SEGMENT_DOI_HOSTS):
        doi = "/".join(doi.split("/")[:2])
    return _doi_identifier(doi)


# --- proceedings and hosting sites -------------------------------------------------------------

_ACL_NEW = re.compile(r"^([0-9]{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.[0-9]+)(?:\.pdf)?\Z", re.IGNORECASE)
_ACL_OLD = re.compile(r"^([A-Z][0-9]{2}-[0-9]{4})(?:\.pdf)?\Z", re.IGNORECASE)


def _acl_from_url(u: _Url) -> list[Identifier]:
    """ACL Anthology paper ids; volume links ("2024.trac-1.pdf") name no single paper."""
    if not (u.on("aclanthology.org") or (u.on("aclweb.org") and "anthology" in u.segments)):
        return []
    last = u.segments[-1] if u.segments else ""
    new, old = _ACL_NEW.match(last), _ACL_OLD.match(last)
    if new:
        return _ident("acl", new.group(1).lower())
    return _ident("acl", old.group(1).upper()) if old else []


_OPENREVIEW_ID = re.compile(r"^[A-Za-z0-9_-]+\Z")


def _openreview_from_url(u: _Url) -> list[Identifier]:
    """openreview.net/(forum|pdf|attachment)?id=X; ids are case-sensitive."""
    if not u.on("openreview.net"):
        return []
    value = (u.param("id") or "").strip()
    return _ident("openreview", value) if _OPENREVIEW_ID.match(value) else []


_NEURIPS_HASH = re.compile(r"^([0-9a-f]{32})(?:-|\Z)", re.IGNORECASE)


def _neurips_from_url(u: _Url) -> list[Identifier]:
    """proceedings.neurips.cc / papers.nips.cc .../paper/<year>/(file|hash)/<hash>-..."""
    if not u.on("proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"):
        return []
    segs = u.segments
    for i in range(len(segs) - 2):
        year, kind, name = segs[i : i + 3]
        match = _NEURIPS_HASH.match(name)
        if re.fullmatch(r"(19|20)[0-9][0-9]", year) and kind in ("file", "hash") and match:
            return _ident("neurips", f"{year}/{match.group(1).lower()}")
    return []


_PMLR_VOLUME = re.compile(r"^v[0-9]+\Z")
_PMLR_PAPER = re.compile(r"^([a-z0-9_-]+?)(?:\.html|\.pdf)?\Z", re.IGNORECASE)


def _pmlr_from_url(u: _Url) -> list[Identifier]:
    """proceedings.mlr.press/v235/burns24b.html (or .../goel23a/goel23a.pdf)."""
    if not (u.on("proceedings.mlr.press") and _PMLR_VOLUME.match(_seg(u, 0))):
        return []
    match = _PMLR_PAPER.match(_seg(u, 1))
    return _ident("pmlr", f"{_seg(u, 0)}/{match.group(1)}") if match else []


def _aaai_from_url(u: _Url) -> list[Identifier]:
    """ojs.aaai.org/index.php/AAAI/article/(view|download)/<article>[/<galley>]."""
    if not u.on("ojs.aaai.org"):
        return []
    segs = u.segments
    for i in range(len(segs) - 2):
        if (
            segs[i] == "article"
            and segs[i + 1] in ("view", "download")
            and re.fullmatch("[0-9]+", segs[i + 2])
        ):
            return _ident("aaai", segs[i + 2])
    return []


_GITHUB_RESERVED = frozenset(
    {
        "about",
        "apps",
        "collections",
        "contact",
        "customer-stories",
        "enterprise",
        "events",
        "explore",
        "features",
        "git-guides",
        "login",
        "marketplace",
        "new",
        "notifications",
        "orgs",
        "organizations",
        "pricing",
        "pulls",
        "issues",
        "readme",
        "resources",
        "search",
        "security",
        "settings",
        "site",
        "solutions",
        "sponsors",
        "team",
        "topics",
        "trending",
        "users",
        "codespaces",
        "signup",
        "join",
    }
)
_GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]+\Z")


def _github_repo(u: _Url) -> str | None:
    """owner/repo (lower-cased, ".git" dropped) of a github.com repository link."""
    if u.host != "github.com" or len(u.segments) < 2:
        return None
    owner, repo = u.segments[0], u.segments[1].removesuffix(".git")
    names_ok = _GITHUB_NAME.match(owner) and _GITHUB_NAME.match(repo) and repo not in (".", "..")
    if owner.lower() in _GITHUB_RESERVED or not names_ok:
        return None
    return f"{owner}/{repo}".lower()


_HF_RESERVED = frozenset(
    {
        "api",
        "blog",
        "chat",
        "collections",
        "datasets",
        "docs",
        "enterprise",
        "join",
        "learn",
        "login",
        "models",
        "new",
        "organizations",
        "papers",
        "posts",
        "pricing",
        "settings",
        "spaces",
        "tasks",
        "terms-of-service",
        "privacy",
    }
)
_HF_SUBPAGES = frozenset(
    {
        "blob",
        "tree",
        "resolve",
        "viewer",
        "discussions",
        "commits",
        "raw",
        "edit",
    }
)
_HF_NAME = re.compile(r"^[A-Za-z0-9_.-]+\Z")


def _hf_name(parts: list[str], allow_single: bool) -> str | None:
    """org/name from the path parts after the prefix (a bare legacy name only if allowed)."""
    names = [p for p in parts[:2] if _HF_NAME.match(p)]
    if len(parts) >= 2 and len(names) == 2 and parts[1] not in _HF_SUBPAGES:
        return f"{parts[0]}/{parts[1]}"
    if allow_single and parts and _HF_NAME.match(parts[0]):
        return parts[0]
    return None


def _hf_dataset(u: _Url) -> str | None:
    """huggingface.co/datasets/org/name (case kept)."""
    if not u.on("huggingface.co", "hf.co") or _seg(u, 0) != "datasets":
        return None
    return _hf_name(u.segments[1:], allow_single=True)


def _hf_model(u: _Url) -> str | None:
    """huggingface.co/org/name model pages (not blog, datasets, spaces, papers, docs, ...)."""
    if not u.on("huggingface.co", "hf.co") or _seg(u, 0).lower() in _HF_RESERVED:
        return None
    return _hf_name(u.segments, allow_single=False)


def _hosting_from_url(u: _Url) -> list[Identifier]:
    """GitHub repositories and Hugging Face datasets and models."""
    return (
        _ident("github", _github_repo(u))
        + _ident("hf-dataset", _hf_dataset(u))
        + _ident("hf-model", _hf_model(u))
    )


_EXTRACTORS: tuple[Callable[[_Url], list[Identifier]], ...] = (
    _arxiv_from_url,
    _doi_from_url,
    _acl_from_url,
    _openreview_from_url,
    _neurips_from_url,
    _pmlr_from_url,
    _aaai_from_url,
    _hosting_from_url,
)


def _unwrap_redirect(u: _Url) -> str | None:
    """The target of a Google Scholar redirect link (scholar_url?url=...)."""
    if u.host.startswith("scholar.google.") and _seg(u, 0) == "scholar_url":
        return u.param("url")
    return None


def _parse(url: str) -> _Url | None:
    """Parse a URL that safe_url accepts; None for anything else."""
    safe = safe_url(url)
    if safe is None:
        return None
    try:
        return _Url(safe)
    except ValueError:
        return None


def _identifiers(url: str, depth: int) -> list[Identifier]:
    """Identifiers of a URL, following at most a couple of redirect wrappers."""
    u = _parse(url)
    if u is None:
        return []
    target = _unwrap_redirect(u)
    if target and depth < 2:
        return _identifiers(target, depth + 1)
    return _sorted_unique(ident for extract in _EXTRACTORS for ident in extract(u))


def identifiers_from_url(url: str) -> list[Identifier]:
    """Persistent identifiers (arxiv, doi, acl, openreview, neurips, pmlr, aaai, github, hf-*)."""
    return _identifiers(url, 0)


# --- identifiers in free text ------------------------------------------------------------------

_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'\])]+", re.IGNORECASE)
_DOI_IN_TEXT = re.compile(r"(?<![\w./])(?:doi\s*:?\s*)?(10\.[0-9]{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_TEXT_SCHEMES = frozenset({"arxiv", "doi"})


def identifiers_from_text(text: str) -> list[Identifier]:
    """arXiv ids and DOIs mentioned in prose ("arXiv:2305.10429", "doi:10.1145/...", doi.org)."""
    text = str(text)
    found: list[Identifier] = []
    for match in _ARXIV_IN_TEXT.finditer(text):
        found += _ident("arxiv", _arxiv_value(match.group(1), match.group(2)))
    for match in _DOI_IN_TEXT.finditer(text):
        found += _doi_identifier(match.group(1))
    for match in _URL_IN_TEXT.finditer(text):
        found += [i for i in identifiers_from_url(match.group()) if i.scheme in _TEXT_SCHEMES]
    return _sorted_unique(found)


# --- what a URL points at ----------------------------------------------------------------------

_PAPER_HOSTS = (
    "arxiv.org",
    "aclanthology.org",
    "aclweb.org",
    "openreview.net",
    "proceedings.neurips.cc",
    "papers.nips.cc",
    "papers.neurips.cc",
    "proceedings.mlr.press",
    "jmlr.org",
    "aaai.org",
    "ijcai.org",
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "link.springer.com",
    "nature.com",
    "onlinelibrary.wiley.com",
    "pnas.org",
    "researchgate.net",
    "doi.org",
    "cell.com",
    "semanticscholar.org",
    "sciencedirect.com",
    "direct.mit.edu",
    "tandfonline.com",
    "pmc.ncbi.nlm.nih.gov",
    "techrxiv.org",
    "biorxiv.org",
    "medrxiv.org",
    "papers.ssrn.com",
    "hal.science",
    "preprints.org",
    "par.nsf.gov",
    "proquest.com",
    "openaccess.thecvf.com",
    "ecva.net",
    "ojs.aaai.org",
    "science.org",
    "pubmed.ncbi.nlm.nih.gov",
    "isca-archive.org",
    "academic.oup.com",
    "mdpi.com",
    "frontiersin.org",
    "journals.plos.org",
    "iopscience.iop.org",
)
_VIDEO_HOSTS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "bilibili.com",
    "b23.tv",
    "videolectures.net",
    "slideslive.com",
)
_BLOG_HOSTS = (
    "medium.com",
    "substack.com",
    "towardsdatascience.com",
    "cookbook.openai.com",
    "blog.csdn.net",
    "zhuanlan.zhihu.com",
)


def _is_blog(u: _Url) -> bool:
    """Blog posts: blog hosts, blog.* sub-domains and /blog/ paths (HF, Google, Databricks…)."""
    in_blog_path = any(s.lower() in ("blog", "blogs") for s in u.segments[:3])
    blog_host = u.host.startswith(("blog.", "blogs."))
    return u.on(*_BLOG_HOSTS) or blog_host or in_blog_path


def classify_url(url: str) -> WorkKind | None:
    """What a link most likely points at; None when the host says nothing (caller decides)."""
    u = _parse(url)
    target = _unwrap_redirect(u) if u else None
    if target:
        u = _parse(target)
    if u is None:
        return None
    if _github_repo(u):
        return WorkKind.SOFTWARE
    if _hf_dataset(u):
        return WorkKind.DATASET
    if _hf_model(u):
        return WorkKind.MODEL
    if u.on(*_VIDEO_HOSTS):
        return WorkKind.VIDEO
    if _is_blog(u):
        return WorkKind.BLOG
    if u.on(*_PAPER_HOSTS) or _arxiv_from_url(u):
        return WorkKind.PAPER
    return None
