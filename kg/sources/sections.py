"""Builds a list's section tree as headings and labels are met, and notes numbering faults."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import IssueKind, ListIssue, Section, SectionOrigin
from kg.normalize import slugify
from kg.sources.headings import notation_parent, split_heading


@dataclass
class TocEntry:
    """A table-of-contents line: it names sections the body may forget to head."""

    notation: str
    label: str
    line: int


@dataclass
class _Open:
    md_level: int
    section: Section


@dataclass
class SectionTree:
    """Sections of one list in reading order, with parents resolved from position and notation."""

    list_id: str
    file: str
    toc: dict[str, TocEntry] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    issues: list[ListIssue] = field(default_factory=list)
    _stack: list[_Open] = field(default_factory=list)
    _labels: list[Section] = field(default_factory=list)
    _by_notation: dict[str, Section] = field(default_factory=dict)
    _keys: set[str] = field(default_factory=set)
    _md_levels: dict[str, int] = field(default_factory=dict)
    _last_numbered: Section | None = None

    @property
    def current(self) -> Section | None:
        """The innermost open section: a label if one is open, else the last heading."""
        if self._labels:
            return self._labels[-1]
        return self._stack[-1].section if self._stack else None

    @property
    def heading(self) -> Section | None:
        return self._stack[-1].section if self._stack else None

    def open_heading(self, md_level: int, text: str, line: int, raw: str) -> Section:
        """A markdown heading: pop to its positional parent, then check its numbering."""
        parts = split_heading(text)
        if parts.stray_tail:
            self._issue(line, IssueKind.MALFORMED_HEADING, f"heading has a stray tail {parts.stray_tail!r}")
        while self._stack and self._stack[-1].md_level >= md_level:
            self._stack.pop()
        self._labels.clear()
        positional = self._stack[-1] if self._stack else None
        parent = self._parent_for(parts.notation, positional, md_level, line, parts.label)
        section = self._add(parts.label, parts.notation, parent, line, raw, SectionOrigin.HEADING)
        self._stack.append(_Open(md_level, section))
        self._md_levels[section.key] = md_level
        if parts.notation:
            self._last_numbered = section
        return section

    def close(self, md_level: int) -> None:
        """A heading that is not a section (contents, news…) still ends the sections it follows."""
        while self._stack and self._stack[-1].md_level >= md_level:
            self._stack.pop()
        self._labels.clear()

    def close_labels(self) -> None:
        """The end of a `<details>` group: what follows belongs to the heading again."""
        self._labels.clear()

    def open_label(self, text: str, line: int, raw: str, italic: bool) -> Section:
        """A bold (or italic) bullet label inside a section: a sub-section for what follows."""
        parts = split_heading(text, letters=True)
        if italic:
            bold = [s for s in self._labels if s.origin == SectionOrigin.BOLD_LABEL]
            parent = bold[-1] if bold else self.heading
            self._labels = [*bold[-1:]] if bold else []
            origin = SectionOrigin.ITALIC_LABEL
        else:
            parent = self.heading
            self._labels = []
            origin = SectionOrigin.BOLD_LABEL
        section = self._add(parts.label, parts.notation, parent, line, raw, origin)
        self._labels.append(section)
        return section

    def category(self, name: str, line: int) -> Section:
        """A table's Category value: one sub-section per distinct category under the heading."""
        parent = self.heading
        key = self._key_for(name, None, parent, probe=True)
        for section in self.sections:
            if section.key == key and section.origin == SectionOrigin.CATEGORY:
                return section
        return self._add(name, None, parent, line, name, SectionOrigin.CATEGORY)

    def _parent_for(
        self, notation: str | None, positional: _Open | None, md_level: int, line: int, label: str
    ) -> Section | None:
        """Position decides, unless the numbering clearly says the heading is at the wrong level."""
        parent = positional.section if positional else None
        if notation is not None:
            parent = self._numbered_parent(notation, parent, line, label)
        parent_level = self._md_levels.get(parent.key) if parent else None
        if parent is not None and parent_level is not None and md_level - parent_level > 1:
            self._issue(
                line,
                IssueKind.SKIPPED_HEADING_LEVEL,
                f"heading level {md_level} under level {parent_level} ({parent.label!r}) skips a level",
            )
        return parent

    def _numbered_parent(
        self, notation: str, parent: Section | None, line: int, label: str
    ) -> Section | None:
        expected = notation_parent(notation)
        if parent is not None and parent.notation == expected:
            return parent
        if (
            parent is not None
            and parent.notation
            and expected
            and _is_prefix(parent.notation, expected)
        ):
            return self._numbered_ancestor(expected, line, notation)
        if expected is None or expected in self._recent_numbers():
            target = self._numbered_ancestor(expected, line, notation) if expected else None
            if target is not parent:
                where = f"{target.notation} {target.label!r}" if target else "the top level"
                self._issue(
                    line,
                    IssueKind.SKIPPED_HEADING_LEVEL,
                    f"{notation} {label!r} is written at the level of its neighbours but its "
                    f"number puts it under {where}",
                )
            return target
        if parent is not None and parent.notation:
            self._issue(
                line,
                IssueKind.MISNUMBERED_HEADING,
                f"{notation} {label!r} stands under {parent.notation} {parent.label!r}",
            )
            return parent
        return self._numbered_ancestor(expected, line, notation) or parent

    def _recent_numbers(self) -> set[str]:
        """Notations on the path of the last numbered heading: where the numbering now stands."""
        found: set[str] = set()
        node = self._last_numbered
        by_key = {s.key: s for s in self.sections}
        while node is not None:
            if node.notation:
                found.add(node.notation)
            node = by_key.get(node.parent) if node.parent else None
        return found

    def _numbered_ancestor(self, notation: str, line: int, child: str) -> Section | None:
        """The section numbered `notation`, or one implied from the table of contents."""
        if notation in self._by_notation:
            return self._by_notation[notation]
        self._issue(line, IssueKind.SKIPPED_HEADING_LEVEL, f"{child} has no heading {notation} above it")
        toc = self.toc.get(notation)
        if toc is None:
            return None
        grand = notation_parent(notation)
        parent = self._numbered_ancestor(grand, line, notation) if grand else None
        return self._add(toc.label, notation, parent, toc.line, toc.label, SectionOrigin.IMPLIED)

    def _add(
        self,
        label: str,
        notation: str | None,
        parent: Section | None,
        line: int,
        raw: str,
        origin: SectionOrigin,
    ) -> Section:
        key = self._key_for(label, notation, parent)
        self._keys.add(key)
        section = Section(
            key=key,
            list_id=self.list_id,
            label=label or (notation or "untitled"),
            notation=notation,
            level=(parent.level + 1) if parent else 1,
            parent=parent.key if parent else None,
            order=len(self.sections),
            line=line,
            raw=raw,
            origin=origin,
        )
        self.sections.append(section)
        if notation and origin in (SectionOrigin.HEADING, SectionOrigin.IMPLIED):
            self._by_notation.setdefault(notation, section)
        return section

    def _key_for(
        self, label: str, notation: str | None, parent: Section | None, probe: bool = False
    ) -> str:
        """Notation where the list numbers the heading, else the slugged label path."""
        numbered = (notation and "." in notation) or (notation and notation.isdigit())
        if numbered:
            base = str(notation)
        else:
            slug = slugify(label)
            base = f"{parent.key}/{slug}" if parent else slug
        if probe:
            return base
        key, n = base, 2
        while key in self._keys:
            key, n = f"{base}-{n}", n + 1
        return key

    def _issue(self, line: int, kind: IssueKind, message: str) -> None:
        self.issues.append(
            ListIssue(list_id=self.list_id, file=self.file, line=line, kind=kind, message=message)
        )


def _is_prefix(ancestor: str, notation: str) -> bool:
    return notation == ancestor or notation.startswith(ancestor + ".")
