"""Which identifiers name the work an entry is about, and so may count as merge evidence.

An identifier is evidence only where it names this work: a link to a file inside a repository
is not the repository, and an identifier one list pastes onto many unrelated titles names none
of them.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from kg.model import Entry, Identifier
from kg.resolve.titles import TitleParts, related_title

STRONG_SCHEMES = ("arxiv", "doi", "acl", "openreview", "neurips", "pmlr", "aaai")
HOSTING_SCHEMES = ("github", "hf-dataset", "hf-model")
PASTED_AT = 3  # carriers with mutually unrelated titles, in one list, that void an identifier
MAX_TITLES_PER_ID = 30  # more distinct titles than this on one identifier in one list: pasted
_HOSTS = {
    "github": ("github.com",),
    "hf-dataset": ("huggingface.co", "hf.co"),
    "hf-model": ("huggingface.co", "hf.co"),
}


def names_work(entry: Entry, ident: Identifier) -> bool:
    """A repository or hub id names the entry's work only when the entry's own link is its root
    page: a file in it, or the code link of a paper that has its own identifier, does not."""
    if ident.scheme in STRONG_SCHEMES:
        return True
    if ident.scheme not in HOSTING_SCHEMES:
        return False
    if entry.url is not None:
        return is_root_page(entry.url, ident)
    if any(i.scheme in STRONG_SCHEMES for i in entry.identifiers):
        return False
    return any(is_root_page(url, ident) for url in entry.links)


def is_root_page(url: str, ident: Identifier) -> bool:
    """github.com/o/r (or its tree/<branch>) is the repository; …/blob/main/paper.pdf is a file."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").removeprefix("www.")
    if host not in _HOSTS.get(ident.scheme, ()):
        return False
    segments = [s.lower() for s in unquote(parts.path).split("/") if s]
    expected = _root_segments(ident)
    if len(segments) < len(expected):
        return False
    if ident.scheme == "github":
        segments[1] = segments[1].removesuffix(".git")
    rest = segments[len(expected) :]
    return segments[: len(expected)] == expected and _names_root(rest)


def links_itself(entry: Entry) -> bool:
    """Whether the entry's link tells what kind of work it is: a file inside a repository or on
    a hub says nothing about the work (a paper's PDF is not software)."""
    if entry.url is None:
        return False
    hosted = [i for i in entry.identifiers if i.scheme in HOSTING_SCHEMES]
    return not hosted or any(is_root_page(entry.url, i) for i in hosted)


def _root_segments(ident: Identifier) -> list[str]:
    """The path of an identifier's root page."""
    names = ident.value.lower().split("/")
    return ["datasets", *names] if ident.scheme == "hf-dataset" else names


def _names_root(rest: list[str]) -> bool:
    """Nothing after the root, or only a branch ("tree/main"): still the repository itself."""
    return not rest or (len(rest) == 2 and rest[0] == "tree")


def evidence_ids(entry: Entry) -> set[str]:
    """The strong and hosting identifiers that name this entry's own work."""
    return {str(i) for i in entry.identifiers if names_work(entry, i)}


def pasted_ids(
    carriers: Iterable[tuple[str, TitleParts, set[str]]],
) -> set[tuple[str, str]]:
    """(list, identifier) pairs where one list attaches the identifier to unrelated titles."""
    by_list: dict[tuple[str, str], list[TitleParts]] = defaultdict(list)
    for list_id, title, ids in carriers:
        for ident in ids:
            by_list[(list_id, ident)].append(title)
    return {key for key, titles in by_list.items() if _unrelated_at_least(titles, PASTED_AT)}


def ambiguous_ids(carriers: Iterable[tuple[TitleParts, set[str]]]) -> set[str]:
    """Strong identifiers whose identifying titles disagree: alone they name no one work."""
    titles: dict[str, dict[str, TitleParts]] = defaultdict(dict)
    for title, ids in carriers:
        if title.identifying:
            for ident in ids:
                titles[ident].setdefault(title.key, title)
    return {
        ident
        for ident, by_key in titles.items()
        if ident.split(":", 1)[0] in STRONG_SCHEMES
        and _unrelated_at_least(list(by_key.values()), 2)
    }


def _unrelated_at_least(titles: list[TitleParts], n: int) -> bool:
    """Whether n of the titles are pairwise unrelated (a title that is no title counts alone)."""
    untitled = sum(1 for t in titles if not t.identifying)
    distinct = sorted({t.key: t for t in titles if t.identifying}.items())
    need = n - untitled
    if need <= 0 or len(distinct) > MAX_TITLES_PER_ID:
        return True
    parts = [t for _, t in distinct]
    apart = {
        (i, j)
        for (i, a), (j, b) in itertools.combinations(enumerate(parts), 2)
        if not related_title(a, b)
    }
    return any(
        all(pair in apart for pair in itertools.combinations(group, 2))
        for group in itertools.combinations(range(len(parts)), need)
    )
