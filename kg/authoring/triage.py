"""Candidate papers for a list, checked one by one: already in it (where)? in other lists (which
sections)? where would it go, and how would it read in the list's own style?

Duplicates are found by the resolver itself, the candidates resolved together with every
mention of the build, so a candidate is "already listed" exactly when a build would merge it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from kg.authoring.style import Template, learn, render
from kg.authoring.suggest import Suggestion, index_for, rank
from kg.authoring.triage_read import CandidateError, read_candidates
from kg.graph import KnowledgeGraph, section_id
from kg.model import Entry, Work
from kg.resolve import mention_id, resolve_entries

if TYPE_CHECKING:
    from kg.pipeline import Built

__all__ = ["CandidateError", "Listing", "Triaged", "read_candidates", "triage"]


class Listing(BaseModel):
    """Where a list already has the work."""

    list_id: str
    line: int
    title: str
    sections: list[str] = Field(default_factory=list)  # labels


class Triaged(BaseModel):
    """One candidate, checked against the build."""

    line: int  # in the candidates file (an entry's number in a feed)
    title: str
    url: str | None
    in_list: list[Listing] = Field(default_factory=list)  # this list's entries of the work
    elsewhere: list[Listing] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    entry: str = ""  # ready to paste, in the list's own style

    @property
    def listed(self) -> bool:
        return bool(self.in_list)


def triage(built: Built, list_id: str, candidates: list[Entry], top: int = 3) -> list[Triaged]:
    """Each candidate: its listings here and elsewhere, its likely sections, its entry."""
    kg = built.graph
    index = index_for(built, list_id)
    resolution = resolve_entries([*candidates, *kg.mentions.values()])
    listed = _listed_entries(kg)
    templates = _templates(kg, list_id)
    found = []
    for candidate in candidates:
        work = resolution.work(resolution.work_of[mention_id(candidate)])
        entries = [listed[m] for m in work.mentions if m in listed]
        here = [_listing(kg, e) for e in entries if e.list_id == list_id]
        there = [_listing(kg, e) for e in entries if e.list_id != list_id]
        placed = [
            section_id(e.list_id, k) for e in entries if e.list_id != list_id for k in e.sections
        ]
        title = work.title if candidate.title == candidate.url else candidate.title
        suggestions = rank(index, title, candidate.summary, placed, top=top, kind=candidate.kind)
        best = suggestions[0].section if suggestions else None
        template = templates.get(best) or templates.get(None)
        found.append(
            Triaged(
                line=candidate.line,
                title=title,
                url=candidate.url,
                in_list=here,
                elsewhere=there,
                suggestions=suggestions,
                entry=_entry(template, work, candidate, suggestions),
            )
        )
    return found


def _listed_entries(kg: KnowledgeGraph) -> dict[str, Entry]:
    """The build's entries by mention id ("list:line")."""
    return {key: kg.mentions[node] for key, node in kg.mention_of_key.items()}


def _listing(kg: KnowledgeGraph, entry: Entry) -> Listing:
    labels = [
        kg.sections[section_id(entry.list_id, k)].label
        for k in entry.sections
        if section_id(entry.list_id, k) in kg.sections
    ]
    return Listing(list_id=entry.list_id, line=entry.line, title=entry.title, sections=labels)


def _templates(kg: KnowledgeGraph, list_id: str) -> dict[str | None, Template | None]:
    """A template per section of the list (from its own entries), and one for the whole list."""
    by_section: dict[str | None, list[Entry]] = defaultdict(list)
    own = sorted((e for e in kg.mentions.values() if e.list_id == list_id), key=lambda e: e.line)
    for entry in own:
        by_section[None].append(entry)
        for key in entry.sections:
            by_section[section_id(list_id, key)].append(entry)
    labels = {s.key: s.label for s in kg.sections.values() if s.list_id == list_id}
    return {key: learn(entries, labels) for key, entries in by_section.items()}


def _entry(
    template: Template | None, work: Work, candidate: Entry, suggestions: list[Suggestion]
) -> str:
    """The candidate as the list would write it: its own title and link first, the work's
    other known values (authors, venue, code) where the candidate has none."""
    own = candidate.title != candidate.url
    update: dict[str, object] = {"title": candidate.title if own else work.title}
    if candidate.url:
        update["urls"] = [candidate.url, *(u for u in work.urls if u != candidate.url)]
    if candidate.summary:
        update["summaries"] = [candidate.summary]
    label = suggestions[0].label if suggestions else ""
    return render(template, work.model_copy(update=update), label)
