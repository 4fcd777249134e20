"""Title comparison: acronym prefixes, typos, sequels and versions that must stay apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from kg.normalize import title_key

_ACRONYM = re.compile(r"^\s*([^:]{1,40}?)\s*:\s*(.+)$")
_ROMAN = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
_VERSION_WORDS = {"zero", "pro", "plus", "mini", "lite", "next", "ultra", "long", "universal"}
TYPO_TOKEN_SIMILARITY = 75.0
TYPO_TITLE_SIMILARITY = 88.0
MIN_CONTAINED_TOKENS = 4


@dataclass(frozen=True)
class TitleParts:
    """A title's matching key, and its head ("Magicoder") and rest when it has a short head."""

    key: str
    head: str | None
    rest: str

    @property
    def tokens(self) -> list[str]:
        return self.key.split()


@lru_cache(maxsize=1 << 18)
def title_parts(title: str) -> TitleParts:
    """ "RLAIF: Constitutional AI: …" → head "rlaif", rest "constitutional ai …"."""
    key = title_key(title)
    match = _ACRONYM.match(title)
    if match and len(match.group(1).split()) <= 3:
        head, rest = title_key(match.group(1)), title_key(match.group(2))
        if head and len(rest.split()) >= 2:
            return TitleParts(key, head, rest)
    return TitleParts(key, None, key)


def distinguishing(token: str) -> bool:
    """Tokens that tell a sequel or version apart: numbers, roman numerals, version words."""
    return any(c.isdigit() for c in token) or token in _ROMAN or token in _VERSION_WORDS


def same_title(a: TitleParts, b: TitleParts) -> str | None:
    """Why two titles name the same work ("exact", "acronym-prefix", "typo"), or None."""
    if not a.key or not b.key:
        return None
    if a.key == b.key or a.key.replace(" ", "") == b.key.replace(" ", ""):
        return "exact"
    if _prefixed(a, b) or _prefixed(b, a):
        return "acronym-prefix"
    if _typo_variant(a.tokens, b.tokens) or _one_word_added(a.tokens, b.tokens):
        return "typo"
    if any(_truncated(x, y, 7) for x, y in _key_pairs(a, b)):
        return "truncated"
    if a.head and a.head == b.head and _close_rest(a.rest, b.rest):
        return "same-name-close-subtitle"
    return None


def related_title(a: TitleParts, b: TitleParts) -> str | None:
    """Weaker agreement, enough when an identifier is shared: same head, or same rest."""
    if same_title(a, b):
        return same_title(a, b)
    if a.head and b.head and a.head == b.head:
        return "same-acronym"
    if _leading_name(a, b) or _leading_name(b, a):
        return "same-leading-name"
    if a.head and b.head and not _typo_variant([a.head], [b.head], min_tokens=1):
        return None  # "JailbreakTrigger: X" and "HarmBench: X" name different things
    if a.rest == b.rest and len(a.rest.split()) >= MIN_CONTAINED_TOKENS:
        return "same-subtitle"
    if _truncated(a.rest, b.rest) or _truncated(b.rest, a.rest):
        return "truncated"
    if _one_word_swapped(a.tokens, b.tokens):
        return "one-word-reworded"
    return None


def _leading_name(named: TitleParts, other: TitleParts) -> bool:
    """ "Impossible Distillation: …" and "Impossible Distillation for …": the name leads both."""
    if not named.head or len(named.head) < 6:
        return False
    head = named.head.split()
    return other.head is None and other.tokens[: len(head)] == head


def _one_word_swapped(a: list[str], b: list[str]) -> bool:
    """A long title with one ordinary word changed ("Generative AI for …" / "Generative LLMs for …")."""
    if len(a) != len(b) or len(a) < 8:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and not any(distinguishing(t) for t in diff[0])


def _prefixed(longer: TitleParts, shorter: TitleParts) -> bool:
    """`longer` is `shorter` with a short name put in front ("Phi-1: Textbooks Are All You Need")."""
    if longer.head is None or len(shorter.tokens) < MIN_CONTAINED_TOKENS:
        return False
    return longer.rest == shorter.key or (
        shorter.head is not None and longer.rest == shorter.rest and longer.head == shorter.head
    )


def _close_rest(a: str, b: str) -> bool:
    """Two subtitles after the same name: one's words inside the other's, or nearly all shared."""
    wa, wb = set(a.split()), set(b.split())
    if min(len(wa), len(wb)) < 3 or any(distinguishing(t) for t in wa ^ wb):
        return False
    return wa <= wb or wb <= wa or fuzz.token_set_ratio(a, b) >= 85


def _key_pairs(a: TitleParts, b: TitleParts) -> list[tuple[str, str]]:
    """Both ways round, each title's full key and its part after a short name."""
    keys_a, keys_b = {a.key, a.rest}, {b.key, b.rest}
    return [(x, y) for x in keys_a for y in keys_b] + [(y, x) for x in keys_a for y in keys_b]


def _one_word_added(a: list[str], b: list[str]) -> bool:
    """Identical but for one or two extra ordinary words ("… Alpaca Model with …")."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    extra = len(long) - len(short)
    if extra not in (1, 2) or len(short) < 6:
        return False
    for i in range(len(long) - extra + 1):
        if long[:i] + long[i + extra :] == short:
            return not any(distinguishing(t) for t in long[i : i + extra])
    return False


@lru_cache(maxsize=1 << 18)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(x) for x in text.split())


def _stem(token: str) -> str:
    """Crude suffix folding so that "improves" and "improving" compare equal."""
    for suffix in ("ing", "es", "ed", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    return token


def _truncated(short: str, long: str, minimum: int = 6) -> bool:
    """A title cut short by the list ("… from Scratch" for "… from Scratch with Minimal …")."""
    if short.count(" ") + 1 < minimum or long.count(" ") <= short.count(" "):
        return False
    s, t = _stems(short), _stems(long)
    if len(s) < minimum or len(t) <= len(s) or t[: len(s)] != s:
        return False
    return not distinguishing(t[len(s)])


def _typo_variant(a: list[str], b: list[str], min_tokens: int = 3) -> bool:
    """Same words in the same places but for a few misspellings; never when a number or version
    word differs."""
    if len(a) != len(b) or len(a) < min_tokens:
        return False
    if fuzz.ratio(" ".join(a), " ".join(b)) < TYPO_TITLE_SIMILARITY:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if not diff or len(diff) > max(1, len(a) // 4):
        return False
    return all(
        not distinguishing(x)
        and not distinguishing(y)
        and min(len(x), len(y)) >= 4
        and fuzz.ratio(x, y) >= TYPO_TOKEN_SIMILARITY
        for x, y in diff
    )


def is_misspelling(key_a: str, key_b: str) -> bool:
    """Two title keys that differ only by misspelt, split or joined words."""
    if key_a.replace(" ", "") == key_b.replace(" ", ""):
        return key_a != key_b
    return _typo_variant(key_a.split(), key_b.split())
