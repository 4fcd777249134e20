"""Citation keys that stay put: derived from the work alone, deduplicated in work-id order."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from string import ascii_lowercase

from kg.model import Work

STOPWORDS = frozenset(
    "a an the of on for in to and with from by at via is are as its towards toward into over "
    "how what when why do does can be we you your our not no more less".split()
)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only, so a key is safe in every BibTeX tool."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def last_name(author: str) -> str:
    """The family name of "First Last" or "Last, First", which keys conventionally start with."""
    name = author.split(",")[0] if "," in author else (author.split() or [""])[-1]
    return ascii_slug(name)


def title_word(title: str) -> str:
    """The first word of the title that says something (not an article or preposition)."""
    words = [ascii_slug(w) for w in re.split(r"[\s\-:/]+", title)]
    words = [w for w in words if w]
    for word in words:
        if word not in STOPWORDS:
            return word
    return words[0] if words else "untitled"


def base_key(work: Work) -> str:
    """Author family name, year and title word; the title word leads when no author is known."""
    author = last_name(work.authors[0]) if work.authors else ""
    year = str(work.year) if work.year else ""
    word = title_word(work.title)
    return f"{author}{year}{word}" if author else f"{word}{year}"


def suffixes() -> Iterable[str]:
    """a, b, …, z, aa, ab, … for as many colliding works as there are."""
    yield from ascii_lowercase
    for first in ascii_lowercase:
        for second in ascii_lowercase:
            yield first + second


def citation_keys(works: Iterable[Work]) -> dict[str, str]:
    """Key of each work id: unique, and the same for the same works in any order or build."""
    groups: dict[str, list[str]] = defaultdict(list)
    for work in works:
        groups[base_key(work)].append(work.id)
    keys: dict[str, str] = {}
    for base, ids in sorted(groups.items()):
        if len(ids) == 1:
            keys[ids[0]] = base
            continue
        for work_id, suffix in zip(sorted(ids), suffixes(), strict=False):
            keys[work_id] = base + suffix
    return _unclash(keys)


def _unclash(keys: dict[str, str]) -> dict[str, str]:
    """A suffixed key that happens to equal another work's key gets a further digit."""
    seen: set[str] = set()
    for work_id in sorted(keys, key=lambda w: (keys[w], w)):
        key, n = keys[work_id], 1
        while key in seen:
            n += 1
            key = f"{keys[work_id]}{n}"
        keys[work_id] = key
        seen.add(key)
    return keys
