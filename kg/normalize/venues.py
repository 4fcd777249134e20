"""Venue, year, track and publication status read from the free-text venue strings of lists."""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.model import VenueInfo
from kg.normalize.text import clean_text

__all__ = ["is_peer_reviewed", "parse_venue"]

PUBLISHED = "published"
PREPRINT = "preprint"
SUBMITTED = "submitted"
WORKSHOP = "workshop"

FINDINGS = "Findings"
WORKSHOP_TRACK = "Workshop"
DATASETS_AND_BENCHMARKS = "Datasets and Benchmarks"
ORAL = "Oral"
INDUSTRY = "Industry"
DEMO = "Demo"


class _Venue(NamedTuple):
    """A known venue: canonical name, alias regex and default status."""

    name: str
    aliases: str
    status: str | None
    publisher: bool = False  # "ACM" / "IEEE" name a publisher; a named venue wins over them


_VENUES: tuple[_Venue, ...] = (
    # machine learning and AI
    _Venue("NeurIPS", r"neurips|nips", PUBLISHED),
    _Venue("ICML", r"icml", PUBLISHED),
    _Venue("ICLR", r"iclr", PUBLISHED),
    _Venue("AAAI", r"aaai", PUBLISHED),
    _Venue("IJCAI", r"ijcai|ijcal", PUBLISHED),  # "IJCAL" is a typo in one list
    _Venue("AISTATS", r"aistats", PUBLISHED),
    _Venue("UAI", r"uai", PUBLISHED),
    _Venue("COLT", r"colt", PUBLISHED),
    _Venue("MLSys", r"mlsys", PUBLISHED),
    _Venue("COLM", r"colm", PUBLISHED),
    _Venue("CVPR", r"cvpr", PUBLISHED),
    _Venue("ICCV", r"iccv", PUBLISHED),
    _Venue("ECCV", r"eccv", PUBLISHED),
    _Venue("GECCO", r"gecco", PUBLISHED),
    # natural language processing
    _Venue("ACL", r"acl", PUBLISHED),
    _Venue("EMNLP", r"emnlp", PUBLISHED),
    _Venue("NAACL", r"naacl", PUBLISHED),
    _Venue("EACL", r"eacl", PUBLISHED),
    _Venue("AACL", r"aacl", PUBLISHED),
    _Venue("LREC-COLING", r"lrec[-\s]*coling", PUBLISHED),
    _Venue("COLING", r"coling", PUBLISHED),
    _Venue("LREC", r"lrec", PUBLISHED),
    _Venue("CoNLL", r"conll", PUBLISHED),
    _Venue("SIGDIAL", r"sigdial", PUBLISHED),
    _Venue("INTERSPEECH", r"interspeech", PUBLISHED),
    _Venue("ICASSP", r"icassp", PUBLISHED),
    # data, web, security, software
    _Venue("KDD", r"kdd|sigkdd", PUBLISHED),
    _Venue("WWW", r"www|the\s*web\s*conf(?:erence)?", PUBLISHED),
    _Venue("SIGIR", r"sigir", PUBLISHED),
    _Venue("CIKM", r"cikm", PUBLISHED),
    _Venue("WSDM", r"wsdm", PUBLISHED),
    _Venue("ICDE", r"icde", PUBLISHED),
    _Venue("VLDB", r"vldb|pvldb", PUBLISHED),
    _Venue("SIGMOD", r"sigmod", PUBLISHED),
    _Venue("CCS", r"ccs", PUBLISHED),
    _Venue("ICSE", r"icse", PUBLISHED),
    # journals and proceedings series
    _Venue("TMLR", r"tmlr", PUBLISHED),
    _Venue("JMLR", r"jmlr", PUBLISHED),
    _Venue("TACL", r"tacl", PUBLISHED),
    _Venue("TPAMI", r"tpami", PUBLISHED),
    _Venue("TKDE", r"tkde", PUBLISHED),
    _Venue("PMLR", r"pmlr", PUBLISHED),
    _Venue("Nature Machine Intelligence", r"nature\s+machine\s+intelligence", PUBLISHED),
    _Venue("Nature Communications", r"nature\s+communications", PUBLISHED),
    _Venue("Nature", r"nature", PUBLISHED),
    _Venue("PNAS", r"pnas", PUBLISHED),
    _Venue("iScience", r"iscience", PUBLISHED),
    _Venue("ACM", r"acm", PUBLISHED, publisher=True),
    _Venue("IEEE", r"ieee", PUBLISHED, publisher=True),
    # workshops known by their own name
    _Venue("AfricaNLP", r"africanlp", WORKSHOP),
    _Venue("XLLM", r"xllm", WORKSHOP),
    # preprint servers and hosting sites
    _Venue("arXiv", r"arxiv|arxuv", PREPRINT),  # "arxuv" is a typo in one list
    _Venue("OpenReview", r"openreview", PREPRINT),
    _Venue("GitHub", r"github", PREPRINT),
    _Venue("Hugging Face", r"hugging\s*face", PREPRINT),
)

_VENUE_RES = tuple(
    (venue, re.compile(rf"(?<![a-z])(?:{venue.aliases})(?![a-z])", re.IGNORECASE))
    for venue in _VENUES
)

_TRACKS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (track, re.compile(pattern, re.IGNORECASE))
    for track, pattern in (
        (WORKSHOP_TRACK, r"(?<![a-z])workshops?(?![a-z])|\w@\w"),
        (FINDINGS, r"(?<![a-z])findings?(?![a-z])"),
        (
            DATASETS_AND_BENCHMARKS,
            r"(?<![a-z])d\s*&\s*b(?![a-z])|datasets?[\s_]*(?:&|and)[\s_]*benchmarks?",
        ),
        (INDUSTRY, r"(?<![a-z])industry(?![a-z])"),
        (DEMO, r"(?<![a-z])(?:demos?|system\s+demonstrations?)(?![a-z])"),
        (ORAL, r"(?<![a-z])oral(?![a-z])"),
    )
)

_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
_SHORT_YEAR = re.compile(r"['’]([0-9][0-9])(?![0-9])")
_SUBMITTED = re.compile(r"\bsubmit(?:ted)?\b|\bunder\s+review\b|\bin\s+submission\b", re.I)
_PUBLISHED_WORDS = re.compile(
    r"\b(?:proceedings|conference|journal|transactions|symposium)\b", re.IGNORECASE
)
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE = re.compile(
    rf"^(?:{_MONTH})\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}\Z", re.IGNORECASE
)
_GROUP_WORDS = frozenset({"journal", "journals", "others", "other"})
_STATUS_RANK = {PUBLISHED: 0, WORKSHOP: 1, PREPRINT: 2, SUBMITTED: 3, None: 4}


def _year(text: str) -> int | None:
    """First four-digit year 1900-2099 anywhere in the text (or a '24 style short year)."""
    match = _YEAR.search(text)
    if match:
        return int(match.group(1))
    short = _SHORT_YEAR.search(text)
    return 2000 + int(short.group(1)) if short else None


def _track(text: str) -> str | None:
    """The most specific track named in the text."""
    return next((track for track, pattern in _TRACKS if pattern.search(text)), None)


def _known_venue(text: str) -> _Venue | None:
    """The named venue of the text: a venue over a publisher, then earliest, then longest."""
    hits = [
        (venue.publisher, match.start(), -len(match.group()), venue)
        for venue, pattern in _VENUE_RES
        for match in pattern.finditer(text)
    ]
    return min(hits, key=lambda hit: hit[:3])[3] if hits else None


def _venue_side(text: str) -> str:
    """For "AutoRL@ICML 2024" the host conference side; otherwise the text itself."""
    return text.rpartition("@")[2] if re.search(r"\w@\w", text) else text


def _unknown_name(text: str) -> str | None:
    """Cleaned text without the year and stray punctuation, for venues not in the table."""
    name = _SHORT_YEAR.sub(" ", _YEAR.sub(" ", text))
    name = re.sub(r"\(\s*\)", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" .,;:-/()[]")
    return name or None


def _status(text: str, venue: _Venue | None, track: str | None) -> str | None:
    """Publication status from wording, track and the venue's default."""
    if _SUBMITTED.search(text):
        return SUBMITTED
    if track == WORKSHOP_TRACK:
        return WORKSHOP
    if venue is not None:
        return venue.status
    return PUBLISHED if _PUBLISHED_WORDS.search(text) else None


def _parse_single(raw: str, text: str) -> VenueInfo:
    """One venue mention such as "EMNLP 2024 Findings" or "AutoRL@ICML 2024"."""
    year = _year(text)
    if not text or _DATE.match(text) or re.fullmatch(r"[\s0-9'’.,()]*", text):
        return VenueInfo(raw=raw, year=year)
    venue = _known_venue(_venue_side(text)) or _known_venue(text)
    track = _track(text)
    if venue is not None and venue.status == WORKSHOP:
        track = WORKSHOP_TRACK
    name = venue.name if venue else _unknown_name(text)
    return VenueInfo(
        raw=raw, venue=name, year=year, track=track, status=_status(text, venue, track)
    )


def _group_status(parts: list[str]) -> str | None:
    """Status shared by all members of a venue group, else None."""
    statuses = {_parse_single(part, part.lstrip("*")).status for part in parts}
    return statuses.pop() if len(statuses) == 1 else None


def _parse_group(raw: str, text: str, parts: list[str]) -> VenueInfo:
    """A category such as "NIPS/ICML/ICLR", "*ACL" or "Journal", kept as written."""
    return VenueInfo(
        raw=raw, venue=text, year=_year(text), status=_group_status(parts), is_group=True
    )


def _best(options: list[VenueInfo]) -> VenueInfo:
    """Prefer a main-conference publication, then the later year."""
    return min(options, key=lambda v: (_STATUS_RANK.get(v.status, 4), -(v.year or 0)))


def _is_group(text: str, parts: list[str], group_column: bool) -> bool:
    """Whether the text names a category of venues rather than one venue."""
    if text.startswith("*") or (group_column and text.lower() in _GROUP_WORDS):
        return True
    if len(parts) < 2:
        return False
    return group_column or not all(_YEAR.search(part) for part in parts)


def parse_venue(raw: str, group_column: bool = False) -> VenueInfo:
    """Venue, year, track and status of a venue string; never raises, unknown text is kept."""
    raw = str(raw)
    text = clean_text(raw)
    parts = [part for part in re.split(r"\s*/\s*", text) if part]
    if _is_group(text, parts, group_column):
        return _parse_group(raw, text, parts or [text])
    if len(parts) > 1:
        return _best([_parse_single(raw, part) for part in parts])
    return _parse_single(raw, text)


def is_peer_reviewed(info: VenueInfo) -> bool:
    """Whether the venue implies peer review (published papers and workshop papers)."""
    return info.status in (PUBLISHED, WORKSHOP)
