"""Reads one bullet (or paragraph line) into the parts of an entry: title, link, authors, venue."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.normalize import clean_text, parse_venue, split_authors
from kg.sources.citation import is_name_list, is_venue_text, split_citation
from kg.sources.inline import BARE_URL, BREAK, Span, is_anchor, link_labels, plain
from kg.sources.roles import is_number_label, label_role

HIGHLIGHT = ("🔥", "ðŸ”¥", "üî•")
_PAREN_NOTE = re.compile(r"\(([^()]*)\)\s*$")
_SUBMITTED = re.compile(r"(?i)\bsubmit(?:ted)?\s+to\b.*$")
_EDGE_PUNCT = " \t.,;:|-–—·•"
_REFUSED_LINK = re.compile(r"^\[([^\]]+)\]\(([^)\s]*(?:\([^)\s]*\))?)\)")


@dataclass
class Label:
    """A bullet that only holds bold or italic text: it names a sub-group, not a work."""

    text: str
    italic: bool


@dataclass
class EntryParts:
    """What one entry line says, before it becomes a validated Entry."""

    title_raw: str
    url: str | None = None
    links: list[str] = field(default_factory=list)
    authors_raw: str = ""
    venue_raw: str = ""
    note: str | None = None
    summary: str | None = None
    highlighted: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # href → the link's own text
    columns: dict[str, str] = field(default_factory=dict)  # href → table column role
    year_hint: str | None = None  # from a date before the title ("[2023/05]")
    venue_hint: str = ""  # from a tag before the title ("[NeurIPS 2023]")


def read_label(spans: list[Span]) -> Label | None:
    """`**A. Rephrasing document**` or `*Human Rubric*` alone on a bullet."""
    visible = [s for s in spans if s.text.strip()]
    if not visible or any(s.href is not None or s.image for s in visible):
        return None
    styled = [s for s in visible if s.strong or s.em]
    rest = plain([s for s in visible if not (s.strong or s.em)]).strip(" :")
    if styled != visible[: len(styled)] or rest:
        return None
    text = clean_text(plain(styled)).strip(" :")
    if not text:
        return None
    return Label(text, italic=not any(s.strong for s in styled))


def read_entry(spans: list[Span]) -> EntryParts | None:
    """Title first (a link, bold text or a plain-text citation), then authors, venue and notes.

    Running numbers, dates, venue tags, emoji and label links (`[pdf]`, `[1]`) before the title
    are set aside first; they are never the title.
    """
    spans = _strip_leading_blank(spans)
    if not spans or not plain(spans).strip():
        return None
    parts = EntryParts(title_raw="")
    spans = _strip_markers(spans, parts)
    if not spans:
        return parts
    if spans[0].href is not None and not is_anchor(spans[0].href):
        head, tail = _take_link(spans)
        parts.title_raw, parts.url = plain(head), head[0].href
        if parts.title_raw.strip() == parts.url and tail and not tail[0].href:
            _plain_head(parts, tail)  # `<https://…> Title`: the text names the work
            tail = tail[len(_take_while(tail, lambda s: not s.em and s.href is None)) :]
    elif spans[0].strong and not _quoted_ahead(spans):
        head = _take_while(spans, lambda s: s.strong and s.href is None)
        tail = spans[len(head) :]
        parts.title_raw = first_part(plain(head))
    else:
        head = _take_while(spans, lambda s: not s.em and s.href is None)
        tail = spans[len(head) :]
        _plain_head(parts, head)
        if parts.url is None and tail and tail[0].href is not None and not _is_label_link(tail):
            tail = _title_around_link(parts, tail)
    _read_tail(parts, tail)
    return parts


def read_more(spans: list[Span], parts: EntryParts) -> None:
    """A line that continues an entry: its authors, venue, a summary or more links."""
    spans = _strip_markers(_strip_leading_blank(spans), parts)
    for href, label in link_labels(spans):
        _keep_link(parts, href, label)
    italic = [s for s in spans if s.em and s.href is None]
    names = plain([s for s in italic if not _venue_like(s.text)])
    if names.strip(_EDGE_PUNCT) and not parts.authors_raw:
        parts.authors_raw = clean_text(names)
    rest = [s for s in spans if s.href is None and (not s.em or _venue_like(s.text))]
    _absorb(clean_text(_strip_links(plain(rest)).replace(BREAK, " ")), parts)


def _absorb(text: str, parts: EntryParts) -> None:
    """Text that belongs to an entry but is not its title: authors, a venue or a summary."""
    text = text.strip(_EDGE_PUNCT)
    if not text or _NOISE.match(text):
        return
    citation = split_citation(text)
    if citation.authors and not parts.authors_raw:
        parts.authors_raw = citation.authors
        text = " ".join(x for x in (citation.title, citation.rest) if x)
    if is_venue_text(text) or _venue_like(text):
        parts.venue_raw = " ".join(x for x in (parts.venue_raw, text) if x)
    elif is_name_list(text) and not parts.authors_raw:
        parts.authors_raw = text
    elif parts.summary is None:
        parts.summary = text


def starts_entry(spans: list[Span]) -> bool:
    """A line that begins a new entry: a number or date first, or a title link or bold title."""
    spans = _strip_leading_blank(spans)
    if not spans:
        return False
    if spans[0].href is None and not spans[0].image:
        marker = _MARKER.match(spans[0].text)
        if marker and (marker.group("number") or marker.group("date")):
            return True
    rest = _strip_markers(spans, EntryParts(title_raw=""))
    if not rest:
        return False
    first = rest[0]
    if first.href is not None:
        return not is_anchor(first.href) and plain(_take_link(rest)[0]).strip() != first.href
    return first.strong and any(s.href for s in rest)


def _quoted_ahead(spans: list[Span]) -> bool:
    """`**"Title."**` or a bold title inside quotes after the authors: read as a citation."""
    return bool(re.match(r'^\s*["“]', plain(spans[:1])))


def _plain_head(parts: EntryParts, head: list[Span]) -> None:
    """An unlinked title: a bare URL in it becomes the link, the rest is read as a citation."""
    text = first_part(plain(head)).split("\n")[0]
    refused = _REFUSED_LINK.match(text.strip())
    if refused:  # markdown left `[text](javascript:…)` as text: keep the title, flag the target
        parts.title_raw, parts.url = refused.group(1), refused.group(2) or None
        return
    match = BARE_URL.search(text)
    if match:
        before, label = _strip_label_words(text[: match.start()])
        parts.url = parts.url or match.group(0).rstrip(".,;:")
        parts.labels.setdefault(parts.url, label)
        parts.venue_raw = " ".join(x for x in (parts.venue_raw, _bare_links(text[match.end() :], parts)) if x)
        text = before.strip(_EDGE_PUNCT) if before.strip(_EDGE_PUNCT) else ""
    text, _ = _strip_label_words(text)
    if not text.strip():
        parts.title_raw = parts.url or ""
        return
    citation = split_citation(text)
    parts.title_raw = citation.title
    parts.authors_raw = parts.authors_raw or citation.authors
    parts.venue_raw = " ".join(x for x in (citation.rest, parts.venue_raw) if x)
    parts.summary = parts.summary or citation.summary


def first_part(text: str) -> str:
    """The text before the first `<br>`, unless the title itself runs on over it ("…: <br> …")."""
    pieces = text.split(BREAK)
    title = pieces[0]
    for piece in pieces[1:]:
        if not title.rstrip().endswith((":", "-", "–", "—", ",")):
            break
        title = f"{title.rstrip()} {piece.strip()}"
    return title


_LABEL_WORDS = re.compile(
    r"(?:\s*[\[【(]([^\s\[\]【】()]{1,20})[\]】)]|\s*[,;|]\s*([^\s\[\]【】(),;|]{1,20}))\s*$"
)


def _strip_label_words(text: str) -> tuple[str, str]:
    """ "Title (ICCV 2019)【论文】" or "Title, code" → the text without its trailing link labels."""
    label = ""
    while True:
        match = _LABEL_WORDS.search(text)
        word = match and (match.group(1) or match.group(2))
        if not match or label_role(word or "") is None or not text[: match.start()].strip():
            return text, label
        label = label or str(word)
        text = text[: match.start()]


def _bare_links(text: str, parts: EntryParts) -> str:
    """More bare URLs after the first, each with the label written before it; the rest is text."""
    rest = []
    last = 0
    for match in BARE_URL.finditer(text):
        before, label = _strip_label_words(text[last : match.start()])
        rest.append(before)
        _keep_link(parts, match.group(0).rstrip(".,;:"), label)
        last = match.end()
    rest.append(text[last:])
    return clean_text(" ".join(rest)).strip(_EDGE_PUNCT)


def _title_around_link(parts: EntryParts, tail: list[Span]) -> list[Span]:
    """Text then a link: `Title <https://…>` (the link is the URL) or `Unbalanced [title](url)`."""
    link, rest = _take_link(tail)
    text, href = plain(link), link[0].href
    if text.strip() != href:
        parts.title_raw = (
            f"{parts.title_raw}{text}"
            if parts.title_raw.endswith(("[", "("))
            else (parts.title_raw or text)
        )
        if not parts.title_raw.strip():
            parts.title_raw = text
    parts.url = href
    return rest


_MARKER = re.compile(
    r"""^\s*(?:
        (?P<number>[\[(【]\s*\#?\d{1,4}\s*[\])】][.:]?|\#?\d{1,4}[.)](?=\s)|\d{1,4}\s*[|｜])
      | (?P<date>[\[(【](?:19|20)\d{2}(?:[./-]\d{1,2}){0,2}[\])】]
          |(?:19|20)\d{2}[./-]\d{1,2}(?:[./-]\d{1,2})?(?=[\s|:])
          |(?:19|20)\d{2}\s*[|｜:])
      | (?P<tag>[\[(【][^\[\]()【】]{2,40}[\])】])
      | (?P<emoji>(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\uFE0F\u200d]
          |:[a-z0-9_+-]{2,30}:)+)
      | (?P<sep>[|｜•·▪►➤→:\-–—]+(?=\s))
    )\s*""",
    re.VERBOSE,
)


def _strip_markers(spans: list[Span], parts: EntryParts) -> list[Span]:
    """Drop what stands before the title: numbers, dates, venue tags, emoji, badges, label links."""
    while spans:
        spans = _strip_leading_blank(spans)
        if not spans:
            return spans
        first = spans[0]
        if first.image or (first.href is not None and _is_label_link(spans)):
            link = _take_link(spans)[0] if first.href is not None else [first]
            _keep_link(parts, first.href, plain(link))
            spans = spans[len(link) :]
            continue
        if first.href is not None:
            return spans
        match = _MARKER.match(first.text)
        if not match or not match.group(0).strip() or not _marker_applies(match):
            return spans
        _note_marker(parts, match)
        rest = first.text[match.end() :]
        spans = [_with_text(first, rest), *spans[1:]] if rest else spans[1:]
    return spans


def _marker_applies(match: re.Match[str]) -> bool:
    """A bracketed tag is set aside only when it names a venue or a date, or is a label."""
    tag = match.group("tag")
    if tag is None:
        return True
    inner = tag.strip("[]()【】 ")
    return _is_tag(inner) or label_role(inner) is not None


def _is_tag(text: str) -> bool:
    return is_venue_text(text) and len(text.split()) <= 5


def _note_marker(parts: EntryParts, match: re.Match[str]) -> None:
    if match.group("date"):
        year = re.search(r"(19|20)\d{2}", match.group("date"))
        parts.year_hint = parts.year_hint or (year.group(0) if year else None)
    elif match.group("tag"):
        inner = match.group("tag").strip("[]()【】 ")
        if _is_tag(inner):
            parts.venue_hint = parts.venue_hint or inner


def _with_text(span: Span, text: str) -> Span:
    return Span(text, span.href, span.strong, span.em, span.image, span.link_id)


def _is_label_link(spans: list[Span]) -> bool:
    """The link at the head of `spans` is a label (`[pdf]`, `Code`, `[1]`) or a badge."""
    link, _ = _take_link(spans)
    text = plain(link).strip()
    if all(s.image for s in link if s.text.strip() or s.image):
        return True
    if text.strip("[]() ").lower() in _NAMES_TOO:
        return False  # `[PyTorch](…) - Tensors and …`: a tool named like a label is a title
    return (
        label_role(text) is not None
        or is_number_label(text)
        or _GENERIC_LINK.match(text) is not None
    )


_NAMES_TOO = frozenset({"pytorch", "tensorflow", "jax", "hugging face", "huggingface", "medium"})


def _keep_link(parts: EntryParts, href: str | None, label: str) -> None:
    if href and not is_anchor(href) and href not in parts.links and href != parts.url:
        parts.links.append(href)
    if href:
        parts.labels.setdefault(href, label)


def _read_tail(parts: EntryParts, tail: list[Span]) -> None:
    authors = [s for s in tail if s.em and s.href is None and not _venue_like(s.text)]
    venue_em = [s for s in tail if s.em and s.href is None and _venue_like(s.text)]
    others = [s for s in tail if not (s.em and s.href is None) and not s.image]
    if not parts.authors_raw:
        parts.authors_raw = clean_text(plain(authors).split(BREAK)[0])
    for href, label in link_labels(tail):
        _keep_link(parts, href, label)
    text, *more = _strip_links(plain([s for s in others if s.href is None] + venue_em)).split(BREAK)
    for part in more:  # `Title<br>Authors, et al. <b>CoRL 2024</b>`: the parts after a break
        _absorb(clean_text(_DECORATION.sub(" ", part)), parts)
    for marker in HIGHLIGHT:
        if marker in text or marker in parts.title_raw:
            parts.highlighted = True
            text = text.replace(marker, " ")
            parts.title_raw = parts.title_raw.replace(marker, " ")
    text = _DECORATION.sub(" ", text)
    text, summary = _tail_summary(text)
    if summary:
        parts.summary = parts.summary or summary
    by = _BY_AUTHORS.match(text)
    if by and not parts.authors_raw and _names(by.group("names")):
        parts.authors_raw, text = by.group("names"), by.group("rest") or ""
    if not parts.authors_raw:
        parts.authors_raw, text = _names_then_venue(text)
    venue_raw, note = _venue_and_note(clean_text(text))
    parts.venue_raw = " ".join(x for x in (parts.venue_raw, venue_raw) if x)
    parts.note = parts.note or note


_NOISE = re.compile(r"(?i)^(?:new|hot|updated?|oral|spotlight|highlight|best paper)\W*$")


def _names(text: str) -> bool:
    """A list of names, or one person's name ("by Lilian Weng")."""
    text = text.strip(_EDGE_PUNCT)
    return is_name_list(text) or (1 < len(text.split()) <= 4 and is_name_list(f"{text}, {text}"))


def _names_then_venue(text: str) -> tuple[str, str]:
    """ ", Stephen James, Andrew J. Davison, RA-L 2020" → the names and the venue after them."""
    pieces = [p.strip() for p in text.strip(_EDGE_PUNCT).split(",")]
    for cut in range(len(pieces) - 1, 0, -1):
        names, rest = ", ".join(pieces[:cut]), ", ".join(pieces[cut:])
        if _names(names) and (not rest.strip(_EDGE_PUNCT) or is_venue_text(rest) or _venue_like(rest)):
            return names, rest
    return "", text


def _tail_summary(text: str) -> tuple[str, str | None]:
    """ "(CVPR 2016) - Skip connections that …" → the venue part and the summary after the dash."""
    for match in _TAIL_DASH.finditer(text):
        right = clean_text(text[match.end() :]).strip()
        if right and not _venue_like(right) and not is_name_list(right.rstrip(".")):
            return text[: match.start()], right
    return text, None


_TAIL_DASH = re.compile(r"(?:^|\s)[-–—:|]\s+(?=\S)")
_BY_AUTHORS = re.compile(r"^\W*by\s+(?P<names>[^()]+?)\s*(?P<rest>\(.*)?$", re.IGNORECASE)
_DECORATION = re.compile(r":[a-z0-9_+-]{2,30}:|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]")


def _venue_like(text: str) -> bool:
    text = text.strip(" .,;:()[]*_")
    return bool(text) and _is_tag(text) and len(text.split()) <= 6


_GENERIC_LINK = re.compile(
    r"(?i)^\s*[\[(]?\s*(?:here|this|click here|link here|more|details)\s*[\])]?\s*$"
)


def _venue_and_note(text: str) -> tuple[str, str | None]:
    """ "Arxiv 2025. (Focus on Persona Diversity)" → ("Arxiv 2025", "Focus on Persona Diversity")."""
    text = text.strip(_EDGE_PUNCT)
    note = None
    paren = _PAREN_NOTE.search(text)
    if paren:
        note = paren.group(1).strip() or None
        text = text[: paren.start()].strip(_EDGE_PUNCT)
        if not text and note and parse_venue(note).year:  # "(ICML 2021)": the venue, bracketed
            return note, None
    submitted = _SUBMITTED.search(text)
    if submitted:
        note = submitted.group(0).strip(_EDGE_PUNCT)
    return text, note


def _strip_links(text: str) -> str:
    return BARE_URL.sub(" ", text)


def _take_link(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    first = spans[0].link_id
    head = _take_while(spans, lambda s: s.link_id == first and s.href is not None)
    return head, spans[len(head) :]


def _take_while(spans: list[Span], keep) -> list[Span]:  # type: ignore[no-untyped-def]
    out: list[Span] = []
    for span in spans:
        if not keep(span):
            break
        out.append(span)
    return out


def _strip_leading_blank(spans: list[Span]) -> list[Span]:
    i = 0
    while i < len(spans) and not spans[i].text.strip() and not spans[i].image:
        i += 1
    return spans[i:]


def authors_of(raw: str) -> tuple[list[str], bool]:
    """Author names from an italic author string (empty when the list gives none)."""
    if not raw.strip(_EDGE_PUNCT):
        return [], False
    return split_authors(raw)
