"""A list regenerated from the graph in one style, so an author can fix it in one pull request."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from kg.export.render_links import best_link, code_link, venue_year
from kg.graph import KnowledgeGraph
from kg.model import Entry, Section, SectionOrigin, Work
from kg.resolve.matching import mention_id


@dataclass(frozen=True)
class Item:
    """One work as one section of the list shows it."""

    work: Work
    entry: Entry


def sections_of(kg: KnowledgeGraph, list_id: str) -> list[Section]:
    """The list's own sections in the order the list has them."""
    return sorted(
        (s for s in kg.sections.values() if s.list_id == list_id), key=lambda s: (s.order, s.line)
    )


def items_of(kg: KnowledgeGraph, list_id: str) -> dict[str, list[Item]]:
    """Each section's works in list order, a work listed twice in one section kept once."""
    items: dict[str, list[Item]] = {}
    entries = sorted(
        (e for e in kg.mentions.values() if e.list_id == list_id), key=lambda e: (e.line, e.order)
    )
    for entry in entries:
        work = _work_of(kg, entry)
        for key in entry.sections:
            shown = items.setdefault(key, [])
            if all(i.work.id != work.id for i in shown):
                shown.append(Item(work, entry))
    return items


def _work_of(kg: KnowledgeGraph, entry: Entry) -> Work:
    """The resolved work a mention names."""
    node = kg.mention_of_key[mention_id(entry)]
    return kg.works[kg.out(node, "mentionOf")[0]]


def heading(section: Section) -> str:
    """A heading at the section's level, keeping its numbering (and its trailing dot, if any)."""
    dotted = section.notation and f"{section.notation}." in section.raw
    notation = f"{section.notation}." if dotted else section.notation
    text = f"{notation} {section.label}" if notation else section.label
    if section.origin is SectionOrigin.BOLD_LABEL:
        return f"- **{text}**"
    return f"{'#' * min(section.level + 1, 6)} {text}"


def _md(text: str) -> str:
    """Brackets and stars that would break the link or its emphasis, escaped."""
    for ch in "\\[]*_`<>":
        text = text.replace(ch, "\\" + ch)
    return text


def title_of(item: Item, url: str | None) -> str:
    """The list's title, else the graph's, else the link's last part when neither says anything."""
    for title in (item.entry.title, item.work.title):
        if any(ch.isalnum() for ch in title):
            return " ".join(title.split())
    return (url or "untitled").rstrip("/").rsplit("/", 1)[-1]


def line_of(item: Item) -> str:
    """`- [Title](url). Venue Year.` with the code link after it when there is one."""
    url = best_link(item.work, item.entry)
    title = _md(title_of(item, url))
    text = f"- [{title}]({url})." if url else f"- {title}."
    venue, year = venue_year(item.work, item.entry)
    tail = " ".join(str(p) for p in (venue, year) if p)
    if tail:
        text += f" {_md(tail)}."
    code = code_link(item.work, item.entry)
    if code and code != url:
        text += f" [code]({code})"
    return text


def preamble(original: str, sections: list[Section]) -> list[str]:
    """The author's own opening (title, badges, prose, contents) up to the first section, as is."""
    if not sections:
        return []
    kept = original.splitlines()[: sections[0].line - 1]
    while kept and not kept[-1].strip():
        kept.pop()
    return [*kept, ""] if kept else []


def render_list(kg: KnowledgeGraph, list_id: str, title: str, original: str = "") -> str:
    """The whole list: its opening (or title), then each section's heading and entries."""
    items = items_of(kg, list_id)
    ordered = sections_of(kg, list_id)
    lines = preamble(original, ordered) or [f"# {title}", ""]
    for section in ordered:
        lines += [heading(section), ""]
        shown = [line_of(i) for i in items.get(section.key, [])]
        lines += [*shown, ""] if shown else []
    return "\n".join(lines).rstrip("\n") + "\n"


def unified_diff(original: str, rendered: str, name: str) -> str:
    """What regenerating changes, as a patch an author can read."""
    diff = difflib.unified_diff(
        original.splitlines(keepends=True),
        rendered.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(diff)
