"""Versions in names: "MAmmoTH2", "HuatuoGPT-II", "Tulu 3", "phi-1.5", "LongWriter-Zero".

A name splits into a stem, a version and a tail ("Qwen2.5-Math" → qwen, 2.5, math); names with
the same stem and tail form a family in which a higher version is a later version.  Numbers of
ten or more are years ("AMC 23", "AIME 24"), not versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.enrich.names import fold, tokens

__all__ = ["MAX_VERSION", "Version", "bare_name", "unversioned_base", "version"]

MAX_VERSION = 10
_VERSION = re.compile(
    r"^(?P<stem>.*?[A-Za-z])"
    r"(?:[\s-]?(?P<num>v?\d+(?:\.\d+)*)|[\s-](?P<word>II|III|IV|VI|Zero|Plus|Pro)|(?P<plus>\+\+?))"
    r"(?P<tail>-[A-Za-z][\w-]*)?$"
)
_ROMAN = {"ii": 2.0, "iii": 3.0, "iv": 4.0, "vi": 6.0}
_VARIANTS = {"zero", "plus", "pro", "+", "++"}


@dataclass(frozen=True)
class Version:
    """A name read as stem, version and tail; a plain name has number None."""

    stem: str
    number: float | None
    tail: str
    variant: bool = False  # "-Zero", "-Pro", "+": a later variant without a number

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


def version(name: str) -> Version:
    """The version reading of a name (folded stem and tail)."""
    match = _VERSION.match(name.strip())
    if not match:
        return Version(fold(name), None, "")
    stem, tail = fold(match["stem"]), fold(match["tail"] or "")
    word = (match["word"] or match["plus"] or "").casefold()
    if word in _VARIANTS:
        return Version(stem, None, tail, variant=True)
    number = _number(match["num"] or word)
    if number is None or number >= MAX_VERSION:
        return Version(fold(name), None, "")
    return Version(stem, number, tail)


def bare_name(name: str) -> str:
    """The name without its version, as written: "HuatuoGPT-II" → "HuatuoGPT"."""
    match = _VERSION.match(name.strip())
    return match["stem"] if match else name


def unversioned_base(name: str, subtitle: str) -> str | None:
    """ "VILA2: VILA Augmented VILA": the plain name of a versioned one, when the subtitle says it."""
    v = version(name)
    if v.number is None:
        return None
    return next((t for t in tokens(subtitle) if t[:1].isupper() and fold(t) == v.stem), None)
