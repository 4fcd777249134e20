"""Author strings of list entries split into names ("A, B & C", BibTeX "Last, First and ...")."""

from __future__ import annotations

import re

from kg.normalize.text import clean_text, title_key

__all__ = ["person_key", "split_authors"]

_ET_AL = re.compile(
    r"(?:^|[\s,;]+)(?:et\.?\s*al\b\.?|and\s+others|\.\.\.|…)[\s.,;]*$", re.IGNORECASE
)
_BIBTEX_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:[,;&]|\band\b)\s*", re.IGNORECASE)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_EDGE = " ,;:*_"


def _strip_name(piece: str) -> str:
    """Drop surrounding punctuation and markup; keep the dot of a trailing initial ("J.")."""
    name = piece.strip(_EDGE)
    while name.endswith(".") and not re.search(r"(?:^|\s)\w\.$", name):
        name = name[:-1].rstrip(_EDGE)
    return name


_INITIALS = re.compile(r"^\s*(?:\w\.\s*)+$")


def _is_bibtex(pieces: list[str]) -> bool:
    """Whether pieces are "Last, First" names: joined by "and", or one "Smith, J." alone."""
    if not all(piece.count(",") == 1 for piece in pieces):
        return False
    return len(pieces) > 1 or bool(_INITIALS.match(pieces[0].partition(",")[2]))


def _bibtex_name(piece: str) -> str:
    """ "Van Segbroeck, Maarten" -> "Maarten Van Segbroeck"."""
    last, _, first = piece.partition(",")
    return f"{_strip_name(first)} {_strip_name(last)}".strip()


def _merge_suffixes(names: list[str]) -> list[str]:
    """Re-attach "Jr."-style suffixes that a comma split cut off."""
    merged: list[str] = []
    for name in names:
        if merged and name.rstrip(".").lower() in _SUFFIXES:
            merged[-1] = f"{merged[-1]} {name}"
        else:
            merged.append(name)
    return merged


def split_authors(raw: str) -> tuple[list[str], bool]:
    """Author names in order and whether the list ends in "et al."."""
    text = clean_text(str(raw)).strip(_EDGE)
    text, hits = _ET_AL.subn("", text)
    pieces = _BIBTEX_AND.split(text)
    if _is_bibtex(pieces):
        names = [_bibtex_name(piece) for piece in pieces]
    else:
        pieces = [p for p in (_strip_name(p) for p in _SEPARATORS.split(text)) if p]
        names = _merge_suffixes(_join_inverted(pieces))
    return [name for name in names if name], hits > 0


_LOOSE_INITIALS = re.compile(r"^(?:[A-Z]\.?[\s-]*){1,3}$")


def _is_given(piece: str) -> bool:
    """Initials ("K.", "J. R.") or a given name with initials ("Richard S."): the second half
    of an inverted name."""
    tokens = piece.split()
    named = [t for t in tokens if not _LOOSE_INITIALS.match(t)]
    return bool(tokens) and len(tokens) <= 3 and len(named) <= 1 and piece[:1].isupper()


_PARTICLES = frozenset("van von de der den da di la le del dos du bin al ter ten".split())


def _is_surname(piece: str) -> bool:
    """One word, or a particle and a word ("Van Hasselt", "de Vries"): the first half of an
    inverted name."""
    tokens = piece.split()
    return len(tokens) == 1 or (len(tokens) == 2 and tokens[0].lower() in _PARTICLES)


def _join_inverted(pieces: list[str]) -> list[str]:
    """ "He, K., Zhang, X." → "K. He", "X. Zhang"; "LeCun, Yann, Yoshua Bengio" → "Yann LeCun", …."""
    single = [len(p.split()) == 1 for p in pieces]
    if (
        len(pieces) >= 4
        and len(pieces) % 2 == 0
        and all(single[0::2])
        and all(_LOOSE_INITIALS.match(p) for p in pieces[1::2])
    ):
        return [f"{pieces[i + 1]} {pieces[i]}" for i in range(0, len(pieces), 2)]
    if len(pieces) >= 3 and _is_surname(pieces[0]) and _is_given(pieces[1]) and not any(single[2:]):
        return [f"{pieces[1]} {pieces[0]}", *pieces[2:]]
    if len(pieces) == 2 and _is_surname(pieces[0]) and _is_given(pieces[1]):
        return [f"{pieces[1]} {pieces[0]}"]  # "Mnih, Volodymyr" is one person
    return pieces


def person_key(name: str) -> str:
    """Matching key for a person: title_key of the name, "Last, First" read as "First Last"."""
    text = clean_text(str(name))
    if text.count(",") == 1:
        last, _, first = text.partition(",")
        text = f"{first} {last}"
    return title_key(text)
