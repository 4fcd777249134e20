"""Plain-text citations split into authors, title and the rest, whatever order a list uses.

`LeCun, Y., Bengio, Y. "Deep learning." Nature (2015)`, `Kaiming He, Xiangyu Zhang. Deep
Residual Learning. CVPR 2016.`, `Title. Authors. Venue, Year.` and `Title - a short summary`
all come apart here; the rules look at the shape of each part, never at a list's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.normalize import parse_venue

_QUOTED = re.compile(r"[\"“”„《「]\s*(?P<title>[^\"“”„《》「」]{3,}?)\s*[\"“”》」]")
_AUTHOR_YEAR = re.compile(r"^(?P<authors>[^()]+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?\)[.,:]?\s+(?P<rest>.+)$")
_SENTENCE_END = re.compile(r"[.?!]\s+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_PARTICLES = frozenset("van von de der den da di la le del dos du bin al".split())
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


_TITLE_WORDS = frozenset(
    """learning network networks graph graphs transformer transformers model models data deep
    neural language languages vision visual image images video training attention generation
    reasoning benchmark benchmarks dataset datasets survey review scalable efficient robust
    system systems agent agents policy policies control robot robots robotic recognition detection
    segmentation representation representations embedding embeddings large small general
    powerful simple unified universal generative diffusion adversarial contrastive supervised
    self-supervised unsupervised reinforcement retrieval search speech audio text knowledge
    question answering translation classification optimization inference analysis study approach
    method methods framework frameworks toward towards via using with for from of the and in on
    all you need is are""".split()
)


def _name_token(token: str) -> bool:
    """A capitalised word, an initial, a particle ("van") or a CJK name; never a title word."""
    if token in _PARTICLES or _CJK_NAME.match(token):
        return True
    if token.lower().strip(".,") in _TITLE_WORDS:
        return False
    return token[:1].isupper() and all(c.isalpha() or c in "'’.-" for c in token)
_SUMMARY_SPLIT = re.compile(r"\s+[-–—|]\s+|\s+[—–]\s*|\s*——\s*")
_SUMMARY_STARTS = frozenset(
    "a an the this that these we it its our proposes propose introduces introduce presents "
    "present uses use shows show official first survey code paper implementation "
    "describes explains how why what".split()
)
_TAIL_BRACKET = re.compile(r"\s*[(\[【（]([^()\[\]【】（）]{2,60})[)\]】）]\s*$")
_TRAILING_VENUE = re.compile(r"[,.;]\s*([^,.;]{2,60})$")


@dataclass
class Citation:
    """What a plain-text entry says, part by part."""

    title: str
    authors: str = ""
    rest: str = ""  # venue, year, notes: read later by the venue parser
    summary: str | None = None


def split_citation(text: str) -> Citation:
    """Authors, title and the rest of a plain-text citation, in whatever order it is written."""
    text = text.strip()
    dated = _AUTHOR_YEAR.match(text)
    if dated and is_name_list(dated.group("authors")):
        inner = _by_sentences(dated.group("rest"))
        rest = " ".join(x for x in (inner.rest, dated.group("year")) if x)
        return Citation(inner.title, dated.group("authors"), rest, inner.summary)
    quoted = _QUOTED.search(text)
    if quoted and len(quoted.group("title").split()) >= 1 and _quoted_is_title(text, quoted):
        before = text[: quoted.start()].strip(" ,.:;")
        after = text[quoted.end() :].strip(" ,.:;")
        return Citation(quoted.group("title").strip(" ,."), before, after)
    return _by_sentences(text)


def _quoted_is_title(text: str, quoted: re.Match[str]) -> bool:
    """A quoted part is the title when names stand before it or the venue after it."""
    before = text[: quoted.start()].strip(" ,.:;")
    return not before or is_name_list(before) or len(before.split()) <= 12


def _by_sentences(text: str) -> Citation:
    parts = sentences(text)
    if len(parts) >= 2 and is_name_list(parts[1].rstrip(".")) and not is_name_list(parts[0]):
        return _with_tail(Citation(parts[0], parts[1].rstrip("."), " ".join(parts[2:])))
    if len(parts) >= 2 and _lone_author(parts[0].rstrip("."), parts[1]):
        return _with_tail(Citation(parts[1], parts[0].rstrip("."), " ".join(parts[2:])))
    if len(parts) >= 2 and is_name_list(parts[0].rstrip(".")):
        title, rest = parts[1], " ".join(parts[2:])
        return _with_tail(Citation(title, parts[0].rstrip("."), rest))
    if len(parts) >= 2 and is_name_list(parts[1].rstrip(".")):
        return _with_tail(Citation(parts[0], parts[1].rstrip("."), " ".join(parts[2:])))
    if len(parts) >= 2 and is_venue_text(parts[-1].rstrip(".")):
        return _with_tail(Citation(" ".join(parts[:-1]), "", parts[-1]))
    return _with_tail(Citation(text))


def sentences(text: str) -> list[str]:
    """Split at ". ", "? " and "! ", but never after an initial ("Ian J. Goodfellow")."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1] if before else ""
        if match.group(0)[0] == "." and ((len(last) == 1 and last.isupper()) or last in _ABBREVIATIONS):
            continue
        parts.append(text[start : match.start() + 1].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


_ABBREVIATIONS = frozenset({"vs", "Proc", "pp", "Vol", "No", "Conf", "Int", "Trans", "J"})


def _lone_author(first: str, second: str) -> bool:
    """ "Hana Baker. A Title of Several Words": one name, then the title."""
    tokens = first.split()
    return (
        2 <= len(tokens) <= 3
        and is_name_list(f"{first}, {first}")
        and len(second.split()) >= 4
        and not is_venue_text(second.rstrip("."))
    )


def _trailing_names(title: str) -> tuple[str, str]:
    """ "Title, Alice Smith, Bob Jones" → title and the authors after it."""
    for match in re.finditer(r",\s+", title):
        left, right = title[: match.start()], title[match.end() :]
        pieces = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", _ET_AL.sub("", right)) if p]
        if (
            len(left.split()) >= 3
            and pieces
            and all(2 <= len(p.split()) <= 4 for p in pieces)
            and is_name_list(f"{right}, {right}" if len(pieces) == 1 else right)
        ):
            return left, right
    return title, ""


def _with_tail(citation: Citation) -> Citation:
    """Cut a summary after a dash, trailing authors and a venue tail off the title."""
    title, summary = split_summary(citation.title)
    title, venue = split_venue_tail(title)
    if not citation.authors:
        title, names = _trailing_names(title)
        citation.authors = names
    rest = " ".join(x for x in (venue, citation.rest) if x)
    return Citation(title, citation.authors, rest, summary or citation.summary)


def split_summary(title: str) -> tuple[str, str | None]:
    """ "Textbooks Are All You Need - a new 1.3B model" → title and summary."""
    for match in _SUMMARY_SPLIT.finditer(title):
        left, right = title[: match.start()].strip(), title[match.end() :].strip()
        if left and right and _reads_as_summary(right):
            return left, right
    return title, None


def _reads_as_summary(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    if re.match(r"^[\u4e00-\u9fff]", text):
        return True
    if is_venue_text(text):
        return False
    word = first.strip("\"'“(").lower()
    words = text.split()
    verb_second = len(words) >= 4 and words[1].islower() and words[1].endswith("s")
    return bool(first[:1].islower()) or (word in _SUMMARY_STARTS and len(words) >= 3) or verb_second


def split_venue_tail(title: str) -> tuple[str, str]:
    """ "Title (TKDE, 2024)", "Title, NeurIPS 2023" or "Title ICML, 2023" → title and venue."""
    found: list[str] = []
    while True:
        title, venue = _venue_tail_once(title)
        if not venue:
            return title, " ".join(reversed(found))
        found.append(venue)


_ET_AL = re.compile(r"(?i)[\s,]*\bet\.?\s*al\b\.?")


def _venue_tail_once(title: str) -> tuple[str, str]:
    bracket = _TAIL_BRACKET.search(title)
    if bracket and is_venue_text(bracket.group(1)) and len(title[: bracket.start()].split()) >= 2:
        return title[: bracket.start()].strip(" ,.;:-"), bracket.group(1)
    trailing = _TRAILING_VENUE.search(title)
    if (
        trailing
        and is_venue_text(trailing.group(1))
        and len(title[: trailing.start()].split()) >= 2
    ):
        return title[: trailing.start()].strip(" ,.;:-"), trailing.group(1)
    words = title.split()
    for size in (1, 2, 3):
        tail = " ".join(words[-size:])
        if len(words) - size >= 3 and _known_venue(tail):
            return " ".join(words[:-size]).strip(" ,.;:-"), tail
    return title, ""


def _known_venue(text: str) -> bool:
    """A venue's own name (with its year): "NeurIPS", "KDD 2019", "arXiv"; never a title word."""
    info = parse_venue(text)
    name = re.sub(r"\s*(?:19|20)\d{2}$", "", text).strip(" ,")
    return info.venue is not None and info.status is not None and info.venue.lower() == name.lower()


def is_venue_text(text: str) -> bool:
    """Short text that names a year or a known venue ("TKDE, 2024", "NeurIPS 2023", "2019")."""
    text = text.strip(" .,*_")
    if not text or len(text.split()) > 8:
        return False
    info = parse_venue(text)
    if info.year is not None:
        return len(re.sub(r"[^A-Za-z]", " ", text).split()) <= 6
    return info.venue is not None and info.status is not None and len(text.split()) <= 3


def is_name_list(text: str) -> bool:
    """ "Kaiming He, Xiangyu Zhang, Jian Sun", "LeCun, Y. and Bengio, Y.", "Smith et al."."""
    et_al = bool(re.search(r"(?i)\bet\.?\s*al\b", text))
    text = re.sub(r"(?i)\bet\.?\s*al\b\.?", "", text).strip(" ,.;")
    if not text or len(text) > 600 or ":" in text:
        return False
    pieces = [p for p in _NAME_SPLIT.split(text) if p]
    if not pieces:
        return False
    for piece in pieces:
        tokens = piece.replace(".", ". ").split()
        if not 1 <= len(tokens) <= 5 or not all(_name_token(t) for t in tokens):
            return False
    multi = sum(len(p.split()) >= 2 for p in pieces)
    return (len(pieces) >= 2 and multi >= 1) or bool(re.search(r"[A-Z]\.", text)) or et_al
