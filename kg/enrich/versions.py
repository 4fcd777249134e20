"""Versions in names: "MAmmoTH2", "HuatuoGPT-II", "Tulu 3", "phi-1.5", "LongWriter-Zero".

A name splits into a stem, a version and a tail ("Qwen2.5-Math" → qwen, 2.5, math); names with
the same stem and tail form a family in which a higher version is a later version.  Numbers of
ten or more are years ("AMC 23", "AIME 24"), not versions.  A stem must be a name of its own:
two letters at least ("RT-1" and "RT-2" are one family; "T0" and "T1", "D4" and "d1" are
unrelated names, not versions of "T" and "D"), and no generic word or number format ("INT4" and
"INT8" are formats, not releases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.enrich.names import fold, is_generic, is_quantity, tokens

__all__ = ["MAX_VERSION", "MIN_STEM_LETTERS", "Version", "bare_name", "unversioned_base", "version"]

MAX_VERSION = 10
MIN_STEM_LETTERS = 2  # "RT", "phi", "SAM" are names; "T" and "D" are not
_VERSION = re.compile(
    r"^(?P<stem>.*?[A-Za-z])"
    r"(?:[\s-]?(?P<num>[vV]?\d+(?:\.\d+)*)"
    r"|[\s-](?P<word>II|III|IV|VI|Zero|Plus|Pro|Next|NeXT)|(?P<plus>\+\+?|#))"
    r"(?P<tail>-[A-Za-z][\w-]*)?$"
)
_ROMAN = {"ii": 2.0, "iii": 3.0, "iv": 4.0, "vi": 6.0}
_VARIANTS = {"zero", "plus", "pro", "next", "+", "++", "#"}


@dataclass(frozen=True)
class Version:
    """A name read as stem, version and tail; a plain name has number None."""

    stem: str
    number: float | None
    tail: str
    variant: bool = False  # "-Zero", "-Pro", "+": a later variant without a number
    notation: str = ""  # "v" for "YOLOv7", "roman" for "HuatuoGPT-II", "" for "Llama 2"

    @property
    def family(self) -> tuple[str, str]:
        return self.stem, self.tail

    @property
    def versioned(self) -> bool:
        return self.number is not None or self.variant


def _number(text: str) -> float | None:
    text = text.casefold().lstrip("v")
    if text in _ROMAN:
        return _ROMAN[text]
    try:
        return float(text)
    except ValueError:
        return None


def _notation(match: re.Match[str]) -> str:
    if match["num"]:
        return "v" if match["num"][:1] in "vV" else ""
    return "roman" if (match["word"] or "").casefold() in _ROMAN else ""


def _is_stem(stem: str) -> bool:
    """Whether the part before a version can name a family on its own."""
    letters = sum(ch.isalpha() for ch in stem)
    return letters >= MIN_STEM_LETTERS and not is_generic(stem.strip(" -"))


def _match(name: str) -> re.Match[str] | None:
    """The version reading of a name, when its stem is a name and its stem and number no number
    format ("FP8-LM" is a name, but no version 8 of an "FP")."""
    match = _VERSION.match(name.strip())
    if match is None or not _is_stem(match["stem"]):
        return None
    return None if is_quantity(match["stem"] + (match["num"] or "")) else match


def version(name: str) -> Version:
    """The version reading of a name (folded stem and tail)."""
    match = _match(name)
    if not match:
        return Version(fold(name), None, "")
    stem, tail = fold(match["stem"]), fold(match["tail"] or "")
    word = (match["word"] or match["plus"] or "").casefold()
    if word in _VARIANTS:
        return Version(stem, None, tail, variant=True)
    number = _number(match["num"] or word)
    if number is None or number >= MAX_VERSION:
        return Version(fold(name), None, "")
    return Version(stem, number, tail, notation=_notation(match))


def bare_name(name: str) -> str:
    """The name without its version, as written: "HuatuoGPT-II" → "HuatuoGPT"."""
    match = _match(name)
    return match["stem"] if match else name


def unversioned_base(name: str, subtitle: str) -> str | None:
    """ "VILA2: VILA Augmented VILA": the plain name of a versioned one, when the subtitle says it."""
    v = version(name)
    if v.number is None:
        return None
    return next((t for t in tokens(subtitle) if t[:1].isupper() and fold(t) == v.stem), None)
