"""`evaluatedOn`: a paper names a benchmark or dataset in its title or one-line summary.

"Tinygsm: achieving> 80% on gsm8k …" reports results on GSM8K.  Only datasets and benchmarks
count; a work never evaluates on what it presents or builds on ("… Version of RedPajama").
Names written in capitals only ("MATH", "LESS") must appear in capitals, so that "Math Word
Problems" is not the MATH benchmark, and other names must be written as names: "Multiple Images"
folds like MultiPL-E but does not name it.

Confidence: title-benchmark 0.85; summary-benchmark 0.7, because a summary ("uses X") mentions
data more loosely than a title.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

from kg.enrich import names
from kg.enrich.claims import Role
from kg.enrich.entities import EntityIndex
from kg.model import Entity, EntityKind, Predicate, Relation, Work, WorkKind

__all__ = ["CONFIDENCE", "evaluated_on", "named_entities"]

CONFIDENCE = {"title-benchmark": 0.85, "summary-benchmark": 0.7}
MAX_WORDS = 3
MIN_KEY = 3  # "T1" or "S1" alone is too short to find in running text
_WORD = re.compile(r"[\w][\w.+-]*[\w+]|[\w]")
_DATA_KINDS = (EntityKind.DATASET, EntityKind.BENCHMARK)


def _spans(words: list[str]) -> Iterator[tuple[int, int]]:
    """Word ranges, longest first, so that "Tulu 3" is read before "Tulu"."""
    for size in range(MAX_WORDS, 0, -1):
        for i in range(len(words) - size + 1):
            yield i, i + size


def _loose(text: str) -> str:
    """Case and accents do not count; spaces, hyphens and the letters themselves do."""
    bare = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in bare if not unicodedata.combining(ch)).casefold()


def _spelled(span: str, entity: Entity) -> bool:
    """Whether the text writes the entity's name rather than a word that folds like it.

    A name in capitals only ("MATH", "LESS") must be written so.  Otherwise the span must be one
    of the entity's spellings up to case and accents ("gsm8k", "Tulu"), or itself read as a coined
    name ("GSM-8K"): "Multiple Images" does not name MultiPL-E.
    """
    if entity.name.isalpha() and entity.name.isupper():
        return span.isupper()
    if _loose(span) in {_loose(n) for n in (entity.name, *entity.aliases)}:
        return True
    return any(names.is_distinctive(t) for t in span.split())


def _versioned(words: list[str], end: int) -> bool:
    """ "… Leaderboard (BFCL) V2": a new version of the thing, not results on it."""
    return end < len(words) and re.fullmatch(r"[vV]?\d+(\.\d+)?|II|III", words[end]) is not None


def named_entities(text: str, index: EntityIndex, kinds: tuple[EntityKind, ...]) -> list[str]:
    """Entities of the given kinds whose name or alias the text contains, as whole words.

    A longer name wins over the names inside it, whatever its kind: "Tulu 3" is not "Tulu".
    """
    words = _WORD.findall(text)
    taken: set[int] = set()
    found = []
    for start, end in _spans(words):
        span = " ".join(words[start:end])
        ids = index.lookup(span)
        if len(ids) != 1 or len(names.fold(span)) < MIN_KEY or taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        entity = index.entity(ids[0])
        if entity.kind in kinds and _spelled(span, entity) and not _versioned(words, end):
            found.append(entity.id)
    return list(dict.fromkeys(found))


def _own(index: EntityIndex) -> set[tuple[str, str]]:
    """(work, entity) pairs where the work presents, uses or derives from the entity."""
    own = set()
    for entity_id, claims in index.claims_of.items():
        own |= {(c.work, entity_id) for c in claims if c.role is not Role.MENTIONED}
    return own


def _texts(
    work: Work, mentions: dict[str, tuple[str, str | None]]
) -> Iterator[tuple[str, str, str]]:
    """(rule, text, mention) for every title and summary of the work's mentions."""
    for m in work.mentions:
        title, summary = mentions[m]
        yield "title-benchmark", title, m
        if summary:
            yield "summary-benchmark", summary, m


def evaluated_on(
    index: EntityIndex, works: list[Work], mentions: dict[str, tuple[str, str | None]]
) -> list[Relation]:
    """One relation per (paper, benchmark, rule), citing every mention that names it."""
    own = _own(index)
    found: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for work in works:
        if work.kind is not WorkKind.PAPER:
            continue
        for rule, text, mention in _texts(work, mentions):
            for entity_id in named_entities(text, index, _DATA_KINDS):
                if (work.id, entity_id) not in own and not _itself(text, index.entity(entity_id)):
                    found[(work.id, entity_id, rule)].append((mention, text))
    return [_relation(key, hits, index) for key, hits in sorted(found.items())]


def _itself(text: str, entity: Entity) -> bool:
    """A title that is the name alone ("COCO") is the entry of the thing itself, not a paper
    reporting results on it."""
    return names.fold(text) in {names.fold(n) for n in (entity.name, *entity.aliases)}


def _relation(
    key: tuple[str, str, str], hits: list[tuple[str, str]], index: EntityIndex
) -> Relation:
    work, entity_id, rule = key
    entity = index.entity(entity_id)
    where = "title" if rule == "title-benchmark" else "summary"
    text = min(hits)[1]
    return Relation(
        subject=work,
        predicate=Predicate.EVALUATED_ON,
        object=entity_id,
        confidence=CONFIDENCE[rule],
        evidence=f'{where} "{text}" names the {entity.kind.value} {entity.name}',
        rule=rule,
        mentions=sorted({m for m, _ in hits}),
    )
