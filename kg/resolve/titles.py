"""Title comparison: acronym prefixes, typos, sequels and versions that must stay apart."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from kg.normalize import title_key

_ACRONYM = re.compile(r"^\s*([^:]{1,40}?)\s*:\s*(.+)$")
_ROMAN = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
_VERSION_WORDS = {"zero", "pro", "plus", "mini", "lite", "next", "ultra", "long", "universal"}
_SEQUEL_WORDS = _ROMAN | _VERSION_WORDS | {"part", "vol", "volume", "version", "v"}
TYPO_TOKEN_SIMILARITY = 75.0
TYPO_TITLE_SIMILARITY = 88.0
MIN_CONTAINED_TOKENS = 4
MIN_NAMED_TOKENS = 3  # words of a title that a name is added to ("Phi-1: " + 5 words)
MAX_NAME_TOKENS = 3
MIN_NAME_LENGTH = 4  # a one-word title shorter than this ("LLM", "RAG") names no single work
_TRAILING_NAME = re.compile(r"^(?P<main>.*?\S)\s*[(\[](?P<name>[^()\[\]]{1,40})[)\]]\s*$")
_BRACKETED = re.compile(r"^[\[(<{].*[\])>}]$")
_EMPHASIS = "*_`~ \t"
_NUMBER_LIKE = re.compile(r"^(?:[a-z]?[0-9]+[a-z]?|[0-9]+(?:st|nd|rd|th))$")
_STOPWORDS = frozenset(
    "a an the of and or in on for to with by at from via is are vs et al".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Link texts, labels and venue names: a title made only of these names no work.
_GENERIC = frozenset(
    """pdf paper papers link links code codes arxiv here github gitlab project page website site
    homepage home blog post demo video slides slide poster talk url http https www org com html abs
    doi openreview download repo repository source official implementation preprint published
    accepted untitled title na tbd todo none unknown web online view read more details reference
    references ref refs bib bibtex citation cite fig figure tab table eq sec section ch chapter
    appendix no item step part vol volume issue version oral spotlight workshop findings main track
    conference journal proceedings colab notebook huggingface hf zhihu medium twitter youtube
    readme docs documentation api weights checkpoint checkpoints leaderboard new latest top day
    week list awesome update updates news
    neurips nips icml iclr acl emnlp naacl eacl coling aaai ijcai cvpr iccv eccv kdd sigir
    tacl jmlr tmlr colm aistats uai icassp interspeech corr ieee acm springer""".split()
)
# One-word titles that are a kind of thing, not the name of one.
_COMMON_SINGLE = frozenset(
    """data dataset datasets model models survey surveys benchmark benchmarks tutorial overview
    introduction summary abstract review tools tool resources resource library framework
    method methods results""".split()
)


@dataclass(frozen=True)
class TitleParts:
    """A title's matching key, and its head ("Magicoder") and rest when it has a short head."""

    key: str
    head: str | None
    rest: str
    identifying: bool = True  # False for "[1]", "pdf", "2023/05": such a title names no work
    raw: str = ""

    @property
    def tokens(self) -> list[str]:
        return self.key.split()


@lru_cache(maxsize=1 << 18)
def title_parts(title: str) -> TitleParts:
    """ "RLAIF: Constitutional AI: …" → head "rlaif", rest "constitutional ai …"."""
    key, identifying = title_key(title), is_identifying(title)
    match = _ACRONYM.match(title)
    if match and len(match.group(1).split()) <= 3:
        head, rest = title_key(match.group(1)), title_key(match.group(2))
        if head and len(rest.split()) >= 2:
            return TitleParts(key, head, rest, identifying, title)
    return TitleParts(key, None, key, identifying, title)


@lru_cache(maxsize=1 << 18)
def is_identifying(title: str) -> bool:
    """Whether a recorded title can name a work: "[1]", "pdf", "2023/05", "LLM" cannot."""
    tokens = title_key(title).split()
    content = [t for t in tokens if _content_token(t)]
    if _is_label(title, tokens, content):
        return False
    if len(content) >= 2:
        return True
    if not content or content[0] in _COMMON_SINGLE:
        return False
    versioned = any(_NUMBER_LIKE.match(t) for t in tokens)  # "GPT-4", "Phi-1"
    return _long_enough(content[0]) or (len(content[0]) >= 3 and versioned)


def _content_token(token: str) -> bool:
    """A word that can tell works apart: not a number, date part, stop word or link text."""
    return not (
        len(token) < 2
        or _NUMBER_LIKE.match(token)
        or token in _ROMAN
        or token in _STOPWORDS
        or token in _MONTHS
        or token in _GENERIC
    )


def _is_label(title: str, tokens: list[str], content: list[str]) -> bool:
    """A bracketed tag ("[Survey]", "(Oral)") or a citation label ("Wang et al., 2023")."""
    bare = title.strip(_EMPHASIS)
    if _BRACKETED.match(bare) and len(bare.split()) <= 2:
        return True
    return ("et", "al") in itertools.pairwise(tokens) and len(content) < 3


def _long_enough(token: str) -> bool:
    """A single name identifies only at real length (two CJK characters are a real name)."""
    return len(token) >= MIN_NAME_LENGTH or (len(token) >= 2 and not token.isascii())


def distinguishing(token: str) -> bool:
    """Tokens that tell a sequel or version apart: numbers, roman numerals, version words."""
    return any(c.isdigit() for c in token) or token in _ROMAN or token in _VERSION_WORDS


def same_title(a: TitleParts, b: TitleParts) -> str | None:
    """Why two titles name the same work ("exact", "acronym-prefix", "typo"), or None."""
    if not (a.key and b.key and a.identifying and b.identifying):
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
    if not (a.identifying and b.identifying):
        return None
    if same_title(a, b):
        return same_title(a, b)
    if a.head and b.head and a.head == b.head:
        return "same-acronym"
    if _leading_name(a, b) or _leading_name(b, a):
        return "same-leading-name"
    if _named_variant(a, b) or _named_variant(b, a):
        return "name-added"
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


def _named_variant(longer: TitleParts, shorter: TitleParts) -> bool:
    """`longer` is `shorter` with a short name added: "Phi-1: …", "Phi-1 …" or "… (phi-1)"."""
    if len(shorter.tokens) < MIN_NAMED_TOKENS:
        return False
    return (
        _prefixed(longer, shorter, MIN_NAMED_TOKENS)
        or _behind_name(longer, shorter)
        or _before_name(longer, shorter)
    )


def _behind_name(longer: TitleParts, shorter: TitleParts) -> bool:
    """ "Phi-1 Textbooks Are All You Need": a name of one to three words leads the title."""
    extra = len(longer.tokens) - len(shorter.tokens)
    if not 1 <= extra <= MAX_NAME_TOKENS or longer.tokens[extra:] != shorter.tokens:
        return False
    words = longer.raw.split()
    taken, count = 0, 0
    while count < extra and taken < len(words):
        count += len(title_key(words[taken]).split())
        taken += 1
    if count != extra:
        return False
    following = words[taken] if taken < len(words) else ""
    return any(_name_word(w) for w in words[:taken]) or following in ("-", "–", "—", "|")


def _before_name(longer: TitleParts, shorter: TitleParts) -> bool:
    """ "Textbooks Are All You Need (phi-1)", or "… (LIMA)" for "LIMA: …": a bracketed name after
    the title, never "(Part II)"."""
    match = _TRAILING_NAME.match(longer.raw)
    if not match:
        return False
    main, name = title_key(match["main"]), title_key(match["name"]).split()
    same_name = shorter.head is not None and shorter.head == " ".join(name)
    if main != shorter.key and not (same_name and main == shorter.rest):
        return False
    if not name or len(name) > MAX_NAME_TOKENS or any(t in _SEQUEL_WORDS for t in name):
        return False
    has_word = any(not _NUMBER_LIKE.match(t) and len(t) >= 2 for t in name)
    return has_word and any(_name_word(w) for w in match["name"].split())


def _name_word(word: str) -> bool:
    """A word written as a name: a digit or a capital inside it ("Phi-1", "FLAN", "MetaMath")."""
    word = word.strip(".,;:!?\"'()[]")
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])


def _one_word_swapped(a: list[str], b: list[str]) -> bool:
    """A long title with one ordinary word changed ("Generative AI for …" / "Generative LLMs for …")."""
    if len(a) != len(b) or len(a) < 8:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and not any(distinguishing(t) for t in diff[0])


def _prefixed(
    longer: TitleParts, shorter: TitleParts, min_tokens: int = MIN_CONTAINED_TOKENS
) -> bool:
    """`longer` is `shorter` with a short name put in front ("Phi-1: Textbooks Are All You Need")."""
    if longer.head is None or len(shorter.tokens) < min_tokens:
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
