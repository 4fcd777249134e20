"""What each list entry's title says about named things: one claim per name read.

A claim records who (the work), where (the mention), how (the rule) and in what role a name was
read.  `settle` then decides, across all lists, whether "… with X" builds on an X presented
elsewhere or presents X itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum

from kg.enrich import names
from kg.enrich.cues import kind_cue, name_kind
from kg.enrich.versions import unversioned_base, version
from kg.model import EntityKind, Entry, ParsedList
from kg.resolve import Resolution, mention_id

__all__ = ["Claim", "Role", "read_claims", "settle", "title_claims"]


class Role(StrEnum):
    """What the title does with the name."""

    INTRODUCED = "introduced"  # presents it: prefix, technical report, "The X Dataset"
    USED = "used"  # builds on it: "… with X", "… via X"
    BASE = "base"  # derives from it: "… Version of X", "VILA2: VILA …"
    MENTIONED = "mentioned"  # names it as a benchmark or dataset: "… MMLU Benchmark"


@dataclass(frozen=True, order=True)
class Claim:
    """One name read in one title of one mention."""

    work: str
    mention: str
    key: str  # names.fold(name)
    name: str
    role: Role
    rule: str
    title: str
    kind: EntityKind | None = None  # what the title's wording says the thing is
    dataset_section: bool = False  # the entry stands under a dataset heading


TitleClaim = tuple[str, Role, str, EntityKind | None]  # name, role, rule, kind

_DATASET_SECTION = re.compile(r"\b(?:datasets?|corpus|corpora)\b", re.IGNORECASE)
_SURVEY = re.compile(r"\b(survey|review)\b", re.IGNORECASE)


def _presented(title: str) -> list[TitleClaim]:
    """Names the title presents; a survey presents nothing."""
    prefix = [] if _SURVEY.search(title) else names.prefix_names(title)
    rest = names.subtitle(title, prefix)
    found = [(n, Role.INTRODUCED, "title-prefix", kind_cue(n, rest)) for n in prefix]
    bases = [b for n in prefix if (b := unversioned_base(n, rest))]
    found += [(b, Role.BASE, "title-base-name", None) for b in bases]
    found += [
        (n, Role.INTRODUCED, "title-report", EntityKind.MODEL) for n in names.report_names(title)
    ]
    leading = names.leading_dataset(title)
    if leading:
        found.append((leading, Role.INTRODUCED, "title-leading-dataset", EntityKind.DATASET))
    return found


def title_claims(title: str) -> list[TitleClaim]:
    """Every name one title states, with its role, rule and stated kind, in reading order."""
    found = _presented(title)
    found += [(n, Role.USED, "title-with-method", None) for n in names.used_names(title)]
    found += [
        (n, Role.BASE, "title-version-of", EntityKind.DATASET) for n in names.base_names(title)
    ]
    if not any(role is Role.INTRODUCED for _, role, _, _ in found):
        found += [
            (n, Role.MENTIONED, "title-benchmark", k) for n, k in names.benchmark_names(title)
        ]
    return found


def _section_labels(parsed: ParsedList) -> dict[str, tuple[str, ...]]:
    """Each section's label with its ancestors' labels: the context an entry stands in."""
    by_key = {s.key: s for s in parsed.sections}
    labels: dict[str, tuple[str, ...]] = {}
    for key, section in by_key.items():
        chain, node = [], section
        while node is not None:
            chain.append(node.label)
            node = by_key.get(node.parent) if node.parent else None
        labels[key] = tuple(chain)
    return labels


def _in_dataset_section(entry: Entry, labels: dict[str, tuple[str, ...]]) -> bool:
    return any(_DATASET_SECTION.search(label) for key in entry.sections for label in labels[key])


def _entry_claims(entry: Entry, work: str, in_data: bool) -> list[Claim]:
    mention = mention_id(entry)
    return [
        Claim(work, mention, names.fold(n), n, role, rule, entry.title, kind, in_data)
        for n, role, rule, kind in title_claims(entry.title)
        if names.fold(n) and not names.is_generic(n)
    ]


def read_claims(parsed: list[ParsedList], resolution: Resolution) -> list[Claim]:
    """The claims of every entry of every list, sorted, without repeats."""
    claims: set[Claim] = set()
    for lst in parsed:
        labels = _section_labels(lst)
        for entry in lst.entries:
            work = resolution.work_of[mention_id(entry)]
            claims.update(_entry_claims(entry, work, _in_dataset_section(entry, labels)))
    return sorted(claims)


def settle(claims: list[Claim]) -> list[Claim]:
    """Decide the role of names a work states about what it presents, or uses alone.

    A name a work presents is not also used, based on or mentioned by that work.  "… with X"
    builds on X when another work presents X or at least two works use it (Evol-Instruct in
    WizardCoder and WizardMath); otherwise the work presents X itself (OSS-Instruct in Magicoder),
    unless X is a model or a release that the work only uses.
    """
    presenters: dict[str, set[str]] = defaultdict(set)
    users: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.role is Role.INTRODUCED:
            presenters[c.key].add(c.work)
        elif c.role is Role.USED:
            users[c.key].add(c.work)
    settled = []
    for c in claims:
        if c.role is not Role.INTRODUCED and c.work in presenters[c.key]:
            continue
        alone = not presenters[c.key] and len(users[c.key]) < 2
        if c.role is Role.USED and alone and _may_be_new(c.name):
            c = replace(c, role=Role.INTRODUCED, rule="title-with-new-method")
        settled.append(c)
    return sorted(settled)


def _may_be_new(name: str) -> bool:
    """A method a title works with may be its own; a model or a versioned release ("GPT-4V",
    "wav2vec 2.0") comes from elsewhere, even when no listed work presents it."""
    return name_kind(name) is None and not version(name).versioned
