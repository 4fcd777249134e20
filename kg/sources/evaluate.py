"""How well the reader reads: entries and every field compared with hand-written golden files."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Entry, ParsedList, SurveyList
from kg.normalize import person_key
from kg.sources.base import read_list

FIELDS = (
    "title",
    "kind",
    "section",
    "authors",
    "venue",
    "year",
    "links",
    "identifiers",
    "summary",
)
SCHOLARLY = ("arxiv", "doi", "acl", "openreview")


@dataclass
class FixtureScore:
    """One fixture's counts: entries expected, found and extra, and right answers per field."""

    name: str
    expected: int
    found: int = 0
    extra: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    ids_expected: int = 0
    ids_found: int = 0
    mismatches: list[tuple[int, str, object, object]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        taken = self.found + len(self.extra)
        return self.found / taken if taken else 1.0

    def accuracy(self, name: str) -> float | None:
        return self.right[name] / self.total[name] if self.total[name] else None

    @property
    def id_recall(self) -> float:
        return self.ids_found / self.ids_expected if self.ids_expected else 1.0


def load_golden(path: Path) -> list[dict[str, object]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not JSON ({err.msg})") from err
    return rows


def read_fixture(path: Path) -> ParsedList:
    source = SurveyList(id=path.stem, title=path.stem, file=path.name)
    return read_list(source, path.parent)


def observed(entry: Entry, labels: dict[str, str]) -> dict[str, object]:
    """The reader's answer for one entry, in the golden file's terms."""
    links: dict[str, list[str]] = {}
    for link in entry.resources:
        links.setdefault(link.role.value, []).append(link.url)
    return {
        "line": entry.line,
        "title": entry.title,
        "kind": entry.kind.value,
        "section": labels.get(entry.sections[0]) if entry.sections else None,
        "authors": entry.authors,
        "venue": entry.venue.venue,
        "year": entry.venue.year,
        "links": links,
        "identifiers": sorted(str(i) for i in entry.identifiers if i.scheme in SCHOLARLY),
        "summary": entry.summary,
    }


def _fold(text: object) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(text or ""))).strip()


def _loose(text: object) -> str:
    return re.sub(r"[\W_]+", "", _fold(text).lower())


def same(name: str, expected: object, got: object) -> bool:
    """Field equality as the golden files mean it (see tests/fixtures/lists/dialects/README.md)."""
    if name == "authors":
        return [person_key(a) for a in expected or []] == [person_key(a) for a in got or []]  # type: ignore[union-attr]
    if name in ("venue", "summary"):
        return _loose(expected) == _loose(got)
    if name == "links":
        want = {(r, u) for r, us in (expected or {}).items() for u in us}  # type: ignore[union-attr]
        have = {(r, u) for r, us in (got or {}).items() for u in us}  # type: ignore[union-attr]
        return want == have
    if name in ("title", "section"):
        return _fold(expected) == _fold(got)
    return expected == got


def score(name: str, parsed: ParsedList, golden: list[dict[str, object]]) -> FixtureScore:
    labels = {s.key: s.label for s in parsed.sections}
    by_line = {e.line: e for e in parsed.entries}
    result = FixtureScore(name, expected=len(golden))
    wanted = {int(row["line"]) for row in golden}  # type: ignore[call-overload]
    result.extra = sorted(line for line in by_line if line not in wanted)
    for row in golden:
        line = int(row["line"])  # type: ignore[call-overload]
        expected_ids = list(row.get("identifiers") or [])  # type: ignore[call-overload]
        result.ids_expected += len(expected_ids)
        entry = by_line.get(line)
        if entry is None:
            result.missed.append(line)
            continue
        result.found += 1
        got = observed(entry, labels)
        result.ids_found += len(set(expected_ids) & set(got["identifiers"]))  # type: ignore[arg-type]
        for name_ in FIELDS:
            if name_ not in row:
                continue
            result.total[name_] += 1
            if same(name_, row[name_], got[name_]):
                result.right[name_] += 1
            else:
                result.mismatches.append((line, name_, row[name_], got[name_]))
    return result


def evaluate_corpus(folder: Path) -> list[FixtureScore]:
    """Score every `NAME.md` that has a `NAME.golden.jsonl` beside it, in name order."""
    scores = []
    for golden_path in sorted(folder.glob("*.golden.jsonl")):
        list_path = golden_path.with_name(golden_path.name.replace(".golden.jsonl", ".md"))
        scores.append(score(list_path.stem, read_fixture(list_path), load_golden(golden_path)))
    return scores


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(scores: list[FixtureScore]) -> str:
    """Per fixture: entries found, precision, identifier recall and accuracy of every field."""
    head = ["fixture", "entries", "found", "precision", "ids", *FIELDS]
    rows = [head]
    for s in scores:
        rows.append(
            [s.name, str(s.expected), _pct(s.recall), _pct(s.precision), _pct(s.id_recall)]
            + [_pct(s.accuracy(f)) for f in FIELDS]
        )
    rows.append(_overall(scores))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.insert(len(lines) - 1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def _overall(scores: list[FixtureScore]) -> list[str]:
    expected = sum(s.expected for s in scores)
    found = sum(s.found for s in scores)
    taken = found + sum(len(s.extra) for s in scores)
    ids = sum(s.ids_expected for s in scores)
    row = [
        "all",
        str(expected),
        _pct(found / expected if expected else None),
        _pct(found / taken if taken else None),
        _pct(sum(s.ids_found for s in scores) / ids if ids else None),
    ]
    for name in FIELDS:
        total = sum(s.total[name] for s in scores)
        row.append(_pct(sum(s.right[name] for s in scores) / total if total else None))
    return row
