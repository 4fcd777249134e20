"""Text made safe for BibTeX and LaTeX: specials escaped, accents encoded, capitals protected."""

from __future__ import annotations

import re

from pylatexenc.latexencode import unicode_to_latex

SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _char(ch: str) -> str:
    """One character as LaTeX: specials escaped, non-ASCII encoded in braces, the rest as is."""
    if ch in SPECIALS:
        return SPECIALS[ch]
    if ord(ch) < 128:
        return ch
    encoded = unicode_to_latex(
        ch, non_ascii_only=True, unknown_char_policy="keep", unknown_char_warning=False
    )
    if encoded == ch or encoded.startswith("{"):
        return encoded
    return "{" + encoded + "}"


def escape(text: str) -> str:
    """Text that BibTeX reads back literally, whatever characters the list used."""
    return "".join(_char(ch) for ch in " ".join(text.split()))


def _needs_braces(word: str) -> bool:
    """Acronyms and mixed case (LLM, CodecLM) would be lower-cased by most styles otherwise."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    return any(c.isupper() for c in letters[1:])


def protect_title(title: str) -> str:
    """The title escaped, with each word whose capitals matter wrapped in braces."""
    words = " ".join(title.split()).split(" ")
    return " ".join("{" + escape(w) + "}" if _needs_braces(w) else escape(w) for w in words)
