"""Text repair and normalisation: mojibake, whitespace, quotes, matching keys and slugs.

The lists were copied through tools that decoded UTF-8 bytes as Mac Roman (``üî•`` for 🔥,
``¬†`` for a no-break space) or as Windows-1252 (``â€”`` for —).  ``repair_text`` undoes that
without touching legitimate accented, CJK or emoji text; the other helpers build on it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import ftfy

__all__ = [
    "clean_text",
    "looks_mojibake",
    "repair_text",
    "slugify",
    "title_key",
]

_FTFY_CONFIG = ftfy.TextFixerConfig(
    fix_encoding=False,  # run separately, through _ftfy_encoding
    unescape_html=False,  # "&amp;lt;" would unescape one level per call: not idempotent
    fix_character_width=False,  # full-width CJK punctuation is legitimate text
    uncurl_quotes=False,  # quotes are clean_text's business, repair keeps them
    explain=False,
)

_MAX_ROUNDS = 12

# --- mis-decoded UTF-8 -------------------------------------------------------------------------


def _byte_map(codec: str) -> dict[str, int]:
    """Map each non-ASCII character a single-byte codec produces back to its byte."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            table[bytes([byte]).decode(codec)] = byte
        except UnicodeDecodeError:
            continue
    return table


_MAC_ROMAN = _byte_map("mac_roman")
# Windows-1252 plus the Latin-1 C1 controls that stand in for its five undefined bytes.
_CP1252 = {**{chr(b): b for b in range(0x80, 0xA0)}, **_byte_map("cp1252")}

# Lead bytes trusted per codec.  Under Windows-1252 the two-byte leads and most three-byte
# leads are ordinary accented letters ("Ä—", "é…”" can be legitimate), and ftfy's own
# heuristics already repair those cases well; so only â (punctuation and symbols), ï (full-width
# forms) and ð (emoji) are used there.  Under Mac Roman every lead is a symbol or a capital that
# hardly ever precedes the accented letters and symbols that continuation bytes become.
_MAC_LEADS = frozenset(range(0xC2, 0xF5))
_CP1252_LEADS = frozenset([0xE2, 0xEF, 0xF0])

# Code points a repaired sequence may produce; anything else (combining marks, Cyrillic from
# "–é", controls, private use) is more likely a legitimate pair of characters than mojibake.
_PLAUSIBLE = (
    (0x00A0, 0x017F),  # Latin-1 supplement, Latin Extended-A
    (0x0370, 0x03FF),  # Greek
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x2BFF),  # punctuation, symbols, arrows, maths, dingbats, stars
    (0x3000, 0x9FFF),  # CJK
    (0xAC00, 0xD7AF),  # Hangul
    (0xF900, 0xFAFF),  # CJK compatibility
    (0xFE00, 0xFE0F),  # variation selectors (emoji presentation)
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x1F000, 0x1FAFF),  # emoji
    (0x20000, 0x3134F),  # CJK extensions
)


def _plausible(ch: str) -> bool:
    """Whether a decoded character is one that real text in these lists contains."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _PLAUSIBLE)


def _seq_len(lead: int) -> int:
    """Length of the UTF-8 sequence a lead byte starts (0 if it is no lead byte)."""
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _decode_at(data: bytes, i: int, leads: frozenset[int]) -> str | None:
    """Decode one plausible UTF-8 character starting at data[i], or None."""
    size = _seq_len(data[i]) if data[i] in leads else 0
    if size == 0 or i + size > len(data):
        return None
    try:
        ch = data[i : i + size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return ch if _plausible(ch) else None


def _fix_run(run: str, table: dict[str, int], leads: frozenset[int]) -> str:
    """Re-decode a run of high characters, but only if every character is part of a sequence.

    All or nothing: in a double-encoded text every non-ASCII character is mojibake, so a run
    that decodes only in part (Windows-1252 mojibake read as Mac Roman, or legitimate text) is
    left for the other codec or for ftfy.
    """
    data = bytes(table[ch] for ch in run)
    out: list[str] = []
    i = 0
    while i < len(data):
        ch = _decode_at(data, i, leads)
        if ch is None:
            return run
        out.append(ch)
        i += len(ch.encode("utf-8"))
    return "".join(out)


def _run_pattern(table: dict[str, int]) -> re.Pattern[str]:
    """Regex for maximal runs (two or more) of characters the codec maps to high bytes."""
    chars = "".join(re.escape(ch) for ch in sorted(table))
    return re.compile(f"[{chars}]{{2,}}")


_MAC_RUNS = _run_pattern(_MAC_ROMAN)
_CP1252_RUNS = _run_pattern(_CP1252)


def _fix_codec(
    text: str, pattern: re.Pattern[str], table: dict[str, int], leads: frozenset[int]
) -> str:
    """Repair every run of one codec's high characters."""
    return pattern.sub(lambda m: _fix_run(m.group(), table, leads), text)


def _fix_mac_roman(text: str) -> str:
    """Undo UTF-8 read as Mac Roman (ftfy misses emoji, whose lead byte became U+F8FF)."""
    return _fix_codec(text, _MAC_RUNS, _MAC_ROMAN, _MAC_LEADS)


def _fix_cp1252(text: str) -> str:
    """Undo the common Windows-1252 / Latin-1 cases ftfy declines to touch."""
    return _fix_codec(text, _CP1252_RUNS, _CP1252, _CP1252_LEADS)


# A spacing accent before a dotless i is how PDF text layers spell í, ì, î, ï ("V´ıctor").
_DETACHED_I = {"´ı": "í", "`ı": "ì", "ˆı": "î", "¨ı": "ï"}
_DETACHED_I_RE = re.compile("|".join(re.escape(k) for k in _DETACHED_I))


def _fix_detached_accents(text: str) -> str:
    """Recompose accent + dotless i pairs left by PDF copy-paste."""
    return _DETACHED_I_RE.sub(lambda m: _DETACHED_I[m.group()], text)


def _fixpoint(step: Callable[[str], str], text: str) -> str:
    """Apply step until the text stops changing, so that callers get idempotence."""
    for _ in range(_MAX_ROUNDS):
        new = step(text)
        if new == text:
            break
        text = new
    return text


def _ftfy_line(line: str) -> str:
    """ftfy's encoding fix for one line, refused if it invents implausible characters.

    ftfy reads "×“" (times sign, opening quote) as the Windows-1252 mojibake of Hebrew "ד";
    such guesses are undone here.
    """
    fixed = ftfy.fix_encoding(line)
    invented = set(fixed) - set(line)
    return fixed if all(ch.isascii() or _plausible(ch) for ch in invented) else line


def _ftfy_encoding(text: str) -> str:
    """ftfy's encoding fix, line by line, as ftfy.fix_text would apply it."""
    return "".join(_ftfy_line(line) for line in text.splitlines(keepends=True))


def _fix_encoding_once(text: str) -> str:
    """One round of the encoding repairs only."""
    return _ftfy_encoding(_fix_cp1252(_fix_mac_roman(text)))


def _repair_once(text: str) -> str:
    """One round of all repairs."""
    text = _fix_encoding_once(text)
    return _fix_detached_accents(ftfy.fix_text(text, _FTFY_CONFIG))


@lru_cache(maxsize=1 << 18)
def repair_text(s: str) -> str:
    """Repair double-encoded text (Mac Roman and Windows-1252 mojibake) and PDF accent debris."""
    if s.isascii() and s.isprintable():  # nothing to repair; the common case, kept fast
        return s
    return _fixpoint(_repair_once, s)


def looks_mojibake(s: str) -> bool:
    """Whether s contains double-encoded UTF-8 that repair_text would undo (for list audits)."""
    return _fixpoint(_fix_encoding_once, s) != s


# --- whitespace, quotes, control characters ----------------------------------------------------

_SPACE_LIKE = {0x200B, 0x2060, 0xFEFF, 0x180E}  # zero-width separators become spaces
_DROP = {0x00AD, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_QUOTES = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′‵", "'"),
        **dict.fromkeys("“”„‟″‶", '"'),
    }
)
_SPACES = re.compile(r"\s+")


def _scrub_char(ch: str) -> str:
    """Drop control and invisible formatting characters; map odd spaces to a space."""
    cp = ord(ch)
    if ch.isspace() or cp in _SPACE_LIKE:
        return " "
    if cp in _DROP or unicodedata.category(ch) in ("Cc", "Cs"):
        return ""
    return ch


def _scrub(text: str) -> str:
    """Remove control characters before repair so that they cannot hide mojibake."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(_scrub_char(ch) for ch in text)


def _clean_once(text: str) -> str:
    """One round of clean_text."""
    text = repair_text(_scrub(text)).translate(_QUOTES)
    return _SPACES.sub(" ", _scrub(text)).strip()


@lru_cache(maxsize=1 << 18)
def clean_text(s: str) -> str:
    """Repaired text on one line: single spaces, ASCII quotes, no control characters."""
    return _fixpoint(_clean_once, s)


# --- keys and slugs ----------------------------------------------------------------------------

# Letters that NFKD does not decompose but that readers treat as plain Latin letters.
_FOLD = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ħ": "h",
    }
)
_NON_ALNUM = re.compile(r"[\W_]+")


def _strip_accents(text: str) -> str:
    """NFKD-decompose, drop combining marks and fold the remaining Latin oddities."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_FOLD)


def _title_key_once(text: str) -> str:
    """One round of title_key."""
    folded = _strip_accents(clean_text(text)).casefold()
    return _NON_ALNUM.sub(" ", folded).strip()


@lru_cache(maxsize=1 << 18)
def title_key(s: str) -> str:
    """Accent-, case- and punctuation-insensitive key for matching titles and names."""
    return _fixpoint(_title_key_once, s)


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def _truncate_slug(slug: str, max_len: int) -> str:
    """Cut a slug to max_len, preferring a hyphen boundary in the second half."""
    if len(slug) <= max_len:
        return slug
    cut = slug[:max_len]
    boundary = cut.rfind("-")
    if boundary > max_len // 2:
        cut = cut[:boundary]
    return cut.strip("-")


def slugify(s: str, max_len: int = 80) -> str:
    """Lower-case ASCII [a-z0-9-] slug for IRI segments; never empty ("x" as a last resort)."""
    slug = _NON_SLUG.sub("-", _strip_accents(clean_text(s)).lower()).strip("-")
    return _truncate_slug(slug, max(1, max_len)) or "x"
